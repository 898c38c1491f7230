"""Score tqcheck's aligner and a Gale–Church baseline on the Text+Berg gold standard.

    python benchmarks/align_textberg.py [--data ../shared/bench/align] [--lines] [--docs test0 ...]

Reads ``X.de`` / ``X.fr`` (one sentence per line) and the gold ``X.defr``, and prints
strict / lax precision, recall and F1 per document and micro-averaged over test0–5
(the metric defined in the data's README, see :mod:`tqcheck.align.score`).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck.align import galechurch  # noqa: E402
from tqcheck.align.banded import align_sentences  # noqa: E402
from tqcheck.align.score import count, parse_vecalign  # noqa: E402

TEST = [f"test{k}" for k in range(6)]


def load(data: Path, name: str) -> tuple[list[str], list[str], list]:
    src = (data / f"{name}.de").read_text(encoding="utf-8").split("\n")
    tgt = (data / f"{name}.fr").read_text(encoding="utf-8").split("\n")
    # one sentence per line; a final newline does not make an extra sentence
    if src and src[-1] == "":
        src.pop()
    if tgt and tgt[-1] == "":
        tgt.pop()
    gold = parse_vecalign((data / f"{name}.defr").read_text(encoding="utf-8"))
    return src, tgt, gold


SYSTEMS = {
    "tqcheck": lambda s, t: align_sentences(s, t).beads,
    "gale-church": galechurch.align,
}


def run(data: Path, docs: list[str], systems: list[str]) -> dict:
    rows = {}
    for sysname in systems:
        f = SYSTEMS[sysname]
        totals = {}
        for group, names in (("test0-5", [d for d in docs if d in TEST]),
                             ("dev", [d for d in docs if d == "dev"])):
            tot = None
            for name in names:
                s, t, g = load(data, name)
                t0 = time.perf_counter()
                beads = f(s, t)
                dt = time.perf_counter() - t0
                c = count(g, beads)
                rows[(sysname, name)] = (c.scores(), dt)
                tot = c if tot is None else tot + c
            if tot is not None:
                totals[group] = tot.scores()
        for g, sc in totals.items():
            rows[(sysname, g)] = (sc, None)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "bench" / "align"))
    ap.add_argument("--lines", action="store_true", default=True,
                    help="one sentence per line (the only mode of this data set; default)")
    ap.add_argument("--docs", nargs="*", default=TEST + ["dev"])
    ap.add_argument("--systems", nargs="*", default=list(SYSTEMS))
    a = ap.parse_args(argv)
    rows = run(Path(a.data), a.docs, a.systems)
    hdr = f"{'system':<12} {'doc':<8} {'P strict':>8} {'R strict':>8} {'F1 strict':>9} " \
          f"{'P lax':>7} {'R lax':>7} {'F1 lax':>7} {'sec':>6}"
    print(hdr)
    print("-" * len(hdr))
    for (sysname, doc), (sc, dt) in rows.items():
        print(f"{sysname:<12} {doc:<8} {sc['precision_strict']:8.3f} {sc['recall_strict']:8.3f} "
              f"{sc['f1_strict']:9.3f} {sc['precision_lax']:7.3f} {sc['recall_lax']:7.3f} "
              f"{sc['f1_lax']:7.3f} {'' if dt is None else f'{dt:6.2f}'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
