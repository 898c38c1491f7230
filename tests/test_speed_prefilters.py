"""Round 3 of the localization speed-ups: every pre-filter and shortcut gives the answer of the slow
path it skips (hypothesis over texts with and without the trigger), and the start-up caches hold
exactly what the libraries would compute."""
import dataclasses
import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from tqcheck.checks import date_text, l10n_text, number_text
from tqcheck.checks.text_units import WORD
from tqcheck.io.l10n import Unit, UnitFile, check_units


# -- months and weekdays: the prefix pre-filter never hides a mention --------------------------------
CAL_LANGS = ["en", "de", "fr", "ru", "pl", "tr", "fi", "hu", "he", "ar", "el", "vi"]


def _pieces(lang):
    out = []
    for table in (date_text.month_table(lang), date_text.weekday_table(lang)):
        if table is not None:
            out += list(table.exact)[:30] + [s[0] for s in table.stems[:20]]
    return out


def _slow(table):
    # no prefix index and no pre-filter: _lookup scans every stem of every word
    return dataclasses.replace(table, stems_by_first=None, firsts=None, firsts_re=None)


@pytest.mark.parametrize("lang", CAL_LANGS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_calendar_prefilter_finds_what_the_scan_finds(lang, data):
    pieces = _pieces(lang)
    if not pieces:
        return
    words = data.draw(st.lists(st.one_of(
        st.sampled_from(pieces),
        st.sampled_from(pieces).map(str.capitalize),
        st.sampled_from(pieces).map(lambda p: p + "ta"),
        st.sampled_from(pieces).map(lambda p: "ב" + p),          # a Hebrew clitic prefix
        st.sampled_from(pieces).map(lambda p: p + "'da"),        # an apostrophe ending
        st.text(alphabet="abcdeéğıİşçöüyzxмарт ", min_size=1, max_size=8),
        st.sampled_from(["12", "3.", "in", "the", "İstanbul", "MÄRZ"])), max_size=8))
    text = data.draw(st.sampled_from([" ", ", ", ". "])).join(words)
    for table in (date_text.month_table(lang), date_text.weekday_table(lang)):
        if table is None:
            continue
        fast = date_text._calendar_mentions(text, table, (0,), False)
        slow = date_text._calendar_mentions(text, _slow(table), (0,), False)
        assert fast == slow, (lang, text)


def test_calendar_prefilter_is_used_and_skips():
    table = date_text.month_table("en")
    assert table.firsts_re is not None and "jan" in table.firsts
    assert date_text._calendar_mentions("Enter a valid email address.", table, (0,), False) == []
    assert [m.form for m in date_text._calendar_mentions("Due in January", table, (0,), False)] == ["January"]


# -- small text helpers: fast paths equal the loops they replace ---------------------------------------
def _weighted_len_loop(text):
    n = 0.0
    for ch in text:
        o = ord(ch)
        if 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF:
            n += 2.0
        elif not ch.isspace():
            n += 1.0
        else:
            n += 0.5
    return n


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)), st.text(),
                 # the edges of the double-width ranges, spaces of every kind, astral characters
                 st.text(alphabet=st.sampled_from(list("ab é\t\n\x1c\x85\xa0\u2002\u2028\u3000日本語한국ｱ！"
                                                       "\u2e7f\u2e80\u9fff\ua000\uac00\ud7af\ud7b0\uf900"
                                                       "\ufaff\uff00\uffef\ufff0") + ["\U00020000"]),
                         max_size=50)))
def test_weighted_len_fast_path(text):
    got = l10n_text.weighted_len(text)
    assert got == _weighted_len_loop(text) and type(got) is float


def _strip_end_slow(text):
    import regex

    t = text.rstrip()
    while True:
        before = t
        t = regex.sub(r"(?:</?[A-Za-z][^<>]{0,80}>)+$", "", t).rstrip()
        while t and t[-1] in l10n_text._CLOSERS:
            t = t[:-1].rstrip()
        if t == before:
            return t


@given(st.lists(st.sampled_from(list("ab .!?<>/\"')»") + ["<b>", "</b>", "<br/>", "</a>"]),
                max_size=15).map("".join))
def test_strip_end_same_as_regex_every_time(text):
    assert l10n_text.strip_end(text) == _strip_end_slow(text)


@pytest.mark.parametrize("lang", ["en", "de", "fr", "tr", "ru"])
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_number_word_spans_same_as_per_word_casefold(lang, data):
    words = sorted(number_text.number_words(lang) or ())[:40] or ["one"]
    toks = data.draw(st.lists(st.one_of(st.sampled_from(words), st.sampled_from(words).map(str.upper),
                                        st.sampled_from(["İKİ", "2", "Straße", "x"])), max_size=6))
    text = " ".join(toks)
    _, _, spans = number_text.find_numbers(text, lang, [], [], {}, False)
    from tqcheck.lang.translit import casefold
    import regex

    slow = tuple(m.span() for m in WORD.finditer(text)
                 if casefold(m.group(0)) in (number_text.number_words(lang) or ())
                 and not regex.search(r"\p{Nd}[\s\u00a0]?$", text[max(0, m.start() - 2):m.start()]))
    assert spans == slow


# -- TQ203: a word without a capital yields no name part -----------------------------------------------
@given(st.text(alphabet=st.sampled_from(list("abcçğıişöüßéаб日'’-") + ["İ", "A", "Ǆ", "ǅ"]),
               min_size=1, max_size=12))
def test_lowercase_word_has_no_capitalised_part(text):
    from tqcheck.checks.names import _base, _parts

    for m in WORD.finditer(text):
        w = m.group(0)
        if not w.islower():
            continue
        tok, s = _base(w, m.start())
        assert not any(len(p) >= 2 and p[:1].isupper() for p, _ in _parts(tok, s)), w


