"""Readings with the user's dictionary (``--dictionary``): how many of a sentence's known
words are translated, against each word's chance rate in the document (:func:`_word_odds`),
and the members, strays and links it shows to be omitted or added.
"""
from __future__ import annotations

import math

from ...align.dictionary import keys as dictionary_keys
from ...align.features import tokens
from ...align.lengths import text_length
from ...document import Sentence
from ..base import DICTIONARY, Pair
from ._doc import (
    Analysis, _Doc, _Issue, _SURE_LINK, _missing, _other, _own_anchors, _quote, _words,
)


def _denied_by_dictionary(d: _Doc, p: Pair, side: str, q: Pair, at_sure_rate: bool = False) -> bool:
    """Whether the user's dictionary says the unlinked sentence of ``p`` renders nothing of the
    neighbouring bead ``q``'s other side, which ``q``'s own sentences do render
    (:func:`_untranslated_by_dictionary`): the neighbour's unusual length is its own matter.
    ``at_sure_rate``: where ``q``'s own sentences have too few words translated to give a rate
    but the aligner is sure of ``q`` (:data:`_SURE_LINK`, a link :func:`_dictionary_rates` reads), the
    sentence's known words are read against the document's rate of sure links instead (for
    :func:`_absorbed`; a doubtful ``q`` may hold the unlinked sentence's translation instead of
    its own, which the dictionary would then read poorly too)."""
    x = (p.src if side == "src" else p.tgt)[0]
    mine, theirs = (q.src, q.tgt) if side == "src" else (q.tgt, q.src)
    if _untranslated_by_dictionary(d, side, x, list(mine), list(theirs)) is not None:
        return True
    dic = d.ctx.cache.get(DICTIONARY)
    if not at_sure_rate or q.score < _SURE_LINK or dic is None or not theirs:
        return False
    keys = d.dict_keys(_other(side), theirs)
    if _rest_cover(d, dic, side, list(mine), keys)[0] >= _DICT_REST_HITS:
        return False  # the bead's own rate was read, and it does not deny
    return _renders_nothing_of(d, side, x, list(theirs))


def _renders_nothing_of(d: _Doc, side: str, x: Sentence, theirs: list[Sentence]) -> bool:
    """With the user's dictionary: whether ``x`` (of ``side``) has at least :data:`_DICT_KNOWN`
    words it knows and the sentences ``theirs`` of the other side translate fewer of them than
    the document's rate of sure links would, so few that chance explains them
    :data:`_DICT_MEMBER_ODDS` better (:func:`_word_odds`): ``theirs`` is not its translation."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None or not theirs:
        return False
    keys = d.dict_keys(_other(side), theirs)
    hits, known = _dict_cover(d, dic, side, [x], keys)
    rate = d.dict_rates()[1]
    return known >= _DICT_KNOWN and hits < rate * known and \
        _word_odds(d, side, x, keys, theirs[0], rate) >= _DICT_MEMBER_ODDS


def _bead_beside(d: _Doc, p: Pair, side: str, x: Sentence) -> Pair | None:
    """The bead next to ``p`` on the edge where its sentence ``x`` (of ``side``) stands."""
    many = p.src if side == "src" else p.tgt
    k = p.index - 1 if x is many[0] else p.index + 1
    return d.pairs[k] if 0 <= k < len(d.pairs) and x in (many[0], many[-1]) else None


def _dict_cover(d: _Doc, dic, side: str, sents, theirs: set[str]) -> tuple[int, int]:
    """(translated, known) words the dictionary knows of ``sents`` (of ``side``) in the other
    side's text of keys ``theirs`` (:meth:`_Doc.dict_keys`)."""
    return dic.cover_keys(d.dict_keys(side, sents), theirs, source=side == "src")


