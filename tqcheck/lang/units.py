"""Units of measurement: their names in a language (CLDR, via babel) and how they convert.

A translation often converts a quantity instead of copying it: ``10 miles`` becomes
``16 km``, ``12 inches`` becomes ``30 cm``, ``90 °F`` becomes ``32 °C``. The number checks
must know that these are the same quantity, and that ``10 miles`` written ``10 km`` is not.

* :func:`unit_names` — every way a language writes a unit after, before or around a number,
  read from CLDR's unit patterns (``{0} pouces``, ``{0} Zoll``, ``{0}\u202fmi``, ``華氏 {0} 度``),
  the long, short and narrow forms and all plural forms;
  a name that stands for two units (English narrow ``°`` for both degrees of angle and
  Fahrenheit) or that is a common word of the language (English ``in``) is left out.
* :data:`CONVERSIONS` — the factor (and offset, for temperatures) from each unit to its
  dimension's base unit. These are definitions (an inch is 0.0254 m by definition), not
  language data.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from . import cldr
from .words import has_wordlist, zipf

_D = Decimal

#: unit (CLDR key) -> (dimension, factor to the base unit, offset added before the factor)
CONVERSIONS: dict[str, tuple[str, Decimal, Decimal]] = {}


def _units(dim: str, base: str, table: dict[str, str], offsets: dict[str, str] | None = None) -> None:
    for unit, factor in table.items():
        CONVERSIONS[f"{base}-{unit}"] = (dim, _D(factor), _D((offsets or {}).get(unit, "0")))


_units("length", "length", {
    "kilometer": "1000", "meter": "1", "decimeter": "0.1", "centimeter": "0.01", "millimeter": "0.001",
    "micrometer": "0.000001", "mile": "1609.344", "yard": "0.9144", "foot": "0.3048", "inch": "0.0254",
    "nautical-mile": "1852", "mile-scandinavian": "10000", "fathom": "1.8288", "furlong": "201.168"})
_units("mass", "mass", {
    "tonne": "1000", "kilogram": "1", "gram": "0.001", "milligram": "0.000001", "ton": "907.18474",
    "stone": "6.35029318", "pound": "0.45359237", "ounce": "0.028349523125"})
_units("volume", "volume", {
    "cubic-meter": "1000", "cubic-centimeter": "0.001", "cubic-foot": "28.316846592",
    "cubic-inch": "0.016387064", "hectoliter": "100", "liter": "1", "deciliter": "0.1", "centiliter": "0.01",
    "milliliter": "0.001", "gallon": "3.785411784", "gallon-imperial": "4.54609", "quart": "0.946352946",
    "pint": "0.473176473", "pint-imperial": "0.56826125", "cup": "0.2365882365",
    "fluid-ounce": "0.0295735295625", "fluid-ounce-imperial": "0.0284130625"})
_units("area", "area", {
    "square-kilometer": "1000000", "hectare": "10000", "square-meter": "1", "square-centimeter": "0.0001",
    "square-mile": "2589988.110336", "acre": "4046.8564224", "square-yard": "0.83612736",
    "square-foot": "0.09290304", "square-inch": "0.00064516"})
_units("speed", "speed", {
    "kilometer-per-hour": "0.2777777777777777777777777778", "meter-per-second": "1",
    "mile-per-hour": "0.44704", "knot": "0.5144444444444444444444444444"})
# kelvin = factor × (value + offset)
_units("temperature", "temperature", {
    "celsius": "1", "fahrenheit": "0.5555555555555555555555555556", "kelvin": "1"},
    offsets={"celsius": "273.15", "fahrenheit": "459.67"})
_units("pressure", "pressure", {
    "bar": "100000", "millibar": "100", "hectopascal": "100", "kilopascal": "1000", "pascal": "1",
    "atmosphere": "101325", "pound-force-per-square-inch": "6894.757293168",
    "millimeter-ofhg": "133.322387415", "inch-ofhg": "3386.389"})
_units("energy", "energy", {
    "kilojoule": "1000", "joule": "1", "kilocalorie": "4184", "foodcalorie": "4184", "calorie": "4.184",
    "kilowatt-hour": "3600000"})
_units("power", "power", {
    "kilowatt": "1000", "watt": "1", "megawatt": "1000000", "horsepower": "745.6998715822702"})

_SPACE = " \u00a0\u202f\u2009\u2007"
#: a short unit name (three letters at most) that is a word at least this common (Zipf) in the
#: language is left out: after a number it is more often the word (English "in": "3 in 10
#: people", Spanish "mi", Italian "ha"). Unit symbols themselves are common in running text
#: ("km" has Zipf 5.0 in German), so the bar is high
COMMON_WORD = 6.0
#: a one-letter symbol is left out only when the letter is a word this common (Polish "w")
COMMON_LETTER = 7.0
#: names this long or shorter are symbols, matched with their case (``K`` kelvin, not ``k``)
SYMBOL = 3


def _common_word(name: str, lang: str) -> bool:
    """Whether a short name is a very common word of ``lang`` (False without a word list for
    the language: wordfreq would answer from a neighbouring language's list)."""
    if not name.isalpha() or len(name) > SYMBOL or not has_wordlist(lang):
        return False
    try:
        # the start-up cache's table of wordfreq's list (wordfreq's own dict of a whole
        # language takes tens of MB)
        f = zipf(name, lang)
    except (LookupError, ValueError, ImportError):
        return False
    return f >= (COMMON_LETTER if len(name) == 1 else COMMON_WORD)


def _key(name: str) -> str:
    """How a name is looked up: a symbol as written, a word casefolded (``Fuß`` → ``fuss``;
    the dot of Turkish ``İ`` dropped, as a case-insensitive match ignores it)."""
    return name if len(name) <= SYMBOL else name.casefold().replace("\u0307", "")


@lru_cache(maxsize=64)
def unit_names(lang: str | None, common: bool = False) -> dict[tuple[str, str], str]:
    """``{(where, name): unit}`` for ``lang``: ``where`` is ``"after"`` or ``"before"`` the
    number, ``name`` is casefolded unless it is a symbol (``SYMBOL`` characters or fewer); or
    ``where`` is ``"around"`` and ``name`` the text before and after the number, joined by NUL.
    Empty when CLDR does not know the language. ``common`` keeps the names that are very
    common words too (English ``in``), for a place where no word can stand (``30 cm (12 in)``)."""
    if not lang or not cldr.has_data(lang):
        return {}
    # every unit of CLDR, not only those we convert: a name that also stands for another unit
    # is ambiguous (English narrow "°" for degrees of angle and Fahrenheit), unless the other
    # unit has it only in a terser form (English narrow "m" for months, short "m" for metres)
    seen: dict[tuple[str, str], dict[str, int]] = {}
    for unit in dict.fromkeys((*CONVERSIONS, *cldr.unit_keys())):
        for length, pattern in cldr.unit_forms(lang, unit):
            if pattern.count("{0}") != 1:
                continue
            before, after = pattern.split("{0}")
            before, after = before.strip(_SPACE), after.strip(_SPACE)
            if not (before or after):
                continue
            if before and after:  # the number stands inside the name: 時速 {0} キロメートル
                key = ("around", f"{before}\x00{after}")
            else:
                key = ("before", _key(before)) if before else ("after", _key(after))
            rank = _RANK[length]
            units = seen.setdefault(key, {})
            units[unit] = max(units.get(unit, 0), rank)
    out = {}
    for key, units in seen.items():
        top = max(units.values())
        best = [u for u, r in units.items() if r == top]
        if len(best) == 1 and best[0] in CONVERSIONS and (common or not _common_word(key[1], lang)):
            out[key] = best[0]
    return out


#: how firmly a form names its unit: long and short forms, narrow ones
_RANK = {"long": 2, "short": 2, "narrow": 1}


@lru_cache(maxsize=64)
def unit_patterns(lang: str | None, common: bool = False):
    """Two compiled patterns (a unit name right after a number, right before one) for
    ``lang``, each ``None`` when there is no such name; ``None`` when CLDR has no unit names
    for the language. Longer names are tried first (``km/h`` before ``km``); a name must not
    run on into a letter, nor a one-letter symbol into an apostrophe (French ``l'``)."""
    names = unit_names(lang, common)
    if not names:
        return None

    def alternation(where: str) -> str | None:
        ws = sorted({n for w, n in names if w == where}, key=len, reverse=True)
        if not ws:
            return None
        alts = []
        for n in ws:
            e = regex.escape(n)
            if len(n) > SYMBOL:
                e = f"(?i:{e})"
            elif len(n) == 1:
                e += "(?!['\u2019])"
            alts.append(e)
        return "|".join(alts)

    after, before = alternation("after"), alternation("before")
    gap = f"[{_SPACE}]?-?"
    pa = regex.compile(rf"\G{gap}(?P<u>{after})(?![\p{{L}}\p{{M}}\p{{N}}])", regex.V1) if after else None
    pb = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?P<u>{before})[{_SPACE}]?$", regex.V1) if before else None
    return pa, pb


