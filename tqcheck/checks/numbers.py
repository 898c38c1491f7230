"""TQ201 number-mismatch and TQ205 number-format.

A number of the source must come back in its aligned target with the same value,
whatever the separators (``1,000.5`` en = ``1.000,5`` de = ``1 000,5`` fr),
ordinal marks (``8th`` = ``8.`` = ``8e`` = ``8-й``), percent signs or scale words
(``2.5 million`` = ``250万``), or converted to another unit (``10 miles`` = ``16 km``, read
by :mod:`.measure_text`). Numbers inside dates are left to TQ202.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import regex

from ..findings import Finding
from ..lang import cldr, units
from .base import CheckContext, Pair, rule
from .entity_text import (Num, Side, analyze, has_number_words, has_spellout, pair_sides, pair_up, spell_norm,
                          spelled_forms, spelled_in, spells_small)
from .measure_text import Quantity, QuantityIndex, converted, dropped_conversions, quantities, same_value_other_unit

_SEP_CHARS = frozenset(",.'\u2019\u066b\u066c \u00a0\u202f\u2009\u2007")


def _values(side: Side) -> set:
    """Every value a number or numeral of ``side`` can have."""
    out: set = set()
    for n in side.numbers:
        out |= n.values
    for n in side.explainers:
        out |= n.values
    return out


def _matched(n: Num, values: set) -> bool:
    """``n`` has a value among ``values``; a time also when its hour and minutes are both there
    as plain numbers (``1 Std. 30 Min.`` ↔ ``1 h 30``)."""
    return bool(n.values & values) or any(h in values and m in values for h, m in _hours_minutes(n))


def _hours_minutes(n: Num) -> list[tuple[Decimal, Decimal]]:
    """The (hour, minutes) readings of a time."""
    if n.kind != "time":
        return []
    return [(Decimal(v[1]), Decimal(v[2])) for v in n.values if isinstance(v, tuple)]


def _time_parts(side: Side, other_vals: set) -> set:
    """Hours and minutes of the times of ``side`` whose hour and minutes the other side both has
    as plain numbers (so that those plain numbers are explained by the time)."""
    return {x for n in side.numbers for h, m in _hours_minutes(n)
            if h in other_vals and m in other_vals for x in (h, m)}


_DIGIT_RUN = regex.compile(r"(?<![\p{N}.,])\p{Nd}+(?:[ \u00a0\u202f]\p{Nd}+)*(?![\p{N}]|[.,]\p{Nd})")


def _digit_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of digits separated by single spaces, with their digits alone (``26 73 64`` → 267364)."""
    return [(m.start(), m.end(), regex.sub(r"\D", "", m.group())) for m in _DIGIT_RUN.finditer(text)]


def _regrouped_spans(runs: list, other_runs: list) -> list[tuple[int, int]]:
    """The runs of spaced digits, of at least five digits, that the other side writes with the
    same digits grouped otherwise (sorted spans)."""
    digits = {d for _, _, d in other_runs}
    return sorted((a, b) for a, b, d in runs if len(d) >= 5 and d in digits)


def _regrouped(n: Num, spans: list[tuple[int, int]]) -> bool:
    """``n`` lies in one of ``spans`` (:func:`_regrouped_spans`)."""
    k = bisect.bisect_right(spans, (n.start, math.inf)) - 1
    return k >= 0 and spans[k][0] <= n.start and n.end <= spans[k][1]


def _small_in_words(side: Side, lang: str | None) -> bool:
    """Whether ``side`` may put a small number of the other side in words: it spells a number from
    two to twelve ("4 heures et demie" = "halb fünf"), or has a word of spaCy's list that is no
    form of one (Russian collective "трое", "оба"); the article ("un", "bir") proves nothing."""
    if spells_small(side.text, lang):
        return True
    if not side.number_words:
        return False
    ones = set(spelled_forms(1, lang))
    return any(spell_norm(side.text[a:b]) not in ones for a, b in side.number_words)


#: one to three capitals and a space just before a number: ``K 2``, ``A 4``
_SPACED_CODE = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu}{1,3})[ \u00a0]$")