def _dict_renders_beside(d: _Doc, p: Pair, side: str, x: Sentence, rest: list[Sentence],
                         others: list[Sentence]) -> bool:
    """With the user's dictionary: whether the edge sentence ``x`` of bead ``p`` translates the
    bead beside it (:func:`_renders_neighbour`) at the rate ``rest`` translates ``others`` (its
    own bead's other side). Without a dictionary, or with no word of the rest known, False."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None or not rest or not others:
        return False
    theirs = d.dict_keys(_other(side), others)
    rest_hits, rest_known = _rest_cover(d, dic, side, rest, theirs)
    if not rest_known:
        return False
    return _renders_neighbour(d, p, side, x, rest_hits / rest_known)


def _rest_cover(d: _Doc, dic, side: str, rest: list[Sentence], theirs: set[str]) -> tuple[int, int]:
    """:func:`_dict_cover` of each sentence of ``rest`` on its own, summed (a word two of them
    share counts for each)."""
    cover = [_dict_cover(d, dic, side, [y], theirs) for y in rest]
    return sum(h for h, _ in cover), sum(k for _, k in cover)


def _shares_anchor(d: _Doc, side: str, lone: Sentence, rest: list[Sentence], o: Sentence | str) -> bool:
    """Whether a number or name of ``lone`` that the rest of its bead does not have appears in
    ``o`` (the other side of the bead: a sentence or its text)."""
    own = _own_anchors(d, side, lone, rest)
    if not own:
        return False
    gone = _missing(d, side, lone.text, o if isinstance(o, str) else o.text)
    return any(t not in gone for t in own)


#: a member of a merged bead is read as untranslated by the dictionary when it has at least this
#: many words the dictionary knows, none translated on the other side, and the rest of the bead
#: at least :data:`_DICT_REST_HITS` words that are
_DICT_KNOWN = 4
_DICT_REST_HITS = 3
#: ... and the rest alone a length within this many standard deviations of the usual ratio (the
#: words decide; the lengths only rule out a genuine split, whose rest alone is far too short)
_DICT_REST_Z = 1.0
#: ... or within :data:`_DICT_REST_Z_MAX` of it, when the words outweigh the lengths: the
#: dictionary's log-likelihood ratio plus the lengths' (a normal rest against a normal whole,
#: (z_whole² − z_rest²) / 2) at least :data:`_DICT_LENGTH_ODDS`. Measured on neighbouring gold 1-1
#: pairs of Text+Berg, both directions (docs/alignment.md, round 19; ``benchmarks/dictionary_members.py``):
#: with the rest 2-3 sd off, 5 of 740 genuine merges read so against 43 of 68 orphans (1-2 sd:
#: 10 of 594 against 358 of 445); 3-4 sd off, 4 of 639 against 1 of 2, so no farther (session 30)
_DICT_REST_Z_MAX = 3.0
_DICT_LENGTH_ODDS = 5.0
#: ... or a few translated, when that many are far likelier at the rates the member's words are
#: translated by chance nearby (each its own: :func:`_word_odds`) than at the rate the rest of the
#: bead translates its own: log-likelihood ratio at least this (a member that translates 1 of its
#: 12 known words, 6 % by chance, beside a neighbour that translates 16 of 38). Measured on
#: neighbouring gold 1-1 pairs of Text+Berg, both directions (docs/alignment.md, rounds 18 and 24;
#: benchmarks/dictionary_members.py)
_DICT_MEMBER_ODDS = 3.0


#: a member read as untranslated: (hits, known, the rest's hits, the rest's known, log-odds of
#: chance against the rest's rate, the member's keys left out of the reading)
_Reading = tuple[int, int, int, int, float, set[str]]


def _log_odds(hits: int, n: int, p0: float, p1: float) -> float:
    """log P(hits of n | rate p0) - log P(hits of n | rate p1): how much likelier so many hits
    are at the chance rate ``p0`` than at the rate ``p1`` of a translation (−inf when p1 <= p0)."""
    if p1 <= p0:
        return -math.inf
    p1 = min(p1, 0.9)  # no translation renders every word: a rest that seems to is a small sample
    return hits * math.log(p0 / p1) + (n - hits) * math.log((1 - p0) / (1 - p1))


def _word_odds(d: _Doc, side: str, x: Sentence, theirs: set[str], one: Sentence, rate: float,
               skip: set[str] = frozenset()) -> float:
    """:func:`_log_odds` word by word: log P(``x``'s hits in the other side's keys ``theirs`` |
    chance) - log P(them | a translation rendering its words at ``rate``), each known word at its
    own chance rate near ``one`` (:meth:`_Doc.key_chance`). A translation meets a word either
    by rendering it or by chance (rate + (1 − rate) × chance). Common words that meet their
    translations anywhere ("notre", "sa") weigh little either way; a rare word met weighs much."""
    chance = d.key_chance(side, x, one)
    hit = d.ctx.cache[DICTIONARY].key_hits(d.dict_keys(side, [x]), theirs, source=side == "src")
    rate = min(rate, 0.9)
    out = 0.0
    for w, c in chance.items():
        if w in skip:
            continue
        p1 = rate + (1 - rate) * c
        if p1 <= c:
            return -math.inf
        out += math.log(c / p1) if hit[w] else math.log((1 - c) / (1 - p1))
    return out


def _dict_count(hits: int, known: int) -> str:
    return f"none of its {known} words" if not hits else f"only {hits} of its {known} words"


def _chance_note(d: _Doc, side: str, x: Sentence, others: list[Sentence], hits: int, then: str = "",
                 skip: set[str] = frozenset()) -> str:
    """The end of a message about ``x`` (of ``side``) whose few words translated in ``others``
    read as chance: those words, quoted, and how often each meets a translation by chance
    nearby (:meth:`_Doc.key_chance`, the rates the reading weighed), then ``then``. Keys in
    ``skip`` (:func:`_claimed_by_rest`) are not among them."""
    if not hits:
        return ""
    theirs = d.dict_keys(_other(side), others)
    hit = d.ctx.cache[DICTIONARY].key_hits(d.dict_keys(side, [x]), theirs, source=side == "src")
    chance = d.key_chance(side, x, others[0])
    met: dict[str, float] = {}
    for t in tokens(x.text):
        ks = [k for k in dictionary_keys(t.text) if hit.get(k) and k not in skip]
        if ks and t.text not in met:
            met[t.text] = max(chance[k] for k in ks)
    if not met:
        return ""
    words = _and([_quote(w) for w in met])
    rates = _and([f"{c:.0%}" for c in met.values()])
    one = len(met) == 1
    return (f" ({words}: {'a word that meets' if one else 'words that meet'} a translation by chance nearby, "
            f"in {rates} of the sentences{then})")


def _and(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rest_rate(d: _Doc, side: str, x: Sentence, others: list[Sentence], hits: int, rest_hits: int, rest_known: int,
               there: str = "sentence", skip: set[str] = frozenset()) -> str:
    return _chance_note(d, side, x, others, hits, f"; the {there} next to it {'has' if there == 'sentence' else 'have'} "
                                                  f"{rest_hits} of {rest_known}", skip) + _claimed_note(x, skip, there)


def _claimed_note(x: Sentence, skip: set[str], there: str) -> str:
    """The end of a message about ``x`` whose words ``skip`` (:func:`_claimed_by_rest`) were left
    out of the reading: those words, quoted, and why."""
    words = list(dict.fromkeys(t.text for t in tokens(x.text) if any(k in skip for k in dictionary_keys(t.text))))
    if not words:
        return ""
    one = len(words) == 1
    return (f"; {_and([_quote(w) for w in words])} {'is' if one else 'are'} left aside: "
            f"{'its translation there renders' if one else 'their translations there render'} "
            f"{'a word' if one else 'words'} of the {there} next to it too")


def _untranslated_by_dictionary(d: _Doc, side: str, x: Sentence, rest: list[Sentence],
                                others: list[Sentence]) -> _Reading | None:
    """Whether the user's dictionary reads ``x`` (of ``side``) as rendering nothing of ``others``
    (sentences of the other side) that ``rest`` (sentences of ``side``) render: ``x`` has at
    least :data:`_DICT_KNOWN` words the dictionary knows and none translated in ``others``, or so
    few that chance explains them far better than the rate at which ``rest`` is translated there
    (:data:`_DICT_MEMBER_ODDS`), while ``rest`` has at least :data:`_DICT_REST_HITS` translated.
    A word of ``x`` met in ``others`` only where a word of ``rest`` is met too
    (:func:`_claimed_by_rest`: "notre" in an added sentence and "nos" in the translation beside
    it, one "unser" in the source) is left out, neither translated nor not; when any is, the
    words that are left must decide by :data:`_DICT_MEMBER_ODDS` even with none translated.
    Then (hits, known, rest's hits, rest's known, the log-odds of chance against the rest's rate,
    :func:`_word_odds`, the keys left out), else None (no dictionary, too few known words, or the
    words do not tell)."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None or not rest or not others:
        return None
    theirs = d.dict_keys(_other(side), others)
    rest_hits, rest_known = _rest_cover(d, dic, side, rest, theirs)
    if rest_hits < _DICT_REST_HITS:
        return None
    skip = _claimed_by_rest(d, dic, side, x, rest, theirs)
    hit = dic.key_hits(d.dict_keys(side, [x]), theirs, source=side == "src")
    hits, known = sum(v for k, v in hit.items() if k not in skip), len(hit) - len(skip)
    if known < _DICT_KNOWN:
        return None
    odds = _word_odds(d, side, x, theirs, others[0], rest_hits / rest_known, skip)
    if (hits or skip) and odds < _DICT_MEMBER_ODDS:
        # some words translated: as likely a free rendering as words met by chance; or some met
        # only where the rest is met too, and those that are left do not tell alone
        return None
    return hits, known, rest_hits, rest_known, odds, skip


