"""Fetch FreeDict word lists from Debian's packages into a temporary folder, as tqcheck dictionaries.

    python benchmarks/freedict.py [--out /tmp/tqcheck-freedict] [deu-fra eng-tur ...]

For the benchmarks only (``align_textberg.py --dictionary``, ``perturb.py --dictionary``): what a
user's word list adds to the aligner and to the checks of missing, added and moved content. The
dictionaries are not tqcheck's and never enter the project: ``apt-get download`` fetches the
Debian packages ``dict-freedict-XXX-YYY`` into ``--out`` (default ``/tmp/tqcheck-freedict``),
and each becomes ``XX-YY.tsv`` there (a header line ``de<TAB>fr``, then one ``source<TAB>target``
pair per line, single words only). Licences: deu-fra and fra-deu are FreeDict+WikDict,
CC BY-SA 3.0 (built from Wiktionary); eng-tur is FreeDict, GPL-2.0-or-later.

The dictd format: ``.index`` lines ``headword<TAB>offset<TAB>length`` (base 64) into the
gzipped ``.dict.dz``; an entry is its headword line (``Gipfel /ˈɡɪpfl̩/ <n, masc>``), then its
translations, comma-separated, on the next line or on numbered lines (``1. sommet, cime``),
each followed by a gloss in the headword's language (skipped).
"""
from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#: FreeDict's three-letter codes → the two-letter codes tqcheck's documents carry
ISO2 = {"deu": "de", "fra": "fr", "eng": "en", "tur": "tr", "spa": "es", "ita": "it", "nld": "nl",
        "por": "pt", "pol": "pl", "swe": "sv", "rus": "ru", "ces": "cs", "fin": "fi", "hun": "hu"}
_HEAD = re.compile(r"\s*/[^/]*/|\s*<[^>]*>")
_NUMBERED = re.compile(r"\s*\d+\.\s*(.*)")


def _b64(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n


def entries(index: Path, dz: Path):
    """The text of every entry of a dictd dictionary."""
    data = gzip.open(dz).read()
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00"):
            continue
        off, ln = _b64(parts[1]), _b64(parts[2])
        yield data[off:off + ln].decode("utf-8", "replace")


def pairs(entry: str):
    """(headword, translation) pairs of one entry, single words only."""
    lines = [x for x in entry.split("\n") if x.strip()]
    if not lines:
        return
    head = _HEAD.sub("", lines[0]).strip()
    if " " in head:
        return
    trans = []
    rest = lines[1:]
    if rest and not _NUMBERED.match(rest[0]):
        trans.append(rest[0])
    trans += [m.group(1) for m in map(_NUMBERED.match, rest) if m]
    for t in trans:
        for w in t.split(","):
            w = re.sub(r"\([^)]*\)", "", re.sub(r"\s*\d+\.\s*$", "", w)).strip().rstrip(".;:")
            if w and " " not in w and len(w) < 40:
                yield head, w


def convert(index: Path, dz: Path, out: Path, src: str, tgt: str) -> int:
    seen: set[tuple[str, str]] = set()
    with out.open("w", encoding="utf-8") as f:
        f.write(f"{src}\t{tgt}\n")
        for e in entries(index, dz):
            for a, b in pairs(e):
                if (a, b) not in seen:
                    seen.add((a, b))
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
        s3, t3 = pair.split("-")
        s2, t2 = ISO2.get(s3, s3), ISO2.get(t3, t3)
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
        n = convert(base.with_suffix(".index"), base.with_suffix(".dict.dz"), target, s2, t2)
        print(f"{target}: {n} word pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