# -- a whole entry file: the shortcuts change no finding --------------------------------------------------
def _findings(units, sl="en", tl="de"):
    uf = UnitFile(path="t.po", format="po", src_lang=sl, tgt_lang=tl, units=units)
    return [(f.rule, f.entry, f.target_span, f.message) for f in check_units(uf).findings]


def test_capital_rate_and_calendar_paths_keep_findings():
    units = [Unit(id=str(i), source=s, target=t, source_line=i, target_line=i) for i, (s, t) in enumerate([
        ("The meeting in Kazakhstan is on 3 January.", "Das Treffen in Kasachstan ist am 3. Februar."),
        ("Send 5 files to Anna.", "Senden Sie 6 Dateien an Anna."),
        ("Open the Settings page.", "Öffnen Sie die Seite Einstellungen."),
        ("Monday and Friday", "Montag und Freitag"),
    ], 1)]
    rules = Counter(r for r, *_ in _findings(units))
    assert rules["TQ201"] == 1 and rules["TQ202"] == 1


# -- start-up: the caches hold what the libraries compute ---------------------------------------------------
def test_langdetect_profiles_same_as_langdetect_loader():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from tqcheck.lang.detect import _load_profiles

    ref = DetectorFactory()
    ref.load_profile(PROFILES_DIRECTORY)
    ours = _load_profiles()
    assert ours.langlist == ref.langlist
    assert list(ours.word_lang_prob_map) == list(ref.word_lang_prob_map)
    assert ours.word_lang_prob_map == ref.word_lang_prob_map


@pytest.mark.parametrize("lang", ["tr", "ru"])
def test_token_shares_same_as_counter_loop(lang):
    import wordfreq

    from tqcheck.encoding.lexicon import _is_plain_letter, _token_shares

    freq = wordfreq.get_frequency_dict(lang, "best")
    mass, total = Counter(), 0.0
    for w in wordfreq.top_n_list(lang, 20000):
        f = freq.get(w, 0.0)
        total += f
        for ch in set(w):
            if _is_plain_letter(ch):
                mass[ch] += f
    assert _token_shares(lang) == {ch: m / total for ch, m in mass.items()}


_ABBR = ("import json, sys; from tqcheck.segment import abbreviations; "
         "a = {l: sorted(abbreviations(l)) for l in ('en', 'de', 'zz')}; "
         "print(json.dumps({'spacy': 'spacy' in sys.modules, 'abbr': a}))")


def _abbr_run(cache):
    env = dict(os.environ, TQCHECK_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", _ABBR], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout)


def test_abbreviation_cache_avoids_spacy_and_gives_the_same_lists(tmp_path):
    off = _abbr_run("")                      # no cache: straight from spaCy
    first = _abbr_run(str(tmp_path))         # fills the cache
    second = _abbr_run(str(tmp_path))        # reads it
    assert off["spacy"] and first["spacy"] and not second["spacy"]
    assert off["abbr"] == first["abbr"] == second["abbr"]
    assert "Dr." in off["abbr"]["en"] and "usw." in off["abbr"]["de"]
    names = sorted(p.name for p in tmp_path.iterdir())
    assert any(n.endswith("-en.json") for n in names) and any(n.endswith("-zz.json") for n in names)
    # a damaged cache file is ignored (and rewritten), not trusted
    bad = next(p for p in tmp_path.iterdir() if p.name.endswith("-en.json"))
    bad.write_text("{not json", encoding="utf-8")
    assert _abbr_run(str(tmp_path))["abbr"] == off["abbr"]


# -- the script of a text: ASCII shortcut and counts per distinct character --------------------------------
def _script_of_loop(text):
    from tqcheck.lang.translit import _char_script

    counts = {}
    for ch in text:
        if ch.isalpha():
            s = _char_script(ch)
            if s:
                counts[s] = counts.get(s, 0) + 1
    if not counts:
        return None
    if "Han" in counts and ("Hiragana" in counts or "Katakana" in counts):
        return "Hiragana" if counts.get("Hiragana", 0) >= counts.get("Katakana", 0) else "Katakana"
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)),
                 st.text(alphabet="abcXYZ çğüşİı АБВгд αβγ 日本語ひらがなカタカナ 한국 ا ب 1.,-ǅ\u0301")))
def test_script_of_same_as_per_character_loop(text):
    from tqcheck.lang.translit import script_of

    assert script_of(text) == _script_of_loop(text)


# -- the garbage collector is paused while entries are checked --------------------------------------------
def _units_file():
    return UnitFile(path="t.po", format="po", src_lang="en", tgt_lang="de", units=[
        Unit(id=str(i), source=s, target=t, source_line=i, target_line=i) for i, (s, t) in enumerate([
            ("Open %(name)s in Berlin on 3 May.", "Öffnen Sie %(name)s am 3. Mai in Berlin."),
            ("Enter a valid e-mail address.", "Geben Sie eine gültige E-Mail-Adresse ein."),
            ("The install worked successfully! Congratulations!", "Установка прошла успешно!"),
            ("Hello {name}!", "Hallo {nom}!")], 1)])


def test_check_units_restores_the_collector_state():
    import gc

    assert gc.isenabled()
    check_units(_units_file())
    assert gc.isenabled()
    gc.disable()
    try:
        check_units(_units_file())
        assert not gc.isenabled()          # a caller's choice is kept
    finally:
        gc.enable()


def test_checking_entries_leaves_no_reference_cycles():
    # what makes pausing the cyclic collector during check_units free: nothing for it to collect
    import gc

    check_units(_units_file())            # language data loaded
    gc.collect()
    gc.disable()
    try:
        check_units(_units_file())
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0, f"checking entries left {found} objects in reference cycles"
