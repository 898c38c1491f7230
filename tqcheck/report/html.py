"""The editor's HTML report: one self-contained file (inline CSS and JS, no network).

Source and translation are shown side by side, one row per bead of the alignment, with every
finding highlighted on its exact span. :func:`render_html` builds the full page;
:func:`render_summary_html` the compact block a notebook shows for a :class:`Report`.

Everything the templates print is escaped by jinja2's autoescape; this module only prepares
plain data (strings, numbers, tuples) for them.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..document import HEADING, Document, Sentence
from ..findings import CATEGORIES, Finding, Severity
from .text import _shown

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

    from .model import Report

__all__ = ["render_html", "render_summary_html", "clean_offset", "clean_span", "highlight_plan",
           "baseline_records"]

#: Severities, most severe first, with the glyph that marks them besides their colour.
SEVERITY_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)
ICONS = {"critical": "‼", "major": "!", "minor": "~", "info": "i"}
LABELS = {"critical": "Critical", "major": "Major", "minor": "Minor", "info": "Info"}

_TEMPLATES = Path(__file__).with_name("templates")


# -- offsets: file → clean text --------------------------------------------------------------------
def clean_offset(sentence: Sentence, pos: int, *, end: bool = False) -> int:
    """Clean-text position of file offset ``pos`` in ``sentence`` (the inverse of
    :meth:`Sentence.file_offset`).

    A file offset that falls on markup dropped from the clean text (``**``, a list bullet, a line
    break) maps to the next clean character, or with ``end=True`` (the end of a half-open span) to
    just past the previous one. The result is clipped to ``0 … len(sentence.text)``.
    """
    n_text = len(sentence.text)
    pieces = sentence.pieces
    if not pieces:
        return min(n_text, max(0, pos - sentence.start))
    files = [p[1] for p in pieces]
    i = bisect_right(files, pos) - 1
    if i < 0:
        return 0
    c, f, n = pieces[i]
    if pos < f + n or (end and pos == f + n):
        return min(n_text, c + (pos - f))
    # in markup between pieces (or past the last one)
    if end:
        return min(n_text, c + n)
    if i + 1 < len(pieces):
        return min(n_text, pieces[i + 1][0])
    return n_text


def clean_span(sentence: Sentence, span: tuple[int, int]) -> tuple[int, int] | None:
    """The part of file span ``span`` that lies in ``sentence``, as clean-text offsets, or
    ``None`` when they do not overlap. An empty span inside the sentence stays empty (an
    insertion point)."""
    a, b = span
    if b < a:
        a, b = b, a
    if a == b:
        if sentence.start <= a <= sentence.end:
            p = clean_offset(sentence, a)
            return (p, p)
        return None
    lo, hi = max(a, sentence.start), min(b, sentence.end)
    if lo >= hi:
        return None
    ca, cb = clean_offset(sentence, lo), clean_offset(sentence, hi, end=True)
    if cb <= ca:
        return None
    return (ca, cb)


# -- which finding marks which text --------------------------------------------------------------
@dataclass
class Plan:
    """Where each finding is drawn: spans in sentences, or a flag on a whole cell."""

    #: (side, sentence index) -> list of (clean start, clean end, finding id)
    spans: dict[tuple[str, int], list[tuple[int, int, int]]] = field(default_factory=dict)
    #: (side, bead index) -> finding ids flagged on the whole cell
    cells: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    #: finding id -> bead index (None for document-level findings)
    bead_of: dict[int, int | None] = field(default_factory=dict)
    #: finding id -> (source bead, target bead) when its two sides sit in different rows (moved
    #: content, TQ105): the rows link to each other
    moves: dict[int, tuple[int, int]] = field(default_factory=dict)


def highlight_plan(report: "Report", findings: list[Finding]) -> Plan:
    """Decide, for every finding, which text spans (or which cells) show it.

    Order of preference on each side: the finding's file span mapped into the clean text of
    the sentences of its bead; else its excerpt searched in those sentences; else the whole cell.
    """
    plan = Plan()
    bead_src, bead_tgt = report.bead_index()
    for fid, f in enumerate(findings):
        bead: int | None = None
        placed = False
        unplaced: list[tuple[str, int]] = []
        side_bead: dict[str, int] = {}
        for side, seg, span, excerpt, doc, index in (
            ("s", f.source_segment, f.source_span, f.source_excerpt, report.source, bead_src),
            ("t", f.target_segment, f.target_span, f.target_excerpt, report.target, bead_tgt),
        ):
            if seg is None or seg not in index:
                continue
            b = index[seg]
            side_bead[side] = b
            if bead is None:
                bead = b
            bead_obj = report.beads[b]
            members = bead_obj.src if side == "s" else bead_obj.tgt
            # the finding's own sentence first, then the rest of its bead
            order = [seg] + [k for k in members if k != seg]
            sents = [doc.sentences[k] for k in order if 0 <= k < len(doc.sentences)]
            if _place(plan, side, fid, sents, span, excerpt):
                placed = True
            else:
                unplaced.append((side, b))
        if not placed and unplaced:
            # nothing to underline: flag one cell, the translation's when there is one
            plan.cells.setdefault(unplaced[-1], []).append(fid)
        plan.bead_of[fid] = bead
        if len(side_bead) == 2 and side_bead["s"] != side_bead["t"]:
            plan.moves[fid] = (side_bead["s"], side_bead["t"])
    return plan


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop white space at the edges of a non-empty span (it would underline nothing)."""
    if b <= a or not text[a:b].strip():
        return a, b
    while text[a].isspace():
        a += 1
    while text[b - 1].isspace():
        b -= 1
    return a, b


