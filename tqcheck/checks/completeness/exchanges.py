"""Passages translated in exchanged order (TQ105): runs of sentences transposed
(:func:`_transposed_runs`, :func:`_transpositions`) and paragraphs moved past their
neighbours (:func:`_paragraph_exchanges`), read against the straight reading.
"""
from __future__ import annotations

import math

import numpy as np

from ...align.base import Bead
from ...document import Document
from ..base import Pair
from ._doc import Analysis, _Doc, _Issue, _join_excerpt, _lexical
from .evidence import (
    _Cuts, _Evidence, _NULL_LINK, _SWAP_GAIN, _TAIL, _TYPICAL_LINK, _beats_chance, _best_exit,
    _exchanged, _link_evidence, _straight_counted, _straight_exit, _straight_ids, _straight_table,
)
from .swaps import _locally_best, _report_swap, _shared_features


def _transposed_runs(d: _Doc, an: Analysis, max_n: int = 16, min_gain: float = 4.0) -> None:
    """Exchanged blocks read against the aligner's own beads (the first test, kept beside
    :func:`_transpositions`): where a run of 1-1 beads covers as many source as target
    sentences, every split of the run into two blocks is tested: are the blocks, exchanged,
    a clearly better translation than the aligner's straight reading (same evidence:
    similarity and length), without undoing a confident link of the aligner
    (:func:`_overturns`)? The smaller block is reported as moved, at both places."""
    d.features()
    if not _lexical(d):
        return  # no lexical evidence in this language pair
    pairs = d.pairs
    memo: dict[tuple[int, int], float] = {}

    def ev(i: int, j: int) -> float:
        v = memo.get((i, j))
        if v is None:
            v = memo[(i, j)] = _link_evidence(d, i, j)
        return v

    cands: list[tuple[float, int, int, int, int, int, int]] = []
    for k in range(len(pairs)):
        srcs: list[int] = []
        tgts: list[int] = []
        for k2 in range(k, len(pairs)):
            if len(pairs[k2].src) != 1 or len(pairs[k2].tgt) != 1:
                # a merge, or an unlinked sentence: the aligner's reading of the stretch is not
                # its diagonal, which the exchange is measured against here (windows with unlinked
                # sentences are read by the in-order DP of :func:`_transpositions`)
                break
            srcs += [s.index for s in pairs[k2].src]
            tgts += [t.index for t in pairs[k2].tgt]
            n = len(srcs)
            if n > max_n or len(tgts) > max_n:
                break
            if n != len(tgts) or n < 3:
                continue
            a, x = min(srcs), min(tgts)
            if max(srcs) != a + n - 1 or max(tgts) != x + n - 1:
                continue
            if any(("src", i) in an.taken for i in srcs) or any(("tgt", j) in an.taken for j in tgts):
                break
            straight = [ev(a + t, x + t) for t in range(n)]
            total = sum(straight)
            for b in range(1, n):
                # source block 1 = [a, a+b) goes after block 2 = [a+b, a+n) in the translation
                l1 = [ev(a + t, x + n - b + t) for t in range(b)]
                l2 = [ev(a + b + t, x + t) for t in range(n - b)]
                gain = sum(l1) + sum(l2) - total
                if gain < min_gain + 0.25 * n:
                    continue
                # each block, exchanged, must read as a translation on its own (acceptable links on
                # average) and better than what its sentences get in the straight reading
                ok = True
                for lk, st in ((l1, straight[:b]), (l2, straight[b:])):
                    if sum(lk) / len(lk) < -2.0 or sum(lk) <= sum(st):
                        ok = False
                # the block reported as moved must match its new place clearly (not a shift of the
                # other block past an unlinked sentence)
                small = l1 if b <= n - b else l2
                if sum(small) / len(small) < 1.0:
                    ok = False
                if ok and _overturns(d, a, x, n, b):
                    ok = False
                if ok:
                    cands.append((gain, k, k2, a, b, n, x))
    used: set[int] = set()
    for gain, k, k2, a, b, n, x in sorted(cands, reverse=True):
        if any(q in used for q in range(k, k2 + 1)):
            continue
        used.update(range(k, k2 + 1))
        _report_exchange(d, an, a, x, n, b, b <= n - b, gain)  # the smaller block moved


