"""What an unlinked sentence is (TQ101/TQ102): omitted or added, absorbed by a
neighbour that is long enough, condensed into it, fused into a sentence elsewhere, a
sentence beside a move, or the part of a split translation that a sentence inserted into the
bead beside displaced (by the dictionary, or by numbers and names:
:func:`_member_for_stray_by_anchors`); :func:`_unlinked` reports them.
"""
from __future__ import annotations

from ...align.features import Token, tokens
from ...align.lengths import text_length
from ...document import Sentence
from ...lang.words import has_wordlist, zipf
from ..base import Pair
from ._doc import (
    _ADDED_MIN_WORDS, Analysis, _Doc, _Issue, _cjk_join, _found, _join_excerpt, _lexical, _line_of, _missing,
    _other, _quote, _quote_near, _runs, _similar_word, _stands_in, _words,
)
from .evidence import (
    _TYPICAL_LINK, _bead_fit, _clearly_absorbs, _link_evidence, _merged_evidence, _neighbour_fits,
)
from .by_dictionary import (
    _add_untranslated, _and, _denied_by_dictionary, _member_for_stray, _merged_beside, _shares_anchor,
)


def _absorbed(d: _Doc, an: Analysis, p: Pair, side: str) -> bool:
    """Could a neighbouring bead hold the translation of this unlinked sentence? True when the
    neighbour is clearly too long on the other side and adding the sentence makes it normal (a
    neighbour an earlier step explained otherwise does not count), unless the sentence is a
    paragraph of its own and the neighbour's sentences of its side stand in another paragraph:
    translated there, two paragraphs would have become one (a salutation, a heading left out
    beside a long translation is reported)."""
    x = (p.src if side == "src" else p.tgt)[0]
    alone = x.para_start and x.para_end
    return any(_clearly_absorbs(z0, z1) and not _denied_by_dictionary(d, p, side, q, at_sure_rate=True)
               and not (alone and all(y.paragraph != x.paragraph for y in (q.src if side == "src" else q.tgt)))
               for q, z0, z1 in _neighbour_fits(d, an, p, side))


#: the end of a TQ101 / TQ102 message when :func:`_condensed_into` names a neighbour
_CONDENSED = {
    "src": ", or it was condensed into the translation of the sentence {where} it, which is longer "
           "than usual.",
    "tgt": ", or it renders part of the source sentence {where} it, whose translation is otherwise "
           "shorter than usual.",
}


def _condensed_into(d: _Doc, an: Analysis, p: Pair, side: str) -> Pair | None:
    """The neighbouring bead that the unlinked sentence of ``p`` may have been condensed into,
    short of :func:`_absorbed`'s clear case: the neighbour is longer than usual on the other side
    and fits the document's length ratio better with the sentence than without (``|z1| < z0``),
    and none of the sentence's names and numbers is missing from it. Such an omission is
    possible, not sure: a translator who folds a short sentence into a clause of the next one
    ("… avec l' effroi que l' on imagine" for "Den Schrecken kann man sich vorstellen .") leaves
    the same trace."""
    x = (p.src if side == "src" else p.tgt)[0]
    best: tuple[float, Pair] | None = None
    for q, z0, z1 in _neighbour_fits(d, an, p, side):
        if z0 <= 0 or abs(z1) >= z0:
            continue
        if _missing(d, side, x.text, q.tgt_text if side == "src" else q.src_text):
            continue  # a name or number of its own is not there
        if _denied_by_dictionary(d, p, side, q):
            continue  # none of its words the dictionary knows is rendered there
        if best is None or z0 - abs(z1) > best[0]:
            best = (z0 - abs(z1), q)
    return best[1] if best else None


