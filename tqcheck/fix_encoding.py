"""``tqcheck fix-encoding``: repair encoding damage in one file.

Reads a text file, finds its damaged words with :mod:`tqcheck.encoding`, and writes the
text with every confident repair applied, changing nothing else. Each repair (and each
damage that cannot be repaired) is listed on standard error as ``file:line:col``.

Exit status: 0 = done (or, with ``--check``, nothing to repair), 1 = ``--check`` found
damage, 2 = bad input or usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from collections.abc import Sequence

from .encoding import Damage, detect, summarize
from .errors import TqcheckError, UsageError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tqcheck fix-encoding",
        description="Repair encoding damage (code-page mix-ups, mojibake, lost letters, homoglyphs, "
                    "wrong dotted i, cedillas, NFD, invisible characters) in a text file.")
    p.add_argument("file", help="the file to repair ('-' for standard input)")
    p.add_argument("--lang", help="language of the file (default: detected)")
    p.add_argument("--encoding", help="encoding of the file (default: detected)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", help="write the repaired text here (default: standard output)")
    out.add_argument("--in-place", action="store_true", help="rewrite the file itself (as UTF-8)")
    out.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 when something needs repair")
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
    from .io.text import read_text
    from .lang.detect import detect as detect_lang, normalize_lang

    if args.in_place and args.file == "-":
        raise UsageError("--in-place needs a file, not standard input")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    text, _enc = read_text(args.file, encoding=args.encoding)
    lang = normalize_lang(args.lang) or detect_lang(text)
    damages = detect(text, lang)
    fixed, used = apply(text, damages, args.min_confidence)
    name = "<stdin>" if args.file == "-" else args.file
    if not args.quiet:
        _report(name, text, damages, used, lang)
    if args.check:
        return 1 if damages else 0
    if args.in_place:
        if used:
            tmp = args.file + ".tqcheck-tmp"
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                fh.write(fixed)
            os.replace(tmp, args.file)
    elif args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as fh:
            fh.write(fixed)
    else:
        sys.stdout.write(fixed)
    return 0


def _report(name: str, text: str, damages: list[Damage], used: list[Damage], lang: str | None) -> None:
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    applied = {id(d) for d in used}
    err = sys.stderr
    for d in damages:
        line = bisect_right(starts, d.start)
        col = d.start - starts[line - 1] + 1
        what = (f"{d.original!r} -> {d.replacement!r}" if id(d) in applied
                else f"{d.original!r} (not repaired: {'no sure repair' if d.replacement is None else 'not sure enough'})")
        print(f"{name}:{line}:{col}: {d.kind}: {what} [{d.cause}]", file=err)
    for s in summarize(damages):
        print(f"{name}: {s.cause} in {s.count} places", file=err)
    print(f"{name}: {len(used)} of {len(damages)} damaged places repaired"
          f" (language: {lang or 'unknown'})", file=err)
