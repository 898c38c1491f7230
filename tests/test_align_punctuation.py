"""The punctuation inside a sentence as an alignment feature (commas, semicolons, brackets,
quotation marks, dashes): what is counted, that the aligner's encoder adds it to the checks'
feature bags (which leave it out), and that two sentences with no word in common but the same
punctuation read as closer to the aligner than two with different punctuation."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from tqcheck.align.features import (
    BagArrays, build_features, encode_texts, punctuation_features, sentence_features,
)


@pytest.mark.parametrize("text,expect", [
    # two commas, a bracket, a pair of guillemets, a spaced hyphen and a dash, a semicolon
    ("Hello, world, «quoted» (see) — yes; no - ok.",
     {"P,": 2, "P,2": 1, "P(": 1, "P(1": 1, 'P"': 2, 'P"2': 1, "P-": 2, "P-2": 1, "P;": 1, "P;1": 1}),
    # the commas of numbers are the numbers' own; the one after a number is punctuation
    ("In 2019, about 1,000 people paid 3,5 euros.", {"P,": 1, "P,1": 1}),
    # a hyphen inside a word is not a dash; an apostrophe is not a quotation mark
    ("A well-known climber's route.", {}),
    # the commas of Chinese (an enumeration comma too) and full-width brackets
    ("一、二，三（四）", {"P,": 2, "P,2": 1, "P(": 1, "P(1": 1}),
    # the count feature stops at five
    ("a, b, c, d, e, f, g.", {"P,": 6, "P,5": 1}),
])
def test_punctuation_features_count_each_kind(text, expect):
    assert Counter(punctuation_features(text)) == Counter(expect)


def test_the_aligner_reads_the_checks_bags_and_the_punctuation():
    """The aligner encodes sentences straight into arrays (``encode_texts``): the checks' bags
    (``sentence_features``, without punctuation) and the punctuation features, nothing else."""
    texts = ["Er kam, sah (und) siegte; «so» — sagt man.", "Nichts davon 1,5 , nein", "Ohne alles"]
    index: dict = {}
    (n, fid, rows, _), _ = encode_texts(texts, index)
    names = {v: k for k, v in index.items()}
    for r, text in enumerate(texts):
        encoded = Counter(names[f] for f, row in zip(fid.tolist(), rows.tolist()) if row == r)
        bag = sentence_features(text)[0]
        assert not any(k.startswith("P") for k in bag)
        assert encoded == bag + Counter(punctuation_features(text))


def _cos(F, G, i: int, j: int) -> float:
    d = F.dot_rows_other(i, G, j)
    return d / float(np.sqrt(F.norm2[i] * G.norm2[j])) if d else 0.0


def _aligner_features(src: list[str], tgt: list[str]):
    index: dict = {}
    sides = [encode_texts(texts, index)[0] for texts in (src, tgt)]
    return build_features(src, tgt, bags=BagArrays(index, sides))


def test_same_punctuation_reads_closer_where_no_word_is_shared():
    # the two sides share no character trigram (letters a-m against n-z): only the punctuation
    src = ["Abc def, ghi jkl, bac.", "Dek fig hal cab.", "Mad lej (gac) bic."]
    tgt = ["Nop qrs, tuv wxy, zon.", "Pot rus wyz xon.", "Sun vox (ryt) qop."]
    FS, FT, info = _aligner_features(src, tgt)
    assert info["vocab"] > 0
    assert _cos(FS, FT, 0, 0) > _cos(FS, FT, 0, 1) and _cos(FS, FT, 0, 0) > _cos(FS, FT, 0, 2)
    assert _cos(FS, FT, 2, 2) > _cos(FS, FT, 2, 0) and _cos(FS, FT, 2, 2) > _cos(FS, FT, 2, 1)
    # two commas match two commas better than one comma does
    FS, FT, _ = _aligner_features(["Abc, def, ghi.", "Jkl mab."], ["Nop, qrs, tuv.", "Wxy, zon."])
    assert _cos(FS, FT, 0, 0) > _cos(FS, FT, 0, 1)
    # the checks' own features do not see it: nothing is shared
    assert build_features(src, tgt)[2]["vocab"] == 0


def test_the_aligner_places_an_omission_by_punctuation_where_nothing_else_tells():
    """Five source sentences, four target ones, every sentence of about one length and no letter
    in common: only the punctuation says that the second source sentence (the one with a
    bracket) is the one left out. Without the punctuation the aligner links in order and merges
    the last two."""
    from tqcheck.align.banded import align_sentences

    src = ["Abc def, ghi jkl, bac dek.", "Fig hal (cab) mad lej.", "Gac bic «dam» hel fag.",
           "Jab kel mic ged fla.", "Hid mag, cel (fib) ak."]
    tgt = ["Nop qrs, tuv wxy, zon pot.", "Ryt qop «nuz» try wop.", "Pun rot wyz sox tur.",
           "Wos tyr, pun (qyr) zo."]
    beads = align_sentences(src, tgt).beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)),
                                               ((4,), (3,))]