def _ambiguous_neighbour(d: _Doc, an: Analysis, p: Pair, side: str,
                         weak: float = 0.6, margin: float = 1.5) -> tuple[Sentence | None, bool]:
    """For a lone unlinked sentence next to a doubtful 1-1 bead: the neighbouring sentence that
    may be the untranslated one instead, and whether it is clearly the better candidate.

    When a sentence is left out, the aligner must decide which of two neighbours the remaining
    translation belongs to; with little lexical evidence (short documents, unrelated scripts)
    the lengths decide and can pick the wrong one. If the neighbouring link is weak (score
    below ``weak``) and linking the lone sentence instead fits about as well (link evidence not
    ``margin`` worse), the finding names both sentences; if it fits clearly better (and its
    words are no less similar), the finding moves to the neighbour. A confident neighbouring
    link is questioned only by names and numbers (:func:`_anchors_prefer`): the finding moves
    when they clearly say so, and names both when they fit the lone sentence at least as well
    (and no weak neighbour is named)."""
    k = p.index
    x = (p.src if side == "src" else p.tgt)[0]
    best: tuple[float, Sentence, bool] | None = None
    favoured: Sentence | None = None
    for q in (d.pairs[k - 1] if k > 0 else None, d.pairs[k + 1] if k + 1 < len(d.pairs) else None):
        if q is None or _denied_by_dictionary(d, p, side, q):
            continue  # (the user's dictionary: the lone sentence renders nothing the neighbour does)
        merged = _merge_member_instead(d, an, p, q, side, x, margin)
        if merged is not None:
            gain, nb, clear = merged
            if gain >= -margin and (best is None or gain > best[0]):
                best = (gain, nb, clear)
            continue
        if len(q.src) != 1 or len(q.tgt) != 1:
            continue
        nb = q.src[0] if side == "src" else q.tgt[0]
        if (side, nb.index) in an.taken or _words(nb.text) < 2:
            continue
        other = q.tgt[0] if side == "src" else q.src[0]
        if q.score >= weak:
            # a confident link: only its names and numbers can overrule it
            prefer = _anchors_prefer(d, side, x, nb, other)
            if prefer:
                return nb, True
            if prefer is None and favoured is None:
                favoured = nb
            continue
        # numbers decide where they can (names may be written in another script): the lone
        # sentence must not lack more of them in the other side of the neighbouring bead than
        # the neighbour does
        if _numbers_missing(d, side, x.text, other.text) > _numbers_missing(d, side, nb.text, other.text):
            continue
        if side == "src":
            cur = _link_evidence(d, nb.index, q.tgt[0].index)
            alt = _link_evidence(d, x.index, q.tgt[0].index)
            words = d.sim_z(x.index, q.tgt[0].index) - d.sim_z(nb.index, q.tgt[0].index)
        else:
            cur = _link_evidence(d, q.src[0].index, nb.index)
            alt = _link_evidence(d, q.src[0].index, x.index)
            words = d.sim_z(q.src[0].index, x.index) - d.sim_z(q.src[0].index, nb.index)
        gain = alt - cur
        if gain >= -margin and (best is None or gain > best[0]):
            # clearly the other one: better as a whole, and the words do not say otherwise
            # (a better length alone against the words leaves both named)
            best = (gain, nb, gain > margin and words >= 0)
    if best is None:
        return favoured, False
    return best[1], best[2]


def _numbers_missing(d: _Doc, side: str, text: str, other: str) -> int:
    """How many numbers of ``text`` (of ``side``) the text ``other`` of the other side lacks."""
    return sum(1 for t in _missing(d, side, text, other) if t.is_number)


def _merge_member_instead(d: _Doc, an: Analysis, p: Pair, q: Pair, side: str,
                          x: Sentence, margin: float) -> tuple[float, Sentence, bool] | None:
    """For the lone unlinked sentence ``x`` of ``p`` next to a two-to-one bead ``q`` (two
    sentences of ``side`` with one of the other): the bead with ``x`` in place of its far member
    (the one not next to ``x``), as (gain in link evidence, far member, whether clearly better:
    by more than ``margin``, with ``x`` no less similar to the partner than the far member).
    ``None`` when ``q`` is no such bead, when the far member is linked as well as a typical
    translation is (a merge whose both halves match), when ``x`` lacks more of the partner's
    numbers than the far member does, or when a neighbour may hold ``x`` condensed
    (:func:`_condensed_into`: then perhaps nothing is left out). The aligner, placing by length,
    may have merged the wrong neighbour: the sentence left out is then the far member, and ``x``
    is translated."""
    mine = q.src if side == "src" else q.tgt
    theirs = q.tgt if side == "src" else q.src
    if len(mine) != 2 or len(theirs) != 1:
        return None
    near, far = (mine[0], mine[1]) if q.index > p.index else (mine[1], mine[0])
    other = theirs[0]
    if (side, far.index) in an.taken or _words(far.text) < 2:
        return None

    def sim(i: int) -> float:
        return d.sim_z(i, other.index) if side == "src" else d.sim_z(other.index, i)

    if sim(far.index) >= _TYPICAL_LINK:
        return None

    if _numbers_missing(d, side, x.text, other.text) > _numbers_missing(d, side, far.text, other.text):
        return None
    if _condensed_into(d, an, p, side) is not None:
        return None  # a neighbour may hold it condensed: then nothing is left out (minor)
    cur_ids = tuple(sorted(m.index for m in mine))
    alt_ids = tuple(sorted((x.index, near.index)))
    if side == "src":
        cur, alt = _merged_evidence(d, cur_ids, (other.index,)), _merged_evidence(d, alt_ids, (other.index,))
    else:
        cur, alt = _merged_evidence(d, (other.index,), cur_ids), _merged_evidence(d, (other.index,), alt_ids)
    gain = alt - cur
    return gain, far, gain > margin and sim(x.index) >= sim(far.index)


