"""Synthetic pairs whose sentences share nothing but one word CLDR names in both languages (a
number, a weekday, a unit), for the tests of :mod:`tqcheck.align.numberwords` and
:mod:`tqcheck.align.concepts`."""
from __future__ import annotations

import random
from collections.abc import Sequence

from tqcheck.align.banded import align_sentences


def pair_sharing(src_words: Sequence[str], tgt_words: Sequence[str], seed: int) -> tuple[list[str], list[str]]:
    """One sentence per word pair, in an order of the seed's: six six-letter words (the source's
    from the letters a–m, the target's from n–z: no character trigram in common) with the
    source word, and the target word, at the same place."""
    rng = random.Random(seed)
    order = list(range(len(src_words)))
    rng.shuffle(order)

    def word(letters: str) -> str:
        return "".join(rng.choice(letters) for _ in range(6))

    src, tgt = [], []
    for k in order:
        at = rng.randrange(7)
        ws = [word("abcdefghijklm") for _ in range(6)]
        wt = [word("nopqrstuvwxyz") for _ in range(6)]
        src.append(" ".join(ws[:at] + [src_words[k]] + ws[at:]).capitalize() + " .")
        tgt.append(" ".join(wt[:at] + [tgt_words[k]] + wt[at:]).capitalize() + " .")
    return src, tgt


def unlinked_sources(src: list[str], tgt: list[str], k: int, src_lang: str, tgt_lang: str) -> list[tuple[int, ...]]:
    """The source sentences the aligner leaves unlinked once target sentence ``k`` is removed."""
    res = align_sentences(src, tgt[:k] + tgt[k + 1:], src_lang=src_lang, tgt_lang=tgt_lang)
    return [b.src for b in res.beads if not b.tgt]


def placed_right(make_pair, seeds: Sequence[int] = range(4), src_lang: str = "de", tgt_lang: str = "fr") -> int:
    """For how many of the pairs ``make_pair(seed)`` the aligner leaves exactly the source
    sentence ``4 + 2 * seed`` unlinked once its translation is removed."""
    right = 0
    for seed in seeds:
        src, tgt = make_pair(seed)
        k = 4 + 2 * seed
        right += unlinked_sources(src, tgt, k, src_lang, tgt_lang) == [(k,)]
    return right
