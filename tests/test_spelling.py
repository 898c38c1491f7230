"""TQ410 misspellings: letter substitutions with look-alike letters of the language."""
import pytest

import tqcheck
from tqcheck.encoding.misspell import find_misspellings, supported
from tqcheck.findings import Severity


def words(text, lang, **kw):
    return [(m.word, m.suggestion) for m in find_misspellings(text, lang, **kw)]


@pytest.mark.parametrize("lang,text,expected", [
    ("tr", "Bu ölkemiz için önemli. Dışışleri Bakanı geldi.",
     [("ölkemiz", "ülkemiz"), ("Dışışleri", "Dışişleri")]),
    ("tr", "Bölgesel konularda ölkelerimizi ilgilendiren konular.", [("ölkelerimizi", "ülkelerimizi")]),
    ("tr", "Excalidraw'da canlı ortak calışma oturumu.", [("calışma", "çalışma")]),
    ("de", "Zum Frühstück gab es frische Brotchen.", [("Brotchen", "Brötchen")]),
    ("fr", "Nous irons à la forèt demain.", [("forèt", "forêt")]),
    ("pl", "Będę w domu wieczórem.", [("wieczórem", "wieczorem")]),
    ("cs", "Dám si šálek kávú.", [("kávú", "kávu")]),
    ("hu", "A kutya a kertben jatszik.", [("jatszik", "játszik")]),
])
def test_must_flag(lang, text, expected):
    assert words(text, lang, other_langs=("en",)) == expected


@pytest.mark.parametrize("lang,text", [
    # names, loanwords, rare inflections, capitals
    ("tr", "Kazakistan'ın başkenti Almatı değil; Nahçıvan, Kassym-Jomart Tokayev ve Çoka da burada."),
    ("tr", "TÜRK DEVLETLERİ TEŞKİLATI DIŞİŞLERİ BAKANLARI KONSEYİ"),
    ("tr", "Süre aşıldı, öge ve öğeler listelendi."),
    ("de", "Die Straße in Zürich ist schön; Müller und Dvořák trafen Çavuşoğlu."),
    ("de", "Die Grösse der Strasse überrascht."),  # Swiss spelling
    ("fr", "Le cœur de l'économie française bat à Noël ; déjà vu, naïf."),
    ("pl", "Źle się czuję, ale Łódź i Gdańsk są piękne."),
    ("ru", "Мы видели ёлку и белку в лесу. Он пришёл домой. Ёж и ежи."),
    ("zh", "我们明天在北京见面。"),
    ("en", "The naive café façade of Zoë Brontë."),
])
def test_must_not_flag(lang, text):
    assert words(text, lang, other_langs=("en",)) == []


def test_source_words_are_not_misspellings():
    text = "Die Bäckerei Brotchen hat geöffnet."
    assert words(text, "de") == [("Brotchen", "Brötchen")]
    # copied from the source sentence (a shop's name), it is left alone
    assert words(text, "de", foreign={"brotchen"}) == []


def test_words_of_the_source_language_are_left_alone():
    # 'über' is German; in a Turkish text quoting it, it is not a misspelling of a Turkish word
    assert words("Almanca 'über' demek.", "tr", other_langs=("de",)) == []


def test_skip_spans():
    text = "Bu ölkemiz için önemli."
    assert words(text, "tr", skip=[(3, 10)]) == []


def test_supported_languages():
    assert supported("tr") and supported("de") and supported("ru")
    assert not supported("zh") and not supported("kk") and not supported(None)


def test_rule_on_a_pair():
    report = tqcheck.check("Our country is important.", "Ölkemiz önemlidir.", "en", "tr", select=["TQ410"])
    [f] = [f for f in report.findings if f.rule == "TQ410"]
    assert (f.target_excerpt, f.suggestion, f.severity) == ("Ölkemiz", "Ülkemiz", Severity.MINOR)
    assert f.message == "Possible misspelling: “Ölkemiz” is not a known Turkish word; did you mean “Ülkemiz”?"


def test_rule_skips_encoding_damage():
    # 'desteđimizi' is explained by TQ301 and must not also be a misspelling
    report = tqcheck.check("our support", "desteđimizi ve ölkemiz", "en", "tr", select=["TQ301", "TQ410"])
    assert sorted(f.rule for f in report.findings) == ["TQ301", "TQ410"]


def test_rule_notes_languages_without_word_list():
    report = tqcheck.check("Our country.", "Біздің еліміз.", "en", "kk", select=["TQ410"])
    notes = [f for f in report.findings if f.rule == "TQ410"]
    assert len(notes) == 1 and notes[0].severity == Severity.INFO and "'kk'" in notes[0].message
