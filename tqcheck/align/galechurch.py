"""Gale & Church (1993) length-based sentence alignment, the classic baseline.

Beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 with the 1993 priors; lengths count
non-space characters; the character ratio ``c`` is estimated from the document
pair; ``s² = 6.8``; exact dynamic programming (quadratic: for benchmarks only).
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .base import Bead
from .lengths import DEFAULT_S2, neg_log_tail, text_length

PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


def _cost(ls: float, lt: float, c: float, s2: float) -> float:
    if ls == 0 and lt == 0:
        return 0.0
    mean = (ls + lt / c) / 2.0
    delta = (lt - ls * c) / math.sqrt(s2 * mean)
    return float(neg_log_tail(np.array([delta]))[0])


def align(src: Sequence[str], tgt: Sequence[str], *, s2: float = DEFAULT_S2) -> list[Bead]:
    """Gale–Church alignment of two sentence lists."""
    ls = [text_length(s) for s in src]
    lt = [text_length(t) for t in tgt]
    n, m = len(ls), len(lt)
    c = (sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0
    pen = {k: -math.log(v) for k, v in PRIORS.items()}
    INF = float("inf")
    D = [[INF] * (m + 1) for _ in range(n + 1)]
    Bk = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    D[0][0] = 0.0
    for i in range(n + 1):
        Di = D[i]
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = INF, (0, 0)
            for (a, b), p in pen.items():
                if a > i or b > j:
                    continue
                prev = D[i - a][j - b]
                if prev == INF:
                    continue
                v = prev + p + _cost(sum(ls[i - a:i]), sum(lt[j - b:j]), c, s2)
                if v < best:
                    best, arg = v, (a, b)
            Di[j] = best
            Bk[i][j] = arg
    out = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = Bk[i][j]
        out.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    out.reverse()
    return out
