"""Dates and weekdays in text, from CLDR calendar data.

Month and weekday names in every CLDR width and context (``January``/``Jan``,
genitive ``января``, ``stycznia``), stems with case endings (``январе``,
``styczniu``, ``Ocak'ta``, ``januárban``), numeric dates in every order the
values allow (``11/01/2022``, ``2022-01-11``, ``11.01.2022``, ``2022. 1. 11.``)
and CJK dates (``2022年1月11日``). A :class:`DateExpr` is a set of candidate
``(year, month, day)`` triples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lang import cldr
from ..lang.translit import casefold, char_script
from .number_text import _ascii_digits, _inside
from .text_units import WORD, is_initial


@dataclass(frozen=True)
class MonthMention:
    start: int
    end: int
    months: frozenset[int]
    exact: bool  # the token is a CLDR form (not a stem + ending)
    wide: bool
    cased_ok: bool  # capitalisation as in CLDR
    initial: bool  # first word of a sentence
    form: str = ""  # the CLDR form matched (for suggestions)
    suffix: str = ""  # letters after the form
    #: matched by a stem shared by several CLDR forms of the month (январ- of январь/января)
    derived: bool = False


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    cands: frozenset  # of (year, month, day), None for absent fields
    strong: bool  # has a day or a year, or is numeric
    parts: tuple = ()  # (field, start, end) with field in "y", "m", "d"
    month: MonthMention | None = None

    def fields(self) -> set[str]:
        out = set()
        for y, m, d in self.cands:
            if y is not None:
                out.add("y")
            if m is not None:
                out.add("m")
            if d is not None:
                out.add("d")
        return out


@dataclass(frozen=True)
class Weekday:
    start: int
    end: int
    days: frozenset[int]
    strong: bool


@dataclass(frozen=True)
class CalendarTable:
    exact: dict  # casefolded form -> (frozenset of indices, is_wide, cldr form)
    stems: tuple  # (stem casefolded, derived from several forms, frozenset of indices), best first
    forms_cf: tuple  # all casefolded forms, longest first (for no-space scripts)
    capitalised: bool  # CLDR writes these names with a capital
    #: forms of several words or with digits (Vietnamese "tháng 11"), as one regex, or None
    phrases: object = None
    #: :attr:`stems` by their first :attr:`prefix_len` letters (same order), so a word is tried only
    #: against the stems it can start with; None when a stem is empty
    stems_by_first: dict | None = None
    prefix_len: int = 1
    #: the first :attr:`prefix_len` letters of every form and stem: a word starting otherwise (and
    #: without an apostrophe) is no month or weekday; None when a stem is empty
    firsts: frozenset | None = None
    #: :attr:`firsts` as one pattern: a text whose case-folded form contains none of them has no
    #: month or weekday word (see :func:`_calendar_mentions`)
    firsts_re: object = None


def _calendar(names: dict[int, tuple[tuple[str, bool], ...]]) -> CalendarTable | None:
    if not names:
        return None
    exact: dict[str, list] = {}
    wide_by_idx: dict[int, list[str]] = {}
    caps = []
    for idx, forms in names.items():
        for f, wide in forms:
            cf = casefold(f)
            if len(cf) < 2:
                continue
            entry = exact.setdefault(cf, [set(), False, f])
            entry[0].add(idx)
            if wide and not entry[1]:
                entry[1], entry[2] = True, f
            if wide:
                wide_by_idx.setdefault(idx, []).append(cf)
                caps.append(f[:1].isupper())
    by_stem: dict[tuple[str, bool], set] = {}
    for idx, wides in wide_by_idx.items():
        stem = wides[0]
        for w in wides[1:]:
            n = 0
            while n < min(len(stem), len(w)) and stem[n] == w[n]:
                n += 1
            stem = stem[:n]
        for w in wides:  # a wide form followed by an ending (Ocak'ta, januárban)
            if len(w) >= 3:
                by_stem.setdefault((w, False), set()).add(idx)
        if len(stem) >= 4 and len(wides) > 1:  # январь/января → январ(е); derived from two forms
            by_stem.setdefault((stem, True), set()).add(idx)
    stem_list = tuple(sorted(((s, d, frozenset(v)) for (s, d), v in by_stem.items()),
                             key=lambda x: (-len(x[0]), not x[1])))
    forms_cf = tuple(sorted(exact, key=len, reverse=True))
    multi = [f for f in forms_cf if " " in f or any(c.isdigit() for c in f)]
    phrases = None
    if multi:
        alts = "|".join(r"[\s\u00a0]+".join(regex.escape(w) for w in f.split()) for f in multi)
        phrases = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:" + alts + r")(?![\p{L}\p{M}\p{N}])", regex.IGNORECASE)
    # stems by their first letters (as many as the shortest stem has, at most three)
    k = min([3] + [len(st[0]) for st in stem_list])
    by_first: dict[str, list] | None = {} if k > 0 else None
    if by_first is not None:
        for st in stem_list:
            by_first.setdefault(st[0][:k], []).append(st)
    firsts = None if by_first is None else frozenset(by_first) | {f[:k] for f in exact}
    firsts_re = None if not firsts else re.compile(
        "|".join(re.escape(f) for f in sorted(firsts, key=lambda f: (-len(f), f))))
    return CalendarTable({k: (frozenset(v[0]), v[1], v[2]) for k, v in exact.items()}, stem_list,
                         forms_cf, bool(caps) and sum(caps) * 2 > len(caps), phrases,
                         None if by_first is None else {p: tuple(v) for p, v in by_first.items()}, k,
                         firsts, firsts_re)


@lru_cache(maxsize=64)
def month_table(lang: str | None) -> CalendarTable | None:
    return _calendar(cldr.month_forms(lang)) if lang else None


@lru_cache(maxsize=64)
def weekday_table(lang: str | None) -> CalendarTable | None:
    return _calendar(cldr.weekday_forms(lang)) if lang else None


def _lookup(table: CalendarTable, word: str, folded: str | None = None
            ) -> tuple[frozenset[int], bool, bool, str, str, bool] | None:
    """(indices, exact, wide, cldr form, suffix, derived stem) for a word (``folded``: its
    :func:`casefold`, when known), or None."""
    cf = (casefold(word) if folded is None else folded).rstrip(".")
    for ap in "'\u2019\u02bc":
        if ap in cf:
            head, _, tail = cf.partition(ap)
            hit = table.exact.get(head)
            if hit:
                return hit[0], True, hit[1], hit[2], ap + tail, False
            cf = head
            break
    hit = table.exact.get(cf)
    if hit:
        return hit[0], True, hit[1], hit[2], "", False
    # the longest stem wins; at equal length a stem shared by two forms of one month (červen- of
    # červenec/července, July) beats a whole form of another month plus an ending (červen, June)
    stems = table.stems if table.stems_by_first is None else table.stems_by_first.get(cf[:table.prefix_len], ())
    for stem, derived, idx in stems:
        if cf.startswith(stem) and 0 < len(cf) - len(stem) <= 5:
            return idx, False, True, stem, cf[len(stem):], derived
    return None


def _calendar_mentions(text: str, table: CalendarTable | None, starts: tuple[int, ...],
                       nospace: bool) -> list[MonthMention]:
    if table is None:
        return []
    out: list[MonthMention] = []
    if nospace:
        taken = [False] * len(text)
        low = casefold(text) if len(casefold(text)) == len(text) else text
        for cf in table.forms_cf:
            if cf.isascii() or any(c.isdigit() for c in cf):
                continue  # Latin abbreviations inside CJK text; 1月 is read as a CJK date
            i = low.find(cf)
            while i != -1:
                if not any(taken[i:i + len(cf)]):
                    for k in range(i, i + len(cf)):
                        taken[k] = True
                    idx, wide, form = table.exact[cf]
                    out.append(MonthMention(i, i + len(cf), idx, True, wide, True, False, form))
                i = low.find(cf, i + 1)
        out.sort(key=lambda m: m.start)
        return out
    phrase_spans = []
    if table.phrases is not None:
        for m in table.phrases.finditer(text):
            key = " ".join(casefold(m.group(0)).split())
            hit = table.exact.get(key)
            if hit:
                phrase_spans.append(m.span())
                out.append(MonthMention(m.start(), m.end(), hit[0], True, hit[1], True,
                                        is_initial(text, m.start(), starts), hit[2]))
    whole = text.casefold()
    sliced = len(whole) == len(text) and "\u0307" not in whole  # one character each: slices
    firsts, plen = table.firsts, table.prefix_len
    if sliced and table.firsts_re is not None and not table.firsts_re.search(whole):
        # every word _lookup could match (also after an apostrophe or a Hebrew/Arabic prefix)
        # starts with one of ``firsts`` and is a slice of ``whole``: none is there
        out.sort(key=lambda mm: mm.start)
        return out
    for m in WORD.finditer(text):
        word = m.group(0)
        s, e = m.span()
        if phrase_spans and any(a <= s < b for a, b in phrase_spans):
            continue
        folded = whole[s:e] if sliced else casefold(word)
        if firsts is not None and folded.rstrip(".")[:plen] not in firsts \
                and "'" not in folded and "\u2019" not in folded and "\u02bc" not in folded:
            hit = None  # no form or stem starts this way (what _lookup would find)
        else:
            hit = _lookup(table, word, folded)
        if hit is None and word[0] >= "\u0590" and _CLITIC_SCRIPTS & {char_script(word[0])} \
                and len(word) > 3:
            # Hebrew and Arabic attach one- or two-letter prefixes (בינואר = in January)
            for k in (1, 2):
                hit = _lookup(table, word[k:])
                if hit is not None and hit[1]:
                    s += k
                    break
                hit = None
        if hit is None:
            continue
        idx, exact, wide, form, suffix, derived = hit
        if e < len(text) and text[e] == "." and not wide:
            e += 1
        cased_ok = word[:1].isupper() == form[:1].isupper() or word.isupper()
        out.append(MonthMention(s, e, idx, exact, wide, cased_ok, is_initial(text, s, starts), form, suffix,
                                derived))
    out.sort(key=lambda mm: mm.start)
    return out


_CLITIC_SCRIPTS = frozenset({"Hebrew", "Arabic"})


_LEFT = regex.compile(r"(?<![\p{Nd}][.,]?)(?P<n>\p{Nd}{1,4})(?P<suf>\.|\p{L}{1,3}\.?|-\p{L}{1,3})?"
                      r"[\s\u00a0]*,?[\s\u00a0]*(?:(?P<conn>\p{Ll}{1,3})[\s\u00a0]+)?$")
_RIGHT = regex.compile(r"^\.?,?[\s\u00a0]*(?:(?P<conn>\p{Ll}{1,3})[\s\u00a0]+)?(?P<n>\p{Nd}{1,4})"
                       r"(?![\p{Nd}]|[.,:]\p{Nd})(?P<suf>\.|st|nd|rd|th|er|e|-\p{L}{1,3}|['\u2019]\p{L}+)?")
_RIGHT2 = regex.compile(r"^,?[\s\u00a0]*(?:(?P<conn>\p{Ll}{1,3})[\s\u00a0]+)?(?P<n>\p{Nd}{4})(?![\p{Nd}]|[.,]\p{Nd})")
_NUMERIC_DATE = regex.compile(r"(?<![\p{Nd}.,/:-])(\p{Nd}{1,4})[\u200e\u200f]?([./-])[ \u00a0]?(\p{Nd}{1,2})"
                              r"[\u200e\u200f]?\2[ \u00a0]?(\p{Nd}{1,4})(?![\p{Nd}])(?![.,/-]\p{Nd})")
_CJK_DATE = regex.compile(r"(?:(?P<y>\p{Nd}{2,4})\s*[年년]\s*)?(?:(?P<m>\p{Nd}{1,2})\s*[月월]\s*)?"
                          r"(?:(?P<d>\p{Nd}{1,2})\s*[日号號일])?")

_HAS_DIGIT = regex.compile(r"\p{Nd}").search
_CJK_MARK = regex.compile(r"[年년月월日号號일]").search


def _year_ok(n: str) -> bool:
    return len(n) == 4 and 1000 <= int(_ascii_digits(n)) <= 2999


def _assemble(text: str, mm: MonthMention, lang: str | None) -> DateExpr:
    parts: list[tuple[str, int, int]] = []
    year = day = None
    start, end = mm.start, mm.end
    left = _LEFT.search(text[max(0, mm.start - 24):mm.start])
    if left:
        off = max(0, mm.start - 24)
        n = left.group("n")
        ns, ne = off + left.start("n"), off + left.end("n")
        if _year_ok(n):
            year = int(_ascii_digits(n))
            parts.append(("y", ns, ne))
            start = ns
        elif 1 <= int(_ascii_digits(n)) <= 31 and len(n) <= 2:
            day = int(_ascii_digits(n))
            parts.append(("d", ns, ne))
            start = ns
    tail = text[mm.end:mm.end + 24]
    right = _RIGHT.match(tail)
    if right:
        n = right.group("n")
        ns, ne = mm.end + right.start("n"), mm.end + right.end("n")
        took = False
        if _year_ok(n) and year is None:
            year = int(_ascii_digits(n))
            parts.append(("y", ns, ne))
            took = True
        elif len(n) <= 2 and 1 <= int(_ascii_digits(n)) <= 31 and day is None:
            day = int(_ascii_digits(n))
            parts.append(("d", ns, ne))
            took = True
        if took:
            end = ne
            if year is None:
                r2 = _RIGHT2.match(text[mm.end + right.end():mm.end + right.end() + 16])
                if r2:
                    base = mm.end + right.end()
                    year = int(_ascii_digits(r2.group("n")))
                    parts.append(("y", base + r2.start("n"), base + r2.end("n")))
                    end = base + r2.end("n")
    cands = frozenset((year, m, day) for m in mm.months)
    strong = year is not None or day is not None
    return DateExpr(start, end, cands, strong, tuple(sorted(parts + [("m", mm.start, mm.end)], key=lambda p: p[1])), mm)


def _numeric_dates(text: str, lang: str | None) -> list[DateExpr]:
    """``2022-01-11``, ``11.01.2022``, ``01/11/2022``, ``2022. 1. 11.``, ``22/1/11`` (year first
    where the locale writes it so). Every order the values allow is a candidate; the locale's
    order only names the parts."""
    out: list[DateExpr] = []
    if not _HAS_DIGIT(text):
        return out
    order = cldr.date_order(lang) if lang else None
    for m in _NUMERIC_DATE.finditer(text):
        a, b, c = m.group(1), m.group(3), m.group(4)
        ia, ib, ic = (int(_ascii_digits(x)) for x in (a, b, c))
        spaced = " " in m.group(0) or "\u00a0" in m.group(0)
        cands = set()
        pa, pb, pc = (m.start(1), m.end(1)), (m.start(3), m.end(3)), (m.start(4), m.end(4))
        parts: tuple = ()
        if len(c) <= 2 and (len(a) == 4 or order == "YMD" and len(a) == 2):
            if 1 <= ib <= 12 and 1 <= ic <= 31:
                cands.add((ia, ib, ic))
                parts = (("y",) + pa, ("m",) + pb, ("d",) + pc)
        if len(a) <= 2 and len(c) in (2, 4) and (not spaced or m.group(2) == "." and order == "DMY"):
            if 1 <= ia <= 31 and 1 <= ib <= 12:
                cands.add((ic, ib, ia))
            if 1 <= ia <= 12 and 1 <= ib <= 31:
                cands.add((ic, ia, ib))
            if not parts:
                first = "m" if order == "MDY" else "d"
                parts = ((first,) + pa, ("d" if first == "m" else "m",) + pb, ("y",) + pc)
        if cands:
            out.append(DateExpr(m.start(), m.end(), frozenset(cands), True, parts))
    return out


def _cjk_dates(text: str) -> list[DateExpr]:
    out: list[DateExpr] = []
    if not _CJK_MARK(text):   # every non-empty match holds one of these characters
        return out
    for m in _CJK_DATE.finditer(text):
        if m.end() == m.start():
            continue
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if not (y or mo or d):
            continue
        if y and not (mo or d) and len(y) < 4:
            continue
        yi = int(_ascii_digits(y)) if y else None
        mi = int(_ascii_digits(mo)) if mo else None
        di = int(_ascii_digits(d)) if d else None
        if (mi is not None and not 1 <= mi <= 12) or (di is not None and not 1 <= di <= 31):
            continue
        parts = tuple((f, m.start(g), m.end(g)) for f, g in (("y", "y"), ("m", "m"), ("d", "d")) if m.group(g))
        out.append(DateExpr(m.start(), m.end(), frozenset({(yi, mi, di)}), True, parts))
    return out


def find_dates(text: str, lang: str | None, sentence_starts: tuple[int, ...], link_spans: list[tuple[int, int]],
               nospace: bool) -> tuple[list[MonthMention], list[DateExpr], list[Weekday]]:
    """(month mentions, dates, weekdays) of ``text``, outside ``link_spans``."""
    mt, wt = month_table(lang), weekday_table(lang)
    months = [m for m in _calendar_mentions(text, mt, sentence_starts, nospace)
              if not _inside(link_spans, m.start, m.end)]
    dates: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for d in _numeric_dates(text, lang) + _cjk_dates(text):
        if not _inside(link_spans, d.start, d.end):
            dates.append(d)
            taken.append((d.start, d.end))
    for mm in months:
        if _inside(taken, mm.start, mm.end):
            continue
        d = _assemble(text, mm, lang)
        dates.append(d)
        taken.append((d.start, d.end))
    dates.sort(key=lambda d: d.start)
    wdays = []
    for w in _calendar_mentions(text, wt, sentence_starts, nospace):
        if _inside(link_spans, w.start, w.end):
            continue
        near_date = any(abs(d.start - w.end) <= 3 or abs(w.start - d.end) <= 3 for d in dates if d.strong)
        wdays.append(Weekday(w.start, w.end, w.months, near_date or (w.exact and w.wide and w.cased_ok)))

    return months, dates, wdays
