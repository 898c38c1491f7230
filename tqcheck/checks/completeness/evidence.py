"""How well a link, a merge or a passage reads as a translation: the evidence of one link
(:func:`_link_evidence`), the best in-order reading of a passage (:func:`_straight_ids`), the
aligner's cuts (:class:`_Cuts`), readings against chance (:func:`_beats_chance`) and whether a
bead beside can hold a sentence by length (:func:`_neighbour_fits`).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np

from ...align.banded import Params
from ...align.lengths import text_length
from ..base import Pair
from ._doc import Analysis, _Doc, _merged_cos


_ALIGN_PRIOR = Params().prior


def _merged_evidence(d: _Doc, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> float:
    """:func:`_link_evidence` of a merge (two sentences of one side with one of the other): the
    similarity of the summed feature vectors, and the length ratio of the summed lengths."""
    if len(srcs) == 1 and len(tgts) == 1:
        return _link_evidence(d, srcs[0], tgts[0])
    d.features()
    ls = sum(text_length(d.src[i].text) for i in srcs)
    lt = sum(text_length(d.tgt[j].text) for j in tgts)
    z = d.ratio_z(ls, lt)
    spread = d.mu_match - d.mu_rand
    sim = (_merged_cos(d, srcs, tgts) - d.mu_rand) / spread if spread >= 0.05 else 0.0
    return 3.0 * sim - 0.5 * min(z * z, 16.0)


class _Evidence:
    """Memoised link evidence of 1-1 links and of 2-1 / 1-2 merges. A link of one or two
    neighbouring sentences a side is remembered under one int (:meth:`key`: a long document's
    windows fill millions of entries, and an int key takes a fifth of the memory of a pair of
    tuples); any other group under its tuples."""

    def __init__(self, d: _Doc) -> None:
        self.d = d
        self.memo: dict[int | tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        self._nt4 = 4 * (len(d.tgt) + 1)

    @staticmethod
    def _part(first: int, size: int) -> int:
        """One side of a packed key: its first sentence and how many (one or two neighbours)."""
        return first * 4 + size - 1

    def key(self, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> int | tuple[tuple[int, ...], tuple[int, ...]]:
        """``srcs``, ``tgts`` as a memo key: the two sides packed (:meth:`_part`) into one int, for
        one sentence or two neighbours a side; the tuples themselves otherwise."""
        ls, lt = len(srcs), len(tgts)
        if 0 < ls <= 2 and 0 < lt <= 2 and (ls == 1 or srcs[1] == srcs[0] + 1) and (lt == 1 or tgts[1] == tgts[0] + 1):
            return self._part(srcs[0], ls) * self._nt4 + self._part(tgts[0], lt)
        return (srcs, tgts)

    def __call__(self, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> float:
        k = self.key(srcs, tgts)
        v = self.memo.get(k)
        if v is None:
            v = self.memo[k] = self.value(srcs, tgts)
        return v

    def value(self, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> float:
        return _merged_evidence(self.d, srcs, tgts)

    def one(self, i: int, j: int) -> float:
        return self((i,), (j,))

    def window(self, a: int, x: int, ns: int, nt: int) -> None:
        """Fill the memo for every 1-1 link and every merge of neighbours of source
        ``[a, a+ns)`` × target ``[x, x+nt)`` at once (dense products of the window's feature
        vectors: the same values as :func:`_merged_evidence`, computed together)."""
        d = self.d
        FS, FT = d.features()
        si = list(range(a, a + ns))
        ti = list(range(x, x + nt))
        if not si or not ti:
            return
        rows_s = [FS.row(i) for i in si]
        rows_t = [FT.row(j) for j in ti]
        ids = np.unique(np.concatenate([r[0] for r in rows_s + rows_t]))
        if not hasattr(self, "_ls"):
            self._ls = [text_length(s.text) for s in d.src]
            self._lt = [text_length(t.text) for t in d.tgt]
        A = np.zeros((ns, len(ids)))
        B = np.zeros((nt, len(ids)))
        for k, (r, v) in enumerate(rows_s):
            A[k, np.searchsorted(ids, r)] = v
        for k, (r, v) in enumerate(rows_t):
            B[k, np.searchsorted(ids, r)] = v
        if d.emb is not None:
            # each sentence: its feature vector at unit length beside its unit embedding (as in
            # :func:`_merged_cos`)
            fs, ft = d.fn_s[si], d.fn_t[ti]
            A = np.hstack([A / np.where(fs > 0, fs, 1.0)[:, None], d.emb[0][si]])
            B = np.hstack([B / np.where(ft > 0, ft, 1.0)[:, None], d.emb[1][ti]])
        # rows of merged neighbours are sums of rows
        A2 = A[:-1] + A[1:]
        B2 = B[:-1] + B[1:]
        spread = d.mu_match - d.mu_rand
        sim_on = spread >= 0.05
        ls_all, lt_all = self._ls, self._lt
        ls = np.array([ls_all[i] for i in si], dtype=np.float64)
        lt = np.array([lt_all[j] for j in ti], dtype=np.float64)
        memo = self.memo

        def put_all(keys_s, keys_t, dot, n_s, n_t, l_s, l_t) -> None:
            """The same value as :func:`_merged_evidence` for every (source group, target
            group) of a block at once: 3 · similarity − ½ · min(z², 16)."""
            with np.errstate(divide="ignore", invalid="ignore"):
                z = (np.log(l_t[None, :] / l_s[:, None]) - d.log_mean) / d.log_sd
                z = np.where((l_s[:, None] > 0) & (l_t[None, :] > 0), z,
                             np.where(l_s[:, None] > 0, -9.0, 9.0))
                val = -0.5 * np.minimum(z * z, 16.0)
                if sim_on:
                    den = np.sqrt(n_s[:, None] * n_t[None, :])
                    ok = (dot != 0) & (n_s[:, None] > 0) & (n_t[None, :] > 0)
                    cos = np.where(ok, dot / np.where(ok, den, 1.0), 0.0)
                    val = val + 3.0 * (cos - d.mu_rand) / spread
            rows = val.tolist()
            for p, ks in enumerate(keys_s):
                row = rows[p]
                base = ks * nt4
                for q, kt in enumerate(keys_t):
                    key = base + kt
                    if key not in memo:
                        memo[key] = row[q]

        # the keys of :meth:`key`, each side packed by :meth:`_part`
        nt4, part = self._nt4, self._part
        one_s = [part(i, 1) for i in si]
        one_t = [part(j, 1) for j in ti]
        D = A @ B.T
        na, nb = np.einsum("ij,ij->i", A, A), np.einsum("ij,ij->i", B, B)
        put_all(one_s, one_t, D, na, nb, ls, lt)
        if ns >= 2:
            D2 = A2 @ B.T
            na2 = np.einsum("ij,ij->i", A2, A2)
            put_all([part(si[p], 2) for p in range(ns - 1)], one_t, D2, na2, nb, ls[:-1] + ls[1:], lt)
        if nt >= 2:
            D3 = A @ B2.T
            nb2 = np.einsum("ij,ij->i", B2, B2)
            put_all(one_s, [part(ti[q], 2) for q in range(nt - 1)], D3, na, nb2, ls, lt[:-1] + lt[1:])


class _LengthEvidence(_Evidence):
    """The length part of :class:`_Evidence` alone (``-½ · min(z², 16)`` of a link or merge):
    the shape of a passage, sentence by sentence, where the words tell nothing."""

    def value(self, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> float:
        d = self.d
        z = d.ratio_z(sum(text_length(d.src[i].text) for i in srcs), sum(text_length(d.tgt[j].text) for j in tgts))
        return -0.5 * min(z * z, 16.0)

    def window(self, a: int, x: int, ns: int, nt: int) -> None:
        pass  # nothing to compute together: lengths are cheap one by one


def _straight_table(ev: _Evidence, a: int, x: int, ns: int, nt: int) -> list[list[float]]:
    """Best monotone reading of source ``[a, a+ns)`` against target ``[x, x+nt)``: ``T[p][q]`` is
    the best score of the first ``p`` source and ``q`` target sentences of the window read in
    order — 1-1 links, 2-1 and 1-2 merges, unlinked sentences at :data:`_NULL_LINK` each. The
    aligner's own reading is one of these, so the straight reading is never undersold."""
    return _straight_ids(ev, list(range(a, a + ns)), list(range(x, x + nt)))


