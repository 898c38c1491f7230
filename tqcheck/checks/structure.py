"""TQ11x: paragraph and heading structure.

These checks read the alignment: two target fragments aligned to one source
sentence across a paragraph break are a paragraph broken in the middle of a
sentence; two source paragraphs whose translations share one paragraph were
merged.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import CODE, HEADING, Document, Sentence
from ..findings import Finding
from .base import CheckContext, rule

#: characters that may end a complete sentence (any script), optionally followed by closers
_ENDS = regex.compile(r"[.!?…:;。！？．؟।۔჻።?\u037e\u0589\u061f\u06d4\u0964\u0965\u1362\u3002\uff01\uff1f\uff0e]"
                      r"[\"'”’»›)\]}\p{Pf}\p{Pe}*_]*\s*$")
_PROSE = ("text", "quote")


def _ends_sentence(s: Sentence) -> bool:
    return bool(_ENDS.search(s.text))


def _breaks_sentence(a: Sentence, b: Sentence, same_bead: bool) -> bool:
    """Whether the paragraph break between ``a`` and ``b`` (one side) falls inside a sentence:
    prose that does not end there and goes on in the next paragraph, as the alignment shows
    (both parts in one bead) or the next paragraph does (it starts in lower case). TQ110's case;
    TQ112 leaves it alone."""
    return (a.kind in _PROSE and b.kind in _PROSE and not _ends_sentence(a)
            and (same_bead or b.text[:1].islower()))


@rule("TQ110", "broken-paragraph", category="structure", severity="major", scope="document",
      description="A paragraph break splits a sentence in two.",
      example=("The vision was adopted by the Summit in 2021.",
               "Die Vision wurde 2021\n\nvom Gipfel angenommen.", "en", "de"))
def broken_paragraph(ctx: CheckContext) -> Iterator[Finding]:
    """A paragraph ends in the middle of a sentence and the sentence goes on in the next
    paragraph, where the other side has one sentence. Typical of a hard line break or a page
    break pasted into the text. Found from the alignment (both fragments aligned to one sentence
    of the other side) or, on either side, from a paragraph that ends without sentence-final
    punctuation while the next one starts in lower case."""
    for side, doc, other in (("tgt", ctx.target, ctx.source), ("src", ctx.source, ctx.target)):
        sents = doc.sentences
        for i in range(len(sents) - 1):
            a, b = sents[i], sents[i + 1]
            if not a.para_end or a.paragraph == b.paragraph:
                continue
            pa = ctx.pair_of_target(i) if side == "tgt" else ctx.pair_of_source(i)
            pb = ctx.pair_of_target(i + 1) if side == "tgt" else ctx.pair_of_source(i + 1)
            same_bead = pa is not None and pa is pb
            if not _breaks_sentence(a, b, same_bead):
                continue
            continues = b.text[:1].islower()
            conf = 0.95 if same_bead and continues else 0.9 if same_bead else 0.75
            where = "translation" if side == "tgt" else "source"
            msg = (f"The {where} breaks the paragraph in the middle of a sentence: "
                   f"\u201c{_tail(a.text)}\u201d continues in the next paragraph.")
            joined = a.text + " " + b.text
            cut = _tail_start(a.text)
            if side == "tgt":
                yield ctx.finding("TQ110", pa if same_bead else None, tgt_sentence=a,
                                  tgt_span=(cut, len(a.text)),
                                  src_sentence=(pa.src[0] if pa and pa.src else None),
                                  message=msg, suggestion=joined, confidence=conf)
            else:
                yield ctx.finding("TQ110", pa if same_bead else None, src_sentence=a,
                                  src_span=(cut, len(a.text)),
                                  tgt_sentence=(pa.tgt[0] if pa and pa.tgt else None),
                                  message=msg, suggestion=None, confidence=conf)


def _tail_start(text: str, n: int = 40) -> int:
    """Start of the last words of ``text`` (about ``n`` characters), at a word boundary."""
    if len(text) <= n:
        return 0
    k = text.find(" ", len(text) - n)
    return k + 1 if 0 <= k < len(text) - 1 else len(text) - n


def _tail(text: str, n: int = 40) -> str:
    k = _tail_start(text, n)
    return text if k == 0 else "\u2026" + text[k:]


@rule("TQ111", "merged-paragraphs", category="structure", severity="minor", scope="document",
      description="Two source paragraphs are translated as one paragraph.",
      example=("First point.\n\nSecond point.", "Premier point. Second point.", "en", "fr"))
def merged_paragraphs(ctx: CheckContext) -> Iterator[Finding]:
    """A paragraph break of the source has no counterpart in the translation: the sentences on
    both sides of it were translated into one paragraph (the mirror of TQ112: an omitted sentence
    at the break, or an added one between the two translations, does not hide it)."""
    src = ctx.source.sentences
    for i in range(len(src) - 1):
        a, b = src[i], src[i + 1]
        if not a.para_end or a.kind == CODE or b.kind == CODE:
            continue
        pa, pb = ctx.pair_of_source(i), ctx.pair_of_source(i + 1)
        if pa is not None and pa is pb:
            # one bead holds both source paragraphs' sentences
            tpars = {t.paragraph for t in pa.tgt}
            if pa.tgt and len(tpars) == 1 and len(pa.src) > 1:
                t = pa.tgt[-1]
                yield _merged(ctx, a, b, t)
            continue
        # the nearest linked sentences of the two source paragraphs say where the translation
        # stands; only unlinked (added) sentences may stand between their translations
        tb = _together_across(ctx, "src", i, a.paragraph, b.paragraph)
        if tb is not None:
            yield _merged(ctx, a, b, tb)


def _unlinked(ctx: CheckContext, side: str, k: int) -> bool:
    """Whether sentence ``k`` of ``side`` ("src" or "tgt") is linked to nothing."""
    p = ctx.pair_of_source(k) if side == "src" else ctx.pair_of_target(k)
    return p is None or not (p.tgt if side == "src" else p.src)


def _merged(ctx: CheckContext, a: Sentence, b: Sentence, t: Sentence) -> Finding:
    return ctx.finding("TQ111", None, src_sentence=b, src_span=(0, min(len(b.text), 60)),
                       tgt_sentence=t, tgt_span=(0, min(len(t.text), 60)), confidence=0.7,
                       message="The source starts a new paragraph here, the translation does not.",
                       suggestion=None)


@rule("TQ112", "split-paragraph", category="structure", severity="minor", scope="document",
      description="One source paragraph is translated as two paragraphs.",
      example=("First point. Second point.", "Premier point.\n\nSecond point.", "en", "fr"))
def split_paragraph(ctx: CheckContext) -> Iterator[Finding]:
    """The translation starts a new paragraph where the source has none (after a complete
    sentence, or after a line without final punctuation, such as a title, when the next one
    starts a new sentence; a break inside a sentence is TQ110). An added sentence at the break,
    or an omitted one between the two source sentences, does not hide it (the mirror of TQ111)."""
    tgt = ctx.target.sentences
    for j in range(len(tgt) - 1):
        a, b = tgt[j], tgt[j + 1]
        if not a.para_end or a.paragraph == b.paragraph or a.kind == CODE or b.kind == CODE:
            continue
        pa, pb = ctx.pair_of_target(j), ctx.pair_of_target(j + 1)
        if pa is None or pb is None:
            continue
        if _breaks_sentence(a, b, pa is pb):
            continue  # TQ110's case
        if pa is pb:
            if len({s.paragraph for s in pa.src}) == 1 and pa.src:
                yield _split(ctx, pa.src[-1], b)
            continue
        # an unlinked sentence at the break (an addition) does not hide it: the nearest linked
        # sentences of the two target paragraphs say where the source stands, and only unlinked
        # (omitted) source sentences may stand between them (the mirror of TQ111)
        sb = _together_across(ctx, "tgt", j, a.paragraph, b.paragraph)
        if sb is not None:
            yield _split(ctx, sb, b)


def _linked_across(ctx: CheckContext, side: str, k: int, step: int, paragraph: int):
    """From sentence ``k`` of ``side`` ("src" or "tgt") in direction ``step`` within its
    paragraph: the sentence of the other side at the near edge (the last one going back, the
    first going on) of the first bead that has one; None when the paragraph has no linked
    sentence that way."""
    sents = (ctx.source if side == "src" else ctx.target).sentences
    pair_of = ctx.pair_of_source if side == "src" else ctx.pair_of_target
    while 0 <= k < len(sents) and sents[k].paragraph == paragraph:
        p = pair_of(k)
        other = None if p is None else (p.tgt if side == "src" else p.src)
        if other:
            return other[-1] if step < 0 else other[0]
        k += step
    return None


def _together_across(ctx: CheckContext, side: str, k: int, para_a: int, para_b: int) -> Sentence | None:
    """For the paragraph break of ``side`` between its sentences ``k`` (paragraph ``para_a``) and
    ``k + 1`` (``para_b``): the first sentence of the other side after the break, when the
    nearest linked sentences on both sides of it (:func:`_linked_across`) stand in one paragraph
    of the other side, in order, with only unlinked sentences between them; else None."""
    x = _linked_across(ctx, side, k, -1, para_a)
    y = _linked_across(ctx, side, k + 1, 1, para_b)
    if x is None or y is None or x.paragraph != y.paragraph or y.index <= x.index:
        return None
    other = "tgt" if side == "src" else "src"
    return y if all(_unlinked(ctx, other, m) for m in range(x.index + 1, y.index)) else None


def _split(ctx: CheckContext, s: Sentence, t: Sentence) -> Finding:
    return ctx.finding("TQ112", None, src_sentence=s, tgt_sentence=t,
                       tgt_span=(0, min(len(t.text), 60)), confidence=0.7,
                       message="The translation starts a new paragraph here; the source does not.")


def _is_heading(doc: Document, s: Sentence) -> bool:
    return s.kind == HEADING or doc.paragraphs[s.paragraph].kind == HEADING


@rule("TQ113", "heading-mismatch", category="structure", severity="minor", scope="document",
      description="A heading in one text is ordinary text in the other.",
      example=("# Results\n\nWe won.", "Ergebnisse\n\nWir haben gewonnen.", "en", "de"))
def heading_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """The source and the translation format the same text differently: one as a heading
    (Markdown ``#`` or a bold-only paragraph), the other as body text. Also reported once when
    the two documents have different numbers of headings."""
    n_src = sum(1 for p in ctx.source.paragraphs if p.kind == HEADING)
    n_tgt = sum(1 for p in ctx.target.paragraphs if p.kind == HEADING)
    for p in ctx.pairs():
        if not p.src or not p.tgt:
            continue
        hs = any(_is_heading(ctx.source, s) for s in p.src)
        ht = any(_is_heading(ctx.target, t) for t in p.tgt)
        if hs == ht:
            continue
        if ht:
            msg = "This text is a heading in the translation but body text in the source."
        else:
            msg = "This text is a heading in the source but body text in the translation."
        yield ctx.finding("TQ113", p, tgt_span=(0, len(p.tgt_text)), confidence=0.8, message=msg)
    if n_src != n_tgt:
        yield ctx.finding("TQ113", None, confidence=0.6, severity="info",
                          message=f"The source has {n_src} heading{'' if n_src == 1 else 's'}, "
                                  f"the translation {n_tgt}.")