def _anchors_prefer(d: _Doc, side: str, x: Sentence, nb: Sentence, other: Sentence) -> bool | None:
    """Whether names and numbers show that the unlinked sentence ``x`` (of ``side``), not its
    linked neighbour ``nb``, is the translation of ``other``: ``True`` when ``x`` shares a name
    or number with ``other`` and ``nb`` shares none while it has some that ``other`` lacks;
    ``None`` (either may be) when ``x`` has all of its names there and ``nb`` shares no more
    of them but lacks some (the fixture's "Member States … Kazakhstan" linked in place of "…
    Kazakh people; Kazakh authorities"); else ``False``. (The aligner links by length and
    similar letters; an added sentence of the right length can take the place of the real
    translation next to it.)"""
    def shared_and_missing(y: Sentence) -> tuple[int, int]:
        own = d.anchors(side, y.text)
        gone = _missing(d, side, y.text, other.text)
        return len(own) - len(gone), len(gone)

    x_shared, x_missing = shared_and_missing(x)
    nb_shared, nb_missing = shared_and_missing(nb)
    if x_shared >= 1 and nb_shared == 0 and nb_missing >= 1:
        return True
    if x_shared >= max(1, nb_shared) and x_missing == 0 and nb_missing >= 1:
        return None
    return False


#: the end of a TQ101 / TQ102 message when :func:`_shifted_merge` reads every sentence as linked
_SHIFTED = {
    "src": "; or nothing is missing: the translation there may render this sentence, and the "
           "neighbour be translated together with the next sentence, whose translation is "
           "otherwise longer than usual.",
    "tgt": "; or nothing is added: this sentence may render the source sentence there, and the "
           "neighbour belong with the next one, whose source is otherwise rendered shorter than usual.",
}


def _shifted_merge(d: _Doc, an: Analysis, p: Pair, side: str, nb: Sentence) -> bool:
    """For the unlinked sentence of ``p`` and the neighbour ``nb`` that may be the unlinked one
    instead (:func:`_ambiguous_neighbour`): whether neither needs to be. The unlinked sentence
    links to ``nb``'s partner, and ``nb`` joins the bead beyond it, which is clearly too short
    on ``nb``'s side without it and normal with it (the test of :func:`_absorbed`), with none of
    ``nb``'s names and numbers missing from that bead's other side. A translator who splits
    one sentence in two, next to an aligner that placed the halves one sentence off, leaves the
    same trace as a sentence left out."""
    q = d.pairs[d.bead_of_src[nb.index] if side == "src" else d.bead_of_tgt[nb.index]]
    step = 1 if q.index > p.index else -1
    k = q.index + step
    if not 0 <= k < len(d.pairs):
        return False
    r = d.pairs[k]
    fit = _bead_fit(d, an, r, side, text_length(nb.text))
    if fit is None or not _clearly_absorbs(*fit):
        return False
    return not _missing(d, side, nb.text, r.tgt_text if side == "src" else r.src_text)


#: the end of a TQ101 / TQ102 message for a run when :func:`_run_neighbour` names a neighbour
_RUN_EITHER = {
    "src": "; or the sentence {where} them has none instead of the {which} of them (the translation "
           "there fits either).",
    "tgt": "; or the sentence {where} them is added instead of the {which} of them (the source there "
           "fits either).",
}


