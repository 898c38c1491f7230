"""wordfreq's word lists as hash tables in the start-up cache (:mod:`.diskcache`).

wordfreq turns a language's whole list into a dict the first time one word of it is looked up
(0.06 million to 0.7 million words: 0.02–0.35 s per language, on every run); a check of a few
hundred entries may look up words of ten languages (the target, the source, the other
languages of a script that tell names from common words). Here each list is written once (the
second time a run needs it: :func:`_table`) as a table that loads in a few milliseconds: the
words' UTF-8 bytes, grouped by CRC-32 (``zlib.crc32``) of those bytes, with the frequency level
of each word. A look-up hashes the word and compares the bytes of the one or two words of its
group. The tables take 0.6–24 MB per language (the size of wordfreq's list).

:func:`zipf_frequency` is wordfreq's ``zipf_frequency`` (``wordlist="best"``,
``minimum=0``) with the table in place of the dict: the same tokenizer
(``lossy_tokenize``), the same number smashing and the same arithmetic, so the same floats
(tested word for word against wordfreq). Without a cache folder it *is* wordfreq's function.
"""
from __future__ import annotations

import logging
import math
import struct
import threading
import unicodedata
import zlib
from array import array
from functools import lru_cache

from . import diskcache

_MAGIC = b"TQWT"
_FORMAT = 1
#: magic, byte order check, format, words, indexed words, groups, levels, blob bytes, key bytes
#: (then the key, the arrays, the blob and a CRC-32 of everything before it)
_HEAD = struct.Struct("<4sIIIIIIII")
_ORDER = 0x01020304
_lock = threading.Lock()


class WordTable:
    """A read-only ``{word: frequency}`` of one wordfreq list: ``table.get(word)`` is
    ``wordfreq.get_frequency_dict(lang).get(word)``.

    Arrays: ``offs`` (the words' UTF-8 bytes in ``blob``, in the list's order), ``levels`` (each
    word's bucket: 0 = most frequent), ``ids`` (the words ordered by CRC-32) and ``starts`` (where
    the words of each group of the CRC's top bits begin in ``ids``)."""

    __slots__ = ("_starts", "_ids", "_offs", "_levels", "_blob", "_shift", "_freqs", "size", "_memo")

    def __init__(self, starts: array, ids: array, offs: array, levels: array, blob: bytes,
                 freqs: list[float]):
        self._starts, self._ids, self._offs, self._levels, self._blob = starts, ids, offs, levels, blob
        self._shift = 32 - (len(starts) - 2).bit_length()
        self._freqs = freqs
        self.size = len(ids)
        self._memo: dict[str, float | None] = {}   # words looked up: a dict read the next time

    def level(self, word: str) -> int | None:
        """The list's level of ``word`` (0 = most frequent: the index of its wordfreq bucket)."""
        b = word.encode("utf-8", "surrogatepass")
        h = zlib.crc32(b) >> self._shift
        ids, offs, blob = self._ids, self._offs, self._blob
        for k in range(self._starts[h], self._starts[h + 1]):
            i = ids[k]
            if blob[offs[i]:offs[i + 1]] == b:
                return self._levels[i]
        return None

    def get(self, word: str, default=None):
        memo = self._memo
        try:
            f = memo[word]
        except KeyError:
            lv = self.level(word)
            f = None if lv is None else self._freqs[lv]
            if len(memo) >= 200_000:
                memo.clear()
            memo[word] = f
        return default if f is None else f

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.level(word) is not None

    def __getitem__(self, word: str) -> float:
        lv = self.level(word)
        if lv is None:
            raise KeyError(word)
        return self._freqs[lv]

    def __len__(self) -> int:
        return self.size

    def min_freq(self) -> float | None:
        """The smallest frequency of the list (``min(dict.values())``), None when it is empty."""
        return self._freqs[max(self._levels[i] for i in self._ids)] if self.size else None

    # -- building and storing ------------------------------------------------------------------------
    @classmethod
    def build(cls, pack: list[list[str]]) -> WordTable:
        """From wordfreq's buckets (:func:`wordfreq.get_frequency_list`); a word listed twice gets
        its last level, as in ``get_frequency_dict``."""
        import itertools

        import numpy as np
        from wordfreq import cB_to_freq

        from .._gc import paused

        with paused():
            enc = [w.encode("utf-8", "surrogatepass") for w in itertools.chain.from_iterable(pack)]
            n = len(enc)
            bits = max(1, (n - 1).bit_length())  # 2**bits groups: about one word per group
            levels = np.repeat(np.arange(len(pack), dtype=np.uint16),
                               np.fromiter(map(len, pack), dtype=np.int64, count=len(pack)))
            crc = np.fromiter(map(zlib.crc32, enc), dtype=np.uint32, count=n)
            order = np.argsort(crc, kind="stable")  # equal CRCs: the list's order
            sorted_crc = crc[order]
            drop: list[int] = []
            # a word listed twice has one CRC twice: among the (few) words sharing a CRC, only
            # the last listing of each word counts (its rarest level), as in a dict
            same = np.flatnonzero(sorted_crc[1:] == sorted_crc[:-1]).tolist()
            runs: dict[int, list[int]] = {}
            for k in same:
                runs.setdefault(int(sorted_crc[k]), []).extend((int(order[k]), int(order[k + 1])))
            for positions in runs.values():
                last = {enc[i]: i for i in sorted(set(positions))}
                drop.extend(i for i in set(positions) if last[enc[i]] != i)
            if drop:
                order = order[~np.isin(order, np.array(drop, dtype=order.dtype))]
            groups = (crc[order] >> np.uint32(32 - bits)).astype(np.int64)
            starts = np.zeros((1 << bits) + 1, dtype=np.uint32)
            np.cumsum(np.bincount(groups, minlength=1 << bits), out=starts[1:])
            offs = np.zeros(n + 1, dtype=np.uint32)
            np.cumsum(np.fromiter(map(len, enc), dtype=np.uint32, count=n), out=offs[1:])
            blob = b"".join(enc)
        freqs = [cB_to_freq(-i) for i in range(len(pack))]
        return cls(array("I", starts.tobytes()), array("I", order.astype(np.uint32).tobytes()),
                   array("I", offs.tobytes()), array("H", levels.tobytes()), blob, freqs)

    def to_bytes(self, cache_key: str) -> bytes:
        body = b"".join((self._starts.tobytes(), self._ids.tobytes(), self._offs.tobytes(),
                         self._levels.tobytes(), self._blob))
        k = cache_key.encode("utf-8")
        head = _HEAD.pack(_MAGIC, _ORDER, _FORMAT, len(self._offs) - 1, len(self._ids),
                          len(self._starts) - 1, len(self._freqs), len(self._blob), len(k))
        return head + k + body + struct.pack("<I", zlib.crc32(head + k + body))

    @classmethod
    def from_bytes(cls, data: bytes, cache_key: str) -> WordTable | None:
        """The table stored in ``data``, or None when ``data`` is not one written for
        ``cache_key`` (another version, truncated, changed bytes)."""
        from wordfreq import cB_to_freq

        try:
            magic, order, fmt, n, nids, ngroups, nlev, nblob, nkey = _HEAD.unpack_from(data)
        except struct.error:
            return None
        if (magic != _MAGIC or order != _ORDER or fmt != _FORMAT or ngroups < 2
                or ngroups & (ngroups - 1) or nids > n):
            return None
        k = cache_key.encode("utf-8")
        pos = _HEAD.size
        if nkey != len(k) or data[pos:pos + nkey] != k:
            return None
        pos += nkey
        sizes = (4 * (ngroups + 1), 4 * nids, 4 * (n + 1), 2 * n, nblob)
        if (len(data) != pos + sum(sizes) + 4
                or zlib.crc32(memoryview(data)[:-4]) != struct.unpack("<I", data[-4:])[0]):
            return None
        parts = []
        for code, nbytes in zip("IIIH", sizes):
            a = array(code)
            a.frombytes(memoryview(data)[pos:pos + nbytes])
            parts.append(a)
            pos += nbytes
        starts, ids, offs, levels = parts
        blob = data[pos:pos + nblob]
        if starts[-1] != nids or offs[-1] != nblob:
            return None  # (the CRC matched: only a file of another writer could get here)
        return cls(starts, ids, offs, levels, blob, [cB_to_freq(-i) for i in range(nlev)])


