"""Content translated at another place (TQ105): an unlinked sentence matching one elsewhere
(:func:`_moves`), runs that match by length (:func:`_length_moves`, :func:`_run_moves`) and
links crossing the aligner's path (:func:`_crossings`).
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

from ...align.features import end_mark
from ...align.lengths import text_length
from ...document import Sentence
from ..base import DICTIONARY, Pair
from ._doc import (
    _ADDED_MIN_WORDS, Analysis, _Doc, _Issue, _join_excerpt, _lexical, _matched_words, _missing, _other, _own_missing,
    _runs, _tgt_pos, _unrelated_pairs, _words,
)
from .evidence import (
    _Cuts, _Evidence, _LengthEvidence, _NULL_LINK, _TYPICAL_LINK, _beats_chance, _clearly_absorbs,
    _link_evidence, _neighbour_fits, _straight_counted, _straight_ids,
)
from .by_dictionary import (
    _denied_by_dictionary, _renders_in, _renders_nothing_of, _sentence_reads_translated, _shares_anchor,
)
from .exchanges import _move_issue, _paragraph_exchanges, _single_move_gain, _transposed_runs, _transpositions
from .unlinked import _numbers_missing


def _merge_moves(d: _Doc, an: Analysis) -> None:
    """Moves (major TQ105) found in pieces — the steps match a moved paragraph sentence by
    sentence, and a merge or a weak match inside it splits the run — become one finding when
    they go the same way and all their sentences stand in one paragraph of the source and one
    of the translation: one paragraph moved, reported once, over the whole stretch."""
    moves = []
    for k, it in enumerate(an.issues):
        if it.moved and it.src is not None and it.tgt is not None:
            moves.append((k, it.moved, it.sentences("src"), it.sentences("tgt")))
    groups: dict[tuple[str, int, int], list] = defaultdict(list)
    for k, where, srcs, tgts in moves:
        ps, pt = {x.paragraph for x in srcs}, {x.paragraph for x in tgts}
        if len(ps) == 1 and len(pt) == 1:
            groups[(where, ps.pop(), pt.pop())].append((k, srcs, tgts))
    drop: set[int] = set()
    for (where, _, _), g in groups.items():
        if len(g) < 2:
            continue
        i0 = min(x.index for _, srcs, _ in g for x in srcs)
        i1 = max(x.index for _, srcs, _ in g for x in srcs)
        j0 = min(x.index for _, _, tgts in g for x in tgts)
        j1 = max(x.index for _, _, tgts in g for x in tgts)
        an.issues[g[0][0]] = _move_issue(d, range(i0, i1 + 1), range(j0, j1 + 1), where,
                                         max(an.issues[k].confidence for k, _, _ in g))
        drop.update(k for k, _, _ in g[1:])
        for i in range(i0, i1 + 1):
            an.taken.add(("src", i))
        for j in range(j0, j1 + 1):
            an.taken.add(("tgt", j))
    if drop:
        an.issues[:] = [it for k, it in enumerate(an.issues) if k not in drop]


def _moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    """1-0 and 0-1 beads far apart whose texts match: content moved elsewhere. Sentences are
    matched one to one (mutual best matches), weaker matches are accepted next to strong ones,
    and a run of moved sentences with the unlinked sentences between them makes one finding."""
    _transpositions(d, an)
    _transposed_runs(d, an)
    _paragraph_exchanges(d, an)
    omitted = [po for po in omitted if ("src", po.src[0].index) not in an.taken]
    added = [pa for pa in added if ("tgt", pa.tgt[0].index) not in an.taken]
    if not omitted or not added or len(omitted) * len(added) > 90_000:
        return
    d.features()
    if not _lexical(d):
        return  # the languages share too little material to recognise a sentence by its words
    om_bead = {po.src[0].index: po.index for po in omitted}
    ad_bead = {pa.tgt[0].index: pa.index for pa in added}
    score: dict[tuple[int, int], float] = {}
    for po in omitted:
        i = po.src[0].index
        for pa in added:
            j = pa.tgt[0].index
            if abs(po.index - pa.index) < 2:
                continue  # neighbours: the aligner would have linked them if they matched
            if abs(d.ratio_z(text_length(po.src_text), text_length(pa.tgt_text))) > 2.5:
                continue
            z = d.sim_z(i, j)
            if z >= 0.3:
                score[(i, j)] = z
    if not score:
        return
    best_s, best_t = _best_matches(score)
    pairs = {(i, j): z for (i, j), z in score.items()
             if best_s[i][1] == j and best_t[j][1] == i and z >= 0.6 and d.cos(i, j) > d.rand_hi}
    # weaker matches next to accepted ones (a moved paragraph moves as a whole)
    grown = True
    while grown:
        grown = False
        used_s = {i for i, _ in pairs}
        used_t = {j for _, j in pairs}
        for (i, j), z in sorted(score.items()):
            if i in used_s or j in used_t:
                continue
            if any((i + a, j + b) in pairs for a in (-1, 1) for b in (-1, 1) if a == b) \
                    and best_s[i][1] == j:
                pairs[(i, j)] = z
                used_s.add(i)
                used_t.add(j)
                grown = True
    if not pairs:
        return
    # runs: both sides advance by one or two sentences (one unmatched sentence inside a run)
    groups: list[list[tuple[int, int, float]]] = []
    for i, j in sorted(pairs):
        last = groups[-1][-1] if groups else None
        if last and 1 <= i - last[0] <= 2 and 1 <= j - last[1] <= 2:
            groups[-1].append((i, j, pairs[(i, j)]))
        else:
            groups.append([(i, j, pairs[(i, j)])])
    claimed_s = {i for i, _ in pairs}
    claimed_t = {j for _, j in pairs}
    # sentences of doubtful 1-1 links
    weak_s = {p.src[0].index for p in d.pairs if len(p.src) == 1 and len(p.tgt) == 1 and p.score < 0.5}
    weak_t = {p.tgt[0].index for p in d.pairs if len(p.src) == 1 and len(p.tgt) == 1 and p.score < 0.5}
    for g in groups:
        i0, i1 = g[0][0], g[-1][0]
        j0, j1 = g[0][1], g[-1][1]
        # one sentence matched alone must match as well as a typical translation does, or share
        # a word with it (a name, a number, a cognate): trigrams or lexicon entries alone let a
        # short sentence meet some far one by chance
        if len(g) == 1 and g[0][2] < _TYPICAL_LINK and _matched_words(d, i0, j0) < 1:
            continue
        # nor may a number of one be missing from the other: numbers survive translation, and two
        # sentences about the same place or person with different figures are different sentences
        if len(g) == 1 and _numbers_differ(d, i0, j0):
            continue
        # nor may it lack more of the other's names than it shares: a caption that names one of
        # the peaks a sentence names is about the same place, not the same sentence (where this
        # document's translations keep their names)
        if len(g) == 1 and _names_differ(d, i0, j0) and _names_survive(d):
            continue
        # nor, with the user's dictionary, may the other render none of its known words (a caption
        # that shares a peak's name with a sentence left out, whose words it does not translate)
        if len(g) == 1 and _renders_nothing_of(d, "src", d.src[i0], [d.tgt[j0]]):
            continue
        # unmatched unlinked sentences right before / after the run on both sides moved with it
        # (not a pair of which one has numbers and names the other lacks: an added sentence beside
        # an omitted one)
        while (i0 - 1 in om_bead and j0 - 1 in ad_bead and i0 - 1 not in claimed_s and j0 - 1 not in claimed_t
               and ("src", i0 - 1) not in an.taken and ("tgt", j0 - 1) not in an.taken
               and not _foreign(d, "src", i0 - 1, [j0 - 1]) and not _foreign(d, "tgt", j0 - 1, [i0 - 1])):
            i0, j0 = i0 - 1, j0 - 1
            claimed_s.add(i0)
            claimed_t.add(j0)
        while (i1 + 1 in om_bead and j1 + 1 in ad_bead and i1 + 1 not in claimed_s and j1 + 1 not in claimed_t
               and ("src", i1 + 1) not in an.taken and ("tgt", j1 + 1) not in an.taken
               and not _foreign(d, "src", i1 + 1, [j1 + 1]) and not _foreign(d, "tgt", j1 + 1, [i1 + 1])):
            i1, j1 = i1 + 1, j1 + 1
            claimed_s.add(i1)
            claimed_t.add(j1)
        # an unlinked sentence next to the run in the same paragraph moved with it (the paragraph
        # moved as a whole; its partner is inside the moved translation, merged with another)
        # (past a sentence that the aligner linked weakly to a neighbour for want of its partner)
        s_claim, t_claim = set(claimed_s), set(claimed_t)
        run_s, run_t = range(i0, i1 + 1), range(j0, j1 + 1)

        def keep_s(k: int) -> bool:
            return not _foreign(d, "src", k, run_t)

        def keep_t(k: int) -> bool:
            return not _foreign(d, "tgt", k, run_s)

        e0 = _extend(d.src, i0, -1, om_bead, weak_s, s_claim, "src", an, keep_s)
        e1 = _extend(d.src, i1, 1, om_bead, weak_s, s_claim, "src", an, keep_s)
        f0 = _extend(d.tgt, j0, -1, ad_bead, weak_t, t_claim, "tgt", an, keep_t)
        f1 = _extend(d.tgt, j1, 1, ad_bead, weak_t, t_claim, "tgt", an, keep_t)
        # a side grown over unlinked sentences needs room for them on the other side: the run
        # there with the doubtful sentences beside it (weakly linked or unlinked, same paragraph:
        # the rest of a moved translation that the aligner placed elsewhere). Six sentences
        # "moved" onto one caption that shares a name with the last of them are an omission
        # (an unlinked sentence with numbers and names the run lacks is no room for it)
        if not _roomless(d, "src", range(e0, e1 + 1), range(f0, f1 + 1), weak_t,
                         _Kept(ad_bead, lambda k: not _foreign(d, "tgt", k, range(e0, e1 + 1)))):
            i0, i1 = e0, e1
            claimed_s |= s_claim
        if not _roomless(d, "tgt", range(f0, f1 + 1), range(i0, i1 + 1), weak_s,
                         _Kept(om_bead, lambda k: not _foreign(d, "src", k, range(f0, f1 + 1)))):
            j0, j1 = f0, f1
            claimed_t |= t_claim
        # no linked bead between the two runs: they stand at the same place, and the aligner only
        # put its one-sided beads in an order (a passage it could not link, at the end of a text
        # with more content on one side): translated in place, not moved
        k_lo, k_hi = sorted((om_bead[g[0][0]], ad_bead[g[0][1]]))
        if not any(q.src and q.tgt for q in d.pairs[k_lo + 1:k_hi]):
            for i, j, _ in g:
                an.taken.add(("src", i))
                an.taken.add(("tgt", j))
            # and so are the unlinked sentences beside them on both sides that read as a
            # translation of each other (whatever far sentence one of them met by chance)
            for step, i, j in ((-1, g[0][0] - 1, g[0][1] - 1), (1, g[-1][0] + 1, g[-1][1] + 1)):
                while (i in om_bead and j in ad_bead and ("src", i) not in an.taken
                       and ("tgt", j) not in an.taken and _link_evidence(d, i, j) >= _NULL_LINK):
                    an.taken.add(("src", i))
                    an.taken.add(("tgt", j))
                    i, j = i + step, j + step
            continue
        # unlinked sentences inside the run belong to the moved block too
        src_ids = [i for i in range(i0, i1 + 1) if i in om_bead]
        tgt_ids = [j for j in range(j0, j1 + 1) if j in ad_bead]
        s0, t0 = d.src[i0], d.tgt[j0]
        n = i1 - i0 + 1  # the span reported (a weakly linked sentence passed on the way included)
        what = "This sentence" if n == 1 else f"These {n} sentences"
        where = "earlier" if j0 < _tgt_pos(d, i0) else "later"
        msg = (f"{what} of the source {'is' if n == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if n == 1 else 'their'} place.")
        zs = sorted(z for _, _, z in g)
        conf = min(0.95, 0.6 + 0.15 * zs[len(zs) // 2])
        multi = n > 1 or len(tgt_ids) > 1
        an.issues.append(_Issue(
            "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
            confidence=conf, moved=where,
            excerpt_src=_join_excerpt([d.src[i].text for i in src_ids]) if multi else None,
            excerpt_tgt=_join_excerpt([d.tgt[j].text for j in tgt_ids]) if multi else None,
            src_run=tuple(d.src[i] for i in range(i0, i1 + 1)) if multi else (),
            tgt_run=tuple(d.tgt[j] for j in range(j0, j1 + 1)) if multi else ()))
        for i in src_ids:
            an.taken.add(("src", i))
        for j in tgt_ids:
            an.taken.add(("tgt", j))


class _Kept:
    """The members of ``base`` that ``test`` accepts, tested only when asked about (a set of all
    of them would test every unlinked sentence of the document for each move)."""

    def __init__(self, base, test) -> None:
        self.base, self.test = base, test

    def __contains__(self, k) -> bool:
        return k in self.base and self.test(k)


def _roomless(d: _Doc, side: str, run: range, other: range, weak_other: set[int], lone_other) -> bool:
    """Whether the run of ``side`` is far too long (more than 2.5 standard deviations of the
    document's length ratio) for the ``other`` run together with the doubtful sentences beside it
    in its paragraph (weakly linked or unlinked: where the rest of a moved translation may
    stand)."""
    sents = d.tgt if side == "src" else d.src
    lo, hi = other.start, other.stop - 1
    para_lo, para_hi = sents[lo].paragraph, sents[hi].paragraph
    while lo > 0 and sents[lo - 1].paragraph == para_lo and (lo - 1 in weak_other or lo - 1 in lone_other):
        lo -= 1
    while hi + 1 < len(sents) and sents[hi + 1].paragraph == para_hi and \
            (hi + 1 in weak_other or hi + 1 in lone_other):
        hi += 1
    mine = sum(text_length((d.src if side == "src" else d.tgt)[k].text) for k in run)
    room = sum(text_length(sents[k].text) for k in range(lo, hi + 1))
    z = d.ratio_z(mine, room) if side == "src" else d.ratio_z(room, mine)
    return z < -2.5 if side == "src" else z > 2.5


def _numbers_differ(d: _Doc, i: int, j: int) -> bool:
    """Whether source sentence ``i`` has a number (two digits or more) that target sentence ``j``
    lacks, or the other way round."""
    s, t = d.src[i].text, d.tgt[j].text
    return bool(_numbers_missing(d, "src", s, t) or _numbers_missing(d, "tgt", t, s))


def _names_differ(d: _Doc, i: int, j: int) -> bool:
    """Whether source sentence ``i`` and target sentence ``j`` have more distinct names that the
    other lacks (either way together, two at least) than names they share."""
    s, t = d.src[i].text, d.tgt[j].text
    names_s = {x.norm for x in d.anchors("src", s) if not x.is_number}
    names_t = {x.norm for x in d.anchors("tgt", t) if not x.is_number}
    lack_s = {x.norm for x in _missing(d, "src", s, t) if not x.is_number}
    lack_t = {x.norm for x in _missing(d, "tgt", t, s) if not x.is_number}
    # a language that capitalises nouns names nothing by capitals: count the side that does.
    # One name alone proves nothing (an OCR'd name, a name the other language makes an
    # adjective: Préalpes / voralpinen)
    lack = len(lack_s) + len(lack_t)
    return lack >= 2 and lack > max(len(names_s - lack_s), len(names_t - lack_t))


def _names_survive(d: _Doc, min_score: float = 0.9, at_most: float = 0.1, sample: int = 200) -> bool:
    """Whether this document's translations keep their names, so that :func:`_names_differ`
    tells two sentences apart: it holds for fewer than ``at_most`` of the confident 1-1 links
    (score at least ``min_score``, at most ``sample`` of them spread over the document;
    smoothed, and False with fewer than five). Where a source capitalises terms its translation
    translates (an English speech's Summit, Organization and Observer States in Turkish) it
    holds for half of them, on Text+Berg for 0-3 %."""
    if d.names_survive is None:
        links = [(p.src[0].index, p.tgt[0].index) for p in d.pairs
                 if len(p.src) == 1 and len(p.tgt) == 1 and p.score >= min_score]
        links = links[::max(1, -(-len(links) // sample))]
        differ = sum(_names_differ(d, i, j) for i, j in links)
        d.names_survive = len(links) >= 5 and (differ + 1) / (len(links) + 2) < at_most
    return d.names_survive


def _chance_length_fit(d: _Doc, max_z: float) -> float:
    """How often two unrelated sentences of this document fit its length ratio within ``max_z``
    standard deviations (the source of each 1-1 link against the targets of the links 3, 7 and
    11 further on): what a match by length alone is worth in this document."""
    return _chance(d, lambda i, j: abs(d.ratio_z(text_length(d.src[i].text),
                                                 text_length(d.tgt[j].text))) <= max_z)


#: :func:`_length_moves`: how far off the usual length ratio one sentence moved alone may be, when
#: it shares a number, a name or a final mark with its partner (the chance term counts how often
#: unrelated sentences fit as closely)
_SINGLE_MAX_Z = 1.5


def _wordless(srcs: Sequence[Sentence], tgts: Sequence[Sentence]) -> bool:
    """Whether all these sentences are too short (fewer than four words) for their words to
    tell a translation from an unrelated sentence."""
    return all(_words(x.text) < 4 for x in (*srcs, *tgts))


def _ending(text: str) -> str | None:
    """The mark a sentence ends with, other than a full stop or an ellipsis, or ``None``: a
    salutation's comma, a heading's colon, a question mark. Width-folded ("，" is ","), and a
    question, exclamation or colon of another script read as the Latin one ("؟" is "?")."""
    mark = end_mark(text)
    if mark is not None:
        return mark
    s = unicodedata.normalize("NFKC", text.rstrip()[-1:])[-1:]  # "…" folds to three full stops
    if not s or s in ".。" or not unicodedata.category(s).startswith("P"):
        return None
    return s


def _same_ending(d: _Doc, i: int, j: int) -> bool:
    """Whether source ``i`` and target ``j`` end with the same mark (:func:`_ending`)."""
    e = _ending(d.src[i].text)
    return e is not None and e == _ending(d.tgt[j].text)


def _shares_an_anchor(d: _Doc, i: int, j: int) -> bool:
    """Whether source ``i`` has a number or name that target ``j`` has too."""
    return _shares_anchor(d, "src", d.src[i], [], d.tgt[j])


def _chance(d: _Doc, test) -> float:
    """How often ``test(i, j)`` holds for unrelated sentences of this document
    (:func:`_unrelated_pairs`), smoothed; 0.5 when there are too few pairs to tell."""
    hits = total = 0
    for i, j in _unrelated_pairs(d.pairs):
        total += 1
        hits += bool(test(i, j))
    return (hits + 1) / (total + 2) if total >= 10 else 0.5


def _heals(d: _Doc, ev: _Evidence, side: str, run: list[int], drop_s: list[int], drop_t: list[int],
           memo: dict | None = None) -> bool:
    """Whether the place of an unlinked run reads in order once the moved sentences (``drop_s``,
    ``drop_t``: the run, or the run shifted by one onto a neighbour that the aligner linked for
    want of its partner, and its counterpart) are taken out: the beads around it, read again
    without them (1-1 links and merges, :func:`_straight_counted`), leave no sentence unlinked
    and their links are acceptable on average."""
    sents = d.src if side == "src" else d.tgt
    bead_of = d.bead_of_src if side == "src" else d.bead_of_tgt
    block = drop_s if side == "src" else drop_t
    lo, hi = max(0, min(run[0], block[0]) - 2), min(len(sents), max(run[-1], block[-1]) + 3)
    near = [bead_of[i] for i in range(lo, hi)]
    # every bead between (an unlinked sentence of the other side among them too)
    beads = range(min(near), max(near) + 1)
    srcs = sorted({s.index for k in beads for s in d.pairs[k].src} - set(drop_s))
    tgts = sorted({t.index for k in beads for t in d.pairs[k].tgt} - set(drop_t))
    if not srcs or not tgts:
        return not srcs and not tgts
    if len(srcs) > 14 or len(tgts) > 14:
        return False
    key = (tuple(srcs), tuple(tgts))
    if memo is not None and key in memo:
        return memo[key]
    T, N = _straight_counted(ev, srcs, tgts)
    ok = N[-1][-1] == 0 and T[-1][-1] >= _NULL_LINK * min(len(srcs), len(tgts))
    if memo is not None:
        memo[key] = ok
    return ok


def _length_moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair],
                  max_z: float = 1.0, max_chance: float = 0.05) -> None:
    """Moves that words cannot show (a language pair without shared words: names, numbers and
    lengths are all there is). What is left of the 1-0 and 0-1 beads after the other tests, an
    omitted run at one place and an added run of as many sentences elsewhere, is one passage
    moved when everything such a pair still has agrees:

    * sentence by sentence, and in total, the lengths fit the document's own ratio within
      ``max_z`` standard deviations; how often unrelated sentences of this document do
      (:func:`_chance_length_fit`, ``p``) decides what that is worth: with ``n`` pairings
      tested, ``n · p^m`` for a run of ``m`` sentences must stay under ``max_chance``;
    * no number of one side is missing from the other; where the words give evidence at all,
      every pair is an acceptable link and the pairs are not below chance on average;
    * both places heal (:func:`_heals`): without the moved sentences, the text around each gap
      reads in order with nothing left unlinked. The block may be the run shifted by one onto a
      neighbour whose link is poor (the aligner, placing by length, linked it for want of its
      partner and left the next sentence out instead), and an added run may be read without a
      lone word at its edges (a split heading, a label: never reported as added on its own);
    * the pairing is unique: no other left-over run fits either run;
    * one sentence alone must not lack more of the other's names than it shares (as in
      :func:`_moves`), and must also share a number or a name with its partner, or end with the
      same mark other than a full stop (a salutation's comma, a heading's colon, a question),
      and the chance term is multiplied by how often unrelated sentences of this document share
      one (a name on every line proves nothing; :func:`_ending`). Its length term is how often
      unrelated sentences fit as closely as the two do (a run's: the share within ``max_z``),
      and it may be up to :data:`_SINGLE_MAX_Z` off; when both sentences are too short for
      their words to say anything (fewer than four), their similarity is not asked to reach
      chance level."""
    om = [p for p in omitted if ("src", p.src[0].index) not in an.taken]
    ad = [p for p in added if ("tgt", p.tgt[0].index) not in an.taken]
    if not om or not ad:
        return
    runs_s = [[p.src[0].index for p in r] for r in _runs(om)]
    runs_t = [[p.tgt[0].index for p in r] for r in _runs(ad)]
    if len(runs_s) * len(runs_t) > 2_500:
        return
    d.features()
    lexical = _lexical(d)
    ev = _Evidence(d)
    p_len = _chance_length_fit(d, max_z)
    p_anchor: list[float] = []  # computed when a single sentence needs it
    p_mark: dict[str, float] = {}  # per final mark, computed when a single sentence needs it

    def poor(side: str, i: int) -> bool:
        k = (d.bead_of_src if side == "src" else d.bead_of_tgt)[i]
        q = d.pairs[k]
        if not q.src or not q.tgt or len(q.src) > 2 or len(q.tgt) > 2 or (side, i) in an.taken:
            return False
        srcs, tgts = tuple(s.index for s in q.src), tuple(t.index for t in q.tgt)
        if len(srcs) == 2 and len(tgts) == 2:
            return False
        return ev(srcs, tgts) < _NULL_LINK

    def blocks(side: str, run: list[int]) -> list[list[int]]:
        sents = d.src if side == "src" else d.tgt
        out = [run]
        if side == "tgt":
            # a lone word at an edge of an added run (a split heading, a label) is not reported
            # as added on its own (:func:`_unlinked_side`): the run may be moved without it
            core = list(run)
            for edge in (0, -1):
                while len(core) > 1 and _words(sents[core[edge]].text) < _ADDED_MIN_WORDS:
                    core.pop(edge)
            if core != run:
                out.append(core)
        for step in (-1, 1):
            k = run[0] - 1 if step < 0 else run[-1] + 1
            if 0 <= k < len(sents) and sents[k].paragraph == sents[run[0]].paragraph and poor(side, k):
                out.append([i + step for i in run])
        return out

    def numbers(side: str, text: str) -> list[str]:
        return sorted(t.norm for t in d.anchors(side, text) if t.is_number)

    def fits(bs: list[int], bt: list[int]) -> float | None:
        srcs, tgts = [d.src[i] for i in bs], [d.tgt[j] for j in bt]
        ls = [text_length(s.text) for s in srcs]
        lt = [text_length(t.text) for t in tgts]
        limit = max_z if len(srcs) > 1 else max(max_z, _SINGLE_MAX_Z)
        if any(abs(d.ratio_z(a, b)) > limit for a, b in zip(ls, lt)) or abs(d.ratio_z(sum(ls), sum(lt))) > limit:
            return None
        if any(numbers("src", s.text) != numbers("tgt", t.text) for s, t in zip(srcs, tgts)):
            return None
        links = [ev.one(s.index, t.index) for s, t in zip(srcs, tgts)]
        if lexical and min(links) < _NULL_LINK:
            return None
        if lexical and sum(d.sim_z(s.index, t.index) for s, t in zip(srcs, tgts)) < 0 and not _wordless(srcs, tgts):
            return None
        if len(srcs) == 1 and not _shares_an_anchor(d, bs[0], bt[0]) and not _same_ending(d, bs[0], bt[0]):
            return None
        if len(srcs) == 1 and _names_differ(d, bs[0], bt[0]) and _names_survive(d):
            return None  # one name shared, more lacking: another sentence about the same place (as _moves)
        return sum(links)

    def single_chance(i: int, j: int) -> float:
        """For one sentence: how often unrelated sentences of this document fit its length
        ratio as closely as these two do, and share what these share (a number or name, a
        final mark; the rarer of the two)."""
        z = abs(d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[j].text)))
        p = _chance_length_fit(d, z)
        shares = []
        if _shares_an_anchor(d, i, j):
            if not p_anchor:
                p_anchor.append(_chance(d, lambda a, b: _shares_an_anchor(d, a, b)))
            shares.append(p_anchor[0])
        mark = _ending(d.src[i].text)
        if _same_ending(d, i, j):
            if mark not in p_mark:
                p_mark[mark] = _chance(d, lambda a, b: _ending(d.src[a].text) == mark == _ending(d.tgt[b].text))
            shares.append(p_mark[mark])
        return p * min(shares)

    opts_s = {a: blocks("src", r) for a, r in enumerate(runs_s)}
    opts_t = {b: blocks("tgt", r) for b, r in enumerate(runs_t)}
    tested = 0
    memo: dict = {}
    cands: list[tuple[float, int, int, list[int], list[int]]] = []
    for a, rs in enumerate(runs_s):
        for b, rt in enumerate(runs_t):
            if abs(d.bead_of_src[rs[0]] - d.bead_of_tgt[rt[0]]) < 2:
                continue
            for bs in opts_s[a]:
                for bt in opts_t[b]:
                    if len(bs) != len(bt):
                        continue
                    # only a pairing whose places both heal is compared by length (and counted)
                    if not (_heals(d, ev, "src", rs, bs, bt, memo) and _heals(d, ev, "tgt", rt, bs, bt, memo)):
                        continue
                    tested += 1
                    e = fits(bs, bt)
                    if e is not None:
                        cands.append((e, a, b, bs, bt))
    n_s: dict[int, set[int]] = defaultdict(set)
    n_t: dict[int, set[int]] = defaultdict(set)
    for _, a, b, _, _ in cands:
        n_s[a].add(b)
        n_t[b].add(a)
    done: set[tuple[int, int]] = set()
    for e, a, b, bs, bt in sorted(cands, key=lambda c: -c[0]):
        m = len(bs)
        # one sentence: its length and a shared number, name or final mark, as often as
        # unrelated sentences of this document fit and share one
        chance = tested * (p_len ** m if m > 1 else single_chance(bs[0], bt[0]))
        if (a, b) in done or len(n_s[a]) != 1 or len(n_t[b]) != 1 or chance > max_chance:
            continue  # another reading fits as well, or lengths this loose match by chance here
        if any(("src", i) in an.taken for i in bs) or any(("tgt", j) in an.taken for j in bt):
            continue
        done.add((a, b))
        srcs, tgts = [d.src[i] for i in bs], [d.tgt[j] for j in bt]
        s0, t0 = srcs[0], tgts[0]
        what = "This sentence" if m == 1 else f"These {m} sentences"
        basis = "anchors"
        if m == 1 and not _shares_an_anchor(d, s0.index, t0.index):
            basis = f"the “{_ending(s0.text)}” at the end of both"
        where = "earlier" if t0.index < _tgt_pos(d, s0.index) else "later"
        msg = (f"{what} of the source {'is' if m == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if m == 1 else 'their'} place "
               f"(matched by length, position and {basis}).")
        multi = m > 1
        an.issues.append(_Issue(
            "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
            confidence=min(0.8, 0.5 + 0.1 * m), moved=where,
            excerpt_src=_join_excerpt([x.text for x in srcs]) if multi else None,
            excerpt_tgt=_join_excerpt([x.text for x in tgts]) if multi else None,
            src_run=tuple(srcs) if multi else (), tgt_run=tuple(tgts) if multi else ()))
        # the moved sentences and the neighbours the aligner had linked for want of them
        for i in set(bs) | set(runs_s[a]):
            an.taken.add(("src", i))
        for j in set(bt) | set(runs_t[b]):
            an.taken.add(("tgt", j))


#: the share of a document's links above the 2 % chance level from which the aligner's gaps are
#: placed by words (:func:`_run_moves`)
_PLACED_BY_WORDS = 0.15


def _run_moves(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair], min_read: float = 0.5,
               margin: float = 4.0, max_z: float = 1.5, max_run: int = 12) -> None:
    """A passage moved whole: what is left of the 1-0 and 0-1 beads after the other tests, a run
    of unlinked source sentences at one place and a run of unlinked target sentences elsewhere,
    is one passage moved when the two runs correspond. The sentences need not match one by one
    (:func:`_moves`) nor number the same (:func:`_length_moves`); the two runs correspond when

    * they read as a translation of each other: read in order, merges allowed
      (:func:`_straight_ids`), at least ``min_read`` per sentence of the longer run, and better,
      by ``margin`` and a quarter per sentence, than every reading of either run against a block
      of the same size elsewhere in the text (:func:`_beats_chance`); or
    * where the words cannot tell (a short text teaches its pair little vocabulary), each run is
      one or more whole paragraphs of its text, their total lengths fit the document's ratio
      within ``max_z`` standard deviations, they hold about as many sentences, they fit each
      other better than either fits any block of its size elsewhere (by their lengths sentence
      by sentence, or by words and lengths), and both places read in order without them
      (:func:`_heals`): a paragraph missing at one place and a paragraph of its shape not in the
      source at another. Only where the aligner's links rest on words (at least
      :data:`_PLACED_BY_WORDS` of them above the 2 % chance level, however weak the words are
      for a single passage): without words the aligner places its gaps by length, so where the
      runs stand says nothing (:func:`_length_moves` is the test there).

    Each run may pair with one run only: a run that two others fit leaves all three alone (then
    they are an omission and an addition). A single sentence on each side is read the second
    way only, as a paragraph of its own (a salutation moved): read by its words, one sentence
    is :func:`_moves`'s to match."""
    om = [p for p in omitted if ("src", p.src[0].index) not in an.taken]
    ad = [p for p in added if ("tgt", p.tgt[0].index) not in an.taken]
    runs_s = [[p.src[0].index for p in r] for r in _runs(om) if 1 <= len(r) <= max_run]
    runs_t = [[p.tgt[0].index for p in r] for r in _runs(ad) if 1 <= len(r) <= max_run]
    if not runs_s or not runs_t or len(runs_s) * len(runs_t) > 2_500:
        return
    d.features()
    lexical = _lexical(d)
    # the aligner's links rest on words here, not on lengths alone: far more of them reach the
    # 2 % chance level than chance trigrams lift between scripts that share nothing (0-10 %)
    placed = lexical or d.linked_above >= _PLACED_BY_WORDS
    ev = _Evidence(d)
    lev = _LengthEvidence(d)

    def whole(sents: list[Sentence], ids: list[int]) -> bool:
        return (ids[0] == 0 or sents[ids[0] - 1].paragraph != sents[ids[0]].paragraph) and \
            (ids[-1] + 1 == len(sents) or sents[ids[-1] + 1].paragraph != sents[ids[-1]].paragraph)

    cands: list[tuple[bool, float, int, int]] = []
    memo: dict = {}
    for a, ss in enumerate(runs_s):
        ls = sum(text_length(d.src[i].text) for i in ss)
        ka = d.bead_of_src[ss[0]]
        for b, tt in enumerate(runs_t):
            kb = d.bead_of_tgt[tt[0]]
            lo, hi = sorted((ka, kb))
            if not any(q.src and q.tgt for q in d.pairs[lo + 1:hi]):
                continue  # side by side: translated in place, if at all, not moved
            z = d.ratio_z(ls, sum(text_length(d.tgt[j].text) for j in tt))
            if abs(z) > 2.5:
                continue
            n = max(len(ss), len(tt))
            w = (ss[0], ss[-1] + 1, tt[0], tt[-1] + 1)
            r = None
            if placed:
                ev.window(ss[0], tt[0], len(ss), len(tt))
                r = _straight_ids(ev, ss, tt)[-1][-1]
                if lexical and n >= 2 and r >= min_read * n and _beats_chance(ev, w, r, margin + 0.25 * n):
                    cands.append((True, r - _NULL_LINK * (len(ss) + len(tt)), a, b))
                    continue
            if r is None or abs(z) > max_z or abs(len(ss) - len(tt)) > max(1, n // 3) or \
                    not (whole(d.src, ss) and whole(d.tgt, tt)):
                continue  # (without words the aligner places its gaps by length: not here)
            # the two runs fit each other better than either fits any block of its size elsewhere
            # in the text: read sentence by sentence by their lengths alone (their shape), or by
            # words and lengths (where words give evidence, however weak here)
            fit = _beats_chance(lev, w, _straight_ids(lev, ss, tt)[-1][-1], 0.0) or _beats_chance(ev, w, r, 0.0)
            if fit and _heals(d, ev, "src", ss, ss, tt, memo) and _heals(d, ev, "tgt", tt, ss, tt, memo):
                cands.append((False, 0.0, a, b))
    n_s = Counter(a for _, _, a, _ in cands)
    n_t = Counter(b for _, _, _, b in cands)
    for read, gain, a, b in sorted(cands, reverse=True):
        if n_s[a] != 1 or n_t[b] != 1:
            continue  # another run fits as well: which one moved is not clear
        ss, tt = runs_s[a], runs_t[b]
        where = "earlier" if tt[0] < _tgt_pos(d, ss[0]) else "later"
        it = _move_issue(d, range(ss[0], ss[-1] + 1), range(tt[0], tt[-1] + 1), where,
                         min(0.95, 0.55 + 0.02 * gain) if read else 0.5)
        if not read and len(ss) == 1:
            it.message = (f"This paragraph of the source seems to be translated {where} in the text, at line "
                          f"{d.ctx.target.line_of(d.tgt[tt[0]].start)}, not at its place: a paragraph of about "
                          "its length stands there that is not in the source, and no other paragraph fits.")
        elif not read:
            it.message = (f"These {len(ss)} sentences of the source seem to be translated {where} in the text, "
                          f"at line {d.ctx.target.line_of(d.tgt[tt[0]].start)}, not at their place: a passage "
                          "of about their length stands there that is not in the source, both whole "
                          "paragraphs, and no other passage fits.")
        an.issues.append(it)
        for i in ss:
            an.taken.add(("src", i))
        for j in tt:
            an.taken.add(("tgt", j))


def _next_lone(sents: list[Sentence], at: int, step: int, lone, weak: set[int], claimed: set[int],
               side: str, an: Analysis, max_weak: int = 1, keep=None) -> int | None:
    """The next unlinked, unclaimed sentence from ``at`` in direction ``step`` within the same
    paragraph, reached directly or past at most ``max_weak`` weakly linked sentences, and one that
    ``keep`` (a test of a sentence index, when given) accepts; None if there is none."""
    k, skipped = at + step, 0
    while 0 <= k < len(sents) and sents[k].paragraph == sents[at].paragraph:
        if (side, k) in an.taken or k in claimed:
            return None
        if k in lone:
            return k if keep is None or keep(k) else None
        if k not in weak or skipped >= max_weak:
            return None
        skipped += 1
        k += step
    return None


def _extend(sents: list[Sentence], at: int, step: int, lone, weak: set[int], claimed: set[int],
            side: str, an: Analysis, keep=None) -> int:
    """The end of a run at ``at`` moved in direction ``step`` over the unlinked sentences that
    :func:`_next_lone` reaches one after the other (and ``keep`` accepts); each one reached is
    added to ``claimed``."""
    while (k := _next_lone(sents, at, step, lone, weak, claimed, side, an, keep=keep)) is not None:
        at = k
        claimed.add(at)
    return at


def _crossings(d: _Doc, an: Analysis, window: int = 12) -> None:
    """Linked sentences whose translation stands elsewhere: a source sentence in a doubtful bead
    whose clearly best match, a few sentences away, is a target sentence of another doubtful
    bead, and that target sentence's best match is this source sentence. The aligner, which
    keeps the order, had to link both to the wrong neighbours; the reader sees one move. Where
    the words are weaker, the lengths may say where the sentence's weak partner belongs
    (:func:`_partner_absorbed`)."""
    d.features()
    if not _lexical(d):
        return
    m = len(d.tgt)
    weak_s = []
    for p in d.pairs:
        if p.src and p.tgt and p.score < 0.5:
            weak_s += [s.index for s in p.src if ("src", s.index) not in an.taken]
    if not weak_s:
        return
    # targets of doubtful beads, and added (unlinked) targets: the translation that stands elsewhere
    weak_t = {t.index for p in d.pairs if p.tgt and (not p.src or p.score < 0.5) for t in p.tgt}

    def own(i: int) -> float:
        p = d.pairs[d.bead_of_src[i]]
        return max((d.sim_z(i, t.index) for t in p.tgt), default=0.0)

    ev = _Evidence(d)
    cut = _Cuts(d)
    links: list[tuple[int, int, float]] = []
    absorbed: dict[int, Pair] = {}  # source sentence -> the bead its old partner belongs with
    for i in weak_s:
        p = d.pairs[d.bead_of_src[i]]
        center = p.tgt[0].index
        if _words(d.src[i].text) < 4:
            continue  # a short sentence matches something by chance
        if _glued_before(d, p, "src"):
            continue  # :func:`_partial` reads the rest
        z_own = own(i)
        best, arg, second = -1.0, -1, -1.0
        mine = {t.index for t in p.tgt}
        for j in range(max(0, center - window), min(m, center + window + 1)):
            if j in mine:
                continue
            z = d.sim_z(i, j)
            if z > best:
                best, arg, second = z, j, best
            elif z > second:
                second = z
        if arg < 0 or arg not in weak_t or ("tgt", arg) in an.taken or _words(d.tgt[arg].text) < 4:
            continue
        q = d.pairs[d.bead_of_tgt[arg]]
        if _glued_before(d, q, "tgt"):
            continue  # what matches here is what is glued before its end, not the whole of it
        # mutual: no source sentence near j matches it better
        c = q.src[0].index if q.src else i
        rival = max((d.sim_z(k, arg) for k in range(max(0, c - window), min(len(d.src), c + window + 1))
                     if k != i), default=-1.0)
        if rival >= best:
            continue
        host = _partner_absorbed(d, an, p, q, best, second, z_own)
        if host is not None:
            links.append((i, arg, best))
            absorbed[i] = host
            continue
        # a clear outlier: far better than the sentence's own link, than any other candidate and
        # than what unrelated sentences of this document reach by chance
        if best < 1.2 or best < z_own + 1.0 or best < second + 0.7 or d.cos(i, arg) <= d.rand_hi:
            continue
        if abs(d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[arg].text))) > 2.5:
            continue
        # the match must rest on words, not on trigrams that parts of unrelated words share
        if _matched_words(d, i, arg) < 2:
            continue
        # a sentence that already matches its own partner as well as a typical translation does
        # (or a target that matches its own source so) is not translated elsewhere: the two share
        # a fragment (a caption or quotation interleaved at different places), not a move
        z_tgt_own = max((d.sim_z(s.index, arg) for s in q.src), default=0.0)
        if max(z_own, z_tgt_own) >= _TYPICAL_LINK:
            continue
        # the sentences passed over must read better shifted by one than where the aligner put
        # them: a sentence that truly stands elsewhere leaves a gap that, closed, heals the links
        # between (a fragment shared by two unrelated sentences heals nothing)
        if _single_move_gain(d, ev, cut, i, center, arg) <= 0:
            continue
        links.append((i, arg, best))
    groups: list[list[tuple[int, int, float]]] = []
    for lk in sorted(links):
        if groups and lk[0] == groups[-1][-1][0] + 1 and lk[1] == groups[-1][-1][1] + 1:
            groups[-1].append(lk)
        else:
            groups.append([lk])
    lone_s = {p.src[0].index for p in d.pairs if len(p.src) == 1 and not p.tgt}
    lone_t = {p.tgt[0].index for p in d.pairs if len(p.tgt) == 1 and not p.src}
    for g in groups:
        n = len(g)
        s0, t0 = d.src[g[0][0]], d.tgt[g[0][1]]
        # unlinked sentences next to the moved ones, in the same paragraph, moved with them
        core_s, core_t = [i for i, _, _ in g], [j for _, j, _ in g]
        grown_s = _grow_run(d.src, core_s, lone_s, "src", an, lambda k: not _foreign(d, "src", k, core_t))
        grown_t = _grow_run(d.tgt, core_t, lone_t, "tgt", an, lambda k: not _foreign(d, "tgt", k, core_s))
        srun, trun = _balanced_runs(d, core_s, core_t, grown_s, grown_t)
        for i in set(grown_s) - set(srun):
            an.beside_move[("src", i)] = t0
        for j in set(grown_t) - set(trun):
            an.beside_move[("tgt", j)] = s0
        multi = n > 1 or len(srun) > 1 or len(trun) > 1
        where = "earlier" if g[0][1] < d.pairs[d.bead_of_src[g[0][0]]].tgt[0].index else "later"
        what = "This sentence" if n == 1 else f"These {n} sentences"
        msg = (f"{what} of the source {'is' if n == 1 else 'are'} translated {where} in the text, "
               f"at line {d.ctx.target.line_of(t0.start)}, not at {'its' if n == 1 else 'their'} place.")
        zs = sorted(z for _, _, z in g)
        an.issues.append(_Issue(
            "TQ105", msg, src=s0, tgt=t0, src_span=(0, len(s0.text)), tgt_span=(0, len(t0.text)),
            confidence=min(0.9, 0.55 + 0.1 * zs[len(zs) // 2]), moved=where,
            excerpt_src=_join_excerpt([d.src[i].text for i in srun]) if multi else None,
            excerpt_tgt=_join_excerpt([d.tgt[j].text for j in trun]) if multi else None,
            src_run=tuple(d.src[i] for i in srun) if multi else (),
            tgt_run=tuple(d.tgt[j] for j in trun) if multi else ()))
        for i in srun:
            an.taken.add(("src", i))
        for j in trun:
            an.taken.add(("tgt", j))
        for i, _, _ in g:
            if i in absorbed:
                # its old partner and the bead it belongs with are read (a split translation whole)
                host = absorbed[i]
                an.taken.update([("tgt", t.index) for t in d.pairs[d.bead_of_src[i]].tgt]
                                + [("src", x.index) for x in host.src] + [("tgt", x.index) for x in host.tgt])


def _glued_before(d: _Doc, q: Pair, side: str) -> bool:
    """Whether ``q`` is a 1-1 link whose sentence on ``side`` is much longer (2 sd) than its
    partner and ends as it does (a question, an exclamation, a colon): its end translates the
    partner, and what stands before it (a caption glued on, say) may stand elsewhere. Such a
    sentence is not one translated elsewhere as a whole."""
    if len(q.src) != 1 or len(q.tgt) != 1:
        return False
    s, t = q.src[0].text, q.tgt[0].text
    mark = end_mark(s)
    if mark is None or mark != end_mark(t):
        return False
    z = d.ratio_z(text_length(s), text_length(t))
    return z <= -2.0 if side == "src" else z >= 2.0


def _partner_absorbed(d: _Doc, an: Analysis, p: Pair, q: Pair, best: float, second: float,
                      z_own: float, margin: float = 0.5, max_z: float = 1.5) -> Pair | None:
    """The other reading of a weak 1-1 link ``p`` whose source sentence matches an unlinked target
    sentence (bead ``q``) elsewhere: the words alone are weaker than :func:`_crossings` asks (one
    shared word, a match of a typical link), but the lengths show where the link's target belongs.
    A translation split in two, whose second half the aligner linked to the next source sentence
    for want of that sentence's own translation, moved away: the half, joined back to the bead
    beside (:func:`_clearly_absorbs`, not denied by the dictionary), makes that bead normal. Then
    the sentence is translated at ``q``, by a match

    * at least typical (:data:`_TYPICAL_LINK`), better than its own link and than any other
      candidate by ``margin``, above the document's chance level, sharing a word (or, with the
      user's dictionary, read as translated there: :func:`_reads_translated`);
    * of fitting length (within ``max_z`` sd);
    * with a linked bead between the two places (side by side, the aligner's cut is only off);
    * mutual (:func:`_crossings` has checked that no source sentence near ``q`` matches it better).

    Returns the bead the link's target belongs with, or ``None``."""
    if len(p.src) != 1 or len(p.tgt) != 1 or q.src or len(q.tgt) != 1:
        return None
    i, j = p.src[0].index, q.tgt[0].index
    if best < _TYPICAL_LINK or best < z_own + margin or best < second + margin or d.cos(i, j) <= d.rand_hi:
        return None
    if abs(d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[j].text))) > max_z:
        return None
    if _matched_words(d, i, j) < 1 and (d.ctx.cache.get(DICTIONARY) is None or
                                        not _renders_in(d, "src", d.src[i], [q], d.dict_rates()[1])):
        return None
    lo, hi = sorted((p.index, q.index))
    if not any(b.src and b.tgt for b in d.pairs[lo + 1:hi]):
        return None
    # (``q`` is one-sided: :func:`_neighbour_fits` never yields it)
    for h, z0, z1 in _neighbour_fits(d, an, p, "tgt"):
        if _clearly_absorbs(z0, z1) and not _denied_by_dictionary(d, p, "tgt", h):
            return h
    return None


