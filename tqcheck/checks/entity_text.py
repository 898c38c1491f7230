"""One side of a pair with its entities: URLs and e-mail addresses, dates and
weekdays (:mod:`.date_text`), numbers and number words (:mod:`.number_text`).

This module only *reads* text; the rules that compare two sides live in
:mod:`.numbers`, :mod:`.dates`, :mod:`.names` and :mod:`.entities`.
:func:`analyze` is cached on ``(text, lang, sentence starts)`` so that the rules
of the TQ2xx family share one analysis per side.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from .date_text import (CalendarTable, DateExpr, MonthMention, Weekday, find_dates, month_table,  # noqa: F401
                        weekday_table)
from .number_text import (Num, find_numbers, han_value, has_number_words, number_readings,  # noqa: F401
                          has_spellout, number_words, parse_number, roman_value, spell_norm,
                          spelled_forms, spelled_in, spells_small)
from .text_units import WORD, is_initial, no_space  # noqa: F401


# -- the side of a pair --------------------------------------------------------------------------
@dataclass(frozen=True)
class Link:
    start: int
    end: int
    text: str
    kind: str  # url | email


@dataclass
class Side:
    text: str
    lang: str | None
    links: tuple[Link, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    weekdays: tuple[Weekday, ...] = ()
    months: tuple[MonthMention, ...] = ()
    numbers: tuple[Num, ...] = ()  # every number, also those inside dates (``in_date``)
    number_words: tuple[tuple[int, int], ...] = ()
    explainers: tuple[Num, ...] = ()  # roman and Han numerals: may stand for a number
    has_calendar: bool = False
    sentence_starts: tuple[int, ...] = (0,)

    @property
    def free_numbers(self) -> list[Num]:
        """Numbers outside dates."""
        return [n for n in self.numbers if not n.in_date]


# -- links -------------------------------------------------------------------------------------
_URL = regex.compile(r"(?i)(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\.)"
                     r"[^\s<>\"'“”‘’«»{}|\\^`\[\]\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef]+")
_EMAIL = regex.compile(r"(?<![A-Za-z0-9.+_%-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                       r"\.[A-Za-z]{2,}(?![A-Za-z0-9])")
_TRAIL = ".,;:!?)]}»”’'\"。、，"


def find_links(text: str) -> list[Link]:
    """URLs (with a scheme or ``www.``) and e-mail addresses, without trailing punctuation."""
    out: list[Link] = []
    for m in _URL.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in _TRAIL:
            if text[e - 1] == ")" and text[s:e].count("(") >= text[s:e].count(")"):
                break
            e -= 1
        out.append(Link(s, e, text[s:e], "url"))
    for m in _EMAIL.finditer(text):
        s, e = m.span()
        if any(l.start <= s < l.end for l in out):
            continue
        out.append(Link(s, e, text[s:e], "email"))
    out.sort(key=lambda l: l.start)
    return out


# -- the analysis --------------------------------------------------------------------------------
def _inside(spans, s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


@lru_cache(maxsize=4096)
def analyze(text: str, lang: str | None, sentence_starts: tuple[int, ...] = (0,)) -> Side:
    """Every entity of one side of a pair, found once."""
    side = Side(text=text, lang=lang, sentence_starts=sentence_starts)
    nospace = no_space(lang, text)
    side.links = tuple(find_links(text))
    link_spans = [(l.start, l.end) for l in side.links]
    months, dates, wdays = find_dates(text, lang, sentence_starts, link_spans, nospace)
    side.has_calendar = month_table(lang) is not None
    side.months, side.dates, side.weekdays = tuple(months), tuple(dates), tuple(wdays)
    date_part_spans = {(s, e): f for d in dates for f, s, e in d.parts if f != "m"}
    date_spans = [(d.start, d.end) for d in dates]
    nums, expl, words = find_numbers(text, lang, link_spans, date_spans, date_part_spans, nospace)
    side.numbers, side.explainers, side.number_words = tuple(nums), tuple(expl), words
    return side


def sentence_starts(sents) -> tuple[int, ...]:
    """Offsets of the sentences of a pair side in ``" ".join(texts)``."""
    out, pos = [], 0
    for s in sents:
        out.append(pos)
        pos += len(s.text) + 1
    return tuple(out) or (0,)


def pair_sides(pair, ctx) -> tuple[Side, Side]:
    """The analysed source and target side of a pair (cached: :func:`analyze` per text, and the
    pair's two sides in ``ctx.cache`` for the other rules that ask for them)."""
    key = ("tq2-sides", pair.index, pair.src_text, pair.tgt_text)
    hit = ctx.cache.get(key)
    if hit is None:
        hit = ctx.cache[key] = (analyze(pair.src_text, ctx.src_lang, sentence_starts(pair.src)),
                                analyze(pair.tgt_text, ctx.tgt_lang, sentence_starts(pair.tgt)))
    return hit


def rel(side: Side, start: int, end: int) -> float:
    """Relative position (0–1) of a span's middle in its side."""
    n = max(1, len(side.text))
    return ((start + end) / 2) / n


def pair_up(src_items, tgt_items, src: Side, tgt: Side, max_dist: float = 0.5):
    """Greedy pairing of unmatched source and target items (objects with ``start``/``end``) by
    relative position: closest first (ties: lower source, then lower target index), each used
    once, no pair farther apart than ``max_dist``. Returns (pairs, unpaired src, unpaired tgt).

    Each source item looks for its nearest unused target on either side of its position, in a
    heap ordered as the greedy order is; a target taken meanwhile sends the source on to the
    next one (skipping taken targets with path-compressed pointers). The result is the greedy
    pairing of every candidate pair, in O((n + m) log(n + m)) instead of n × m candidates."""
    import heapq

    if not src_items or not tgt_items:
        return [], list(src_items), list(tgt_items)
    ra = [rel(src, a.start, a.end) for a in src_items]
    order = sorted(range(len(tgt_items)), key=lambda j: (rel(tgt, tgt_items[j].start, tgt_items[j].end), j))
    pos = [rel(tgt, tgt_items[j].start, tgt_items[j].end) for j in order]
    n = len(order)
    if any(a == b for a, b in zip(pos, pos[1:])):
        return _pair_up_every_candidate(src_items, tgt_items, ra, max_dist, tgt)
    # "nearest unused slot at or left of k" and "at or right of k" as union-find with path
    # compression: slot k is entry k + 1 of ``left`` (entry 0: none left) and entry k of
    # ``right`` (entry n: none right); a used slot points past itself
    left = list(range(n + 1))
    right = list(range(n + 1))
    used_slot = [False] * n

    def root(parent: list[int], x: int) -> int:
        r = x
        while parent[r] != r:
            r = parent[r]
        while parent[x] != r:
            parent[x], x = r, parent[x]
        return r

    def nearest(k: int, step: int) -> int:
        """The nearest unused slot from k on in direction ``step``, or -1 / n for none."""
        if step < 0:
            return root(left, k + 1) - 1 if k >= 0 else -1
        return root(right, k) if k < n else n

    heap: list[tuple[float, int, int, int, int]] = []

    def push(i: int, k: int, step: int) -> None:
        k = nearest(k, step)
        if 0 <= k < n:
            d = abs(ra[i] - pos[k])
            if d <= max_dist:
                heapq.heappush(heap, (d, i, order[k], k, step))

    for i in range(len(src_items)):
        k = bisect.bisect_left(pos, ra[i])
        push(i, k - 1, -1)
        push(i, k, 1)
    used_s, pairs = set(), []
    while heap:
        d, i, j, k, step = heapq.heappop(heap)
        if i in used_s:
            continue
        if used_slot[k]:
            push(i, k, step)  # taken meanwhile: the next unused one that way
            continue
        used_s.add(i)
        used_slot[k] = True
        left[k + 1], right[k] = k, k + 1
        pairs.append((src_items[i], tgt_items[j]))
    used_t = {order[k] for k in range(n) if used_slot[k]}
    pairs.sort(key=lambda p: p[0].start)
    return (pairs, [a for i, a in enumerate(src_items) if i not in used_s],
            [b for j, b in enumerate(tgt_items) if j not in used_t])


def _pair_up_every_candidate(src_items, tgt_items, ra: list[float], max_dist: float, tgt: Side):
    """:func:`pair_up` over every candidate pair (targets at one place: overlapping items)."""
    cands = []
    for j, b in enumerate(tgt_items):
        rb = rel(tgt, b.start, b.end)
        cands += [(abs(x - rb), i, j) for i, x in enumerate(ra) if abs(x - rb) <= max_dist]
    cands.sort()
    used_s, used_t, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        pairs.append((src_items[i], tgt_items[j]))
    pairs.sort(key=lambda p: p[0].start)
    return (pairs, [a for i, a in enumerate(src_items) if i not in used_s],
            [b for j, b in enumerate(tgt_items) if j not in used_t])
