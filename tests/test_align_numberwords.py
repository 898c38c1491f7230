"""Numbers written as words as the aligner's and the checks' number features
(:mod:`tqcheck.align.numberwords`): ``fünf`` meets ``5`` and ``cinq`` through CLDR's spell-out
rules, in every language they cover."""
from __future__ import annotations

from collections import Counter

import pytest

import tqcheck
from tqcheck.align import concepts
from tqcheck.align.banded import align_sentences
from tqcheck.align.numberwords import number_word_features, spelled_values, word_values

from shared_words import pair_sharing, placed_right, unlinked_sources


def test_word_values_come_from_cldr():
    de, fr = word_values("de"), word_values("fr")
    assert de["fünf"] == 5 and de["zwanzig"] == 20 and de["tausend"] == 1000 and de["zweiten"] == 2
    assert fr["cinq"] == 5 and fr["vingt"] == 20 and fr["deuxième"] == 2
    assert word_values("tr")["üç"] == 3 and word_values("ru")["три"] == 3
    # one alone is left out (the indefinite article); forms of several words are kept
    assert "ein" not in de and "un" not in fr and "une" not in fr
    assert fr["dix huit"] == 18 and fr["vingt et un"] == 21
    assert word_values("xx") == {} and word_values(None) == {}


def test_the_longest_form_that_stands_is_read():
    assert spelled_values("qu' à dix-huit heures , vingt et un ans , un homme", "fr") == [18, 21]
    assert spelled_values("quatre-vingt-dix ou deux cents", "fr") == [90, 200]
    assert spelled_values("fünfundzwanzig Leute , zwei Hunde , ein Haus", "de") == [25, 2]
    assert spelled_values("dreist", "de") == [] and spelled_values("fünf", "xx") == []


def test_features_of_spelled_numbers():
    assert number_word_features(["Um fünf Uhr piepst die Uhr .", "Nichts ."], "de") == [Counter({"#5": 1}), Counter()]
    assert number_word_features(["trois membres et trois guides"], "fr") == [Counter({"#3": 2})]
    assert number_word_features(["dreist"], "de") is None  # no number word in any text
    assert number_word_features(["fünf"], "xx") is None  # no spell-out rules for the language


# -- a pair whose sentences share nothing but their numbers, written as words ----------------------
_DE = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn",
       "vierzehn", "fünfzehn", "sechzehn", "zwanzig"]
_FR = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
       "quatorze", "quinze", "seize", "vingt"]


def _pair(seed: int, digits: bool = False):
    """Sixteen sentences that share nothing but one number, in German words in the source
    (``digits``: in digits) and French words in the target."""
    values = [str(v) for v in [*range(2, 17), 20]]
    return pair_sharing(values if digits else _DE, _FR, seed)


@pytest.mark.parametrize("seed", range(4))
def test_number_words_place_an_omission(seed):
    src, tgt = _pair(seed)
    k = 4 + 2 * seed
    t = tgt[:k] + tgt[k + 1:]
    assert unlinked_sources(src, tgt, k, "de", "fr") == [(k,)]
    res = align_sentences(src, t, src_lang="de", tgt_lang="fr")
    assert all(b.tgt == ((b.src[0] if b.src[0] < k else b.src[0] - 1),) for b in res.beads if b.tgt)
    report = tqcheck.check("\n".join(src), "\n".join(t), "de", "fr", lines=True)
    assert [(f.rule, f.source_segment) for f in report.findings if f.rule.startswith("TQ1")] == [("TQ101", k)]


def test_without_number_words_the_omission_is_placed_by_chance(monkeypatch):
    """The same pairs with the feature switched off (in the aligner and in the checks): the
    omission is found at its place for at most one of the four."""
    monkeypatch.setattr(concepts, "number_word_features", lambda texts, lang: None)
    assert placed_right(_pair) <= 1


def test_digits_meet_number_words():
    """A source with digits, a translation that writes them out."""
    src, tgt = _pair(11, digits=True)
    assert any(" 16 " in s for s in src)
    assert unlinked_sources(src, tgt, 9, "de", "fr") == [(9,)]
