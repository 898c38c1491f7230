"""Two neighbouring sentences translated in the opposite order (minor TQ105), by the
features' evidence (:func:`_swaps`) and by the user's dictionary (:func:`_swaps_by_dictionary`).
"""
from __future__ import annotations

import numpy as np

from ..base import DICTIONARY
from ._doc import Analysis, _Doc, _HAS_CONTENT, _Issue, _lexical, _pair_ids
from .evidence import _Cuts, _MERGE_LINK, _NULL_LINK, _SWAP_GAIN, _link_evidence, _merged_evidence
from .by_dictionary import _untranslated_by_dictionary, _word_odds


def _swaps(d: _Doc, an: Analysis, min_gain: float = _SWAP_GAIN) -> None:
    """Two neighbouring sentences translated in the opposite order. The aligner keeps the
    order, so a swap A B → B' A' shows up as a run of beads covering exactly two source and two
    target sentences (a 2-2 bead, two weak 1-1 beads, a 1-0 with a 0-1 …). The crossed pairing
    (A–A', B–B') is tested against the straight one with the same evidence (similarity and
    length): a finding only when crossed is clearly the better explanation. Minor: translators
    sometimes reorder neighbours on purpose."""
    d.features()
    if not _lexical(d):
        return  # no lexical evidence in this language pair: length alone is not enough
    pairs = d.pairs
    cands: list[tuple[float, int, int]] = []
    for k in range(len(pairs)):
        ns = nt = 0
        for k2 in range(k, min(len(pairs), k + 4)):
            ns += len(pairs[k2].src)
            nt += len(pairs[k2].tgt)
            if ns > 2 or nt > 2:
                break
            if len(pairs[k2].src) + len(pairs[k2].tgt) == 3:
                break  # the aligner reads a merge here (1-2 / 2-1): not two crossed sentences
            if ns == 2 and nt == 2:
                srcs = [s.index for p in pairs[k:k2 + 1] for s in p.src]
                tgts = [t.index for p in pairs[k:k2 + 1] for t in p.tgt]
                (a, b), (x, y) = sorted(srcs), sorted(tgts)
                if b != a + 1 or y != x + 1:
                    break
                if any(("src", s) in an.taken for s in (a, b)) or any(("tgt", t) in an.taken for t in (x, y)):
                    break
                if not all(_HAS_CONTENT.search(s.text) for s in (d.src[a], d.src[b], d.tgt[x], d.tgt[y])):
                    break
                if max(_shared_features(d, a, y), _shared_features(d, b, x)) < 2:
                    break  # one shared trigram is chance, however high the cosine it gives: at
                    # least one crossed link must rest on more than that
                ax, by = _link_evidence(d, a, x), _link_evidence(d, b, y)
                ay, bx = _link_evidence(d, a, y), _link_evidence(d, b, x)
                # the straight reading, or one straight link with the other two sentences left
                # unlinked (an omission next to an addition; each unlinked sentence costs as much as
                # the worst acceptable link)
                gain = (ay + bx) - max(ax + by, ax + 2 * _NULL_LINK, by + 2 * _NULL_LINK)
                # crossed must be clearly better as a whole; each crossed link must be an acceptable
                # match on its own; neither source sentence may fit its straight partner clearly
                # better (a 2-2 passage translated freely mixes its sentences); and one crossed link
                # must be the best match of both its sentences among their neighbours
                if gain >= min_gain and min(ay, bx) >= _NULL_LINK and ay >= ax - 1.0 and bx >= by - 1.0 \
                        and (_locally_best(d, a, y, 1) or _locally_best(d, b, x, 1)) \
                        and not _merge_beside_lone(d, a, x, ay + bx - min_gain):
                    cands.append((gain, k, k2))
                break
    found = [(g, *_pair_ids(pairs[k:k2 + 1])) for g, k, k2 in cands]
    used_s: set[int] = set()
    used_t: set[int] = set()
    for gain, ia, jx in sorted(found, reverse=True):
        if {ia, ia + 1} & used_s or {jx, jx + 1} & used_t:
            continue
        used_s.update((ia, ia + 1))
        used_t.update((jx, jx + 1))
        _report_swap(d, an, ia, jx, gain)


#: :func:`_swaps_by_dictionary`: each sentence of the two must have at least this many words the
#: dictionary knows, and the crossed pairs together at least :data:`_DICT_SWAP_HITS` translated
#: words (at least one each)
_DICT_SWAP_KNOWN = 3
_DICT_SWAP_HITS = 3
#: a link of the aligner at least this sure (and with a word the dictionary translates) holds its
#: sentence where it is
_DICT_SWAP_SURE = 0.6
#: ... or, with some words translated in order, both straight pairs read as chance (together
#: this log-likelihood ratio of the document's chance rate against its translation rate, each
#: at least :data:`_DICT_SWAP_STRAIGHT_MIN`) and both crossed ones as translations (each 1,
#: together this): measured on the neighbouring gold 1-1 pairs of Text+Berg (docs/alignment.md,
#: round 18)
_DICT_SWAP_ODDS = 3.0
#: ... each straight pair at least this: no likelier a translation than by one nat, the mirror of
#: the crossed pairs' 1 (0 until session 32). On the 1,158 neighbouring gold 1-1 pairs, both
#: directions (``benchmarks/dictionary_swaps.py``): in order read as crossed 0 at 0, -0.5, -1 and
#: -2; exchanged read as crossed 693, 708, 714, 720
_DICT_SWAP_STRAIGHT_MIN = -1.0


