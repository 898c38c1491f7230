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
def _absorbed_case(seed: int, n: int, data):
    """A text of ``n`` sentences, the place ``at`` drawn, and the text with an unrelated sentence
    absorbed after it, with the beads that merge the two: (text, at, longer text, beads)."""
    text = words(seed, SRC_LETTERS, n)
    at = data.draw(st.integers(0, n - 1))
    extra = words(seed + 1, OTHER_LETTERS, 1)[0]
    longer, beads = absorbed_target(text, at, extra)
    return text, at, longer, beads


@FAST
@given(st.integers(0, 10_000), st.integers(8, 30), st.data())
def test_unrelated_member_of_one_to_two_bead_is_added(seed, n, data):
    text, at, tgt, beads = _absorbed_case(seed, n, data)
    found = run_beads(text, tgt, beads)
    assert ("TQ102", at, at + 1) in found
    assert [f for f in found if f[0] in ("TQ101", "TQ102")] == [("TQ102", at, at + 1)]


@FAST
@given(st.integers(0, 10_000), st.integers(8, 30), st.data())
def test_unrelated_member_of_two_to_one_bead_is_omitted(seed, n, data):
    """Symmetric: a source sentence with no translation, merged into a 2-1 bead."""
    # the source has the extra sentence; the translation is the text alone
    text, at, src, beads_t = _absorbed_case(seed, n, data)
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
    d = C._doc._Doc(ctx)
    o, t0, with_n, other_n, rest_n = s.sentences[0], *t.sentences
    assert C.by_dictionary._shares_anchor(d, "tgt", with_n, [t0], o)          # 2019 is in the source
    assert not C.by_dictionary._shares_anchor(d, "tgt", other_n, [t0], o)     # 57 is not
    assert not C.by_dictionary._shares_anchor(d, "tgt", with_n, [rest_n], o)  # the rest has 2019 itself
    assert not C.by_dictionary._shares_anchor(d, "tgt", t0, [with_n], o)      # no anchor of its own


# -- no lexical evidence: the lengths decide (tqcheck.checks.completeness._member_addition) ---------
_CIPHER = str.maketrans(SRC_LETTERS + SRC_LETTERS.upper(), OTHER_LETTERS + OTHER_LETTERS.upper())


def ciphered(text: list[str], seed: int) -> list[str]:
    """A "translation" that shares no character trigram with ``text`` (each letter replaced by
    one of the other alphabet) and whose lengths vary a little around the source's, as
    translations do: the document gives no lexical evidence, only lengths."""
    rnd = random.Random(seed)
    out = []
    for s in text:
        w = s.translate(_CIPHER).rstrip(".").split()
        if rnd.random() < 0.5:
            w.append("".join(rnd.choice(OTHER_LETTERS) for _ in range(rnd.randint(2, 6))))
        out.append(" ".join(w) + ".")
    return out


def added_in_bead(text: list[str], tgt: list[str], at: int, extra: str) -> tuple[list[str], list[Bead]]:
    """``tgt`` (a sentence-by-sentence translation of ``text``) with ``extra`` after sentence
    ``at``, in one 1-2 bead with it."""
    tgt = tgt[:at + 1] + [extra] + tgt[at + 1:]
    beads = [Bead((i,), (i,), 0.9) for i in range(at)] + [Bead((at,), (at, at + 1), 0.7)] + \
        [Bead((i,), (i + 1,), 0.9) for i in range(at + 1, len(text))]
    return tgt, beads


@FAST
@given(st.integers(0, 10_000), st.integers(12, 30), st.data())
def test_added_member_found_by_length_alone(seed, n, data):
    """No shared words at all: a 1-2 bead whose first member alone fits the source's length and
    whose second one makes it far too long is an added sentence (TQ102 on that member), even
    though nothing in the words tells."""
    text = words(seed, SRC_LETTERS, n)
    at = data.draw(st.integers(0, n - 1))
    # an added sentence (of another text) about as long as the one it stands with
    extra = ciphered(words(seed + 1, SRC_LETTERS, 1), seed)[0]
    tgt, beads = added_in_bead(text, ciphered(text, seed), at, extra)
    found = run_beads(text, tgt, beads)
    assert [f for f in found if f[0] in ("TQ101", "TQ102")] == [("TQ102", at, at + 1)]


