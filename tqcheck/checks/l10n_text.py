"""Shared text helpers of the TQ5xx checks: which placeholder styles a unit uses, the
placeholder/markup analysis of a pair (computed once, read by several rules), end
punctuation classes, first words, language data (CLDR plural categories, wordfreq)."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import l10n_formats as fm
from .l10n_context import unit_of

#: gettext flags that declare a printf-style string
PRINTF_FLAGS = frozenset({"c-format", "python-format", "php-format", "objc-format", "perl-format",
                          "java-printf-format", "sh-format", "gcc-internal-format", "awk-format",
                          "lua-format", "boost-format"})
#: flags that declare brace placeholders
BRACE_FLAGS = frozenset({"python-brace-format", "csharp-format", "java-format", "javascript-format",
                         "kde-format"})


@dataclass
class Styles:
    styles: frozenset[str]
    strict: bool = False  # a printf flag is set: the entry is certainly a format string
    icu: bool = False  # ICU plural/select in the source: apply ICU quoting
    brace_strict: bool = False  # python-brace-format & co: unbalanced braces are errors


def unit_styles(sources: list[str], flags: frozenset[str] = frozenset(), fmt: str | None = None) -> Styles:
    st: set[str] = set()
    for s in sources:
        if s:
            st |= fm.styles_in(s)
    strict = bool(flags & PRINTF_FLAGS)
    if strict:
        st.add("printf")
    brace_strict = bool(flags & BRACE_FLAGS)
    if brace_strict:
        st.add("brace")
    if "qt-format" in flags:
        st.add("qt")
    if fmt == "chrome-json":
        st |= {"chrome", "chrome-pos"}
    for f in flags:
        if f.startswith("no-") and f.endswith("-format"):
            base = f[3:]
            if base in PRINTF_FLAGS and not strict:
                st.discard("printf")
            if base in BRACE_FLAGS and not brace_strict:
                st.discard("brace")
    icu = False
    if "brace" in st:
        for s in sources:
            if s and any(a.kind for a in fm.scan_braces(s).icu):
                icu = True
    return Styles(frozenset(st), strict, icu, brace_strict)


@dataclass
class PairInfo:
    """What the placeholder and markup rules need about one pair."""

    src: str
    tgt: str
    sources: list[str]
    styles: Styles
    unit: object = None
    form: int = 0
    fmt: str | None = None
    flags: frozenset[str] = frozenset()
    src_scan: fm.Scan | None = None
    tgt_scan: fm.Scan | None = None
    src_scans: list[fm.Scan] = field(default_factory=list)
    #: every plural form's scan (unit mode, plural units)
    form_scans: list[fm.Scan] = field(default_factory=list)
    last_form: bool = True


def pair_info(pair, ctx) -> PairInfo:
    key = ("l10n-info", pair.index)
    hit = ctx.cache.get(key)
    if hit is not None:
        return hit
    u = unit_of(pair, ctx)
    src, tgt = pair.src_text, pair.tgt_text
    if u is None:
        sources = [src]
        st = unit_styles(sources)
        info = PairInfo(src, tgt, sources, st)
    else:
        uc, unit, k, _ = u
        sources = [unit.source] + ([unit.source_plural] if unit.source_plural else [])
        st = unit_styles(sources, unit.flags, uc.format)
        info = PairInfo(src, tgt, sources, st, unit, k, uc.format, unit.flags)
        if unit.plurals:
            info.form_scans = [fm.scan(f or "", st.styles, st.strict, st.icu) for f in unit.plurals]
            info.last_form = k == len(unit.plurals) - 1
    info.src_scan = fm.scan(src, st.styles, st.strict, st.icu)
    info.tgt_scan = fm.scan(tgt, st.styles, st.strict, st.icu)
    info.src_scans = [fm.scan(s, st.styles, st.strict, st.icu) for s in sources]
    ctx.cache[key] = info
    return info


@dataclass
class PlaceholderDiff:
    #: (token or None, text) for each missing placeholder; the token is in the pair's source
    missing: list[tuple[fm.Token | None, str, bool]] = field(default_factory=list)
    extra: list[fm.Token] = field(default_factory=list)
    changed: list[tuple[fm.Token | None, str, fm.Token]] = field(default_factory=list)
    order: tuple[list[fm.Token], list[fm.Token]] | None = None
    #: (source token of the first dropped occurrence, text, times in source, times in target) for
    #: a named placeholder the translation keeps but uses fewer times than the source
    fewer: list[tuple[fm.Token, str, int, int]] = field(default_factory=list)


_PIPE = regex.compile(r"(?<!\|)\|(?!\|)")


def _pipe_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PIPE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _pipe_form_check(info: "PairInfo", d: "PlaceholderDiff") -> None:
    """Symfony-style ``one|many`` plurals: each form of the translation needs the placeholders
    that every source form has (``{{ limit }}`` dropped from the second form only)."""
    if info.form_scans or "|" not in info.src or "|" not in info.tgt:
        return
    ss, ts = _pipe_spans(info.src), _pipe_spans(info.tgt)
    if len(ss) != len(ts) or len(ss) < 2:
        return
    named = [{t.ident: t for t in info.src_scan.tokens if t.key is not None and a <= t.start < b}
             for a, b in ss]
    common = set.intersection(*(set(n) for n in named))
    reported = {tok.ident for tok, _, _ in d.missing if tok is not None}
    for k, (a, b) in enumerate(ts):
        have = {t.ident for t in info.tgt_scan.tokens if t.key is not None and a <= t.start < b}
        for ident in sorted(common - have - reported, key=str):
            tok = named[k][ident]
            d.missing.append((tok, tok.text, False))
            reported.add(ident)


def _short(tok: fm.Token) -> str:
    if tok.kind in ("plural", "select", "selectordinal"):
        return "{" + f"{tok.key}, {tok.kind}, …" + "}"
    return tok.text


def placeholder_diff(pair, ctx) -> PlaceholderDiff:
    key = ("l10n-ph", pair.index)
    hit = ctx.cache.get(key)
    if hit is not None:
        return hit
    info = pair_info(pair, ctx)
    d = PlaceholderDiff()
    ctx.cache[key] = d
    if not info.styles.styles:
        return d
    S, T = info.src_scan, info.tgt_scan
    named_sets = [{t.ident for t in sc.tokens if t.key is not None} for sc in info.src_scans]
    required = set.intersection(*named_sets) if named_sets else set()
    allowed = set.union(*named_sets) if named_sets else set()
    src_first: dict = {}
    for t in S.tokens:
        if t.key is not None:
            src_first.setdefault(t.ident, t)
    any_src: dict = {}
    for sc in info.src_scans:
        for t in sc.tokens:
            if t.key is not None:
                any_src.setdefault(t.ident, t)
    tgt_first: dict = {}
    for t in T.tokens:
        if t.key is not None:
            tgt_first.setdefault(t.ident, t)
    missing_ids = [i for i in required if i not in tgt_first]
    if info.form_scans and info.last_form:
        union = set()
        for sc in info.form_scans:
            union |= {t.ident for t in sc.tokens if t.key is not None}
        plural_src = named_sets[-1] if named_sets else set()
        for i in plural_src:
            if i not in union and i not in missing_ids:
                missing_ids.append(i)
    extra_ids = [i for i in tgt_first if i not in allowed]
    missing_ids.sort(key=lambda i: (src_first[i].start if i in src_first else 10**9, str(i)))
    # a renamed placeholder: one missing and one extra of the same style
    if len(missing_ids) == 1 and len(extra_ids) == 1 and missing_ids[0][0] == extra_ids[0][0]:
        mi, ei = missing_ids[0], extra_ids[0]
        st = src_first.get(mi)
        d.changed.append((st, _short(st or any_src[mi]), tgt_first[ei]))
        missing_ids, extra_ids = [], []
    for i in missing_ids:
        st = src_first.get(i)
        every = bool(info.form_scans) and i not in required
        d.missing.append((st, _short(st or any_src[i]), every))
    d.extra = [tgt_first[i] for i in extra_ids]
    # a repeated named placeholder with an occurrence dropped: counts, not sets
    tcount = Counter(t.ident for t in T.tokens if t.key is not None)
    for i in sorted(required & set(tgt_first), key=lambda i: (src_first[i].start if i in src_first else 10**9, str(i))):
        need = min(sum(1 for t in sc.tokens if t.key is not None and t.ident == i) for sc in info.src_scans)
        if info.form_scans or len(_pipe_spans(info.src)) > 1 or \
                any(t.kind in ("plural", "select", "selectordinal") for t in S.tokens):
            continue  # plural forms and ICU branches may legitimately use a placeholder once
        occ = [t for t in S.tokens if t.key is not None and t.ident == i]
        if tcount[i] < need and len(occ) > tcount[i]:
            d.fewer.append((occ[tcount[i]], _short(occ[0]), need, tcount[i]))
    # a placeholder of another type: %(n)d became %(n)s
    for i, tt in tgt_first.items():
        st = src_first.get(i) or any_src.get(i)
        if st is None or st.style != "printf" or i in extra_ids:
            continue
        if st.kind != tt.kind and {st.kind, tt.kind} <= {"int", "float", "str", "char"}:
            if not (st.kind in ("int", "float") and tt.kind in ("int", "float")):
                d.changed.append((src_first.get(i), st.text, tt))
    # positional placeholders: counted by type, order fixed
    counts = [Counter((t.style, t.kind) for t in sc.tokens if t.key is None) for sc in info.src_scans]
    tc = Counter((t.style, t.kind) for t in T.tokens if t.key is None)
    kinds = set().union(*counts) | set(tc) if counts else set(tc)
    for k in sorted(kinds, key=str):
        lo = min(c.get(k, 0) for c in counts) if counts else 0
        hi = max(c.get(k, 0) for c in counts) if counts else 0
        n = tc.get(k, 0)
        if n < lo:
            src_toks = [t for t in S.tokens if t.key is None and (t.style, t.kind) == k]
            for t in src_toks[n:lo] or [None] * (lo - n):
                ex = t.text if t else k[1]
                d.missing.append((t, ex, False))
        elif n > hi:
            tgt_toks = [t for t in T.tokens if t.key is None and (t.style, t.kind) == k]
            d.extra.extend(tgt_toks[hi:])
    _pipe_form_check(info, d)
    sp = [t for t in S.tokens if t.key is None and t.style == "printf"]
    tp = [t for t in T.tokens if t.key is None and t.style == "printf"]
    if sp and len(sp) == len(tp) and Counter(t.kind for t in sp) == Counter(t.kind for t in tp):
        if [t.kind for t in sp] != [t.kind for t in tp]:
            d.order = (sp, tp)
    return d


# -- markup ------------------------------------------------------------------------------------------
#: element names read as markup even without attributes (HTML and the inline codes of
#: XLIFF, TMX and Android resources); ``<file>`` in "usage: tool <file>" is prose
KNOWN_TAGS = frozenset("""a abbr b bdi bdo big blockquote body br button caption center cite code col
dd del dfn div dl dt em font form h1 h2 h3 h4 h5 h6 head hr html i iframe img input ins kbd label li
link mark meta nobr ol option p pre q s samp select small span strike strong sub sup table tbody td
textarea tfoot th thead time tr tt u ul var wbr g x bx ex ph pc sc ec bpt ept it hi mrk sm em cp
annotation plural string""".split())


def markup(text: str, also: frozenset[str] | set[str] = frozenset()) -> list[fm.Tag]:
    """The tags of ``text``: known HTML/inline-code names, tags with attributes, tags whose
    partner (open/close) is in the text, and names in ``also`` (the tags of the other side)."""
    ts = fm.tags(text)
    if not ts:
        return ts
    names_closed = {t.name for t in ts if t.kind == "close"}
    names_open = {t.name for t in ts if t.kind == "open"}
    return [t for t in ts if t.name in KNOWN_TAGS or t.attrs or ":" in t.name or t.name in also
            or (t.kind == "open" and t.name in names_closed)
            or (t.kind == "close" and t.name in names_open)]


def pair_markup(src: str, tgt: str) -> tuple[list[fm.Tag], list[fm.Tag]]:
    """The tags of both sides; a name recognised on one side is recognised on the other."""
    s = markup(src)
    t = markup(tgt, {x.name for x in s})
    if len(t) > 0:
        s = markup(src, {x.name for x in t})
    return s, t


# -- punctuation ---------------------------------------------------------------------------------------
_STOP = set(".。．।॥۔።။។܂։।")
_QUESTION = set("?？؟፧;")
_EXCL = set("!！՜")
_COLON = set(":：")
_SEMI = set(";；")
_CLOSERS = set("\"'”’»›)]}」』】〉》）＞")
_ELLIPSIS = regex.compile(r"(?:\.{3,}|…+|。。。|⋯+)$")
#: languages whose sentences have no final full stop in ordinary writing
NO_FINAL_STOP = frozenset({"th", "lo"})
#: abbreviations that end sentences in running text ("…, PNG, JPG etc.", "… usw.", "… vb.")
SENTENCE_END_ABBREVIATIONS = frozenset(
    "etc ecc usw bzw vb vs itd itp inkl zzgl evtl ca approx incl excl cf al resp".split())
_SHORT_WORD_END = regex.compile(r"(?<![\p{L}])\p{L}{1,5}\.$")
_LETTER_RUN = regex.compile(r"\p{L}+")
_ABBREV_END = regex.compile(r"(?:(?<![\p{L}])\p{L}{1,4}\.(?:\s?\p{L}{1,3}\.)*|\b(?:etc|approx|incl|excl)\.)$")


_END_TAGS = regex.compile(r"(?:</?[A-Za-z][^<>]{0,80}>)+$")


def strip_end(text: str) -> str:
    """The text without trailing whitespace, closing quotes/brackets and closing tags."""
    t = text.rstrip()
    while True:
        before = t
        if t.endswith(">"):  # the only way the tag pattern can match
            t = _END_TAGS.sub("", t).rstrip()
        while t and t[-1] in _CLOSERS:
            t = t[:-1].rstrip()
        if t == before:
            return t


def end_class(text: str, lang: str | None) -> tuple[str, int, int]:
    """(class, start, end) of the text's final punctuation: ``stop``, ``question``, ``exclamation``,
    ``colon``, ``semicolon``, ``ellipsis`` or ``none``."""
    t = strip_end(text)
    if not t:
        return "none", 0, 0
    m = _ELLIPSIS.search(t)
    if m:
        return "ellipsis", m.start(), m.end()
    c = t[-1]
    n = len(t)
    if c in _STOP:
        return "stop", n - 1, n
    if c == ";" or c == "\u037e":
        if lang == "el" or c == "\u037e":
            return "question", n - 1, n
        return "semicolon", n - 1, n
    if c in _QUESTION:
        return "question", n - 1, n
    if c in _EXCL:
        return "exclamation", n - 1, n
    if c in _COLON:
        return "colon", n - 1, n
    if c in _SEMI:
        return "semicolon", n - 1, n
    return "none", n, n


def ends_with_abbreviation(text: str, lang: str | None = None) -> bool:
    """"… e.g." / "… etc." / "… usw." / "… т.д." / "Aug." / "Objekt Darst.": the final period
    belongs to an abbreviation, not to a sentence. In a short label (up to three words) any final
    word of up to five letters counts; in longer text a small word of up to four letters or a
    dotted group."""
    t = strip_end(text)
    if not t.endswith("."):
        return False
    m = _ABBREV_END.search(t)
    if not m:
        m = _SHORT_WORD_END.search(t)
        if not m:
            return False
    if m.start() > 0 and t[m.start() - 1] in "%$}{)]>":
        return False  # "Creating file %s." ends a sentence after a placeholder
    word = m.group(0)
    if word.count(".") >= 2:
        return True
    core = word.rstrip(".")
    if len(_LETTER_RUN.findall(t)) <= 3:
        if len(core) <= 4:
            return True
        z = word_zipf(core.lower(), lang) if len(core) <= 6 else None
        if z is not None:
            return z < 3.2  # "nachm.", "Darst." are no words; "Saved." is
    return core.lower() in SENTENCE_END_ABBREVIATIONS


# -- first words ---------------------------------------------------------------------------------------
def first_word(text: str, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Span of the first word, skipping whitespace and punctuation (``¿``, ``„``, ``(``); None when
    the text starts with a placeholder, a digit or nothing cased."""
    i, n = 0, len(text)
    spans = sorted(skip)
    while i < n:
        sp = next((s for s in spans if s[0] == i), None)
        if sp is not None:
            return None
        ch = text[i]
        if ch.isspace() or unicodedata.category(ch)[0] in "PS":
            if ch == "<":  # a tag not recognised as a token: skip it
                j = text.find(">", i)
                if 0 < j - i < 80:
                    i = j + 1
                    continue
            i += 1
            continue
        break
    if i >= n or not text[i].isalpha():
        return None
    j = i
    while j < n and (text[j].isalnum() or text[j] in "'’-" or unicodedata.category(text[j]) == "Mn"):
        j += 1
    return i, j


