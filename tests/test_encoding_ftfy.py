"""The detector against ftfy's own test cases (../shared/bench/glitch/ftfy_test_cases.json):
recall on real mojibake, silence on the negative cases."""
import json

import pytest

from tqcheck.encoding import detect, repair

from conftest import need_shared

CASES = json.loads(need_shared("bench", "glitch", "ftfy_test_cases.json").read_text(encoding="utf-8"))
POSITIVE_FILES = ("in-the-wild", "synthetic", "language-names")


def _negative(case) -> bool:
    return "negative" in case["label"].lower()


def _expected(case) -> str:
    return case.get("fixed-encoding", case["fixed"])


NEGATIVES = [c for c in CASES if _negative(c)]
POSITIVES = [c for c in CASES if not _negative(c) and c["expect"] == "pass"
             and any(f in c["source_file"] for f in POSITIVE_FILES)]


def test_case_counts():
    # the README: 45 labels contain "negative"; 151 pass cases
    assert len(NEGATIVES) == 45
    assert len(POSITIVES) + len(NEGATIVES) + 10 == len(CASES) == 161


@pytest.mark.parametrize("case", NEGATIVES, ids=[c["label"][:60] for c in NEGATIVES])
def test_negative_cases_are_not_flagged(case):
    found = detect(case["original"], None)
    if case["original"].startswith("SENSЕ"):
        # a Cyrillic Е ends a Latin word: not mojibake, but exactly what the homoglyph check is for
        assert [(d.kind, d.replacement) for d in found] == [("homoglyph", "SENSE")]
    elif _expected(case) != case["original"]:
        # "Mostly negative": a real C1 control character ftfy does fix; our repair must be its repair
        assert repair(case["original"], None)[0] == _expected(case)
    else:
        assert found == [], [(d.kind, d.original) for d in found]


def test_recall_on_mojibake():
    flagged = [c for c in POSITIVES if detect(c["original"], None)]
    recall = len(flagged) / len(POSITIVES)
    # measured 109/116; the 7 misses are not encoding damage ftfy.fix_encoding changes
    # (ligatures, HTML entities, lower-cased mojibake)
    assert recall >= 0.9, recall
    missed = [c["label"] for c in POSITIVES if c not in flagged and _expected(c) != c["original"]]
    assert missed == [], missed


def test_repairs_match_ftfy_expectations():
    changed = [c for c in POSITIVES if _expected(c) != c["original"]]
    wrong = [(c["original"], repair(c["original"], None)[0]) for c in changed
             if repair(c["original"], None)[0] != _expected(c)]
    assert not wrong, wrong[:3]


def test_known_failure_latin1_read_as_macroman_with_a_language():
    # ftfy cannot tell Latin-1 from Mac Roman without knowing the language; the word list can
    [d] = detect("Sarai ricontattato dal nostro Esperto al pi√π presto.", "it")
    assert (d.original, d.replacement) == ("pi√π", "più")
