"""CSV and TSV files with a source and a target column.

Columns are found by their header (``source``/``target``, ``msgid``/``msgstr``,
``id``/``key``/``location``, ``context``, ``comment``/``notes``, ``fuzzy``/
``state``, ``max_length``, or two language codes such as ``en``/``tr``); a file
without a recognisable header is read as ``source, target`` in its first two
columns. The delimiter is a tab for ``.tsv``/``.tab`` files, else the one of
``,``/``;``/tab that the first line uses most.
"""
from __future__ import annotations

import csv
import io

from .base import Unit, UnitFile, decode, error, lang_from_path, parse_lang, read_bytes

_NAMES = {
    "source": ("source", "src", "source text", "source_text", "original", "msgid", "source string",
               "source_string", "sourcetext"),
    "target": ("target", "tgt", "translation", "target text", "target_text", "msgstr",
               "translated", "target string", "target_string", "targettext"),
    "id": ("id", "key", "location", "name", "string id", "string_id", "identifier", "resname"),
    "context": ("context", "msgctxt"),
    "notes": ("comment", "comments", "note", "notes", "developer_comments", "translator_comments",
              "description"),
    "state": ("fuzzy", "state", "status"),
    "max": ("max_length", "maxlength", "max length", "max-length", "limit", "length limit"),
}


def _role(cell: str) -> str | None:
    c = cell.strip().lower()
    for role, names in _NAMES.items():
        if c in names:
            return role
    return None


def load_tabular(path: str, *, src_lang: str | None = None, tgt_lang: str | None = None,
                 data: bytes | None = None) -> UnitFile:
    if data is None:
        data = read_bytes(path)
    text = decode(data, path)
    first = text.split("\n", 1)[0]
    low = path.lower()
    if low.endswith((".tsv", ".tab")):
        delim = "\t"
    else:
        delim = max((",", ";", "\t"), key=lambda d: first.count(d))
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    prev = 0
    try:
        for row in reader:
            start = prev + 1
            prev = reader.line_num
            if row and any(c.strip() for c in row):
                rows.append((start, row))
    except csv.Error as err:
        raise error(f"malformed {'TSV' if delim == chr(9) else 'CSV'}: {err}", path,
                    reader.line_num) from None
    if not rows:
        raise error("no rows", path, 1)
    head = rows[0][1]
    roles = {i: _role(c) for i, c in enumerate(head)}
    langs = {i: parse_lang(c.strip()) for i, c in enumerate(head)
             if roles[i] is None and len(c.strip()) <= 10}
    langs = {i: l for i, l in langs.items() if l}
    col: dict[str, int] = {}
    for i, r in roles.items():
        if r and r not in col:
            col[r] = i
    slang = parse_lang(src_lang)
    tlang = parse_lang(tgt_lang)
    has_header = bool(col) or len(langs) >= 2
    if "source" not in col and len(langs) >= 2:
        order = sorted(langs)
        si = next((i for i in order if langs[i] == slang), order[0])
        ti = next((i for i in order if i != si and (tlang is None or langs[i] == tlang)),
                  next(i for i in order if i != si))
        col["source"], col["target"] = si, ti
        slang, tlang = langs[si], langs[ti]
    if not has_header:
        col = {"source": 0, "target": 1}
    elif "source" not in col or "target" not in col:
        raise error("cannot tell the source and target columns apart: name them 'source' and "
                    "'target' (or by language code) in the first row", path, rows[0][0])
    body = rows[1:] if has_header else rows
    units: list[Unit] = []
    for line, row in body:
        def cell(role: str) -> str | None:
            i = col.get(role)
            return row[i] if i is not None and i < len(row) else None

        src = cell("source")
        if not src:
            continue
        flags: set[str] = set()
        st = (cell("state") or "").strip().lower()
        if st in ("fuzzy", "true", "yes", "1", "needs-review", "needs review", "draft"):
            flags.add("fuzzy")
        mx = (cell("max") or "").strip()
        notes = [n for n in [cell("notes")] if n and n.strip()]
        units.append(Unit(
            id=cell("id") or str(line), source=src, target=cell("target"), source_line=line,
            target_line=line, notes=notes, flags=frozenset(flags),
            max_length=int(mx) if mx.isdigit() else None, context=cell("context") or None))
    return UnitFile(path=path, format="csv", src_lang=slang,
                    tgt_lang=tlang or lang_from_path(path), units=units)
