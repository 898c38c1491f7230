"""Glossaries: required translations of terms and do-not-translate terms.

Read from CSV/TSV (a header naming the columns by language code — ``en,tr`` — or as
``source``/``target``/``term``/``translation``, with optional ``dnt``/``translate``
and ``note`` columns) or from TBX (``<termEntry>``/``<conceptEntry>`` →
``<langSet xml:lang>`` → ``<term>``; XML parsed with the hardened reader).

A term is *do-not-translate* when its target equals its source, when a ``dnt``
column says yes (or ``translate`` says no), or in TBX when it has no target term
and a note or ``termNote`` says "do not translate"/"doNotTranslate".

Matching: a source term is found case-insensitively on word boundaries; a target
term counts as used when each of its words appears with at most a short ending
changed (``Datei``/``Dateien``, ``dosya``/``dosyayı``, ``файл``/``файла``), so that
inflection is not a finding. Scripts written without spaces match by substring.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import regex

from ..errors import InputError
from ..lang.translit import NO_SPACE_SCRIPTS, script_of


@dataclass
class Term:
    source: str
    targets: list[str]
    dnt: bool = False
    note: str = ""
    line: int | None = None
    _rx: object = field(default=None, repr=False, compare=False)

    def find_in_source(self, text: str) -> list[tuple[int, int]]:
        if self._rx is None:
            words = [regex.escape(w) for w in self.source.split()]
            pat = r"\s+".join(words)
            flags = regex.V1 if self.dnt else (regex.V1 | regex.IGNORECASE)
            self._rx = regex.compile(rf"(?<![\p{{L}}\p{{N}}_]){pat}(?![\p{{L}}\p{{N}}_])", flags)
        return [m.span() for m in self._rx.finditer(text)]


@dataclass
class Glossary:
    terms: list[Term]
    src_lang: str | None = None
    tgt_lang: str | None = None
    path: str | None = None

    def __len__(self) -> int:
        return len(self.terms)


_TRUE = {"1", "yes", "y", "true", "x", "dnt", "no-translate"}


def load_glossary(path: str, *, src_lang: str | None = None, tgt_lang: str | None = None) -> Glossary:
    """Read a CSV/TSV or TBX glossary. Raises :class:`InputError` for unreadable files."""
    from ..io.l10n.base import decode, read_bytes

    data = read_bytes(path)
    low = path.lower()
    if low.endswith((".tbx", ".xml")) or data.lstrip()[:200].lstrip(b"\xef\xbb\xbf").startswith(b"<"):
        return _load_tbx(path, data, src_lang, tgt_lang)
    return _load_csv(path, decode(data, path), src_lang, tgt_lang)


def _load_csv(path: str, text: str, src_lang: str | None, tgt_lang: str | None) -> Glossary:
    from ..io.l10n.base import parse_lang

    first = text.split("\n", 1)[0]
    delim = "\t" if path.lower().endswith((".tsv", ".tab")) else max((",", ";", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    if not rows:
        raise InputError("glossary is empty", path=path)
    head = [c.strip().lower() for c in rows[0]]
    names = {"source": ("source", "term", "src", "source term"),
             "target": ("target", "translation", "tgt", "target term"),
             "dnt": ("dnt", "do not translate", "do-not-translate", "donottranslate"),
             "translate": ("translate", "translatable"),
             "note": ("note", "notes", "comment", "description", "definition")}
    col = {}
    for role, ns in names.items():
        for i, h in enumerate(head):
            if h in ns and role not in col:
                col[role] = i
    langs = {i: parse_lang(h) for i, h in enumerate(head) if i not in col.values() and parse_lang(h)}
    sl, tl = src_lang, tgt_lang
    if "source" not in col and len(langs) >= 1:
        order = sorted(langs)
        si = next((i for i in order if langs[i] == parse_lang(src_lang)), order[0])
        col["source"] = si
        sl = langs[si]
        rest = [i for i in order if i != si]
        if rest:
            ti = next((i for i in rest if langs[i] == parse_lang(tgt_lang)), rest[0])
            col["target"] = ti
            tl = langs[ti]
    header = bool(col)
    if not header:
        col = {"source": 0, "target": 1}
    terms = []
    for n, row in enumerate(rows[1:] if header else rows, 2 if header else 1):
        def cell(role: str) -> str:
            i = col.get(role)
            return row[i].strip() if i is not None and i < len(row) else ""

        src = cell("source")
        if not src:
            continue
        tgt = cell("target")
        dnt = cell("dnt").lower() in _TRUE or cell("translate").lower() in ("no", "false", "0", "n")
        if tgt and tgt == src:
            dnt = True
        if not tgt and not dnt:
            continue
        targets = [t.strip() for t in regex.split(r"\s*[|;]\s*", tgt) if t.strip()] if tgt else []
        terms.append(Term(src, targets or [src], dnt, cell("note"), n))
    return Glossary(terms, sl, tl, path)


def _load_tbx(path: str, data: bytes, src_lang: str | None, tgt_lang: str | None) -> Glossary:
    from ..io.l10n.base import parse_lang
    from ..io.l10n.xmltree import parse

    root = parse(data, path)
    entries = [e for e in root.iter() if e.tag in ("termEntry", "conceptEntry")]
    sl = parse_lang(src_lang) or parse_lang(root.get("xml:lang"))
    tl = parse_lang(tgt_lang)
    langsets = [[(parse_lang(ls.get("xml:lang")), ls) for ls in e.iter() if ls.tag == "langSet"]
                for e in entries]
    if sl is None:
        firsts = [ls[0][0] for ls in langsets if ls]
        sl = max(set(firsts), key=firsts.count) if firsts else None
    if tl is None:
        others = [lang for ls in langsets for lang, _ in ls if lang and lang != sl]
        tl = max(set(others), key=others.count) if others else None
    terms = []
    for e, ls in zip(entries, langsets):
        src_terms = [t.text().strip() for lang, node in ls if lang == sl for t in node.iter("term")]
        tgt_terms = [t.text().strip() for lang, node in ls if lang == tl for t in node.iter("term")]
        notes = " ".join(n.text() for n in e.iter() if n.tag in ("termNote", "note", "descrip"))
        flag = regex.search(r"(?i)do\s*-?\s*not\s*-?\s*translate|donottranslate|translate\s*=\s*no", notes)
        for s in src_terms:
            if not s:
                continue
            dnt = bool(flag and not tgt_terms) or (bool(tgt_terms) and all(t == s for t in tgt_terms))
            if not tgt_terms and not dnt:
                continue
            terms.append(Term(s, [t for t in tgt_terms if t] or [s], dnt, notes.strip()[:200], e.line))
    return Glossary(terms, sl, tl, path)


def _stem(word: str) -> str:
    """A word with a short ending removed, for matching inflected forms."""
    n = len(word)
    if n <= 4:
        return word
    return word[: max(4, n - 3)]


def target_has(term: str, text: str, lang: str | None) -> bool:
    """Does ``text`` use ``term`` (allowing endings)?"""
    t = text.casefold()
    words = term.casefold().split()
    if not words:
        return True
    if script_of(term) in NO_SPACE_SCRIPTS:
        return term.casefold() in t
    for w in words:
        stem = _stem(w)
        if not regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(stem)}", t):
            return False
    return True
