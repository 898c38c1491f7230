"""Quantities: numbers with a unit of measurement, and whether two of them are one quantity
converted (``10 miles`` = ``16 km``, ``12 inches`` = ``30 cm``, ``90 °F`` = ``32 °C``).

The unit names are CLDR's (:mod:`tqcheck.lang.units`); a converted value matches when it
rounds to the written one at the precision the writer used (``4 000 m`` for 14,000 feet,
4,267 m, is rounded to thousands), with at least 3 % and at most 10 % leeway (at least 1
degree for temperatures). This module only reads; :mod:`.numbers` decides what is reported.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..lang import units
from .number_text import Num

#: leeway of a converted value, relative to the written one: at least (rounding by the writer
#: to two significant digits, "gut 30 cm" for 12 inches) …
MIN_LEEWAY = Decimal("0.03")
#: … and at most, whatever the written precision (``4 000 m`` for 4,267 m is 6 % off)
MAX_LEEWAY = Decimal("0.10")
#: leeway of a converted temperature, in degrees of the written unit: at least one degree, at
#: most the written precision or 3 % of the number (``540 °C`` for 1,000 °F, 537.8 °C;
#: ``40 °C`` is not 100 °F, 37.8 °C, nor 100 °F 40 °C, 104 °F)
TEMP_LEEWAY = (Decimal(1), Decimal("0.03"))


@dataclass(frozen=True)
class Quantity:
    num: Num
    unit: str  # a CLDR unit key, ``length-inch``
    name: tuple[int, int]  # where the unit's name is written

    @property
    def values(self) -> list[Decimal]:
        if self.num.preferred is not None:
            return [self.num.preferred]
        return [v for v in self.num.values if isinstance(v, Decimal)]


def quantities(text: str, lang: str | None, numbers: tuple[Num, ...], common: bool = False) -> list[Quantity]:
    """The numbers of ``text`` that have a unit written right after (or before) them; ``common``
    reads unit names that are common words too (:func:`~tqcheck.lang.units.unit_names`)."""
    return list(_quantities(text, lang, numbers, common))


@lru_cache(maxsize=4096)
def _quantities(text: str, lang: str | None, numbers: tuple[Num, ...], common: bool) -> tuple[Quantity, ...]:
    out = []
    for n in numbers:
        if n.kind not in ("num", "part") or n.in_date:
            continue
        hit = units.unit_at(lang, text, n.start, n.end, common)
        if hit is not None:
            out.append(Quantity(n, hit[0], (hit[1], hit[2])))
    return tuple(out)


#: an opening bracket, half or full width (Chinese and Japanese write （）)
_RESTATED = regex.compile(r"\G[\s\u00a0\u202f]*[(\[\uff08\uff3b]\s*")


def restatements(text: str, numbers: tuple[Num, ...], quants: list[Quantity] | tuple = ()) -> dict[Num, Num]:
    """Numbers written in brackets right after another number (and its unit, if ``quants``
    gives it, written after or around the number), as a conversion is: ``8 (203 mm)``,
    ``12 pouces (305 mm)``, ``時速12キロメートル（7マイル）``. Returns
    ``{number in brackets: number before it}``."""
    out = {}
    # where the number's unit ends when it is written after the number or around it
    # (``12 pouces``, 時速12キロメートル); a unit written before its number ends before it
    unit_end = {q.num: q.name[1] for q in quants if q.name[1] > q.num.end}
    by_start = sorted(numbers, key=lambda n: n.start)
    for a, b in zip(by_start, by_start[1:]):
        m = _RESTATED.match(text, unit_end.get(a, a.end))
        if m and m.end() == b.start:
            out[b] = a
    return out


def _ulp(v: Decimal) -> Decimal:
    """The place of the last written digit: 0.1 for 2.3, 1000 for 4000, 1 for 4267."""
    exp = v.as_tuple().exponent
    if not isinstance(exp, int):
        return Decimal(1)
    if exp < 0:
        return Decimal(1).scaleb(exp)
    digits = str(abs(int(v)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal(1).scaleb(min(zeros, len(digits) - 1)) if v else Decimal(1)


def _near(x: Decimal, written: Decimal, temperature: bool) -> bool:
    half = _ulp(written) / 2
    size = abs(written)
    if temperature:
        least, most = TEMP_LEEWAY
        tol = max(least, min(half, most * size))
    else:
        tol = min(max(half, MIN_LEEWAY * size), MAX_LEEWAY * size)
    return abs(x - written) <= tol


def _other_unit_of_one_dimension(a: Quantity, b: Quantity) -> bool:
    return a.unit != b.unit and units.dimension(a.unit) is not None and \
        units.dimension(a.unit) == units.dimension(b.unit)


def converts(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` and ``b`` are one quantity in two different units of one dimension (either
    may be the converted one)."""
    if not _other_unit_of_one_dimension(a, b):
        return False
    temperature = units.dimension(a.unit) == "temperature"
    for va in a.values:
        for vb in b.values:
            x = units.convert(va, a.unit, b.unit)
            if x is not None and _near(x, vb, temperature):
                return True
            y = units.convert(vb, b.unit, a.unit)
            if y is not None and _near(y, va, temperature):
                return True
    return False


