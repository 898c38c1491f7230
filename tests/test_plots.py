"""Plots: they draw what the report holds (Agg backend, no display)."""
from __future__ import annotations

import os
import sys

import pytest

matplotlib = pytest.importorskip("matplotlib", reason="the plots extra (matplotlib) is not installed")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
from report_factory import sample_report, synthetic_report  # noqa: E402

from tqcheck.report.plots import alignment_points, length_ratio_outliers  # noqa: E402


def test_findings_bars_count_every_finding(seed_report):
    ax = seed_report.plot_findings()
    total = sum(p.get_width() for p in ax.patches)
    assert total == len(seed_report.findings)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert set(labels) == {f.category for f in seed_report.findings}
    plt.close("all")


def test_alignment_marks_omissions_additions_and_moves():
    import tqcheck

    src = ("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
           "The chair, Maria Lopez, thanked the 12 interpreters. The next session is planned for October in "
           "Vienna. Delegates from 40 countries attended the debate on Tuesday.")
    tgt = ("Le comité s'est réuni le 3 mars à Genève. Il a adopté le budget pour 2023. La prochaine session est "
           "prévue en octobre à Vienne. Des délégués de 40 pays ont assisté au débat mardi. La présidente, "
           "Maria Lopez, a remercié les 12 interprètes.")
    r = tqcheck.check(src, tgt, "en", "fr")
    pts = alignment_points(r)
    assert pts["moved"] == [(2, 4)]
    ax = r.plot_alignment()
    assert "moved (TQ105)" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close("all")
    # the hand-built report has one omitted and one added sentence
    rep = sample_report()
    pts = alignment_points(rep)
    assert len(pts["omitted"]) >= sum(len(b.src) for b in rep.beads if not b.tgt) >= 1
    assert len(pts["added"]) == sum(len(b.tgt) for b in rep.beads if not b.src) >= 1
    assert len(pts["path"]) == sum(1 for b in rep.beads if b.src and b.tgt)


def test_seed_omission_inside_a_merged_segment_is_marked(seed_report):
    pts = alignment_points(seed_report)
    om = [f for f in seed_report.findings if f.category == "omission"]
    assert om and (om[0].source_segment, om[0].target_segment) in pts["omitted"]


def test_length_ratio_outliers_are_robust():
    r = synthetic_report(300)
    base = length_ratio_outliers(r)
    # stretch one target sentence tenfold: it becomes the strongest outlier
    b = next(i for i, x in enumerate(r.beads) if x.src and x.tgt and i > 10)
    k = r.beads[b].tgt[0]
    s = r.target.sentences[k]
    from dataclasses import replace

    r.target.sentences[k] = replace(s, text=s.text * 10)
    out = length_ratio_outliers(r)
    assert b in [o[0] for o in out] and b not in [o[0] for o in base]
    ax = r.plot_length_ratio()
    assert any(t.get_text() == f"#{b}" for t in ax.texts)
    plt.close("all")
