"""The Text+Berg scorer (strict / lax P, R, F1) and the alignment formats."""
import json

import pytest

from conftest import need_shared
from tqcheck.align.base import Bead
from tqcheck.align.formats import format_beads
from tqcheck.align.score import count, parse_vecalign, score, score_many

NAMES = [f"test{k}" for k in range(6)] + ["dev"]


@pytest.mark.parametrize("name", NAMES)
def test_gold_against_itself_is_perfect(name):
    gold = parse_vecalign(need_shared("bench", "align", f"{name}.defr").read_text(encoding="utf-8"))
    assert all(v == 1.0 for v in score(gold, gold).values())


def test_micro_average_over_documents():
    docs = [parse_vecalign(need_shared("bench", "align", f"{n}.defr").read_text(encoding="utf-8"))
            for n in NAMES[:6]]
    assert all(v == 1.0 for v in score_many([(g, g) for g in docs]).values())


def test_strict_and_lax_hits():
    gold = [((0,), (0, 1)), ((1,), (2,)), ((), (3,)), ((2,), (4,))]
    pred = [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((), (3,)), ((2,), (4,))]
    c = count(gold, pred)
    # precision: [0]:[0] lax only, []:[1] miss, three strict hits
    assert (c.p_strict, c.p_strict_n, c.p_lax, c.p_lax_n) == (3, 5, 4, 5)
    # recall over gold beads non-empty on both sides: [0]:[0,1] lax only
    assert (c.r_strict, c.r_strict_n, c.r_lax, c.r_lax_n) == (2, 3, 3, 3)
    s = score(gold, pred)
    assert s["precision_strict"] == pytest.approx(0.6)
    assert s["f1_lax"] == pytest.approx(2 * 0.8 * 1.0 / 1.8)


def test_duplicates_and_empty_beads_are_ignored():
    gold = [((0,), (0,))]
    assert score(gold, [((0,), (0,)), ((0,), (0,)), ((), ())])["precision_strict"] == 1.0


def test_nothing_predicted_scores_zero():
    assert score([((0,), (0,))], [])["f1_strict"] == 0.0


def test_parse_vecalign_roundtrip():
    beads = [Bead((0, 1), (2,)), Bead((2,), ()), Bead((), (3,))]
    text = format_beads(beads, "vecalign")
    assert text == "[0, 1]:[2]\n[2]:[]\n[]:[3]\n"
    assert parse_vecalign(text) == [((0, 1), (2,)), ((2,), ()), ((), (3,))]


def test_tsv_and_json_formats():
    beads = [Bead((0,), (0, 1), 0.5), Bead((1,), ())]
    tsv = format_beads(beads, "tsv").splitlines()
    assert tsv[0].split("\t") == ["source", "target", "kind", "score"]
    assert tsv[1].split("\t") == ["0", "0,1", "1-2", "0.5000"]
    assert tsv[2].split("\t")[:3] == ["1", "", "1-0"]
    data = json.loads(format_beads(beads, "json"))
    assert data[0] == {"source": [0], "target": [0, 1], "kind": "1-2", "score": 0.5}
    with pytest.raises(ValueError):
        format_beads(beads, "xml")
