"""UTF-8 text read as a legacy code page ("mojibake"), found with ftfy.

ftfy decides, line by line, whether text is mojibake (its ``badness`` heuristic)
and how to undo it (``fix_encoding_and_explain``); this module turns its answer into
word spans. :func:`utf8_candidates` does the same for single words and for code
pages ftfy does not try (KOI8-R, DOS-866, Mac Cyrillic, …); the detector accepts
those only when the repair is a known word.
"""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache

from . import codepages
from .damage import Damage
from .lexicon import Lexicon

_FTFY_LABELS = {
    "latin-1": "Latin-1", "sloppy-windows-1252": "Windows-1252", "sloppy-windows-1251": "Windows-1251",
    "sloppy-windows-1250": "Windows-1250", "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254", "sloppy-windows-1257": "Windows-1257",
    "iso-8859-2": "ISO-8859-2", "macroman": "Mac Roman", "cp437": "DOS-437",
}
_MAX_LINE = 20_000


def describe(plan: list[tuple[str, str]]) -> str:
    """ftfy's explanation as a sentence: "UTF-8 text read as Windows-1252 (twice)"."""
    reads = [_FTFY_LABELS.get(enc, enc) for step, enc in plan if step == "encode"]
    if reads:
        if len(reads) > 1 and len(set(reads)) == 1:
            times = {2: "twice", 3: "three times"}.get(len(reads), f"{len(reads)} times")
            return f"UTF-8 text read as {reads[0]} {times}"
        return "UTF-8 text read as " + ", then as ".join(reads)
    steps = {enc for _, enc in plan}
    if "fix_c1_controls" in steps:
        return "C1 control characters where Windows-1252 punctuation was meant"
    if "decode_inconsistent_utf8" in steps:
        return "UTF-8 text read as Windows-1252 in part of the line"
    return "mis-decoded text (" + ", ".join(sorted(steps)) + ")"


def describe_utf8(read_codec: str) -> str:
    return f"UTF-8 text read as {codepages.label(read_codec)}"


def find(text: str, lex: Lexicon | None) -> list[Damage]:
    """Mojibake that ftfy can undo, one damage per whitespace-separated token run."""
    if text.isascii():
        return []
    from ftfy import fix_encoding_and_explain
    from ftfy.badness import is_bad

    if not is_bad(text):
        return []
    out: list[Damage] = []
    pos = 0
    for line in text.split("\n"):
        if line and not line.isascii() and len(line) <= _MAX_LINE and is_bad(line):
            fixed, plan = fix_encoding_and_explain(line)
            if fixed != line and plan:
                out.extend(_spans(line, fixed, pos, describe(plan), lex))
        pos += len(line) + 1
    return out


def _spans(line: str, fixed: str, offset: int, cause: str, lex: Lexicon | None) -> list[Damage]:
    """One damage per run of whitespace-separated tokens that ftfy changed."""
    ops = SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
    groups: list[list[int]] = []
    for tag, i1, i2, _, _ in ops:
        if tag == "equal":
            continue
        s = i1
        while s > 0 and not line[s - 1].isspace():
            s -= 1
        e = max(i2, i1 + 1) if i1 < len(line) else i2
        while e < len(line) and not line[e].isspace():
            e += 1
        if groups and s <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], e)
        else:
            groups.append([s, e])
    out = []
    for s, e in groups:
        orig, rep = line[s:e], fixed[_map(ops, s, True):_map(ops, e, False)]
        if orig == rep:
            continue
        if any("\x80" <= c <= "\x9f" for c in rep):
            # ftfy saw mojibake but left control characters: report the place, not the repair
            out.append(Damage(offset + s, offset + e, "mojibake", orig, None, cause, 0.6))
            continue
        conf = 0.95
        if lex is not None and lex.has_words:
            words = [t for t in (w.strip(_EDGES) for w in rep.split()) if any(c.isalpha() for c in t)]
            lost_letters = any(c.isalpha() for c in orig) and not any(c.isalpha() for c in rep)
            foreign = [w for w in words if any(c.isalpha() and c not in lex.alphabet for c in w)]
            if foreign and any(not c.isascii() and c.isalpha() and c not in lex.alphabet
                               for w in foreign for c in w if c not in orig):
                # the repair brings in a letter the language does not use (Polish "wysokoœci"
                # from a C1 control): a misreading, unless nothing else explains the word
                conf = 0.6
            elif lost_letters or (words and not any(lex.zipf(w) >= lex.strong_floor for w in words)):
                conf = 0.7  # a name, a symbol, or a misreading: other readings may do better
        out.append(Damage(offset + s, offset + e, "mojibake", orig, rep, cause, conf))
    return out


_EDGES = "\"'“”‘’„‚«»‹›()[]{}.,;:!?¿¡…–—-"


def _map(ops: list, x: int, start: bool) -> int:
    """Position in ftfy's output for position ``x`` of the input (a token boundary)."""
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= x <= i2:
            if tag == "equal":
                return j1 + (x - i1)
            return j1 if start else j2
    return ops[-1][4] if ops else x


#: pages tried when a single word looks like UTF-8 read in a single-byte page
_UTF8_PAGES = tuple(cp.codec for cp in codepages.CODEPAGES)


@lru_cache(maxsize=20000)
def _utf8_cached(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    res: dict[str, set[str]] = defaultdict(set)
    for codec in _UTF8_PAGES:
        raw = codepages.encode(word, codec)
        if raw is None:
            continue
        if not any(b >= 0xC2 for b in raw):
            continue
        try:
            r = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if r != word:
            res[r].add(codec)
    return tuple((r, tuple(sorted(c))) for r, c in res.items())


def utf8_candidates(word: str) -> dict[str, tuple[str, ...]]:
    """Repairs of ``word`` read as UTF-8 bytes of some single-byte page: repair → read pages."""
    return dict(_utf8_cached(word))