@FAST
@given(st.integers(0, 10_000), st.integers(12, 30), st.data())
def test_split_found_by_length_alone_is_not_added(seed, n, data):
    """The same language pair without shared words: a source sentence translated as two (its two
    halves) has the usual merged length and neither half fits alone: no finding."""
    text = words(seed, SRC_LETTERS, n)
    at = data.draw(st.integers(0, n - 1))
    tgt = ciphered(text, seed)
    w = tgt[at].rstrip(".").split()
    half = len(w) // 2
    tgt = tgt[:at] + [" ".join(w[:half]) + ".", " ".join(w[half:]).capitalize() + "."] + tgt[at + 1:]
    beads = [Bead((i,), (i,), 0.9) for i in range(at)] + [Bead((at,), (at, at + 1), 0.7)] + \
        [Bead((i,), (i + 1,), 0.9) for i in range(at + 1, n)]
    assert not [f for f in run_beads(text, tgt, beads) if f[0] in ("TQ101", "TQ102")]


def test_short_added_member_is_not_claimed_by_length():
    """A member too short to make the bead's length unusual is not reported by length alone (the
    merge explains the lengths as well as an addition does)."""
    text = words(11, SRC_LETTERS, 16)
    tgt, beads = added_in_bead(text, ciphered(text, 11), 6, "Qrst uvw.")
    assert not [f for f in run_beads(text, tgt, beads) if f[0] == "TQ102"]


def test_added_member_with_the_sources_number_is_not_claimed_by_length():
    """The member has a number that the source sentence has and its partner lacks: it translates
    part of the source, however long the bead is."""
    text = words(13, SRC_LETTERS, 16)
    src = list(text)
    src[6] = src[6].rstrip(".") + " 4711."
    other = ciphered(words(14, SRC_LETTERS, 1), 13)[0]
    tgt, beads = added_in_bead(src, ciphered(text, 13), 6, other.rstrip(".") + " 4711.")
    assert not [f for f in run_beads(src, tgt, beads) if f[0] == "TQ102"]
    # without the number it is reported
    tgt, beads = added_in_bead(src, ciphered(text, 13), 6, other)
    assert ("TQ102", 6, 7) in run_beads(src, tgt, beads)


def loose(text: list[str], seed: int) -> list[str]:
    """Like :func:`ciphered`, with lengths that vary as much as a free translation's (zero to
    five words added to each sentence): a bead must be far off before its length alone tells."""
    rnd = random.Random(seed)
    out = []
    for s in text:
        w = s.translate(_CIPHER).rstrip(".").split()
        w += ["".join(rnd.choice(OTHER_LETTERS) for _ in range(rnd.randint(3, 7))) for _ in range(rnd.randint(0, 5))]
        out.append(" ".join(w) + ".")
    return out


def _member_case(tail: str, src_tail: str = "") -> list[tuple]:
    """Source sentence 6 (with ``src_tail`` added) in one 1-2 bead with its translation and an
    added sentence of three words plus ``tail``, in a document without shared words whose
    lengths vary freely (seed chosen so that the bead is longer than usual, not unusually long)."""
    text = words(23, SRC_LETTERS, 20)
    tgt0 = loose(text, 23)
    src = list(text)
    if src_tail:
        src[6] = src[6].rstrip(".") + " " + src_tail + "."
    base = " ".join(ciphered(words(24, SRC_LETTERS, 1), 23)[0].rstrip(".").split()[:3]).capitalize()
    tgt, beads = added_in_bead(src, tgt0, 6, f"{base} {tail}.")
    s = pipeline.segment("\n".join(src), lang="en", lines=True)
    t = pipeline.segment("\n".join(tgt), lang="en", lines=True)
    rep = pipeline.run(s, t, beads=beads, select=["TQ10"])
    return [(f.rule, f.source_segment, f.target_segment, f.message) for f in rep.findings]


