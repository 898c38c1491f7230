"""Inject known defects into copies of real localization files (PO and XLIFF 1.2).

Used by ``benchmarks/pofilter_compare.py`` to measure the recall of tqcheck and of
Translate Toolkit's ``pofilter`` on the same defects. Each defect changes the target of one
entry; the entry's id is the same one both tools report (PO: msgid, with msgctxt and
``\\x04`` before it; XLIFF: the trans-unit ``id``), so each tool's output maps back to it.

* :data:`KINDS` — the defect kinds;
* :func:`inject` — one defect of a kind into one target (None when the entry does not lend
  itself to that kind, e.g. no placeholder to drop);
* :func:`read_entries` — the entries of a PO or XLIFF 1.2 file (id, source, target, eligibility);
* :func:`write_copy` — a copy of a file with some targets replaced.

Deterministic: every choice is made with the ``random.Random`` passed in.
"""
from __future__ import annotations

import html
import random
import re
import xml.etree.ElementTree as ET  # only parses the corpus files read by the benchmark
from dataclasses import dataclass

#: the defect kinds, in report order
KINDS = ("placeholder_dropped", "placeholder_altered", "tag_broken", "number_changed",
         "untranslated", "wrong_language", "whitespace", "punctuation")

#: printf (%s, %(name)s, %1$s), Symfony {{ name }}, brace {0} / {name} / {0:N2}
PLACEHOLDER = re.compile(
    r"%\((?P<pname>\w+)\)[-+ #0]*\d*(?:\.\d+)?(?P<ptype>[sdifrxXeEgGc])"
    r"|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?P<type>[sdifxXeEgGc])(?!\w)"
    r"|\{\{\s*(?P<sname>[\w.]+)\s*\}\}"
    r"|\{(?P<bname>\w+)(?::[^{}]*)?\}"
)
#: HTML/XML tags (not ``<MODULE_PATH>``-style metavariables, not ``<<…>>`` quotes)
TAG = re.compile(r"(?<!<)</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>(?!>)")
NUMBER = re.compile(r"(?<![\w.,%$])\d+(?:[.,]\d+)?(?![\w])")
END_PUNCT = ".!?:;。！？：；…"
WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class Entry:
    """One entry of a file as the injector sees it."""

    id: str
    source: str
    target: str
    #: a non-plural, translated, unflagged entry whose target differs from its source
    eligible: bool


def _mask(text: str) -> str:
    """``text`` with placeholders and tags blanked out (same length), so numbers inside them are
    not taken for numbers."""
    for rx in (PLACEHOLDER, TAG):
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _collapse(text: str) -> str:
    text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    return re.sub(r" +(?=[.,:;!?])", "", text)


def _alter_placeholder(ph: str, rng: random.Random) -> str:
    m = PLACEHOLDER.fullmatch(ph)
    assert m is not None
    for group in ("pname", "sname", "bname"):
        name = m.group(group)
        if name:
            if group == "pname" and rng.random() < 0.5:
                new_type = "d" if m.group("ptype") != "d" else "s"
                return ph[: m.end("ptype") - 1] + new_type + ph[m.end("ptype"):]
            if name.isdigit():
                new = str(int(name) + 1)
            else:
                new = name[::-1] if name[::-1] != name else name + "x"
            start, end = m.span(group)
            return ph[:start] + new + ph[end:]
    t = m.group("type")
    new_type = "d" if t != "d" else "s"
    return ph[: m.end("type") - 1] + new_type + ph[m.end("type"):]


