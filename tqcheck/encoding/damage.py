"""The record the encoding detector returns."""
from __future__ import annotations

from dataclasses import dataclass

#: Every kind of damage, in the order the detector prefers them when two explain one word.
KINDS = ("mojibake", "codepage", "replacement", "question-mark", "cedilla", "dotted-i",
         "homoglyph", "control", "nfd")


@dataclass(frozen=True, slots=True)
class Damage:
    """One damaged word (or invisible character) in a text.

    ``start``/``end`` are character offsets into the text given to :func:`detect`;
    ``original == text[start:end]``. ``replacement`` is the repaired word, or None when
    the damage is certain but the lost letters cannot be recovered.
    """

    start: int
    end: int
    kind: str
    original: str
    replacement: str | None
    cause: str
    confidence: float
    #: for ``codepage``: (written code page, read code page) as Python codec names
    pages: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """Several words damaged in the same way (one code-page confusion, one mojibake cause)."""

    kind: str
    cause: str
    count: int
    examples: tuple[str, ...]
    confidence: float
    #: for ``codepage``: (written, read) codec names
    pages: tuple[str, str] | None = None
    #: the damages summarised, in text order
    damages: tuple[Damage, ...] = ()
