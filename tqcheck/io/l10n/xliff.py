"""XLIFF 1.2 and 2.0.

Both versions are read; the text of ``<source>`` and ``<target>`` is kept
exactly, whitespace included, with inline elements (``<g>``, ``<x/>``,
``<bx/>``, ``<ph>``, ``<pc>``, ``<sc/>``, ``<mrk>`` …) written back as tags so the
markup checks can compare them. The content of native-code elements (1.2
``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``) is escaped so that HTML inside them is
not read as a second set of tags.

States: ``new``/``needs-translation`` and ``needs-review-*``/``needs-adaptation``/
``needs-l10n`` (1.2), an explicit ``state="initial"`` (2.0) mark the unit
unfinished. A unit without ``approved="yes"`` is *not* unfinished: most files
never set it.
"""
from __future__ import annotations

from .base import Unit, UnitFile, error, flags_of_state, lang_from_path, parse_lang, read_bytes
from .xmltree import Node, parse

_NATIVE = frozenset({"ph", "bpt", "ept", "it"})


def _content(node: Node | None) -> str | None:
    if node is None:
        return None
    return node.inner(_NATIVE)


def load_xliff(path: str, *, src_lang: str | None = None, tgt_lang: str | None = None,
               data: bytes | None = None) -> UnitFile:
    if data is None:
        data = read_bytes(path)
    root = parse(data, path)
    if root.tag != "xliff":
        raise error(f"not an XLIFF file: the root element is <{root.tag}>", path, root.line)
    version = (root.get("version") or "").strip()
    v2 = version.startswith("2") or "xliff:document:2" in root.ns
    if v2:
        return _load_v2(root, path, src_lang, tgt_lang)
    return _load_v1(root, path, src_lang, tgt_lang)


def _load_v1(root: Node, path: str, src_lang: str | None, tgt_lang: str | None) -> UnitFile:
    units: list[Unit] = []
    slang = tlang = None
    files = list(root.elements("file"))
    if not files:
        raise error("XLIFF 1.x file has no <file> element", path, root.line)
    for f in files:
        slang = slang or parse_lang(f.get("source-language"))
        tlang = tlang or parse_lang(f.get("target-language"))
        for tu in f.iter("trans-unit"):
            if (tu.get("translate") or "").lower() == "no":
                continue
            src = tu.find("source")
            if src is None:
                continue
            tgt = tu.find("target")
            flags: set[str] = set()
            if tgt is not None:
                flags |= flags_of_state(tgt.get("state"))
            if (tu.get("approved") or "").lower() == "yes":
                flags.add("approved")
            max_len = None
            mw = tu.get("maxwidth")
            if mw and mw.strip().isdigit() and (tu.get("size-unit") or "pixel").lower() == "char":
                max_len = int(mw)
            notes = [n.text().strip() for n in tu.elements("note") if n.text().strip()]
            units.append(Unit(
                id=tu.get("id") or tu.get("resname") or str(len(units) + 1),
                source=_content(src) or "", target=_content(tgt),
                source_line=src.line, target_line=tgt.line if tgt is not None else None,
                notes=notes, flags=frozenset(flags), max_length=max_len,
                context=tu.get("resname")))
    return UnitFile(path=path, format="xliff1",
                    src_lang=slang or parse_lang(src_lang),
                    tgt_lang=tlang or lang_from_path(path) or parse_lang(tgt_lang), units=units)


def _load_v2(root: Node, path: str, src_lang: str | None, tgt_lang: str | None) -> UnitFile:
    slang = parse_lang(root.get("srcLang"))
    tlang = parse_lang(root.get("trgLang"))
    units: list[Unit] = []
    chars_profile = any("codepoints" in (p.get("generalProfile") or "") or
                        "codepoints" in (p.get("storageProfile") or "")
                        for p in root.iter("profiles"))
    for f in root.elements("file"):
        for u in f.iter("unit"):
            if (u.get("translate") or "").lower() == "no":
                continue
            parts = [c for c in u.elements() if c.tag in ("segment", "ignorable")]
            if not parts:
                continue
            srcs, tgts = [], []
            sline = tline = None
            flags: set[str] = set()
            has_target = False
            for p in parts:
                s = p.find("source")
                t = p.find("target")
                srcs.append(_content(s) or "")
                if s is not None and sline is None:
                    sline = s.line
                if t is not None:
                    has_target = True
                    tgts.append(_content(t) or "")
                    if tline is None:
                        tline = t.line
                elif p.tag == "ignorable":
                    tgts.append(_content(s) or "")
                if p.tag == "segment":
                    st = p.get("state")
                    if st and st.strip().lower() == "initial" and t is not None and _content(t):
                        flags |= flags_of_state("initial")
                    elif st:
                        flags |= flags_of_state(st)
            if not any(srcs):
                continue
            notes = [n.text().strip() for ns in u.elements("notes") for n in ns.elements("note")
                     if n.text().strip()]
            max_len = None
            if chars_profile:
                sr = u.get("sizeRestriction")
                if sr and sr.strip().isdigit():
                    max_len = int(sr)
            units.append(Unit(
                id=u.get("id") or u.get("name") or str(len(units) + 1), source="".join(srcs),
                target="".join(tgts) if has_target else None, source_line=sline, target_line=tline,
                notes=notes, flags=frozenset(flags), max_length=max_len, context=u.get("name")))
    return UnitFile(path=path, format="xliff2", src_lang=slang or parse_lang(src_lang),
                    tgt_lang=tlang or lang_from_path(path) or parse_lang(tgt_lang), units=units)
