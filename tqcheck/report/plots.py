"""Plots of a :class:`~tqcheck.report.model.Report` for notebooks (matplotlib, the ``plots``
extra: ``pip install tqcheck[plots]``).

Each function draws on ``ax`` (a new figure when ``None``) and returns the Axes:

* :func:`plot_findings` — findings per category, stacked by severity;
* :func:`plot_alignment` — the alignment path, source sentence index against target sentence
  index; omissions, additions and moved content (TQ105) stand out;
* :func:`plot_length_ratio` — target against source length of aligned segments, outliers of
  the log length ratio (robust z-score, median/MAD) marked and labelled with the row.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..findings import CATEGORIES

if TYPE_CHECKING:  # pragma: no cover
    from .model import Report

__all__ = ["plot_findings", "plot_alignment", "plot_length_ratio", "length_ratio_outliers", "alignment_points"]

COLORS = {"critical": "#b42318", "major": "#c4420a", "minor": "#d4a017", "info": "#1f5fbf"}
_ORDER = ("critical", "major", "minor", "info")


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("plots need matplotlib: pip install 'tqcheck[plots]'") from e
    _, ax = plt.subplots(figsize=size)
    return ax


def plot_findings(report: "Report", ax: Any = None) -> Any:
    """Horizontal bars: findings per category, stacked by severity (most severe first)."""
    counts: dict[str, dict[str, int]] = {}
    for f in report.findings:
        counts.setdefault(f.category, {}).setdefault(f.severity.value, 0)
        counts[f.category][f.severity.value] += 1
    cats = [c for c in CATEGORIES if c in counts] + sorted(c for c in counts if c not in CATEGORIES)
    ax = _axes(ax, (7, 0.45 * max(3, len(cats)) + 1))
    left = [0] * len(cats)
    for sev in _ORDER:
        vals = [counts[c].get(sev, 0) for c in cats]
        if any(vals):
            ax.barh(cats, vals, left=left, color=COLORS[sev], label=sev, edgecolor="white")
            left = [a + b for a, b in zip(left, vals)]
    ax.invert_yaxis()
    ax.set_xlabel("findings")
    ax.set_title(f"Findings per category ({len(report.findings)})")
    if cats:
        ax.legend(title="severity", loc="lower right", frameon=False)
        ax.xaxis.get_major_locator().set_params(integer=True)
    else:
        ax.text(0.5, 0.5, "no findings", ha="center", va="center", transform=ax.transAxes)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def alignment_points(report: "Report") -> dict[str, list[tuple[float, float]]]:
    """The points :func:`plot_alignment` draws: ``path`` (paired beads, in order), ``omitted``
    (source sentences with nothing in the target, placed at the target position reached so far),
    ``added`` (the reverse) and ``moved`` (source → target segment of each TQ105 finding)."""
    path, omitted, added = [], [], []
    si, ti = -0.5, -0.5
    for b in report.beads:
        if b.src and b.tgt:
            x = sum(b.src) / len(b.src)
            y = sum(b.tgt) / len(b.tgt)
            path.append((x, y))
            si, ti = max(b.src), max(b.tgt)
        elif b.src:
            omitted.extend((k, ti + 0.5) for k in b.src)
            si = max(b.src)
        elif b.tgt:
            added.extend((si + 0.5, k) for k in b.tgt)
            ti = max(b.tgt)
    # omissions found inside a merged segment (a sentence dropped from a 2:1 bead)
    have = {int(x) for x, _ in omitted}
    for f in report.findings:
        if (f.category == "omission" and f.source_segment is not None and f.source_segment not in have
                and f.target_segment is not None):
            omitted.append((f.source_segment, f.target_segment))
    moved = [(f.source_segment, f.target_segment) for f in report.findings
             if f.rule == "TQ105" and f.source_segment is not None and f.target_segment is not None]
    return {"path": path, "omitted": omitted, "added": added, "moved": moved}


def plot_alignment(report: "Report", ax: Any = None) -> Any:
    """Source sentence index (x) against target sentence index (y): the diagonal path of aligned
    segments; omissions (red ×), additions (blue +) and moves (purple arrows) stand out."""
    pts = alignment_points(report)
    ax = _axes(ax, (6, 6))
    if pts["path"]:
        xs, ys = zip(*pts["path"])
        ax.plot(xs, ys, "-", color="#98a2b3", lw=1, zorder=1)
        ax.plot(xs, ys, "o", color="#1d2433", ms=2.5, zorder=2, label="aligned")
    if pts["omitted"]:
        xs, ys = zip(*pts["omitted"])
        ax.plot(xs, ys, "x", color=COLORS["critical"], ms=9, mew=2, zorder=3, label="omitted in target")
    if pts["added"]:
        xs, ys = zip(*pts["added"])
        ax.plot(xs, ys, "+", color=COLORS["info"], ms=10, mew=2, zorder=3, label="added in target")
    for k, (s, t) in enumerate(pts["moved"]):
        ax.plot([s], [t], "D", color="#7a2fbf", ms=7, zorder=4, label="moved (TQ105)" if k == 0 else None)
    ax.set_xlabel(f"source sentence ({report.src_lang or '?'})")
    ax.set_ylabel(f"target sentence ({report.tgt_lang or '?'})")
    ax.set_title("Alignment path")
    ax.set_aspect("equal", adjustable="datalim")
    ax.grid(alpha=0.25)
    if any(pts.values()):
        ax.legend(loc="upper left", frameon=False, fontsize="small")
    return ax


def length_ratio_outliers(report: "Report", z: float = 3.5) -> list[tuple[int, int, int, float]]:
    """Paired beads whose log(target/source length) is more than ``z`` robust standard
    deviations (1.4826·MAD) from the median: ``(bead, source chars, target chars, robust z)``.
    Language-independent: the typical ratio of a pair is whatever its median is."""
    rows = _lengths(report)
    if len(rows) < 5:
        return []
    logs = sorted(math.log(t / s) for _, s, t in rows)
    med = logs[len(logs) // 2]
    mad = sorted(abs(v - med) for v in logs)[len(logs) // 2] * 1.4826 or 1e-9
    out = []
    for i, s, t in rows:
        rz = (math.log(t / s) - med) / mad
        if abs(rz) > z:
            out.append((i, s, t, round(rz, 2)))
    return out


def _lengths(report: "Report") -> list[tuple[int, int, int]]:
    ss, ts = report.source.sentences, report.target.sentences
    rows = []
    for i, b in enumerate(report.beads):
        if b.src and b.tgt:
            s = sum(len(ss[k].text) for k in b.src)
            t = sum(len(ts[k].text) for k in b.tgt)
            if s and t:
                rows.append((i, s, t))
    return rows


def plot_length_ratio(report: "Report", ax: Any = None, z: float = 3.5, label: int = 12) -> Any:
    """Target length against source length (characters) of aligned segments, log–log, with the
    median ratio as a line and the outliers of :func:`length_ratio_outliers` marked and labelled
    with their row (at most ``label`` labels)."""
    rows = _lengths(report)
    out = {i: rz for i, _, _, rz in length_ratio_outliers(report, z)}
    ax = _axes(ax, (6, 5))
    normal = [(s, t) for i, s, t in rows if i not in out]
    odd = [(i, s, t) for i, s, t in rows if i in out]
    if normal:
        xs, ys = zip(*normal)
        ax.scatter(xs, ys, s=10, color="#5f6b7a", alpha=0.6, label="aligned segment")
    if odd:
        ax.scatter([s for _, s, _ in odd], [t for _, _, t in odd], s=36, color=COLORS["critical"],
                   marker="o", label=f"outlier (|z| > {z:g})", zorder=3)
        for i, s, t in sorted(odd, key=lambda r: -abs(out[r[0]]))[:label]:
            ax.annotate(f"#{i}", (s, t), textcoords="offset points", xytext=(4, 4), fontsize=8)
    if rows:
        logs = sorted(math.log(t / s) for _, s, t in rows)
        ratio = math.exp(logs[len(logs) // 2])
        lo, hi = min(s for _, s, _ in rows), max(s for _, s, _ in rows)
        ax.plot([lo, hi], [lo * ratio, hi * ratio], "--", color="#2f5bd3", lw=1,
                label=f"median ratio {ratio:.2f}")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.legend(loc="upper left", frameon=False, fontsize="small")
    else:
        ax.text(0.5, 0.5, "no aligned segments", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel(f"source characters ({report.src_lang or '?'})")
    ax.set_ylabel(f"target characters ({report.tgt_lang or '?'})")
    ax.set_title("Length ratio")
    ax.grid(alpha=0.25, which="both")
    return ax