def _foreign(d: _Doc, side: str, k: int, other: Sequence[int]) -> bool:
    """Whether sentence ``k`` of ``side`` has numbers and names of its own (two or more), none of
    them in the sentences ``other`` of the other side: content that did not come with a move of
    those sentences (an added sentence beside a moved one is not part of the move)."""
    sents = d.tgt if side == "src" else d.src
    text = " ".join(sents[x].text for x in other)
    return len(_own_missing(d, side, (d.src if side == "src" else d.tgt)[k], [], text)) >= 2


def _grow_run(sents: list[Sentence], run: list[int], lone: set[int], side: str, an: Analysis,
              keep=None) -> list[int]:
    """``run`` (sorted sentence indices) extended over unlinked, unclaimed neighbours of the same
    paragraph: the rest of a moved paragraph whose partners the aligner could not place."""
    lo = _extend(sents, run[0], -1, lone, set(), set(), side, an, keep)
    hi = _extend(sents, run[-1], 1, lone, set(), set(), side, an, keep)
    return list(range(lo, run[0])) + run + list(range(run[-1] + 1, hi + 1))


def _balanced_runs(d: _Doc, core_s: list[int], core_t: list[int], srun: list[int],
                   trun: list[int], max_z: float = 1.5) -> tuple[list[int], list[int]]:
    """The moved runs as :func:`_grow_run` extended them, or without one side's (or both sides')
    extension when the lengths do not allow it: an unlinked sentence of one side joined to a move
    must have its counterpart in the other run. The largest reading whose length ratio is within
    ``max_z`` sd (or no further off than the linked sentences alone) is kept; an unlinked sentence
    left out of the run is read on its own (added, omitted)."""
    def z(ss: list[int], ts: list[int]) -> float:
        return abs(d.ratio_z(sum(text_length(d.src[i].text) for i in ss),
                             sum(text_length(d.tgt[j].text) for j in ts)))
    z_core = z(core_s, core_t)
    for ss, ts in ((srun, trun), (srun, core_t), (core_s, trun)):
        if (len(ss), len(ts)) != (len(core_s), len(core_t)) and z(ss, ts) <= max(max_z, z_core):
            return ss, ts
    return core_s, core_t