@lru_cache(maxsize=None)
def _resolve(lang: str, wordlist: str) -> tuple[str, str]:
    """(language code, file) of wordfreq's list for ``lang``: the steps of
    ``wordfreq.get_frequency_list``, with its warning for a near match."""
    import langcodes
    import wordfreq

    available = wordfreq.available_languages(wordlist)
    best, _distance = langcodes.closest_match(lang, list(available), max_distance=60)
    if best == "und":
        raise LookupError(f"No wordlist {wordlist!r} available for language {lang!r}")
    if best != lang:
        logging.getLogger("wordfreq").warning(
            f"You asked for word frequencies in language {lang!r}. Using the "
            f"nearest match, which is {best!r}."
        )
    return best, available[best]


def _cache_key(best: str, wordlist: str, file: str) -> str:
    import os

    try:
        st = os.stat(file)
        stat = f"{st.st_size}"
    except OSError:
        stat = "?"
    return diskcache.key({"kind": "wordfreq-table", "format": str(_FORMAT), "lang": best,
                          "wordlist": wordlist, "file": os.path.basename(file), "size": stat,
                          "tqcheck": diskcache.version("tqcheck"),
                          "wordfreq": diskcache.version("wordfreq"),
                          "code": diskcache.source_stamp("lang/wordtable.py")})


