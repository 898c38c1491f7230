"""JUnit XML output (``--format junit``), for CI systems that show test reports (GitLab, Jenkins,
Azure Pipelines, CircleCI).

* one ``<testsuite>`` per checked file (named by its path);
* one ``<testcase>`` per finding, named ``TQ201 number-mismatch (line 12)``; a finding at or
  above ``fail-on`` carries a ``<failure>`` (type = rule code, message = the finding's message,
  body = location, excerpts and suggestion), one below it passes with the finding in
  ``<system-out>``;
* a file without findings has one passing testcase ``no findings``;
* a file that could not be read is a suite with one testcase carrying an ``<error>``; a missing
  document translation is a testcase with a ``<failure>`` when the mapping says
  ``missing = "fail"``, else ``<skipped>``.

Characters XML 1.0 cannot carry (most C0 controls) are written as ``\\uXXXX``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from .multi import entry_label

if TYPE_CHECKING:  # pragma: no cover
    from ..findings import Finding
    from ..gate import FileResult, ResultSet

__all__ = ["render_junit"]

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: object) -> str:
    return _BAD_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", str(text))


def _case_name(r: "FileResult", f: "Finding") -> str:
    _, line = r.location(f)
    name = f"{f.rule} {f.name}"
    label = entry_label(f.entry, 60)
    if label is not None:
        name += f" [{label}]"
    if line:
        name += f" (line {line})"
    return name


def _body(r: "FileResult", f: "Finding") -> str:
    path, line = r.location(f)
    lines = [f"{path}:{line}" if line else path, f"{f.severity.value} {f.rule} {f.name}: {f.message}"]
    if f.entry is not None:
        lines.append(f"entry: {f.entry.replace(chr(4), ' | ')}")
    if f.source_excerpt:
        lines.append(f"source: {f.source_excerpt}")
    if f.target_excerpt:
        lines.append(f"translation: {f.target_excerpt}")
    if f.suggestion:
        lines.append(f"suggestion: {f.suggestion}")
    return "\n".join(lines)


def render_junit(rs: "ResultSet") -> str:
    suites = ET.Element("testsuites", name="tqcheck")
    total = failures = errors = skipped = 0
    for r in rs.results:
        s = ET.SubElement(suites, "testsuite", name=_x(r.path))
        n_fail = 0
        cases = sorted(r.findings, key=lambda f: (r.location(f)[1] or 0, f.rule))
        for f in cases:
            path, line = r.location(f)
            tc = ET.SubElement(s, "testcase", classname=_x(r.path), name=_x(_case_name(r, f)), file=_x(path))
            if line:
                tc.set("line", str(line))
            if rs.failing(f):
                n_fail += 1
                el = ET.SubElement(tc, "failure", type=f.rule, message=_x(f"{f.severity.value}: {f.message}"))
                el.text = _x(_body(r, f))
            else:
                ET.SubElement(tc, "system-out").text = _x(_body(r, f))
        if not cases:
            ET.SubElement(s, "testcase", classname=_x(r.path), name="no findings", file=_x(r.path))
        n = max(1, len(cases))
        s.set("tests", str(n))
        s.set("failures", str(n_fail))
        s.set("errors", "0")
        s.set("skipped", "0")
        total += n
        failures += n_fail
    for e in rs.errors:
        s = ET.SubElement(suites, "testsuite", name=_x(e.path or "tqcheck"), tests="1", failures="0",
                          errors="1", skipped="0")
        tc = ET.SubElement(s, "testcase", classname=_x(e.path or "tqcheck"), name="read file",
                           file=_x(e.path or ""))
        if e.line:
            tc.set("line", str(e.line))
        ET.SubElement(tc, "error", type="InputError", message=_x(e.message)).text = _x(str(e))
        total += 1
        errors += 1
    for w in rs.warnings:
        s = ET.SubElement(suites, "testsuite", name=_x(w.path or "tqcheck"), tests="1",
                          failures="1" if w.fails else "0", errors="0", skipped="0" if w.fails else "1")
        tc = ET.SubElement(s, "testcase", classname=_x(w.path or "tqcheck"), name="file", file=_x(w.path or ""))
        if w.fails:
            ET.SubElement(tc, "failure", type="missing", message=_x(w.message)).text = _x(str(w))
            failures += 1
        else:
            ET.SubElement(tc, "skipped", message=_x(w.message))
            skipped += 1
        total += 1
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    suites.set("skipped", str(skipped))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