# -- language data ---------------------------------------------------------------------------------------
PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")


@dataclass(frozen=True)
class PluralInfo:
    #: every CLDR category of the language
    all: tuple[str, ...]
    #: the categories integers 0…1000 reach (what software plurals need), "other" included
    needed: tuple[str, ...]
    #: form counts a gettext Plural-Forms header may reasonably declare
    counts: frozenset[int]


@lru_cache(maxsize=256)
def plural_info(lang: str | None) -> PluralInfo | None:
    if not lang:
        return None
    try:
        from babel import Locale

        pf = Locale.parse(lang).plural_form
    except Exception:
        return None
    allc = set(pf.tags) | {"other"}
    small = {pf(n) for n in range(0, 1001)}
    big = small | {pf(n) for n in (10**6, 2 * 10**6, 10**9)}
    order = lambda s: tuple(sorted(s, key=PLURAL_ORDER.index))  # noqa: E731
    needed = set(small) | {"other"}
    return PluralInfo(order(allc), order(needed), frozenset({len(small), len(big), len(allc)}))


@lru_cache(maxsize=128)
def has_wordfreq(lang: str | None) -> bool:
    """wordfreq has a list for ``lang`` and can look words up in it here (Japanese and Korean
    lookups need a MeCab tokenizer, which may be missing)."""
    from ..lang.words import has_wordlist, zipf

    if not has_wordlist(lang):
        return False
    try:
        zipf("test", lang)  # wordfreq's zipf_frequency (from the start-up cache)
    except Exception:
        return False
    return True


