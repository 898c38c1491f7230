"""Time and peak memory of the aligner on a large document pair.

Builds a pair of about N sentences per side by concatenating the Text+Berg German–French
documents (read from ``../shared/bench/align`` at run time, never copied) again and again,
each copy with a different sentence dropped, added and moved, and aligns it in a fresh
process per size (so that the peak memory is that of one run).

    python benchmarks/align_speed.py              # 2,000 and 20,000 sentences
    python benchmarks/align_speed.py 50000
    python benchmarks/align_speed.py 20000 --dictionary /tmp/tqcheck-freedict/de-fr.tsv
    python benchmarks/align_speed.py --check      # the whole check (read, segment, align, every
                                                  # rule), as tqcheck.check runs it
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "bench" / "align"
DOCS = ["dev"] + [f"test{k}" for k in range(6)]


def build_pair(n: int, data: Path = DATA, seed: int = 0) -> tuple[list[str], list[str], list[int], list[int]]:
    """About ``n`` source sentences (with paragraph numbers: one per document copy)."""
    rng = random.Random(seed)
    docs = []
    for d in DOCS:
        s = (data / f"{d}.de").read_text(encoding="utf-8").splitlines()
        t = (data / f"{d}.fr").read_text(encoding="utf-8").splitlines()
        docs.append((s, t))
    src: list[str] = []
    tgt: list[str] = []
    sp: list[int] = []
    tp: list[int] = []
    k = 0
    while len(src) < n:
        s, t = docs[k % len(docs)]
        s, t = list(s), list(t)
        if len(t) > 10:
            del t[rng.randrange(len(t))]
            j = rng.randrange(len(t) - 5)
            t.insert(j + 3, t.pop(j))
        room = n - len(src)
        s, t = s[:room], t[:max(1, round(room * len(t) / max(1, len(s))))]
        src += s
        tgt += t
        sp += [k] * len(s)
        tp += [k] * len(t)
        k += 1
    return src, tgt, sp, tp


def _text(sents: list[str], paras: list[int]) -> str:
    """One sentence a line, a blank line between document copies (their paragraphs)."""
    out: list[str] = []
    for k, (x, p) in enumerate(zip(sents, paras)):
        if k and p != paras[k - 1]:
            out.append("")
        out.append(x)
    return "\n".join(out) + "\n"


def _child_check(n: int) -> None:
    """Time ``tqcheck.check`` on the pair (``lines=True``: a sentence a line) and print it."""
    import tqcheck

    s, t, sp, tp = build_pair(n)
    src, tgt = _text(s, sp), _text(t, tp)
    t0 = time.perf_counter()
    rep = tqcheck.check(src, tgt, "de", "fr", lines=True)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": len(rep.source.sentences), "m": len(rep.target.sentences), "seconds": round(dt, 2),
                      "peak_mb": round(peak), "findings": len(rep.findings)}))


def _child(n: int, dictionary: str | None = None) -> None:
    from tqcheck.align.banded import align_sentences

    s, t, sp, tp = build_pair(n)
    dic = None
    if dictionary:
        from tqcheck.align.dictionary import resolve

        dic = resolve(dictionary, "de", "fr")  # loading the list is not timed (once per process)
    t0 = time.perf_counter()
    res = align_sentences(s, t, src_paragraphs=sp, tgt_paragraphs=tp, progress=sys.stderr.isatty(),
                          dictionary=dic)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": len(s), "m": len(t), "seconds": round(dt, 2), "peak_mb": round(peak),
                      "beads": len(res.beads), "band": res.stats.get("band"),
                      "passes": res.stats.get("passes")}))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        _child(int(argv[1]), argv[2] if len(argv) > 2 else None)
        return 0
    if argv[:1] == ["--child-check"]:
        _child_check(int(argv[1]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, metavar="N",
                    help="source sentences of each pair (default: 2000 20000)")
    ap.add_argument("--dictionary", metavar="FILE", help="align with this German–French word list "
                    "(benchmarks/freedict.py makes one in /tmp)")
    ap.add_argument("--check", action="store_true",
                    help="time the whole check (tqcheck.check: every rule) instead of the aligner alone")
    a = ap.parse_args(argv)
    if a.check and a.dictionary:
        ap.error("--check runs without a dictionary")
    sizes = a.sizes or [2000, 20000]
    if not DATA.is_dir():
        print(f"no data in {DATA}: skipped")
        return 0
    last = "findings" if a.check else f"{'band':>5} {'passes':>6}"
    print(f"{'sentences':>10} {'target':>8} {'seconds':>8} {'peak MB':>8} {last:>8}")
    for n in sizes:
        child = ["--child-check", str(n)] if a.check else \
            ["--child", str(n)] + ([a.dictionary] if a.dictionary else [])
        out = subprocess.run([sys.executable, __file__] + child, capture_output=True, text=True)
        if out.returncode:
            print(out.stderr[-2000:])
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        tail = f"{r['findings']:>8}" if a.check else f"{r['band']:>5} {r['passes']:>6}"
        print(f"{r['n']:>10} {r['m']:>8} {r['seconds']:>8} {r['peak_mb']:>8} {tail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
