"""Paragraphs and sentences: pipeline stage 2.

:func:`parse_document` reads Markdown-aware plain text (blocks from
:mod:`tqcheck.io.markdown`) and splits each paragraph into sentences;
:func:`parse_lines` takes one sentence per line (pre-segmented input).

Sentence splitting is rule-based and per language:

* A sentence ends at ``.``, ``!``, ``?``, ``…`` (and ``؟``, ``۔``, ``।``, ``॥``,
  ``։``, ``።``, Greek ``;``) followed by blanks and a character that is not a
  lowercase letter. Closing quotes and brackets after the terminator stay with
  the sentence. CJK ``。！？．`` end a sentence without a following space.
* No split after an abbreviation: the tokenizer exceptions that end in ``.`` in
  spaCy's language data (minus entries that are very frequent words of the
  language, per wordfreq: Slovenian ``je.``, Swedish ``min.``), initials and
  dotted abbreviations (``H.E.``, ``U.S.``, ``e.g.``, ``z.B.``) and single
  capital letters; nor between a short word and a number (``chap. 3``, ``S. 12``).
  An abbreviation still ends a sentence when it means "and so
  on" (``etc.``, ``usw.``, ``itd.``, table :data:`END_ABBREVIATIONS`), or when
  the next word is capitalised only because a sentence starts there: the
  document uses that word in lowercase mid-sentence at least twice and never
  capitalised mid-sentence (the orthographic heuristic of Kiss & Strunk's
  Punkt, 2006).
* In languages that write ordinals with a period (``11. Januar``, ``8. Zirve'de``)
  a number of up to three digits followed by ``.`` is treated like an
  abbreviation. Which languages: those whose CLDR day-and-month pattern
  (skeleton ``MMMMd``) writes the day as ``d.`` (German, Czech, Slovak, Danish,
  Norwegian, Finnish, Estonian, Icelandic, Faroese, Croatian, Serbian,
  Bosnian, Slovenian, Latvian, Hungarian), plus Turkish and Polish, whose
  spelling rules (TDK; PWN) put a period after an ordinal written in digits
  although their date patterns do not.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .document import CODE, HEADING, TEXT, Document, Paragraph, Sentence
from .io.markdown import Block, clean_inline, parse_blocks

# --- characters ----------------------------------------------------------------------

#: Terminators that need a following blank. U+037E is the Greek question mark.
_TERMS = ".!?…‼⁇⁈⁉؟۔।॥։።፧\u037e"
#: Full-width terminators that end a sentence with no blank after them.
_CJK_TERMS = "。！？．｡"
_CLOSERS = "\"'”“’‘»«›‹)]}」』）］｝〉》】〕〗〙〛"
_OPENERS = "\"'“‘„‚«‹»›([{¿¡「『（［｛〈《【〔"
_FRENCH_CLOSE = re.compile(r"[ \u00a0\u202f]+[»›]+(?=\s|$)")
_WORD = re.compile(r"\w+")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


@lru_cache(maxsize=2)
def _candidates(greek: bool) -> re.Pattern[str]:
    terms = _TERMS + (";" if greek else "")
    return re.compile(f"[{re.escape(terms + _CJK_TERMS)}]+[{re.escape(_CLOSERS)}]*")


# --- language data -------------------------------------------------------------------

_ALIASES = {"no": "nb", "nn": "nb", "iw": "he", "in": "id", "ji": "yi", "sh": "sr"}

#: Abbreviations meaning "and so on" / "and others": they often end a sentence. Each entry is
#: the last word of the abbreviation ("и т.д." -> "т.д."), as it stands before a sentence end.
END_ABBREVIATIONS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "*": {"etc."},
    "de": {"usw.", "u.s.w.", "usf.", "u.ä.", "o.ä.", "etc."},
    "nl": {"enz.", "e.d.", "etc."},
    "da": {"osv.", "m.m.", "mv.", "etc."},
    "nb": {"osv.", "m.m.", "mv.", "etc."},
    "sv": {"osv.", "m.m.", "m.fl.", "etc."},
    "fi": {"jne.", "ym.", "yms.", "tms."},
    "et": {"jne.", "jms.", "vms."},
    "tr": {"vb.", "vs.", "vd."},
    "pl": {"itd.", "itp.", "etc."},
    "cs": {"atd.", "apod.", "aj."},
    "sk": {"atď.", "atd.", "pod."},
    "sl": {"itd.", "ipd.", "idr."},
    "hr": {"itd.", "itsl.", "sl."},
    "sr": {"итд.", "итсл.", "сл.", "itd."},
    "bs": {"itd.", "itsl."},
    "hu": {"stb."},
    "ru": {"т.д.", "т.п.", "др."},
    "uk": {"т.д.", "т.п.", "ін.", "т.ін."},
    "be": {"г.д.", "інш."},
    "bg": {"т.н.", "др."},
    "mk": {"итн.", "др."},
    "el": {"κλπ.", "κτλ.", "κ.λπ.", "κ.τ.λ.", "κ.ά."},
    "it": {"ecc.", "etc."},
    "ro": {"etc.", "ș.a.", "ş.a."},
    "lv": {"utt.", "u.c."},
    "lt": {"t.t.", "kt."},
}.items()}

#: Languages whose spelling puts a period after an ordinal in digits although CLDR's
#: day-month pattern does not show it (Turkish: TDK; Polish: PWN).
_ORDINAL_EXTRA = frozenset({"tr", "pl"})

#: A lowercase abbreviation whose stem is at least this frequent (wordfreq Zipf) is a word.
_WORD_ZIPF = 6.0


@lru_cache(maxsize=None)
def _base_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    return _ALIASES.get(code, code) or None


def _cache_file(code: str):
    """Where the abbreviation keys of spaCy's data for ``code`` are kept between runs: a small JSON
    file per spaCy version and language in ``$TQCHECK_CACHE_DIR`` (default
    ``$XDG_CACHE_HOME/tqcheck`` or ``~/.cache/tqcheck``; an empty value turns the cache off).
    None when there is no cache or spaCy is not installed."""
    from importlib import metadata

    from .lang.diskcache import folder as cache_folder

    folder = cache_folder()
    if folder is None or not re.fullmatch(r"[A-Za-z0-9_]+", code):
        return None
    try:
        version = metadata.version("spacy")
    except Exception:
        return None
    return folder / f"spacy-{version}-abbreviations-{code}.json"


def _spacy_exceptions(code: str):
    """The keys of spaCy's tokenizer exceptions for ``code`` that end with a period (the only
    ones :func:`abbreviations` reads). Importing spaCy takes seconds, so they are read from a
    small file (:func:`_cache_file`) written the first time; a language spaCy lacks raises."""
    from .lang import diskcache

    path = _cache_file(code)
    data = diskcache.read_json(path)
    if isinstance(data, dict) and data.get("lang") == code:
        keys = data.get("keys")
        if keys is None:
            raise LookupError(f"spaCy has no language data for {code!r}")
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            return keys
        # anything else: not written by us; computed again below (and rewritten)
    from spacy.util import get_lang_class  # imported on first use: spaCy is slow to import

    try:
        keys = sorted(k for k in get_lang_class(code).Defaults.tokenizer_exceptions if k.endswith("."))
    except Exception:
        _write_cache(path, code, None)
        raise
    _write_cache(path, code, keys)
    return keys


def _write_cache(path, code: str, keys: list[str] | None) -> None:
    """Atomically (a parallel run reads the old file or the new one); a read-only home means no
    cache, same results (:func:`tqcheck.lang.diskcache.write`)."""
    from .lang import diskcache

    diskcache.write_json(path, {"lang": code, "keys": keys})


@lru_cache(maxsize=None)
def abbreviations(lang: str | None) -> frozenset[str]:
    """Abbreviations (with their final period) that do not end a sentence in ``lang``.

    Taken from spaCy's tokenizer exceptions (``spacy.lang.<lang>``, imported on
    first use; the language-neutral ``xx`` data when ``lang`` is None or has no
    data), without entries that are very frequent words of the language.
    """
    code = _base_lang(lang) or "xx"
    try:
        exceptions = _spacy_exceptions(code)
    except Exception:  # no spaCy data for this language: language-neutral data only
        try:
            exceptions = _spacy_exceptions("xx")
        except Exception:
            return frozenset()
    out = set()
    for key in exceptions:
        if not key.endswith(".") or key.endswith(".."):
            continue
        last = key.split()[-1]
        if last[0].isalpha():  # not units such as "°C.", which do end sentences
            out.add(last)
    if code != "xx":
        out -= _frequent_words(code, frozenset(out))
    return frozenset(out)


def _frequent_words(code: str, abbrevs: frozenset[str]) -> set[str]:
    """Lowercase one-part abbreviations whose stem is a very frequent word of ``code``."""
    try:
        from wordfreq import available_languages

        from .lang.words import zipf as zipf_frequency  # wordfreq's, from the start-up cache

        if code not in available_languages():
            return set()
    except Exception:
        return set()
    out = set()
    try:
        for a in abbrevs:
            stem = a[:-1]
            if stem.isalpha() and stem.islower() and zipf_frequency(stem, code) >= _WORD_ZIPF:
                out.add(a)
    except Exception:  # e.g. wordfreq needs MeCab or jieba for ja/ko/zh
        return set()
    return out


@lru_cache(maxsize=None)
def writes_ordinal_period(lang: str | None) -> bool:
    """True when ``lang`` writes ordinals in digits with a period (``11. Januar``)."""
    code = _base_lang(lang)
    if code is None:
        return False
    if code in _ORDINAL_EXTRA:
        return True
    try:
        from babel import Locale

        pattern = Locale.parse(code).datetime_skeletons.get("MMMMd")
    except Exception:
        return False
    return pattern is not None and re.search(r"(?<!')d\.", str(pattern)) is not None


@lru_cache(maxsize=None)
def _end_abbreviations(lang: str | None) -> frozenset[str]:
    code = _base_lang(lang)
    return END_ABBREVIATIONS["*"] | END_ABBREVIATIONS.get(code or "", frozenset())


# --- document evidence (Punkt's orthographic heuristic) ---------------------------------

class _Orthography:
    """How words are written mid-sentence in a document, computed on first use."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._lower: Counter[str] | None = None
        self._upper: set[str] = set()

    def _build(self) -> None:
        lower: Counter[str] = Counter()
        upper: set[str] = set()
        for text in self._texts:
            for m in _WORD.finditer(text):
                i = m.start() - 1
                while i >= 0 and text[i] == " ":
                    i -= 1
                if i < 0 or i == m.start() - 1:
                    continue  # paragraph start, or glued to the previous character
                prev = text[i]
                if not (prev.isalnum() or prev in ",;"):
                    continue  # after a terminator, quote or bracket: may start a sentence
                w = m.group()
                if w[0].islower():
                    lower[w] += 1
                elif w[0].isupper():
                    upper.add(w.lower())
        self._lower, self._upper = lower, upper

    def starts_sentence(self, word: str) -> bool:
        """A capitalised ``word`` that this document otherwise writes in lowercase."""
        if self._lower is None:
            self._build()
        assert self._lower is not None
        low = word.lower()
        return word[:1].isupper() and self._lower[low] >= 2 and low not in self._upper