def inject(kind: str, source: str, target: str, rng: random.Random, *,
           alt_target: str | None = None) -> str | None:
    """The target with one defect of ``kind``, or None when this entry cannot carry it.

    ``alt_target`` is the same entry's translation in another language (for ``wrong_language``).
    """
    if kind in ("placeholder_dropped", "placeholder_altered"):
        src_phs = {m.group(0) for m in PLACEHOLDER.finditer(source)}
        cands = [m for m in PLACEHOLDER.finditer(target) if m.group(0) in src_phs]
        if not cands:
            return None
        m = rng.choice(cands)
        if kind == "placeholder_dropped":
            return _collapse(target[: m.start()] + target[m.end():]).strip() or None
        return target[: m.start()] + _alter_placeholder(m.group(0), rng) + target[m.end():]
    if kind == "tag_broken":
        src_tags = {m.group(0) for m in TAG.finditer(source)}
        cands = [m for m in TAG.finditer(target) if m.group(0) in src_tags]
        if not cands:
            return None
        m = rng.choice(cands)
        tag = m.group(0)
        how = rng.choice(("drop", "drop", "unclose" if tag.startswith("</") else "nogt"))
        if how == "drop":
            new = ""
        elif how == "unclose":
            new = "<" + tag[2:]          # </a> -> <a>
        else:
            new = tag[:-1] + " "         # <strong> -> <strong  (no closing '>')
        return target[: m.start()] + new + target[m.end():]
    if kind == "number_changed":
        src_nums = {m.group(0) for m in NUMBER.finditer(_mask(source))}
        cands = [m for m in NUMBER.finditer(_mask(target)) if m.group(0) in src_nums]
        if not cands:
            return None
        m = rng.choice(cands)
        num = m.group(0)
        last = int(num[-1])
        new = num[:-1] + str(last + 1 if last < 9 else last - 1)
        return target[: m.start()] + new + target[m.end():]
    if kind == "untranslated":
        if len(WORD.findall(_mask(source))) < 2 or source == target:
            return None
        return source
    if kind == "wrong_language":
        if (not alt_target or alt_target in (source, target)
                or len(WORD.findall(_mask(alt_target))) < 3):
            return None
        return alt_target
    if kind == "whitespace":
        if target != target.strip() or source != source.strip() or not target:
            return None
        gaps = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", target)]
        how = rng.choice(("trailing", "leading", "double") if gaps else ("trailing", "leading"))
        if how == "trailing":
            return target + " "
        if how == "leading":
            return " " + target
        i = rng.choice(gaps)
        return target[:i] + " " + target[i:]
    if kind == "punctuation":
        s, t = source.rstrip(), target.rstrip()
        if not s or not t or t != target:
            return None
        if s[-1] in END_PUNCT and t[-1] in END_PUNCT:
            return t.rstrip(END_PUNCT) or None
        if s[-1].isalnum() and t[-1].isalnum():
            return t + rng.choice(".!")
        return None
    raise ValueError(f"unknown defect kind {kind!r}")


# -- files ---------------------------------------------------------------------------------------------
def fmt_of(path: str) -> str:
    """"po" or "xliff" by extension."""
    return "po" if path.endswith((".po", ".pot")) else "xliff"


def _po_id(e) -> str:
    return (e.msgctxt + "\x04" + e.msgid) if e.msgctxt is not None else e.msgid


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_entries(path: str) -> list[Entry]:
    """The entries of a PO or XLIFF 1.2 file."""
    if fmt_of(path) == "po":
        import polib

        out = []
        for e in polib.pofile(path):
            if e.obsolete or not e.msgid:
                continue
            ok = (not e.msgid_plural and bool(e.msgstr) and "fuzzy" not in e.flags
                  and e.msgstr != e.msgid)
            out.append(Entry(_po_id(e), e.msgid, e.msgstr, ok))
        return out
    root = ET.parse(path).getroot()
    out = []
    for tu in root.iter():
        if _local(tu.tag) != "trans-unit":
            continue
        src = tgt = None
        state = ""
        inline = False
        for child in tu:
            if _local(child.tag) == "source":
                src = "".join(child.itertext())
            elif _local(child.tag) == "target":
                tgt = "".join(child.itertext())
                state = child.get("state", "")
                inline = len(child) > 0
        if src is None:
            continue
        ok = (bool(tgt) and tgt != src and not state.startswith("needs") and not inline
              and "|" not in src)
        out.append(Entry(tu.get("id", ""), src, tgt or "", ok))
    return out


def write_copy(src_path: str, dst_path: str, new_targets: dict[str, str]) -> None:
    """Copy ``src_path`` to ``dst_path`` with the targets of the entries in ``new_targets``
    (id → new target text) replaced; every other entry is left as it is."""
    if fmt_of(src_path) == "po":
        import polib

        po = polib.pofile(src_path)
        for e in po:
            if not e.obsolete and _po_id(e) in new_targets:
                e.msgstr = new_targets[_po_id(e)]
        po.save(dst_path)
        return
    text = open(src_path, encoding="utf-8").read()

    def unit(m: re.Match) -> str:
        block = m.group(0)
        uid = re.search(r"""\bid\s*=\s*["']([^"']*)["']""", m.group(1))
        if not uid or html.unescape(uid.group(1)) not in new_targets:
            return block
        new = html.escape(new_targets[html.unescape(uid.group(1))], quote=False)
        return re.sub(r"(<target\b[^>]*>).*?(</target>)", lambda t: t.group(1) + new + t.group(2),
                      block, count=1, flags=re.S)

    text = re.sub(r"<trans-unit\b([^>]*)>.*?</trans-unit>", unit, text, flags=re.S)
    with open(dst_path, "w", encoding="utf-8") as fh:
        fh.write(text)
