"""How the dictionary's member test reads the gold: genuine merges against orphans.

For each pair of neighbouring gold 1-1 links of the Text+Berg whole documents (both directions),
each sentence of the pair is read as the member of a merged bead twice: as a *genuine merge*
(against both translations joined: a false reading if called untranslated) and as an *orphan*
(against its neighbour's translation alone, as when its own was left out: a true one). Kept where
the member has at least 4 words the list knows, the rest of the bead at least 3 translated, and
the rest's length within one standard deviation of the document's ratio (the member test's own
conditions), or farther, up to four, when the words outweigh the lengths (words + lengths at
least 5, as the test asks), printed by band of the rest's distance (the test reads up to
``_DICT_REST_Z_MAX``, three since session 30; the band beyond shows what it leaves). Printed: how many of each are read as untranslated (none of the
member's known words translated, or chance explaining its hits at least 3 nats better than the
rest's rate), with one chance rate for all of a sentence's words (rounds 18-23), with each word
at its own (round 24), and with the words met only where the rest is met too left aside (round
25: then the words that are left must decide by 3 nats even with none translated); and by the
odds alone (the test of a member in the middle).

    python benchmarks/dictionary_members.py --dictionary /tmp/tqcheck-freedict/de-fr.tsv
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import perturb as P  # noqa: E402

import tqcheck  # noqa: E402
from tqcheck.align.dictionary import resolve  # noqa: E402
from tqcheck.align.lengths import text_length  # noqa: E402
from tqcheck.checks.base import CheckContext, DICTIONARY  # noqa: E402
from tqcheck.checks.completeness import _doc, by_dictionary as B  # noqa: E402

ODDS = 3.0


def one_rate(d, dic, x, one, side: str, near: int = 3, far: int = 6) -> float:
    """Rounds 18-23's chance rate of a sentence: the share of ``x``'s known words that the other
    side's sentences ``near`` to ``far`` places from ``one`` translate, one rate for all its
    words (at least the floor the checks assume)."""
    others = d.tgt if side == "src" else d.src
    hits = known = 0
    for k in [*range(one.index - far, one.index - near + 1), *range(one.index + near, one.index + far + 1)]:
        if 0 <= k < len(others):
            h, n = B._dict_cover(d, dic, side, [x], d.dict_keys(B._other(side), [others[k]]))
            hits += h
            known += n
    return max(_doc._DICT_CHANCE_FLOOR, hits / known if known else 0.0)


def gold_neighbours(data: Path, dictionary: str):
    """For every pair of neighbouring gold 1-1 links of the Text+Berg whole documents, both
    directions: (the checks' view of tqcheck's alignment with the list, the list as the checks
    read it, (s1, t1), (s2, t2))."""
    for rev in (False, True):
        for doc in P.textberg_whole_docs(data, reverse=rev):
            rep = tqcheck.check(P.text_of(doc.src), P.text_of(doc.tgt), doc.src_lang, doc.tgt_lang, lines=True,
                                dictionary=[dictionary])
            ctx = CheckContext(source=rep.source, target=rep.target, beads=rep.beads, src_lang=doc.src_lang,
                               tgt_lang=doc.tgt_lang)
            ctx.cache[DICTIONARY] = dic = resolve([dictionary], doc.src_lang, doc.tgt_lang)
            d = _doc._Doc(ctx)
            ones = sorted((s, t) for t, s in doc.link.items())
            for (s1, t1), (s2, t2) in zip(ones, ones[1:]):
                if (s2, t2) == (s1 + 1, t1 + 1):
                    yield d, dic, (s1, t1), (s2, t2)


def arguments(doc: str) -> argparse.Namespace:
    """``--data`` and ``--dictionary``, as this benchmark and ``dictionary_swaps.py`` read them."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--data", default=str(P.DATA))
    ap.add_argument("--dictionary", required=True, help="a German-French word list (FreeDict: benchmarks/freedict.py)")
    return ap.parse_args()