def _straight_ids(ev: _Evidence, srcs: list[int], tgts: list[int]) -> list[list[float]]:
    """:func:`_straight_table` over any increasing lists of source and target sentences (a
    window with some sentences set aside); only neighbouring sentences merge."""
    neg = -1e9
    ns, nt = len(srcs), len(tgts)
    one, null, merge = ev.one, _NULL_LINK, _MERGE_LINK
    T = [[neg] * (nt + 1) for _ in range(ns + 1)]
    T[0][0] = 0.0
    for p in range(ns + 1):
        row, up = T[p], T[p - 1] if p else None
        for q in range(nt + 1):
            if p == 0 and q == 0:
                continue
            best = neg
            if p:
                best = up[q] + null
            if q and row[q - 1] + null > best:
                best = row[q - 1] + null
            if p and q:
                v = up[q - 1] + one(srcs[p - 1], tgts[q - 1])
                if v > best:
                    best = v
                if p >= 2 and srcs[p - 1] == srcs[p - 2] + 1:
                    v = T[p - 2][q - 1] + merge + ev((srcs[p - 2], srcs[p - 1]), (tgts[q - 1],))
                    if v > best:
                        best = v
                if q >= 2 and tgts[q - 1] == tgts[q - 2] + 1:
                    v = up[q - 2] + merge + ev((srcs[p - 1],), (tgts[q - 2], tgts[q - 1]))
                    if v > best:
                        best = v
            row[q] = best
    return T


