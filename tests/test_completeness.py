"""TQ101–TQ106: omitted, added, partial, moved and duplicated content."""
import pytest

import tqcheck
from tqcheck.findings import Severity


def rules(src, tgt, sl, tl):
    rep = tqcheck.check(src, tgt, sl, tl, select=["TQ10"])
    return [(f.rule, f.source_excerpt, f.target_excerpt) for f in rep.findings if f.severity != Severity.INFO]


BASE_EN = ("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
           "All 27 member states took part in the long debate about the new rules for the union. "
           "The next session is planned for October in Vienna.")
TRANSLATIONS = {
    "de": ["Der Ausschuss tagte am 3. März in Genf.", "Er verabschiedete den Haushalt für 2023.",
           "Alle 27 Mitgliedstaaten nahmen an der langen Debatte über die neuen Regeln der Union teil.",
           "Die nächste Sitzung ist für Oktober in Wien geplant."],
    "fr": ["Le comité s'est réuni le 3 mars à Genève.", "Il a adopté le budget pour 2023.",
           "Les 27 États membres ont participé au long débat sur les nouvelles règles de l'union.",
           "La prochaine session est prévue en octobre à Vienne."],
    "pl": ["Komitet zebrał się 3 marca w Genewie.", "Przyjął budżet na rok 2023.",
           "Wszystkie 27 państw członkowskich wzięło udział w długiej debacie o nowych zasadach unii.",
           "Następna sesja planowana jest na październik w Wiedniu."],
    "ru": ["Комитет собрался 3 марта в Женеве.", "Он принял бюджет на 2023 год.",
           "Все 27 государств-членов приняли участие в долгих дебатах о новых правилах союза.",
           "Следующая сессия запланирована на октябрь в Вене."],
    "zh": ["委员会于3月3日在日内瓦举行会议。", "会议通过了2023年预算。",
           "全部27个成员国参加了关于联盟新规则的长时间辩论。", "下一届会议计划于10月在维也纳举行。"],
    "ja": ["委員会は3月3日にジュネーブで会合を開いた。", "委員会は2023年の予算を採択した。",
           "連合の新しい規則についての長い議論に、27の加盟国すべてが参加した。",
           "次の会期は10月にウィーンで予定されている。"],
}
_UNSPACED = ("zh", "ja")


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_complete_translation_is_quiet(lang):
    assert rules(BASE_EN, ("" if lang in _UNSPACED else " ").join(TRANSLATIONS[lang]), "en", lang) == []


@pytest.mark.parametrize("lang", ["de", "fr", "pl", "ru", "ja"])
def test_omitted_sentence(lang):
    """In Japanese too: its prior length ratio is that of kana beside characters (0.5), not that
    of Chinese (0.35), against which every Japanese sentence looked too long and the omitted one
    seemed absorbed by its neighbour."""
    t = TRANSLATIONS[lang]
    got = rules(BASE_EN, ("" if lang in _UNSPACED else " ").join(t[:2] + t[3:]), "en", lang)
    assert [g[:2] for g in got] == [("TQ101", "All 27 member states took part in the long debate about "
                                              "the new rules for the union.")]


@pytest.mark.parametrize("lang", ["de", "fr", "ru"])
def test_added_sentence(lang):
    extra = {"de": "Alle Teilnehmer waren mit den Ergebnissen der Beratungen sehr zufrieden.",
             "fr": "Tous les participants étaient très satisfaits des résultats des discussions.",
             "ru": "Все участники были очень довольны результатами обсуждений и работы."}[lang]
    t = TRANSLATIONS[lang]
    got = rules(BASE_EN, " ".join(t[:2] + [extra] + t[2:]), "en", lang)
    assert [g[0] for g in got] == ["TQ102"] and got[0][2] == extra


def test_partial_omission_reports_the_missing_clause():
    got = rules("We visited Berlin, Hamburg, Munich and Cologne with 25 colleagues from 14 countries in 2019.",
                "2019 haben wir Berlin besucht.", "en", "de")
    assert len(got) == 1 and got[0][0] == "TQ103"
    assert "25 colleagues from 14 countries" in got[0][1] and not got[0][1].startswith("We visited")


def test_partial_addition():
    got = rules("We visited Berlin in 2019.",
                "2019 haben wir Berlin besucht, danach Hamburg, München und Köln mit 25 Kollegen aus 14 Ländern.",
                "en", "de")
    assert [g[0] for g in got] == ["TQ104"]
    assert "25 Kollegen" in got[0][2]


