"""Fetch FreeDict word lists from Debian's packages into a temporary folder, as tqcheck dictionaries.

    python benchmarks/freedict.py [--out /tmp/tqcheck-freedict] [deu-fra eng-tur ...]

For the benchmarks only (``align_textberg.py --dictionary``, ``perturb.py --dictionary``): what a
user's word list adds to the aligner and to the checks of missing, added and moved content. The
dictionaries are not tqcheck's and never enter the project: ``apt-get download`` fetches the
Debian packages ``dict-freedict-XXX-YYY`` into ``--out`` (default ``/tmp/tqcheck-freedict``),
and each becomes ``XX-YY.tsv`` there (a header line ``de<TAB>fr``, then one ``source<TAB>target``
pair per line, single words only). Licences: deu-fra and fra-deu are FreeDict+WikDict,
CC BY-SA 3.0 (built from Wiktionary); eng-tur is FreeDict, GPL-2.0-or-later.

The dictd files are read by tqcheck's own reader (:mod:`tqcheck.io.dictd`), which
``--dictionary`` also reads directly (``--dictionary …/freedict-deu-fra.index``): the TSV lists
are the same word pairs, kept so that the figures in the README and docs/alignment.md name one
file per pair. The packages' dictd files are also copied into ``OUT/dictd``, as
``/usr/share/dictd`` holds them, for ``--dictionary auto`` (``TQCHECK_DICTD_PATH=OUT/dictd``):
fetching ``deu-eng eng-deu eng-fra fra-eng`` into a folder of their own measures German → French
through English, as docs/alignment.md (round 26) does.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tqcheck.align.dictionary import MAX_BYTES
from tqcheck.io import dictd


def convert(index: Path, out: Path, src: str, tgt: str) -> int:
    """Write the single-word pairs of a dictd dictionary as a TSV list (read by tqcheck's own
    dictd reader, :mod:`tqcheck.io.dictd`, which ``--dictionary`` also reads directly)."""
    pairs, _, _ = dictd.read(str(index), max_bytes=MAX_BYTES)
    seen: dict[tuple[str, str], None] = {}
    for a, b in pairs:
        if " " not in a and " " not in b:
            seen.setdefault((a, b), None)
    with out.open("w", encoding="utf-8") as f:
        f.write(f"{src}\t{tgt}\n")
        for a, b in seen:
            f.write(f"{a}\t{b}\n")
    return len(seen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "tqcheck-freedict"))
    ap.add_argument("pairs", nargs="*", default=["deu-fra", "eng-tur"])
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for pair in a.pairs:
        s2, t2 = dictd.languages(f"freedict-{pair}")
        s2, t2 = s2 or pair.split("-")[0], t2 or pair.split("-")[1]
        target = out / f"{s2}-{t2}.tsv"
        if target.exists():
            print(f"{target}: already there")
            continue
        pkg = f"dict-freedict-{pair}"
        debs = list(out.glob(f"{pkg}_*.deb"))
        if not debs:
            r = subprocess.run(["apt-get", "download", pkg], cwd=out, capture_output=True, text=True)
            debs = list(out.glob(f"{pkg}_*.deb"))
            if not debs:
                print(f"{pkg}: apt-get download failed: {r.stderr.strip()[-200:]}", file=sys.stderr)
                return 1
        x = out / pkg
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(x)], check=True)
        base = x / "usr" / "share" / "dictd" / f"freedict-{pair}"
        # the package's files in one folder for them all, as /usr/share/dictd holds them:
        # TQCHECK_DICTD_PATH=OUT/dictd reads them with --dictionary auto
        folder = out / "dictd"
        folder.mkdir(exist_ok=True)
        for suffix in (".index", ".dict.dz"):
            shutil.copyfile(base.with_name(base.name + suffix), folder / f"freedict-{pair}{suffix}")
        n = convert(base.with_name(base.name + ".index"), target, s2, t2)
        print(f"{target}: {n} word pairs; the dictd files in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
