"""Language identification with langdetect, made deterministic.

langdetect is randomised; seeding ``DetectorFactory`` makes every run give the
same answer. Its codes are ISO 639-1 except ``zh-cn``/``zh-tw``, which we map to
``zh``.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from .words import has_wordlist, zipf

_lock = threading.Lock()
_loaded = False

#: langdetect code -> tqcheck code
_CODE_MAP = {"zh-cn": "zh", "zh-tw": "zh"}


def _factory():
    global _loaded
    from langdetect import DetectorFactory, detector_factory

    with _lock:
        if not _loaded:
            if detector_factory._factory is None:
                try:
                    detector_factory._factory = _load_profiles()
                except Exception:  # an unusual installation: langdetect's own loader
                    detector_factory._factory = None
            detector_factory.init_factory()
            _loaded = True
    DetectorFactory.seed = 0
    return detector_factory._factory


def _load_profiles():
    """langdetect's ``DetectorFactory.load_profile(PROFILES_DIRECTORY)``, the same steps in the same
    order (so the same language list and the same n-gram probabilities, float for float; tested in
    ``tests/test_speed_paths.py``) with the garbage collector paused: about twice as fast (loading
    the 55 profiles was a third of a second of every run's start-up). The result is kept in the
    start-up cache (:func:`_cached_profiles`); read back, an n-gram's row of probabilities is made
    the first time a text holds the n-gram."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from .._gc import paused

    factory = DetectorFactory()
    ck, where = _profiles_cache(PROFILES_DIRECTORY)
    cached = _read_cached_profiles(where, ck)
    if cached is not None:
        factory.langlist[:] = cached[0]
        factory.word_lang_prob_map = cached[1]
        return factory
    # 170,000 new lists: the cyclic garbage collector would scan every live object many times
    # over while they are built (none of them can be garbage); paused, the load takes half the time
    with paused():
        _read_profiles(factory, PROFILES_DIRECTORY)
    _write_cached_profiles(where, ck, factory)
    return factory


class _Profiles(dict):
    """langdetect's ``word_lang_prob_map`` ({n-gram: [probability per language]}) read from the
    start-up cache: the n-grams are the keys (in langdetect's order), each one's row of
    probabilities is made when it is first asked for (a text needs a few hundred of 87,000).
    A dict subclass, so that langdetect's and tqcheck's code read it as they read the dict."""

    __slots__ = ("_ptr", "_idx", "_val", "_n")

    def __init__(self, keys: list[str], ptr, idx, val, n: int):
        super().__init__(zip(keys, range(len(keys))))   # n-gram -> its position, until made
        self._ptr, self._idx, self._val, self._n = ptr, idx, val, n

    def __getitem__(self, word: str) -> list[float]:
        row = dict.__getitem__(self, word)
        if type(row) is int:
            i, row = row, [0.0] * self._n
            idx, val = self._idx, self._val
            for q in range(self._ptr[i], self._ptr[i + 1]):
                row[idx[q]] = val[q]
            dict.__setitem__(self, word, row)
        return row

    def get(self, word, default=None):
        return self[word] if dict.__contains__(self, word) else default

    def values(self):
        return [self[w] for w in self]

    def items(self):
        return [(w, self[w]) for w in self]

    def __eq__(self, other) -> bool:
        if not isinstance(other, dict):
            return NotImplemented
        return len(self) == len(other) and all(w in other and self[w] == other[w] for w in self)

    def __ne__(self, other) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None


def _profiles_cache(folder: str):
    """(cache key, cache file) of langdetect's profiles in ``folder``; the key holds the versions
    of tqcheck and langdetect and the names and sizes of the profile files."""
    import os

    from . import diskcache

    try:
        names = sorted(os.listdir(folder))
        files = ",".join(f"{n}:{os.path.getsize(os.path.join(folder, n))}" for n in names)
    except OSError:
        return None, None
    ck = diskcache.key({"kind": "langdetect-profiles", "format": "1", "files": files,
                        "tqcheck": diskcache.version("tqcheck"),
                        "langdetect": diskcache.version("langdetect"),
                        "code": diskcache.source_stamp("lang/detect.py")})
    return ck, diskcache.path("langdetect", "profiles", ck, "bin")


def _read_cached_profiles(where, ck):
    import marshal
    import zlib
    from array import array

    from . import diskcache

    data = diskcache.read(where)
    if data is None or len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "little"):
        return None
    try:
        key, langlist, keys, ptr_b, idx_b, val_b = marshal.loads(data[4:])
        ptr, idx, val = array("I"), array("B"), array("d")
        ptr.frombytes(ptr_b)
        idx.frombytes(idx_b)
        val.frombytes(val_b)
    except Exception:
        return None
    if (key != ck or not isinstance(langlist, list) or not isinstance(keys, list)
            or len(ptr) != len(keys) + 1 or len(idx) != len(val) or ptr[-1] != len(val)
            or (len(idx) and max(idx) >= len(langlist))):
        return None
    return langlist, _Profiles(keys, ptr, idx, val, len(langlist))


