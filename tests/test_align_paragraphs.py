"""Paragraph correspondences as anchors of the aligner's second pass (issue 4)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck.align import banded
from tqcheck.align.banded import _paragraph_path, align_sentences

from conftest import benchmark, need_shared


# -- the paragraph alignment ------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=40, max_value=900), min_size=2, max_size=30),
       st.floats(min_value=0.7, max_value=1.4), st.data())
def test_paragraph_path_pairs_kept_paragraphs_and_finds_a_dropped_one(lengths, ratio, data):
    src = np.array(lengths, dtype=float)
    tgt = src * ratio
    prior = banded.DEFAULT.prior
    assert _paragraph_path(src, tgt, ratio, 6.8, prior) == [(1, 1)] * len(src)
    # a long paragraph dropped from the translation: one (1, 0) bead exactly there
    k = data.draw(st.integers(min_value=0, max_value=len(src) - 1))
    src = src.copy()
    src[k] = 3000.0
    path = _paragraph_path(src, np.delete(tgt, k), ratio, 6.8, prior)
    assert path == [(1, 1)] * k + [(1, 0)] + [(1, 1)] * (len(src) - k - 1)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=5, max_value=900), min_size=1, max_size=25),
       st.lists(st.integers(min_value=5, max_value=900), min_size=1, max_size=25))
def test_banded_paragraph_path_equals_the_full_one_when_the_band_holds_it(a, b):
    src, tgt = np.array(a, dtype=float), np.array(b, dtype=float)
    prior = banded.DEFAULT.prior
    full = _paragraph_path(src, tgt, 1.0, 6.8, prior)
    # a band centred on the diagonal and wider than the table is the full table
    center = np.round(np.arange(len(src) + 1) * len(tgt) / len(src))
    assert _paragraph_path(src, tgt, 1.0, 6.8, prior, center=center, width=len(tgt) + 1) == full
    # any band gives a complete monotone path from (0, 0) to (n, m)
    path = _paragraph_path(src, tgt, 1.0, 6.8, prior, center=center, width=2)
    assert sum(x for x, _ in path) == len(src) and sum(y for _, y in path) == len(tgt)


def test_paragraph_path_of_merged_paragraphs():
    src = np.array([300.0, 500.0, 200.0, 400.0])
    tgt = np.array([300.0, 700.0, 400.0])
    assert _paragraph_path(src, tgt, 1.0, 6.8, banded.DEFAULT.prior) == [(1, 1), (2, 1), (1, 1)]


# -- anchors in the aligner ---------------------------------------------------------------------
def _paragraphs(n_paras, size):
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
    rng = np.random.default_rng(n_paras * 31 + size)
    sents, paras = [], []
    for p in range(n_paras):
        for _ in range(size):
            k = int(rng.integers(4, 14))
            sents.append(" ".join(rng.choice(words, k)) + f" {int(rng.integers(10, 99))}.")
            paras.append(p)
    return sents, paras


@pytest.mark.parametrize("n_paras,size", [(4, 2), (6, 3), (10, 4)])
def test_self_alignment_with_anchors_is_identity(n_paras, size):
    sents, paras = _paragraphs(n_paras, size)
    res = align_sentences(sents, list(sents), src_paragraphs=paras, tgt_paragraphs=paras)
    assert [(b.src, b.tgt) for b in res.beads] == [((i,), (i,)) for i in range(len(sents))]


def test_anchors_are_set_only_between_paragraphs_of_several_sentences():
    sents, paras = _paragraphs(6, 3)
    m = banded._Model(sents, list(sents), paras, paras, banded.DEFAULT)
    path, _ = m.run()
    m.paragraph_anchors(path)
    assert m.anc_s is not None
    assert [int(i) for i in np.flatnonzero(m.anc_s >= 0)] == [3, 6, 9, 12, 15]
    # one-sentence paragraphs: their lengths are the sentences' lengths, nothing to anchor
    sents, paras = _paragraphs(12, 1)
    m = banded._Model(sents, list(sents), paras, paras, banded.DEFAULT)
    path, _ = m.run()
    m.paragraph_anchors(path)
    assert m.anc_s is None


def test_omission_at_a_paragraph_end_is_not_shifted_into_the_next_paragraph(monkeypatch, no_cldr_words):
    """A Text+Berg window (German → French, paragraphs of four gold beads): the translation of
    the last sentence of the first paragraph is removed. Without anchors the aligner links that
    sentence to the first sentence of the next paragraph and every link after it shifts (no
    omission is reported); with them the omission is found where it is. (The words CLDR names
    in every language are switched off: "drei Jahren" / "trois ans" nearby now places this
    omission without the anchors too.)"""
    perturb = benchmark("perturb")
    docs = {d.name: d for d in perturb.textberg_docs(need_shared("bench", "align"))}
    doc = docs["test3:35"]
    j = next(t for t, s in doc.link.items() if s == 3)
    tgt = [list(p) for p in doc.tgt]
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p, x = pos[j]
    del tgt[p][x]

    def omitted(report):
        return [f for f in report.findings if f.rule == "TQ101"
                and 3 in perturb._covered(report.source, f.source_segment, f.source_span)]

    src_text, tgt_text = perturb.text_of(doc.src), perturb.text_of(tgt)
    rep = tqcheck.check(src_text, tgt_text, "de", "fr", lines=True)
    assert omitted(rep), rep.findings
    monkeypatch.setattr(banded, "DEFAULT", banded.with_params(para_anchor=0.0))
    assert not omitted(tqcheck.check(src_text, tgt_text, "de", "fr", lines=True))


# -- a whole paragraph left out -----------------------------------------------------------------
@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=3, max_value=8), st.integers(min_value=2, max_value=4), st.data())
def test_a_dropped_paragraph_is_its_sentences_unlinked_and_nothing_else(n_paras, size, data):
    """Delete one whole target paragraph of a text aligned with itself: exactly its sentences
    are 1-0 beads, every other sentence keeps its partner."""
    sents, paras = _paragraphs(n_paras, size)
    k = data.draw(st.integers(min_value=0, max_value=n_paras - 1))
    keep = [i for i, p in enumerate(paras) if p != k]
    res = align_sentences(sents, [sents[i] for i in keep], src_paragraphs=paras,
                          tgt_paragraphs=[paras[i] for i in keep])
    dropped = [i for i, p in enumerate(paras) if p == k]
    assert [b.src[0] for b in res.beads if not b.tgt] == dropped
    assert [(b.src, b.tgt) for b in res.beads if b.tgt] == [((i,), (x,)) for x, i in enumerate(keep)]


def test_para_omit_leaves_out_a_paragraph_at_once(monkeypatch):
    """Text+Berg test4 as a whole document with source paragraph 2 (sentences 11-15) left out
    of the translation. Sentence by sentence, five unlinked sentences cost five omissions, so the
    aligner left two of them out, linked the other three to the next paragraph's translation and
    shifted on until a sixth was dropped (two TQ101, one of them a false alarm); as one event it
    leaves out the paragraph and nothing else."""
    perturb = benchmark("perturb")
    doc = next(d for d in perturb.textberg_whole_docs(need_shared("bench", "align")) if d.name == "test4")
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p = pos[next(t for t, s in doc.link.items() if s == 11)][0]
    tgt = [list(q) for k, q in enumerate(doc.tgt) if k != p]
    src_text, tgt_text = perturb.text_of(doc.src), perturb.text_of(tgt)

    def omissions(report):
        return sorted((f.source_segment, len(f.source_excerpt or "")) for f in report.findings if f.rule == "TQ101")

    rep = tqcheck.check(src_text, tgt_text, "de", "fr", lines=True)
    starts = [s for s, _ in omissions(rep)]
    assert 11 in starts and not [s for s in starts if 12 <= s <= 23], omissions(rep)
    run = next(f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 11)
    assert "These 5 sentences" in run.message
    monkeypatch.setattr(banded, "DEFAULT", banded.with_params(para_omit=False))
    rep = tqcheck.check(src_text, tgt_text, "de", "fr", lines=True)
    assert [s for s, _ in omissions(rep) if 12 <= s <= 23], omissions(rep)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=3, max_value=8), st.integers(min_value=2, max_value=4), st.data())
def test_an_added_paragraph_is_its_sentences_unlinked_and_nothing_else(n_paras, size, data):
    """Insert a paragraph of other sentences between two paragraphs of a text aligned with
    itself: exactly the inserted sentences are 0-1 beads, every other sentence keeps its
    partner."""
    sents, paras = _paragraphs(n_paras, size)
    extra, _ = _paragraphs(n_paras + 7, size + 1)
    k = data.draw(st.integers(min_value=1, max_value=n_paras - 1))
    cut = paras.index(k)
    added = extra[:data.draw(st.integers(min_value=2, max_value=5))]
    tgt = sents[:cut] + added + sents[cut:]
    tpar = paras[:cut] + [k - 0.5] * len(added) + paras[cut:]
    tpar = [sorted(set(tpar)).index(x) for x in tpar]
    res = align_sentences(sents, tgt, src_paragraphs=paras, tgt_paragraphs=tpar)
    assert [b.tgt[0] for b in res.beads if not b.src] == list(range(cut, cut + len(added)))
    kept = [j for j in range(len(tgt)) if not cut <= j < cut + len(added)]
    assert [(b.src, b.tgt) for b in res.beads if b.src] == [((i,), (j,)) for i, j in enumerate(kept)]


def test_an_added_paragraph_is_one_event(monkeypatch):
    """Text+Berg window test1:82 with four sentences of another text inserted as a paragraph
    before target sentence 8: one TQ102 over the four, no finding elsewhere; charged one
    addition per sentence, the aligner linked one of them to a neighbour's source instead
    (an omission and a second addition besides)."""
    perturb = benchmark("perturb")
    docs = perturb.textberg_docs(need_shared("bench", "align"))
    doc = next(d for d in docs if d.name == "test1:82")
    other = next(d for d in docs if d.name == "test3:35")
    first = [0]
    for para in doc.tgt:
        first.append(first[-1] + len(para))
    k = first.index(8)
    tgt = [list(p) for p in doc.tgt]
    tgt.insert(k, list(other.tgt[1][:4]))
    src_text, tgt_text = perturb.text_of(doc.src), perturb.text_of(tgt)

    def majors(report):
        return sorted((f.rule, f.source_segment, f.target_segment) for f in report.findings
                      if f.category in ("omission", "addition") and f.severity.value in ("major", "critical"))

    rep = tqcheck.check(src_text, tgt_text, "de", "fr", lines=True)
    assert majors(rep) == [("TQ102", None, 8)]
    assert "4 sentences" in next(f for f in rep.findings if f.rule == "TQ102").message
    # without the paragraph as one event (and without the punctuation features and the words
    # CLDR names in every language, "Fünf" / "Cinq", which alone now keep the inserted
    # paragraph's sentences apart from the neighbours' sources here) it is not
    from tqcheck.align import concepts

    monkeypatch.setattr(concepts, "number_word_features", lambda texts, lang: None)
    monkeypatch.setattr(concepts, "concept_features", lambda texts, lang: None)
    monkeypatch.setattr(banded, "DEFAULT", banded.with_params(para_omit=False, punctuation=False))
    assert majors(tqcheck.check(src_text, tgt_text, "de", "fr", lines=True)) != [("TQ102", None, 8)]
    monkeypatch.setattr(banded, "DEFAULT", banded.with_params(para_omit=True, punctuation=False))
    assert majors(tqcheck.check(src_text, tgt_text, "de", "fr", lines=True)) == [("TQ102", None, 8)]


def test_a_weakly_linked_paragraph_is_not_read_as_replaced():
    """Text+Berg window test1:82, untouched: a paragraph of short dialogue lines links weakly.
    Leaving the source paragraph out and adding the target one, each as one cheap event, would
    read it as replaced (two false majors); a skip on one side right after one on the other is
    not allowed, so it is read sentence by sentence."""
    perturb = benchmark("perturb")
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == "test1:82")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")]


# -- two neighbours crossed (session 31) ---------------------------------------------------------
def _random_sentences(n: int, seed: int) -> list[str]:
    import random
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))

    return [" ".join(word() for _ in range(rng.randint(5, 14))).capitalize() + " ." for _ in range(n)]


def test_crossed_cost_is_two_crossed_links_and_the_prior():
    """The crossed 2-2 bead ending at (i, j) costs what linking source i-2 to target j-1 and
    source i-1 to target j-2 as two 1-1 beads costs, plus ``cross`` (no paragraphs given)."""
    import numpy as np

    from tqcheck.align import banded

    src = _random_sentences(40, 1)
    tgt = [s.upper() for s in src]
    m = banded._Model(src, tgt, None, None, banded.DEFAULT)
    banded.run_passes(m)
    assert m.n_confident >= banded.CROSS_MIN_CONFIDENT
    for i, j in ((5, 5), (12, 13), (30, 29)):
        I, J = np.array([[i]]), np.array([[j]])
        got = float(m._cross_cost(I, J, m._gather(I, J))[0, 0])
        want = m.p.cross + m._linked_cost((i - 2,), (j - 1,)) + m._linked_cost((i - 1,), (j - 2,))
        assert got == pytest.approx(want, abs=1e-9)
        if i == j:  # the crossed pairing of a copied text costs more than the straight one
            assert got > m._linked_cost((i - 2,), (j - 2,)) + m._linked_cost((i - 1,), (j - 1,))


def test_crossed_bead_reads_two_exchanged_neighbours_in_a_long_text_only():
    """In a text that taught the aligner a lexicon (30 confident links or more), two neighbours
    exchanged inside a paragraph are one 2-2 bead, read as a swap (TQ105, minor); the crossing
    is not read in the first pass or in a short text (its alignment is that of the aligner
    without the kind), nor across a paragraph break."""
    from tqcheck.align import banded

    src = _random_sentences(48, 2)
    paras = [k // 4 for k in range(48)]
    tgt = [s.upper() for s in src]
    tgt[21], tgt[22] = tgt[22], tgt[21]  # inside paragraph 5 (sentences 20-23)
    off = banded.with_params(cross=None)
    on = banded.align_sentences(src, tgt, src_paragraphs=paras, tgt_paragraphs=paras)
    crossed = [(b.src, b.tgt) for b in on.beads if len(b.src) == 2 and len(b.tgt) == 2]
    assert crossed == [((21, 22), (21, 22))]
    # a short text: the same alignment with the kind or without it
    short_s, short_t = src[:16], tgt[:16]
    short_t[5], short_t[6] = short_t[6], short_t[5]
    p16 = paras[:16]
    a = banded.align_sentences(short_s, short_t, src_paragraphs=p16, tgt_paragraphs=p16)
    b = banded.align_sentences(short_s, short_t, src_paragraphs=p16, tgt_paragraphs=p16, params=off)
    assert [(x.src, x.tgt) for x in a.beads] == [(x.src, x.tgt) for x in b.beads]
    # the whole check: one minor swap at source 21
    import tqcheck
    text = lambda xs: "\n\n".join("\n".join(xs[k:k + 4]) for k in range(0, len(xs), 4)) + "\n"  # noqa: E731
    rep = tqcheck.check(text(src), text(tgt), "en", "en", lines=True)
    f105 = [(f.source_segment, f.severity.name) for f in rep.findings if f.rule == "TQ105"]
    assert f105 == [(21, "MINOR")], [(f.rule, f.source_segment, f.message) for f in rep.findings]


def test_no_crossed_bead_across_a_paragraph_break():
    """The crossed kind costs nothing finite where its second source or target sentence starts
    a paragraph: neighbours across a break that changed places are a moved sentence."""
    import numpy as np

    from tqcheck.align import banded

    src = _random_sentences(48, 3)
    paras = [k // 4 for k in range(48)]
    m = banded._Model(src, [s.upper() for s in src], paras, paras, banded.DEFAULT)
    banded.run_passes(m)
    I, J = np.array([[9], [10]]), np.array([[9], [10]])  # sentences 7|8 (a break), 8|9 (none)
    cost = m._cross_cost(I, J, m._gather(I, J))[:, 0]
    assert np.isinf(cost[0]) and np.isfinite(cost[1])


@pytest.mark.parametrize("name,reverse,first", [("test3", False, 61), ("test0", True, 26)])
def test_crossed_bead_finds_a_swap_the_beads_hid_in_a_whole_document(name, reverse, first):
    """Text+Berg whole documents with two neighbouring translations exchanged: the aligner read
    them as a merge beside a shifted link (test3, German → French: 1-1, 1-1 and a 2-1 around
    the swap) and the swap was not reported; with the crossed kind it is one minor TQ105 on the
    exchanged pair."""
    perturb = benchmark("perturb")
    doc = next(d for d in perturb.textberg_whole_docs(need_shared("bench", "align"), reverse=reverse)
               if d.name == name)
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    (p, x), (p2, _) = pos[first], pos[first + 1]
    assert p == p2
    tgt = [list(q) for q in doc.tgt]
    tgt[p][x], tgt[p][x + 1] = tgt[p][x + 1], tgt[p][x]
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), doc.src_lang, doc.tgt_lang, lines=True)
    a = doc.link[first]
    hit = [f for f in rep.findings if f.rule == "TQ105" and f.source_segment in (a, a + 1)]
    assert hit and hit[0].severity.name == "MINOR", [(f.rule, f.source_segment, f.target_segment)
                                                      for f in rep.findings if f.rule.startswith("TQ1")]
