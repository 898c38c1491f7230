"""TQ512–TQ522: checks of localization entries as entries — untranslated, missing,
unfinished (fuzzy / needs-review), plural forms against CLDR, the same source
translated differently, glossary and do-not-translate terms.

Most of them need a localization file (:func:`tqcheck.io.l10n.check_units`); the
plural-form check also reads ICU ``{n, plural, …}`` messages in any text and the
consistency check also works on documents.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

from ..findings import Finding
from .base import CheckContext, Pair, rule
from .l10n_context import current, unit_of
from .l10n_glossary import target_has
from .l10n_text import has_wordfreq, lang_name, markup, pair_info, plural_info

_UNFINISHED = ("fuzzy", "needs-review", "needs-translation")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’]*")
_CODEISH = regex.compile(r"\S*(?:[\p{L}\p{N}][._/\\:@#=][\p{L}\p{N}])\S*|https?://\S+|www\.\S+")
_NUM = regex.compile(r"\p{N}+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _obsolete(unit) -> bool:
    return "obsolete" in unit.flags


# -- untranslated ---------------------------------------------------------------------------------------------
#: a word is "translatable" when it is at least this common in the source language (Zipf) …
COMMON = 3.0
#: … and this much (Zipf) rarer in the target language: languages that share a word
#: (Status, Name, Afrikaans) keep it legitimately
SHARED_GAP = 1.5
#: words at least this common (Zipf) are function words: they never count as evidence alone
FUNCTION_WORD = 6.5
#: several words: the mean Zipf gap (source minus target language) from which the entry is
#: taken for untranslated (1.0 = ten times as common in the source language)
MEAN_GAP = 1.0
#: a capitalised single word rarer than this in the source language is taken for a name
NAME_WORD = 4.0
#: function words leak into every language's counts, so one counts as evidence only when it is
#: this much (Zipf) rarer in the target language (English "of" in French: 7.4 vs 5.2)
FUNCTION_GAP = 2.0
#: several common words, no name: the mean gap from which the copy is reported at minor severity
#: ("Model name" in German: both words are German too, but each is more at home in English)
WEAK_GAP = 0.5
#: confidence of those weaker reports (below 0.5 maps to minor severity)
WEAK_CONFIDENCE = 0.4


def _content_words(text: str, tokens: list[tuple[int, int]]) -> list[str]:
    chars = list(text)
    for s, e in tokens:
        for i in range(s, min(e, len(chars))):
            chars[i] = " "
    t = "".join(chars)
    t = _CODEISH.sub(" ", t)
    t = _NUM.sub(" ", t)
    words = []
    for w in _WORD.findall(t):
        if len(w) > 1 and w.isupper():
            continue  # acronyms, codes
        if any(c.isupper() for c in w[1:]):
            continue  # CamelCase, iOS
        words.append(w)
    return words


@lru_cache(maxsize=64)
def _cldr_name_set(lang: str | None) -> frozenset[str]:
    """Casefolded CLDR names in ``lang``: languages, territories, scripts, months, weekdays."""
    from .l10n import _cldr_names

    return frozenset(_norm(n) for n in _cldr_names(lang))


def _kept_elsewhere(uc, text: str, ctx: CheckContext) -> bool:
    """Is ``text`` used unchanged inside another, translated entry of the file (a name or a term
    the translators keep on purpose)?"""
    blob = ctx.cache.get("l10n-translated-blob")
    if blob is None:
        parts = [u.target for u in uc.units
                 if u.target and _norm(u.target) != _norm(u.source) and not _obsolete(u)]
        blob = "\n".join(parts)
        ctx.cache["l10n-translated-blob"] = blob
    t = text.strip()
    if not t or len(t) > 80:
        return False
    return regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(t)}(?![\p{{L}}\p{{N}}])", blob) is not None


def _not_in_target_script(text: str, tl: str) -> bool:
    """Every letter of ``text`` is in a script CLDR does not list for ``tl`` (Latin in Japanese)."""
    from ..lang.detect import usual_scripts

    scripts = usual_scripts(tl)
    letters = regex.findall(r"\p{L}", text)
    if not scripts or not letters:
        return False
    own = regex.compile("[" + "".join(rf"\p{{sc={x}}}" for x in scripts) + "]")
    return not any(own.match(c) for c in letters)


def judge_identical(text: str, tokens: list[tuple[int, int]], sl: str, tl: str,
                    ctx: CheckContext) -> float | None:
    """Confidence that an entry whose target equals its source was left untranslated; None when
    keeping it is legitimate (names, codes, numbers, words both languages share)."""
    from .l10n_text import word_zipf

    def zipf(w: str, lang: str) -> float:
        return word_zipf(w, lang) or 0.0

    words = _content_words(text, tokens)
    if not words:
        return None
    if has_wordfreq(sl) and not has_wordfreq(tl) and _not_in_target_script(text, tl):
        # a non-Latin target language (Japanese) keeps a Latin copy: names and brands stay, common
        # words of the source language that other languages do not share were not translated
        from .names import name_like as travels

        ok = len(words) >= 2 and all(zipf(w.lower(), sl) >= COMMON and not travels(w.lower(), sl)
                                     for w in words)
        if ok:
            return 0.7
    if not (has_wordfreq(sl) and has_wordfreq(tl)):
        missing = tl if not has_wordfreq(tl) else sl
        ctx.note("TQ512", f"No word frequencies for '{missing}': entries identical to their source "
                          "were judged by their length only.")
        lower = [w for w in words if w[0].islower()]
        return 0.6 if len(words) >= 3 and lower else None
    judged = [(w.lower(), zipf(w.lower(), sl), zipf(w.lower(), tl)) for w in words]
    # a title-case label of very common source words ("Static Files") is no name
    name_like = len(words) <= 4 and all(w[0].isupper() for w in words) \
        and any(zs < NAME_WORD for _, zs, _ in judged)
    if len(judged) == 1:
        _, zs, zt = judged[0]
        if zs >= COMMON and zt < zs - SHARED_GAP and not (name_like and zs < NAME_WORD):
            return 0.7
        return None
    # several words: on average clearly more at home in the source language, with at least one
    # common content word ("a", "the", "de" leak into every language's counts)
    gap = sum(zs - zt for _, zs, zt in judged) / len(judged)
    content = [(w, zs, zt) for w, zs, zt in judged if len(w) > 2 and zs < FUNCTION_WORD]
    strong = [w for w, zs, zt in content if zs >= COMMON and zt < zs - 1.0]
    strong += [w for w, zs, zt in judged if zs >= FUNCTION_WORD and zt < zs - FUNCTION_GAP]
    need = SHARED_GAP if name_like else MEAN_GAP
    if gap >= need and strong:
        return round(min(1.0, 0.5 + gap / 4), 2)
    # weaker evidence: a phrase of common source-language words, none of them a name, each at
    # least as much at home in the source language -- still worth a look, at minor severity
    if (not name_like and gap >= WEAK_GAP and len(content) >= 2
            and all(zs >= COMMON and zs >= zt for _, zs, zt in judged)):
        return WEAK_CONFIDENCE
    return None


@rule("TQ512", "untranslated-entry", category="untranslated", severity="major",
      description="An entry's translation is its source text, left in the source language.",
      example=("Great job opening the popup!", "Great job opening the popup!", "en", "tr"))
def untranslated_entry(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The target of an entry is an exact copy of its source. Entries that legitimately stay the
    same are not reported: placeholders, codes, numbers, URLs, acronyms; names and terms the
    translators keep inside other translated entries of the same file; CLDR names of the target
    language (Turkish "May"); copies whose case the translator changed ("exception" →
    "Exception"); and words the two languages share, judged with wordfreq: a single word must be
    common in the source language and over 30 times rarer in the target language (``Status`` in
    German, ``Afrikaans`` in French stay), several words must on average be ten times more common
    in the source language, with one clearly translatable word (a function word such as English
    "of" counts when it is a hundred times rarer in the target language). A phrase of common words
    that are all more at home in the source language ("Model name" in German) but shared with the
    target language is reported at minor severity. Entries marked fuzzy or needing translation are TQ514's. Without
    word frequencies for a language, only copies of three or more words are reported."""
    u = unit_of(pair, ctx)
    if u is None:
        return
    uc, unit, k, ui = u
    sl, tl = ctx.src_lang, ctx.tgt_lang
    if not sl or not tl or sl == tl or any(f in unit.flags for f in _UNFINISHED):
        return
    src, tgt = pair.src_text, pair.tgt_text
    if " ".join(src.split()) != " ".join(tgt.split()):
        return  # not a copy; a change of case alone ("exception" → "Exception") is deliberate
    if _norm(tgt).strip(".") in _cldr_name_set(tl):
        return  # "May" is also the Turkish abbreviation of the month, "Bengali" a French name
    info = pair_info(pair, ctx)
    toks = [(t.start, t.end) for t in info.src_scan.tokens] + [(t.start, t.end) for t in markup(src)]
    conf = judge_identical(src, toks, sl, tl, ctx)
    if conf is None or _kept_elsewhere(uc, src, ctx):
        return
    if conf < 0.5:
        yield ctx.finding("TQ512", pair, tgt_span=(0, len(tgt)), confidence=round(conf, 2), severity="minor",
                          message=f"This entry is a copy of its source; its words are also "
                                  f"{lang_name(tl)}, but more at home in {lang_name(sl)}: probably "
                                  f"not translated.")
        return
    yield ctx.finding("TQ512", pair, tgt_span=(0, len(tgt)), confidence=round(conf, 2),
                      message=f"This entry is still in {lang_name(sl)}: its translation is a copy of the source.")


