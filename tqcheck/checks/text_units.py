"""Words and sentence starts: the small text units every TQ2xx reader shares."""
from __future__ import annotations

import regex

from ..lang.translit import NO_SPACE_SCRIPTS, char_script

WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{Nd}]*(?:['\u2019\u02bc][\p{L}\p{M}]+)*")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]").search
_INITIAL_AFTER = regex.compile(r"(?:^|(?<![\s.]\p{L}|^\p{L})[.!?…]\s+|[:;。！？]\s*|\n)[\s\"'“”‘’«»„(\[¿¡*•–—-]*$")


def is_initial(text: str, start: int, sentence_starts: tuple[int, ...] = (0,)) -> bool:
    """True when the word at ``start`` begins a sentence (or follows a colon or an opening quote
    at the start of one)."""
    for s in sentence_starts:
        if s <= start and not _LETTER_OR_DIGIT(text, s, start):
            return True
    return bool(_INITIAL_AFTER.search(text[max(0, start - 12):start]))


def no_space(lang: str | None, text: str = "") -> bool:
    """True for languages (or text) written without spaces between words."""
    if lang in ("zh", "ja", "th", "lo", "km", "my", "bo", "yue", "wuu"):
        return True
    if lang is None and text:
        for ch in text:
            if ch.isalpha():
                return char_script(ch) in NO_SPACE_SCRIPTS
    return False
