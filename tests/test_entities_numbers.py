"""TQ201 number-mismatch and TQ205 number-format, and the number reader behind them."""
from decimal import Decimal

import pytest
import regex
from babel.numbers import format_decimal
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tqcheck.align.base import Bead
from tqcheck.checks import entities  # noqa: F401  (registers the TQ2xx rules)
from tqcheck.checks.base import REGISTRY, CheckContext
from tqcheck.checks.entity_text import analyze, han_value, number_readings, roman_value
from tqcheck.document import Document, Sentence
from tqcheck.lang import cldr


def run(src, tgt, sl, tl, codes=("TQ201",)):
    """Findings of ``codes`` on one aligned pair, and the notes."""
    sd = Document(text=src, lang=sl, sentences=[Sentence(0, src, 0, 0, len(src), 1)])
    td = Document(text=tgt, lang=tl, sentences=[Sentence(0, tgt, 0, 0, len(tgt), 1)])
    ctx = CheckContext(source=sd, target=td, beads=[Bead((0,), (0,), 1.0)], src_lang=sl, tgt_lang=tl)
    pair = ctx.pairs()[0]
    out = [f for c in codes for f in REGISTRY[c].func(pair, ctx)]
    return out, ctx.notes


def excerpts(fs):
    return [(f.rule, f.severity.value, f.source_excerpt, f.target_excerpt) for f in fs]


SRC = "The 8th summit on 11 January 2022 approved 3 projects worth 1,500.75 million euros, 50% more than in 2020."

GOOD = [
    ("de", "Der 8. Gipfel am 11. Januar 2022 billigte 3 Projekte im Wert von 1.500,75 Millionen Euro, 50 % mehr als 2020."),
    ("fr", "Le 8e sommet du 11 janvier 2022 a approuvé 3 projets d'une valeur de 1\u202f500,75 millions d'euros, 50 % de plus qu'en 2020."),
    ("pl", "8. szczyt 11 stycznia 2022 r. zatwierdził 3 projekty o wartości 1500,75 mln euro, o 50% więcej niż w 2020 r."),
    ("ru", "8-й саммит 11 января 2022 года одобрил 3 проекта на сумму 1\u00a0500,75 млн евро, на 50 % больше, чем в 2020 году."),
    ("zh", "2022年1月11日第8届峰会批准了3个项目，价值15.0075亿欧元，比2020年多50%。"),
    ("tr", "11 Ocak 2022'deki 8. zirve, 2020'ye göre %50 daha fazla olan 1.500,75 milyon euro değerinde 3 projeyi onayladı."),
    ("es", "La 8.ª cumbre del 11 de enero de 2022 aprobó 3 proyectos por valor de 1.500,75 millones de euros, un 50 % más que en 2020."),
]


@pytest.mark.parametrize("tl,tgt", GOOD, ids=[g[0] for g in GOOD])
def test_correct_numbers_in_every_locale_are_quiet(tl, tgt):
    fs, _ = run(SRC, tgt, "en", tl, codes=("TQ201", "TQ205"))
    assert excerpts(fs) == []


CHANGED = [
    ("de", "3 Projekte", "4 Projekte", "3", "4"),
    ("fr", "1\u202f500,75 millions", "1\u202f500,25 millions", "1,500.75", "1\u202f500,25"),
    ("pl", "3 projekty", "5 projektów", "3", "5"),
    ("ru", "3 проекта", "13 проектов", "3", "13"),
    ("zh", "3个项目", "30个项目", "3", "30"),
    ("tr", "%50", "%60", "50", "60"),
    ("es", "1.500,75", "1.600,75", "1,500.75", "1.600,75"),
]


@pytest.mark.parametrize("tl,old,new,s_ex,t_ex", CHANGED, ids=[c[0] for c in CHANGED])
def test_changed_number_is_reported_with_both_spans(tl, old, new, s_ex, t_ex):
    tgt = dict(GOOD)[tl]
    assert old in tgt
    fs, _ = run(SRC, tgt.replace(old, new), "en", tl)
    assert excerpts(fs) == [("TQ201", "major", s_ex, t_ex)]
    assert fs[0].suggestion is not None