def word_zipf(word: str, lang: str | None) -> float | None:
    """Zipf frequency of ``word`` in ``lang``; None without usable data."""
    if not has_wordfreq(lang):
        return None
    from ..lang.words import zipf

    try:
        return zipf(word, lang)
    except Exception:  # pragma: no cover - a tokenizer failing on one word
        return None


def lang_name(code: str | None) -> str:
    if not code:
        return "the target language"
    try:
        from babel import Locale

        return Locale("en").languages.get(code, code)
    except Exception:  # pragma: no cover
        return code


_ASCII_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"  # the ASCII characters str.isspace() accepts


#: script weight for length comparisons: one CJK character carries about two Latin letters' worth
def weighted_len(text: str) -> float:
    if text.isascii():  # no wide character: 1 per character, 0.5 per space (exact in binary)
        ws = sum(text.count(c) for c in _ASCII_SPACES)
        return (len(text) - ws) + 0.5 * ws
    # 2 per wide (CJK) character, 0.5 per other space (str.split() splits at str.isspace(); the
    # one space among the wide characters is U+3000, tested), 1 per other character; every
    # partial sum is a multiple of 0.5: exact, as a loop adding them would be
    wide = len(_WIDE.findall(text))
    spaces = len(text) - len("".join(text.split())) - text.count("\u3000")
    return 2.0 * wide + 0.5 * spaces + (len(text) - wide - spaces)


_WIDE = regex.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
