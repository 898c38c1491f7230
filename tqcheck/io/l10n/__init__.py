"""Localization files: read them into units and check every unit.

>>> uf = load("locale/tr/LC_MESSAGES/django.po")            # doctest: +SKIP
>>> report = check_units(uf)                                  # doctest: +SKIP
>>> [(f.rule, f.entry, f.target_line) for f in report.findings]  # doctest: +SKIP

* :func:`sniff` tells a file's format by its extension and its content;
* :func:`load` reads it (for a monolingual resource, together with its source-language
  file, found with :func:`find_source` unless given);
* :func:`check_units` runs the pipeline with one aligned pair per entry (per plural
  form), so the document checks (entities, encoding, language, spelling) and the
  software-string checks (TQ5xx) see every entry, and sets ``entry`` on each finding.

Every malformed or unreadable file raises :class:`tqcheck.errors.InputError` with
the file, the line and what is wrong; XML is parsed with defusedxml (entity
declarations and external references are refused).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable

from ...errors import InputError
from .base import Unit, UnitFile, lang_from_path, parse_lang

__all__ = ["Unit", "UnitFile", "sniff", "load", "find_source", "check_units", "run_example",
           "FORMATS", "MONOLINGUAL"]

#: every format name :func:`sniff` may return
FORMATS = ("po", "xliff1", "xliff2", "tmx", "csv", "json", "chrome-json", "yaml", "properties",
           "android", "apple-strings")
#: formats that hold one language and are paired with a source file by key
MONOLINGUAL = ("json", "chrome-json", "yaml", "properties", "android", "apple-strings")

_EXT = {".po": "po", ".pot": "po", ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
        ".mxliff": "xliff", ".mqxliff": "xliff", ".tmx": "tmx", ".csv": "csv", ".tsv": "csv",
        ".tab": "csv", ".json": "json", ".arb": "json", ".yml": "yaml", ".yaml": "yaml",
        ".properties": "properties", ".strings": "apple-strings", ".xml": "xml"}


def _ext(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _head(path: str, n: int = 8192) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def _xliff_version(head: bytes) -> str:
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(b"\x00") > 10
    txt = head.decode("utf-16" if utf16 else "utf-8", "ignore")
    m = re.search(r"<(?:\w+:)?xliff\b[^>]*>", txt, re.S)
    if m and (re.search(r"""version\s*=\s*["']2""", m.group(0)) or "xliff:document:2" in m.group(0)):
        return "xliff2"
    return "xliff1"


def _chrome_like(head: bytes) -> bool:
    txt = head.decode("utf-8", "ignore")
    return re.match(r'\s*\{\s*"[^"]+"\s*:\s*\{[^{}]*?"(?:message|description)"\s*:', txt) is not None


def sniff(path: str) -> str | None:
    """The localization format of ``path`` from its extension and content (one of
    :data:`FORMATS`), or None when it is not a localization file (``package.json``, an XML file
    that is no Android resource, XLIFF or TMX)."""
    ext = _ext(path)
    kind = _EXT.get(ext)
    if kind is None:
        return None
    if kind == "po":
        return "po"
    head = _head(path)
    if kind in ("xliff", "xml", "tmx"):
        from .xmltree import sniff_root

        root = sniff_root(head)
        if root == "xliff" or (root is None and kind == "xliff"):
            return _xliff_version(head)
        if root == "tmx" or (root is None and kind == "tmx"):
            return "tmx"
        if root == "resources" and kind == "xml":
            return "android"
        return None
    if kind == "csv":
        from .tabular import _role

        first = head.decode("utf-8", "ignore").split("\n", 1)[0]
        cells = [c.strip().strip('"').strip() for c in re.split(r"[,;\t]", first)]
        roles = {_role(c) for c in cells} - {None}
        langs = [c for c in cells if parse_lang(c)]
        return "csv" if ({"source", "target"} <= roles or len(langs) >= 2) else None
    if kind == "json":
        if _chrome_like(head):
            return "chrome-json"
        if ext == ".arb" or lang_from_path(path):
            return "json"
        return None
    if kind == "yaml":
        if lang_from_path(path):
            return "yaml"
        txt = head.decode("utf-8", "ignore")
        m = re.search(r"(?m)^([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?):\s*$", txt)
        return "yaml" if m and parse_lang(m.group(1)) else None
    if kind == "properties":
        stem = os.path.splitext(os.path.basename(path))[0]
        if lang_from_path(path):
            return "properties"
        d = os.path.dirname(path) or "."
        try:
            sib = os.listdir(d)
        except OSError:
            return None
        pat = re.compile(re.escape(stem) + r"_[a-z]{2,3}(?:_[A-Za-z]{2,4})*\.properties$")
        return "properties" if any(pat.match(s) for s in sib) else None
    if kind == "apple-strings":
        return None if head.startswith(b"bplist") else "apple-strings"
    return None  # pragma: no cover


def _default_format(path: str) -> str | None:
    kind = _EXT.get(_ext(path))
    if kind == "xliff":
        return _xliff_version(_head(path))
    if kind == "xml":
        return None
    return kind


# -- source files of monolingual resources -------------------------------------------------------------
_SOURCE_CODES = ("en", "en-US", "en_US", "en-GB", "en_GB", "EN", "en-us", "en_us")


def _chrome_default(locales_dir: str) -> str | None:
    manifest = os.path.join(os.path.dirname(locales_dir), "manifest.json")
    try:
        with open(manifest, encoding="utf-8") as fh:
            data = json.load(fh)
        return data.get("default_locale")
    except (OSError, ValueError, AttributeError):
        return None


