"""Round-5 fast paths of the per-entry checks give the answers of the slow paths they skip:
wordfreq look-ups of ASCII words without wordfreq's tokenizer, langdetect's draws with
``Random.choice`` inlined, and the source-language guess of a file remembered per text."""
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.lang import diskcache, wordtable


def _wf():
    return wordtable._wordfreq()


def _langs():
    from wordfreq import available_languages

    return sorted(available_languages())


ASCII_WORD = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzIiAEOUSTXQ"), min_size=1,
                     max_size=14)


LCG_WORD = st.text(alphabet=st.sampled_from(list("aeiIıİşșţțğüöäßÅÄÉèñçłżœæøŉǅﬁʼªº") + ["\u212b", "\u0130"]
                                            + list("АаЁёЙйЪъЇїҐґ") + list("ΑαΣσςΐΰάΆ")
                                            + ["\u0301", "\u0307", "-", "'", "1"]), min_size=1, max_size=10)


@settings(max_examples=700, deadline=None)
@given(word=st.one_of(ASCII_WORD, LCG_WORD), lang=st.sampled_from(_langs()))
def test_plain_tokens_are_wordfreqs_tokens(word, lang):
    """ASCII words (the fast path proper) and words of other Latin, Cyrillic and Greek letters,
    marks, Turkish I's, ligatures and signs that must fall back to wordfreq's tokenizer."""
    wf = _wf()
    fast = wordtable._plain_tokens(word, lang, wf)
    if fast is not None:
        assert fast == wf.lossy_tokenize(word, lang)


@pytest.mark.parametrize("word", ["the", "Haus", "Istanbul", "I", "ist", "Kazakhstan", "nouns",
                                  "qu", "l", "aujourd", "x", "ABC", "Merkel"])
def test_plain_tokens_every_language(word):
    wf = _wf()
    for lang in _langs():
        fast = wordtable._plain_tokens(word, lang, wf)
        if fast is not None:
            assert fast == wf.lossy_tokenize(word, lang), (word, lang)


def test_fast_path_applies_where_it_should_and_not_elsewhere():
    wf = _wf()
    assert wordtable._plain_tokens("Haus", "de", wf) == ["haus"]
    assert wordtable._plain_tokens("Istanbul", "tr", wf) == ["ıstanbul"]   # Turkish I, as wordfreq
    assert wordtable._plain_tokens("kitap", "tr", wf) == ["kitap"]
    assert wordtable._plain_tokens("grad", "sr", wf) is None          # Serbian is transliterated
    assert wordtable._plain_tokens("Straße", "de", wf) == ["strasse"]  # other Latin letters
    assert wordtable._plain_tokens("İstanbul", "tr", wf) == ["istanbul"]
    assert wordtable._plain_tokens("Москва", "ru", wf) == ["москва"]
    assert wordtable._plain_tokens("東京", "ja", wf) is None           # MeCab
    assert wordtable._plain_tokens("שלום", "he", wf) is None           # not Latin/Cyrillic/Greek
    assert wordtable._plain_tokens("don't", "en", wf) is None          # not letters only
    assert wordtable._plain_tokens("a1", "en", wf) is None


@settings(max_examples=120, deadline=None)
@given(word=ASCII_WORD | LCG_WORD, lang=st.sampled_from(["en", "de", "fr", "tr", "pl", "ru", "es", "nl", "ro", "el"]))
def test_zipf_from_table_equals_wordfreq_on_words(word, lang):
    import wordfreq

    if not diskcache.enabled():
        pytest.skip("start-up cache turned off")
    assert wordtable.zipf_frequency(word, lang) == wordfreq.zipf_frequency(word, lang)


# -- langdetect: the inlined draw is Random.choice ----------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32), n=st.integers(1, 700), draws=st.integers(1, 30))
def test_inlined_choice_draws_what_random_choice_draws(seed, n, draws):
    seq = list(range(n))
    a, b = random.Random(seed), random.Random(seed)
    k = n.bit_length()
    for _ in range(draws):
        r = b.getrandbits(k)
        while r >= n:
            r = b.getrandbits(k)
        assert seq[r] == a.choice(seq)
    assert a.getstate() == b.getstate()


