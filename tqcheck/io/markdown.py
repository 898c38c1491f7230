"""Markdown-aware reading of plain text: blocks, and clean text with an offset map.

Plain text is read as the Markdown people actually write in translation jobs:

* paragraphs are separated by blank lines; ``#`` headings, list items (``-``,
  ``*``, ``+``, ``1.``) and setext headings stand on their own; ``>`` lines form
  quotes; fenced code blocks (``````` or ``~~~``) are kept whole and not checked;
  thematic breaks (``---``) only separate.
* Indented text is *not* code: plain-text files often indent paragraphs.

:func:`clean_inline` removes inline markers (``**``, ``__``, ``*em*``/``_em_``
at word boundaries only, backticks, ``[text](url)``, ``![alt](src)``, ``\\``
escapes), turns line breaks into spaces, collapses whitespace, and returns for
every clean character the file offset it came from (``-1`` for a space that
stands for a line break).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import CODE, HEADING, LIST_ITEM, QUOTE, TEXT

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_LIST = re.compile(r"[ \t]*(?:([-*+])|(\d{1,9})[.)])[ \t]+(?=\S)")
_QUOTE = re.compile(r" {0,3}>[ \t]?")


@dataclass
class Block:
    """A paragraph-level block: its kind and the file spans of its content lines."""

    kind: str
    start: int  # file offset of the block's first non-blank character
    end: int  # file offset just past its last non-blank character
    line: int  # 1-based
    end_line: int
    level: int = 0
    #: ``(start, end)`` file offsets of each line's content, markers removed
    spans: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str):
    """Yield ``(line_number, start, end)`` with ``end`` before ``\\n`` / ``\\r\\n``."""
    pos, n, no = 0, len(text), 1
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        end = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
        if pos < n or nl > pos:
            yield no, pos, end
        pos = nl + 1
        no += 1


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip blanks and a trailing hard-break backslash from ``text[start:end]``."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end > start and text[end - 1] == "\\" and (end - 2 < start or text[end - 2] != "\\"):
        end -= 1
        while end > start and text[end - 1] in " \t":
            end -= 1
    return start, end


def parse_blocks(text: str) -> list[Block]:
    """Split ``text`` into blocks (see the module docstring)."""
    blocks: list[Block] = []
    cur: Block | None = None
    fence: tuple[str, int] | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            blocks.append(cur)
            cur = None

    for no, ls, le in _lines(text):
        line = text[ls:le]
        if fence is not None:  # inside a fenced code block
            assert cur is not None
            stripped = line.strip()
            cur.end, cur.end_line = max(cur.end, ls + len(line.rstrip())), no
            if stripped and stripped[0] == fence[0] and len(stripped) >= fence[1] \
                    and stripped == fence[0] * len(stripped) and len(line) - len(line.lstrip(" ")) < 4:
                fence = None
                close()
            continue
        if not line.strip():
            close()
            continue
        first = ls + len(line) - len(line.lstrip())
        last = ls + len(line.rstrip())
        m = _FENCE.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
            close()
            fence = (m.group(1)[0], len(m.group(1)))
            cur = Block(CODE, first, last, no, no)
            continue
        m = _HEADING.match(line)
        if m:
            close()
            body = line[m.end():]
            cm = _HEADING_CLOSE.search(body)
            body_end = ls + m.end() + (cm.start() if cm else len(body))
            blocks.append(Block(HEADING, first, last, no, no, level=len(m.group(1)),
                                spans=[_content(text, ls + m.end(), body_end)]))
            continue
        if cur is not None and cur.kind == TEXT and _SETEXT.match(line):
            cur.kind, cur.level = HEADING, (1 if line.strip()[0] == "=" else 2)
            cur.end, cur.end_line = last, no
            close()
            continue
        if _THEMATIC.match(line):
            close()
            continue
        m = _LIST.match(line)
        if m and (m.group(1) or cur is None or cur.kind != TEXT or m.group(2) == "1"):
            close()
            cur = Block(LIST_ITEM, first, last, no, no, spans=[_content(text, ls + m.end(), le)])
            continue
        m = _QUOTE.match(line)
        if m:
            inner = ls + m.end()
            while True:  # nested quotes: "> > text"
                mm = _QUOTE.match(text, inner, le)
                if not mm or mm.end() == inner:
                    break
                inner = mm.end()
            if cur is None or cur.kind != QUOTE:
                close()
                cur = Block(QUOTE, first, last, no, no)
            cur.spans.append(_content(text, inner, le))
            cur.end, cur.end_line = last, no
            continue
        if cur is None:
            cur = Block(TEXT, first, last, no, no)
        cur.spans.append(_content(text, ls, le))
        cur.end, cur.end_line = last, no
    close()
    return blocks


# --- inline markup -------------------------------------------------------------------

_CODE_OR_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]|`+")
_LINK = re.compile(
    r"!?\[([^\[\]]*)\]"
    r"(?:\(\s*(?:<[^>\n]*>|[^()\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)|\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*)>")
#: Han, kana, Hangul and full-width forms: no spaces between words, so ``*`` may touch them.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"


def _emphasis(star: str, under: str) -> re.Pattern[str]:
    """Emphasis by ``star`` (``*``/``**``) or ``under`` (``_``/``__``) at word boundaries.

    The content is group 1 (stars) or group 2 (underscores). Stars may also touch
    CJK characters; underscores never sit inside a word (``snake_case``).
    """
    s, u = re.escape(star), re.escape(under)
    return re.compile(
        rf"(?:(?<![\w*\\])|(?<=[{_CJK}])){s}(?=[^\s*_])(.+?)(?<=[^\s*_]){s}(?:(?![\w*])|(?=[{_CJK}]))"
        rf"|(?<![\w_\\]){u}(?=[^\s*_])(.+?)(?<=[^\s*_]){u}(?![\w_])")


_STRONG = _emphasis("**", "__")
_EM = _emphasis("*", "_")
_STRIKE = re.compile(r"(?<![\w~])~~(?=\S)(.+?)(?<=\S)~~(?![\w~])")
_SPECIAL = frozenset("*_[]()!<>~`\\")
_MARKUP_HINT = re.compile(r"[*_\[`\\<~]")
_NONSPACE = re.compile(r"\S+")


def _filter(raw: str, offs: list[int], prot: list[bool], drop: list[tuple[int, int]]
            ) -> tuple[str, list[int], list[bool]]:
    """Remove the ``[a, b)`` ranges in ``drop`` (sorted, disjoint) from the three parallel arrays."""
    if not drop:
        return raw, offs, prot
    keep_s, keep_o, keep_p = [], [], []
    pos = 0
    for a, b in sorted(drop):
        if a < pos:
            continue
        keep_s.append(raw[pos:a])
        keep_o.extend(offs[pos:a])
        keep_p.extend(prot[pos:a])
        pos = b
    keep_s.append(raw[pos:])
    keep_o.extend(offs[pos:])
    keep_p.extend(prot[pos:])
    return "".join(keep_s), keep_o, keep_p


def _scan_string(raw: str, prot: list[bool]) -> str:
    """``raw`` with protected markup characters (code, escapes) hidden from the patterns."""
    if not any(prot):
        return raw
    return "".join("\x01" if p and ch in _SPECIAL else ch for ch, p in zip(raw, prot))


def _code_and_escapes(raw: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Ranges to drop (backticks, escaping backslashes) and ranges to protect (code, escaped chars)."""
    drop: list[tuple[int, int]] = []
    protect: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _CODE_OR_ESCAPE.search(raw, pos)
        if not m:
            break
        if m.group()[0] == "\\":
            drop.append((m.start(), m.start() + 1))
            protect.append((m.start() + 1, m.end()))
            pos = m.end()
            continue
        n = len(m.group())
        close = re.compile(r"(?<!`)`{%d}(?!`)" % n).search(raw, m.end())
        if close is None:
            protect.append((m.start(), m.end()))  # literal backticks
            pos = m.end()
            continue
        drop.append((m.start(), m.end()))
        drop.append((close.start(), close.end()))
        protect.append((m.end(), close.start()))
        pos = close.end()
    return drop, protect