def find_source(path: str) -> str | None:
    """The source-language sibling of a monolingual resource: ``en.json`` next to ``tr.json``,
    ``values/strings.xml`` for ``values-tr/strings.xml``, ``_locales/<default_locale or en>/
    messages.json``, ``messages.en.yaml`` for ``messages.tr.yaml``, ``messages.properties`` for
    ``messages_tr.properties``, ``en.lproj``/``Base.lproj`` for ``tr.lproj``. None when there is none
    (or ``path`` is itself the source file)."""
    norm = os.path.normpath(path)
    d, name = os.path.split(norm)
    parent, dname = os.path.split(d)
    cands: list[str] = []
    # Android: res/values-tr/strings.xml -> res/values/strings.xml
    if dname.startswith("values-"):
        cands.append(os.path.join(parent, "values", name))
    # Apple: tr.lproj/Localizable.strings -> en.lproj / Base.lproj
    elif dname.endswith(".lproj"):
        cands += [os.path.join(parent, f"{c}.lproj", name) for c in _SOURCE_CODES + ("Base",)]
    # Chrome: _locales/tr/messages.json
    if os.path.basename(parent) == "_locales":
        dl = _chrome_default(parent)
        if dl:
            cands.append(os.path.join(parent, dl, name))
        cands += [os.path.join(parent, c, name) for c in ("en", "en_US", "en_GB")]
    # a language directory: locales/tr/ns.json, config/locales/tr/x.yml
    if parse_lang(dname) and not dname.startswith("values") and not dname.endswith(".lproj"):
        cands += [os.path.join(parent, c, name) for c in _SOURCE_CODES]
    # the file name: tr.json, tr-TR.json, messages.tr.yaml, messages_tr.properties
    stem, ext = os.path.splitext(name)
    parts = stem.split(".")
    if parse_lang(parts[-1]):
        pre = ".".join(parts[:-1])
        for c in _SOURCE_CODES:
            cands.append(os.path.join(d, (pre + "." if pre else "") + c + ext))
        if pre and ext == ".properties":
            cands.insert(0, os.path.join(d, pre + ext))
    m = re.match(r"^(.+?)_([a-z]{2,3}(?:_[A-Za-z]{2,4})*)$", stem)
    if m and parse_lang(m.group(2).split("_")[0]):
        cands.insert(0, os.path.join(d, m.group(1) + ext))
        cands += [os.path.join(d, f"{m.group(1)}_{c}{ext}") for c in ("en", "en_US", "en_GB")]
    seen = set()
    for c in cands:
        c = os.path.normpath(c)
        if c in seen:
            continue
        seen.add(c)
        if c != norm and os.path.isfile(c):
            return c
    return None


# -- loading --------------------------------------------------------------------------------------------
def load(path: str, *, source_path: str | None = None, src_lang: str | None = None,
         tgt_lang: str | None = None) -> UnitFile:
    """Read a localization file into units. Languages come from the file (PO ``Language``, XLIFF
    attributes, Rails root key, ARB ``@@locale``), then its path, then these arguments. A
    monolingual resource is paired by key with ``source_path`` (default: :func:`find_source`)."""
    fmt = sniff(path)
    if fmt is None and (tgt_lang or _EXT.get(_ext(path)) in ("po", "xliff", "tmx", "csv")):
        fmt = _default_format(path)  # a file named by the caller, its language given
    if fmt is None:
        if not os.path.exists(path):
            raise InputError("no such file", path=path)
        raise InputError("not a localization file this tool reads (PO, XLIFF, TMX, CSV/TSV, JSON, "
                         "YAML, .properties, Android strings.xml, .strings)", path=path)
    if fmt == "po":
        from .po import load_po

        return load_po(path, src_lang=src_lang, tgt_lang=tgt_lang)
    if fmt in ("xliff1", "xliff2"):
        from .xliff import load_xliff

        return load_xliff(path, src_lang=src_lang, tgt_lang=tgt_lang)
    if fmt == "tmx":
        from .tmx import load_tmx

        return load_tmx(path, src_lang=src_lang, tgt_lang=tgt_lang)
    if fmt == "csv":
        from .tabular import load_tabular

        return load_tabular(path, src_lang=src_lang, tgt_lang=tgt_lang)
    from .resources import load_resource

    if source_path is None:
        source_path = find_source(path)
    uf = load_resource(path, fmt, source_path=source_path, src_lang=src_lang, tgt_lang=tgt_lang)
    if uf.src_lang is None and not uf.source_missing:
        from .base import guess_lang

        uf.src_lang = guess_lang([u.source for u in uf.units])
    if uf.tgt_lang is None and uf.source_missing is False:
        from .base import guess_lang

        uf.tgt_lang = guess_lang([u.target or "" for u in uf.units])
    return uf


# -- checking -------------------------------------------------------------------------------------------
def check_units(uf: UnitFile, *, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, glossary=None):
    """Check every unit of ``uf``; returns a :class:`~tqcheck.report.model.Report`.

    ``glossary`` is a path to a CSV/TSV or TBX glossary, or a
    :class:`~tqcheck.checks.l10n_glossary.Glossary` (see TQ521/TQ522). Structure and completeness
    rules (TQ1xx) do not apply to entries and are not run. Every finding about an entry carries
    ``entry`` (its id) and the file lines of the entry."""
    from .check import check_units as _run

    return _run(uf, select=select, ignore=ignore, glossary=glossary)


def run_example(code: str):
    """Run rule ``code``'s documented example as a one-entry localization file (with the flags,
    format or glossary the rule needs); returns the Report. For the rules in
    :data:`tqcheck.checks.l10n.UNIT_ONLY`, whose examples ``tqcheck.check`` cannot trigger."""
    from .check import run_example as _run

    return _run(code)