def test_inflected_names_are_not_missing():
    # Kazakhstan / Kazakistan'ın, Almaty / Almatı: transliterations, not omissions
    got = rules("Today Kazakhstan faces violence in Almaty and other cities of Kazakhstan since 5 January.",
                "Bugün Kazakistan, 5 Ocak'tan beri Almatı ve diğer şehirlerinde şiddetle karşı karşıya.", "en", "tr")
    assert got == []


def test_moved_sentence_is_one_finding():
    src = ("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
           "The chair, Maria Lopez, thanked the 12 interpreters. The next session is planned for October in "
           "Vienna. Delegates from 40 countries attended the debate on Tuesday.")
    tgt = ("Le comité s'est réuni le 3 mars à Genève. Il a adopté le budget pour 2023. La prochaine session est "
           "prévue en octobre à Vienne. Des délégués de 40 pays ont assisté au débat mardi. La présidente, "
           "Maria Lopez, a remercié les 12 interprètes.")
    got = rules(src, tgt, "en", "fr")
    assert [g[0] for g in got] == ["TQ105"]
    assert "Maria Lopez" in got[0][1] and "Maria Lopez" in got[0][2]


def test_duplicated_translation():
    t = TRANSLATIONS["de"]
    got = rules(BASE_EN, " ".join(t[:2] + [t[1]] + t[2:]), "en", "de")
    assert [g[0] for g in got] == ["TQ106"]


def test_repeated_source_repeated_translation_is_fine():
    src = "Please close the door behind you. We met at 9 in Berlin. Please close the door behind you."
    tgt = "Bitte schließen Sie die Tür hinter sich. Wir trafen uns um 9 in Berlin. Bitte schließen Sie die Tür hinter sich."
    assert rules(src, tgt, "en", "de") == []


def test_empty_translation_is_one_finding():
    got = rules(BASE_EN, "", "en", "de")
    assert [g[0] for g in got] == ["TQ101"]


def test_fixture_omission_and_nothing_else_major(seed_report):
    comp = [f for f in seed_report.findings if f.rule.startswith("TQ10") and f.severity != Severity.INFO]
    om = [f for f in comp if f.source_excerpt == "The whole Kazakhstan was a target."]
    assert len(om) == 1 and om[0].rule in ("TQ101", "TQ103")
    others = [f for f in comp if f is not om[0] and f.severity.rank >= Severity.MAJOR.rank]
    assert others == [], [(f.rule, f.source_excerpt, f.target_excerpt) for f in others]


# -- moved content, swaps, runs ------------------------------------------------------------------
MUSEUM_EN = [
    ["The museum opened its new wing on 12 May 2022.", "The architect, Anna Berg, designed it in four years.",
     "It cost 18 million euros."],
    ["The wing shows paintings from the collection of Karl Weber.", "Most of them were never shown before.",
     "Visitors can also see 40 drawings by young artists."],
    ["The city council paid half of the costs.", "The other half came from private donors.",
     "The mayor thanked everyone at the opening ceremony."],
    ["The museum is open every day except Monday.", "Entry is free for children under 12.",
     "Guided tours start at 11 and at 15 o'clock."],
]
MUSEUM = {
    "de": [["Das Museum eröffnete am 12. Mai 2022 seinen neuen Flügel.",
            "Die Architektin Anna Berg entwarf ihn in vier Jahren.", "Er kostete 18 Millionen Euro."],
           ["Der Flügel zeigt Gemälde aus der Sammlung von Karl Weber.", "Die meisten davon wurden noch nie gezeigt.",
            "Besucher sehen außerdem 40 Zeichnungen junger Künstler."],
           ["Der Stadtrat bezahlte die Hälfte der Kosten.", "Die andere Hälfte kam von privaten Spendern.",
            "Der Bürgermeister dankte allen bei der Eröffnungsfeier."],
           ["Das Museum ist täglich außer montags geöffnet.", "Kinder unter 12 Jahren haben freien Eintritt.",
            "Führungen beginnen um 11 und um 15 Uhr."]],
    "fr": [["Le musée a ouvert sa nouvelle aile le 12 mai 2022.", "L'architecte Anna Berg l'a conçue en quatre ans.",
            "Elle a coûté 18 millions d'euros."],
           ["L'aile présente des tableaux de la collection de Karl Weber.", "La plupart n'avaient jamais été exposés.",
            "Les visiteurs peuvent aussi voir 40 dessins de jeunes artistes."],
           ["Le conseil municipal a payé la moitié des coûts.", "L'autre moitié est venue de donateurs privés.",
            "Le maire a remercié tout le monde lors de la cérémonie d'ouverture."],
           ["Le musée est ouvert tous les jours sauf le lundi.",
            "L'entrée est gratuite pour les enfants de moins de 12 ans.",
            "Les visites guidées commencent à 11 et à 15 heures."]],
}