def _spaced_code(n: Num, text: str, other: str) -> bool:
    """``K 2`` where the other side writes ``K2``: one identifier, spaced otherwise (the glued
    form is not read as a number)."""
    m = _SPACED_CODE.search(text, max(0, n.start - 5), n.start)
    if not m:
        return False
    code = regex.escape(m.group(1) + text[n.start:n.end])
    return regex.search(rf"(?<![\p{{L}}\p{{N}}]){code}(?!\p{{N}})", other) is not None


#: a whole number, a short unit or currency name (``fr.``, ``m``, ``€``, ``Fr``), and two digits:
#: an amount written in units and hundredths (``2 fr. 70`` = ``Fr. 2.70``, ``2 m 70`` = 2.70 m)
_SPLIT = regex.compile(r"(?<![\p{N}.,])(\p{Nd}+)[ \u00a0\u202f]{0,2}[\p{L}\p{Sc}]{1,3}[ \u00a0\u202f]{0,2}\.?"
                       r"[ \u00a0\u202f]{0,2}(\p{Nd}{2})(?![\p{N}]|[.,]\p{Nd})")


def _split_decimals(mine: list[Num], theirs: list[Num], their_text: str) -> tuple[list[Num], list[Num]]:
    """Numbers of one side with two decimals that the other side writes as units and hundredths
    around a unit or currency name (``Fr. 2.70`` ↔ ``2 fr. 70``, ``2,70 m`` ↔ ``2 m 70``): both
    are the same amount. Returns the unmatched numbers of both sides without them."""
    if not mine or not theirs:
        return mine, theirs
    parts = {}
    for m in _SPLIT.finditer(their_text):
        parts.setdefault(Decimal(f"{m.group(1)}.{m.group(2)}"), []).append((m.start(1), m.end(2)))
    if not parts:
        return mine, theirs
    gone: set[int] = set()
    kept = []
    for n in mine:
        spans = [sp for v in n.values if isinstance(v, Decimal) and v.as_tuple().exponent == -2
                 for sp in parts.get(v, ())]
        if spans:
            a, b = spans[0]
            gone |= {id(t) for t in theirs if a <= t.start and t.end <= b}
        else:
            kept.append(n)
    return kept, [t for t in theirs if id(t) not in gone]


def _year(n: Num) -> int | None:
    v = n.preferred
    if n.kind == "num" and v is not None and v == v.to_integral_value() and 1000 <= v <= 2099 \
            and len(n.text) == 4:
        return int(v)
    return None


def _same_kind(a: Num, b: Num) -> bool:
    """Whether ``b`` may be ``a`` changed: both years as years are written (four digits,
    1000–2099, or two, ``saison 78``) or neither a year, or digits alike (as many in place as
    apart, a typo: ``1938`` / ``1937``, ``6719`` / ``6179``)."""
    def year(n: Num, other: Num) -> bool:
        return _year(n) is not None or (_two_digits(n) is not None and _year(other) is not None)

    if year(a, b) == year(b, a):
        return True
    from rapidfuzz.distance import DamerauLevenshtein

    da, db = regex.sub(r"\D", "", a.text), regex.sub(r"\D", "", b.text)
    return bool(da and db) and DamerauLevenshtein.normalized_similarity(da, db) >= 0.5


def _two_digits(n: Num) -> int | None:
    digits = n.text.lstrip("'\u2019")
    return int(digits) if n.kind == "num" and len(digits) == 2 and digits.isdigit() else None


def _short_years(s_un: list[Num], t_un: list[Num]) -> tuple[list[Num], list[Num]]:
    """A year written with its last two digits on the other side (``Saison 1977`` ↔ ``saison 77``,
    ``'77``) is the same year: drop such pairs from both lists."""
    s_left, t_left = list(s_un), list(t_un)
    for a, b in ((s_left, t_left), (t_left, s_left)):
        for y in [n for n in a if _year(n)]:
            short = next((n for n in b if _two_digits(n) == _year(y) % 100), None)
            if short is not None:
                a.remove(y)
                b.remove(short)
    return s_left, t_left


def _show(n: Num) -> str:
    return n.text.replace("\u00a0", " ").replace("\u202f", " ")