def test_api_example():
    import tqcheck

    r = tqcheck.check("We met 3 times.", "Wir trafen uns 5 Mal.", "en", "de")
    assert [(f.rule, f.source_excerpt, f.target_excerpt) for f in r.findings] == [("TQ201", "3", "5")]


def test_missing_number_is_major_and_extra_number_minor():
    fs, _ = run("The budget was 4,500 euros in total.", "Der Haushalt betrug insgesamt Euro.", "en", "de")
    assert excerpts(fs) == [("TQ201", "major", "4,500", None)]
    fs, _ = run("The budget was large.", "Der Haushalt betrug 4.500 Euro.", "en", "de")
    assert excerpts(fs) == [("TQ201", "minor", None, "4.500")]


@pytest.mark.parametrize("sl,tl,src,tgt,pair", [
    # the translation moves the clause with the number to the front: still one changed number
    ("de", "fr", "Über die Expedition wurde in der Chronik ( Die Alpen 1956 , S. 81 ) kurz berichtet.",
     "La chronique ( voir Les Alpes 1956 , p. 80 ) a déjà brièvement parlé de l'expédition.", ("81", "80")),
    ("en", "tr", "The committee met in Ankara on several occasions, 14 times in all.",
     "Toplam 15 kez olmak üzere komite Ankara'da birçok kez toplandı.", ("14", "15")),
])
def test_one_number_left_on_each_side_is_a_changed_number(sl, tl, src, tgt, pair):
    fs, _ = run(src, tgt, sl, tl)
    assert excerpts(fs) == [("TQ201", "major", *pair)]


def test_numbers_of_the_same_size_are_paired_before_places():
    fs, _ = run("The report was written in 1998 by the committee, 4 pages long.",
                "Le rapport de 7 pages a été rédigé par le comité.", "en", "fr")
    assert excerpts(fs) == [("TQ201", "major", "4", "7"), ("TQ201", "major", "1998", None)]


@pytest.mark.parametrize("sl,tl,src,tgt", [
    ("en", "fr", "Three delegations came.", "3 délégations sont venues."),
    ("en", "fr", "3 delegations came.", "Trois délégations sont venues."),
    ("en", "ru", "5 delegations came.", "Приехали пять делегаций."),
    ("en", "pl", "We met twelve times.", "Spotkaliśmy się 12 razy."),
    ("en", "zh", "3 delegations came.", "来了三个代表团。"),
    ("en", "tr", "2 delegations came.", "İki heyet geldi."),
    ("en", "pl", "In the 21st century.", "W XXI wieku."),
    ("en", "de", "Population: 19 million.", "Bevölkerung: 19 Mio."),
    ("en", "zh", "Population: 19 million.", "人口：1900万。"),
    ("en", "fr", "The shop opens at 3 pm.", "Le magasin ouvre à 15 h."),
    ("en", "de", "The train leaves at 10:30.", "Der Zug fährt um 10.30 Uhr."),
    ("en", "fr", "The train leaves at 10:30.", "Le train part à 10h30."),
    ("en", "de", "Version G20 and COVID-19.", "Die G20 und COVID-19."),
])
def test_numbers_as_words_numerals_scales_and_times_are_quiet(sl, tl, src, tgt):
    fs, _ = run(src, tgt, sl, tl)
    assert excerpts(fs) == []


def test_small_number_in_language_without_number_words_is_a_note_not_a_finding():
    # Gujarati: neither spaCy nor CLDR's spell-out rules know its number words
    fs, notes = run("We signed 2 agreements.", "અમે બે કરાર પર હસ્તાક્ષર કર્યા.", "en", "gu")
    assert fs == []
    assert any("Gujarati" in n.message for n in notes)
    # a large number is still reported
    fs, _ = run("We signed 250 agreements.", "અમે ઘણા કરાર પર હસ્તાક્ષર કર્યા.", "en", "gu")
    assert excerpts(fs) == [("TQ201", "major", "250", None)]


