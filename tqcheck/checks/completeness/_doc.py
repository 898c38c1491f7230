"""The document pair as the completeness checks read it (:class:`_Doc`: sentences, features,
similarities, lengths, anchors, the user's dictionary), the findings' record (:class:`_Issue`,
:class:`Analysis`) and the small helpers every reading shares.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import regex
from rapidfuzz import fuzz, process

from ...align.concepts import shared_word_features
from ...align.dictionary import keys as dictionary_keys
from ...align.features import Token, build_features, joined_extra, script_factor, tokens
from ...align.lengths import text_length
from ...align.lexicon import learn_lexicon, lexicon_features
from ...document import Sentence
from ...lang.translit import script_of
from ...lang.words import has_wordlist, zipf
from ..base import CheckContext, DICTIONARY, EMBEDDINGS, Pair
from ..entity_text import Num, analyze, number_readings, spelled_in
from ..measure_text import converted, quantities
from ..names import COMMON_ZIPF as _COMMON_ZIPF


_CACHE_KEY = "completeness.analysis"
_HAS_CONTENT = regex.compile(r"[\p{L}\p{N}]")
_CLAUSE = regex.compile(r"[,;:()\[\]—–]|\s-\s")


# -- small helpers -------------------------------------------------------------------------------
def _words(text: str) -> int:
    """Number of words (an unspaced script counts one word per two characters)."""
    toks = tokens(text)
    chars = sum(1 for t in toks if t.is_char)
    return sum(1 for t in toks if not t.is_char) + (chars + 1) // 2


#: an addition of fewer words (a lone word: a split heading, a label) is not reported as added
#: (:func:`.unlinked._unlinked_side`), nor does it hold an added run together
#: (:func:`.moves._length_moves`)
_ADDED_MIN_WORDS = 2


def _quote(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= n else text[: n - 1].rstrip() + "\u2026") + "\u201d"


def _quote_near(text: str, word: str, n: int = 60) -> str:
    """``text`` quoted around the first word similar to ``word`` (see :func:`_quote`)."""
    at = next((t.start for t in tokens(text) if t.norm and _similar_word(word, t.norm)), 0)
    a = max(0, at - n // 3)
    if a:
        a = text.rfind(" ", 0, a) + 1
    part = text[a:]
    body = _quote(part, n)
    return body if not a else "\u201c\u2026" + body[1:]


def _norm_text(text: str) -> str:
    return " ".join(t.norm for t in tokens(text) if t.norm)


def _similar_word(a: str, b: str) -> bool:
    """Two transliterated words are the same name / number / cognate (inflection allowed)."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    k = 0
    for x, y in zip(a, b):
        if x != y:
            break
        k += 1
    if k >= 4 and k >= 0.6 * min(len(a), len(b)):
        return True
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80


# -- the document model --------------------------------------------------------------------------
@dataclass
class _Issue:
    code: str
    message: str
    src: Sentence | None = None
    tgt: Sentence | None = None
    src_span: tuple[int, int] | None = None
    tgt_span: tuple[int, int] | None = None
    pair: Pair | None = None
    confidence: float = 0.8
    severity: str | None = None
    excerpt_src: str | None = None
    excerpt_tgt: str | None = None
    #: a run of sentences the finding covers (its span then runs from the first to the last)
    src_run: tuple[Sentence, ...] = ()
    tgt_run: tuple[Sentence, ...] = ()
    #: a major TQ105: which way the content moved ("earlier" / "later")
    moved: str | None = None
    #: a TQ101 / TQ102 that names a neighbour as possibly the unlinked sentence instead (its run
    #: then holds both): that neighbour
    either: Sentence | None = None

    def sentences(self, side: str, pair: bool = False) -> tuple[Sentence, ...]:
        """The sentences of ``side`` ("src" or "tgt") the issue names: its run, else its one
        sentence, else (with ``pair``) its bead's sentences of that side."""
        run = self.src_run if side == "src" else self.tgt_run
        if run:
            return run
        one = self.src if side == "src" else self.tgt
        if one is not None:
            return (one,)
        if pair and self.pair is not None:
            return tuple(self.pair.src if side == "src" else self.pair.tgt)
        return ()


