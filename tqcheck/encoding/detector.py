"""Find encoding damage in one text, word by word.

The detector looks only at words that hold a *trigger*: a character outside the
language's letters, an invisible or control character, a combining mark, a ``?``
glued to a letter, a script change inside a word, and (per language) a casing
pattern that legacy mix-ups leave. Each such word is examined by small analysers;
the code-page analyser then decides, over the whole text, which confusion of code
pages is the consistent story. Everything else in the text costs one regex scan.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import lru_cache

import regex

from . import mojibake
from .analysers import _cedilla, _controls, _dotted_i, _homoglyph, _nfd
from .confusion import _codepage_candidates, _resolve_codepages, _utf8_word
from .damage import KINDS, Damage, Summary
from .lexicon import lexicon
from .lost import _lost_chars, _lost_runs, _trailing_question_marks
from .words import _APOS, _SCRIPTED, _class, _glue, _in_word, _Profile, _Run, _word_extra


_PRIORITY = {k: i for i, k in enumerate(KINDS)}
_EDGE_PUNCT = ("Pi", "Pf", "Ps", "Pe", "Pd", "Po")
_TYPOGRAPHY = "…•€£¥°¡¿"  # common signs that only trigger when nothing else is normal
_RTL = regex.compile(r"[\p{Hebrew}\p{Arabic}\p{Syriac}\p{Thaana}\p{Nko}]")


# Every alternative of a trigger starts with a character class, so that the regex engine
# only stops at rare characters (a trigger scan costs about a millisecond per 100 kB).
_CONTROLS_RE = (r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
                r"\ufeff\u061c\ufffd\ud800-\udfff\u0300-\u036f]")


_GENERIC = _CONTROLS_RE + r"|\?(?:(?=[\p{L}\p{M}])|(?<=\p{L}\?))"
#: a letter of one script next to a letter of another, anchored on the script that is rare in
#: text of the language's own script
_MIXED = {
    "LATIN": "",  # Cyrillic and Greek letters are outside the alphabet anyway
    "CYRILLIC": r"|[\p{Latin}\p{Greek}](?:(?<=\p{Cyrillic}.)|(?=\p{Cyrillic}))",
    "GREEK": r"|[\p{Latin}\p{Cyrillic}](?:(?<=\p{Greek}.)|(?=\p{Greek}))",
}


_MIXED_ANY = (r"|[\p{Cyrillic}\p{Greek}](?:(?<=[\p{Latin}\p{Greek}\p{Cyrillic}].)|"
              r"(?=[\p{Latin}\p{Greek}\p{Cyrillic}]))")


def _odd_punct() -> str:
    """Punctuation where it does not belong: an opening mark right after a letter, a closing mark
    right before one, a no-break space between letters (each may be a letter of another page)."""
    opening = _class({g for g in _glue() if unicodedata.category(g) in ("Ps", "Pi")})
    closing = _class({g for g in _glue() if unicodedata.category(g) in ("Pe", "Pf")} - {"’"})
    dashes = _class({g for g in _glue() if unicodedata.category(g) == "Pd"})
    return (rf"|[{opening}](?<=[\p{{L}}'’].)|[{closing}]\p{{L}}"
            rf"|[{dashes}](?:(?<=\p{{L}}.)|(?=\p{{L}}))"
            r"|\xa0(?<=\p{L}.)(?=\p{L})")


@lru_cache(maxsize=64)
def _profile(lang: str | None) -> _Profile:
    lex, first, pattern, use_cp = _trigger_parts(lang)
    return _Profile(lex, regex.compile(rf"(?=[{first}])(?:{pattern})"), use_cp)


def _trigger_parts(lang: str | None) -> tuple:
    """(lexicon, the characters a trigger can start with as the inside of a character class,
    the trigger pattern, whether the code-page analyser runs) of ``lang``."""
    lex = lexicon(lang)
    pattern = _GENERIC
    # ``first``: every character a trigger can start with (each alternative below consumes one
    # of these first); the compiled trigger looks ahead for one before trying the alternatives,
    # the same matches twice as fast on ordinary text
    first = [_CONTROLS_RE[1:-1], r"\?"]
    # the code-page analyser needs the language's letters; without a word list (wordfreq lacks
    # the language) it works from the alphabet alone, with stricter document-level evidence
    use_cp = bool(lex and lex.script in _SCRIPTED and (lex.has_words or lex.core))
    if lex and lex.script in _SCRIPTED:
        # any non-ASCII character that is neither a letter the language uses nor common typography
        ok = _class(set(lex.core) - set(map(chr, range(128))))
        pattern += (rf"|[^\x00-\x7f{ok}\p{{Z}}\p{{Pd}}\p{{Pi}}\p{{Pf}}\p{{Ps}}\p{{Pe}}"
                    rf"{regex.escape(_TYPOGRAPHY)}]")
        first.append(_NON_ASCII)
        pattern += _MIXED[lex.script]
        first.append(_MIXED_FIRST[lex.script])
        # typography glued inside a word, or an inverted mark after a letter ("Počas¡", "M°ller")
        pattern += (rf"|[{regex.escape(_TYPOGRAPHY)}](?<=\p{{L}}.)(?=\p{{L}})|[¡¿](?<=\p{{L}}.)"
                    r"|[£¥€](?:(?=\p{L})|(?<=\p{L}.))|°(?:(?=\p{Ll})|(?<=\p{Ll}\p{Ll}.))")
        first.append(regex.escape(_TYPOGRAPHY) + "¡¿£¥€°")
        if lex.turkic:
            pattern += r"|I(?:(?=\p{L})|(?<=\p{L}I))"
            first.append("I")
        if lex.script != "LATIN":
            # a code-page mix-up inside one script swaps case: "пТЙЧЕФ", "ПЯХБЕР"
            pattern += r"|\p{Lu}(?:(?<=\p{Ll}.)|(?=\p{Lu}{3}))"
            first.append(r"\p{Lu}")
        else:
            # … or turns a lower-case letter into a capital one ("cafÈ")
            pattern += r"|[^\x00-\x7f](?:(?<=\p{Ll}\p{Lu})|(?<=\p{Ll})(?=\p{Lu}))"
    else:
        pattern += _MIXED_ANY
        first.append(r"\p{Cyrillic}\p{Greek}")
    if use_cp:
        pattern += _odd_punct()
        first.append(_class(_glue()))
    return lex, "".join(first), pattern, use_cp


#: every character outside ASCII, in a character class
_NON_ASCII = "\\x80-\\U0010ffff"
#: the first characters of :data:`_MIXED`'s alternatives
_MIXED_FIRST = {"LATIN": "", "CYRILLIC": r"\p{Latin}\p{Greek}", "GREEK": r"\p{Latin}\p{Cyrillic}"}


def detect(text: str, lang: str | None = None, *, other_langs: tuple[str, ...] = ("en",)) -> list[Damage]:
    """Every damaged word of ``text`` (language ``lang``, or None when unknown), in text order.

    ``other_langs``: languages whose words may appear in the text as they are (the source
    language of a translation; English for identifiers and loanwords). A word known there
    is not taken for a damaged word of ``lang``.

    >>> [(d.original, d.replacement) for d in detect("Bu desteđimizi gösterir.", "tr")]
    [('desteđimizi', 'desteğimizi')]
    """
    if not text:
        return []
    run = _Run(text, lang, _profile(lang), bool(_RTL.search(text)),
               any(ord(c) > 127 and unicodedata.decomposition(c)[:1] not in ("", "<") for c in set(text)),
               tuple(other_langs))
    run.damages.extend(mojibake.find(text, run.lex))
    for s, e in _trigger_words(run):
        _analyse(run, s, e)
    _resolve_codepages(run)
    run.damages.extend(_lost_runs(text))
    if any(d.kind == "question-mark" for d in run.damages):
        run.damages.extend(_trailing_question_marks(run))
    return _merge(run.damages)


def repair(text: str, lang: str | None = None, *,
           other_langs: tuple[str, ...] = ("en",)) -> tuple[str, list[Damage]]:
    """``text`` with every repairable damage fixed (nothing else changes), and the damages."""
    damages = detect(text, lang, other_langs=other_langs)
    out, pos = [], 0
    for d in damages:
        if d.replacement is None:
            continue
        out.append(text[pos:d.start])
        out.append(d.replacement)
        pos = d.end
    out.append(text[pos:])
    return "".join(out), damages


def summarize(damages: list[Damage], min_count: int = 2) -> list[Summary]:
    """Causes shared by at least ``min_count`` damaged words (one code-page confusion, one kind
    of mojibake), most frequent first. Confidence grows with the number of words."""
    groups: dict[tuple[str, str], list[Damage]] = defaultdict(list)
    for d in damages:
        if d.kind in ("codepage", "mojibake"):
            groups[(d.kind, d.cause)].append(d)
    out = []
    for (kind, cause), ds in groups.items():
        if len(ds) < min_count:
            continue
        ex = tuple(dict.fromkeys(d.original for d in ds))[:5]
        conf = min(0.99, max(d.confidence for d in ds) + 0.02 * (len(ds) - 1))
        out.append(Summary(kind, cause, len(ds), ex, round(conf, 3), ds[0].pages, tuple(ds)))
    out.sort(key=lambda s: (-s.count, s.cause))
    return out


def _trigger_words(run: _Run):
    text, extra, glue = run.text, _word_extra(), _glue()
    n = len(text)
    last_end = -1
    for m in run.prof.trigger.finditer(text):
        p = m.start()
        if p < last_end:
            continue
        if not _in_word(text[p], extra) and m.end() - p > 1:
            p += 1  # a closing mark before a letter: start from the letter
        s = p
        while s > 0:
            ch = text[s - 1]
            if _in_word(ch, extra):
                s -= 1
                continue
            if ch in glue and s < n and _in_word(text[s], extra):
                if s >= 2 and _in_word(text[s - 2], extra):
                    s -= 1
                    continue
                if unicodedata.category(ch) in ("Pe", "Pf"):
                    s -= 1
            break
        e = p
        while e < n:
            ch = text[e]
            if _in_word(ch, extra):
                e += 1
                continue
            if ch in glue and e > s and _in_word(text[e - 1], extra):
                if e + 1 < n and _in_word(text[e + 1], extra):
                    e += 1
                    continue
                if unicodedata.category(ch) in ("Ps", "Pi"):
                    e += 1
            break
        if e == s:  # a trigger that cannot belong to a word (a lone bidi mark, …)
            e = s + 1
        last_end = e
        yield s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop apostrophes and no-break spaces at the edges of a word."""
    while s < e and (text[s] in _APOS or text[s] == "\xa0"):
        s += 1
    while e > s and (text[e - 1] in _APOS or text[e - 1] == "\xa0"):
        e -= 1
    return s, e


