"""Transliteration and fuzzy matching of names across scripts and spellings.

Names travel between languages as transliterations (Tokayev / Токаев / Tokajew /
Tokaïev), exonyms (handled with CLDR in :mod:`tqcheck.lang.cldr`) and inflected
forms (Kazakistan'ın, Токаевым, Kazachstanu). Everything here works on a *key*:
the name in ASCII (anyascii), lower case, with spelling conventions of
romanisation systems collapsed (``kh``/``h``, ``zh``/``j``/``y``, ``w``/``v``,
``z``/``ts``/``c``, double letters), so that two renderings of one name get the same or a close key.

>>> name_key("Tokayev") == name_key("Токаев") == name_key("Tokajew")
True
>>> same_name("Kazakhstan", "Kazakistan'ın")
True
>>> same_name("Amreyev", "Nazarbayev")
False
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import regex
from anyascii import anyascii
from rapidfuzz.distance import Indel

__all__ = [
    "casefold", "fold", "name_key", "token_forms", "similarity", "same_name", "script_of",
    "TRANSLITERABLE_SCRIPTS", "NO_SPACE_SCRIPTS", "is_cased_script", "APOSTROPHES",
]

#: Scripts whose romanisation by anyascii is close to how names are written in Latin script.
TRANSLITERABLE_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek"})
#: Scripts written without spaces between words.
NO_SPACE_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})
_CASED_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Coptic", "Glagolitic",
                            "Deseret", "Adlam", "Cherokee", "Osage", "Warang_Citi"})
APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"

_SCRIPTS = ("Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew", "Han", "Hiragana",
            "Katakana", "Hangul", "Thai", "Devanagari", "Bengali", "Tamil", "Telugu", "Ethiopic", "Lao",
            "Khmer", "Myanmar", "Tibetan", "Gujarati", "Gurmukhi", "Kannada", "Malayalam", "Sinhala")
_SCRIPT_RES = tuple((s, regex.compile(rf"\p{{Script={s}}}")) for s in _SCRIPTS)


_ASCII_LETTER = regex.compile(r"[A-Za-z]").search


@lru_cache(maxsize=4096)
def _char_script(ch: str) -> str | None:
    for name, rx in _SCRIPT_RES:
        if rx.match(ch):
            return name
    return None


def script_of(text: str) -> str | None:
    """The script of most letters of ``text`` (``"Latin"``, ``"Cyrillic"``, ``"Han"`` …)."""
    if text.isascii():  # the letters of ASCII are a-z and A-Z: Latin
        return "Latin" if _ASCII_LETTER(text) else None
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():  # each distinct character looked up once
        if ch.isalpha():
            s = _char_script(ch)
            if s:
                counts[s] = counts.get(s, 0) + n
    if not counts:
        return None
    if "Han" in counts and ("Hiragana" in counts or "Katakana" in counts):
        return "Hiragana" if counts.get("Hiragana", 0) >= counts.get("Katakana", 0) else "Katakana"
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def is_cased_script(script: str | None) -> bool:
    return script in _CASED_SCRIPTS


def char_script(ch: str) -> str | None:
    """Script of one character (None for digits, punctuation, unknown scripts)."""
    return _char_script(ch) if ch.isalpha() else None


def casefold(text: str) -> str:
    """``str.casefold`` that keeps Turkish ``İ`` one letter (``i``, not ``i`` + combining dot)."""
    cf = text.casefold()
    return cf.replace("i\u0307", "i") if "\u0307" in cf else cf


def fold(text: str) -> str:
    """Case- and accent-insensitive ASCII form: ``"İstanbul"`` → ``"istanbul"``,
    ``"Çavuşoğlu"`` → ``"cavusoglu"``. Keeps spaces, digits and hyphens."""
    t = unicodedata.normalize("NFKC", text)
    t = anyascii(t).lower()
    return t


# order matters: longer spellings first
_DIGRAPHS = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("sch", "s"), ("tch", "c"), ("kh", "h"), ("gh", "g"),
    ("ch", "c"), ("sh", "s"), ("sz", "s"), ("cz", "c"), ("ph", "f"), ("th", "t"), ("ts", "c"),
    ("tz", "c"), ("ck", "k"), ("qu", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("y", "i"),
    ("j", "i"), ("z", "c"),
)
_DIGRAPH_RE = re.compile("|".join(re.escape(a) for a, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_GLIDES = re.compile(r"(?<=[a-z])i(?=[aou])|(?<=[aeou])i(?=e)")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Spelling-neutral key of a name (ASCII letters and digits only)."""
    return _key(re.sub(r"[^a-z0-9]", "", fold(text)))