def _transpositions(d: _Doc, an: Analysis, max_n: int = 12, min_gain: float = 4.0) -> None:
    """Two neighbouring passages translated in exchanged order (a paragraph moved past others).
    The aligner keeps the order, so it explains such a stretch with weak links, merges, or
    omitted and added sentences — and the stretch need not start or end where its beads do. From
    every bead boundary near a doubtful bead, windows of ``n`` source and ``n`` target sentences
    are read two ways with the same evidence (similarity and length, :func:`_link_evidence`): the
    best straight reading (any sequence of 1-1 links, 2-1 / 1-2 merges and unlinked sentences,
    :func:`_straight_table`) and every split into two blocks translated in exchanged order. Both
    readings must leave the window where the aligner's reading after it stands (an omission or
    addition inside the window shifts it; :func:`_straight_exit`), or pay one unlinked sentence
    per sentence of difference (two neighbours are read on to where the aligner is in step
    again, when that is near). A finding when the exchanged reading is clearly better, each block
    reads as a translation on its own, no confident link of the aligner is overturned
    (:func:`_overturns`), and the block reported as moved matches its new place clearly. The block
    reported is the one that makes fewer paragraphs of the translation (one paragraph moved rather
    than the two it passed), else the smaller; it is reported at both places, and the sentences
    just outside the window that the aligner had linked into it pair up (:func:`_heal_edges`)."""
    d.features()
    if not _lexical(d):
        return  # no lexical evidence in this language pair
    pairs = d.pairs
    ev = _Evidence(d)
    ns_all, nt_all = len(d.src), len(d.tgt)
    cut = _Cuts(d)
    cuts = cut.at[:-1]
    doubtful = [not (len(p.src) == 1 and len(p.tgt) == 1 and p.score >= 0.5) for p in pairs]
    cands: list[tuple[float, int, int, int, int]] = []
    # windows start at the aligner's cuts near a doubtful bead, and one sentence beside them on
    # either side: next to an omission or an addition the aligner's cut is off by one there
    starts: dict[tuple[int, int], int] = {}
    for k, (a, x) in enumerate(cuts):
        if any(doubtful[k:k + 4]):
            for da, dx in ((0, 0), (0, 1), (1, 0), (0, -1), (-1, 0)):
                if a + da >= 0 and x + dx >= 0:
                    starts.setdefault((a + da, x + dx), k)
    for (a, x), k in starts.items():
        # a window beside the cut is read with the sentence before it on both sides: the
        # straight reading may link them into the window (as the aligner did), the exchanged
        # reading links them to each other (the cut off by one)
        shifted = int((a, x) not in cut.index)
        spare = _off_by_one(d, ev, a, x, cut)
        if shifted and (not spare or ("src", a - 1) in an.taken or ("tgt", x - 1) in an.taken):
            continue  # the cut is not off by one here (the sentences before do not pair up better)
        top = min(max_n, ns_all - a, nt_all - x)
        if top < 2:
            continue
        # the window may not reach into content already explained
        while top >= 2 and (any(("src", i) in an.taken for i in range(a, a + top))
                            or any(("tgt", j) in an.taken for j in range(x, x + top))):
            top -= 1
        if top < 2:
            continue
        ev.window(a - shifted, x - shifted, top + shifted, top + shifted)
        T = _straight_table(ev, a - shifted, x - shifted, top + shifted, top + shifted)
        edge = ev.one(a - 1, x - 1) if shifted else 0.0
        # prefix sums along the diagonals of the window's 1-1 evidence: E[p][q] is source a+p
        # with target x+q; diag[o][t] sums the first t cells of diagonal q - p = o
        E = [[ev.one(a + p, x + q) for q in range(top)] for p in range(top)]
        diag: dict[int, list[float]] = {}
        for o in range(-top + 1, top):
            acc = [0.0]
            for p in range(max(0, -o), min(top, top - o)):
                acc.append(acc[-1] + E[p][p + o])
            diag[o] = acc
        for n in range(2, top + 1):
            # the exchanged reading leaves the window in step with its start; the aligner's
            # reading after the window may be shifted (an omission or addition inside it, or
            # just after it), and the shift costs one unlinked sentence per sentence. Two
            # neighbours swapped next to an unrelated sentence leave the aligner shifted only
            # until it is in step again a few sentences on (:data:`_TAIL`): both readings are
            # then taken on to that cut, the sentences between read in order
            ca, cx = cut.firm_after(k, a + n, x + n)
            rel = (cx - ca) - (x - a)
            tail = n == 2 and rel != 0 and ca >= a + n and cx >= x + n and ca + cx - a - x - 2 * n <= _TAIL
            if tail:
                straight, after = _tail_readings(ev, cut, k, a, x, n, shifted, ca, cx)
            else:
                straight = _straight_exit(T, n + shifted, rel)
                after = -abs(rel) * -_NULL_LINK
            for b in range(1, n):
                if shifted and n > 2 and min(b, n - b) == 1:
                    continue  # beside the cut: two neighbours swapped, or blocks of sentences
                # block 1: E[t][n-b+t], t < b (diagonal n-b from row 0); block 2: E[b+t][t],
                # t < n-b (diagonal -b from row b)
                gain = edge + diag[n - b][b] + diag[-b][n - b] + after - straight
                # two neighbours at the aligner's cut need what :func:`_swaps` needs (the same
                # minor finding); beside the cut, or larger blocks, more
                if gain < (_SWAP_GAIN if n == 2 and not shifted else min_gain + 0.25 * n):
                    continue
                l1, l2 = _exchanged(ev, a, x, n, b)
                # each block, exchanged, must read as a translation on its own: acceptable links
                # on average, and none worse than the worst acceptable link (a block of chance
                # pairs must not stand in for an omission next to an addition)
                if min(sum(l1) / b, sum(l2) / (n - b)) < -2.0 or min(l1 + l2) < _NULL_LINK:
                    continue
                m1 = _block_paragraphs(d, range(x + n - b, x + n))
                m2 = _block_paragraphs(d, range(x, x + n - b))
                first = (m1, b) <= (m2, n - b)  # block 1 is reported as moved
                small, src0, tgt0 = (l1, a, x + n - b) if first else (l2, a + b, x)
                if _overturns(d, a, x, n, b, spare):
                    continue
                # the moved block must match its new place clearly; one sentence moved alone must
                # also be the best match of its partner among their neighbours and rest on more
                # than one shared feature (a single trigram is chance)
                if sum(small) / len(small) < 1.0:
                    continue
                if len(small) == 1 and not (_locally_best(d, src0, tgt0) and
                                            _shared_features(d, src0, tgt0) >= 2 and
                                            d.sim_z(src0, tgt0) >= _TYPICAL_LINK):
                    continue
                cands.append((gain, a, x, n, b))
    used_s: set[int] = set()
    used_t: set[int] = set()
    for gain, a, x, n, b in sorted(cands, reverse=True):
        if any(i in used_s for i in range(a, a + n)) or any(j in used_t for j in range(x, x + n)):
            continue
        used_s.update(range(a, a + n))
        used_t.update(range(x, x + n))
        if n == 2:
            # two neighbours exchanged (next to an omission or addition that put the aligner's
            # cut off by one, so :func:`_swaps` did not see them as a pair): a swap
            _report_swap(d, an, a, x, gain)
        else:
            m1 = _block_paragraphs(d, range(x + n - b, x + n))
            m2 = _block_paragraphs(d, range(x, x + n - b))
            # the block covering fewer translation paragraphs moved (then the smaller one)
            _report_exchange(d, an, a, x, n, b, (m1, b) <= (m2, n - b), gain)
        _heal_edges(d, an, ev, a, x, n)


