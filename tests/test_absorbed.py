"""Added and omitted sentences that the aligner absorbs into a neighbouring 1-2 / 2-1 bead
(issue 4): the completeness analysis tests such beads after alignment and reports the member
that is not a translation (TQ102 / TQ101), but not the members of a genuine merge."""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck import pipeline
from tqcheck.align.base import Bead

FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True, database=None)


def words(seed: int, letters: str, n: int) -> list[str]:
    """``n`` sentences of random words over ``letters`` (two texts over disjoint letters share no
    character trigram: their similarity is zero)."""
    rnd = random.Random(seed)
    vocab = ["".join(rnd.choice(letters) for _ in range(rnd.randint(3, 8))) for _ in range(300)]
    return [" ".join(rnd.choice(vocab) for _ in range(rnd.randint(8, 14))).capitalize() + "."
            for _ in range(n)]


SRC_LETTERS = "abcdefghijklm"
OTHER_LETTERS = "nopqrstuvwxyz"


def run_beads(src: list[str], tgt: list[str], beads: list[Bead], sl="en", tl="en"):
    s = pipeline.segment("\n".join(src), lang=sl, lines=True)
    t = pipeline.segment("\n".join(tgt), lang=tl, lines=True)
    rep = pipeline.run(s, t, beads=beads, select=["TQ10"])
    return [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]


def absorbed_target(text: list[str], at: int, extra: str) -> tuple[list[str], list[Bead]]:
    """``text`` translated as itself, ``extra`` added after sentence ``at`` and put in one 1-2
    bead with it (what the aligner does when the merged length fits)."""
    tgt = text[:at + 1] + [extra] + text[at + 1:]
    beads = []
    for i in range(len(text)):
        if i < at:
            beads.append(Bead((i,), (i,), 0.9))
        elif i == at:
            beads.append(Bead((i,), (i, i + 1), 0.7))
        else:
            beads.append(Bead((i,), (i + 1,), 0.9))
    return tgt, beads


# -- public API: the aligner's known absorption -------------------------------------------------
@pytest.mark.parametrize("seed,n", [(1474, 13), (492, 10)])
def test_absorbed_added_sentence_is_reported(seed, n):
    """Hypothesis counterexamples of the aligner (tests/test_align_props.py): an inserted
    sentence joins its neighbour's 1-2 bead; the check still reports it."""
    from test_align_props import _insert_two

    text, tgt = _insert_two(seed, n)
    rep = tqcheck.check("\n".join(text), "\n".join(tgt), "en", "en", lines=True)
    added = sorted(f.target_segment for f in rep.findings if f.rule == "TQ102")
    assert added == [2, len(tgt) - 1]
    assert not [f for f in rep.findings if f.rule == "TQ101"]


# -- the post-alignment test on given beads -----------------------------------------------------
@FAST
@given(st.integers(0, 10_000), st.integers(8, 30), st.data())
def test_unrelated_member_of_one_to_two_bead_is_added(seed, n, data):
    text = words(seed, SRC_LETTERS, n)
    at = data.draw(st.integers(0, n - 1))
    extra = words(seed + 1, OTHER_LETTERS, 1)[0]
    tgt, beads = absorbed_target(text, at, extra)
    found = run_beads(text, tgt, beads)
    assert ("TQ102", at, at + 1) in found
    assert [f for f in found if f[0] in ("TQ101", "TQ102")] == [("TQ102", at, at + 1)]


@FAST
@given(st.integers(0, 10_000), st.integers(8, 30), st.data())
def test_unrelated_member_of_two_to_one_bead_is_omitted(seed, n, data):
    """Symmetric: a source sentence with no translation, merged into a 2-1 bead."""
    text = words(seed, SRC_LETTERS, n)
    at = data.draw(st.integers(0, n - 1))
    extra = words(seed + 1, OTHER_LETTERS, 1)[0]
    # the source has the extra sentence; the translation is the text alone
    src, beads_t = absorbed_target(text, at, extra)
    beads = [Bead(b.tgt, b.src, b.score) for b in beads_t]
    found = run_beads(src, text, beads)
    assert [f for f in found if f[0] in ("TQ101", "TQ102")] == [("TQ101", at + 1, at)]


@FAST
@given(st.integers(0, 10_000), st.integers(8, 30), st.data())
def test_genuine_split_is_not_reported(seed, n, data):
    """One source sentence translated as two (each half of it): both halves share its words, so
    neither is an added sentence."""
    text = words(seed, SRC_LETTERS, n)
    at = data.draw(st.integers(0, n - 1))
    w = text[at].rstrip(".").split()
    half = len(w) // 2
    tgt = text[:at] + [" ".join(w[:half]) + ".", " ".join(w[half:]).capitalize() + "."] + text[at + 1:]
    beads = [Bead((i,), (i,), 0.9) for i in range(at)] + [Bead((at,), (at, at + 1), 0.7)] + \
        [Bead((i,), (i + 1,), 0.9) for i in range(at + 1, n)]
    found = run_beads(text, tgt, beads)
    assert not [f for f in found if f[0] in ("TQ101", "TQ102")]


def test_member_with_the_sources_number_is_not_added():
    """A member that has a number of the source sentence that its partner lacks is (partly) a
    translation, however unlike its words are: no TQ102."""
    text = words(7, SRC_LETTERS, 12)
    extra = words(8, OTHER_LETTERS, 1)[0]
    src = list(text)
    src[5] = src[5].rstrip(".") + " 4711."
    tgt, beads = absorbed_target(text, 5, extra.rstrip(".") + " 4711.")
    assert not [f for f in run_beads(src, tgt, beads) if f[0] == "TQ102"]
    # the same member without the number is reported
    tgt, beads = absorbed_target(text, 5, extra)
    assert ("TQ102", 5, 6) in run_beads(src, tgt, beads)


def test_shares_anchor():
    """The anchor test alone: a number of the member's own (not in the rest of its bead) that the
    other side has."""
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import CheckContext

    s = pipeline.segment("The report of 2019 was adopted after a debate.", lang="en", lines=True)
    t = pipeline.segment("Le rapport a été adopté.\nIl y avait 2019 votes.\nIl y avait 57 votes.\n"
                         "Le rapport de 2019 fut adopté.", lang="fr", lines=True)
    ctx = CheckContext(source=s, target=t, beads=[Bead((0,), (0, 1, 2, 3), 0.7)], src_lang="en", tgt_lang="fr")
    d = C._Doc(ctx)
    o, t0, with_n, other_n, rest_n = s.sentences[0], *t.sentences
    assert C._shares_anchor(d, "tgt", with_n, [t0], o)          # 2019 is in the source
    assert not C._shares_anchor(d, "tgt", other_n, [t0], o)     # 57 is not
    assert not C._shares_anchor(d, "tgt", with_n, [rest_n], o)  # the rest has 2019 itself
    assert not C._shares_anchor(d, "tgt", t0, [with_n], o)      # no anchor of its own