def _delimiters(pattern: re.Pattern[str], scan: str) -> list[tuple[int, int]]:
    """Drop ranges for the delimiters around the matched group of each match."""
    out = []
    for m in pattern.finditer(scan):
        g = m.lastindex or 0
        out.append((m.start(), m.start(g)))
        out.append((m.end(g), m.end()))
    return out


def clean_inline(text: str, spans: list[tuple[int, int]], *, markdown: bool = True
                 ) -> tuple[str, list[int], bool]:
    """Clean text of the file ``spans`` joined by spaces.

    Returns ``(clean, offsets, all_bold)``: ``offsets[i]`` is the file offset of
    ``clean[i]`` (``-1`` for a synthetic space), and ``all_bold`` tells that
    every non-blank character sat inside ``**…**`` / ``__…__``.
    """
    parts: list[str] = []
    offs: list[int] = []
    for i, (a, b) in enumerate(spans):
        if i:
            parts.append(" ")
            offs.append(-1)
        parts.append(text[a:b])
        offs.extend(range(a, b))
    raw = "".join(parts)
    all_bold = False

    if markdown and _MARKUP_HINT.search(raw):
        prot = [False] * len(raw)
        drop, protect = _code_and_escapes(raw)
        for a, b in protect:
            prot[a:b] = [True] * (b - a)
        raw, offs, prot = _filter(raw, offs, prot, drop)

        scan = _scan_string(raw, prot)
        drop = []
        for m in _LINK.finditer(scan):
            drop.append((m.start(), m.start(1)))
            drop.append((m.end(1), m.end()))
        drop += _delimiters(_AUTOLINK, scan)
        raw, offs, prot = _filter(raw, offs, prot, drop)

        scan = _scan_string(raw, prot)
        strong = list(_STRONG.finditer(scan))
        if strong:
            outside, pos = [], 0
            for m in strong:
                outside.append(scan[pos:m.start()])
                pos = m.end()
            outside.append(scan[pos:])
            all_bold = not "".join(outside).strip()
        drop = [(m.start(), m.start(m.lastindex or 0)) for m in strong]
        drop += [(m.end(m.lastindex or 0), m.end()) for m in strong]
        raw, offs, prot = _filter(raw, offs, prot, drop)

        scan = _scan_string(raw, prot)
        drop = _delimiters(_EM, scan) + _delimiters(_STRIKE, scan)
        raw, offs, prot = _filter(raw, offs, prot, drop)

    # collapse whitespace; a kept space maps to a real file space where there is one
    out: list[str] = []
    out_offs: list[int] = []
    prev_end = -1
    for m in _NONSPACE.finditer(raw):
        a, b = m.span()
        if prev_end >= 0:
            sep = -1
            for k in range(prev_end, a):
                if raw[k] == " " and offs[k] >= 0:
                    sep = offs[k]
                    break
            out.append(" ")
            out_offs.append(sep)
        out.append(raw[a:b])
        out_offs.extend(offs[a:b])
        prev_end = b
    return "".join(out), out_offs, all_bold