def _tail_readings(ev: _Evidence, cut: _Cuts, k: int, a: int, x: int, n: int, shifted: int,
                   ca: int, cx: int) -> tuple[float, float]:
    """The straight reading of source ``[a - shifted, ca)`` against target ``[x - shifted, cx)``
    and the in-order reading of what the exchanged window leaves before that cut (source ``[a +
    n, ca)``, target ``[x + n, cx)``). When only one side is left there, the exchanged reading
    can only leave it unlinked, though the confident link after the cut may be part of a merge
    that holds it (the aligner, shifted by the exchange, linked it elsewhere): both readings are
    then read on to the next firm cut as well, within :data:`_TAIL`, and the one that favours
    the straight reading less is kept."""
    def read(ca: int, cx: int) -> tuple[float, float]:
        straight = _straight_ids(ev, list(range(a - shifted, ca)), list(range(x - shifted, cx)))[-1][-1]
        after = _straight_ids(ev, list(range(a + n, ca)), list(range(x + n, cx)))[-1][-1]
        return straight, after

    best = read(ca, cx)
    if ca == a + n or cx == x + n:
        nxt = cut.firm_after(k, ca + 1, cx + 1)  # every cut up to (ca, cx) falls short of it
        if nxt[0] + nxt[1] - a - x - 2 * n <= _TAIL:
            other = read(*nxt)
            if other[1] - other[0] > best[1] - best[0]:
                best = other
    return best


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    """(first, end) sentence indices of each paragraph that has sentences, in order."""
    return [(p.sentences[0], p.sentences[-1] + 1) for p in doc.paragraphs if p.sentences]