@pytest.mark.parametrize("sl,tl,src,tgt", [
    # CLDR's spell-out rules (unicode-rbnf) give German, Italian, Hungarian… their number words
    ("en", "de", "We signed 2 agreements.", "Wir unterzeichneten zwei Abkommen."),
    ("en", "it", "We signed 12 agreements.", "Abbiamo firmato dodici accordi."),
    ("en", "hu", "We signed 3 agreements.", "Három megállapodást írtunk alá."),
    # a spelled number may begin a compound: the eight-thousanders
    ("fr", "de", "Il a gravi cinq des quatorze 8000 .", "Er hat fünf der vierzehn Achttausender bestiegen ."),
    ("de", "fr", "Er hat alle Siebentausender des Pamir bestiegen .", "Il a gravi tous les 7000 du Pamir ."),
    ("en", "de", "One hundred climbers came.", "Hundert Bergsteiger kamen."),
    ("fr", "de", "Il arrive en 100 jours.", "Er kommt in hundert Tagen."),
    # a small number put otherwise in words: half past four is "halb fünf"
    ("fr", "de", "Espérons attraper la dernière benne , à 4 heures et demie !",
     "Hoffentlich erreichen wir die letzte , um halb fünf fahrende Gondel !"),
    # a small number put as a word CLDR does not spell but spaCy lists (Russian collective numerals)
    ("en", "ru", "The 3 of them came.", "Трое из них пришли."),
    ("en", "ru", "We met 2 guides.", "Мы встретили обоих гидов."),
    # one identifier spaced otherwise: K 2 is K2
    ("fr", "de", "La vue du K 2 au Masherbrum est unique .", "Die Aussicht vom K2 bis zum Masherbrum war unvergleichlich ."),
    ("de", "fr", "Die Aussicht vom K2 bis zum Masherbrum war unvergleichlich .", "La vue du K 2 au Masherbrum est unique ."),
])
def test_numbers_spelled_by_cldr_rules_are_quiet(sl, tl, src, tgt):
    fs, notes = run(src, tgt, sl, tl)
    assert excerpts(fs) == [] and not notes


@pytest.mark.parametrize("sl,tl,src,tgt,want", [
    # German now has number words: a small number that is gone is reported, not a note
    ("en", "de", "We signed 2 agreements.", "Wir unterzeichneten Abkommen.", [("TQ201", "major", "2", None)]),
    # an article is not the number one's word, nor "drei" the start of "dreist"
    ("fr", "de", "Il a pris 3 cordes .", "Er hat ein dreistes Seil genommen .", [("TQ201", "major", "3", None)]),
    # a spelled number of another value does not stand for a large one
    ("fr", "de", "Il a gravi 8000 mètres .", "Er ist sieben Meter geklettert .", [("TQ201", "major", "8000", None)]),
    ("de", "fr", "Er hat sechs Gipfel bestiegen .", "Il a gravi 6 sommets et 7000 mètres .",
     [("TQ201", "minor", None, "7000")]),
    # an article is no number: French "un" no longer hides every number a sentence drops
    ("en", "fr", "We signed 3 agreements with one partner.", "Nous avons signé des accords avec un partenaire.",
     [("TQ201", "major", "3", None)]),
    ("en", "tr", "We signed 3 agreements with one partner.", "Bir ortakla anlaşmalar imzaladık.",
     [("TQ201", "major", "3", None)]),
    ("en", "ru", "We met 2 guides.", "Мы встретили гидов.", [("TQ201", "major", "2", None)]),
    # K 2 is not K 3
    ("fr", "de", "La vue du K 2 est unique .", "Die Aussicht vom K3 war unvergleichlich .", [("TQ201", "major", "2", None)]),
])
def test_numbers_cldr_rules_do_not_spell_are_reported(sl, tl, src, tgt, want):
    fs, _ = run(src, tgt, sl, tl)
    assert excerpts(fs) == want


def test_changed_time_is_reported():
    fs, _ = run("The train leaves at 10:30.", "Der Zug fährt um 11.30 Uhr.", "en", "de")
    assert excerpts(fs) == [("TQ201", "major", "10:30", "11.30")]