def read(data: Path, dictionary: str) -> dict:
    """(kind, side) -> [cases, one rate, word by word, one rate odds only, word odds only]."""
    res: dict = {}
    for d, dic, (s1, t1), (s2, t2) in gold_neighbours(data, dictionary):
        for side in ("src", "tgt"):
            mine, theirs_all = (d.src, d.tgt) if side == "src" else (d.tgt, d.src)
            a1, a2, b1, b2 = (s1, s2, t1, t2) if side == "src" else (t1, t2, s1, s2)
            for x_i, r_i, other_o in ((a1, a2, b2), (a2, a1, b1)):
                x, rest = mine[x_i], [mine[r_i]]
                for kind, others in (("genuine", [theirs_all[b1], theirs_all[b2]]),
                                     ("orphan", [theirs_all[other_o]])):
                    keys = d.dict_keys(B._other(side), others)
                    hits, known = B._dict_cover(d, dic, side, [x], keys)
                    rest_hits, rest_known = B._rest_cover(d, dic, side, rest, keys)
                    if known < B._DICT_KNOWN or rest_hits < B._DICT_REST_HITS:
                        continue
                    l_others = sum(text_length(o.text) for o in others)
                    l_rest = text_length(rest[0].text)
                    z = d.ratio_z(l_rest, l_others) if side == "src" else d.ratio_z(l_others, l_rest)
                    if abs(z) > 4.0:
                        continue
                    near = abs(z) <= B._DICT_REST_Z
                    # a rest a little off the usual length: the words must outweigh it
                    l_all = l_rest + text_length(x.text)
                    z_all = d.ratio_z(l_all, l_others) if side == "src" else d.ratio_z(l_others, l_all)
                    length = 0.0 if near else (z_all * z_all - z * z) / 2

                    def fits(o: float) -> bool:
                        return near or o + length >= B._DICT_LENGTH_ODDS

                    rate = rest_hits / rest_known
                    one = B._log_odds(hits, known, one_rate(d, dic, x, others[0], side), rate)
                    word = B._word_odds(d, side, x, keys, others[0], rate)
                    # round 25: words met only where the rest is met too are left aside
                    skip = B._claimed_by_rest(d, dic, side, x, rest, keys)
                    hit = dic.key_hits(d.dict_keys(side, [x]), keys, source=side == "src")
                    hits2, known2 = sum(v for k, v in hit.items() if k not in skip), len(hit) - len(skip)
                    aside = B._word_odds(d, side, x, keys, others[0], rate, skip)
                    ok2 = known2 >= B._DICT_KNOWN
                    band = "≤ 1" if near else "1–2" if abs(z) <= 2 else "2–3" if abs(z) <= 3 else "3–4"
                    c = res.setdefault((kind, side, band), [0] * 7)
                    c[0] += 1
                    c[1] += (hits == 0 or one >= ODDS) and fits(one)
                    c[2] += (hits == 0 or word >= ODDS) and fits(word)
                    c[3] += ok2 and (hits2 == 0 and not skip or aside >= ODDS) and fits(aside)
                    c[4] += one >= ODDS and fits(one)
                    c[5] += word >= ODDS and fits(word)
                    c[6] += ok2 and aside >= ODDS and fits(aside)
    return res


def main() -> None:
    a = arguments(__doc__)
    res = read(Path(a.data), a.dictionary)
    print(f"{'reading':9s} {'side':4s} {'rest z':>6s} {'cases':>6s} {'one rate':>9s} {'by word':>8s} "
          f"{'left aside':>11s} {'odds, one':>10s} {'odds, word':>11s} {'odds, aside':>12s}")
    for (kind, side, band), (n, one, word, aside, one_o, word_o, aside_o) in sorted(res.items()):
        print(f"{kind:9s} {side:4s} {band:>6s} {n:6d} {one:9d} {word:8d} {aside:11d} {one_o:10d} {word_o:11d} "
              f"{aside_o:12d}")


if __name__ == "__main__":
    main()
