"""Project configuration: ``[tool.tqcheck]`` in ``pyproject.toml`` or a ``tqcheck.toml``.

The file is searched from the current directory upwards; in one directory ``tqcheck.toml`` wins
over ``pyproject.toml`` (which counts only when it has a ``[tool.tqcheck]`` table). In
``tqcheck.toml`` the keys stand at the top level (a ``[tool.tqcheck]`` table is accepted too).
Relative paths and globs in the file are relative to the file's directory (the project root).

Every key (kebab-case; ``snake_case`` is accepted as well)::

    select = ["TQ"]                  # rules by code or prefix ("TQ2", "TQ5xx", "TQ301", "ALL")
    ignore = ["TQ403"]
    extend-select = ["TQ9"]          # add to the selection instead of replacing it
    fail-on = "major"                # critical | major | minor | info | never
    src-lang = "en"                  # language of the source texts when a file does not say
    glossary = "glossary.csv"        # CSV or TBX glossary for the terminology check
    baseline = "tqcheck-baseline.json"
    exclude = ["vendor/", "*.pot"]   # besides hidden directories, node_modules, venvs …
    aligner = "embeddings"           # banded (default) | embeddings; document pairs only
    model = "models/LaBSE"           # a sentence-transformers model on disk (implies embeddings)
    [tool.tqcheck.per-file-ignores]
    "locale/ja/**" = ["TQ51"]
    [tool.tqcheck.severity]
    TQ402 = "minor"                  # code or prefix -> critical | major | minor | info
    [tool.tqcheck.languages]
    "pt-BR" = "pt"                   # a language tag -> the tag to check it as
    "l10n/zh_Hant/**" = "zh-Hant"    # a path glob -> the language of those files
    [[tool.tqcheck.documents]]
    source = "docs/en/**/*.md"
    target = "docs/tr/**/*.md"       # same wildcards as source; may use {lang} with langs = [...]
    # src-lang, tgt-lang, langs = ["de", "fr"], missing = "warn" | "fail" | "ignore"

Any unknown key or bad value is a :class:`~tqcheck.errors.UsageError` naming the file and,
where it can be found, the line.
"""
from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from .errors import UsageError
from .findings import Severity
from .globs import Glob, GlobError, compile_glob, relpath

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Config", "DocumentMapping", "find_config", "load_config", "parse_config",
           "normalize_code", "FAIL_ON", "CONFIG_NAMES"]

#: names searched in each directory, in order of precedence
CONFIG_NAMES = ("tqcheck.toml", "pyproject.toml")
FAIL_ON = ("critical", "major", "minor", "info", "never")
SEVERITIES = tuple(s.value for s in Severity)
MISSING = ("warn", "fail", "ignore")

_KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "severity", "fail-on",
         "glossary", "languages", "documents", "exclude", "src-lang", "baseline", "aligner", "model",
         "dictionary")
_DOC_KEYS = ("source", "target", "src-lang", "tgt-lang", "langs", "missing")
_CODE = re.compile(r"TQ\d{0,3}")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class DocumentMapping:
    """One ``[[documents]]`` entry (after ``{lang}`` expansion): a source and a target glob with
    the same wildcards."""

    source: Glob
    target: Glob
    src_lang: str | None = None
    tgt_lang: str | None = None
    #: what a source without a translation (or a translation without a source) is: a warning,
    #: a failure of the run (exit 1), or nothing
    missing: str = "warn"


