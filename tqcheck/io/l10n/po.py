"""gettext PO/POT files.

A small parser of our own rather than polib, because the checks need what polib
does not keep: the line where each msgid and each msgstr form starts, and a
one-line error naming the line of a malformed entry. It reads msgctxt,
msgid_plural and ``msgstr[N]``, translator (``#``) and extracted (``#.``)
comments, flags (``#,``), obsolete (``#~``) entries and the header (Language,
Plural-Forms nplurals, charset). Strings are decoded with the C escapes gettext
uses (``\\n``, ``\\t``, ``\\"``, ``\\\\``, octal and hex).
"""
from __future__ import annotations

import re

from .base import Unit, UnitFile, decode, error, guess_lang, lang_from_path, parse_lang, read_bytes

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v", "'": "'", "?": "?"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(.*)$")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def _unquote(s: str, path: str, line: int) -> str:
    """The value of one C string literal ``"…"`` (surrounding whitespace allowed)."""
    s = s.strip()
    if len(s) < 2 or not s.startswith('"') or not s.endswith('"'):
        raise error(f"expected a quoted string, found {s[:40]!r}", path, line)
    body = s[1:-1]
    if "\\" not in body:
        if '"' in body:
            raise error('unescaped " inside a string', path, line)
        return body
    out: list[str] = []
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c == '"':
            raise error('unescaped " inside a string', path, line)
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("string ends with a lone backslash", path, line)
        e = body[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e in "01234567":
            j = i + 1
            while j < n and j < i + 4 and body[j] in "01234567":
                j += 1
            out.append(chr(int(body[i + 1:j], 8)))
            i = j
        elif e == "x":
            m = re.match(r"[0-9A-Fa-f]+", body[i + 2:])
            if not m:
                raise error("\\x escape without hex digits", path, line)
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
        else:
            raise error(f"unknown escape \\{e} in a string", path, line)
    return "".join(out)


class _Entry:
    __slots__ = ("ctxt", "msgid", "plural", "strs", "lines", "notes", "flags", "obsolete",
                 "start", "current", "seen")

    def __init__(self, start: int) -> None:
        self.ctxt: str | None = None
        self.msgid: str | None = None
        self.plural: str | None = None
        self.strs: dict[int, str] = {}
        #: field name -> line of its first non-empty string (else its keyword line)
        self.lines: dict[str, int] = {}
        self.notes: list[str] = []
        self.flags: set[str] = set()
        self.obsolete = False
        self.start = start
        self.current: str | None = None
        self.seen: set[str] = set()


def parse_po(text: str, path: str) -> tuple[list[_Entry], dict[str, str], int | None]:
    """Entries (header included), header fields, and the line of the Plural-Forms header."""
    entries: list[_Entry] = []
    cur: _Entry | None = None

    def finish() -> None:
        nonlocal cur
        if cur is not None and (cur.msgid is not None or cur.seen):
            if cur.msgid is None:
                raise error("entry has no msgid", path, cur.start)
            if not cur.strs and "msgstr" not in cur.seen:
                raise error(f"entry {cur.msgid[:40]!r} has no msgstr", path, cur.start)
            entries.append(cur)
        cur = None

    def append(field_name: str, value: str) -> None:
        assert cur is not None
        if field_name == "msgctxt":
            cur.ctxt = (cur.ctxt or "") + value
        elif field_name == "msgid":
            cur.msgid = (cur.msgid or "") + value
        elif field_name == "msgid_plural":
            cur.plural = (cur.plural or "") + value
        else:
            k = int(field_name[7:-1]) if field_name != "msgstr" else 0
            cur.strs[k] = cur.strs.get(k, "") + value

    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        s = line.strip()
        if not s:
            continue
        obsolete = False
        if s.startswith("#~"):
            obsolete = True
            s = s[2:].strip()
            if s.startswith("|"):
                continue  # previous msgid of an obsolete entry
            if not s:
                continue
        elif s.startswith("#"):
            kind = s[1:2]
            if cur is not None and cur.current is not None and cur.current.startswith("msgstr"):
                finish()
            if cur is None:
                cur = _Entry(lineno)
            if kind == ",":
                cur.flags.update(f.strip() for f in s[2:].split(",") if f.strip())
            elif kind in (" ", "") or kind == ".":
                note = s[2:].strip() if kind == "." else s[1:].strip()
                if note:
                    cur.notes.append(note)
            # "#:" references and "#|" previous strings are not needed
            continue
        if s.startswith('"'):
            if cur is None or cur.current is None:
                raise error("string outside an entry (a continuation line without a keyword)",
                            path, lineno)
            v = _unquote(s, path, lineno)
            if v and not _field_value(cur, cur.current):
                cur.lines[cur.current] = lineno
            append(cur.current, v)
            continue
        m = _KEYWORD.match(s)
        if not m:
            raise error(f"unexpected text {s[:40]!r} (expected msgid, msgstr, a string or a comment)",
                        path, lineno)
        kw, rest = m.group(1), m.group(3)
        name = "msgstr" if kw == "msgstr" else kw
        if name in ("msgctxt", "msgid") and cur is not None and (
                cur.current is not None and cur.current.startswith("msgstr")):
            finish()
        if name == "msgid" and cur is not None and "msgid" in cur.seen:
            finish()
        if cur is None:
            cur = _Entry(lineno)
        if name in cur.seen:
            raise error(f"{kw} given twice in one entry", path, lineno)
        if name.startswith("msgstr") and cur.msgid is None:
            raise error(f"{kw} before msgid", path, lineno)
        if name == "msgid_plural" and cur.msgid is None:
            raise error("msgid_plural before msgid", path, lineno)
        cur.seen.add(name)
        if obsolete:
            cur.obsolete = True
        cur.current = name
        v = _unquote(rest, path, lineno)
        cur.lines[name] = lineno
        if name == "msgctxt":
            cur.ctxt = ""
        elif name == "msgid":
            cur.msgid = ""
        elif name == "msgid_plural":
            cur.plural = ""
        append(name, v)
    finish()

    header: dict[str, str] = {}
    plural_line: int | None = None
    for e in entries:
        if e.msgid == "" and e.ctxt is None and not e.obsolete:
            first = e.lines.get("msgstr", e.start)
            for i, hl in enumerate(e.strs.get(0, "").split("\n")):
                k, sep, v = hl.partition(":")
                if sep:
                    header[k.strip().lower()] = v.strip()
                    if k.strip().lower() == "plural-forms":
                        plural_line = _header_line(text, first, "Plural-Forms")
            break
    return entries, header, plural_line


def _header_line(text: str, start: int, key: str) -> int | None:
    for i, line in enumerate(text.split("\n")[start - 1:start + 60], start):
        if key in line:
            return i
    return None


def _field_value(e: _Entry, name: str) -> str:
    if name == "msgctxt":
        return e.ctxt or ""
    if name == "msgid":
        return e.msgid or ""
    if name == "msgid_plural":
        return e.plural or ""
    k = int(name[7:-1]) if name != "msgstr" else 0
    return e.strs.get(k, "")


def load_po(path: str, *, src_lang: str | None = None, tgt_lang: str | None = None,
            data: bytes | None = None) -> UnitFile:
    """Read a PO or POT file."""
    if data is None:
        data = read_bytes(path)
    m = _CHARSET.search(data[:8192])
    enc = m.group(1).decode("ascii") if m else None
    if enc and enc.upper() in ("CHARSET", "UTF-8", "UTF8"):
        enc = None
    text = decode(data, path, enc)
    entries, header, plural_line = parse_po(text, path)
    lang = parse_lang(header.get("language")) or lang_from_path(path) or parse_lang(tgt_lang)
    nplurals = None
    pf = header.get("plural-forms")
    if pf:
        mm = _NPLURALS.search(pf)
        if mm:
            nplurals = int(mm.group(1))
    units: list[Unit] = []
    for e in entries:
        if e.msgid == "" and e.ctxt is None:
            continue  # the header
        ident = (e.ctxt + "\x04" + (e.msgid or "")) if e.ctxt is not None else (e.msgid or "")
        flags = set(e.flags)
        if e.obsolete:
            flags.add("obsolete")
        plural = e.plural is not None
        if plural:
            n = max(e.strs) + 1 if e.strs else 0
            forms = [e.strs.get(i, "") for i in range(n)]
            lines = [e.lines.get(f"msgstr[{i}]") for i in range(n)]
            target = forms[0] if forms else ""
            tline = lines[0] if lines else None
        else:
            forms, lines = None, None
            target = e.strs.get(0, "")
            tline = e.lines.get("msgstr")
        max_len = None
        for f in e.flags:
            mm = re.fullmatch(r"max-length:(\d+)(?::.*)?", f)
            if mm:
                max_len = int(mm.group(1))
        units.append(Unit(
            id=ident, source=e.msgid or "", target=target, source_line=e.lines.get("msgid"),
            target_line=tline, notes=list(e.notes), flags=frozenset(flags), plurals=forms,
            source_plural=e.plural, max_length=max_len, context=e.ctxt, plural_lines=lines,
            source_plural_line=e.lines.get("msgid_plural")))
    src = parse_lang(src_lang) or guess_lang([u.source for u in units])
    return UnitFile(path=path, format="po", src_lang=src, tgt_lang=lang, units=units,
                    plural_count=nplurals, plural_count_line=plural_line)