def _place(plan: Plan, side: str, fid: int, sents: list[Sentence],
           span: tuple[int, int] | None, excerpt: str | None) -> bool:
    if span is not None:
        hits = []
        for s in sents:
            cs = clean_span(s, span)
            if cs is not None:
                hits.append((s.index, cs))
                if span[0] == span[1]:
                    break  # an insertion point is drawn once
        if hits:
            for k, (a, b) in hits:
                a, b = _trim(next(s.text for s in sents if s.index == k), a, b)
                plan.spans.setdefault((side, k), []).append((a, b, fid))
            return True
    if excerpt:
        needle = excerpt.strip()
        if needle:
            for s in sents:
                at = s.text.find(needle)
                if at < 0:
                    at = s.text.casefold().find(needle.casefold()) if len(s.text.casefold()) == len(s.text) else -1
                if at >= 0:
                    plan.spans.setdefault((side, s.index), []).append((at, at + len(needle), fid))
                    return True
    return False


# -- view data -----------------------------------------------------------------------------------
def _pieces(text: str, spans: list[tuple[int, int, int]], sev: list[str]) -> list[tuple]:
    """Cut ``text`` at every span boundary: a list of ``(text, ids, severity, head, caret)``.

    ``ids`` are the findings covering the piece (empty: plain text); ``head`` is True where one
    of them starts; ``caret`` marks an empty span (an insertion point).
    """
    if not spans:
        return [(text, (), "", False, False)]
    n = len(text)
    cuts = {0, n}
    for a, b, _ in spans:
        cuts.add(max(0, min(n, a)))
        cuts.add(max(0, min(n, b)))
    points = sorted(cuts)
    out: list[tuple] = []
    carets = sorted((a, fid) for a, b, fid in spans if a == b)
    ranges = [(a, b, fid) for a, b, fid in spans if b > a]
    ci = 0
    for x, y in zip(points, points[1:] + [None]):
        while ci < len(carets) and carets[ci][0] <= x:
            ids = tuple(fid for a, fid in carets if a == carets[ci][0])
            out.append(("", ids, _worst(ids, sev), True, True))
            ci += len(ids)
        if y is None or y <= x:
            continue
        ids = tuple(fid for a, b, fid in ranges if a <= x and b >= y)
        if ids:
            head = any(a == x for a, b, fid in ranges if fid in ids)
            out.append((text[x:y], ids, _worst(ids, sev), head, False))
        else:
            out.append((text[x:y], (), "", False, False))
    return out


_RANK = {s.value: s.rank for s in Severity}


def _worst(ids: tuple[int, ...], sev: list[str]) -> str:
    return max((sev[i] for i in ids), key=_RANK.__getitem__) if ids else ""


def _is_heading(doc: Document, s: Sentence) -> bool:
    if s.kind == HEADING:
        return True
    if 0 <= s.paragraph < len(doc.paragraphs):
        p = doc.paragraphs[s.paragraph]
        return p.index == s.paragraph and (p.bold or p.kind == HEADING)
    return False


def _cell(doc: Document, side: str, members: tuple[int, ...], plan: Plan, sev: list[str]) -> dict:
    sents = []
    for j, k in enumerate(members):
        if not 0 <= k < len(doc.sentences):
            continue
        s = doc.sentences[k]
        spans = plan.spans.get((side, k), [])
        sents.append({
            "line": s.line,
            "heading": _is_heading(doc, s),
            # a paragraph starting inside the cell (not at its first sentence) is shown as a break
            "brk": j > 0 and s.para_start,
            "pieces": _pieces(s.text, spans, sev),
        })
    first = doc.sentences[members[0]] if members and 0 <= members[0] < len(doc.sentences) else None
    return {
        "sents": sents,
        "line": first.line if first else None,
        "para": bool(first and first.para_start),
        "heading": bool(sents) and all(x["heading"] for x in sents),
    }


def _lang_name(code: str | None) -> str:
    if not code:
        return "unknown language"
    try:
        from babel import Locale

        name = Locale.parse(code.replace("-", "_")).get_display_name("en")
        if name:
            return f"{name} ({code})"
    except Exception:  # babel raises several kinds for unknown codes
        pass
    return code


def _base(doc: Document, default: str) -> str:
    return os.path.basename(doc.path) if doc.path else default


def _ordered(report: "Report") -> list[Finding]:
    from .text import document_order

    return document_order(report)