def test_added_member_with_numbers_and_names_the_source_lacks_needs_less_length():
    """A member whose numbers and names (two or more) are none of them in the source is added
    when the bead is merely longer than usual with it and normal without it; a member of the
    same length without them is not (the lengths alone do not tell: a merge explains them as
    well). The message names them."""
    assert not [f for f in _member_case("qrstu vwxyz") if f[0] == "TQ102"]
    found = [f for f in _member_case("4711 Zoltan") if f[0] == "TQ102"]
    assert [f[:3] for f in found] == [("TQ102", 6, 7)]
    assert "longer than usual; none of its numbers and names (4711, Zoltan) is in the source" in found[0][3]


def test_added_member_with_one_anchor_or_the_sources_anchors_needs_the_usual_length():
    """One number alone is not enough (a translator adds a year), nor are numbers and names
    that the source has (the member translates part of it)."""
    assert not [f for f in _member_case("qrst 4711") if f[0] == "TQ102"]
    assert not [f for f in _member_case("4711 Zoltan", src_tail="4711 Zoltan") if f[0] == "TQ102"]


def test_middle_member_of_three_with_anchors_the_source_lacks_is_added():
    """The same reading for the middle member of a 1-3 bead (a sentence inserted between the two
    halves of a split translation): only with numbers and names the source lacks."""
    text = words(23, SRC_LETTERS, 20)
    tgt0 = loose(text, 23)
    w = tgt0[6].rstrip(".").split()
    half = len(w) // 2
    halves = [" ".join(w[:half]) + ".", " ".join(w[half:]).capitalize() + "."]
    base = " ".join(ciphered(words(24, SRC_LETTERS, 1), 23)[0].rstrip(".").split()[:3]).capitalize()
    for tail, expect in (("qrstu vwxyz", False), ("4711 Zoltan", True)):
        tgt = tgt0[:6] + [halves[0], f"{base} {tail}.", halves[1]] + tgt0[7:]
        beads = [Bead((i,), (i,), 0.9) for i in range(6)] + [Bead((6,), (6, 7, 8), 0.7)] + \
            [Bead((i,), (i + 2,), 0.9) for i in range(7, 20)]
        found = [f for f in run_beads(text, tgt, beads) if f[0] == "TQ102"]
        assert found == ([("TQ102", 6, 7)] if expect else [])


def test_omitted_member_with_numbers_and_names_the_translation_lacks_needs_less_length():
    """The mirror case: a source sentence in a 2-1 bead whose numbers and names the translation
    lacks, the bead merely shorter than usual with it, is omitted."""
    text = words(27, SRC_LETTERS, 20)
    tgt = loose(text, 27)
    base = " ".join(words(28, SRC_LETTERS, 1)[0].rstrip(".").split()[:3])
    for tail, expect in (("abcde fghij", False), ("4711 Madlen", True)):
        src = text[:7] + [f"{base} {tail}."] + text[7:]
        beads = [Bead((i,), (i,), 0.9) for i in range(6)] + [Bead((6, 7), (6,), 0.7)] + \
            [Bead((i + 1,), (i,), 0.9) for i in range(7, 20)]
        found = [f for f in run_beads(src, tgt, beads) if f[0] == "TQ101"]
        assert found == ([("TQ101", 7, 6)] if expect else []), tail


def test_fixture_added_sentence_absorbed_by_length_is_reported(fixture_pair):
    """English → Turkish, where sentences share only names and numbers: a sentence added after
    the translation of source sentence 17 was merged into its 1-2 bead by the aligner (it fit
    better than an added sentence would, by its priors); the lengths show the bead is far too
    long while the first member alone fits, so the added member is reported. Since a colon at
    the end of a sentence is a feature, the aligner leaves it unlinked itself: reported either
    way (the member rule on a bead made to order: :func:`test_doubtful_bead_is_not_split_by_length`)."""
    def paras(path, lang):
        doc = pipeline.segment(path.read_text(encoding="utf-8"), lang=lang)
        out: dict[int, list[str]] = {}
        for s in doc.sentences:
            out.setdefault(s.paragraph, []).append(" ".join(s.text.split()))
        return [out[k] for k in sorted(out)]

    src, tgt = paras(fixture_pair[0], "en"), paras(fixture_pair[1], "tr")
    flat = [s for p in tgt for s in p]
    extra = "Aslında Kazakistan'ın bağımsızlığı ve refahı, tüm Türk dünyasının refahı için hayati önem taşımaktadır."
    at = 19  # after target sentence 18
    k = 0
    for p in tgt:
        if k + len(p) >= at:
            p.insert(at - k, extra)
            break
        k += len(p)
    assert [s for p in tgt for s in p][at] == extra and len(flat) + 1 == sum(map(len, tgt))

    def text(ps):
        return "\n\n".join("\n".join(p) for p in ps) + "\n"

    rep = tqcheck.check(text(src), text(tgt), "en", "tr", lines=True)
    bead = next(b for b in rep.beads if at in b.tgt)
    added = [f for f in rep.findings if f.rule == "TQ102"]
    assert [f.target_segment for f in added] == [at]
    if bead.tgt == (at - 1, at):  # the aligner absorbed it: the lengths tell
        assert "unusually long" in added[0].message
    else:  # the aligner left it unlinked (as it does since a colon at the end is a feature)
        assert bead.tgt == (at,) and not bead.src


