"""TQ50x–TQ51x: software strings — placeholders, format strings, markup, escapes,
whitespace, punctuation, capitalisation, double spaces, repeated words, length.

These checks read each aligned pair. On a localization file
(:func:`tqcheck.io.l10n.check_units`) a pair is one entry (or one plural form of
an entry) and the checks also use what the file says about it: gettext format
flags (``python-format``, ``python-brace-format``, ``no-c-format`` …), the
plural source, the declared length limit, the file format (Chrome ``$1``,
Android apostrophes, Java ``MessageFormat`` quotes). On an ordinary document
they work on the text alone.

The entry-level checks (untranslated, missing, unfinished, plural forms,
consistency, glossary) are in :mod:`.l10n_units`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex

from ..findings import Finding
from ..lang import cldr
from . import l10n_formats as fm
from .base import CheckContext, Pair, rule
from .l10n_context import unit_of
from .l10n_text import (NO_FINAL_STOP, end_class, ends_with_abbreviation, first_word, markup,
                        pair_info, pair_markup, placeholder_diff, weighted_len)

#: rules that need a localization file (an entry's flags, its untrimmed text, a glossary):
#: their example runs through :func:`tqcheck.io.l10n.run_example`, not ``tqcheck.check``
UNIT_ONLY = frozenset({"TQ509", "TQ510", "TQ512", "TQ513", "TQ514", "TQ515", "TQ516", "TQ521",
                       "TQ522"})


# -- placeholders ------------------------------------------------------------------------------------------
@rule("TQ501", "placeholder-missing", category="placeholder", severity="major",
      description="A placeholder of the source is missing from the translation.",
      example=("Delete %(name)s?", "Silinsin mi?", "en", "tr"))
def placeholder_missing(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A placeholder or format argument of the source (``%s``, ``%(name)s``, ``%1$s``, ``{0}``,
    ``{name}``, ``{{ limit }}``, ``$NAME$``, ``%{name}``, ICU ``{count, plural, …}``) is not in the
    translation, so the value will not be shown (or, for printf-style strings, the program may
    fail). Named and numbered placeholders may move freely: word order is the target language's
    business. For plural entries a placeholder may be left out of a form when one of the source
    forms leaves it out too. A named placeholder the source repeats is counted: an occurrence
    dropped while another is kept is reported at minor severity (outside plural entries), unless
    the source repeats it in separate sentences that the translation joins into fewer sentences
    (the repeated referent is then implicit or a pronoun)."""
    for tok, text, every in placeholder_diff(pair, ctx).missing:
        where = " from every plural form" if every else ""
        yield ctx.finding("TQ501", pair, src_span=(tok.start, tok.end) if tok else None,
                          src_excerpt=None if tok else text,
                          message=f"The placeholder {text} is missing{where} in the translation.",
                          suggestion=f"Put {text} where the value belongs in the translation.")
    for tok, text, need, have in placeholder_diff(pair, ctx).fewer:
        if have and _merged_repeat(pair, text, ctx):
            continue
        yield ctx.finding("TQ501", pair, src_span=(tok.start, tok.end), severity="minor",
                          message=f"The placeholder {text} appears {need} times in the source but "
                                  f"{have} in the translation: an occurrence was dropped.",
                          suggestion=f"Check whether the dropped {text} carries information the "
                                     f"translation needs.")


_SENTENCE_END = regex.compile(r"[.!?\u3002\uff01\uff1f\u061f\u0964]\s")


def _merged_repeat(pair: Pair, text: str, ctx: CheckContext) -> bool:
    """The source repeats ``text`` in separate sentences and the translation joins them into fewer
    sentences: the repeated referent is then left implicit or becomes a pronoun ("The {name} was
    changed. You may add another {name} below." → "{name} wurde geändert und kann unten erneut
    ergänzt werden."), which loses no value."""
    first, last = pair.src_text.find(text), pair.src_text.rfind(text)
    if first < 0 or last <= first or not _SENTENCE_END.search(pair.src_text, first, last):
        return False  # no sentence end between the occurrences: one sentence (and no spaCy import)
    from ..segment import split_sentences

    src = split_sentences(pair.src_text, ctx.src_lang)
    if len(src) < 2 or sum(1 for s in src if text in s) < 2:
        return False
    return len(split_sentences(pair.tgt_text, ctx.tgt_lang)) < len(src)


