"""Words every language names the same thing with, as shared features: month and weekday names
and the long names of units of time and length, from CLDR (babel's data, :mod:`tqcheck.lang.cldr`).
``Juli`` and ``juillet``, ``Sonntag`` and ``dimanche``, ``Stunden`` and ``heures``, ``Tage`` and
``jours`` get the same feature (``C:month-7``, ``C:duration-hour`` …), in every language CLDR
covers. A word may carry an ending of up to two letters after a name of four letters or more
(``Jahren``).

:func:`shared_word_features` gives them together with the numbers written as words
(:mod:`.numberwords`): what the aligner and the checks of missing, added and moved content read."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import regex

from ..lang import cldr
from ..lang.translit import casefold
from .numberwords import number_word_features

UNITS = ("duration-century", "duration-decade", "duration-year", "duration-month", "duration-week",
         "duration-day", "duration-hour", "duration-minute", "duration-second", "length-kilometer",
         "length-meter", "length-centimeter")
_WORD = regex.compile(r"\p{L}+")
_MIN = 3
_ENDING = 2
_STEM = 4


@lru_cache(maxsize=32)
def concept_words(lang: str | None) -> dict[str, str]:
    """word (casefolded) → concept, for ``lang``; empty when CLDR has no data for it. A word
    two concepts share is left out."""
    if not lang or not cldr.has_data(lang):
        return {}
    out: dict[str, str] = {}
    clash: set[str] = set()

    def add(word: str, concept: str) -> None:
        w = casefold(word.strip().strip("."))
        if len(w) < _MIN or not w.isalpha():
            return
        if out.get(w, concept) != concept:
            clash.add(w)
        out[w] = concept

    # the wide names only: abbreviations are words of their own ("sept", "mar")
    for k, names in cldr.month_names(lang).items():
        if names:
            add(names[0], f"month-{k}")
    for k, names in cldr.weekday_names(lang).items():
        if names:
            add(names[0], f"weekday-{k}")
    for unit in UNITS:
        for width, pattern in cldr.unit_forms(lang, unit):
            if width != "long":
                continue
            word = pattern.replace("{0}", "").strip(" \u00a0\u202f")
            if " " not in word and "\u00a0" not in word:
                add(word, unit)
    for w in clash:
        out.pop(w, None)
    return out


def concept_features(texts: Sequence[str], lang: str | None) -> list[Counter] | None:
    """The concept features (``C:<concept>``) of each text, or None when ``lang`` has none (or
    none of the texts names one)."""
    table = concept_words(lang)
    if not table:
        return None
    out = []
    for t in texts:
        c: Counter = Counter()
        for w in _WORD.findall(casefold(t)):
            k = table.get(w)
            if k is None and len(w) > _STEM:
                for cut in range(1, _ENDING + 1):
                    if len(w) - cut >= _STEM:
                        k = table.get(w[:-cut])
                        if k is not None:
                            break
            if k is not None:
                c["C:" + k] += 1
        out.append(c)
    return out if any(out) else None


def shared_word_features(texts: Sequence[str], lang: str | None) -> list[Counter] | None:
    """The features of the words CLDR names in every language, for each text: the numbers it
    writes as words (:func:`.numberwords.number_word_features`) and the names it uses
    (:func:`concept_features`); None when there are none."""
    parts = [f for f in (number_word_features(texts, lang), concept_features(texts, lang)) if f is not None]
    if len(parts) < 2:
        return parts[0] if parts else None
    return [a + b for a, b in zip(*parts)]
