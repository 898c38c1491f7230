"""TQ40x: the translation is in the wrong language, or was not translated.

Short segments are where language identification fails, so a sentence is judged
only when it has enough letters, and only when the detector is sure of another
language *and* gives the expected one next to no chance.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

from ..findings import Finding
from ..lang.detect import judge_language
from .base import CheckContext, Pair, rule

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")

#: a sentence is judged only with at least this many words (or CJK characters)
MIN_WORDS = 5
MIN_CJK = 12
#: the detector must be at least this sure of the other language …
SURE = 0.95
#: … and give the expected language less than this
UNLIKELY = 0.05
#: a document whose sentences are identical to the source in this share is one finding
IDENTICAL_SHARE = 0.9


@lru_cache(maxsize=1)
def _detector_langs() -> frozenset[str]:
    """Languages langdetect has profiles for, read from its profile folder (loading the
    profiles themselves takes a second and is only needed when a text is actually detected)."""
    import os

    import langdetect

    from ..lang.detect import normalize_lang

    folder = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    try:
        return frozenset(normalize_lang(x) for x in os.listdir(folder) if not x.startswith("."))
    except OSError:  # pragma: no cover - an unusual installation: ask the loaded factory
        from langdetect import detector_factory

        from ..lang.detect import _factory

        _factory()
        return frozenset(normalize_lang(x) for x in detector_factory._factory.langlist)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _enough_text(text: str) -> bool:
    if len(_CJK.findall(text)) >= MIN_CJK:
        return True
    return len(_WORD.findall(text)) >= MIN_WORDS


def _translatable(text: str) -> bool:
    """Has words that would normally be translated: not only names, numbers, codes. Scripts
    written without spaces count characters instead of words."""
    if len(_CJK.findall(text)) >= 4:
        return True
    words = _WORD.findall(text)
    lower = [w for w in words if not w[:1].isupper()]
    return len(words) >= 2 and (len(lower) >= 1 or len(words) >= 4)


def _copy_worth_reporting(text: str, ctx: CheckContext) -> bool:
    """A sentence copied unchanged into the translation is reported unless its words are names or
    words both languages share (a list of mountain names, "Albert Schmidt, Engi (GL)", a Latin
    motto that French also reads): judged with word frequencies as for localization entries
    (:func:`tqcheck.checks.l10n_units.judge_identical`) when both languages have them."""
    from .l10n_text import has_wordfreq

    sl, tl = ctx.src_lang, ctx.tgt_lang
    if not (sl and tl and sl != tl and has_wordfreq(sl) and has_wordfreq(tl)):
        return True
    from .l10n_units import judge_identical

    return judge_identical(text, [], sl, tl, ctx) is not None


def _source_words(text: str, tgt: str, src: str) -> int:
    """How many words of ``text`` that are not written with a capital are words of ``src`` rather
    than of ``tgt`` (:func:`tqcheck.lang.detect.favour_share`). Names, book titles in capitals and
    place names are frequent in the word lists of their own language ("Benno Schwabe, Basel 1935"
    reads as German), so a sentence is said to be still in the source language only when
    ordinary words of it (articles, verbs, prepositions) are. Scripts without capitals count every
    word."""
    from ..lang.detect import favour_share

    plain = [w.casefold() for w in _WORD.findall(text) if len(w) >= 2 and not w[:1].isupper()]
    return round(favour_share(plain, tgt, src) * len(plain))


def _judge(text: str, expected: str) -> tuple[str | None, float] | None:
    """(language, confidence) when ``text`` is surely not in ``expected``; the language is None
    when only its script is known. Cheap evidence (script, word frequencies) first, langdetect
    only when it points to another language (:func:`tqcheck.lang.detect.judge_language`)."""
    v = judge_language(text, expected)
    return None if v is None else (v.lang, v.prob)


def _lang_name(code: str) -> str:
    try:
        from babel import Locale

        return Locale("en").languages.get(code, code)
    except Exception:  # pragma: no cover
        return code


@rule("TQ401", "wrong-language", category="language", severity="major",
      description="A target sentence is in a language other than the target language.",
      example=("The committee approved the new budget for next year.",
               "Le comité a approuvé le nouveau budget pour l'année prochaine.", "en", "de"))
def wrong_language(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A sentence of the translation is written in a third language (neither the source's nor
    the target's). Most letters in a script the target language is not written in (CLDR) is
    enough; for the same script, fewer than three quarters of its words are common words of the
    target language (wordfreq) and langdetect (seeded) is at least 90 % sure of a language whose
    own words make up most of the sentence. Names, codes and URLs are not counted as words."""
    tgt = ctx.tgt_lang
    if not tgt:
        ctx.note("TQ401", "The target language is unknown, so wrong-language sentences were not looked for.")
        return
    if tgt not in _detector_langs():
        ctx.note("TQ401", f"No language-identification data for '{tgt}': wrong-language sentences were not looked for.")
        return
    text = pair.tgt_text
    j = _judge(text, tgt)
    if j is None or j[0] == ctx.src_lang:
        return  # the source language is TQ402's business
    lang, p = j
    what = _lang_name(lang) if lang else "another script"
    yield ctx.finding("TQ401", pair, tgt_span=(0, len(text)), confidence=p,
                      message=f"This sentence seems to be in {what}, not {_lang_name(tgt)}.")


