"""benchmarks/similarity_members.py's readings, on a small synthetic pair whose translation is a
copy of the source (a link then matches fully, neighbours share nothing): a member read with its
own copy in a merged bead looks like a translation, one read beside its neighbour's copy alone
(an orphan) or beside a sentence from far away (foreign) looks unrelated. No run on Text+Berg."""
from __future__ import annotations

import random

import tqcheck
from conftest import benchmark

sm = benchmark("similarity_members")


def _sentences(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    letters = "bcdfghklmnprstvz"
    vowels = "aeiou"

    def word() -> str:
        return "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))

    return [" ".join(word() for _ in range(rng.randint(6, 10))).capitalize() + " ." for _ in range(n)]


def _readings():
    src = _sentences(40)
    rep = tqcheck.check("\n".join(src) + "\n", "\n".join(src) + "\n", "en", "en", lines=True)
    d = sm.doc_of(rep, "en", "en")
    ones = [(k, k) for k in range(len(src))]
    gold = [((k,), (k,)) for k in range(len(src))]
    return sm.member_readings(d, ones, gold, random.Random(1))


def test_members_with_their_own_translation_read_as_related_orphans_and_foreign_ones_not():
    res = _readings()
    by = {k: [r[2] for r in res if r[0] == k] for k in sm.KINDS}
    # every neighbouring pair gives a genuine and an orphan reading per member and side
    assert len(by["genuine"]) == len(by["orphan"]) == 2 * 2 * 39
    assert by["foreign"] and not by["gold"]  # the synthetic gold has no 1-2 bead
    assert min(by["genuine"]) > 0.4  # half of a merged bead that is its own copy
    assert max(by["orphan"]) < 0.3 and max(by["foreign"]) < 0.3
    # the rule of the table calls orphans, not genuine members
    assert sm.flag_rate(res, "genuine", 0.2, 0.9) == 0.0
    assert sm.flag_rate(res, "orphan", 0.2, 0.9) > 0.9


def test_gold_merges_are_read_member_by_member():
    src = _sentences(40)
    tgt = list(src)
    rep = tqcheck.check("\n".join(src) + "\n", "\n".join(tgt) + "\n", "en", "en", lines=True)
    d = sm.doc_of(rep, "en", "en")
    # the gold says source 10 and 11 are translated by target 10 alone: a 2-1 bead
    gold = [((10, 11), (10,))]
    res = sm.member_readings(d, [], gold, random.Random(1))
    assert [r[:2] for r in res] == [("gold", "src"), ("gold", "src")]
    own, other = res[1], res[0]  # source 10 is read second: it is target 10's own copy
    assert own[2] > 0.5 > other[2]
    assert other[3] == own[2]  # each member's rest is the other member
