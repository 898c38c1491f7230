"""TQ203 name-mismatch: names of people, places and organisations must come back.

A *name* of the source is a CLDR territory or exemplar-city name of the source
language, or a capitalised word that is not an acronym, whose lower-case form is
not a common word of the source language (wordfreq; a frequent word is still a
name when other languages use it about as often, as they do Merkel or Paris) and
that the source document never writes in lower case. The first word of a
sentence is a name only with more evidence: the document writes it with a
capital inside a sentence too (not in a language that capitalises nouns), or it
is a given name (used as often in the other languages of its script as a common
word is at home: Maria, John) that begins a name of several words ("Maria
Schneider opened …"; not "Inshallah Kazakhstan will …"); the same holds for the
translation's names. In a language that capitalises nouns (German: measured on
the document, :func:`_capital_rate`) only rare words that other languages also
use count, and they are reported only when changed, never as missing. A city
whose name is a frequent word of the language that other languages write
otherwise (English Moscow, Easter) may be a word: it is reported only when
another place stands in its stead (minor), never as missing.

A name is found in the target as the same word, a transliteration or inflected
form (:func:`tqcheck.lang.translit.same_name`: Kazakhstan ↔ Kazakistan'ın,
Tokayev ↔ Токаевым), or the CLDR exonym (Kazakhstan ↔ Kasachstan ↔ 哈萨克斯坦,
Wiedeń ↔ Wiedniu, ABD for Amerika Birleşik Devletleri). A name found by none of
these ways is reported: as *changed* (both spans) when the target has a name
that no source word explains, major when that is sure (the translation writes
the source name correctly elsewhere, or a place became another place), minor
otherwise (it may be an exonym CLDR does not know: Matterhorn ↔ Cervin); else as
*missing* (minor). A name the translation writes in a sentence nearby whose own source lacks
it (the sentences are cut differently) is neither (:func:`_placed_nearby`); a change is not
sure while another source name of the sentence is missing too.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from ..findings import Finding
from ..lang import cldr
from ..lang.words import zipf as _words_zipf
from ..lang.translit import (TRANSLITERABLE_SCRIPTS, casefold, char_script, fold, is_cased_script, name_key,
                             same_name, script_of, similarity, token_forms)
from ..lang.translit import SAME_NAME, spoken_keys
from .base import CheckContext, Pair, rule
from .entity_text import WORD, Side, is_initial, month_table, no_space, pair_sides, pair_up, weekday_table

#: zipf frequency from which a word counts as common (once per million words)
COMMON_ZIPF = 3.0
#: an acronym in the plural (URLs, IDs, APIs)
_ACRONYM_PLURAL = regex.compile(r"^\p{Lu}{2,}s$")
#: capital rate (:func:`_capital_rate`) above which a language capitalises its nouns
NOUN_CAPITALS = 0.25
#: capital rate below which a language capitalises only names (French, Polish, Russian)
NAMES_ONLY_CAPITALS = 0.12
#: wordfreq languages per script used to tell names (used alike everywhere) from common words
_PEERS = {
    "Latin": ("en", "de", "fr", "es", "it", "pl", "nl", "pt", "tr", "sv"),
    "Cyrillic": ("ru", "uk", "bg", "mk"),
}
_APOS = "'\u2019\u02bc"


# -- word statistics ------------------------------------------------------------------------------
@lru_cache(maxsize=128)
def _has_wordlist(lang: str | None) -> bool:
    if not lang or lang in ("zh", "ja"):
        return False  # wordfreq needs an external tokenizer for these
    try:
        from ..lang.words import has_wordlist

        return has_wordlist(lang)
    except Exception:  # pragma: no cover
        return False


def _zipf(word: str, lang: str) -> float:
    if not _has_wordlist(lang):
        return 0.0
    try:
        return _words_zipf(word, lang)
    except Exception:  # pragma: no cover - wordfreq refuses a word
        return 0.0


@lru_cache(maxsize=65536)
def name_like(word: str, lang: str) -> bool:
    """A frequent word that other languages of its script use about as often (Merkel, Paris,
    John) is a name; a common word of ``lang`` is rare elsewhere (Government, Statement)."""
    med = _peer_median(word, lang)
    return med is not None and med >= _zipf(word, lang) - 0.75


def common_word(word: str, lang: str) -> bool:
    """True when ``word`` (any case) is a frequent word of ``lang`` that is not a name."""
    return _zipf(word, lang) >= COMMON_ZIPF and not name_like(word, lang)


def _lowercase_words(ctx: CheckContext, side: str) -> frozenset[str]:
    key = f"tq203_lower_{side}"
    if key not in ctx.cache:
        doc = ctx.source if side == "src" else ctx.target
        ctx.cache[key] = frozenset(casefold(m.group(0)) for m in WORD.finditer(doc.text)
                                   if m.group(0)[:1].islower())
    return ctx.cache[key]


# -- CLDR places in text ----------------------------------------------------------------------------
@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    keys: frozenset[str]
    #: every word as in CLDR (bar an apostrophe suffix) and capitalised as there: a sure mention
    sure: bool = True


def _word_matches(name_word: str, token: str, loose: bool) -> bool:
    """``token`` (casefolded) is ``name_word`` (casefolded), possibly with a case ending: the
    word (less a final vowel) plus up to three letters, five on the target side (``loose``):
    Казахстана, России, Kazachstanu, Warszawie; not Schweiss for Schweiz."""
    if token == name_word:
        return True
    for ap in _APOS:
        if ap in token:
            return token.partition(ap)[0] == name_word
    if len(name_word) >= (4 if loose else 5):
        stem = name_word[:-1] if name_word[-1] in _VOWELS else name_word
        if loose and len(name_word) >= 7:
            stem = name_word[:-2]  # Vereinigtes → (das) Vereinigte
        return token.startswith(stem) and 0 < len(token) - len(stem) <= (5 if loose else 3)
    return False


_VOWELS = frozenset("aeiouyáéíóúàèìòùâêîôûäëïöüåæøıаеёиоуыэюяіїєαεηιουωάέήίόύώ")


@dataclass
class PlaceMatcher:
    """Finds the CLDR place names of one language in text, with case endings."""

    lang: str
    entries: list = field(default_factory=list)  # (key-set, words casefolded, original name)
    by_first: dict = field(default_factory=dict)  # first 3 letters of first word -> entry indices
    cjk: bool = False
    #: some name starts with a letter that is not a capital (then a text in small letters may
    #: still hold a name with the case CLDR gives it)
    uncapitalised: bool = False

    def find(self, text: str, *, loose: bool, cased: bool) -> list[PlaceHit]:
        """Every place name in ``text``. ``loose`` allows longer endings (target side); ``cased``
        requires the capitalisation CLDR uses (source side)."""
        hits: list[PlaceHit] = []
        norm = text.replace("ё", "е").replace("Ё", "Е")
        if self.cjk:
            low = casefold(norm) if len(casefold(norm)) == len(norm) else norm
            taken = [False] * len(text)
            for keys, words, name in self.entries:
                cf = "".join(words)
                i = low.find(cf)
                while i != -1:
                    if not any(taken[i:i + len(cf)]):
                        for k in range(i, i + len(cf)):
                            taken[k] = True
                        hits.append(PlaceHit(i, i + len(cf), keys))
                    i = low.find(cf, i + 1)
            hits.sort(key=lambda h: h.start)
            return hits
        toks = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(norm)]
        whole = norm.casefold()
        if len(whole) == len(norm) and "\u0307" not in whole:
            # case folding is per character: one character each, the tokens are slices
            low = [whole[a:b] for a, b, _ in toks]
        else:
            low = [casefold(t[2]) for t in toks]
        i = 0
        while i < len(toks):
            best = None
            for ei in self.by_first.get(low[i][:3], ()):
                keys, words, name = self.entries[ei]
                n = len(words)
                if i + n > len(toks):
                    continue
                if cased and not _case_ok(toks[i][2], name):
                    continue
                if all(_word_matches(w, low[i + k], loose) for k, w in enumerate(words)):
                    if not _joined(norm, toks, i, n):
                        continue
                    exact = sum(1 for k, w in enumerate(words)
                                if low[i + k] == w or low[i + k].split("'")[0] == w
                                or low[i + k].split("\u2019")[0] == w)
                    span = n, exact, sum(len(w) for w in words)
                    if best is None or span > best[0]:
                        sure = exact == n and _case_ok(toks[i][2], name)
                        best = (span, PlaceHit(toks[i][0], toks[i + n - 1][1], keys, sure), n)
            if best:
                hits.append(best[1])
                i += best[2]
            else:
                i += 1
        return hits


def _case_ok(token: str, name: str) -> bool:
    return token[:1] == name[:1] or (token.isupper() and len(token) > 1)


def _joined(text: str, toks, i: int, n: int) -> bool:
    """Consecutive tokens ``i .. i+n-1`` are separated only by spaces, hyphens or ``&``."""
    for k in range(i, i + n - 1):
        gap = text[toks[k][1]:toks[k + 1][0]]
        if not regex.fullmatch(r"[\s\u00a0\-&.]{1,4}|\s*&\s*|\s+and\s+", gap):
            return False
    return True


@lru_cache(maxsize=32)
def place_matcher(lang: str | None) -> PlaceMatcher | None:
    if not lang or not cldr.has_data(lang):
        return None
    m = PlaceMatcher(lang, cjk=no_space(lang))
    for name, keys in cldr.place_index(lang).items():
        norm = name.replace("ё", "е").replace("Ё", "Е")
        if m.cjk:
            words = (casefold(norm),)
        else:
            words = tuple(casefold(w) for w in WORD.findall(norm))
        if not words or not words[0]:
            continue
        m.entries.append((keys, words, name))
        m.uncapitalised = m.uncapitalised or not name[:1].isupper()
        m.by_first.setdefault(words[0][:3], []).append(len(m.entries) - 1)
    return m


# -- entities of a pair -----------------------------------------------------------------------------
@dataclass
class Entity:
    start: int
    end: int
    text: str
    keys: frozenset[str] = frozenset()  # CLDR place keys when known
    #: for target candidates: 1 = surely a name (a place, a rare word, a word that travels across
    #: languages), 2 = only capitalised
    tier: int = 1
    #: a source word of a language that capitalises nouns: may be a noun, never reported missing
    noun_lang: bool = False
    #: a source place whose name is also a frequent word of the language that other languages
    #: write otherwise (Moscow, Easter): matched, so the translation's name of it is explained,
    #: but never reported
    silent: bool = False

    @property
    def place(self) -> bool:
        return bool(self.keys)


def _heading_ranges(text: str, starts: tuple[int, ...]) -> list[tuple[int, int]]:
    """Sentences written in capitals (headings): their words are judged in title case."""
    out: list[tuple[int, int]] = []
    if sum(map(str.isupper, text)) < 7:
        return out  # a heading needs at least 8 cased letters, 80 % of them capitals
    bounds = list(starts) + [len(text) + 1]
    for a, b in zip(bounds, bounds[1:]):
        seg = text[a:b]
        cased = [c for c in seg if c.isalpha() and (c.isupper() or c.islower())]
        if len(cased) >= 8 and sum(c.isupper() for c in cased) >= 0.8 * len(cased):
            out.append((a, b))
    return out


def _in(ranges, pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _base(token: str, start: int) -> tuple[str, int]:
    """The name part of a token: ``Kazakhstan's`` → ``Kazakhstan``, ``l'Ouzbékistan`` → ``Ouzbékistan``."""
    for ap in _APOS:
        if ap in token:
            head, _, tail = token.partition(ap)
            if head[:1].isupper() or not tail[:1].isupper():
                return head, start
            return tail, start + len(head) + 1
    return token, start


def _source_entities(side: Side, lang: str, ctx: CheckContext, use_words: bool) -> list[Entity]:
    text = side.text
    matcher = place_matcher(lang)
    if text.islower() and (matcher is None or not matcher.uncapitalised) \
            and is_cased_script(script_of(text)):
        return []  # no capital: no word below can be a name, no place matches its CLDR case
    links = [(l.start, l.end) for l in side.links]
    places = matcher.find(text, loose=False, cased=True) if matcher else []
    taken = [(h.start, h.end) for h in places]
    # whether the language capitalises nouns: a document-wide rate, measured only once some
    # place or candidate word needs it (many documents have neither)
    @cache
    def nouns() -> bool:
        return use_words and _capital_rate(ctx, "src") > NOUN_CAPITALS

    # in a language that capitalises nouns a city named like a noun (Male, Mal) may be the noun
    lang_words = cldr.language_words(lang)
    index_cf = _place_index_cf(lang)
    lower = _lowercase_words(ctx, "src") if use_words else frozenset()
    out = [Entity(h.start, h.end, text[h.start:h.end], h.keys,
                  noun_lang=nouns() and not any(k.startswith("T:") for k in h.keys),
                  silent=not _place_ok(text[h.start:h.end], h.keys, lang))
           for h in places if not _in(links, h.start)
           and not _language_adjective(text, h.start, h.end, lang_words, index_cf)
           and not (use_words and _word_not_place(text, h, lang, lower, side.sentence_starts))]
    headings = _heading_ranges(text, side.sentence_starts)
    cal = [t for t in (month_table(lang), weekday_table(lang)) if t is not None]
    src_script = script_of(text)
    caseless = not is_cased_script(src_script)
    title = _title_like(text)
    initial: list[Entity] = []
    for m in WORD.finditer(text):
        if m.group(0).islower():
            continue  # no capital anywhere in the word: no part below starts with one
        tok, s = _base(m.group(0), m.start())
        if _in(links, s) or _in(taken, s):
            continue
        for part, ps in _parts(tok, s):
            if len(part) < 2 or not part[:1].isupper():
                continue
            script = char_script(part[0])
            if caseless:
                # Latin words inside a text in an uncased script: names and brands
                if script == "Latin" and not part.isupper():
                    out.append(Entity(ps, ps + len(part), part))
                continue
            if not is_cased_script(script):
                continue
            heading = _in(headings, ps)
            if part.isupper() and not heading:
                continue  # acronym: often translated (UN → ONU, CFM → DBK)
            if _ACRONYM_PLURAL.match(part):
                continue  # URLs, IDs: acronyms in the plural
            word = part.title() if heading else part
            if heading and len(part) <= 3:
                continue
            if any(c.exact.get(casefold(word)) for c in cal):
                continue  # months and weekdays: TQ202
            keys = index_cf.get(casefold(word), frozenset()) if heading else frozenset()
            if keys and _place_ok(word, keys, lang):
                out.append(Entity(ps, ps + len(part), part, keys))
                continue
            if casefold(part) in lang_words:
                continue  # Russian, Upper Sorbian: CLDR language names are translated as adjectives
            if not use_words:
                continue
            if len(part) <= 3 and text[ps + len(part):ps + len(part) + 1] == ".":
                continue  # Dr. Mr. St. Nr.
            if casefold(word) in lower or common_word(word, lang):
                continue
            if title and _zipf(word, lang) >= COMMON_ZIPF:
                continue  # a title capitalises common words ("Tutorial: A Polling App")
            if nouns() and not _rare_and_travelling(word, lang):
                continue  # German capitalises nouns: a capitalised word is a noun unless rare and travelling
            e = Entity(ps, ps + len(part), part, noun_lang=nouns())
            if is_initial(text, ps, side.sentence_starts) and not heading:
                initial.append(e)  # a capital that begins a sentence: a name only with more evidence
            else:
                out.append(e)
    # a word that begins a sentence is a name when the document writes it with a capital inside
    # a sentence too, or when it is a given name that begins a name of several words ("Maria
    # Schneider opened …")
    # (in a language that capitalises nouns, a capital inside a sentence says nothing)
    inner = _inner_capitals(ctx, "src") if initial and not nouns() else frozenset()
    starts = {e.start for e in out}
    for e in initial:
        gap = _NAME_GAP.match(text, e.end)
        if casefold(e.text) in inner or (gap and gap.end() in starts and _given_name(e.text, lang)):
            out.append(e)
    out.sort(key=lambda e: e.start)
    return out


#: what may stand between two words of one name
_NAME_GAP = regex.compile(r"[ \u00a0-]")
#: a capitalised word (not an acronym) right after :data:`_NAME_GAP`
_NEXT_CAPITAL = regex.compile(r"[ \u00a0-](\p{Lu}\p{Ll}[\p{L}\p{M}]*)")


def _given_name(word: str, lang: str) -> bool:
    """A word used as often in the other wordfreq languages of its script as a common word is at
    home, and about as often as in ``lang`` (:func:`name_like`): a given name (Maria, John,
    Anna), which travels with the people who bear it. An interjection or a loan word that may
    begin a sentence before a name ("Inshallah Kazakhstan will …") is rare elsewhere."""
    med = _peer_median(word, lang)
    return med is not None and med >= COMMON_ZIPF and name_like(word, lang)


def _name_at_start(text: str, start: int, word: str, ctx: CheckContext, side: str, lang: str,
                   lower: frozenset[str], nouns_capitalised: bool) -> bool:
    """Whether ``word``, which begins a sentence of ``text``, is a name in the translation: the
    document writes it with a capital inside a sentence too (not evidence in a language that
    capitalises nouns), or it is a given name followed by a capitalised word that the document
    never writes in lower case (a name of several words)."""
    if not nouns_capitalised and casefold(word) in _inner_capitals(ctx, side):
        return True
    m = _NEXT_CAPITAL.match(text, start + len(word))
    return bool(m) and casefold(m.group(1)) not in lower and _given_name(word, lang)


def _inner_capitals(ctx: CheckContext, side: str) -> frozenset[str]:
    """Words (casefolded) that the document writes with a capital inside a sentence (not as its
    first word): built once per document."""
    key = f"tq203_inner_caps_{side}"
    if key not in ctx.cache:
        doc = ctx.source if side == "src" else ctx.target
        seen: set[str] = set()
        for sent in doc.sentences:
            for m in WORD.finditer(sent.text):
                w = m.group(0)
                if w[:1].isupper() and not w.isupper() and not is_initial(sent.text, m.start()):
                    seen.add(casefold(w))
        ctx.cache[key] = frozenset(seen)
    return ctx.cache[key]


def _word_not_place(text: str, h: PlaceHit, lang: str, lower: frozenset[str],
                    starts: tuple[int, ...]) -> bool:
    """One word read as a place name with an ending ("Indices" ← India) that is a word of the
    language: the document writes it in small letters elsewhere, or it is capitalised only as
    the first word of a sentence while being a common word (wordfreq) at least ten times rarer
    than every CLDR name of the place (an inflected name, России ← Россия, is about as frequent
    as the name)."""
    if h.sure:
        return False
    form = text[h.start:h.end]
    if not form.isalpha():
        return False  # several words, an apostrophe ending (Kazakhstan's)
    if casefold(form) in lower:
        return True
    if not is_initial(text, h.start, starts) or not common_word(form, lang):
        return False
    names = [n for k in h.keys for n in cldr.place_names(lang).get(k, ())]
    return bool(names) and _zipf(form, lang) + 1.0 <= min(_zipf(n, lang) for n in names)


def _language_adjective(text: str, start: int, end: int, lang_words: frozenset[str],
                        index_cf: dict) -> bool:
    """A place name found with an ending that is a language or demonym (Russian ← Russia,
    Romanian, Venezuelan Spanish): CLDR language names are translated as adjectives, not kept."""
    cf = casefold(text[start:end])
    if cf in index_cf:
        return False  # the place's own name as CLDR writes it
    if cf in lang_words:
        return True
    nxt = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return bool(nxt) and casefold(nxt.group(0)) in lang_words


def _title_like(text: str) -> bool:
    """Most words of at least four letters are capitalised: a title or UI label, where
    capitals say nothing about names ("Tutorial: A Polling App", "Site Maps")."""
    words = [w for w in WORD.findall(text) if len(w) >= 4]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def _parts(tok: str, start: int):
    if "-" not in tok:
        yield tok, start
        return
    pos = start
    for p in tok.split("-"):
        yield p, pos
        pos += len(p) + 1


@lru_cache(maxsize=32)
def _place_index_cf(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set] = {}
    for name, keys in cldr.place_index(lang).items():
        out.setdefault(casefold(name), set()).update(keys)
    return {k: frozenset(v) for k, v in out.items()}


def _place_ok(name: str, keys: frozenset[str], lang: str) -> bool:
    """Territories always count; a city whose name is also a common word (Easter, Phoenix as a
    brand) only when other languages use the word as often (a name, not a word)."""
    if any(k.startswith("T:") for k in keys):
        return True
    return not (_zipf(name, lang) >= 4.0 and not name_like(name, lang))


# -- matching -------------------------------------------------------------------------------------
@dataclass
class Target:
    side: Side
    lang: str | None
    tokens: list  # (start, end, token, keys of its forms)
    places: list[PlaceHit]
    cf: str
    folded: str
    translit: bool
    nospace: bool
    used: list = field(default_factory=list)  # spans explained by a source entity

    def place_keys_at(self, start: int) -> frozenset[str]:
        for h in self.places:
            if h.start <= start < h.end:
                return h.keys
        return frozenset()


def _target(side: Side, lang: str | None) -> Target:
    text = side.text
    script = script_of(text)
    translit = script in TRANSLITERABLE_SCRIPTS
    toks = []
    for m in WORD.finditer(text):
        tok = m.group(0)
        sc = char_script(tok[0])
        if sc in TRANSLITERABLE_SCRIPTS:
            toks.append((m.start(), m.end(), tok, tuple(name_key(f) for f in token_forms(tok))))
    matcher = place_matcher(lang)
    places = matcher.find(text, loose=True, cased=False) if matcher else []
    return Target(side, lang, toks, places, casefold(text), fold(text), translit, no_space(lang, text))


def _verbatim(e: Entity, t: Target) -> tuple[int, int] | None:
    needle = casefold(e.text)
    if not needle:
        return None
    pat = regex.escape(needle) if t.nospace else r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(needle)
    m = regex.search(pat, t.cf)
    if m and len(t.cf) == len(t.side.text):
        return m.span()
    if m:
        return (0, 0)
    return None


def _via_cldr(e: Entity, t: Target, src_lang: str) -> tuple[int, int] | None:
    for h in t.places:
        if h.keys & e.keys:
            return (h.start, h.end)
    # an inflection the stem rule misses (Wiedeń → Wiedniu): the CLDR name, transliteration-matched
    if t.tokens:
        for key in e.keys:
            for name in cldr.place_name_in(key, t.lang):
                words = WORD.findall(name)
                if len(words) != 1:
                    continue
                for s, en, tok, _k in t.tokens:
                    if same_name(words[0], tok):
                        return (s, en)
    # a multi-word name may come back as the initials of its translation (ABD, США, USA)
    for key in e.keys:
        for name in cldr.place_name_in(key, t.lang) + cldr.place_name_in(key, src_lang):
            words = [w for w in WORD.findall(name) if w[:1].isupper()]
            if len(words) >= 2:
                acro = "".join(w[0] for w in words)
                m = regex.search(r"(?<![\p{L}])" + regex.escape(acro) + r"\p{Lu}?(?![\p{L}])", t.side.text)
                if m:
                    return m.span()
    return None


def _via_translit(e: Entity, t: Target) -> tuple[int, int] | None:
    if not (t.translit or t.tokens):
        return None
    if char_script(e.text[0]) not in TRANSLITERABLE_SCRIPTS:
        return None
    words = [w for w in WORD.findall(e.text) if len(w) >= 2 and not (e.place and w[:1].islower())] \
        if " " in e.text else [e.text]
    spans = []
    for w in words:
        hit = None
        for s, en, tok, _keys in t.tokens:
            if same_name(w, tok) or _sounds_same(w, tok):
                other = t.place_keys_at(s)
                if e.keys and other and not (other & e.keys):
                    continue  # Austria → Australien: another place, not a spelling
                hit = (s, en)
                break
        if hit is None:
            hit = _joined_match(w, t) or _compound_tail(w, t)
        if hit is None:
            return None
        spans.append(hit)
    if not spans:
        return None
    return (min(s for s, _ in spans), max(e_ for _, e_ in spans))


def _joined_match(word: str, t: Target) -> tuple[int, int] | None:
    """Two neighbouring target words, apart by a space or a hyphen, that are ``word`` written
    together (SaasFee / Saas-Fee, as OCR or a translator may join or part a name)."""
    text = t.side.text
    for (s1, e1, a, _), (s2, e2, b, _) in zip(t.tokens, t.tokens[1:]):
        if text[e1:s2] in (" ", "-", "\u00a0") and same_name(word, a + b):
            return (s1, e2)
    return None


#: a name this long (letters) may end a compound of the translation; so many letters before it at least
_TAIL_NAME, _TAIL_HEAD = 4, 3


def _compound_tail(word: str, t: Target) -> tuple[int, int] | None:
    """A target word written with a capital that ends with ``word``, perhaps with an ending of one
    or two letters: a compound whose last part is the name (Club / AlpenClub, Asie centrale /
    Zentralasien, Tirol / Südtirol); not a word of small letters (Tien / appartient). Only for a
    name of :data:`_TAIL_NAME` letters or more."""
    needle = casefold(word)
    if len(needle) < _TAIL_NAME or not needle.isalpha():
        return None
    for s, e, tok, _k in t.tokens:
        cf = casefold(tok)
        at = cf.rfind(needle)
        if at >= _TAIL_HEAD and len(cf) - at - len(needle) <= 2 and len(cf) == len(tok) and tok[:1].isupper():
            return (s + at, e)
    return None


def _sounds_same(a: str, b: str) -> bool:
    """Two Latin words that are one name read aloud (Kote / cote, Klub / Club: c before a, o, u
    is k), as one language writes another's: what :func:`same_name` compares across scripts."""
    if char_script(a[:1]) != "Latin" or char_script(b[:1]) != "Latin":
        return False
    return any(similarity(x, y) >= SAME_NAME for x in spoken_keys(a) for y in spoken_keys(b))


