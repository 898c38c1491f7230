"""TQ10x: completeness — omitted, added, moved and duplicated content.

These checks read the alignment. One analysis per document pair
(:func:`analyse`, cached in ``ctx.cache``) decides what each unlinked or
suspicious sentence is, in this order, so that nothing is reported twice:

1. a 1-0 bead and a 0-1 bead elsewhere whose texts match are *moved* content
   (TQ105), not an omission plus an addition (where the words show nothing, runs that match
   sentence by sentence in length, with both places healing, :func:`_length_moves`);
2. a target sentence that repeats another one, or a source sentence translated
   twice, is a *duplicate* (TQ106);
3. what is left of the 1-0 beads are *omitted sentences* (TQ101) and of the 0-1
   beads *added sentences* (TQ102), unless the neighbouring translation is long
   enough to hold them (then the aligner merely missed a merge);
4. aligned pairs far shorter (longer) than the document's usual length ratio,
   with numbers or names of one side missing from the other, are *partial
   omissions* (TQ103) or *partial additions* (TQ104); a sentence of a 2-1 bead
   that the translation does not cover is an omitted sentence (TQ101), and a sentence of a
   1-2 bead that the source does not cover an added one (TQ102), by lengths and anchors.

Everything is learned from the document pair (length ratio, which words are
shared by both languages, whether capital letters mark names); nothing knows a
particular language.
"""
from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import regex
from rapidfuzz import fuzz, process

from ..align.features import Token, build_features, end_mark, joined_extra, script_factor, tokens
from ..align.banded import Params
from ..align.base import Bead
from ..align.dictionary import keys as dictionary_keys
from ..align.lengths import text_length
from ..align.lexicon import learn_lexicon, lexicon_features
from ..document import Document, Sentence
from ..findings import Finding
from ..lang.words import has_wordlist, zipf
from .base import DICTIONARY, EMBEDDINGS, CheckContext, Pair, rule
from .entity_text import analyze
from .measure_text import converted, quantities
from .names import COMMON_ZIPF as _COMMON_ZIPF

_CACHE_KEY = "completeness.analysis"
_HAS_CONTENT = regex.compile(r"[\p{L}\p{N}]")
_CLAUSE = regex.compile(r"[,;:()\[\]—–]|\s-\s")


# -- small helpers -------------------------------------------------------------------------------
def _words(text: str) -> int:
    """Number of words (an unspaced script counts one word per two characters)."""
    toks = tokens(text)
    chars = sum(1 for t in toks if t.is_char)
    return sum(1 for t in toks if not t.is_char) + (chars + 1) // 2


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


# -- the analysis --------------------------------------------------------------------------------
def analyse(ctx: CheckContext) -> Analysis:
    """Decide once per document pair what every unlinked or doubtful sentence is."""
    if _CACHE_KEY in ctx.cache:
        return ctx.cache[_CACHE_KEY]
    an = Analysis()
    ctx.cache[_CACHE_KEY] = an
    if not ctx.source.sentences and not ctx.target.sentences:
        return an
    d = _Doc(ctx)
    omitted = [p for p in d.pairs if p.src and not p.tgt and _HAS_CONTENT.search(p.src_text)]
    added = [p for p in d.pairs if p.tgt and not p.src and _HAS_CONTENT.search(p.tgt_text)]
    if not ctx.source.sentences or not ctx.target.sentences:
        # one side empty: a single finding, not one per sentence
        if omitted:
            an.issues.append(_Issue("TQ101", f"The translation is empty: all {len(omitted)} sentences of "
                                    "the source are missing.", pair=omitted[0], src=omitted[0].src[0],
                                    src_span=(0, len(omitted[0].src[0].text)), confidence=1.0))
        return an
    # neighbours in the opposite order first: an omission next to an addition two beads away
    # that match crosswise is a swap (minor), not a sentence moved (major)
    _swaps(d, an)
    _swaps_by_dictionary(d, an)
    _moves(d, an, omitted, added)
    _crossings(d, an)
    _duplicates(d, an)
    _length_moves(d, an, omitted, added)
    _run_moves(d, an, omitted, added)
    _member_by_similarity(d, an)
    _merge_moves(d, an)
    omitted += [o for o in an.orphans if o.src and _HAS_CONTENT.search(o.src_text)]
    added += [o for o in an.orphans if o.tgt and _HAS_CONTENT.search(o.tgt_text)]
    _unlinked(d, an, sorted(omitted, key=lambda o: o.index), sorted(added, key=lambda o: o.index))
    _partial(d, an)
    return an


_ALIGN_PRIOR = Params().prior


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
    """Memoised link evidence of 1-1 links and of 2-1 / 1-2 merges."""

    def __init__(self, d: _Doc) -> None:
        self.d = d
        self.memo: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def __call__(self, srcs: tuple[int, ...], tgts: tuple[int, ...]) -> float:
        v = self.memo.get((srcs, tgts))
        if v is None:
            v = self.memo[(srcs, tgts)] = self.value(srcs, tgts)
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
                for q, kt in enumerate(keys_t):
                    key = (ks, kt)
                    if key not in memo:
                        memo[key] = row[q]

        one_s = [(i,) for i in si]
        one_t = [(j,) for j in ti]
        D = A @ B.T
        na, nb = np.einsum("ij,ij->i", A, A), np.einsum("ij,ij->i", B, B)
        put_all(one_s, one_t, D, na, nb, ls, lt)
        if ns >= 2:
            D2 = A2 @ B.T
            na2 = np.einsum("ij,ij->i", A2, A2)
            put_all([(si[p], si[p + 1]) for p in range(ns - 1)], one_t, D2, na2, nb, ls[:-1] + ls[1:], lt)
        if nt >= 2:
            D3 = A @ B2.T
            nb2 = np.einsum("ij,ij->i", B2, B2)
            put_all(one_s, [(ti[q], ti[q + 1]) for q in range(nt - 1)], D3, na, nb2, ls, lt[:-1] + lt[1:])


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
                straight = _straight_ids(ev, list(range(a - shifted, ca)), list(range(x - shifted, cx)))[-1][-1]
                after = _straight_ids(ev, list(range(a + n, ca)), list(range(x + n, cx)))[-1][-1]
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


#: how many sentences (both sides together) past two exchanged neighbours
#: :func:`_transpositions` reads on to where the aligner is in step again
_TAIL = 4


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


def _merge_moves(d: _Doc, an: Analysis) -> None:
    """Moves (major TQ105) found in pieces — the steps match a moved paragraph sentence by
    sentence, and a merge or a weak match inside it splits the run — become one finding when
    they go the same way and all their sentences stand in one paragraph of the source and one
    of the translation: one paragraph moved, reported once, over the whole stretch."""
    moves = []
    for k, it in enumerate(an.issues):
        if it.moved and it.src is not None and it.tgt is not None:
            moves.append((k, it.moved, it.src_run or (it.src,), it.tgt_run or (it.tgt,)))
    groups: dict[tuple[str, int, int], list] = defaultdict(list)
    for k, where, srcs, tgts in moves:
        ps, pt = {x.paragraph for x in srcs}, {x.paragraph for x in tgts}
        if len(ps) == 1 and len(pt) == 1:
            groups[(where, ps.pop(), pt.pop())].append((k, srcs, tgts))
    drop: set[int] = set()
    for (where, _, _), g in groups.items():
        if len(g) < 2:
            continue
        i0 = min(x.index for _, srcs, _ in g for x in srcs)
        i1 = max(x.index for _, srcs, _ in g for x in srcs)
        j0 = min(x.index for _, _, tgts in g for x in tgts)
        j1 = max(x.index for _, _, tgts in g for x in tgts)
        an.issues[g[0][0]] = _move_issue(d, range(i0, i1 + 1), range(j0, j1 + 1), where,
                                         max(an.issues[k].confidence for k, _, _ in g))
        drop.update(k for k, _, _ in g[1:])
        for i in range(i0, i1 + 1):
            an.taken.add(("src", i))
        for j in range(j0, j1 + 1):
            an.taken.add(("tgt", j))
    if drop:
        an.issues[:] = [it for k, it in enumerate(an.issues) if k not in drop]


