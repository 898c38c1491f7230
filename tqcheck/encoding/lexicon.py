"""What a language's words and letters look like, from library data only.

* word frequencies: wordfreq (Zipf scale: 0 = unknown, 3 = once per million words);
* the letters a language normally uses ("exemplar" letters): the letters of its
  10,000 most frequent wordfreq words, joined with the letters of its CLDR names
  (languages, territories, months, days) from babel. (Babel does not ship CLDR's
  ``exemplarCharacters`` themselves, so they are rebuilt from data it does ship.)

A :class:`Lexicon` is built once per language and cached; its letters are kept between runs
in the start-up cache (:mod:`tqcheck.lang.diskcache`), its word frequencies are wordfreq's list
(:mod:`tqcheck.lang.wordtable`), loaded the first time a word is looked up.
"""
from __future__ import annotations

import math
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

#: Languages whose casing maps i <-> İ and ı <-> I (Unicode SpecialCasing: tr, az) and
#: other Turkic languages written with the same Latin letters.
TURKIC = frozenset({"tr", "az", "crh", "gag", "kaa", "tt"})

#: langcodes calls many different languages "close" (az → ru at 44, lb → de at 8); only
#: near-identical tags are accepted (no → nb, sr-Latn → sh) …
_MAX_LANG_DISTANCE = 5
#: … and the languages wordfreq documents its Serbo-Croatian list ("sh") to cover.
_WORDFREQ_ALIASES = {"hr": "sh", "bs": "sh", "sr": "sh", "cnr": "sh"}


def base_lang(lang: str | None) -> str | None:
    """``'tr-TR'`` → ``'tr'``; None stays None."""
    if not lang:
        return None
    code = lang.strip().replace("_", "-").lower().split("-")[0]
    return code or None


@lru_cache(maxsize=None)
def wordfreq_lang(lang: str | None) -> str | None:
    """The wordfreq list to use for ``lang``, or None when wordfreq has none close enough."""
    code = base_lang(lang)
    if code is None:
        return None
    try:
        import langcodes
        import wordfreq

        avail = wordfreq.available_languages()
        if code in avail:
            return code
        if _WORDFREQ_ALIASES.get(code) in avail:
            return _WORDFREQ_ALIASES[code]
        return langcodes.closest_supported_match(code, list(avail), max_distance=_MAX_LANG_DISTANCE)
    except Exception:  # pragma: no cover - missing data
        return None


@lru_cache(maxsize=None)
def _is_plain_letter(ch: str) -> bool:
    """A letter with no compatibility decomposition (excludes ª º ﬁ …)."""
    return unicodedata.category(ch).startswith("L") and unicodedata.normalize("NFKC", ch) == ch


def _plain(word: str) -> bool:
    return unicodedata.normalize("NFKC", word) == unicodedata.normalize("NFC", word)


def _upper(ch: str, turkic: bool) -> str | None:
    if turkic and ch == "i":
        return "İ"
    u = ch.upper()
    return u if len(u) == 1 else None


@lru_cache(maxsize=None)
def _babel_letter_counts(code: str) -> Counter:
    """Letters of the locale's own words in CLDR: language and script names, months, days
    (territory and currency names are left out: they carry foreign names such as São Tomé)."""
    counts: Counter = Counter()
    try:
        from babel import Locale

        loc = Locale.parse(code)
    except Exception:
        return counts
    texts: list[str] = []
    for mapping in (loc.languages, loc.scripts):
        texts.extend(mapping.values())
    for table in (loc.months, loc.days):
        for ctx in table.values():
            for width in ctx.values():
                texts.extend(width.values())
    for t in texts:
        counts.update(ch for ch in t.lower() if _is_plain_letter(ch))
    return counts


def _token_shares(wf: str, n: int = 20000) -> dict[str, float]:
    """Share of running words (by frequency) of the ``n`` most frequent words holding each letter."""
    import wordfreq

    from ..lang.wordtable import frequency_table

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        freq = frequency_table(wf)  # wordfreq.get_frequency_dict(wf, "best"), from the cache
        top = wordfreq.top_n_list(wf, n)
    mass: dict[str, float] = {}
    plain: dict[str, bool] = {}  # _is_plain_letter, without a cache call per letter
    total = 0.0
    for w in top:
        f = freq.get(w, 0.0)
        total += f
        for ch in set(w):
            p = plain.get(ch)
            if p is None:
                p = plain[ch] = _is_plain_letter(ch)
            if p:
                mass[ch] = mass.get(ch, 0.0) + f  # per letter, added in the words' order
    return {ch: m / total for ch, m in mass.items()} if total else {}


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ")[0]
    except ValueError:
        return "UNKNOWN"