def test_doubtful_bead_is_not_split_by_length(monkeypatch):
    """Where the words give evidence, a one-to-two bead whose first member does not match its
    source either is doubtful as a whole (the aligner may have linked the wrong sentences): the
    lengths do not say that the second member is the added one."""
    from tqcheck.checks import completeness as C

    text = words(21, SRC_LETTERS, 20)
    other = words(22, SRC_LETTERS, 2)  # same letters: unrelated, but the document has evidence
    at = 9
    tgt = list(text)
    tgt[at] = other[0]
    tgt, beads = added_in_bead(text, tgt, at, other[1])
    assert ("TQ102", at, at + 1) not in run_beads(text, tgt, beads)
    # the same bead with a matching first member is split by length
    tgt, beads = added_in_bead(text, list(text), at, other[1])
    assert ("TQ102", at, at + 1) in run_beads(text, tgt, beads)
    # and the guard is what keeps the doubtful one whole
    monkeypatch.setattr(C.partial, "_rest_matches", lambda *a: True)
    tgt = list(text)
    tgt[at] = other[0]
    tgt, beads = added_in_bead(text, tgt, at, other[1])
    assert ("TQ102", at, at + 1) in run_beads(text, tgt, beads)


# -- a paragraph of its own is not absorbed across a paragraph break --------------------------------
def _salutation_left_out(own_paragraph: bool):
    """Eight sentences translated as themselves, one paragraph each, with a two-word
    salutation ("Dear colleagues,") after the fourth: its own paragraph (``own_paragraph``) or
    the end of the fourth's. The translation leaves the salutation out, and its fourth sentence
    is longer than its source by about the salutation's length (a few words the translator
    added), so the lengths would let that bead hold the salutation's translation. The TQ101
    findings, on given beads."""
    text = words(3, SRC_LETTERS, 8)
    longer = text[3][:-1] + " " + "abcdefghijklmnop"[:len("Dear colleagues,") - 1] + "."
    sep = "\n\n" if own_paragraph else "\n"
    src = "\n\n".join(text[:3]) + "\n\n" + text[3] + sep + "Dear colleagues,\n\n" + "\n\n".join(text[4:])
    tgt = "\n\n".join(text[:3] + [longer] + text[4:])
    beads = [Bead((i,), (i,), 0.95) for i in range(4)] + [Bead((4,), (), 0.0)] + \
        [Bead((i + 1,), (i,), 0.95) for i in range(4, 8)]
    s = pipeline.segment(src, lang="en", lines=True)
    t = pipeline.segment(tgt, lang="en", lines=True)
    rep = pipeline.run(s, t, beads=beads, select=["TQ10"])
    return [(f.rule, f.source_segment, f.severity.value) for f in rep.findings if f.rule == "TQ101"]


def test_a_paragraph_of_its_own_left_out_is_reported_though_the_bead_before_is_long():
    """Round 21: the salutation is a paragraph of its own, and the long translation beside it
    belongs to another paragraph: translated there, it would have joined two paragraphs of the
    source. Reported (minor: two words), not excused by the lengths."""
    assert _salutation_left_out(own_paragraph=True) == [("TQ101", 4, "minor")]


def test_a_sentence_left_out_beside_a_long_translation_in_its_paragraph_is_absorbed():
    """The same salutation at the end of the fourth sentence's paragraph: the long translation of
    that sentence may hold it (the lengths say so), and nothing is reported."""
    assert _salutation_left_out(own_paragraph=False) == []