def _moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    """1-0 and 0-1 beads far apart whose texts match: content moved elsewhere. Sentences are
    matched one to one (mutual best matches), weaker matches are accepted next to strong ones,
    and a run of moved sentences with the unlinked sentences between them makes one finding."""
    _transpositions(d, an)
    _transposed_runs(d, an)
    _paragraph_exchanges(d, an)
    omitted = [po for po in omitted if ("src", po.src[0].index) not in an.taken]
    added = [pa for pa in added if ("tgt", pa.tgt[0].index) not in an.taken]
    if not omitted or not added or len(omitted) * len(added) > 90_000:
        return
    d.features()
    if not _lexical(d):
        return  # the languages share too little material to recognise a sentence by its words
    om_bead = {po.src[0].index: po.index for po in omitted}
    ad_bead = {pa.tgt[0].index: pa.index for pa in added}
    score: dict[tuple[int, int], float] = {}
    for po in omitted:
        i = po.src[0].index
        for pa in added:
            j = pa.tgt[0].index
            if abs(po.index - pa.index) < 2:
                continue  # neighbours: the aligner would have linked them if they matched
            if abs(d.ratio_z(text_length(po.src_text), text_length(pa.tgt_text))) > 2.5:
                continue
            z = d.sim_z(i, j)
            if z >= 0.3:
                score[(i, j)] = z
    if not score:
        return
    best_s: dict[int, tuple[float, int]] = {}
    best_t: dict[int, tuple[float, int]] = {}
    for (i, j), z in score.items():
        if z > best_s.get(i, (-1.0, -1))[0]:
            best_s[i] = (z, j)
        if z > best_t.get(j, (-1.0, -1))[0]:
            best_t[j] = (z, i)
    pairs = {(i, j): z for (i, j), z in score.items()
             if best_s[i][1] == j and best_t[j][1] == i and z >= 0.6 and d.cos(i, j) > d.rand_hi}
    # weaker matches next to accepted ones (a moved paragraph moves as a whole)
    grown = True
    while grown:
        grown = False
        used_s = {i for i, _ in pairs}
        used_t = {j for _, j in pairs}
        for (i, j), z in sorted(score.items()):
            if i in used_s or j in used_t:
                continue
            if any((i + a, j + b) in pairs for a in (-1, 1) for b in (-1, 1) if a == b) \
                    and best_s[i][1] == j:
                pairs[(i, j)] = z
                used_s.add(i)
                used_t.add(j)
                grown = True
    if not pairs:
        return
    # runs: both sides advance by one or two sentences (one unmatched sentence inside a run)
    groups: list[list[tuple[int, int, float]]] = []
    for i, j in sorted(pairs):
        last = groups[-1][-1] if groups else None
        if last and 1 <= i - last[0] <= 2 and 1 <= j - last[1] <= 2:
            groups[-1].append((i, j, pairs[(i, j)]))
        else:
            groups.append([(i, j, pairs[(i, j)])])
    claimed_s = {i for i, _ in pairs}
    claimed_t = {j for _, j in pairs}
    # sentences of doubtful 1-1 links
    weak_s = {p.src[0].index for p in d.pairs if len(p.src) == 1 and len(p.tgt) == 1 and p.score < 0.5}
    weak_t = {p.tgt[0].index for p in d.pairs if len(p.src) == 1 and len(p.tgt) == 1 and p.score < 0.5}
    for g in groups:
        i0, i1 = g[0][0], g[-1][0]
        j0, j1 = g[0][1], g[-1][1]
        # one sentence matched alone must match as well as a typical translation does, or share
        # a word with it (a name, a number, a cognate): trigrams or lexicon entries alone let a
        # short sentence meet some far one by chance
        if len(g) == 1 and g[0][2] < _TYPICAL_LINK and _matched_words(d, i0, j0) < 1:
            continue
        # nor may a number of one be missing from the other: numbers survive translation, and two
        # sentences about the same place or person with different figures are different sentences
        if len(g) == 1 and _numbers_differ(d, i0, j0):
            continue
        # nor may it lack more of the other's names than it shares: a caption that names one of
        # the peaks a sentence names is about the same place, not the same sentence (where this
        # document's translations keep their names)
        if len(g) == 1 and _names_differ(d, i0, j0) and _names_survive(d):
            continue
        # unmatched unlinked sentences right before / after the run on both sides moved with it
        while (i0 - 1 in om_bead and j0 - 1 in ad_bead and i0 - 1 not in claimed_s and j0 - 1 not in claimed_t
               and ("src", i0 - 1) not in an.taken and ("tgt", j0 - 1) not in an.taken):
            i0, j0 = i0 - 1, j0 - 1
            claimed_s.add(i0)
            claimed_t.add(j0)
        while (i1 + 1 in om_bead and j1 + 1 in ad_bead and i1 + 1 not in claimed_s and j1 + 1 not in claimed_t
               and ("src", i1 + 1) not in an.taken and ("tgt", j1 + 1) not in an.taken):
            i1, j1 = i1 + 1, j1 + 1
            claimed_s.add(i1)
            claimed_t.add(j1)
        # an unlinked sentence next to the run in the same paragraph moved with it (the paragraph
        # moved as a whole; its partner is inside the moved translation, merged with another)
        # (past a sentence that the aligner linked weakly to a neighbour for want of its partner)
        s_claim, t_claim = set(claimed_s), set(claimed_t)
        e0 = _extend(d.src, i0, -1, om_bead, weak_s, s_claim, "src", an)
        e1 = _extend(d.src, i1, 1, om_bead, weak_s, s_claim, "src", an)
        f0 = _extend(d.tgt, j0, -1, ad_bead, weak_t, t_claim, "tgt", an)
        f1 = _extend(d.tgt, j1, 1, ad_bead, weak_t, t_claim, "tgt", an)
        # a side grown over unlinked sentences needs room for them on the other side: the run
        # there with the doubtful sentences beside it (weakly linked or unlinked, same paragraph:
        # the rest of a moved translation that the aligner placed elsewhere). Six sentences
        # "moved" onto one caption that shares a name with the last of them are an omission
        if not _roomless(d, "src", range(e0, e1 + 1), range(f0, f1 + 1), weak_t, ad_bead):
            i0, i1 = e0, e1
            claimed_s |= s_claim
        if not _roomless(d, "tgt", range(f0, f1 + 1), range(i0, i1 + 1), weak_s, om_bead):
            j0, j1 = f0, f1
            claimed_t |= t_claim
        # no linked bead between the two runs: they stand at the same place, and the aligner only
        # put its one-sided beads in an order (a passage it could not link, at the end of a text
        # with more content on one side): translated in place, not moved
        k_lo, k_hi = sorted((om_bead[g[0][0]], ad_bead[g[0][1]]))
        if not any(q.src and q.tgt for q in d.pairs[k_lo + 1:k_hi]):
            for i, j, _ in g:
                an.taken.add(("src", i))
                an.taken.add(("tgt", j))
            # and so are the unlinked sentences beside them on both sides that read as a
            # translation of each other (whatever far sentence one of them met by chance)
            for step, i, j in ((-1, g[0][0] - 1, g[0][1] - 1), (1, g[-1][0] + 1, g[-1][1] + 1)):
                while (i in om_bead and j in ad_bead and ("src", i) not in an.taken
                       and ("tgt", j) not in an.taken and _link_evidence(d, i, j) >= _NULL_LINK):
                    an.taken.add(("src", i))
                    an.taken.add(("tgt", j))
                    i, j = i + step, j + step
            continue
        # unlinked sentences inside the run belong to the moved block too
        src_ids = [i for i in range(i0, i1 + 1) if i in om_bead]
        tgt_ids = [j for j in range(j0, j1 + 1) if j in ad_bead]
        s0, t0 = d.src[i0], d.tgt[j0]
        n = i1 - i0 + 1  # the span reported (a weakly linked sentence passed on the way included)
        what = "This sentence" if n == 1 else f"These {n} sentences"
        where = "earlier" if j0 < _tgt_pos(d, i0) else "later"
        msg = (f"{what} of the source {'is' if n == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if n == 1 else 'their'} place.")
        zs = sorted(z for _, _, z in g)
        conf = min(0.95, 0.6 + 0.15 * zs[len(zs) // 2])
        multi = n > 1 or len(tgt_ids) > 1
        an.issues.append(_Issue(
            "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
            confidence=conf, moved=where,
            excerpt_src=_join_excerpt([d.src[i].text for i in src_ids]) if multi else None,
            excerpt_tgt=_join_excerpt([d.tgt[j].text for j in tgt_ids]) if multi else None,
            src_run=tuple(d.src[i] for i in range(i0, i1 + 1)) if multi else (),
            tgt_run=tuple(d.tgt[j] for j in range(j0, j1 + 1)) if multi else ()))
        for i in src_ids:
            an.taken.add(("src", i))
        for j in tgt_ids:
            an.taken.add(("tgt", j))


def _roomless(d: _Doc, side: str, run: range, other: range, weak_other: set[int], lone_other) -> bool:
    """Whether the run of ``side`` is far too long (more than 2.5 standard deviations of the
    document's length ratio) for the ``other`` run together with the doubtful sentences beside it
    in its paragraph (weakly linked or unlinked: where the rest of a moved translation may
    stand)."""
    sents = d.tgt if side == "src" else d.src
    lo, hi = other.start, other.stop - 1
    para_lo, para_hi = sents[lo].paragraph, sents[hi].paragraph
    while lo > 0 and sents[lo - 1].paragraph == para_lo and (lo - 1 in weak_other or lo - 1 in lone_other):
        lo -= 1
    while hi + 1 < len(sents) and sents[hi + 1].paragraph == para_hi and \
            (hi + 1 in weak_other or hi + 1 in lone_other):
        hi += 1
    mine = sum(text_length((d.src if side == "src" else d.tgt)[k].text) for k in run)
    room = sum(text_length(sents[k].text) for k in range(lo, hi + 1))
    z = d.ratio_z(mine, room) if side == "src" else d.ratio_z(room, mine)
    return z < -2.5 if side == "src" else z > 2.5


def _numbers_differ(d: _Doc, i: int, j: int) -> bool:
    """Whether source sentence ``i`` has a number (two digits or more) that target sentence ``j``
    lacks, or the other way round."""
    s, t = d.src[i].text, d.tgt[j].text
    return bool(_numbers_missing(d, "src", s, t) or _numbers_missing(d, "tgt", t, s))


def _names_differ(d: _Doc, i: int, j: int) -> bool:
    """Whether source sentence ``i`` and target sentence ``j`` have more distinct names that the
    other lacks (either way together, two at least) than names they share."""
    s, t = d.src[i].text, d.tgt[j].text
    names_s = {x.norm for x in d.anchors("src", s) if not x.is_number}
    names_t = {x.norm for x in d.anchors("tgt", t) if not x.is_number}
    lack_s = {x.norm for x in _missing(d, "src", s, t) if not x.is_number}
    lack_t = {x.norm for x in _missing(d, "tgt", t, s) if not x.is_number}
    # a language that capitalises nouns names nothing by capitals: count the side that does.
    # One name alone proves nothing (an OCR'd name, a name the other language makes an
    # adjective: Préalpes / voralpinen)
    lack = len(lack_s) + len(lack_t)
    return lack >= 2 and lack > max(len(names_s - lack_s), len(names_t - lack_t))


def _names_survive(d: _Doc, min_score: float = 0.9, at_most: float = 0.1, sample: int = 200) -> bool:
    """Whether this document's translations keep their names, so that :func:`_names_differ`
    tells two sentences apart: it holds for fewer than ``at_most`` of the confident 1-1 links
    (score at least ``min_score``, at most ``sample`` of them spread over the document;
    smoothed, and False with fewer than five). Where a source capitalises terms its translation
    translates (an English speech's Summit, Organization and Observer States in Turkish) it
    holds for half of them, on Text+Berg for 0-3 %."""
    if d.names_survive is None:
        links = [(p.src[0].index, p.tgt[0].index) for p in d.pairs
                 if len(p.src) == 1 and len(p.tgt) == 1 and p.score >= min_score]
        links = links[::max(1, -(-len(links) // sample))]
        differ = sum(_names_differ(d, i, j) for i, j in links)
        d.names_survive = len(links) >= 5 and (differ + 1) / (len(links) + 2) < at_most
    return d.names_survive


def _chance_length_fit(d: _Doc, max_z: float) -> float:
    """How often two unrelated sentences of this document fit its length ratio within ``max_z``
    standard deviations (the source of each 1-1 link against the targets of the links 3, 7 and
    11 further on): what a match by length alone is worth in this document."""
    return _chance(d, lambda i, j: abs(d.ratio_z(text_length(d.src[i].text),
                                                 text_length(d.tgt[j].text))) <= max_z)


def _shares_an_anchor(d: _Doc, i: int, j: int) -> bool:
    """Whether source ``i`` has a number or name that target ``j`` has too."""
    return _shares_anchor(d, "src", d.src[i], [], d.tgt[j])


def _chance(d: _Doc, test) -> float:
    """How often ``test(i, j)`` holds for unrelated sentences of this document
    (:func:`_unrelated_pairs`), smoothed; 0.5 when there are too few pairs to tell."""
    hits = total = 0
    for i, j in _unrelated_pairs(d.pairs):
        total += 1
        hits += bool(test(i, j))
    return (hits + 1) / (total + 2) if total >= 10 else 0.5


def _heals(d: _Doc, ev: _Evidence, side: str, run: list[int], drop_s: list[int], drop_t: list[int],
           memo: dict | None = None) -> bool:
    """Whether the place of an unlinked run reads in order once the moved sentences (``drop_s``,
    ``drop_t``: the run, or the run shifted by one onto a neighbour that the aligner linked for
    want of its partner, and its counterpart) are taken out: the beads around it, read again
    without them (1-1 links and merges, :func:`_straight_counted`), leave no sentence unlinked
    and their links are acceptable on average."""
    sents = d.src if side == "src" else d.tgt
    bead_of = d.bead_of_src if side == "src" else d.bead_of_tgt
    block = drop_s if side == "src" else drop_t
    lo, hi = max(0, min(run[0], block[0]) - 2), min(len(sents), max(run[-1], block[-1]) + 3)
    near = [bead_of[i] for i in range(lo, hi)]
    # every bead between (an unlinked sentence of the other side among them too)
    beads = range(min(near), max(near) + 1)
    srcs = sorted({s.index for k in beads for s in d.pairs[k].src} - set(drop_s))
    tgts = sorted({t.index for k in beads for t in d.pairs[k].tgt} - set(drop_t))
    if not srcs or not tgts:
        return not srcs and not tgts
    if len(srcs) > 14 or len(tgts) > 14:
        return False
    key = (tuple(srcs), tuple(tgts))
    if memo is not None and key in memo:
        return memo[key]
    T, N = _straight_counted(ev, srcs, tgts)
    ok = N[-1][-1] == 0 and T[-1][-1] >= _NULL_LINK * min(len(srcs), len(tgts))
    if memo is not None:
        memo[key] = ok
    return ok


def _length_moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair],
                  max_z: float = 1.0, max_chance: float = 0.05) -> None:
    """Moves that words cannot show (a language pair without shared words: names, numbers and
    lengths are all there is). What is left of the 1-0 and 0-1 beads after the other tests, an
    omitted run at one place and an added run of as many sentences elsewhere, is one passage
    moved when everything such a pair still has agrees:

    * sentence by sentence, and in total, the lengths fit the document's own ratio within
      ``max_z`` standard deviations; how often unrelated sentences of this document do
      (:func:`_chance_length_fit`, ``p``) decides what that is worth: with ``n`` pairings
      tested, ``n · p^m`` for a run of ``m`` sentences must stay under ``max_chance``;
    * no number of one side is missing from the other; where the words give evidence at all,
      every pair is an acceptable link and the pairs are not below chance on average;
    * both places heal (:func:`_heals`): without the moved sentences, the text around each gap
      reads in order with nothing left unlinked. The block may be the run shifted by one onto a
      neighbour whose link is poor (the aligner, placing by length, linked it for want of its
      partner and left the next sentence out instead);
    * the pairing is unique: no other left-over run fits either run;
    * one sentence alone must also share a number or a name with its partner, and the chance
      term is multiplied by how often unrelated sentences of this document share one (a name
      on every line proves nothing)."""
    om = [p for p in omitted if ("src", p.src[0].index) not in an.taken]
    ad = [p for p in added if ("tgt", p.tgt[0].index) not in an.taken]
    if not om or not ad:
        return
    runs_s = [[p.src[0].index for p in r] for r in _runs(om)]
    runs_t = [[p.tgt[0].index for p in r] for r in _runs(ad)]
    if len(runs_s) * len(runs_t) > 2_500:
        return
    d.features()
    lexical = _lexical(d)
    ev = _Evidence(d)
    p_len = _chance_length_fit(d, max_z)
    p_anchor: list[float] = []  # computed when a single sentence needs it

    def poor(side: str, i: int) -> bool:
        k = (d.bead_of_src if side == "src" else d.bead_of_tgt)[i]
        q = d.pairs[k]
        if not q.src or not q.tgt or len(q.src) > 2 or len(q.tgt) > 2 or (side, i) in an.taken:
            return False
        srcs, tgts = tuple(s.index for s in q.src), tuple(t.index for t in q.tgt)
        if len(srcs) == 2 and len(tgts) == 2:
            return False
        return ev(srcs, tgts) < _NULL_LINK

    def blocks(side: str, run: list[int]) -> list[list[int]]:
        sents = d.src if side == "src" else d.tgt
        out = [run]
        for step in (-1, 1):
            k = run[0] - 1 if step < 0 else run[-1] + 1
            if 0 <= k < len(sents) and sents[k].paragraph == sents[run[0]].paragraph and poor(side, k):
                out.append([i + step for i in run])
        return out

    def numbers(side: str, text: str) -> list[str]:
        return sorted(t.norm for t in d.anchors(side, text) if t.is_number)

    def fits(bs: list[int], bt: list[int]) -> float | None:
        srcs, tgts = [d.src[i] for i in bs], [d.tgt[j] for j in bt]
        ls = [text_length(s.text) for s in srcs]
        lt = [text_length(t.text) for t in tgts]
        if any(abs(d.ratio_z(a, b)) > max_z for a, b in zip(ls, lt)) or abs(d.ratio_z(sum(ls), sum(lt))) > max_z:
            return None
        if any(numbers("src", s.text) != numbers("tgt", t.text) for s, t in zip(srcs, tgts)):
            return None
        links = [ev.one(s.index, t.index) for s, t in zip(srcs, tgts)]
        if lexical and (min(links) < _NULL_LINK or sum(d.sim_z(s.index, t.index) for s, t in zip(srcs, tgts)) < 0):
            return None
        if len(srcs) == 1 and not _shares_an_anchor(d, bs[0], bt[0]):
            return None
        return sum(links)

    opts_s = {a: blocks("src", r) for a, r in enumerate(runs_s)}
    opts_t = {b: blocks("tgt", r) for b, r in enumerate(runs_t)}
    tested = 0
    memo: dict = {}
    cands: list[tuple[float, int, int, list[int], list[int]]] = []
    for a, rs in enumerate(runs_s):
        for b, rt in enumerate(runs_t):
            if len(rs) != len(rt) or abs(d.bead_of_src[rs[0]] - d.bead_of_tgt[rt[0]]) < 2:
                continue
            for bs in opts_s[a]:
                for bt in opts_t[b]:
                    # only a pairing whose places both heal is compared by length (and counted)
                    if not (_heals(d, ev, "src", rs, bs, bt, memo) and _heals(d, ev, "tgt", rt, bs, bt, memo)):
                        continue
                    tested += 1
                    e = fits(bs, bt)
                    if e is not None:
                        cands.append((e, a, b, bs, bt))
    n_s: dict[int, set[int]] = defaultdict(set)
    n_t: dict[int, set[int]] = defaultdict(set)
    for _, a, b, _, _ in cands:
        n_s[a].add(b)
        n_t[b].add(a)
    done: set[tuple[int, int]] = set()
    for e, a, b, bs, bt in sorted(cands, key=lambda c: -c[0]):
        m = len(bs)
        chance = tested * p_len ** m
        if m == 1:
            # one sentence: its length and a shared number or name, as often as unrelated
            # sentences of this document share one
            if not p_anchor:
                p_anchor.append(_chance(d, lambda i, j: _shares_an_anchor(d, i, j)))
            chance *= p_anchor[0]
        if (a, b) in done or len(n_s[a]) != 1 or len(n_t[b]) != 1 or chance > max_chance:
            continue  # another reading fits as well, or lengths this loose match by chance here
        if any(("src", i) in an.taken for i in bs) or any(("tgt", j) in an.taken for j in bt):
            continue
        done.add((a, b))
        srcs, tgts = [d.src[i] for i in bs], [d.tgt[j] for j in bt]
        s0, t0 = srcs[0], tgts[0]
        what = "This sentence" if m == 1 else f"These {m} sentences"
        where = "earlier" if t0.index < _tgt_pos(d, s0.index) else "later"
        msg = (f"{what} of the source {'is' if m == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if m == 1 else 'their'} place "
               "(matched by length, position and anchors).")
        multi = m > 1
        an.issues.append(_Issue(
            "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
            confidence=min(0.8, 0.5 + 0.1 * m), moved=where,
            excerpt_src=_join_excerpt([x.text for x in srcs]) if multi else None,
            excerpt_tgt=_join_excerpt([x.text for x in tgts]) if multi else None,
            src_run=tuple(srcs) if multi else (), tgt_run=tuple(tgts) if multi else ()))
        # the moved sentences and the neighbours the aligner had linked for want of them
        for i in set(bs) | set(runs_s[a]):
            an.taken.add(("src", i))
        for j in set(bt) | set(runs_t[b]):
            an.taken.add(("tgt", j))


#: the share of a document's links above the 2 % chance level from which the aligner's gaps are
#: placed by words (:func:`_run_moves`)
_PLACED_BY_WORDS = 0.15


def _run_moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair], min_read: float = 0.5,
               margin: float = 4.0, max_z: float = 1.5, max_run: int = 12) -> None:
    """A passage moved whole: what is left of the 1-0 and 0-1 beads after the other tests, a run
    of unlinked source sentences at one place and a run of unlinked target sentences elsewhere,
    is one passage moved when the two runs correspond. The sentences need not match one by one
    (:func:`_moves`) nor number the same (:func:`_length_moves`); the two runs correspond when

    * they read as a translation of each other: read in order, merges allowed
      (:func:`_straight_ids`), at least ``min_read`` per sentence of the longer run, and better,
      by ``margin`` and a quarter per sentence, than every reading of either run against a block
      of the same size elsewhere in the text (:func:`_beats_chance`); or
    * where the words cannot tell (a short text teaches its pair little vocabulary), each run is
      one or more whole paragraphs of its text, their total lengths fit the document's ratio
      within ``max_z`` standard deviations, they hold about as many sentences, they fit each
      other better than either fits any block of its size elsewhere (by their lengths sentence
      by sentence, or by words and lengths), and both places read in order without them
      (:func:`_heals`): a paragraph missing at one place and a paragraph of its shape not in the
      source at another. Only where the aligner's links rest on words (at least
      :data:`_PLACED_BY_WORDS` of them above the 2 % chance level, however weak the words are
      for a single passage): without words the aligner places its gaps by length, so where the
      runs stand says nothing (:func:`_length_moves` is the test there).

    Each run may pair with one run only: a run that two others fit leaves all three alone (then
    they are an omission and an addition)."""
    om = [p for p in omitted if ("src", p.src[0].index) not in an.taken]
    ad = [p for p in added if ("tgt", p.tgt[0].index) not in an.taken]
    runs_s = [[p.src[0].index for p in r] for r in _runs(om) if 2 <= len(r) <= max_run]
    runs_t = [[p.tgt[0].index for p in r] for r in _runs(ad) if 2 <= len(r) <= max_run]
    if not runs_s or not runs_t or len(runs_s) * len(runs_t) > 2_500:
        return
    d.features()
    lexical = _lexical(d)
    # the aligner's links rest on words here, not on lengths alone: far more of them reach the
    # 2 % chance level than chance trigrams lift between scripts that share nothing (0-10 %)
    placed = lexical or d.linked_above >= _PLACED_BY_WORDS
    ev = _Evidence(d)
    lev = _LengthEvidence(d)

    def whole(sents: list[Sentence], ids: list[int]) -> bool:
        return (ids[0] == 0 or sents[ids[0] - 1].paragraph != sents[ids[0]].paragraph) and \
            (ids[-1] + 1 == len(sents) or sents[ids[-1] + 1].paragraph != sents[ids[-1]].paragraph)

    cands: list[tuple[bool, float, int, int]] = []
    memo: dict = {}
    for a, ss in enumerate(runs_s):
        ls = sum(text_length(d.src[i].text) for i in ss)
        ka = d.bead_of_src[ss[0]]
        for b, tt in enumerate(runs_t):
            kb = d.bead_of_tgt[tt[0]]
            lo, hi = sorted((ka, kb))
            if not any(q.src and q.tgt for q in d.pairs[lo + 1:hi]):
                continue  # side by side: translated in place, if at all, not moved
            z = d.ratio_z(ls, sum(text_length(d.tgt[j].text) for j in tt))
            if abs(z) > 2.5:
                continue
            n = max(len(ss), len(tt))
            w = (ss[0], ss[-1] + 1, tt[0], tt[-1] + 1)
            r = None
            if placed:
                ev.window(ss[0], tt[0], len(ss), len(tt))
                r = _straight_ids(ev, ss, tt)[-1][-1]
                if lexical and r >= min_read * n and _beats_chance(ev, w, r, margin + 0.25 * n):
                    cands.append((True, r - _NULL_LINK * (len(ss) + len(tt)), a, b))
                    continue
            if r is None or abs(z) > max_z or abs(len(ss) - len(tt)) > max(1, n // 3) or \
                    not (whole(d.src, ss) and whole(d.tgt, tt)):
                continue  # (without words the aligner places its gaps by length: not here)
            # the two runs fit each other better than either fits any block of its size elsewhere
            # in the text: read sentence by sentence by their lengths alone (their shape), or by
            # words and lengths (where words give evidence, however weak here)
            fit = _beats_chance(lev, w, _straight_ids(lev, ss, tt)[-1][-1], 0.0) or _beats_chance(ev, w, r, 0.0)
            if fit and _heals(d, ev, "src", ss, ss, tt, memo) and _heals(d, ev, "tgt", tt, ss, tt, memo):
                cands.append((False, 0.0, a, b))
    n_s = Counter(a for _, _, a, _ in cands)
    n_t = Counter(b for _, _, _, b in cands)
    for read, gain, a, b in sorted(cands, reverse=True):
        if n_s[a] != 1 or n_t[b] != 1:
            continue  # another run fits as well: which one moved is not clear
        ss, tt = runs_s[a], runs_t[b]
        where = "earlier" if tt[0] < _tgt_pos(d, ss[0]) else "later"
        it = _move_issue(d, range(ss[0], ss[-1] + 1), range(tt[0], tt[-1] + 1), where,
                         min(0.95, 0.55 + 0.02 * gain) if read else 0.5)
        if not read:  # (runs of two sentences or more)
            it.message = (f"These {len(ss)} sentences of the source seem to be translated {where} in the text, "
                          f"at line {d.ctx.target.line_of(d.tgt[tt[0]].start)}, not at their place: a passage "
                          "of about their length stands there that is not in the source, both whole "
                          "paragraphs, and no other passage fits.")
        an.issues.append(it)
        for i in ss:
            an.taken.add(("src", i))
        for j in tt:
            an.taken.add(("tgt", j))


def _next_lone(sents: list[Sentence], at: int, step: int, lone, weak: set[int], claimed: set[int],
               side: str, an: Analysis, max_weak: int = 1) -> int | None:
    """The next unlinked, unclaimed sentence from ``at`` in direction ``step`` within the same
    paragraph, reached directly or past at most ``max_weak`` weakly linked sentences; None if
    there is none."""
    k, skipped = at + step, 0
    while 0 <= k < len(sents) and sents[k].paragraph == sents[at].paragraph:
        if (side, k) in an.taken or k in claimed:
            return None
        if k in lone:
            return k
        if k not in weak or skipped >= max_weak:
            return None
        skipped += 1
        k += step
    return None


def _extend(sents: list[Sentence], at: int, step: int, lone, weak: set[int], claimed: set[int],
            side: str, an: Analysis) -> int:
    """The end of a run at ``at`` moved in direction ``step`` over the unlinked sentences that
    :func:`_next_lone` reaches one after the other; each one reached is added to ``claimed``."""
    while (k := _next_lone(sents, at, step, lone, weak, claimed, side, an)) is not None:
        at = k
        claimed.add(at)
    return at


def _crossings(d: _Doc, an: Analysis, window: int = 12) -> None:
    """Linked sentences whose translation stands elsewhere: a source sentence in a doubtful bead
    whose clearly best match, a few sentences away, is a target sentence of another doubtful
    bead, and that target sentence's best match is this source sentence. The aligner, which
    keeps the order, had to link both to the wrong neighbours; the reader sees one move. Where
    the words are weaker, the lengths may say where the sentence's weak partner belongs
    (:func:`_partner_absorbed`)."""
    d.features()
    if not _lexical(d):
        return
    m = len(d.tgt)
    weak_s = []
    for p in d.pairs:
        if p.src and p.tgt and p.score < 0.5:
            weak_s += [s.index for s in p.src if ("src", s.index) not in an.taken]
    if not weak_s:
        return
    # targets of doubtful beads, and added (unlinked) targets: the translation that stands elsewhere
    weak_t = {t.index for p in d.pairs if p.tgt and (not p.src or p.score < 0.5) for t in p.tgt}

    def own(i: int) -> float:
        p = d.pairs[d.bead_of_src[i]]
        return max((d.sim_z(i, t.index) for t in p.tgt), default=0.0)

    ev = _Evidence(d)
    cut = _Cuts(d)
    links: list[tuple[int, int, float]] = []
    absorbed: dict[int, Pair] = {}  # source sentence -> the bead its old partner belongs with
    for i in weak_s:
        p = d.pairs[d.bead_of_src[i]]
        center = p.tgt[0].index
        if _words(d.src[i].text) < 4:
            continue  # a short sentence matches something by chance
        mark = end_mark(d.src[i].text)
        if len(p.src) == 1 and len(p.tgt) == 1 and mark is not None and mark == end_mark(p.tgt[0].text) \
                and d.ratio_z(text_length(d.src[i].text), text_length(p.tgt[0].text)) <= -2.0:
            continue  # linked to a much shorter sentence that ends as it does (a question, an
            # exclamation, a colon): its end is translated here, the rest (a caption glued
            # before it, say) may stand elsewhere; :func:`_partial` reads that
        z_own = own(i)
        best, arg, second = -1.0, -1, -1.0
        mine = {t.index for t in p.tgt}
        for j in range(max(0, center - window), min(m, center + window + 1)):
            if j in mine:
                continue
            z = d.sim_z(i, j)
            if z > best:
                best, arg, second = z, j, best
            elif z > second:
                second = z
        if arg < 0 or arg not in weak_t or ("tgt", arg) in an.taken or _words(d.tgt[arg].text) < 4:
            continue
        q = d.pairs[d.bead_of_tgt[arg]]
        # mutual: no source sentence near j matches it better
        c = q.src[0].index if q.src else i
        rival = max((d.sim_z(k, arg) for k in range(max(0, c - window), min(len(d.src), c + window + 1))
                     if k != i), default=-1.0)
        if rival >= best:
            continue
        host = _partner_absorbed(d, an, p, q, best, second, z_own)
        if host is not None:
            links.append((i, arg, best))
            absorbed[i] = host
            continue
        # a clear outlier: far better than the sentence's own link, than any other candidate and
        # than what unrelated sentences of this document reach by chance
        if best < 1.2 or best < z_own + 1.0 or best < second + 0.7 or d.cos(i, arg) <= d.rand_hi:
            continue
        if abs(d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[arg].text))) > 2.5:
            continue
        # the match must rest on words, not on trigrams that parts of unrelated words share
        if _matched_words(d, i, arg) < 2:
            continue
        # a sentence that already matches its own partner as well as a typical translation does
        # (or a target that matches its own source so) is not translated elsewhere: the two share
        # a fragment (a caption or quotation interleaved at different places), not a move
        z_tgt_own = max((d.sim_z(s.index, arg) for s in q.src), default=0.0)
        if max(z_own, z_tgt_own) >= _TYPICAL_LINK:
            continue
        # the sentences passed over must read better shifted by one than where the aligner put
        # them: a sentence that truly stands elsewhere leaves a gap that, closed, heals the links
        # between (a fragment shared by two unrelated sentences heals nothing)
        if _single_move_gain(d, ev, cut, i, center, arg) <= 0:
            continue
        links.append((i, arg, best))
    groups: list[list[tuple[int, int, float]]] = []
    for lk in sorted(links):
        if groups and lk[0] == groups[-1][-1][0] + 1 and lk[1] == groups[-1][-1][1] + 1:
            groups[-1].append(lk)
        else:
            groups.append([lk])
    lone_s = {p.src[0].index for p in d.pairs if len(p.src) == 1 and not p.tgt}
    lone_t = {p.tgt[0].index for p in d.pairs if len(p.tgt) == 1 and not p.src}
    for g in groups:
        n = len(g)
        s0, t0 = d.src[g[0][0]], d.tgt[g[0][1]]
        # unlinked sentences next to the moved ones, in the same paragraph, moved with them
        core_s, core_t = [i for i, _, _ in g], [j for _, j, _ in g]
        grown_s = _grow_run(d.src, core_s, lone_s, "src", an)
        grown_t = _grow_run(d.tgt, core_t, lone_t, "tgt", an)
        srun, trun = _balanced_runs(d, core_s, core_t, grown_s, grown_t)
        for i in set(grown_s) - set(srun):
            an.beside_move[("src", i)] = t0
        for j in set(grown_t) - set(trun):
            an.beside_move[("tgt", j)] = s0
        multi = n > 1 or len(srun) > 1 or len(trun) > 1
        where = "earlier" if g[0][1] < d.pairs[d.bead_of_src[g[0][0]]].tgt[0].index else "later"
        what = "This sentence" if n == 1 else f"These {n} sentences"
        msg = (f"{what} of the source {'is' if n == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if n == 1 else 'their'} place.")
        zs = sorted(z for _, _, z in g)
        an.issues.append(_Issue(
            "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
            confidence=min(0.9, 0.55 + 0.1 * zs[len(zs) // 2]), moved=where,
            excerpt_src=_join_excerpt([d.src[i].text for i in srun]) if multi else None,
            excerpt_tgt=_join_excerpt([d.tgt[j].text for j in trun]) if multi else None,
            src_run=tuple(d.src[i] for i in srun) if multi else (),
            tgt_run=tuple(d.tgt[j] for j in trun) if multi else ()))
        for i in srun:
            an.taken.add(("src", i))
        for j in trun:
            an.taken.add(("tgt", j))
        for i, _, _ in g:
            if i in absorbed:
                # its old partner and the bead it belongs with are read (a split translation whole)
                host = absorbed[i]
                an.taken.update([("tgt", t.index) for t in d.pairs[d.bead_of_src[i]].tgt]
                                + [("src", x.index) for x in host.src] + [("tgt", x.index) for x in host.tgt])


def _partner_absorbed(d: _Doc, an: Analysis, p: Pair, q: Pair, best: float, second: float,
                      z_own: float, margin: float = 0.5, max_z: float = 1.5) -> Pair | None:
    """The other reading of a weak 1-1 link ``p`` whose source sentence matches an unlinked target
    sentence (bead ``q``) elsewhere: the words alone are weaker than :func:`_crossings` asks (one
    shared word, a match of a typical link), but the lengths show where the link's target belongs.
    A translation split in two, whose second half the aligner linked to the next source sentence
    for want of that sentence's own translation, moved away: the half, joined back to the bead
    beside (:func:`_clearly_absorbs`, not denied by the dictionary), makes that bead normal. Then
    the sentence is translated at ``q``, by a match

    * at least typical (:data:`_TYPICAL_LINK`), better than its own link and than any other
      candidate by ``margin``, above the document's chance level, sharing a word (or, with the
      user's dictionary, read as translated there: :func:`_reads_translated`);
    * of fitting length (within ``max_z`` sd);
    * with a linked bead between the two places (side by side, the aligner's cut is only off);
    * mutual (:func:`_crossings` has checked that no source sentence near ``q`` matches it better).

    Returns the bead the link's target belongs with, or ``None``."""
    if len(p.src) != 1 or len(p.tgt) != 1 or q.src or len(q.tgt) != 1:
        return None
    i, j = p.src[0].index, q.tgt[0].index
    if best < _TYPICAL_LINK or best < z_own + margin or best < second + margin or d.cos(i, j) <= d.rand_hi:
        return None
    if abs(d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[j].text))) > max_z:
        return None
    dic = d.ctx.cache.get(DICTIONARY)
    if _matched_words(d, i, j) < 1 and (dic is None or not _renders_in(
            d, "src", d.src[i], [q], _chance_cover(d, dic, d.src[i], d.tgt[j], "src"), d.dict_rates()[1])):
        return None
    lo, hi = sorted((p.index, q.index))
    if not any(b.src and b.tgt for b in d.pairs[lo + 1:hi]):
        return None
    # (``q`` is one-sided: :func:`_neighbour_fits` never yields it)
    for h, z0, z1 in _neighbour_fits(d, an, p, "tgt"):
        if _clearly_absorbs(z0, z1) and not _denied_by_dictionary(d, p, "tgt", h):
            return h
    return None


