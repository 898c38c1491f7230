"""Omissions and additions next to a doubtful link (issue 4), and the progress bar of the
aligner's feature stage."""
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck.align.banded import align_sentences
from tqcheck.align.features import encode_texts
from tqcheck.checks import completeness as C

from conftest import need_shared


# -- the feature stage progress bar ---------------------------------------------------------------
class CountingBar:
    def __init__(self):
        self.n = 0
        self.calls = 0

    def update(self, k):
        assert k > 0
        self.n += k
        self.calls += 1


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=3500))
def test_encode_texts_advances_the_bar_once_per_sentence(n):
    bar = CountingBar()
    side, words = encode_texts([f"Satz {k} mit Wörtern." for k in range(n)], {}, bar=bar)
    assert side[0] == n == len(words)
    assert bar.n == n
    assert bar.calls <= n // 1000 + 1  # in steps, not one call per sentence


def test_encode_texts_without_bar_is_unchanged():
    texts = ["Eins zwei drei.", "Vier 42 fünf?"]
    a, wa = encode_texts(texts, {})
    b, wb = encode_texts(texts, {}, bar=CountingBar())
    assert a[0] == b[0] and list(a[1]) == list(b[1]) and wa == wb


def _long_pair(n):
    src = [f"Sentence number {k} talks about topic {k % 97} and item {k % 13}." for k in range(n)]
    tgt = [f"Der Satz Nummer {k} spricht über Thema {k % 97} und Punkt {k % 13}." for k in range(n)]
    return src, tgt


def test_feature_progress_bar_on_long_input(capsys):
    src, tgt = _long_pair(2100)
    res = align_sentences(src, tgt, progress=True)
    err = capsys.readouterr().err
    assert "features" in err
    assert len(res.beads) >= 2000


def test_no_progress_bar_when_disabled(capsys):
    src, tgt = _long_pair(2100)
    align_sentences(src, tgt, progress=False)
    out = capsys.readouterr()
    assert "features" not in out.err and "aligning" not in out.err


def test_check_progress_shows_the_document_rules_and_the_analysis_steps(capsys):
    """On a long input the document rules (most of a check's time) and the steps of the
    analysis of missing and moved content show bars too, not only the aligner and the pair
    rules; none without progress, or on a short input."""
    import tqcheck

    src, tgt = _long_pair(600)
    tqcheck.check("\n".join(src), "\n".join(tgt), "en", "de", lines=True, progress=True)
    err = capsys.readouterr().err
    assert "checking the document" in err and "missing and moved content" in err and "unlinked" in err
    tqcheck.check("\n".join(src), "\n".join(tgt), "en", "de", lines=True, progress=False)
    tqcheck.check("\n".join(src[:50]), "\n".join(tgt[:50]), "en", "de", lines=True, progress=True)
    err = capsys.readouterr().err
    assert "checking" not in err and "missing and moved" not in err


# -- _ambiguous_neighbour (unit) -------------------------------------------------------------------
def _sent(i, text="a few words here"):
    return SimpleNamespace(index=i, text=text)


def _pair(k, src, tgt, score):
    return SimpleNamespace(index=k, src=tuple(src), tgt=tuple(tgt), score=score)


def _doc(neighbour_score):
    # beads: [0]:[0]  [1]:[]  [2]:[1]
    s = [_sent(i) for i in range(3)]
    t = [_sent(j) for j in range(2)]
    pairs = [_pair(0, [s[0]], [t[0]], 0.99), _pair(1, [s[1]], [], 0.0),
             _pair(2, [s[2]], [t[1]], neighbour_score)]
    # no names or numbers anywhere (see test_confident_neighbour_is_overruled_by_anchors)
    return SimpleNamespace(pairs=pairs, src=s, tgt=t, anchors=lambda side, text: [], ctx=SimpleNamespace(cache={}),
                           sim_z=lambda i, j: 0.0), pairs[1]


@pytest.mark.parametrize("cur,alt,expect", [
    (1.0, 0.8, (2, False)),    # about as good: both sentences are named
    (1.0, 3.0, (2, True)),     # clearly better: the finding moves
    (1.0, -3.0, (None, False)),  # clearly worse: the aligner was right
])
def test_ambiguous_neighbour_decision(monkeypatch, cur, alt, expect):
    d, p = _doc(0.4)
    ev = {(2, 1): cur, (1, 1): alt, (0, 0): 5.0, (1, 0): -5.0}
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: ev[(i, j)])
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [])
    nb, clear = C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src")
    assert (nb.index if nb else None, clear) == expect


def test_better_length_against_the_words_names_both(monkeypatch):
    # the lone sentence fits the translation clearly better as a whole (its length), but the
    # neighbour's words are more like it: both are named, the finding does not move
    d, p = _doc(0.4)
    ev = {(2, 1): 1.0, (1, 1): 3.0}
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: ev[(i, j)])
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [])
    d.sim_z = lambda i, j: {(2, 1): 0.4, (1, 1): 0.1}[(i, j)]
    nb, clear = C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src")
    assert (nb.index, clear) == (2, False)
    d.sim_z = lambda i, j: {(2, 1): 0.1, (1, 1): 0.4}[(i, j)]
    assert C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src")[1] is True