def _match(e: Entity, t: Target, src_lang: str) -> tuple[int, int] | None:
    return _verbatim(e, t) or (_via_cldr(e, t, src_lang) if e.keys else None) or _via_translit(e, t)


# -- target names that no source name explains ----------------------------------------------------
@dataclass
class Run:
    start: int
    end: int
    items: list

    @property
    def place(self) -> bool:
        return any(getattr(i, "place", False) for i in self.items)

    @property
    def tier(self) -> int:
        return min(getattr(i, "tier", 1) for i in self.items)


def _runs(items, text: str) -> list[Run]:
    """Adjacent items (separated by spaces or a hyphen) as one run; a run of target candidates
    loses the merely capitalised words at its edges when it has a sure name (Cumhurbaşkanı Sayın
    Nazarbayev → Nazarbayev)."""
    runs: list[Run] = []
    for it in sorted(items, key=lambda i: i.start):
        if runs and regex.fullmatch(r"[\s\u00a0\-]*", text[runs[-1].end:it.start]):
            runs[-1].end = max(runs[-1].end, it.end)
            runs[-1].items.append(it)
        else:
            runs.append(Run(it.start, it.end, [it]))
    for r in runs:
        if r.tier == 1 and any(getattr(i, "tier", 1) > 1 for i in r.items):
            while getattr(r.items[0], "tier", 1) > 1:
                r.items.pop(0)
            while getattr(r.items[-1], "tier", 1) > 1:
                r.items.pop()
            r.start, r.end = r.items[0].start, r.items[-1].end
    return runs