# --- splitting -----------------------------------------------------------------------

def _next_letter(text: str, i: int) -> tuple[int, str]:
    """Index and word starting at ``i`` after opening punctuation (``"", ""`` at the end)."""
    n = len(text)
    j = i
    while j < n and j < i + 4 and text[j] in _OPENERS:
        j += 1
    m = _WORD.match(text, j)
    return j, (m.group() if m else text[j:j + 1])


def _abbreviation_before(text: str, dot: int, lang: str | None) -> tuple[str, int] | None:
    """The abbreviation or ordinal ending at the period ``text[dot]`` and where it starts."""
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while start < dot and text[start] in _OPENERS:
        start += 1
    word = text[start:dot]
    if not word:
        return None
    known = abbreviations(lang)
    forms = [word, word[:1].lower() + word[1:]]  # "Prof." opening a sentence is "prof."
    if word.isupper():
        forms += [word.capitalize(), word.lower()]  # headings in capitals
    for form in forms:
        if form + "." in known:
            return form + ".", start
    if len(word) == 1 and word.isupper():
        return word + ".", start
    if _INITIALS.fullmatch(word):
        return word + ".", start
    if word.isdigit() and len(word) <= 3 and (lang is None or writes_ordinal_period(lang)):
        return word + ".", start
    return None


