"""Word frequencies (wordfreq), cached. Used to judge whether a word is a real
word of a language."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def has_wordlist(lang: str | None) -> bool:
    if not lang:
        return False
    try:
        from wordfreq import available_languages

        return lang in available_languages()
    except Exception:  # pragma: no cover - wordfreq missing data
        return False


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (0 = unknown, 3 = once per million words…):
    ``wordfreq.zipf_frequency``, looked up in the start-up cache's copy of the word list
    (:mod:`.wordtable`; loading wordfreq's own takes up to a third of a second per language)."""
    from .wordtable import zipf_frequency

    return zipf_frequency(word, lang)