def _best_matches(score: dict[tuple[int, int], float]) -> tuple[dict[int, tuple[float, int]],
                                                                   dict[int, tuple[float, int]]]:
    """For each source and each target sentence of the scored pairs, its best (score, partner)."""
    best_s: dict[int, tuple[float, int]] = {}
    best_t: dict[int, tuple[float, int]] = {}
    for (i, j), z in score.items():
        if z > best_s.get(i, (-1.0, -1))[0]:
            best_s[i] = (z, j)
        if z > best_t.get(j, (-1.0, -1))[0]:
            best_t[j] = (z, i)
    return best_s, best_t


def _late_moves(d: _Doc, an: Analysis) -> None:
    """An omitted sentence and its translation found elsewhere by different readings, paired
    (the last step: a sentence moved alone into another paragraph, which the steps before read
    as an omission at one place and an addition, or nothing, at the other).

    One side is what a finding reports: the source sentence of a TQ101 (often a member of a
    merged bead, which :func:`_moves` does not see: the aligner joined it with its neighbour once
    its own translation had gone; either sentence of one that names a neighbour as possibly the
    one instead), or the target sentence of a TQ102 (either sentence of one that names two).
    The other is a reported sentence too, or one the aligner linked far away: only doubtfully (a
    1-1 link under 0.5, a member of a merged bead), or confidently 1-1 where the two are each
    other's best match in the whole document (keeping the order, the aligner may link a moved
    translation surely to the source beside its new place). The two are paired when their
    words match as :func:`_moves` asks of one sentence moved alone: each the other's best match
    among the candidates, at least :data:`_LATE_MIN_Z` in units of the document's typical link
    and above its chance similarity, a word in common or a typical link's similarity (with a
    sentence-embedding model, or each other's best match in the whole document), no number
    of one missing from the other, no names lacking where the document keeps its names, the
    lengths within 2.5 standard deviations of the document's ratio. With the user's dictionary,
    two reported sentences that are each other's best match in the whole document and that the
    dictionary reads as one the other's translation pair without the similarity bars (their
    words say so). A linked sentence is taken
    from its link only by a whole translation: at least :data:`_LATE_LINKED_Z`, better than its
    own link by a typical link, a word in common (or both sentences of at least
    :data:`_LATE_WORDLESS` words) and the lengths within :data:`_LATE_LINKED_FIT` (a clause a
    translator carried into another sentence shares the names, not the length); with a sentence-
    embedding model, by a typical link's similarity where the two are each other's best match in
    the whole document; with the user's dictionary, where they are and the dictionary reads each
    as the other's translation, or at a typical link's similarity where the dictionary reads the
    sentence's own link as a translation neither way and no confident links on both sides hold it
    in place (and, with a model or the dictionary, two reported sentences that are each other's
    best match need no word in common). The findings become one TQ105 that points at both places. Where the
    aligner had linked the moved translation with a source sentence whose own translation,
    beside it, was reported as added, that report goes too: it is translated in place; and so,
    the other way, for a moved source sentence taken from a translation whose own source,
    beside it, was reported as omitted."""
    if not _lexical(d):
        return
    om: dict[int, int] = {}  # source sentence -> the TQ101 that reports it
    ad: dict[int, int] = {}  # target sentence -> the TQ102 that reports it (or names it)
    place: dict[int, list[int]] = {}  # source sentence -> the sentences of its TQ101 (its place)
    for k, it in enumerate(an.issues):
        if it.code == "TQ101" and (len(xs := it.sentences("src", pair=True)) == 1
                                   or len(xs) == 2 and it.either is not None):
            for x in xs:  # (one of two that either may be: the one moved settles which)
                om.setdefault(x.index, k)
                place.setdefault(x.index, [y.index for y in xs])
        elif it.code == "TQ102" and len(ys := it.sentences("tgt", pair=True)) <= 2:
            for y in ys:
                ad.setdefault(y.index, k)
    if not om and not ad:
        return
    # sentences the aligner linked: each with how well it matches its own bead's other side (a
    # side is read only when the other side has reported sentences to pair it with); those of a
    # confident 1-1 link are taken only by each other's best match in the whole document
    linked_s: dict[int, float] = {}
    linked_t: dict[int, float] = {}
    sure: set[tuple[str, int]] = set()  # sentences of confident 1-1 links
    for q in d.pairs:
        if not q.src or not q.tgt:
            continue
        if len(q.src) == 1 and len(q.tgt) == 1 and q.score >= 0.5:
            sure.update({("src", q.src[0].index), ("tgt", q.tgt[0].index)})
        if ad and (len(q.src) >= 2 or len(q.tgt) == 1):
            for x in q.src:
                if x.index not in om and ("src", x.index) not in an.taken:
                    linked_s[x.index] = max(d.sim_z(x.index, t.index) for t in q.tgt)
        if om and (len(q.tgt) >= 2 or len(q.src) == 1):
            for y in q.tgt:
                if y.index not in ad and ("tgt", y.index) not in an.taken:
                    linked_t[y.index] = max(d.sim_z(x.index, y.index) for x in q.src)
    # every pair with a reported side (two linked sentences crossing: :func:`_crossings`): the
    # reported sentences with each other first, then with the doubtfully linked ones, then with
    # those of confident links, as many groups as :data:`_LATE_MAX_TESTS` allows
    tests: list[tuple[int, int]] = []
    for link in ("reported", "doubtful", "sure"):
        if link == "reported":
            group = [(i, j) for i in om for j in ad]
        else:
            ts = [j for j in linked_t if (("tgt", j) in sure) == (link == "sure")]
            ss = [i for i in linked_s if (("src", i) in sure) == (link == "sure")]
            group = [(i, j) for i in om for j in ts] + [(i, j) for i in ss for j in ad]
        if len(tests) + len(group) > _LATE_MAX_TESTS:
            break
        tests += group
    if not tests:
        return
    best_of: dict[tuple[str, int], int] = {}  # a sentence's best match in the whole document

    def best(side: str, k: int) -> int:
        if (side, k) not in best_of:
            best_of[(side, k)] = max(range(len(d.tgt)), key=lambda q: d.sim_z(k, q)) if side == "src" else \
                max(range(len(d.src)), key=lambda q: d.sim_z(q, k))
        return best_of[(side, k)]

    def mutual(i: int, j: int) -> bool:
        """Whether the two are each other's best match in the whole document."""
        return best("src", i) == j and best("tgt", j) == i

    def model_best(i: int, j: int) -> bool:
        """With a sentence-embedding model: whether the two are each other's best match in the
        whole document (the model's similarity reads meaning; without one, character trigrams'
        best matches are often chance)."""
        return d.emb is not None and mutual(i, j)

    def shifted(side: str, k: int) -> bool:
        """Whether sentence ``k`` of ``side``, if confidently linked, is linked one off (keeping
        the order, the aligner linked the moved sentence with the partner of the sentence beside
        its new place): its partner matches a neighbour of ``k`` better than ``k``, or a
        neighbour of ``k`` is reported omitted (added) and fits the partner as a link may. A
        confident link whose partner matches ``k`` best, with no such neighbour, is a
        translation, however well ``k`` matches elsewhere (a caption's names glued to it, say)."""
        if (side, k) not in sure:
            return True
        if side == "src":
            y = d.pairs[d.bead_of_src[k]].tgt[0].index
            near = [(x, y) for x in (k - 1, k + 1) if 0 <= x < len(d.src)]
            own, reported = d.sim_z(k, y), {x for x, _ in near if x in om}
        else:
            x = d.pairs[d.bead_of_tgt[k]].src[0].index
            near = [(x, y) for y in (k - 1, k + 1) if 0 <= y < len(d.tgt)]
            own, reported = d.sim_z(x, k), {y for _, y in near if y in ad}
        return any(d.sim_z(x, y) > own or ((x if side == "src" else y) in reported
                                           and _link_evidence(d, x, y) >= _NULL_LINK) for x, y in near)

    dic = d.ctx.cache.get(DICTIONARY)
    read_best: dict[tuple[int, int], bool] = {}  # dictionary_best of each pair, read once

    def dictionary_best(i: int, j: int) -> bool:
        """With the user's dictionary: whether the two are each other's best match in the whole
        document and the dictionary reads one as the other's translation
        (:func:`_sentence_reads_translated`): their words, not letters shared by chance, say so,
        and the similarity bars for the features alone are not asked. Two reported sentences (no
        link holds either) are read either way round; a doubtfully linked one (a confident link
        is not taken so) must read as a translation both ways."""
        if dic is None or ("src", i) in sure or ("tgt", j) in sure:
            return False
        if (i, j) not in read_best:  # (asked by the link test, the admission and the last bar)
            rate = d.dict_rates()[1]
            there = _sentence_reads_translated(d, "src", d.src[i], [d.tgt[j]], rate)
            if i in linked_s or j in linked_t:
                reads = there and _sentence_reads_translated(d, "tgt", d.tgt[j], [d.src[i]], rate)
            else:
                reads = there or _sentence_reads_translated(d, "tgt", d.tgt[j], [d.src[i]], rate)
            # (the best matches last: each is a pass over the whole document, the readings are not)
            read_best[(i, j)] = reads and mutual(i, j)
        return read_best[(i, j)]

    released: dict[tuple[str, int], bool] = {}  # link_released of each linked sentence, read once

    def link_released(side: str, k: int) -> bool:
        """With the user's dictionary: whether sentence ``k`` of ``side``, doubtfully linked, is
        not read as translated by its link, either way (:func:`_sentence_reads_translated`:
        the sentence in its bead's other side, or one of those in it), nor held there by its
        neighbours: a 1-1 link between two confident 1-1 links has one sentence a side between
        them, no room for a sentence that came from elsewhere."""
        if (side, k) in released:
            return released[(side, k)]
        b = d.bead_of_src[k] if side == "src" else d.bead_of_tgt[k]
        q = d.pairs[b]
        if len(q.src) == 1 and len(q.tgt) == 1 and 0 < b < len(d.pairs) - 1 and all(
                n.src and ("src", n.src[0].index) in sure for n in (d.pairs[b - 1], d.pairs[b + 1])):
            out = False  # (its neighbours are confident 1-1 links: their sentences are in ``sure``)
        else:
            x = d.src[k] if side == "src" else d.tgt[k]
            rate = d.dict_rates()[1]
            out = not _renders_in(d, side, x, [q], rate) and not any(
                _sentence_reads_translated(d, _other(side), t, [x], rate) for t in (q.tgt if side == "src" else q.src))
        released[(side, k)] = out
        return out

    def unread_best(i: int, j: int, z: float) -> bool:
        """With the user's dictionary: whether a doubtfully linked sentence (a confident link is
        not taken so) whose link the dictionary does not read as a translation either way, nor
        its neighbours hold in place (:func:`link_released`), matches a reported sentence at a
        typical link's similarity, the two each other's best match in the whole document: the
        list had its say on the link and did not keep it."""
        if dic is None or z < _TYPICAL_LINK or ("src", i) in sure or ("tgt", j) in sure:
            return False
        if i in linked_s and not link_released("src", i) or j in linked_t and not link_released("tgt", j):
            return False
        return mutual(i, j)  # (last: a pass over the whole document)

    def whole_translation(i: int, j: int, z: float, fit: float) -> bool:
        """Whether a pair with a linked side matches as a whole translation (a linked sentence
        is taken from its link only so)."""
        if fit > _LATE_LINKED_FIT:
            return False
        if z >= _LATE_LINKED_Z and (_matched_words(d, i, j) >= 1 or min(
                _words(d.src[i].text), _words(d.tgt[j].text)) >= _LATE_WORDLESS):
            return True
        return z >= _TYPICAL_LINK and model_best(i, j) or dictionary_best(i, j) or unread_best(i, j, z)

    score: dict[tuple[int, int], float] = {}
    for i, j in tests:
        if min(abs(d.bead_of_src[x] - d.bead_of_tgt[j]) for x in place.get(i, [i])) < 2:
            continue  # beside each other (or beside the finding's other sentence): a shifted link, not a move
        fit = abs(d.ratio_z(text_length(d.src[i].text), text_length(d.tgt[j].text)))
        if fit > 2.5:
            continue
        z = d.sim_z(i, j)
        if z < linked_s.get(i, -9.0) + _TYPICAL_LINK or z < linked_t.get(j, -9.0) + _TYPICAL_LINK:
            continue
        if (i in linked_s or j in linked_t) and not whole_translation(i, j, z, fit):
            continue
        if (("src", i) in sure or ("tgt", j) in sure) and not (
                mutual(i, j) and shifted("src", i) and shifted("tgt", j)):
            continue
        if z >= _LATE_MIN_Z and d.cos(i, j) > d.rand_hi or dictionary_best(i, j):
            score[(i, j)] = z
    best_s, best_t = _best_matches(score)
    drop: set[int] = set()
    done: set[int] = set()  # findings already turned into a move
    for (i, j), z in sorted(score.items()):
        if best_s[i][1] != j or best_t[j][1] != i or om.get(i) in done or ad.get(j) in done:
            continue
        if z < _TYPICAL_LINK and _matched_words(d, i, j) < 1 and not (
                (d.emb is not None or dic is not None) and mutual(i, j)):
            continue  # (two reported sentences: a word in common, or with a model or the user's
            # dictionary each other's best match in the whole document)
        if _numbers_differ(d, i, j) or (_names_differ(d, i, j) and _names_survive(d)):
            continue
        if _renders_nothing_of(d, "src", d.src[i], [d.tgt[j]]):
            continue
        where = "earlier" if j < _tgt_pos(d, i) else "later"
        it = _move_issue(d, range(i, i + 1), range(j, j + 1), where, min(0.95, 0.6 + 0.15 * z))
        # the finding of one side becomes the move, the other side's goes (every pair tested has
        # a reported side)
        keep, gone = (om[i], ad.get(j)) if i in om else (ad[j], None)
        an.issues[keep] = it
        done.add(keep)
        if gone is not None:
            drop.add(gone)
            done.add(gone)
        # the sentence the aligner had linked with the moved one (target j's source, source i's
        # translation) has its own beside the moved one, reported as added (omitted): that one
        # is translated in place after all
        beside = [(x.index, y, ad.get(y)) for x in d.pairs[d.bead_of_tgt[j]].src for y in (j - 1, j + 1)
                  if j in linked_t]
        beside += [(x, y.index, om.get(x)) for y in d.pairs[d.bead_of_src[i]].tgt for x in (i - 1, i + 1)
                   if i in linked_s]
        for x, y, k in beside:
            if k is not None and k not in done and _link_evidence(d, x, y) >= _NULL_LINK:
                drop.add(k)
                done.add(k)
        an.taken.add(("src", i))
        an.taken.add(("tgt", j))
    if drop:
        an.issues[:] = [it for k, it in enumerate(an.issues) if k not in drop]


#: :func:`_late_moves`: the least similarity (in units of the document's typical link) of an
#: omitted and an added sentence paired as one moved (as :func:`_moves` asks)
_LATE_MIN_Z = 0.6
#: ... and of a sentence the aligner linked elsewhere, doubtfully, which must also share a word
#: and fit by length within this many standard deviations: a whole sentence moved, not a clause
#: that a translator carried into another sentence (their names match, their lengths do not)
_LATE_LINKED_Z = 2.0
_LATE_LINKED_FIT = 1.5
#: ... and share a word, unless both have at least this many words: two shorter sentences may
#: reach that similarity by chance (with a sentence-embedding model, a typical link's similarity
#: is enough where the two are each other's best match in the whole document: the model's
#: similarity reads meaning, character trigrams' best matches are often chance)
_LATE_WORDLESS = 4
#: at most this many pairs are compared (beyond, the sentences of confident links are left out,
#: then the doubtfully linked ones; a long document with very many unlinked sentences on both
#: sides: none)
_LATE_MAX_TESTS = 200_000