def test_confident_neighbour_is_left_alone(monkeypatch):
    d, p = _doc(0.95)
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: 0.0)
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [])
    assert C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src") == (None, False)


def test_confident_neighbour_is_overruled_by_anchors(monkeypatch):
    # the lone source sentence shares a number with the neighbour's translation; the confidently
    # linked neighbour has a number of its own that the translation lacks and shares none
    d, p = _doc(0.95)
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: 0.0)
    d.src[1].text, d.src[2].text = "lone 1955", "neighbour 2040"
    num = {"1955": SimpleNamespace(is_number=True, norm="1955"), "2040": SimpleNamespace(is_number=True, norm="2040")}
    d.anchors = lambda side, text: [num[w] for w in text.split() if w in num]
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [t for t in d.anchors(side, text)
                                                                     if t.norm != "1955"])
    nb, clear = C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src")
    assert (nb.index, clear) == (2, True)
    # the same with the lone sentence sharing nothing: the confident link stands
    d.src[1].text = "lone"
    assert C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src") == (None, False)


def test_confident_neighbour_is_questioned_when_its_names_fit_worse(monkeypatch):
    """Fixture, its one-sentence paragraph 12 left out: the aligner links source 12 ("… our
    Member States … Kazakhstan") confidently to the translation of source 13 ("… the brotherly
    Kazakh people; Kazakh authorities …") and leaves 13 unlinked. Both share a name with that
    translation (Kazakh); only the neighbour also has names it lacks (Member, States). The
    evidence does not say which one is left out: both are named. It moves only when the
    neighbour shares nothing (test above)."""
    d, p = _doc(0.95)
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: 0.0)
    d.src[1].text, d.src[2].text = "lone Kazakh", "neighbour Kazakh Member"
    tok = {w: SimpleNamespace(is_number=False, norm=w) for w in ("Kazakh", "Member")}
    d.anchors = lambda side, text: [tok[w] for w in text.split() if w in tok]
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [t for t in d.anchors(side, text)
                                                                     if t.norm == "Member"])
    nb, clear = C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src")
    assert (nb.index, clear) == (2, False)
    # the lone sentence lacks a name there too: nothing says it fits better, the link stands
    d.src[1].text = "lone Kazakh Member"
    assert C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src") == (None, False)
    # the neighbour has every one of its names there: the link stands
    d.src[1].text, d.src[2].text = "lone Kazakh", "neighbour Kazakh"
    assert C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src") == (None, False)


@pytest.mark.parametrize("side", ["src", "tgt"])
def test_a_neighbour_reported_instead_is_the_findings_sentence(monkeypatch, side):
    """When the neighbour is clearly the untranslated (added) sentence, the finding reports it, and
    the issue names it as its sentences too (the later pairing of moved sentences reads them),
    not the bead's own sentence (session 36)."""
    d, p = _doc(0.4)
    if side == "tgt":  # the same beads read the other way: [0]:[0]  []:[1]  [1]:[2]
        d.src, d.tgt = d.tgt, d.src
        d.pairs = [_pair(q.index, q.tgt, q.src, q.score) for q in d.pairs]
        p = d.pairs[1]
    nb = d.pairs[2].src[0] if side == "src" else d.pairs[2].tgt[0]
    monkeypatch.setattr(C.unlinked, "_ambiguous_neighbour", lambda d, an, p, side: (nb, True))
    for name in ("_absorbed", "_member_for_stray", "_member_for_stray_by_anchors", "_condensed_into",
                 "_fused_elsewhere", "_sole_place_elsewhere"):
        monkeypatch.setattr(C.unlinked, name, lambda *a, **k: None)
    an = C.Analysis()
    C.unlinked._unlinked_side(d, an, [p], side)
    (it,) = an.issues
    assert (it.src if side == "src" else it.tgt) is nb
    assert it.sentences(side) == (nb,)


def _fixture_paragraph_12_left_out():
    """The fixture with its one-sentence paragraph 12 removed from the translation: the report and
    the TQ101 findings that cover source 12."""
    perturb = _perturb()
    doc = perturb.fixture_doc()
    flat = [s for para in doc.tgt for s in para]
    gone = next(p for p, para in enumerate(doc.tgt) if para == [flat[12]])
    tgt = [para for p, para in enumerate(doc.tgt) if p != gone]
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "en", "tr", lines=True)
    hits = [f for f in rep.findings if f.rule == "TQ101" and 12 in perturb._covered(rep.source, f.source_segment, f.source_span)]
    return rep, hits