def _target_candidates(t: Target, src: Side, src_entities, ctx: CheckContext) -> list[Entity]:
    text = t.side.text
    lang = t.lang
    used = t.used
    out: list[Entity] = []
    src_keys = frozenset().union(*(e.keys for e in src_entities)) if src_entities else frozenset()
    src_words = [w for w in WORD.findall(src.text) if len(w) >= 3]
    for h in t.places:
        if h.keys & src_keys or any(a < h.end and h.start < b for a, b in used):
            continue
        if not h.sure:
            if is_cased_script(script_of(text)) and not text[h.start:h.start + 1].isupper():
                continue  # "limite" is not Lima, "brune" not Brunei: only capitalised or exact names
            if any(same_name(w, text[h.start:h.end]) for w in src_words):
                continue  # Franco (a name of the source) is not France
        out.append(Entity(h.start, h.end, text[h.start:h.end], h.keys))
    taken = [(h.start, h.end) for h in t.places]
    if not lang or not _has_wordlist(lang) and is_cased_script(script_of(text)):
        return out
    headings = _heading_ranges(text, t.side.sentence_starts)
    lower = _lowercase_words(ctx, "tgt")
    cal = [c for c in (month_table(lang), weekday_table(lang)) if c is not None]
    cased_target = is_cased_script(script_of(text))
    rate = _capital_rate(ctx, "tgt")
    nouns_capitalised, names_only = rate > NOUN_CAPITALS, rate < NAMES_ONLY_CAPITALS
    for s, e, tok, _keys in t.tokens:
        base, bs = _base(tok, s)
        if len(base) < 4 or not base[:1].isupper() or _in(taken, bs):
            continue  # short capitalised words are titles and abbreviations (Mme, Dr, St) too often
        if any(a < bs + len(base) and bs < b for a, b in used):
            continue
        tier = 1
        if cased_target:
            heading = _in(headings, bs)
            word = base.title() if heading else base
            if base.isupper() and not heading:
                continue  # acronym
            if not heading and is_initial(text, bs, t.side.sentence_starts) \
                    and not _name_at_start(text, bs, base, ctx, "tgt", lang, lower, nouns_capitalised):
                continue
            if casefold(word) in lower:
                continue
            if nouns_capitalised and not heading:
                noun_tier = _noun_lang_tier(word, lang)
                if noun_tier is None:
                    continue  # German capitalises nouns: Kraft, Fingerschlitz are no names
                tier = noun_tier
            elif not _name_shaped(word, lang):
                if nouns_capitalised or heading or len(word) <= 3 or _zipf(word, lang) >= 4.0 and not names_only:
                    continue  # Sekreter, Cumhurbaşkanı: a title, not a name
                tier = 1 if names_only else 2
        if any(c.exact.get(casefold(base)) for c in cal):
            continue
        if any(same_name(w, base) or _sounds_same(w, base) for w in src_words):
            continue
        out.append(Entity(bs, bs + len(base), base, tier=tier))
    out.sort(key=lambda x: x.start)
    return out