def _paragraph_exchanges(d: _Doc, an: Analysis, max_k: int = 3, min_gain: float = 4.0,
                         min_read: float = 0.5) -> None:
    """A paragraph translated after the ``k`` paragraphs that follow it (or before the ``k``
    that precede it), with paragraphs that correspond one to one. :func:`_transpositions` reads
    windows sentence by sentence and needs the exchanged blocks to be 1-1 links throughout; in
    real text a block of several paragraphs nearly always holds a merged or split sentence, and
    the aligner, misled by the move, makes confident wrong links. Here the unit is the
    paragraph: where the aligner's reading stands at a paragraph start on both sides, the ``k +
    1`` source paragraphs from there and the ``k + 1`` target paragraphs are read straight (the
    best in-order reading, merges and unlinked sentences allowed: :func:`_straight_ids`) and
    with the first (last) paragraph exchanged, each part read the same way. A finding when the
    exchanged reading is clearly better in total (as in :func:`_transpositions`), both parts read
    as translations (at least ``min_read`` per sentence, or by the gain threshold above every
    reading of the same passage against passages elsewhere, :func:`_beats_chance`: a paragraph of
    chance pairs must not stand in for an omission next to an addition), and the aligner is in
    step again right after the window. The paragraph correspondence stands in for the
    sentence-level tests there: the moved paragraph is reported, at both places."""
    d.features()
    if not _lexical(d):
        return
    sp, tp = _paragraph_spans(d.ctx.source), _paragraph_spans(d.ctx.target)
    if len(sp) < 2 or len(tp) < 2:
        return
    ev = _Evidence(d)
    cut = _Cuts(d)
    t_par = {first: q for q, (first, _) in enumerate(tp)}
    s_par = {first: q for q, (first, _) in enumerate(sp)}
    tables: dict[tuple[int, int], tuple[int, int, list[list[float]]]] = {}

    def read(s0: int, s1: int, t0: int, t1: int) -> float:
        """The best straight reading of source [s0, s1) against target [t0, t1): one DP table
        per origin, as large as the largest window from there (the smaller windows read their
        corner of it)."""
        got = tables.get((s0, t0))
        if got is None or got[0] < s1 or got[1] < t1:
            got = tables[(s0, t0)] = (s1, t1, _straight_ids(ev, list(range(s0, s1)), list(range(t0, t1))))
        return got[2][s1 - s0][t1 - t0]

    # a moved paragraph leaves the aligner unsure: only windows holding a doubtful bead (an
    # unlinked sentence, or a link or merge the aligner is not sure of) are read
    doubtful = np.cumsum([0] + [not (p.src and p.tgt and p.score >= 0.5) for p in d.pairs])
    cands: list[tuple[float, int, int, int, int, bool, tuple[int, int, int, int], tuple[int, int]]] = []
    for k_cut, (a, x) in enumerate(cut.at[:-1]):
        P, Q = s_par.get(a), t_par.get(x)
        if P is None or Q is None:
            continue
        top = 0  # the largest window from here: k paragraphs past P on both sides
        while top < max_k and P + top + 1 < len(sp) and Q + top + 1 < len(tp) and not (
                any(("src", i) in an.taken for i in range(*sp[P + top + 1]))
                or any(("tgt", j) in an.taken for j in range(*tp[Q + top + 1]))):
            top += 1
        if any(("src", i) in an.taken for i in range(*sp[P])) or \
                any(("tgt", j) in an.taken for j in range(*tp[Q])):
            continue
        ks = [k for k in range(1, top + 1)
              if doubtful[max(d.bead_of_src[sp[P + k][1] - 1], d.bead_of_tgt[tp[Q + k][1] - 1]) + 1]
              > doubtful[k_cut]]
        if not ks:
            continue
        # the evidence of every link and merge in the largest window at once; the largest window
        # first: the smaller ones read the corners of its tables
        ev.window(a, x, sp[P + ks[-1]][1] - a, tp[Q + ks[-1]][1] - x)
        for k in reversed(ks):
            a1, x1 = sp[P + k][1], tp[Q + k][1]
            # the aligner's reading is in step again after the window, or a few sentences on
            # (a move leaves it shifted until it has used up the gap): both readings are then
            # taken on to there, the sentences between read in order
            ca, cx = a1, x1
            if cut.shift_after(k_cut, a1, x1) != x1 - a1:
                at = cut.in_step_near(k_cut, a1, x1, 2 * _TAIL)
                if at is None:
                    continue
                ca, cx = at
                ev.window(a, x, ca - a, cx - x)
            straight = read(a, ca, x, cx)
            after = read(a1, ca, x1, cx) if (ca, cx) != (a1, x1) else 0.0
            n = max(a1 - a, x1 - x)
            for first in (True, False):
                if first:   # paragraph P stands after the k that follow it
                    mv = (a, sp[P][1], tp[Q + k][0], x1)
                    rest = (sp[P][1], a1, x, tp[Q + k][0])
                else:       # paragraph P + k stands before the k that precede it
                    mv = (sp[P + k][0], a1, x, tp[Q][1])
                    rest = (a, sp[P + k][0], tp[Q][1], x1)
                r_mv, r_rest = read(*mv), read(*rest)
                gain = r_mv + r_rest + after - straight
                if gain < min_gain + 0.25 * n:
                    continue
                if not all(r >= min_read * max(w[1] - w[0], w[3] - w[2])
                           or _beats_chance(ev, w, r, min_gain + 0.25 * max(w[1] - w[0], w[3] - w[2]))
                           for r, w in ((r_mv, mv), (r_rest, rest))):
                    continue
                cands.append((gain, a, a1, x, x1, first, mv, (ca, cx)))
    # the best first; a window overlapping one already reported is left (its sentences are taken)
    for gain, a, a1, x, x1, first, mv, (ca, cx) in sorted(cands, reverse=True):
        if any(("src", i) in an.taken for i in range(a, a1)) or \
                any(("tgt", j) in an.taken for j in range(x, x1)):
            continue
        # the sentences read on to where the aligner is in step again are explained too when
        # they read in order with none left unlinked (the aligner had shifted them for the gap)
        if (ca, cx) != (a1, x1) and not any(("src", i) in an.taken for i in range(a1, ca)) and \
                not any(("tgt", j) in an.taken for j in range(x1, cx)) and \
                _straight_counted(ev, list(range(a1, ca)), list(range(x1, cx)))[1][-1][-1] == 0:
            a1, x1 = ca, cx
        _report_block_move(d, an, range(mv[0], mv[1]), range(mv[2], mv[3]),
                           "later" if first else "earlier", gain)
        for i in range(a, a1):
            an.taken.add(("src", i))
        for j in range(x, x1):
            an.taken.add(("tgt", j))