@lru_cache(maxsize=None)
def _table(best: str, wordlist: str, file: str):
    """The table of one list from the cache. Building and writing one costs about twice what
    wordfreq's dict does, so a list is written only when it is needed a second time: the first
    miss leaves a small mark and returns wordfreq's dict (a run on a machine that keeps no cache,
    such as a fresh CI container, costs what it did without this cache); the next run builds
    and writes the table."""
    import wordfreq

    ck = _cache_key(best, wordlist, file)
    where = diskcache.path("wordfreq", f"{best}-{wordlist}", ck, "bin")
    data = diskcache.read(where)
    if data is not None:
        table = WordTable.from_bytes(data, ck)
        if table is not None:
            return table
    mark = None if where is None else where.with_name(where.name + ".wanted")
    if mark is None or not mark.exists():
        diskcache.write(mark, b"")
        return wordfreq.get_frequency_dict(best, wordlist)
    table = WordTable.build(wordfreq.get_frequency_list(best, wordlist))
    diskcache.write(where, table.to_bytes(ck))
    try:
        mark.unlink()
    except OSError:
        pass
    return table


def frequency_table(lang: str, wordlist: str = "best"):
    """``wordfreq.get_frequency_dict(lang, wordlist)``, from the cache: a :class:`WordTable`, or
    wordfreq's own dict when the cache is turned off or holds no table yet (:func:`_table`).
    Only ``get``, ``in`` and ``[]``."""
    if not diskcache.enabled():
        import wordfreq

        return wordfreq.get_frequency_dict(lang, wordlist)
    table = _loaded.get((lang, wordlist))
    if table is None:
        best, file = _resolve(lang, wordlist)
        with _lock:
            table = _loaded[(lang, wordlist)] = _table(best, wordlist, file)
    return table


#: (language as asked, list) -> table (or wordfreq's dict): the same data whatever the cache folder
_loaded: dict[tuple[str, str], object] = {}


def zipf_frequency(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)`` (best list, minimum 0), looked up in
    :func:`frequency_table`."""
    if not diskcache.enabled():
        import wordfreq

        return wordfreq.zipf_frequency(word, lang)
    wf = _wordfreq()
    return round(wf.freq_to_zipf(_word_frequency(word, lang, wf.zipf_to_freq(0.0), wf)), 2)


@lru_cache(maxsize=None)
def _wordfreq():
    import wordfreq
    import wordfreq.numbers
    import wordfreq.preprocess

    return wordfreq


def _plain_tokens(word: str, lang: str, wf) -> list[str] | None:
    """``wf.lossy_tokenize(word, lang)`` without wordfreq's tokenizer regex for a word of letters
    of the Latin, Cyrillic or Greek script (most look-ups) in a language whose text wordfreq
    only normalises, case-folds and splits with its regex (:func:`_plain_regex_lang`): Unicode
    word segmentation does not break between such letters, so the word is one token. ASCII
    letters: no normalisation or mark removal changes them, case folding is ``lower()`` (bar the
    Turkish and Azerbaijani ``I``). None when the fast path does not apply. Tested against
    ``lossy_tokenize`` (tests/test_speed_round5.py)."""
    if not word.isalpha():
        return None
    plain = _plain_regex_lang(lang, wf)
    if plain is None:
        return None
    if word.isascii() and not (plain == "dotless_i" and "I" in word):
        return [word.lower()]
    if not _alphabetic_re().fullmatch(word):
        return None
    # other letters of Latin, Cyrillic and Greek: wordfreq's own preprocessing (normal form,
    # case folding, Turkish I, cedillas), then what simple_tokenize does to a text that is one
    # word by Unicode segmentation (letters of these scripts only: no break between them)
    text = unicodedata.normalize("NFC", wf.preprocess.preprocess_text(word, lang))
    if not (text.isalpha() and _alphabetic_re().fullmatch(text)):
        return None
    return [text.casefold()]


@lru_cache(maxsize=1)
def _alphabetic_re():
    import regex

    return regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]+")


@lru_cache(maxsize=None)
def _plain_regex_lang(lang: str, wf) -> str | None:
    """"plain" when wordfreq tokenizes ``lang`` with its regex and transliterates nothing (any
    normal form, marks removal and diacritics fixing leave ASCII letters alone), "dotless_i"
    when it also folds ``I`` the Turkish way; None otherwise (MeCab, jieba, Serbian and
    Azerbaijani transliteration, Chinese simplification)."""
    try:
        info = wf.get_language_info(lang)
        if info["tokenizer"] != "regex" or info["transliteration"] is not None \
                or info["lookup_transliteration"] is not None:
            return None
        # tokenize() looks the language up again through langcodes: the same answer asked
        if wf.get_language_info(wf.langcodes.get(lang)) != info:   # pragma: no cover
            return None
    except Exception:   # pragma: no cover - an unknown code: wordfreq decides
        return None
    return "dotless_i" if info["dotless_i"] else "plain"


def _word_frequency(word: str, lang: str, minimum: float, wf) -> float:
    """``wordfreq._word_frequency(word, lang, "best", minimum)``, the same steps."""
    tokens = _plain_tokens(word, lang, wf)
    if tokens is None:
        tokens = wf.lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    freqs = frequency_table(lang)
    one_over_result = 0.0
    for token in tokens:
        smashed = wf.numbers.smash_numbers(token)
        freq = freqs.get(smashed)
        if freq is None:
            return minimum
        if smashed != token:
            freq *= wf.numbers.digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    if wf.get_language_info(lang)["tokenizer"] == "jieba":
        freq *= wf.INFERRED_SPACE_FACTOR ** -(len(tokens) - 1)
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)