# -- a 1-1 link to a sentence from elsewhere, told by its names and numbers (partial._link_by_anchors)
def _replaced_link(extra: str, absorbed: bool, seed: int = 27) -> list[tuple]:
    """Source sentence 7 linked 1-1 to ``extra`` (a sentence of another text) in a document
    without shared words; when ``absorbed``, the translation of source 7 stands in the bead of
    source 6 (a 1-2 bead whose target side is too long for source 6 alone), else it is gone."""
    text = words(seed, SRC_LETTERS, 20)
    tgt = loose(text, seed)
    if absorbed:
        tgt = tgt[:7] + [extra] + tgt[8:]
        beads = [Bead((i,), (i,), 0.9) for i in range(6)] + [Bead((6,), (6,), 0.7), Bead((7,), (7,), 0.05)] + \
            [Bead((i,), (i,), 0.9) for i in range(8, 20)]
        # the translation of source 7 joins that of source 6
        tgt[6] = tgt[6].rstrip(".") + " " + loose(text, seed)[7]
    else:
        tgt = tgt[:7] + [extra] + tgt[8:]
        beads = [Bead((i,), (i,), 0.9) for i in range(6)] + [Bead((6,), (6,), 0.9), Bead((7,), (7,), 0.05)] + \
            [Bead((i,), (i,), 0.9) for i in range(8, 20)]
    s = pipeline.segment("\n".join(text), lang="en", lines=True)
    t = pipeline.segment("\n".join(tgt), lang="en", lines=True)
    rep = pipeline.run(s, t, beads=beads, select=["TQ10"])
    return [(f.rule, f.severity.value, f.source_segment, f.target_segment, f.message) for f in rep.findings]


def test_link_to_a_sentence_with_names_and_numbers_the_source_lacks_is_an_addition():
    """A 1-1 link whose target has numbers and names of its own (none in the source sentence or
    beside it) and words no closer than chance, while the source sentence's translation is
    joined to the bead before (too long without it): the target is added (major). With the
    partner gone too, it is a minor: a sentence in place of another. Without the names and
    numbers nothing tells, and nothing is reported."""
    named = "Qrstu vwxyz Pik Novak 7495 sur Garmo."
    found = [f for f in _replaced_link(named, absorbed=True) if f[0] in ("TQ101", "TQ102")]
    assert [f[:4] for f in found] == [("TQ102", "major", 7, 7)]
    assert "none of its numbers and names (Pik Novak, 7495, Garmo) is in the source sentence" in found[0][4]
    found = [f for f in _replaced_link(named, absorbed=False) if f[0] in ("TQ101", "TQ102")]
    assert [f[:4] for f in found] == [("TQ102", "minor", 7, 7)]
    assert "where the source has" in found[0][4]
    plain = "Qrstu vwxyz puk novok ostu sur garmo."
    assert not [f for f in _replaced_link(plain, absorbed=False) if f[0] in ("TQ101", "TQ102")]


def test_link_with_the_sources_names_or_one_anchor_is_not_replaced():
    """One number alone, or names that the source sentence has, do not make the reading."""
    assert not [f for f in _replaced_link("Qrstu vwxyz puk novok 7495 sur.", absorbed=False)
                if f[0] in ("TQ101", "TQ102")]


def test_translation_with_names_added_is_not_replaced():
    """Where words tell (a text and its copy), a sentence that renders its source and adds two
    names and a number is not read as added."""
    src = ["The weather was fine on the first day of the climb.", "We left the hut at dawn and walked for hours.",
           "The ridge was covered with fresh snow and ice.", "Nobody spoke while we climbed the last slope.",
           "At noon we reached the summit and ate our bread.", "The view over the valleys was wide and clear.",
           "In the afternoon the clouds came up from the south.", "We went down quickly to reach the hut before night."]
    tgt = list(src)
    tgt[4] = "At noon we reached the summit of Piz Novak, 3402 metres, and ate our bread with Garmo."
    beads = [Bead((i,), (i,), 0.9) for i in range(len(src))]
    assert not [f for f in run_beads(src, tgt, beads) if f[0] in ("TQ101", "TQ102")]