def _paras(p):
    return "\n\n".join(" ".join(x) for x in p) + "\n"


def _found(src, tgt, lang):
    rep = tqcheck.check(_paras(src), _paras(tgt), "en", lang, select=["TQ10"])
    return [f for f in rep.findings if f.severity != Severity.INFO]


@pytest.mark.parametrize("lang", sorted(MUSEUM))
def test_museum_untouched_is_quiet(lang):
    assert _found(MUSEUM_EN, MUSEUM[lang], lang) == []


@pytest.mark.parametrize("lang", sorted(MUSEUM))
def test_omitted_paragraph_is_one_finding(lang):
    t = [list(p) for p in MUSEUM[lang]]
    del t[2]
    got = _found(MUSEUM_EN, t, lang)
    assert [(f.rule, f.source_segment) for f in got] == [("TQ101", 6)]
    assert "3 sentences" in got[0].message
    # the finding's span covers the three omitted sentences, not just the first
    assert "donors" in got[0].source_excerpt and "ceremony" in got[0].source_excerpt


@pytest.mark.parametrize("lang", sorted(MUSEUM))
def test_moved_paragraph_is_one_reorder_finding(lang):
    t = [list(p) for p in MUSEUM[lang]]
    t.insert(3, t.pop(1))
    got = _found(MUSEUM_EN, t, lang)
    assert [(f.rule, f.category, f.source_segment, f.target_segment) for f in got] == [("TQ105", "reorder", 3, 9)]
    assert "later" in got[0].message


@pytest.mark.parametrize("lang", sorted(MUSEUM))
def test_swapped_neighbours_are_a_minor_reorder(lang):
    t = [list(p) for p in MUSEUM[lang]]
    t[1][0], t[1][1] = t[1][1], t[1][0]
    got = _found(MUSEUM_EN, t, lang)
    assert [(f.rule, f.severity, f.source_segment) for f in got] == [("TQ105", Severity.MINOR, 3)]
    assert "opposite order" in got[0].message


@pytest.mark.parametrize("lang", sorted(MUSEUM))
def test_merged_neighbours_in_right_order_are_not_a_swap(lang):
    """Two sentences translated as one (a 2-1 bead) is not a reorder."""
    t = [list(p) for p in MUSEUM[lang]]
    t[1][0:2] = [t[1][0].rstrip(".") + ", " + t[1][1][0].lower() + t[1][1][1:]]
    assert [f.rule for f in _found(MUSEUM_EN, t, lang) if f.rule == "TQ105"] == []


_KANDERSTEG = ("Nous sommes partis de Kandersteg à six heures. Le chemin monte vers le lac d'Oeschinen. "
               "Nous avons grimpé la voie Trumpfkönig{} jusqu'au sommet. "
               "Le soir, nous sommes rentrés à la cabane.")
_KANDERSTEG_DE = ("Wir sind um sechs Uhr in Kandersteg aufgebrochen. Der Weg steigt zum Oeschinensee. "
                  "Wir kletterten die Route Trumpfkönig. Am Abend kehrten wir zur Hütte zurück.")


def test_missing_aside_in_brackets_is_a_minor_partial_omission():
    """What a translation lacks in brackets is often a gloss the other language does not need
    (a French gloss of a German route name): minor, the span is the inside of the brackets, and
    the message says so. The same words outside brackets stay major."""
    rep = tqcheck.check(_KANDERSTEG.format(" (Roi d'Atout, cotée Fontainebleau VII)"), _KANDERSTEG_DE, "fr", "de")
    got = [(f.rule, f.severity, f.source_excerpt) for f in rep.findings if f.rule == "TQ103"]
    assert got == [("TQ103", Severity.MINOR, "Roi d'Atout, cotée Fontainebleau VII")]
    assert "in brackets, perhaps a gloss or a note" in next(f.message for f in rep.findings if f.rule == "TQ103")
    rep = tqcheck.check(_KANDERSTEG.format(" avec Roi d'Atout et Fontainebleau"), _KANDERSTEG_DE, "fr", "de")
    got = [(f.rule, f.severity) for f in rep.findings if f.rule == "TQ103"]
    assert got == [("TQ103", Severity.MAJOR)]


