"""TQ202 date-mismatch: dates and weekdays must survive translation.

Dates are read in every form the languages' CLDR data describes: month names in
all widths and contexts (``January``/``Jan``, genitive ``января``, ``stycznia``),
stems with case endings (``январе``, ``styczniu``, ``Ocak'ta``, ``januárban``),
numeric dates in any order the values allow (``11/01/2022``, ``2022-01-11``,
``11.01.2022``) and CJK dates (``2022年1月11日``). A date is a set of candidate
``(year, month, day)`` triples; two dates agree when some candidates agree on
every field both have.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from ..findings import Finding
from ..lang import cldr
from .base import CheckContext, Pair, rule
from .entity_text import DateExpr, Side, Weekday, is_initial, month_table, pair_sides, pair_up

_FIELD = {"y": "year", "m": "month", "d": "day"}


def _same(field: str, a: int, b: int) -> bool:
    if field == "y" and (a < 100 or b < 100):
        return a % 100 == b % 100
    return a == b


def compare(ds: DateExpr, dt: DateExpr) -> tuple[int, int, frozenset[str], tuple, tuple]:
    """Best agreement of two dates: (conflicts, agreements, fields of ``ds`` absent from ``dt``,
    source candidate, target candidate). Fewer conflicts, then more agreements, win."""
    best = None
    for a in ds.cands:
        for b in dt.cands:
            agree = conflict = 0
            missing = set()
            for f, x, y in zip("ymd", a, b):
                if x is None:
                    continue
                if y is None:
                    missing.add(f)
                elif _same(f, x, y):
                    agree += 1
                else:
                    conflict += 1
            key = (conflict, -agree, len(missing))
            if best is None or key < best[0]:
                best = (key, (conflict, agree, frozenset(missing), a, b))
    assert best is not None
    return best[1]


def _reliable_source(d: DateExpr, src: Side, tgt: Side) -> bool:
    """Strong dates always; a month named without day or year only when it is surely a month
    (full CLDR form, CLDR capitalisation, not first word, not after a capitalised name) and is
    not simply kept as it is in the translation (a person called May)."""
    mm = d.month
    if mm is not None and not (mm.exact or mm.derived):
        # a whole month name plus letters (Augustin) is a month only in the target's favour
        return False
    if d.strong:
        return True
    if mm is None or not (mm.exact and mm.wide and mm.cased_ok) or mm.initial:
        return False
    off = max(0, mm.start - 30)
    prev = regex.search(r"([\p{L}\p{M}]+)[\s\u00a0]*$", src.text[off:mm.start])
    if prev and prev.group(1)[:1].isupper() and not is_initial(src.text, off + prev.start(1), src.sentence_starts):
        return False  # "Theresa May": part of a name
    word = src.text[mm.start:mm.end]
    return not regex.search(r"(?<![\p{L}\p{M}])" + regex.escape(word) + r"(?![\p{L}\p{M}])", tgt.text)


def _usable_target(d: DateExpr) -> bool:
    """A target date that can stand as the changed counterpart of a source date: with a day or a
    year, or a full month name (with at most a short case ending: maju, марте, Mayıs'ta)."""
    mm = d.month
    return d.strong or (mm is not None and mm.wide and mm.cased_ok
                        and (mm.exact or len(mm.suffix) <= 2))


def _found_elsewhere(ds: DateExpr, tgt: Side) -> bool:
    """Every field of some reading of ``ds`` appears somewhere in the target: the year and day
    as numbers (digits, Han numerals), the month as a month name or inside a date."""
    values = set()
    for n in tgt.numbers:
        values |= n.values
    for n in tgt.explainers:
        values |= n.values
    months = set()
    for mm in tgt.months:
        months |= mm.months
    for d in tgt.dates:
        months |= {c[1] for c in d.cands if c[1] is not None}
    for y, m, d in ds.cands:
        if y is not None and Decimal(y) not in values and Decimal(y % 100) not in values:
            continue
        if d is not None and Decimal(d) not in values:
            continue
        if m is not None and m not in months and tgt.has_calendar:
            continue
        return True
    return False


def _fix(dt: DateExpr, a: tuple, b: tuple, tgt: Side, lang: str | None) -> str | None:
    """The target date with its wrong fields replaced by the source values."""
    text = tgt.text
    edits = []
    for (f, s, e) in dt.parts:
        i = "ymd".index(f)
        want, have = a[i], b[i]
        if want is None or have is None or _same(f, want, have):
            continue
        old = text[s:e]
        if f == "m" and dt.month is not None and not old[:1].isdigit():
            if dt.month.suffix:
                return None
            forms = cldr.month_forms(lang).get(want, ())
            have_forms = [x for x, _ in cldr.month_forms(lang).get(have, ())]
            pos = have_forms.index(dt.month.form) if dt.month.form in have_forms else 0
            if not forms:
                return None
            new = forms[min(pos, len(forms) - 1)][0]
            if old[:1].isupper() and not new[:1].isupper():
                new = new[:1].upper() + new[1:]
        elif f == "y" and len(old) == 2:
            new = f"{want % 100:02d}"
        else:
            new = f"{want:0{len(old)}d}" if old.isdigit() else str(want)
        edits.append((s, e, new))
    if not edits:
        return None
    out = text[dt.start:dt.end]
    for s, e, new in sorted(edits, reverse=True):
        out = out[: s - dt.start] + new + out[e - dt.start:]
    return out


def _q(s: str) -> str:
    return "\u2018" + s.replace("\u00a0", " ").replace("\u202f", " ") + "\u2019"


@rule("TQ202", "date-mismatch", category="date", severity="major",
      description="A date or weekday of the source is missing or different in the translation.",
      example=("The meeting was held on 11 January 2022.", "Toplantı 12 Ocak 2022'de yapıldı.", "en", "tr"))
def date_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Each date of the source (day, month and year as far as written; month names from CLDR in
    both languages, numeric and CJK dates) must have a date in the target that agrees on every
    field. A date with a different day, month or year is reported with both spans and a
    corrected target date; a date that is missing is reported on the source; a date that lost
    its day or year (which appears nowhere else in the target) is minor. A month named without a
    day or year counts only when it is surely a month. Weekday names are compared too."""
    for lang in (ctx.src_lang, ctx.tgt_lang):
        if lang and month_table(lang) is None:
            ctx.note("TQ202", f"No CLDR calendar data for {lang}: month and weekday names were not "
                              "compared; numeric dates were.")
    src, tgt = pair_sides(pair, ctx)
    if src.dates:
        yield from _dates(pair, ctx, src, tgt)
    if src.weekdays:
        yield from _weekdays(pair, ctx, src, tgt)


def _dates(pair: Pair, ctx: CheckContext, src: Side, tgt: Side) -> Iterator[Finding]:
    tdates = list(tgt.dates)
    used: set[int] = set()
    unmatched = []
    for ds in src.dates:
        if not _reliable_source(ds, src, tgt):
            continue
        best = None
        for j, dt in enumerate(tdates):
            c = compare(ds, dt)
            if c[0] == 0 and c[1] >= 1:
                key = (-c[1], len(c[2]), j in used)
                if best is None or key < best[0]:
                    best = (key, j, c)
        if best is not None:
            j, c = best[1], best[2]
            used.add(j)
            missing = c[2]
            if missing and not _found_elsewhere(ds, tgt):
                dt = tdates[j]
                lost = ", ".join(_FIELD[f] for f in "ymd" if f in missing)
                yield ctx.finding(
                    "TQ202", pair, src_span=(ds.start, ds.end), tgt_span=(dt.start, dt.end),
                    message=f"The date {_q(src.text[ds.start:ds.end])} lost its {lost} in the "
                            f"translation {_q(tgt.text[dt.start:dt.end])}.",
                    severity="minor", confidence=0.6)
            continue
        unmatched.append(ds)
    if not unmatched:
        return
    free = [dt for j, dt in enumerate(tdates) if j not in used and _usable_target(dt)]
    # a conflicting date that shares a field is the counterpart first, else the nearest free one
    report = []
    for ds in unmatched:
        if _found_elsewhere(ds, tgt) and not any(compare(ds, dt)[0] and compare(ds, dt)[1] for dt in free):
            continue
        report.append(ds)
    sharing, rest = [], []
    for ds in report:
        share = [dt for dt in free if compare(ds, dt)[1] >= 1]
        (sharing if share else rest).append((ds, share))
    taken: set[int] = set()
    changed = []
    for ds, share in sharing:
        share = [dt for dt in share if id(dt) not in taken]
        if share:
            dt = min(share, key=lambda d: (compare(ds, d)[0], abs(d.start / max(1, len(tgt.text))
                                                                 - ds.start / max(1, len(src.text)))))
            taken.add(id(dt))
            changed.append((ds, dt))
        else:
            rest.append((ds, []))
    pairs, left, _ = pair_up([ds for ds, _ in rest], [dt for dt in free if id(dt) not in taken], src, tgt)
    changed += pairs
    for ds, dt in sorted(changed, key=lambda p: p[0].start):
        _, _, _, a, b = compare(ds, dt)
        yield ctx.finding(
            "TQ202", pair, src_span=(ds.start, ds.end), tgt_span=(dt.start, dt.end),
            message=f"The date {_q(src.text[ds.start:ds.end])} of the source reads "
                    f"{_q(tgt.text[dt.start:dt.end])} in the translation.",
            suggestion=_fix(dt, a, b, tgt, ctx.tgt_lang), confidence=0.85 if ds.strong else 0.6)
    for ds in left:
        yield ctx.finding(
            "TQ202", pair, src_span=(ds.start, ds.end),
            message=f"The date {_q(src.text[ds.start:ds.end])} of the source is missing from the translation.",
            severity=None if ds.strong else "minor", confidence=0.7 if ds.strong else 0.45)


def _weekdays(pair: Pair, ctx: CheckContext, src: Side, tgt: Side) -> Iterator[Finding]:
    s_un: list[Weekday] = []
    for w in src.weekdays:
        if not w.strong:
            continue
        word = src.text[w.start:w.end]
        if any(w.days & t.days for t in tgt.weekdays) or word in tgt.text:
            continue
        s_un.append(w)
    if not s_un:
        return
    t_free = [t for t in tgt.weekdays if not any(t.days & w.days for w in src.weekdays)]
    pairs, left, _ = pair_up(s_un, t_free, src, tgt)
    for w, t in pairs:
        names = cldr.weekday_forms(ctx.tgt_lang).get(min(w.days), ())
        yield ctx.finding(
            "TQ202", pair, src_span=(w.start, w.end), tgt_span=(t.start, t.end),
            message=f"The weekday {_q(src.text[w.start:w.end])} of the source is "
                    f"{_q(tgt.text[t.start:t.end])} in the translation.",
            suggestion=names[0][0] if names and len(w.days) == 1 else None, confidence=0.8)
    for w in left:
        yield ctx.finding(
            "TQ202", pair, src_span=(w.start, w.end),
            message=f"The weekday {_q(src.text[w.start:w.end])} of the source is missing from the translation.",
            severity="minor", confidence=0.5)
