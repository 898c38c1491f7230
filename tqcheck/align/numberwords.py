"""Numbers written as words, as number features: ``fünf`` and ``5``, ``trois`` and ``drei`` meet.

The aligner's number features (``#5``) come from digits; a translation often writes a small or
round number in words where the source has digits, or in words on both sides. With CLDR's
spell-out rules (:func:`tqcheck.checks.number_text.spelled_forms`, through ``unicode-rbnf``) each
form of a number from 2 to 100, of the hundreds to 1,000 and of the thousands to 10,000 —
cardinals, ordinals and their genders and cases, the longest that stands in the text
(``dix-huit`` is 18, not 10 and 8) — gives the sentence the number's feature, in every language
CLDR spells. One alone is left out (its forms are the indefinite article in many languages:
"ein", "un", "bir").

The features only join the similarity; the number anchors (a number one side of a bead lacks
costs extra) still read digits alone.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

from ..checks.number_text import has_spellout, spell_norm, spelled_forms

#: the values whose forms are looked for
VALUES = (*range(2, 101), *range(200, 1001, 100), *range(2000, 10001, 1000))
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=32)
def word_values(lang: str | None) -> dict[str, int]:
    """Spelled form (casefolded, hyphens as spaces: ``dix huit``) → its value, for
    :data:`VALUES` in ``lang``; empty when CLDR has no spell-out rules for it. A form two values
    share keeps the smaller."""
    if not has_spellout(lang):
        return {}
    out: dict[str, int] = {}
    for v in VALUES:
        for f in spelled_forms(v, lang):
            if all(w.isalpha() for w in f.split()):
                out.setdefault(f, v)
    return out


@lru_cache(maxsize=32)
def _by_words(lang: str | None) -> tuple[dict[tuple[str, ...], int], int, frozenset[str]]:
    """The forms as word tuples, the most words a form has, and the words a form begins with."""
    table = {tuple(f.split()): v for f, v in word_values(lang).items()}
    return table, max(map(len, table), default=0), frozenset(k[0] for k in table)


def spelled_values(text: str, lang: str | None) -> list[int]:
    """The numbers ``text`` spells in words of ``lang``, each the longest form that stands
    there (``dix-huit`` is 18, not 10 and 8; ``vingt et un`` 21)."""
    table, longest, starts = _by_words(lang)
    if not table:
        return []
    words = _WORD.findall(spell_norm(text))
    out: list[int] = []
    i = 0
    while i < len(words):
        if words[i] not in starts:
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            v = table.get(tuple(words[i:i + n]))
            if v is not None:
                out.append(v)
                i += n
                break
        else:
            i += 1
    return out


def number_word_features(texts: Sequence[str], lang: str | None) -> list[Counter] | None:
    """The number features (``#<value>``) of the spelled numbers of each text, or None when
    ``lang`` has no spell-out rules (or none of the texts spells a number)."""
    if not word_values(lang):
        return None
    out = [Counter(f"#{v}" for v in spelled_values(t, lang)) for t in texts]
    return out if any(out) else None