# -- TQ205 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("tl,tgt,t_ex,fixed", [
    ("de", "Das Budget beträgt 1,000.5 Euro.", "1,000.5", "1.000,5"),
    ("de", "Das Budget beträgt 1,000 Euro.", "1,000", "1.000"),
    ("fr", "Le budget est de 10,000 euros.", "10,000", "10\u202f000"),
    ("ru", "Бюджет составляет 2.5 евро.", "2.5", "2,5"),
])
def test_number_in_source_format_is_reported(tl, tgt, t_ex, fixed):
    src = {"1,000.5": "The budget is 1,000.5 euros.", "1,000": "The budget is 1,000 euros.",
           "10,000": "The budget is 10,000 euros.", "2.5": "The budget is 2.5 euros."}[t_ex]
    fs, _ = run(src, tgt, "en", tl, codes=("TQ201", "TQ205"))
    assert [(f.rule, f.target_excerpt, f.suggestion) for f in fs] == [("TQ205", t_ex, fixed)]


@pytest.mark.parametrize("sl,tl,src,tgt", [
    ("en", "de", "The budget is 1,000.5 euros.", "Das Budget beträgt 1.000,5 Euro."),
    ("en", "de", "It happened in 2021.", "Es geschah 2021."),
    ("en", "zh", "The budget is 1,000.5 euros.", "预算为1,000.5欧元。"),
    ("de", "en", "Das Budget beträgt 1.000,5 Euro.", "The budget is 1,000.5 euros."),
])
def test_number_in_target_format_is_quiet(sl, tl, src, tgt):
    fs, _ = run(src, tgt, sl, tl, codes=("TQ205",))
    assert fs == []


# -- the reader ------------------------------------------------------------------------------------
def test_number_readings_keep_every_convention_and_prefer_the_locale():
    vals, pref = number_readings("1,000", cldr.number_symbols("en"))
    assert vals == {Decimal(1000), Decimal(1)} and pref == 1000
    vals, pref = number_readings("1,000", cldr.number_symbols("de"))
    assert pref == 1
    vals, pref = number_readings("1,000.5", cldr.number_symbols("de"))
    assert vals == {Decimal("1000.5")} and pref is None
    vals, _ = number_readings("1,00,000", cldr.number_symbols("hi"))
    assert Decimal(100000) in vals


def test_digits_of_other_scripts_and_ordinals():
    side = analyze("Der 8. Gipfel, ٣ Tage, ８ Punkte, 8-й, 8th, 8e.", "de")
    assert [n.main for n in side.numbers] == [8, 3, 8, 8, 8, 8]


def test_roman_and_han_numerals():
    assert roman_value("XXI") == 21 and roman_value("MCMXC") == 1990 and roman_value("IIII") is None
    assert han_value("十一") == 11 and han_value("二〇二二") == 2022 and han_value("三千万") == 30_000_000
    assert han_value("一百零五") == 105


LOCALES = ["en", "de", "fr", "pl", "ru", "tr", "es", "it", "zh", "hi", "de_CH", "pt_BR", "fi", "ar"]


@settings(max_examples=150, deadline=None)
@given(st.decimals(min_value=0, max_value=10 ** 9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(LOCALES))
def test_babel_formatted_numbers_read_back(value, loc):
    text = format_decimal(value, locale=loc, decimal_quantization=False, numbering_system="latn")
    # babel 2.19 writes 10**9 in de_CH as "1000000'000" (seven digits before the only group
    # separator), a grouping no locale uses; nobody writes that, so it is not read as a number
    assume(not regex.search(r"\d{4}[^\d.,\s]\d{3}", text) or loc != "de_CH")
    vals, pref = number_readings(text, cldr.number_symbols(loc))
    assert value in vals
    assert pref == value


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=13, max_value=99999), st.integers(min_value=13, max_value=99999),
       st.sampled_from(["de", "fr", "pl", "ru", "tr"]))
def test_identical_pairs_are_quiet_and_a_changed_number_is_found(a, b, lang):
    loc_a = format_decimal(a, locale=lang)
    src = f"Wir haben {loc_a} Stimmen."
    fs, _ = run(src, src, lang, lang)
    assert fs == []
    if a != b:
        loc_b = format_decimal(b, locale=lang)
        fs, _ = run(src, src.replace(loc_a, loc_b), lang, lang)
        assert excerpts(fs) == [("TQ201", "major", loc_a, loc_b)]