def _write_cached_profiles(where, ck, factory) -> None:
    import marshal
    import zlib

    import numpy as np

    from . import diskcache

    if where is None:
        return
    wmap = factory.word_lang_prob_map
    rows = np.array(list(wmap.values()), dtype=np.float64).reshape(len(wmap), len(factory.langlist))
    if np.signbit(rows).any():   # a row is made from [0.0] * languages: no -0.0 to keep
        return
    r, c = np.nonzero(rows)      # row by row, each row's languages in order
    ptr = np.zeros(len(wmap) + 1, dtype=np.uint32)
    np.cumsum(np.bincount(r, minlength=len(wmap)), out=ptr[1:])
    body = marshal.dumps((ck, list(factory.langlist), list(wmap), ptr.tobytes(),
                          c.astype(np.uint8).tobytes(), rows[r, c].tobytes()))
    diskcache.write(where, zlib.crc32(body).to_bytes(4, "little") + body)


def _read_profiles(factory, folder: str):
    import json
    import os

    files = os.listdir(folder)
    if not files:
        raise OSError("no langdetect profiles")
    size, index = len(files), 0
    wmap, langlist = factory.word_lang_prob_map, factory.langlist
    for name in files:
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        lang, freq, n_words = data["name"], data["freq"], data["n_words"]
        if lang in langlist:
            raise ValueError(f"duplicate langdetect profile {lang!r}")
        langlist.append(lang)
        for word, count in freq.items():
            vec = wmap.get(word)
            if vec is None:
                vec = wmap[word] = [0.0] * size
            n = len(word)
            if 1 <= n <= 3:
                vec[index] = 1.0 * count / n_words[n - 1]
        index += 1
    return factory


def normalize_lang(code: str | None) -> str | None:
    """``'tr-TR'``/``'tr_TR'``/``'TR'`` -> ``'tr'``; ``'zh-Hant'`` -> ``'zh'``; None stays None."""
    if not code:
        return None
    code = code.strip().replace("_", "-").lower()
    if code in _CODE_MAP:
        return _CODE_MAP[code]
    return code.split("-")[0] or None


