"""TQ520 across files: the same source text translated differently in different
localization files of one project (``tqcheck check PATH...`` over several files).

Within one file TQ520 runs as a document rule (:mod:`tqcheck.checks.l10n_units`).
Across files there is no single document, so the gate calls :func:`project_findings`
once every file has been read, with the units of each file. Files are compared only
when they have the same target language and the same source language. Entries are compared like the in-file check does: the source text
normalised (Unicode NFKC, case, spacing), the gettext context kept apart, sources of
fewer than two words left out (too ambiguous), translations compared without
differences of case, spacing and final punctuation. Plural entries, unfinished
(fuzzy, needs-review) and obsolete entries, untranslated entries and entries whose
translation is their source are left out.

For each source text the translation most files use is taken for the project's
(ties: the file that comes first by path); every entry translated otherwise gets one
finding naming an entry of another file that uses a different translation.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..findings import Finding
from .l10n_units import _CJK, _UNFINISHED, _WORD, _norm, _norm_target

CODE = "TQ520"


@dataclass(frozen=True)
class _Entry:
    file: str
    order: int
    unit: object
    target_norm: str


def _lang(tag: str | None) -> str | None:
    return tag.replace("_", "-").lower() if tag else None


def _eligible(unit) -> bool:
    flags = getattr(unit, "flags", frozenset()) or frozenset()
    if getattr(unit, "plurals", None) or "obsolete" in flags or any(f in flags for f in _UNFINISHED):
        return False
    src, tgt = getattr(unit, "source", None) or "", getattr(unit, "target", None) or ""
    if not isinstance(src, str) or not isinstance(tgt, str):
        return False
    if not src.strip() or not tgt.strip():
        return False
    if _norm(src) == _norm(tgt):
        return False
    return len(_WORD.findall(src)) >= 2 or len(_CJK.findall(src)) >= 4


def _shown(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def project_findings(files: Sequence[tuple[str, str, str | None, str | None, Iterable]]) -> dict[str, list[Finding]]:
    """Cross-file TQ520 findings.

    ``files``: (path as given, format, source language, target language, units) for every
    localization file of the run. Returns path → new findings (only paths that have some).
    A file's units are the :class:`tqcheck.io.l10n.base.Unit` records it was read into."""
    from .base import REGISTRY

    rule = REGISTRY[CODE]   # registered by .l10n_units, imported above
    groups: dict[tuple, dict[str, list[_Entry]]] = {}
    # a file that does not declare its source language (a PO file) is taken to share the run's
    # source language when the files that declare one agree; else it is compared only with
    # files that do not declare one either
    declared = {_lang(sl) for _, _, sl, _, _ in files if sl}
    only = next(iter(declared)) if len(declared) == 1 else None
    for order, (path, fmt, sl, tl, units) in enumerate(files):
        if not tl:
            continue
        sl = _lang(sl) or only
        for unit in units:
            if not _eligible(unit):
                continue
            ctxt = getattr(unit, "context", None) if fmt == "po" else None
            key = (sl, _lang(tl), _norm(unit.source), ctxt)
            groups.setdefault(key, {}).setdefault(path, []).append(
                _Entry(path, order, unit, _norm_target(unit.target)))
    out: dict[str, list[Finding]] = {}
    for by_file in groups.values():
        if len(by_file) < 2:
            continue
        entries = sorted((e for es in by_file.values() for e in es), key=lambda e: e.order)
        if len({e.target_norm for e in entries}) < 2:
            continue
        # the project's translation: used by the most files, then first by path order
        per_file = Counter()
        for es in by_file.values():
            for t in {e.target_norm for e in es}:
                per_file[t] += 1
        first_seen = {}
        for e in entries:
            first_seen.setdefault(e.target_norm, e.order)
        major = max(per_file, key=lambda t: (per_file[t], -first_seen[t]))
        for e in entries:
            if e.target_norm == major:
                continue
            others = [o for o in entries if o.file != e.file and o.target_norm != e.target_norm]
            if not others:
                continue  # differs only inside its own file: the in-file check reports it
            ref = next((o for o in others if o.target_norm == major), others[0])
            u, r = e.unit, ref.unit
            line = getattr(r, "target_line", None)
            where = f"{ref.file}:{line}" if line else ref.file
            entry = str(r.id).replace("\x04", " | ")
            msg = (f"The same source is translated differently in {where} (entry {_shown(entry, 60)!r}): "
                   f"\u201c{_shown(r.target)}\u201d.")
            f = Finding(rule=CODE, name=rule.name, category=rule.category, mqm=rule.mqm,
                        severity=rule.severity, message=msg,
                        source_line=getattr(u, "source_line", None), target_line=getattr(u, "target_line", None),
                        source_excerpt=u.source, target_excerpt=u.target,
                        suggestion=r.target, confidence=0.8, file=e.file, entry=u.id)
            out.setdefault(e.file, []).append(f)
    return out
