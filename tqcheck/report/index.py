"""A summary page for several checked document pairs, linking to each pair's HTML report.

    >>> from tqcheck.report.index import render_index
    >>> page = render_index([report_a, report_b], ["a.html", "b.html"])  # doctest: +SKIP

One self-contained page (inline CSS, no script, no network): per pair its files, languages,
number of aligned segments and findings per severity, the most troubled pairs first.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..findings import Severity
from .html import ICONS, LABELS, SEVERITY_ORDER, _env

if TYPE_CHECKING:  # pragma: no cover
    from .model import Report

__all__ = ["render_index", "write_reports"]


def _link(target: str | None) -> str | None:
    """A relative link, percent-encoded (spaces, ``#``, non-ASCII), never a ``javascript:`` URL."""
    if not target:
        return None
    t = target.replace(os.sep, "/")
    if ":" in t.split("/", 1)[0] and not t.lower().startswith(("http:", "https:", "file:")):
        t = "./" + t  # "javascript:x" would be a scheme; make it a path
    return quote(t, safe="/:.-_~")


def render_index(reports: Sequence["Report"], links: Sequence[str | None] | None = None, *,
                 title: str = "Translation quality: summary") -> str:
    """The summary page: one row per report, linking to ``links[i]`` (a path relative to the
    page; ``None``: no link). Rows are sorted worst first (by severity counts), then by name."""
    links = list(links) if links is not None else [None] * len(reports)
    if len(links) != len(reports):
        raise ValueError("render_index needs one link per report")
    sevs = [s.value for s in SEVERITY_ORDER]
    rows = []
    total = {"findings": 0, "sev": {s: 0 for s in sevs}}
    for rep, link in zip(reports, links):
        summ = rep.summary()
        worst = rep.worst()
        rows.append({
            "src": rep.source.path or rep.source.name or "source",
            "tgt": rep.target.path or rep.target.name or "translation",
            "langs": f"{rep.src_lang or rep.source.lang or '?'} → {rep.tgt_lang or rep.target.lang or '?'}",
            "beads": summ["beads"],
            "sev": summ["by_severity"],
            "findings": summ["findings"],
            "worst": worst.value if isinstance(worst, Severity) else "",
            "link": _link(link),
        })
        total["findings"] += summ["findings"]
        for s in sevs:
            total["sev"][s] += summ["by_severity"].get(s, 0)
    rows.sort(key=lambda r: (tuple(-r["sev"].get(s, 0) for s in sevs), r["tgt"], r["src"]))
    return _env().get_template("index.html").render(
        title=title, rows=rows, total=total, severities=sevs, icons=ICONS, labels=LABELS)


def write_reports(reports: Sequence["Report"], index_path: str) -> list[str]:
    """Write each report next to ``index_path`` (``<dir>/<n>-<target name>.html``) and the
    summary page at ``index_path``; returns the paths written, index last."""
    base = os.path.dirname(os.path.abspath(index_path))
    os.makedirs(base, exist_ok=True)
    links, written = [], []
    for i, rep in enumerate(reports, 1):
        name = os.path.basename(rep.target.path or f"translation{i}")
        safe = "".join(c if (c.isalnum() or c in "._-") else "_" for c in name)
        fn = f"{i:03d}-{safe}.html"
        rep.to_html(os.path.join(base, fn))
        links.append(fn)
        written.append(os.path.join(base, fn))
    with open(index_path, "w", encoding="utf-8", newline="") as fh:
        fh.write(render_index(reports, links))
    written.append(index_path)
    return written