def _capital_rate(ctx: CheckContext, side: str = "tgt") -> float:
    """How often a language capitalises common words: the share of common content words (four
    letters or more, 4 ≤ zipf < 6) written with a capital inside sentences of one document,
    CLDR place names left out, smoothed towards 0.12 for short documents. About 0.4–0.6 where
    nouns get a capital (German), 0.15–0.2 where titles and institutions do (English, Turkish),
    under 0.1 where only names do (French, Polish, Russian)."""
    key = f"tq203_capital_rate_{side}"
    if key not in ctx.cache:
        lang = ctx.tgt_lang if side == "tgt" else ctx.src_lang
        doc = ctx.target if side == "tgt" else ctx.source
        caps = total = 0
        matcher = place_matcher(lang)
        if lang and _has_wordlist(lang):
            common: dict[str, bool] = {}   # word -> counted (a document repeats its words)
            for sent in doc.sentences[:500]:  # a sample is enough for a rate
                # the common content words first: places are looked for only where there are some
                words = []
                for m in list(WORD.finditer(sent.text))[1:]:
                    w = m.group(0)
                    ok = common.get(w)
                    if ok is None:
                        ok = common[w] = len(w) >= 4 and not w.isupper() and 4.0 <= _zipf(w, lang) < 6.0
                    if ok:
                        words.append(m)
                if not words:
                    continue
                places = matcher.find(sent.text, loose=True, cased=False) if matcher else []
                for m in words:
                    if any(h.start <= m.start() < h.end for h in places):
                        continue
                    total += 1
                    caps += m.group(0)[:1].isupper()
        # a short document says little: lean towards a language that capitalises titles only
        ctx.cache[key] = (caps + 0.12 * 10) / (total + 10)
    return ctx.cache[key]