# -- missing --------------------------------------------------------------------------------------------------
@rule("TQ513", "missing-translation", category="untranslated", severity="minor", scope="document",
      description="An entry has no translation, or the translation file lacks its key.",
      example=("Save changes", "", "en", "de"))
def missing_translation(ctx: CheckContext) -> Iterator[Finding]:
    """An entry of the source has an empty translation (gettext ``msgstr ""``, an empty XLIFF
    target), one of its plural forms is empty, or a monolingual translation file (``tr.json``,
    ``values-tr/strings.xml``) lacks the key. The application then shows the source text."""
    uc = current(ctx)
    if uc is None:
        return
    if uc.uf.source_missing:
        ctx.note("TQ513", f"No source-language file was found for {uc.uf.path}: entries were not "
                          "compared with a source.")
        return
    if ctx.src_lang and ctx.src_lang == ctx.tgt_lang:
        return  # a source-language file: target = source by design
    for ui, unit in enumerate(uc.units):
        if _obsolete(unit) or not unit.source:
            continue
        s = uc.src_sentence(ui)
        if s is None:
            continue
        if unit.plurals:
            empty = [i for i, f in enumerate(unit.plurals) if not f]
            if not empty:
                continue
            if len(empty) < len(unit.plurals):
                nums = ", ".join(str(i) for i in empty)
                t = next((uc.tgt_sentence(ui, i) for i, f in enumerate(unit.plurals) if f), None)
                yield ctx.finding("TQ513", None, src_sentence=s, src_span=(0, len(s.text)),
                                  tgt_sentence=t,
                                  message=f"Plural form{'s' if len(empty) > 1 else ''} {nums} of this "
                                          "entry {} empty.".format("are" if len(empty) > 1 else "is"))
                continue
        elif unit.target:
            continue
        if unit.target is None and unit.target_line is None and uc.uf.source_path:
            # the finding stands at the source file's line (the translation has none): name the
            # translation file, which a directory run checks among many
            name = os.path.basename(uc.uf.path) if uc.uf.path else ""
            msg = f"The translation file{f' ({name})' if name else ''} has no entry for this key."
        else:
            msg = "This entry has no translation."
        yield ctx.finding("TQ513", None, src_sentence=s, src_span=(0, len(s.text)), message=msg)


