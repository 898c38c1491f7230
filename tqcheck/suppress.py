"""Suppressions: inline ``tqcheck: ignore[...]`` comments and baseline files.

Inline
    In formats that have comments, a translator comment (PO ``# …``) or a note (XLIFF
    ``<note>``) of an entry that contains ``tqcheck: ignore[TQ501,TQ2]`` suppresses findings of
    those rules (codes or prefixes; ``TQ5xx`` means ``TQ5``) on that entry; ``tqcheck: ignore``
    alone suppresses every finding on it. The marker is case-insensitive and may stand anywhere
    in the comment; several markers add up.

Baseline
    A JSON file that records findings by their stable fingerprint (rule, file, entry and
    excerpts; not line numbers, so it survives edits elsewhere in a file), so that a team adopts
    the gate today and only new problems fail the build::

        {
          "tool": "tqcheck",
          "version": 1,
          "findings": [
            {"fingerprint": "3f2a9c0d1e4b5a67", "rule": "TQ201", "file": "locale/tr/app.po",
             "entry": "You have %d files", "excerpt": "5", "count": 1}
          ]
        }

    Only ``fingerprint`` is required; ``count`` (default 1) is how many findings with that
    fingerprint the baseline accepts, and an entry listed twice counts twice. ``rule``, ``file``,
    ``entry`` and ``excerpt`` are there for people reading the file and reviewing its diff. A bare
    JSON list of such objects is read too, which is what the HTML report's "accept finding"
    export writes.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .errors import UsageError
from .findings import Finding
from .globs import relpath

__all__ = ["parse_inline", "inline_suppressed", "Baseline", "write_baseline", "baseline_record"]

BASELINE_VERSION = 1
_MARKER = re.compile(r"tqcheck\s*:\s*(?:ignore|noqa)\b(?:\s*\[([^\]]*)\])?", re.I)
_CODE = re.compile(r"TQ\d{0,3}")


def parse_inline(notes: str | Iterable[str] | None) -> tuple[bool, list[str], list[str]]:
    """Read the suppression markers in an entry's comments: (everything?, prefixes, bad codes).

    >>> parse_inline("Translators: keep %s. tqcheck: ignore[TQ5xx, tq201]")
    (False, ['TQ5', 'TQ201'], [])
    >>> parse_inline(["plain note", "tqcheck: ignore"])
    (True, [], [])
    """
    if not notes:
        return False, [], []
    text = notes if isinstance(notes, str) else "\n".join(str(n) for n in notes if n)
    everything, prefixes, bad = False, [], []
    for m in _MARKER.finditer(text):
        if m.group(1) is None:
            everything = True
            continue
        for raw in re.split(r"[\s,;]+", m.group(1)):
            if not raw:
                continue
            c = raw.upper()
            c = c.rstrip("X") if c.startswith("TQ") else c
            if c == "ALL":
                everything = True
            elif _CODE.fullmatch(c):
                prefixes.append(c)
            else:
                bad.append(raw)
        if not m.group(1).strip():
            everything = True  # "ignore[]" reads as "ignore"
    return everything, prefixes, bad


def inline_suppressed(finding: Finding, everything: bool, prefixes: Sequence[str]) -> bool:
    """True when the entry's markers cover this finding's rule."""
    return everything or any(finding.rule.startswith(p) for p in prefixes)


# -- baseline ------------------------------------------------------------------------------------
def _canonical_fingerprint(f: Finding, base_dir: str) -> str:
    """The fingerprint the finding would have if its file were named relative to ``base_dir``
    (the baseline's directory): the same baseline then matches whether the gate is run as
    ``tqcheck check .`` from the root or with other spellings of the same paths."""
    if not f.file:
        return f.fingerprint
    rel = relpath(f.file, base_dir)
    if rel == f.file:
        return f.fingerprint
    return replace(f, file=rel, fingerprint="").fingerprint


def baseline_record(f: Finding, base_dir: str | None = None, count: int = 1) -> dict:
    """One baseline entry for a finding (``base_dir``: the baseline's directory)."""
    fp = f.fingerprint if base_dir is None else _canonical_fingerprint(f, base_dir)
    file = f.file if (base_dir is None or not f.file) else relpath(f.file, base_dir)
    rec = {"fingerprint": fp, "rule": f.rule, "file": file, "entry": f.entry,
           "excerpt": f.target_excerpt if f.target_excerpt is not None else f.source_excerpt}
    if count != 1:
        rec["count"] = count
    return rec


class Baseline:
    """Accepted findings, by fingerprint with counts."""

    def __init__(self, counts: Counter[str], path: str | None = None) -> None:
        self.counts = counts
        #: what is still unmatched: each finding the baseline accepts uses up one count
        self.left: Counter[str] = Counter(counts)
        self.path = path
        self.base_dir = os.path.dirname(os.path.abspath(path)) if path else None

    def __len__(self) -> int:
        return sum(self.counts.values())

    @classmethod
    def load(cls, path: str) -> "Baseline":
        """Read a baseline file. Raises :class:`UsageError` (one line) when it is missing or
        not a baseline."""
        try:
            with open(path, encoding="utf-8-sig") as f:
                data = json.load(f)
        except FileNotFoundError:
            raise UsageError("baseline file not found (create it with --write-baseline)", path=path) from None
        except OSError as e:
            raise UsageError(f"cannot read baseline: {e.strerror or e}", path=path) from None
        except UnicodeDecodeError:
            raise UsageError("baseline is not UTF-8 JSON", path=path) from None
        except json.JSONDecodeError as e:
            raise UsageError(f"baseline is not valid JSON: {e.msg}", path=path, line=e.lineno) from None
        items = data.get("findings") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise UsageError('baseline must be a JSON object with a "findings" list, or a list', path=path)
        counts: Counter[str] = Counter()
        for i, it in enumerate(items):
            fp = it.get("fingerprint") if isinstance(it, dict) else None
            if not isinstance(fp, str) or not fp:
                raise UsageError(f"baseline entry {i + 1} has no fingerprint", path=path)
            n = it.get("count", 1)
            if not isinstance(n, int) or isinstance(n, bool) or n < 1:
                raise UsageError(f"baseline entry {i + 1}: count must be a positive integer", path=path)
            counts[fp] += n
        return cls(counts, path)

    def filter(self, findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
        """Split findings into (new, accepted by the baseline). Each baseline count accepts one
        finding with that fingerprint, in the order given (across calls); any more are new."""
        left = self.left
        new, old = [], []
        for f in findings:
            keys = [f.fingerprint]
            if self.base_dir is not None:
                c = _canonical_fingerprint(f, self.base_dir)
                if c != f.fingerprint:
                    keys.append(c)
            hit = next((k for k in keys if left.get(k, 0) > 0), None)
            if hit is None:
                new.append(f)
            else:
                left[hit] -= 1
                old.append(f)
        return new, old


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Write a baseline accepting these findings; returns how many it records. Entries are
    sorted (file, rule, entry, fingerprint) so that the file diffs well in review."""
    base_dir = os.path.dirname(os.path.abspath(path))
    recs: dict[str, dict] = {}
    counts: Counter[str] = Counter()
    for f in findings:
        rec = baseline_record(f, base_dir)
        counts[rec["fingerprint"]] += 1
        recs.setdefault(rec["fingerprint"], rec)
    out = []
    for fp, rec in recs.items():
        if counts[fp] != 1:
            rec = dict(rec, count=counts[fp])
        out.append(rec)
    out.sort(key=lambda r: (r["file"] or "", r["rule"], r["entry"] or "", r["fingerprint"]))
    doc = {"tool": "tqcheck", "version": BASELINE_VERSION, "findings": out}
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return sum(counts.values())
