"""TMX translation memories (1.4): one unit per ``<tu>``.

The source language is the header's ``srclang`` (or the caller's); the target is
the caller's ``tgt_lang`` when given, else the language most ``<tu>`` have beside
the source. Inline elements (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<hi>``)
are kept as tags; the native code inside ``<bpt>``/``<ept>``/``<ph>``/``<it>``
is escaped.
"""
from __future__ import annotations

from collections import Counter

from .base import Unit, UnitFile, error, parse_lang, read_bytes
from .xmltree import Node, parse

_NATIVE = frozenset({"ph", "bpt", "ept", "it"})


def _lang(tuv: Node) -> str | None:
    return parse_lang(tuv.get("xml:lang") or tuv.get("lang"))


def load_tmx(path: str, *, src_lang: str | None = None, tgt_lang: str | None = None,
             data: bytes | None = None) -> UnitFile:
    if data is None:
        data = read_bytes(path)
    root = parse(data, path)
    if root.tag != "tmx":
        raise error(f"not a TMX file: the root element is <{root.tag}>", path, root.line)
    header = root.find("header")
    body = root.find("body")
    if body is None:
        raise error("TMX file has no <body>", path, root.line)
    hsrc = header.get("srclang") if header is not None else None
    slang = parse_lang(hsrc) if hsrc and hsrc != "*all*" else None
    slang = slang or parse_lang(src_lang)
    tus = list(body.iter("tu"))
    if slang is None:
        first = Counter(_lang(t) for tu in tus for t in list(tu.elements("tuv"))[:1])
        slang = first.most_common(1)[0][0] if first else None
    tlang = parse_lang(tgt_lang)
    if tlang is None:
        others = Counter(_lang(t) for tu in tus for t in tu.elements("tuv") if _lang(t) != slang)
        others.pop(None, None)
        tlang = others.most_common(1)[0][0] if others else None
    units: list[Unit] = []
    for i, tu in enumerate(tus, 1):
        src = tgt = None
        for tuv in tu.elements("tuv"):
            lang = _lang(tuv)
            if lang == slang and src is None:
                src = tuv.find("seg")
            elif lang == tlang and tgt is None:
                tgt = tuv.find("seg")
        if src is None:
            continue
        notes = [n.text().strip() for n in tu.elements("note") if n.text().strip()]
        units.append(Unit(id=tu.get("tuid") or str(i), source=src.inner(_NATIVE),
                          target=tgt.inner(_NATIVE) if tgt is not None else None,
                          source_line=src.line, target_line=tgt.line if tgt is not None else None,
                          notes=notes))
    return UnitFile(path=path, format="tmx", src_lang=slang, tgt_lang=tlang, units=units)