def _name_shaped(word: str, lang: str) -> bool:
    """A capitalised target word that is a name rather than a capitalised noun: rare in its
    language, or used in the other wordfreq languages of its script not much less than at home
    (names travel, nouns do not: Nazarbayev, Merkel, Kaczyński; not Bundeskanzler, Regierung)."""
    z = _zipf(word, lang)
    if z < COMMON_ZIPF:
        return True
    med = _peer_median(word, lang)
    return med is not None and med >= 1.0 and z - med <= 3.0


def _noun_lang_tier(word: str, lang: str) -> int | None:
    """Whether a capitalised target word of a language that capitalises its nouns (German) may
    be a name. As on the source side, a word common in the language is a noun (Kraft, Buch,
    Berg: German nouns are common words of Dutch or English too, so other languages' use does
    not make them names): ``None``. A rare word is a name when other languages use it too
    (tier 1: Zermatt, Matterhorn); a compound of two words of the language is a noun
    (Fingerschlitz = Finger + Schlitz): ``None``; any other rare word is perhaps a name and
    perhaps a rare noun (tier 2: Nasarbajew, Windungen), reported as a change only next to the
    source name, and as minor."""
    if _rare_and_travelling(word, lang):
        return 1
    if _zipf(word, lang) >= COMMON_ZIPF or _compound(word, lang):
        return None
    return 2


