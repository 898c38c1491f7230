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
}


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_complete_translation_is_quiet(lang):
    assert rules(BASE_EN, " ".join(TRANSLATIONS[lang]) if lang != "zh" else "".join(TRANSLATIONS[lang]),
                 "en", lang) == []


@pytest.mark.parametrize("lang", ["de", "fr", "pl", "ru"])
def test_omitted_sentence(lang):
    t = TRANSLATIONS[lang]
    got = rules(BASE_EN, " ".join(t[:2] + t[3:]), "en", lang)
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
