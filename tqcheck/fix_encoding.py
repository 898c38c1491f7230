"""``tqcheck fix-encoding FILE [--lang xx] [-o OUT] [--json PATH]``: repair encoding damage.

Reads a text file, finds its damaged words with :mod:`tqcheck.encoding` (the detector behind
the TQ30x rules, so the repairs are the suggestions ``tqcheck check`` shows), and writes the text
with every confident repair applied to ``-o OUT`` or to standard output. The input file is never
written to. Nothing but the damaged characters changes: line breaks (LF, CRLF, CR), a byte-order
mark, the file's encoding and every other byte stay as they were; bytes that are not valid UTF-8
are kept as they are unless the detector repairs the word they belong to.

Each damaged place is listed on standard error as ``file:line:column: kind: 'old' -> 'new'
[cause]``. ``--json PATH`` writes every damaged span (character offsets into the decoded input,
kind, cause, replacement, whether it was applied) as JSON.

Exit status: 0 = done (or, with ``--check``, nothing to repair), 1 = ``--check`` found damage,
2 = bad input or usage.
"""
from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .encoding import Damage, detect, summarize
from .errors import InputError, TqcheckError, UsageError

_MAX_BYTES = 50_000_000
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tqcheck fix-encoding",
        description="Repair encoding damage (code-page mix-ups, mojibake, lost letters, homoglyphs, "
                    "wrong dotted i, cedillas, NFD, invisible characters) in a text file. The "
                    "repaired text goes to a new file or to standard output, never to FILE itself.")
    p.add_argument("file", help="the file to repair ('-' for standard input)")
    p.add_argument("--lang", help="language of the file (default: detected)")
    p.add_argument("--encoding", help="encoding of the file (default: UTF-8, or as its byte-order "
                                      "mark says); the output is written in the same encoding")
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", help="write the repaired text here (default: standard output)")
    out.add_argument("--check", action="store_true",
                     help="write no text; exit 1 when something needs repair")
    p.add_argument("--json", metavar="PATH",
                   help="write every damaged span (offsets, kind, cause, replacement) to PATH as JSON "
                        "('-' for standard output, with -o or --check)")
    p.add_argument("--min-confidence", type=float, default=0.8,
                   help="apply only repairs at least this sure (default: 0.8)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not list the repairs")
    return p


def apply(text: str, damages: Sequence[Damage], min_confidence: float = 0.0) -> tuple[str, list[Damage]]:
    """``text`` with the repairs of ``damages`` (at least ``min_confidence`` sure) applied;
    also returns the damages that were applied."""
    out, pos, used = [], 0, []
    for d in sorted(damages, key=lambda d: d.start):
        if d.replacement is None or d.confidence < min_confidence or d.start < pos:
            continue
        out.append(text[pos:d.start])
        out.append(d.replacement)
        pos = d.end
        used.append(d)
    out.append(text[pos:])
    return "".join(out), used


@dataclass
class _Input:
    name: str
    text: str
    #: codec to write the text back with, and its error handler
    codec: str
    errors: str
    bom: bytes