@dataclass
class Config:
    """The settings of one project. Empty (``Config()``) when there is no configuration file."""

    path: str | None = None
    root: str = "."
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: list[tuple[Glob, list[str]]] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    glossary: str | None = None
    #: a bilingual word list (or one per language pair) for the aligner and the checks of
    #: document pairs
    dictionary: str | list[str] | None = None
    src_lang: str | None = None
    lang_aliases: dict[str, str] = field(default_factory=dict)
    lang_globs: list[tuple[Glob, str]] = field(default_factory=list)
    documents: list[DocumentMapping] = field(default_factory=list)
    exclude: list[Glob] = field(default_factory=list)
    baseline: str | None = None
    #: the sentence aligner of document pairs (``banded`` | ``embeddings``) and its model folder
    aligner: str | None = None
    model: str | None = None

    # -- lookups ------------------------------------------------------------------------------
    def alias(self, lang: str | None) -> str | None:
        """The tag a language is checked as (``languages = {"pt-BR" = "pt"}``)."""
        if not lang:
            return lang
        return self.lang_aliases.get(_tag_key(lang), lang)

    def lang_for(self, rel: str) -> str | None:
        """The language ``languages`` gives a root-relative path (the first matching glob)."""
        for g, lang in self.lang_globs:
            if g.matches(rel):
                return lang
        return None

    def severity_for(self, code: str) -> Severity | None:
        """The overridden severity of a rule (longest matching prefix), else None."""
        best, sev = -1, None
        for prefix, s in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, sev = len(prefix), s
        return sev

    def ignored_for(self, rel: str) -> list[str]:
        """Codes and prefixes ``per-file-ignores`` switches off for a root-relative path."""
        out: list[str] = []
        for g, codes in self.per_file_ignores:
            if g.matches(rel):
                out.extend(codes)
        return out

    def excluded(self, rel: str) -> bool:
        return any(g.matches(rel) for g in self.exclude)

    def aligner_for(self, aligner: str | None = None, model: str | None = None) -> tuple[str, str | None]:
        """The aligner and model of a run: the command line's ``--aligner``/``--model`` beat the
        file's ``aligner``/``model`` (``--aligner banded`` drops the file's model; ``--model``
        alone, here or in the file, means ``embeddings``). A :class:`UsageError` for a
        contradiction or an unknown aligner."""
        from .pipeline import resolve_aligner

        if aligner is None and model is None:
            aligner, model = self.aligner, self.model
        elif aligner is not None and aligner.strip().lower() == "embeddings" and model is None:
            model = self.model
        return resolve_aligner(aligner, model), model


def _tag_key(tag: str) -> str:
    return tag.strip().replace("_", "-").lower()


def normalize_code(text: str) -> str:
    """``"tq5xx"`` → ``"TQ5"``, ``"ALL"`` → ``"TQ"``, ``" TQ201 "`` → ``"TQ201"``.
    Raises ValueError for anything that is not a rule code or prefix."""
    c = text.strip().upper()
    if c == "ALL":
        return "TQ"
    c = c.rstrip("X") if c.startswith("TQ") else c
    if not _CODE.fullmatch(c):
        raise ValueError(text)
    return c


# -- finding and reading the file ------------------------------------------------------------------
def find_config(start: str | None = None) -> str | None:
    """The configuration file that applies in ``start`` (default: the current directory):
    the nearest ``tqcheck.toml``, or ``pyproject.toml`` with a ``[tool.tqcheck]`` table."""
    d = os.path.abspath(start or os.getcwd())
    while True:
        for name in CONFIG_NAMES:
            p = os.path.join(d, name)
            if os.path.isfile(p):
                if name == "tqcheck.toml" or _has_tool_table(p):
                    return p
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return False
    if b"tqcheck" not in raw:
        return False
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # a broken pyproject.toml that mentions tqcheck is reported by load_config
        return bool(re.search(rb"^\s*\[\s*tool\.tqcheck\b", raw, re.M))
    return isinstance(data.get("tool"), dict) and "tqcheck" in data["tool"]


def load_config(path: str | None = None, *, start: str | None = None) -> Config:
    """Read the configuration file at ``path``, or the one :func:`find_config` finds; an empty
    :class:`Config` rooted at the current directory when there is none."""
    if path is None:
        path = find_config(start)
        if path is None:
            return Config(root=os.path.abspath(start or os.getcwd()))
    path = relpath(path, os.getcwd()) if os.path.isabs(path) else path
    if not os.path.isfile(path):
        raise UsageError("configuration file not found", path=path)
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except OSError as e:
        raise UsageError(f"cannot read configuration: {e.strerror or e}", path=path) from None
    except UnicodeDecodeError as e:
        raise UsageError(f"configuration is not UTF-8 (byte {e.start})", path=path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) or "syntax error"
        raise UsageError(f"invalid TOML: {msg}", path=path, line=line) from None
    name = os.path.basename(path)
    table: Any
    if name == "pyproject.toml" or ("tool" in data and set(data) == {"tool"}):
        table = data.get("tool", {}).get("tqcheck") if isinstance(data.get("tool"), dict) else None
        if table is None:
            if name == "pyproject.toml":
                raise UsageError("no [tool.tqcheck] table", path=path)
            table = {}
        section = "[tool.tqcheck]"
    else:
        table = data
        section = name
    if not isinstance(table, dict):
        raise UsageError(f"{section} must be a table", path=path)
    return parse_config(table, path=path, root=os.path.dirname(os.path.abspath(path)), text=text,
                        section=section)


