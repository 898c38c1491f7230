"""What the analysers share: the state of one detector run and word helpers
(word characters, word-list lookups for words with apostrophes, letter case)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import chars, codepages
from .damage import Damage
from .lexicon import Lexicon, lexicon


_APOS = "'’"
_SCRIPTED = ("LATIN", "CYRILLIC", "GREEK")
_URLISH = regex.compile(r"://|www\.|[=&@/\\]|\.[a-z]{2,4}\b")


@dataclass
class _Profile:
    lex: Lexicon | None
    trigger: regex.Pattern
    codepage: bool  # run the code-page analyser (Latin, Cyrillic or Greek alphabet with a word list)


def _class(chars_: set[str] | frozenset[str]) -> str:
    return "".join(regex.escape(c) for c in sorted(chars_))


@lru_cache(maxsize=1)
def _word_extra() -> frozenset[str]:
    """Non-alphanumeric characters that may sit inside a damaged word."""
    glyphs = {g for g in codepages.seen_glyphs()
              if unicodedata.category(g) not in ("Pi", "Pf", "Ps", "Pe", "Pd", "Zs")}
    return frozenset(glyphs | chars.INVISIBLE | {"\ufffd", "?", *_APOS})


def _in_word(ch: str, extra: frozenset[str]) -> bool:
    return ch.isalnum() or ch in extra or unicodedata.category(ch)[0] == "M" or "\ud800" <= ch <= "\udfff"


@dataclass
class _Run:
    text: str
    lang: str | None
    prof: _Profile
    has_rtl: bool
    has_precomposed: bool
    other_langs: tuple[str, ...] = ()
    damages: list[Damage] = field(default_factory=list)
    #: code-page candidates per word span: (start, end, word, [(repair, pairs, strong, zipf)])
    cp_words: list[tuple[int, int, str, list[tuple[str, frozenset, bool, float]]]] = field(default_factory=list)
    #: distinct non-ASCII characters of the text, computed when first needed
    seen: frozenset[str] | None = None

    @property
    def lex(self) -> Lexicon | None:
        return self.prof.lex


@lru_cache(maxsize=64)
def _other_lexicons(lang: str | None, other_langs: tuple[str, ...]) -> tuple[Lexicon, ...]:
    own = lexicon(lang)
    out = []
    for o in other_langs:
        lx = lexicon(o)
        if lx is not None and lx.has_words and lx is not own and lx not in out:
            out.append(lx)
    return tuple(out)


def _foreign(run: _Run, word: str, above: float = 0.0) -> bool:
    """Whether ``word`` is a word of another language of the text, more frequent there than ``above``."""
    return _foreign_word(word, run.lang or "", run.other_langs, above)


@lru_cache(maxsize=50000)
def _foreign_word(word: str, lang: str, other_langs: tuple[str, ...], above: float) -> bool:
    if not any(c.isalpha() for c in word):
        return False
    return any(o.zipf(word) > above and all(c in o.alphabet for c in word if c.isalpha())
               for o in _other_lexicons(lang or None, other_langs))


@lru_cache(maxsize=1)
def _glue() -> frozenset[str]:
    """Quotes and dashes some confusion produces for a letter (``‚`` for DOS ``é``, ``»`` for
    ISO-8859-2 ``ť``), and the no-break space: part of a word only where punctuation would be
    odd (between letters, an opening mark after a word, a closing mark before one)."""
    marks = {g for g in codepages.seen_glyphs()
             if unicodedata.category(g) in ("Pi", "Pf", "Ps", "Pe", "Pd")}
    return frozenset(marks | {"\xa0"})


def _all_caps(word: str) -> bool:
    """Whether the word is written in capitals (two letters or more)."""
    cased = [c for c in word if c.isalpha()]
    return bool(cased) and all(c.isupper() for c in cased) and len(cased) > 1


def _urlish(run: _Run, s: int, e: int) -> bool:
    """Whether the whitespace-separated token around [s, e) is a URL, address, path or identifier."""
    text = run.text
    ls = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
    le = min((i for i in (text.find(" ", e), text.find("\n", e)) if i >= 0), default=len(text))
    return bool(_URLISH.search(text[ls:le]))


def _parts(word: str) -> list[tuple[int, str]]:
    """Apostrophe-separated parts of a word with their offsets."""
    out, start = [], 0
    for i, c in enumerate(word):
        if c in _APOS:
            out.append((start, word[start:i]))
            start = i + 1
    out.append((start, word[start:]))
    return [(o, p) for o, p in out if p]


def _word_zipf(lex: Lexicon, word: str, changed: tuple[int, ...] = ()) -> float:
    """Zipf of a word; with apostrophes, of the parts holding the changed positions
    (Turkish ``Çavuşoğlu'na`` is judged by ``Çavuşoğlu``)."""
    z = lex.zipf(word)
    if z > 0 or not any(c in _APOS for c in word):
        return z
    parts = _parts(word)
    if not parts:
        return 0.0
    if changed:
        sel = [p for o, p in parts if any(o <= i < o + len(p) for i in changed)]
    else:
        sel = [max((p for _, p in parts), key=len)]
    sel = [p for p in sel if len(p) >= 2]
    if not sel:
        return 0.0
    return min(lex.zipf(p) for p in sel)


def _stem_known(lex: Lexicon, repaired: str, word: str, changed: tuple[int, ...]) -> bool:
    """A known stem of ``repaired`` covers every change, and the same stem of ``word`` is unknown
    (``desteğimizde`` → ``desteğimiz``)."""
    if not changed:
        return False
    last = max(changed)
    floor = lex.strong_floor
    for L in range(len(repaired) - 1, max(last + 2, 4) - 1, -1):
        pre = repaired[:L]
        if any(c in _APOS for c in pre):
            continue
        if lex.zipf(pre) >= floor and lex.zipf(word[:L]) == 0:
            return True
    return False


def _regular_case(word: str) -> bool:
    """lower, UPPER or Title case (or no cased letter at all)."""
    if word.islower() or word.isupper():
        return True
    rest = word[1:]
    if word[:1].isupper() and (rest.islower() or not any(c.isalpha() for c in rest)):
        return True
    return not any(c.isalpha() for c in word)
