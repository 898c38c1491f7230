"""Script-independent sentence features for the aligner and the completeness checks.

Every sentence is tokenised (words of any script; Han, kana, Thai … one
character at a time), transliterated with ``anyascii`` and lower-cased, so that
``Kazakhstan`` / ``Kazakistan'ın`` / ``Казахстан`` share most of their
character n-grams. From the tokens we build sparse feature bags:

* character n-grams of the transliterated words (``n = 3`` inside word
  boundaries), which catch names, numbers, cognates and transliterations;
* number anchors (``#2040``), which must match exactly;
* ``?`` / ``!`` anchors;
* for the aligner (:func:`encode_texts`), the punctuation inside the sentence (commas,
  semicolons, brackets, quotation marks, dashes): one feature per mark and one for how many of
  that kind the sentence has (``P,3``), so two sentences with the same number of commas or a
  quotation each share something even where no word does (a comma between digits belongs to
  the number). The checks' bags (:func:`sentence_features`) leave it out: they weigh a
  candidate against every other sentence nearby, and chance matches of punctuation blur that
  margin (measured: docs/alignment.md, round 23).

Weights are learned from the document pair itself (inverse document frequency
over the sentences of both sides, damped for features that are frequent on one
side only: those are function-word fragments of one language, not shared
content). Nothing here knows any language.
"""
from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex

from anyascii import anyascii

#: a token: a run of letters/marks/digits of one script family, or one CJK / Thai character
_TOKEN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
    r"|\p{N}+(?:[.,]\p{N}+)*"
    r"|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*"
)
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_NONALNUM = regex.compile(r"[^a-z0-9]+")
_DIGITS = regex.compile(r"\p{N}")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    #: transliterated, lower-cased, ASCII letters and digits only (may be empty)
    norm: str
    is_number: bool
    #: one character of a script written without spaces
    is_char: bool


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """``anyascii`` + lower case + letters/digits only: ``Kazakistan'ın`` -> ``kazakistanin``."""
    return _NONALNUM.sub("", anyascii(word).lower())


def tokens(text: str) -> list[Token]:
    """Tokens of ``text`` with their offsets (see module docstring)."""
    return list(_tokens(text))


@lru_cache(maxsize=16_384)
def _tokens(text: str) -> tuple[Token, ...]:
    """:func:`tokens`, memoised: the checks read the same sentence many times, each with its
    neighbours (a sweep of a long document evicts the oldest)."""
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        isnum = bool(_DIGITS.match(t)) and t[0].isdigit() if t else False
        if isnum:
            norm = "".join(ch for ch in t if ch.isdigit())
            try:
                norm = str(int(norm))  # unicode digits -> ascii
            except ValueError:
                pass
        else:
            norm = translit(t)
        out.append(Token(m.start(), m.end(), t, norm, isnum, bool(_CJK.fullmatch(t))))
    return tuple(out)


_DENSE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")


def script_factor(texts: Sequence[str], limit: int = 50) -> float:
    """Relative character length of a text: about 0.35 for Chinese (a character holds a word or
    a morpheme), 0.5 for Japanese (kana, one mora each, beside the characters: the trade's rule
    of thumb is 400-500 English words for 1,000 Japanese characters, 600-700 for 1,000 Chinese
    ones) and for Korean (a Hangul block holds a syllable), 1 for alphabetic scripts. Used as
    the prior length ratio. Japanese is told from Chinese by its kana (Chinese has none): at
    least a fifth of the dense characters."""
    sample = " ".join(texts[:limit])
    n = sum(1 for ch in sample if not ch.isspace())
    if not n:
        return 1.0
    n_dense = len(_DENSE.findall(sample))
    hangul = len(_HANGUL.findall(sample)) / n
    if n_dense / n > 0.3:
        return 0.5 if len(_KANA.findall(sample)) >= 0.2 * n_dense else 0.35
    if hangul > 0.3:
        return 0.5
    return 1.0