def _analyse(run: _Run, s: int, e: int) -> None:
    text = run.text
    s, e = _trim(text, s, e)
    if e <= s:
        return
    lost = _lost_chars(run, s, e, text[s:e])
    if lost is not None:
        run.damages.append(lost)
        return
    inner = text[s:e].rstrip("?")
    if "?" not in inner:  # a question mark after the word
        e = s + len(inner)
    if e <= s:
        return
    word = text[s:e]
    run.damages.extend(_controls(run, s, e, word))
    for analyser in (_dotted_i, _cedilla, _homoglyph, _nfd):
        d = analyser(run, s, e, word)
        if d is not None:
            run.damages.append(d)
    if not run.prof.codepage:
        return
    # a quote, dash or no-break space just outside the word may be one of its letters read in
    # another page ("‚lev‚es" for DOS "élevées"); such a longer span must give a known word
    glue, extra = _glue(), _word_extra()
    left = s > 0 and text[s - 1] in glue and (s == 1 or not _in_word(text[s - 2], extra))
    right = e < len(text) and text[e] in glue and (e + 1 == len(text) or not _in_word(text[e + 1], extra))
    for ls, re_ in ((left, right), (left, False), (False, right)):
        if (ls or re_) and _codepage_candidates(run, s - ls, e + re_, text[s - ls:e + re_], need_strong=True):
            return
    if _utf8_word(run, s, e, word) or _codepage_candidates(run, s, e, word):
        return
    # retry without edge punctuation that may have been glued to the word
    s2, e2 = s, e
    while s2 < e2 and unicodedata.category(text[s2]) in _EDGE_PUNCT:
        s2 += 1
    while e2 > s2 and unicodedata.category(text[e2 - 1]) in _EDGE_PUNCT:
        e2 -= 1
    if (s2, e2) != (s, e) and e2 > s2:
        w2 = text[s2:e2]
        _utf8_word(run, s2, e2, w2) or _codepage_candidates(run, s2, e2, w2)


def _merge(damages: list[Damage]) -> list[Damage]:
    """One damage per place: where two overlap, one with a repair beats one without, then the
    more confident one wins (to a tenth), then the preferred kind."""
    from bisect import bisect_left, insort

    ranked = sorted(damages, key=lambda d: (d.replacement is None, -round(d.confidence, 1),
                                            _PRIORITY.get(d.kind, 99), -d.confidence, d.start))
    taken: list[tuple[int, int]] = []  # disjoint, sorted by start
    out = []
    for d in ranked:
        k = bisect_left(taken, (d.start, d.end))
        if k > 0 and taken[k - 1][1] > d.start or k < len(taken) and taken[k][0] < d.end:
            continue
        insort(taken, (d.start, d.end))
        out.append(d)
    out.sort(key=lambda d: d.start)
    return out
