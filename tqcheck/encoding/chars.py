"""Character classes: invisible and control characters, scripts, homoglyphs, diacritics."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Zero-width and joiner characters (U+200B…U+200D, U+2060…U+2064, U+FEFF).
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")
#: Bidirectional formatting characters (marks, embeddings, overrides, isolates).
BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: C0 and C1 controls except tab, line feed, carriage return (and form feed / vertical tab,
#: which some files use as page or line separators).
CONTROLS = frozenset(chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)])
INVISIBLE = ZERO_WIDTH | BIDI | CONTROLS

#: Scripts that use ZWJ/ZWNJ/ZWSP as part of normal writing; the characters are only
#: suspicious between letters of the alphabets below.
PLAIN_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"})

RTL_SCRIPTS = frozenset({"HEBREW", "ARABIC", "SYRIAC", "THAANA", "NKO", "SAMARITAN", "MANDAIC"})

#: Visual homoglyphs among Latin, Cyrillic and Greek letters, after the Unicode
#: confusables list (UTS #39, ``confusables.txt``), restricted to letters that look
#: the same in common fonts. Each entry: Cyrillic or Greek letter → Latin letter.
_TO_LATIN = {
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y",
    "Ӏ": "I",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i", "κ": "k",
    "ρ": "p", "υ": "u", "χ": "x",
}
#: Latin letter → Cyrillic letter (for Latin letters inside Cyrillic words).
_TO_CYRILLIC = {lat: cyr for cyr, lat in _TO_LATIN.items()
                if "CYRILLIC" in unicodedata.name(cyr) and cyr not in "іјѕԁһԛԝӏүІЈЅԚԜҮӀ"}
#: Latin letter → Greek letter (for Latin letters inside Greek words).
_TO_GREEK = {lat: gr for gr, lat in _TO_LATIN.items() if "GREEK" in unicodedata.name(gr)}


def homoglyph(ch: str, script: str) -> str | None:
    """The look-alike of ``ch`` in ``script`` ("LATIN", "CYRILLIC", "GREEK"), or None."""
    if script == "LATIN":
        return _TO_LATIN.get(ch)
    if script == "CYRILLIC":
        return _TO_CYRILLIC.get(ch)
    if script == "GREEK":
        return _TO_GREEK.get(ch)
    return None


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str:
    """First word of the Unicode name: "LATIN", "CYRILLIC", "GREEK", "ARABIC", … ("" if unnamed)."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    head = name.split(" ")[0]
    if head in ("FULLWIDTH", "HALFWIDTH"):
        return name.split(" ")[1]
    return head


@lru_cache(maxsize=4096)
def base_and_mark(ch: str) -> tuple[str, str]:
    """(base letter, diacritic) of a letter: ``ö`` → (``o``, U+0308); ``ı`` → (``i``, "dotless")."""
    special = {"ı": ("i", "dotless"), "I": ("i", ""), "ł": ("l", "stroke"), "Ł": ("l", "stroke"),
               "đ": ("d", "stroke"), "Đ": ("d", "stroke"), "ø": ("o", "stroke"), "Ø": ("o", "stroke"),
               "ħ": ("h", "stroke"), "Ħ": ("h", "stroke")}
    if ch in special:
        return special[ch]
    d = unicodedata.normalize("NFD", ch)
    return d[0].lower(), d[1:]