def _reads_crossed(d: _Doc, a: int, y0: int, y1: int, straight_min: float = _DICT_SWAP_STRAIGHT_MIN) -> bool:
    """Whether the user's dictionary reads source sentences ``a``, ``a + 1`` as translated by
    targets ``y1``, ``y0`` (crossed) rather than by ``y0``, ``y1`` (in order): each has at least
    :data:`_DICT_SWAP_KNOWN` known words; crossed, each partner translates one or more of them;
    in order, none is translated and crossed :data:`_DICT_SWAP_HITS` or more are; or, with a
    few translated in order by chance, both straight pairs read as chance does (each at least
    ``straight_min``, by default :data:`_DICT_SWAP_STRAIGHT_MIN`) and both crossed ones as
    translations do (:data:`_DICT_SWAP_ODDS`: log-likelihood ratios of the document's chance and
    translation rates, :func:`_word_odds`)."""
    cover = d.dict_link
    (h1, k1), (h2, k2) = cover(a, y0), cover(a + 1, y1)
    if k1 < _DICT_SWAP_KNOWN or k2 < _DICT_SWAP_KNOWN:
        return False
    (h3, k3), (h4, k4) = cover(a, y1), cover(a + 1, y0)
    if min(h3, h4) < 1:
        return False
    if not (h1 or h2):
        return h3 + h4 >= _DICT_SWAP_HITS
    p0, p1 = d.dict_rates()
    if p1 <= p0 or k3 < _DICT_SWAP_KNOWN or k4 < _DICT_SWAP_KNOWN:
        return False
    one = d.tgt[min(y0, y1)]

    def odds(i: int, j: int) -> float:
        return _word_odds(d, "src", d.src[i], d.dict_keys("tgt", [d.tgt[j]]), one, p1)

    straight = [odds(a, y0), odds(a + 1, y1)]
    crossed = [-odds(a, y1), -odds(a + 1, y0)]
    return min(straight) >= straight_min and sum(straight) >= _DICT_SWAP_ODDS and \
        min(crossed) >= 1 and sum(crossed) >= _DICT_SWAP_ODDS


