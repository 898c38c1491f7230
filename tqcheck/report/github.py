"""GitHub Actions workflow commands (``--format github``): each finding becomes an annotation on
the pull request's diff::

    ::error file=locale/tr/app.po,line=12,title=TQ201 number-mismatch::"5" (source "3"): A number …

A finding at or above ``fail-on`` is an ``error``, one below it a ``warning``, an ``info``
finding a ``notice``. Files that could not be read are errors; gate warnings are warnings.
Values are escaped as the runner expects: in the message ``%``, CR and LF become ``%25``,
``%0D``, ``%0A``; in properties also ``:`` and ``,`` (``%3A``, ``%2C``). A last plain line is
the summary.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..findings import Severity
from ..globs import relpath
from .multi import entry_label, render_summary
from .text import _clean

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..gate import ResultSet

__all__ = ["render_github", "escape_data", "escape_property"]


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, *, file: str | None = None, line: int | None = None,
             title: str | None = None) -> str:
    props = []
    if file:
        # the runner resolves paths from the workspace (the current directory)
        props.append(f"file={escape_property(relpath(file, os.getcwd()))}")
    if line:
        props.append(f"line={line}")
    if title:
        props.append(f"title={escape_property(title)}")
    head = f"::{kind}" + (" " + ",".join(props) if props else "")
    return f"{head}::{escape_data(message)}"


def _message(f: "Finding", on_target: bool) -> str:
    parts = []
    ex = f.target_excerpt if on_target else f.source_excerpt
    if ex:
        parts.append(f'"{_clean(ex)}"')
        if on_target and f.source_excerpt and f.target_excerpt:
            parts.append(f'(source "{_clean(f.source_excerpt)}")')
    text = (" ".join(parts) + ": " if parts else "") + f.message
    label = entry_label(f.entry)
    if label is not None:
        text += f" [entry: {label}]"
    if f.suggestion:
        text += f"\nSuggestion: {f.suggestion}"
    return text


def render_github(rs: "ResultSet") -> str:
    out = []
    for r in rs.results:
        for f in sorted(r.findings, key=lambda f: (r.location(f)[1] or 0, f.rule)):
            path, line = r.location(f)
            on_target = f.target_line is not None or f.source_line is None
            kind = ("error" if rs.failing(f) else "notice" if f.severity is Severity.INFO else "warning")
            out.append(_command(kind, _message(f, on_target), file=path, line=line,
                                title=f"{f.rule} {f.name}"))
    for e in rs.errors:
        out.append(_command("error", e.message, file=e.path, line=e.line, title="tqcheck: file not checked"))
    for w in rs.warnings:
        out.append(_command("error" if w.fails else "warning", w.message, file=w.path, title="tqcheck"))
    out.append(render_summary(rs))
    return "\n".join(out) + "\n"