#: how a Latin spelling is read aloud, which a transliteration into another script writes down:
#: c before a, o, u, a consonant or at the end is k (Canada → Канада, Unicode → Юникод); a final e
#: after a consonant is silent; an initial u may be read yu (Unicode → Юникод, Unix → Юникс)
_SPOKEN = (
    lambda t: re.sub(r"c(?![eiyhz])", "k", t),
    lambda t: re.sub(r"(?<=[^aeiou])e$", "", t) if len(t) > 4 else t,
    lambda t: "y" + t if t.startswith("u") else t,
)


@lru_cache(maxsize=65536)
def spoken_keys(text: str) -> tuple[str, ...]:
    """Name keys of a Latin spelling read aloud (:data:`_SPOKEN`, each applied or not), to compare
    with a name written in another script, which transliterates the sound, not the letters."""
    t = re.sub(r"[^a-z0-9]", "", fold(text))
    forms = {t}
    for f in _SPOKEN:
        forms |= {f(x) for x in forms}
    return tuple(sorted({_key(x) for x in forms} - {""}))


def _key(t: str) -> str:
    t = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group(0)], t)
    t = _GLIDES.sub("", t)  # ia/iu/io: я/ю/ё romanised with a glide; Tokayev/Tokaev
    t = re.sub(r"(.)\1+", r"\1", t)
    return t


_ELISION = re.compile(r"^[a-zà-ÿ]{1,4}$")


def token_forms(token: str) -> tuple[str, ...]:
    """Forms under which a name may hide in ``token``: the token itself, the part before an
    apostrophe (Turkish case suffix: ``Kazakistan'ın``), the part after an elided article
    (``l'Ouzbékistan``, ``dell'Austria``) and the parts of a hyphenated compound."""
    forms = [token]
    for ap in APOSTROPHES:
        if ap in token:
            head, _, tail = token.partition(ap)
            if _ELISION.match(head) and tail:
                forms.append(tail)
            elif head:
                forms.append(head)
            break
    for f in list(forms):
        if "-" in f:
            forms.extend(p for p in f.split("-") if len(p) >= 2)
    seen: list[str] = []
    for f in forms:
        if f and f not in seen:
            seen.append(f)
    return tuple(seen)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """Similarity 0–100 of two name keys, allowing an inflectional ending on either side:
    the plain Indel ratio, the ratio against ``b`` cut to ``a``'s length (plus one), and a
    shared stem (common prefix of at least four letters and 60 % of the shorter key)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    if min(len(a), len(b)) < 3:
        return 0.0
    best = Indel.normalized_similarity(a, b) * 100
    if len(b) > len(a) + 1:
        best = max(best, Indel.normalized_similarity(a, b[: len(a) + 1]) * 100)
    if len(a) > len(b) + 1:
        best = max(best, Indel.normalized_similarity(a[: len(b) + 1], b) * 100)
    cp = _common_prefix(a, b)
    if cp >= 4 and cp >= 0.6 * min(len(a), len(b)):
        best = max(best, 90.0)
    if min(len(a), len(b)) <= 3 and best < 100:
        best -= 10  # short keys: one letter is a lot
    return best


#: similarity from which two keys count as the same name
SAME_NAME = 80.0


def same_name(a: str, b: str, threshold: float = SAME_NAME) -> bool:
    """True when token ``b`` can be a rendering (transliteration, inflection) of name ``a``."""
    ka = name_key(a)
    if not ka:
        return False
    spoken = None
    for form in token_forms(b):
        kb = name_key(form)
        if similarity(ka, kb) >= threshold:
            return True
        if kb and char_script(form[0]) not in (None, "Latin") and char_script(a[0]) == "Latin":
            # a transliteration writes the sound: compare with the spellings read aloud
            spoken = spoken_keys(a) if spoken is None else spoken
            if any(similarity(k, kb) >= threshold for k in spoken):
                return True
    parts = [p for p in a.split("-") if p]
    if len(parts) > 1:
        return all(same_name(p, b, threshold) for p in parts)
    return False