def _rare_and_travelling(word: str, lang: str) -> bool:
    """In a language that capitalises its nouns, the test that makes a capitalised word a name
    on either side: rare in the language and used in other languages (:func:`_travels`)."""
    return _zipf(word, lang) < COMMON_ZIPF and _travels(word, lang)


#: both parts of a compound are words of the language at least this frequent, the first of three
#: letters or more, the second of four (Finger + Schlitz, Weg + Spur; not Mora + wec)
_PART_ZIPF = 2.5


def _compound(word: str, lang: str) -> bool:
    """``word`` is two words of ``lang`` written together (Lebens|bereiche, Schnee|felder,
    Weg|spur): a linking ending makes the first part a word form too (Lebens)."""
    w = casefold(word)
    return any(_zipf(w[k:], lang) >= _PART_ZIPF and _zipf(w[:k], lang) >= _PART_ZIPF
               for k in range(3, len(w) - 3))


def _travels(word: str, lang: str) -> bool:
    """Used (zipf ≥ 1) in at least half of the other wordfreq languages of its script: names
    travel between languages (Merkel, Kaczyński, Nazarbayev), nouns stay home."""
    peers = [p for p in _PEERS.get(script_of(word) or "", ()) if p != lang][:5]
    if len(peers) < 3:
        return False
    return sum(1 for p in peers if _zipf(word, p) >= 1.0) * 2 >= len(peers)