_SHORT_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))[^\W\d_]{1,5}$")
_NUMBER_BEFORE = re.compile(r"\d[\d.,\u00a0\u202f]*\s+$")


def _abbreviation_ends(abbr: str, text: str, start: int, next_word: str, lang: str | None,
                       ortho: _Orthography) -> bool:
    """Whether the abbreviation ``abbr`` at ``text[start:]`` ends its sentence anyway."""
    if abbr in _end_abbreviations(lang):
        return True  # "etc.", "usw."
    if not next_word[:1].isalpha():
        return False
    stem = abbr[:-1]
    if stem.isalpha() and stem.islower() and _NUMBER_BEFORE.search(text, max(0, start - 40), start):
        return True  # a unit after a number, then a capital: "в 2021 г. Потом"
    return ortho.starts_sentence(next_word)


def split_spans(text: str, lang: str | None = None, *,
                orthography: _Orthography | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences of one paragraph of clean text."""
    n = len(text)
    if n == 0:
        return []
    ortho = orthography
    ends: list[int] = []
    code = _base_lang(lang)
    for m in _candidates(code == "el").finditer(text):
        end = m.end()
        run = m.group().rstrip(_CLOSERS)
        if run[-1] in _CJK_TERMS:
            if run[-1] == "．" and end < n and text[end].isdigit():
                continue
            if end < n:
                ends.append(end)
            continue
        fm = _FRENCH_CLOSE.match(text, end)
        if fm:
            end = fm.end()
        if end >= n or not text[end].isspace():
            continue
        k = end
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            continue
        j, word = _next_letter(text, k)
        if word[:1].islower():
            continue
        if run == "." and len(m.group()) == 1:
            if word[:1].isdigit() and _SHORT_WORD_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # a reference: "chap. 3", "S. 12", "Nr. 5"
            found = _abbreviation_before(text, m.start(), lang)
            if found is not None:
                if ortho is None:
                    ortho = _Orthography([text])
                if not _abbreviation_ends(found[0], text, found[1], word, lang, ortho):
                    continue
        ends.append(end)
    spans = []
    start = 0
    for e in ends + [n]:
        a, b = start, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        start = e
    return spans


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """Split one paragraph of plain text into sentences.

    >>> split_sentences("H.E. Mr. Smith arrived. He spoke.", "en")
    ['H.E. Mr. Smith arrived.', 'He spoke.']
    """
    return [text[a:b] for a, b in split_spans(text, lang)]


# --- documents -----------------------------------------------------------------------

def _pieces(offsets: list[int]) -> tuple[tuple[int, int, int], ...]:
    """Run-length encode clean->file offsets into ``(clean, file, n)`` pieces."""
    out: list[tuple[int, int, int]] = []
    run_c = run_f = -1
    run_n = 0
    for i, f in enumerate(offsets):
        if f < 0:
            if run_n:
                out.append((run_c, run_f, run_n))
                run_n = 0
            continue
        if run_n and f == run_f + run_n:
            run_n += 1
            continue
        if run_n:
            out.append((run_c, run_f, run_n))
        run_c, run_f, run_n = i, f, 1
    if run_n:
        out.append((run_c, run_f, run_n))
    return tuple(out)


def _build(doc: Document, blocks: list[Block], *, markdown: bool, one_per_line: bool) -> Document:
    text = doc.text
    cleaned = []
    for b in blocks:
        if b.kind == CODE:
            cleaned.append(("", [], False))
        elif one_per_line:
            cleaned.append(None)
        else:
            cleaned.append(clean_inline(text, b.spans, markdown=markdown))
    ortho = _Orthography([c[0] for c in cleaned if c])

    for b, c in zip(blocks, cleaned):
        kind, level, bold = b.kind, b.level, False
        if c is None:  # one sentence per line
            parts = [clean_inline(text, [s], markdown=False) for s in b.spans]
            sents = [(clean, offs) for clean, offs, _ in parts if clean]
        elif kind == CODE:
            sents = []
        else:
            clean, offs, all_bold = c
            if not clean:
                continue
            if all_bold and kind == TEXT:
                kind, level, bold = HEADING, 0, True
            sents = [(clean[a:e], offs[a:e]) for a, e in split_spans(clean, doc.lang, orthography=ortho)]
        if not sents and kind != CODE:
            continue
        p_index = len(doc.paragraphs)
        first = len(doc.sentences)
        for k, (stext, soffs) in enumerate(sents):
            pieces = _pieces(soffs)
            start = pieces[0][1]
            end = pieces[-1][1] + pieces[-1][2]
            doc.sentences.append(Sentence(
                index=len(doc.sentences), text=stext, paragraph=p_index, start=start, end=end,
                line=doc.line_of(start), pieces=pieces, kind=kind,
                para_start=k == 0, para_end=k == len(sents) - 1))
        doc.paragraphs.append(Paragraph(
            index=p_index, kind=kind, start=b.start, end=b.end, line=b.line, end_line=b.end_line,
            level=level, bold=bold, sentences=tuple(range(first, len(doc.sentences))),
            raw=text[b.start:b.end]))
    return doc


def parse_document(text: str, *, path: str | None = None, encoding: str = "utf-8",
                   lang: str | None = None) -> Document:
    """Paragraphs and sentences of Markdown-aware plain text (see the module docstring)."""
    doc = Document(text=text, path=path, encoding=encoding, lang=lang)
    return _build(doc, parse_blocks(text), markdown=True, one_per_line=False)


def parse_lines(text: str, *, path: str | None = None, encoding: str = "utf-8",
                lang: str | None = None) -> Document:
    """One sentence per non-empty line; blank lines separate paragraphs. No Markdown."""
    doc = Document(text=text, path=path, encoding=encoding, lang=lang)
    blocks: list[Block] = []
    cur: Block | None = None
    pos, no = 0, 1
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        nl = n if nl == -1 else nl
        a, b = pos, nl
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            if cur is not None:
                blocks.append(cur)
                cur = None
        else:
            if cur is None:
                cur = Block(TEXT, a, b, no, no)
            cur.spans.append((a, b))
            cur.end, cur.end_line = b, no
        pos, no = nl + 1, no + 1
    if cur is not None:
        blocks.append(cur)
    return _build(doc, blocks, markdown=False, one_per_line=True)