@rule("TQ402", "untranslated", category="untranslated", severity="major", scope="document",
      description="A target sentence is identical to its source or still in the source language.",
      example=("Please read the terms and conditions carefully.",
               "Please read the terms and conditions carefully.", "en", "fr"))
def untranslated(ctx: CheckContext) -> Iterator[Finding]:
    """The translation repeats its source sentence unchanged, or is still written in the source
    language. Sentences made only of names, numbers and codes legitimately stay the same and are
    not reported, nor are copies whose words are names or words both languages share (judged
    with word frequencies, as for localization entries). When (nearly) the whole document is identical to its source, one critical
    finding says so instead of one per sentence."""
    pairs = [p for p in ctx.pairs() if p.src and p.tgt]
    same = [p for p in pairs if _norm(p.src_text) == _norm(p.tgt_text) and _translatable(p.src_text)]
    if ctx.src_lang and ctx.tgt_lang and ctx.src_lang == ctx.tgt_lang:
        ctx.note("TQ402", f"Source and target are both detected as '{ctx.src_lang}'.")
    if len(pairs) >= 2 and len(same) >= IDENTICAL_SHARE * len(pairs):
        first = same[0]
        yield ctx.finding("TQ402", first, severity="critical", confidence=1.0,
                          src_span=(0, len(first.src_text)), tgt_span=(0, len(first.tgt_text)),
                          message=f"The translation is identical to the source in {len(same)} of "
                                  f"{len(pairs)} segments: it was not translated.")
        return
    for p in same:
        if not _copy_worth_reporting(p.src_text, ctx):
            continue
        yield ctx.finding("TQ402", p, tgt_span=(0, len(p.tgt_text)), confidence=0.9,
                          message="This sentence is identical to the source: it was left untranslated.")
    src = ctx.src_lang
    if not (src and ctx.tgt_lang and src != ctx.tgt_lang and ctx.tgt_lang in _detector_langs()):
        return
    same_ids = {p.index for p in same}
    for p in pairs:
        if p.index in same_ids:
            continue
        j = _judge(p.tgt_text, ctx.tgt_lang)
        if j is not None and j[0] == src and _source_words(p.tgt_text, ctx.tgt_lang, src) >= 2:
            yield ctx.finding("TQ402", p, tgt_span=(0, len(p.tgt_text)), confidence=j[1],
                              message=f"This sentence is still in {_lang_name(src)}: it was left untranslated.")