# -- identifiers with numbers; hours named by CLDR day periods ----------------------------------------
@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("This value is not a valid ISBN-10.", "Cette valeur n'est pas un ISBN-11 valide.", "en", "fr"),
    ("This value is not a valid ISBN-13.", "Dieser Wert ist keine gültige ISBN-14.", "en", "de"),
    ("See PEP-0420 for details.", "Ayrıntılar için PEP-0421'e bakın.", "en", "tr"),
    ("Only IPv4 addresses.", "Только адреса IPv6.", "en", "ru"),
    ("Use ISO-8601 dates.", "Używaj dat ISO-8602.", "en", "pl"),
])
def test_identifier_number_changed(src, tgt, sl, tl):
    fs, _ = run(src, tgt, sl, tl)
    assert fs and fs[0].source_excerpt and fs[0].target_excerpt, excerpts(fs)


@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("This value is not a valid ISBN-10.", "Cette valeur n'est pas un ISBN-10 valide.", "en", "fr"),
    ("IPv4 or IPv6", "IPv4 oder IPv6", "en", "de"),
    ("IPv4 or IPv6", "IPv6 или IPv4", "en", "ru"),
    ("COVID-19 rules", "COVID-19规则", "en", "zh"),
    ("noon", "12時", "en", "ja"),
    ("midnight", "0時", "en", "ja"),
    ("Midnight", "Północ", "en", "pl"),
    ("at 12:00", "à midi", "en", "fr"),
    ("midnight", "24 Uhr", "en", "de"),
])
def test_identifiers_and_day_periods_not_flagged(src, tgt, sl, tl):
    fs, _ = run(src, tgt, sl, tl)
    assert not fs, excerpts(fs)


def test_day_period_hours_from_cldr():
    assert dict(cldr.day_period_hours("en"))["noon"] == (12,)
    assert 0 in dict(cldr.day_period_hours("ja"))["真夜中"]
    assert "minuit" in dict(cldr.day_period_hours("fr"))


# -- a duration written as a time on one side, digits grouped otherwise ----------------------------------------
def _tq201(src, tgt, sl="de", tl="fr"):
    import tqcheck

    return [(f.severity.value, f.source_excerpt, f.target_excerpt)
            for f in tqcheck.check(src + "\n", tgt + "\n", sl, tl, select=["TQ201"]).findings]


@pytest.mark.parametrize("src,tgt", [
    ("Aufstieg zur Hütte in 1 Std. 30 Min. ab Rosenlaui.", "Montée au refuge en 1 h 30 depuis Rosenlaui."),
    ("Ascent to the hut in 1 hr 30 min.", "Montée au refuge en 1 h 30."),
])
def test_duration_as_time_on_one_side_is_no_mismatch(src, tgt):
    sl = "en" if src.startswith("Ascent") else "de"
    assert _tq201(src, tgt, sl) == []


def test_duration_with_other_minutes_is_still_a_change():
    found = _tq201("Aufstieg in 1 Std. 30 Min.", "Montée en 1 h 40.")
    assert ("major", "30", "1 h 40") in found


@given(st.lists(st.integers(0, 99), min_size=3, max_size=5))
@settings(max_examples=40, deadline=None)
def test_regrouped_digits_are_the_same_number(groups):
    digits = "".join(f"{g:02d}" for g in groups)
    src = "Telefon 031/" + digits[:2] + " " + digits[2:] + " (Sekretariat)."
    tgt = "Téléphone 031/" + " ".join(digits[i:i + 2] for i in range(0, len(digits), 2)) + " (secrétariat)."
    assert _tq201(src, tgt) == []


def test_regrouped_digits_with_one_digit_changed_are_reported():
    found = _tq201("Telefon 039/26 7364 (Sekretariat).", "Téléphone 039/26 73 65 (secrétariat).")
    assert found and found[0][0] == "major"


@pytest.mark.parametrize("src,tgt,sl", [
    ("Zum Abschluss der Saison 1977 begingen wir den Nadelgrat.", "Pour bien finir la saison 77, nous avons parcouru le Nadelgrat.", "de"),
    ("The summer of '69 was hot.", "L'été 1969 était chaud.", "en"),
])
def test_year_written_with_two_digits_is_the_same_year(src, tgt, sl):
    assert _tq201(src, tgt, sl) == []


