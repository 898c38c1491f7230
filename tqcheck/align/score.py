"""Strict / lax precision, recall and F1 of a sentence alignment against a gold one.

The metric of Sennrich & Volk (2011), as implemented in Bleualign's and
Vecalign's evaluation code:

* duplicate beads and beads empty on both sides are dropped;
* precision runs over the predicted beads with at least one side non-empty; a
  bead is a *strict* hit when the identical bead is in the gold, otherwise a
  *lax* hit when one of its target sentences is linked in the gold to one of
  its source sentences (one-sided beads can only be strict hits);
* recall is the same computation with the roles swapped, over the beads of both
  alignments that are non-empty on both sides;
* several documents are scored by summing the counts (micro average).
"""
from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BeadT = tuple[tuple[int, ...], tuple[int, ...]]


def parse_vecalign(text: str) -> list[BeadT]:
    """Parse vecalign lines ``[0, 1]:[2]`` into beads (anything after the second list is ignored)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        left, _, rest = line.partition(":")
        right = rest.split("]", 1)[0] + "]"
        out.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return out


def _as_beads(beads: Iterable) -> set[BeadT]:
    out = set()
    for b in beads:
        s, t = (b.src, b.tgt) if hasattr(b, "src") else b
        s, t = tuple(s), tuple(t)
        if s or t:
            out.add((s, t))
    return out


def _counts(gold: set[BeadT], test: set[BeadT]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of ``test`` measured against ``gold``."""
    links: dict[int, set[int]] = defaultdict(set)
    for gs, gt in gold:
        for s in gs:
            links[s].update(gt)
    tps = fps = tpl = fpl = 0
    for ts, tt in test:
        if (ts, tt) in gold:
            tps += 1
            tpl += 1
            continue
        fps += 1
        linked: set[int] = set()
        for s in ts:
            linked |= links.get(s, set())
        if linked.intersection(tt):
            tpl += 1
        else:
            fpl += 1
    return tps, fps, tpl, fpl


@dataclass
class Counts:
    """Accumulated hit counts; ``+`` adds documents (micro average)."""

    p_strict: int = 0
    p_strict_n: int = 0
    p_lax: int = 0
    p_lax_n: int = 0
    r_strict: int = 0
    r_strict_n: int = 0
    r_lax: int = 0
    r_lax_n: int = 0

    def __add__(self, o: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self._t(), o._t())))

    def _t(self) -> tuple[int, ...]:
        return (self.p_strict, self.p_strict_n, self.p_lax, self.p_lax_n,
                self.r_strict, self.r_strict_n, self.r_lax, self.r_lax_n)

    def scores(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        ps, pl = div(self.p_strict, self.p_strict_n), div(self.p_lax, self.p_lax_n)
        rs, rl = div(self.r_strict, self.r_strict_n), div(self.r_lax, self.r_lax_n)
        return {"precision_strict": ps, "recall_strict": rs, "f1_strict": f1(ps, rs),
                "precision_lax": pl, "recall_lax": rl, "f1_lax": f1(pl, rl)}


def count(gold: Iterable, test: Iterable) -> Counts:
    """Hit counts of one document's predicted alignment ``test`` against ``gold``."""
    g, t = _as_beads(gold), _as_beads(test)
    tps, fps, tpl, fpl = _counts(g, t)
    g2 = {b for b in g if b[0] and b[1]}
    t2 = {b for b in t if b[0] and b[1]}
    rtps, rfps, rtpl, rfpl = _counts(t2, g2)
    return Counts(tps, tps + fps, tpl, tpl + fpl, rtps, rtps + rfps, rtpl, rtpl + rfpl)


def score(gold: Iterable, test: Iterable) -> dict[str, float]:
    """Strict and lax precision / recall / F1 of one document."""
    return count(gold, test).scores()


def score_many(pairs: Sequence[tuple[Iterable, Iterable]]) -> dict[str, float]:
    """Micro-averaged scores over several (gold, test) documents."""
    total = Counts()
    for g, t in pairs:
        total = total + count(g, t)
    return total.scores()
