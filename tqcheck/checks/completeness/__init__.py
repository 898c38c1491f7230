"""TQ10x: completeness — omitted, added, moved and duplicated content.

These checks read the alignment. One analysis per document pair
(:func:`analyse`, cached in ``ctx.cache``) decides what each unlinked or
suspicious sentence is, in this order, so that nothing is reported twice:

1. a 1-0 bead and a 0-1 bead elsewhere whose texts match are *moved* content
   (TQ105), not an omission plus an addition (where the words show nothing, runs that match
   sentence by sentence in length, with both places healing, :func:`_length_moves`);
2. a target sentence that repeats another one, or a source sentence translated
   twice, is a *duplicate* (TQ106);
3. what is left of the 1-0 beads are *omitted sentences* (TQ101) and of the 0-1
   beads *added sentences* (TQ102), unless the neighbouring translation is long
   enough to hold them (then the aligner merely missed a merge);
4. aligned pairs far shorter (longer) than the document's usual length ratio,
   with numbers or names of one side missing from the other, are *partial
   omissions* (TQ103) or *partial additions* (TQ104); a sentence of a 2-1 bead
   that the translation does not cover is an omitted sentence (TQ101), and a sentence of a
   1-2 bead that the source does not cover an added one (TQ102), by lengths and anchors; two
   sentences translated as one whose translation, cut where one of them ends, leaves the other
   far too short a part are a partial omission of that other (TQ103), also where the aligner
   left one of the two unlinked beside the other's link;
5. last, an omitted sentence and an added one far apart (either of them may instead be linked
   only doubtfully there) whose words match are one sentence *moved* (TQ105): the readings
   before found its two places apart.

Everything is learned from the document pair (length ratio, which words are
shared by both languages, whether capital letters mark names); nothing knows a
particular language.

The package, one reading per module, in the order :func:`analyse` runs them:
:mod:`.swaps` (neighbours in the opposite order), :mod:`.moves` with :mod:`.exchanges`
(content at another place, passages in exchanged order), :mod:`.duplicates`,
:mod:`.unlinked` (what a 1-0 or 0-1 bead is) and :mod:`.partial` (members of merged beads,
short and long links). They share :mod:`._doc` (the document pair as they read it, the
findings' record), :mod:`.evidence` (how well a link or a passage reads as a translation) and
:mod:`.by_dictionary` (the readings of a user's word list). Here: the analysis and the six
rules, each a small function over its findings.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...align.base import Bead
from ...findings import Finding
from ..base import PROGRESS, CheckContext, Pair, rule
from ._doc import Analysis, _CACHE_KEY, _Doc, _HAS_CONTENT, _Issue
from .swaps import _swaps, _swaps_by_dictionary
from .unlinked import _unlinked
from .moves import _crossings, _late_moves, _length_moves, _merge_moves, _moves, _run_moves
from .duplicates import _duplicates
from .partial import _member_by_similarity, _omitted_in_cut, _partial


# -- the analysis --------------------------------------------------------------------------------
def analyse(ctx: CheckContext) -> Analysis:
    """Decide once per document pair what every unlinked or doubtful sentence is."""
    if _CACHE_KEY in ctx.cache:
        return ctx.cache[_CACHE_KEY]
    an = Analysis()
    ctx.cache[_CACHE_KEY] = an
    if not ctx.source.sentences and not ctx.target.sentences:
        return an
    d = _Doc(ctx)
    omitted = [p for p in d.pairs if p.src and not p.tgt and _HAS_CONTENT.search(p.src_text)]
    added = [p for p in d.pairs if p.tgt and not p.src and _HAS_CONTENT.search(p.tgt_text)]
    if not ctx.source.sentences or not ctx.target.sentences:
        # one side empty: a single finding, not one per sentence
        if omitted:
            an.issues.append(_Issue("TQ101", f"The translation is empty: all {len(omitted)} sentences of "
                                    "the source are missing.", pair=omitted[0], src=omitted[0].src[0],
                                    src_span=(0, len(omitted[0].src[0].text)), confidence=1.0))
        return an
    # neighbours in the opposite order first: an omission next to an addition two beads away
    # that match crosswise is a swap (minor), not a sentence moved (major)
    steps = [
        ("swaps", lambda: (_swaps(d, an), _swaps_by_dictionary(d, an))),
        ("moves", lambda: _moves(d, an, omitted, added)),
        ("crossings", lambda: _crossings(d, an)),
        ("copies", lambda: _duplicates(d, an)),
        ("moves by length", lambda: (_length_moves(d, an, omitted, added), _run_moves(d, an, omitted, added))),
        ("members", lambda: (_member_by_similarity(d, an), _merge_moves(d, an), _omitted_in_cut(d, an))),
        ("unlinked", lambda: _unlinked_with_orphans(d, an, omitted, added)),
        ("partial", lambda: _partial(d, an)),
        ("late moves", lambda: _late_moves(d, an)),
    ]
    bar = None
    if ctx.cache.get(PROGRESS):
        from tqdm.auto import tqdm

        bar = tqdm(total=len(steps), desc="missing and moved content", unit="step", leave=False)
    for name, step in steps:
        if bar is not None:
            bar.set_postfix_str(name)
        step()
        if bar is not None:
            bar.update()
    if bar is not None:
        bar.close()
    return an


def _unlinked_with_orphans(d: _Doc, an: Analysis, omitted: list[Pair], added: list[Pair]) -> None:
    """The unlinked sentences (:func:`_unlinked`), with the orphans earlier steps left."""
    omitted = omitted + [o for o in an.orphans if o.src and _HAS_CONTENT.search(o.src_text)]
    added = added + [o for o in an.orphans if o.tgt and _HAS_CONTENT.search(o.tgt_text)]
    _unlinked(d, an, sorted(omitted, key=lambda o: o.index), sorted(added, key=lambda o: o.index))


def _emit(ctx: CheckContext, code: str) -> Iterator[Finding]:
    for it in analyse(ctx).issues:
        if it.code != code:
            continue
        if len(it.src_run) > 1 or len(it.tgt_run) > 1:
            # a finding over runs of sentences: a pair made of the runs, spans over all of them
            src, tgt = it.sentences("src"), it.sentences("tgt")
            run = Pair(it.pair.index if it.pair else -1,
                       Bead(tuple(x.index for x in src), tuple(x.index for x in tgt)), src, tgt)
            yield ctx.finding(code, run, message=it.message,
                              src_span=(0, len(run.src_text)) if src else None,
                              tgt_span=(0, len(run.tgt_text)) if tgt else None,
                              confidence=it.confidence, severity=it.severity,
                              src_excerpt=it.excerpt_src, tgt_excerpt=it.excerpt_tgt)
            continue
        if it.pair is not None and it.src is None and it.tgt is None:
            yield ctx.finding(code, it.pair, message=it.message, src_span=it.src_span, tgt_span=it.tgt_span,
                              confidence=it.confidence, severity=it.severity,
                              src_excerpt=it.excerpt_src, tgt_excerpt=it.excerpt_tgt)
        else:
            yield ctx.finding(code, it.pair, message=it.message, src_span=it.src_span if it.src else None,
                              tgt_span=it.tgt_span if it.tgt else None, src_sentence=it.src,
                              tgt_sentence=it.tgt, confidence=it.confidence, severity=it.severity,
                              src_excerpt=it.excerpt_src, tgt_excerpt=it.excerpt_tgt)


# -- the rules -----------------------------------------------------------------------------------
@rule("TQ101", "omitted-sentence", category="omission", severity="major", scope="document",
      description="A source sentence has no translation.",
      example=("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
               "All 27 member states took part in the long debate about the new rules for the union. "
               "The next session is planned for October in Vienna.",
               "Der Ausschuss tagte am 3. März in Genf. Er verabschiedete den Haushalt für 2023. "
               "Die nächste Sitzung ist für Oktober in Wien geplant.", "en", "de"))
def omitted_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence of the source has no counterpart in the translation (a 1-0 bead of the
    alignment). Not reported when the sentence is found elsewhere in the translation (TQ105),
    or when the neighbouring translation is long enough to hold it (the translator merged two
    sentences). Also a sentence that the aligner joined with its neighbour although the
    translation has only the neighbour's length and none of the sentence's own numbers or names.
    With a dictionary (``--dictionary``), also a sentence of a merged bead whose words the
    dictionary knows are not translated (or no more often than by chance) while its
    neighbour's are, and a sentence linked one to one with a translation that renders nothing
    of it but renders the source sentence beside it (or, too short to be read by its words,
    makes the translation beside of a usual length), and a sentence of a merged bead that an
    unlinked translation beside it renders instead. Without a dictionary, names and numbers
    tell as well: a sentence of a merged bead, or one linked one to one, with two or more
    numbers and names of its own that the translation there lacks (and no sentence nearby has),
    while its words match no better than chance (minor when no translation beside needs its
    partner). Short sentences (fewer than four words) are reported as minor."""
    yield from _emit(ctx, "TQ101")