def test_two_digits_of_another_year_are_a_change():
    found = _tq201("Zum Abschluss der Saison 1977 begingen wir den Nadelgrat.",
                   "Pour bien finir la saison 78, nous avons parcouru le Nadelgrat.")
    assert [f[0] for f in found] == ["major"]


@pytest.mark.parametrize("src,tgt,want", [
    # a year beside a count: the year is missing and the count has no counterpart, not one changed
    ("Der Trisul wurde schon 1907 von Longstaff bestiegen und gilt als leicht.",
     "Il passe pour le plus facile des 7000 et a été gravi plusieurs fois.",
     [("major", "1907", None), ("minor", None, "7000")]),
    # a year changed into another year, or its digits mistyped: one change
    ("Der Name gilt seit 1938 offiziell.", "Le nom est officiel depuis 1937.", [("major", "1938", "1937")]),
    ("Die Höhe beträgt 6719 m.", "L'altitude est de 6179 m.", [("major", "6719", "6179")]),
])
def test_a_year_is_changed_into_a_year_not_into_a_count(src, tgt, want):
    assert _tq201(src, tgt) == want


def test_a_number_is_missing_beside_number_words_of_other_values():
    """The translation spells a small number (deux) and drops the Everest's height: "deux" is
    not 8848, nor 8000, nor 89 (CLDR's spell-out rules give each number's words), so each is
    reported; written out, it is not."""
    src = "Zwei Seilschaften erreichten den Gipfel des Everest ( 8848 m ) am 23. Mai."
    tgt = "Deux cordées atteignirent le sommet de l'Everest le 23 mai."
    for n in ("8848", "8000", "89"):
        assert _tq201(src.replace("8848", n), tgt) == [("major", n, None)], n
    spelled = {"8000": "huit mille", "89": "quatre-vingt-neuf"}
    for n, words in spelled.items():
        assert _tq201(src.replace("8848", n), tgt.replace("l'Everest", f"l'Everest ({words} mètres)")) == [], n


# -- numbers the translation places in the sentence beside ----------------------------------------
def _doc(lines, lang):
    sents, pos = [], 0
    for k, line in enumerate(lines):
        sents.append(Sentence(k, line, 0, pos, pos + len(line), k + 1))
        pos += len(line) + 1
    return Document(text="\n".join(lines), lang=lang, sentences=sents)


def _tq201_lines(src_lines, tgt_lines, sl="de", tl="fr"):
    """TQ201 over every pair of sentences linked one to one, in order (no aligner)."""
    ctx = CheckContext(source=_doc(src_lines, sl), target=_doc(tgt_lines, tl),
                       beads=[Bead((k,), (k,), 1.0) for k in range(len(src_lines))], src_lang=sl, tgt_lang=tl)
    return [(p.index, f.severity.value, f.source_excerpt, f.target_excerpt)
            for p in ctx.pairs() for f in REGISTRY["TQ201"].func(p, ctx)]


# the translation carries a height into the next sentence (Text+Berg dev, one of its cases, with 263
# for its 250: a round number may be written in words, and then it is not reported at all)
MOVED_SRC = ["Die Kante des Südostgrates zu erreichen , war ungewöhnlich schwierig .",
             "Die ersten beiden Seillängen über dem Bergschrund hatten Stunden gekostet , 263 Höhenmeter "
             "erforderten zwei Tage .",
             "Sechs Stunden Steigeisenarbeit an der Grenze des Gleichgewichts , verglaste steile Platten .",
             "Es war sicher eine der härtesten Klettereien , die bisher im Himalaya gemacht worden sind ."]
MOVED_TGT = ["L' accès à l' arête SE s' avéra extrêmement difficile .",
             "Les deux premières longueurs de corde au-dessus de la rimaye coûtèrent des heures d' efforts .",
             "Il fallut deux jours pour gravir 263 m. Six heures de cramponnage à la limite de l' équilibre , "
             "des dalles verglacées .",
             "C' est là certainement une des plus dures escalades qu' on ait faites jusqu' ici dans l' Himalaya ."]