def render(n: Num, lang: str | None) -> str:
    """The number ``n`` as ``lang`` writes it (its own text when it needs no separators)."""
    if n.kind != "num" or n.preferred is None or not (_SEP_CHARS & set(n.text)):
        return n.text
    return cldr.format_number(n.preferred, lang) or n.text


#: a letter prefix with a number glued to it or joined by a hyphen: ``ISBN-10``, ``PEP-0420``,
#: ``IPv6``, ``G20``: identifiers whose number is part of the name (not read as quantities)
_CODE = regex.compile(r"(?<![\p{L}\p{M}\p{N}_.-])(\p{Latin}+)[-\u2010\u2011]?(\p{Nd}+)(?![\p{L}\p{M}\p{N}]|[.,]\p{Nd})")


def _codes(text: str) -> list[tuple[tuple[str, str], tuple[int, int]]]:
    if not _ANY_DIGIT(text):   # every identifier of _CODE ends in a digit (\p{Nd})
        return []
    return [((m.group(1).casefold(), m.group(2)), m.span()) for m in _CODE.finditer(text)]


_ANY_DIGIT = regex.compile(r"\p{Nd}").search


def code_changes(src: str, tgt: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(source span, target span) of identifiers whose number changed: the source's ``ISBN-10``
    is missing from the target, which has an ``ISBN-…`` with another number the source lacks."""
    s_codes = _codes(src)
    t_codes = _codes(tgt) if s_codes else []
    if not s_codes or not t_codes:
        return []
    sc, tc = Counter(k for k, _ in s_codes), Counter(k for k, _ in t_codes)
    t_extra = [(k, sp) for k, sp in t_codes if tc[k] > sc.get(k, 0)]
    out, used, seen = [], set(), Counter()
    for k, sp in s_codes:
        seen[k] += 1
        if seen[k] <= tc.get(k, 0):
            continue
        for j, (tk, tsp) in enumerate(t_extra):
            if j not in used and tk[0] == k[0] and tk[1] != k[1]:
                used.add(j)
                out.append((sp, tsp))
                break
    return out


def _period_values(text: str, lang: str | None) -> set:
    """Hours named by CLDR day periods in ``text`` ("noon" = 12, "midnight" = 0/12/24), as numbers
    and as times, so "noon" ↔ "12時" is no mismatch."""
    out: set = set()
    low = text.casefold()
    for word, hours in cldr.day_period_hours(lang):
        i = low.find(word)
        if i < 0:
            continue
        j = i + len(word)
        if word[:1].isalpha() and word.isascii() or word[:1].isalpha() and " " in text:
            if (i > 0 and low[i - 1].isalpha()) or (j < len(low) and low[j].isalpha() and low[j].isascii()):
                continue
        for h in hours:
            out |= {Decimal(h), ("t", h, 0)}
    return out


def _small(n: Num) -> bool:
    """Small whole numbers are the ones style guides spell out as words."""
    v = n.main
    return isinstance(v, Decimal) and v <= 12 and v == v.to_integral_value()


def _wordable(n: Num) -> bool:
    """Whether a number is one that text writes in words: up to a hundred, or round (two
    significant digits: 8000, 250 000); not 8848 or 1956, which no translation spells out."""
    v = n.main
    if not isinstance(v, Decimal) or v != v.to_integral_value():
        return True  # a time, a fraction: leave to the words
    digits = str(abs(int(v))).rstrip("0")
    return abs(v) <= 100 or len(digits) <= 2


def _size(n) -> int | None:
    """Count of digits before any decimal mark (None for a time or zero)."""
    v = n.main
    if not isinstance(v, Decimal) or not v:
        return None
    return len(str(abs(int(v))))


def _pair_same_size(s_un, t_un, src, tgt):
    """Unmatched numbers of the same size (as many digits: 81 and 80, 1938 and 1937) are paired
    first, wherever they stand in their sentences (the translation may have moved the clause),
    nearest place first; the rest are paired by place alone (:func:`pair_up`). Returns (pairs,
    source numbers left, target numbers left)."""
    pairs, t_rest = [], list(t_un)
    sizes = {_size(n) for n in s_un} - {None}
    for size in sorted(sizes):
        ss = [n for n in s_un if _size(n) == size]
        ts = [n for n in t_rest if _size(n) == size]
        got, _, _ = pair_up(ss, ts, src, tgt, max_dist=1.0)
        pairs += got
        used = {id(t) for _, t in got}
        t_rest = [n for n in t_rest if id(n) not in used]
    paired = {id(s) for s, _ in pairs}
    s_rest = [n for n in s_un if id(n) not in paired]
    return pairs, s_rest, t_rest


@rule("TQ201", "number-mismatch", category="number", severity="major",
      description="A number in the source is missing or different in the translation.",
      example=("We met 3 times.", "Wir trafen uns 5 Mal.", "en", "de"))
def number_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Compares the numbers written with digits on both sides of a pair by value. Separators are
    read under every common convention (``1,000.5`` = ``1.000,5`` = ``1 000,5``), ordinal marks,
    percent signs and currency symbols are ignored, a scale word multiplies (``2.5 million`` =
    ``250万``), times match across ``10:30``/``10.30``/``10h30`` and ``3 pm``/``15:00`` (and a
    time explains an hour and minutes written as plain numbers: ``1 Std. 30 Min.`` ↔ ``1 h 30``),
    digits grouped otherwise are the same number (``26 7364`` ↔ ``26 73 64``), a year may be
    written with its last two digits (``1977`` ↔ ``77``), and a quantity may be converted to
    another unit (``10 miles`` ↔ ``16 km``, ``12 inches`` ↔ ``30 cm``, ``90 °F`` ↔ ``32 °C``;
    CLDR's unit names of both languages, see :mod:`.measure_text`), with any number it
    restates in brackets (``8 (203 mm)``); an amount with two decimals may be written in units
    and hundredths around a unit or currency name (``Fr. 2.70`` ↔ ``2 fr. 70``).

    A source number with no equal value in the target is reported: as *changed* (both spans)
    when a target number without a source counterpart has as many digits or sits at about the
    same place, and is of the same kind (a year as years are written for a year, unless the
    digits are alike: ``1907`` beside ``7000`` is a year missing), else as *missing*; numbers
    with as many digits (``81`` ↔ ``80``) are paired first wherever they stand (the translation
    may move the clause). A number in the target
    with no counterpart in the source is reported as minor. A number (ten or more) that the
    other side writes in a sentence within two of the pair's, while that sentence's own
    counterpart lacks it, is not reported: the translation cut the sentences elsewhere.
    A number the other side writes out as CLDR's spell-out rules spell it (``unicode-rbnf``:
    every cardinal and ordinal form, also at the head of a compound: ``8000`` ↔
    ``Achttausender``, ``3`` ↔ ``trois``) is not reported, and a small one (up to twelve) is not
    reported beside another spelled small number (``4 heures et demie`` ↔ ``halb fünf``) or a
    word of spaCy's list that is no form of one (Russian ``трое``); a number word of another
    value does not stand for a larger one (French ``un`` hides no ``3``). For a
    language CLDR has no spell-out rules for but spaCy has number words, any number word stands
    for any number that text writes in words (up to a hundred, or round: ``8000``; not
    ``8848``); roman and Chinese numerals are read with their values. One identifier spaced
    otherwise is the same (``K 2`` ↔ ``K2``). Numbers inside dates are compared by TQ202.
    The number of an identifier (``ISBN-10``, ``PEP-0420``, ``IPv6``) is compared too: reported
    when the target has the same letters with another number instead. A quantity whose unit
    changed while its number stayed (``10 miles`` → ``10 km``) is reported with the converted
    number as the suggestion."""
    for (a, b), (c, d) in code_changes(pair.src_text, pair.tgt_text):
        yield ctx.finding(
            "TQ201", pair, src_span=(a, b), tgt_span=(c, d), confidence=0.85,
            message=f"The identifier \u2018{pair.src_text[a:b]}\u2019 of the source is "
                    f"\u2018{pair.tgt_text[c:d]}\u2019 in the translation.",
            suggestion=pair.src_text[a:b])
    src, tgt = pair_sides(pair, ctx)
    if not src.numbers and not tgt.numbers:
        return
    src_vals = _values(src) | _period_values(pair.src_text, ctx.src_lang)
    tgt_vals = _values(tgt) | _period_values(pair.tgt_text, ctx.tgt_lang)
    s_un = [n for n in src.free_numbers if not _matched(n, tgt_vals)]
    t_un = [n for n in tgt.free_numbers if not _matched(n, src_vals)]
    if s_un or t_un:
        # a time of one side explains the hour and minutes the other writes as plain numbers
        # (``1 h 30`` ↔ ``1 Std. 30 Min.``), and digits grouped otherwise are the same digits
        # (a telephone number ``26 7364`` ↔ ``26 73 64``)
        s_ok = _time_parts(tgt, src_vals)
        t_ok = _time_parts(src, tgt_vals)
        s_runs, t_runs = _digit_runs(pair.src_text), _digit_runs(pair.tgt_text)
        s_re, t_re = _regrouped_spans(s_runs, t_runs), _regrouped_spans(t_runs, s_runs)
        s_un = [n for n in s_un if not (n.values & s_ok) and not _regrouped(n, s_re)
                and not _spaced_code(n, pair.src_text, pair.tgt_text)]
        t_un = [n for n in t_un if not (n.values & t_ok) and not _regrouped(n, t_re)
                and not _spaced_code(n, pair.tgt_text, pair.src_text)]
        s_un, t_un = _short_years(s_un, t_un)
        s_un, t_un = _split_decimals(s_un, t_un, pair.tgt_text)
        t_un, s_un = _split_decimals(t_un, s_un, pair.src_text)
    s_q = quantities(pair.src_text, ctx.src_lang, src.numbers)
    t_q = quantities(pair.tgt_text, ctx.tgt_lang, tgt.numbers)
    if s_q and t_q:
        s_idx, t_idx = QuantityIndex(s_q), QuantityIndex(t_q)
        yield from _unconverted(pair, ctx, s_idx, t_idx)
        if s_un or t_un:
            # a quantity converted to another unit (``10 miles`` ↔ ``16 km``), and what it restates
            s_conv = converted(s_q, t_idx, pair.src_text, src.numbers)
            t_conv = converted(t_q, s_idx, pair.tgt_text, tgt.numbers)
            s_un = [n for n in s_un if n not in s_conv]
            t_un = [n for n in t_un if n not in t_conv]
        # a conversion in brackets that the other side leaves out, putting no number there instead
        if s_un and not t_un:
            s_un = [n for n in s_un if n not in dropped_conversions(s_q, t_idx, pair.src_text, src.numbers,
                                                                    ctx.src_lang)]
        if t_un and not s_un:
            t_un = [n for n in t_un if n not in dropped_conversions(t_q, s_idx, pair.tgt_text, tgt.numbers,
                                                                    ctx.tgt_lang)]
    # a number the other side writes in a sentence beside, whose own counterpart lacks it: the
    # translation cut the sentences elsewhere (a year carried into the next sentence)
    s_un = [n for n in s_un if not _placed_nearby(n, pair, ctx, "src")]
    t_un = [n for n in t_un if not _placed_nearby(n, pair, ctx, "tgt")]
    # a number the other side writes out (CLDR's spell-out rules): "zweiten" is the 2 of "2e",
    # which is then no number 8848 became
    s_un = [n for n in s_un if not spelled_in(n, pair.tgt_text, ctx.tgt_lang)]
    t_un = [n for n in t_un if not spelled_in(n, pair.src_text, ctx.src_lang)]
    if not s_un and not t_un:
        return
    pairs, s_un, t_un = _pair_same_size(s_un, t_un, src, tgt)
    more, s_left, t_left = pair_up(s_un, t_un, src, tgt)
    pairs = sorted(pairs + more, key=lambda p: p[0].start)
    # a year is not changed into a count (nor a count into a year) unless their digits are alike:
    # "1907" beside "7000" is a year missing and a number added, not one number changed
    apart = [(a, b) for a, b in pairs if not _same_kind(a, b)]
    if apart:
        pairs = [p for p in pairs if p not in apart]
        s_left = sorted(s_left + [a for a, _ in apart], key=lambda n: n.start)
        t_left = sorted(t_left + [b for _, b in apart], key=lambda n: n.start)
    for s, t in pairs:
        yield ctx.finding(
            "TQ201", pair, src_span=(s.start, s.end), tgt_span=(t.start, t.end),
            message=f"The number \u2018{_show(s)}\u2019 of the source is \u2018{_show(t)}\u2019 in the translation.",
            suggestion=render(s, ctx.tgt_lang), confidence=0.85)
    any_word = not has_spellout(ctx.tgt_lang) and bool(tgt.number_words)
    small_words = any(map(_small, s_left)) and _small_in_words(tgt, ctx.tgt_lang)
    for s in s_left:
        if any_word and _wordable(s):
            continue  # no spell-out rules: any number word may be this one
        if small_words and _small(s):
            continue  # a small number put otherwise in words
        if _small(s) and not has_number_words(ctx.tgt_lang):
            ctx.note("TQ201", f"No number words known for {cldr.language_name(ctx.tgt_lang)}: a small "
                              "number of the source that is missing from the translation was not "
                              "reported (it may be written as a word).")
            continue
        small = s.main in (Decimal(0), Decimal(1))
        yield ctx.finding(
            "TQ201", pair, src_span=(s.start, s.end),
            message=f"The number \u2018{_show(s)}\u2019 of the source is missing from the translation.",
            severity="minor" if small else None, confidence=0.4 if small else 0.75)
    if not has_spellout(ctx.src_lang) and src.number_words:
        return  # no spell-out rules: any number word may be one of these
    small_words = any(map(_small, t_left)) and _small_in_words(src, ctx.src_lang)
    for t in t_left:
        if _small(t) and (small_words or not has_number_words(ctx.src_lang)):
            continue  # put otherwise in words, or maybe a number word of the source we do not know
        yield ctx.finding(
            "TQ201", pair, tgt_span=(t.start, t.end),
            message=f"The number \u2018{_show(t)}\u2019 of the translation has no counterpart in the source.",
            severity="minor", confidence=0.6)


def _sentence_values(ctx: CheckContext, side: str, j: int) -> set:
    """Every value the numbers of sentence ``j`` of ``side`` ("src"/"tgt") can have (cached)."""
    key = ("tq201-sentence-values", side, j)
    if key not in ctx.cache:
        doc, lang = (ctx.source, ctx.src_lang) if side == "src" else (ctx.target, ctx.tgt_lang)
        text = doc.sentences[j].text
        ctx.cache[key] = _values(analyze(text, lang)) | _period_values(text, lang)
    return ctx.cache[key]


def _placed_nearby(n: Num, pair: Pair, ctx: CheckContext, side: str) -> bool:
    """Whether number ``n`` of ``side`` of the pair, which the other side lacks, stands in a
    sentence of the other side near the pair's (:meth:`~.base.CheckContext.nearby`: not in
    pairs matched by row or key) whose own counterpart does not have it: the translation moved
    it across a sentence boundary. A number under ten is too common to say so, and one the
    sentence beside shares with its own counterpart (a number on every line) says nothing."""
    if n.kind not in ("num", "time") or all(isinstance(v, Decimal) and abs(v) < 10 for v in n.values):
        return False
    other = "tgt" if side == "src" else "src"
    return any(_matched(n, _sentence_values(ctx, other, j)) and
               not any(_matched(n, _sentence_values(ctx, side, m.index)) for m in mates)
               for j, mates in ctx.nearby(pair, other))


def _rounded(v: Decimal, digits: int = 3) -> Decimal:
    """``v`` to ``digits`` significant digits, without trailing zeros after the decimal mark."""
    if not v:
        return v
    q = v.quantize(Decimal(1).scaleb(v.adjusted() - digits + 1))
    return q.normalize() if q.as_tuple().exponent < 0 else q.quantize(Decimal(1))


def _unit_text(text: str, q: Quantity) -> str:
    return text[q.name[0]:q.name[1]]


def _unconverted(pair: Pair, ctx: CheckContext, s_idx: QuantityIndex, t_idx: QuantityIndex) -> Iterator[Finding]:
    """A quantity whose number the translation kept while changing the unit (``10 miles`` →
    ``10 km``): the number was not converted. Only when no quantity of the other side converts
    it and the translation does not also have it in its own unit."""
    for a in s_idx.quants:
        if t_idx.has_twin(a) or t_idx.converting(a) is not None:
            continue
        b = next((b for b in t_idx.with_value(a.values) if same_value_other_unit(a, b) and s_idx.converting(b) is None),
                 None)
        if b is None or _unit_text(pair.src_text, a).casefold() == _unit_text(pair.tgt_text, b).casefold():
            continue  # the same word for the unit: languages that name two units alike (Turkish
            # "mil" is a mile, Swedish "mil" ten kilometres), not a change
        v = a.values[0]
        right = _rounded(units.convert(v, a.unit, b.unit))
        shown = render(Num(0, 0, str(right), frozenset({right}), right), ctx.tgt_lang)
        s0, s1 = min(a.num.start, a.name[0]), max(a.num.end, a.name[1])
        t0, t1 = min(b.num.start, b.name[0]), max(b.num.end, b.name[1])
        t_txt = pair.tgt_text[t0:t1]
        # the translation's quantity with the converted number in place of the kept one
        fixed = t_txt[:b.num.start - t0] + shown + t_txt[b.num.end - t0:]
        yield ctx.finding(
            "TQ201", pair, src_span=(s0, s1), tgt_span=(t0, t1), confidence=0.8,
            message=f"\u2018{pair.src_text[s0:s1]}\u2019 of the source is \u2018{t_txt}\u2019 in the translation: "
                    f"the unit changed ({units.unit_label(a.unit)} \u2192 {units.unit_label(b.unit)}) but the "
                    f"number was not converted (about \u2018{fixed}\u2019).",
            suggestion=fixed)


@rule("TQ205", "number-format", category="number", severity="minor",
      mqm="Locale convention/Number format",
      description="A number keeps the source language's separators where the target language writes it differently.",
      example=("The budget is 1,000.5 euros.", "Das Budget beträgt 1,000.5 Euro.", "en", "de"))
def number_format(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A number of the translation has the right value only when read with the source
    language's separators: ``1,000.5`` in a German translation (German writes ``1.000,5``), or
    ``1,000`` for a thousand, which a German reader takes for one. Reported only when the two
    languages' CLDR separators differ and the target's reading of the number is invalid or
    different from the source value; the suggestion is the number in the target's format."""
    s_sym, t_sym = cldr.number_symbols(ctx.src_lang), cldr.number_symbols(ctx.tgt_lang)
    if s_sym is None or t_sym is None or (s_sym.decimal == t_sym.decimal and s_sym.group == t_sym.group):
        return
    src, tgt = pair_sides(pair, ctx)
    candidates = [n for n in src.free_numbers if n.kind == "num" and n.preferred is not None]
    if not candidates:
        return
    for t in tgt.free_numbers:
        if t.kind != "num" or not (_SEP_CHARS & set(t.text)) or t.preferred in {s.preferred for s in candidates}:
            continue
        match = next((s for s in candidates if s.preferred in t.values), None)
        if match is None:
            continue
        fixed = cldr.format_number(match.preferred, ctx.tgt_lang)
        if not fixed or fixed == t.text:
            continue
        lang = cldr.language_name(ctx.tgt_lang)
        how = ("is not a valid number" if t.preferred is None
               else f"reads as {cldr.format_number(t.preferred, ctx.tgt_lang) or t.preferred}")
        yield ctx.finding(
            "TQ205", pair, src_span=(match.start, match.end), tgt_span=(t.start, t.end),
            message=f"The number \u2018{_show(t)}\u2019 keeps the source's separators and {how} in "
                    f"{lang}; write \u2018{fixed.replace(chr(0x202f), ' ').replace(chr(0xa0), ' ')}\u2019.",
            suggestion=fixed, confidence=0.8)
