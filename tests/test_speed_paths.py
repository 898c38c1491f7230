"""The speed-ups of the localization checks give the same answers as the slow paths they replace,
and the two TQ203 false alarms fixed with them stay fixed."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.checks import date_text
from tqcheck.checks.base import Pair
from tqcheck.findings import Severity
from tqcheck.io.l10n import Unit, UnitFile, check_units
from tqcheck.lang import detect
from tqcheck.lang.translit import same_name, spoken_keys



# -- langdetect with numpy: bit-for-bit the same probabilities ------------------------------------
def _probs(cls, text):
    from langdetect.lang_detect_exception import LangDetectException

    det = cls(detect._factory())
    det.append(text)
    try:
        det._detect_block()
    except LangDetectException:
        return None
    return det.langprob


REAL = [
    "The install worked successfully! Congratulations!", "Установка прошла успешно! Поздравляем!",
    "Dieser Wert muss größer oder gleich %(limit_value)s sein.", "Wpisz poprawną godzinę.",
    "Bu değer geçerli bir IP adresi değil.", "正しい時刻を入力してください。", "Saisissez une heure valide.",
    "IPv4 veya IPv6", "a", "", "12345", "Ελληνικά κείμενα εδώ", "مرحبا بالعالم", "Toggle navigation",
]


@pytest.mark.parametrize("text", REAL)
def test_fast_detector_same_as_langdetect(text):
    from langdetect.detector import Detector

    from tqcheck.lang.langdetect_np import FastDetector

    slow, fast = _probs(Detector, text), _probs(FastDetector, text)
    assert fast == slow
    assert fast is None or all(type(x) is float for x in fast)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdeéğışçöüxyz АБВабвгдежзи αβγ 日本語 .,"), max_size=60))
def test_fast_detector_same_on_any_text(text):
    from langdetect.detector import Detector

    from tqcheck.lang.langdetect_np import FastDetector

    assert _probs(FastDetector, text) == _probs(Detector, text)


def test_detect_langs_uses_fast_detector_and_is_stable():
    a = detect.detect_langs("Dies ist ein ganz normaler deutscher Satz über das Wetter.")
    b = detect.detect_langs("Dies ist ein ganz normaler deutscher Satz über das Wetter.")
    assert a == b and a[0][0] == "de" and isinstance(a[0][1], float)


# -- calendar tables: the stem index finds what the full scan finds ----------------------------------
@pytest.mark.parametrize("lang", ["en", "de", "ru", "pl", "tr", "fi", "hu", "cs", "he", "ar", "el"])
def test_stem_index_same_as_scan(lang):
    for table in (date_text.month_table(lang), date_text.weekday_table(lang)):
        if table is None:
            continue
        assert table.stems_by_first is not None
        # every stem is filed under its own prefix, in the scan's order
        flat = [s for s in table.stems]
        for stem in flat:
            assert stem in table.stems_by_first[stem[0][:table.prefix_len]]
        slow = date_text.CalendarTable(table.exact, table.stems, table.forms_cf, table.capitalised,
                                       table.phrases)        # no index: scans every stem
        words = [f + end for f in list(table.exact)[:40] for end in ("", "e", "ом", "'da", "ban")]
        words += [s[0] + "xy" for s in flat[:40]] + ["Zzz", "a", "Mär", "styczniu", "январе"]
        for w in words:
            assert date_text._lookup(table, w) == date_text._lookup(slow, w), w


@given(st.text(alphabet="0123456789年月日号 -./abc", max_size=30))
def test_date_prefilters_keep_every_match(text):
    # the pre-filters only skip texts in which the regexes cannot match
    assert date_text._cjk_dates(text) == _cjk_scan(text)
    if not any(c.isdigit() for c in text):
        assert not list(date_text._NUMERIC_DATE.finditer(text))


def _cjk_scan(text):
    saved = date_text._CJK_MARK
    date_text._CJK_MARK = lambda t: True
    try:
        return date_text._cjk_dates(text)
    finally:
        date_text._CJK_MARK = saved


def test_pair_text_cached_and_joined():
    from tqcheck.align.base import Bead
    from tqcheck.document import Document

    d = Document.from_segments(["One.", "Two three."], [1, 2])
    p = Pair(0, Bead((0, 1), (0,), 1.0), tuple(d.sentences), (d.sentences[0],))
    assert p.src_text == " ".join(s.text for s in d.sentences) == "One. Two three."
    assert p.tgt_text == "One."
    assert p.src_text is p.src_text       # computed once


# -- TQ203: names in another script are compared as read aloud; common words are no places ----------
def _tq203(src, tgt, sl="en", tl="ru"):
    uf = UnitFile(path="x.po", format="po", src_lang=sl, tgt_lang=tl,
                  units=[Unit(id="e0", source=src, target=tgt, source_line=1, target_line=2)])
    return [f for f in check_units(uf, select=["TQ203"]).findings if f.severity != Severity.INFO]


def test_spoken_keys():
    assert "iunikod" in spoken_keys("Unicode") and "kanada" in spoken_keys("Canada")
    assert same_name("Unicode", "Юникод") and same_name("Unicode", "Юникода")
    assert same_name("Canada", "Канада")
    assert not same_name("Unicode", "Уганда") and not same_name("Unicode", "Evrensel")
    assert not same_name("Unicode", "Юпитер") and not same_name("Canada", "Кения")


def test_transliterated_name_in_cyrillic_is_no_finding():
    src = "Enter a valid slug consisting of Unicode letters, numbers, underscores, or hyphens."
    ok = "Введите правильный слаг, состоящий из букв Юникода, цифр, подчёркиваний или дефисов."
    assert _tq203(src, ok) == []


def test_name_replaced_in_cyrillic_is_still_found():
    src = "Secretary General Amreyev opened the meeting."
    bad = "Генеральный секретарь Назарбаев открыл заседание."
    assert _tq203(src, bad)


@pytest.mark.parametrize("tl,tgt", [("de", "Indizes und Tabellen:"), ("tr", "Dizinler ve tablolar:")])
def test_common_word_read_as_place_is_no_name(tl, tgt):
    assert _tq203("Indices and tables:", tgt, tl=tl) == []


def test_place_with_ending_still_found():
    # a real place name with an ending still counts (Kazakhstan's ← Kazakhstan)
    assert _tq203("Kazakhstan's capital is large.", "Die Hauptstadt von Frankreich ist groß.", tl="de")


# -- the benchmark clears every per-text cache ------------------------------------------------------
def test_benchmark_clears_every_text_cache():
    from conftest import benchmark

    pc = benchmark("pofilter_compare")
    from tqcheck.lang.detect import judge_language, sentence_langs
    from tqcheck.lang.translit import name_key

    names = {f"{f.__module__}.{f.__name__}" for f in pc.text_caches()}
    for must in ("tqcheck.lang.detect.judge_language", "tqcheck.lang.detect.sentence_langs",
                 "tqcheck.checks.entity_text.analyze", "tqcheck.lang.translit.name_key",
                 "tqcheck.lang.translit.spoken_keys"):
        assert must in names
    # language data (keyed by a language code) stays loaded
    assert "tqcheck.encoding.lexicon.lexicon" not in names
    assert "tqcheck.checks.date_text.month_table" not in names
    judge_language("Dies ist ein Satz in deutscher Sprache.", "tr")
    name_key("Kazakhstan")
    pc._clear_text_caches()
    assert judge_language.cache_info().currsize == 0 and sentence_langs.cache_info().currsize == 0
    assert name_key.cache_info().currsize == 0


_NGRAM_TEXTS = ["Hello WORLD, this is ABC text.", "İstanbul'da ÇOK güzel", "Это ПРОВЕРКА текста",
                "東京は日本の首都です。", "안녕하세요 세계", "a  b   c", "ș ț Ș Ț", "“quoted” — dash…", ""]


@pytest.mark.parametrize("text", _NGRAM_TEXTS)
def test_fast_ngrams_same_as_langdetect_fixed(text):
    _same_ngrams(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fast_ngrams_same_as_langdetect(text):
    _same_ngrams(text)


def _same_ngrams(text):
    from langdetect.detector import Detector

    from tqcheck.lang.detect import _factory
    from tqcheck.lang.langdetect_np import FastDetector

    factory = _factory()
    slow, fast = Detector(factory), FastDetector(factory)
    slow.append(text)
    fast.append(text)
    assert fast.text == slow.text
    assert fast._extract_ngrams() == slow._extract_ngrams()