#: similarity (in units of the document's typical linked pair) of a link that is a translation
_TYPICAL_LINK = 0.8


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


def _grow_run(sents: list[Sentence], run: list[int], lone: set[int], side: str, an: Analysis) -> list[int]:
    """``run`` (sorted sentence indices) extended over unlinked, unclaimed neighbours of the same
    paragraph: the rest of a moved paragraph whose partners the aligner could not place."""
    lo = _extend(sents, run[0], -1, lone, set(), set(), side, an)
    hi = _extend(sents, run[-1], 1, lone, set(), set(), side, an)
    return list(range(lo, run[0])) + run + list(range(run[-1] + 1, hi + 1))


def _balanced_runs(d: _Doc, core_s: list[int], core_t: list[int], srun: list[int],
                   trun: list[int], max_z: float = 1.5) -> tuple[list[int], list[int]]:
    """The moved runs as :func:`_grow_run` extended them, or without one side's (or both sides')
    extension when the lengths do not allow it: an unlinked sentence of one side joined to a move
    must have its counterpart in the other run. The largest reading whose length ratio is within
    ``max_z`` sd (or no further off than the linked sentences alone) is kept; an unlinked sentence
    left out of the run is read on its own (added, omitted)."""
    def z(ss: list[int], ts: list[int]) -> float:
        return abs(d.ratio_z(sum(text_length(d.src[i].text) for i in ss),
                             sum(text_length(d.tgt[j].text) for j in ts)))
    z_core = z(core_s, core_t)
    for ss, ts in ((srun, trun), (srun, core_t), (core_s, trun)):
        if (len(ss), len(ts)) != (len(core_s), len(core_t)) and z(ss, ts) <= max(max_z, z_core):
            return ss, ts
    return core_s, core_t


