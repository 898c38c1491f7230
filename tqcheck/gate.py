"""The CI gate: check many paths in one run and gather the results.

``tqcheck check PATH...`` lands here. Each PATH is a file, a directory (walked recursively) or
a glob (``"locale/**/*.po"``). What is checked:

* two plain-text/Markdown files given alone: the document pair SOURCE TRANSLATION (the
  classic ``tqcheck check a.txt b.txt``);
* one ``.csv``/``.tsv`` with ``source`` and ``target`` columns: pre-aligned pairs;
* localization files (what :func:`tqcheck.io.l10n.sniff` recognises): each on its own,
  monolingual resources (``tr.json``) with their source sibling (``en.json``) from
  :func:`tqcheck.io.l10n.find_source`; a directory walk skips the source files themselves,
  templates (``.pot``), files whose target language is the source language and files that are
  not localization files;
* documents matched by a ``[[documents]]`` mapping of the configuration: each source with its
  translation, through the full document pipeline. A source whose translation is missing (or a
  translation whose source is missing) is a *warning* by default: translations lag behind
  their sources, and failing every build for a new page would block the authors. The mapping's
  ``missing = "fail"`` makes it fail the run (exit 1), ``"ignore"`` silences it.

A file that cannot be read or parsed is a :class:`FileError` (file, line, what is wrong); the
other files are still checked and the run exits 2. Findings then pass through inline
suppressions, ``per-file-ignores``, severity overrides and the baseline, in that order.
"""
from __future__ import annotations

import csv
import glob as _glob
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ._gc import paused as gc_paused
from .config import Config, DocumentMapping, normalize_code
from .errors import InputError, TqcheckError, UsageError
from .findings import Finding, Severity
from .globs import compile_glob, relpath
from .suppress import Baseline, inline_suppressed, parse_inline

__all__ = ["GateOptions", "FileResult", "FileError", "GateWarning", "ResultSet", "run", "check_paths",
           "resolve_rules", "read_pairs", "EXIT_OK", "EXIT_FINDINGS", "EXIT_ERROR"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
TABULAR = (".csv", ".tsv")
#: directory names a walk never enters (besides hidden ones and virtualenvs)
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "bower_components"})
_MAGIC = re.compile(r"[*?[]")
_LOCALE_NAME = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4}|[-_]\d{3})?", re.I)


# -- options and results ---------------------------------------------------------------------------
@dataclass
class GateOptions:
    """What the command line (or an API caller) asks for; the configuration fills the rest."""

    config: Config = field(default_factory=Config)
    src_lang: str | None = None
    tgt_lang: str | None = None
    encoding: str | None = None
    src_encoding: str | None = None
    tgt_encoding: str | None = None
    lines: bool = False
    max_bytes: int = 20_000_000
    progress: bool = False
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    fail_on: str | None = None
    baseline: str | None = None
    #: take two plain files given alone as SOURCE TRANSLATION (off for pre-commit)
    pair: bool = True
    exclude: list[str] = field(default_factory=list)
    #: sentence aligner of document pairs (``banded`` | ``embeddings``) and its model folder;
    #: None: the configuration's (see :meth:`Config.aligner_for`)
    aligner: str | None = None
    model: str | None = None
    #: a bilingual word list for the aligner and the checks of document pairs; None: the
    #: configuration's ``dictionary``
    dictionary: str | list[str] | None = None
    #: files checked at a time, each in its own process (1: all in this process; 0: one per CPU)
    jobs: int = 1


@dataclass
class FileError:
    """A file that could not be checked."""

    path: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


@dataclass
class GateWarning:
    """Something a user should know that is not a finding (a document without translation)."""

    path: str | None
    message: str
    #: counts as a failure of the run (``missing = "fail"``)
    fails: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class FileResult:
    """The findings of one checked file (for a document pair: the translation)."""

    path: str
    #: "document", "pairs" or the localization format name ("po", "xliff", "json" …)
    kind: str
    source_path: str | None
    src_lang: str | None
    tgt_lang: str | None
    findings: list[Finding]
    #: entries of a localization file, aligned segments of a document or table
    entries: int = 0
    report: Any = None
    suppressed_inline: int = 0
    #: findings the baseline accepted (kept for --write-baseline)
    baselined: list[Finding] = field(default_factory=list)
    #: named on the command line (not found by a walk or a glob)
    explicit: bool = True
    #: the units of a localization file, kept while the run compares files (TQ520 across files)
    units: list = field(default_factory=list, repr=False, compare=False)

    @property
    def suppressed_baseline(self) -> int:
        return len(self.baselined)

    def location(self, f: Finding) -> tuple[str, int | None]:
        """The file and line a finding points at: the translation, or the source for a finding
        that exists only in the source (an omission)."""
        if f.target_line is not None or f.source_line is None:
            return (f.file or self.path, f.target_line)
        return (self.source_path or f.file or self.path, f.source_line)