def test_other_random_generators_use_langdetects_own_loop():
    from langdetect.detector import Detector

    from tqcheck.lang import detect
    from tqcheck.lang.langdetect_np import FastDetector, _standard

    class Odd(random.Random):
        def choice(self, seq):
            return seq[0]

    assert _standard(random.Random(1))
    assert not _standard(Odd(1))
    text = "Dies ist ein ganz normaler deutscher Satz über das Wetter."
    probs = []
    for cls in (Detector, FastDetector):
        det = cls(detect._factory())
        det.random = Odd()
        det.append(text)
        det._detect_block()
        probs.append(det.langprob)
    assert probs[0] == probs[1]


@pytest.mark.parametrize("text", ["Kurde central (sorani)", "Tüm %(total_count)s %(module_name)s nesnelerini seç",
                                  "Suche in %(docstitle)s", "Date hors limites"])
def test_fast_detector_same_probabilities_on_slow_texts(text):
    from langdetect.detector import Detector

    from tqcheck.lang import detect
    from tqcheck.lang.langdetect_np import FastDetector

    out = []
    for cls in (Detector, FastDetector):
        det = cls(detect._factory())
        det.append(text)
        det._detect_block()
        out.append(det.langprob)
    assert out[0] == out[1]


# -- encoding triggers: the look-ahead for a possible first character finds the same matches -------
TRIGGER_LANGS = [None, "en", "de", "fr", "tr", "az", "pl", "ru", "uk", "el", "ja", "ar", "xx"]
TRIGGER_ALPHABET = st.sampled_from(
    list("abcIiıİşğüöçÄäßéèÈ ?!.,;:-–—()[]{}«»„“”‚‘’'\"\xa0\u200b\ufeff\ufffd\x01\x7f\x85")
    + list("АаБбПпТтЙйРрЕе") + list("ΑαΒβΓγΣσς") + list("…•€£¥°¡¿") + ["\u0301", "\u202e", "日", "ア"])


@pytest.mark.parametrize("lang", TRIGGER_LANGS)
@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=TRIGGER_ALPHABET, max_size=40))
def test_trigger_lookahead_finds_what_the_plain_pattern_finds(lang, text):
    import regex

    from tqcheck.encoding import detector

    lex, first, pattern, use_cp = detector._trigger_parts(lang)
    plain = _plain_trigger(pattern)
    fast = detector._profile(lang).trigger
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # the look-ahead class holds every first character: no match starts outside it
    firsts = regex.compile(f"[{first}]")
    assert all(firsts.match(text, m.start()) for m in plain.finditer(text))


def _plain_trigger(pattern, _cache={}):
    import regex

    if pattern not in _cache:
        _cache[pattern] = regex.compile(pattern)
    return _cache[pattern]


def test_trigger_lookahead_on_real_damage():
    from tqcheck.encoding import detector

    for text, lang in [("Bu desteđimizi gösterir.", "tr"), ("cafÈ au lait", "fr"),
                       ("пТЙЧЕФ мир", "ru"), ("Ğ°ller M°ller", "de"), ("Počas¡ dnes", "pl")]:
        lex, first, pattern, use_cp = detector._trigger_parts(lang)
        fast = detector._profile(lang).trigger
        assert [m.span() for m in fast.finditer(text)] == \
            [m.span() for m in _plain_trigger(pattern).finditer(text)]
        assert list(fast.finditer(text))


# -- the source-language guess of a file, remembered per text ------------------------------------
def test_guess_lang_remembered_gives_langdetects_answer():
    from tqcheck.io.l10n.base import _guess_text, guess_lang
    from tqcheck.lang.detect import detect_langs

    texts = ["Enter a valid date.", "This field is required.", "Ensure this value is less than %s.",
             "The file you uploaded was either not an image or a corrupted image.",
             "Select a valid choice. That choice is not one of the available choices."]
    _guess_text.cache_clear()
    first = guess_lang(texts)
    assert first == "en"
    cands = detect_langs("\n".join(texts), max_chars=4000)
    assert first == cands[0][0] and cands[0][1] >= 0.9
    assert guess_lang(texts) == first
    assert _guess_text.cache_info().hits == 1
    assert guess_lang(["Bonjour", "abc"]) is None          # fewer than 20 words: no guess