def detect_langs(text: str, *, max_chars: int = 20000) -> list[tuple[str, float]]:
    """Candidate languages with probabilities, most likely first; [] when undecidable."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    sample = _sample(text, max_chars)
    if not sample.strip():
        return []
    try:
        from .langdetect_np import FastDetector   # same answers, numpy arithmetic

        det = FastDetector(factory)
        det.set_max_text_length(max_chars)
        det.append(sample)
        langs = det.get_probabilities()
    except LangDetectException:
        return []
    out: dict[str, float] = {}
    for lp in langs:
        code = normalize_lang(lp.lang)
        out[code] = out.get(code, 0.0) + lp.prob
    return sorted(out.items(), key=lambda kv: -kv[1])


def detect(text: str) -> str | None:
    """The most likely language of ``text`` (ISO 639-1), or None."""
    c = detect_langs(text)
    return c[0][0] if c else None


def _sample(text: str, max_chars: int) -> str:
    """A deterministic sample spread over the whole text (so a long document is not judged
    by its title alone)."""
    if len(text) <= max_chars:
        return text
    n = 8
    step = len(text) // n
    chunk = max_chars // n
    return "\n".join(text[i * step:i * step + chunk] for i in range(n))


@lru_cache(maxsize=4096)
def sentence_langs(text: str) -> tuple[tuple[str, float], ...]:
    """Cached detection for one sentence."""
    return tuple(detect_langs(text, max_chars=2000))


# -- cheap evidence first, langdetect only when it points elsewhere ----------------------------------
#: ISO 15924 codes that stand for several Unicode scripts
_SCRIPT_UNION = {"Jpan": ("Hani", "Hira", "Kana"), "Kore": ("Hang", "Hani"), "Hans": ("Hani",),
                 "Hant": ("Hani",)}
#: a word for the frequency test: letters only, not glued to digits or underscores (codes, ids)
_LWORD = None
#: a target word is "common" in its language from this Zipf frequency (once per 300,000 words)
COMMON_ZIPF = 2.5
#: langdetect must be at least this sure of the other language
SURE_OTHER = 0.9


@dataclass(frozen=True)
class Verdict:
    """Why a text is judged not to be in the expected language."""
    lang: str | None      #: the language it seems to be in (None: only its script is known)
    prob: float           #: confidence
    reason: str           #: "script", "latin" (Latin letters in a non-Latin language) or "words"


@lru_cache(maxsize=512)
def usual_scripts(lang: str) -> tuple[str, ...]:
    """Unicode script codes the language is usually written in, from CLDR's likely subtags
    (``ru`` → Cyrl, ``ja`` → Hani/Hira/Kana); () when CLDR does not know the language."""
    try:
        from babel.core import get_global

        tag = get_global("likely_subtags").get(lang)
    except Exception:  # pragma: no cover - babel data missing
        return ()
    if not tag:
        return ()
    parts = tag.split("_")
    script = next((p for p in parts[1:] if len(p) == 4 and p[:1].isupper()), None)
    if script is None:
        return ()
    out: list[str] = list(_SCRIPT_UNION.get(script, (script,)))
    try:  # other scripts CLDR has a locale for: sr_Latn, uz_Cyrl, pa_Arab, zh_Hant
        from babel import localedata

        for ident in localedata.locale_identifiers():
            bits = ident.split("_")
            if bits[0] == lang and len(bits) > 1 and len(bits[1]) == 4 and bits[1][:1].isupper():
                for sc in _SCRIPT_UNION.get(bits[1], (bits[1],)):
                    if sc not in out:
                        out.append(sc)
    except Exception:  # pragma: no cover
        pass
    return tuple(out)


@lru_cache(maxsize=256)
def _script_re(scripts: tuple[str, ...]):
    import regex

    return regex.compile("[" + "".join(r"\p{L}" if s == "L" else rf"\p{{sc={s}}}" for s in scripts) + "]")


def _letters(text: str, scripts: tuple[str, ...]) -> int:
    return len(_script_re(scripts).findall(text)) if scripts else 0


def _words(text: str) -> list[str]:
    global _LWORD
    if _LWORD is None:
        import regex

        _LWORD = regex.compile(r"(?<![\p{N}_\p{L}\p{M}])\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*(?![\p{N}_\p{L}\p{M}])")
    return _LWORD.findall(text)


def _content_words(text: str) -> list[str]:
    """Words worth a frequency look-up: at least 2 letters, not an acronym in capitals (names and
    product names count as words known in neither language)."""
    out = []
    for i, w in enumerate(_words(text)):
        if len(w) < 2 or (w.isupper() and i > 0):
            continue
        out.append(w.casefold())
    return out


def _zipf(word: str, lang: str) -> float:
    if not has_wordlist(lang):
        return 0.0
    try:
        return zipf(word, lang)
    except Exception:  # wordfreq needs a tokenizer (MeCab, jieba) for some languages
        return 0.0


def _wordlist_ok(lang: str) -> bool:
    return has_wordlist(lang) and lang not in ("ja", "zh", "ko")


def common_share(words: list[str], lang: str) -> float:
    """Share of ``words`` that are common words of ``lang`` (Zipf ≥ :data:`COMMON_ZIPF`)."""
    if not words:
        return 0.0
    return sum(_zipf(w, lang) >= COMMON_ZIPF for w in words) / len(words)


def _mostly_common(words: list[str], lang: str) -> bool:
    """``common_share(words, lang) >= 0.75``, looking words up only until the answer is known:
    ``k / n >= 0.75`` is ``4k >= 3n`` for whole numbers (tested against common_share)."""
    n = len(words)
    if not n:
        return False
    k = 0
    for i, w in enumerate(words, 1):
        if _zipf(w, lang) >= COMMON_ZIPF:
            k += 1
            if 4 * k >= 3 * n:
                return True
        elif 4 * (k + n - i) < 3 * n:
            return False
    return 4 * k >= 3 * n


def known_share(words: list[str], lang: str) -> float:
    """Share of ``words`` that ``lang``'s word list knows at all."""
    if not words:
        return 0.0
    return sum(_zipf(w, lang) > 0 for w in words) / len(words)


def favour_share(words: list[str], lang: str, other: str) -> float:
    """Share of ``words`` clearly more frequent in ``other`` than in ``lang`` (by 1.5 Zipf, i.e.
    ~30 times) and common in ``other``: words of ``other``, not shared vocabulary."""
    if not words:
        return 0.0
    n = 0
    for w in words:
        zo = _zipf(w, other)
        if zo >= 1.0 and zo - _zipf(w, lang) >= 1.5:
            n += 1
    return n / len(words)


@lru_cache(maxsize=1)
def _caps_code_re():
    import regex

    return regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}{2,}(?![\p{L}\p{M}])")


