"""The sentence aligner: monotone dynamic programming in a band around the diagonal.

Links 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 and 0-1 beads. A bead's cost adds

* a prior for its kind;
* a Gale–Church length cost, with the length ratio and variance learned from the
  document pair itself (:mod:`.lengths`);
* a similarity reward: cosine of weighted character n-gram and anchor bags of the
  transliterated text (:mod:`.features`), normalised by how similar unrelated and
  related sentences of *this* document pair are (shrunk towards typical values when the
  document is short), and weighted by how much of a sentence the two languages share at
  all, so that a language pair with little shared vocabulary (English–Chinese) falls back
  on length, numbers and structure;
* numbers as anchors, whatever the scripts: each number of a linked sentence that the other
  side of the bead lacks costs as much as the document says a lost number is unlikely;
* paragraph structure: a bead crossing a paragraph boundary costs more, a bead
  that starts a paragraph on one side only costs a little.

The band follows a rough path through rare features shared by both sides (names,
numbers), interpolated by character length between them, and widens where the best path
runs along its edge, so time and memory are O(n·band); bead costs are computed for blocks
of rows at once. A second pass re-estimates the length model from the confident
beads of the first and adds a small bilingual lexicon learned from them
(:mod:`.lexicon`). No dictionary and no model needed; a user's dictionary
(:mod:`.dictionary`) adds its word pairs as shared features.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ..document import Document
from .base import Bead
from .blas import single_thread
from .concepts import shared_word_features
from .features import BagArrays, FeatureMatrix, build_features, script_factor
from .lengths import DEFAULT_S2, estimate, length_cost, ratio_stats, text_length
from .result import AlignResult

__all__ = ["AlignResult", "Params", "align_documents", "align_sentences"]

#: bead kinds (source count, target count); the index is stored as the back pointer
KINDS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (2, 2))
#: the last kind: two neighbours crossed (source i with target j + 1 and source i + 1 with target
#: j, two 1-1 links), a 2-2 bead in the result (see ``Params.cross``)
_KX = len(KINDS) - 1
#: the crossed kind is read only after a first pass with at least this many confident 1-1 links
#: (the checks learn their lexicon from as many). Measured in session 31 (docs/alignment.md): in
#: every document, 24-line windows lost omissions to false crossings; with this condition the
#: windows are unchanged and whole documents find more swaps
CROSS_MIN_CONFIDENT = 30
_K01 = KINDS.index((0, 1))
_K10 = KINDS.index((1, 0))
#: back pointer of a whole source paragraph left out (see ``Params.para_omit``)
_KPARA = len(KINDS)
#: back pointer of a whole target paragraph added (see ``Params.para_omit``)
_KPARA_T = len(KINDS) + 1


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
    #: a bead that crosses a paragraph correspondence (a boundary where the paragraphs' own
    #: alignment, by their lengths, and the first pass agree) costs this much in the second pass;
    #: 0 turns paragraph anchors off
    para_anchor: float = 6.0
    #: a whole paragraph of two sentences or more may be left out of the translation (or added
    #: to it) as one event, between two paragraphs of the other side: it costs what leaving out
    #: (adding) one of its sentences of average length does, not that once per sentence (a
    #: translator who skips a paragraph makes one mistake, not five). One skip may not follow
    #: one of the other side (that would read any weakly linked paragraph as replaced). False
    #: turns this off
    para_omit: bool = True
    #: half-width of the first band, in sentences
    band: int = 40
    #: exact DP (no band) when (n+1)·(m+1) is at most this
    full_cells: int = 1_500_000
    second_pass: bool = True
    lexicon: bool = True
    #: the punctuation inside a sentence as features (:func:`.features.punctuation_features`)
    punctuation: bool = True
    relearn_length: bool = True
    relearn_s2: bool = False
    #: after the DP, split a sentence off a many-to-one bead when it is better left unlinked,
    #: judged with this (lower) prior for a one-sided bead; None turns the refinement off
    refine_null: float | None = None
    #: a sentence of a many-to-one bead that looks less related to the other side than
    #: unrelated sentences do (similarity z below ``member_floor``) costs ``w_member`` per unit
    w_member: float = 4.0
    member_floor: float = 0.3
    #: each number of a linked sentence that the other side of the bead lacks costs this much
    #: (half for one-digit numbers, which are often written as words); at most ``num_cap`` a bead.
    #: Numbers are compared whatever the scripts, so they count even when the two languages
    #: share no other material (English–Chinese)
    w_num_miss: float = 1.5
    #: weight of the features one side never has in a sentence's norm (see ``build_features``)
    unshared: float = 0.0
    #: the similarity gets full weight when the median sentence has at least this share of its
    #: feature mass in the vocabulary both sides share (less: proportionally less weight; a
    #: language pair that shares a few chance trigrams must not let them decide)
    coverage_full: float = 0.2
    num_cap: float = 6.0
    #: two neighbours translated in the opposite order may be one bead (a crossed 2-2: each
    #: source sentence linked 1-1 to the other's place), at this prior over two 1-1 links; only
    #: in the second pass of a document that taught it a lexicon (:data:`CROSS_MIN_CONFIDENT`
    #: confident links), where words can back the crossing. The bead is written out as a 2-2 one,
    #: which the check of swapped neighbours reads. None turns it off
    cross: float | None = 5.0


DEFAULT = Params()


# -- public API ----------------------------------------------------------------------------------
def align_documents(source: Document, target: Document, *, src_lang: str | None = None,
                    tgt_lang: str | None = None, progress: bool = False,
                    params: Params | None = None, dictionary=None) -> AlignResult:
    """Align the sentences of two segmented documents (``dictionary``: as in
    :func:`align_sentences`)."""
    return align_sentences(
        [s.text for s in source.sentences], [s.text for s in target.sentences],
        src_paragraphs=[s.paragraph for s in source.sentences],
        tgt_paragraphs=[s.paragraph for s in target.sentences],
        src_lang=src_lang or source.lang, tgt_lang=tgt_lang or target.lang,
        progress=progress, params=params, dictionary=dictionary)


def align_sentences(src: Sequence[str], tgt: Sequence[str], *,
                    src_paragraphs: Sequence[int] | None = None,
                    tgt_paragraphs: Sequence[int] | None = None,
                    src_lang: str | None = None, tgt_lang: str | None = None,
                    progress: bool = False, params: Params | None = None,
                    dictionary=None) -> AlignResult:
    """Align two lists of sentences (with the paragraph index of each sentence, if known).
    ``dictionary``: a :class:`.dictionary.Dictionary` (already oriented source → target) whose
    word pairs become shared features of both passes."""
    p = params or DEFAULT
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return _empty(n, m)
    model = _Model(list(src), list(tgt), src_paragraphs, tgt_paragraphs, p, progress=progress,
                   dictionary=dictionary, langs=(src_lang, tgt_lang))
    res = run_passes(model, progress=progress)
    if dictionary is not None:
        res.stats["dictionary"] = dictionary.id
    return res


def _empty(n: int, m: int) -> AlignResult:
    beads = [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    st = ratio_stats([], [])
    st.update({"confident_pairs": 0, "band": 0, "passes": 0, "length_c": 1.0, "length_s2": DEFAULT_S2})
    return AlignResult(beads, st)


def run_passes(model: "_Model", *, progress: bool = False) -> AlignResult:
    """The two passes of the aligner over a prepared model (first pass, relearning, second
    pass) and the result with its statistics."""
    p, n, m = model.p, model.n, model.m
    path, kinds = model.run(progress=progress)
    passes = 1
    ones = [(i - 1, j - 1) for (i, j), k in zip(path, kinds) if KINDS[k] == (1, 1)]
    if p.second_pass and n + m > 2:
        conf = model.confident(path, kinds)
        if len(conf) >= 5:
            model.relearn(conf, lexicon=p.lexicon)
        elif len(ones) >= 3 and p.relearn_length:
            # a short text: the length ratio from the 1-1 beads, not from the totals (which an
            # omitted or added sentence distorts), shrunk towards the first estimate
            c1, _ = estimate([model.ls[i] for i, _ in ones], [model.lt[j] for _, j in ones])
            k = float(len(ones))
            model.c = float(math.exp((k * math.log(max(c1, 1e-6)) + 2.0 * math.log(model.c)) / (k + 2.0)))
        if len(ones) >= 5:
            model.calibrate_pairs(ones)
            model.calibrate_numbers(ones)
        if len(conf) >= 5 or len(ones) >= 3:
            model.paragraph_anchors(path)
            path, kinds = model.run(progress=progress, center=_path_center(path, n))
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
               "lexicon_size": model.lexicon_size, "coverage": model.coverage, "number_keep": model.num_keep,
               "number_miss_cost": model.num_miss})
    return AlignResult(beads, st)


# -- the model -----------------------------------------------------------------------------------
class _Model:
    def __init__(self, src: list[str], tgt: list[str], sp: Sequence[int] | None,
                 tp: Sequence[int] | None, p: Params, *, progress: bool = False, dictionary=None,
                 langs: tuple[str | None, str | None] = (None, None)) -> None:
        self.src, self.tgt, self.p = src, tgt, p
        self.dictionary = dictionary
        self.langs = langs
        self._progress = progress
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
            self.scum = np.concatenate([[0], np.cumsum(self.s_start)])
            # the paragraphs a skip may leave out (Params.para_omit), per side: first sentence,
            # end (exclusive) and cost, in text order; para_from[e] / tpara_from[e]: the first
            # sentence of the paragraph that ends at e, else -1; para_out[e]: its cost (by row)
            first, end, cost = _skippable(self.s_start, self.ls, p.prior[(1, 0)], p)
            self.para_from = np.full(self.n + 1, -1, dtype=np.int64)
            self.para_from[end] = first
            self.para_out = np.zeros(self.n + 1)
            self.para_out[end] = cost
            self.tpara_first, self.tpara_end, self.tpara_cost = _skippable(self.t_start, self.lt,
                                                                           p.prior[(0, 1)], p)
            self.tpara_from = np.full(self.m + 1, -1, dtype=np.int64)
            self.tpara_from[self.tpara_end] = self.tpara_first
            # a skip stands between two paragraphs of the other side: the rows (source) and
            # columns (target) where a paragraph starts, or the text ends
            self.s_edge = np.concatenate([self.s_start, [True]])
            self.t_edge = np.concatenate([self.t_start, [True]])
            self.tcum = np.concatenate([[0], np.cumsum(self.t_start)])
        self.anc_s = self.anc_t = None
        self.lexicon_size = 0
        self.n_confident = 0  # confident links of the first pass (set by :meth:`relearn`)
        self.num_miss = p.w_num_miss
        self.num_keep = float("nan")
        self.last_band = 0
        self.mu_rand = 0.0
        self.mu_match = 0.0
        self._features()

    # -- features and similarity -------------------------------------------------------------
    def _features(self, extra_src=None, extra_tgt=None) -> None:
        if not hasattr(self, "_bags"):
            from .features import encode_texts

            index: dict = {}
            sides = []
            words = []
            bar = None
            if self._progress and self.n + self.m > 4000:
                from tqdm.auto import tqdm

                bar = tqdm(total=self.n + self.m, desc="features", unit="sent", leave=False)
            try:
                for texts in (self.src, self.tgt):
                    side, ws = encode_texts(texts, index, bar=bar, punctuation=self.p.punctuation)
                    sides.append(side)
                    words.append(ws)
            finally:
                if bar is not None:
                    bar.close()
            self._bags = BagArrays(index, sides)
            self._wordsets = (words[0], words[1])
            self.US, self.UT = _number_matrices(self._bags)
            self.ws = np.bincount(np.repeat(np.arange(self.n), np.diff(self.US.indptr)),
                                  weights=self.US.vals ** 2, minlength=self.n)
            self.wt = np.bincount(np.repeat(np.arange(self.m), np.diff(self.UT.indptr)),
                                  weights=self.UT.vals ** 2, minlength=self.m)
            # a user's dictionary: its features join the bags once, for both passes
            if self.dictionary is not None:
                self._bags = self._bags.plus(*self.dictionary.feature_sets(self.src, self.tgt))
            # the words CLDR names in every language: numbers written as words meet their digits
            # and each other, month, weekday and unit names each other
            self._bags = self._bags.plus(shared_word_features(self.src, self.langs[0]),
                                         shared_word_features(self.tgt, self.langs[1]))
        self.FS, self.FT, info = build_features(self.src, self.tgt, extra_src=extra_src, extra_tgt=extra_tgt,
                                                bags=self._bags, unshared=self.p.unshared)
        self.coverage = info["coverage"]
        self._similarity_vectors()
        self._sim_calibrated = False
        self._calib_pairs = False

    def _similarity_vectors(self) -> None:
        """Norms and neighbour dot products of the vectors whose cosine is the similarity (here
        the feature bags; the embedding backend overrides this)."""
        self.sn2, self.tn2 = self.FS.norm2, self.FT.norm2
        self.ss1 = _adjacent_dots(self.FS, 1)
        self.ss2 = _adjacent_dots(self.FS, 2)
        self.tt1 = _adjacent_dots(self.FT, 1)
        self.tt2 = _adjacent_dots(self.FT, 2)
        self.NS = _group_norms(self.FS.norm2, self.ss1, self.ss2)
        self.NT = _group_norms(self.FT.norm2, self.tt1, self.tt2)

    def relearn(self, conf: list[tuple[int, int]], *, lexicon: bool) -> None:
        """Second pass: length model and lexicon from the confident 1-1 beads of the first."""
        self.n_confident = len(conf)
        if self.p.relearn_length:
            c, s2 = estimate([self.ls[i] for i, _ in conf], [self.lt[j] for _, j in conf])
            self.c = c
            if self.p.relearn_s2:
                self.s2 = s2
        if lexicon:
            from .lexicon import learn_lexicon_sets, lexicon_features_sets

            ws, wt = self._wordsets
            lex = learn_lexicon_sets([ws[i] for i, _ in conf], [wt[j] for _, j in conf])
            self.lexicon_size = len(lex)
            if lex:
                ex_s, ex_t = lexicon_features_sets(ws, wt, lex)
                self._features(ex_s, ex_t)

    # -- band ----------------------------------------------------------------------------------
    def _offsets(self, center: np.ndarray, w: int) -> tuple[np.ndarray, int]:
        n, m = self.n, self.m
        if (n + 1) * (m + 1) <= self.p.full_cells or 2 * w + 1 >= m + 1:
            return np.zeros(n + 1, dtype=np.int64), m + 1
        off = np.round(center).astype(np.int64) - w
        off = np.maximum.accumulate(off)
        return off, 2 * w + 1

    def run(self, progress: bool = False, center: np.ndarray | None = None,
            ) -> tuple[list[tuple[int, int]], list[int]]:
        """One pass: the DP in a band around ``center`` (by default a rough path through shared
        rare features), widened and re-centred while the best path runs along its edge."""
        if center is None:
            center = _anchor_center(self.FS, self.FT, self.Ls, self.Lt)
        w = self.p.band
        while True:
            off, W = self._offsets(center, w)
            self.last_band = max(self.last_band, W)
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
        with single_thread():
            self.dots = self._band_similarity()
            self.ndots = _band_dots(self.US, self.UT, self.doff, self.DW, m)

    def _band_similarity(self) -> np.ndarray:
        """dots[s, x]: the similarity vectors' dot product of source s and target doff[s]+x."""
        return _band_dots(self.FS, self.FT, self.doff, self.DW, self.m)

    def _pair_dot(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        return _pair_dots(self.FS, I, self.FT, J)

    def calibrate_pairs(self, ones: list[tuple[int, int]]) -> None:
        """Typical cosine of linked sentences (1-1 beads of a previous pass) and of unrelated
        ones (each source sentence with the target sentence linked a few beads further on)."""
        I = np.array([i for i, _ in ones], dtype=np.int64)
        J = np.array([j for _, j in ones], dtype=np.int64)
        shift = max(1, min(7, len(ones) // 2))
        linked = self._pair_cos(I, J)
        unrel = self._pair_cos(I, np.roll(J, -shift))
        if linked and unrel:
            self._set_calibration(float(np.median(unrel)), float(np.median(linked)), len(unrel), len(linked))
            self._calib_pairs = True

    def calibrate_numbers(self, ones: list[tuple[int, int]]) -> None:
        """How often a number of a linked sentence is found on the other side in this document
        (unit conversions, split numbers and OCR make it less than 1): the cost of a missing
        number is the log-odds of that, shrunk towards ``w_num_miss`` when there are few."""
        if not self.p.w_num_miss:
            return
        tot = hit = 0.0
        for i, j in ones:
            h = self.US.dot_rows_other(i, self.UT, j)
            tot += self.ws[i] + self.wt[j]
            hit += 2 * h
        prior = 1.0 - math.exp(-self.p.w_num_miss)  # the keep rate the default cost stands for
        k = 20.0
        keep = (hit + k * prior) / (tot + k)
        self.num_keep = keep
        self.num_miss = float(min(3.0, max(0.5, -math.log(max(1e-6, 1.0 - keep)))))

    def _pair_cos(self, I: np.ndarray, J: np.ndarray) -> list[float]:
        """Cosines of the pairs (I[p], J[p]) whose sentences both have shared features."""
        keep = (self.sn2[I] > 0) & (self.tn2[J] > 0)
        I, J = I[keep], J[keep]
        d = self._pair_dot(I, J)
        return list(d / np.sqrt(self.sn2[I] * self.tn2[J]))

    def _set_calibration(self, rand: float, match: float, n_rand: int, n_match: int | None = None) -> None:
        """Few samples: shrink towards typical values (unrelated ~0.05, linked ~0.4), so that a
        short document or a language pair with little shared material still gets a sane scale."""
        k = 4.0
        n_match = n_rand if n_match is None else n_match
        self.mu_rand = (n_rand * rand + k * 0.05) / (n_rand + k)
        self.mu_match = (n_match * match + k * 0.4) / (n_match + k)
        if self.mu_match - self.mu_rand < 0.05:
            # the document says related and unrelated sentences look alike: little evidence
            self.mu_match = self.mu_rand + 0.05
        self._sim_calibrated = True

    def _calibrate(self, off: np.ndarray, W: int) -> None:
        """Typical cosine of unrelated pairs (the band's median without each row's best) and of
        related pairs (the median of each sentence's best match), over the pairs where both
        sentences have shared features (a sentence without any says nothing either way)."""
        n, m = self.n, self.m
        # at most ~2000 evenly spaced rows: enough for two medians, and memory stays small
        sample = np.arange(0, n, max(1, n // 2000))
        ns = np.maximum(self.sn2[sample], 1e-12)[:, None]
        t = self.doff[sample][:, None] + np.arange(self.DW)[None, :]
        valid = (t >= 0) & (t < m)
        nt = np.where(valid, self.tn2[np.clip(t, 0, m - 1)], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = np.where(valid & (nt > 0), self.dots[sample] / np.sqrt(ns * np.maximum(nt, 1e-12)), np.nan)
        rows = cos[self.sn2[sample] > 0]
        ok = ~np.isnan(rows)
        has = ok.any(axis=1) if rows.size else np.zeros(0, dtype=bool)
        if not has.any():
            self._set_calibration(0.05, 0.4, 0, 0)
            return
        rows, ok = rows[has], ok[has]
        filled = np.where(ok, rows, -np.inf)
        arg = np.argmax(filled, axis=1)
        best = filled[np.arange(len(arg)), arg]
        rest = rows.copy()
        rest[np.arange(len(arg)), arg] = np.nan
        nr = int((~np.isnan(rest)).sum())
        rand = float(np.nanmedian(rest)) if nr else 0.05
        self._set_calibration(rand, float(np.median(best)), min(nr, len(best)), len(best))

    # -- costs ---------------------------------------------------------------------------------
    def _null_src(self, i0: int) -> float:
        """Cost of leaving source sentence ``i0`` without counterpart."""
        return self.p.prior[(1, 0)] + self.p.null_per_char * self.ls[i0]

    def _sim_cost(self, cos: np.ndarray, known: np.ndarray | bool = True) -> np.ndarray:
        """Similarity reward (negative cost) of a bead; ``known`` is False where one side has no
        shared feature at all: such a pair scores as unrelated ones do (cost 0)."""
        spread = self.mu_match - self.mu_rand
        # reliability: a pair of languages with little shared material gets less weight
        weight = self.p.w_sim * min(1.0, spread / 0.15) * min(1.0, self.coverage / self.p.coverage_full)
        z = np.clip((cos - self.mu_rand) / spread, -1.0, 1.5)
        return np.where(known, -weight * z, 0.0)

    def _dp(self, off: np.ndarray, W: int, progress: bool):
        """The dynamic programme over the band. Bead costs are computed for blocks of rows at
        once (vectorised); the recursion itself only shifts, adds and takes minima per row."""
        n, m, p = self.n, self.m, self.p
        INF = np.inf
        D = np.full((n + 1, W), INF)
        B = np.zeros((n + 1, W), dtype=np.int8)
        ar = np.arange(W)
        null_t = p.prior[(0, 1)] + p.null_per_char * self.lt  # per target sentence
        nk = len(KINDS)
        bar = None
        if progress and n > 2000:
            from tqdm.auto import tqdm

            bar = tqdm(total=n + 1, desc="aligning", unit="sent", leave=False)
        cand = np.full((nk, W), INF)
        para_from = self.para_from if self.use_para and p.para_omit else None
        para_out = self.para_out if para_from is not None else None
        tpara = para_from is not None and len(self.tpara_end) > 0
        if para_from is not None:
            s_edge, t_edge = self.s_edge, self.t_edge
            t_first, t_end, t_cost = self.tpara_first, self.tpara_end, self.tpara_cost
        block = max(16, min(512, 400_000 // max(W, 1)))
        for r0 in range(0, n + 1, block):
            r1 = min(n + 1, r0 + block)
            rows = np.arange(r0, r1)
            J = off[rows][:, None] + ar[None, :]
            validJ = (J >= 0) & (J <= m)
            Jc = np.clip(J, 0, m)
            C = self._block_costs(rows, J, Jc, validJ)
            # 0-1 beads: cost of skipping target sentence J-1 to reach column J
            c01 = np.zeros((r1 - r0, W))
            okt = validJ & (J >= 1)
            c01[okt] = null_t[Jc[okt] - 1]
            if self.anc_s is not None:
                # an unlinked target sentence that starts an anchored target paragraph before
                # the source has reached it
                Ib = np.broadcast_to(rows[:, None], Jc.shape)
                c01[okt] += p.para_anchor * self._skips_anchor(Ib[okt], Jc[okt] - 1, 0, 1)
            c01[:, 0] = 0.0
            Q = np.cumsum(c01, axis=1)
            for x, i in enumerate(range(r0, r1)):
                if i == 0:
                    X = np.where(J[x] == 0, 0.0, INF)
                    K = np.zeros(W, dtype=np.int8)
                else:
                    cand.fill(INF)
                    oi = off[i]
                    for k, (a, b) in enumerate(KINDS):
                        if a == 0 or a > i:
                            continue
                        r = i - a
                        # previous column for column x: x + delta in row r
                        delta = oi - b - off[r]
                        lo = max(0, -delta)
                        hi = min(W, W - delta)
                        if hi > lo:
                            np.add(D[r, lo + delta:hi + delta], C[k, x, lo:hi], out=cand[k, lo:hi])
                    K = np.argmin(cand, axis=0).astype(np.int8)
                    X = cand[K, ar]
                    r = para_from[i] if para_from is not None else -1
                    if r >= 0:
                        # the source paragraph r..i-1 left out as a whole
                        delta = oi - off[r]
                        lo, hi = max(0, -delta), min(W, W - delta)
                        if hi > lo:
                            skip = np.full(W, INF)
                            skip[lo:hi] = D[r, lo + delta:hi + delta] + para_out[i]
                            # not right after a whole target paragraph added (see below)
                            skip[lo:hi][B[r, lo + delta:hi + delta] == _KPARA_T] = INF
                            skip[~(validJ[x] & t_edge[Jc[x]])] = INF
                            better = skip < X
                            X = np.where(better, skip, X)
                            K = np.where(better, _KPARA, K).astype(np.int8)
                q = Q[x]
                with np.errstate(invalid="ignore"):
                    Dr = np.minimum.accumulate(X - q) + q
                Dr = np.where(validJ[x], Dr, INF)
                K = np.where(Dr < X - 1e-9, _K01, K)
                if tpara and s_edge[i]:
                    # a whole target paragraph added, within this row: from its first column to
                    # its end at once, then on by 0-1 beads as before
                    oi = off[i]
                    t, t1 = int(np.searchsorted(t_first, oi)), int(np.searchsorted(t_end, oi + W - 1, side="right"))
                    while t < t1:
                        # the first paragraph from t on whose skip beats the row as it stands (a
                        # skip taken lowers the columns after it: the rest is looked at again)
                        gain = Dr[t_first[t:t1] - oi] + t_cost[t:t1] < Dr[t_end[t:t1] - oi] - 1e-9
                        nz = np.flatnonzero(gain)
                        if not len(nz):
                            break
                        t += int(nz[0])
                        xc, xe, cost = int(t_first[t]) - oi, int(t_end[t]) - oi, float(t_cost[t])
                        t += 1
                        if K[xc] == _KPARA:
                            # a paragraph left out and another added in its place is not two
                            # cheap events: it is read sentence by sentence (else any paragraph
                            # whose links are weak would read as replaced)
                            continue
                        v = Dr[xc] + cost
                        Dr[xe] = v
                        K[xe] = _KPARA_T
                        tail = v + (q[xe + 1:] - q[xe])
                        better = (tail < Dr[xe + 1:] - 1e-9) & validJ[x][xe + 1:]
                        Dr[xe + 1:] = np.where(better, tail, Dr[xe + 1:])
                        K[xe + 1:] = np.where(better, _K01, K[xe + 1:])
                D[i] = Dr
                B[i] = K
            if bar is not None:
                bar.update(r1 - r0)
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
            if k == _KPARA:
                # a whole paragraph left out: one 1-0 bead per sentence
                r = int(self.para_from[i])
                for e in range(i, r, -1):
                    path.append((e, j))
                    kinds.append(_K10)
                i = r
                continue
            if k == _KPARA_T:
                # a whole paragraph added: one 0-1 bead per sentence
                c = int(self.tpara_from[j])
                for e in range(j, c, -1):
                    path.append((i, e))
                    kinds.append(_K01)
                j = c
                continue
            a, b = KINDS[k]
            path.append((i, j))
            kinds.append(k)
            i, j = i - a, j - b
        path.reverse()
        kinds.reverse()
        return path, kinds, touches

    def _block_costs(self, rows: np.ndarray, J: np.ndarray, Jc: np.ndarray, validJ: np.ndarray) -> np.ndarray:
        """Cost of every bead kind ending at (row, column) for a block of rows: (kinds, rows, W)."""
        R, W = J.shape
        I = rows[:, None]
        G = self._gather(I, J)
        C = np.full((len(KINDS), R, W), np.inf)
        for k, (a, b) in enumerate(KINDS):
            if a == 0:
                continue
            ok = validJ & (J - b >= 0) & (I - a >= 0)
            if not ok.any():
                continue
            if k == _KX:
                if self.p.cross is None or self.n_confident < CROSS_MIN_CONFIDENT:
                    continue  # (first pass, or a text too short to learn words from)
                cost = self._cross_cost(I, Jc, G)
            elif b == 0:
                cost = np.broadcast_to(self._null_src(np.maximum(I - 1, 0)), (R, W))
                if self.anc_s is not None:
                    cost = cost + self.p.para_anchor * self._skips_anchor(np.maximum(I - 1, 0), Jc, 1, 0)
            else:
                cost = self._bead_cost(I, a, b, Jc, G)
            C[k] = np.where(ok, cost, np.inf)
        return C

    def _gather(self, I: np.ndarray, J: np.ndarray) -> dict:
        """dot(S_{I-k}, T_{J-l}) for k, l in 1..3 (0 where out of range), over arrays of rows ``I``
        (shape (R, 1)) and columns ``J`` (shape (R, W)); ``("n", k, l)`` the same for numbers."""
        m = self.m
        G = {}
        for k in (1, 2, 3):
            s = I - k
            sc = np.maximum(s, 0)[:, 0]
            rows = self.dots[sc]
            nrows = self.ndots[sc]
            do = self.doff[sc][:, None]
            for l in (1, 2, 3):
                t = J - l
                inside = (t >= 0) & (t < m) & (s >= 0)
                idx = np.clip(t - do, 0, self.DW - 1)
                G[(k, l)] = np.where(inside, np.take_along_axis(rows, idx, axis=1), 0.0)
                G[("n", k, l)] = np.where(inside, np.take_along_axis(nrows, idx, axis=1), 0.0)
        return G

    def _bead_cost(self, I: np.ndarray, a: int, b: int, Jc: np.ndarray, G: dict, para: bool = True) -> np.ndarray:
        """Cost of the beads with ``a`` source sentences ending before row ``I`` and ``b`` target
        sentences ending before column ``Jc`` (arrays that broadcast; rows with ``I < a`` are
        garbage and must be masked by the caller); ``para``: with the paragraph costs (when the
        model reads paragraphs)."""
        p = self.p
        i0 = np.maximum(I - a, 0)
        ls = self.Ls[I] - self.Ls[i0]
        Jb = np.maximum(Jc - b, 0)
        lt = self.Lt[Jc] - self.Lt[Jb]
        cost = p.prior[(a, b)] + p.w_len * length_cost(ls, lt, self.c, self.s2)
        dot = sum(G[(k, l)] for k in range(1, a + 1) for l in range(1, b + 1))
        den = self.NS[a - 1][I] * self.NT[b - 1][Jc]
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = np.where(den > 0, dot / np.sqrt(np.maximum(den, 1e-24)), 0.0)
        cost = cost + self._sim_cost(cos, den > 0)
        if p.w_member and (a > 1 or b > 1):
            spread = self.mu_match - self.mu_rand
            # a member without shared features says nothing: no penalty
            unknown = self.mu_rand + p.member_floor * spread
            if a > 1:
                nt = self.NT[b - 1][Jc]
                for k in range(1, a + 1):
                    dk = sum(G[(k, l)] for l in range(1, b + 1))
                    den = self.sn2[np.maximum(I - k, 0)] * nt
                    with np.errstate(invalid="ignore", divide="ignore"):
                        ck = np.where(den > 0, dk / np.sqrt(np.maximum(den, 1e-24)), unknown)
                    cost = cost + p.w_member * np.maximum(0.0, p.member_floor - (ck - self.mu_rand) / spread)
            else:
                ns = self.NS[a - 1][I]
                for l in range(1, b + 1):
                    dl = sum(G[(k, l)] for k in range(1, a + 1))
                    den = ns * self.tn2[np.maximum(Jc - l, 0)]
                    with np.errstate(invalid="ignore", divide="ignore"):
                        cl = np.where(den > 0, dl / np.sqrt(np.maximum(den, 1e-24)), unknown)
                    cost = cost + p.w_member * np.maximum(0.0, p.member_floor - (cl - self.mu_rand) / spread)
        if self.num_miss:
            cost = cost + self._number_cost(I, a, b, Jc, G)
        if para and self.use_para:
            cost = cost + self._para_cost(I, a, b, Jc)
        return cost

    def _cross_cost(self, I: np.ndarray, Jc: np.ndarray, G: dict) -> np.ndarray:
        """Two neighbours crossed, ending before row ``I`` and column ``Jc``: source I-2 with
        target J-1 and source I-1 with target J-2, each costed as a 1-1 bead (read from the
        2-2 bead's dot products ``G``), plus ``cross`` and the paragraph costs of the 2-2 bead."""
        cost = self.p.cross
        for k, l in ((2, 1), (1, 2)):
            link = {(1, 1): G[(k, l)], ("n", 1, 1): G[("n", k, l)]}
            cost = cost + self._bead_cost(np.maximum(I - k + 1, 0), 1, 1, np.maximum(Jc - l + 1, 0), link,
                                          para=False)
        if self.use_para:
            # neighbours of one paragraph on each side: a sentence crossing a paragraph break is
            # a moved one (TQ105 major), not two exchanged
            broken = self.s_start[np.clip(I - 1, 0, self.n - 1)] | self.t_start[np.clip(Jc - 1, 0, self.m - 1)]
            cost = np.where(broken, np.inf, cost + self._para_cost(I, 2, 2, Jc))
        return cost

    def _number_cost(self, I: np.ndarray, a: int, b: int, Jc: np.ndarray, G: dict) -> np.ndarray:
        """Numbers of either side of the bead that the other side lacks (weighted)."""
        p = self.p
        miss = 0.0
        for k in range(1, a + 1):
            w = self.ws[np.maximum(I - k, 0)]
            hit = sum(G[("n", k, l)] for l in range(1, b + 1))
            miss = miss + np.maximum(0.0, w - hit)
        for l in range(1, b + 1):
            w = self.wt[np.maximum(Jc - l, 0)]
            hit = sum(G[("n", k, l)] for k in range(1, a + 1))
            miss = miss + np.maximum(0.0, w - hit)
        return self.num_miss * np.minimum(miss, p.num_cap)

    def _para_cost(self, I: np.ndarray, a: int, b: int, Jc: np.ndarray) -> np.ndarray:
        p = self.p
        i0 = np.maximum(I - a, 0)
        # paragraph starts inside the source group (sentences i0+1 .. I-1)
        cross_s = self.scum[np.maximum(I, i0 + 1)] - self.scum[np.minimum(i0 + 1, self.n)]
        j0 = np.maximum(Jc - b, 0)
        # crossings inside the target group: starts among j0+1 .. Jc-1
        cross_t = self.tcum[np.maximum(Jc, j0 + 1)] - self.tcum[np.minimum(j0 + 1, self.m)]
        mism = self.s_start[np.minimum(i0, self.n - 1)] != self.t_start[np.minimum(j0, self.m - 1)]
        cost = p.para_cross * (cross_s + cross_t) + p.para_mismatch * mism
        if self.anc_s is not None:
            cost = cost + p.para_anchor * self._skips_anchor(i0, j0, a, b)
        return cost

    def _skips_anchor(self, i0, j0, a: int, b: int) -> np.ndarray:
        """Whether a bead from grid point (i0, j0) over ``a`` source and ``b`` target sentences
        is the step by which a path misses an anchor (A, B): it starts at or before the anchor on
        both axes, not on it, and ends past it on either. A path that misses an anchor has
        exactly one such step (its last point at or before the anchor is followed by one past
        it), so each missed anchor costs once, and unlinked sentences on either side of an
        anchor (an omission at the end of a paragraph) cost nothing."""
        skip = np.zeros(np.broadcast(i0, j0).shape, dtype=bool)
        for r in range(a):
            A = np.minimum(i0 + r, self.n)
            B = self.anc_s[A]
            skip |= (B >= 0) & (j0 <= B) & ~((r == 0) & (j0 == B))
        for c in range(b):
            Bc = np.minimum(j0 + c, self.m)
            A = self.anc_t[Bc]
            skip |= (A >= 0) & (i0 <= A) & ~((c == 0) & (i0 == A))
        return skip

    def paragraph_anchors(self, path: list[tuple[int, int]]) -> None:
        """Paragraph boundaries that correspond on both sides, as anchors of the second pass.

        The paragraphs are aligned by their lengths (Gale–Church over paragraphs, with the bead
        priors of sentences); a boundary between two paragraph beads is an anchor when the first
        pass runs through it or one sentence beside it, and the paragraphs on both sides of it
        have at least two sentences on both sides. Translators keep paragraphs far more
        often than sentences, so a paragraph correspondence confirmed both ways is a much safer
        landmark than a sentence link: a sentence alignment that crosses one (a shift that
        links the last sentence of one paragraph with the first of the next, because an
        omitted or added sentence left a gap) then costs ``para_anchor``. Where the paragraphs
        do not align (merged, split or moved paragraphs), the first pass does not run through
        the boundary and nothing is anchored."""
        p = self.p
        self.anc_s = self.anc_t = None
        if not self.use_para or p.para_anchor <= 0:
            return
        ss = np.flatnonzero(self.s_start)
        ts = np.flatnonzero(self.t_start)
        Ps = np.add.reduceat(self.ls, ss)
        Pt = np.add.reduceat(self.lt, ts)
        # the first pass: which target columns it visits at each source row
        cols: dict[int, list[int]] = {}
        for i, j in [(0, 0)] + path:
            cols.setdefault(i, []).append(j)
        # the paragraph search runs near the first pass: for each source paragraph boundary, the
        # target paragraph the first pass is in there
        at = np.array([max(cols[int(i)]) if int(i) in cols else -1 for i in ss] + [self.m])
        at = np.maximum.accumulate(at)
        center = np.searchsorted(ts, at, side="right") - 1
        center[-1] = len(ts)
        pbeads = _paragraph_path(Ps, Pt, self.c, self.s2, p.prior, center=center)
        n_one = sum(1 for a, b in pbeads if a == 1 and b == 1)
        if n_one < 0.5 * len(pbeads):
            return  # the paragraphs do not correspond: no landmark in them
        anc_s = np.full(self.n + 1, -1, dtype=np.int64)
        anc_t = np.full(self.m + 1, -1, dtype=np.int64)
        # sentences per paragraph
        ns = np.diff(np.concatenate([ss, [self.n]]))
        nt = np.diff(np.concatenate([ts, [self.m]]))
        ps = pt = 0
        for a, b in pbeads[:-1]:
            ps, pt = ps + a, pt + b
            if ps >= len(ss) or pt >= len(ts):
                break  # only unlinked paragraphs of one side follow
            i, j = int(ss[ps]), int(ts[pt])
            # only between paragraphs of several sentences: a one-sentence paragraph's length is
            # a sentence's, nothing the first pass lacked (and an anchor there would only keep the
            # second pass from correcting the first)
            if min(ns[ps - 1], ns[ps], nt[pt - 1], nt[pt]) < 2:
                continue
            if any(abs(x - j) <= 1 for x in cols.get(i, ())):
                anc_s[i], anc_t[j] = j, i
        if (anc_s >= 0).any():
            self.anc_s, self.anc_t = anc_s, anc_t

    # -- results -------------------------------------------------------------------------------
    def beads(self, path: list[tuple[int, int]], kinds: list[int]) -> list[Bead]:
        """The beads of a path of the last run, with their scores (computed per bead kind at once)."""
        scores = np.zeros(len(path))
        ends = np.asarray(path, dtype=np.int64).reshape(-1, 2)
        kk = np.asarray(kinds, dtype=np.int64)
        for k, (a, b) in enumerate(KINDS):
            sel = np.nonzero(kk == k)[0]
            if not a or not b or not len(sel):
                continue
            I = ends[sel, 0][:, None]
            J = ends[sel, 1][:, None]
            G = self._gather(I, J)
            cost = self._bead_cost(I, a, b, J, G)[:, 0]
            scores[sel] = _logistic_score(-(cost - self.p.prior[(a, b)]))
        out = []
        for x, ((i, j), k) in enumerate(zip(path, kinds)):
            a, b = KINDS[k]
            out.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), float(scores[x])))
        return out

    def _linked_cost(self, src: tuple[int, ...], tgt: tuple[int, ...]) -> float:
        i, a, b = src[-1] + 1, len(src), len(tgt)
        J = np.array([[tgt[-1] + 1]])
        G = {}
        for k in range(1, a + 1):
            for l in range(1, b + 1):
                G[(k, l)] = np.array([[self._dot(i - k, tgt[-1] + 1 - l)]])
                G[("n", k, l)] = np.array([[self.US.dot_rows_other(i - k, self.UT, tgt[-1] + 1 - l)]])
        return float(np.asarray(self._bead_cost(np.array([[i]]), a, b, J, G)).reshape(-1)[0])

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
        return float(_logistic_score(np.array([evidence]))[0])

    def _dot(self, s: int, t: int) -> float:
        x = t - self.doff[s]
        if 0 <= x < self.DW:
            return float(self.dots[s, x])
        return float(self._pair_dot(np.array([s]), np.array([t]))[0])

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
def _pair_dots(A: FeatureMatrix, I: np.ndarray, Bm: FeatureMatrix, J: np.ndarray) -> np.ndarray:
    """dot(A_I[p], B_J[p]) for every pair p, by one sorted join."""
    P = len(I)
    out = np.zeros(P)
    if not P or not len(A.ids) or not len(Bm.ids):
        return out
    V = int(max(A.ids.max(), Bm.ids.max())) + 1

    def expand(M: FeatureMatrix, rows: np.ndarray):
        lens = M.indptr[rows + 1] - M.indptr[rows]
        pid = np.repeat(np.arange(P, dtype=np.int64), lens)
        start = np.repeat(M.indptr[rows] - np.concatenate([[0], np.cumsum(lens)[:-1]]), lens)
        pos = np.arange(int(lens.sum()), dtype=np.int64) + start
        return pid * V + M.ids[pos], pid, M.vals[pos]

    ka, pa, va = expand(A, I)
    kb, _, vb = expand(Bm, J)
    _, xa, xb = np.intersect1d(ka, kb, assume_unique=True, return_indices=True)
    if len(xa):
        out += np.bincount(pa[xa], weights=va[xa] * vb[xb], minlength=P)
    return out


def _skippable(start: np.ndarray, lengths: np.ndarray, prior: float, p: Params
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The paragraphs of one side that the DP may leave out (or add) at once
    (``Params.para_omit``): first sentence, end (exclusive) and cost of each paragraph of two
    sentences or more, in text order (none when ``para_omit`` is off). The cost is that of one
    unlinked sentence of the paragraph's average length (``prior`` plus ``null_per_char`` per
    character)."""
    edges = np.append(np.flatnonzero(start), len(start))
    spans = [(f, e) for f, e in zip(edges[:-1].tolist(), edges[1:].tolist()) if e - f >= 2] \
        if p.para_omit else []
    first = np.array([f for f, _ in spans], dtype=np.int64)
    end = np.array([e for _, e in spans], dtype=np.int64)
    cost = np.array([prior + p.null_per_char * float(np.mean(lengths[f:e])) for f, e in spans])
    return first, end, cost


def _logistic_score(evidence: np.ndarray) -> np.ndarray:
    """Evidence of a link (negative cost without the prior) -> 0–1 score, rounded."""
    return np.round(1.0 / (1.0 + np.exp(-(np.asarray(evidence, dtype=np.float64) - 2.0) / 1.5)), 4)


def _number_matrices(bags: BagArrays) -> tuple[FeatureMatrix, FeatureMatrix]:
    """Binary number features of both sides over one vocabulary (numbers of one side only
    included): the dot product of two rows is the weight of the numbers they share."""
    keys = list(bags.index)
    V = len(keys)
    is_num = np.fromiter((k[:1] == "#" for k in keys), dtype=bool, count=V)
    weight = np.fromiter((1.0 if len(k) > 2 else math.sqrt(0.5) for k in keys), dtype=np.float64, count=V)
    mats = []
    for n, fid, rows, _ in bags.sides:
        keep = is_num[fid] if V else np.zeros(0, dtype=bool)
        f, r = fid[keep], rows[keep]
        o = np.lexsort((f, r))
        f, r = f[o], r[o]
        if len(f):
            # a number twice in one sentence counts once
            first = np.ones(len(f), dtype=bool)
            first[1:] = (f[1:] != f[:-1]) | (r[1:] != r[:-1])
            f, r = f[first], r[first]
        vv = weight[f]
        ip = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=n))]).astype(np.int64)
        mats.append(FeatureMatrix(ip, f, vv, np.bincount(r, weights=vv * vv, minlength=n).astype(np.float64)))
    return mats[0], mats[1]


def _adjacent_dots(F: FeatureMatrix, d: int) -> np.ndarray:
    """dot(F_k, F_{k+d}) for every k (0 past the end), by one sorted join over all rows."""
    n = len(F)
    out = np.zeros(n)
    if n <= d or not len(F.ids):
        return out
    V = int(F.ids.max()) + 1
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(F.indptr))
    key_a = rows * V + F.ids          # (k, f)
    key_b = (rows - d) * V + F.ids    # row k+d seen as (k, f)
    _, xa, xb = np.intersect1d(key_a, key_b, assume_unique=True, return_indices=True)
    if len(xa):
        out += np.bincount(rows[xa], weights=F.vals[xa] * F.vals[xb], minlength=n)
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
        col = doff[a:b, None] + np.arange(DW)[None, :] - t0
        inside = (col >= 0) & (col < t1 - t0)
        out[a:b] = np.where(inside, np.take_along_axis(P, np.clip(col, 0, t1 - t0 - 1), axis=1), 0.0)
    return out


def _anchor_center(FS: FeatureMatrix, FT: FeatureMatrix, Ls: np.ndarray | None = None,
                   Lt: np.ndarray | None = None) -> np.ndarray:
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
    if Ls is None or Lt is None or Ls[-1] <= 0 or Lt[-1] <= 0:
        return np.interp(np.arange(n + 1), pts_x, pts_y)
    # between anchors, follow the text's length rather than the sentence count: map the anchor
    # points to cumulative character positions, interpolate there, and map back to sentences
    def pos(L: np.ndarray, x: np.ndarray) -> np.ndarray:
        return np.interp(x, np.arange(len(L)), L)

    cx = pos(Ls, np.asarray(pts_x))
    cy = pos(Lt, np.asarray(pts_y))
    ty = np.interp(Ls, cx, cy)  # expected cumulative target length at each source boundary
    # back to a (fractional) target sentence boundary
    Ltu, first = np.unique(Lt, return_index=True)
    return np.interp(ty, Ltu, first.astype(np.float64))


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


def _paragraph_path(Ps: np.ndarray, Pt: np.ndarray, c: float, s2: float, prior: dict,
                    center: np.ndarray | None = None, width: int = 8) -> list[tuple[int, int]]:
    """Gale–Church alignment of paragraphs by their lengths: the beads (source, target paragraph
    counts) in order. With ``center`` (for each source paragraph boundary 0..n, a target
    paragraph position), only target positions within ``width`` of it are searched: linear in
    the number of paragraphs. Each row is computed at once with numpy (unlinked target
    paragraphs by a running minimum, as in the sentence aligner)."""
    n, m = len(Ps), len(Pt)
    Cs = np.concatenate([[0.0], np.cumsum(Ps)])
    Ct = np.concatenate([[0.0], np.cumsum(Pt)])
    kinds = [(1, 1), (1, 0), (2, 1), (1, 2)]
    if center is None:
        lo = np.zeros(n + 1, dtype=np.int64)
        hi = np.full(n + 1, m, dtype=np.int64)
    else:
        cen = np.clip(np.round(np.asarray(center, dtype=np.float64)).astype(np.int64), 0, m)
        lo = np.maximum.accumulate(np.maximum(cen - width, 0))
        hi = np.maximum.accumulate(np.minimum(cen + width, m))
        lo[0], hi[-1] = 0, m  # the path starts at (0, 0) and ends at (n, m)
        # each row overlaps the one before it, so that every row is reachable
        lo[1:] = np.minimum(lo[1:], hi[:-1])
        lo = np.minimum(lo, hi)
    p01 = prior[(0, 1)]
    D: list[np.ndarray] = []
    K: list[np.ndarray] = []
    for i in range(n + 1):
        J = np.arange(lo[i], hi[i] + 1)
        X = np.full(len(J), np.inf)
        Kx = np.full(len(J), -1, dtype=np.int8)
        if i == 0:
            X[J == 0] = 0.0
        for k, (a, b) in enumerate(kinds):
            if a > i:
                continue
            r = i - a
            src = J - b - lo[r]
            ok = (J - b >= 0) & (src >= 0) & (src < len(D[r]))
            if not ok.any():
                continue
            prev = np.full(len(J), np.inf)
            prev[ok] = D[r][src[ok]]
            if b:
                cost = prior[(a, b)] + length_cost(Cs[i] - Cs[r], Ct[J] - Ct[np.maximum(J - b, 0)], c, s2)
            else:
                cost = prior[(a, b)]
            cand = prev + cost
            better = cand < X
            X[better], Kx[better] = cand[better], k
        # unlinked target paragraphs: D[j] = min over j' <= j of X[j'] + (j - j') * p01
        q = (J - J[0]) * p01
        with np.errstate(invalid="ignore"):
            Dr = np.minimum.accumulate(X - q) + q
        Kx = np.where(Dr < X - 1e-9, len(kinds), Kx)
        D.append(Dr)
        K.append(Kx)
    out = []
    i, j = n, m
    while i > 0 or j > 0:
        k = int(K[i][j - lo[i]])
        a, b = kinds[k] if k < len(kinds) else (0, 1)
        out.append((a, b))
        i, j = i - a, j - b
    return out[::-1]


def with_params(**kw) -> Params:
    """A copy of the default parameters with some changed (for experiments)."""
    return replace(DEFAULT, **kw)