# -- validation ----------------------------------------------------------------------------------
class _Checker:
    def __init__(self, path: str | None, text: str | None, section: str) -> None:
        self.path = path
        self.text = text or ""
        self.section = section

    def line_of(self, key: str) -> int | None:
        """The first line that assigns ``key`` (best effort: TOML parsers give no positions)."""
        if not self.text:
            return None
        k = re.escape(key)
        rx = re.compile(rf'^\s*(?:"{k}"|\'{k}\'|{k})\s*=|^\s*\[\[?\s*(?:tool\.tqcheck\.)?{k}\s*\]', re.M)
        m = rx.search(self.text)
        return self.text.count("\n", 0, m.start()) + 1 if m else None

    def fail(self, key: str, message: str) -> UsageError:
        return UsageError(message, path=self.path, line=self.line_of(key))

    def strings(self, key: str, value: Any, what: str = "a list of strings") -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return self._bad(key, value, what)
        return list(value)

    def codes(self, key: str, value: Any) -> list[str]:
        out = []
        for v in self.strings(key, value, 'a list of rule codes or prefixes, e.g. ["TQ2", "TQ301"]'):
            try:
                out.append(normalize_code(v))
            except ValueError:
                raise self.fail(key, f"{key}: {v!r} is not a rule code or prefix (like TQ2 or TQ301)") from None
        return out

    def string(self, key: str, value: Any, what: str = "a string") -> str:
        if not isinstance(value, str) or not value.strip():
            return self._bad(key, value, what)
        return value.strip()

    def lang(self, key: str, value: Any) -> str:
        v = self.string(key, value, 'a language tag like "tr" or "pt-BR"')
        if not _LANG_TAG.fullmatch(v):
            raise self.fail(key, f"{key}: {v!r} is not a language tag (like \"tr\" or \"pt-BR\")")
        return v

    def glob(self, key: str, pattern: str, *, anchored: bool = False) -> Glob:
        try:
            return compile_glob(pattern, anchored=anchored)
        except GlobError as e:
            raise self.fail(key, f"{key}: {e}") from None

    def table(self, key: str, value: Any) -> dict:
        if not isinstance(value, dict):
            return self._bad(key, value, "a table")
        return value

    def unknown(self, where: str, key: str, allowed: tuple[str, ...]) -> UsageError:
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(allowed)})"
        return self.fail(key, f"unknown key {key!r} in {where}{hint}")

    def _bad(self, key: str, value: Any, what: str):
        shown = repr(value)
        if len(shown) > 40:
            shown = shown[:39] + "…"
        raise self.fail(key, f"{key} must be {what}, not {shown}")


def _canon_key(k: str) -> str:
    return k.replace("_", "-")


def parse_config(table: dict, *, path: str | None = None, root: str = ".", text: str | None = None,
                 section: str = "[tool.tqcheck]") -> Config:
    """Validate a configuration table (already parsed from TOML) into a :class:`Config`."""
    ck = _Checker(path, text, section)
    cfg = Config(path=path, root=os.path.abspath(root))
    seen: set[str] = set()
    for raw_key, value in table.items():
        key = _canon_key(raw_key)
        if key not in _KEYS:
            raise ck.unknown(section, raw_key, _KEYS)
        if key in seen:
            raise ck.fail(raw_key, f"{raw_key!r} is given twice (as kebab-case and snake_case)")
        seen.add(key)
        if key == "select":
            cfg.select = ck.codes(raw_key, value)
        elif key == "ignore":
            cfg.ignore = ck.codes(raw_key, value)
        elif key == "extend-select":
            cfg.extend_select = ck.codes(raw_key, value)
        elif key == "per-file-ignores":
            for pat, codes in ck.table(raw_key, value).items():
                cfg.per_file_ignores.append((ck.glob(raw_key, pat), ck.codes(raw_key, codes)))
        elif key == "severity":
            for code, sev in ck.table(raw_key, value).items():
                try:
                    c = normalize_code(code)
                except ValueError:
                    raise ck.fail(raw_key, f"severity: {code!r} is not a rule code or prefix") from None
                if not isinstance(sev, str) or sev.lower() not in SEVERITIES:
                    raise ck.fail(raw_key, f"severity of {code} must be one of {', '.join(SEVERITIES)}, "
                                           f"not {sev!r}")
                cfg.severity[c] = Severity(sev.lower())
        elif key == "fail-on":
            v = ck.string(raw_key, value)
            if v.lower() not in FAIL_ON:
                raise ck.fail(raw_key, f"fail-on must be one of {', '.join(FAIL_ON)}, not {v!r}")
            cfg.fail_on = v.lower()
        elif key == "glossary":
            g = _path(cfg.root, ck.string(raw_key, value, "a file path"))
            if not os.path.isfile(g):
                raise ck.fail(raw_key, f"glossary file not found: {g}")
            cfg.glossary = g
        elif key == "baseline":
            cfg.baseline = _path(cfg.root, ck.string(raw_key, value, "a file path"))
        elif key == "src-lang":
            cfg.src_lang = ck.lang(raw_key, value)
        elif key == "aligner":
            from .pipeline import ALIGNERS

            v = ck.string(raw_key, value, 'one of "banded", "embeddings"').lower()
            if v not in ALIGNERS:
                raise ck.fail(raw_key, f"aligner must be one of {', '.join(ALIGNERS)}, not {value!r}")
            cfg.aligner = v
        elif key == "dictionary":
            # one word list, or one per language pair
            from .align.dictionary import AUTO

            paths = [v if v == AUTO else _path(cfg.root, v)
                     for v in (ck.strings(raw_key, value) if isinstance(value, list)
                               else [ck.string(raw_key, value, "the path of a bilingual word list")])]
            for d in paths:
                if d != AUTO and not os.path.isfile(d):
                    raise ck.fail(raw_key, f"dictionary file not found: {d}")
            cfg.dictionary = paths if isinstance(value, list) else paths[0]
        elif key == "model":
            cfg.model = _path(cfg.root, ck.string(raw_key, value, "the folder of a sentence-transformers model"))
        elif key == "exclude":
            cfg.exclude = [ck.glob(raw_key, p) for p in ck.strings(raw_key, value)]
        elif key == "languages":
            for k, v in ck.table(raw_key, value).items():
                lang = ck.lang(raw_key, v)
                if _LANG_TAG.fullmatch(k) and not any(ch in k for ch in "/*?[."):
                    cfg.lang_aliases[_tag_key(k)] = lang
                else:
                    cfg.lang_globs.append((ck.glob(raw_key, k), lang))
        elif key == "documents":
            cfg.documents = _documents(ck, raw_key, value)
    if cfg.aligner == "banded" and cfg.model is not None:
        raise ck.fail("model", 'model is used only by aligner = "embeddings" (drop one of them)')
    return cfg


