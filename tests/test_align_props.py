"""Properties of the aligner (hypothesis): self-alignment is the identity, deleted sentences
become 1-0 beads at their places, beads are monotone and cover every index once."""
import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tqcheck.align.banded import align_sentences

LETTERS = "abcdefghijklmnopqrstuvwxyzöłжя明"


def make_text(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    words = ["".join(rnd.choice(LETTERS) for _ in range(rnd.randint(2, 9))) for _ in range(400)]
    out = []
    for _ in range(n):
        w = [rnd.choice(words) for _ in range(rnd.randint(6, 16))]
        if rnd.random() < 0.3:
            w.insert(rnd.randrange(len(w)), str(rnd.randint(10, 9999)))
        out.append(" ".join(w).capitalize() + rnd.choice([".", ".", "?", "!"]))
    return out


def check_cover(beads, n, m):
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    assert src == list(range(n)) and tgt == list(range(m))
    for b in beads:
        assert list(b.src) == list(range(b.src[0], b.src[0] + len(b.src))) if b.src else True
        assert 0.0 <= b.score <= 1.0


# derandomized, without the example database: the same examples every run. Drawn at random,
# about 1 draw in 1,500-2,000 hits one of the known failures pinned (strict xfail) below, which
# made these tests flaky
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True, database=None)


@FAST
@given(st.integers(0, 10_000), st.integers(1, 60))
def test_self_alignment_is_identity(seed, n):
    text = make_text(seed, n)
    res = align_sentences(text, list(text))
    assert [(b.src, b.tgt) for b in res.beads] == [((i,), (i,)) for i in range(n)]


def _check_deleted(seed: int, n: int, gone: list[int]) -> None:
    text = make_text(seed, n)
    tgt = [s for i, s in enumerate(text) if i not in set(gone)]
    res = align_sentences(text, tgt)
    check_cover(res.beads, n, len(tgt))
    assert [b.src[0] for b in res.beads if b.kind == "1-0"] == gone
    assert all(b.kind in ("1-1", "1-0") for b in res.beads)


@FAST
@given(st.integers(0, 10_000), st.integers(10, 60), st.data())
def test_deleted_sentences_become_one_to_zero_beads(seed, n, data):
    k = data.draw(st.integers(1, max(1, n // 4)))
    gone = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=k, max_size=k)))
    _check_deleted(seed, n, gone)


@pytest.mark.xfail(strict=True, reason="known aligner gap: of two deleted neighbours, the second "
                   "is joined with the next sentence in a 2-1 bead")
def test_deleted_neighbours_known_failure():
    """A counterexample found by random search: deleting 13 and 14 gives [13]:[] and
    [14, 15]:[13]. Strict: when the aligner learns it, this test says so."""
    _check_deleted(5048, 24, [13, 14, 16, 17, 22])


@FAST
@given(st.lists(st.text(min_size=0, max_size=40), max_size=25),
       st.lists(st.text(min_size=0, max_size=40), max_size=25))
def test_any_input_gives_monotone_cover(src, tgt):
    res = align_sentences(src, tgt)
    check_cover(res.beads, len(src), len(tgt))


def _insert_two(seed: int, n: int):
    text = make_text(seed, n)
    extra = make_text(seed + 1, 3)
    return text, text[:2] + [extra[0]] + text[2:] + [extra[1]]


@FAST
@given(st.integers(0, 10_000), st.integers(10, 40))
def test_inserted_sentences_become_zero_to_one_beads(seed, n):
    text, tgt = _insert_two(seed, n)
    res = align_sentences(text, tgt)
    assert [b.tgt[0] for b in res.beads if b.kind == "0-1"] == [2, len(tgt) - 1]


@pytest.mark.xfail(strict=True, reason="known aligner gap: an added sentence of random words is "
                   "sometimes absorbed into a neighbouring 1-2 bead")
@pytest.mark.parametrize("seed,n", [(1103, 13), (492, 10), (1474, 13)])
def test_inserted_sentence_known_failures(seed, n):
    """Counterexamples hypothesis found (seed 1103, n 13: the last inserted sentence joins the
    last source sentence's bead). Strict: when the aligner learns it, this test says so.
    The checks make up for part of it after alignment: tests/test_absorbed.py (seeds 492 and
    1474 are reported; in 1103 the absorbed member resembles its neighbour by chance)."""
    text, tgt = _insert_two(seed, n)
    res = align_sentences(text, tgt)
    assert [b.tgt[0] for b in res.beads if b.kind == "0-1"] == [2, len(tgt) - 1]


# -- real text -----------------------------------------------------------------------------------
def _fixture_sentences():
    from pathlib import Path

    from tqcheck import pipeline

    text = (Path(__file__).resolve().parent.parent / "fixtures" / "speech.en.txt").read_text(encoding="utf-8")
    doc = pipeline.segment(text, lang="en")
    return [(" ".join(s.text.split()), s.paragraph) for s in doc.sentences]


REAL = _fixture_sentences()


@FAST
@given(st.integers(0, len(REAL) - 12), st.integers(8, 30))
def test_real_text_with_paragraphs_aligns_with_itself(start, n):
    part = REAL[start:start + n]
    text = [s for s, _ in part]
    paras = [p for _, p in part]
    res = align_sentences(text, list(text), src_paragraphs=paras, tgt_paragraphs=paras)
    assert [(b.src, b.tgt) for b in res.beads] == [((i,), (i,)) for i in range(len(text))]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
          database=None)
@given(st.data())
def test_deleted_sentences_are_reported_one_by_one(data):
    """Deleting k sentences (not neighbours, four words or more) from a real text gives exactly k
    omission findings (TQ101), at those sentences."""
    import tqcheck

    text = [s for s, _ in REAL]
    cand = [i for i, s in enumerate(text) if len(s.split()) >= 4]
    k = data.draw(st.integers(1, 3))
    gone = sorted(data.draw(st.sets(st.sampled_from(cand), min_size=k, max_size=k)))
    assume(all(b - a >= 2 for a, b in zip(gone, gone[1:])))
    tgt = [s for i, s in enumerate(text) if i not in gone]
    rep = tqcheck.check("\n".join(text) + "\n", "\n".join(tgt) + "\n", "en", "en", lines=True, select=["TQ10"])
    om = sorted(f.source_segment for f in rep.findings if f.rule == "TQ101")
    assert om == gone, [(f.rule, f.source_segment, f.message) for f in rep.findings]
