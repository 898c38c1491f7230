"""Script-independent sentence features for the aligner and the completeness checks.

Every sentence is tokenised (words of any script; Han, kana, Thai … one
character at a time), transliterated with ``anyascii`` and lower-cased, so that
``Kazakhstan`` / ``Kazakistan'ın`` / ``Казахстан`` share most of their
character n-grams. From the tokens we build sparse feature bags:

* character n-grams of the transliterated words (``n = 3`` inside word
  boundaries), which catch names, numbers, cognates and transliterations;
* number anchors (``#2040``), which must match exactly;
* ``?`` / ``!`` anchors.

Weights are learned from the document pair itself (inverse document frequency
over the sentences of both sides, damped for features that are frequent on one
side only: those are function-word fragments of one language, not shared
content). Nothing here knows any language.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
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
    return out


_DENSE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def script_factor(texts: Sequence[str], limit: int = 50) -> float:
    """Relative character length of a text: about 0.35 for Chinese / Japanese (one character
    holds a word or a syllable), 1 for alphabetic scripts. Used as the prior length ratio."""
    sample = " ".join(texts[:limit])
    n = sum(1 for ch in sample if not ch.isspace())
    if not n:
        return 1.0
    return 0.35 if len(_DENSE.findall(sample)) > 0.3 * n else 1.0


def number_values(text: str) -> list[str]:
    """The numbers of ``text`` as digit strings (``1,000.5`` -> ``10005``)."""
    return [t.norm for t in tokens(text) if t.is_number]


def raw_features(text: str, n: int = 3) -> Counter:
    """Feature bag of one sentence (not yet weighted)."""
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
    s = text.rstrip()
    if s.endswith(("?", "？", "؟")):
        bag["?"] += 1
    elif s.endswith(("!", "！")):
        bag["!"] += 1
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

    def dot_rows(self, i: int, k: int) -> float:
        """Dot product of two rows of this matrix."""
        ia, va = self.row(i)
        ib, vb = self.row(k)
        common, xa, xb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
        return float(np.dot(va[xa], vb[xb])) if len(common) else 0.0


def build_features(src: Sequence[str], tgt: Sequence[str], *,
                   extra_src: Sequence[Counter] | None = None,
                   extra_tgt: Sequence[Counter] | None = None,
                   bags: tuple[list[Counter], list[Counter]] | None = None) -> tuple[FeatureMatrix, FeatureMatrix, dict]:
    """Weighted feature matrices for both sides, over one shared vocabulary.

    ``extra_*`` are additional raw features per sentence (e.g. lexicon translations);
    ``bags`` are the raw feature bags of both sides if already computed (not modified).
    """
    if bags is not None:
        bags_s = [Counter(b) for b in bags[0]]
        bags_t = [Counter(b) for b in bags[1]]
    else:
        bags_s = [raw_features(t) for t in src]
        bags_t = [raw_features(t) for t in tgt]
    if extra_src is not None:
        for b, e in zip(bags_s, extra_src):
            b.update(e)
    if extra_tgt is not None:
        for b, e in zip(bags_t, extra_tgt):
            b.update(e)
    df_s: Counter = Counter()
    df_t: Counter = Counter()
    for b in bags_s:
        df_s.update(b.keys())
    for b in bags_t:
        df_t.update(b.keys())
    ns, nt = max(1, len(bags_s)), max(1, len(bags_t))
    vocab: dict[str, int] = {}
    weight: list[float] = []
    for f in sorted(set(df_s) & set(df_t)):
        fs, ft = df_s.get(f, 0) / ns, df_t.get(f, 0) / nt
        if fs == 0 or ft == 0:
            continue  # a feature of one side only can never match: leave it out entirely
        # idf over both sides, damped when the two sides disagree on how common it is
        idf = math.log((ns + nt) / (df_s[f] + df_t[f])) + 0.1
        balance = min(fs, ft) / max(fs, ft)
        w = idf * math.sqrt(balance)
        if f[0] == "#":
            w *= 2.0
        vocab[f] = len(weight)
        weight.append(w)
    wt = np.asarray(weight, dtype=np.float64)

    def matrix(bags: list[Counter]) -> FeatureMatrix:
        indptr = [0]
        ids: list[int] = []
        vals: list[float] = []
        for b in bags:
            row = sorted((vocab[f], c) for f, c in b.items() if f in vocab)
            for fid, c in row:
                ids.append(fid)
                vals.append((1.0 + math.log(c)) * wt[fid])
            indptr.append(len(ids))
        ip = np.asarray(indptr, dtype=np.int64)
        iv = np.asarray(ids, dtype=np.int64)
        vv = np.asarray(vals, dtype=np.float64)
        rows = np.repeat(np.arange(len(bags)), np.diff(ip))
        n2 = np.bincount(rows, weights=vv * vv, minlength=len(bags)).astype(np.float64)
        return FeatureMatrix(ip, iv, vv, n2)

    return matrix(bags_s), matrix(bags_t), {"vocab": len(vocab)}