def test_number_the_translation_puts_in_the_next_sentence_is_not_missing():
    """Before: ‘263’ missing from the second sentence (major) and without a counterpart in the
    third (minor); the translation only cut the sentences elsewhere."""
    assert _tq201_lines(MOVED_SRC, MOVED_TGT) == []
    # two sentences on, still beside; three on, too far to say
    far = MOVED_TGT[:2] + [MOVED_TGT[3], MOVED_TGT[2]]
    assert _tq201_lines(MOVED_SRC, far) == []
    farther = MOVED_TGT[:2] + ["Le soir vint .", MOVED_TGT[3], MOVED_TGT[2]]
    assert (1, "major", "263", None) in _tq201_lines(MOVED_SRC + ["Es wurde Abend ."], farther)


def test_number_of_every_line_is_still_missing_where_it_is_left_out():
    """The sentence beside has 263 too, but so does its own source: this one lacks it."""
    src = [MOVED_SRC[0], MOVED_SRC[1], MOVED_SRC[2].replace("verglaste", "263 verglaste"), MOVED_SRC[3]]
    assert _tq201_lines(src, MOVED_TGT) == [(1, "major", "263", None)]


def test_small_number_beside_does_not_excuse_a_missing_one():
    """A number under ten is too common in a sentence beside to say it was carried there: it is
    missing where it was left out, and added where it came in."""
    src = ["Wir stiegen am Morgen auf den Grat .", "Am Grat fanden wir 7 alte Haken .",
           "Der Fels war brüchig und nass .", "Wir kehrten spät zurück ."]
    tgt = ["Nous montâmes sur l' arête le matin .", "Sur l' arête , le rocher était friable .",
           "Nous y trouvâmes 7 vieux pitons , le rocher était mouillé .", "Nous rentrâmes tard ."]
    assert _tq201_lines(src, tgt) == [(1, "major", "7", None), (2, "minor", None, "7")]
    # the same with a number of two digits: carried into the next sentence
    assert _tq201_lines([x.replace("7", "17") for x in src], [x.replace("7", "17") for x in tgt]) == []


def test_rows_matched_by_row_are_not_read_across():
    """A pair table's rows are unrelated entries: a number missing from one translation is
    missing even when the next row's translation has it, and a name likewise."""
    import tqcheck

    rows = [("The first pitches took hours, and 263 metres took two days with Peter Novak.",
             "Les premières longueurs coûtèrent des heures d'efforts."),
            ("Then came hours of crampon work on icy slabs.",
             "Il fallut deux jours pour gravir 263 m avec Peter Novak, puis des heures de cramponnage.")]
    r = tqcheck.api.check_pairs(rows, "en", "fr", select=["TQ201", "TQ203"])
    got = {(f.rule, f.source_excerpt) for f in r.findings if f.severity.value != "info"}
    assert {("TQ201", "263"), ("TQ203", "Peter Novak")} <= got


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["de", "it", "hu", "nl", "sv", "fr", "tr", "en", "pl", "ru"]),
       st.one_of(st.integers(2, 100), st.integers(1, 99).map(lambda d: d * 1000)))
def test_a_number_written_out_by_cldr_rules_is_not_missing(lang, n):
    """Whatever CLDR spells for a number in a language, written as the translation, stands for it."""
    from tqcheck.checks.number_text import spelled_forms

    forms = spelled_forms(n, lang)
    assert forms, (lang, n)
    for form in forms[:3]:
        fs, notes = run(f"We counted {n} ibexes today.", f"« {form} » .", "en", lang)
        assert excerpts(fs) == [], (lang, n, form)


def test_a_number_the_other_side_writes_out_is_paired_with_nothing():
    """Text+Berg dev: the German writes the 2 of "2e" out ("der zweiten Ersteigung") and the
    French drops the Everest's height: 8848 is missing, not changed into 2."""
    src = ("Die zweite Ersteigung des Mount Everest ( 8848 m ) gelang am 23. Mai , die dritte am 24. Mai .")
    tgt = "Les 2e et 3e ascensions de l' Everest réussirent le 23 mai et le 24 mai ."
    assert _tq201(src, tgt) == [("major", "8848", None)]
    assert _tq201(tgt, src, "fr", "de") == [("minor", None, "8848")]
