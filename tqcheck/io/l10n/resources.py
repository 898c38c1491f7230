"""Monolingual resource files, paired by key with their source-language file.

Formats: JSON (flat and nested, i18next ``key_one``/``key_other`` plurals,
Flutter ARB ``@key`` metadata), Chrome/WebExtension ``messages.json``, YAML
(Rails-style with a locale root key, or flat/nested), Java ``.properties``,
Android ``strings.xml`` (``<string>``, ``<plurals>``, ``<string-array>``) and
Apple ``.strings``.

Each reader returns :class:`Entry` records (key, text, line, notes) in file
order; :func:`pair` matches a target file's entries with the source file's by
key. Nested keys are dotted paths (``menu.file.open``), array items
``key[0]``. Plural families (Android ``<plurals>``, i18next suffixes, Rails
``one:``/``other:`` leaves) become one plural unit whose ``plural_tags`` name
the CLDR category of each form.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring

from .base import (PLURAL_TAGS, LineIndex, Unit, UnitFile, decode, error, lang_from_path,
                   parse_lang, read_bytes)
from .xmltree import Comment, Node, parse


@dataclass
class Entry:
    key: str
    text: str
    line: int | None
    notes: list[str] = field(default_factory=list)
    #: CLDR category when the entry is one form of a plural family
    tag: str | None = None
    #: the family's key (the Android ``<plurals>`` name, the i18next key without ``_one``)
    base: str | None = None
    max_length: int | None = None


@dataclass
class Resource:
    path: str
    format: str
    entries: list[Entry]
    lang: str | None = None


# -- JSON --------------------------------------------------------------------------------------------
class _JStr(str):
    """A JSON string that remembers the file offset where it starts."""

    pos: int = 0


_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_MAX_DEPTH = 200


class _JSONParser:
    """A strict JSON parser that keeps the offset of every string and the order of keys."""

    def __init__(self, text: str, path: str) -> None:
        self.s = text
        self.path = path
        self.lines = LineIndex(text)

    def fail(self, msg: str, pos: int) -> None:
        pos = min(pos, len(self.s))
        raise error(f"malformed JSON: {msg}", self.path, self.lines.line(pos), self.lines.column(pos))

    def parse(self):
        pos = _WS.match(self.s, 0).end()
        val, pos = self.value(pos, 0)
        pos = _WS.match(self.s, pos).end()
        if pos != len(self.s):
            self.fail("extra data after the top-level value", pos)
        return val

    def value(self, pos: int, depth: int):
        if depth > _MAX_DEPTH:
            self.fail("nesting too deep", pos)
        s = self.s
        if pos >= len(s):
            self.fail("unexpected end of file", pos)
        c = s[pos]
        if c == '"':
            try:
                v, end = scanstring(s, pos + 1, True)
            except json.JSONDecodeError as err:
                self.fail(err.msg.lower(), err.pos)
            out = _JStr(v)
            out.pos = pos + 1
            return out, end
        if c == "{":
            obj: list[tuple[_JStr, object]] = []
            pos = _WS.match(s, pos + 1).end()
            if pos < len(s) and s[pos] == "}":
                return _JObj(obj), pos + 1
            while True:
                if pos >= len(s) or s[pos] != '"':
                    self.fail("expected a key in double quotes", pos)
                key, pos = self.value(pos, depth + 1)
                pos = _WS.match(s, pos).end()
                if pos >= len(s) or s[pos] != ":":
                    self.fail("expected ':' after a key", pos)
                pos = _WS.match(s, pos + 1).end()
                val, pos = self.value(pos, depth + 1)
                obj.append((key, val))
                pos = _WS.match(s, pos).end()
                if pos < len(s) and s[pos] == ",":
                    pos = _WS.match(s, pos + 1).end()
                    if pos < len(s) and s[pos] == "}":
                        self.fail("trailing comma before '}'", pos)
                    continue
                if pos < len(s) and s[pos] == "}":
                    return _JObj(obj), pos + 1
                self.fail("expected ',' or '}'", pos)
        if c == "[":
            arr: list = []
            pos = _WS.match(s, pos + 1).end()
            if pos < len(s) and s[pos] == "]":
                return arr, pos + 1
            while True:
                val, pos = self.value(pos, depth + 1)
                arr.append(val)
                pos = _WS.match(s, pos).end()
                if pos < len(s) and s[pos] == ",":
                    pos = _WS.match(s, pos + 1).end()
                    continue
                if pos < len(s) and s[pos] == "]":
                    return arr, pos + 1
                self.fail("expected ',' or ']'", pos)
        for lit, v in (("true", True), ("false", False), ("null", None)):
            if s.startswith(lit, pos):
                return v, pos + len(lit)
        m = _NUMBER.match(s, pos)
        if m and m.end() > pos:
            return float(m.group(0)), m.end()
        self.fail(f"unexpected character {c!r}", pos)


class _JObj(list):
    """A JSON object as an ordered list of (key, value) pairs (duplicates kept)."""

    def get(self, key: str, default=None):
        for k, v in reversed(self):
            if k == key:
                return v
        return default

    def keys(self):
        return [k for k, _ in self]


_LIMIT = re.compile(r"(?i)\b(?:limited\s+to|at\s+most|max(?:imum)?(?:\s+length)?(?:\s+of)?:?)\s+"
                    r"(\d{1,5})\s+(?:characters|chars)\b")


def limit_from_notes(notes: list[str]) -> int | None:
    """A length limit a developer wrote in a note: "LIMITED TO 132 CHARACTERS",
    "max 40 characters", "maximum length: 20 chars"."""
    for n in notes:
        m = _LIMIT.search(n)
        if m:
            return int(m.group(1))
    return None


def _is_chrome(obj) -> bool:
    vals = [v for _, v in obj]
    if not vals:
        return False
    msgs = sum(1 for v in vals if isinstance(v, _JObj) and isinstance(v.get("message"), str))
    return msgs >= max(1, 0.8 * len(vals))


def read_json(path: str, text: str) -> Resource:
    p = _JSONParser(text, path)
    root = p.parse()
    li = p.lines
    if not isinstance(root, _JObj):
        raise error("a localization JSON file must hold an object at the top", path, 1)
    entries: list[Entry] = []
    if _is_chrome(root):
        for k, v in root:
            if not isinstance(v, _JObj):
                continue
            msg = v.get("message")
            if not isinstance(msg, _JStr):
                continue
            desc = v.get("description")
            notes = [str(desc)] if isinstance(desc, str) and desc.strip() else []
            entries.append(Entry(str(k), str(msg), li.line(msg.pos), notes,
                                 max_length=limit_from_notes(notes)))
        return Resource(path, "chrome-json", entries)
    lang = None
    meta: dict[str, list[str]] = {}
    for k, v in root:
        if k == "@@locale" and isinstance(v, str):
            lang = parse_lang(str(v))
        elif k.startswith("@") and not k.startswith("@@") and isinstance(v, _JObj):
            d = v.get("description")
            if isinstance(d, str) and d.strip():
                meta[k[1:]] = [str(d)]

    def walk(node, prefix: str) -> None:
        if isinstance(node, _JStr):
            notes = meta.get(prefix, [])
            entries.append(Entry(prefix, str(node), li.line(node.pos), list(notes),
                                 max_length=limit_from_notes(notes)))
        elif isinstance(node, _JObj):
            for k, v in node:
                if not prefix and k.startswith("@"):
                    continue
                walk(v, f"{prefix}.{k}" if prefix else str(k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{prefix}[{i}]")

    walk(root, "")
    _mark_plurals(entries, "_")
    return Resource(path, "json", entries, lang)


def plural_families(entries: list[Entry], sep: str) -> set[str]:
    """Keys ending in ``{sep}one``/``{sep}other`` … (i18next v4, Rails) whose family has an
    ``other`` form and at least one more category."""
    fams: dict[str, set[str]] = {}
    for e in entries:
        base, s, tag = e.key.rpartition(sep)
        if s and base and tag in PLURAL_TAGS:
            fams.setdefault(base, set()).add(tag)
    return {b for b, tags in fams.items() if "other" in tags and len(tags) >= 2}


def _mark_plurals(entries: list[Entry], sep: str, good: set[str] | None = None) -> None:
    """Mark the members of plural families (found in ``entries`` or given) as plural forms."""
    if good is None:
        good = plural_families(entries, sep)
    for e in entries:
        base, s, tag = e.key.rpartition(sep)
        if s and base in good and tag in PLURAL_TAGS:
            e.base, e.tag = base, tag


# -- YAML --------------------------------------------------------------------------------------------
_MAX_YAML_NODES = 200_000


def read_yaml(path: str, text: str) -> Resource:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise error(f"malformed YAML: {err.problem or err.context}", path,
                    mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise error(f"malformed YAML: {err}", path) from None
    if root is None:
        return Resource(path, "yaml", [])
    if not isinstance(root, yaml.MappingNode):
        raise error("a localization YAML file must hold a mapping at the top", path,
                    root.start_mark.line + 1)
    lang = None
    if len(root.value) == 1:
        k, v = root.value[0]
        if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.MappingNode) and parse_lang(k.value):
            lang = parse_lang(k.value)
            root = v
    entries: list[Entry] = []
    budget = [_MAX_YAML_NODES]

    def walk(node, prefix: str) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise error("YAML file expands to too many nodes (alias expansion attack?)", path,
                        node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":str") and prefix:
                line = node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)
                entries.append(Entry(prefix, node.value, line))
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = str(k.value) if isinstance(k, yaml.ScalarNode) else "?"
                walk(v, f"{prefix}.{key}" if prefix else key)
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, f"{prefix}[{i}]")

    walk(root, "")
    _mark_plurals(entries, ".")
    return Resource(path, "yaml", entries, lang)


# -- Java .properties -----------------------------------------------------------------------------------
_PROP_ESC = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


def _prop_unescape(s: str, path: str, line: int) -> str:
    if "\\" not in s:
        return s
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = s[i + 1]
        if e == "u":
            hx = s[i + 2:i + 6]
            if len(hx) != 4 or not all(h in "0123456789abcdefABCDEF" for h in hx):
                raise error(f"malformed \\u escape {s[i:i + 6]!r}", path, line)
            out.append(chr(int(hx, 16)))
            i += 6
        else:
            out.append(_PROP_ESC.get(e, e))
            i += 2
    return "".join(out)


def read_properties(path: str, data: bytes) -> Resource:
    try:
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # Java's traditional encoding for .properties
    entries: list[Entry] = []
    notes: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        start = i + 1
        raw = lines[i].rstrip("\r")
        i += 1
        s = raw.lstrip(" \t\f")
        if not s:
            notes = []
            continue
        if s[0] in "#!":
            notes.append(s[1:].strip())
            continue
        logical = s
        while _continues(logical) and i < len(lines):
            logical = logical[:-1] + lines[i].rstrip("\r").lstrip(" \t\f")
            i += 1
        # the key ends at the first unescaped '=', ':' or whitespace
        j, n = 0, len(logical)
        while j < n:
            c = logical[j]
            if c == "\\":
                j += 2
                continue
            if c in "=: \t\f":
                break
            j += 1
        key = _prop_unescape(logical[:j], path, start)
        rest = logical[j:].lstrip(" \t\f")
        if rest[:1] in ("=", ":"):
            rest = rest[1:].lstrip(" \t\f")
        value = _prop_unescape(rest, path, start)
        nn = [x for x in notes if x]
        entries.append(Entry(key, value, start, nn, max_length=limit_from_notes(nn)))
        notes = []
    return Resource(path, "properties", entries)


def _continues(line: str) -> bool:
    n = len(line) - len(line.rstrip("\\"))
    return n % 2 == 1


# -- Android strings.xml ------------------------------------------------------------------------------
def read_android(path: str, data: bytes) -> Resource:
    root = parse(data, path)
    if root.tag != "resources":
        raise error(f"not an Android resource file: the root element is <{root.tag}>", path, root.line)
    entries: list[Entry] = []
    notes: list[str] = []
    for c in root.children:
        if isinstance(c, Comment):
            t = c.text.strip()
            if t:
                notes.append(t)
            continue
        if not isinstance(c, Node):
            if c.strip():
                notes = notes  # stray text between resources is ignored
            continue
        name = c.get("name")
        nn, notes = notes, []
        if not name or (c.get("translatable") or "").lower() == "false":
            continue
        if c.tag == "string":
            entries.append(Entry(name, c.inner(), c.line, nn, max_length=limit_from_notes(nn)))
        elif c.tag == "plurals":
            for item in c.elements("item"):
                q = (item.get("quantity") or "").strip()
                if q in PLURAL_TAGS:
                    entries.append(Entry(f"{name}:{q}", item.inner(), item.line, nn, tag=q, base=name))
        elif c.tag == "string-array":
            for k, item in enumerate(c.elements("item")):
                entries.append(Entry(f"{name}[{k}]", item.inner(), item.line, nn))
    return Resource(path, "android", entries)


# -- Apple .strings --------------------------------------------------------------------------------------
_APPLE_ESC = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'", "0": "\0"}


def read_apple(path: str, text: str) -> Resource:
    li = LineIndex(text)
    entries: list[Entry] = []
    i, n = 0, len(text)
    note: list[str] = []

    def fail(msg: str, pos: int):
        raise error(f"malformed .strings file: {msg}", path, li.line(pos), li.column(pos))

    def skip(pos: int) -> int:
        while pos < n:
            c = text[pos]
            if c in " \t\r\n":
                pos += 1
            elif text.startswith("/*", pos):
                end = text.find("*/", pos + 2)
                if end < 0:
                    fail("unterminated comment", pos)
                note.append(text[pos + 2:end].strip())
                pos = end + 2
            elif text.startswith("//", pos):
                end = text.find("\n", pos)
                end = n if end < 0 else end
                note.append(text[pos + 2:end].strip())
                pos = end
            else:
                break
        return pos

    def string(pos: int) -> tuple[str, int]:
        if pos < n and text[pos] == '"':
            out: list[str] = []
            j = pos + 1
            while j < n:
                c = text[j]
                if c == '"':
                    return "".join(out), j + 1
                if c == "\\" and j + 1 < n:
                    e = text[j + 1]
                    if e in "uU":
                        m = re.match(r"[0-9A-Fa-f]{4}", text[j + 2:j + 6])
                        if not m:
                            fail("malformed \\U escape", j)
                        out.append(chr(int(m.group(0), 16)))
                        j += 6
                        continue
                    out.append(_APPLE_ESC.get(e, e))
                    j += 2
                    continue
                out.append(c)
                j += 1
            fail("unterminated string", pos)
        m = re.compile(r"[A-Za-z0-9_.$:/-]+").match(text, pos)
        if not m:
            fail("expected a quoted string", pos)
        return m.group(0), m.end()

    while True:
        note.clear()
        i = skip(i)
        if i >= n:
            break
        key, i = string(i)
        i = skip(i)
        if i >= n or text[i] != "=":
            fail("expected '=' after a key", i)
        i = skip(i + 1)
        vpos = i
        value, i = string(i)
        i = skip(i)
        if i >= n or text[i] != ";":
            fail("expected ';' after a value", i)
        i += 1
        nn = [x for x in note if x]
        entries.append(Entry(key, value, li.line(vpos), list(nn), max_length=limit_from_notes(nn)))
    return Resource(path, "apple-strings", entries)


# -- reading and pairing ------------------------------------------------------------------------------
MONOLINGUAL = ("json", "chrome-json", "yaml", "properties", "android", "apple-strings")


def read_resource(path: str, fmt: str, data: bytes | None = None) -> Resource:
    if data is None:
        data = read_bytes(path)
    if fmt in ("json", "chrome-json"):
        res = read_json(path, decode(data, path))
    elif fmt == "yaml":
        res = read_yaml(path, decode(data, path))
    elif fmt == "properties":
        res = read_properties(path, data)
    elif fmt == "android":
        res = read_android(path, data)
    elif fmt == "apple-strings":
        res = read_apple(path, decode(data, path))
    else:  # pragma: no cover - guarded by the caller
        raise ValueError(fmt)
    return res


def _groups(entries: list[Entry]):
    """Entries in file order with plural families folded: yields ``(key, entry)`` for plain
    entries and ``(base, {tag: entry})`` for plural families (at the place of their first form)."""
    out: list[tuple[str, object]] = []
    fams: dict[str, dict[str, Entry]] = {}
    for e in entries:
        if e.base is not None and e.tag is not None:
            if e.base not in fams:
                fams[e.base] = {}
                out.append((e.base, fams[e.base]))
            fams[e.base][e.tag] = e
        else:
            out.append((e.key, e))
    return out


def _plural_unit(key: str, src: dict[str, Entry] | None, tgt: dict[str, Entry] | None) -> Unit:
    s_one = (src or {}).get("one")
    s_other = (src or {}).get("other")
    s_first = s_one or s_other or next(iter((src or {}).values()), None)
    forms = [(t, tgt[t]) for t in PLURAL_TAGS if tgt and t in tgt]
    notes: list[str] = []
    for side in (src, tgt):
        for e in (side or {}).values():
            for x in e.notes:
                if x not in notes:
                    notes.append(x)
    return Unit(
        id=key, source=s_first.text if s_first else "",
        target=forms[0][1].text if forms else None,
        source_line=s_first.line if s_first else None,
        target_line=forms[0][1].line if forms else None, notes=notes,
        plurals=[e.text for _, e in forms] or None,
        source_plural=s_other.text if (s_one and s_other) else None,
        source_plural_line=s_other.line if (s_one and s_other) else None,
        plural_lines=[e.line for _, e in forms] or None,
        plural_tags=[t for t, _ in forms] or None)


def pair(source: Resource | None, target: Resource) -> tuple[list[Unit], list[tuple[str, int | None]]]:
    """Units for ``target`` matched by key with ``source`` (in the source's order); keys of the
    source missing from the target are units with no target; keys only in the target are returned
    apart. Without a source, each entry is its own source."""
    tg = _groups(target.entries)
    if source is None:
        units = []
        for key, item in tg:
            if isinstance(item, dict):
                u = _plural_unit(key, item, item)
            else:
                u = Unit(id=key, source=item.text, target=item.text, source_line=item.line,
                         target_line=item.line, notes=list(item.notes), max_length=item.max_length)
            units.append(u)
        return units, []
    tmap = dict(tg)
    units: list[Unit] = []
    seen: set[str] = set()
    for key, item in _groups(source.entries):
        t = tmap.get(key)
        seen.add(key)
        if isinstance(item, dict):
            units.append(_plural_unit(key, item, t if isinstance(t, dict) else None))
            continue
        if isinstance(t, dict):  # a plain source string, a plural family in the target
            u = _plural_unit(key, {"other": item}, t)
            u.source_plural = None
            units.append(u)
            continue
        notes = list(item.notes)
        if t is not None:
            notes += [x for x in t.notes if x not in notes]
        units.append(Unit(
            id=key, source=item.text, target=t.text if t is not None else None,
            source_line=item.line, target_line=t.line if t is not None else None, notes=notes,
            max_length=item.max_length or (t.max_length if t is not None else None)))
    extra = [(k, (v.line if isinstance(v, Entry) else next(iter(v.values())).line))
             for k, v in tg if k not in seen]
    return units, extra


def load_resource(path: str, fmt: str, *, source_path: str | None = None,
                  src_lang: str | None = None, tgt_lang: str | None = None) -> UnitFile:
    tgt = read_resource(path, fmt)
    src = read_resource(source_path, fmt) if source_path else None
    if src is not None and src.format in ("json", "yaml"):
        # the source decides which keys are plural families (a Russian file may lack "_other")
        sep = "_" if src.format == "json" else "."
        fams = plural_families(src.entries, sep) | plural_families(tgt.entries, sep)
        _mark_plurals(tgt.entries, sep, fams)
    if src is not None and src.format != tgt.format:
        raise error(f"the source file {source_path} is {src.format}, the target is {tgt.format}",
                    path)
    units, extra = pair(src, tgt)
    tl = tgt.lang or lang_from_path(path) or parse_lang(tgt_lang)
    if src is not None:
        sl = src.lang or lang_from_path(source_path) or parse_lang(src_lang)
    else:
        sl = tl if tl else parse_lang(src_lang)
    return UnitFile(path=path, format=tgt.format, src_lang=sl, tgt_lang=tl, units=units,
                    source_path=source_path, source_missing=src is None, extra_keys=extra)
