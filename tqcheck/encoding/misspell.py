"""Letter-substitution misspellings: an unknown word one look-alike letter away from a
frequent word (Turkish ``ölkemiz`` → ``ülkemiz``, ``Dışışleri`` → ``Dışişleri``).

Only letters of the language's alphabet are tried, and only *similar* ones: the same
base letter with another diacritic (``ı/i``, ``s/ş``, ``a/ä/á``), or the same diacritic
on another vowel (``ö/ü``, ``á/é``). Precision comes first, so a word is left alone
when it is known at all, written in capitals, foreign to the alphabet, found in the
source sentence or known in another given language, or a capitalised name whose
look-alike is not clearly frequent.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .chars import base_and_mark
from .lexicon import Lexicon, lexicon

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_MIN_LEN = 4
#: base letters whose accented forms are swapped for one another when they carry the same
#: diacritic (ö/ü, á/é); consonants only swap with their own base (s/ş, not ş/ç)
_VOWELS = frozenset("aeiouyαεηιουωаеиоуыэюяі")


@dataclass(frozen=True, slots=True)
class Misspelling:
    start: int
    end: int
    word: str
    suggestion: str
    #: Zipf frequency of the suggestion (or of its known stem)
    zipf: float
    confidence: float


def supported(lang: str | None) -> bool:
    """Whether misspellings can be checked in ``lang`` (a word list and an alphabet)."""
    lx = lexicon(lang)
    return bool(lx and lx.has_words and lx.script in _SCRIPTS)


@lru_cache(maxsize=64)
def _similar_table(lang: str) -> dict[str, tuple[str, ...]]:
    lx = lexicon(lang)
    assert lx is not None
    letters = [c for c in lx.core if c.isalpha()]
    info = {c: base_and_mark(c) for c in letters}
    table: dict[str, tuple[str, ...]] = {}
    for c in letters:
        b, m = info[c]
        sims = [x for x in letters if x != c and x.isupper() == c.isupper()
                and (info[x][0] == b or (m and info[x][1] == m and b in _VOWELS and info[x][0] in _VOWELS))]
        # a plain ASCII letter is only swapped for its accented forms, never for another ASCII letter
        table[c] = tuple(sorted(x for x in sims if not (x.isascii() and c.isascii())))
    return table


def _fold(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word).casefold()


def find_misspellings(text: str, lang: str | None, *, skip: list[tuple[int, int]] | None = None,
                      foreign: set[str] | frozenset[str] = frozenset(),
                      other_langs: tuple[str, ...] = ()) -> list[Misspelling]:
    """Misspelt words of ``text``.

    ``skip``: spans already explained (encoding damage). ``foreign``: case-folded words
    (and their ASCII transliterations) of the source sentence, never flagged. ``other_langs``:
    languages in which a known word is not a misspelling (the source language).

    >>> [(m.word, m.suggestion) for m in find_misspellings("Bu ölkemiz için önemli.", "tr")]
    [('ölkemiz', 'ülkemiz')]
    """
    lx = lexicon(lang)
    if lx is None or not lx.has_words or lx.script not in _SCRIPTS:
        return []
    table = _similar_table(lx.lang)
    others = [o for o in (lexicon(x) for x in other_langs) if o is not None and o.has_words and o is not lx]
    skip = sorted(skip or [])
    out: list[Misspelling] = []
    for m in _WORD.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in skip):
            continue
        word = m.group()
        if lx.zipf(word) > 0:
            continue
        off, part = max(_parts(word), key=lambda p: len(p[1]))
        if len(part) < _MIN_LEN:
            continue
        res = _check(lx, table, part)
        if res is None:
            continue
        sugg, z, conf = res
        if part.casefold() in foreign or _fold(part) in foreign:
            continue
        if any(o.zipf(part) > 0 for o in others):
            continue
        out.append(Misspelling(s + off, s + off + len(part), part, sugg, z, conf))
    return out


def _parts(word: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for i, c in enumerate(word):
        if c in "'’":
            out.append((start, word[start:i]))
            start = i + 1
    out.append((start, word[start:]))
    return out


def _check(lx: Lexicon, table: dict[str, tuple[str, ...]], part: str) -> tuple[str, float, float] | None:
    if any(c not in lx.alphabet for c in part):
        return None  # a letter foreign to the language: encoding or a foreign word, not spelling
    letters = [c for c in part if c.isalpha()]
    if all(c.isupper() for c in letters):
        return None  # capitals: acronyms, headings (dotted-i damage is the encoding check's job)
    z0 = lx.zipf(part)
    capital = part[0].isupper()
    # the look-alike must be clearly more frequent than any unknown word can be: ten times the
    # word list's floor, and ten times more again for capitalised words (names)
    floor = max(lx.min_zipf + 1.0, 4.0 if capital else 3.0)
    if z0 > 0:
        return None
    best, best_z, second_z = None, 0.0, 0.0
    cands: list[tuple[int, str]] = []
    for i, c in enumerate(part):
        for x in table.get(c, ()):
            cand = part[:i] + x + part[i + 1:]
            cands.append((i, cand))
            z = lx.zipf(cand)
            if z > best_z:
                best, best_z, second_z = cand, z, best_z
            elif z > second_z:
                second_z = z
    if best is not None and best_z >= floor:
        conf = 0.6 + 0.1 * (best_z - floor) - (0.15 if second_z >= best_z - 0.5 else 0.0)
        return best, best_z, round(min(0.9, max(0.5, conf)), 3)
    if capital:
        return None
    # an inflected form missing from the word list: a known stem must cover the change,
    # while no stem of the word itself is known
    stem_floor = max(lx.strong_floor + 0.5, 3.5)
    for L in range(len(part) - 1, 2, -1):
        if lx.zipf(part[:L]) > 0:
            return None
    best = None
    for i, cand in cands:
        for L in range(len(cand) - 1, max(i + 3, 5, (len(cand) + 1) // 2) - 1, -1):
            z = lx.zipf(cand[:L])
            if z >= stem_floor:
                if best is None or (L, z) > (best[2], best[1]):
                    best = (cand, z, L)
                break
    if best is None:
        return None
    return best[0], best[1], 0.6