class QuantityIndex:
    """The quantities of one side, found by what they measure: the ones that may convert into a
    given quantity (``converting``), the ones with a given number (``with_value``). A look-up
    reads the quantities nearest in value first and stops at the leeway, so a side with
    thousands of quantities costs a sort, not a comparison of every pair."""

    #: a converted value is at most 10 % (MAX_LEEWAY) off, either way round: candidates are
    #: looked up this much around the value in the base unit, plus this much for degrees
    _WIDE = 0.12
    _DEGREES = 3.0

    def __init__(self, quants: list[Quantity]) -> None:
        self.quants = quants
        by_dim: dict[str, list[tuple[float, int]]] = defaultdict(list)
        self.values: dict[Decimal, list[Quantity]] = defaultdict(list)
        for k, q in enumerate(quants):
            dim = units.dimension(q.unit)
            for v in q.values:
                self.values[v].append(q)
                base = units.to_base(v, q.unit)
                if dim is not None and base is not None:
                    by_dim[dim].append((float(base), k))
        self._items = {dim: sorted(xs) for dim, xs in by_dim.items()}
        self._keys = {dim: [x for x, _ in xs] for dim, xs in self._items.items()}

    def converting(self, q: Quantity) -> Quantity | None:
        """A quantity of this side that is ``q`` converted to another unit (the nearest in value
        first: one within 3 % always is), or ``None``."""
        dim = units.dimension(q.unit)
        if dim not in self._items:
            return None
        items, keys = self._items[dim], self._keys[dim]
        for v in q.values:
            base = float(units.to_base(v, q.unit))
            wide = abs(base) * self._WIDE + (self._DEGREES if dim == "temperature" else 0.0)
            right = bisect_left(keys, base)
            left = right - 1
            while left >= 0 or right < len(keys):
                dl = base - keys[left] if left >= 0 else math.inf
                dr = keys[right] - base if right < len(keys) else math.inf
                if min(dl, dr) > wide:
                    break
                if dl <= dr:
                    k, left = items[left][1], left - 1
                else:
                    k, right = items[right][1], right + 1
                if converts(q, self.quants[k]):
                    return self.quants[k]
        return None

    def with_value(self, values: list[Decimal]) -> list[Quantity]:
        return [r for v in values for r in self.values.get(v, ())]

    def has_twin(self, q: Quantity) -> bool:
        """Whether this side has ``q`` as it is: the same unit and the same number."""
        return any(r.unit == q.unit for r in self.with_value(q.values))


def converted(mine: list[Quantity], theirs: list[Quantity] | QuantityIndex, text: str,
              numbers: tuple[Num, ...]) -> set[Num]:
    """The numbers of one side that a quantity of the other side explains by conversion, and the
    numbers they restate in brackets or that restate them (``12 pouces (305 mm)``: both, when
    one converts). A quantity is compared with one in its own unit alone when the other side
    has one that nothing matches (``60 ft = 18,29 m`` ↔ ``60 pieds (19,29 m)``: 19,29 m is a
    changed number, not a rough conversion of 60 ft); one that has its twin (``4 cm`` ↔
    ``4 cm``) is no such counterpart."""
    index = theirs if isinstance(theirs, QuantityIndex) else QuantityIndex(theirs)
    mine_have = {(q.unit, v) for q in mine for v in q.values}
    free_units = {r.unit for r in index.quants if not any((r.unit, v) in mine_have for v in r.values)}
    # a quantity with its twin on the other side (same unit, same number) is matched, not
    # converted, and explains nothing it restates
    out = {q.num for q in mine if q.unit not in free_units and not index.has_twin(q)
           and index.converting(q) is not None}
    for inner, outer in restatements(text, numbers, mine).items():
        if inner in out or outer in out:
            out |= {inner, outer}
    return out


def dropped_conversions(mine: list[Quantity], theirs: QuantityIndex, text: str, numbers: tuple[Num, ...],
                        lang: str | None) -> set[Num]:
    """The numbers of one side that restate, in another unit, a quantity beside them in brackets
    (or that the quantity in brackets restates) whose twin the other side has: ``30 cm (12 in)``
    ↔ ``30 cm``, a conversion a translation may leave out. Here a unit name that is a common
    word is a unit (``12 in (30 cm)``)."""
    by_num = {q.num: q for q in mine}
    for q in quantities(text, lang, numbers, common=True):
        by_num.setdefault(q.num, q)
    out = set()
    for inner, outer in restatements(text, numbers, list(by_num.values())).items():
        a, b = by_num.get(inner), by_num.get(outer)
        if a is None or b is None or not converts(a, b):
            continue
        if theirs.has_twin(b) and not theirs.has_twin(a):
            out.add(inner)
        elif theirs.has_twin(a) and not theirs.has_twin(b):
            out.add(outer)
    return out


def same_value_other_unit(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` and ``b`` have the same number but units of one dimension that do not
    convert into each other at that number (``10 miles`` ↔ ``10 km``): the unit changed and
    the number was not converted."""
    return _other_unit_of_one_dimension(a, b) and bool(set(a.values) & set(b.values)) and not converts(a, b)