def _claimed_by_rest(d: _Doc, dic, side: str, x: Sentence, rest: list[Sentence], theirs: set[str]) -> set[str]:
    """The keys of ``x`` (of ``side``) met in the other side's keys ``theirs`` only where a word of
    ``rest`` is met too: that word of the other side may render either, so it tells nothing of
    ``x``."""
    return dic.claimed_keys(d.dict_keys(side, [x]), d.dict_keys(side, rest), theirs, source=side == "src")


def _renders_neighbour(d: _Doc, p: Pair, side: str, x: Sentence, rate: float) -> bool:
    """Whether the edge sentence ``x`` of bead ``p`` translates (or is translated by) the other
    side of the bead beside it, by the user's dictionary (:func:`_renders_in`). A sentence in the
    middle of its side is read against the beads on both sides (content the layout placed inside
    another sentence's translation)."""
    many = p.src if side == "src" else p.tgt
    return _renders_in(d, side, x, [_bead_beside(d, p, side, x)] if x in (many[0], many[-1]) else _beads_around(d, p),
                       rate)


def _beads_around(d: _Doc, p: Pair) -> list[Pair]:
    return [d.pairs[k] for k in (p.index - 1, p.index + 1) if 0 <= k < len(d.pairs)]


def _reads_translated(hits: int, known: int, chance: float, rate: float) -> bool:
    """Whether so many translated words read as a translation by the user's dictionary: at least
    :data:`_DICT_REST_HITS`, far likelier at ``rate`` (a translation's) than at ``chance`` (the
    log-likelihood ratio of :data:`_DICT_MEMBER_ODDS`; two of five common words met by chance
    are not enough, and a rate no better than chance tells nothing). For several sentences
    read together; one sentence is read word by word (:func:`_sentence_reads_translated`)."""
    return hits >= _DICT_REST_HITS and rate > chance and -_log_odds(hits, known, chance, rate) >= _DICT_MEMBER_ODDS


