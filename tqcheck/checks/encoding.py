"""TQ30x: encoding damage on either side of a translation.

The detector (:mod:`tqcheck.encoding`) runs once per document and side, over all its
sentences at once, so that a code-page confusion seen in many words raises the
confidence of each; the pair rules below only pick the damages of their pair.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from ..document import Document, Sentence
from ..encoding import Damage, detect, summarize
from ..encoding.chars import INVISIBLE
from ..encoding.lexicon import lexicon
from ..findings import Finding
from .base import CheckContext, Pair, rule

#: damage kind → rule code
RULE_OF_KIND = {
    "codepage": "TQ301", "mojibake": "TQ302", "replacement": "TQ303", "question-mark": "TQ303",
    "homoglyph": "TQ304", "dotted-i": "TQ305", "cedilla": "TQ306", "nfd": "TQ307", "control": "TQ308",
}


def document_damages(ctx: CheckContext, side: str) -> dict[int, list[Damage]]:
    """Damages of one side ("src" or "tgt") by sentence index, with offsets into the sentence
    text. Computed once per check run and kept in ``ctx.cache``."""
    key = ("tqcheck.encoding", side)
    if key not in ctx.cache:
        doc: Document = ctx.source if side == "src" else ctx.target
        lang = ctx.src_lang if side == "src" else ctx.tgt_lang
        others = ("en",) if side == "src" else tuple(x for x in (ctx.src_lang, "en") if x)
        ctx.cache[key] = _by_sentence(doc.sentences, lang, others)
    return ctx.cache[key]


def _by_sentence(sents: list[Sentence], lang: str | None, others: tuple[str, ...]) -> dict[int, list[Damage]]:
    starts, parts, pos = [], [], 0
    for s in sents:
        starts.append(pos)
        parts.append(s.text)
        pos += len(s.text) + 1
    out: dict[int, list[Damage]] = {}
    for d in detect("\n".join(parts), lang, other_langs=others):
        k = bisect_right(starts, d.start) - 1
        off = starts[k]
        local = Damage(d.start - off, d.end - off, d.kind, d.original, d.replacement, d.cause,
                       d.confidence, d.pages)
        out.setdefault(sents[k].index, []).append(local)
    return out


def pair_damages(ctx: CheckContext, pair: Pair, side: str) -> list[tuple[Damage, tuple[int, int]]]:
    """The damages of one side of ``pair`` with their spans in ``pair.src_text`` / ``pair.tgt_text``."""
    dm = document_damages(ctx, side)
    out, base = [], 0
    for s in (pair.src if side == "src" else pair.tgt):
        for d in dm.get(s.index, ()):
            out.append((d, (base + d.start, base + d.end)))
        base += len(s.text) + 1
    return out


def show(text: str) -> str:
    """Text for a message, with invisible characters made visible (``⟨U+200B⟩``)."""
    return "".join(f"⟨U+{ord(c):04X}⟩" if c in INVISIBLE or "\ud800" <= c <= "\udfff" else c for c in text)


def _message(d: Damage, side: str) -> str:
    word = "source word" if side == "src" else "word"
    o, r = show(d.original), show(d.replacement or "")
    if d.kind == "codepage":
        return f"The {word} “{o}” is garbled by a code-page mix-up ({d.cause}); it should read “{r}”."
    if d.kind == "mojibake":
        return f"The {word} “{o}” is mojibake ({d.cause}); it should read “{r}”."
    if d.kind in ("replacement", "question-mark"):
        if d.replacement:
            return f"The {word} “{o}” lost letters ({d.cause}); it probably read “{r}”."
        return f"The {word} “{o}” lost letters ({d.cause}); they cannot be recovered from this file."
    if d.kind == "homoglyph":
        return f"The {word} “{o}” mixes scripts ({d.cause}); it should be “{r}”."
    if d.kind == "dotted-i":
        return f"The {word} “{o}” has the wrong dotted or dotless i ({d.cause}); it should be “{r}”."
    if d.kind == "cedilla":
        return f"The {word} “{o}” is written with the wrong diacritic ({d.cause}); it should be “{r}”."
    if d.kind == "nfd":
        return (f"The {word} “{o}” is stored decomposed ({d.cause}); it looks right but search and "
                f"spell-checking need the composed form.")
    return f"The {word} “{o}” contains an {d.cause}; remove it."


def _pair_findings(code: str, pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    for side in ("src", "tgt"):
        if not document_damages(ctx, side):
            continue  # no damage anywhere on this side of the document (the usual case)
        for d, span in pair_damages(ctx, pair, side):
            if RULE_OF_KIND.get(d.kind) != code:
                continue
            yield ctx.finding(code, pair, message=_message(d, side),
                              src_span=span if side == "src" else None,
                              tgt_span=span if side == "tgt" else None,
                              suggestion=d.replacement or None, confidence=d.confidence)


@rule("TQ301", "codepage-confusion", category="encoding", severity="major", aligned_only=False,
      description="A word is garbled because text in one legacy code page was read as another.",
      example=("We reiterate our support.", "Desteđimizi yineliyoruz.", "en", "tr"))
def codepage_confusion(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Text written in one single-byte code page (Windows-1254, ISO-8859-2, KOI8-R, …) was
    read as another, so some letters turned into others: Turkish ``ğ`` shows as ``đ``. A word
    is reported when mapping its odd characters back through the confusion gives a known word
    of the language and the word as written is unknown; names and foreign words are left
    alone. The confusion tables come from Python's codecs; the confusion that explains most
    words of the document names the cause (see TQ309 for the summary), the same for every word.
    For a language without a word list (wordfreq lacks it) only its alphabet (CLDR) can judge a
    repair: a confusion must then turn three different words into words of its letters."""
    for lang in (ctx.tgt_lang, ctx.src_lang):
        lex = lexicon(lang)
        if lex is not None and not lex.has_words:
            ctx.note("TQ301", f"No word list for '{lex.lang}': code-page confusions are judged by its "
                              "alphabet alone (three different words must agree), and letters lost "
                              "to '?' are not restored.")
    yield from _pair_findings("TQ301", pair, ctx)