def number_values(text: str) -> list[str]:
    """The numbers of ``text`` as digit strings (``1,000.5`` -> ``10005``)."""
    return [t.norm for t in tokens(text) if t.is_number]


@lru_cache(maxsize=500_000)
def _token_info(t: str) -> tuple[str, bool, bool, tuple[str, ...]]:
    """(norm, is_number, is_char, character trigrams of the padded norm) of one token string."""
    isnum = bool(_DIGITS.match(t)) and t[0].isdigit()
    if isnum:
        norm = "".join(ch for ch in t if ch.isdigit())
        try:
            norm = str(int(norm))
        except ValueError:
            pass
        return norm, True, False, ()
    norm = translit(t)
    if _CJK.fullmatch(t):
        return norm, False, True, ()
    if not norm:
        return norm, False, False, ()
    p = " " + norm + " "
    grams = (p,) if len(p) <= 3 else tuple(p[k:k + 3] for k in range(len(p) - 2))
    return norm, False, False, grams


#: the end of a sentence that is a feature of its own: a question, an exclamation, a colon that
#: introduces what follows (a list, a quotation) — in any script
_END_MARKS = {"?": "?", "？": "?", "؟": "?", "!": "!", "！": "!", ":": ":", "：": ":"}


#: punctuation inside a sentence that translations tend to keep, by kind (a comma of a number
#: such as ``1,000`` or ``3,5`` is not one; single quotation marks are left out: they are also
#: apostrophes)
_INNER_PUNCT = regex.compile(r"(?<!\p{N})[,，、]|[,，](?!\p{N})|[;；]|[(（]|[«»\"„“”]|[–—]|\s-\s")
_PUNCT_KIND = {",": "P,", "，": "P,", "、": "P,", ";": "P;", "；": "P;", "(": "P(", "（": "P(",
               **dict.fromkeys("«»\"„“”", 'P"'), "–": "P-", "—": "P-", "-": "P-"}
#: "P,3": the count of a kind, up to this many
_PUNCT_MAX = 5


def punctuation_features(text: str) -> list[str]:
    """The inner punctuation features of ``text`` (see the module docstring): ``P,`` once per
    comma and ``P,2`` for two of them, and the same for semicolons, brackets, quotation marks
    (``P"``) and dashes."""
    n: Counter = Counter(_PUNCT_KIND[m.group().strip()] for m in _INNER_PUNCT.finditer(text))
    out = []
    for kind, c in sorted(n.items()):
        out += [kind] * c + [kind + str(min(c, _PUNCT_MAX))]
    return out


def end_mark(text: str) -> str | None:
    """The feature of how ``text`` ends ("?", "!" or ":"), or ``None``."""
    s = text.rstrip()
    return _END_MARKS.get(s[-1]) if s else None


def sentence_features(text: str) -> tuple[Counter, frozenset]:
    """The raw feature bag of a sentence (as :func:`raw_features`) and its word set for the
    lexicon (transliterated words of two letters or more, characters of unspaced scripts), from
    one pass over the tokens."""
    bag: Counter = Counter()
    words: set[str] = set()
    chars: list[str] = []
    for t in _TOKEN.findall(text):
        norm, isnum, ischar, grams = _token_info(t)
        if isnum:
            bag["#" + norm] += 1
            continue
        if ischar:
            chars.append(norm)
            if norm:
                words.add(norm)
            continue
        if len(norm) >= 2:
            words.add(norm)
        if grams:
            bag.update(grams)
    if chars:
        # characters of an unspaced script: unigrams of the transliteration + bigrams
        bag.update("c:" + c for c in chars if c)
        bag.update("b:" + chars[k - 1] + chars[k] for k in range(1, len(chars)))
    mark = end_mark(text)
    if mark:
        bag[mark] += 1
    return bag, frozenset(words)


