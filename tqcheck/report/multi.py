"""Renderings of a multi-file run (:class:`tqcheck.gate.ResultSet`): text, JSON, CSV, statistics.

Text, like a linter prints it, one block per file with findings, then one summary line::

    locale/tr/LC_MESSAGES/django.po (po, en → tr): 2 findings: 1 major, 1 minor
    locale/tr/LC_MESSAGES/django.po:120: major TQ501 placeholder-mismatch  "%(nme)s": … [entry "Hello %(name)s"]
    …

    Checked 3 files (1052 entries): 2 findings: 1 major, 1 minor; 10 suppressed (2 inline, 8 by the baseline).

JSON (``--format json``)::

    {"tool": {...}, "files": [{"path", "source", "kind", "src_lang", "tgt_lang", "entries",
      "aligner", "model", "dictionary", "findings": [<finding>...], "suppressed": {"inline", "baseline"}}...],
     "errors": [{"path", "line", "message"}...], "warnings": [{"path", "message", "fails"}...],
     "rules": [...], "summary": {...}}

Each ``<finding>`` has the output contract's fields (the CSV's columns). CSV is those columns,
one row per finding of every file.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .. import __version__
from .._gc import paused as gc_paused
from ..findings import FIELDS, Finding, Severity, csv_row
from .text import _BOLD, _DIM, _RESET, _SEV_COLOR, _clean, _excerpt, _is_replacement, _shown, render_statistics

if TYPE_CHECKING:  # pragma: no cover
    from ..gate import FileResult, ResultSet

__all__ = ["render_text", "render_summary", "to_dict", "to_json", "to_csv", "render_statistics_all",
           "entry_label"]

_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)


def entry_label(entry: str | None, width: int = 50) -> str | None:
    """An entry identifier for one line: msgctxt and msgid as ``ctx | msgid``, shortened."""
    if entry is None:
        return None
    t = _clean(str(entry).replace("\x04", " | "))
    return t if len(t) <= width else t[: width - 1].rstrip() + "…"


def _counts(findings: list[Finding]) -> str:
    c = Counter(f.severity for f in findings)
    return ", ".join(f"{c[s]} {s.value}" for s in _ORDER if c.get(s))


def _key(r: "FileResult", f: Finding) -> tuple:
    path, line = r.location(f)
    return (path, line or 0, f.rule, f.message)


def _langs(r: "FileResult") -> str:
    return f"{r.src_lang or '?'} → {r.tgt_lang or '?'}"


def _heading(r: "FileResult") -> str:
    if r.kind == "document":
        dic = getattr(r.report, "dictionary_name", None)
        read = f", dictionary {dic}" if dic else ""
        return f"{r.source_path} → {r.path} ({_langs(r)}{read})"
    return f"{r.path} ({r.kind}, {_langs(r)})"


def finding_line(r: "FileResult", f: Finding, color: bool = False) -> list[str]:
    """A finding as ``path:line: severity CODE name  "excerpt": message [entry …]`` plus an
    indented second line with the source side and the suggestion."""
    def st(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color and text else text

    path, line = r.location(f)
    on_target = f.target_line is not None or f.source_line is None
    where = f"{path}:{line}" if line else path
    excerpt = f.target_excerpt if on_target else f.source_excerpt
    if on_target and not excerpt and f.source_line is None:
        excerpt = f.source_excerpt
    head = f"{st(where, _BOLD)}: {st(f.severity.value, _SEV_COLOR[f.severity])} {st(f.rule, _BOLD)} {st(f.name, _DIM)}"
    inline_sugg = on_target and _is_replacement(f)
    ex = _excerpt(excerpt) if excerpt else ""
    if ex and inline_sugg:
        ex += " → " + _excerpt(f.suggestion or "")
    text = head + (f"  {ex}" if ex else "") + ": " + _clean(f.message)
    label = entry_label(f.entry)
    if label is not None:
        text += f" [entry {label!r}]" if "'" not in label else f' [entry "{label}"]'
    extra = []
    if on_target and f.source_excerpt and r.kind == "document" and f.source_line is not None:
        extra.append(f"source {r.source_path}:{f.source_line} {_excerpt(f.source_excerpt)}")
    elif on_target and f.source_excerpt and r.kind != "document":
        extra.append(f"source {_excerpt(f.source_excerpt)}")
    if f.suggestion and not inline_sugg:
        s = _shown(f.suggestion)
        extra.append("suggestion: " + (s if len(s) <= 160 else s[:159].rstrip() + "…"))
    out = [text]
    if extra:
        out.append("    " + st(" · ".join(extra), _DIM))
    return out


def render_summary(rs: "ResultSet") -> str:
    """One line: what was checked, what was found, what was suppressed, what failed."""
    n_files = len(rs.results)
    entries = sum(r.entries for r in rs.results if r.kind not in ("document", "pairs"))
    segments = sum(r.entries for r in rs.results if r.kind in ("document", "pairs"))
    sizes = ", ".join(x for x in (f"{entries} {'entry' if entries == 1 else 'entries'}" if entries else "",
                                  f"{segments} segment{'s' if segments != 1 else ''}" if segments else "") if x)
    fs = rs.findings
    parts = [f"Checked {n_files} file{'s' if n_files != 1 else ''}" + (f" ({sizes})" if sizes else "")]
    parts[0] += f": {len(fs)} finding{'s' if len(fs) != 1 else ''}"
    if fs:
        parts[0] += f": {_counts(fs)}"
    sup_i, sup_b = rs.suppressed_inline, rs.suppressed_baseline
    if sup_i or sup_b:
        bits = []
        if sup_i:
            bits.append(f"{sup_i} inline")
        if sup_b:
            bits.append(f"{sup_b} by the baseline")
        parts.append(f"{sup_i + sup_b} suppressed ({', '.join(bits)})")
    if rs.errors:
        k = len(rs.errors)
        parts.append(f"{k} file{'s' if k != 1 else ''} could not be checked")
    failing_warnings = sum(1 for w in rs.warnings if w.fails)
    if failing_warnings:
        parts.append(f"{failing_warnings} missing file{'s' if failing_warnings != 1 else ''}")
    failing = sum(1 for f in fs if rs.failing(f))
    if rs.fail_on != "never" and failing:
        parts.append(f"{failing} at or above fail-on={rs.fail_on}")
    return "; ".join(parts) + "."


def render_text(rs: "ResultSet", *, color: bool = False, max_findings: int | None = None) -> str:
    """Every file with findings, its findings in line order, then the summary line."""
    with gc_paused():   # strings and lists, no reference cycles (see to_json)
        return _render_text(rs, color, max_findings)


def _render_text(rs: "ResultSet", color: bool, max_findings: int | None) -> str:
    out: list[str] = []
    shown = 0
    limit = None if max_findings is None else max(0, max_findings)
    for r in rs.results:
        if not r.findings:
            continue
        if limit is not None and shown >= limit:
            break
        head = f"{_heading(r)}: {len(r.findings)} finding{'s' if len(r.findings) != 1 else ''}: {_counts(r.findings)}"
        out.append(f"{_BOLD}{head}{_RESET}" if color else head)
        for f in sorted(r.findings, key=lambda f: _key(r, f)):
            if limit is not None and shown >= limit:
                break
            out.extend(finding_line(r, f, color))
            shown += 1
        out.append("")
    hidden = len(rs.findings) - shown
    if hidden > 0:
        out.append(f"… {hidden} more finding{'s' if hidden != 1 else ''} not shown.")
        out.append("")
    out.append(render_summary(rs))
    return "\n".join(out) + "\n"


def render_statistics_all(rs: "ResultSet") -> str:
    """``--statistics`` over every file: count per rule, most frequent first."""
    return render_statistics(SimpleNamespace(findings=rs.findings))  # type: ignore[arg-type]


def to_dict(rs: "ResultSet") -> dict:
    return {
        "tool": {"name": "tqcheck", "version": __version__},
        "files": [{
            "path": r.path,
            "source": r.source_path,
            "kind": r.kind,
            "src_lang": r.src_lang,
            "tgt_lang": r.tgt_lang,
            "entries": r.entries,
            # how the file was aligned: banded.v1 / embeddings.v1 (+ model), or pre-aligned
            "aligner": getattr(r.report, "aligner", None),
            "model": getattr(r.report, "model", None),
            "dictionary": getattr(r.report, "dictionary", None),
            "findings": [f.to_dict() for f in sorted(r.findings, key=lambda f: _key(r, f))],
            "suppressed": {"inline": r.suppressed_inline, "baseline": r.suppressed_baseline},
        } for r in rs.results],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in rs.errors],
        "warnings": [{"path": w.path, "message": w.message, "fails": w.fails} for w in rs.warnings],
        "rules": list(rs.rules),
        "summary": rs.summary(),
    }


def to_json(rs: "ResultSet") -> str:
    # plain dicts and lists, no reference cycles: the cyclic collector would only rescan the
    # run's findings and language data while they are built
    with gc_paused():
        return json.dumps(to_dict(rs), ensure_ascii=False, indent=2) + "\n"


def to_csv(rs: "ResultSet") -> str:
    """The findings of every file, one per row, with the output contract's columns."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIELDS)
    for r in rs.results:
        for f in sorted(r.findings, key=lambda f: _key(r, f)):
            w.writerow(csv_row(f))
    return buf.getvalue()