# -- unfinished -------------------------------------------------------------------------------------------------
@rule("TQ514", "unfinished-entry", category="untranslated", severity="minor", scope="document",
      description="An entry is marked fuzzy or as needing translation or review.",
      example=("Save changes", "Änderungen speichern", "en", "de"))
def unfinished_entry(ctx: CheckContext) -> Iterator[Finding]:
    """The file marks the translation as unfinished: a gettext ``fuzzy`` flag (msgfmt leaves such
    entries out, so users see the source), an XLIFF 1.2 state ``new``, ``needs-translation``,
    ``needs-review-*``, ``needs-adaptation`` or ``needs-l10n``, an explicit XLIFF 2.0
    ``state="initial"`` on a segment with a target. A unit merely lacking ``approved="yes"`` is not
    unfinished (most files never set it)."""
    uc = current(ctx)
    if uc is None:
        return
    for ui, unit in enumerate(uc.units):
        if _obsolete(unit) or not unit.translated:
            continue
        fl = unit.flags
        if "fuzzy" in fl:
            msg = "This entry is marked fuzzy: it is not used until a translator confirms it."
        elif "needs-translation" in fl:
            st = next((f[6:] for f in fl if f.startswith("state:")), "needs-translation")
            msg = f"This translation is marked as not done yet (state {st})."
        elif "needs-review" in fl:
            st = next((f[6:] for f in fl if f.startswith("state:")), "needs-review")
            msg = f"This translation is marked for review (state {st})."
        else:
            continue
        t = uc.tgt_sentence(ui)
        s = uc.src_sentence(ui)
        if t is None and s is None:
            continue
        yield ctx.finding("TQ514", None, src_sentence=s, tgt_sentence=t,
                          tgt_span=(0, len(t.text)) if t is not None else None, message=msg)