def _path(root: str, p: str) -> str:
    p = os.path.expanduser(p)
    return os.path.normpath(p if os.path.isabs(p) else os.path.join(root, p))


def _documents(ck: _Checker, key: str, value: Any) -> list[DocumentMapping]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        ck._bad(key, value, 'an array of tables: [[tool.tqcheck.documents]] source = "…" target = "…"')
    out = []
    for i, entry in enumerate(value, 1):
        where = f"documents entry {i}"
        d: dict[str, Any] = {}
        for k, v in entry.items():
            ck_k = _canon_key(k)
            if ck_k not in _DOC_KEYS:
                raise ck.unknown(where, k, _DOC_KEYS)
            d[ck_k] = v
        for req in ("source", "target"):
            if req not in d:
                raise ck.fail(key, f"{where}: needs {req!r} (a glob such as \"docs/en/**/*.md\")")
        src = ck.string(key, d["source"], "a glob")
        tgt = ck.string(key, d["target"], "a glob")
        langs = ck.strings(key, d["langs"]) if "langs" in d else []
        for lang in langs:
            ck.lang(key, lang)
        missing = d.get("missing", "warn")
        if missing not in MISSING:
            raise ck.fail(key, f"{where}: missing must be one of {', '.join(MISSING)}, not {missing!r}")
        src_lang = ck.lang(key, d["src-lang"]) if "src-lang" in d else None
        tgt_lang = ck.lang(key, d["tgt-lang"]) if "tgt-lang" in d else None
        if "{lang}" in tgt and not langs:
            raise ck.fail(key, f"{where}: target uses {{lang}}, so it needs langs = [\"…\"]")
        if langs and "{lang}" not in tgt:
            raise ck.fail(key, f"{where}: langs is given, so target must contain {{lang}}")
        if langs and tgt_lang:
            raise ck.fail(key, f"{where}: give either tgt-lang or langs, not both")
        sg = ck.glob(key, src, anchored=True)
        for lang in (langs or [None]):
            t = tgt.replace("{lang}", lang) if lang else tgt
            tg = ck.glob(key, t, anchored=True)
            if _kinds(sg) != _kinds(tg):
                raise ck.fail(key, f"{where}: source {src!r} and target {t!r} must have the same "
                                   f"wildcards in the same order ({' '.join(sg.wildcards) or 'none'} "
                                   f"vs {' '.join(tg.wildcards) or 'none'})")
            if not sg.wildcards and sg.pattern == tg.pattern:
                raise ck.fail(key, f"{where}: source and target are the same file")
            out.append(DocumentMapping(sg, tg, src_lang, lang or tgt_lang, missing))
    return out


def _kinds(g: Glob) -> tuple[str, ...]:
    return tuple("[]" if w.startswith("[") else w for w in g.wildcards)