@rule("TQ502", "placeholder-extra", category="placeholder", severity="major",
      description="The translation has a placeholder that is not in the source.",
      example=("Saved %s.", "%s in %s gespeichert.", "en", "de"))
def placeholder_extra(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The translation contains a placeholder the source does not have. At run time it receives
    no value (printf-style strings raise an error or print garbage; named ones raise a KeyError
    or stay visible). Only placeholder styles the source uses, or that the entry's format flag
    declares, are looked for, so a ``%`` or ``{`` in ordinary text is not taken for one."""
    for tok in placeholder_diff(pair, ctx).extra:
        yield ctx.finding("TQ502", pair, tgt_span=(tok.start, tok.end),
                          message=f"The placeholder {tok.text} is not in the source.")


@rule("TQ503", "placeholder-changed", category="placeholder", severity="major",
      description="A placeholder was renamed or its type changed in the translation.",
      example=("Hello {name}!", "Merhaba {isim}!", "en", "tr"))
def placeholder_changed(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A placeholder was altered: its name was translated (``{name}`` → ``{isim}``) or its
    conversion changed (``%(count)d`` → ``%(count)s``). The program passes the source's names and
    types, so the altered placeholder fails or shows the wrong thing."""
    for st, text, tt in placeholder_diff(pair, ctx).changed:
        yield ctx.finding("TQ503", pair, src_span=(st.start, st.end) if st else None,
                          src_excerpt=None if st else text, tgt_span=(tt.start, tt.end),
                          message=f"The placeholder {text} became {tt.text} in the translation.",
                          suggestion=f"Write it exactly as {text}.")


@rule("TQ504", "placeholder-order", category="placeholder", severity="major",
      description="Placeholders without numbers are in a different order than in the source.",
      example=("%s has %d new messages", "%d yeni mesajı var: %s", "en", "tr"))
def placeholder_order(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """printf-style placeholders without an index (``%s`` … ``%d``) are filled in the order of the
    arguments, so a translation that needs another word order must number them (``%2$d`` …
    ``%1$s``); otherwise the values are swapped or the program fails. Named (``%(name)s``,
    ``{name}``) and numbered placeholders may be reordered freely and are never reported here."""
    d = placeholder_diff(pair, ctx)
    if d.order is None:
        return
    sp, tp = d.order
    i = next(k for k, (a, b) in enumerate(zip(sp, tp)) if a.kind != b.kind)
    yield ctx.finding("TQ504", pair, src_span=(sp[i].start, sp[i].end), tgt_span=(tp[i].start, tp[i].end),
                      message=f"Unnumbered placeholders are filled in order, but the translation puts "
                              f"{tp[i].text} where the source has {sp[i].text}.",
                      suggestion="Number the placeholders (%1$s, %2$d) so their order can change.")


@rule("TQ505", "format-syntax", category="placeholder", severity="major",
      description="The translation breaks the format-string syntax of the source.",
      example=("{gender, select, male {He} female {She} other {They}} replied.",
               "{gender, select, male {Er} other {Sie}} antwortete.", "en", "de"))
def format_syntax(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The translation would not parse as the format string it must be: a lone ``%`` in a
    python-format/c-format entry (write ``%%``), an unbalanced brace in a brace-format or ICU
    message, or an ICU ``select`` whose cases differ from the source's."""
    info = pair_info(pair, ctx)
    st = info.styles
    src, tgt = info.src, info.tgt
    if st.strict and "%" in tgt and not fm.printf_errors(src):
        bad = fm.printf_errors(tgt)
        if bad:
            yield ctx.finding("TQ505", pair, tgt_span=bad[0],
                              message="A lone % in a format string: the program will fail to "
                                      "format this translation.",
                              suggestion="Write %% for a percent sign.")
    if (st.icu or st.brace_strict) and info.tgt_scan.brace_error is not None \
            and info.src_scan.brace_error is None:
        p = info.tgt_scan.brace_error
        yield ctx.finding("TQ505", pair, tgt_span=(p, p + 1),
                          message="This brace is unbalanced: the message format cannot be parsed.")
    if st.icu:
        t_args = {(a.name, a.kind): a for a in info.tgt_scan.icu}
        for a in info.src_scan.icu:
            if a.kind != "select":
                continue
            b = t_args.get((a.name, a.kind))
            if b is None:
                continue
            miss = [k for k in a.keys if k not in b.keys]
            extra = [k for k in b.keys if k not in a.keys]
            if miss or extra or "other" not in b.keys:
                parts = []
                if miss:
                    parts.append("lacks the case" + ("s " if len(miss) > 1 else " ") + ", ".join(miss))
                if extra:
                    parts.append("adds " + ", ".join(extra))
                if "other" not in b.keys and "other" not in miss:
                    parts.append("has no 'other' case")
                yield ctx.finding("TQ505", pair, src_span=(a.start, a.end), tgt_span=(b.start, b.end),
                                  message=f"The select '{a.name}' " + " and ".join(parts) + ".")


# -- markup ----------------------------------------------------------------------------------------------
def _unlocalize(value: str, langs: tuple[str, ...]) -> str:
    """An attribute value with language codes of the pair in URL segments replaced, so that a
    link localized on purpose (``/en/docs`` → ``/fr/docs``, ``en.wikipedia`` → ``tr.wikipedia``)
    matches."""
    if regex.match(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)", value):
        return "{url}"  # absolute links and addresses are compared by TQ204
    if not langs or not value:
        return value
    alt = "|".join(regex.escape(x) for x in langs)
    return regex.sub(rf"(?i)(?<=^|[/._=?&-])(?:{alt})(?:[-_][a-z]{{2}})?(?=$|[/._&#-])", "{lang}", value)


@rule("TQ506", "markup-mismatch", category="markup", severity="major",
      description="A tag of the source is missing, added or changed in the translation.",
      example=("Read the <a href=\"/terms\">terms</a> first.", "Lisez d'abord les conditions.", "en", "fr"))
def markup_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The tags of the translation are not those of the source: HTML tags, XLIFF inline codes
    (``<g>``, ``<x/>``, ``<ph>``, ``<pc>``), Android ``<xliff:g>``. A missing tag loses formatting
    or a link, an added one shows up or breaks the page, a changed ``href`` or ``id`` points
    elsewhere. Tags may move with the word order; their order is not checked. An absolute URL
    in an attribute is TQ204's business (compared like every URL of the text)."""
    s_tags, t_tags = pair_markup(pair.src_text, pair.tgt_text)
    if not s_tags and not t_tags:
        return
    langs = tuple(x for x in (ctx.src_lang, ctx.tgt_lang) if x)

    def key(t: fm.Tag) -> tuple:
        return (t.name, t.kind, tuple((k, _unlocalize(v, langs)) for k, v in t.attrs))

    sc = Counter(key(t) for t in s_tags)
    tc = Counter(key(t) for t in t_tags)
    if sc == tc:
        return
    seen_m: Counter = Counter()
    seen_e: Counter = Counter()
    miss_list, extra_list = [], []
    for t in s_tags:
        k = key(t)
        seen_m[k] += 1
        if seen_m[k] <= sc[k] - tc.get(k, 0):
            miss_list.append(t)
    for t in t_tags:
        k = key(t)
        seen_e[k] += 1
        if seen_e[k] <= tc[k] - sc.get(k, 0):
            extra_list.append(t)
    # same tag with other attributes: report as changed
    for m in list(miss_list):
        e = next((x for x in extra_list if x.name == m.name and x.kind == m.kind), None)
        if e is not None:
            miss_list.remove(m)
            extra_list.remove(e)
            yield ctx.finding("TQ506", pair, src_span=(m.start, m.end), tgt_span=(e.start, e.end),
                              message=f"The tag {m.text} became {e.text} in the translation.",
                              suggestion=f"Keep the tag as {m.text}.")
    for m in miss_list:
        yield ctx.finding("TQ506", pair, src_span=(m.start, m.end),
                          message=f"The tag {m.text} is missing from the translation.")
    for e in extra_list:
        yield ctx.finding("TQ506", pair, tgt_span=(e.start, e.end),
                          message=f"The tag {e.text} is not in the source.")


@rule("TQ507", "malformed-markup", category="markup", severity="major",
      description="The tags of the translation are not properly nested or closed.",
      example=("<b>Warning:</b> disk <i>full</i>.", "<b>Warnung:<i></b> Festplatte voll</i>.", "en", "de"))
def malformed_markup(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The translation opens a tag it never closes, closes one it never opened, or crosses two
    (``<b><i></b></i>``), while the source is well formed. Browsers and XLIFF tools then render or
    merge the text wrongly."""
    s_tags, t_tags = pair_markup(pair.src_text, pair.tgt_text)
    if not t_tags or fm.nesting_error(s_tags) is not None:
        return
    bad = fm.nesting_error(t_tags)
    if bad is not None:
        what = "is never closed" if bad.kind == "open" else "closes a tag that is not open here"
        yield ctx.finding("TQ507", pair, tgt_span=(bad.start, bad.end),
                          message=f"The tag {bad.text} {what}.")


# -- escapes, newlines, whitespace ---------------------------------------------------------------------
def _newlines(text: str) -> int:
    t = text.strip()
    return t.count("\n") + len(regex.findall(r"(?<!\\)\\n", t))


@rule("TQ508", "newline-mismatch", category="whitespace", severity="minor",
      description="The translation has a different number of line breaks than the source.",
      example=("First line\\nSecond line", "Erste Zeile Zweite Zeile", "en", "de"))
def newline_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Line breaks inside a string (a real newline or a ``\\n`` escape) are usually layout: a
    message box, a tooltip, command-line help. A translation with fewer or more breaks changes
    the layout. Breaks at the very start or end are the business of TQ510."""
    if "\n" not in pair.src_text + pair.tgt_text and "\\n" not in pair.src_text + pair.tgt_text:
        return
    ns, nt = _newlines(pair.src_text), _newlines(pair.tgt_text)
    if ns == nt:
        return
    t = pair.tgt_text
    m = regex.search(r"\n|\\n", t.strip())
    lead = len(t) - len(t.lstrip())
    span = (lead + m.start(), lead + m.end()) if m else (0, len(t))
    yield ctx.finding("TQ508", pair, tgt_span=span,
                      message=f"The source has {ns} line break{'s' if ns != 1 else ''}, the translation {nt}.")


_MF_ARG = regex.compile(r"\{\d+(?:,[^{}]*)?\}")


@rule("TQ509", "broken-escape", category="markup", severity="major",
      description="A quote or apostrophe breaks the resource format of the translation.",
      example=("Tap to continue", "Appuyez pour l'écran suivant", "en", "fr"))
def broken_escape(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Resource formats give quotes a meaning. In Android ``strings.xml`` an apostrophe must be
    escaped (``\\'``) or the build fails; in Java ``.properties`` read through ``MessageFormat``
    (the string has ``{0}`` arguments) a single apostrophe starts a quoted section, so it must be
    doubled (``''``) or the arguments after it are not replaced. (The example is an entry of an
    Android ``strings.xml``.)"""
    u = unit_of(pair, ctx)
    if u is None:
        return
    uc, unit, k, _ = u
    src, tgt = pair.src_text, pair.tgt_text
    if uc.format == "android":
        s = tgt.strip()
        if s.startswith('"') and s.endswith('"') and len(s) >= 2:
            return
        for m in regex.finditer(r"(?<!\\)(?:\\\\)*'", tgt):
            p = m.end() - 1
            yield ctx.finding("TQ509", pair, tgt_span=(p, p + 1),
                              message="This apostrophe is not escaped: Android resource compilation "
                                      "fails on it.", suggestion="Write \\' instead.")
            return
    elif uc.format == "properties" and _MF_ARG.search(src):
        if regex.search(r"(?<!')'(?!')", src):
            return  # the source itself does not double its quotes: no MessageFormat here
        for m in regex.finditer(r"(?<!')'(?!')", tgt):
            yield ctx.finding("TQ509", pair, tgt_span=(m.start(), m.end()),
                              message="A single apostrophe in a MessageFormat string hides the "
                                      "arguments after it.", suggestion="Write '' (two apostrophes).")
            return


_NBSP = "\u00a0\u202f\u2009"
_SPACED_PUNCT = frozenset(":;!?»›%")


@rule("TQ510", "whitespace-mismatch", category="whitespace", severity="minor",
      description="Leading or trailing whitespace differs between source and translation.",
      example=("Name: ", "Ad:", "en", "tr"))
def whitespace_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A string that starts or ends with a space or a line break is usually concatenated with
    another one; a translation without it (or with one the source does not have) glues words
    together or breaks the layout."""
    if unit_of(pair, ctx) is None:
        return  # document sentences are trimmed
    src, tgt = pair.src_text, pair.tgt_text
    for side in ("leading", "trailing"):
        if side == "leading":
            ws = src[:len(src) - len(src.lstrip())]
            wt = tgt[:len(tgt) - len(tgt.lstrip())]
            if wt and not wt.strip(_NBSP) and tgt[len(wt):len(wt) + 1] in _SPACED_PUNCT:
                wt = ""  # French " :" — a no-break space belongs to the punctuation
        else:
            ws = src[len(src.rstrip()):]
            wt = tgt[len(tgt.rstrip()):]
            if wt and not wt.strip(_NBSP) and tgt[-len(wt) - 1:-len(wt)] in ("«", "‹", "¿", "¡"):
                wt = ""
        if bool(ws) == bool(wt) and ("\n" in ws) == ("\n" in wt):
            continue
        def name(w: str) -> str:
            if not w:
                return "no whitespace"
            return "a line break" if "\n" in w else ("a space" if len(w) == 1 else "spaces")
        if wt:
            span = (0, len(wt)) if side == "leading" else (len(tgt) - len(wt), len(tgt))
        else:
            span = (0, 1) if side == "leading" else (max(0, len(tgt) - 1), len(tgt))
        pos = "starts" if side == "leading" else "ends"
        yield ctx.finding("TQ510", pair, tgt_span=span,
                          message=f"The source {pos} with {name(ws)}, the translation with {name(wt)}.")


# -- punctuation and case --------------------------------------------------------------------------------
#: languages whose translators end every sentence with a full stop (。), also where English
#: leaves a message without one
_FULL_STOP_ALWAYS = frozenset({"ja", "zh"})
_NAMES = {"stop": "a full stop", "question": "a question mark", "exclamation": "an exclamation mark",
          "colon": "a colon", "semicolon": "a semicolon", "ellipsis": "an ellipsis", "none": "no punctuation"}
#: marks that end a statement or join it to the next one: in an aligned document, where the
#: translator may cut or join sentences otherwise, one of them for another is a choice of style
_STATEMENT_ENDS = frozenset({"stop", "colon", "semicolon", "ellipsis"})


def _continues(ctx: CheckContext, pair: Pair) -> bool:
    """Whether the pair's translation continues the sentence before it in the document: the
    target sentence before ends with a colon, a semicolon or a comma (also across a paragraph
    break: a list after its colon), or, in the same paragraph, with no punctuation at all (a
    heading without a stop ends its own paragraph)."""
    if not pair.tgt or not ctx.aligned:
        return False
    j = pair.tgt[0].index
    if j == 0:
        return False
    prev = ctx.target.sentences[j - 1]
    end = end_class(prev.text, ctx.tgt_lang)[0]
    if end in ("colon", "semicolon") or regex.search(r"[,\u060c\u3001\uff0c]\W*$", prev.text):
        return True
    return end == "none" and prev.paragraph == pair.tgt[0].paragraph


@rule("TQ511", "end-punctuation", category="punctuation", severity="minor",
      description="The translation ends with other punctuation than the source.",
      example=("Do you want to save the file?", "Voulez-vous enregistrer le fichier.", "en", "fr"))
def end_punctuation(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Compares the final punctuation mark of source and translation by its function: a full stop
    is ``.`` or ``。`` or ``।``, a question mark is ``?``, ``？``, Arabic ``؟`` or Greek ``;``. Closing
    quotes, brackets and tags at the end are looked through. A final period that belongs to an
    abbreviation (``e.g.``, ``etc.``, ``usw.``) is no sentence end; Thai and Lao do not end
    sentences with a stop. In an aligned document (not a pair table or a localization file),
    where a translator may cut or join sentences otherwise, a full stop, colon, semicolon or
    ellipsis for another of them is not reported: only a question or an exclamation that the
    other side does not have, and a mark that is missing."""
    src, tgt = pair.src_text, pair.tgt_text
    if not src.strip() or not tgt.strip():
        return
    sl, tl = ctx.src_lang, ctx.tgt_lang
    cs, ss, se = end_class(src, sl)
    ct, ts, te = end_class(tgt, tl)
    if cs == ct:
        return
    if {cs, ct} <= _STATEMENT_ENDS and ctx.aligned:
        return  # a full stop for a colon or a semicolon: the translation cut its sentences otherwise
    if cs == "stop" and ct == "none" and (tl in NO_FINAL_STOP or ends_with_abbreviation(src, sl)):
        return
    if ct == "stop" and cs == "none":
        cal = _calendar_period(src, tgt, sl, tl)
        if cal is True:
            return
        if cal is None and not _ascii_stop_after_cjk(tgt) and \
                (ends_with_abbreviation(tgt, tl) or tl in _FULL_STOP_ALWAYS):
            return
    if tl == "hy" and cs in ("question", "exclamation"):
        return  # Armenian marks questions and exclamations on the stressed word
    if {cs, ct} <= {"stop", "exclamation"} and ct == "stop" and tl in ("ja", "zh", "ko"):
        return
    tspan = (ts, te) if ct != "none" else (max(0, te - 1), te)
    yield ctx.finding("TQ511", pair, src_span=(ss, se) if cs != "none" else None, tgt_span=tspan,
                      confidence=0.8,
                      message=f"The source ends with {_NAMES[cs]}, the translation with {_NAMES[ct]}.")


@lru_cache(maxsize=64)
def _calendar_words(lang: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Casefolded CLDR month and weekday names of ``lang`` (format context): (wide forms,
    abbreviated and short forms without final dots, every form as CLDR writes it with its dots)."""
    wide: set[str] = set()
    short: set[str] = set()
    dotted: set[str] = set()
    if not lang or not cldr.has_data(lang):
        return frozenset(), frozenset(), frozenset()
    try:
        from babel import Locale

        loc = Locale.parse(lang.replace("-", "_"))
        for table in (loc.days, loc.months):
            for width in ("wide", "abbreviated", "short"):
                for name in (table.get("format", {}).get(width) or {}).values():
                    n = str(name).casefold()
                    dotted.add(n)
                    (wide if width == "wide" else short).add(n.rstrip("."))
    except Exception:  # pragma: no cover - babel refuses an odd locale
        return frozenset(), frozenset(), frozenset()
    return frozenset(wide), frozenset(short), frozenset(dotted)


def _calendar_period(src: str, tgt: str, sl: str | None, tl: str | None) -> bool | None:
    """For a month or weekday name (``Sat``, ``March``): True when the translation's final period
    is CLDR's (``sob.``, ``Sa.``) or ends one of its abbreviations (``Haz.``); False when it follows
    a full name or a word CLDR does not abbreviate so (``März.``, ``So.``); None when the source is
    no calendar name or there is no data."""
    s = src.strip().casefold().rstrip(".")
    w, a, _ = _calendar_words(sl)
    if not s or s not in (w | a):
        return None
    wide, short, dotted = _calendar_words(tl)
    if not dotted:
        return None
    t = tgt.strip().casefold()
    if t in dotted:
        return True
    bare = t.rstrip(".")
    return bare in short and bare not in wide


def _ascii_stop_after_cjk(text: str) -> bool:
    """``金曜日.``: a Latin full stop right after a CJK character (Japanese and Chinese end with 。)."""
    t = text.rstrip()
    return len(t) >= 2 and t.endswith(".") and not t.endswith("..") and \
        regex.match(r"[\p{Han}\p{Hiragana}\p{Katakana}]", t[-2]) is not None


#: languages that capitalise nouns, where a capital first letter is no sign of an error
_NOUN_CAPS = frozenset({"de", "lb", "gsw", "nds", "bar"})
_CASED = frozenset({"Latin", "Cyrillic", "Greek", "Armenian"})


@lru_cache(maxsize=64)
def _cldr_names(lang: str | None) -> tuple[str, ...]:
    """Display names CLDR gives in ``lang``: languages, territories, scripts, months, weekdays."""
    if not lang:
        return ()
    try:
        from babel import Locale

        loc = Locale.parse(lang)
        names = list(loc.languages.values()) + list(loc.territories.values()) + list(loc.scripts.values())
        for table in (loc.months, loc.days):
            for ctx_ in table.values():
                for width in ctx_.values():
                    names += list(width.values())
        return tuple(n for n in names if isinstance(n, str))
    except Exception:
        return ()


@lru_cache(maxsize=64)
def _proper_words(lang: str | None) -> frozenset[str]:
    """Words that ``lang`` capitalises as names (its CLDR language, country, month, day names)."""
    out = set()
    for n in _cldr_names(lang):
        for w in regex.findall(r"\p{L}+", n):
            if w[0].isupper():
                out.add(w)
    return frozenset(out)


def _is_name(text: str, lang: str | None) -> bool:
    """Is ``text`` a short Title Case name with a CLDR name word in it ("Argentinian Spanish",
    "Monday", "Sept.")? Words sharing their first five letters with a name word count
    ("Colombian"/"Colombia")."""
    words = regex.findall(r"\p{L}+", text)
    if not words or len(words) > 4 or not all(w[0].isupper() for w in words):
        return False
    proper = _proper_words(lang)
    prefixes = _proper_prefixes(lang)
    for w in words:
        if w in proper or (len(w) >= 5 and w[:5] in prefixes) or \
                (3 <= len(w) < 5 and any(p.startswith(w) for p in prefixes if p[:len(w)] == w)):
            return True
    return False


@lru_cache(maxsize=64)
def _proper_prefixes(lang: str | None) -> frozenset[str]:
    return frozenset(w[:5] for w in _proper_words(lang) if len(w) >= 5)


@lru_cache(maxsize=64)
def _writes_names_small(lang: str | None) -> bool:
    """Does ``lang`` write language, month and day names with a small letter (French, Polish,
    Russian, Spanish …)? Read from its own CLDR names."""
    try:
        from babel import Locale

        loc = Locale.parse(lang)
        names = list(loc.languages.values())[:200] + list(loc.months["format"]["wide"].values())
    except Exception:
        return False
    small = sum(1 for n in names if n[:1].islower())
    return small > len(names) / 2


def _script(ch: str) -> str | None:
    from ..lang.translit import char_script

    return char_script(ch)


@rule("TQ518", "capitalisation", category="spelling", severity="minor",
      mqm="Fluency/Spelling", description="The first letter's case differs between source and translation.",
      example=("Save changes", "сохранить изменения", "en", "ru"))
def capitalisation(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The source starts with a capital letter and the translation with a small one, or the
    reverse. Judged only when both first letters belong to scripts with case (Latin, Cyrillic,
    Greek, Armenian), never for Japanese or Chinese; a translation that starts with a placeholder,
    a number or a word with inner capitals (``iPhone``) is skipped, and so is a capital first noun
    in German. In an aligned document a small letter is reported only where the translation
    starts a sentence (not after a colon, a semicolon or a comma, nor after a line without
    punctuation in the same paragraph), and a capital for the source's small letter not at all
    (the source goes on from its sentence before)."""
    info = pair_info(pair, ctx)
    src, tgt = pair.src_text, pair.tgt_text
    s_skip = [(t.start, t.end) for t in info.src_scan.tokens] + [(t.start, t.end) for t in markup(src)]
    t_skip = [(t.start, t.end) for t in info.tgt_scan.tokens] + [(t.start, t.end) for t in markup(tgt)]
    ws, wt = first_word(src, s_skip), first_word(tgt, t_skip)
    if ws is None or wt is None:
        return
    a, b = src[ws[0]:ws[1]], tgt[wt[0]:wt[1]]
    ca, cb = a[0], b[0]
    if _script(ca) not in _CASED or _script(cb) not in _CASED:
        return
    if ca.isupper() == cb.isupper():
        return
    for w in (a, b):
        if any(c.isupper() for c in w[1:]) or any(c.isdigit() for c in w):
            return  # iPhone, eBay, ALLCAPS, codes
    if len(a) < 2 or len(b) < 2:
        return  # "n:m", "I", single letters
    for text, (x, y) in ((src, ws), (tgt, wt)):
        before = text[:x].rstrip()[-1:]
        if before and before in "\"'`‘“„«‹([{":
            return  # a quoted or bracketed word: an identifier, a title, an aside
        if regex.match(r"[._/\\:@]\w", text[y:y + 2]):
            return  # php.ini, conf.py, user@host: code
    from ..lang.translit import script_of

    if script_of(tgt) not in _CASED:
        return  # Japanese or Chinese text that starts with a Latin word
    if ca.isupper() and cb.islower():
        if _writes_names_small(ctx.tgt_lang) and _is_name(src, ctx.src_lang):
            return  # "Monday"/"Arabic" are capital in English, "lundi"/"arabski" small in French/Polish
        if _continues(ctx, pair):
            return  # the translation joined it to the sentence before (after a colon, say)
        msg = "The source starts with a capital letter, the translation with a small one."
        sug = b[0].upper() + b[1:]
    else:
        if ctx.tgt_lang in _NOUN_CAPS or ctx.aligned:
            return  # (in a document the source goes on from its sentence before: cut otherwise)
        if regex.search(rf"(?<!\p{{L}}){regex.escape(b)}(?!\p{{L}})", src):
            return  # a name kept from the source
        msg = "The source starts with a small letter, the translation with a capital one."
        sug = b[0].lower() + b[1:]
    yield ctx.finding("TQ518", pair, src_span=ws, tgt_span=wt, message=msg, suggestion=sug,
                      confidence=0.7)


# -- spacing and repetition ---------------------------------------------------------------------------------
_DOUBLE_SPACE = regex.compile(r"(?<=\S) {2,}(?=\S)")


@rule("TQ516", "double-space", category="whitespace", severity="minor",
      description="The translation has two or more spaces in a row where the source has none.",
      example=("Save the file.", "Datei  speichern.", "en", "de"))
def double_space(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Two spaces between words are a typing slip (or a left-over of a deleted word) unless the
    source has them too."""
    if "  " not in pair.tgt_text or "  " in pair.src_text.strip():
        return
    t = pair.tgt_text
    m = _DOUBLE_SPACE.search(t)
    if m:
        # the words on either side say where the spaces are (the span itself is blank)
        before = t[: m.start()].split()[-1]
        after = t[m.end():].split()[0]
        yield ctx.finding("TQ516", pair, tgt_span=m.span(),
                          message=f"Two spaces in a row between \u201c{before}\u201d and \u201c{after}\u201d.",
                          suggestion=" ")


_REPEAT = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}[\p{L}\p{M}]*)(\s+)(\1)(?![\p{L}\p{N}])",
                        regex.IGNORECASE)


@rule("TQ517", "repeated-word", category="other", severity="minor", mqm="Fluency/Grammar",
      description="A word is repeated in the translation but not in the source.",
      example=("Please check the settings.", "Veuillez vérifier vérifier les paramètres.", "en", "fr"))
def repeated_word(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """The same word twice in a row ("the the") is a typing slip unless the source repeats it
    too. Reduplication that a language uses on purpose is not told apart, so the finding is minor
    and asks for a look."""
    from .l10n_text import word_zipf

    src_reps = None   # the source's repeated words, looked for once the target has one
    for m in _REPEAT.finditer(pair.tgt_text):
        w = m.group(1)
        if src_reps is None:
            src_reps = {x.group(1).casefold() for x in _REPEAT.finditer(pair.src_text)}
        if w.casefold() in src_reps or len(w) < 2 or m.group(1) != m.group(3):
            continue  # "Sie sie": two different words
        if len(w) <= 4 and (word_zipf(w.lower(), ctx.tgt_lang) or 0.0) >= 6.0:
            continue  # "vous vous", "tek tek", "die die": grammar, not a slip
        yield ctx.finding("TQ517", pair, tgt_span=(m.start(3), m.end(3)), confidence=0.6,
                          message=f"The word \u201c{w}\u201d is repeated.", suggestion=w)
        return


# -- length ------------------------------------------------------------------------------------------------
#: a translation longer than RATIO × source + SLACK (weighted characters) is reported
RATIO, SLACK = 3.0, 20.0


@rule("TQ515", "length-limit", category="length", severity="major",
      description="The translation is longer than its declared limit, or far longer than the source.",
      example=("Save", "Speichern Sie bitte alle Ihre Änderungen an diesem Dokument jetzt", "en", "de"))
def length_limit(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """A string with a declared maximum length (XLIFF ``maxwidth`` with ``size-unit="char"``, a
    gettext ``max-length:N`` flag, a note such as "LIMITED TO 132 CHARACTERS", a CSV ``max_length``
    column) must not exceed it: the text is cut off or refused by the store. Without a declared
    limit, a translation more than three times as long as its source (plus 20 characters;
    Chinese, Japanese and Korean characters count double) is reported as minor: it will rarely
    fit where the source fits."""
    u = unit_of(pair, ctx)
    tgt = pair.tgt_text
    if u is not None and u[1].max_length:
        limit = u[1].max_length
        n = len(tgt)
        if n > limit:
            yield ctx.finding("TQ515", pair, tgt_span=(limit, n),
                              message=f"The translation has {n} characters; the limit is {limit}.")
        return
    ls, lt = weighted_len(pair.src_text), weighted_len(tgt)
    if ls > 0 and lt > RATIO * ls + SLACK:
        yield ctx.finding("TQ515", pair, tgt_span=(0, len(tgt)), severity="minor", confidence=0.5,
                          message=f"The translation is {lt / ls:.1f} times as long as the source; "
                                  "it may not fit where the source fits.")


# the entry-level rules (TQ512–TQ522) register with this module
from . import l10n_units  # noqa: E402,F401