def raw_features(text: str, n: int = 3) -> Counter:
    """Feature bag of one sentence (not yet weighted)."""
    if n == 3:
        return sentence_features(text)[0]
    bag: Counter = Counter()
    toks = tokens(text)
    chars: list[str] = []
    for t in toks:
        if t.is_number:
            bag["#" + t.norm] += 1
            continue
        if t.is_char:
            chars.append(t.norm)
            continue
        w = t.norm
        if not w:
            continue
        p = " " + w + " "
        if len(p) <= n:
            bag[p] += 1
        else:
            for k in range(len(p) - n + 1):
                bag[p[k:k + n]] += 1
    if chars:
        # characters of an unspaced script: unigrams of the transliteration + bigrams
        for k, c in enumerate(chars):
            if c:
                bag["c:" + c] += 1
            if k:
                bag["b:" + chars[k - 1] + c] += 1
    mark = end_mark(text)
    if mark:
        bag[mark] += 1
    return bag


@dataclass
class FeatureMatrix:
    """Weighted sparse feature vectors of the sentences of one side (CSR layout)."""

    indptr: np.ndarray
    ids: np.ndarray
    vals: np.ndarray
    #: squared norm of each row
    norm2: np.ndarray

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.indptr[i], self.indptr[i + 1]
        return self.ids[a:b], self.vals[a:b]

    def dot_rows_other(self, i: int, other: "FeatureMatrix", k: int) -> float:
        """Dot product of row ``i`` of this matrix and row ``k`` of ``other`` (which may be this
        matrix)."""
        ia, va = self.row(i)
        ib, vb = other.row(k)
        common, xa, xb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
        return float(np.dot(va[xa], vb[xb])) if len(common) else 0.0


class _Encoder:
    """Appends bags to compact arrays (no Python list of millions of ints)."""

    def __init__(self, index: dict) -> None:
        self.index = index
        self.fid = array("i")
        self.cnt = array("f")
        self.lens = array("i")

    def add(self, bag: Counter | Set[str]) -> None:
        """One sentence's bag: a Counter, or a set of features that each occur once."""
        ix = self.index
        self.fid.extend([ix.setdefault(k, len(ix)) for k in bag])
        if isinstance(bag, Mapping):
            self.cnt.extend([float(c) for c in bag.values()])
        else:
            self.cnt.extend([1.0] * len(bag))
        self.lens.append(len(bag))

    def side(self) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
        n = len(self.lens)
        lens = np.frombuffer(self.lens, dtype=np.int32) if n else np.zeros(0, dtype=np.int32)
        fid = np.frombuffer(self.fid, dtype=np.int32) if len(self.fid) else np.zeros(0, dtype=np.int32)
        cnt = np.frombuffer(self.cnt, dtype=np.float32) if len(self.cnt) else np.zeros(0, dtype=np.float32)
        return n, fid, np.repeat(np.arange(n, dtype=np.int32), lens), cnt