def _sentence_reads_translated(d: _Doc, side: str, x: Sentence, others: list[Sentence], rate: float) -> bool:
    """Whether the sentence ``x`` (of ``side``) reads as translated in ``others`` (sentences of
    the other side) by the user's dictionary: at least :data:`_DICT_REST_HITS` of its words
    translated there, far likelier at ``rate`` than by chance, each word at its own chance rate
    (:func:`_word_odds`, by :data:`_DICT_MEMBER_ODDS`: three common words met by chance are not
    enough)."""
    theirs = d.dict_keys(_other(side), others)
    hits, _ = _dict_cover(d, d.ctx.cache[DICTIONARY], side, [x], theirs)
    return hits >= _DICT_REST_HITS and -_word_odds(d, side, x, theirs, others[0], rate) >= _DICT_MEMBER_ODDS


def _renders_in(d: _Doc, side: str, x: Sentence, beads, rate: float) -> bool:
    """Whether ``x`` (of ``side``) translates the other side of one of ``beads``, by the user's
    dictionary (:func:`_sentence_reads_translated`)."""
    for q in beads:
        theirs = () if q is None else (q.tgt if side == "src" else q.src)
        if theirs and _sentence_reads_translated(d, side, x, list(theirs), rate):
            return True
    return False


def _untranslated_member(d: _Doc, side: str, x: Sentence, rest: list[Sentence], others: list[Sentence],
                         strict: bool) -> _Reading | None:
    """The reading of :func:`_untranslated_by_dictionary` for ``x`` beside ``rest`` (sentences of
    its side that ``others`` translate), when the lengths allow it: the rest alone has a usual
    length, or one off by up to :data:`_DICT_REST_Z_MAX` that the words outweigh
    (:data:`_DICT_LENGTH_ODDS`); ``strict``: the words must also decide alone
    (:data:`_DICT_MEMBER_ODDS`, even with none translated); and no number or name of ``x``
    stands on the other side. Else None."""
    l_others = sum(text_length(o.text) for o in others)
    l_rest = sum(text_length(y.text) for y in rest)
    z_rest = d.ratio_z(l_rest, l_others) if side == "src" else d.ratio_z(l_others, l_rest)
    if abs(z_rest) > _DICT_REST_Z_MAX:
        return None
    read = _untranslated_by_dictionary(d, side, x, rest, others)
    if read is None:
        return None
    odds = read[4]
    if strict and odds < _DICT_MEMBER_ODDS:
        return None
    if abs(z_rest) > _DICT_REST_Z:
        # the rest alone is of an unusual length: only words that outweigh it decide
        l_all = l_rest + text_length(x.text)
        z_all = d.ratio_z(l_all, l_others) if side == "src" else d.ratio_z(l_others, l_all)
        if odds + (z_all * z_all - z_rest * z_rest) / 2 < _DICT_LENGTH_ODDS:
            return None
    if _shares_anchor(d, side, x, rest, " ".join(o.text for o in others)):
        return None  # a number or name of its own is on the other side: (partly) translated
    return read