@rule("TQ102", "added-sentence", category="addition", severity="major", scope="document",
      description="The translation has a sentence that is not in the source.",
      example=("The meeting was held in Berlin on 12 May 2021. The next meeting will be in Paris in 2022.",
               "Das Treffen fand am 12. Mai 2021 in Berlin statt. Alle Teilnehmer waren sehr zufrieden "
               "mit den Ergebnissen. Das nächste Treffen findet 2022 in Paris statt.", "en", "de"))
def added_sentence(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence of the translation has no counterpart in the source (a 0-1 bead). Added
    content changes what the text says, so it is major; additions of two or three words are
    minor, and a lone added word (a heading split in two, a label) is not reported. With a
    dictionary (``--dictionary``), also a sentence of a merged bead whose words the dictionary
    knows translate nothing of the source there (or no more than by chance) while its
    neighbour's do, and a sentence linked one to one with a source sentence it renders nothing
    of, whose words are translated in the sentence beside it instead (or whose length that
    sentence needs), and a sentence of a merged bead standing where an unlinked sentence beside
    it belongs: the two parts of a translation with the added sentence between them. Without a
    dictionary, names and numbers tell as well: a sentence of a merged bead (the bead longer
    than usual with it), or one linked one to one with a source sentence whose words it does not
    match, that has two or more numbers and names of its own that the source there lacks and no
    source sentence nearby has (minor when no sentence beside needs that source sentence). An
    added sentence beside a moved one is not taken along by the move (TQ105) when it has such
    numbers and names."""
    yield from _emit(ctx, "TQ102")


@rule("TQ103", "partial-omission", category="omission", severity="major", scope="document",
      description="Part of a source sentence is missing from its translation.",
      example=("We visited Berlin, Hamburg, Munich and Cologne with 25 colleagues from 14 countries in 2019.",
               "2019 haben wir Berlin besucht.", "en", "de"))
def partial_omission(ctx: CheckContext) -> Iterator[Finding]:
    """An aligned pair whose translation is far shorter than the document's usual length ratio
    and lacks numbers or names of the source; the excerpt is the clause they are in. When the
    missing numbers and names (and two more of the sentence's words) are in one translation
    sentence nearby, the part was placed there (a caption, a clause moved across a sentence
    boundary): the finding is minor and quotes where it is."""
    yield from _emit(ctx, "TQ103")


@rule("TQ104", "partial-addition", category="addition", severity="minor", scope="document",
      description="The translation of a sentence adds content that is not in the source.",
      example=("We visited Berlin in 2019.",
               "2019 haben wir Berlin besucht, danach Hamburg, München und Köln mit 25 Kollegen aus 14 Ländern.",
               "en", "de"))
def partial_addition(ctx: CheckContext) -> Iterator[Finding]:
    """The mirror of TQ103: a translation far longer than the document's usual ratio that has
    numbers or names the source sentence does not have (and says so when a source sentence
    nearby has them: the part was moved here)."""
    yield from _emit(ctx, "TQ104")


@rule("TQ105", "moved-content", category="reorder", severity="major", scope="document",
      description="A sentence is translated at another place in the text.",
      example=("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
               "The chair, Maria Lopez, thanked the 12 interpreters. "
               "The next session is planned for October in Vienna. "
               "Delegates from 40 countries attended the debate on Tuesday.",
               "Der Ausschuss tagte am 3. März in Genf. Er verabschiedete den Haushalt für 2023. "
               "Die nächste Sitzung ist für Oktober in Wien geplant. Delegierte aus 40 Ländern nahmen "
               "am Dienstag an der Debatte teil. Die Vorsitzende Maria Lopez dankte den 12 Dolmetschern.",
               "en", "de"))
def moved_content(ctx: CheckContext) -> Iterator[Finding]:
    """A source sentence (or a run of them) has no translation at its place, and a matching
    translation stands elsewhere with no source of its own; or two neighbouring passages (a
    paragraph moved past others, two sentences swapped) are translated in exchanged order. One
    finding points at both places instead of an omission plus an addition. The exchanged
    reading is tested against the straight one with the aligner's evidence (shared names,
    numbers and cognates, the document's learned lexicon, length ratio) and reported only when
    clearly better; swapped neighbours are minor. Where the words cannot tell, an unlinked
    sentence and an unlinked translation far from it are paired by length and position when they
    also share a number, a name or a final mark other than a full stop (a salutation's comma, a
    heading's colon) more rarely than unrelated sentences of the document do. Last, a sentence
    reported omitted and one reported added far from it (or linked there only doubtfully, as a
    member of a merge or by a weak link) whose words match as a moved sentence's must are one
    move: a sentence moved alone into another paragraph. With a user's
    dictionary (``--dictionary``) its word pairs count too, and two neighbours whose known words it finds translated only crossed
    are a swap whatever beads the aligner made. Order changes inside a sentence are never
    findings."""
    yield from _emit(ctx, "TQ105")


@rule("TQ106", "duplicated-translation", category="addition", severity="major", scope="document",
      description="A translation is repeated, or one source sentence is translated twice.",
      example=("The meeting was held in Berlin on 12 May 2021. The next meeting will be in Paris in 2022.",
               "Das Treffen fand am 12. Mai 2021 in Berlin statt. Das Treffen fand am 12. Mai 2021 in "
               "Berlin statt. Das nächste Treffen findet 2022 in Paris statt.", "en", "de"))
def duplicated_translation(ctx: CheckContext) -> Iterator[Finding]:
    """A target sentence appears twice while the source has it once (copy-paste, or the same
    translation reused for a different source sentence that is not alike), or two consecutive
    target sentences are the same (whichever beads the aligner put them in) while the source
    does not repeat itself there."""
    yield from _emit(ctx, "TQ106")