@dataclass
class Analysis:
    issues: list[_Issue] = field(default_factory=list)
    #: sentences already reported (side, index): later steps leave them alone
    taken: set[tuple[str, int]] = field(default_factory=set)
    #: sentences left without a partner when an explained stretch took the one the aligner had
    #: linked them with (as 1-0 / 0-1 beads at their old bead's place; reported as unlinked)
    orphans: list[Pair] = field(default_factory=list)
    #: unlinked sentences beside a moved one that the move did not carry (the other side's run
    #: has no room for them: :func:`_balanced_runs`), with the moved sentence's new place
    beside_move: dict[tuple[str, int], Sentence] = field(default_factory=dict)


class _Doc:
    """What the analysis learns from the document pair."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.src = ctx.source.sentences
        self.tgt = ctx.target.sentences
        self.pairs = ctx.pairs()
        self.bead_of_src = {i: k for k, p in enumerate(self.pairs) for i in p.bead.src}
        self.bead_of_tgt = {j: k for k, p in enumerate(self.pairs) for j in p.bead.tgt}
        self._feat = None
        self._vocab: dict[str, tuple] = {}
        self._lower: dict[str, frozenset[str]] = {}
        self._dict_keys: dict[str, dict[int, set[str]]] = {"src": {}, "tgt": {}}
        self._dict_links: dict[tuple[int, int], tuple[int, int]] = {}
        self._dict_rates: tuple[float, float] | None = None
        self._key_chance: dict[tuple[str, int, int], dict[str, float]] = {}
        self._met: dict[str, dict[str, list[int]]] = {}  # see :meth:`key_chance`
        self.names_survive: bool | None = None  # see :func:`_names_survive`
        self.emb = _centred(ctx.cache.get(EMBEDDINGS))
        self._ratio()
        self._names()

    # length ratio -----------------------------------------------------------------------------
    def _ratio(self) -> None:
        """Mean / sd of log(target length / source length) over the confident 1-1 pairs, shrunk
        towards a prior (ratio 1, corrected for scripts without spaces) when there are few."""
        st = self.ctx.stats
        logs = []
        for p in self.pairs:
            if len(p.src) == 1 and len(p.tgt) == 1 and p.score >= 0.5:
                a, b = text_length(p.src[0].text), text_length(p.tgt[0].text)
                if a >= 10 and b >= 3:
                    logs.append(math.log(b / a))
        n = len(logs)
        if n >= 3:
            mean, sd = float(np.mean(logs)), float(np.std(logs))
        elif "log_ratio_mean" in st and st.get("confident_pairs", 0) >= 3:
            mean, sd, n = float(st["log_ratio_mean"]), float(st["log_ratio_sd"]), int(st["confident_pairs"])
        else:
            mean, sd = 0.0, 0.0
        sf = script_factor([s.text for s in self.src])
        tf = script_factor([s.text for s in self.tgt])
        prior = math.log(tf / sf)
        k = 6.0  # the prior counts as this many pairs
        self.log_mean = (n * mean + k * prior) / (n + k)
        self.log_sd = math.sqrt((n * sd * sd + k * 0.3 ** 2) / (n + k))
        self.log_sd = max(self.log_sd, 0.15)

    def ratio_z(self, ls: float, lt: float) -> float:
        """How many standard deviations log(lt/ls) is from the document's usual ratio."""
        if ls <= 0 or lt <= 0:
            return -9.0 if ls > 0 else 9.0
        return (math.log(lt / ls) - self.log_mean) / self.log_sd

    # names ----------------------------------------------------------------------------------
    def _names(self) -> None:
        """Whether a capital letter inside a sentence marks a name on each side (it does not in
        a language that capitalises every noun), and the transliterated target vocabulary."""
        self.case_names = {}
        for side, sents in (("src", self.src), ("tgt", self.tgt)):
            caps = total = 0
            for s in sents[:400]:
                toks = [t for t in tokens(s.text) if not t.is_number and not t.is_char]
                for t in toks[1:]:
                    if t.text[:1].isalpha() and t.text[:1].lower() != t.text[:1].upper():
                        total += 1
                        caps += t.text[:1].isupper()
            # German-like: ~30 % of inner words capitalised; English-like: under 15 %
            self.case_names[side] = total > 0 and caps / total < (0.18 if total >= 20 else 0.35)

    def anchors(self, side: str, text: str) -> list[Token]:
        """Numbers of two digits or more, and (where capitals mark names) names and acronyms."""
        out = []
        toks = tokens(text)
        # a sentence that opens with an aside in brackets (a credit, a note) starts again after it
        aside = _LEADING_ASIDE.match(text)
        start = aside.end() if aside else 0
        for k, t in enumerate(toks):
            if t.is_number:
                if len(t.norm) >= 2:
                    out.append(t)
                continue
            if t.is_char or len(t.norm) < 3 or not self.case_names.get(side):
                continue
            first = t.text[:1]
            if not first.isupper():
                continue
            if k == 0 or t.start == start:
                continue
            prev = text[toks[k - 1].end:t.start]
            if any(ch in prev for ch in ".!?:;\u3002\"\u201c\u00ab"):
                continue
            if self._common(side, t):
                continue  # a frequent word of the language with a capital (OCR, a title): not a name
            out.append(t)
        return out

    def _common(self, side: str, t: Token) -> bool:
        """Whether the token ``t``, written with a capital, is a word of the language rather than a
        name: the document writes it in small letters elsewhere, and it is frequent in the
        language at large (wordfreq)."""
        lang = self.ctx.src_lang if side == "src" else self.ctx.tgt_lang
        if not lang or not has_wordlist(lang):
            return False
        if side not in self._lower:
            doc = self.ctx.source if side == "src" else self.ctx.target
            self._lower[side] = frozenset(w.norm for w in tokens(doc.text) if w.text[:1].islower())
        return t.norm in self._lower[side] and zipf(t.text.lower(), lang) >= _COMMON_ZIPF

    def vocabulary(self, side: str) -> tuple[_Vocabulary, _Vocabulary, _Vocabulary]:
        """The transliterated words of ``side``, each with the sentences that have it; the same
        for the words written with a capital (anywhere; every word when the script has no
        capitals), and for those written with a capital inside a sentence. Read once."""
        if side not in self._vocab:
            every: dict[str, set[int]] = defaultdict(set)
            caps: dict[str, set[int]] = defaultdict(set)
            inner: dict[str, set[int]] = defaultdict(set)
            for x in (self.src if side == "src" else self.tgt):
                toks = [t for t in _cjk_join(tokens(x.text)) if t.norm]
                for k, t in enumerate(toks):
                    every[t.norm].add(x.index)
                    if not t.is_number and t.text[:1].isupper():
                        caps[t.norm].add(x.index)
                        if k:
                            inner[t.norm].add(x.index)
            self._vocab[side] = (_Vocabulary(every), _Vocabulary(caps if caps else every), _Vocabulary(inner))
        return self._vocab[side]

    def converted(self, side: str, text: str, other: str) -> tuple[tuple[int, int], ...]:
        """Spans of the numbers of ``text`` (on ``side``) that a quantity of ``other`` explains
        by conversion to another unit (``12 pouces`` ↔ ``30 cm``)."""
        langs = (self.ctx.src_lang, self.ctx.tgt_lang) if side == "src" else (self.ctx.tgt_lang, self.ctx.src_lang)
        return _converted_spans(text, langs[0], other, langs[1])

    def dict_keys(self, side: str, sents) -> set[str]:
        """The keys a dictionary word of these sentences of ``side`` could have
        (:func:`~tqcheck.align.dictionary.keys`), each sentence's read once per document."""
        memo = self._dict_keys[side]
        out: set[str] = set()
        for x in sents:
            if x.index not in memo:
                memo[x.index] = dictionary_keys(x.text)
            out |= memo[x.index]
        return out

    def dict_link(self, i: int, j: int) -> tuple[int, int]:
        """(translated, known) words of source sentence ``i`` in target sentence ``j`` by the
        user's dictionary, each pair read once per document."""
        if (i, j) not in self._dict_links:
            self._dict_links[(i, j)] = self.ctx.cache[DICTIONARY].cover_keys(
                self.dict_keys("src", [self.src[i]]), self.dict_keys("tgt", [self.tgt[j]]), source=True)
        return self._dict_links[(i, j)]

    def key_chance(self, side: str, x: Sentence, one: Sentence) -> dict[str, float]:
        """Each key of ``x`` (of ``side``) that the user's dictionary knows, with the share of
        the other side's sentences :data:`_CHANCE_NEAR` to :data:`_CHANCE_FAR` places from
        ``one`` that translate it: how often that word meets a translation by chance here. In
        Text+Berg's test0, "notre" meets an "unser" in one German sentence in nineteen, while
        most words of a sentence meet theirs nowhere else nearby; a hit of the first says
        little. Each share is drawn towards the sentence's mean by two sentences' weight (a
        word seen nowhere is not sure never to be met) and is at least
        :data:`_DICT_CHANCE_FLOOR`. Read once per (sentence, place), from where each word is
        met in the document (:meth:`Dictionary.where_met`, read once per side)."""
        key = (side, x.index, one.index)
        got = self._key_chance.get(key)
        if got is not None:
            return got
        dic = self.ctx.cache[DICTIONARY]
        met = self._met.get(side)
        if met is None:
            others = self.tgt if side == "src" else self.src
            met = self._met[side] = dic.where_met([self.dict_keys(_other(side), [y]) for y in others],
                                                  source=side == "src")
        n_other = len(self.tgt if side == "src" else self.src)
        spans = [(max(0, one.index - _CHANCE_FAR), one.index - _CHANCE_NEAR + 1),
                 (one.index + _CHANCE_NEAR, min(n_other, one.index + _CHANCE_FAR + 1))]
        spans = [(a, b) for a, b in spans if a < b]
        n = sum(b - a for a, b in spans)
        counts = {w: sum(bisect.bisect_left(at, b) - bisect.bisect_left(at, a) for a, b in spans)
                  # sorted: _word_odds sums over this order, which must not depend on string hashing
                  for w in sorted(dic.key_hits(self.dict_keys(side, [x]), set(), source=side == "src"))
                  for at in [met.get(w, ())]}
        mean = sum(counts.values()) / (n * len(counts)) if n and counts else 0.0
        got = {w: max(_DICT_CHANCE_FLOOR, (c + 2 * mean) / (n + 2)) for w, c in counts.items()}
        self._key_chance[key] = got
        return got

    def dict_rates(self) -> tuple[float, float]:
        """The document's chance and translation rates for the user's dictionary
        (:func:`_dictionary_rates`), read once."""
        if self._dict_rates is None:
            self._dict_rates = _dictionary_rates(self)
        return self._dict_rates

    # features ---------------------------------------------------------------------------------
    def features(self):
        if self._feat is None:
            st = [s.text for s in self.src]
            tt = [s.text for s in self.tgt]
            # a small bilingual lexicon learned from the confidently linked pairs (as the aligner's
            # second pass does) lets sentences without names or numbers be recognised too
            conf = [(p.src[0].index, p.tgt[0].index) for p in self.pairs
                    if len(p.src) == 1 and len(p.tgt) == 1 and p.score >= 0.5]
            ex_s = ex_t = None
            # co-occurrence counts in a handful of pairs are noise: only in longer documents
            if len(conf) >= 30:
                lex = learn_lexicon([st[i] for i, _ in conf], [tt[j] for _, j in conf])
                if lex:
                    ex_s, ex_t = lexicon_features(st, tt, lex)
            # the user's dictionary, as the aligner read it
            dic = self.ctx.cache.get(DICTIONARY)
            if dic is not None:
                ds, dt = dic.features(st, tt)
                ex_s, ex_t = joined_extra(ds, ex_s), joined_extra(dt, ex_t)
            # numbers written as words and CLDR's names, as the aligner reads them
            ws, wt = shared_word_features(st, self.ctx.src_lang), shared_word_features(tt, self.ctx.tgt_lang)
            if ws is not None or wt is not None:
                ex_s = joined_extra(ws or [Counter() for _ in st], ex_s)
                ex_t = joined_extra(wt or [Counter() for _ in tt], ex_t)
            FS, FT, _ = build_features(st, tt, extra_src=ex_s, extra_tgt=ex_t)
            self._feat = (FS, FT)
            if self.emb is not None:
                # with sentence embeddings, a sentence is its feature vector scaled to unit length
                # beside its (unit) embedding: every similarity below is the mean of the two
                self.fn_s, self.fn_t = np.sqrt(FS.norm2), np.sqrt(FT.norm2)
            # typical similarity of linked and of unrelated sentences
            linked = [self.cos(p.src[0].index, p.tgt[0].index) for p in _ones(self.pairs)]
            unrelated = [self.cos(i, j) for i, j in _unrelated_pairs(self.pairs)]
            self.mu_match = float(np.median(linked)) if linked else 0.0
            self.mu_rand = float(np.median(unrelated)) if unrelated else 0.0
            # how similar unrelated sentences can be by chance (short sentences share a trigram or
            # two): a match that claims a sentence stands elsewhere must beat this
            self.rand_hi = float(np.quantile(unrelated, 0.98)) if len(unrelated) >= 20 else \
                self.mu_rand + 0.5 * max(0.0, self.mu_match - self.mu_rand)
            # how many linked pairs reach what only 2 % of unrelated pairs reach: about 2 % when
            # the two languages share nothing (the median spread of a few pairs is then noise)
            self.linked_above = float(np.mean([c > self.rand_hi for c in linked])) if linked else 0.0
        return self._feat

    def cos(self, i: int, j: int) -> float:
        FS, FT = self.features()
        if self.emb is not None:
            return _merged_cos(self, (i,), (j,))
        ia, va = FS.row(i)
        ib, vb = FT.row(j)
        if not len(ia) or not len(ib):
            return 0.0
        _, xa, xb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
        d = float(np.dot(va[xa], vb[xb]))
        return d / math.sqrt(FS.norm2[i] * FT.norm2[j]) if d else 0.0

    def sim_z(self, i: int, j: int) -> float:
        self.features()
        spread = self.mu_match - self.mu_rand
        if spread < 0.05:
            return 0.0  # no lexical evidence in this language pair
        return (self.cos(i, j) - self.mu_rand) / spread