def _member_by_dictionary(d: _Doc, an: Analysis, p: Pair) -> bool:
    """In a bead of several sentences on a side (2-1, 1-2, 2-2, 1-3 …), a sentence of such a
    side (an edge one first, else one in the middle) that has words the user's dictionary knows
    (at least :data:`_DICT_KNOWN`) and not one of them translated in the other side (or so few
    that chance explains them far better, see :func:`_untranslated_by_dictionary`), while the
    rest of its side has several that are and alone has a usual length (or one a little off,
    :data:`_DICT_REST_Z_MAX`, that the words outweigh): omitted (added). Where the lengths cannot
    tell (a short added sentence barely changes the merged length), the dictionary can; a
    genuine split keeps its words on both parts."""
    for side, many, others in (("src", p.src, p.tgt), ("tgt", p.tgt, p.src)):
        if len(many) < 2 or not others:
            continue
        # the edges first; a middle member of three or more too (a sentence inserted inside a
        # split, or left out between its neighbours' translations)
        for x in dict.fromkeys((many[-1], many[0], *many[1:-1])):
            if _words(x.text) < 3 or (side, x.index) in an.taken:
                continue
            rest = [y for y in many if y is not x]
            # in the middle, its own evidence must decide (four unmatched words may be chance)
            read = _untranslated_member(d, side, x, rest, list(others), x not in (many[0], many[-1]))
            if read is None:
                continue
            hits, known, rest_hits, rest_known, _, skip = read
            if _renders_neighbour(d, p, side, x, rest_hits / rest_known):
                continue  # the aligner put it in the wrong bead: a cut off by one, not an addition
            there = "sentence" if len(rest) == 1 else "sentences"
            _report_untranslated(an, side, x, others[0], f"covers only the {there} next to it",
                                 f"is covered by the {there} next to it", hits, known,
                                 _rest_rate(d, side, x, list(others), hits, rest_hits, rest_known, there, skip))
            return True
    return False


