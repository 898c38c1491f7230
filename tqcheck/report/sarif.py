"""SARIF 2.1.0 output (``--format sarif``), the format GitHub code scanning and other CI tools read.

One run; the driver lists every rule that ran with its help text and default level; each
finding is a result with:

* ``level`` from the severity: critical and major → ``error``, minor → ``warning``,
  info → ``note`` (the tqcheck severity itself is in ``properties.severity``);
* one physical location: the translation file and line (the source file for a finding that
  exists only in the source, such as an omission), relative to ``%SRCROOT%`` (the project
  root), with the excerpt as snippet; a localization entry is also a logical location;
* for a document pair, the source sentence as a related location;
* ``partialFingerprints["tqcheck/v1"]``: the finding's stable fingerprint (rule, file, entry,
  excerpts), so code scanning follows an alert across edits; the n-th repetition of the same
  fingerprint in a run gets ``:n`` appended so that distinct results stay distinct.

Files that could not be read are ``toolExecutionNotifications`` of the invocation, which is then
not successful. Suppressed findings are left out; their counts are in ``run.properties``.
"""
from __future__ import annotations

import inspect
import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .. import __version__
from ..findings import Finding, Severity
from ..globs import relpath
from .multi import entry_label

if TYPE_CHECKING:  # pragma: no cover
    from ..gate import FileResult, ResultSet

__all__ = ["to_sarif", "render_sarif", "LEVELS", "SCHEMA_URI"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}
_BASE = "%SRCROOT%"


def _artifact(path: str, root: str) -> dict:
    rel = relpath(path, root)
    if os.path.isabs(rel) or rel.startswith("/"):
        return {"uri": Path(rel).resolve().as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": _BASE}


def _rule_descriptor(code: str, sample: Finding | None) -> dict:
    from ..checks.base import REGISTRY

    r = REGISTRY.get(code)
    if r is None:  # a rule outside the registry: describe it from its finding
        name = sample.name if sample else code.lower()
        d = {"id": code, "name": name, "shortDescription": {"text": name.replace("-", " ")},
             "defaultConfiguration": {"level": LEVELS[sample.severity] if sample else "warning"}}
        if sample:
            d["properties"] = {"category": sample.category, "mqm": sample.mqm, "tags": ["translation", sample.category]}
        return d
    text = inspect.cleandoc(r.explanation or r.description)
    first = " ".join(text.split("\n\n")[0].split())
    md = f"**{r.code} {r.name}** ({r.category}, default severity {r.severity.value})\n\n{text}"
    if r.example:
        s, t, sl, tl = r.example
        text += f"\n\nExample ({sl} → {tl}):\n  source:      {s}\n  translation: {t}"
        md += f"\n\nExample ({sl} → {tl}):\n\n- source: `{s}`\n- translation: `{t}`"
    text += f"\n\nMore: tqcheck explain {r.code}"
    md += f"\n\nMore: `tqcheck explain {r.code}`"
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.description},
        "fullDescription": {"text": first},
        "help": {"text": text, "markdown": md},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"category": r.category, "mqm": r.mqm, "severity": r.severity.value,
                       "tags": ["translation", r.category]},
    }


def _region(line: int | None, excerpt: str | None) -> dict:
    reg: dict = {"startLine": line if line and line > 0 else 1}
    if excerpt:
        reg["snippet"] = {"text": excerpt}
    return reg


def _result(r: "FileResult", f: Finding, rule_index: dict[str, int], root: str) -> dict:
    path, line = r.location(f)
    on_target = f.target_line is not None or f.source_line is None
    excerpt = f.target_excerpt if on_target else f.source_excerpt
    loc: dict = {"physicalLocation": {"artifactLocation": _artifact(path, root),
                                      "region": _region(line, excerpt)}}
    label = entry_label(f.entry, 200)
    if label is not None:
        loc["logicalLocations"] = [{"name": label, "kind": "resource"}]
    text = f.message
    if f.suggestion:
        text += f" Suggestion: {f.suggestion}"
    res: dict = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [loc],
        "partialFingerprints": {"tqcheck/v1": f.fingerprint},
        "properties": {"severity": f.severity.value, "category": f.category, "mqm": f.mqm,
                       "confidence": f.confidence},
    }
    if f.rule in rule_index:
        res["ruleIndex"] = rule_index[f.rule]
    if f.entry is not None:
        res["properties"]["entry"] = f.entry
    if f.suggestion:
        res["properties"]["suggestion"] = f.suggestion
    if on_target and f.source_line is not None and r.source_path:
        res["relatedLocations"] = [{
            "id": 1,
            "physicalLocation": {"artifactLocation": _artifact(r.source_path, root),
                                 "region": _region(f.source_line, f.source_excerpt)},
            "message": {"text": "source"},
        }]
    return res


def to_sarif(rs: "ResultSet") -> dict:
    """The run as a SARIF 2.1.0 log (a dict ready for ``json.dumps``)."""
    root = rs.root
    samples: dict[str, Finding] = {}
    for f in rs.findings:
        samples.setdefault(f.rule, f)
    codes = sorted(set(rs.rules) | set(samples))
    rules = [_rule_descriptor(c, samples.get(c)) for c in codes]
    rule_index = {c: i for i, c in enumerate(codes)}
    results = []
    seen: Counter[str] = Counter()
    for r in rs.results:
        for f in sorted(r.findings, key=lambda f: (r.location(f)[1] or 0, f.rule)):
            res = _result(r, f, rule_index, root)
            # the same problem twice in one entry (a name repeated in the source): code scanning
            # must not merge them, so the second gets its own stable fingerprint
            k = seen[f.fingerprint]
            seen[f.fingerprint] += 1
            if k:
                res["partialFingerprints"]["tqcheck/v1"] = f"{f.fingerprint}:{k}"
            results.append(res)
    notes = []
    for e in rs.errors:
        n: dict = {"level": "error", "message": {"text": e.message}}
        if e.path:
            n["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(e.path, root),
                                                    **({"region": {"startLine": e.line}} if e.line else {})}}]
        notes.append(n)
    for w in rs.warnings:
        n = {"level": "error" if w.fails else "warning", "message": {"text": w.message}}
        if w.path:
            n["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(w.path, root)}}]
        notes.append(n)
    invocation: dict = {"executionSuccessful": not rs.errors, "exitCode": rs.exit_code()}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    run = {
        "tool": {"driver": {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "originalUriBaseIds": {_BASE: {"uri": Path(root).resolve().as_uri().rstrip("/") + "/"}},
        "invocations": [invocation],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"failOn": rs.fail_on, "filesChecked": len(rs.results),
                       "suppressed": {"inline": rs.suppressed_inline, "baseline": rs.suppressed_baseline}},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(rs: "ResultSet") -> str:
    return json.dumps(to_sarif(rs), ensure_ascii=False, indent=2) + "\n"