def _heal_edges(d: _Doc, an: Analysis, ev: _Evidence, a: int, x: int, n: int) -> None:
    """After an exchanged window ``[a, a+n) × [x, x+n)`` is explained: the sentences right
    outside it that the aligner had linked into the window (or left unlinked for want of a
    partner it had used inside, or linked doubtfully elsewhere) read as a pair of their own — the
    source and target sentence on the same edge are taken together when their link is acceptable
    (:data:`_NULL_LINK`). Their former partners outside the window are then unlinked
    (``an.orphans``)."""
    for i, j in ((a + n, x + n), (a - 1, x - 1)):
        if not (0 <= i < len(d.src) and 0 <= j < len(d.tgt)):
            continue
        if ("src", i) in an.taken or ("tgt", j) in an.taken:
            continue
        p, q = d.pairs[d.bead_of_src[i]], d.pairs[d.bead_of_tgt[j]]
        if p is q:
            continue  # already linked to each other
        # each is linked only into the window, or not at all, or by a doubtful link (whose other
        # sentence is then left unlinked: an omission or addition the cut off by one had hidden)
        if (any(not x <= t.index < x + n for t in p.tgt) and p.score >= 0.5) or \
                (any(not a <= s.index < a + n for s in q.src) and q.score >= 0.5):
            continue
        if ev.one(i, j) >= _NULL_LINK:
            an.taken.add(("src", i))
            an.taken.add(("tgt", j))
            # the aligner's partners of i and j outside the window are left alone now
            for o in q.src:
                if o.index != i and not a <= o.index < a + n and ("src", o.index) not in an.taken:
                    an.orphans.append(Pair(q.index, Bead((o.index,), ()), (o,), ()))
            for o in p.tgt:
                if o.index != j and not x <= o.index < x + n and ("tgt", o.index) not in an.taken:
                    an.orphans.append(Pair(p.index, Bead((), (o.index,)), (), (o,)))


