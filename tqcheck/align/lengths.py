"""The length model: Gale–Church (1993) with the ratio and variance learned from
the document pair itself.

``delta = (lt - c·ls) / sqrt(s2 · (ls + lt/c) / 2)`` measures how far the target
length of a bead is from what the source length predicts; its cost is
``-log P(|Δ| >= |delta|)`` for a standard normal Δ.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

#: Gale & Church's variance per character
DEFAULT_S2 = 6.8


def text_length(text: str) -> int:
    """Characters that carry content (spaces do not count)."""
    return len("".join(text.split()))


def neg_log_tail(z: np.ndarray) -> np.ndarray:
    """``-log(2·(1 - Φ(|z|)))`` = ``-log erfc(|z|/√2)``, computed in log space (no underflow)."""
    x = np.abs(np.asarray(z, dtype=np.float64)) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * x)
    # Numerical Recipes erfcc: erfc(x) = t·exp(-x² + P(t)), fractional error < 1.2e-7
    p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    return -(np.log(t) - x * x + p)


def length_cost(ls: np.ndarray | float, lt: np.ndarray | float, c: float, s2: float) -> np.ndarray:
    """Gale–Church cost of a bead with source length ``ls`` and target length ``lt``."""
    ls = np.asarray(ls, dtype=np.float64)
    lt = np.asarray(lt, dtype=np.float64)
    mean = np.maximum((ls + lt / c) / 2.0, 1.0)
    delta = (lt - c * ls) / np.sqrt(s2 * mean)
    return neg_log_tail(delta)


def estimate(ls: Sequence[float], lt: Sequence[float]) -> tuple[float, float]:
    """Robust (c, s2) from the lengths of beads believed to be correct."""
    a = np.asarray(ls, dtype=np.float64)
    b = np.asarray(lt, dtype=np.float64)
    keep = (a > 0) & (b > 0)
    a, b = a[keep], b[keep]
    if len(a) < 5:
        return (float(b.sum() / a.sum()) if len(a) and a.sum() else 1.0), DEFAULT_S2
    c = float(np.exp(np.median(np.log(b / a))))
    mean = np.maximum((a + b / c) / 2.0, 1.0)
    z2 = (b - c * a) ** 2 / mean
    s2 = float(np.median(z2) / 0.455)  # median of chi-square(1) is 0.455
    return c, min(max(s2, 1.0), 50.0)


def ratio_stats(ls: Sequence[float], lt: Sequence[float]) -> dict[str, float]:
    """Mean / sd of the target/source length ratio and of its logarithm."""
    a = np.asarray(ls, dtype=np.float64)
    b = np.asarray(lt, dtype=np.float64)
    keep = (a > 0) & (b > 0)
    a, b = a[keep], b[keep]
    if not len(a):
        return {"length_ratio_mean": 1.0, "length_ratio_sd": 0.0,
                "log_ratio_mean": 0.0, "log_ratio_sd": 0.0}
    r = b / a
    lr = np.log(r)
    return {"length_ratio_mean": float(r.mean()), "length_ratio_sd": float(r.std()),
            "log_ratio_mean": float(lr.mean()), "log_ratio_sd": float(lr.std())}