def _straight_counted(ev: _Evidence, srcs: list[int],
                      tgts: list[int]) -> tuple[list[list[float]], list[list[int]]]:
    """:func:`_straight_ids` and, for each cell, how many sentences its best reading leaves
    unlinked."""
    neg = -1e9
    ns, nt = len(srcs), len(tgts)
    T = [[neg] * (nt + 1) for _ in range(ns + 1)]
    N = [[0] * (nt + 1) for _ in range(ns + 1)]
    T[0][0] = 0.0
    for p in range(ns + 1):
        for q in range(nt + 1):
            if p == 0 and q == 0:
                continue
            opts: list[tuple[float, int]] = []
            if p:
                opts.append((T[p - 1][q] + _NULL_LINK, N[p - 1][q] + 1))
            if q:
                opts.append((T[p][q - 1] + _NULL_LINK, N[p][q - 1] + 1))
            if p and q:
                opts.append((T[p - 1][q - 1] + ev.one(srcs[p - 1], tgts[q - 1]), N[p - 1][q - 1]))
            if p >= 2 and q and srcs[p - 1] == srcs[p - 2] + 1:
                opts.append((T[p - 2][q - 1] + _MERGE_LINK + ev((srcs[p - 2], srcs[p - 1]), (tgts[q - 1],)),
                             N[p - 2][q - 1]))
            if p and q >= 2 and tgts[q - 1] == tgts[q - 2] + 1:
                opts.append((T[p - 1][q - 2] + _MERGE_LINK + ev((srcs[p - 1],), (tgts[q - 2], tgts[q - 1])),
                             N[p - 1][q - 2]))
            T[p][q], N[p][q] = max(opts, key=lambda o: (o[0], -o[1]))
    return T, N


def _straight_exit(T: list[list[float]], n: int, rel_after: int, slack: int = 2) -> float:
    """The straight reading of the first ``n`` × ``n`` sentences of a window. It may leave the
    window up to ``slack`` sentences early on one side (those then link past the window's end:
    an omission or an addition inside the window shifted their partners); a reading whose shift
    at the window's end differs from the aligner's just after the window (``rel_after``: target
    minus source sentences, relative to the window's start) pays one unlinked sentence per
    sentence of difference — it would have to leave that many unlinked to rejoin it."""
    return _best_exit(T, n, rel_after, slack)[0]


def _best_exit(T: list[list[float]], n: int, rel_after: int, slack: int = 2) -> tuple[float, int, int]:
    """:func:`_straight_exit` with the cell (source, target count) where the reading leaves."""
    best = (T[n][n] - abs(rel_after) * -_NULL_LINK, n, n)
    for e in range(1, slack + 1):
        best = max(best, (T[n - e][n] - abs(e - rel_after) * -_NULL_LINK, n - e, n),
                   (T[n][n - e] - abs(-e - rel_after) * -_NULL_LINK, n, n - e))
    return best