def _join_excerpt(texts: list[str], limit: int = 300) -> str:
    """Sentences joined for an excerpt, shortened in the middle when long."""
    s = " ".join(texts)
    if len(s) <= limit:
        return s
    return s[: limit // 2].rstrip() + " \u2026 " + s[-limit // 2:].lstrip()


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
                        and (_locally_best(d, a, y, 1) or _locally_best(d, b, x, 1)):
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
#: ... or, with some words translated in order, both straight pairs read as chance (each at
#: least as likely at the document's chance rate as at its translation rate, together this
#: log-likelihood ratio) and both crossed ones as translations (each 1, together this):
#: measured on the neighbouring gold 1-1 pairs of Text+Berg (docs/alignment.md, round 18)
_DICT_SWAP_ODDS = 3.0


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


def _swaps_by_dictionary(d: _Doc, an: Analysis) -> None:
    """With the user's dictionary: two neighbouring sentences whose translations stand in the
    opposite order, whatever beads the aligner made of them. In order, not one word the
    dictionary knows (three or more each) is translated in its partner; crossed, both partners
    translate some (three or more together), and each is its sentence's clearly best match
    within two sentences on either side; and none of the four sentences is held elsewhere by a
    sure link of the aligner that the dictionary supports. Of 579 neighbouring 1-1 pairs of the
    Text+Berg gold alignment, in either direction, none reads so. Where the lengths let the
    aligner link the sentences in order, or shift one link over, the words tell; a finding of
    :func:`_swaps` at the same place comes first."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None:
        return
    ns, nt = len(d.src), len(d.tgt)
    cuts = _Cuts(d).at  # the source and target sentences before each bead
    cover = d.dict_link

    def best(i: int, j: int, h: int, reach: int = 2) -> bool:
        """Whether source ``i`` and target ``j`` are each other's clear best match nearby (more
        translated words than with any other sentence within ``reach``)."""
        return all(cover(i, q)[0] < h for q in range(max(0, j - reach), min(nt, j + reach + 1)) if q != j) and \
            all(cover(q, j)[0] < h for q in range(max(0, i - reach), min(ns, i + reach + 1)) if q != i)

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

    p0, p1 = d.dict_rates()

    def reads_crossed(a: int, x: int) -> bool:
        (h1, k1), (h2, k2) = cover(a, x), cover(a + 1, x + 1)
        if k1 < _DICT_SWAP_KNOWN or k2 < _DICT_SWAP_KNOWN:
            return False
        (h3, k3), (h4, k4) = cover(a, x + 1), cover(a + 1, x)
        if min(h3, h4) < 1:
            return False
        if not (h1 or h2):
            return h3 + h4 >= _DICT_SWAP_HITS
        # a few words translated in order by chance: in order both pairs read as chance does,
        # crossed both as translations do (log-likelihood ratios of the document's two rates)
        if p1 <= p0 or k3 < _DICT_SWAP_KNOWN or k4 < _DICT_SWAP_KNOWN:
            return False
        straight = [_log_odds(h1, k1, p0, p1), _log_odds(h2, k2, p0, p1)]
        crossed = [-_log_odds(h3, k3, p0, p1), -_log_odds(h4, k4, p0, p1)]
        return min(straight) >= 0 and sum(straight) >= _DICT_SWAP_ODDS and \
            min(crossed) >= 1 and sum(crossed) >= _DICT_SWAP_ODDS

    cands: list[tuple[int, int, int]] = []
    for x in range(nt - 1):
        c = cuts[d.bead_of_tgt[x]][0]
        for a in range(max(0, c - 2), min(ns - 1, c + 2)):
            if not reads_crossed(a, x):
                continue
            h3, h4 = cover(a, x + 1)[0], cover(a + 1, x)[0]
            if best(a, x + 1, h3) and best(a + 1, x, h4) and not held_elsewhere(a, x):
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


def _unlike(a: str, b: str) -> bool:
    """Two source texts that are clearly not the same sentence (under 60 % alike as letters):
    one translation cannot serve both."""
    return bool(a) and bool(b) and fuzz.ratio(_norm_text(a), _norm_text(b)) < 60


def _duplicates(d: _Doc, an: Analysis) -> None:
    """Repeated target sentences (not repeated in the source) and doubled translations."""
    norm = [_norm_text(t.text) for t in d.tgt]
    groups: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(d.tgt):
        if _words(t.text) >= 4 and len(norm[j]) >= 15:
            groups[norm[j]].append(j)
    for occ in groups.values():
        if len(occ) < 2:
            continue
        beads = [d.pairs[d.bead_of_tgt[j]] for j in occ]
        srcs = {_norm_text(p.src_text) for p in beads if p.src}
        for j, p in zip(occ, beads):
            other = next(x for x in occ if x != j)
            line = d.ctx.target.line_of(d.tgt[other].start)
            if not p.src:
                msg = f"This sentence repeats the translation at line {line}; the source has it once."
                conf = 0.9
            elif len(srcs) > 1 and j != occ[0] and len(p.tgt) >= 2 and \
                    not any(_norm_text(o.text) == norm[j] for o in p.src):
                # the later copy shares a bead with other target sentences (the aligner attached
                # it to a neighbour), and the sources of the two copies differ
                msg = f"This sentence repeats the translation at line {line}; the source has it once."
                conf = 0.8
                own = _displaced_from_merge(d, an, p, j)
                if own is not None:
                    # the merge's own member, pushed out by the copy, stands unlinked beside it
                    an.taken.add(("tgt", own.index))
            elif len(srcs) > 1 and len(p.src) == 1 and j != occ[0] and (
                    d.sim_z(p.src[0].index, j) < 0.5 or _unlike(p.src_text, beads[0].src_text)):
                shifted = _displaced_by_copy(d, an, p, j)
                if shifted is not None:
                    # the copy stands where this source sentence's translation was expected, and
                    # the translations from there on stand one sentence further: an extra copy
                    own, _, reads = shifted
                    msg = f"This sentence repeats the translation at line {line}; the source has it once."
                    if _norm_text(d.tgt[reads].text) != norm[j]:
                        msg += (" The source sentence it stands beside is translated at line "
                                f"{d.ctx.target.line_of(d.tgt[reads].start)}.")
                    conf = 0.8
                    an.taken.add(("tgt", own.index))
                else:
                    msg = (f"This translation repeats the one at line {line} although the source "
                           "sentences differ: this source sentence may have the wrong translation.")
                    conf = 0.7
            else:
                continue
            an.issues.append(_Issue("TQ106", msg, pair=p if p.src else None, tgt=d.tgt[j],
                                    src=p.src[0] if p.src else None, tgt_span=(0, len(d.tgt[j].text)),
                                    confidence=conf))
            an.taken.add(("tgt", j))
    # a source sentence translated twice: near-identical neighbours. When the aligner left one
    # of them unlinked, that one is the extra copy; else the second is, inside a bead or across
    # two (the aligner may give the first copy to the bead before), unless the source repeats too
    for j in range(1, len(d.tgt)):
        a, b = d.tgt[j - 1], d.tgt[j]
        if ("tgt", b.index) in an.taken or ("tgt", a.index) in an.taken:
            continue  # (one copy already reported)
        if fuzz.ratio(norm[j - 1], norm[j]) < 85:
            continue
        p, q = d.pairs[d.bead_of_tgt[j]], d.pairs[d.bead_of_tgt[j - 1]]
        if not p.src or not q.src:
            x, other = (b, q) if not p.src else (a, p)
            if _words(x.text) < 3:
                continue
            an.issues.append(_Issue(
                "TQ106", "This sentence repeats the translation next to it.",
                pair=None, tgt=x, src=other.src[0] if other.src else None, tgt_span=(0, len(x.text)),
                confidence=0.9))
            an.taken.add(("tgt", x.index))
            continue
        if _words(b.text) < 3:
            continue
        srcs = [_norm_text(y.text) for y in (q.src + p.src if p is not q else p.src)]
        if any(fuzz.ratio(srcs[k - 1], srcs[k]) >= 85 for k in range(1, len(srcs))):
            continue  # the source says it twice as well
        if p is q:
            # both copies in one merge: the merge's own member the copy pushed out stands
            # unlinked beside it
            own = _displaced_from_merge(d, an, p, b.index)
            if own is not None:
                an.taken.add(("tgt", own.index))
        elif (shifted := _displaced_by_copy(d, an, p, b.index)) is not None:
            # the copy took the place of a translation, and the translations from there on stand
            # one sentence further (the last of them unlinked): read so, the sentence translated
            # twice is the first copy's source when they shift on, the second's when they shift back
            own, step, _ = shifted
            an.taken.add(("tgt", own.index))
            if step > 0:
                p = q
        an.issues.append(_Issue(
            "TQ106", "The source sentence is translated twice in a row.",
            pair=p, src=p.src[0] if p.src else None, tgt=b, tgt_span=(0, len(b.text)),
            confidence=0.9))
        an.taken.add(("tgt", b.index))


def _reads_acceptably(d: _Doc, ev: _Evidence, i: int, tgts: tuple[int, ...], now: str) -> bool:
    """Whether source sentence ``i`` read with target sentences ``tgts`` (in place of what the
    aligner gave it, whose text is ``now``) is an acceptable link: the lengths fit the
    document's ratio within 2 standard deviations, no number of one is missing from the other,
    no more names are missing either way than in the aligner's reading (capitalised terms a
    language translates, Summit / Zirve, are missing from both), and where the words give
    evidence the link is not worse than leaving both unlinked."""
    s_text = d.src[i].text
    t_text = " ".join(d.tgt[x].text for x in tgts)
    if abs(d.ratio_z(text_length(s_text), sum(text_length(d.tgt[x].text) for x in tgts))) > 2.0:
        return False
    lack = _missing(d, "src", s_text, t_text) + _missing(d, "tgt", t_text, s_text)
    if any(x.is_number for x in lack):
        return False
    if len(lack) > len(_missing(d, "src", s_text, now)) + len(_missing(d, "tgt", now, s_text)):
        return False
    return not _lexical(d) or ev((i,), tgts) >= _NULL_LINK


def _free_unlinked_tgt(d: _Doc, an: Analysis, k: int) -> bool:
    """Whether target sentence ``k`` exists, is unlinked, no earlier step explained it, and is
    more than a lone word (a label)."""
    return (0 <= k < len(d.tgt) and ("tgt", k) not in an.taken and not d.pairs[d.bead_of_tgt[k]].src
            and _words(d.tgt[k].text) >= 2)


def _displaced_by_copy(d: _Doc, an: Analysis, p: Pair, j: int,
                       reach: int = 3) -> tuple[Sentence, int, int] | None:
    """Where the translations a copy pushed aside stand, when the aligner linked bead ``p``'s
    one source sentence to the copy ``j`` of another sentence's translation: an unlinked target
    sentence after (or before) the copy, past at most ``reach - 1`` 1-1 links, such that every
    source sentence from the copy's to it, read one target sentence further that way, is an
    acceptable link (:func:`_reads_acceptably`; how the copy's source sentence matches the copy
    says nothing: the copy is another sentence's translation). Returns the unlinked sentence,
    the step (+1 after, -1 before) and the target sentence the copy's source then reads; None
    when there is none."""
    if len(p.src) != 1 or len(p.tgt) != 1:
        return None
    ev = _Evidence(d)
    for step in (1, -1):
        chain = [(p.src[0].index, j)]
        k = j + step
        while 0 <= k < len(d.tgt) and len(chain) <= reach:
            q = d.pairs[d.bead_of_tgt[k]]
            if not q.src or len(q.src) != 1 or len(q.tgt) != 1:
                break
            chain.append((q.src[0].index, k))
            k += step
        if len(chain) > reach or not _free_unlinked_tgt(d, an, k):
            continue
        if all(_reads_acceptably(d, ev, i, (t + step,), d.tgt[t].text) for i, t in chain):
            return d.tgt[k], step, j + step
    return None


def _displaced_from_merge(d: _Doc, an: Analysis, p: Pair, j: int) -> Sentence | None:
    """When the aligner made the copy ``j`` a member of the 1-2 bead ``p`` (at its edge), the
    unlinked target sentence just outside it on that side, if the bead reads acceptably with it
    in the copy's place (:func:`_reads_acceptably`: a sentence split in two whose second half
    the copy pushed out of the bead). None otherwise."""
    if len(p.src) != 1 or len(p.tgt) != 2:
        return None
    first, last = p.tgt[0].index, p.tgt[1].index
    if j == last:
        rest, k = first, j + 1
    elif j == first:
        rest, k = last, j - 1
    else:
        return None
    if not _free_unlinked_tgt(d, an, k):
        return None
    if not _reads_acceptably(d, _Evidence(d), p.src[0].index, tuple(sorted((rest, k))), p.tgt_text):
        return None
    return d.tgt[k]


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


def _absorbed(d: _Doc, an: Analysis, p: Pair, side: str) -> bool:
    """Could a neighbouring bead hold the translation of this unlinked sentence? True when the
    neighbour is clearly too long on the other side and adding the sentence makes it normal (a
    neighbour an earlier step explained otherwise does not count), unless the sentence is a
    paragraph of its own and the neighbour's sentences of its side stand in another paragraph:
    translated there, two paragraphs would have become one (a salutation, a heading left out
    beside a long translation is reported)."""
    x = (p.src if side == "src" else p.tgt)[0]
    alone = x.para_start and x.para_end
    return any(_clearly_absorbs(z0, z1) and not _denied_by_dictionary(d, p, side, q, at_sure_rate=True)
               and not (alone and all(y.paragraph != x.paragraph for y in (q.src if side == "src" else q.tgt)))
               for q, z0, z1 in _neighbour_fits(d, an, p, side))


def _denied_by_dictionary(d: _Doc, p: Pair, side: str, q: Pair, at_sure_rate: bool = False) -> bool:
    """Whether the user's dictionary says the unlinked sentence of ``p`` renders nothing of the
    neighbouring bead ``q``'s other side, which ``q``'s own sentences do render
    (:func:`_untranslated_by_dictionary`): the neighbour's unusual length is its own matter.
    ``at_sure_rate``: where ``q``'s own sentences have too few words translated to give a rate
    but the aligner is sure of ``q`` (:data:`_SURE_LINK`, a link :func:`_dictionary_rates` reads), the
    sentence's known words are read against the document's rate of sure links instead (for
    :func:`_absorbed`; a doubtful ``q`` may hold the unlinked sentence's translation instead of
    its own, which the dictionary would then read poorly too)."""
    x = (p.src if side == "src" else p.tgt)[0]
    mine, theirs = (q.src, q.tgt) if side == "src" else (q.tgt, q.src)
    if _untranslated_by_dictionary(d, side, x, list(mine), list(theirs)) is not None:
        return True
    dic = d.ctx.cache.get(DICTIONARY)
    if not at_sure_rate or q.score < _SURE_LINK or dic is None or not theirs:
        return False
    keys = d.dict_keys(_other(side), theirs)
    if _rest_cover(d, dic, side, list(mine), keys)[0] >= _DICT_REST_HITS:
        return False  # the bead's own rate was read, and it does not deny
    hits, known = _dict_cover(d, dic, side, [x], keys)
    rate = d.dict_rates()[1]
    return known >= _DICT_KNOWN and hits < rate * known and \
        _log_odds(hits, known, _chance_cover(d, dic, x, theirs[0], side), rate) >= _DICT_MEMBER_ODDS


#: the end of a TQ101 / TQ102 message when :func:`_condensed_into` names a neighbour
_CONDENSED = {
    "src": ", or it was condensed into the translation of the sentence {where} it, which is longer "
           "than usual.",
    "tgt": ", or it renders part of the source sentence {where} it, whose translation is otherwise "
           "shorter than usual.",
}


def _condensed_into(d: _Doc, an: Analysis, p: Pair, side: str) -> Pair | None:
    """The neighbouring bead that the unlinked sentence of ``p`` may have been condensed into,
    short of :func:`_absorbed`'s clear case: the neighbour is longer than usual on the other side
    and fits the document's length ratio better with the sentence than without (``|z1| < z0``),
    and none of the sentence's names and numbers is missing from it. Such an omission is
    possible, not sure: a translator who folds a short sentence into a clause of the next one
    ("… avec l' effroi que l' on imagine" for "Den Schrecken kann man sich vorstellen .") leaves
    the same trace."""
    x = (p.src if side == "src" else p.tgt)[0]
    best: tuple[float, Pair] | None = None
    for q, z0, z1 in _neighbour_fits(d, an, p, side):
        if z0 <= 0 or abs(z1) >= z0:
            continue
        if _missing(d, side, x.text, q.tgt_text if side == "src" else q.src_text):
            continue  # a name or number of its own is not there
        if _denied_by_dictionary(d, p, side, q):
            continue  # none of its words the dictionary knows is rendered there
        if best is None or z0 - abs(z1) > best[0]:
            best = (z0 - abs(z1), q)
    return best[1] if best else None


def _runs(items: list[Pair]) -> list[list[Pair]]:
    """Consecutive beads (by bead index) grouped into runs."""
    out: list[list[Pair]] = []
    for p in items:
        if out and p.index == out[-1][-1].index + 1:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _ambiguous_neighbour(d: _Doc, an: Analysis, p: Pair, side: str,
                         weak: float = 0.6, margin: float = 1.5) -> tuple[Sentence | None, bool]:
    """For a lone unlinked sentence next to a doubtful 1-1 bead: the neighbouring sentence that
    may be the untranslated one instead, and whether it is clearly the better candidate.

    When a sentence is left out, the aligner must decide which of two neighbours the remaining
    translation belongs to; with little lexical evidence (short documents, unrelated scripts)
    the lengths decide and can pick the wrong one. If the neighbouring link is weak (score
    below ``weak``) and linking the lone sentence instead fits about as well (link evidence not
    ``margin`` worse), the finding names both sentences; if it fits clearly better (and its
    words are no less similar), the finding moves to the neighbour. A confident neighbouring
    link is questioned only by names and numbers (:func:`_anchors_prefer`): the finding moves
    when they clearly say so, and names both when they fit the lone sentence at least as well
    (and no weak neighbour is named)."""
    k = p.index
    x = (p.src if side == "src" else p.tgt)[0]
    best: tuple[float, Sentence, bool] | None = None
    favoured: Sentence | None = None
    for q in (d.pairs[k - 1] if k > 0 else None, d.pairs[k + 1] if k + 1 < len(d.pairs) else None):
        if q is None or _denied_by_dictionary(d, p, side, q):
            continue  # (the user's dictionary: the lone sentence renders nothing the neighbour does)
        merged = _merge_member_instead(d, an, p, q, side, x, margin)
        if merged is not None:
            gain, nb, clear = merged
            if gain >= -margin and (best is None or gain > best[0]):
                best = (gain, nb, clear)
            continue
        if len(q.src) != 1 or len(q.tgt) != 1:
            continue
        nb = q.src[0] if side == "src" else q.tgt[0]
        if (side, nb.index) in an.taken or _words(nb.text) < 2:
            continue
        other = q.tgt[0] if side == "src" else q.src[0]
        if q.score >= weak:
            # a confident link: only its names and numbers can overrule it
            prefer = _anchors_prefer(d, side, x, nb, other)
            if prefer:
                return nb, True
            if prefer is None and favoured is None:
                favoured = nb
            continue
        # numbers decide where they can (names may be written in another script): the lone
        # sentence must not lack more of them in the other side of the neighbouring bead than
        # the neighbour does
        if _numbers_missing(d, side, x.text, other.text) > _numbers_missing(d, side, nb.text, other.text):
            continue
        if side == "src":
            cur = _link_evidence(d, nb.index, q.tgt[0].index)
            alt = _link_evidence(d, x.index, q.tgt[0].index)
            words = d.sim_z(x.index, q.tgt[0].index) - d.sim_z(nb.index, q.tgt[0].index)
        else:
            cur = _link_evidence(d, q.src[0].index, nb.index)
            alt = _link_evidence(d, q.src[0].index, x.index)
            words = d.sim_z(q.src[0].index, x.index) - d.sim_z(q.src[0].index, nb.index)
        gain = alt - cur
        if gain >= -margin and (best is None or gain > best[0]):
            # clearly the other one: better as a whole, and the words do not say otherwise
            # (a better length alone against the words leaves both named)
            best = (gain, nb, gain > margin and words >= 0)
    if best is None:
        return favoured, False
    return best[1], best[2]


def _numbers_missing(d: _Doc, side: str, text: str, other: str) -> int:
    """How many numbers of ``text`` (of ``side``) the text ``other`` of the other side lacks."""
    return sum(1 for t in _missing(d, side, text, other) if t.is_number)


def _merge_member_instead(d: _Doc, an: Analysis, p: Pair, q: Pair, side: str,
                          x: Sentence, margin: float) -> tuple[float, Sentence, bool] | None:
    """For the lone unlinked sentence ``x`` of ``p`` next to a two-to-one bead ``q`` (two
    sentences of ``side`` with one of the other): the bead with ``x`` in place of its far member
    (the one not next to ``x``), as (gain in link evidence, far member, whether clearly better:
    by more than ``margin``, with ``x`` no less similar to the partner than the far member).
    ``None`` when ``q`` is no such bead, when the far member is linked as well as a typical
    translation is (a merge whose both halves match), when ``x`` lacks more of the partner's
    numbers than the far member does, or when a neighbour may hold ``x`` condensed
    (:func:`_condensed_into`: then perhaps nothing is left out). The aligner, placing by length,
    may have merged the wrong neighbour: the sentence left out is then the far member, and ``x``
    is translated."""
    mine = q.src if side == "src" else q.tgt
    theirs = q.tgt if side == "src" else q.src
    if len(mine) != 2 or len(theirs) != 1:
        return None
    near, far = (mine[0], mine[1]) if q.index > p.index else (mine[1], mine[0])
    other = theirs[0]
    if (side, far.index) in an.taken or _words(far.text) < 2:
        return None

    def sim(i: int) -> float:
        return d.sim_z(i, other.index) if side == "src" else d.sim_z(other.index, i)

    if sim(far.index) >= _TYPICAL_LINK:
        return None

    if _numbers_missing(d, side, x.text, other.text) > _numbers_missing(d, side, far.text, other.text):
        return None
    if _condensed_into(d, an, p, side) is not None:
        return None  # a neighbour may hold it condensed: then nothing is left out (minor)
    cur_ids = tuple(sorted(m.index for m in mine))
    alt_ids = tuple(sorted((x.index, near.index)))
    if side == "src":
        cur, alt = _merged_evidence(d, cur_ids, (other.index,)), _merged_evidence(d, alt_ids, (other.index,))
    else:
        cur, alt = _merged_evidence(d, (other.index,), cur_ids), _merged_evidence(d, (other.index,), alt_ids)
    gain = alt - cur
    return gain, far, gain > margin and sim(x.index) >= sim(far.index)


def _anchors_prefer(d: _Doc, side: str, x: Sentence, nb: Sentence, other: Sentence) -> bool | None:
    """Whether names and numbers show that the unlinked sentence ``x`` (of ``side``), not its
    linked neighbour ``nb``, is the translation of ``other``: ``True`` when ``x`` shares a name
    or number with ``other`` and ``nb`` shares none while it has some that ``other`` lacks;
    ``None`` (either may be) when ``x`` has all of its names there and ``nb`` shares no more
    of them but lacks some (the fixture's "Member States … Kazakhstan" linked in place of "…
    Kazakh people; Kazakh authorities"); else ``False``. (The aligner links by length and
    similar letters; an added sentence of the right length can take the place of the real
    translation next to it.)"""
    def shared_and_missing(y: Sentence) -> tuple[int, int]:
        own = d.anchors(side, y.text)
        gone = _missing(d, side, y.text, other.text)
        return len(own) - len(gone), len(gone)

    x_shared, x_missing = shared_and_missing(x)
    nb_shared, nb_missing = shared_and_missing(nb)
    if x_shared >= 1 and nb_shared == 0 and nb_missing >= 1:
        return True
    if x_shared >= max(1, nb_shared) and x_missing == 0 and nb_missing >= 1:
        return None
    return False


#: the end of a TQ101 / TQ102 message when :func:`_shifted_merge` reads every sentence as linked
_SHIFTED = {
    "src": "; or nothing is missing: the translation there may render this sentence, and the "
           "neighbour be translated together with the next sentence, whose translation is "
           "otherwise longer than usual.",
    "tgt": "; or nothing is added: this sentence may render the source sentence there, and the "
           "neighbour belong with the next one, whose source is otherwise rendered shorter than usual.",
}


def _shifted_merge(d: _Doc, an: Analysis, p: Pair, side: str, nb: Sentence) -> bool:
    """For the unlinked sentence of ``p`` and the neighbour ``nb`` that may be the unlinked one
    instead (:func:`_ambiguous_neighbour`): whether neither needs to be. The unlinked sentence
    links to ``nb``'s partner, and ``nb`` joins the bead beyond it, which is clearly too short
    on ``nb``'s side without it and normal with it (the test of :func:`_absorbed`), with none of
    ``nb``'s names and numbers missing from that bead's other side. A translator who splits
    one sentence in two, next to an aligner that placed the halves one sentence off, leaves the
    same trace as a sentence left out."""
    q = d.pairs[d.bead_of_src[nb.index] if side == "src" else d.bead_of_tgt[nb.index]]
    step = 1 if q.index > p.index else -1
    k = q.index + step
    if not 0 <= k < len(d.pairs):
        return False
    r = d.pairs[k]
    fit = _bead_fit(d, an, r, side, text_length(nb.text))
    if fit is None or not _clearly_absorbs(*fit):
        return False
    return not _missing(d, side, nb.text, r.tgt_text if side == "src" else r.src_text)


#: the end of a TQ101 / TQ102 message for a run when :func:`_run_neighbour` names a neighbour
_RUN_EITHER = {
    "src": "; or the sentence {where} them has none instead of the {which} of them (the translation "
           "there fits either).",
    "tgt": "; or the sentence {where} them is added instead of the {which} of them (the source there "
           "fits either).",
}


def _run_neighbour(d: _Doc, an: Analysis, run: list[Pair], side: str) -> Sentence | None:
    """For a run of unlinked sentences: the sentence just outside it, in a doubtful 1-1 bead,
    that may be the unlinked one instead of the run's edge sentence (what
    :func:`_ambiguous_neighbour` finds for a single sentence, asked at each edge of the run);
    ``None`` when there is none. Where both edges have one, the one before the run is named."""
    beads = d.bead_of_src if side == "src" else d.bead_of_tgt
    for edge in (run[0], run[-1]):
        nb, _clear = _ambiguous_neighbour(d, an, edge, side)
        x = (edge.src if side == "src" else edge.tgt)[0]
        if nb is not None and abs(nb.index - x.index) == 1 and not run[0].index <= beads[nb.index] <= run[-1].index:
            return nb
    return None


def _take_neighbour(d: _Doc, an: Analysis, p: Pair, side: str,
                    x: Sentence) -> tuple[Sentence, Sentence | None]:
    """For the lone unlinked sentence ``x`` of ``p``: the sentence to report (``x``, or the
    neighbour that is clearly the untranslated one instead) and, when a doubtful neighbour fits
    the translation there as well as ``x``, that neighbour (see :func:`_ambiguous_neighbour`).
    A neighbour named either way is taken."""
    nb, clear = _ambiguous_neighbour(d, an, p, side)
    if nb is None:
        return x, None
    an.taken.add((side, nb.index))
    return (nb, None) if clear else (x, nb)


def _unlinked(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    """What is left of the 1-0 and 0-1 beads: omitted and added sentences. A run of consecutive
    ones (a whole paragraph, say) is one finding."""
    _unlinked_side(d, an, omitted, "src")
    _unlinked_side(d, an, added, "tgt")


#: per side of :func:`_unlinked`: rule, wording (one sentence; one with the neighbour that fits
#: too; a run) and confidence (at least four words / fewer)
_UNLINKED = {
    "src": ("TQ101",
            "The sentence {q} has no translation.",
            "The sentence {q}, or the one {where} it, has no translation (the translation there fits "
            "either of them).",
            "These {n} sentences, from {q40} on, have no translation.",
            (0.85, 0.6)),
    "tgt": ("TQ102",
            "The translation adds {q}, which is not in the source.",
            "The translation adds {q}, or the sentence {where} it, which is not in the source (the "
            "source there fits either of them).",
            "The translation adds {n} sentences, from {q40} on, that are not in the source.",
            (0.8, 0.55)),
}


#: the end of a TQ101 / TQ102 message for a sentence beside a moved one (:func:`_balanced_runs`)
_BESIDE_MOVE = {
    "src": "; the sentence beside it is translated elsewhere (line {line} of the translation), and it may "
           "have moved with it, though the translation there is too short to hold both.",
    "tgt": "; the sentence beside it translates a source sentence from elsewhere (line {line} of the "
           "source), and it may have come with it, though that source sentence is too short for both.",
}

#: ... and for a run of such sentences (one finding for the run)
_BESIDE_MOVE_RUN = {
    "src": "; the sentence beside them is translated elsewhere (line {line} of the translation), and they may "
           "have moved with it, though the translation there is too short to hold them all.",
    "tgt": "; the sentence beside them translates a source sentence from elsewhere (line {line} of the source), "
           "and they may have come with it, though that source sentence is too short for them all.",
}


def _line_of(d: _Doc, side: str, x: Sentence) -> int:
    """The line of sentence ``x`` of ``side`` in its file."""
    return (d.ctx.source if side == "src" else d.ctx.target).line_of(x.start)


def _unlinked_side(d: _Doc, an: Analysis, beads: list[Pair], side: str) -> None:
    """The 1-0 (``side`` "src") or 0-1 ("tgt") beads no earlier step explained: one finding per
    run of consecutive ones. A lone added word (a split heading, a label) is not reported."""
    code, one, either, many, (conf_hi, conf_lo) = _UNLINKED[side]

    def sent(p: Pair) -> Sentence:
        return (p.src if side == "src" else p.tgt)[0]

    todo = [p for p in beads if (side, sent(p).index) not in an.taken]
    for p in todo:
        an.taken.add((side, sent(p).index))
    for run in _runs(todo):
        sents = [sent(p) for p in run]
        nw = sum(_words(x.text) for x in sents)
        if (side == "tgt" and nw < 2) or (len(run) == 1 and _absorbed(d, an, run[0], side)):
            continue
        if len(run) == 1 and _member_for_stray(d, an, run[0], side):
            continue  # it belongs with the bead beside, where a member is the one left out (added)
        s = sents[0]
        excerpt = None
        severity = None if nw >= 4 else "minor"
        if len(run) == 1:
            # its names standing, unexplained, in a sentence of the other side explain it better
            # than a neighbour that may be the unlinked one instead
            fused = _fused_elsewhere(d, run[0], side, s) or _sole_place_elsewhere(d, side, s)
            nb = None
            if fused is None and (side, s.index) not in an.beside_move:
                s, nb = _take_neighbour(d, an, run[0], side, s)
            msg = one.format(q=_quote(s.text))
            if nb is not None:
                where = "before" if nb.index < s.index else "after"
                if abs(nb.index - s.index) > 1:
                    where = "two sentences " + where  # the far half of a merge beside it
                msg = either.format(q=_quote(s.text), where=where)
                sents = sorted([s, nb], key=lambda x: x.index)
                if abs(nb.index - s.index) == 1 and _shifted_merge(d, an, run[0], side, nb):
                    # read one sentence on, with the neighbour joined to the bead beyond it,
                    # every sentence has its translation: perhaps nothing is missing or added
                    msg = msg[:-1] + _SHIFTED[side]
                    severity = "minor"
            elif fused is not None:
                # its names stand, unexplained, in a sentence elsewhere: joined to that one (a
                # caption placed elsewhere, a clause moved across sentences), not left out
                msg = msg[:-1] + _fused_note(d, run[0], side, *fused)
                severity = "minor"
            elif (side, s.index) in an.beside_move:
                # beside a sentence translated elsewhere: it may have moved with it, though the
                # other side there has no room for it
                msg = msg[:-1] + _BESIDE_MOVE[side].format(
                    line=_line_of(d, _other(side), an.beside_move[(side, s.index)]))
                severity = "minor"
            elif s is sent(run[0]) and (host := _condensed_into(d, an, run[0], side)) is not None:
                # a neighbour longer than usual that the sentence would make normal, with nothing
                # of the sentence's own (names, numbers) missing from it: perhaps condensed there
                msg = msg[:-1] + _CONDENSED[side].format(where="before" if host.index < run[0].index else "after")
                severity = "minor"
        else:
            msg = many.format(n=len(run), q40=_quote(s.text, 40))
            excerpt = _join_excerpt([x.text for x in sents])
            beside = [an.beside_move.get((side, x.index)) for x in sents]
            nb = None if all(beside) else _run_neighbour(d, an, run, side)
            if all(beside):
                # every one beside a moved sentence that the move had no room for (one, above)
                msg = msg[:-1] + _BESIDE_MOVE_RUN[side].format(line=_line_of(d, _other(side), beside[0]))
                severity = "minor"
            if nb is not None:
                # the doubtful link beside the run may hold the run's edge sentence instead of
                # its own: the run may begin (end) one sentence earlier (later), as for one
                an.taken.add((side, nb.index))
                before = nb.index < s.index
                msg = msg[:-1] + _RUN_EITHER[side].format(where="before" if before else "after",
                                                           which="first" if before else "last")
                sents = sorted(sents + [nb], key=lambda x: x.index)
        an.issues.append(_Issue(code, msg, pair=run[0], confidence=conf_hi if nw >= 4 else conf_lo,
                                severity=severity,
                                **{side: s, f"{side}_span": (0, len(s.text)), f"excerpt_{side}": excerpt,
                                   f"{side}_run": tuple(sents)}))


#: the end of a TQ101 / TQ102 message when the sentence's names stand in a nearby sentence of
#: the other side (:func:`_fused_elsewhere`)
_FUSED = {
    "src": ", but its {what} ({names}) appear{s}{how} in {where} sentence of the translation ({at}), "
           "whose source lacks {them}: it may have been joined to that sentence.",
    "tgt": ", but its {what} ({names}) appear{s}{how} in {where} sentence of the source ({at}), whose "
           "translation lacks {them}: it may have been moved here from that sentence.",
}

#: how far (in sentences of the other side) :func:`_fused_elsewhere` looks
_FUSED_REACH = 8


def _fused_note(d: _Doc, p: Pair, side: str, there: Sentence, names: list[Token]) -> str:
    """The end of the message of the unlinked sentence of bead ``p`` whose ``names`` (names and
    numbers, tokens of it) stand in the sentence ``there`` of the other side (:data:`_FUSED`)."""
    nums = sum(t.is_number for t in names)
    what = "numbers" if nums == len(names) else "names and numbers" if nums else "names"
    one_name = len({t.norm for t in names}) == 1
    if one_name:
        what = what[:-1]
    there_nums = {t.norm for t in tokens(there.text) if t.is_number}
    how = ", converted to other units," if any(t.is_number and t.norm not in there_nums for t in names) else ""
    far = abs(there.index - _other_at(d, p, side)) > _FUSED_REACH
    return _FUSED[side].format(names=", ".join(dict.fromkeys(t.text for t in names)), what=what, how=how,
                               s="s" if one_name else "", them="it" if one_name else "them",
                               where="another" if far else "a nearby", at=_quote_near(there.text, names[0].norm))


def _other_at(d: _Doc, p: Pair, side: str) -> int:
    """Where the other side stands at the unlinked bead ``p``: the first sentence of the nearest
    linked bead after it (the end of the other text when there is none)."""
    others = d.tgt if side == "src" else d.src
    return next((q.tgt[0].index if side == "src" else q.src[0].index for q in d.pairs[p.index:]
                 if q.src and q.tgt), len(others))


def _capitalised_inside(toks: list[Token]) -> list[Token]:
    """The words of three letters or more written with a capital after a sentence's first word:
    the candidate names of a language that capitalises every noun."""
    return [t for t in toks[1:] if not t.is_number and len(t.norm) >= 3 and t.text[:1].isupper()]


def _fused_elsewhere(d: _Doc, p: Pair, side: str, s: Sentence,
                     reach: int = _FUSED_REACH) -> tuple[Sentence, list[Token]] | None:
    """For the unlinked sentence ``s`` (of ``side``, in bead ``p``): a sentence of the other side
    at most ``reach`` sentences from where ``s`` stands that has every name and number of ``s``,
    while the sentences it is linked with have none of them (so they are unexplained there),
    and those names. The content of ``s`` was then joined to that sentence (a caption the layout
    placed in another sentence, a clause moved across a sentence boundary), not simply left out
    or added. Two names or numbers are needed; where ``side`` capitalises every noun, its names
    are the capitalised words that the other sentence writes with a capital inside the sentence.
    Returns that sentence and the names (tokens of ``s``); ``None`` when there is no such
    sentence near."""
    own = d.anchors(side, s.text)
    by_case = d.case_names.get(side, False)
    caps = [] if by_case else _capitalised_inside(tokens(s.text))
    if not own and not caps:
        return None
    others = d.tgt if side == "src" else d.src
    bead_of = d.bead_of_tgt if side == "src" else d.bead_of_src
    at = _other_at(d, p, side)
    for k in range(max(0, at - reach), min(len(others), at + reach)):
        toks = [t for t in _cjk_join(tokens(others[k].text)) if t.norm]
        if by_case:
            want = own
        else:
            inner_caps = [t.norm for t in toks[1:] if not t.is_number and t.text[:1].isupper()]
            want = [t for t in own if t.is_number] + [
                t for t in caps if any(_similar_word(t.norm, o) for o in inner_caps)]
        # two names or numbers at least: one alone is often repeated (or made explicit by the
        # translation) in a neighbouring sentence
        if len({w.norm for w in want}) < 2 or not all(map(_stands_in(d, side, s.text, others[k].text, toks), want)):
            continue
        q = d.pairs[bead_of[k]]
        partner = _stands_in(d, side, s.text, " ".join(x.text for x in (q.src if side == "src" else q.tgt)))
        if not any(map(partner, want)):
            return others[k], want
    return None


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


def _sole_place_elsewhere(d: _Doc, side: str, s: Sentence) -> tuple[Sentence, list[Token]] | None:
    """For the unlinked sentence ``s`` (of ``side``): its names that no other sentence of its
    own text has and that exactly one sentence of the other text has, when those sentences all
    belong to one bead; returns the sentence where the first of them stands, and the names.
    Such names (a document's hapaxes, the surest anchors an aligner knows) tie ``s`` to that
    bead wherever it stands: its content was joined to it (an OCR'd caption that each edition
    prints in another place), not left out or added. One such name is enough, where
    :func:`_fused_elsewhere`, which accepts names the document repeats, needs two; but it must
    be rare in both languages at large (under once per million words, wordfreq), since a common
    one (Alpes, Genève) turns up in a translation by chance; numbers count only beside a name (a
    two-digit number recurs by chance). The other text must write the name with a capital
    (Meiringen is not "meinen"); where ``side`` capitalises every noun, its names are the
    capitalised words that the other text writes with a capital inside a sentence. ``None``
    when there is no such bead."""
    by_case = d.case_names.get(side, False)
    toks = tokens(s.text)
    if by_case:
        cands = d.anchors(side, s.text)
    else:
        cands = [t for t in toks if t.is_number and len(t.norm) >= 2] + _capitalised_inside(toks)
    if not cands:
        return None
    mine = d.vocabulary(side)[0]
    every, caps, inner = d.vocabulary("tgt" if side == "src" else "src")
    langs = [x for x in (d.ctx.src_lang, d.ctx.tgt_lang) if has_wordlist(x)]
    others = d.tgt if side == "src" else d.src
    bead_of = d.bead_of_tgt if side == "src" else d.bead_of_src
    found: list[tuple[int, Token]] = []
    for t in dict((t.norm, t) for t in cands).values():
        if not t.is_number and any(zipf(t.norm, x) >= 3.0 for x in langs):
            continue
        if mine.sents.get(t.norm, {s.index}) != {s.index} or mine.where(t.norm) != {s.index}:
            continue
        at = (every if t.is_number else caps if by_case else inner).where(t.norm)
        if len(at) == 1:
            found.append((at.pop(), t))
    beads = {bead_of.get(k) for k, _ in found}
    if not found or len(beads) != 1 or None in beads or all(t.is_number for _, t in found):
        return None
    q = d.pairs[beads.pop()]
    if not q.src or not q.tgt:
        return None
    found.sort(key=lambda kt: kt[0])
    return others[found[0][0]], [t for _, t in found]


def _member_by_similarity(d: _Doc, an: Analysis) -> None:
    """In a 2-1 (1-2) bead, an edge sentence that looks unrelated to the other side while its
    partner clearly matches, and without which the lengths fit: not translated (added). Needs a
    language pair whose sentences can be recognised by their words.

    The aligner may absorb an added or omitted sentence into such a bead when the merged length
    fits. Two readings are tested: the edge sentence unrelated (similarity at chance level, none
    of its own numbers or names on the other side), the rest matching and the length clearly
    better without it; or, when the contrast in words is stronger (similarity no higher than
    that of a typical unrelated pair, the rest clearly matching), the length merely normal
    without it. Both are needed in real text: genuine merges show unrelated-looking members too,
    but then the merged length is the normal one."""
    d.features()
    if d.mu_match - d.mu_rand < 0.05:
        return
    for p in d.pairs:
        if not p.src or not p.tgt or (len(p.src) == 1) == (len(p.tgt) == 1):
            continue
        side = "src" if len(p.src) > 1 else "tgt"
        group, other = (p.src, p.tgt) if side == "src" else (p.tgt, p.src)
        if len(other) != 1 or any((side, s.index) in an.taken for s in group):
            continue
        o = other[0]
        for lone in (group[-1], group[0]):
            rest = [s for s in group if s is not lone]
            if _words(lone.text) < 4:
                continue

            def z(s: Sentence) -> float:
                return d.sim_z(s.index, o.index) if side == "src" else d.sim_z(o.index, s.index)

            def cos(s: Sentence) -> float:
                return d.cos(s.index, o.index) if side == "src" else d.cos(o.index, s.index)

            # the rest must match about as well as a typical linked pair (z 1.0 is the median
            # of the linked pairs: a pair at the median itself must not fail by a rounding error)
            z_lone, z_other = z(lone), min(z(s) for s in rest)
            if z_lone > 0.2 or cos(lone) > d.rand_hi or z_other < 0.9:
                continue
            if _shares_anchor(d, side, lone, rest, o):
                continue  # a number or name of its own is there: (partly) translated
            if _dict_renders_beside(d, p, side, lone, rest, [o]):
                continue  # the aligner cut it into the wrong bead: a cut off by one, not an addition
            l_rest = sum(text_length(s.text) for s in rest)
            l_all = l_rest + text_length(lone.text)
            lo = text_length(o.text)
            z_rest = d.ratio_z(l_rest, lo) if side == "src" else d.ratio_z(lo, l_rest)
            z_all = d.ratio_z(l_all, lo) if side == "src" else d.ratio_z(lo, l_all)
            by_length = abs(z_rest) <= 1.5 and abs(z_all) >= abs(z_rest) + 0.5
            by_words = z_lone <= 0.0 and z_other >= 1.5 and abs(z_rest) <= 1.25
            if not (by_length or by_words):
                continue
            if side == "src":
                msg = (f"The sentence {_quote(lone.text)} seems to have no translation: the translation "
                       "there covers only the sentence next to it.")
                an.issues.append(_Issue("TQ101", msg, src=lone, tgt=o, src_span=(0, len(lone.text)),
                                        confidence=0.6))
            else:
                msg = (f"The translation adds {_quote(lone.text)}, which does not match the source "
                       "sentence it stands with.")
                an.issues.append(_Issue("TQ102", msg, src=o, tgt=lone, tgt_span=(0, len(lone.text)),
                                        confidence=0.6))
            an.taken.add((side, lone.index))
            break


def _bead_beside(d: _Doc, p: Pair, side: str, x: Sentence) -> Pair | None:
    """The bead next to ``p`` on the edge where its sentence ``x`` (of ``side``) stands."""
    many = p.src if side == "src" else p.tgt
    k = p.index - 1 if x is many[0] else p.index + 1
    return d.pairs[k] if 0 <= k < len(d.pairs) and x in (many[0], many[-1]) else None


def _dict_cover(d: _Doc, dic, side: str, sents, theirs: set[str]) -> tuple[int, int]:
    """(translated, known) words the dictionary knows of ``sents`` (of ``side``) in the other
    side's text of keys ``theirs`` (:meth:`_Doc.dict_keys`)."""
    return dic.cover_keys(d.dict_keys(side, sents), theirs, source=side == "src")


def _other(side: str) -> str:
    return "tgt" if side == "src" else "src"


def _dict_renders_beside(d: _Doc, p: Pair, side: str, x: Sentence, rest: list[Sentence],
                         others: list[Sentence]) -> bool:
    """With the user's dictionary: whether the edge sentence ``x`` of bead ``p`` translates the
    bead beside it (:func:`_renders_neighbour`) at the rate ``rest`` translates ``others`` (its
    own bead's other side). Without a dictionary, or with no word of the rest known, False."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None or not rest or not others:
        return False
    theirs = d.dict_keys(_other(side), others)
    rest_hits, rest_known = _rest_cover(d, dic, side, rest, theirs)
    if not rest_known:
        return False
    chance = _chance_cover(d, dic, x, others[0], side)
    return _renders_neighbour(d, p, side, x, chance, rest_hits / rest_known)


def _rest_cover(d: _Doc, dic, side: str, rest: list[Sentence], theirs: set[str]) -> tuple[int, int]:
    """:func:`_dict_cover` of each sentence of ``rest`` on its own, summed (a word two of them
    share counts for each)."""
    cover = [_dict_cover(d, dic, side, [y], theirs) for y in rest]
    return sum(h for h, _ in cover), sum(k for _, k in cover)


def _shares_anchor(d: _Doc, side: str, lone: Sentence, rest: list[Sentence], o: Sentence | str) -> bool:
    """Whether a number or name of ``lone`` that the rest of its bead does not have appears in
    ``o`` (the other side of the bead: a sentence or its text)."""
    rest_toks = tokens(" ".join(s.text for s in rest))
    own = [t for t in d.anchors(side, lone.text) if not _found(t.norm, rest_toks)]
    if not own:
        return False
    gone = _missing(d, side, lone.text, o if isinstance(o, str) else o.text)
    return any(t not in gone for t in own)


def _clause_span(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause(s) of ``text`` holding all of ``spans`` (clauses end at , ; : brackets dashes)."""
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    a = max(c for c in cuts if c <= lo)
    b = min(c for c in cuts if c >= hi)
    seg = text[a:b]
    # trim spaces and the punctuation that separates clauses
    left = len(seg) - len(seg.lstrip(" ,;:—–-("))
    right = len(seg) - len(seg.rstrip(" ,;:—–-).!?"))
    return a + left, b - right


#: an aside in round, square or full-width brackets; each group holds the inside of one kind
_ASIDE = r"\(([^()]*)\)|\[([^\[\]]*)\]|（([^（）]*)）"
_BRACKETED = regex.compile(_ASIDE)
#: an aside in brackets that opens a sentence, with the spaces after it
_LEADING_ASIDE = regex.compile(rf"\s*(?:{_ASIDE})\s*")


def _aside_length(sents: list[Sentence]) -> int:
    """The length of the asides in brackets (brackets included) of ``sents``: what a translation
    may leave out, or add, as a gloss."""
    return sum(text_length(m.group(0)) for x in sents for m in _BRACKETED.finditer(x.text))


def _bracketed(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The inside of the one pair of brackets of ``text`` that holds all of ``spans`` (trimmed),
    or ``None``."""
    for m in _BRACKETED.finditer(text):
        g = next(k for k in (1, 2, 3) if m.group(k) is not None)
        a, b = m.span(g)
        if all(a <= s and e <= b for s, e in spans):
            inner = text[a:b]
            return a + len(inner) - len(inner.lstrip()), b - (len(inner) - len(inner.rstrip()))
    return None


def _missing(d: _Doc, side: str, text: str, other: str) -> list[Token]:
    """Anchors of ``text`` (numbers, names) that the other side of the bead does not have."""
    other_toks = _cjk_join(tokens(other))
    numbers = {o.norm for o in other_toks if o.is_number}
    words = None
    out = []
    conv = None
    for t in d.anchors(side, text):
        if t.is_number:
            if t.norm not in numbers:
                conv = d.converted(side, text, other) if conv is None else conv
                if not _inside_any(t, conv):  # a quantity converted to another unit is there
                    out.append(t)
        elif not (words := words or _Words(other_toks)).has(t.norm):
            out.append(t)
    return out


def _partial(d: _Doc, an: Analysis) -> None:
    for p in d.pairs:
        if not p.src or not p.tgt:
            continue
        if any(("src", s.index) in an.taken for s in p.src) or any(("tgt", t.index) in an.taken for t in p.tgt):
            continue
        ls, lt = text_length(p.src_text), text_length(p.tgt_text)
        if ls < 20 and lt < 20:
            continue
        z = d.ratio_z(ls, lt)
        # a sentence of a many-to-one bead that the translation does not cover
        if len(p.src) >= 2 and len(p.tgt) == 1 and z <= -1.5:
            if _member_omission(d, an, p, ls, lt):
                continue
        # the mirror case: a sentence of a one-to-many bead that the source does not cover
        if len(p.tgt) >= 2 and len(p.src) == 1 and z >= 1.5:
            if _member_addition(d, an, p, ls, lt):
                continue
        # with the user's dictionary: a member none of whose known words is translated there
        if d.ctx.cache.get(DICTIONARY) is not None and (
                _member_by_dictionary(d, an, p) or _link_by_dictionary(d, an, p)):
            continue
        if z <= -2.0:
            miss = _missing(d, "src", p.src_text, p.tgt_text)
            if miss:
                a, b = _clause_span(p.src_text, [(t.start, t.end) for t in miss])
                words = ", ".join(dict.fromkeys(t.text for t in miss))
                whole = (b - a) >= 0.8 * len(p.src_text.strip())
                if whole:
                    a, b = miss[0].start, miss[0].end
                note = _where_else(d, p, "src", miss)
                aside = None if note else _bracketed(p.src_text, [(t.start, t.end) for t in miss])
                if aside:
                    # an aside in brackets: often a gloss that the other language does not need
                    # ("Voie « Trumpfkönig » ( Roi d' Atout )" → "Route <Trumpf-könig>"), or a note
                    # of one edition ("( Traduction de Denis Stulz ) Départ …")
                    (a, b), note = aside, (f"; {'it stands' if len(miss) == 1 else 'they stand'} in "
                                           "brackets, perhaps a gloss or a note that the translation does "
                                           "not need.")
                msg = (f"Part of the source seems to be missing from the translation, which is unusually "
                       f"short and lacks {words}{note or '.'}")
                an.issues.append(_Issue("TQ103", msg, pair=p, src_span=(a, b), severity="minor" if note else None,
                                        confidence=min(0.9, 0.5 + 0.1 * len(miss) + 0.05 * (-z - 2))))
                continue
        if z >= 2.0:
            extra = _missing(d, "tgt", p.tgt_text, p.src_text)
            if extra:
                a, b = _clause_span(p.tgt_text, [(t.start, t.end) for t in extra])
                if (b - a) >= 0.8 * len(p.tgt_text.strip()):
                    a, b = extra[0].start, extra[0].end
                words = ", ".join(dict.fromkeys(t.text for t in extra))
                note = _where_else(d, p, "tgt", extra)
                msg = (f"The translation seems to add content that is not in the source: it is unusually "
                       f"long and has {words}{note or '.'}")
                an.issues.append(_Issue("TQ104", msg, pair=p, tgt_span=(a, b), severity="minor" if note else None,
                                        confidence=min(0.85, 0.45 + 0.1 * len(extra) + 0.05 * (z - 2))))


def _where_else(d: _Doc, p: Pair, side: str, anchors: list[Token]) -> str | None:
    """The end of a TQ103 (``side`` "src") or TQ104 ("tgt") message when the numbers and names
    the bead lacks stand in a nearby sentence of the other side (:func:`_relocated`), or, however
    far, in the one sentence of the other side that has each of those names while no other
    sentence of either text has them (:func:`_sole_places`): where they are. ``None``
    otherwise."""
    there = _relocated(d, p, side, p.src_text if side == "src" else p.tgt_text, anchors)
    where = "a nearby"
    if there is None:
        there = _sole_places(d, p, side, anchors)
        if there is None:
            return None
        where = "another"
    many = len({t.text for t in anchors}) > 1
    at = _quote_near(there.text, anchors[0].norm)
    if side == "src":
        return (f"; {'they appear' if many else 'it appears'} in {where} sentence of the translation "
                f"instead ({at}): the part may have been moved there.")
    return (f"; {'they are' if many else 'it is'} in {where} sentence of the source ({at}): that part "
            "may have been moved here.")


def _sole_places(d: _Doc, p: Pair, side: str, anchors: list[Token]) -> Sentence | None:
    """The sentence of the other side, outside bead ``p``, that holds every name of ``anchors``
    (the names ``side`` of the bead lacks on the other side) as the one place each text has
    them (:func:`_sole_place_elsewhere`, asked for each sentence of that side of the bead): a
    caption each edition prints in another place, however far. ``None`` when there is none, or
    when a number is among ``anchors``."""
    if any(t.is_number for t in anchors):
        return None
    own = {x.index for x in (p.tgt if side == "src" else p.src)}
    want = {t.norm for t in anchors}
    got: set[str] = set()
    there = None
    for x in (p.src if side == "src" else p.tgt):
        found = _sole_place_elsewhere(d, side, x)
        if found is None:
            continue
        y, names = found
        if y.index in own or (there is not None and y.index != there.index):
            return None
        there = y
        got |= {t.norm for t in names}
    return there if there is not None and want <= got else None


def _relocated(d: _Doc, p: Pair, side: str, text: str, anchors: list[Token],
               reach: int = 8) -> Sentence | None:
    """A sentence of the other side near bead ``p`` (not in it, at most ``reach`` sentences away)
    that holds all of ``anchors`` (the numbers and names ``side`` of the bead lacks on the other
    side; of two or more, one name may be there misspelt: :func:`_misspelt_in`) and at least two
    of the words of ``text`` (that side of the bead) the other side lacks:
    the part was translated with another sentence (a caption the translation placed elsewhere, a
    clause moved across a sentence boundary), not left out. ``None`` when there is no such
    sentence."""
    own = {x.index for x in (p.tgt if side == "src" else p.src)}
    others = d.tgt if side == "src" else d.src
    lo, hi = max(0, min(own) - reach), min(len(others), max(own) + reach + 1)
    here = _Words(_cjk_join(tokens(p.tgt_text if side == "src" else p.src_text)))
    words = {t.norm: t for t in _cjk_join(tokens(text)) if t.norm and (t.is_number or len(t.norm) >= 3)}
    words = [t for w, t in words.items() if not here.has(w)]
    for k in range(lo, hi):
        if k in own:
            continue
        there = _stands_in(d, side, text, others[k].text)
        if sum(map(there, words)) < 2:
            continue
        missing = [t for t in anchors if not there(t)]
        if not missing or (len(missing) == 1 and len(anchors) >= 2
                           and _misspelt_in(missing[0], others[k].text)):
            return others[k]
    return None


def _misspelt_in(t: Token, text: str) -> bool:
    """A word of ``text`` that may be name ``t`` damaged by OCR or a slip: the same first four
    letters and about as long (Uschenen / Üschpnpn). Never a number."""
    w = t.norm
    if t.is_number or len(w) < 5:
        return False
    return any(x.norm[:4] == w[:4] and abs(len(x.norm) - len(w)) <= 2 and x.norm != w
               for x in tokens(text) if not x.is_number)


def _member_omission(d: _Doc, an: Analysis, p: Pair, ls: float, lt: float) -> bool:
    """In a 2-1 (3-1) bead, an edge source sentence whose removal makes the length ratio normal and
    none of whose own numbers or names appear in the translation is not translated (where words
    give evidence, the rest of the bead must match, see :func:`_rest_matches`) — unless an aside
    in brackets of the rest, left out instead, makes the ratio normal as well (a gloss the
    translation does not need: :func:`_bracketed`)."""
    for s in (p.src[-1], p.src[0]):
        rest = [x for x in p.src if x is not s]
        l_rest = sum(text_length(x.text) for x in rest)
        l_s = text_length(s.text)
        if _words(s.text) < 3 or l_s < 0.12 * ls:
            continue
        z_rest = d.ratio_z(l_rest, lt)
        if abs(z_rest) > 1.0 or d.ratio_z(ls, lt) > z_rest - 0.8:
            continue
        if _shares_anchor(d, "src", s, rest, p.tgt[0]):
            continue  # a number or name of its own is in the translation: (partly) translated
        if _dict_renders_beside(d, p, "src", s, rest, list(p.tgt)):
            continue  # translated in the bead beside: the aligner's cut is off by one
        if not _rest_matches(d, "src", s, rest, p.tgt[0]):
            continue
        aside = _aside_length(rest)
        if aside and abs(d.ratio_z(ls - aside, lt)) <= 1.0:
            continue  # an aside in brackets left out explains the short translation as well
        msg = (f"The sentence {_quote(s.text)} seems to have no translation: the translation there covers "
               "only the sentence next to it.")
        an.issues.append(_Issue("TQ101", msg, pair=None, src=s, tgt=p.tgt[0], src_span=(0, len(s.text)),
                                confidence=0.6))
        an.taken.add(("src", s.index))
        return True
    return False


#: a member of a merged bead is read as untranslated by the dictionary when it has at least this
#: many words the dictionary knows, none translated on the other side, and the rest of the bead
#: at least :data:`_DICT_REST_HITS` words that are
_DICT_KNOWN = 4
_DICT_REST_HITS = 3
#: ... and the rest alone a length within this many standard deviations of the usual ratio (the
#: words decide; the lengths only rule out a genuine split, whose rest alone is far too short)
_DICT_REST_Z = 1.0
#: ... or within :data:`_DICT_REST_Z_MAX` of it, when the words outweigh the lengths: the
#: dictionary's log-likelihood ratio plus the lengths' (a normal rest against a normal whole,
#: (z_whole² − z_rest²) / 2) at least :data:`_DICT_LENGTH_ODDS`. Measured on neighbouring gold 1-1
#: pairs of Text+Berg, both directions (docs/alignment.md, round 19)
_DICT_REST_Z_MAX = 2.0
_DICT_LENGTH_ODDS = 5.0
#: ... or a few translated, when that many are far likelier at the rate the member's words are
#: translated by chance in sentences three to six places away (:func:`_chance_cover`) than at the
#: rate the rest of the bead translates its own: log-likelihood ratio of two binomials at least
#: this (a member that translates 1 of its 12 known words, 6 % by chance, beside a neighbour that
#: translates 16 of 38). Measured on neighbouring gold 1-1 pairs of Text+Berg, both directions
#: (docs/alignment.md, round 18)
_DICT_MEMBER_ODDS = 3.0
#: the least chance rate assumed (a sentence whose words meet none of their translations nearby)
_DICT_CHANCE_FLOOR = 0.02


def _chance_cover(d: _Doc, dic, x: Sentence, one: Sentence, side: str, near: int = 3, far: int = 6) -> float:
    """The share of ``x``'s known words that the other side's sentences ``near`` to ``far``
    places from ``one`` translate: how often this sentence's words meet a translation by
    chance in this document."""
    others = d.tgt if side == "src" else d.src
    hits = known = 0
    for k in itertools.chain(range(one.index - far, one.index - near + 1), range(one.index + near, one.index + far + 1)):
        if 0 <= k < len(others):
            h, n = _dict_cover(d, dic, side, [x], d.dict_keys(_other(side), [others[k]]))
            hits += h
            known += n
    return max(_DICT_CHANCE_FLOOR, hits / known if known else 0.0)


def _log_odds(hits: int, n: int, p0: float, p1: float) -> float:
    """log P(hits of n | rate p0) - log P(hits of n | rate p1): how much likelier so many hits
    are at the chance rate ``p0`` than at the rate ``p1`` of a translation (−inf when p1 <= p0)."""
    if p1 <= p0:
        return -math.inf
    p1 = min(p1, 0.9)  # no translation renders every word: a rest that seems to is a small sample
    return hits * math.log(p0 / p1) + (n - hits) * math.log((1 - p0) / (1 - p1))


def _dict_count(hits: int, known: int) -> str:
    return f"none of its {known} words" if not hits else f"only {hits} of its {known} words"


def _chance_note(hits: int, chance: float, then: str = "") -> str:
    return "" if not hits else f" (about as many as its words meet by chance nearby, {chance:.0%}{then})"


def _rest_rate(hits: int, rest_hits: int, rest_known: int, chance: float, there: str = "sentence") -> str:
    return _chance_note(hits, chance, f"; the {there} next to it {'has' if there == 'sentence' else 'have'} "
                                      f"{rest_hits} of {rest_known}")


def _untranslated_by_dictionary(d: _Doc, side: str, x: Sentence, rest: list[Sentence],
                                others: list[Sentence]) -> tuple[int, int, int, int, float] | None:
    """Whether the user's dictionary reads ``x`` (of ``side``) as rendering nothing of ``others``
    (sentences of the other side) that ``rest`` (sentences of ``side``) render: ``x`` has at
    least :data:`_DICT_KNOWN` words the dictionary knows and none translated in ``others``, or so
    few that chance explains them far better than the rate at which ``rest`` is translated there
    (:data:`_DICT_MEMBER_ODDS`), while ``rest`` has at least :data:`_DICT_REST_HITS` translated.
    Then (hits, known, rest's hits, rest's known, chance rate), else None (no dictionary, too few
    known words, or the words do not tell)."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None or not rest or not others:
        return None
    theirs = d.dict_keys(_other(side), others)
    hits, known = _dict_cover(d, dic, side, [x], theirs)
    if known < _DICT_KNOWN:
        return None
    rest_hits, rest_known = _rest_cover(d, dic, side, rest, theirs)
    if rest_hits < _DICT_REST_HITS:
        return None
    chance = _chance_cover(d, dic, x, others[0], side)
    if hits and _log_odds(hits, known, chance, rest_hits / rest_known) < _DICT_MEMBER_ODDS:
        return None  # some words translated: as likely a free rendering as words met by chance
    return hits, known, rest_hits, rest_known, chance


def _renders_neighbour(d: _Doc, p: Pair, side: str, x: Sentence, chance: float, rate: float) -> bool:
    """Whether the edge sentence ``x`` of bead ``p`` translates (or is translated by) the other
    side of the bead beside it, by the user's dictionary (:func:`_renders_in`). A sentence in the
    middle of its side is read against the beads on both sides (content the layout placed inside
    another sentence's translation)."""
    many = p.src if side == "src" else p.tgt
    return _renders_in(d, side, x, [_bead_beside(d, p, side, x)] if x in (many[0], many[-1]) else _beads_around(d, p),
                       chance, rate)


def _beads_around(d: _Doc, p: Pair) -> list[Pair]:
    return [d.pairs[k] for k in (p.index - 1, p.index + 1) if 0 <= k < len(d.pairs)]


def _reads_translated(hits: int, known: int, chance: float, rate: float) -> bool:
    """Whether so many translated words read as a translation by the user's dictionary: at least
    :data:`_DICT_REST_HITS`, far likelier at ``rate`` (a translation's) than at ``chance`` (the
    log-likelihood ratio of :data:`_DICT_MEMBER_ODDS`; two of five common words met by chance
    are not enough, and a rate no better than chance tells nothing)."""
    return hits >= _DICT_REST_HITS and rate > chance and -_log_odds(hits, known, chance, rate) >= _DICT_MEMBER_ODDS


def _renders_in(d: _Doc, side: str, x: Sentence, beads, chance: float, rate: float) -> bool:
    """Whether ``x`` (of ``side``) translates the other side of one of ``beads``, by the user's
    dictionary (:func:`_reads_translated`)."""
    for q in beads:
        theirs = () if q is None else (q.tgt if side == "src" else q.src)
        if not theirs:
            continue
        hits, known = _dict_cover(d, d.ctx.cache[DICTIONARY], side, [x], d.dict_keys(_other(side), theirs))
        if _reads_translated(hits, known, chance, rate):
            return True
    return False


def _untranslated_member(d: _Doc, side: str, x: Sentence, rest: list[Sentence], others: list[Sentence],
                         strict: bool) -> tuple[int, int, int, int, float] | None:
    """The reading of :func:`_untranslated_by_dictionary` for ``x`` beside ``rest`` (sentences of
    its side that ``others`` translate), when the lengths allow it: the rest alone has a usual
    length, or one a little off (:data:`_DICT_REST_Z_MAX`) that the words outweigh
    (:data:`_DICT_LENGTH_ODDS`); ``strict``: the words must also decide alone
    (:data:`_DICT_MEMBER_ODDS`, even with none translated); and no number or name of ``x``
    stands on the other side. Else None."""
    l_others = sum(text_length(o.text) for o in others)
    l_rest = sum(text_length(y.text) for y in rest)
    z_rest = d.ratio_z(l_rest, l_others) if side == "src" else d.ratio_z(l_others, l_rest)
    if abs(z_rest) > _DICT_REST_Z_MAX:
        return None
    read = _untranslated_by_dictionary(d, side, x, rest, others)
    if read is None:
        return None
    hits, known, rest_hits, rest_known, chance = read
    odds = _log_odds(hits, known, chance, rest_hits / rest_known)
    if strict and odds < _DICT_MEMBER_ODDS:
        return None
    if abs(z_rest) > _DICT_REST_Z:
        # the rest alone is of an unusual length: only words that outweigh it decide
        l_all = l_rest + text_length(x.text)
        z_all = d.ratio_z(l_all, l_others) if side == "src" else d.ratio_z(l_others, l_all)
        if odds + (z_all * z_all - z_rest * z_rest) / 2 < _DICT_LENGTH_ODDS:
            return None
    if _shares_anchor(d, side, x, rest, " ".join(o.text for o in others)):
        return None  # a number or name of its own is on the other side: (partly) translated
    return read


def _member_by_dictionary(d: _Doc, an: Analysis, p: Pair) -> bool:
    """In a bead of several sentences on a side (2-1, 1-2, 2-2, 1-3 …), a sentence of such a
    side (an edge one first, else one in the middle) that has words the user's dictionary knows
    (at least :data:`_DICT_KNOWN`) and not one of them translated in the other side (or so few
    that chance explains them far better, see :func:`_untranslated_by_dictionary`), while the
    rest of its side has several that are and alone has a usual length (or one a little off,
    :data:`_DICT_REST_Z_MAX`, that the words outweigh): omitted (added). Where the lengths cannot
    tell (a short added sentence barely changes the merged length), the dictionary can; a
    genuine split keeps its words on both parts."""
    for side, many, others in (("src", p.src, p.tgt), ("tgt", p.tgt, p.src)):
        if len(many) < 2 or not others:
            continue
        # the edges first; a middle member of three or more too (a sentence inserted inside a
        # split, or left out between its neighbours' translations)
        for x in dict.fromkeys((many[-1], many[0], *many[1:-1])):
            if _words(x.text) < 3 or (side, x.index) in an.taken:
                continue
            rest = [y for y in many if y is not x]
            # in the middle, its own evidence must decide (four unmatched words may be chance)
            read = _untranslated_member(d, side, x, rest, list(others), x not in (many[0], many[-1]))
            if read is None:
                continue
            hits, known, rest_hits, rest_known, chance = read
            if _renders_neighbour(d, p, side, x, chance, rest_hits / rest_known):
                continue  # the aligner put it in the wrong bead: a cut off by one, not an addition
            there = "sentence" if len(rest) == 1 else "sentences"
            _report_untranslated(an, side, x, others[0], f"covers only the {there} next to it",
                                 f"is covered by the {there} next to it", hits, known,
                                 _rest_rate(hits, rest_hits, rest_known, chance, there))
            return True
    return False


def _report_untranslated(an: Analysis, side: str, x: Sentence, other: Sentence, src_where: str, tgt_where: str,
                         hits: int, known: int, tail: str) -> None:
    """The TQ101 (``side`` "src") or TQ102 of a sentence whose words the user's dictionary
    knows, none (or a few by chance) translated where the aligner put it: the translation there
    ``src_where`` (the source there ``tgt_where``); ``tail`` ends the message."""
    if side == "src":
        msg = (f"The sentence {_quote(x.text)} seems to have no translation: the translation there {src_where}, "
               f"and {_dict_count(hits, known)} that the dictionary knows {'is' if hits < 2 else 'are'} "
               f"translated in it{tail}.")
        an.issues.append(_Issue("TQ101", msg, pair=None, src=x, tgt=other, src_span=(0, len(x.text)), confidence=0.6))
    else:
        msg = (f"The translation adds {_quote(x.text)}: the source there {tgt_where}, and {_dict_count(hits, known)} "
               f"that the dictionary knows {'translates' if hits < 2 else 'translate'} a word of that source{tail}.")
        an.issues.append(_Issue("TQ102", msg, src=other, tgt=x, tgt_span=(0, len(x.text)), confidence=0.6))
    an.taken.add((side, x.index))


def _member_for_stray(d: _Doc, an: Analysis, p: Pair, side: str) -> bool:
    """With the user's dictionary: the unlinked sentence ``y`` of bead ``p`` (1-0, ``side``
    "src"; 0-1, "tgt") stands beside a bead of several sentences on its side whose other side
    the dictionary reads ``y`` as translating (:func:`_reads_translated`, at the document's rate
    of sure links), while a member of that bead renders nothing of it, read with ``y`` in its
    place (:func:`_untranslated_member`, its own evidence deciding, the lengths fitting) and
    translates no bead beside: the aligner put the member where ``y`` belongs — a sentence
    inserted between the two sentences that translate one, or left out between two that one
    sentence renders. The member is omitted (added) and ``y``, joined to that bead, is not."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None:
        return False
    y = (p.src if side == "src" else p.tgt)[0]
    if _words(y.text) < 3:
        return False
    rate = d.dict_rates()[1]
    for k in (p.index - 1, p.index + 1):
        if not 0 <= k < len(d.pairs):
            continue
        q = d.pairs[k]
        many, others = (q.src, q.tgt) if side == "src" else (q.tgt, q.src)
        if len(many) < 2 or not others or any((side, m.index) in an.taken for m in many) or \
                any((_other(side), o.index) in an.taken for o in others):
            continue
        yh, yk = _dict_cover(d, dic, side, [y], d.dict_keys(_other(side), others))
        if not _reads_translated(yh, yk, _chance_cover(d, dic, y, others[0], side), rate):
            continue
        for x in many:
            if _words(x.text) < 3:
                continue
            rest = [m for m in many if m is not x] + [y]
            read = _untranslated_member(d, side, x, rest, list(others), True)
            if read is None:
                continue
            hits, known, rest_hits, rest_known, chance = read
            if _renders_in(d, side, x, _beads_around(d, q), chance, rest_hits / rest_known):
                continue  # it translates a bead beside: the aligner's cut is off, not an addition
            y_at = f"the sentence {'before' if y.index < x.index else 'after'} it, {_quote(y.text, 40)}, with its neighbour"
            _report_untranslated(an, side, x, others[0], f"renders {y_at}", f"is translated by {y_at}", hits, known,
                                 _rest_rate(hits, rest_hits, rest_known, chance, "sentences"))
            return True
    return False


def _link_by_dictionary(d: _Doc, an: Analysis, p: Pair) -> bool:
    """With the user's dictionary, a 1-1 link whose target (source) sentence renders nothing of
    its partner, read either way (its known words translated there no more than chance explains,
    far less than the document's sure links translate theirs: :data:`_DICT_MEMBER_ODDS`; and the
    partner's in it alike), while the partner's own words are translated in the bead beside (at
    least :data:`_DICT_REST_HITS`, as a translation's rate explains far better than chance), a
    bead whose own two sides the dictionary reads as a translation alike (else two neighbours
    may be exchanged), and the sentence itself translates no bead beside (else it is part of a
    translation the aligner cut off there): the aligner linked a sentence from elsewhere in
    place of an addition (omission), and the partner belongs with its neighbour (two sentences
    translated as one there). Added (omitted). A partner with too few known words to be read so
    may be placed by the lengths instead (:func:`_joins_by_length`)."""
    if len(p.src) != 1 or len(p.tgt) != 1:
        return False
    dic = d.ctx.cache[DICTIONARY]
    p0, rate = d.dict_rates()
    around = _beads_around(d, p)

    def confirmed(q: Pair) -> bool:
        """Whether the dictionary reads the bead's own two sides as a translation."""
        return _reads_translated(*_dict_cover(d, dic, "src", q.src, d.dict_keys("tgt", q.tgt)), p0, rate)

    for side, x, y in (("tgt", p.tgt[0], p.src[0]), ("src", p.src[0], p.tgt[0])):
        if _words(x.text) < 3 or (side, x.index) in an.taken:
            continue
        hits, known = _dict_cover(d, dic, side, [x], d.dict_keys(_other(side), [y]))
        if known < _DICT_KNOWN or hits >= rate * known:
            continue  # (translated at a sure link's rate: no chance rate can explain it better)
        chance = _chance_cover(d, dic, x, y, side)
        x_odds = _log_odds(hits, known, chance, rate)
        if x_odds < _DICT_MEMBER_ODDS:
            continue  # as likely a free rendering of its partner
        own_h, own_k = _dict_cover(d, dic, _other(side), [y], d.dict_keys(side, [x]))
        if own_h >= rate * own_k:
            continue
        y_chance = _chance_cover(d, dic, y, x, _other(side))
        y_odds = _log_odds(own_h, own_k, y_chance, rate) if own_k else 0.0
        if y_odds < 0:
            continue  # read the other way, the partner's words are translated there
        strict = own_k >= _DICT_KNOWN and y_odds >= _DICT_MEMBER_ODDS
        there = None
        for q in reversed(around):  # the next bead first
            theirs = q.tgt if side == "tgt" else q.src
            if not theirs or not (q.src if side == "tgt" else q.tgt):
                continue
            yh, yk = _dict_cover(d, dic, _other(side), [y], d.dict_keys(side, theirs))
            if strict and _reads_translated(yh, yk, y_chance, rate) and confirmed(q):
                there = (q, yh, yk, False)
                break
            if not strict and _joins_by_length(d, side, p, q, y, x_odds, y_odds, yh, yk, y_chance, rate):
                there = (q, yh, yk, True)
                break
        if there is None or _renders_in(d, side, x, around, chance, rate):
            continue  # (it renders a sentence beside: part of a translation the aligner cut off)
        if _shares_anchor(d, side, x, [], y.text):
            continue  # a number or name of its own is in the partner: (partly) translated
        q, yh, yk, by_length = there
        where = "next" if q.index > p.index else "previous"
        if side == "tgt":
            tail = (f"; that source sentence belongs with the {where} sentence of the translation, which is too long "
                    f"for its own source alone" + (f" and translates {yh} of its {yk} known words" if yh else "") + "."
                    if by_length else f", whose words are translated in the {where} sentence of the translation "
                    f"instead ({yh} of its {yk}).")
            msg = (f"The translation adds {_quote(x.text)}: {_dict_count(hits, known)} that the dictionary knows "
                   f"{'translates' if hits < 2 else 'translate'} a word of the source sentence it stands with"
                   f"{_chance_note(hits, chance)}" + tail)
            an.issues.append(_Issue("TQ102", msg, src=y, tgt=x, tgt_span=(0, len(x.text)), confidence=0.6))
        else:
            tail = (f"; that sentence belongs with the translation of the {where} source sentence, which is too "
                    f"short without it" + (f" ({yh} of its {yk} known words render that source sentence)" if yh else "")
                    + "." if by_length else f", which renders the {where} sentence of the source instead ({yh} of its "
                    f"{yk} words).")
            msg = (f"The sentence {_quote(x.text)} seems to have no translation: {_dict_count(hits, known)} that "
                   f"the dictionary knows {'is' if hits < 2 else 'are'} translated in the sentence it is linked to"
                   f"{_chance_note(hits, chance)}" + tail)
            an.issues.append(_Issue("TQ101", msg, pair=None, src=x, tgt=y, src_span=(0, len(x.text)),
                                    confidence=0.6))
        an.taken.add((side, x.index))
        return True
    return False


def _joins_by_length(d: _Doc, side: str, p: Pair, q: Pair, y: Sentence, x_odds: float, y_odds: float, yh: int,
                     yk: int, y_chance: float, rate: float) -> bool:
    """For :func:`_link_by_dictionary`, when the partner ``y`` of the 1-1 link ``p`` has too few
    words the dictionary knows to be read on its own: whether the evidence that ``y`` belongs
    with the bead ``q`` beside outweighs the rest: the partner's words read as not translated in
    its link (``y_odds``), the link's unusual length, how much more usual ``q``'s length becomes
    with ``y`` joined (it must become usual, within :data:`_DICT_REST_Z`) and ``y``'s words
    translated in ``q`` (each a log-likelihood ratio; together at least twice
    :data:`_DICT_MEMBER_ODDS`, what the reading by words alone asks). The lengths read alike with
    ``q`` as the addition and ``y`` joined to the sentence in question, so the words must tell
    the two apart: the sentence (``x_odds``) reads as chance by :data:`_DICT_MEMBER_ODDS` more
    than either side of ``q`` does against the other."""
    l_x = text_length((p.tgt if side == "tgt" else p.src)[0].text)
    l_y = text_length(y.text)
    l_qs, l_qt = sum(text_length(a.text) for a in q.src), sum(text_length(b.text) for b in q.tgt)
    z0 = d.ratio_z(l_qs, l_qt)
    if side == "tgt":  # y is a source sentence, joined to q's source side
        z_link, z1 = d.ratio_z(l_y, l_x), d.ratio_z(l_qs + l_y, l_qt)
    else:
        z_link, z1 = d.ratio_z(l_x, l_y), d.ratio_z(l_qs, l_qt + l_y)
    if abs(z1) > _DICT_REST_Z or abs(z1) >= abs(z0):
        return False
    dic, p0 = d.ctx.cache[DICTIONARY], d.dict_rates()[0]
    for a, mine, theirs in (("src", q.src, q.tgt), ("tgt", q.tgt, q.src)):
        qh, qk = _dict_cover(d, dic, a, mine, d.dict_keys(_other(a), theirs))
        if qk and x_odds - _log_odds(qh, qk, p0, rate) < _DICT_MEMBER_ODDS:
            # the lengths read alike with the bead beside as the addition (the partner joined to
            # the sentence in question): its words must say clearly that the sentence is the one
            return False
    words = max(0.0, -_log_odds(yh, yk, y_chance, rate)) if yh and rate > y_chance else 0.0
    return y_odds + z_link * z_link / 2 + (z0 * z0 - z1 * z1) / 2 + words >= 2 * _DICT_MEMBER_ODDS


def _rest_matches(d: _Doc, side: str, lone: Sentence, rest: list[Sentence], o: Sentence) -> bool:
    """Where the document's words give evidence (related sentences look clearly more alike than
    unrelated ones): whether the rest of a many-to-one bead matches ``o`` better than chance and
    better than ``lone`` does. Else the bead as a whole is doubtful (the aligner may have linked
    the wrong sentences), and the lengths do not tell which member is the odd one. Without such
    evidence, True: the lengths decide alone."""
    d.features()
    if d.mu_match - d.mu_rand < 0.05:
        return True

    def z(x: Sentence) -> float:
        return d.sim_z(x.index, o.index) if side == "src" else d.sim_z(o.index, x.index)

    z_rest = min(z(x) for x in rest)
    return z_rest >= 0.5 and z(lone) < z_rest


def _member_addition(d: _Doc, an: Analysis, p: Pair, ls: float, lt: float) -> bool:
    """In a 1-2 (1-3) bead, an edge target sentence without which the length ratio is normal,
    with which the translation is clearly too long, and none of whose own numbers or names are in
    the source: added (the mirror of :func:`_member_omission`).

    The aligner prefers such a merge to an added sentence when the merged length is merely
    unusual (a merge is far more common than an addition); the length evidence then points the
    other way, which needs no shared words (language pairs whose sentences cannot be recognised
    by their words). A genuine split of one source sentence has a normal merged length, or
    needs both parts. Where words do give evidence, the sentence must not match the source
    better than the rest of the bead does, and the rest must match it better than chance (else the
    whole bead is doubtful, not one member)."""
    o = p.src[0]
    for t in (p.tgt[-1], p.tgt[0]):
        rest = [x for x in p.tgt if x is not t]
        l_rest = sum(text_length(x.text) for x in rest)
        l_t = text_length(t.text)
        if _words(t.text) < 3 or l_t < 0.12 * lt or ("tgt", t.index) in an.taken:
            continue
        z_rest = d.ratio_z(ls, l_rest)
        if abs(z_rest) > 1.0 or d.ratio_z(ls, lt) < z_rest + 0.8:
            continue
        if _shares_anchor(d, "tgt", t, rest, o):
            continue  # a number or name of its own is in the source: (partly) translated
        if _dict_renders_beside(d, p, "tgt", t, rest, [o]):
            continue  # it translates the source of the bead beside: the aligner's cut is off by one
        if not _rest_matches(d, "tgt", t, rest, o):
            continue
        aside = _aside_length(rest)
        if aside and abs(d.ratio_z(ls, lt - aside)) <= 1.0:
            continue  # an aside in brackets (a translator's gloss) explains the long translation as well
        msg = (f"The translation adds {_quote(t.text)}: the source sentence it stands with is covered "
               "by the sentence next to it, and with it the translation is unusually long.")
        an.issues.append(_Issue("TQ102", msg, src=o, tgt=t, tgt_span=(0, len(t.text)), confidence=0.6))
        an.taken.add(("tgt", t.index))
        return True
    return False


def _emit(ctx: CheckContext, code: str) -> Iterator[Finding]:
    for it in analyse(ctx).issues:
        if it.code != code:
            continue
        if len(it.src_run) > 1 or len(it.tgt_run) > 1:
            # a finding over runs of sentences: a pair made of the runs, spans over all of them
            src = it.src_run or ((it.src,) if it.src else ())
            tgt = it.tgt_run or ((it.tgt,) if it.tgt else ())
            run = Pair(it.pair.index if it.pair else -1,
                       Bead(tuple(x.index for x in src), tuple(x.index for x in tgt)), src, tgt)
            yield ctx.finding(code, run, message=it.message,
                              src_span=(0, len(run.src_text)) if src else None,
                              tgt_span=(0, len(run.tgt_text)) if tgt else None,
                              confidence=it.confidence, severity=it.severity,
                              src_excerpt=it.excerpt_src, tgt_excerpt=it.excerpt_tgt)
            continue
        if it.pair is not None and it.src is None and it.tgt is None:
            yield ctx.finding(code, it.pair, message=it.message, src_span=it.src_span, tgt_span=it.tgt_span,
                              confidence=it.confidence, severity=it.severity,
                              src_excerpt=it.excerpt_src, tgt_excerpt=it.excerpt_tgt)
        else:
            yield ctx.finding(code, it.pair, message=it.message, src_span=it.src_span if it.src else None,
                              tgt_span=it.tgt_span if it.tgt else None, src_sentence=it.src,
                              tgt_sentence=it.tgt, confidence=it.confidence, severity=it.severity,
                              src_excerpt=it.excerpt_src, tgt_excerpt=it.excerpt_tgt)


# -- the rules -----------------------------------------------------------------------------------
@rule("TQ101", "omitted-sentence", category="omission", severity="major", scope="document",
      description="A source sentence has no translation.",
      example=("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
               "All 27 member states took part in the long debate about the new rules for the union. "
               "The next session is planned for October in Vienna.",
               "Der Ausschuss tagte am 3. März in Genf. Er verabschiedete den Haushalt für 2023. "
               "Die nächste Sitzung ist für Oktober in Wien geplant.", "en", "de"))
def omitted_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence of the source has no counterpart in the translation (a 1-0 bead of the
    alignment). Not reported when the sentence is found elsewhere in the translation (TQ105),
    or when the neighbouring translation is long enough to hold it (the translator merged two
    sentences). Also a sentence that the aligner joined with its neighbour although the
    translation has only the neighbour's length and none of the sentence's own numbers or names.
    With a dictionary (``--dictionary``), also a sentence of a merged bead whose words the
    dictionary knows are not translated (or no more often than by chance) while its
    neighbour's are, and a sentence linked one to one with a translation that renders nothing
    of it but renders the source sentence beside it (or, too short to be read by its words,
    makes the translation beside of a usual length), and a sentence of a merged bead that an
    unlinked translation beside it renders instead.
    Short sentences (fewer than four words) are reported as minor."""
    yield from _emit(ctx, "TQ101")


@rule("TQ102", "added-sentence", category="addition", severity="major", scope="document",
      description="The translation has a sentence that is not in the source.",
      example=("The meeting was held in Berlin on 12 May 2021. The next meeting will be in Paris in 2022.",
               "Das Treffen fand am 12. Mai 2021 in Berlin statt. Alle Teilnehmer waren sehr zufrieden "
               "mit den Ergebnissen. Das nächste Treffen findet 2022 in Paris statt.", "en", "de"))
def added_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence of the translation has no counterpart in the source (a 0-1 bead). Added
    content changes what the text says, so it is major; additions of two or three words are
    minor, and a lone added word (a heading split in two, a label) is not reported. With a
    dictionary (``--dictionary``), also a sentence of a merged bead whose words the dictionary
    knows translate nothing of the source there (or no more than by chance) while its
    neighbour's do, and a sentence linked one to one with a source sentence it renders nothing
    of, whose words are translated in the sentence beside it instead (or whose length that
    sentence needs), and a sentence of a merged bead standing where an unlinked sentence beside
    it belongs: the two parts of a translation with the added sentence between them."""
    yield from _emit(ctx, "TQ102")


@rule("TQ103", "partial-omission", category="omission", severity="major", scope="document",
      description="Part of a source sentence is missing from its translation.",
      example=("We visited Berlin, Hamburg, Munich and Cologne with 25 colleagues from 14 countries in 2019.",
               "2019 haben wir Berlin besucht.", "en", "de"))
def partial_omission(ctx: CheckContext) -> Iterator[Finding]:
    """An aligned pair whose translation is far shorter than the document's usual length ratio
    and lacks numbers or names of the source; the excerpt is the clause they are in. When the
    missing numbers and names (and two more of the sentence's words) are in one translation
    sentence nearby, the part was placed there (a caption, a clause moved across a sentence
    boundary): the finding is minor and quotes where it is."""
    yield from _emit(ctx, "TQ103")


@rule("TQ104", "partial-addition", category="addition", severity="minor", scope="document",
      description="The translation of a sentence adds content that is not in the source.",
      example=("We visited Berlin in 2019.",
               "2019 haben wir Berlin besucht, danach Hamburg, München und Köln mit 25 Kollegen aus 14 Ländern.",
               "en", "de"))
def partial_addition(ctx: CheckContext) -> Iterator[Finding]:
    """The mirror of TQ103: a translation far longer than the document's usual ratio that has
    numbers or names the source sentence does not have (and says so when a source sentence
    nearby has them: the part was moved here)."""
    yield from _emit(ctx, "TQ104")


@rule("TQ105", "moved-content", category="reorder", severity="major", scope="document",
      description="A sentence is translated at another place in the text.",
      example=("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
               "The chair, Maria Lopez, thanked the 12 interpreters. "
               "The next session is planned for October in Vienna. "
               "Delegates from 40 countries attended the debate on Tuesday.",
               "Der Ausschuss tagte am 3. März in Genf. Er verabschiedete den Haushalt für 2023. "
               "Die nächste Sitzung ist für Oktober in Wien geplant. Delegierte aus 40 Ländern nahmen "
               "am Dienstag an der Debatte teil. Die Vorsitzende Maria Lopez dankte den 12 Dolmetschern.",
               "en", "de"))
def moved_content(ctx: CheckContext) -> Iterator[Finding]:
    """A source sentence (or a run of them) has no translation at its place, and a matching
    translation stands elsewhere with no source of its own; or two neighbouring passages (a
    paragraph moved past others, two sentences swapped) are translated in exchanged order. One
    finding points at both places instead of an omission plus an addition. The exchanged
    reading is tested against the straight one with the aligner's evidence (shared names,
    numbers and cognates, the document's learned lexicon, length ratio) and reported only when
    clearly better; swapped neighbours are minor. With a user's dictionary (``--dictionary``) its
    word pairs count too, and two neighbours whose known words it finds translated only crossed
    are a swap whatever beads the aligner made. Order changes inside a sentence are never
    findings."""
    yield from _emit(ctx, "TQ105")


@rule("TQ106", "duplicated-translation", category="addition", severity="major", scope="document",
      description="A translation is repeated, or one source sentence is translated twice.",
      example=("The meeting was held in Berlin on 12 May 2021. The next meeting will be in Paris in 2022.",
               "Das Treffen fand am 12. Mai 2021 in Berlin statt. Das Treffen fand am 12. Mai 2021 in "
               "Berlin statt. Das nächste Treffen findet 2022 in Paris statt.", "en", "de"))
def duplicated_translation(ctx: CheckContext) -> Iterator[Finding]:
    """A target sentence appears twice while the source has it once (copy-paste, or the same
    translation reused for a different source sentence that is not alike), or two consecutive
    target sentences are the same (whichever beads the aligner put them in) while the source
    does not repeat itself there."""
    yield from _emit(ctx, "TQ106")