@rule("TQ302", "mojibake", category="encoding", severity="major", aligned_only=False,
      description="UTF-8 text was decoded with a legacy code page (mojibake such as 'Ã©' for 'é').",
      example=("The café is open.", "Le cafÃ© est ouvert.", "en", "fr"))
def mojibake(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """UTF-8 bytes were read as Windows-1252, Latin-1, Windows-1251, Mac Roman, … (once or
    several times), leaving sequences like ``Ã©`` or ``Ð¿``. Found and repaired with ftfy, whose
    badness heuristic keeps correct text alone; single words in code pages ftfy does not try
    (KOI8-R, DOS-866, …) are accepted only when the repair is a known word."""
    yield from _pair_findings("TQ302", pair, ctx)


@rule("TQ303", "lost-characters", category="encoding", severity="major", aligned_only=False,
      description="Letters were replaced by '?' or U+FFFD when the text was converted.",
      example=("They met in Istanbul.", "İstanbul'da g?r?s?ld?.", "en", "tr"))
def lost_characters(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A conversion to a code page that lacks some letters replaced them with ``?``, or a
    decoder replaced undecodable bytes with U+FFFD. A ``?`` counts only inside a word (never at
    a sentence end, nor in URLs); the lost letters are guessed from the language's letters when
    exactly one known word fits."""
    yield from _pair_findings("TQ303", pair, ctx)


@rule("TQ304", "mixed-script", category="encoding", severity="minor", aligned_only=False,
      description="A word mixes look-alike letters of different scripts (Cyrillic 'а' in a Latin word).",
      example=("Enter your password.", "Geben Sie Ihr Pаsswort ein.", "en", "de"))
def mixed_script(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A word written in one script contains a look-alike letter of another (Latin, Cyrillic,
    Greek): it reads correctly but defeats search, spell-checking and sorting. Whole words in
    their own script (Russian words in Russian text, a Greek μ in ``μm``) are fine."""
    yield from _pair_findings("TQ304", pair, ctx)


@rule("TQ305", "dotted-i", category="encoding", severity="minor", aligned_only=False,
      description="Turkish dotted/dotless i was cased with the wrong rules (BERLİN, ISTANBUL, i̇).",
      example=("Welcome to Berlin.", "WILLKOMMEN IN BERLİN.", "en", "de"))
def dotted_i(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Turkish and Azerbaijani pair i/İ and ı/I; other languages pair i/I. Casing text with the
    wrong rules leaves ``BERLİN`` in German, ``ISTANBUL`` (for ``İSTANBUL``) in Turkish, or an
    ``i`` with a combining dot (``i̇``) anywhere. A Turkish word is reported only when the dotted
    form is a known word and the written form is not."""
    yield from _pair_findings("TQ305", pair, ctx)


@rule("TQ306", "cedilla", category="encoding", severity="minor", aligned_only=False,
      description="Romanian ș ț written with a cedilla (ş ţ), or the reverse in Turkish.",
      example=("Romania and Moldova", "România şi Moldova", "en", "ro"))
def cedilla(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Romanian writes s and t with a comma below (ș ț); old fonts and code pages only had the
    cedilla forms (ş ţ), which are still common and wrong. Turkish and Azerbaijani write ş with
    a cedilla, so a comma-below ș there is the reverse mistake. Which form belongs is read from
    the language's letters (CLDR and word-list data), not from a list of languages."""
    yield from _pair_findings("TQ306", pair, ctx)


@rule("TQ307", "unicode-normalization", category="encoding", severity="minor", aligned_only=False,
      description="A word is stored in decomposed Unicode (NFD) while the text uses composed letters.",
      example=("Coffee", "Cafe\u0301 au lait", "en", "fr"))
def unicode_normalization(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Letters with accents can be stored composed (``é``, NFC) or as a letter plus a combining
    accent (``e`` + U+0301, NFD, typical of text from macOS file names). Both look the same, but
    search, spell-checking, string comparison and some fonts treat them differently."""
    yield from _pair_findings("TQ307", pair, ctx)


@rule("TQ308", "control-character", category="encoding", severity="minor", aligned_only=False,
      description="An invisible or control character sits inside a word.",
      example=("Hello world", "Hallo\u200bwelt", "en", "de"))
def control_character(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Zero-width spaces and joiners between letters of alphabets that do not use them, C0/C1
    control characters inside words, and bidirectional controls in text without right-to-left
    script. A control character standing alone between spaces, and joiners in scripts that need
    them (Persian, Indic, emoji), are left alone."""
    yield from _pair_findings("TQ308", pair, ctx)


@rule("TQ309", "encoding-summary", category="encoding", severity="minor", scope="document",
      description="Many words of one document were damaged the same way (one code-page confusion).",
      example=("We reiterate our support to ensure peace and other goals.",
               "Desteđimizi yineliyoruz, barışı sađlamak ve diđer hedefler için.", "en", "tr"))
def encoding_summary(ctx: CheckContext) -> Iterator[Finding]:
    """One statement per document side and cause when at least two words show the same
    code-page confusion or the same mojibake ("Windows-1254 text read as Windows-1250 in 10
    places"): usually the whole file went through one wrong conversion and is best fixed at
    the source (re-export, or ``tqcheck fix-encoding``) rather than word by word."""
    for side, doc in (("src", ctx.source), ("tgt", ctx.target)):
        dm = document_damages(ctx, side)
        flat = [(idx, d) for idx in sorted(dm) for d in dm[idx]]
        where = {id(d): idx for idx, d in flat}
        for summ in summarize([d for _, d in flat]):
            first = summ.damages[0]
            sent = doc.sentences[where[id(first)]] if where.get(id(first)) is not None else None
            pair = (ctx.pair_of_source if side == "src" else ctx.pair_of_target)(sent.index) if sent else None
            ex = ", ".join(f"“{show(e)}”" for e in summ.examples[:3])
            what = "source" if side == "src" else "translation"
            msg = (f"{summ.cause[0].upper()}{summ.cause[1:]} in {summ.count} places in the {what} "
                   f"(e.g. {ex}): check how the file was converted.")
            span = (first.start, first.end)
            if side == "src":
                yield ctx.finding("TQ309", pair, message=msg, src_sentence=sent, src_span=span,
                                  confidence=summ.confidence)
            else:
                yield ctx.finding("TQ309", pair, message=msg, tgt_sentence=sent, tgt_span=span,
                                  confidence=summ.confidence)