def encode_texts(texts: Sequence[str], index: dict, *, bar=None, punctuation: bool = True
                 ) -> tuple[tuple[int, np.ndarray, np.ndarray, np.ndarray], list[frozenset]]:
    """The aligner's feature bags of ``texts`` (those of :func:`sentence_features` and the
    punctuation inside the sentence, :func:`punctuation_features`) straight into compact arrays
    (one side of :class:`BagArrays`; a feature repeated in a sentence is one entry per occurrence,
    merged later), with the word set of each sentence. Fast: each distinct token is analysed once.
    ``bar`` (a tqdm bar, optional) advances by one per sentence, in steps of 1000;
    ``punctuation=False`` leaves the punctuation features out."""
    ix = index
    fid = array("i")
    lens = array("i")
    words_out: list[frozenset] = []
    seen: dict[str, tuple] = {}
    mark_ids = {m: ix.setdefault(m, len(ix)) for m in _END_MARKS.values()}
    for k_text, text in enumerate(texts, 1):
        if bar is not None and k_text % 1000 == 0:
            bar.update(1000)
        n0 = len(fid)
        words: set[str] = set()
        chars: list[str] = []
        for t in _TOKEN.findall(text):
            info = seen.get(t)
            if info is None:
                norm, isnum, ischar, grams = _token_info(t)
                if isnum:
                    ids: tuple = (ix.setdefault("#" + norm, len(ix)),)
                else:
                    ids = tuple(ix.setdefault(g, len(ix)) for g in grams)
                word = norm if (ischar and norm) or (not isnum and not ischar and len(norm) >= 2) else None
                info = (ids, word, norm if ischar else None)
                seen[t] = info
            ids, word, ch = info
            if ids:
                fid.extend(ids)
            if word is not None:
                words.add(word)
            if ch is not None:
                chars.append(ch)
        if chars:
            fid.extend([ix.setdefault("c:" + c, len(ix)) for c in chars if c])
            fid.extend([ix.setdefault("b:" + chars[k - 1] + chars[k], len(ix)) for k in range(1, len(chars))])
        mark = end_mark(text)
        if mark:
            fid.append(mark_ids[mark])
        if punctuation:
            fid.extend([ix.setdefault(f, len(ix)) for f in punctuation_features(text)])
        lens.append(len(fid) - n0)
        words_out.append(frozenset(words))
    n = len(lens)
    if bar is not None and n % 1000:
        bar.update(n % 1000)
    f = np.frombuffer(fid, dtype=np.int32) if len(fid) else np.zeros(0, dtype=np.int32)
    ln = np.frombuffer(lens, dtype=np.int32) if n else np.zeros(0, dtype=np.int32)
    return (n, f, np.repeat(np.arange(n, dtype=np.int32), ln), np.ones(len(f), dtype=np.float32)), words_out


@dataclass
class BagArrays:
    """Raw feature bags of both sides in compact form: one index of feature strings, and for
    each side the sentence count and parallel arrays (feature id, row, count)."""

    index: dict
    sides: list

    @classmethod
    def encode(cls, bags_s: Iterable[Counter | Set[str]], bags_t: Iterable[Counter | Set[str]],
               index: dict | None = None) -> "BagArrays":
        index = {} if index is None else index
        sides = []
        for bags in (bags_s, bags_t):
            enc = _Encoder(index)
            for b in bags:
                enc.add(b)
            sides.append(enc.side())
        return cls(index, sides)

    def plus(self, extra_s: Iterable[Counter | Set[str]] | None,
             extra_t: Iterable[Counter | Set[str]] | None) -> "BagArrays":
        """These bags with extra features added, a Counter or a set (features that occur once)
        per sentence, in a sequence or read once from an iterator (the index grows; the arrays
        are new)."""
        if extra_s is None and extra_t is None:
            return self
        ex = BagArrays.encode(extra_s or [], extra_t or [], self.index)
        sides = []
        for (n, f, r, c), (_, f2, r2, c2) in zip(self.sides, ex.sides):
            sides.append((n, np.concatenate([f, f2]), np.concatenate([r, r2]), np.concatenate([c, c2])))
        return BagArrays(self.index, sides)


def joined_extra(a: Sequence[Counter], b: Sequence[Counter] | None) -> list[Counter] | Sequence[Counter]:
    """Two lists of extra features per sentence (:func:`build_features`' ``extra_*``) as one:
    ``a`` when ``b`` is None, else their sums sentence by sentence."""
    return a if b is None else [x + y for x, y in zip(a, b)]