@dataclass
class Lexicon:
    """Word frequencies and letters of one language."""

    lang: str
    wf_lang: str | None
    #: lower- and upper-case letters the language uses, rare ones included (ASCII letters
    #: included for Latin-script languages)
    alphabet: frozenset[str]
    #: the letters of running text (a subset of ``alphabet``): anything else is worth a look
    core: frozenset[str]
    #: the language's main script ("LATIN", "CYRILLIC", "GREEK", …) or "" when unknown
    script: str
    min_zipf: float = 0.0
    #: wordfreq has a word list for the language (loaded on the first :meth:`zipf`)
    has_words: bool = False
    _freq: object = field(default=None, repr=False)
    _cache: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def turkic(self) -> bool:
        return self.lang in TURKIC

    @property
    def strong_floor(self) -> float:
        """Zipf a repair must reach to count as a known word on its own."""
        return max(self.min_zipf, 2.0)

    def _table(self):
        """wordfreq's frequencies of the language (``get_frequency_dict``), loaded on first use:
        many texts never need them (no character of a text looks damaged)."""
        if self._freq is None:
            from ..lang.wordtable import frequency_table

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._freq = frequency_table(self.wf_lang)
        return self._freq

    def zipf(self, word: str) -> float:
        """Zipf frequency of one word (no spaces); 0.0 when unknown or no word list.

        A word holding compatibility characters (``º``, ``ﬂ``, ``²``) is unknown as written, even
        though wordfreq would look up its NFKC form."""
        z = self._cache.get(word)
        if z is not None:
            return z
        z = 0.0
        if self.has_words and word and (word.isascii() or _plain(word)):
            from wordfreq.preprocess import preprocess_text

            f = self._table().get(preprocess_text(word, self.wf_lang))
            if f:
                z = round(math.log10(f) + 9, 2)
        if len(self._cache) < 500_000:
            self._cache[word] = z
        return z

    def known(self, word: str, floor: float | None = None) -> bool:
        return self.zipf(word) >= (self.strong_floor if floor is None else floor)


#: a letter is part of the language when this share of running words holds it …
ALPHABET_SHARE = 1e-4
#: … and part of its everyday letters (not worth a look) at this share
CORE_SHARE = 1e-3


@lru_cache(maxsize=64)
def lexicon(lang: str | None) -> Lexicon | None:
    """The cached :class:`Lexicon` of ``lang`` (None for ``lang=None``). Its letters come from
    the start-up cache (:func:`letter_data`); its word frequencies are loaded on first use."""
    code = base_lang(lang)
    if code is None:
        return None
    d = letter_data(code)
    return Lexicon(code, d["wf"], frozenset(d["alphabet"]), frozenset(d["core"]), d["script"],
                   d["min_zipf"], d["wf"] is not None)


#: bump when what :func:`_build_letter_data` returns changes (the source stamp catches edits too)
_LETTERS_FORMAT = 1


def _letters_key(code: str) -> str:
    from ..lang import diskcache

    return diskcache.key({"kind": "letters", "format": str(_LETTERS_FORMAT), "lang": code,
                          "tqcheck": diskcache.version("tqcheck"),
                          "wordfreq": diskcache.version("wordfreq"),
                          "babel": diskcache.version("babel"),
                          "langcodes": diskcache.version("langcodes"),
                          "unicode": unicodedata.unidata_version,
                          "code": diskcache.source_stamp("encoding/lexicon.py")})


def letter_data(code: str) -> dict:
    """What :class:`Lexicon` knows of a language besides word frequencies, as plain data
    (``wf``, ``alphabet``, ``core``, ``script``, ``min_zipf``): from the start-up cache
    (:mod:`tqcheck.lang.diskcache`; building it reads the language's whole wordfreq list and
    its CLDR names, about 0.1–0.4 s per language), built and stored on a miss."""
    from ..lang import diskcache

    ck = _letters_key(code)
    where = diskcache.path("letters", code, ck, "json")
    d = diskcache.read_json(where)
    if _valid_letter_data(d, ck):
        return d
    d = _build_letter_data(code)
    d["key"] = ck
    diskcache.write_json(where, d)
    return d


def _valid_letter_data(d: object, ck: str) -> bool:
    return (isinstance(d, dict) and d.get("key") == ck
            and (d.get("wf") is None or isinstance(d.get("wf"), str))
            and isinstance(d.get("alphabet"), str) and isinstance(d.get("core"), str)
            and isinstance(d.get("script"), str) and type(d.get("min_zipf")) in (int, float))


def _build_letter_data(code: str) -> dict:
    wf = wordfreq_lang(code)
    turkic = code in TURKIC
    bab = _babel_letter_counts(code)
    native = {ch for ch, n in bab.items() if n >= 3}
    # letters wordfreq cannot see because case folding rewrites them (ß → ss)
    native |= {ch for ch in bab if ch.casefold() != ch.lower()}
    min_zipf = 0.0
    letters, core = set(native), set(native)
    if wf is not None:
        from ..lang.wordtable import WordTable, frequency_table

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            freq = frequency_table(wf)  # wordfreq.get_frequency_dict(wf, "best")
        if freq:
            low = freq.min_freq() if isinstance(freq, WordTable) else min(freq.values())
            min_zipf = round(math.log10(low) + 9, 2)
        shares = _token_shares(wf)
        letters |= {ch for ch, x in shares.items() if x >= ALPHABET_SHARE}
        core |= {ch for ch, x in shares.items() if x >= CORE_SHARE}

    def plain(alphabet: set[str] | frozenset[str], core_: set[str] | frozenset[str], script: str) -> dict:
        return {"wf": wf, "alphabet": "".join(sorted(alphabet)), "core": "".join(sorted(core_)),
                "script": script, "min_zipf": min_zipf}

    if not letters:
        return plain(set(), set(), "")
    script = Counter(_script(ch) for ch in core or letters).most_common(1)[0][0]
    # letters of foreign words in another script (Latin words in Russian text) are not the language's
    letters = {ch for ch in letters if _script(ch) == script}
    core = {ch for ch in core if _script(ch) == script}
    if script == "LATIN":
        ascii_ = set("abcdefghijklmnopqrstuvwxyz")
        letters |= ascii_
        core |= ascii_
        if turkic:
            letters.add("ı")
            core.add("ı")

    def cased(chars: set[str]) -> frozenset[str]:
        out = set(chars)
        for ch in chars:
            u = _upper(ch, turkic)
            if u:
                out.add(u)
        if turkic:
            out.add("I")
        return frozenset(out)

    return plain(cased(letters), cased(core), script)