# -- text report: control characters found by one pattern -------------------------------------------
def _clean_loop(text: str) -> str:
    """The character loop report.text._clean replaced."""
    import unicodedata

    from tqcheck.report.text import _BIDI

    out = []
    for ch in " ".join(text.split()):
        if ch in _BIDI or unicodedata.category(ch) == "Cc":
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def test_unsafe_characters_are_exactly_bidi_and_cc():
    import sys
    import unicodedata

    from tqcheck.report.text import _BIDI, _UNSAFE

    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert bool(_UNSAFE.match(ch)) == (ch in _BIDI or unicodedata.category(ch) == "Cc"), hex(cp)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab é\t\n\x00\x1b\x7f\x85\x9f\xa0\u061c\u200e\u202e\u2066\u2069日 ")),
               max_size=40) | st.text(max_size=40))
def test_clean_same_as_the_character_loop(text):
    from tqcheck.report.text import _clean

    assert _clean(text) == _clean_loop(text)


# -- the collector paused per file and while reports are written, and restored ------------------
def test_gate_and_reports_leave_the_collector_as_they_found_it(tmp_path):
    import gc

    from tqcheck import gate
    from tqcheck.report import multi

    po = tmp_path / "tr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: tr\\n"\n\nmsgid "Save the file"\nmsgstr "Dosyayı kaydet"\n\n'
                  'msgid "Delete %s"\nmsgstr "Sil"\n', encoding="utf-8")
    seen = []
    real = gate._execute

    def spy(*a, **k):
        seen.append(gc.isenabled())
        return real(*a, **k)

    assert gc.isenabled()
    gate._execute = spy
    try:
        rs = gate.run([str(po)])
    finally:
        gate._execute = real
    assert seen == [False] and gc.isenabled()
    assert any(f.rule == "TQ501" for f in rs.findings)
    text, js = multi.render_text(rs), multi.to_json(rs)
    assert gc.isenabled() and "TQ501" in text and '"TQ501"' in js
    gc.disable()
    try:
        multi.to_json(rs)
        gate.run([str(po)])
        assert not gc.isenabled()     # a caller's disabled collector stays disabled
    finally:
        gc.enable()


def test_the_only_space_among_wide_characters_is_u3000():
    wide = [r for a, b in ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))
            for r in range(a, b + 1)]
    assert [hex(c) for c in wide if chr(c).isspace()] == ["0x3000"]


# -- TQ203: the capital rate remembers per document which words count --------------------------
def _capital_rate_reference(doc, lang):
    """names._capital_rate before round 5 (every word looked up in every sentence)."""
    from tqcheck.checks.names import WORD, _has_wordlist, _zipf, place_matcher

    caps = total = 0
    matcher = place_matcher(lang)
    if lang and _has_wordlist(lang):
        for sent in doc.sentences[:500]:
            words = [m for m in list(WORD.finditer(sent.text))[1:]
                     if len(m.group(0)) >= 4 and not m.group(0).isupper()
                     and 4.0 <= _zipf(m.group(0), lang) < 6.0]
            if not words:
                continue
            places = matcher.find(sent.text, loose=True, cased=False) if matcher else []
            for m in words:
                if any(h.start <= m.start() < h.end for h in places):
                    continue
                total += 1
                caps += m.group(0)[:1].isupper()
    return (caps + 0.12 * 10) / (total + 10)


WORDS_DE = ["Die", "Regierung", "regierung", "hat", "Berlin", "gestern", "neue", "Gesetze", "gesetze",
            "beschlossen", "Stadt", "stadt", "Frankreich", "Wasser", "wasser", "NATO", "über", "Haus"]


@settings(max_examples=40, deadline=None)
@given(sents=st.lists(st.lists(st.sampled_from(WORDS_DE), min_size=1, max_size=9), min_size=1, max_size=12),
       lang=st.sampled_from(["de", "en", "fr"]))