class _Cuts:
    """Where the aligner's reading stands between beads: the cut before bead ``k`` is the number
    of source and target sentences before it."""

    def __init__(self, d: _Doc) -> None:
        self.d = d
        self.at: list[tuple[int, int]] = []
        a = x = 0
        for p in d.pairs:
            self.at.append((a, x))
            a += len(p.src)
            x += len(p.tgt)
        self.at.append((a, x))
        self.index = set(self.at)
        # a cut followed by a confident link: the aligner is in step there
        self.firm = [bool(p.src and p.tgt) and p.score >= 0.5 for p in d.pairs] + [True]

    def shift_after(self, k: int, a: int, x: int) -> int:
        """The aligner's shift (target minus source sentences) where its reading, from bead
        ``k`` on, has left the window ending at source ``a`` and target ``x`` (reached either)
        and is in step again (the first firm cut from there)."""
        ca, cx = self.firm_after(k, a, x)
        return cx - ca

    def in_step_near(self, k: int, a: int, x: int, reach: int) -> tuple[int, int] | None:
        """The first cut, from bead ``k`` on, at or past source ``a`` and target ``x`` where the
        reading is in step with them (its shift is ``x - a``), at most ``reach`` sentences (both
        sides together) past them; None if there is none that near."""
        for ca, cx in itertools.islice(self.at, k, None):
            if ca - a + cx - x > reach:
                return None
            if ca >= a and cx >= x and cx - ca == x - a:
                return ca, cx
        return None

    def firm_after(self, k: int, a: int, x: int) -> tuple[int, int]:
        """The first firm cut, from bead ``k`` on, at or past source ``a`` or target ``x``."""
        for q in range(k, len(self.at)):
            ca, cx = self.at[q]
            if (ca >= a or cx >= x) and self.firm[q]:
                return ca, cx
        return self.at[-1]


def _exchanged(ev: _Evidence, a: int, x: int, n: int, b: int) -> tuple[list[float], list[float]]:
    """Link evidence of the exchanged reading of source ``[a, a+n)`` and target ``[x, x+n)``:
    source block 1 ``[a, a+b)`` translated after block 2 ``[a+b, a+n)``."""
    l1 = [ev.one(a + t, x + n - b + t) for t in range(b)]
    l2 = [ev.one(a + b + t, x + t) for t in range(n - b)]
    return l1, l2


#: how many blocks elsewhere in each text :func:`_beats_chance` reads, and the fewest it needs
_CHANCE_BLOCKS = 8
_CHANCE_MIN = 4


def _beats_chance(ev: _Evidence, w: tuple[int, int, int, int], r: float, margin: float) -> bool:
    """Whether ``r``, the best straight reading of source ``[w0, w1)`` against target ``[w2,
    w3)``, reads better than chance by ``margin``: than every reading of the same source block
    against a target block of the same size elsewhere in the text, and of the same target block
    against source blocks elsewhere (up to :data:`_CHANCE_BLOCKS` of each, spread evenly over
    the text, none overlapping the window). Messy text (sentences merged, split and reordered by
    the translator or by OCR) reads poorly even where it truly corresponds, but still far better
    than pairs of passages that have nothing to do with each other; the document's own chance
    level tells them apart where a fixed score per sentence cannot. ``False`` when the text is
    too short to hold :data:`_CHANCE_MIN` blocks elsewhere."""
    s0, s1, t0, t1 = w
    ls, lt = s1 - s0, t1 - t0
    if ls < 1 or lt < 1:
        return False
    d = ev.d

    def starts(n_all: int, size: int, lo: int, hi: int) -> list[int]:
        # block starts spread over the text, none overlapping [lo, hi): the free starts are
        # 0 … lo-size and hi … n_all-size, indexed without listing them
        n_a = max(0, min(lo, n_all) - size + 1)
        n_b = max(0, n_all - size - hi + 1)
        total = n_a + n_b

        def free(i: int) -> int:
            return i if i < n_a else hi + (i - n_a)

        if total <= _CHANCE_BLOCKS:
            return [free(i) for i in range(total)]
        step = total / _CHANCE_BLOCKS
        return [free(int(m * step)) for m in range(_CHANCE_BLOCKS)]

    blocks = [(s0, s1, t, t + lt) for t in starts(len(d.tgt), lt, t0, t1)] + \
        [(s, s + ls, t0, t1) for s in starts(len(d.src), ls, s0, s1)]
    if len(blocks) < _CHANCE_MIN:
        return False
    chance = -1e9
    for b0, b1, c0, c1 in blocks:
        ev.window(b0, c0, b1 - b0, c1 - c0)
        chance = max(chance, _straight_ids(ev, list(range(b0, b1)), list(range(c0, c1)))[-1][-1])
        if r < chance + margin:
            return False
    return True


