"""TQ10x: completeness — omitted, added, moved and duplicated content.

These checks read the alignment. One analysis per document pair
(:func:`analyse`, cached in ``ctx.cache``) decides what each unlinked or
suspicious sentence is, in this order, so that nothing is reported twice:

1. a 1-0 bead and a 0-1 bead elsewhere whose texts match are *moved* content
   (TQ105), not an omission plus an addition;
2. a target sentence that repeats another one, or a source sentence translated
   twice, is a *duplicate* (TQ106);
3. what is left of the 1-0 beads are *omitted sentences* (TQ101) and of the 0-1
   beads *added sentences* (TQ102), unless the neighbouring translation is long
   enough to hold them (then the aligner merely missed a merge);
4. aligned pairs far shorter (longer) than the document's usual length ratio,
   with numbers or names of one side missing from the other, are *partial
   omissions* (TQ103) or *partial additions* (TQ104); a sentence of a 2-1 bead
   that the translation does not cover is a partial omission too.

Everything is learned from the document pair (length ratio, which words are
shared by both languages, whether capital letters mark names); nothing knows a
particular language.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import regex
from rapidfuzz import fuzz

from ..align.features import Token, build_features, script_factor, tokens
from ..align.lengths import text_length
from ..document import Sentence
from ..findings import Finding
from .base import CheckContext, Pair, rule

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


@dataclass
class Analysis:
    issues: list[_Issue] = field(default_factory=list)
    #: sentences already reported (side, index): later steps leave them alone
    taken: set[tuple[str, int]] = field(default_factory=set)


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
            if k == 0 or t.text.isupper() and len(t.text) > 1 and k == 0:
                continue
            prev = text[toks[k - 1].end:t.start]
            if any(ch in prev for ch in ".!?:;\u3002\"\u201c\u00ab"):
                continue
            out.append(t)
        return out

    # features ---------------------------------------------------------------------------------
    def features(self):
        if self._feat is None:
            FS, FT, _ = build_features([s.text for s in self.src], [s.text for s in self.tgt])
            self._feat = (FS, FT)
            # typical similarity of linked and of unrelated sentences
            linked, unrelated = [], []
            ones = [p for p in self.pairs if len(p.src) == 1 and len(p.tgt) == 1]
            for k, p in enumerate(ones):
                linked.append(self.cos(p.src[0].index, p.tgt[0].index))
                q = ones[(k + 7) % len(ones)]
                if q is not p:
                    unrelated.append(self.cos(p.src[0].index, q.tgt[0].index))
            self.mu_match = float(np.median(linked)) if linked else 0.0
            self.mu_rand = float(np.median(unrelated)) if unrelated else 0.0
        return self._feat

    def cos(self, i: int, j: int) -> float:
        FS, FT = self.features()
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


def _found(word: str, toks: list[Token]) -> bool:
    return any(_similar_word(word, t.norm) for t in toks if t.norm)


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
    _moves(d, an, omitted, added)
    _duplicates(d, an, added)
    _unlinked(d, an, omitted, added)
    _partial(d, an)
    return an


def _moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    """A 1-0 and a 0-1 bead far apart whose texts match: content moved elsewhere."""
    if not omitted or not added or len(omitted) * len(added) > 90_000:
        return
    d.features()
    if d.mu_match - d.mu_rand < 0.05:
        return  # the languages share too little material to recognise a sentence by its words
    cand: dict[int, tuple[float, int]] = {}
    back: dict[int, tuple[float, int]] = {}
    for po in omitted:
        i = po.src[0].index
        for pa in added:
            j = pa.tgt[0].index
            if abs(po.index - pa.index) < 2:
                continue  # neighbours: the aligner would have linked them if they matched
            z = d.sim_z(i, j)
            if z < 0.6 or abs(d.ratio_z(text_length(po.src_text), text_length(pa.tgt_text))) > 2.5:
                continue
            if z > cand.get(i, (-1.0, -1))[0]:
                cand[i] = (z, j)
            if z > back.get(j, (-1.0, -1))[0]:
                back[j] = (z, i)
    matches = sorted((i, j, z) for i, (z, j) in cand.items() if back.get(j, (0, -1))[1] == i)
    # consecutive moved sentences make one finding
    groups: list[list[tuple[int, int, float]]] = []
    for m in matches:
        if groups and m[0] == groups[-1][-1][0] + 1 and m[1] == groups[-1][-1][1] + 1:
            groups[-1].append(m)
        else:
            groups.append([m])
    for g in groups:
        s0, s1 = d.src[g[0][0]], d.src[g[-1][0]]
        t0, t1 = d.tgt[g[0][1]], d.tgt[g[-1][1]]
        n = len(g)
        what = "This sentence" if n == 1 else f"These {n} sentences"
        where = "earlier" if g[0][1] < _tgt_pos(d, g[0][0]) else "later"
        msg = (f"{what} of the source {'is' if n == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if n == 1 else 'their'} place.")
        conf = min(0.95, 0.6 + 0.15 * min(g, key=lambda x: x[2])[2])
        an.issues.append(_Issue("TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)),
                                tgt_span=(0, len(t0.text)), confidence=conf,
                                excerpt_src=" ".join(x.text for x in d.src[s0.index:s1.index + 1]) if n > 1 else None,
                                excerpt_tgt=" ".join(x.text for x in d.tgt[t0.index:t1.index + 1]) if n > 1 else None))
        for i, j, _ in g:
            an.taken.add(("src", i))
            an.taken.add(("tgt", j))


def _tgt_pos(d: _Doc, i: int) -> int:
    """Where the translation of source sentence ``i`` would be expected (first target index of
    the nearest linked bead after it)."""
    k = d.bead_of_src[i]
    for p in d.pairs[k:]:
        if p.tgt:
            return p.tgt[0].index
    return len(d.tgt)


def _duplicates(d: _Doc, an: Analysis, added: list[Pair]) -> None:
    """Repeated target sentences (not repeated in the source) and doubled translations."""
    groups: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(d.tgt):
        key = _norm_text(t.text)
        if _words(t.text) >= 4 and len(key) >= 15:
            groups[key].append(j)
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
            elif len(srcs) > 1 and len(p.src) == 1 and j != occ[0] and d.sim_z(p.src[0].index, j) < 0.5:
                msg = (f"This translation repeats the one at line {line} although the source sentences "
                       "differ: this source sentence may have the wrong translation.")
                conf = 0.7
            else:
                continue
            an.issues.append(_Issue("TQ106", msg, pair=p if p.src else None, tgt=d.tgt[j],
                                    src=p.src[0] if p.src else None, tgt_span=(0, len(d.tgt[j].text)),
                                    confidence=conf))
            an.taken.add(("tgt", j))
    # a source sentence translated twice: near-identical neighbours inside a bead or beside it
    for p in d.pairs:
        if len(p.tgt) >= 2:
            for x in range(1, len(p.tgt)):
                a, b = p.tgt[x - 1], p.tgt[x]
                if ("tgt", b.index) in an.taken or _words(b.text) < 3:
                    continue
                if fuzz.ratio(_norm_text(a.text), _norm_text(b.text)) >= 85:
                    an.issues.append(_Issue(
                        "TQ106", "The source sentence is translated twice in a row.",
                        pair=p, src=p.src[0] if p.src else None, tgt=b, tgt_span=(0, len(b.text)),
                        confidence=0.9))
                    an.taken.add(("tgt", b.index))
    for p in added:
        j = p.tgt[0].index
        if ("tgt", j) in an.taken or _words(p.tgt_text) < 3:
            continue
        for nb in (j - 1, j + 1):
            if 0 <= nb < len(d.tgt) and fuzz.ratio(_norm_text(d.tgt[nb].text), _norm_text(p.tgt_text)) >= 85:
                q = d.pairs[d.bead_of_tgt[nb]]
                an.issues.append(_Issue(
                    "TQ106", "This sentence repeats the translation next to it.",
                    pair=None, tgt=p.tgt[0], src=q.src[0] if q.src else None, tgt_span=(0, len(p.tgt_text)),
                    confidence=0.9))
                an.taken.add(("tgt", j))
                break


def _absorbed(d: _Doc, p: Pair, side: str) -> bool:
    """Could a neighbouring bead hold the translation of this unlinked sentence? True when the
    neighbour is clearly too long on the other side and adding the sentence makes it normal."""
    k = p.index
    extra = text_length(p.src_text if side == "src" else p.tgt_text)
    for q in (d.pairs[k - 1] if k > 0 else None, d.pairs[k + 1] if k + 1 < len(d.pairs) else None):
        if q is None or not q.src or not q.tgt:
            continue
        ls, lt = text_length(q.src_text), text_length(q.tgt_text)
        z0 = d.ratio_z(ls, lt)
        z1 = d.ratio_z(ls + extra, lt) if side == "src" else d.ratio_z(ls, lt + extra)
        if side == "src" and z0 > 1.0 and abs(z1) < z0 - 0.5:
            return True
        if side == "tgt" and z0 < -1.0 and abs(z1) < -z0 - 0.5:
            return True
    return False


def _unlinked(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    for p in omitted:
        s = p.src[0]
        if ("src", s.index) in an.taken:
            continue
        an.taken.add(("src", s.index))
        if _absorbed(d, p, "src"):
            continue
        nw = _words(s.text)
        conf = 0.85 if nw >= 4 else 0.6
        an.issues.append(_Issue("TQ101", f"The sentence {_quote(s.text)} has no translation.", pair=p, src=s,
                                src_span=(0, len(s.text)), confidence=conf,
                                severity=None if nw >= 4 else "minor"))
    for p in added:
        t = p.tgt[0]
        if ("tgt", t.index) in an.taken:
            continue
        an.taken.add(("tgt", t.index))
        nw = _words(t.text)
        if nw < 2 or _absorbed(d, p, "tgt"):
            continue  # a lone word (a split heading, a label) is not an added sentence
        an.issues.append(_Issue("TQ102", f"The translation adds {_quote(t.text)}, which is not in the source.",
                                pair=p, tgt=t, tgt_span=(0, len(t.text)),
                                confidence=0.8 if nw >= 4 else 0.55,
                                severity=None if nw >= 4 else "minor"))


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


def _missing(d: _Doc, side: str, text: str, other: str) -> list[Token]:
    """Anchors of ``text`` (numbers, names) that the other side of the bead does not have."""
    other_toks = _cjk_join(tokens(other))
    out = []
    for t in d.anchors(side, text):
        if t.is_number:
            if not any(o.is_number and o.norm == t.norm for o in other_toks):
                out.append(t)
        elif not _found(t.norm, other_toks):
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
        if z <= -2.0:
            miss = _missing(d, "src", p.src_text, p.tgt_text)
            if miss:
                a, b = _clause_span(p.src_text, [(t.start, t.end) for t in miss])
                words = ", ".join(dict.fromkeys(t.text for t in miss))
                whole = (b - a) >= 0.8 * len(p.src_text.strip())
                if whole:
                    a, b = miss[0].start, miss[0].end
                msg = (f"Part of the source seems to be missing from the translation, which is unusually "
                       f"short and lacks {words}.")
                an.issues.append(_Issue("TQ103", msg, pair=p, src_span=(a, b),
                                        confidence=min(0.9, 0.5 + 0.1 * len(miss) + 0.05 * (-z - 2))))
                continue
        if z >= 2.0:
            extra = _missing(d, "tgt", p.tgt_text, p.src_text)
            if extra:
                a, b = _clause_span(p.tgt_text, [(t.start, t.end) for t in extra])
                if (b - a) >= 0.8 * len(p.tgt_text.strip()):
                    a, b = extra[0].start, extra[0].end
                words = ", ".join(dict.fromkeys(t.text for t in extra))
                msg = (f"The translation seems to add content that is not in the source: it is unusually "
                       f"long and has {words}.")
                an.issues.append(_Issue("TQ104", msg, pair=p, tgt_span=(a, b),
                                        confidence=min(0.85, 0.45 + 0.1 * len(extra) + 0.05 * (z - 2))))


def _member_omission(d: _Doc, an: Analysis, p: Pair, ls: float, lt: float) -> bool:
    """In a 2-1 (3-1) bead, an edge source sentence whose removal makes the length ratio normal and
    none of whose own numbers or names appear in the translation is not translated."""
    for s in (p.src[-1], p.src[0]):
        rest = [x for x in p.src if x is not s]
        l_rest = sum(text_length(x.text) for x in rest)
        l_s = text_length(s.text)
        if _words(s.text) < 3 or l_s < 0.12 * ls:
            continue
        z_rest = d.ratio_z(l_rest, lt)
        if abs(z_rest) > 1.0 or d.ratio_z(ls, lt) > z_rest - 0.8:
            continue
        # its own anchors (not shared with the rest of the bead) must be absent from the target
        rest_text = " ".join(x.text for x in rest)
        own = [t for t in d.anchors("src", s.text) if not _found(t.norm, tokens(rest_text))]
        if any(t for t in own if t not in _missing(d, "src", s.text, p.tgt_text)):
            continue
        msg = f"The sentence {_quote(s.text)} seems not to be translated: the translation covers only the sentence next to it."
        an.issues.append(_Issue("TQ103", msg, pair=None, src=s, tgt=p.tgt[0], src_span=(0, len(s.text)),
                                confidence=0.6))
        an.taken.add(("src", s.index))
        return True
    return False


def _emit(ctx: CheckContext, code: str) -> Iterator[Finding]:
    for it in analyse(ctx).issues:
        if it.code != code:
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
    sentences). Short sentences (fewer than four words) are reported as minor."""
    yield from _emit(ctx, "TQ101")


