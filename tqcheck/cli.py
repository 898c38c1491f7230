"""Command line: ``tqcheck check | align | rules | explain | fix-encoding``.

This is the only module that decides exit codes: 0 no finding at or above
``--fail-on``, 1 some, 2 bad usage or unreadable input (one line on stderr,
never a traceback).
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .errors import TqcheckError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error is one line and exit 2."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tqcheck", description="Quality checks for translations.")
    p.add_argument("--version", action="version", version=f"tqcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check translations: document pairs, localization files, trees",
                       description="Check translations. PATHs are files, directories (walked) and globs: "
                                   "localization files (PO, XLIFF, JSON, …) are each checked on their own; "
                                   "two plain-text/Markdown files are SOURCE TRANSLATION; one PAIRS.csv/.tsv "
                                   "holds pre-aligned 'source,target' rows; [[tool.tqcheck.documents]] "
                                   "mappings pair document trees. Settings come from [tool.tqcheck] in "
                                   "pyproject.toml or tqcheck.toml; flags beat the file.")
    c.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, directories or globs (default: the current directory)")
    c.add_argument("--src-lang", help="source language (ISO 639-1); from the file, config or detection when omitted")
    c.add_argument("--tgt-lang", help="target language (ISO 639-1); from the file, config or detection when omitted")
    c.add_argument("--encoding", help="encoding of both files when not UTF-8/UTF-16 with BOM")
    c.add_argument("--src-encoding", help="encoding of the source file")
    c.add_argument("--tgt-encoding", help="encoding of the translation file")
    c.add_argument("--format", default="text", choices=["text", "json", "csv", "sarif", "junit", "github"],
                   help="output format (default: text)")
    c.add_argument("-o", "--output", metavar="PATH", help="write the --format output here instead of stdout")
    c.add_argument("--json", metavar="PATH", help="write the JSON report ('-' = stdout)")
    c.add_argument("--csv", metavar="PATH", help="write the findings as CSV ('-' = stdout)")
    c.add_argument("--html", metavar="PATH", help="write the HTML review report (several pairs: a summary page at PATH linking one page per pair)")
    c.add_argument("--fail-on", default=None, choices=["critical", "major", "minor", "info", "never"],
                   help="exit 1 when a finding is at or above this severity (default: major)")
    c.add_argument("--select", action="append", metavar="CODES",
                   help="only these rules (codes or prefixes, comma-separated; e.g. TQ1,TQ301)")
    c.add_argument("--extend-select", action="append", metavar="CODES",
                   help="add these rules to the selection of the configuration")
    c.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (codes or prefixes)")
    c.add_argument("--config", metavar="PATH", help="configuration file (default: tqcheck.toml or "
                                                    "pyproject.toml, searched upwards)")
    c.add_argument("--no-config", action="store_true", help="ignore every configuration file")
    c.add_argument("--baseline", metavar="PATH", help="leave out findings recorded in this baseline file")
    c.add_argument("--write-baseline", metavar="PATH",
                   help="record every current finding in a baseline file and exit 0")
    c.add_argument("--exclude", action="append", metavar="GLOB", default=[],
                   help="skip files matching this glob (adds to the configuration's exclude)")
    c.add_argument("--no-pair", action="store_true",
                   help="never take two plain files as SOURCE TRANSLATION (documents are checked only "
                        "through [[documents]] mappings; for pre-commit)")
    c.add_argument("--lines", action="store_true", help="take each line as one sentence (pre-segmented input)")
    c.add_argument("--aligner", choices=["banded", "embeddings"], type=str.lower,
                   help="sentence aligner of document pairs: banded (default, no model) or embeddings "
                        "(a sentence-transformers model on disk, the 'embeddings' extra). Pair tables "
                        "and localization files are matched by row or key and ignore it")
    c.add_argument("--model", metavar="PATH", help="folder of a sentence-transformers model (LaBSE, a "
                   "multilingual MiniLM …) for the embeddings aligner; implies --aligner embeddings; "
                   "nothing is downloaded")
    c.add_argument("--dictionary", metavar="FILE", action="append",
                   help="bilingual word list (source<TAB>target per line, a CSV table, hunalign's "
                   "'target @ source', a TBX termbase, or a dictd dictionary's .index such as "
                   "FreeDict's in /usr/share/dictd; 'auto': the dictd dictionaries installed for "
                   "each pair's languages) that the aligner and the checks of missing, "
                   "added and moved content read beside what the texts share; document pairs only; "
                   "repeat for several language pairs (a first line 'de<TAB>fr' names its languages)")
    c.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="check N files at a time, each in its own process (default 1; 0 = one per "
                        "CPU); the output is the same as with one process")
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
    a.add_argument("--aligner", choices=["banded", "embeddings"], type=str.lower,
                   help="banded: no model (default); embeddings: a sentence-embedding model on disk "
                        "(needs the 'embeddings' extra and --model)")
    a.add_argument("--model", metavar="PATH", help="folder of a sentence-transformers model (LaBSE, a "
                   "multilingual MiniLM …) for the embeddings aligner; implies --aligner embeddings; "
                   "nothing is downloaded")
    a.add_argument("--dictionary", metavar="FILE", action="append",
                   help="bilingual word list (source<TAB>target per line, a CSV table, hunalign's "
                   "'target @ source', a TBX termbase, or a dictd dictionary's .index) read as shared "
                   "words by the banded aligner; "
                   "repeatable")
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
def _jobs(n: int) -> int:
    if n < 0:
        raise UsageError(f"--jobs must be 0 (one per CPU) or more, not {n}")
    return n


def _cmd_check(args) -> int:
    from . import gate
    from .config import Config, load_config

    cfg = Config(root=os.getcwd()) if args.no_config else load_config(args.config)
    opts = gate.GateOptions(
        config=cfg, src_lang=args.src_lang, tgt_lang=args.tgt_lang, encoding=args.encoding,
        src_encoding=args.src_encoding, tgt_encoding=args.tgt_encoding, lines=args.lines,
        max_bytes=int(args.max_size * 1_000_000), progress=_progress_wanted(args),
        select=_codes(args.select), ignore=_codes(args.ignore), extend_select=_codes(args.extend_select),
        fail_on=args.fail_on, baseline=args.baseline, pair=not args.no_pair, exclude=list(args.exclude),
        aligner=args.aligner, model=args.model, dictionary=args.dictionary, jobs=_jobs(args.jobs))
    if args.write_baseline:
        opts.baseline = ""  # record everything, also what the old baseline accepted
    rs = gate.run(args.paths, opts)
    for e in rs.errors:
        print(f"tqcheck: error: {e}", file=sys.stderr)
    if not args.quiet:
        for w in rs.warnings:
            print(f"tqcheck: warning: {w}", file=sys.stderr)

    if args.write_baseline:
        from .suppress import write_baseline

        n = write_baseline(args.write_baseline, [f for r in rs.results for f in r.findings + r.baselined])
        print(f"tqcheck: wrote {n} finding{'s' if n != 1 else ''} of {len(rs.results)} "
              f"file{'s' if len(rs.results) != 1 else ''} to {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if rs.errors else EXIT_OK
    if not rs.results and rs.errors and args.format == "text" and not (args.json or args.csv or args.output):
        return EXIT_ERROR  # nothing was checked: the error lines say it all

    single = rs.results[0] if len(rs.results) == 1 and not rs.errors else None
    # one document pair or table named on the command line: the classic single-report output
    classic = (single is not None and single.kind in ("document", "pairs") and single.explicit
               and single.report is not None and len(args.paths) <= 2)
    code = rs.exit_code()
    try:
        _outputs(args, rs, single, classic)
    except BrokenPipeError:
        # the reader stopped reading (``| head``): the verdict stands, whatever was not printed
        _quiet_stdout()
    return code


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit does not fail again."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _outputs(args, rs, single, classic) -> None:
    """Write the reports the options ask for and the text report (unless a report goes to
    standard output)."""
    from .report import multi
    from .report.text import render_statistics, render_text

    to_stdout = False
    written = []
    for path, kind in ((args.json, "json"), (args.csv, "csv"), (args.html, "html")):
        if not path:
            continue
        if kind == "html":
            rep = single.report if single is not None else None
            if rep is None or not hasattr(rep, "to_html"):
                reports = [r.report for r in rs.results if getattr(r.report, "to_html", None)]
                if not reports:
                    if rs.errors and not rs.results:
                        continue  # nothing was checked; the error lines say why
                    raise UsageError("--html needs at least one checked document pair or file")
                if path == "-":
                    raise UsageError("--html - (standard output) needs a single document pair or file")
                from .report.index import write_reports

                # several pairs: one review page each, next to a summary page at PATH
                write_reports(reports, path)
            else:
                rep.to_html(path)
        elif classic:
            (single.report.to_json if kind == "json" else single.report.to_csv)(path)
        else:
            _write_out(path, multi.to_json(rs) if kind == "json" else multi.to_csv(rs))
        to_stdout |= path == "-"
        if path != "-":
            written.append(path)
    if args.format != "text":
        text = _render(args.format, rs)
        _write_out(args.output or "-", text)
        if args.output and args.output != "-":
            written.append(args.output)
        else:
            to_stdout = True
    elif args.output and args.output != "-":
        _write_out(args.output, render_text(single.report) if classic else multi.render_text(rs))
        written.append(args.output)
    if not to_stdout:
        color = not args.no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        if classic:
            if args.quiet:
                print(render_text(single.report, color=color, max_findings=0).rstrip().splitlines()[0])
            else:
                sys.stdout.write(render_text(single.report, color=color))
            sup_i, sup_b = rs.suppressed_inline, rs.suppressed_baseline
            if sup_i or sup_b:
                print(f"({sup_i + sup_b} suppressed: {sup_i} inline, {sup_b} by the baseline)")
            if args.statistics:
                sys.stdout.write(render_statistics(single.report))
        else:
            if args.quiet:
                print(multi.render_summary(rs))
            else:
                sys.stdout.write(multi.render_text(rs, color=color))
            if args.statistics:
                sys.stdout.write(multi.render_statistics_all(rs))
        if written and not args.quiet:
            print("reports: " + ", ".join(written))


def _render(fmt: str, rs) -> str:
    from .report import multi

    if fmt == "json":
        return multi.to_json(rs)
    if fmt == "csv":
        return multi.to_csv(rs)
    if fmt == "sarif":
        from .report.sarif import render_sarif

        return render_sarif(rs)
    if fmt == "junit":
        from .report.junit import render_junit

        return render_junit(rs)
    if fmt == "github":
        from .report.github import render_github

        return render_github(rs)
    return multi.render_text(rs)


def _write_out(path: str, text: str) -> None:
    from .report.model import _write

    try:
        _write(path, text)
    except BrokenPipeError:
        raise  # standard output's reader stopped reading: not an error of the run (see _cmd_check)
    except OSError as e:
        raise UsageError(f"cannot write: {e.strerror or e}", path=path) from None


def _read_pairs(path: str, encoding: str | None, max_bytes: int) -> tuple[list[tuple[str, str]], list[int]]:
    """Rows of a source/target table (kept for callers of the old name; see :func:`gate.read_pairs`)."""
    from .gate import read_pairs

    return read_pairs(path, encoding, max_bytes)


# -- align ---------------------------------------------------------------------------------------
def _cmd_align(args) -> int:
    from . import pipeline
    from .align.formats import format_beads

    aligner = pipeline.resolve_aligner(args.aligner, args.model)
    if aligner == "embeddings":
        from .align.embeddings import check_model_path

        check_model_path(args.model)  # before reading anything: one line, exit 2
    if args.dictionary:
        from .align.dictionary import load_all

        load_all(args.dictionary)  # likewise
    docs = []
    for path, lang in ((args.source, args.src_lang), (args.target, args.tgt_lang)):
        text, enc = pipeline.read(path, encoding=args.encoding)
        docs.append(pipeline.segment(text, path=path, encoding=enc, lang=lang, lines=args.lines))
    beads, _ = pipeline.align(docs[0], docs[1], progress=_progress_wanted(args), aligner=aligner,
                              model=args.model, dictionary=args.dictionary)
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
        print(rules_markdown(rules), end="")
    else:
        w = max(len(r.name) for r in rules) if rules else 10
        for r in rules:
            print(f"{r.code}  {r.name:<{w}}  {r.severity.value:<8} {r.category:<12} {r.description}")
    return EXIT_OK


def rules_markdown(rules) -> str:
    """The README's rule reference: a table, then each rule's example."""
    out = ["| code | name | category | MQM | severity | what it finds |", "|---|---|---|---|---|---|"]
    out += [f"| {r.code} | `{r.name}` | {r.category} | {r.mqm} | {r.severity.value} | {r.description} |"
            for r in rules]
    out.append("")
    out.append("Examples (each one triggers its rule; the test suite runs them):")
    out.append("")
    for r in rules:
        if r.example:
            s, t, sl, tl = r.example
            out.append(f"- **{r.code}** `{r.name}` ({sl}→{tl}): {_md_code(s)} → {_md_code(t)}")
    return "\n".join(out) + "\n"


def _md_code(text: str) -> str:
    text = text.replace("\n", "⏎")
    tick = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{tick}{pad}{text}{pad}{tick}"


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
        print(inspect.cleandoc(r.explanation) + "\n")
    if r.example:
        s, t, sl, tl = r.example
        print(f"Example ({sl} → {tl}):\n  source:      {s!r}\n  translation: {t!r}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