@lru_cache(maxsize=64)
def _around(lang: str | None) -> tuple[tuple[str, str, str], ...]:
    """The names written around the number (``時速 {0} キロメートル``): (before, after, unit)."""
    return tuple((*name.split("\x00"), unit) for (where, name), unit in unit_names(lang).items()
                 if where == "around")


def unit_at(lang: str | None, text: str, start: int, end: int,
            common: bool = False) -> tuple[str, int, int] | None:
    """The unit written around, right after or right before the number at ``text[start:end]``
    (its name within 40 characters): ``(unit, name start, name end)``, or ``None``; ``common``
    as for :func:`unit_names`."""
    pats = unit_patterns(lang, common)
    if not pats:
        return None
    pa, pb = pats
    names = unit_names(lang, common)
    off = max(0, start - 40)
    head, tail = text[off:start].rstrip(_SPACE), text[end:end + 40]
    gap = len(tail) - len(tail.lstrip(_SPACE))
    for before, after, unit in _around(lang):
        if head.endswith(before) and tail[gap:].startswith(after):
            return unit, off + len(head) - len(before), end + gap + len(after)
    if pa is not None:
        m = pa.match(text, end)
        unit = m and names.get(("after", _key(m.group("u"))))
        if unit:
            return unit, m.start("u"), m.end("u")
    if pb is not None:
        m = pb.search(text[off:start])
        unit = m and names.get(("before", _key(m.group("u"))))
        if unit:
            return unit, off + m.start("u"), off + m.end("u")
    return None


def convert(value: Decimal, unit: str, to: str) -> Decimal | None:
    """``value`` in ``unit`` expressed in ``to`` (``None`` across dimensions)."""
    a, b = CONVERSIONS.get(unit), CONVERSIONS.get(to)
    if a is None or b is None or a[0] != b[0]:
        return None
    base = (value + a[2]) * a[1]
    return base / b[1] - b[2]


def to_base(value: Decimal, unit: str) -> Decimal | None:
    """``value`` in ``unit`` expressed in its dimension's base unit (metre, kilogram, litre,
    square metre, metre per second, kelvin, pascal, joule, watt)."""
    c = CONVERSIONS.get(unit)
    return None if c is None else (value + c[2]) * c[1]


def dimension(unit: str) -> str | None:
    c = CONVERSIONS.get(unit)
    return c[0] if c else None


def unit_label(unit: str) -> str:
    """A short readable name of a CLDR unit key (``length-inch`` → ``inch``)."""
    return unit.split("-", 1)[1].replace("-", " ") if "-" in unit else unit