# -- plural forms ------------------------------------------------------------------------------------------------
def _cats(tags) -> str:
    return ", ".join(tags)


@rule("TQ519", "plural-forms", category="other", severity="major", scope="document",
      mqm="Fluency/Grammar",
      description="The plural forms do not match the target language's CLDR plural rules.",
      example=("{count, plural, one {# file} other {# files}}",
               "{count, plural, one {# файл} other {# файлов}}", "en", "ru"))
def plural_forms(ctx: CheckContext) -> Iterator[Finding]:
    """Plural messages must offer one form for each plural category of the target language
    (CLDR, through babel): Russian and Polish need one/few/many, Japanese one form only. Checked:
    ICU ``{n, plural, …}`` messages (missing categories, categories the language does not have,
    no ``other``); gettext entries against the header's ``nplurals`` and the header against CLDR
    (2 or 3 forms are accepted for French, where ``many`` only serves millions); named plural
    forms (Android ``<plurals>``, i18next ``_one``/``_few``, Rails ``one:``); Symfony ``a|b``
    plurals with more than one form."""
    tl = ctx.tgt_lang
    pi = plural_info(tl)
    uc = current(ctx)
    name = lang_name(tl)
    # ICU messages, in every mode
    for pair in ctx.pairs():
        if not pair.src or not pair.tgt:
            continue
        info = pair_info(pair, ctx)
        if not info.styles.icu:
            continue
        for a in info.tgt_scan.icu:
            if a.kind != "plural":
                continue
            cats = [k for k in a.keys if not k.startswith("=")]
            if "other" not in cats:
                yield ctx.finding("TQ519", pair, tgt_span=(a.start, a.end),
                                  message=f"The plural '{a.name}' has no 'other' form, which ICU requires.")
            if pi is None:
                ctx.note("TQ519", f"No CLDR plural rules for '{tl}': plural forms were not checked.")
                continue
            miss = [c for c in pi.needed if c not in cats and c != "other"]
            extra = [c for c in cats if c not in pi.all]
            if miss:
                yield ctx.finding("TQ519", pair, tgt_span=(a.start, a.end),
                                  message=f"The plural '{a.name}' lacks the form{'s' if len(miss) > 1 else ''} "
                                          f"{_cats(miss)} that {name} needs ({_cats(pi.needed)}).")
            if extra:
                yield ctx.finding("TQ519", pair, tgt_span=(a.start, a.end), severity="minor",
                                  message=f"The plural '{a.name}' has the form{'s' if len(extra) > 1 else ''} "
                                          f"{_cats(extra)}, which {name} does not use.")
    if uc is None:
        return
    if ctx.src_lang and ctx.src_lang == tl:
        return
    uf = uc.uf
    plural_units = [(ui, u) for ui, u in enumerate(uc.units)
                    if u.plurals and not _obsolete(u) and any(u.plurals)]
    if pi is None:
        if plural_units or uf.plural_count:
            ctx.note("TQ519", f"No CLDR plural rules for '{tl}': plural forms were not checked.")
        return
    if uf.format == "po":
        n = uf.plural_count
        if n is not None and n not in pi.counts:
            msg = (f"The Plural-Forms header declares {n} form{'s' if n != 1 else ''}; {name} has "
                   f"{len(pi.needed)} in CLDR ({_cats(pi.needed)}).")
            uc.hints[("TQ519", msg)] = (None, uf.plural_count_line)
            yield ctx.finding("TQ519", None, severity="minor", message=msg)
        numbered = [(ui, u) for ui, u in plural_units if u.plural_tags is None]
        if n is not None:
            wrong = [(ui, u) for ui, u in numbered if len(u.plurals) != n]
            counts = {len(u.plurals) for _, u in wrong}
            if wrong and len(wrong) == len(numbered) and len(numbered) > 1 and len(counts) == 1:
                k = counts.pop()
                msg = (f"The header declares nplurals={n}, but all {len(wrong)} plural entries have "
                       f"{k} forms.")
                uc.hints[("TQ519", msg)] = (None, uf.plural_count_line)
                yield ctx.finding("TQ519", None, message=msg)
            else:
                for ui, u in wrong:
                    t = uc.tgt_sentence(ui)
                    yield ctx.finding("TQ519", None, src_sentence=uc.src_sentence(ui), tgt_sentence=t,
                                      message=f"This entry has {len(u.plurals)} plural forms; the header "
                                              f"declares nplurals={n}.")
        else:
            for ui, u in numbered:
                if len(u.plurals) not in pi.counts:
                    yield ctx.finding("TQ519", None, src_sentence=uc.src_sentence(ui),
                                      tgt_sentence=uc.tgt_sentence(ui),
                                      message=f"This entry has {len(u.plurals)} plural forms; {name} "
                                              f"needs {len(pi.needed)} ({_cats(pi.needed)}).")
    for ui, u in plural_units:
        if u.plural_tags is None:
            continue
        have = [t for t, f in zip(u.plural_tags, u.plurals) if f]
        miss = [c for c in pi.needed if c not in have]
        extra = [c for c in have if c not in pi.all]
        t = uc.tgt_sentence(ui)
        if miss:
            yield ctx.finding("TQ519", None, src_sentence=uc.src_sentence(ui), tgt_sentence=t,
                              message=f"This plural lacks the form{'s' if len(miss) > 1 else ''} "
                                      f"{_cats(miss)} that {name} needs ({_cats(pi.needed)}).")
        if extra:
            yield ctx.finding("TQ519", None, src_sentence=uc.src_sentence(ui), tgt_sentence=t,
                              severity="minor",
                              message=f"This plural has the form{'s' if len(extra) > 1 else ''} "
                                      f"{_cats(extra)}, which {name} does not use.")
    if uf.format in ("xliff1", "xliff2"):
        ok = set(pi.counts) | {1}
        for pair in ctx.pairs():
            if not pair.src or not pair.tgt:
                continue
            src, tgt = pair.src_text, pair.tgt_text
            if "|" not in src or regex.search(r"^\s*[\[\]{]", src):
                continue
            s_forms = _pipe_forms(src)
            t_forms = _pipe_forms(tgt)
            if len(s_forms) < 2 or any(regex.match(r"\s*[\[\]{]", f) for f in t_forms):
                continue
            if len(t_forms) not in ok:
                yield ctx.finding("TQ519", pair, tgt_span=(0, len(tgt)),
                                  message=f"The translation has {len(t_forms)} plural forms separated by "
                                          f"'|'; {name} needs {len(pi.needed)} ({_cats(pi.needed)}) or one.")