def _swaps_by_dictionary(d: _Doc, an: Analysis) -> None:
    """With the user's dictionary: two neighbouring sentences whose translations stand in the
    opposite order, whatever beads the aligner made of them. In order, not one word the
    dictionary knows (three or more each) is translated in its partner; crossed, both partners
    translate some (three or more together), and each is its sentence's clearly best match
    within two sentences on either side (by the share of the known words translated); and none
    of the four sentences is held elsewhere by a sure link of the aligner that the dictionary
    supports. Of 579 neighbouring 1-1 pairs of the
    Text+Berg gold alignment, in either direction, none reads so. Where the lengths let the
    aligner link the sentences in order, or shift one link over, the words tell; a finding of
    :func:`_swaps` at the same place comes first."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None:
        return
    ns, nt = len(d.src), len(d.tgt)
    cuts = _Cuts(d).at  # the source and target sentences before each bead
    cover = d.dict_link

    def rate(i: int, j: int) -> float:
        h, k = cover(i, j)
        return h / k if k else 0.0

    def best(i: int, j: int, reach: int = 2) -> bool:
        """Whether source ``i`` and target ``j`` are each other's clear best match nearby (a
        larger share of the known words translated than with any other sentence within
        ``reach``: a long sentence meets more words by chance)."""
        r = rate(i, j)
        return all(rate(i, q) < r for q in range(max(0, j - reach), min(nt, j + reach + 1)) if q != j) and \
            all(rate(q, j) < r for q in range(max(0, i - reach), min(ns, i + reach + 1)) if q != i)

    def held_elsewhere(a: int, x: int) -> bool:
        """Whether one of the four sentences has a link outside them that the aligner is sure of
        and the dictionary supports: then the crossing is a chance match of common words."""
        for side, i in (("src", a), ("src", a + 1), ("tgt", x), ("tgt", x + 1)):
            q = d.pairs[(d.bead_of_src if side == "src" else d.bead_of_tgt)[i]]
            if q.score < _DICT_SWAP_SURE:
                continue
            if side == "src":
                if any(t.index not in (x, x + 1) and cover(i, t.index)[0] for t in q.tgt):
                    return True
            elif any(u.index not in (a, a + 1) and cover(u.index, i)[0] for u in q.src):
                return True
        return False

    cands: list[tuple[int, int, int]] = []
    for x in range(nt - 1):
        c = cuts[d.bead_of_tgt[x]][0]
        for a in range(max(0, c - 2), min(ns - 1, c + 2)):
            if not _reads_crossed(d, a, x, x + 1):
                continue
            h3, h4 = cover(a, x + 1)[0], cover(a + 1, x)[0]
            if best(a, x + 1) and best(a + 1, x) and not held_elsewhere(a, x):
                cands.append((h3 + h4, a, x))
    for hits, a, x in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if any(("src", i) in an.taken for i in (a, a + 1)) or any(("tgt", j) in an.taken for j in (x, x + 1)):
            continue
        if not all(_HAS_CONTENT.search(t.text) for t in (d.src[a], d.src[a + 1], d.tgt[x], d.tgt[x + 1])):
            continue
        in_order = cover(a, x)[0] + cover(a + 1, x + 1)[0]
        why = (" (none of the words the dictionary knows is translated in order" if not in_order else
               f" (in order, {in_order} of the words the dictionary knows {'is' if in_order == 1 else 'are'} "
               "translated, no more than chance")
        _report_swap(d, an, a, x, 2.0 * hits, why=why + "; crossed, each sentence has words translated).")


def _report_swap(d: _Doc, an: Analysis, ia: int, jx: int, gain: float, why: str = ".") -> None:
    """One minor TQ105 for source sentences ``ia``, ``ia + 1`` translated in the opposite order
    at target sentences ``jx``, ``jx + 1``; the four sentences are taken."""
    a, b, x, y = d.src[ia], d.src[ia + 1], d.tgt[jx], d.tgt[jx + 1]
    msg = ("These two sentences are translated in the opposite order: the translation of the first "
           f"comes after the translation of the second, at line {d.ctx.target.line_of(y.start)}{why}")
    an.issues.append(_Issue("TQ105", msg, src=a, tgt=y, src_span=(0, len(a.text)),
                            tgt_span=(0, len(y.text)), confidence=min(0.9, 0.5 + 0.04 * gain),
                            severity="minor", src_run=(a, b), tgt_run=(x, y)))
    for q in (a, b):
        an.taken.add(("src", q.index))
    for q in (x, y):
        an.taken.add(("tgt", q.index))


def _merge_beside_lone(d: _Doc, a: int, x: int, at_least: float) -> bool:
    """Whether source ``a``, ``a + 1`` and target ``x``, ``x + 1`` read, by the features, about
    as well (the crossed reading's evidence less the swap's margin: ``at_least``) as a merge of
    three of them with the fourth left out or added, and the user's dictionary reads that fourth
    sentence as rendering nothing of the merge's other side while the rest of its side does
    (:func:`.by_dictionary._untranslated_by_dictionary`). A sentence added beside the translation
    of two merged ones (or one left out beside a translation split in two) then crosses its
    neighbour by length alone: no swap."""
    if d.ctx.cache.get(DICTIONARY) is None:
        return False
    b, y = a + 1, x + 1
    src, tgt = d.src, d.tgt
    for srcs, tgts, side, lone, rest, others in (
            ((a, b), (x,), "tgt", tgt[y], [tgt[x]], [src[a], src[b]]),
            ((a, b), (y,), "tgt", tgt[x], [tgt[y]], [src[a], src[b]]),
            ((a,), (x, y), "src", src[b], [src[a]], [tgt[x], tgt[y]]),
            ((b,), (x, y), "src", src[a], [src[b]], [tgt[x], tgt[y]])):
        if _merged_evidence(d, srcs, tgts) + _MERGE_LINK + _NULL_LINK < at_least:
            continue
        if _untranslated_by_dictionary(d, side, lone, rest, others) is not None:
            return True
    return False


def _shared_features(d: _Doc, i: int, j: int) -> int:
    """How many features (transliterated trigrams, numbers, lexicon entries) source sentence ``i``
    and target sentence ``j`` have in common."""
    FS, FT = d.features()
    return len(np.intersect1d(FS.row(i)[0], FT.row(j)[0], assume_unique=True))


def _locally_best(d: _Doc, i: int, j: int, reach: int = 2) -> bool:
    """Whether target ``j`` fits source ``i`` better than any target within ``reach`` of ``j``
    fits ``i``, and than any source within ``reach`` of ``i`` fits ``j``."""
    e = _link_evidence(d, i, j)
    return all(_link_evidence(d, i, q) < e for q in range(max(0, j - reach), min(len(d.tgt), j + reach + 1))
               if q != j) and \
        all(_link_evidence(d, q, j) < e for q in range(max(0, i - reach), min(len(d.src), i + reach + 1))
            if q != i)