def build_features(src: Sequence[str], tgt: Sequence[str], *,
                   extra_src: Sequence[Counter] | None = None,
                   extra_tgt: Sequence[Counter] | None = None,
                   bags: tuple[list[Counter], list[Counter]] | BagArrays | None = None,
                   unshared: float = 0.0) -> tuple[FeatureMatrix, FeatureMatrix, dict]:
    """Weighted feature matrices for both sides, over one shared vocabulary.

    ``extra_*`` are additional raw features per sentence (e.g. lexicon translations);
    ``bags`` are the raw feature bags of both sides if already computed (Counters or
    :class:`BagArrays`; not modified); ``unshared`` weighs the features of one side only in the
    norms. ``info["coverage"]`` is the median share of a sentence's features that lie in the
    shared vocabulary (the smaller of the two sides).
    """
    if bags is None:
        bags = ([raw_features(t) for t in src], [raw_features(t) for t in tgt])
    if not isinstance(bags, BagArrays):
        bags = BagArrays.encode(bags[0], bags[1])
    arr = bags.plus(extra_src, extra_tgt)
    index = arr.index
    V = len(index)
    vocab_keys = list(index)
    # merge a feature that occurs twice in one row (a bag and its extra features)
    merged = []
    for n, fid, rows, cnt in arr.sides:
        key = rows.astype(np.int64) * max(V, 1) + fid
        uk, inv = np.unique(key, return_inverse=True)
        c = np.bincount(inv, weights=cnt.astype(np.float64), minlength=len(uk))
        del key, inv
        merged.append((n, uk % max(V, 1), uk // max(V, 1), c))
    (ns_, fs_, rs_, cs_), (nt_, ft_, rt_, ct_) = merged
    ns, nt = max(1, ns_), max(1, nt_)
    df_s = np.bincount(fs_, minlength=V).astype(np.float64)
    df_t = np.bincount(ft_, minlength=V).astype(np.float64)
    shared = (df_s > 0) & (df_t > 0)
    # shared features in sorted order of their text (deterministic ids)
    order = sorted((vocab_keys[f] for f in np.nonzero(shared)[0]))
    new_id = np.full(V, -1, dtype=np.int64)
    for r, key in enumerate(order):
        new_id[index[key]] = r
    with np.errstate(divide="ignore", invalid="ignore"):
        idf_all = np.log((ns + nt) / np.maximum(df_s + df_t, 1.0)) + 0.1
        fs_r, ft_r = df_s / ns, df_t / nt
        # idf over both sides, damped when the two sides disagree on how common it is
        balance = np.where(shared, np.minimum(fs_r, ft_r) / np.maximum(np.maximum(fs_r, ft_r), 1e-12), 0.0)
    is_num = np.fromiter((k[:1] == "#" for k in vocab_keys), dtype=bool, count=V)
    w_all = idf_all * np.sqrt(balance) * np.where(is_num, 2.0, 1.0)
    wt = np.zeros(len(order))
    wt[new_id[shared]] = w_all[shared]

    def matrix(n: int, fid: np.ndarray, rows: np.ndarray, cnt: np.ndarray) -> tuple[FeatureMatrix, np.ndarray]:
        logc = 1.0 + np.log(np.maximum(cnt, 1.0))
        inside = shared[fid]
        # what the sentence says that the other side never has (its norm outside the shared
        # vocabulary): a sentence that shares one chance trigram is not a close match
        rest = np.bincount(rows[~inside], weights=(logc[~inside] * idf_all[fid[~inside]]) ** 2, minlength=n) \
            if unshared else np.zeros(n)
        tot = np.bincount(rows, weights=cnt, minlength=n)
        sh = np.bincount(rows[inside], weights=cnt[inside], minlength=n)
        share = np.where(tot > 0, sh / np.maximum(tot, 1e-12), 0.0)
        r, ids, lc = rows[inside], new_id[fid[inside]], logc[inside]
        o = np.lexsort((ids, r))
        r, ids, lc = r[o], ids[o], lc[o]
        vv = lc * wt[ids]
        ip = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=n))]).astype(np.int64)
        n2 = np.bincount(r, weights=vv * vv, minlength=n).astype(np.float64)
        return FeatureMatrix(ip, ids, vv, n2 + unshared ** 2 * rest), share

    (FS, cov_s), (FT, cov_t) = matrix(ns_, fs_, rs_, cs_), matrix(nt_, ft_, rt_, ct_)
    cov = min(float(np.median(cov_s)) if len(cov_s) else 0.0, float(np.median(cov_t)) if len(cov_t) else 0.0)
    return FS, FT, {"vocab": len(order), "coverage": cov}