def _peer_median(word: str, lang: str) -> float | None:
    peers = [p for p in _PEERS.get(script_of(word) or "", ()) if p != lang][:5]
    if len(peers) < 3:
        return None
    vals = sorted(_zipf(word, p) for p in peers)
    mid = len(vals) // 2
    return vals[mid] if len(vals) % 2 else (vals[mid - 1] + vals[mid]) / 2


def _q(s: str) -> str:
    return "\u2018" + s + "\u2019"


@rule("TQ203", "name-mismatch", category="entity", severity="major",
      description="A name of a person, place or organisation is missing or different in the translation.",
      example=("Secretary General Amreyev opened the meeting in Almaty.",
               "Genel Sekreter Nazarbayev toplantıyı Almatı'da açtı.", "en", "tr"))
def name_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """Each name of the source (see the module documentation for what counts as a name) must be
    in the target: unchanged, transliterated (Tokayev ↔ Токаев ↔ Tokajew), inflected
    (Kazakistan'ın, Токаевым, Kazachstanu), or as the CLDR name of the place in the target
    language (Kazakhstan ↔ Kasachstan ↔ 哈萨克斯坦; exemplar cities from the time-zone data:
    Almaty ↔ Almatı ↔ 阿拉木图). Spelling damage of one letter (Çavuşođlu) still matches.
    A name found by none of these ways is reported: as *changed* (both spans) when the target
    has a name that no source word explains (a place for a place first, then the nearest name),
    major when sure (the translation writes the source name right in another sentence and no
    other source name of the sentence is missing, or a place became another place) and minor
    otherwise (perhaps an exonym CLDR does not know); else as *missing* (minor). A name that a
    translation sentence within two of this one writes, while that sentence's own source does
    not, is not reported: the translation cut the sentences elsewhere. Names in a target script that cannot be transliterated reliably
    (Chinese, Arabic …) are checked only against CLDR place names and Latin spellings."""
    sl, tl = ctx.src_lang, ctx.tgt_lang
    if not sl:
        ctx.note("TQ203", "The source language is unknown: names were not checked.")
        return
    use_words = _has_wordlist(sl)
    if not use_words and is_cased_script(script_of(pair.src_text)):
        ctx.note("TQ203", f"No word frequencies for {cldr.language_name(sl)}: only CLDR place names "
                          "were checked.")
    src, tgt_side = pair_sides(pair, ctx)
    entities = _source_entities(src, sl, ctx, use_words)
    if not entities:
        return
    t = _target(tgt_side, tl)
    tgt_script = script_of(tgt_side.text)
    checked: list[Entity] = []
    unsure: list[Entity] = []  # generic names in a target script we cannot transliterate
    silent: list[Entity] = []  # places that may be words: only a place for a place is reported
    for e in entities:
        span = _match(e, t, sl)
        if span is not None:
            t.used.append(span)
        elif _placed_nearby(e, pair, ctx):
            continue  # the translation puts it in a sentence beside, whose own source lacks it
        elif e.silent:
            silent.append(e)
        elif e.place or t.translit:
            checked.append(e)
        else:
            unsure.append(e)
    if not checked and not unsure and not silent:
        return
    cands = _target_candidates(t, src, entities, ctx)
    t_runs = _runs(cands, tgt_side.text)
    s_runs = _runs(checked, src.text)
    # a place for a place first, then any sure name (word order differs: any distance), then a
    # merely capitalised word close by
    pairs, left_places, _ = pair_up(sorted([r for r in s_runs if r.place] + _runs(silent, src.text),
                                           key=lambda r: r.start),
                                    [r for r in t_runs if r.place], src, tgt_side, max_dist=1.0)
    left_places = [r for r in left_places if not any(i.silent for i in r.items)]
    left = sorted([r for r in s_runs if not r.place] + left_places, key=lambda r: r.start)

    def free(tier: int) -> list[Run]:
        taken = {id(t) for _, t in pairs}
        return [r for r in t_runs if id(r) not in taken and (r.tier == 1) == (tier == 1)]

    more, left, _ = pair_up(left, free(1), src, tgt_side, max_dist=1.0)
    pairs += more
    if left:
        more, left, _ = pair_up(left, free(2), src, tgt_side, max_dist=0.2)
        pairs += more
    t_left = free(1)
    if unsure:
        latin = [r for r in t_left if r.tier == 1 and not r.place
                 and script_of(tgt_side.text[r.start:r.end]) == "Latin"]
        more, unsure_left, _ = pair_up(_runs(unsure, src.text), latin, src, tgt_side, max_dist=0.35)
        pairs += more
        if unsure_left:
            what = f"{tgt_script or 'this'} script"
            if tl:
                what = f"{cldr.language_name(tl)} ({what})"
            ctx.note("TQ203", f"Names in {what} are checked only against CLDR "
                              "place names and Latin spellings.")
    # a name the source repeats is reported once per pair: changed where it is changed, else
    # missing at its first place, with the count
    reported: set[str] = set()  # source names (casefolded)
    # two or more source names the translation lacks: which one became the target's name is a
    # guess (by position), so the translator's knowing the name elsewhere makes no change sure
    rivals = len({src.text[r.start:r.end].casefold() for r in s_runs}) > 1
    for sr, tr in sorted(pairs, key=lambda p: p[0].start):
        stext, ttext = src.text[sr.start:sr.end], tgt_side.text[tr.start:tr.end]
        if stext.casefold() in reported:
            continue  # reported already, as changed at an earlier place
        reported.add(stext.casefold())
        sure = tr.tier == 1 and ((_rendered_elsewhere(sr, ctx) and not rivals) or (sr.place and tr.place)) \
            and not any(i.silent for i in sr.items)
        yield ctx.finding(
            "TQ203", pair, src_span=(sr.start, sr.end), tgt_span=(tr.start, tr.end),
            message=f"The name {_q(stext)} of the source appears as {_q(ttext)} in the translation.",
            suggestion=_suggest(sr, tr, src.text, tgt_side.text, tl),
            severity=None if sure else "minor", confidence=0.8 if sure else 0.55)
    for sr in left:
        if all(getattr(i, "noun_lang", False) for i in sr.items):
            continue  # perhaps a noun (German): only a changed name is worth a look
        stext = src.text[sr.start:sr.end]
        if stext.casefold() in reported:
            continue  # reported already (changed, or missing at an earlier place)
        reported.add(stext.casefold())
        times = sum(1 for r in left if src.text[r.start:r.end].casefold() == stext.casefold())
        how = "its CLDR name, " if sr.place else ""
        yield ctx.finding(
            "TQ203", pair, src_span=(sr.start, sr.end),
            message=f"The name {_q(stext)} of the source{f' ({times} times)' if times > 1 else ''} is "
                    f"missing from the translation (not found as written, as {how}a transliteration "
                    "or an inflected form).",
            severity="minor", confidence=0.6 if sr.place else 0.5 if len(sr.items) > 1 else 0.4)


