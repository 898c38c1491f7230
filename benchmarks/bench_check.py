"""Wall time and peak memory of a full check on a large document pair.

Builds a pair of about N source sentences from the fixture (the speech repeated,
with every copy perturbed: one source paragraph dropped from the translation,
two target paragraphs swapped, numbers changed), then runs the whole pipeline
(segment → align → check) once in a fresh process per size and prints a table.

    python benchmarks/bench_check.py            # 2,000 sentences
    python benchmarks/bench_check.py 2000 10000 20000
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
FIX = ROOT / "fixtures"


def build_pair(n_sentences: int, seed: int = 0) -> tuple[str, str, dict]:
    """Repeat the fixture pair until the source has about ``n_sentences`` sentences; perturb each
    copy differently so the aligner cannot lean on exact repetition."""
    import tqcheck.pipeline as pl

    src_text = (FIX / "speech.en.txt").read_text(encoding="utf-8")
    tgt_text = (FIX / "speech.tr.txt").read_text(encoding="utf-8")
    per_copy = len(pl.segment(src_text, lang="en").sentences)
    copies = max(1, round(n_sentences / per_copy))
    rng = random.Random(seed)
    src_paras = [p for p in src_text.split("\n\n") if p.strip()]
    tgt_paras = [p for p in tgt_text.split("\n\n") if p.strip()]
    out_s, out_t = [], []
    injected = {"dropped_target_paragraphs": 0, "swapped_target_paragraphs": 0, "changed_numbers": 0}
    for c in range(copies):
        s = list(src_paras)
        t = list(tgt_paras)
        k = rng.randrange(3, len(t) - 3)
        del t[k]
        injected["dropped_target_paragraphs"] += 1
        a = rng.randrange(3, len(t) - 2)
        t[a], t[a + 1] = t[a + 1], t[a]
        injected["swapped_target_paragraphs"] += 1
        num = str(1000 + c)
        s.append(f"Copy {num} of the speech ends here.")
        t.append(f"Konuşmanın {int(num) + 1}. kopyası burada bitiyor.")
        injected["changed_numbers"] += 1
        out_s.extend(s)
        out_t.extend(t)
    return "\n\n".join(out_s) + "\n", "\n\n".join(out_t) + "\n", injected


def run_one(n: int) -> dict:
    """Run in this process: build the pair, write it, check it; return figures."""
    import tempfile

    import tqcheck

    s, t, injected = build_pair(n)
    with tempfile.TemporaryDirectory() as d:
        sp, tp = Path(d) / "src.en.txt", Path(d) / "tgt.tr.txt"
        sp.write_text(s, encoding="utf-8")
        tp.write_text(t, encoding="utf-8")
        t0 = time.perf_counter()
        report = tqcheck.check_files(str(sp), str(tp))
        wall = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sev = report.summary()["by_severity"]
    return {
        "source_sentences": len(report.source.sentences),
        "target_sentences": len(report.target.sentences),
        "source_kb": round(len(s.encode()) / 1024, 1),
        "wall_s": round(wall, 2),
        "align_s": round(report.stats["seconds"]["align"], 2),
        "check_s": round(report.stats["seconds"]["check"], 2),
        "peak_rss_mb": round(peak_mb, 1),
        "findings": len(report.findings),
        "major": sev["major"] + sev["critical"],
        "injected": injected,
    }


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child":
        print(json.dumps(run_one(int(argv[1]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, metavar="N",
                    help="source sentences of each pair (default: 2000)")
    sizes = ap.parse_args(argv).sizes or [2000]
    print(f"{'sentences':>10} {'KiB':>7} {'wall s':>7} {'align s':>8} {'check s':>8} {'peak MB':>8} {'findings':>9}")
    for n in sizes:
        r = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 1
        d = json.loads(r.stdout.strip().splitlines()[-1])
        print(f"{d['source_sentences']:>10} {d['source_kb']:>7} {d['wall_s']:>7} {d['align_s']:>8} "
              f"{d['check_s']:>8} {d['peak_rss_mb']:>8} {d['findings']:>9}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
