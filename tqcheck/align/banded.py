"""The sentence aligner: monotone dynamic programming in a band around the diagonal.

Links 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 and 0-1 beads. A bead's cost adds

* a prior for its kind;
* a Gale–Church length cost, with the length ratio and variance learned from the
  document pair itself (:mod:`.lengths`);
* a similarity reward: cosine of weighted character n-gram and anchor bags of the
  transliterated text (:mod:`.features`), normalised by how similar unrelated and
  related sentences of *this* document pair are, so that a language pair with
  little shared vocabulary (English–Chinese) falls back on length and structure;
* paragraph structure: a bead crossing a paragraph boundary costs more, a bead
  that starts a paragraph on one side only costs a little.

The band follows a rough path through rare features shared by both sides (names,
numbers) and widens where the best path runs along its edge, so time and memory
are O(n·band). A second pass re-estimates the length model from the confident
beads of the first and adds a small bilingual lexicon learned from them
(:mod:`.lexicon`). No dictionary, no model.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ..document import Document
from .base import Bead
from .features import FeatureMatrix, build_features, script_factor
from .lengths import DEFAULT_S2, estimate, length_cost, ratio_stats, text_length
from .result import AlignResult

__all__ = ["AlignResult", "Params", "align_documents", "align_sentences"]

#: bead kinds (source count, target count); the index is stored as the back pointer
KINDS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
_K01 = KINDS.index((0, 1))


@dataclass(frozen=True)
class Params:
    """Cost weights of the aligner (document-independent; learned quantities live in the model)."""

    prior: dict = field(default_factory=lambda: {
        (1, 1): 0.0, (1, 0): 4.0, (0, 1): 4.0, (2, 1): 2.6, (1, 2): 2.6,
        (2, 2): 5.5, (3, 1): 5.0, (1, 3): 5.0})
    w_len: float = 1.0
    w_sim: float = 8.0
    #: a one-sided bead costs this much more per character (long sentences are rarely dropped)
    null_per_char: float = 0.01
    para_cross: float = 3.0
    para_mismatch: float = 1.0
    #: half-width of the first band, in sentences
    band: int = 40
    #: exact DP (no band) when (n+1)·(m+1) is at most this
    full_cells: int = 1_500_000
    second_pass: bool = True
    lexicon: bool = True
    relearn_length: bool = True
    relearn_s2: bool = False
    #: after the DP, split a sentence off a many-to-one bead when it is better left unlinked,
    #: judged with this (lower) prior for a one-sided bead; None turns the refinement off
    refine_null: float | None = None
    #: a sentence of a many-to-one bead that looks less related to the other side than
    #: unrelated sentences do (similarity z below ``member_floor``) costs ``w_member`` per unit
    w_member: float = 4.0
    member_floor: float = 0.3


DEFAULT = Params()


# -- public API ----------------------------------------------------------------------------------
def align_documents(source: Document, target: Document, *, src_lang: str | None = None,
                    tgt_lang: str | None = None, progress: bool = False,
                    params: Params | None = None) -> AlignResult:
    """Align the sentences of two segmented documents."""
    return align_sentences(
        [s.text for s in source.sentences], [s.text for s in target.sentences],
        src_paragraphs=[s.paragraph for s in source.sentences],
        tgt_paragraphs=[s.paragraph for s in target.sentences],
        src_lang=src_lang or source.lang, tgt_lang=tgt_lang or target.lang,
        progress=progress, params=params)


def align_sentences(src: Sequence[str], tgt: Sequence[str], *,
                    src_paragraphs: Sequence[int] | None = None,
                    tgt_paragraphs: Sequence[int] | None = None,
                    src_lang: str | None = None, tgt_lang: str | None = None,
                    progress: bool = False, params: Params | None = None) -> AlignResult:
    """Align two lists of sentences (with the paragraph index of each sentence, if known)."""
    p = params or DEFAULT
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        beads = [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
        st = ratio_stats([], [])
        st.update({"confident_pairs": 0, "band": 0, "passes": 0, "length_c": 1.0,
                   "length_s2": DEFAULT_S2})
        return AlignResult(beads, st)
    model = _Model(list(src), list(tgt), src_paragraphs, tgt_paragraphs, p)
    path, kinds = model.run(progress=progress)
    passes = 1
    ones = [(i - 1, j - 1) for (i, j), k in zip(path, kinds) if KINDS[k] == (1, 1)]
    if p.second_pass and n + m > 2:
        conf = model.confident(path, kinds)
        if len(conf) >= 5:
            model.relearn(conf, lexicon=p.lexicon)
        if len(ones) >= 5:
            model.calibrate_pairs(ones)
        if len(conf) >= 5 or len(ones) >= 5:
            path, kinds = model.run(progress=progress)
            passes = 2
    beads = model.beads(path, kinds)
    if p.refine_null is not None:
        beads = model.refine(beads)
    conf = model.confident(path, kinds)
    ls = [model.ls[i] for i, _ in conf]
    lt = [model.lt[j] for _, j in conf]
    st = ratio_stats(ls, lt)
    st.update({"confident_pairs": len(conf), "band": model.last_band, "passes": passes,
               "length_c": model.c, "length_s2": model.s2,
               "sim_unrelated": model.mu_rand, "sim_related": model.mu_match,
               "lexicon_size": model.lexicon_size})
    return AlignResult(beads, st)


# -- the model -----------------------------------------------------------------------------------
class _Model:
    def __init__(self, src: list[str], tgt: list[str], sp: Sequence[int] | None,
                 tp: Sequence[int] | None, p: Params) -> None:
        self.src, self.tgt, self.p = src, tgt, p
        self.n, self.m = len(src), len(tgt)
        self.ls = np.array([text_length(t) for t in src], dtype=np.float64)
        self.lt = np.array([text_length(t) for t in tgt], dtype=np.float64)
        self.Ls = np.concatenate([[0.0], np.cumsum(self.ls)])
        self.Lt = np.concatenate([[0.0], np.cumsum(self.lt)])
        tot_s, tot_t = self.Ls[-1], self.Lt[-1]
        # length ratio: the totals, shrunk towards the ratio the scripts suggest in short texts
        # (there, an omitted sentence would bias the totals)
        prior = math.log(script_factor(tgt) / script_factor(src))
        k, n_eff = 4.0, float(min(self.n, self.m))
        obs = math.log(tot_t / tot_s) if tot_s > 0 and tot_t > 0 else prior
        self.c = float(math.exp((n_eff * obs + k * prior) / (n_eff + k)))
        self.s2 = DEFAULT_S2
        self.use_para = sp is not None and tp is not None and len(sp) == self.n and len(tp) == self.m
        if self.use_para:
            self.sp = np.asarray(sp, dtype=np.int64)
            self.tp = np.asarray(tp, dtype=np.int64)
            # start[k]: sentence k starts a paragraph; brk[k]: boundary between k-1 and k
            self.s_start = np.concatenate([[True], self.sp[1:] != self.sp[:-1]])
            self.t_start = np.concatenate([[True], self.tp[1:] != self.tp[:-1]])
            # the paragraph structure carries information only when both sides have some
            if self.s_start.sum() <= 1 or self.t_start.sum() <= 1:
                self.use_para = False
        self.lexicon_size = 0
        self.last_band = 0
        self.mu_rand = 0.0
        self.mu_match = 0.0
        self._features()

    # -- features and similarity -------------------------------------------------------------
    def _features(self, extra_src=None, extra_tgt=None) -> None:
        if not hasattr(self, "_bags"):
            from .features import raw_features

            self._bags = ([raw_features(t) for t in self.src], [raw_features(t) for t in self.tgt])
        self.FS, self.FT, _ = build_features(self.src, self.tgt, extra_src=extra_src, extra_tgt=extra_tgt,
                                             bags=self._bags)
        self.ss1 = _adjacent_dots(self.FS, 1)
        self.ss2 = _adjacent_dots(self.FS, 2)
        self.tt1 = _adjacent_dots(self.FT, 1)
        self.tt2 = _adjacent_dots(self.FT, 2)
        self.NS = _group_norms(self.FS.norm2, self.ss1, self.ss2)
        self.NT = _group_norms(self.FT.norm2, self.tt1, self.tt2)
        self._sim_calibrated = False
        self._calib_pairs = False

    def relearn(self, conf: list[tuple[int, int]], *, lexicon: bool) -> None:
        """Second pass: length model and lexicon from the confident 1-1 beads of the first."""
        if self.p.relearn_length:
            c, s2 = estimate([self.ls[i] for i, _ in conf], [self.lt[j] for _, j in conf])
            self.c = c
            if self.p.relearn_s2:
                self.s2 = s2
        if lexicon:
            from .lexicon import learn_lexicon, lexicon_features

            lex = learn_lexicon([self.src[i] for i, _ in conf], [self.tgt[j] for _, j in conf])
            self.lexicon_size = len(lex)
            if lex:
                ex_s, ex_t = lexicon_features(self.src, self.tgt, lex)
                self._features(ex_s, ex_t)

    # -- band ----------------------------------------------------------------------------------
    def _offsets(self, center: np.ndarray, w: int) -> tuple[np.ndarray, int]:
        n, m = self.n, self.m
        if (n + 1) * (m + 1) <= self.p.full_cells or 2 * w + 1 >= m + 1:
            return np.zeros(n + 1, dtype=np.int64), m + 1
        off = np.round(center).astype(np.int64) - w
        off = np.maximum.accumulate(off)
        return off, 2 * w + 1

    def run(self, progress: bool = False) -> tuple[list[tuple[int, int]], list[int]]:
        center = _anchor_center(self.FS, self.FT)
        w = self.p.band
        while True:
            off, W = self._offsets(center, w)
            self.last_band = W
            self._dots(off, W)
            if not self._sim_calibrated:
                self._calibrate(off, W)
            path, kinds, touches = self._dp(off, W, progress)
            if not touches or W >= self.m + 1:
                return path, kinds
            # the best path runs along the band's edge: re-centre on it and widen
            center = _path_center(path, self.n)
            w *= 2
            if not self._calib_pairs:
                self._sim_calibrated = False

    def _dots(self, off: np.ndarray, W: int) -> None:
        """dot(S_s, T_t) for every pair a bead in the band can use."""
        n, m = self.n, self.m
        s_idx = np.arange(n)
        self.doff = off[np.minimum(s_idx + 1, n)] - 3
        ahead = off[np.minimum(s_idx + 3, n)] - off[np.minimum(s_idx + 1, n)]
        self.DW = int(W + 3 + (ahead.max() if n else 0))
        self.dots = _band_dots(self.FS, self.FT, self.doff, self.DW, m)

    def calibrate_pairs(self, ones: list[tuple[int, int]]) -> None:
        """Typical cosine of linked sentences (1-1 beads of a previous pass) and of unrelated
        ones (each source sentence with the target sentence linked a few beads further on)."""
        linked = [_row_dot(self.FS, i, self.FT, j) / math.sqrt(self.FS.norm2[i] * self.FT.norm2[j])
                  for i, j in ones if self.FS.norm2[i] > 0 and self.FT.norm2[j] > 0]
        shift = max(1, min(7, len(ones) // 2))
        unrel = []
        for x, (i, _) in enumerate(ones):
            j = ones[(x + shift) % len(ones)][1]
            if self.FS.norm2[i] > 0 and self.FT.norm2[j] > 0:
                unrel.append(_row_dot(self.FS, i, self.FT, j) / math.sqrt(self.FS.norm2[i] * self.FT.norm2[j]))
        if linked and unrel:
            self._set_calibration(float(np.median(unrel)), float(np.median(linked)), len(linked))
            self._calib_pairs = True

    def _set_calibration(self, rand: float, match: float, n: int) -> None:
        # few sentences: shrink towards typical values (unrelated ~0.05, linked ~0.4)
        k = 4.0
        self.mu_rand = (n * rand + k * 0.05) / (n + k)
        self.mu_match = (n * match + k * 0.4) / (n + k)
        self._sim_calibrated = True

    def _calibrate(self, off: np.ndarray, W: int) -> None:
        """Typical cosine of unrelated pairs (the band's median) and of related pairs (the
        median of each sentence's best match)."""
        n, m = self.n, self.m
        ns = np.maximum(self.FS.norm2, 1e-12)[:, None]
        t = self.doff[:, None] + np.arange(self.DW)[None, :]
        valid = (t >= 0) & (t < m)
        nt = np.where(valid, self.FT.norm2[np.clip(t, 0, m - 1)], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = np.where(valid & (nt > 0), self.dots / np.sqrt(ns * np.maximum(nt, 1e-12)), np.nan)
        has = (self.FS.norm2 > 0)
        rows = cos[has]
        if rows.size == 0 or np.all(np.isnan(rows)):
            self._set_calibration(0.05, 0.05, 1000)  # nothing shared: no similarity evidence
        else:
            best = np.nanmax(np.where(np.isnan(rows), -1.0, rows), axis=1)
            self._set_calibration(float(np.nanmedian(rows)),
                                  float(np.median(best[best >= 0])) if np.any(best >= 0) else 0.0,
                                  int(rows.shape[0]))

    # -- costs ---------------------------------------------------------------------------------
    def _null_src(self, i0: int) -> float:
        """Cost of leaving source sentence ``i0`` without counterpart."""
        return self.p.prior[(1, 0)] + self.p.null_per_char * self.ls[i0]

    def _sim_cost(self, cos: np.ndarray) -> np.ndarray:
        spread = self.mu_match - self.mu_rand
        if spread <= 1e-6:
            return np.zeros_like(cos)
        # reliability: a pair of languages with little shared material gets less weight
        weight = self.p.w_sim * min(1.0, spread / 0.15)
        z = np.clip((cos - self.mu_rand) / spread, -1.0, 1.5)
        return -weight * z

    def _dp(self, off: np.ndarray, W: int, progress: bool):
        n, m, p = self.n, self.m, self.p
        INF = np.inf
        D = np.full((n + 1, W), INF)
        B = np.zeros((n + 1, W), dtype=np.int8)
        ar = np.arange(W)
        null_t = p.prior[(0, 1)] + p.null_per_char * self.lt  # per target sentence
        rows = range(n + 1)
        bar = None
        if progress and n > 2000:
            from tqdm import tqdm

            bar = tqdm(total=n + 1, desc="aligning", unit="sent", leave=False)
        for i in rows:
            J = off[i] + ar
            validJ = (J >= 0) & (J <= m)
            Jc = np.clip(J, 0, m)
            X = np.full(W, INF)
            K = np.zeros(W, dtype=np.int8)
            if i == 0:
                X[J == 0] = 0.0
            else:
                G = self._gather(i, J)
                for k, (a, b) in enumerate(KINDS):
                    if a == 0 or a > i:
                        continue
                    r = i - a
                    pj = J - b
                    pidx = pj - off[r]
                    ok = validJ & (pj >= 0) & (pidx >= 0) & (pidx < W)
                    if not ok.any():
                        continue
                    prev = np.where(ok, D[r, np.clip(pidx, 0, W - 1)], INF)
                    if b == 0:
                        cost = self._null_src(i - 1)
                    else:
                        cost = self._bead_cost(i, a, b, Jc, G)
                    cand = prev + cost
                    better = cand < X
                    X = np.where(better, cand, X)
                    K = np.where(better, k, K)
            # 0-1 beads: D[x] = min(X[x], D[x-1] + c01[x]) by a running minimum
            c01 = np.zeros(W)
            okt = validJ & (J >= 1)
            c01[okt] = null_t[Jc[okt] - 1]
            if self.use_para:
                c01[okt] += self._para_null_t(Jc[okt])
            c01[0] = 0.0
            Q = np.cumsum(c01)
            with np.errstate(invalid="ignore"):
                Dr = np.minimum.accumulate(X - Q) + Q
            Dr = np.where(validJ, Dr, INF)
            from01 = Dr < X - 1e-9
            K = np.where(from01, _K01, K)
            D[i] = Dr
            B[i] = K
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        # back-trace
        path: list[tuple[int, int]] = []
        kinds: list[int] = []
        i, j = n, m
        touches = False
        full = W >= m + 1
        while i > 0 or j > 0:
            x = j - off[i]
            if not full and ((x <= 1 and off[i] > 0) or (x >= W - 2 and off[i] + W - 1 < m)):
                touches = True
            k = int(B[i, x])
            a, b = KINDS[k]
            path.append((i, j))
            kinds.append(k)
            i, j = i - a, j - b
        path.reverse()
        kinds.reverse()
        return path, kinds, touches

    def _gather(self, i: int, J: np.ndarray) -> dict:
        """dot(S_{i-k}, T_{J-l}) for k, l in 1..3, as vectors over the row's window."""
        m = self.m
        G = {}
        for k in (1, 2, 3):
            s = i - k
            if s < 0:
                break
            row = self.dots[s]
            for l in (1, 2, 3):
                t = J - l
                idx = np.clip(t - self.doff[s], 0, self.DW - 1)
                G[(k, l)] = np.where((t >= 0) & (t < m), row[idx], 0.0)
        return G

    def _bead_cost(self, i: int, a: int, b: int, Jc: np.ndarray, G: dict) -> np.ndarray:
        p = self.p
        ls = self.Ls[i] - self.Ls[i - a]
        Jb = np.maximum(Jc - b, 0)
        lt = self.Lt[Jc] - self.Lt[Jb]
        cost = p.prior[(a, b)] + p.w_len * length_cost(ls, lt, self.c, self.s2)
        dot = sum(G[(k, l)] for k in range(1, a + 1) for l in range(1, b + 1))
        den = self.NS[a - 1][i] * self.NT[b - 1][Jc]
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = np.where(den > 0, dot / np.sqrt(np.maximum(den, 1e-24)), 0.0)
        cost = cost + self._sim_cost(cos)
        if p.w_member and (a > 1 or b > 1) and self.mu_match - self.mu_rand > 1e-6:
            spread = self.mu_match - self.mu_rand
            if a > 1:
                nt = self.NT[b - 1][Jc]
                for k in range(1, a + 1):
                    dk = sum(G[(k, l)] for l in range(1, b + 1))
                    den = self.FS.norm2[i - k] * nt
                    with np.errstate(invalid="ignore", divide="ignore"):
                        ck = np.where(den > 0, dk / np.sqrt(np.maximum(den, 1e-24)), self.mu_rand)
                    cost = cost + p.w_member * np.maximum(0.0, p.member_floor - (ck - self.mu_rand) / spread)
            else:
                ns = self.NS[a - 1][i]
                for l in range(1, b + 1):
                    dl = sum(G[(k, l)] for k in range(1, a + 1))
                    den = ns * self.FT.norm2[np.maximum(Jc - l, 0)]
                    with np.errstate(invalid="ignore", divide="ignore"):
                        cl = np.where(den > 0, dl / np.sqrt(np.maximum(den, 1e-24)), self.mu_rand)
                    cost = cost + p.w_member * np.maximum(0.0, p.member_floor - (cl - self.mu_rand) / spread)
        if self.use_para:
            cost = cost + self._para_cost(i, a, b, Jc)
        return cost

    def _para_cost(self, i: int, a: int, b: int, Jc: np.ndarray) -> np.ndarray:
        p = self.p
        i0 = i - a
        cross_s = int(self.s_start[i0 + 1:i].sum())
        j0 = np.maximum(Jc - b, 0)
        # crossings inside the target group: starts among j0+1 .. Jc-1
        tcum = np.concatenate([[0], np.cumsum(self.t_start)])
        cross_t = tcum[np.maximum(Jc, j0 + 1)] - tcum[np.minimum(j0 + 1, self.m)]
        mism = self.s_start[i0] != self.t_start[np.minimum(j0, self.m - 1)]
        return p.para_cross * (cross_s + cross_t) + p.para_mismatch * mism

    def _para_null_t(self, Jt: np.ndarray) -> np.ndarray:
        return np.zeros(len(Jt))

    # -- results -------------------------------------------------------------------------------
    def beads(self, path: list[tuple[int, int]], kinds: list[int]) -> list[Bead]:
        out = []
        for (i, j), k in zip(path, kinds):
            a, b = KINDS[k]
            src = tuple(range(i - a, i))
            tgt = tuple(range(j - b, j))
            out.append(Bead(src, tgt, self._score(src, tgt)))
        return out

    def _linked_cost(self, src: tuple[int, ...], tgt: tuple[int, ...]) -> float:
        i, a, b = src[-1] + 1, len(src), len(tgt)
        J = np.array([tgt[-1] + 1])
        G = {}
        for k in range(1, a + 1):
            for l in range(1, b + 1):
                G[(k, l)] = np.array([self._dot(i - k, tgt[-1] + 1 - l)])
        return float(self._bead_cost(i, a, b, J, G)[0])

    def refine(self, beads: list[Bead]) -> list[Bead]:
        """Split an edge sentence off a 2-1, 1-2, 3-1 or 1-3 bead when linking it costs more
        than leaving it alone (with the lower prior ``refine_null`` for one-sided beads)."""
        pn = self.p.refine_null
        out: list[Bead] = []
        for bd in beads:
            a, b = len(bd.src), len(bd.tgt)
            if not ((a >= 2 and b == 1) or (a == 1 and b >= 2)):
                out.append(bd)
                continue
            merged = self._linked_cost(bd.src, bd.tgt)
            best, split = merged, None
            side = "src" if a >= 2 else "tgt"
            grp = bd.src if a >= 2 else bd.tgt
            for edge in (0, len(grp) - 1):
                rest = grp[1:] if edge == 0 else grp[:-1]
                lone = grp[edge]
                ln = (self.ls[lone] if side == "src" else self.lt[lone])
                if ln < 10:
                    continue
                rs, rt = (rest, bd.tgt) if side == "src" else (bd.src, rest)
                c = self._linked_cost(rs, rt) + pn + self.p.null_per_char * ln
                if c < best:
                    best, split = c, (edge, rs, rt, lone)
            if split is None:
                out.append(bd)
                continue
            edge, rs, rt, lone = split
            linked = Bead(rs, rt, self._score(rs, rt))
            alone = Bead((lone,), ()) if side == "src" else Bead((), (lone,))
            out.extend([alone, linked] if edge == 0 else [linked, alone])
        return out

    def _score(self, src: tuple[int, ...], tgt: tuple[int, ...]) -> float:
        """0–1 similarity of the two sides: the evidence of the link (similarity reward minus
        length and paragraph costs, without the prior of the bead kind) through a logistic.
        About 0.9 for a clear translation, 0.5 for a doubtful one, near 0 when the sides
        look unrelated or the document gives no lexical evidence and the lengths disagree."""
        if not src or not tgt:
            return 0.0
        evidence = -(self._linked_cost(src, tgt) - self.p.prior[(len(src), len(tgt))])
        return round(1.0 / (1.0 + math.exp(-(evidence - 2.0) / 1.5)), 4)

    def _dot(self, s: int, t: int) -> float:
        x = t - self.doff[s]
        if 0 <= x < self.DW:
            return float(self.dots[s, x])
        return _row_dot(self.FS, s, self.FT, t)

    def confident(self, path: list[tuple[int, int]], kinds: list[int]) -> list[tuple[int, int]]:
        """(source, target) sentence pairs of the 1-1 beads that are clearly right: both
        neighbours are 1-1 as well, or the similarity is high."""
        out = []
        k11 = KINDS.index((1, 1))
        for x, ((i, j), k) in enumerate(zip(path, kinds)):
            if k != k11:
                continue
            nb = (x == 0 or kinds[x - 1] == k11) and (x == len(kinds) - 1 or kinds[x + 1] == k11)
            if nb and self.ls[i - 1] > 0 and self.lt[j - 1] > 0:
                out.append((i - 1, j - 1))
        return out


# -- helpers -------------------------------------------------------------------------------------
def _row_dot(A: FeatureMatrix, i: int, Bm: FeatureMatrix, j: int) -> float:
    ia, va = A.row(i)
    ib, vb = Bm.row(j)
    _, xa, xb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
    return float(np.dot(va[xa], vb[xb]))


def _adjacent_dots(F: FeatureMatrix, d: int) -> np.ndarray:
    """dot(F_k, F_{k+d}) for every k (0 past the end)."""
    n = len(F)
    out = np.zeros(n)
    for k in range(n - d):
        out[k] = F.dot_rows(k, k + d)
    return out


def _group_norms(n2: np.ndarray, d1: np.ndarray, d2: np.ndarray) -> list[np.ndarray]:
    """Squared norms of the sums of 1, 2, 3 consecutive rows ending just before index x
    (arrays indexed by the end boundary x = 0..n)."""
    n = len(n2)
    g1 = np.zeros(n + 1)
    g2 = np.zeros(n + 1)
    g3 = np.zeros(n + 1)
    g1[1:] = n2
    if n >= 2:
        g2[2:] = n2[:-1] + n2[1:] + 2 * d1[:-1]
    if n >= 3:
        g3[3:] = n2[:-2] + n2[1:-1] + n2[2:] + 2 * (d1[:-2] + d1[1:-1] + d2[:-2])
    return [g1, g2, g3]


def _band_dots(FS: FeatureMatrix, FT: FeatureMatrix, doff: np.ndarray, DW: int, m: int,
               block: int = 128) -> np.ndarray:
    """dots[s, x] = dot(S_s, T_{doff[s]+x}) (0 outside the target), block by block with
    small dense matrices over the features the block shares."""
    n = len(FS)
    out = np.zeros((n, DW))
    for a in range(0, n, block):
        b = min(n, a + block)
        t0 = max(0, int(doff[a]))
        t1 = min(m, int(doff[b - 1]) + DW)
        if t1 <= t0:
            continue
        sa, sb = FS.indptr[a], FS.indptr[b]
        ta, tb = FT.indptr[t0], FT.indptr[t1]
        sid, tid = FS.ids[sa:sb], FT.ids[ta:tb]
        common = np.intersect1d(sid, tid)
        if not len(common):
            continue
        srow = np.repeat(np.arange(b - a), np.diff(FS.indptr[a:b + 1]))
        trow = np.repeat(np.arange(t1 - t0), np.diff(FT.indptr[t0:t1 + 1]))
        ks = np.searchsorted(common, sid)
        kt = np.searchsorted(common, tid)
        ms = (ks < len(common)) & (common[np.minimum(ks, len(common) - 1)] == sid)
        mt = (kt < len(common)) & (common[np.minimum(kt, len(common) - 1)] == tid)
        Sd = np.zeros((b - a, len(common)))
        Td = np.zeros((t1 - t0, len(common)))
        Sd[srow[ms], ks[ms]] = FS.vals[sa:sb][ms]
        Td[trow[mt], kt[mt]] = FT.vals[ta:tb][mt]
        P = Sd @ Td.T  # (b-a) x (t1-t0)
        for s in range(a, b):
            lo = int(doff[s])
            x0 = max(0, t0 - lo)
            x1 = min(DW, t1 - lo)
            if x1 > x0:
                out[s, x0:x1] = P[s - a, lo + x0 - t0:lo + x1 - t0]
    return out


def _anchor_center(FS: FeatureMatrix, FT: FeatureMatrix) -> np.ndarray:
    """A rough path: interpolate through pairs of sentences that share features occurring
    once on each side (names, numbers), kept in order by a weighted longest increasing
    subsequence. Returns the expected target position for each source boundary 0..n."""
    n, m = len(FS), len(FT)
    V = int(max(FS.ids.max(initial=-1), FT.ids.max(initial=-1))) + 1
    pts_x = [0.0]
    pts_y = [0.0]
    if V > 0 and n and m:
        cs = np.bincount(FS.ids, minlength=V)
        ct = np.bincount(FT.ids, minlength=V)
        uniq = (cs == 1) & (ct == 1)
        srow = np.repeat(np.arange(n), np.diff(FS.indptr))
        trow = np.repeat(np.arange(m), np.diff(FT.indptr))
        s_of = np.full(V, -1)
        t_of = np.full(V, -1)
        w_of = np.zeros(V)
        ms = uniq[FS.ids]
        s_of[FS.ids[ms]] = srow[ms]
        w_of[FS.ids[ms]] = FS.vals[ms]
        mt = uniq[FT.ids]
        t_of[FT.ids[mt]] = trow[mt]
        w_of[FT.ids[mt]] *= FT.vals[mt]
        f = np.nonzero(uniq)[0]
        if len(f):
            key = s_of[f] * (m + 1) + t_of[f]
            order = np.argsort(key, kind="stable")
            key, wt = key[order], np.sqrt(w_of[f][order])
            uk, start = np.unique(key, return_index=True)
            cnt = np.diff(np.append(start, len(key)))
            wsum = np.add.reduceat(wt, start)
            keep = cnt >= 2  # one shared rare n-gram may be chance; two seldom are
            pts = sorted(zip((uk[keep] // (m + 1)).tolist(), (uk[keep] % (m + 1)).tolist(),
                             wsum[keep].tolist()))
            chain = _weighted_lis(pts)
            for i, j in chain:
                pts_x.append(i + 0.5)
                pts_y.append(j + 0.5)
    pts_x.append(float(n))
    pts_y.append(float(m))
    return np.interp(np.arange(n + 1), pts_x, pts_y)


def _weighted_lis(pts: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The heaviest chain of points increasing strictly in both coordinates (Fenwick tree)."""
    if not pts:
        return []
    ys = sorted({p[1] for p in pts})
    rank = {y: r + 1 for r, y in enumerate(ys)}
    size = len(ys)
    tree_v = [0.0] * (size + 1)
    tree_i = [-1] * (size + 1)
    best = [0.0] * len(pts)
    prev = [-1] * len(pts)
    x = 0
    while x < len(pts):
        # points with the same source index must not chain: query all first, then insert
        y = x
        while y < len(pts) and pts[y][0] == pts[x][0]:
            y += 1
        for k in range(x, y):
            r = rank[pts[k][1]] - 1
            bv, bi = 0.0, -1
            while r > 0:
                if tree_v[r] > bv:
                    bv, bi = tree_v[r], tree_i[r]
                r -= r & -r
            best[k] = bv + pts[k][2]
            prev[k] = bi
        for k in range(x, y):
            r = rank[pts[k][1]]
            while r <= size:
                if best[k] > tree_v[r]:
                    tree_v[r], tree_i[r] = best[k], k
                r += r & -r
        x = y
    k = max(range(len(pts)), key=lambda q: best[q])
    chain = []
    while k >= 0:
        chain.append((pts[k][0], pts[k][1]))
        k = prev[k]
    chain.reverse()
    return chain


def _path_center(path: list[tuple[int, int]], n: int) -> np.ndarray:
    xs = [0.0] + [float(i) for i, _ in path]
    ys = [0.0] + [float(j) for _, j in path]
    # several states may share a source boundary (0-1 beads): take the middle of the run
    cx: dict[float, list[float]] = {}
    for x, y in zip(xs, ys):
        cx.setdefault(x, []).append(y)
    kx = sorted(cx)
    ky = [(min(cx[x]) + max(cx[x])) / 2 for x in kx]
    return np.interp(np.arange(n + 1), kx, ky)


def with_params(**kw) -> Params:
    """A copy of the default parameters with some changed (for experiments)."""
    return replace(DEFAULT, **kw)