def main(argv: Sequence[str]) -> int:
    """Run ``tqcheck fix-encoding`` with ``argv`` (the arguments after the subcommand)."""
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as e:  # argparse: --help (0) or a usage error (2)
        return int(e.code or 0)
    try:
        return _run(args)
    except TqcheckError as e:
        print(f"tqcheck: error: {e}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from .lang.detect import detect as detect_lang, normalize_lang

    if not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    if args.json == "-" and not (args.output or args.check):
        raise UsageError("--json - needs -o or --check (standard output carries the repaired text)")
    if args.output and args.file != "-" and _same_file(args.file, args.output):
        raise UsageError("-o names the input file; fix-encoding never rewrites its input")
    inp = _read(args.file, args.encoding)
    text = inp.text
    lang = normalize_lang(args.lang) or detect_lang(text.encode("utf-8", "replace").decode("utf-8"))
    damages = detect(text, lang)
    fixed, used = apply(text, damages, args.min_confidence)
    if not args.quiet:
        _report(inp.name, text, damages, used, lang)
    if args.json:
        _write_json(args.json, inp, text, damages, used, lang)
    if args.check:
        return 1 if damages else 0
    try:
        data = inp.bom + fixed.encode(inp.codec, inp.errors)
    except UnicodeEncodeError as e:
        raise InputError(f"the repaired text has {fixed[e.start]!r}, which {inp.codec} cannot hold; "
                         "convert the file to UTF-8 first", path=inp.name) from None
    if args.output:
        with open(args.output, "wb") as fh:
            fh.write(data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _read(path: str, encoding: str | None) -> _Input:
    """The file's text, and how to write it back byte for byte."""
    from .io.text import read_bytes

    name = "<stdin>" if path == "-" else path
    data = read_bytes(path, max_bytes=_MAX_BYTES, option=None)
    bom, codec = b"", None
    for mark, c in _BOMS:
        if data.startswith(mark):
            bom, codec = mark, c
            break
    if encoding:
        try:
            wanted = codecs.lookup(encoding).name
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}") from None
        if codec is None or wanted != "utf-8" or codec != "utf-8":
            codec, bom = wanted, (bom if codec == wanted else b"")
    body = data[len(bom):]
    if codec is None or codec == "utf-8":
        # bytes that are not UTF-8 are kept (as lone surrogates the detector reports and may repair)
        return _Input(name, body.decode("utf-8", "surrogateescape"), "utf-8", "surrogateescape", bom)
    try:
        return _Input(name, body.decode(codec), codec, "strict", bom)
    except UnicodeDecodeError as err:
        if not encoding:  # bytes that only looked like a UTF-16/32 byte-order mark
            return _Input(name, data.decode("utf-8", "surrogateescape"), "utf-8", "surrogateescape", b"")
        raise InputError(f"not valid {codec} (byte 0x{body[err.start]:02x} at offset {err.start})",
                         path=name) from None


def _positions(text: str) -> list[int]:
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _report(name: str, text: str, damages: list[Damage], used: list[Damage], lang: str | None) -> None:
    starts = _positions(text)
    applied = {id(d) for d in used}
    err = sys.stderr
    for d in damages:
        line, col = _line_col(starts, d.start)
        what = (f"{_show(d.original)} -> {_show(d.replacement or '')}" if id(d) in applied
                else f"{_show(d.original)} (not repaired: "
                     f"{'no sure repair' if d.replacement is None else 'not sure enough'})")
        print(f"{name}:{line}:{col}: {d.kind}: {what} [{d.cause}]", file=err)
    for s in summarize(damages):
        print(f"{name}: {s.cause} in {s.count} places", file=err)
    print(f"{name}: {len(used)} of {len(damages)} damaged places repaired"
          f" (language: {lang or 'unknown'})", file=err)


def _show(s: str) -> str:
    """repr() of a string, with undecodable bytes shown as such."""
    return repr(s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))


def _write_json(path: str, inp: _Input, text: str, damages: list[Damage], used: list[Damage],
                lang: str | None) -> None:
    starts = _positions(text)
    applied = {id(d) for d in used}

    def clean(s: str | None) -> str | None:
        return None if s is None else s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")

    spans = []
    for d in damages:
        line, col = _line_col(starts, d.start)
        spans.append({"start": d.start, "end": d.end, "line": line, "column": col, "kind": d.kind,
                      "cause": d.cause, "original": clean(d.original), "replacement": clean(d.replacement),
                      "confidence": d.confidence, "applied": id(d) in applied,
                      "pages": list(d.pages) if d.pages else None})
    doc = {"file": inp.name, "language": lang, "encoding": inp.codec,
           "offsets": "characters of the decoded input (a byte-order mark excluded), end exclusive",
           "damages": spans,
           "summary": [{"kind": s.kind, "cause": s.cause, "count": s.count} for s in summarize(damages)]}
    body = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if path == "-":
        sys.stdout.write(body)
    else:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(body)