def _run_neighbour(d: _Doc, an: Analysis, run: list[Pair], side: str) -> Sentence | None:
    """For a run of unlinked sentences: the sentence just outside it, in a doubtful 1-1 bead,
    that may be the unlinked one instead of the run's edge sentence (what
    :func:`_ambiguous_neighbour` finds for a single sentence, asked at each edge of the run);
    ``None`` when there is none. Where both edges have one, the one before the run is named."""
    beads = d.bead_of_src if side == "src" else d.bead_of_tgt
    for edge in (run[0], run[-1]):
        nb, _clear = _ambiguous_neighbour(d, an, edge, side)
        x = (edge.src if side == "src" else edge.tgt)[0]
        if nb is not None and abs(nb.index - x.index) == 1 and not run[0].index <= beads[nb.index] <= run[-1].index:
            return nb
    return None


def _take_neighbour(d: _Doc, an: Analysis, p: Pair, side: str,
                    x: Sentence) -> tuple[Sentence, Sentence | None]:
    """For the lone unlinked sentence ``x`` of ``p``: the sentence to report (``x``, or the
    neighbour that is clearly the untranslated one instead) and, when a doubtful neighbour fits
    the translation there as well as ``x``, that neighbour (see :func:`_ambiguous_neighbour`).
    A neighbour named either way is taken."""
    nb, clear = _ambiguous_neighbour(d, an, p, side)
    if nb is None:
        return x, None
    an.taken.add((side, nb.index))
    return (nb, None) if clear else (x, nb)