@rule("TQ102", "added-sentence", category="addition", severity="major", scope="document",
      description="The translation has a sentence that is not in the source.",
      example=("The meeting was held in Berlin on 12 May 2021. The next meeting will be in Paris in 2022.",
               "Das Treffen fand am 12. Mai 2021 in Berlin statt. Alle Teilnehmer waren sehr zufrieden "
               "mit den Ergebnissen. Das nächste Treffen findet 2022 in Paris statt.", "en", "de"))
def added_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence of the translation has no counterpart in the source (a 0-1 bead). Added
    content changes what the text says, so it is major; additions of two or three words are
    minor, and a lone added word (a heading split in two, a label) is not reported."""
    yield from _emit(ctx, "TQ102")


@rule("TQ103", "partial-omission", category="omission", severity="major", scope="document",
      description="Part of a source sentence is missing from its translation.",
      example=("We visited Berlin, Hamburg, Munich and Cologne with 25 colleagues from 14 countries in 2019.",
               "2019 haben wir Berlin besucht.", "en", "de"))
def partial_omission(ctx: CheckContext) -> Iterator[Finding]:
    """An aligned pair whose translation is far shorter than the document's usual length ratio
    and lacks numbers or names of the source; the excerpt is the clause they are in. Also a
    sentence of a two-to-one pair that the translation does not cover (the translation has the
    length of the other sentence alone and none of its own numbers or names)."""
    yield from _emit(ctx, "TQ103")


@rule("TQ104", "partial-addition", category="addition", severity="minor", scope="document",
      description="The translation of a sentence adds content that is not in the source.",
      example=("We visited Berlin in 2019.",
               "2019 haben wir Berlin besucht, danach Hamburg, München und Köln mit 25 Kollegen aus 14 Ländern.",
               "en", "de"))
def partial_addition(ctx: CheckContext) -> Iterator[Finding]:
    """The mirror of TQ103: a translation far longer than the document's usual ratio that has
    numbers or names the source sentence does not have."""
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
    translation stands elsewhere with no source of its own. One finding points at both places
    instead of an omission plus an addition. Needs a language pair that shares names, numbers or
    cognates; otherwise the two halves are reported as TQ101 and TQ102."""
    yield from _emit(ctx, "TQ105")


@rule("TQ106", "duplicated-translation", category="addition", severity="major", scope="document",
      description="A translation is repeated, or one source sentence is translated twice.",
      example=("The meeting was held in Berlin on 12 May 2021. The next meeting will be in Paris in 2022.",
               "Das Treffen fand am 12. Mai 2021 in Berlin statt. Das Treffen fand am 12. Mai 2021 in "
               "Berlin statt. Das nächste Treffen findet 2022 in Paris statt.", "en", "de"))
def duplicated_translation(ctx: CheckContext) -> Iterator[Finding]:
    """A target sentence appears twice while the source has it once (copy-paste, or the same
    translation reused for a different source sentence), or two consecutive target sentences
    translate the same source sentence."""
    yield from _emit(ctx, "TQ106")