@lru_cache(maxsize=4096)
def _converted_spans(text: str, lang: str | None, other: str, other_lang: str | None) -> tuple[tuple[int, int], ...]:
    if not any(ch.isdigit() for ch in other):
        return ()
    mine, theirs = analyze(text, lang), analyze(other, other_lang)
    q_mine = quantities(text, lang, mine.numbers)
    q_theirs = quantities(other, other_lang, theirs.numbers)
    if not q_mine or not q_theirs:
        return ()
    return tuple(sorted((n.start, n.end) for n in converted(q_mine, q_theirs, text, mine.numbers)))


def _stands_in(d: _Doc, side: str, text: str, other: str, toks: list[Token] | None = None):
    """A test of whether a token of ``text`` (on ``side``) stands in the text ``other`` (whose
    tokens ``toks`` are, when already read): the same or a similar word (:class:`_Words`), or a
    number that a quantity of ``other`` gives in another unit."""
    words = _Words(_cjk_join(tokens(other)) if toks is None else toks)
    conv = d.converted(side, text, other)
    return lambda t: _inside_any(t, conv) or words.has(t.norm)


def _inside_any(t: Token, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``t`` lies inside one of ``spans`` (sorted, not overlapping)."""
    k = bisect.bisect_right(spans, (t.start, math.inf)) - 1
    return k >= 0 and spans[k][0] <= t.start and t.end <= spans[k][1]


def _centred(vectors) -> tuple[np.ndarray, np.ndarray] | None:
    """The embedding backend's sentence vectors (source, target) centred on their common mean
    and scaled to unit length (embeddings of one text share a direction: uncentred, unrelated
    sentences of a document already look alike); ``None`` without vectors."""
    if vectors is None:
        return None
    es, et = (np.asarray(v, dtype=np.float64) for v in vectors)
    if not len(es) or not len(et):
        return None
    mu = np.concatenate([es, et]).mean(axis=0)
    es, et = es - mu, et - mu
    es /= np.maximum(np.linalg.norm(es, axis=1, keepdims=True), 1e-12)
    et /= np.maximum(np.linalg.norm(et, axis=1, keepdims=True), 1e-12)
    return es, et


def _merged_cos(d: _Doc, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> float:
    """The cosine of the summed vectors of source sentences ``srcs`` and target sentences
    ``tgts``. A sentence's vector is its feature vector; with sentence embeddings, that vector at
    unit length beside its unit embedding."""
    FS, FT = d.features()
    es, et = d.emb if d.emb is not None else (None, None)
    sides = {"src": (FS, getattr(d, "fn_s", None), es), "tgt": (FT, getattr(d, "fn_t", None), et)}

    def dot(a: str, p: int, b: str, q: int) -> float:
        (M, fm, em), (N, fn, en) = sides[a], sides[b]
        v = M.dot_rows_other(p, N, q)
        if em is None:
            return v
        return (v / (fm[p] * fn[q]) if v else 0.0) + float(em[p] @ en[q])

    def sq(a: str, p: int) -> float:
        M, fm, em = sides[a]
        return float(M.norm2[p]) if em is None else (1.0 if fm[p] else 0.0) + 1.0

    both = sum(dot("src", i, "tgt", j) for i in srcs for j in tgts)
    n_s = sum(sq("src", i) for i in srcs) + 2 * sum(
        dot("src", p, "src", q) for k, p in enumerate(srcs) for q in srcs[k + 1:])
    n_t = sum(sq("tgt", j) for j in tgts) + 2 * sum(
        dot("tgt", p, "tgt", q) for k, p in enumerate(tgts) for q in tgts[k + 1:])
    return both / math.sqrt(n_s * n_t) if both and n_s > 0 and n_t > 0 else 0.0


def _lexical(d: _Doc) -> bool:
    """Whether the words of this language pair give evidence for placing a sentence (TQ105): the
    document's linked pairs are more similar than unrelated ones (median spread 0.05 or more)
    and at least a quarter of them reach what only 2 % of unrelated pairs reach — ten times the
    chance rate. In a pair whose scripts share nothing, chance trigrams of transliterated words
    can give a handful of pairs a spread; they do not lift a quarter of the links (random
    Latin/Cyrillic text: 0-10 %; the fixture en-tr: 54 %, Text+Berg windows 44-53 %)."""
    d.features()
    return d.mu_match - d.mu_rand >= 0.05 and d.linked_above >= 0.25


def _ones(pairs: list[Pair]) -> list[Pair]:
    """The 1-1 links of the aligner."""
    return [p for p in pairs if len(p.src) == 1 and len(p.tgt) == 1]


def _unrelated_pairs(pairs: list[Pair]) -> Iterator[tuple[int, int]]:
    """(source, target) sentences of unrelated pairs: the source of each 1-1 link against the
    targets of the links 3, 7 and 11 further on (cyclically)."""
    ones = _ones(pairs)
    for k, p in enumerate(ones):
        for shift in (3, 7, 11):
            q = ones[(k + shift) % len(ones)]
            if q is not p:
                yield p.src[0].index, q.tgt[0].index


def _found(word: str, toks: list[Token]) -> bool:
    return any(_similar_word(word, t.norm) for t in toks if t.norm)


class _Words:
    """The transliterated words of a text, asked "is a word similar to this one there?"
    (:func:`_similar_word`) without comparing every pair: the same word in a set, a shared
    beginning of four letters in an index, the fuzzy ratio in one rapidfuzz pass over the words
    of five letters or more. The same answers as comparing with each word."""

    def __init__(self, toks) -> None:
        self.exact = {t.norm for t in toks if t.norm}
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for w in self.exact:
            if len(w) >= 4:
                self.by_prefix[w[:4]].append(w)
        self.long = [w for w in self.exact if len(w) >= 5]

    def has(self, w: str) -> bool:
        if w in self.exact:
            return True
        if len(w) < 3:
            return False
        if len(w) >= 4 and any(_similar_word(w, b) for b in self.by_prefix.get(w[:4], ())):
            return True
        return len(w) >= 5 and bool(self.long) and \
            process.extractOne(w, self.long, scorer=fuzz.ratio, score_cutoff=80) is not None


def _cjk_join(toks: list[Token]) -> list[Token]:
    """Add runs of characters of unspaced scripts as pseudo-words (for names written in them)."""
    out = list(toks)
    run: list[Token] = []
    for t in toks + [Token(0, 0, "", "", False, False)]:
        if t.is_char:
            run.append(t)
            continue
        if len(run) >= 2:
            for a in range(len(run)):
                for b in range(a + 2, min(len(run), a + 6) + 1):
                    norm = "".join(x.norm for x in run[a:b])
                    out.append(Token(run[a].start, run[b - 1].end, "", norm, False, False))
        run = []
    return out


def _matched_words(d: _Doc, i: int, j: int) -> int:
    """How many distinct words of source sentence ``i`` (of three letters or more, or numbers)
    have the same name / number / cognate in target sentence ``j``."""
    tt = [t.norm for t in _cjk_join(tokens(d.tgt[j].text)) if t.norm]
    seen = set()
    for t in _cjk_join(tokens(d.src[i].text)):
        w = t.norm
        if not w or w in seen or (len(w) < 3 and not t.is_number):
            continue
        if any(_similar_word(w, x) for x in tt):
            seen.add(w)
    return len(seen)


def _join_excerpt(texts: list[str], limit: int = 300) -> str:
    """Sentences joined for an excerpt, shortened in the middle when long."""
    s = " ".join(texts)
    if len(s) <= limit:
        return s
    return s[: limit // 2].rstrip() + " \u2026 " + s[-limit // 2:].lstrip()


#: the aligner's score from which a 1-1 link is sure: the links the document's dictionary rates
#: are read on (:func:`_dictionary_rates`)
_SURE_LINK = 0.9


def _dictionary_rates(d: _Doc) -> tuple[float, float]:
    """The document's chance and translation rates for the user's dictionary: the share of a
    source sentence's known words translated in the target sentence three to six places after
    its partner, and in its partner, over the aligner's sure 1-1 links (score 0.9 or more). The
    chance rate is at least :data:`_DICT_CHANCE_FLOOR`."""
    h1 = k1 = h0 = k0 = 0
    for q in d.pairs:
        if len(q.src) != 1 or len(q.tgt) != 1 or q.score < _SURE_LINK:
            continue
        i, j = q.src[0].index, q.tgt[0].index
        h, k = d.dict_link(i, j)
        h1, k1 = h1 + h, k1 + k
        for far in range(j + 3, min(len(d.tgt), j + 7)):
            h, k = d.dict_link(i, far)
            h0, k0 = h0 + h, k0 + k
    return max(_DICT_CHANCE_FLOOR, h0 / k0 if k0 else 0.0), (h1 / k1 if k1 else 0.0)


def _pair_ids(beads: list[Pair]) -> tuple[int, int]:
    """First source and first target sentence index of a run of beads."""
    return min(s.index for p in beads for s in p.src), min(t.index for p in beads for t in p.tgt)


def _tgt_pos(d: _Doc, i: int) -> int:
    """Where the translation of source sentence ``i`` would be expected (first target index of
    the nearest linked bead after it)."""
    k = d.bead_of_src[i]
    for p in d.pairs[k:]:
        if p.tgt:
            return p.tgt[0].index
    return len(d.tgt)


def _runs(items: list[Pair]) -> list[list[Pair]]:
    """Consecutive beads (by bead index) grouped into runs."""
    out: list[list[Pair]] = []
    for p in items:
        if out and p.index == out[-1][-1].index + 1:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _line_of(d: _Doc, side: str, x: Sentence) -> int:
    """The line of sentence ``x`` of ``side`` in its file."""
    return (d.ctx.source if side == "src" else d.ctx.target).line_of(x.start)


class _Vocabulary:
    """Words (transliterated) with the sentences that have them, asked "which sentences have
    this word, or a word that differs from it by inflection or transliteration?": a word of five
    letters or more with the same first letter and a fuzzy ratio of 80 or more (as
    :func:`_similar_word` allows; not a word that merely begins the same way: Bifertenstock,
    Bifertenalpli are two names). Only the words of that first letter and of a length that can
    reach 80 are compared, so a document's whole vocabulary is not read for each question."""

    def __init__(self, sents: dict[str, set[int]]) -> None:
        self.sents = sents
        self.long: dict[tuple[str, int], list[str]] = defaultdict(list)
        for x in sents:
            if len(x) >= 5:
                self.long[(x[0], len(x))].append(x)

    def where(self, w: str) -> set[int]:
        out = set(self.sents.get(w, ()))
        if len(w) >= 5:
            n = len(w)
            # ratio 2m / (n + k) >= 0.8 needs k within [2n/3, 3n/2]
            for k in range(max(5, (2 * n + 2) // 3), (3 * n) // 2 + 1):
                words = self.long.get((w[0], k))
                if words:
                    for hit, _, _ in process.extract(w, words, scorer=fuzz.ratio, score_cutoff=80, limit=None):
                        out |= self.sents[hit]
        return out


def _other(side: str) -> str:
    return "tgt" if side == "src" else "src"


#: an aside in round, square or full-width brackets; each group holds the inside of one kind
_ASIDE = r"\(([^()]*)\)|\[([^\[\]]*)\]|（([^（）]*)）"
_BRACKETED = regex.compile(_ASIDE)
#: an aside in brackets that opens a sentence, with the spaces after it
_LEADING_ASIDE = regex.compile(rf"\s*(?:{_ASIDE})\s*")


#: a time of day written with a separator (``20.30``, ``8:30``): hours, then two digits of minutes.
#: Not :data:`..number_text._TIME`, on purpose: that one finds times in running text for TQ201
#: and reads ``20.30`` as a decimal (in most languages it is one, and a wrong time would be
#: reported); this one only keeps a number token that the other side writes apart (``20 h 30``)
#: from counting as missing, where reading a decimal as a time can only spare a finding
_CLOCK = regex.compile(r"(\d{1,2})[.:](\d{2})")


def _clock_parts(text: str) -> tuple[str, str] | None:
    """The hours and minutes of a number token written as a time of day (``20.30`` → 20, 30),
    else ``None``: another language writes them apart (``20 h 30``, ``20 Uhr 30``)."""
    m = _CLOCK.fullmatch(text)
    return (m.group(1), m.group(2)) if m else None


def _missing(d: _Doc, side: str, text: str, other: str) -> list[Token]:
    """Anchors of ``text`` (numbers, names) that the other side of the bead does not have. A time
    of day is there when the other side has it written apart (``20.30`` / ``20 h 30``), and
    the other way round."""
    other_toks = _cjk_join(tokens(other))
    numbers = {o.norm for o in other_toks if o.is_number}
    for o in other_toks:
        if o.is_number and (parts := _clock_parts(o.text)):
            numbers.update(parts)
    words = None
    out = []
    conv = None
    for t in d.anchors(side, text):
        if t.is_number:
            parts = _clock_parts(t.text)
            if parts and all(x in numbers for x in parts):
                continue
            if t.norm not in numbers:
                conv = d.converted(side, text, other) if conv is None else conv
                # a quantity converted to another unit is there, or the number written out
                if not _inside_any(t, conv) and not _spelled(
                        t, other, d.ctx.tgt_lang if side == "src" else d.ctx.src_lang):
                    out.append(t)
        elif not (words := words or _Words(other_toks)).has(t.norm):
            out.append(t)
    return out


def _spelled(t: Token, other: str, lang: str | None) -> bool:
    """Whether ``other`` writes the number token ``t`` out in words of ``lang`` (CLDR's spell-out
    rules: ``18.00 Uhr`` ↔ ``dix-huit heures``)."""
    values, _ = number_readings(t.text, None)
    return bool(values) and bool(spelled_in(Num(t.start, t.end, t.text, values), other, lang))


def _own_anchors(d: _Doc, side: str, x: Sentence, rest: list[Sentence]) -> list[Token]:
    """The numbers and names of ``x`` (of ``side``) that the sentences ``rest`` beside it (the
    rest of its bead) do not have."""
    rest_toks = tokens(" ".join(s.text for s in rest))
    return [t for t in d.anchors(side, x.text) if not _found(t.norm, rest_toks)]


def _own_missing(d: _Doc, side: str, x: Sentence, rest: list[Sentence], o: Sentence | str) -> list[str]:
    """The numbers and names of ``x`` (of ``side``) that the sentences ``rest`` beside it do not
    have, as written, when none of them is in ``o`` (a sentence of the other side or its text);
    else none. A name of several words is one ("Hayat Ali Shah")."""
    other = o if isinstance(o, str) else o.text
    # a name counts where the other side writes in its script: a name in Latin letters is not
    # told missing from Chinese or Russian text, which writes it in its own
    theirs = script_of(other)
    own = [t for t in _own_anchors(d, side, x, rest) if t.is_number or script_of(t.text) == theirs]
    gone = {t.norm for t in _missing(d, side, x.text, other)}
    if not own or any(t.norm not in gone for t in own):
        return []
    names: list[str] = []
    prev, own_start = None, 0
    for t in own:
        if prev is not None and not t.is_number and not prev.is_number and not x.text[prev.end:t.start].strip():
            names[-1] = x.text[own_start:t.end]
        else:
            own_start = t.start
            names.append(t.text)
        prev = t
    return list(dict.fromkeys(names))


#: the least chance rate assumed (a sentence whose words meet none of their translations nearby)
_DICT_CHANCE_FLOOR = 0.02
#: how far from a place :meth:`_Doc.key_chance` reads the other side's sentences (from, to)
_CHANCE_NEAR, _CHANCE_FAR = 3, 30