def _context(report: "Report") -> dict:
    findings = _ordered(report)
    sev = [f.severity.value for f in findings]
    plan = highlight_plan(report, findings)
    rows = []
    row_findings: dict[int, list[int]] = {}
    for fid, b in plan.bead_of.items():
        if b is not None:
            row_findings.setdefault(b, []).append(fid)
    moved_out: dict[int, list[tuple]] = {}
    moved_in: dict[int, list[tuple]] = {}
    for fid, (sb, tb) in plan.moves.items():
        f = findings[fid]
        moved_out.setdefault(sb, []).append((fid, tb, f.target_line))
        moved_in.setdefault(tb, []).append((fid, sb, f.source_line))
        for b in (sb, tb):
            if fid not in row_findings.setdefault(b, []):
                row_findings[b].append(fid)
    for i, bead in enumerate(report.beads):
        fids = sorted(row_findings.get(i, ()))
        src = _cell(report.source, "s", bead.src, plan, sev)
        tgt = _cell(report.target, "t", bead.tgt, plan, sev)
        rows.append({
            "i": i,
            "src": src,
            "tgt": tgt,
            "src_flags": [(fid, sev[fid], findings[fid].rule) for fid in plan.cells.get(("s", i), ())],
            "tgt_flags": [(fid, sev[fid], findings[fid].rule) for fid in plan.cells.get(("t", i), ())],
            "fids": " ".join(map(str, fids)),
            "worst": _worst(tuple(fids), sev),
            "para": src["para"] or tgt["para"],
            "kind": bead.kind,
            "score": float(bead.score),
            "paired": bool(bead.src) and bool(bead.tgt),
            "moved_out": moved_out.get(i, []),
            "moved_in": moved_in.get(i, []),
        })
    summary = report.summary()
    by_rule = Counter((f.rule, f.name) for f in findings)
    src_name = _base(report.source, "source")
    tgt_name = _base(report.target, "translation")
    items = []
    for fid, f in enumerate(findings):
        items.append({
            "id": fid,
            "f": f,
            "sev": f.severity.value,
            "bead": plan.bead_of.get(fid),
            "where_src": f.source_line,
            "where_tgt": f.target_line,
            "moved": plan.moves.get(fid),
        })
    return {
        "title": f"{src_name} → {tgt_name}",
        "src_name": src_name,
        "tgt_name": tgt_name,
        "src_path": report.source.path or "",
        "tgt_path": report.target.path or "",
        "src_lang": report.src_lang or report.source.lang or "",
        "tgt_lang": report.tgt_lang or report.target.lang or "",
        "src_lang_name": _lang_name(report.src_lang or report.source.lang),
        "tgt_lang_name": _lang_name(report.tgt_lang or report.target.lang),
        "signature": report.signature,
        "summary": summary,
        "severities": [s.value for s in SEVERITY_ORDER],
        "categories": [(c, summary["by_category"][c]) for c in CATEGORIES if c in summary["by_category"]],
        "rules": sorted(by_rule.items()),
        "items": items,
        "rows": rows,
        "icons": ICONS,
        "labels": LABELS,
        "baseline": baseline_records(findings),
        "baseline_name": _baseline_name(tgt_name),
    }


def baseline_records(findings: list[Finding]) -> list[list]:
    """Per finding (in the page's order), what the "accept" export writes for it:
    ``[fingerprint, rule, file, entry, excerpt]`` — the fields of
    :func:`tqcheck.suppress.baseline_record` (the page adds ``count`` for repeated fingerprints)."""
    from ..suppress import baseline_record

    out = []
    for f in findings:
        r = baseline_record(f)
        out.append([r["fingerprint"], r["rule"], r["file"], r["entry"], r["excerpt"]])
    return out


def _baseline_name(tgt_name: str) -> str:
    stem = "".join(c if (c.isalnum() or c in "._-") else "_" for c in tgt_name) or "report"
    return f"{stem}.tqcheck-baseline.json"


@lru_cache(maxsize=1)
def _env() -> "jinja2.Environment":
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["shown"] = _blank_shown
    return env


def _blank_shown(text: str | None) -> str | None:
    """A text that is only white space (two spaces in a row, a trailing space) with its
    characters visible, as the terminal shows them (a page collapses white space to nothing);
    any other text as it is."""
    if text and not text.strip():
        return _shown(text)
    return text


def render_html(report: "Report") -> str:
    """The full report as one self-contained HTML page."""
    return _env().get_template("report.html").render(**_context(report))


def render_summary_html(report: "Report", *, top: int = 10) -> str:
    """A compact, self-contained block for notebooks: counts per severity and category and the
    ``top`` most severe findings."""
    summary = report.summary()
    findings = sorted(_ordered(report), key=lambda f: -f.severity.rank)
    return _env().get_template("summary.html").render(
        title=f"{_base(report.source, 'source')} → {_base(report.target, 'translation')}",
        src_lang=report.src_lang or report.source.lang or "?",
        tgt_lang=report.tgt_lang or report.target.lang or "?",
        summary=summary,
        severities=[s.value for s in SEVERITY_ORDER],
        categories=[(c, summary["by_category"][c]) for c in CATEGORIES if c in summary["by_category"]],
        top=findings[:top],
        more=max(0, len(findings) - top),
        icons=ICONS,
        labels=LABELS,
    )
