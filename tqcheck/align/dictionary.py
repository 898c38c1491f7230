"""A bilingual dictionary given by the user: word pairs the aligner and the checks may trust.

Without one, tqcheck sees what two languages share on the surface (names, numbers, cognates,
transliterations) and a small lexicon it learns from the document pair itself
(:mod:`.lexicon`). Sentences with none of those ("Aber nein , sie lässt mich vollkommen
gleichgültig" / "Mais non , elle me laisse complètement indifférent") are linked by their
lengths alone, and an omitted, added or swapped sentence among them can go unseen. A word list
such as hunalign's dictionary, a FreeDict or WikDict export or a project's termbase fills that gap.

Each entry becomes a shared feature ``D:<source word>``: a source sentence has it when it
contains the source word, a target sentence when it contains any translation the dictionary
gives for it. Words are compared as the rest of the features are (transliterated, lower-cased)
and cut to their first :data:`STEM` letters, the truncation stemming of cross-language
retrieval: ``Gipfel``/``Gipfels``, ``sommet``/``sommets``, ``destek``/``desteğimizi`` meet
without knowing any language's endings. A word of a script written without spaces (``登山``) is
found as it is written, anywhere in a sentence. The features are weighted by how rare they are
in the document pair, as every other feature.

File formats (UTF-8, one pair per line; empty lines and lines starting with ``#`` skipped):

* two columns separated by a tab, or a comma or semicolon table (quoted cells allowed; further
  columns ignored): ``source<TAB>target``; a first line of two language codes (``de<TAB>fr``)
  names the columns' languages, and a dictionary whose header names the document pair's
  languages the other way round is read the other way round; a first line of a glossary's
  column names (``source,target,note``) is skipped;
* hunalign's format: ``target @ source``;
* a TBX termbase (``.tbx``, or any file starting with ``<``), read as TQ521's glossary is (the
  hardened XML reader; its languages from the file), do-not-translate terms left out;
* a dictd dictionary (``.index`` with its ``.dict.dz`` beside it: FreeDict's format, which
  ``apt install dict-freedict-deu-fra`` puts in ``/usr/share/dictd``), read by
  :mod:`tqcheck.io.dictd`; its languages from its file name or its short name;
* :data:`AUTO` (``--dictionary auto``): for each document pair, the dictd dictionaries installed
  for its languages, or one made through a third language from two that are
  (:func:`pivot_dictionary`).

Entries of several words on either side are skipped (the features are words), and words under
:data:`MIN_LETTERS` letters of scripts written with spaces.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re

import regex
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import InputError
from .features import _TOKEN, _token_info, translit

#: words are compared by their first this many letters (transliterated, lower case)
STEM = 6
#: entries whose words are shorter than this (after transliteration) are skipped: two-letter
#: words are mostly function words and abbreviations, everywhere in both texts
MIN_LETTERS = 3
#: a word of the text may be a dictionary word of at least _MIN_STEM letters with an ending of up
#: to _ENDING letters (when the dictionary word is shorter than STEM)
_ENDING = 2
_MIN_STEM = 4
#: tokens whose features a dictionary remembers, per side (the cache is emptied beyond)
_SEEN_MAX = 500_000
#: a dictionary file larger than this is refused (a word list of a few million pairs)
MAX_BYTES = 200_000_000

#: characters of scripts written without spaces between words
_UNSPACED_CLASS = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]"
_UNSPACED = regex.compile(_UNSPACED_CLASS)
_UNSPACED_RUN = regex.compile(_UNSPACED_CLASS + "+")
#: the longest word of such a script that is looked for
MAX_UNSPACED = 8
_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def stem(word: str) -> str:
    """The comparison key of a word: transliterated, lower case, its first :data:`STEM` letters;
    a word of a script written without spaces (Chinese, Japanese, Thai …) is its own key,
    marked ``=`` (it is found in a sentence as a substring)."""
    if _UNSPACED.search(word):
        return "=" + word
    return translit(word)[:STEM]


def _long_enough(word: str) -> bool:
    return bool(_UNSPACED.search(word)) or len(translit(word)) >= MIN_LETTERS


@dataclass
class Dictionary:
    """Source stem → the stems of its translations, with where it came from."""

    pairs: dict[str, frozenset[str]]
    src_lang: str | None = None
    tgt_lang: str | None = None
    name: str = "dictionary"
    digest: str = ""
    skipped: int = 0
    _inv: dict[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    _rev: "Dictionary | None" = field(default=None, repr=False, compare=False)
    #: token → its features, for the source side and the target side (see :meth:`features`)
    _seen: tuple[dict, dict] = field(default_factory=lambda: ({}, {}), repr=False, compare=False)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]], src_lang: str | None = None,
                   tgt_lang: str | None = None, name: str = "dictionary") -> "Dictionary":
        """A dictionary from (source word, target word) pairs (entries of several words or of
        fewer than :data:`MIN_LETTERS` letters are skipped)."""
        fw: dict[str, set[str]] = {}
        skipped = 0
        read: dict[str, str | None] = {}  # word → its key, None when too short (a word is read once)

        def key(w: str) -> str | None:
            k = read.get(w, "")
            if k == "":
                k = read[w] = stem(w) if _long_enough(w) else None
            return k

        for a, b in pairs:
            a, b = a.strip(), b.strip()
            if not a or not b or len(a.split()) > 1 or len(b.split()) > 1:
                skipped += 1
                continue
            sa, sb = key(a), key(b)
            if sa is None or sb is None:
                skipped += 1
                continue
            fw.setdefault(sa, set()).add(sb)
        frozen = {k: frozenset(fw[k]) for k in sorted(fw)}
        h = hashlib.sha256("\n".join(f"{k}\t{' '.join(sorted(v)) if len(v) > 1 else next(iter(v))}"
                                     for k, v in frozen.items()).encode("utf-8")).hexdigest()[:8]
        return cls(frozen, src_lang, tgt_lang, name, h, skipped)

    def __len__(self) -> int:
        return len(self.pairs)

    @property
    def id(self) -> str:
        """``name@digest`` as the report's signature records it (the digest is of the entries
        as read, so two copies of one word list compare equal)."""
        return f"{self.name}@{self.digest}"

    def reversed(self) -> "Dictionary":
        """The same word pairs read from target to source (made once: every document pair of a
        run reads the same object, and its token cache)."""
        if self._rev is None:
            self._rev = Dictionary({k: frozenset(v) for k, v in sorted(self._inverse().items())}, self.tgt_lang,
                                   self.src_lang, self.name, self.digest, self.skipped)
            self._rev._rev = self
        return self._rev

    def oriented(self, src_lang: str | None, tgt_lang: str | None) -> "Dictionary | None":
        """This dictionary read for a document pair ``src_lang`` → ``tgt_lang``: reversed when
        its header names the two languages the other way round, None when it names other
        languages (a project's dictionaries for several pairs apply each to its own). A
        dictionary without a header, or a pair whose languages are unknown, is read as it is."""
        s, t, a, b = _base(self.src_lang), _base(self.tgt_lang), _base(src_lang), _base(tgt_lang)
        if not (s and t and a and b):
            return self
        if (s, t) == (a, b):
            return self
        if (s, t) == (b, a):
            return self.reversed()
        return None

    def _inverse(self) -> dict[str, tuple[str, ...]]:
        if self._inv is None:
            inv: dict[str, list[str]] = {}
            for a, bs in self.pairs.items():
                for b in bs:
                    inv.setdefault(b, []).append(a)
            self._inv = {k: tuple(v) for k, v in inv.items()}
        return self._inv

    def features(self, src: Sequence[str], tgt: Sequence[str]) -> tuple[list[Counter], list[Counter]]:
        """The features ``D:<source key>`` of each sentence: a source sentence has one for each
        dictionary word it contains, a target sentence one for each source word that one of its
        words translates. Each distinct token is looked up once per dictionary (a bounded cache),
        so reading a pair again (the aligner, then the checks) costs little."""
        es, et = self.feature_sets(src, tgt)
        return [Counter(dict.fromkeys(f, 1)) for f in es], [Counter(dict.fromkeys(f, 1)) for f in et]

    def feature_sets(self, src: Sequence[str], tgt: Sequence[str]) -> tuple[Iterator[set[str]], Iterator[set[str]]]:
        """:meth:`features` as sets, sentence by sentence as they are read (the aligner encodes
        them into its arrays without holding a container per sentence)."""
        return (self._sentence_features(t, True) for t in src), (self._sentence_features(t, False) for t in tgt)

    def _sentence_features(self, text: str, source: bool) -> set[str]:
        cache = self._seen[0 if source else 1]
        if len(cache) > _SEEN_MAX:
            cache.clear()
        feats: set[str] = set()
        for raw in _TOKEN.findall(text):
            got = cache.get(raw)
            if got is None:
                got = cache[raw] = self._lookup(_token_keys(raw), source)
            feats.update(got)
        if _UNSPACED.search(text):
            feats.update(self._lookup(_unspaced_keys(text), source))
        return feats

    def _lookup(self, keys: Iterable[str], source: bool) -> tuple[str, ...]:
        """The features that words of these keys give on the source or the target side."""
        if source:
            fw = self.pairs
            return tuple(sorted("D:" + k for k in keys if k in fw))
        inv = self._inverse()
        return tuple(sorted({"D:" + a for k in keys for a in inv.get(k, ())}))

    def cover(self, text: str, other: str, *, source: bool) -> tuple[int, int]:
        """(words of ``text`` this dictionary knows that ``other`` translates, words of ``text``
        it knows); ``text`` is on the source side when ``source``, else on the target side."""
        return self.cover_keys(keys(text), keys(other), source=source)

    def cover_keys(self, mine: set[str], theirs: set[str], *, source: bool) -> tuple[int, int]:
        """:meth:`cover` of two texts given by their keys (:func:`keys`), for a caller that
        compares one sentence with several."""
        hit = self.key_hits(mine, theirs, source=source)
        return sum(hit.values()), len(hit)

    def where_met(self, keyed: Sequence[set[str]], *, source: bool) -> dict[str, list[int]]:
        """For each key of the other side this dictionary knows: the positions, in order, of the
        sentences (given by their keys, :func:`keys`) that hold one of its translations.
        ``source``: the sentences are on the target side and the keys are source keys (and the
        other way round)."""
        out: dict[str, list[int]] = {}
        table = self._inverse() if source else self.pairs
        for k, theirs in enumerate(keyed):
            for t in theirs:
                for a in table.get(t, ()):
                    at = out.setdefault(a, [])
                    if not at or at[-1] != k:
                        at.append(k)
        return out

    def claimed_keys(self, mine: set[str], rest: set[str], theirs: set[str], *, source: bool) -> set[str]:
        """The keys of ``mine`` (on the source side when ``source``) whose translations ``theirs``
        (the other side's keys) has only where a key of ``rest`` (``mine``'s side) translates
        them too: words of the other side that may render either."""
        table = self.pairs if source else self._inverse()
        claimed = {t for k in rest if k in table for t in table[k]}
        out: set[str] = set()
        for k in mine:
            met = theirs.intersection(table.get(k, ()))
            if met and met <= claimed:
                out.add(k)
        return out

    def key_hits(self, mine: set[str], theirs: set[str], *, source: bool) -> dict[str, bool]:
        """Each key of ``mine`` this dictionary knows (on the source side when ``source``) and
        whether ``theirs`` (the other side's keys) has one of its translations (in the order of
        ``mine``: a caller that sums floats over them sorts)."""
        if source:
            fw = self.pairs
            return {k: not fw[k].isdisjoint(theirs) for k in mine if k in fw}
        inv = self._inverse()
        return {k: not theirs.isdisjoint(inv[k]) for k in mine if k in inv}


def _token_keys(raw: str) -> tuple[str, ...]:
    """Every key a dictionary word could have that is this token of a text: its stem and, for a
    word that may be a shorter dictionary word with an ending, its prefixes down to two letters
    less (numbers, single characters of scripts without spaces and one-letter words: none)."""
    w, isnum, ischar, _ = _token_info(raw)
    if isnum or ischar or len(w) < 2:
        return ()
    # a word shorter than the stem with an ending of one or two letters: "forces" is a form
    # of "force", "Kräfte" of "Kraft", "Berge" of "Berg"
    return (w[:STEM],) + tuple(w[:k] for k in range(max(_MIN_STEM, len(w) - _ENDING), min(len(w), STEM)))


def _unspaced_keys(text: str) -> set[str]:
    """Each run of up to :data:`MAX_UNSPACED` characters of a script written without spaces."""
    out: set[str] = set()
    for m in _UNSPACED_RUN.finditer(text):
        run = m.group()
        for i in range(len(run)):
            for n in range(1, min(MAX_UNSPACED, len(run) - i) + 1):
                out.add("=" + run[i:i + n])
    return out


def keys(text: str) -> set[str]:
    """Every key a dictionary word of ``text`` could have (:func:`_token_keys` of each token,
    :func:`_unspaced_keys` of the text)."""
    out: set[str] = set()
    for raw in _TOKEN.findall(text):
        out.update(_token_keys(raw))
    if _UNSPACED.search(text):
        out |= _unspaced_keys(text)
    return out


def _base(lang: str | None) -> str | None:
    """``pt-BR`` → ``pt``; None stays None."""
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


#: the last dictionaries merged, and the result (a run reads the same ones for every file pair)
_MERGED: list = [(), None]


def merged(dicts: Sequence[Dictionary]) -> Dictionary:
    """One dictionary of the word pairs of several (read for one document pair)."""
    if len(dicts) == 1:
        return dicts[0]
    last, out = _MERGED
    if len(last) == len(dicts) and all(a is b for a, b in zip(last, dicts)):
        return out
    pairs: dict[str, set[str]] = {}
    for d in dicts:
        for a, bs in d.pairs.items():
            pairs.setdefault(a, set()).update(bs)
    h = hashlib.sha256("+".join(d.digest for d in dicts).encode()).hexdigest()[:8]
    out = Dictionary({k: frozenset(v) for k, v in sorted(pairs.items())}, dicts[0].src_lang,
                     dicts[0].tgt_lang, "+".join(d.name for d in dicts), h, sum(d.skipped for d in dicts))
    _MERGED[:] = [tuple(dicts), out]
    return out


def _is_header(cols: list[str]) -> bool:
    """A first line of two different language tags that CLDR knows, their language subtag in
    lower case (``de<TAB>fr``, ``pt-BR<TAB>en``), not a word pair."""
    from ..lang.cldr import has_data

    if len(cols) != 2 or _base(cols[0]) == _base(cols[1]):
        return False
    for c in cols:
        if not _LANG.fullmatch(c):
            return False
        head = c.replace("_", "-").split("-")[0]
        if head != head.lower() or not has_data(head):
            return False
    return True


#: first-line column names of a glossary table (as TQ521's glossary reads them): a header, not an entry
_COLUMN_NAMES = frozenset({"source", "target", "term", "translation", "src", "tgt", "source term",
                           "target term"})


def parse(text: str, *, path: str = "<dictionary>") -> Dictionary:
    """A dictionary from the text of a file (see the module's description of the formats)."""
    pairs: list[tuple[str, str]] = []
    src_lang = tgt_lang = None
    first = True
    delim = None
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if " @ " in line:
            tgt, _, src = line.partition(" @ ")
            pairs.append((src, tgt))
            first = False
            continue
        if "\t" in line:
            cols = line.split("\t")
        else:
            # a comma- or semicolon-separated table (quoted cells allowed), as its first line shows
            delim = delim or max((",", ";"), key=line.count)
            cols = next(csv.reader([line], delimiter=delim), [])
        cols = [c.strip() for c in cols]
        if len(cols) < 2 or not cols[0] or not cols[1]:
            raise InputError(f"{path}:{no}: not a dictionary entry (expected 'source<TAB>target' or "
                             f"hunalign's 'target @ source'): {raw[:60]!r}")
        if first:
            first = False
            if _is_header(cols[:2]) and len(cols) == 2:
                src_lang, tgt_lang = cols[0], cols[1]
                continue
            if cols[0].lower() in _COLUMN_NAMES:
                continue  # a glossary table's column names
        pairs.append((cols[0], cols[1]))
    return _finish(pairs, src_lang, tgt_lang, path)


def _finish(pairs: list[tuple[str, str]], src_lang: str | None, tgt_lang: str | None, path: str,
            name: str | None = None) -> Dictionary:
    name = name or os.path.splitext(os.path.basename(path))[0] or "dictionary"
    d = Dictionary.from_pairs(pairs, src_lang, tgt_lang, name)
    if not d.pairs:
        raise InputError(f"{path}: no usable word pairs (entries of one word on each side, "
                         f"{MIN_LETTERS} letters or more)")
    return d


def _from_glossary(path: str) -> Dictionary:
    """A TBX termbase (or any glossary TQ521 reads) as a word list: its terms of one word with
    their translations of one word; do-not-translate terms are left out (they are the same on
    both sides, which the other features already see)."""
    from ..checks.l10n_glossary import load_glossary

    g = load_glossary(path)
    pairs = [(t.source, x) for t in g.terms if not t.dnt for x in t.targets]
    return _finish(pairs, g.src_lang, g.tgt_lang, path)


def load_dictionary(path: str | os.PathLike) -> Dictionary:
    """Read a dictionary file (:class:`InputError` naming the file and line for a file that is
    missing, not UTF-8, too large or not a word list); loaded once per process."""
    p = os.fspath(path)
    try:
        st = os.stat(p)
    except OSError as e:
        raise InputError(f"{p}: dictionary file not found ({e.strerror})") from None
    if not os.path.isfile(p):
        raise InputError(f"{p}: the dictionary is not a file")
    if st.st_size > MAX_BYTES:
        raise InputError(f"{p}: the dictionary is too large ({st.st_size:,} bytes; at most {MAX_BYTES:,})")
    return _load(os.path.abspath(p), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int) -> Dictionary:
    from ..io import dictd

    if dictd.is_dictd(path):
        pairs, src, tgt = dictd.read(path, max_bytes=MAX_BYTES)
        return _finish(pairs, src, tgt, path, dictd.name(path))
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data[:4096]:
        raise InputError(f"{path}: the dictionary is a binary file, not a word list")
    if path.lower().endswith((".tbx", ".xml")) or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return _from_glossary(path)  # a termbase: XML read by the hardened reader
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: the dictionary is not UTF-8 (byte 0x{data[e.start]:02x})") from None
    return parse(text, path=path)


#: ``--dictionary auto``: the dictd dictionaries installed for each document pair's languages
#: (:func:`tqcheck.io.dictd.installed`)
AUTO = "auto"


def _items(dictionary) -> list:
    return list(dictionary) if isinstance(dictionary, (list, tuple)) else [dictionary]


def _each(dictionary, src_lang: str | None = None, tgt_lang: str | None = None) -> list[Dictionary]:
    """The dictionaries of ``dictionary`` (a path, a :class:`Dictionary`, :data:`AUTO` or a list
    of them), read; :data:`AUTO` stands for those installed for ``src_lang`` and ``tgt_lang``."""
    out: list[Dictionary] = []
    for x in _items(dictionary):
        if isinstance(x, Dictionary):
            out.append(x)
        elif x == AUTO:
            from ..io import dictd

            have = dictd.by_languages()
            direct = dictd.installed(src_lang, tgt_lang, have)
            out += [load_dictionary(p) for p in direct]
            # else through a third language: the first (English first) that gives word pairs
            for pivot in ([] if direct else dictd.pivots(src_lang, tgt_lang, have)):
                made = pivot_dictionary(_base(src_lang), _base(tgt_lang), *pivot)
                if made is not None:
                    out.append(made)
                    break
        else:
            out.append(load_dictionary(x))
    return out


def load_all(dictionary) -> None:
    """Read every dictionary file of ``dictionary`` (a path, a :class:`Dictionary` or a list)
    now, so that a bad one stops the run before any input is read (:data:`AUTO` is read for
    each document pair, once its languages are known)."""
    _each([x for x in _items(dictionary) if x != AUTO])


def describe(dictionary) -> str:
    """The names and languages of ``dictionary`` (a path, a :class:`Dictionary` or a list), for
    a message: ``de-fr (de → fr), terms``."""
    from ..io import dictd

    named = [d.name + (f" ({d.src_lang} → {d.tgt_lang})" if d.src_lang and d.tgt_lang else "")
             for d in _each([x for x in _items(dictionary) if x != AUTO])]
    if AUTO in _items(dictionary):
        named.append(f"auto: none installed for the pair, nor for it and a third language, in "
                     f"{', '.join(dictd.dirs()) or 'no folder'}")
    return ", ".join(named)


def pivot_dictionary(src_lang: str, tgt_lang: str, pivot: str, first: Sequence[str],
                     second: Sequence[str]) -> Dictionary | None:
    """A dictionary of ``src_lang`` → ``tgt_lang`` made from two dictd dictionaries through a third
    language (``first``: source–pivot files, ``second``: pivot–target, either way round), by
    inverse consultation: a source word's translations through each of its pivot words, kept
    when two or more pivot words lead to the same one (``Gipfel`` → summit, peak → ``sommet``),
    or when the word has only one (a word of many senses otherwise brings the translations of
    each: ``Bank`` → bank → ``rive``). Made once per process for the same files, and kept in the
    start-up cache; None when no word pair comes through."""
    stats = tuple((p, st.st_size, st.st_mtime_ns) for p, st in ((p, os.stat(p)) for p in (*first, *second)))
    return _pivot(src_lang, tgt_lang, pivot, tuple(first), tuple(second), stats)


@lru_cache(maxsize=4)
def _pivot(src_lang: str, tgt_lang: str, pivot: str, first: tuple[str, ...], second: tuple[str, ...],
           stats: tuple) -> Dictionary | None:
    from ..io import dictd
    from ..lang import diskcache

    name = f"{src_lang}-{tgt_lang}-via-{pivot}"
    got = dictd.cached("pivot", name, {"code": diskcache.source_stamp("io/dictd.py", "align/dictionary.py"),
                                       "files": ";".join(f"{p}:{a}:{b}" for p, a, b in stats)},
                       lambda: {"pairs": _pivot_pairs(src_lang, pivot, first, second)})
    d = Dictionary.from_pairs(got["pairs"], src_lang, tgt_lang, name)
    return d if d.pairs else None


def _pivot_pairs(src_lang: str, pivot: str, first: Sequence[str], second: Sequence[str]) -> list[tuple[str, str]]:
    """The word pairs of :func:`pivot_dictionary`."""
    from ..io import dictd

    def table(paths: Sequence[str], frm: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for path in paths:
            pairs, a, _ = dictd.read(path, max_bytes=MAX_BYTES)
            forward = _base(a) == frm
            for x, y in pairs:
                k, v = (x, y) if forward else (y, x)
                out.setdefault(k.lower(), set()).add(v.lower())
        return out

    to_pivot, from_pivot = table(first, src_lang), table(second, pivot)
    pairs: list[tuple[str, str]] = []
    for word in sorted(to_pivot):
        paths: Counter = Counter()
        for p in to_pivot[word]:
            paths.update(from_pivot.get(p, ()))
        if len(paths) == 1:
            pairs.append((word, next(iter(paths))))
        else:
            pairs += [(word, t) for t, n in sorted(paths.items()) if n >= 2]
    return pairs


def resolve(dictionary, src_lang: str | None, tgt_lang: str | None) -> Dictionary | None:
    """The dictionary of a document pair: ``dictionary`` is a path, a :class:`Dictionary`,
    :data:`AUTO` or a list of them; each is read for ``src_lang`` → ``tgt_lang``
    (:meth:`Dictionary.oriented`) and those that apply are merged. None when none applies."""
    if dictionary is None:
        return None
    out = [o for o in (d.oriented(src_lang, tgt_lang) for d in _each(dictionary, src_lang, tgt_lang))
           if o is not None]
    return merged(out) if out else None
