"""Findings: the one record every check produces and every report writes.

The field names and their meaning are the output contract documented in the
README; later tools (CI gates, notebooks, baselines) depend on them.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe (info=0 … critical=3)."""
        return _SEVERITY_RANK[self]

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}

#: Every category a finding may have (the output contract's closed list).
CATEGORIES = (
    "omission", "addition", "reorder", "structure", "entity", "number", "date",
    "encoding", "spelling", "language", "untranslated", "placeholder", "markup",
    "whitespace", "punctuation", "length", "terminology", "consistency", "other",
)

#: Category -> MQM issue type (the default; a rule may declare its own).
MQM_BY_CATEGORY = {
    "omission": "Accuracy/Omission",
    "addition": "Accuracy/Addition",
    "reorder": "Accuracy/Mistranslation",
    "structure": "Style/Inconsistent style",
    "entity": "Accuracy/Mistranslation",
    "number": "Accuracy/Mistranslation",
    "date": "Accuracy/Mistranslation",
    "encoding": "Fluency/Character encoding",
    "spelling": "Fluency/Spelling",
    "language": "Accuracy/Mistranslation",
    "untranslated": "Accuracy/Untranslated",
    "placeholder": "Locale convention/Placeholder",
    "markup": "Fluency/Markup",
    "whitespace": "Fluency/Whitespace",
    "punctuation": "Fluency/Punctuation",
    "length": "Locale convention/Length",
    "terminology": "Terminology/Inconsistent use of terminology",
    "consistency": "Terminology/Inconsistent use of terminology",
    "other": "Other",
}

#: Columns of the CSV output and of ``Report.to_frame()``, in order.
FIELDS = (
    "rule", "name", "category", "mqm", "severity",
    "source_segment", "target_segment", "source_line", "target_line",
    "source_excerpt", "target_excerpt", "message", "suggestion", "confidence",
    "file", "entry", "source_span", "target_span", "fingerprint",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a translation.

    ``source_span`` / ``target_span`` are half-open character offsets into the
    decoded text of the source / target file (not into the sentence).
    """

    rule: str
    name: str
    category: str
    mqm: str
    severity: Severity
    message: str
    source_segment: int | None = None
    target_segment: int | None = None
    source_line: int | None = None
    target_line: int | None = None
    source_excerpt: str | None = None
    target_excerpt: str | None = None
    suggestion: str | None = None
    confidence: float = 1.0
    file: str | None = None
    #: the localization entry (msgid with msgctxt + "\x04" before it, XLIFF unit id, resource key)
    entry: str | None = None
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r} for rule {self.rule}")
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity(self.severity))
        if not 0.0 <= self.confidence <= 1.0:
            object.__setattr__(self, "confidence", min(1.0, max(0.0, float(self.confidence))))
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", fingerprint(self))

    def to_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        d["source_span"] = list(self.source_span) if self.source_span else None
        d["target_span"] = list(self.target_span) if self.target_span else None
        return {k: d[k] for k in FIELDS}


def csv_row(f: Finding) -> list:
    """The finding as one CSV row in :data:`FIELDS` order (spans as ``start-end``, None empty)."""
    d = f.to_dict()
    row = []
    for k in FIELDS:
        v = d[k]
        if isinstance(v, list):
            v = f"{v[0]}-{v[1]}"
        row.append("" if v is None else v)
    return row


def fingerprint(f: Finding) -> str:
    """Stable identity of a finding: rule, file and excerpts, not line numbers,
    so that a baseline survives edits elsewhere in the file."""
    h = hashlib.sha1()
    for part in (f.rule, f.file or "", f.entry or "", f.source_excerpt or "", f.target_excerpt or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:16]
