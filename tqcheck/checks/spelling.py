"""TQ41x: misspellings in the translation."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ..encoding.misspell import find_misspellings, supported
from ..findings import Finding
from .base import CheckContext, Pair, rule
from .encoding import pair_damages

_WORD = regex.compile(r"[\p{L}\p{M}]+")


@lru_cache(maxsize=64)
def _lang_name(code: str) -> str:
    try:
        from babel import Locale

        return Locale("en").languages.get(code, code)
    except Exception:  # pragma: no cover - babel data missing
        return code


def _source_words(text: str) -> frozenset[str]:
    """Case-folded words of the source and their ASCII transliterations (names are often copied)."""
    from anyascii import anyascii

    words = set()
    for w in _WORD.findall(text):
        words.add(w.casefold())
        words.add(anyascii(w).casefold())
    return frozenset(words)


class _SourceWords:
    """:func:`_source_words` of a source text, made the first time a word is looked up in it
    (most target sentences have no candidate misspelling that needs it)."""

    __slots__ = ("text", "_words")

    def __init__(self, text: str) -> None:
        self.text, self._words = text, None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = _source_words(self.text)
        return word in self._words


@rule("TQ410", "misspelling", category="spelling", severity="minor", aligned_only=False,
      description="A word is unknown in the target language while a look-alike spelling is common.",
      example=("Peace in our country.", "Ölkemizde barış ve ölkemizin geleceği.", "en", "tr"))
def misspelling(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A target word that the language's word list (wordfreq) does not know, while swapping one
    letter for a look-alike letter of the same language (same base letter with another
    diacritic, ``ı/i``, ``s/ş``; or the same diacritic on another vowel, ``ö/ü``) gives a
    frequent word: ``ölkemiz`` for ``ülkemiz``, ``Dışışleri`` for ``Dışişleri``. For inflected
    forms missing from the list, a frequent stem must cover the changed letter. Names (capitalised
    words need a clearly frequent look-alike), words in capitals, words of the source sentence or
    known in the source language or English, and words already reported as encoding damage are
    left alone. Languages without a word list are skipped with a note."""
    lang = ctx.tgt_lang
    if not lang:
        ctx.note("TQ410", "The target language is unknown, so misspellings were not checked.")
        return
    if not supported(lang):
        ctx.note("TQ410", f"No word list for '{lang}': misspellings were not checked.")
        return
    text = pair.tgt_text
    skip = [span for _, span in pair_damages(ctx, pair, "tgt")]
    others = tuple(x for x in (ctx.src_lang, "en") if x and x != lang)
    name = _lang_name(lang)
    for m in find_misspellings(text, lang, skip=skip, foreign=_SourceWords(pair.src_text),
                               other_langs=others):
        yield ctx.finding("TQ410", pair, tgt_span=(m.start, m.end), suggestion=m.suggestion,
                          confidence=m.confidence,
                          message=f"Possible misspelling: “{m.word}” is not a known {name} word; "
                                  f"did you mean “{m.suggestion}”?")