#: how many sentences (both sides together) past two exchanged neighbours
#: :func:`_transpositions` reads on to where the aligner is in step again
_TAIL = 4


#: similarity (in units of the document's typical linked pair) of a link that is a translation
_TYPICAL_LINK = 0.8


#: evidence of the worst acceptable 1-1 link; a sentence left unlinked costs this much
_NULL_LINK = -3.0
#: how much better two neighbours read crossed than in order before a swap is reported (minor)
_SWAP_GAIN = 3.0
#: what a 2-1 / 1-2 merge costs over a 1-1 link: the aligner's prior for a merge, in units of
#: its prior for an unlinked sentence (which :data:`_NULL_LINK` stands for here)
_MERGE_LINK = _NULL_LINK * _ALIGN_PRIOR[(2, 1)] / _ALIGN_PRIOR[(1, 0)]


def _link_evidence(d: _Doc, i: int, j: int, w_sim: float = 3.0, len_cap: float = 16.0) -> float:
    """How well target sentence ``j`` fits as the translation of source sentence ``i``: a
    log-likelihood-like score from the aligner's own evidence (lexical similarity in units of the
    document's typical match, and the length ratio in standard deviations of the document's
    usual ratio, capped so that one odd length cannot decide alone)."""
    z = d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[j].text))
    return w_sim * d.sim_z(i, j) - 0.5 * min(z * z, len_cap)


def _bead_fit(d: _Doc, an: Analysis, q: Pair, side: str, extra: float) -> tuple[float, float] | None:
    """How far bead ``q``'s length ratio is off towards holding more of ``side`` (``z0``: its other
    side too long for a source sentence, too short for a target one) and how far it is off with
    ``extra`` characters of ``side`` added (``z1``), in the document's standard deviations;
    ``None`` when ``q`` is one-sided or holds a sentence an earlier step explained."""
    if not q.src or not q.tgt:
        return None
    if any(("src", x.index) in an.taken for x in q.src) or any(("tgt", x.index) in an.taken for x in q.tgt):
        return None
    ls, lt = text_length(q.src_text), text_length(q.tgt_text)
    if side == "src":
        return d.ratio_z(ls, lt), d.ratio_z(ls + extra, lt)
    return -d.ratio_z(ls, lt), -d.ratio_z(ls, lt + extra)


def _clearly_absorbs(z0: float, z1: float) -> bool:
    """A bead clearly too long (short) without the sentence (``z0``) and normal with it (``z1``)."""
    return z0 > 1.0 and abs(z1) < z0 - 0.5


def _neighbour_fits(d: _Doc, an: Analysis, p: Pair, side: str) -> Iterator[tuple[Pair, float, float]]:
    """For the sentence of ``p`` on ``side`` (unlinked, or the partner of a weak link that may
    belong beside, :func:`_partner_absorbed`): each neighbouring bead with sentences on both
    sides that no earlier step explained, with its :func:`_bead_fit` for the sentence added."""
    k = p.index
    extra = text_length(p.src_text if side == "src" else p.tgt_text)
    for q in (d.pairs[k - 1] if k > 0 else None, d.pairs[k + 1] if k + 1 < len(d.pairs) else None):
        fit = _bead_fit(d, an, q, side, extra) if q is not None else None
        if fit is not None:
            yield q, fit[0], fit[1]
