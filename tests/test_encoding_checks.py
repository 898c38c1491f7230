"""The TQ30x rules through the whole pipeline: the seed fixture and small pairs."""
import pytest

import tqcheck
from tqcheck.findings import Severity

FIXTURE_DAMAGE = {
    "Çavuşođlu'na": "Çavuşoğlu'na", "desteđimizi": "desteğimizi", "sađlayan": "sağlayan",
    "diđer": "diğer", "egemenliđi": "egemenliği", "sađlamak": "sağlamak", "sađduyu": "sağduyu",
    "edeceđine": "edeceğine", "olduđu": "olduğu",
}


def _rules(report, prefix):
    return [f for f in report.findings if f.rule.startswith(prefix) and f.severity != Severity.INFO]


@pytest.fixture(scope="module")
def fixture_report(fixture_pair):
    return tqcheck.check_files(str(fixture_pair[0]), str(fixture_pair[1]), "en", "tr")


@pytest.mark.parametrize("which", ["given", "detected"])
def test_fixture_codepage_words(which, fixture_report, seed_report):
    report = fixture_report if which == "given" else seed_report
    found = [f for f in report.findings if f.rule == "TQ301"]
    assert {f.target_excerpt: f.suggestion for f in found} == FIXTURE_DAMAGE
    assert len(found) == 10
    for f in found:
        assert "Windows-1254 text read as Windows-1250" in f.message
        assert f.severity == Severity.MAJOR and f.confidence >= 0.9
        assert f.source_span is None and f.target_span is not None
    text = open(report.target.path, encoding="utf-8").read() if report.target.path else None
    if text:
        assert all(text[f.target_span[0]:f.target_span[1]] == f.target_excerpt for f in found)


def test_fixture_summary(fixture_report):
    [s] = [f for f in fixture_report.findings if f.rule == "TQ309"]
    assert s.message.startswith("Windows-1254 text read as Windows-1250 in 10 places in the translation")


def test_fixture_nothing_else(fixture_report):
    enc = _rules(fixture_report, "TQ3")
    assert {f.rule for f in enc} == {"TQ301", "TQ309"}
    # the English source is clean
    assert not [f for f in enc if f.source_span is not None]


def test_fixture_misspellings(fixture_report):
    found = [(f.target_excerpt, f.suggestion) for f in fixture_report.findings if f.rule == "TQ410"]
    assert sorted(found) == sorted([
        ("Dışışleri", "Dışişleri"), ("Dışışleri", "Dışişleri"), ("ölkemiz", "ülkemiz"),
        ("ölkede", "ülkede"), ("ölkelerimizi", "ülkelerimizi")])


def test_damage_on_the_source_side():
    report = tqcheck.check("Le cafÃ© est ouvert.", "The café is open.", "fr", "en", select=["TQ3"])
    [f] = _rules(report, "TQ302")
    assert f.source_excerpt == "cafÃ©" and f.suggestion == "café" and f.target_span is None
    assert f.message.startswith("The source word")


@pytest.mark.parametrize("src,tgt,sl,tl,code,word", [
    ("The password", "Das Pаsswort", "en", "de", "TQ304", "Pаsswort"),
    ("Welcome to Berlin.", "WILLKOMMEN IN BERLİN.", "en", "de", "TQ305", "BERLİN"),
    ("and", "România şi Moldova", "en", "ro", "TQ306", "şi"),
    ("Hello world", "Hallo\u200bwelt", "en", "de", "TQ308", "Hallo\u200bwelt"),
    ("We met in Moscow.", "Мы встретились в Москве, в Пaриже и в Лондоне.", "en", "ru", "TQ304", "Пaриже"),
    ("Nie wiem.", "Nie wiem, co si? sta?o.", "pl", "pl", "TQ303", "si?"),
])
def test_rules_fire(src, tgt, sl, tl, code, word):
    report = tqcheck.check(src, tgt, sl, tl, select=["TQ3"])
    hits = [f for f in report.findings if f.rule == code]
    assert hits and hits[0].target_excerpt == word


def test_invisible_characters_are_shown_in_messages():
    report = tqcheck.check("Hello world", "Hallo\u200bwelt", "en", "de", select=["TQ308"])
    [f] = _rules(report, "TQ308")
    assert "⟨U+200B⟩" in f.message and "\u200b" not in f.message


@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("The meeting is in Beijing.", "会议在北京举行。请准时到达！", "en", "zh"),
    ("Novak Djokovic won.", "Novak Đoković je pobijedio u Beogradu.", "en", "hr"),
    ("Novak Djokovic met Çavuşoğlu.", "Novak Đoković hat Mevlüt Çavuşoğlu in İstanbul getroffen.", "en", "de"),
    ("The economy grows.", "L’économie française croît « vite ».", "en", "fr"),
    ("Go home.", "Иди домой, пожалуйста. Это Microsoft Word.", "en", "ru"),
    ("I go home.", "Idę do domu, bo jest źle.", "en", "pl"),
    ("Peace.", "שלום \u200fעולם\u200f", "en", "he"),
])
def test_clean_pairs_are_quiet(src, tgt, sl, tl):
    report = tqcheck.check(src, tgt, sl, tl, select=["TQ3", "TQ41"])
    assert _rules(report, "TQ3") == [] and _rules(report, "TQ41") == []


# -- every damaged word of a sentence, one cause for the document -----------------------------------
@pytest.mark.parametrize("lang,seg,written,read,cause", [
    ("pl", 5, "cp1250", "iso8859_2", "Windows-1250 text read as ISO-8859-2"),
    ("pl", 5, "iso8859_2", "cp1250", "ISO-8859-2 text read as Windows-1250"),
    ("pl", 2, "cp1250", "iso8859_2", "Windows-1250 text read as ISO-8859-2"),
    ("ru", 4, "cp1251", "koi8_r", "Windows-1251 text read as KOI8-R"),
    ("ru", 4, "koi8_r", "cp1251", "KOI8-R text read as Windows-1251"),
    ("fr", 5, "cp1252", "cp850", None),
])
def test_every_damaged_word_with_one_cause(lang, seg, written, read, cause):
    from test_injected import EN, PARALLEL, doc

    tgt = list(PARALLEL[lang])
    clean = tgt[seg]
    tgt[seg] = clean.encode(written).decode(read)
    report = tqcheck.check(doc(EN, "en"), doc(tgt, lang), "en", lang)
    damaged_words = {d.strip(".,"): c.strip(".,") for c, d in zip(clean.split(), tgt[seg].split()) if c != d}
    found = [f for f in report.findings if f.rule == "TQ301"]
    assert {f.target_excerpt: f.suggestion for f in found} == damaged_words
    assert all(f.target_segment == seg for f in found)
    # every other rule of the family is silent, and the summary names the same cause
    assert not [f for f in report.findings if "TQ302" <= f.rule <= "TQ308"]
    causes = {f.message.split("(")[1].split(")")[0] for f in found}
    assert len(causes) == 1 and (cause is None or causes == {cause})
    summaries = [f for f in report.findings if f.rule == "TQ309"]
    if len(found) >= 2:
        [s] = summaries
        assert s.message.startswith(causes.pop()) and f"in {len(found)} places" in s.message