def _pipe_forms(text: str) -> list[str]:
    return [p for p in regex.split(r"(?<!\|)\|(?!\|)", text)]


# -- consistency ---------------------------------------------------------------------------------------------------
def _norm_target(text: str) -> str:
    t = _norm(text)
    return t.rstrip(" .。!?！？:：;…")


@rule("TQ520", "inconsistent-translation", category="consistency", severity="minor", scope="document",
      description="The same source text is translated differently within one file or between files.",
      example=("Save the file before closing. You can close it later. Save the file before closing.",
               "Speichern Sie die Datei vor dem Schließen. Sie können sie später schließen. "
               "Sichern Sie das Dokument vor dem Beenden.", "en", "de"))
def inconsistent_translation(ctx: CheckContext) -> Iterator[Finding]:
    """Two entries (or sentences) with the same source text of at least two words get different
    translations. Users see two names for one thing; one of them is usually an older wording.
    Differences of case, spacing and final punctuation alone are not reported, and entries that
    differ by their gettext context (msgctxt) are not compared. When ``tqcheck check`` reads
    several localization files with the same target language, an entry translated otherwise
    than in the other files is reported too, naming the other file and entry (plural and
    unfinished entries are not compared across files)."""
    uc = current(ctx)
    groups: dict[tuple, list[tuple[Pair, str]]] = {}
    for pair in ctx.pairs():
        if not pair.src or not pair.tgt:
            continue
        src, tgt = pair.src_text, pair.tgt_text
        ctxt = None
        if uc is not None:
            u = unit_of(pair, ctx)
            if u is None:
                continue
            _, unit, k, _ = u
            if k > 0 or _obsolete(unit) or any(f in unit.flags for f in _UNFINISHED):
                continue
            ctxt = unit.context if uc.format == "po" else None
            if unit.plurals:
                src = unit.source + "\x00" + (unit.source_plural or "")
        ns = _norm(src)
        if _norm(tgt) == ns:
            continue
        if len(_WORD.findall(src)) < 2 and len(_CJK.findall(src)) < 4:
            continue
        groups.setdefault((ns, ctxt), []).append((pair, _norm_target(tgt)))
    for items in groups.values():
        if len(items) < 2:
            continue
        first_pair, first_t = items[0]
        for pair, t in items[1:]:
            if t == first_t:
                continue
            line = ctx.target.line_of(first_pair.tgt[0].start)
            shown = first_pair.tgt_text if len(first_pair.tgt_text) <= 80 else first_pair.tgt_text[:77] + "…"
            yield ctx.finding("TQ520", pair, src_span=(0, len(pair.src_text)),
                              tgt_span=(0, len(pair.tgt_text)),
                              message=f"The same source is translated differently at line {line}: "
                                      f"\u201c{shown}\u201d.")