def _single_move_gain(d: _Doc, ev: _Evidence, cut: _Cuts, i: int, c: int, j: int) -> float:
    """How much better source sentence ``i``, linked at target ``c``, reads as translated at ``j``
    than the best straight reading of the window between (:func:`_straight_table`,
    :func:`_straight_exit`); -inf when the window leaves the text. A sentence that truly stands
    elsewhere leaves a gap that, closed, heals the links between: the other sentences read
    shifted by one (:func:`_exchanged`), or read in order with no more sentences left unlinked
    than the straight reading leaves (the aligner's link ``c`` may be off by one). A fragment
    shared by two unrelated sentences heals nothing."""
    if j > c:
        n = j - c + 1
        a, x, b = i, c, 1
    elif j < c:
        n = c - j + 1
        a, x, b = i - n + 1, j, n - 1
    else:
        return -math.inf
    if a < 0 or a + n > len(d.src) or x + n > len(d.tgt):
        return -math.inf
    rel = cut.shift_after(d.bead_of_src[a], a + n, x + n) - (x - a)
    T, N = _straight_counted(ev, list(range(a, a + n)), list(range(x, x + n)))
    straight, sp, sq = _best_exit(T, n, rel)
    l1, l2 = _exchanged(ev, a, x, n, b)
    shifted = sum(l1) + sum(l2) - abs(rel) * -_NULL_LINK - straight
    if shifted > 0:
        return shifted
    R, M = _straight_counted(ev, [k for k in range(a, a + n) if k != i],
                             [k for k in range(x, x + n) if k != j])
    rest, rp, rq = _best_exit(R, n - 1, rel)
    if M[rp][rq] > N[sp][sq]:
        return -math.inf
    return ev.one(i, j) + rest - straight


def _overturns(d: _Doc, a: int, x: int, n: int, b: int, spare: frozenset[int] = frozenset()) -> bool:
    """Whether the exchanged reading of source ``[a, a+n)`` and target ``[x, x+n)`` (block 1 of
    ``b`` sentences translated after block 2) contradicts a confident link of the aligner (score
    0.5 or more): one that crosses the window's edge, or one inside it that the exchanged
    reading does not make. A moved passage leaves the aligner unsure where it stands; a
    confident link says the text there is in order. (Strict on purpose: an aligner misled into
    confident wrong links by a move loses that move, and the false exchanges next to an
    omission or an addition are refused.) Beads in ``spare`` are not asked."""
    exch = {a + t: x + n - b + t for t in range(b)}
    exch.update({a + b + t: x + t for t in range(n - b)})
    beads = {d.bead_of_src[i] for i in range(a, a + n)} | {d.bead_of_tgt[j] for j in range(x, x + n)}
    for k in beads - spare:
        p = d.pairs[k]
        if not p.src or not p.tgt or p.score < 0.5:
            continue
        s_in = [a <= s.index < a + n for s in p.src]
        t_in = [x <= t.index < x + n for t in p.tgt]
        if not (all(s_in) and all(t_in)):
            return True  # it links the window with the text outside
        if not any(exch[s.index] == t.index for s in p.src for t in p.tgt):
            return True
    return False