def _sentence_target(ctx: CheckContext, j: int) -> Target:
    """Target sentence ``j`` read as :func:`_target` reads a pair's target side (cached)."""
    key = ("tq203-target-sentence", j)
    if key not in ctx.cache:
        ctx.cache[key] = _target(Side(text=ctx.target.sentences[j].text, lang=ctx.tgt_lang), ctx.tgt_lang)
    return ctx.cache[key]


def _in_source(e: Entity, text: str) -> bool:
    """Whether source text ``text`` has the name ``e`` (each of its words, as written or
    inflected)."""
    words = [w for w in WORD.findall(e.text) if len(w) >= 2 and w[:1].isupper()] or [e.text]
    toks = WORD.findall(text)
    return all(any(same_name(w, tok) for tok in toks) for w in words)


def _placed_nearby(e: Entity, pair: Pair, ctx: CheckContext) -> bool:
    """Whether a source name that the pair's translation lacks stands in a target sentence
    nearby (:meth:`~.base.CheckContext.nearby`) whose own source does not have it: the
    translation moved it across a sentence boundary (sentences cut differently, a clause
    placed in the next sentence), so it is neither missing nor changed into the names this
    translation has. A name the neighbour's own source has too (a name on every line) says
    nothing."""
    if ctx.src_lang is None:
        return False
    for j, mates in ctx.nearby(pair, "tgt"):
        t = _sentence_target(ctx, j)
        span = _match(e, t, ctx.src_lang)
        if span is None or span == (0, 0):
            continue
        if is_cased_script(script_of(t.side.text)) and not t.side.text[span[0]:span[0] + 1].isupper():
            continue  # a word that resembles the name (matériel, zwischen), not the name
        if not _in_source(e, " ".join(m.text for m in mates)):
            return True
    return False


def _rendered_elsewhere(run: Run, ctx: CheckContext) -> bool:
    """Some name of ``run`` is rendered somewhere in the target document: the translator knows
    how to write it, so a different name here is a change, not an exonym CLDR does not know
    (Matterhorn → Cervin)."""
    idx = _target_doc_index(ctx)
    for e in run.items:
        if e.keys & idx["places"]:
            return True
        k = name_key(e.text)
        # the words of this pair did not match, so a match is in another sentence
        if k and any(similarity(k, other) >= SAME_NAME for other in idx["keys"].get(k[:1], ())):
            return True
    return False


def _target_doc_index(ctx: CheckContext) -> dict:
    """Name keys of the capitalised words of the target document (by first letter) and the CLDR
    places it names; built once per document."""
    key = "tq203_target_index"
    if key not in ctx.cache:
        keys: dict[str, set[str]] = {}
        for m in WORD.finditer(ctx.target.text):
            tok = m.group(0)
            if tok[:1].isupper() or not is_cased_script(char_script(tok[0])):
                for f in token_forms(tok):
                    k = name_key(f)
                    if k:
                        keys.setdefault(k[:1], set()).add(k)
        matcher = place_matcher(ctx.tgt_lang)
        places: set[str] = set()
        if matcher:
            for sent in ctx.target.sentences:
                for h in matcher.find(sent.text, loose=True, cased=False):
                    places |= h.keys
        ctx.cache[key] = {"keys": keys, "places": frozenset(places)}
    return ctx.cache[key]


def _suggest(sr: Run, tr: Run, stext: str, ttext: str, tl: str | None) -> str | None:
    if len(sr.items) == 1 and sr.items[0].keys:
        names = [n for k in sorted(sr.items[0].keys) for n in cldr.place_name_in(k, tl)]
        if names:
            return names[0]
    src_script, tgt_script = script_of(stext[sr.start:sr.end]), script_of(ttext[tr.start:tr.end])
    if src_script == tgt_script:
        return stext[sr.start:sr.end]
    return None