def _report_untranslated(an: Analysis, side: str, x: Sentence, other: Sentence, src_where: str, tgt_where: str,
                         hits: int, known: int, tail: str) -> None:
    """The TQ101 (``side`` "src") or TQ102 of a sentence whose words the user's dictionary
    knows, none (or a few by chance) translated where the aligner put it: the translation there
    ``src_where`` (the source there ``tgt_where``); ``tail`` ends the message."""
    if side == "src":
        msg = (f"The sentence {_quote(x.text)} seems to have no translation: the translation there {src_where}, "
               f"and {_dict_count(hits, known)} that the dictionary knows {'is' if hits < 2 else 'are'} "
               f"translated in it{tail}.")
    else:
        msg = (f"The translation adds {_quote(x.text)}: the source there {tgt_where}, and {_dict_count(hits, known)} "
               f"that the dictionary knows {'translates' if hits < 2 else 'translate'} a word of that source{tail}.")
    _add_untranslated(an, side, x, other, msg)


def _add_untranslated(an: Analysis, side: str, x: Sentence, other: Sentence, msg: str) -> None:
    """The TQ101 (``side`` "src") or TQ102 of the member ``x`` of a merged bead read as left out
    (added) beside ``other``, a sentence of the other side there; ``x`` is taken."""
    if side == "src":
        an.issues.append(_Issue("TQ101", msg, pair=None, src=x, tgt=other, src_span=(0, len(x.text)), confidence=0.6))
    else:
        an.issues.append(_Issue("TQ102", msg, src=other, tgt=x, tgt_span=(0, len(x.text)), confidence=0.6))
    an.taken.add((side, x.index))


def _merged_beside(d: _Doc, an: Analysis, p: Pair, side: str):
    """The beads beside ``p`` with two or more sentences on ``side`` and some on the other,
    none of them taken by an earlier reading: (bead, its sentences of ``side``, the others)."""
    for k in (p.index - 1, p.index + 1):
        if not 0 <= k < len(d.pairs):
            continue
        q = d.pairs[k]
        many, others = (q.src, q.tgt) if side == "src" else (q.tgt, q.src)
        if len(many) < 2 or not others or any((side, m.index) in an.taken for m in many) or \
                any((_other(side), o.index) in an.taken for o in others):
            continue
        yield q, many, others