def _off_by_one(d: _Doc, ev: _Evidence, a: int, x: int, cut: _Cuts) -> frozenset[int]:
    """For a window that starts one sentence beside the aligner's cut (source ``a``, target
    ``x``): the 1-1 bead that links the sentence just before the window on one side into the
    window, when that sentence reads better with the sentence just before the window on the
    other side (the aligner's cut there is off by one, as next to an omission or addition: the
    link is expected to be overturned, however confident). Empty for a window at the aligner's
    cut, and where no such bead is (then the window is not read)."""
    if (a, x) in cut.index or a < 1 or x < 1:
        return frozenset()
    i, j = a - 1, x - 1
    for k in (d.bead_of_src.get(i), d.bead_of_tgt.get(j)):
        if k is None:
            continue
        p = d.pairs[k]
        if len(p.src) != 1 or len(p.tgt) != 1:
            continue
        si, tj = p.src[0].index, p.tgt[0].index
        if (si == i and tj >= x or tj == j and si >= a) and ev.one(i, j) > ev.one(si, tj):
            return frozenset({k})
    return frozenset()


def _block_paragraphs(d: _Doc, tgt_ids: range) -> int:
    """How many paragraphs of the translation a block of target sentences touches."""
    return len({d.tgt[j].paragraph for j in tgt_ids})


def _report_exchange(d: _Doc, an: Analysis, a: int, x: int, n: int, b: int, first_moved: bool,
                     gain: float) -> None:
    """One TQ105 for source sentences a..a+n and target sentences x..x+n read as two exchanged
    blocks (the first b source sentences stand at the end of the target stretch): the block that
    moved is reported (``first_moved``: block 1, later; else block 2, earlier), and the whole
    stretch is taken, so later steps leave it alone."""
    if first_moved:
        src_ids, tgt_ids, where = range(a, a + b), range(x + n - b, x + n), "later"
    else:
        src_ids, tgt_ids, where = range(a + b, a + n), range(x, x + n - b), "earlier"
    _report_block_move(d, an, src_ids, tgt_ids, where, gain)
    for i in range(a, a + n):
        an.taken.add(("src", i))
    for j in range(x, x + n):
        an.taken.add(("tgt", j))


def _report_block_move(d: _Doc, an: Analysis, src_ids: range, tgt_ids: range, where: str,
                       gain: float) -> None:
    """One TQ105 for the source sentences ``src_ids`` translated ``where`` ("earlier" / "later")
    at ``tgt_ids``, pointing at both places."""
    an.issues.append(_move_issue(d, src_ids, tgt_ids, where, min(0.95, 0.55 + 0.02 * gain)))


def _move_issue(d: _Doc, src_ids: range, tgt_ids: range, where: str, confidence: float) -> _Issue:
    """The TQ105 of :func:`_report_block_move`."""
    s0, t0 = d.src[src_ids[0]], d.tgt[tgt_ids[0]]
    m = len(src_ids)
    what = "This sentence" if m == 1 else f"These {m} sentences"
    msg = (f"{what} of the source {'is' if m == 1 else 'are'} translated {where} in the text, "
           f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if m == 1 else 'their'} place.")
    multi = m > 1 or len(tgt_ids) > 1
    return _Issue(
        "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
        confidence=confidence, moved=where,
        excerpt_src=_join_excerpt([d.src[i].text for i in src_ids]) if multi else None,
        excerpt_tgt=_join_excerpt([d.tgt[j].text for j in tgt_ids]) if multi else None,
        src_run=tuple(d.src[i] for i in src_ids) if multi else (),
        tgt_run=tuple(d.tgt[j] for j in tgt_ids) if multi else ())
