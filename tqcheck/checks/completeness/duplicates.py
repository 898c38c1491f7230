"""A translation repeated, or one source sentence translated twice (TQ106).
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from ...align.lengths import text_length
from ...document import Sentence
from ..base import Pair
from ._doc import Analysis, _Doc, _Issue, _lexical, _missing, _norm_text, _words
from .evidence import _Evidence, _NULL_LINK


def _unlike(a: str, b: str) -> bool:
    """Two source texts that are clearly not the same sentence (under 60 % alike as letters):
    one translation cannot serve both."""
    return bool(a) and bool(b) and fuzz.ratio(_norm_text(a), _norm_text(b)) < 60


def _duplicates(d: _Doc, an: Analysis) -> None:
    """Repeated target sentences (not repeated in the source) and doubled translations."""
    norm = [_norm_text(t.text) for t in d.tgt]
    groups: dict[str, list[int]] = defaultdict(list)
    for j, t in enumerate(d.tgt):
        if _words(t.text) >= 4 and len(norm[j]) >= 15:
            groups[norm[j]].append(j)
    for occ in groups.values():
        if len(occ) < 2:
            continue
        beads = [d.pairs[d.bead_of_tgt[j]] for j in occ]
        srcs = {_norm_text(p.src_text) for p in beads if p.src}
        for j, p in zip(occ, beads):
            other = next(x for x in occ if x != j)
            line = d.ctx.target.line_of(d.tgt[other].start)
            if not p.src:
                msg = f"This sentence repeats the translation at line {line}; the source has it once."
                conf = 0.9
            elif len(srcs) > 1 and j != occ[0] and len(p.tgt) >= 2 and \
                    not any(_norm_text(o.text) == norm[j] for o in p.src):
                # the later copy shares a bead with other target sentences (the aligner attached
                # it to a neighbour), and the sources of the two copies differ
                msg = f"This sentence repeats the translation at line {line}; the source has it once."
                conf = 0.8
                own = _displaced_from_merge(d, an, p, j)
                if own is not None:
                    # the merge's own member, pushed out by the copy, stands unlinked beside it
                    an.taken.add(("tgt", own.index))
            elif len(srcs) > 1 and len(p.src) == 1 and j != occ[0] and (
                    d.sim_z(p.src[0].index, j) < 0.5 or _unlike(p.src_text, beads[0].src_text)):
                shifted = _displaced_by_copy(d, an, p, j)
                if shifted is not None:
                    # the copy stands where this source sentence's translation was expected, and
                    # the translations from there on stand one sentence further: an extra copy
                    own, _, reads = shifted
                    msg = f"This sentence repeats the translation at line {line}; the source has it once."
                    if _norm_text(d.tgt[reads].text) != norm[j]:
                        msg += (" The source sentence it stands beside is translated at line "
                                f"{d.ctx.target.line_of(d.tgt[reads].start)}.")
                    conf = 0.8
                    an.taken.add(("tgt", own.index))
                else:
                    msg = (f"This translation repeats the one at line {line} although the source "
                           "sentences differ: this source sentence may have the wrong translation.")
                    conf = 0.7
            else:
                continue
            an.issues.append(_Issue("TQ106", msg, pair=p if p.src else None, tgt=d.tgt[j],
                                    src=p.src[0] if p.src else None, tgt_span=(0, len(d.tgt[j].text)),
                                    confidence=conf))
            an.taken.add(("tgt", j))
    # a source sentence translated twice: near-identical neighbours. When the aligner left one
    # of them unlinked, that one is the extra copy; else the second is, inside a bead or across
    # two (the aligner may give the first copy to the bead before), unless the source repeats too
    for j in range(1, len(d.tgt)):
        a, b = d.tgt[j - 1], d.tgt[j]
        if ("tgt", b.index) in an.taken or ("tgt", a.index) in an.taken:
            continue  # (one copy already reported)
        if fuzz.ratio(norm[j - 1], norm[j]) < 85:
            continue
        p, q = d.pairs[d.bead_of_tgt[j]], d.pairs[d.bead_of_tgt[j - 1]]
        if not p.src or not q.src:
            x, other = (b, q) if not p.src else (a, p)
            if _words(x.text) < 3:
                continue
            an.issues.append(_Issue(
                "TQ106", "This sentence repeats the translation next to it.",
                pair=None, tgt=x, src=other.src[0] if other.src else None, tgt_span=(0, len(x.text)),
                confidence=0.9))
            an.taken.add(("tgt", x.index))
            continue
        if _words(b.text) < 3:
            continue
        srcs = [_norm_text(y.text) for y in (q.src + p.src if p is not q else p.src)]
        if any(fuzz.ratio(srcs[k - 1], srcs[k]) >= 85 for k in range(1, len(srcs))):
            continue  # the source says it twice as well
        if p is q:
            # both copies in one merge: the merge's own member the copy pushed out stands
            # unlinked beside it
            own = _displaced_from_merge(d, an, p, b.index)
            if own is not None:
                an.taken.add(("tgt", own.index))
        elif (shifted := _displaced_by_copy(d, an, p, b.index)) is not None:
            # the copy took the place of a translation, and the translations from there on stand
            # one sentence further (the last of them unlinked): read so, the sentence translated
            # twice is the first copy's source when they shift on, the second's when they shift back
            own, step, _ = shifted
            an.taken.add(("tgt", own.index))
            if step > 0:
                p = q
        an.issues.append(_Issue(
            "TQ106", "The source sentence is translated twice in a row.",
            pair=p, src=p.src[0] if p.src else None, tgt=b, tgt_span=(0, len(b.text)),
            confidence=0.9))
        an.taken.add(("tgt", b.index))


def _reads_acceptably(d: _Doc, ev: _Evidence, i: int, tgts: tuple[int, ...], now: str) -> bool:
    """Whether source sentence ``i`` read with target sentences ``tgts`` (in place of what the
    aligner gave it, whose text is ``now``) is an acceptable link: the lengths fit the
    document's ratio within 2 standard deviations, no number of one is missing from the other,
    no more names are missing either way than in the aligner's reading (capitalised terms a
    language translates, Summit / Zirve, are missing from both), and where the words give
    evidence the link is not worse than leaving both unlinked."""
    s_text = d.src[i].text
    t_text = " ".join(d.tgt[x].text for x in tgts)
    if abs(d.ratio_z(text_length(s_text), sum(text_length(d.tgt[x].text) for x in tgts))) > 2.0:
        return False
    lack = _missing(d, "src", s_text, t_text) + _missing(d, "tgt", t_text, s_text)
    if any(x.is_number for x in lack):
        return False
    if len(lack) > len(_missing(d, "src", s_text, now)) + len(_missing(d, "tgt", now, s_text)):
        return False
    return not _lexical(d) or ev((i,), tgts) >= _NULL_LINK


def _free_unlinked_tgt(d: _Doc, an: Analysis, k: int) -> bool:
    """Whether target sentence ``k`` exists, is unlinked, no earlier step explained it, and is
    more than a lone word (a label)."""
    return (0 <= k < len(d.tgt) and ("tgt", k) not in an.taken and not d.pairs[d.bead_of_tgt[k]].src
            and _words(d.tgt[k].text) >= 2)


def _displaced_by_copy(d: _Doc, an: Analysis, p: Pair, j: int,
                       reach: int = 3) -> tuple[Sentence, int, int] | None:
    """Where the translations a copy pushed aside stand, when the aligner linked bead ``p``'s
    one source sentence to the copy ``j`` of another sentence's translation: an unlinked target
    sentence after (or before) the copy, past at most ``reach - 1`` 1-1 links, such that every
    source sentence from the copy's to it, read one target sentence further that way, is an
    acceptable link (:func:`_reads_acceptably`; how the copy's source sentence matches the copy
    says nothing: the copy is another sentence's translation). Returns the unlinked sentence,
    the step (+1 after, -1 before) and the target sentence the copy's source then reads; None
    when there is none."""
    if len(p.src) != 1 or len(p.tgt) != 1:
        return None
    ev = _Evidence(d)
    for step in (1, -1):
        chain = [(p.src[0].index, j)]
        k = j + step
        while 0 <= k < len(d.tgt) and len(chain) <= reach:
            q = d.pairs[d.bead_of_tgt[k]]
            if not q.src or len(q.src) != 1 or len(q.tgt) != 1:
                break
            chain.append((q.src[0].index, k))
            k += step
        if len(chain) > reach or not _free_unlinked_tgt(d, an, k):
            continue
        if all(_reads_acceptably(d, ev, i, (t + step,), d.tgt[t].text) for i, t in chain):
            return d.tgt[k], step, j + step
    return None


def _displaced_from_merge(d: _Doc, an: Analysis, p: Pair, j: int) -> Sentence | None:
    """When the aligner made the copy ``j`` a member of the 1-2 bead ``p`` (at its edge), the
    unlinked target sentence just outside it on that side, if the bead reads acceptably with it
    in the copy's place (:func:`_reads_acceptably`: a sentence split in two whose second half
    the copy pushed out of the bead). None otherwise."""
    if len(p.src) != 1 or len(p.tgt) != 2:
        return None
    first, last = p.tgt[0].index, p.tgt[1].index
    if j == last:
        rest, k = first, j + 1
    elif j == first:
        rest, k = last, j - 1
    else:
        return None
    if not _free_unlinked_tgt(d, an, k):
        return None
    if not _reads_acceptably(d, _Evidence(d), p.src[0].index, tuple(sorted((rest, k))), p.tgt_text):
        return None
    return d.tgt[k]
