"""Language identification with langdetect, made deterministic.

langdetect is randomised; seeding ``DetectorFactory`` makes every run give the
same answer. Its codes are ISO 639-1 except ``zh-cn``/``zh-tw``, which we map to
``zh``.
"""
from __future__ import annotations

import threading
from functools import lru_cache

_lock = threading.Lock()
_loaded = False

#: langdetect code -> tqcheck code
_CODE_MAP = {"zh-cn": "zh", "zh-tw": "zh"}


def _factory():
    global _loaded
    from langdetect import DetectorFactory, detector_factory

    with _lock:
        if not _loaded:
            detector_factory.init_factory()
            _loaded = True
    DetectorFactory.seed = 0
    return detector_factory._factory


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
        det = factory.create()
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