def test_fixture_paragraph_left_out_beside_a_confident_link_names_both(no_punctuation):
    """The fixture with its one-sentence paragraph 12 removed from the translation: the finding
    names source 12 as well as 13, which the aligner left unlinked."""
    # the case as the aligner made it before it read punctuation (round 23): see no_punctuation
    rep, hits = _fixture_paragraph_12_left_out()
    assert len(hits) == 1 and "or the one before it" in hits[0].message, \
        [(f.rule, f.source_segment, f.message) for f in rep.findings]


def test_fixture_paragraph_left_out_is_named_alone_when_the_punctuation_places_it():
    """The same pair with the aligner reading punctuation: it leaves source 12 itself unlinked,
    and the finding names it alone."""
    rep, hits = _fixture_paragraph_12_left_out()
    assert [(f.source_segment, f.severity.value) for f in hits] == [(12, "major")], \
        [(f.rule, f.source_segment, f.message) for f in rep.findings]
    assert "or the one" not in hits[0].message


def test_taken_neighbour_is_left_alone(monkeypatch):
    d, p = _doc(0.4)
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: 0.0)
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [])
    an = C.Analysis()
    an.taken.add(("src", 2))
    assert C.unlinked._ambiguous_neighbour(d, an, p, "src") == (None, False)


def test_anchors_overrule_an_ambiguous_length(monkeypatch):
    d, p = _doc(0.4)
    monkeypatch.setattr(C.unlinked, "_link_evidence", lambda d, i, j: 0.0)
    # the lone sentence has a number the neighbour's translation lacks; the neighbour has none
    num = SimpleNamespace(is_number=True)
    monkeypatch.setattr(C.unlinked, "_missing", lambda d, side, text, other: [num] if text == "lone" else [])
    d.src[1].text = "lone"
    assert C.unlinked._ambiguous_neighbour(d, C.Analysis(), p, "src") == (None, False)


# -- public behaviour on real text ------------------------------------------------------------------
def _perturb():
    from conftest import benchmark

    return benchmark("perturb")


def _covered_src(rep, f):
    return _perturb()._covered(rep.source, f.source_segment, f.source_span)


def test_omission_next_to_a_doubtful_link_names_the_omitted_sentence():
    """Text+Berg window test1:23: leaving out the translation of source sentence 12 makes the
    aligner link 12 to the translation of 13 (same length, no shared words); the finding must
    still cover sentence 12."""
    perturb = _perturb()
    data = need_shared("bench", "align")
    doc = next(d for d in perturb.textberg_docs(data) if d.name == "test1:23")
    j = next(j for j, i in doc.link.items() if i == 12)
    tgt = [list(p) for p in doc.tgt]
    pos = perturb._index(doc.tgt)[j]
    del tgt[pos[0]][pos[1]]
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    omissions = [f for f in rep.findings if f.rule in ("TQ101", "TQ103")]
    assert any(12 in _covered_src(rep, f) for f in omissions)
    # and the untouched window does not gain a finding there
    base = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not any(12 in _covered_src(base, f) for f in base.findings if f.rule in ("TQ101", "TQ103"))


def test_duplicate_attached_to_a_neighbouring_bead_is_reported():
    """Text+Berg window test1:162: a sentence repeated right after itself, which the aligner
    attaches to the next bead (2-2): still one TQ106 on one of the two copies."""
    perturb = _perturb()
    data = need_shared("bench", "align")
    doc = next(d for d in perturb.textberg_docs(data) if d.name == "test1:162")
    flat = [s for p in doc.tgt for s in p]
    j = next(k for k, s in enumerate(flat) if s.startswith("Avec un dernier coup de reins"))
    tgt = [list(p) for p in doc.tgt]
    p, x = perturb._index(doc.tgt)[j]
    tgt[p].insert(x + 1, tgt[p][x])
    rep = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(tgt), "de", "fr", lines=True)
    dup = [f for f in rep.findings if f.rule == "TQ106"]
    assert len(dup) == 1 and dup[0].target_segment in (j, j + 1)
    base = tqcheck.check(perturb.text_of(doc.src), perturb.text_of(doc.tgt), "de", "fr", lines=True)
    assert not [f for f in base.findings if f.rule == "TQ106"]


def test_perturb_recall_interval_is_the_wilson_score_interval():
    """The benchmark prints a 95 % interval beside each recall: 28 variants per kind leave a
    wide one, which the figures must be read with."""
    from conftest import benchmark

    wilson = benchmark("perturb").wilson
    lo, hi = wilson(5, 10)
    assert abs(lo - 0.2366) < 1e-3 and abs(hi - 0.7634) < 1e-3
    lo, hi = wilson(17, 28)
    assert lo < 17 / 28 < hi and 0.40 < lo < 0.45 and 0.75 < hi < 0.79
    assert wilson(28, 28)[1] == 1.0 and wilson(0, 28)[0] == 0.0
    # more variants, a narrower interval around the same share
    assert wilson(170, 280)[1] - wilson(170, 280)[0] < hi - lo
    assert wilson(0, 0) == (0.0, 1.0)
