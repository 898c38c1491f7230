"""Command line: ``tqcheck check | align | rules | explain | fix-encoding``.

This is the only module that decides exit codes: 0 no finding at or above
``--fail-on``, 1 some, 2 bad usage or unreadable input (one line on stderr,
never a traceback).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .errors import InputError, TqcheckError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_TABULAR = (".csv", ".tsv")


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error is one line and exit 2."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tqcheck", description="Quality checks for translations.")
    p.add_argument("--version", action="version", version=f"tqcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check a translation against its source",
                       description="Align SOURCE and TRANSLATION and report problems. With one "
                                   "argument, PAIRS.csv/.tsv holds pre-aligned 'source,target' rows.")
    c.add_argument("paths", nargs="+", metavar="PATH", help="SOURCE TRANSLATION, or PAIRS.csv")
    c.add_argument("--src-lang", help="source language (ISO 639-1); detected when omitted")
    c.add_argument("--tgt-lang", help="target language (ISO 639-1); detected when omitted")
    c.add_argument("--encoding", help="encoding of both files when not UTF-8/UTF-16 with BOM")
    c.add_argument("--src-encoding", help="encoding of the source file")
    c.add_argument("--tgt-encoding", help="encoding of the translation file")
    c.add_argument("--json", metavar="PATH", help="write the JSON report ('-' = stdout)")
    c.add_argument("--csv", metavar="PATH", help="write the findings as CSV ('-' = stdout)")
    c.add_argument("--html", metavar="PATH", help="write the HTML review report ('-' = stdout)")
    c.add_argument("--fail-on", default="major", choices=["critical", "major", "minor", "info", "never"],
                   help="exit 1 when a finding is at or above this severity (default: major)")
    c.add_argument("--select", action="append", metavar="CODES",
                   help="only these rules (codes or prefixes, comma-separated; e.g. TQ1,TQ301)")
    c.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (codes or prefixes)")
    c.add_argument("--lines", action="store_true", help="take each line as one sentence (pre-segmented input)")
    c.add_argument("--statistics", action="store_true", help="print the count of findings per rule")
    c.add_argument("--max-size", type=float, default=20.0, metavar="MB",
                   help="refuse input files larger than this (default 20 MB)")
    c.add_argument("-q", "--quiet", action="store_true", help="print only errors (and the summary line)")
    c.add_argument("--no-color", action="store_true", help="no ANSI colours in the terminal output")

    a = sub.add_parser("align", help="print the sentence alignment of two texts")
    a.add_argument("source")
    a.add_argument("target")
    a.add_argument("--src-lang")
    a.add_argument("--tgt-lang")
    a.add_argument("--encoding")
    a.add_argument("--lines", action="store_true", help="take each line as one sentence")
    a.add_argument("--format", default="vecalign", choices=["vecalign", "tsv", "json"])
    a.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    r = sub.add_parser("rules", help="list every rule")
    r.add_argument("--format", default="text", choices=["text", "markdown", "json"])

    e = sub.add_parser("explain", help="document one rule")
    e.add_argument("code")

    f = sub.add_parser("fix-encoding", help="repair encoding damage in a file (writes a new file)",
                       add_help=False)
    f.add_argument("rest", nargs=argparse.REMAINDER)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = _build_parser()
        if argv and argv[0] == "fix-encoding":
            from .fix_encoding import main as fix_main

            return fix_main(argv[1:])
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        return {"check": _cmd_check, "align": _cmd_align, "rules": _cmd_rules,
                "explain": _cmd_explain}[args.command](args)
    except TqcheckError as e:
        print(f"tqcheck: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("tqcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # never a traceback for a user; TQCHECK_DEBUG=1 shows it
        if os.environ.get("TQCHECK_DEBUG"):
            raise
        print(f"tqcheck: internal error: {type(e).__name__}: {e} (set TQCHECK_DEBUG=1 for details)",
              file=sys.stderr)
        return EXIT_ERROR


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _progress_wanted(args) -> bool:
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


# -- check ---------------------------------------------------------------------------------------
def _cmd_check(args) -> int:
    from . import api
    from .report.text import render_statistics, render_text

    paths = args.paths
    max_bytes = int(args.max_size * 1_000_000)
    if len(paths) == 1:
        if not paths[0].lower().endswith(_TABULAR):
            raise UsageError("check needs SOURCE and TRANSLATION, or one PAIRS.csv/.tsv file")
        rows, first = _read_pairs(paths[0], args.encoding, max_bytes)
        report = api.check_pairs(rows, args.src_lang, args.tgt_lang, select=_codes(args.select),
                                 ignore=_codes(args.ignore), path=paths[0], lines=first)
    elif len(paths) == 2:
        report = api.check_files(paths[0], paths[1], args.src_lang, args.tgt_lang,
                                 encoding=args.encoding, src_encoding=args.src_encoding,
                                 tgt_encoding=args.tgt_encoding, select=_codes(args.select),
                                 ignore=_codes(args.ignore), lines=args.lines,
                                 progress=_progress_wanted(args), max_bytes=max_bytes)
    else:
        raise UsageError("check takes two paths (SOURCE TRANSLATION) or one PAIRS.csv")

    to_stdout = False
    for path, render in ((args.json, report.to_json), (args.csv, report.to_csv), (args.html, report.to_html)):
        if path:
            render(path)
            to_stdout |= path == "-"
    if not to_stdout:
        color = not args.no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        if args.quiet:
            print(render_text(report, color=color, max_findings=0).rstrip().splitlines()[0])
        else:
            sys.stdout.write(render_text(report, color=color))
        if args.statistics:
            sys.stdout.write(render_statistics(report))
        written = [p for p in (args.json, args.csv, args.html) if p]
        if written and not args.quiet:
            print("reports: " + ", ".join(written))
    return EXIT_FINDINGS if report.failed(args.fail_on) else EXIT_OK


def _read_pairs(path: str, encoding: str | None, max_bytes: int) -> tuple[list[tuple[str, str]], list[int]]:
    """Rows of a source/target table, with the file line where each row starts."""
    from .io.text import read_text

    text, _ = read_text(path, encoding=encoding, max_bytes=max_bytes)
    dialect = "excel-tab" if path.lower().endswith(".tsv") else "excel"
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, dialect=dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("file is empty", path=path) from None
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=path, line=1) from None
    cols = [h.strip().lower() for h in header]
    if "source" not in cols or "target" not in cols:
        raise InputError(f"needs 'source' and 'target' columns, found: {', '.join(header)}", path=path, line=1)
    si, ti = cols.index("source"), cols.index("target")
    rows, first = [], []
    start = reader.line_num + 1
    try:
        for rec in reader:
            if rec and any(x.strip() for x in rec):
                if len(rec) <= max(si, ti):
                    raise InputError(f"row has {len(rec)} columns, expected at least {max(si, ti) + 1}",
                                     path=path, line=start)
                rows.append((rec[si], rec[ti]))
                first.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        raise InputError(f"malformed CSV: {e}", path=path, line=start) from None
    if not rows:
        raise InputError("no rows after the header", path=path, line=2)
    return rows, first


# -- align ---------------------------------------------------------------------------------------
def _cmd_align(args) -> int:
    from . import pipeline
    from .align.formats import format_beads

    docs = []
    for path, lang in ((args.source, args.src_lang), (args.target, args.tgt_lang)):
        text, enc = pipeline.read(path, encoding=args.encoding)
        docs.append(pipeline.segment(text, path=path, encoding=enc, lang=lang, lines=args.lines))
    beads, _ = pipeline.align(docs[0], docs[1], progress=_progress_wanted(args))
    out = format_beads(beads, args.format)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_OK


# -- rules / explain -----------------------------------------------------------------------------
def _cmd_rules(args) -> int:
    from .checks import registry

    rules = [registry.load()[c] for c in sorted(registry.load())]
    if args.format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "mqm": r.mqm,
                           "severity": r.severity.value, "scope": r.scope,
                           "description": r.description} for r in rules], indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        print("| code | name | category | MQM | severity | what it finds |")
        print("|---|---|---|---|---|---|")
        for r in rules:
            print(f"| {r.code} | `{r.name}` | {r.category} | {r.mqm} | {r.severity.value} | {r.description} |")
    else:
        w = max(len(r.name) for r in rules) if rules else 10
        for r in rules:
            print(f"{r.code}  {r.name:<{w}}  {r.severity.value:<8} {r.category:<12} {r.description}")
    return EXIT_OK


def _cmd_explain(args) -> int:
    from .checks import registry

    reg = registry.load()
    code = args.code.upper()
    if code not in reg:
        raise UsageError(f"unknown rule {args.code!r} (see 'tqcheck rules')")
    r = reg[code]
    print(f"{r.code} {r.name}\n")
    print(f"  category: {r.category}    MQM: {r.mqm}    default severity: {r.severity.value}\n")
    print(f"{r.description}\n")
    if r.explanation:
        print(r.explanation + "\n")
    if r.example:
        s, t, sl, tl = r.example
        print(f"Example ({sl} → {tl}):\n  source:      {s!r}\n  translation: {t!r}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
