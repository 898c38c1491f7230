"""langdetect's detector with its probability updates done by numpy: the same arithmetic, in the
same order, on the same random draws, so it gives bit-for-bit the answers of
``langdetect.detector.Detector`` (tested in ``tests/test_speed_paths.py``), about three times
faster (the pure-Python loop over ~55 languages per n-gram was most of langdetect's time)."""
from __future__ import annotations

import random

import numpy as np
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_ARRAYS: dict[int, dict[str, np.ndarray]] = {}   # id(word_lang_prob_map) -> n-gram -> vector
_NORMAL: dict[str, str] = {}   # character -> NGram.normalize(character), a function of it alone


def _standard(rnd) -> bool:
    """``rnd`` draws with Python's own ``Random.choice`` and ``_randbelow_with_getrandbits``
    (langdetect's ``random.Random()``), which :meth:`FastDetector._detect_block` inlines."""
    cls = type(rnd)
    return cls.choice is random.Random.choice and \
        cls._randbelow is random.Random._randbelow_with_getrandbits


class FastDetector(Detector):
    """A :class:`langdetect.detector.Detector` whose ``_detect_block`` uses numpy vectors."""

    def _vec(self, word: str) -> np.ndarray:
        cache = _ARRAYS.setdefault(id(self.word_lang_prob_map), {})
        v = cache.get(word)
        if v is None:
            v = cache[word] = np.array(self.word_lang_prob_map[word], dtype=np.float64)
        return v

    def _extract_ngrams(self) -> list[str]:
        """langdetect's ``_extract_ngrams`` (``NGram.add_char`` and ``NGram.get`` inlined, each
        character's normalisation looked up once): the same n-grams in the same order."""
        normal, wmap = _NORMAL, self.word_lang_prob_map
        result: list[str] = []
        grams, capital = " ", False
        for ch in self.text:
            c = normal.get(ch)
            if c is None:
                c = normal[ch] = NGram.normalize(ch)
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
                if c == " ":
                    continue
            elif len(grams) >= NGram.N_GRAM:
                grams = grams[1:]
            grams += c
            if c.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            size = len(grams)
            for n in range(1, NGram.N_GRAM + 1):
                if size < n:
                    break
                w = grams[-n:]
                if w != " " and w in wmap:
                    result.append(w)
        return result

    def _detect_block(self) -> None:
        if self.verbose or not _standard(self.random):   # langdetect's own tracing / generator
            return super()._detect_block()
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n = len(self.langlist)
        langprob = np.zeros(n, dtype=np.float64)
        # the distinct n-grams as rows of one matrix; a draw picks a row index (rnd.choice over a
        # list of the same length consumes the same random numbers as langdetect's choice over
        # the n-grams themselves)
        rows = list(dict.fromkeys(ngrams))
        row_of = {w: k for k, w in enumerate(rows)}
        mat = np.stack([self._vec(w) for w in rows])
        draws = [row_of[w] for w in ngrams]
        rnd = self.random
        rnd.seed(self.seed)
        base = self.BASE_FREQ
        conv, limit = self.CONV_THRESHOLD, self.ITERATION_LIMIT
        # rnd.choice(draws) inlined: draws[_randbelow(len(draws))], _randbelow drawing k bits
        # until the number is below len(draws) (Random.choice and _randbelow_with_getrandbits)
        nd = len(draws)
        k = nd.bit_length()
        getrandbits = rnd.getrandbits
        maximum, accumulate = np.maximum.reduce, np.add.accumulate
        for _ in range(self.n_trial):
            if self.prior_map is not None:
                prob = np.array(self.prior_map, dtype=np.float64)
            else:
                prob = np.full(n, 1.0 / n, dtype=np.float64)
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / base
            # weight + the vector of every distinct n-gram, added once per trial (the same sums
            # langdetect makes per draw); a drawn row is a view, multiplied in place in draw order
            rowsw = weight + mat
            i = 0
            while True:
                r = getrandbits(k)
                while r >= nd:
                    r = getrandbits(k)
                prob *= rowsw[draws[r]]
                if i % 5 == 0:
                    # _normalize_prob: sum() adds left to right, as np.add.accumulate does
                    sump = float(accumulate(prob)[-1])
                    prob /= sump
                    if float(maximum(prob)) > conv or i >= limit:   # prob.max(), no wrapper
                        break
                i += 1
            langprob += prob / self.n_trial
        self.langprob = langprob.tolist()