@dataclass
class ResultSet:
    results: list[FileResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    warnings: list[GateWarning] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    fail_on: str = "major"
    root: str = "."
    #: files a walk looked at and left alone (not localization files, sources, templates)
    skipped: int = 0

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def suppressed_inline(self) -> int:
        return sum(r.suppressed_inline for r in self.results)

    @property
    def suppressed_baseline(self) -> int:
        return sum(r.suppressed_baseline for r in self.results)

    def failing(self, f: Finding) -> bool:
        return self.fail_on != "never" and f.severity.rank >= Severity(self.fail_on).rank

    def failed(self) -> bool:
        return any(self.failing(f) for f in self.findings) or any(w.fails for w in self.warnings)

    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failed() else EXIT_OK

    # -- renderings (see tqcheck.report.multi, .sarif, .junit, .github) ------------------------
    def to_text(self, *, color: bool = False) -> str:
        from .report.multi import render_text

        return render_text(self, color=color)

    def to_json(self) -> str:
        from .report.multi import to_json

        return to_json(self)

    def to_csv(self) -> str:
        from .report.multi import to_csv

        return to_csv(self)

    def to_sarif(self) -> dict:
        from .report.sarif import to_sarif

        return to_sarif(self)

    def to_junit(self) -> str:
        from .report.junit import render_junit

        return render_junit(self)

    def to_github(self) -> str:
        from .report.github import render_github

        return render_github(self)

    def summary(self) -> dict:
        fs = self.findings
        sev = Counter(f.severity.value for f in fs)
        rules = Counter(f.rule for f in fs)
        return {
            "files": len(self.results),
            "entries": sum(r.entries for r in self.results),
            "findings": len(fs),
            "by_severity": {s.value: sev.get(s.value, 0) for s in Severity},
            "by_rule": dict(sorted(rules.items())),
            "suppressed": {"inline": self.suppressed_inline, "baseline": self.suppressed_baseline},
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "fail_on": self.fail_on,
            "failed": self.failed(),
        }


# -- rule selection --------------------------------------------------------------------------------
def known_codes() -> list[str]:
    """Every registered rule code (document checks and, when present, localization checks)."""
    from .checks import registry

    _l10n()  # importing the localization checks registers their rules
    return sorted(registry.load())


def _codes(values: Iterable[str] | None, where: str) -> list[str] | None:
    if values is None:
        return None
    out = []
    for v in values:
        for part in str(v).split(","):
            if part.strip():
                try:
                    out.append(normalize_code(part))
                except ValueError:
                    raise UsageError(f"{where}: {part.strip()!r} is not a rule code or prefix "
                                     "(see 'tqcheck rules')") from None
    return out


def resolve_rules(options: GateOptions, known: Sequence[str] | None = None) -> list[str]:
    """The codes that run, ruff-style: the configuration's select/ignore/extend-select, then the
    command line's on top (``--select`` replaces the selection, ``--ignore`` and
    ``--extend-select`` adjust it). Within one layer the more specific prefix wins; a tie goes
    to ignore."""
    known = list(known if known is not None else known_codes())
    cfg = options.config
    cfg_where = cfg.path or "configuration"
    layers = [
        (cfg.select, cfg.ignore, cfg.extend_select, cfg_where),
        (_codes(options.select, "--select"), _codes(options.ignore, "--ignore") or [],
         _codes(options.extend_select, "--extend-select") or [], "command line"),
    ]
    for sel, ign, ext, where in layers:
        for p in (sel or []) + ign + ext:
            if not any(c.startswith(p) for c in known):
                raise UsageError(f"unknown rule code or prefix {p!r} (see 'tqcheck rules')",
                                 path=where if where != "command line" else None)
    for _, codes in cfg.per_file_ignores:
        for p in codes:
            if not any(c.startswith(p) for c in known):
                raise UsageError(f"per-file-ignores: unknown rule code or prefix {p!r}", path=cfg_where)
    for p in cfg.severity:
        if not any(c.startswith(p) for c in known):
            raise UsageError(f"severity: unknown rule code or prefix {p!r}", path=cfg_where)

    def best(code: str, prefixes: Sequence[str]) -> int:
        return max((len(p) for p in prefixes if code.startswith(p)), default=-1)

    enabled = set(known)
    for sel, ign, ext, _ in layers:
        if sel is not None:
            enabled = {c for c in known if best(c, sel + ext) > best(c, ign)}
        else:
            enabled = ({c for c in enabled if best(c, ign) < 0 or best(c, ext) > best(c, ign)}
                       | {c for c in known if best(c, ext) > best(c, ign)})
    if not enabled:
        raise UsageError("no rule is selected (check select/ignore)")
    return sorted(enabled)


# -- the localization layer (written alongside; used through this thin adapter) ----------------------
def _l10n():
    """The :mod:`tqcheck.io.l10n` module, or None while it is not installed."""
    try:
        from .io import l10n  # noqa: PLC0415
    except ImportError as e:
        if getattr(e, "name", "") and "l10n" not in str(getattr(e, "name", "")):
            raise
        return None
    if not all(hasattr(l10n, a) for a in ("sniff", "load", "find_source", "check_units")):
        return None  # still being written
    return l10n


_BILINGUAL_HINTS = ("po", "xliff", "xlf", "tmx", "csv", "tsv")


def _is_monolingual(fmt: str) -> bool:
    l10n = _l10n()
    mono = getattr(l10n, "MONOLINGUAL", None) if l10n is not None else None
    if mono is not None:
        return fmt in mono
    f = fmt.lower()
    return not any(f == h or f.startswith(h) for h in _BILINGUAL_HINTS)


def _is_template(path: str, fmt: str) -> bool:
    return fmt.lower() == "pot" or path.lower().endswith(".pot")


def _sniff(path: str) -> str | None:
    l10n = _l10n()
    if l10n is None or not os.path.isfile(path):
        return None
    try:
        return l10n.sniff(path)
    except (TqcheckError, OSError, ValueError):
        return None


def _find_source(path: str) -> str | None:
    l10n = _l10n()
    if l10n is None:
        return None
    try:
        s = l10n.find_source(path)
    except (TqcheckError, OSError, ValueError):
        return None
    return _norm(s) if s else None


# -- paths -----------------------------------------------------------------------------------------
def _norm(path: str) -> str:
    """A path as given, tidied: ``./a//b`` → ``a/b`` (``/`` separators)."""
    p = os.path.normpath(str(path))
    return p.replace(os.sep, "/") if os.sep != "/" else p


def _display(abs_or_rel: str) -> str:
    """How to name a path the gate found itself: relative to the current directory when below
    it, else absolute."""
    r = relpath(abs_or_rel, os.getcwd())
    return r


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _is_venv(d: str) -> bool:
    return os.path.isfile(os.path.join(d, "pyvenv.cfg"))


# -- planning ----------------------------------------------------------------------------------------
@dataclass
class _Task:
    kind: str  # "document" | "pairs" | "l10n"
    path: str  # the translation (or the table)
    source: str | None = None
    src_lang: str | None = None
    tgt_lang: str | None = None
    fmt: str | None = None
    explicit: bool = True


@dataclass
class _Plan:
    tasks: list[_Task] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    warnings: list[GateWarning] = field(default_factory=list)
    skipped: int = 0


class _Planner:
    def __init__(self, options: GateOptions) -> None:
        self.o = options
        self.cfg = options.config
        self.root = self.cfg.root
        self.extra_exclude = [compile_glob(p) for p in options.exclude]
        self.plan = _Plan()
        self._doc_pairs: dict[tuple[str, str], _Task] = {}

    # which files ------------------------------------------------------------------------------
    def rel(self, path: str) -> str:
        return relpath(path, self.root)

    def excluded(self, path: str) -> bool:
        r = self.rel(path)
        return self.cfg.excluded(r) or any(g.matches(r) for g in self.extra_exclude)

    def walk(self, top: str) -> list[str]:
        out = []
        for d, dirs, files in os.walk(top):
            keep = []
            for name in sorted(dirs):
                full = os.path.join(d, name)
                if name.startswith(".") or name in SKIP_DIRS or _is_venv(full) or self.excluded(full):
                    continue
                keep.append(name)
            dirs[:] = keep
            for name in sorted(files):
                full = _norm(os.path.join(d, name))
                if name.startswith(".") or self.excluded(full):
                    continue
                out.append(full)
        return out

    def collect(self, paths: Sequence[str]) -> list[tuple[str, bool]]:
        seen: set[str] = set()
        out: list[tuple[str, bool]] = []

        def add(p: str, explicit: bool) -> None:
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                out.append((p, explicit))

        for raw in paths:
            p = _norm(raw)
            if os.path.isdir(p):
                for f in self.walk(p):
                    add(f, False)
            elif os.path.isfile(p):
                if not self.excluded(p):
                    add(p, True)
            elif _MAGIC.search(str(raw)):
                matches = sorted(_glob.glob(str(raw), recursive=True))
                if not matches:
                    self.plan.errors.append(FileError(str(raw), "no file matches this pattern"))
                for m in matches:
                    m = _norm(m)
                    if os.path.isdir(m):
                        for f in self.walk(m):
                            add(f, False)
                    elif not self.excluded(m):
                        add(m, False)
            elif os.path.lexists(p):
                self.plan.errors.append(FileError(p, "broken symbolic link"))
            else:
                self.plan.errors.append(FileError(p, "no such file or directory"))
        return out

    # documents ---------------------------------------------------------------------------------
    def doc_langs(self, src: str, tgt: str, m: DocumentMapping | None) -> tuple[str | None, str | None]:
        o, c = self.o, self.cfg
        sl = o.src_lang or (m.src_lang if m else None) or c.lang_for(self.rel(src)) or c.src_lang
        tl = o.tgt_lang or (m.tgt_lang if m else None) or c.lang_for(self.rel(tgt))
        return c.alias(sl), c.alias(tl)

    def add_doc_pair(self, src: str, tgt: str, m: DocumentMapping | None, explicit: bool) -> None:
        key = (os.path.abspath(src), os.path.abspath(tgt))
        if key in self._doc_pairs:
            return
        sl, tl = self.doc_langs(src, tgt, m)
        t = _Task("document", tgt, src, sl, tl, explicit=explicit)
        self._doc_pairs[key] = t
        self.plan.tasks.append(t)

    def map_document(self, path: str, explicit: bool) -> bool:
        """Pair a file through the document mappings; False when no mapping covers it."""
        rel = self.rel(path)
        hit = False
        for m in self.cfg.documents:
            for side, own, other in (("source", m.source, m.target), ("target", m.target, m.source)):
                caps = own.match(rel)
                if caps is None:
                    continue
                hit = True
                counterpart = _display(os.path.join(self.root, other.substitute(caps)))
                src, tgt = (path, counterpart) if side == "source" else (counterpart, path)
                if os.path.isfile(counterpart):
                    self.add_doc_pair(src, tgt, m, explicit)
                elif m.missing != "ignore":
                    msg = (f"no translation: {counterpart} does not exist" if side == "source"
                           else f"no source: {counterpart} does not exist (a stale translation?)")
                    self.plan.warnings.append(GateWarning(path, msg, fails=m.missing == "fail"))
        return hit

    # the whole plan ----------------------------------------------------------------------------
    def explicit_pair(self, paths: Sequence[str]) -> bool:
        """Two plain files given alone are SOURCE TRANSLATION (even when one is missing: its
        error is then the only one, as it always was)."""
        if not self.o.pair or len(paths) != 2:
            return False
        for raw in paths:
            p = _norm(raw)
            if os.path.isdir(p) or (not os.path.exists(p) and _MAGIC.search(str(raw))):
                return False
            if p.lower().endswith(TABULAR) or _sniff(p):
                return False
            if self.cfg.documents and any(m.source.match(self.rel(p)) or m.target.match(self.rel(p))
                                          for m in self.cfg.documents):
                return False
        return True

    def build(self, paths: Sequence[str]) -> _Plan:
        if self.explicit_pair(paths):
            s, t = (_norm(p) for p in paths)
            self.add_doc_pair(s, t, None, True)
            return self.plan
        files = self.collect(paths)
        l10n_files: list[tuple[str, str, bool]] = []
        for path, explicit in files:
            if self.cfg.documents and self.map_document(path, explicit):
                continue
            fmt = _sniff(path)
            if path.lower().endswith(TABULAR) and (_has_pairs_header(path) or (explicit and not fmt)):
                # a source/target table: pre-aligned pairs through the document checks (a table the
                # localization readers know, e.g. with language-code columns, goes to them instead)
                self.plan.tasks.append(_Task("pairs", path, path, self.o.src_lang or self.cfg.src_lang,
                                             self.o.tgt_lang or self.cfg.lang_for(self.rel(path)),
                                             explicit=explicit))
                continue
            if fmt:
                l10n_files.append((path, fmt, explicit))
            elif explicit and self.o.pair:
                self.plan.errors.append(FileError(
                    path, "not a localization file, and a document needs its translation: "
                          "give SOURCE TRANSLATION, or map it under [[tool.tqcheck.documents]]"))
            else:
                self.plan.skipped += 1
        self.plan_l10n(l10n_files)
        return self.plan

    def plan_l10n(self, files: list[tuple[str, str, bool]]) -> None:
        sources = {p: _find_source(p) for p, fmt, _ in files if _is_monolingual(fmt)}
        source_set = {os.path.abspath(s) for s in sources.values() if s}
        explicit_mono = [(p, fmt) for p, fmt, ex in files if ex and _is_monolingual(fmt)]
        if (len(explicit_mono) == 2 and explicit_mono[0][1] == explicit_mono[1][1]
                and sources.get(explicit_mono[1][0]) is None and sources.get(explicit_mono[0][0]) is None):
            # tqcheck check base.json de.json: the first is the source of the second
            sources[explicit_mono[1][0]] = explicit_mono[0][0]
            source_set.add(os.path.abspath(explicit_mono[0][0]))
        for path, fmt, explicit in files:
            mono = _is_monolingual(fmt)
            src = sources.get(path)
            if _is_template(path, fmt):
                if explicit:
                    self.plan.warnings.append(GateWarning(path, "a template has no translations; not checked"))
                self.plan.skipped += 1
                continue
            if mono:
                is_source = os.path.abspath(path) in source_set or _same(src, path)
                if not is_source and src is None:
                    is_source = self.is_source_of_sibling(path, fmt)
                if is_source:
                    self.plan.skipped += 1
                    continue
                if src is None and not explicit:
                    if self.looks_like_locale(path):
                        self.plan.warnings.append(GateWarning(
                            path, "no source file found for this resource; not checked "
                                  "(check it with its source: tqcheck check SOURCE TRANSLATION)"))
                    self.plan.skipped += 1
                    continue
                # explicit and still no source: the reader checks it on its own
            tl = self.o.tgt_lang or self.cfg.lang_for(self.rel(path))
            self.plan.tasks.append(_Task("l10n", path, src, self.o.src_lang, tl, fmt, explicit))

    def is_source_of_sibling(self, path: str, fmt: str) -> bool:
        """Whether some sibling resource names this file as its source (``en.json`` beside
        ``tr.json``, ``_locales/en/messages.json`` beside ``_locales/tr/messages.json``)."""
        d = os.path.dirname(path) or "."
        name = os.path.basename(path)
        ext = os.path.splitext(name)[1]
        cands: list[str] = []
        try:
            cands += [os.path.join(d, n) for n in sorted(os.listdir(d)) if n != name and n.endswith(ext)]
            up = os.path.dirname(os.path.abspath(d))
            cands += [os.path.join(up, n, name) for n in sorted(os.listdir(up))
                      if os.path.isfile(os.path.join(up, n, name))]
        except OSError:
            return False
        for c in cands[:200]:
            if _same(c, path):
                continue
            s = _find_source(c)
            if s and _same(s, path):
                return True
        return False

    @staticmethod
    def looks_like_locale(path: str) -> bool:
        stem = os.path.splitext(os.path.basename(path))[0]
        parts = [stem, os.path.basename(os.path.dirname(path))]
        parts += re.split(r"[._]", stem)[-1:]
        return any(_LOCALE_NAME.fullmatch(x or "") for x in parts)


def _has_pairs_header(path: str) -> bool:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            head = f.readline()
    except OSError:
        return False
    cols = [c.strip().strip('"').lower() for c in re.split(r"[,\t;]", head)]
    return "source" in cols and "target" in cols


# -- running -----------------------------------------------------------------------------------------
def check_paths(paths: Sequence[str] = (".",), *, config: "str | Config | bool | None" = None,
                **options: Any) -> ResultSet:
    """Check files, directories and globs as ``tqcheck check PATH...`` does.

    ``config``: None finds ``tqcheck.toml``/``pyproject.toml`` from the current directory
    upwards, a path reads that file, a :class:`Config` is used as it is, False uses none.
    ``options`` are the fields of :class:`GateOptions` (``select``, ``ignore``, ``fail_on``,
    ``baseline``, ``src_lang`` …).

    >>> rs = check_paths(["locale/"], fail_on="minor")          # doctest: +SKIP
    >>> rs.exit_code(), rs.summary()["by_rule"]                   # doctest: +SKIP
    """
    from .config import load_config

    if isinstance(config, Config):
        cfg = config
    elif config is False:
        cfg = Config(root=os.getcwd())
    else:
        cfg = load_config(config if isinstance(config, str) else None)
    return run(list(paths), GateOptions(config=cfg, **options))


def run(paths: Sequence[str], options: GateOptions | None = None) -> ResultSet:
    """Check every path; never raises for a bad input file (it becomes a :class:`FileError`).
    Raises :class:`UsageError` for a bad selection or baseline."""
    o = options or GateOptions()
    cfg = o.config
    codes = resolve_rules(o)
    baseline_path = o.baseline if o.baseline is not None else cfg.baseline
    baseline = Baseline.load(baseline_path) if baseline_path else None
    rs = ResultSet(rules=codes, fail_on=o.fail_on or cfg.fail_on or "major", root=cfg.root)
    plan = _Planner(o).build(list(paths) or ["."])
    rs.errors.extend(plan.errors)
    rs.warnings.extend(plan.warnings)
    o = _with_aligner(o, plan, rs)
    rs.skipped = plan.skipped
    done: list[tuple[FileResult, dict]] = []
    for task, (error, result, notes) in zip(plan.tasks, _run_tasks(plan.tasks, o, codes)):
        if error is not None:
            rs.errors.append(error)
            continue
        if result is None:
            rs.skipped += 1
            continue
        result.explicit = task.explicit
        done.append((result, notes))
    if "TQ520" in codes:
        _add_project_findings([r for r, _ in done])
    for result, notes in done:
        _postprocess(result, notes, cfg, baseline, rs)
        result.units = []  # only needed for the project-level checks
        rs.results.append(result)
    rs.results.sort(key=lambda r: r.path)
    return rs


def _attempt(task: _Task, o: GateOptions, codes: list[str]
             ) -> tuple[FileError | None, FileResult | None, dict]:
    """(error, result, notes) of one task; a broken file becomes its error, never an exception."""
    try:
        # reading and checking one file makes many objects and no reference cycles (the checks
        # are tested for it): the cyclic collector would only rescan the run's earlier results
        # and the language data while they are built (check_units pauses it too)
        with gc_paused():
            result, notes = _execute(task, o, codes)
    except TqcheckError as e:
        return FileError(e.path or task.path, e.message, e.line), None, {}
    except (OSError, MemoryError, RecursionError) as e:
        return FileError(task.path, f"cannot be checked: {type(e).__name__}: {e}"), None, {}
    except Exception as e:  # one broken file never stops the run
        if os.environ.get("TQCHECK_DEBUG"):
            raise
        return FileError(task.path, f"internal error while checking: {type(e).__name__}: {e} "
                                    "(set TQCHECK_DEBUG=1 for details)"), None, {}
    return None, result, notes


#: (tasks, options, codes) of the parallel run in progress; forked workers inherit it
_JOB: tuple | None = None


def _attempt_nth(k: int):
    tasks, o, codes = _JOB  # type: ignore[misc]
    return _attempt(tasks[k], o, codes)


def _run_tasks(tasks: list[_Task], o: GateOptions, codes: list[str]) -> list[tuple]:
    """:func:`_attempt` for every task, in task order. With ``o.jobs`` other than 1 and several
    tasks, the files are checked in that many forked processes (0: one per CPU) and the results
    come back in the same order, so the output is the same as a run in one process. Where
    ``fork`` is missing or unsafe (Windows, macOS) the tasks run here, one after the other."""
    global _JOB
    import multiprocessing
    import sys

    jobs = o.jobs if o.jobs > 0 else (os.cpu_count() or 1)
    jobs = min(jobs, len(tasks))
    if jobs <= 1 or sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return [_attempt(t, o, codes) for t in tasks]
    from concurrent.futures import ProcessPoolExecutor

    _JOB = (tasks, o, codes)  # workers are forked: nothing but the task number is pickled
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as ex:
            return list(ex.map(_attempt_nth, range(len(tasks))))
    finally:
        _JOB = None


def _add_project_findings(results: list[FileResult]) -> None:
    """TQ520 across the localization files of the run (same target language): an entry whose
    source another file translates differently. An entry the in-file check already reported
    is not reported twice."""
    from .checks.l10n_project import project_findings

    files = [(r.path, r.kind, r.src_lang, r.tgt_lang, r.units) for r in results if r.units]
    if len(files) < 2:
        return
    by_path = {r.path: r for r in results}
    for path, new in project_findings(files).items():
        r = by_path[path]
        seen = {f.entry for f in r.findings if f.rule == "TQ520"}
        new = [f for f in new if f.entry not in seen]
        if not new:
            continue
        line = lambda f: f.target_line or f.source_line or 0  # noqa: E731
        r.findings = sorted(r.findings + new, key=line)
        if r.report is not None and hasattr(r.report, "findings"):
            try:
                r.report = replace(r.report, findings=r.findings)
            except TypeError:
                pass


def _with_aligner(o: GateOptions, plan: _Plan, rs: ResultSet) -> GateOptions:
    """Options with the run's aligner and model resolved (flags beat the configuration). The
    model is checked once, before any file, when a document pair will use it; the aligner has
    no effect on pair tables and localization files (matched by row or key), which a note says
    when the flags were given for nothing else."""
    import dataclasses

    docs = any(t.kind == "document" for t in plan.tasks)
    flags = o.aligner is not None or o.model is not None
    if o.dictionary is not None and plan.tasks and not docs:
        rs.warnings.append(GateWarning(None, "--dictionary applies to document pairs only; pair "
                                             "tables and localization files are matched by row or key"))
    if not docs and not flags:
        return o  # the configuration's aligner does not matter here
    aligner, model = o.config.aligner_for(o.aligner, o.model)
    if aligner == "embeddings" and docs:
        from .align.embeddings import check_model_path

        check_model_path(model)
    dictionary = o.dictionary if o.dictionary is not None else o.config.dictionary
    if dictionary is not None and docs:
        from .align.dictionary import load_all

        load_all(dictionary)  # before any file: one line, exit 2
    if (o.aligner or o.model) and plan.tasks and not docs:
        rs.warnings.append(GateWarning(None, "--aligner/--model apply to document pairs only; pair "
                                             "tables and localization files are matched by row or key"))
    return dataclasses.replace(o, aligner=aligner, model=model, dictionary=dictionary)


def _execute(task: _Task, o: GateOptions, codes: list[str]) -> tuple[FileResult | None, dict]:
    from . import api

    if task.kind == "document":
        rep = api.check_files(task.source, task.path, task.src_lang, task.tgt_lang,
                              encoding=o.encoding, src_encoding=o.src_encoding,
                              tgt_encoding=o.tgt_encoding, select=codes, lines=o.lines,
                              progress=o.progress, max_bytes=o.max_bytes, aligner=o.aligner,
                              model=o.model, dictionary=o.dictionary)
        return FileResult(task.path, "document", task.source, rep.src_lang, rep.tgt_lang,
                          list(rep.findings), len(rep.beads), rep), {}
    if task.kind == "pairs":
        rows, first = read_pairs(task.path, o.encoding, o.max_bytes)
        rep = api.check_pairs(rows, task.src_lang, task.tgt_lang, select=codes, path=task.path, lines=first)
        return FileResult(task.path, "pairs", task.path, rep.src_lang, rep.tgt_lang,
                          list(rep.findings), len(rep.beads), rep), {}
    l10n = _l10n()
    uf = l10n.load(task.path, source_path=task.source, src_lang=task.src_lang, tgt_lang=task.tgt_lang)
    cfg = o.config
    if getattr(uf, "src_lang", None) is None and cfg.src_lang:
        _set(uf, "src_lang", cfg.src_lang)
    for attr in ("src_lang", "tgt_lang"):
        v = getattr(uf, attr, None)
        if v and cfg.alias(v) != v:
            _set(uf, attr, cfg.alias(v))
    if not task.explicit and _same_language(getattr(uf, "src_lang", None), getattr(uf, "tgt_lang", None)):
        return None, {}  # the source-language copy of a bilingual file (validators.en.xlf)
    # the structure/completeness family (TQ1xx) is about documents, not entries: check_units
    # leaves it out by ignoring "TQ1", which an exact list of codes would override
    kwargs: dict[str, Any] = {"select": [c for c in codes if not c.startswith("TQ1")] or codes}
    if cfg.glossary and _accepts(l10n.check_units, "glossary"):
        kwargs["glossary"] = cfg.glossary
    rep = l10n.check_units(uf, **kwargs)
    units = list(getattr(uf, "units", []) or [])
    notes = {}
    for u in units:
        n = getattr(u, "notes", None)
        if n:
            notes[getattr(u, "id", None)] = n
    src_path = task.source or getattr(uf, "source_path", None) or task.path
    return FileResult(task.path, getattr(uf, "format", None) or task.fmt or "l10n", _norm(src_path),
                      getattr(uf, "src_lang", None), getattr(uf, "tgt_lang", None),
                      list(rep.findings), len(units), rep, units=units), notes


def _set(obj: Any, attr: str, value: Any) -> None:
    try:
        setattr(obj, attr, value)
    except (AttributeError, TypeError):  # a frozen dataclass
        object.__setattr__(obj, attr, value)


def _same_language(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a.replace("_", "-").lower() == b.replace("_", "-").lower()


def _accepts(func: Any, name: str) -> bool:
    import inspect

    try:
        return name in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


def _postprocess(result: FileResult, notes: dict, cfg: Config, baseline: Baseline | None,
                 rs: ResultSet) -> None:
    """Inline suppressions → per-file-ignores → severity overrides → baseline."""
    markers: dict[Any, tuple[bool, list[str]]] = {}
    for entry, n in notes.items():
        everything, prefixes, bad = parse_inline(n)
        if everything or prefixes:
            markers[entry] = (everything, prefixes)
        for b in bad:
            rs.warnings.append(GateWarning(result.path, f"entry {_short(entry)}: {b!r} in a "
                                                        "'tqcheck: ignore[...]' comment is not a rule code"))
    kept: list[Finding] = []
    for f in result.findings:
        m = markers.get(f.entry) if f.entry is not None else None
        if m is not None and inline_suppressed(f, *m):
            result.suppressed_inline += 1
            continue
        kept.append(f)
    ignored = cfg.ignored_for(relpath(result.path, cfg.root))
    if result.kind == "document" and result.source_path:
        ignored += cfg.ignored_for(relpath(result.source_path, cfg.root))
    if ignored:
        kept = [f for f in kept if not any(f.rule.startswith(p) for p in ignored)]
    if cfg.severity:
        out = []
        for f in kept:
            s = cfg.severity_for(f.rule)
            out.append(replace(f, severity=s) if s is not None and s is not f.severity else f)
        kept = out
    if baseline is not None:
        kept, result.baselined = baseline.filter(kept)
    result.findings = kept
    if result.report is not None and hasattr(result.report, "findings"):
        try:
            result.report = replace(result.report, findings=kept)
        except TypeError:
            pass


def _short(entry: Any, width: int = 40) -> str:
    s = repr(str(entry).replace("\x04", " | "))
    return s if len(s) <= width else s[: width - 2] + "…'"


# -- tables --------------------------------------------------------------------------------------
def read_pairs(path: str, encoding: str | None, max_bytes: int) -> tuple[list[tuple[str, str]], list[int]]:
    """Rows of a source/target table, with the file line where each row starts."""
    from .io.text import read_text

    text, _ = read_text(path, encoding=encoding, max_bytes=max_bytes)
    dialect = "excel-tab" if path.lower().endswith(".tsv") else "excel"
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, dialect=dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("file is empty", path=path) from None
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=path, line=1) from None
    cols = [h.strip().lower() for h in header]
    if "source" not in cols or "target" not in cols:
        raise InputError(f"needs 'source' and 'target' columns, found: {', '.join(header)}", path=path, line=1)
    si, ti = cols.index("source"), cols.index("target")
    rows, first = [], []
    start = reader.line_num + 1
    try:
        for rec in reader:
            if rec and any(x.strip() for x in rec):
                if len(rec) <= max(si, ti):
                    raise InputError(f"row has {len(rec)} columns, expected at least {max(si, ti) + 1}",
                                     path=path, line=start)
                rows.append((rec[si], rec[ti]))
                first.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=path, line=start) from None
    if not rows:
        raise InputError("no rows after the header", path=path, line=2)
    return rows, first