# -- glossary ----------------------------------------------------------------------------------------------------
def _glossary_hits(pair: Pair, ctx: CheckContext):
    uc = current(ctx)
    if uc is None or not uc.glossary:
        return
    src, tgt = pair.src_text, pair.tgt_text
    if _norm(src) == _norm(tgt):
        return
    low = src.casefold()
    for term in uc.glossary.terms:
        first = term.source.split()[0].casefold() if term.source.split() else ""
        if not first or first not in low:
            continue
        spans = term.find_in_source(src)
        if spans:
            yield term, spans[0]


@rule("TQ521", "glossary-term", category="terminology", severity="minor",
      description="A glossary term of the source is not translated with the glossary's translation.",
      example=("Save the file.", "Speichern Sie das Dokument.", "en", "de"))
def glossary_term(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A source term listed in the glossary (``glossary=`` of :func:`tqcheck.io.l10n.check_units`,
    CSV or TBX) appears in the entry, but none of the glossary's translations of it appears in the
    translation. Inflected forms count as used (``Datei``/``Dateien``, ``dosya``/``dosyayı``)."""
    for term, span in _glossary_hits(pair, ctx) or ():
        if term.dnt:
            continue
        if any(target_has(t, pair.tgt_text, ctx.tgt_lang) for t in term.targets):
            continue
        alts = " or ".join(f"\u201c{t}\u201d" for t in term.targets[:3])
        yield ctx.finding("TQ521", pair, src_span=span,
                          message=f"The glossary translates \u201c{term.source}\u201d as {alts}; the "
                                  "translation uses neither.", suggestion=term.targets[0])


@rule("TQ522", "do-not-translate", category="terminology", severity="major",
      description="A do-not-translate term of the glossary is missing or altered in the translation.",
      example=("Privacy Badger blocked 3 trackers.", "Gizlilik Porsuğu 3 izleyiciyi engelledi.", "en", "tr"))
def do_not_translate(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A term the glossary marks as do-not-translate (a product or brand name, a command) appears
    in the source but not, exactly as written, in the translation."""
    for term, span in _glossary_hits(pair, ctx) or ():
        if not term.dnt:
            continue
        if term.source in pair.tgt_text:
            continue
        yield ctx.finding("TQ522", pair, src_span=span,
                          message=f"The do-not-translate term \u201c{term.source}\u201d is missing from "
                                  "the translation.", suggestion=term.source)