@lru_cache(maxsize=8192)
def judge_language(text: str, expected: str, min_words: int = 3) -> Verdict | None:
    """A :class:`Verdict` when ``text`` is surely not written in ``expected``, else None.

    Cheap evidence decides whether language identification runs at all:

    * *script*: most letters are in a script ``expected`` does not use (CLDR likely subtags) and
      that is not Latin (Cyrillic in German, kana in French) — sure without langdetect;
    * *latin*: a non-Latin language (Russian, Japanese) whose text has none of its own letters and
      is made of ordinary lower-case words (not names or codes), confirmed by langdetect — or,
      when langdetect is unsure, by most of its words being common words of some Latin-script
      language (wordfreq); the language is then not named;
    * *words*: same script — fewer than 75 % of the text's words are common in ``expected``
      (wordfreq); then langdetect names a candidate, which must be sure and whose own words must
      make up most of the text (``favour_share``).

    Languages without script or frequency data fall back to langdetect alone on at least five
    words (95 % sure, expected language under 5 %). Cached per (text, language).
    """
    if not expected:
        return None
    # codes and acronyms in capitals (YYYY-MM-DD, HTML, URL) are shared by every language
    text = _caps_code_re().sub(" ", text)
    letters = _letters(text, ("L",))
    if letters < 8:
        return None
    scripts = usual_scripts(expected)
    if scripts:
        own = _letters(text, scripts)
        latin = 0 if "Latn" in scripts else _letters(text, ("Latn",))
        foreign = letters - own - latin
        if foreign >= 6 and foreign >= 0.6 * letters:
            lang, p = _top(text)
            if lang == expected:
                return None
            return Verdict(lang, 0.99, "script")
        if foreign >= 0.3 * letters:
            return None  # mixed scripts: names, quotations; not judged
        if "Latn" not in scripts:
            if own > 0 or latin < 0.9 * letters:
                return None
            words = _content_words(text)
            lower = [w for w in _words(text) if w[:1].islower() and len(w) >= 3]
            if len(words) < min_words or len(lower) < 2:
                return None
            lang, p = _top(text)
            if lang == expected:
                return None
            if lang is None or p < SURE_OTHER:
                # langdetect is unsure which Latin language it is ("Date hors limites": English
                # 0.71, Albanian 0.29), but the text is surely not in ``expected`` when its words
                # are common words of some Latin-script language; which one, three words cannot
                # tell reliably (shared vocabulary), so no language is named
                lang, share = _latin_by_words(words, [c for c, _ in sentence_langs(" ".join(text.split()))])
                if lang is None or share < 0.6:
                    return None
                return Verdict(None, round(min(share, 0.9), 2), "latin")
            if _wordlist_ok(lang) and common_share(words, lang) < 0.6:
                return None
            return Verdict(lang, p, "latin")
    words = _content_words(text)
    if _wordlist_ok(expected):
        if len(words) < min_words:
            return None
        if _mostly_common(words, expected):   # common_share(words, expected) >= 0.75
            return None
        lang, p = _top(text)
        if lang is None or lang == expected or p < SURE_OTHER or not _wordlist_ok(lang):
            return None
        if favour_share(words, expected, lang) < 0.4 or known_share(words, lang) < 0.6:
            return None
        return Verdict(lang, p, "words")
    if len(_words(text)) < max(min_words, 5):
        return None
    cands = dict(sentence_langs(text))
    if not cands:
        return None
    top, p = max(cands.items(), key=lambda kv: kv[1])
    if top == expected or p < 0.95 or cands.get(expected, 0.0) >= 0.05:
        return None
    return Verdict(top, p, "words")


@lru_cache(maxsize=1)
def _latin_wordlists() -> tuple[str, ...]:
    """Languages written in Latin script (CLDR) that wordfreq has a word list for."""
    from wordfreq import available_languages

    return tuple(sorted(lang for lang in available_languages()
                        if "Latn" in usual_scripts(lang) and _wordlist_ok(lang)))


def _latin_by_words(words: list[str], guesses: list[str] = ()) -> tuple[str | None, float]:
    """The first of langdetect's ``guesses`` whose common words make up most of ``words``; else
    the Latin-script language with the largest share of common words in ``words`` (ties: the one
    where the words are most frequent on average); and that share."""
    for lang in guesses:
        if lang in _latin_wordlists():
            sh = common_share(words, lang)
            if sh >= 0.6:
                return lang, sh
    best, key = None, (0.0, 0.0)
    for lang in _latin_wordlists():
        k = (common_share(words, lang), sum(_zipf(w, lang) for w in words) / max(1, len(words)))
        if k > key:
            best, key = lang, k
    return best, key[0]


def _top(text: str) -> tuple[str | None, float]:
    cands = sentence_langs(" ".join(text.split()))
    if not cands:
        return None, 0.0
    return cands[0]