def _member_for_stray(d: _Doc, an: Analysis, p: Pair, side: str) -> bool:
    """With the user's dictionary: the unlinked sentence ``y`` of bead ``p`` (1-0, ``side``
    "src"; 0-1, "tgt") stands beside a bead of several sentences on its side whose other side
    the dictionary reads ``y`` as translating (:func:`_reads_translated`, at the document's rate
    of sure links), while a member of that bead renders nothing of it, read with ``y`` in its
    place (:func:`_untranslated_member`, its own evidence deciding, the lengths fitting) and
    translates no bead beside: the aligner put the member where ``y`` belongs — a sentence
    inserted between the two sentences that translate one, or left out between two that one
    sentence renders. The member is omitted (added) and ``y``, joined to that bead, is not."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None:
        return False
    y = (p.src if side == "src" else p.tgt)[0]
    if _words(y.text) < 3:
        return False
    rate = d.dict_rates()[1]
    for q, many, others in _merged_beside(d, an, p, side):
        if not _sentence_reads_translated(d, side, y, list(others), rate):
            continue
        for x in many:
            if _words(x.text) < 3:
                continue
            rest = [m for m in many if m is not x] + [y]
            read = _untranslated_member(d, side, x, rest, list(others), True)
            if read is None:
                continue
            hits, known, rest_hits, rest_known, _, skip = read
            if _renders_in(d, side, x, _beads_around(d, q), rest_hits / rest_known):
                continue  # it translates a bead beside: the aligner's cut is off, not an addition
            y_at = f"the sentence {'before' if y.index < x.index else 'after'} it, {_quote(y.text, 40)}, with its neighbour"
            _report_untranslated(an, side, x, others[0], f"renders {y_at}", f"is translated by {y_at}", hits, known,
                                 _rest_rate(d, side, x, list(others), hits, rest_hits, rest_known, "sentences",
                                            skip))
            return True
    return False


def _link_by_dictionary(d: _Doc, an: Analysis, p: Pair) -> bool:
    """With the user's dictionary, a 1-1 link whose target (source) sentence renders nothing of
    its partner, read either way (its known words translated there no more than chance explains,
    far less than the document's sure links translate theirs: :data:`_DICT_MEMBER_ODDS`; and the
    partner's in it alike), while the partner's own words are translated in the bead beside (at
    least :data:`_DICT_REST_HITS`, as a translation's rate explains far better than chance), a
    bead whose own two sides the dictionary reads as a translation alike (else two neighbours
    may be exchanged), and the sentence itself translates no bead beside (else it is part of a
    translation the aligner cut off there): the aligner linked a sentence from elsewhere in
    place of an addition (omission), and the partner belongs with its neighbour (two sentences
    translated as one there). Added (omitted). A partner with too few known words to be read so
    may be placed by the lengths instead (:func:`_joins_by_length`)."""
    if len(p.src) != 1 or len(p.tgt) != 1:
        return False
    dic = d.ctx.cache[DICTIONARY]
    p0, rate = d.dict_rates()
    around = _beads_around(d, p)

    def confirmed(q: Pair) -> bool:
        """Whether the dictionary reads the bead's own two sides as a translation."""
        return _reads_translated(*_dict_cover(d, dic, "src", q.src, d.dict_keys("tgt", q.tgt)), p0, rate)

    for side, x, y in (("tgt", p.tgt[0], p.src[0]), ("src", p.src[0], p.tgt[0])):
        if _words(x.text) < 3 or (side, x.index) in an.taken:
            continue
        hits, known = _dict_cover(d, dic, side, [x], d.dict_keys(_other(side), [y]))
        if known < _DICT_KNOWN or hits >= rate * known:
            continue  # (translated at a sure link's rate: no chance rate can explain it better)
        x_odds = _word_odds(d, side, x, d.dict_keys(_other(side), [y]), y, rate)
        if x_odds < _DICT_MEMBER_ODDS:
            continue  # as likely a free rendering of its partner
        own_h, own_k = _dict_cover(d, dic, _other(side), [y], d.dict_keys(side, [x]))
        if own_h >= rate * own_k:
            continue
        y_odds = _word_odds(d, _other(side), y, d.dict_keys(side, [x]), x, rate) if own_k else 0.0
        if y_odds < 0:
            continue  # read the other way, the partner's words are translated there
        strict = own_k >= _DICT_KNOWN and y_odds >= _DICT_MEMBER_ODDS
        there = None
        for q in reversed(around):  # the next bead first
            theirs = q.tgt if side == "tgt" else q.src
            if not theirs or not (q.src if side == "tgt" else q.tgt):
                continue
            yh, yk = _dict_cover(d, dic, _other(side), [y], d.dict_keys(side, theirs))
            if strict and _sentence_reads_translated(d, _other(side), y, list(theirs), rate) and confirmed(q):
                there = (q, yh, yk, False)
                break
            if not strict and _joins_by_length(d, side, p, q, y, x_odds, y_odds, yh, list(theirs), rate):
                there = (q, yh, yk, True)
                break
        if there is None or _renders_in(d, side, x, around, rate):
            continue  # (it renders a sentence beside: part of a translation the aligner cut off)
        if _shares_anchor(d, side, x, [], y.text):
            continue  # a number or name of its own is in the partner: (partly) translated
        q, yh, yk, by_length = there
        where = "next" if q.index > p.index else "previous"
        if side == "tgt":
            tail = (f"; that source sentence belongs with the {where} sentence of the translation, which is too long "
                    f"for its own source alone" + (f" and translates {yh} of its {yk} known words" if yh else "") + "."
                    if by_length else f", whose words are translated in the {where} sentence of the translation "
                    f"instead ({yh} of its {yk}).")
            msg = (f"The translation adds {_quote(x.text)}: {_dict_count(hits, known)} that the dictionary knows "
                   f"{'translates' if hits < 2 else 'translate'} a word of the source sentence it stands with"
                   f"{_chance_note(d, side, x, [y], hits)}" + tail)
            an.issues.append(_Issue("TQ102", msg, src=y, tgt=x, tgt_span=(0, len(x.text)), confidence=0.6))
        else:
            tail = (f"; that sentence belongs with the translation of the {where} source sentence, which is too "
                    f"short without it" + (f" ({yh} of its {yk} known words render that source sentence)" if yh else "")
                    + "." if by_length else f", which renders the {where} sentence of the source instead ({yh} of its "
                    f"{yk} words).")
            msg = (f"The sentence {_quote(x.text)} seems to have no translation: {_dict_count(hits, known)} that "
                   f"the dictionary knows {'is' if hits < 2 else 'are'} translated in the sentence it is linked to"
                   f"{_chance_note(d, side, x, [y], hits)}" + tail)
            an.issues.append(_Issue("TQ101", msg, pair=None, src=x, tgt=y, src_span=(0, len(x.text)),
                                    confidence=0.6))
        an.taken.add((side, x.index))
        return True
    return False


def _joins_by_length(d: _Doc, side: str, p: Pair, q: Pair, y: Sentence, x_odds: float, y_odds: float, yh: int,
                     theirs: list[Sentence], rate: float) -> bool:
    """For :func:`_link_by_dictionary`, when the partner ``y`` of the 1-1 link ``p`` has too few
    words the dictionary knows to be read on its own: whether the evidence that ``y`` belongs
    with the bead ``q`` beside outweighs the rest: the partner's words read as not translated in
    its link (``y_odds``), the link's unusual length, how much more usual ``q``'s length becomes
    with ``y`` joined (it must become usual, within :data:`_DICT_REST_Z`) and ``y``'s words
    translated in ``q`` (each a log-likelihood ratio; together at least twice
    :data:`_DICT_MEMBER_ODDS`, what the reading by words alone asks). The lengths read alike with
    ``q`` as the addition and ``y`` joined to the sentence in question, so the words must tell
    the two apart: the sentence (``x_odds``) reads as chance by :data:`_DICT_MEMBER_ODDS` more
    than either side of ``q`` does against the other."""
    l_x = text_length((p.tgt if side == "tgt" else p.src)[0].text)
    l_y = text_length(y.text)
    l_qs, l_qt = sum(text_length(a.text) for a in q.src), sum(text_length(b.text) for b in q.tgt)
    z0 = d.ratio_z(l_qs, l_qt)
    if side == "tgt":  # y is a source sentence, joined to q's source side
        z_link, z1 = d.ratio_z(l_y, l_x), d.ratio_z(l_qs + l_y, l_qt)
    else:
        z_link, z1 = d.ratio_z(l_x, l_y), d.ratio_z(l_qs, l_qt + l_y)
    if abs(z1) > _DICT_REST_Z or abs(z1) >= abs(z0):
        return False
    dic, p0 = d.ctx.cache[DICTIONARY], d.dict_rates()[0]
    for a, mine, theirs in (("src", q.src, q.tgt), ("tgt", q.tgt, q.src)):
        qh, qk = _dict_cover(d, dic, a, mine, d.dict_keys(_other(a), theirs))
        if qk and x_odds - _log_odds(qh, qk, p0, rate) < _DICT_MEMBER_ODDS:
            # the lengths read alike with the bead beside as the addition (the partner joined to
            # the sentence in question): its words must say clearly that the sentence is the one
            return False
    words = max(0.0, -_word_odds(d, _other(side), y, d.dict_keys(side, theirs), theirs[0], rate)) if yh else 0.0
    return y_odds + z_link * z_link / 2 + (z0 * z0 - z1 * z1) / 2 + words >= 2 * _DICT_MEMBER_ODDS
