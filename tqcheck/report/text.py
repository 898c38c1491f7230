"""Terminal output of ``tqcheck check``: a summary, then the findings like a linter prints them.

::

    speech.en.txt → speech.tr.txt (en → tr): 4 findings: 1 critical, 2 major, 1 minor

    critical (1)
    speech.en.txt:12: critical TQ101 omitted-sentence  "The whole Kazakhstan was a target.": …
    major (2)
    speech.tr.txt:14: major TQ301 codepage-confusion  "desteđimizi" → "desteğimizi": Windows-1254 …
        source speech.en.txt:12 "support"

Each finding starts with ``path:line:`` so editors and CI problem matchers can jump to it.
Text from the checked files is sanitised: control and bidi-override characters are shown as
``<U+XXXX>`` so a hostile file cannot move the cursor or reorder the terminal line.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..findings import Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .model import Report

__all__ = ["render_text", "render_statistics", "document_order"]

_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)
_SEV_COLOR = {
    Severity.CRITICAL: "\x1b[1;31m",
    Severity.MAJOR: "\x1b[31m",
    Severity.MINOR: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
#: longest excerpt shown on a finding's line
EXCERPT_WIDTH = 60
#: longest suggestion shown on a finding's second line (the JSON report has it whole)
SUGGESTION_WIDTH = 160
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color and text else text

    def sev(self, text: str, sev: Severity) -> str:
        return self(text, _SEV_COLOR[sev])


def _clean(text: str) -> str:
    """One line, no terminal control characters (C0/C1 controls, bidi overrides)."""
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", " ".join(text.split()))


#: the characters :func:`_clean` writes as ``<U+XXXX>``: :data:`_BIDI` and general category Cc
#: (exactly U+0000–U+001F and U+007F–U+009F; tested against ``unicodedata``)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")


#: how :func:`_shown` writes a text that is only white space (two spaces in a row, a trailing
#: space): each character visible, spaces as ␣, other white space as ``<U+XXXX>``
_SPACE_SIGN = {" ": "\u2423"}


def _shown(text: str) -> str:
    """:func:`_clean`, or, for a text that is only white space, that white space made visible
    (an empty quote would say nothing)."""
    t = _clean(text)
    if t or not text:
        return t
    return "".join(_SPACE_SIGN.get(c, f"<U+{ord(c):04X}>") for c in text)


def _excerpt(text: str, width: int = EXCERPT_WIDTH) -> str:
    t = _shown(text)
    if len(t) > width:
        t = t[: width - 1].rstrip() + "…"
    return f'"{t}"'


def _is_replacement(f: Finding) -> bool:
    """A suggestion short enough to read as the corrected form of the excerpt."""
    s, x = f.suggestion, f.target_excerpt
    if not s or not x:
        return False
    if not x.strip():
        return not s.strip()  # white space for white space (two spaces → one)
    s = s.strip()
    if not s or "\n" in s or len(s) > max(EXCERPT_WIDTH, 2 * len(x) + 10):
        return False
    if len(s.split()) > len(x.split()) + 2:
        return False
    return not (s.endswith(".") and not x.rstrip().endswith("."))


def document_order(report: "Report", findings: list[Finding] | None = None) -> list[Finding]:
    """Findings in reading order: file-level findings first, then by the aligned segment they
    fall in, then by position in the text (target first, else source), then by rule.
    The pipeline already returns findings in this order; this also orders reports built by
    hand or merged from several runs.
    """
    src_bead, tgt_bead = report.bead_index()

    def key(f: Finding) -> tuple:
        bead = -1
        if f.target_segment is not None and f.target_segment in tgt_bead:
            bead = tgt_bead[f.target_segment]
        elif f.source_segment is not None and f.source_segment in src_bead:
            bead = src_bead[f.source_segment]
        tpos = f.target_span[0] if f.target_span else -1
        spos = f.source_span[0] if f.source_span else -1
        return (bead, tpos, spos, f.rule, f.message)

    return sorted(report.findings if findings is None else findings, key=key)


def _location(path: str | None, line: int | None) -> str:
    p = path or "<text>"
    return f"{p}:{line}" if line is not None else p


def _paths(report: "Report") -> tuple[str, str]:
    return (report.source.path or "<source>", report.target.path or "<target>")


def _finding_lines(f: Finding, report: "Report", st: _Style) -> list[str]:
    src_path, tgt_path = _paths(report)
    tgt_file = f.file or tgt_path
    on_target = f.target_line is not None or (f.target_excerpt and f.source_line is None)
    if on_target or (f.source_line is None and f.target_line is None):
        where, excerpt = _location(tgt_file, f.target_line), f.target_excerpt
        if not excerpt and f.source_line is None:
            excerpt = f.source_excerpt
    else:
        where, excerpt = _location(src_path, f.source_line), f.source_excerpt
    head = (f"{st(where, _BOLD)}: {st.sev(f.severity.value, f.severity)} "
            f"{st(f.rule, _BOLD)} {st(f.name, _DIM)}")
    inline_sugg = on_target and _is_replacement(f)
    parts = []
    if excerpt:
        ex = _excerpt(excerpt)
        if inline_sugg:
            ex += " → " + _excerpt(f.suggestion or "")
        parts.append(ex)
    line1 = head + ("  " + parts[0] if parts else "") + ": " + _clean(f.message)
    extra = []
    if on_target and f.source_line is not None:
        src = f"source {_location(src_path, f.source_line)}"
        if f.source_excerpt:
            src += " " + _excerpt(f.source_excerpt)
        extra.append(src)
    if f.suggestion and not inline_sugg:
        sugg = _shown(f.suggestion)
        if len(sugg) > SUGGESTION_WIDTH:
            sugg = sugg[: SUGGESTION_WIDTH - 1].rstrip() + "…"
        extra.append("suggestion: " + sugg)
    lines = [line1]
    if extra:
        lines.append("    " + st(" · ".join(extra), _DIM))
    return lines


def _counts(findings: list[Finding]) -> str:
    c = Counter(f.severity for f in findings)
    return ", ".join(f"{c[s]} {s.value}" for s in _ORDER if c.get(s))


def render_text(report: "Report", *, color: bool = False, max_findings: int | None = None) -> str:
    """The report as terminal text: a summary line with counts per severity (and per category),
    then the findings grouped by severity, most severe first, in document order within a group.

    ``color=True`` adds ANSI colours. ``max_findings`` limits how many findings are listed (the
    most severe first); the rest are counted at the end.
    """
    st = _Style(color)
    src_path, tgt_path = _paths(report)
    src_lang = report.src_lang or report.source.lang or "?"
    tgt_lang = report.tgt_lang or report.target.lang or "?"
    n = len(report.findings)
    read = f", dictionary {report.dictionary_name}" if report.dictionary else ""
    title = f"{src_path} → {tgt_path} ({src_lang} → {tgt_lang}{read})"
    if not n:
        return (f"{st(title, _BOLD)}: no findings in {len(report.beads)} aligned segments "
                f"({len(report.source.sentences)} source, {len(report.target.sentences)} target "
                "sentences).\n")
    sev_counts = Counter(f.severity for f in report.findings)
    counts = ", ".join(st.sev(f"{sev_counts[s]} {s.value}", s) for s in _ORDER if sev_counts.get(s))
    out = [f"{st(title, _BOLD)}: {n} finding{'s' if n != 1 else ''}: {counts}"]
    cats = report.summary()["by_category"]
    out.append("by category: " + ", ".join(f"{c} {k}" for c, k in cats.items()))
    limit = n if max_findings is None else max(0, max_findings)
    shown: list[Finding] = []
    ordered = document_order(report)
    for sev in _ORDER:
        group = [f for f in ordered if f.severity is sev]
        if not group or len(shown) >= limit:
            continue
        take = group[: limit - len(shown)]
        shown.extend(take)
        out.append("")
        label = f"{sev.value} ({len(group)})"
        out.append(st.sev(label, sev) if color else label)
        for f in take:
            out.extend(_finding_lines(f, report, st))
    shown_ids = {id(f) for f in shown}
    hidden = [f for f in report.findings if id(f) not in shown_ids]
    if hidden:
        out.append("")
        out.append(f"… {len(hidden)} more finding{'s' if len(hidden) != 1 else ''} not shown "
                   f"({_counts(hidden)}).")
    return "\n".join(out) + "\n"


def render_statistics(report: "Report") -> str:
    """Count per rule, most frequent first, like ``ruff --statistics``: count, code, name,
    severity (the worst seen for that rule) and category. Empty when there are no findings."""
    by_rule: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    if not by_rule:
        return ""
    rows = []
    for code, fs in by_rule.items():
        worst = max((f.severity for f in fs), key=lambda s: s.rank)
        rows.append((len(fs), code, fs[0].name, worst.value, fs[0].category))
    rows.sort(key=lambda r: (-r[0], r[1]))
    w_n = max(len(str(r[0])) for r in rows)
    w_code = max(len(r[1]) for r in rows)
    w_name = max(len(r[2]) for r in rows)
    w_sev = max(len(r[3]) for r in rows)
    lines = [f"{r[0]:>{w_n}}  {r[1]:<{w_code}}  {r[2]:<{w_name}}  {r[3]:<{w_sev}}  {r[4]}".rstrip()
             for r in rows]
    return "\n".join(lines) + "\n"