def test_capital_rate_same_as_before(sents, lang):
    from types import SimpleNamespace

    from tqcheck.checks.names import _capital_rate
    from tqcheck.document import Document

    texts = [" ".join(s) + "." for s in sents]
    doc = Document.from_segments(texts, [None] * len(texts), lang=lang)
    ctx = SimpleNamespace(cache={}, tgt_lang=lang, src_lang=lang, target=doc, source=doc)
    assert _capital_rate(ctx, "tgt") == _capital_rate_reference(doc, lang)


# -- pair_sides: the two analysed sides kept per pair for the five rules that ask ------------------
def test_pair_sides_kept_per_pair_are_analyzes_answer():
    from types import SimpleNamespace

    from tqcheck.align.base import Bead
    from tqcheck.checks.base import Pair
    from tqcheck.checks.entity_text import analyze, pair_sides, sentence_starts
    from tqcheck.document import Document

    src = Document.from_segments(["Paris has 2,5 million people.", "On 3 May 2020."], [1, 2], lang="en")
    tgt = Document.from_segments(["Paris a 2,6 millions d'habitants.", "Le 3 mai 2021."], [1, 2], lang="fr")
    ctx = SimpleNamespace(cache={}, src_lang="en", tgt_lang="fr")
    pairs = [Pair(i, Bead((i,), (i,)), (src.sentences[i],), (tgt.sentences[i],)) for i in range(2)]
    for p in pairs:
        s, t = pair_sides(p, ctx)
        analyze.cache_clear()
        assert s == analyze(p.src_text, "en", sentence_starts(p.src))
        assert t == analyze(p.tgt_text, "fr", sentence_starts(p.tgt))
        assert pair_sides(p, ctx)[0] is s
    # another pair under the same index (a run of sentences) is analysed on its own
    run = Pair(0, Bead((0, 1), (0, 1)), tuple(src.sentences), tuple(tgt.sentences))
    s, t = pair_sides(run, ctx)
    assert s.text == run.src_text and len(s.dates) == 1 and len(s.numbers) >= 2


# -- TQ410: the source's words made only when a candidate misspelling asks ---------------------
@settings(max_examples=100, deadline=None)
@given(src=st.text(alphabet=st.sampled_from(list("abc ÇçŞşÖöİı'’-Ж")), max_size=30),
       probe=st.text(alphabet=st.sampled_from(list("abcçşöiıj")), max_size=5))
def test_lazy_source_words_answer_as_the_set(src, probe):
    from tqcheck.checks.spelling import _source_words, _SourceWords

    lazy = _SourceWords(src)
    assert lazy._words is None
    words = _source_words(src)
    for w in [probe, *sorted(words)]:
        assert (w in lazy) == (w in words)


# -- language judgement: the common-word share decided as soon as it is known ---------------------
WORDS_MIX = ["the", "house", "and", "Haus", "und", "değil", "bir", "xqzt", "kitap", "Regierung",
             "comité", "budget", "année", "zzyzx", "die", "sayfa", "qwrtp", "of"]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS_MIX), max_size=14), lang=st.sampled_from(["en", "de", "tr", "fr"]))
def test_mostly_common_is_common_share_at_least_three_quarters(words, lang):
    from tqcheck.lang.detect import _mostly_common, common_share

    assert _mostly_common(words, lang) == (common_share(words, lang) >= 0.75)


def test_three_quarters_as_whole_numbers():
    assert all((k / n >= 0.75) == (4 * k >= 3 * n) for n in range(1, 400) for k in range(n + 1))


# -- TQ201: identifiers with a number looked for only in a text with a digit ------------------------
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ISBNPEPv-‐‑_.,a 0179٣५")), max_size=30))
def test_codes_with_the_digit_trigger_same_as_the_pattern(text):
    from tqcheck.checks.numbers import _CODE, _codes

    assert _codes(text) == [((m.group(1).casefold(), m.group(2)), m.span()) for m in _CODE.finditer(text)]