def test_a_sentence_that_opens_with_an_aside_starts_again_after_it():
    """Text+Berg test5 (French): "( Traduction de Denis Stulz ) Départ en parapente …", a
    translator's credit printed before a caption, which the German edition has not. "Départ"
    opens the sentence proper, so it is no name the translation lacks; what it lacks is the
    credit in brackets: a minor partial omission spanning the inside of the brackets."""
    src = ("Nous sommes partis de Kandersteg à six heures. Le chemin monte vers le lac d'Oeschinen. "
           "Le temps était beau et le rocher sec. Nous avons grimpé la voie Trumpfkönig jusqu'au sommet. "
           "(Traduction de Denis Stulz) Départ en parapente depuis le Rheinwaldhorn vers l'ouest. "
           "Le vent était faible et l'air calme. Le soir, nous sommes rentrés à la cabane.")
    tgt = ("Wir sind um sechs Uhr in Kandersteg aufgebrochen. Der Weg steigt zum Oeschinensee. "
           "Das Wetter war schön und der Fels trocken. Wir kletterten die Route Trumpfkönig bis zum Gipfel. "
           "Start vom Rheinwaldhorn. Der Wind war schwach und die Luft ruhig. "
           "Am Abend kehrten wir zur Hütte zurück.")
    rep = tqcheck.check(src, tgt, "fr", "de")
    got = [(f.rule, f.severity, f.source_excerpt) for f in rep.findings if f.rule == "TQ103"]
    assert got == [("TQ103", Severity.MINOR, "Traduction de Denis Stulz")]
    assert "Départ" not in next(f.message for f in rep.findings if f.rule == "TQ103")


def test_bracketed_finds_the_brackets_holding_every_span():
    from tqcheck.checks.completeness.partial import _bracketed

    t = "Voie « Trumpfkönig » ( Roi d' Atout ) et [ Fusion ] ."
    roi, atout, fusion = (t.index(w) for w in ("Roi", "Atout", "Fusion"))
    assert t[slice(*_bracketed(t, [(roi, roi + 3), (atout, atout + 5)]))] == "Roi d' Atout"
    assert t[slice(*_bracketed(t, [(fusion, fusion + 6)]))] == "Fusion"
    assert _bracketed(t, [(roi, roi + 3), (fusion, fusion + 6)]) is None
    assert _bracketed("Keine Klammern hier .", [(0, 5)]) is None


def test_a_frequent_word_with_a_capital_inside_a_sentence_is_not_a_name():
    """OCR splices a caption into a sentence ("… l' ample mouvement dy- Dans la voie …"): "Dans"
    is written in small letters elsewhere in the document and is frequent in French, so it is
    no name the translation must have; a rare capitalised word, and one never written small,
    still are."""
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import CheckContext

    src = ("Nous marchons dans la forêt. L' ample mouvement dy- Dans la voie Bschütti , namique devient possible. "
           "Dans la vallée , il pleut.")
    tgt = "Wir gehen im Wald. Der weite dynamische Zug wird möglich. Im Tal regnet es."
    rep = tqcheck.check(src, tgt, "fr", "de")
    d = C._doc._Doc(CheckContext(source=rep.source, target=rep.target, beads=rep.beads, src_lang="fr", tgt_lang="de"))
    text = rep.source.sentences[1].text
    assert [t.text for t in d.anchors("src", text)] == ["Bschütti"]


_CAPTION_SRC = ["We left the village early in the morning.",
                "North face of the Lenzspitze seen from the Nadelhorn (photo) A last look back:",
                "the rope had cut a large corner of the snow.",
                "The path climbed steadily through the forest.",
                "After two hours we reached the moraine.",
                "The weather was still fine and the air was cold.",
                "We stopped for a short rest by the stream.",
                "Then we crossed the glacier without any trouble.",
                "The crevasses were well covered with snow.",
                "At noon we were on the ridge.",
                "The view over the valley was wonderful.",
                "In the evening we walked down to the hut.",
                "The warden had cooked a good soup for us."]
_CAPTION_TGT = ["Nous avons quitté le village tôt le matin.",
                "Un dernier regard en arrière :",
                "la corde avait tranché un grand coin de neige.",
                "Le sentier montait régulièrement à travers la forêt.",
                "Après deux heures, nous avons atteint la moraine.",
                "Le temps était encore beau et l'air était froid.",
                "Nous nous sommes arrêtés pour une courte pause près du ruisseau.",
                "Puis nous avons traversé le glacier sans aucune difficulté.",
                "Les crevasses étaient bien couvertes de neige.",
                "À midi, nous étions sur l'arête.",
                "La vue sur la vallée était magnifique.",
                "Le soir, nous sommes descendus à la cabane, face nord de la Lenzspitze vue du Nadelhorn (photo).",
                "Le gardien nous avait préparé une bonne soupe."]