def _unlinked(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    """What is left of the 1-0 and 0-1 beads: omitted and added sentences. A run of consecutive
    ones (a whole paragraph, say) is one finding."""
    _unlinked_side(d, an, omitted, "src")
    _unlinked_side(d, an, added, "tgt")


#: per side of :func:`_unlinked`: rule, wording (one sentence; one with the neighbour that fits
#: too; a run) and confidence (at least four words / fewer)
_UNLINKED = {
    "src": ("TQ101",
            "The sentence {q} has no translation.",
            "The sentence {q}, or the one {where} it, has no translation (the translation there fits "
            "either of them).",
            "These {n} sentences, from {q40} on, have no translation.",
            (0.85, 0.6)),
    "tgt": ("TQ102",
            "The translation adds {q}, which is not in the source.",
            "The translation adds {q}, or the sentence {where} it, which is not in the source (the "
            "source there fits either of them).",
            "The translation adds {n} sentences, from {q40} on, that are not in the source.",
            (0.8, 0.55)),
}


#: the end of a TQ101 / TQ102 message for a sentence beside a moved one (:func:`_balanced_runs`)
_BESIDE_MOVE = {
    "src": "; the sentence beside it is translated elsewhere (line {line} of the translation), and it may "
           "have moved with it, though the translation there is too short to hold both.",
    "tgt": "; the sentence beside it translates a source sentence from elsewhere (line {line} of the "
           "source), and it may have come with it, though that source sentence is too short for both.",
}

#: ... and for a run of such sentences (one finding for the run)
_BESIDE_MOVE_RUN = {
    "src": "; the sentence beside them is translated elsewhere (line {line} of the translation), and they may "
           "have moved with it, though the translation there is too short to hold them all.",
    "tgt": "; the sentence beside them translates a source sentence from elsewhere (line {line} of the source), "
           "and they may have come with it, though that source sentence is too short for them all.",
}


def _unlinked_side(d: _Doc, an: Analysis, beads: list[Pair], side: str) -> None:
    """The 1-0 (``side`` "src") or 0-1 ("tgt") beads no earlier step explained: one finding per
    run of consecutive ones. A lone added word (a split heading, a label) is not reported."""
    code, one, either, many, (conf_hi, conf_lo) = _UNLINKED[side]

    def sent(p: Pair) -> Sentence:
        return (p.src if side == "src" else p.tgt)[0]

    todo = [p for p in beads if (side, sent(p).index) not in an.taken]
    for p in todo:
        an.taken.add((side, sent(p).index))
    for run in _runs(todo):
        sents = [sent(p) for p in run]
        nw = sum(_words(x.text) for x in sents)
        if (side == "tgt" and nw < _ADDED_MIN_WORDS) or (len(run) == 1 and _absorbed(d, an, run[0], side)):
            continue
        if len(run) == 1 and (_member_for_stray(d, an, run[0], side)
                              or _member_for_stray_by_anchors(d, an, run[0], side)):
            continue  # it belongs with the bead beside, where a member is the one left out (added)
        s = sents[0]
        excerpt = None
        severity = None if nw >= 4 else "minor"
        if len(run) == 1:
            # its names standing, unexplained, in a sentence of the other side explain it better
            # than a neighbour that may be the unlinked one instead
            fused = _fused_elsewhere(d, run[0], side, s) or _sole_place_elsewhere(d, side, s)
            nb = None
            if fused is None and (side, s.index) not in an.beside_move:
                s, nb = _take_neighbour(d, an, run[0], side, s)
                sents = [s]  # the sentence reported: the bead's own, or the neighbour clearly it
            msg = one.format(q=_quote(s.text))
            if nb is not None:
                where = "before" if nb.index < s.index else "after"
                if abs(nb.index - s.index) > 1:
                    where = "two sentences " + where  # the far half of a merge beside it
                msg = either.format(q=_quote(s.text), where=where)
                sents = sorted([s, nb], key=lambda x: x.index)
                if abs(nb.index - s.index) == 1 and _shifted_merge(d, an, run[0], side, nb):
                    # read one sentence on, with the neighbour joined to the bead beyond it,
                    # every sentence has its translation: perhaps nothing is missing or added
                    msg = msg[:-1] + _SHIFTED[side]
                    severity = "minor"
            elif fused is not None:
                # its names stand, unexplained, in a sentence elsewhere: joined to that one (a
                # caption placed elsewhere, a clause moved across sentences), not left out
                msg = msg[:-1] + _fused_note(d, run[0], side, *fused)
                severity = "minor"
            elif (side, s.index) in an.beside_move:
                # beside a sentence translated elsewhere: it may have moved with it, though the
                # other side there has no room for it
                msg = msg[:-1] + _BESIDE_MOVE[side].format(
                    line=_line_of(d, _other(side), an.beside_move[(side, s.index)]))
                severity = "minor"
            elif s is sent(run[0]) and (host := _condensed_into(d, an, run[0], side)) is not None:
                # a neighbour longer than usual that the sentence would make normal, with nothing
                # of the sentence's own (names, numbers) missing from it: perhaps condensed there
                msg = msg[:-1] + _CONDENSED[side].format(where="before" if host.index < run[0].index else "after")
                severity = "minor"
        else:
            msg = many.format(n=len(run), q40=_quote(s.text, 40))
            excerpt = _join_excerpt([x.text for x in sents])
            beside = [an.beside_move.get((side, x.index)) for x in sents]
            if all(beside):
                # every one beside a moved sentence that the move had no room for (one, above)
                msg = msg[:-1] + _BESIDE_MOVE_RUN[side].format(line=_line_of(d, _other(side), beside[0]))
                severity = "minor"
                nb = None
            else:
                nb = _run_neighbour(d, an, run, side)
            if nb is not None:
                # the doubtful link beside the run may hold the run's edge sentence instead of
                # its own: the run may begin (end) one sentence earlier (later), as for one
                an.taken.add((side, nb.index))
                before = nb.index < s.index
                msg = msg[:-1] + _RUN_EITHER[side].format(where="before" if before else "after",
                                                           which="first" if before else "last")
                sents = sorted(sents + [nb], key=lambda x: x.index)
        an.issues.append(_Issue(code, msg, pair=run[0], confidence=conf_hi if nw >= 4 else conf_lo,
                                severity=severity,
                                **{side: s, f"{side}_span": (0, len(s.text)), f"excerpt_{side}": excerpt,
                                   f"{side}_run": tuple(sents)}, either=nb))


#: the end of a TQ101 / TQ102 message when the sentence's names stand in a nearby sentence of
#: the other side (:func:`_fused_elsewhere`)
_FUSED = {
    "src": ", but its {what} ({names}) appear{s}{how} in {where} sentence of the translation ({at}), "
           "whose source lacks {them}: it may have been joined to that sentence.",
    "tgt": ", but its {what} ({names}) appear{s}{how} in {where} sentence of the source ({at}), whose "
           "translation lacks {them}: it may have been moved here from that sentence.",
}

#: how far (in sentences of the other side) :func:`_fused_elsewhere` looks
_FUSED_REACH = 8


def _fused_note(d: _Doc, p: Pair, side: str, there: Sentence, names: list[Token]) -> str:
    """The end of the message of the unlinked sentence of bead ``p`` whose ``names`` (names and
    numbers, tokens of it) stand in the sentence ``there`` of the other side (:data:`_FUSED`)."""
    nums = sum(t.is_number for t in names)
    what = "numbers" if nums == len(names) else "names and numbers" if nums else "names"
    one_name = len({t.norm for t in names}) == 1
    if one_name:
        what = what[:-1]
    there_nums = {t.norm for t in tokens(there.text) if t.is_number}
    how = ", converted to other units," if any(t.is_number and t.norm not in there_nums for t in names) else ""
    far = abs(there.index - _other_at(d, p, side)) > _FUSED_REACH
    return _FUSED[side].format(names=", ".join(dict.fromkeys(t.text for t in names)), what=what, how=how,
                               s="s" if one_name else "", them="it" if one_name else "them",
                               where="another" if far else "a nearby", at=_quote_near(there.text, names[0].norm))


def _other_at(d: _Doc, p: Pair, side: str) -> int:
    """Where the other side stands at the unlinked bead ``p``: the first sentence of the nearest
    linked bead after it (the end of the other text when there is none)."""
    others = d.tgt if side == "src" else d.src
    return next((q.tgt[0].index if side == "src" else q.src[0].index for q in d.pairs[p.index:]
                 if q.src and q.tgt), len(others))


def _capitalised_inside(toks: list[Token]) -> list[Token]:
    """The words of three letters or more written with a capital after a sentence's first word:
    the candidate names of a language that capitalises every noun."""
    return [t for t in toks[1:] if not t.is_number and len(t.norm) >= 3 and t.text[:1].isupper()]


def _fused_elsewhere(d: _Doc, p: Pair, side: str, s: Sentence,
                     reach: int = _FUSED_REACH) -> tuple[Sentence, list[Token]] | None:
    """For the unlinked sentence ``s`` (of ``side``, in bead ``p``): a sentence of the other side
    at most ``reach`` sentences from where ``s`` stands that has every name and number of ``s``,
    while the sentences it is linked with have none of them (so they are unexplained there),
    and those names. The content of ``s`` was then joined to that sentence (a caption the layout
    placed in another sentence, a clause moved across a sentence boundary), not simply left out
    or added. Two names or numbers are needed; where ``side`` capitalises every noun, its names
    are the capitalised words that the other sentence writes with a capital inside the sentence.
    Returns that sentence and the names (tokens of ``s``); ``None`` when there is no such
    sentence near."""
    own = d.anchors(side, s.text)
    by_case = d.case_names.get(side, False)
    caps = [] if by_case else _capitalised_inside(tokens(s.text))
    if not own and not caps:
        return None
    others = d.tgt if side == "src" else d.src
    bead_of = d.bead_of_tgt if side == "src" else d.bead_of_src
    at = _other_at(d, p, side)
    for k in range(max(0, at - reach), min(len(others), at + reach)):
        toks = [t for t in _cjk_join(tokens(others[k].text)) if t.norm]
        if by_case:
            want = own
        else:
            inner_caps = [t.norm for t in toks[1:] if not t.is_number and t.text[:1].isupper()]
            want = [t for t in own if t.is_number] + [
                t for t in caps if any(_similar_word(t.norm, o) for o in inner_caps)]
        # two names or numbers at least: one alone is often repeated (or made explicit by the
        # translation) in a neighbouring sentence
        if len({w.norm for w in want}) < 2 or not all(map(_stands_in(d, side, s.text, others[k].text, toks), want)):
            continue
        q = d.pairs[bead_of[k]]
        partner = _stands_in(d, side, s.text, " ".join(x.text for x in (q.src if side == "src" else q.tgt)))
        if not any(map(partner, want)):
            return others[k], want
    return None


def _sole_place_elsewhere(d: _Doc, side: str, s: Sentence) -> tuple[Sentence, list[Token]] | None:
    """For the unlinked sentence ``s`` (of ``side``): its names that no other sentence of its
    own text has and that exactly one sentence of the other text has, when those sentences all
    belong to one bead; returns the sentence where the first of them stands, and the names.
    Such names (a document's hapaxes, the surest anchors an aligner knows) tie ``s`` to that
    bead wherever it stands: its content was joined to it (an OCR'd caption that each edition
    prints in another place), not left out or added. One such name is enough, where
    :func:`_fused_elsewhere`, which accepts names the document repeats, needs two; but it must
    be rare in both languages at large (under once per million words, wordfreq), since a common
    one (Alpes, Genève) turns up in a translation by chance; numbers count only beside a name (a
    two-digit number recurs by chance). The other text must write the name with a capital
    (Meiringen is not "meinen"); where ``side`` capitalises every noun, its names are the
    capitalised words that the other text writes with a capital inside a sentence. ``None``
    when there is no such bead."""
    by_case = d.case_names.get(side, False)
    toks = tokens(s.text)
    if by_case:
        cands = d.anchors(side, s.text)
    else:
        cands = [t for t in toks if t.is_number and len(t.norm) >= 2] + _capitalised_inside(toks)
    if not cands:
        return None
    mine = d.vocabulary(side)[0]
    every, caps, inner = d.vocabulary("tgt" if side == "src" else "src")
    langs = [x for x in (d.ctx.src_lang, d.ctx.tgt_lang) if has_wordlist(x)]
    others = d.tgt if side == "src" else d.src
    bead_of = d.bead_of_tgt if side == "src" else d.bead_of_src
    found: list[tuple[int, Token]] = []
    for t in dict((t.norm, t) for t in cands).values():
        if not t.is_number and any(zipf(t.norm, x) >= 3.0 for x in langs):
            continue
        if mine.sents.get(t.norm, {s.index}) != {s.index} or mine.where(t.norm) != {s.index}:
            continue
        at = (every if t.is_number else caps if by_case else inner).where(t.norm)
        if len(at) == 1:
            found.append((at.pop(), t))
    beads = {bead_of.get(k) for k, _ in found}
    if not found or len(beads) != 1 or None in beads or all(t.is_number for _, t in found):
        return None
    q = d.pairs[beads.pop()]
    if not q.src or not q.tgt:
        return None
    found.sort(key=lambda kt: kt[0])
    return others[found[0][0]], [t for _, t in found]


def _member_for_stray_by_anchors(d: _Doc, an: Analysis, p: Pair, side: str) -> bool:
    """The reading of :func:`~.by_dictionary._member_for_stray` by numbers and names, with or
    without a dictionary: the unlinked sentence ``y`` of bead ``p`` has at least two numbers or
    names of its own (none in the sentences of its side in the bead beside) that the other side
    of that bead has, while a member of the bead shares none of its own numbers or names with
    that other side, looks unrelated to it (similarity at chance level or below), and with
    ``y`` in its place the bead's lengths are usual (and more usual than as the aligner made
    it): the member is the one inserted (left out) between two sentences that translate one, as
    when an added sentence lands between the halves of a translation split in two."""
    y = (p.src if side == "src" else p.tgt)[0]
    if _words(y.text) < 3 or not _lexical(d):
        return False
    for _, many, others in _merged_beside(d, an, p, side):
        o_text = " ".join(o.text for o in others)
        mine = tokens(" ".join(m.text for m in many))
        own = [t for t in d.anchors(side, y.text) if not _found(t.norm, mine)]
        gone = _missing(d, side, y.text, o_text)
        met = list(dict.fromkeys(t.text for t in own if t not in gone))
        if len(met) < 2:
            continue
        l_o = sum(text_length(o.text) for o in others)
        l_many = sum(text_length(m.text) for m in many)
        z_old = d.ratio_z(l_many, l_o) if side == "src" else d.ratio_z(l_o, l_many)
        for x in many:
            if _words(x.text) < 3:
                continue
            rest = [m for m in many if m is not x]
            if _shares_anchor(d, side, x, rest + [y], o_text):
                continue  # a number or name of its own is there: (partly) translated
            if max(d.sim_z(o.index, x.index) if side == "tgt" else d.sim_z(x.index, o.index) for o in others) > 0.2:
                continue  # it may render part of the other side
            l_new = l_many - text_length(x.text) + text_length(y.text)
            z_new = d.ratio_z(l_new, l_o) if side == "src" else d.ratio_z(l_o, l_new)
            if abs(z_new) > 1.0 or abs(z_new) >= abs(z_old):
                continue
            y_at = (f"the sentence {'before' if y.index < x.index else 'after'} it, {_quote(y.text, 40)}, with its "
                    f"neighbour ({_and([_quote(w) for w in met[:3]])} of {'that source' if side == 'tgt' else 'it'} "
                    f"{'are' if len(met) > 1 else 'is'} there)")
            if side == "src":
                msg = (f"The sentence {_quote(x.text)} seems to have no translation: the translation there renders "
                       f"{y_at}, and it shares no number or name with it and no more of its words than unrelated "
                       "sentences do.")
            else:
                msg = (f"The translation adds {_quote(x.text)}: the source there is translated by {y_at}, and it "
                       "shares no number or name with it and no more of its words than unrelated sentences do.")
            _add_untranslated(an, side, x, others[0], msg)
            return True
    return False