def test_a_caption_placed_far_away_is_a_minor_partial_omission_and_addition_saying_where():
    """An OCR'd caption glued to source sentence 1 stands in target sentence 11, ten sentences
    on (beyond the nearby sentences :func:`_relocated` reads). Its names are found once in each
    text: both partial findings are minor and say where the other part stands. The sentence is
    linked to its much shorter translation that ends with the same colon, so it is not read as
    moved there whole (a TQ105 took it before)."""
    rep = tqcheck.check("\n".join(_CAPTION_SRC) + "\n", "\n".join(_CAPTION_TGT) + "\n", "en", "fr", lines=True)
    got = {f.rule: f for f in rep.findings if f.rule in ("TQ103", "TQ104")}
    assert (got["TQ103"].source_segment, got["TQ104"].target_segment) == (1, 11)
    assert all(f.severity == Severity.MINOR for f in got.values())
    assert "in another sentence of the translation instead" in got["TQ103"].message
    assert "in another sentence of the source" in got["TQ104"].message
    assert "Nadelhorn" in got["TQ104"].message


def _tq103(src, tgt, sl, tl):
    rep = tqcheck.check(src, tgt, sl, tl, select=["TQ10"])
    return [(f.rule, f.message.rsplit("lacks ", 1)[-1]) for f in rep.findings if f.severity != Severity.INFO]


@pytest.mark.parametrize("tgt,want", [
    # the number written out (CLDR's spell-out rules) is no number the translation lacks
    ("Je n'ouvre la cuisine qu'à dix-huit heures !", []),
    ("Je n'ouvre la cuisine que le soir !", [("TQ103", "18.00.")]),
])
def test_a_number_the_translation_writes_out_is_not_what_it_lacks(tgt, want):
    src = ("I do not open the kitchen before 18.00, but we would gladly have helped you with the long "
           "preparations for the evening.")
    assert _tq103(src, tgt, "en", "fr") == want


@pytest.mark.parametrize("tgt,want", [
    ("2019 trafen wir fünfundzwanzig Kollegen.", [("TQ103", "14.")]),
    # another number written out stands for none of them
    ("2019 trafen wir zwanzig Kollegen.", [("TQ103", "25, 14.")]),
])
def test_a_short_translation_lacks_only_the_numbers_it_does_not_write_out(tgt, want):
    src = ("In 2019 we met 25 colleagues from 14 countries at the long, lively and very productive annual "
           "meeting of the society in the old town hall.")
    assert _tq103(src, tgt, "en", "de") == want


# -- robustness: any document pair, any final mark ---------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_EN = "the committee met in Geneva on Tuesday and adopted budget for members states report".split()
_DE = "der Ausschuss tagte in Genf am Dienstag und verabschiedete Haushalt für Mitglieder Staaten Bericht".split()
_ENDS = st.sampled_from(list(".!?…,:;»)”。！？،؟۔।") + ["...", "", " -", "—", " ."])


_LINES = st.lists(st.tuples(st.lists(st.integers(0, len(_EN) - 1), min_size=1, max_size=10),
                            st.one_of(st.none(), st.integers(1, 3000)), _ENDS, st.booleans()),
                  min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(_LINES, st.data())
def test_any_document_pair_with_any_final_marks_is_checked_without_error(lines, data):
    """A document and its word-for-word translation, lines dropped and moved: lone sentences
    left by the aligner are paired by length and what they share, their final mark among it.
    Whatever mark a line ends with ("…" folds to three characters, "؟" is another script's
    "?"), every check runs and every span lies in its text. (A moved sentence ending in "…"
    once raised a TypeError there.)"""
    def text(words, lines):
        return "\n".join(" ".join(words[k] for k in ks).capitalize() + (f" {num}" if num else "") + end
                         + ("\n" if para else "") for ks, num, end, para in lines)

    tgt = list(lines)
    if len(tgt) > 1 and data.draw(st.booleans()):
        del tgt[data.draw(st.integers(0, len(tgt) - 1))]
    if len(tgt) > 2:
        tgt.insert(data.draw(st.integers(0, len(tgt) - 1)), tgt.pop(data.draw(st.integers(0, len(tgt) - 1))))
    s, t = text(_EN, lines), text(_DE, tgt)
    rep = tqcheck.check(s, t, "en", "de", lines=True)
    for f in rep.findings:
        if f.source_span:
            assert 0 <= f.source_span[0] <= f.source_span[1] <= len(s)
        if f.target_span:
            assert 0 <= f.target_span[0] <= f.target_span[1] <= len(t)
