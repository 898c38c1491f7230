"""Lost letters: '?' and U+FFFD standing for letters, and undecodable bytes kept as surrogates."""
from __future__ import annotations

from itertools import product

import regex

from . import chars, codepages
from .damage import Damage
from .lexicon import Lexicon
from .words import _all_caps, _Run, _urlish, _word_zipf


_MAX_LOST_COMBOS = 20000


def _lost_chars(run: _Run, s: int, e: int, word: str) -> Damage | None:
    """'?', U+FFFD or lone surrogates standing for letters."""
    has_fffd = "\ufffd" in word
    surrogates = [i for i, c in enumerate(word) if "\ud800" <= c <= "\udfff"]
    qs = [i for i, c in enumerate(word) if c == "?"]
    if not (has_fffd or surrogates or qs):
        return None
    letters = sum(c.isalpha() for c in word)
    if letters < 2 and not (has_fffd or surrogates):
        return None
    if qs and not has_fffd and not surrogates:
        # '?' between letters, or glued to the front of a word, is no punctuation; at the end it
        # is (unless the word also has one inside)
        core = word.rstrip("?")
        if "?" not in core:
            return _trailing_question_mark(run, s, e, word, core)
        leading_only = "?" not in core.lstrip("?")
        if leading_only and (s > 0 and not run.text[s - 1].isspace() and run.text[s - 1] not in "\"'“„«(["):
            return None
        if _urlish(run, s, e):  # a URL, a query string, a path: '?' is syntax there
            return None
    if surrogates:
        fixed = _surrogate_repair(run, word)
        return Damage(s, e, "replacement", word, fixed,
                      "undecodable bytes of a legacy code page were read as UTF-8", 0.95 if fixed else 0.9)
    lost = [i for i, c in enumerate(word) if c in "?\ufffd"]
    fixed = _fill(run.lex, word, lost)
    if has_fffd:
        return Damage(s, e, "replacement", word, fixed,
                      "undecodable bytes became U+FFFD replacement characters",
                      0.95)
    if fixed is None and (leading_only or len(lost) < 2 and not _between_letters(run.lex, word, lost[0])):
        return None
    return Damage(s, e, "question-mark", word, fixed,
                  "letters the code page could not hold were replaced by '?'", 0.9 if fixed else 0.75)


#: what follows a '?' that cannot be a question mark: a comma, semicolon, colon or full stop, or
#: (after spaces) a word in small letters
_MID_SENTENCE = regex.compile(r"[,;:](?!\S)|\.(?![.\w])|[ \t]+\p{Ll}")


def _trailing_question_mark(run: _Run, s: int, e: int, word: str, core: str) -> Damage | None:
    """A '?' ending a word is a question mark, unless the word without it is unknown and one
    letter in its place makes a frequent word (``parl?`` → ``parlé``), or the sentence goes on
    after it (``popularno?? i``, ``dal?,``) and letters in its place make a word far more frequent
    than the word without them."""
    lex = run.lex
    n = len(word) - len(core)
    if lex is None or not lex.has_words or len(core) < 3 or n > 3 or _urlish(run, s, e):
        return None
    zc = lex.zipf(core)
    mid = bool(_MID_SENTENCE.match(run.text, e))
    if zc > 0 and not mid or n > 1 and not (mid or zc == 0):
        return None
    fixed = _fill(lex, word, list(range(len(core), len(word))))
    if fixed is None:
        return None
    zf = lex.zipf(fixed)
    # two or three '?' in the middle of a sentence are no punctuation: the filled word need only
    # be known; one '?' must give a word clearly more frequent than the word without it
    if zf < lex.strong_floor + 0.5 or (zf - zc < (1.0 if zc == 0 else 1.5) and not (mid and n > 1)):
        return None
    return Damage(s, e, "question-mark", word, fixed,
                  "letters the code page could not hold were replaced by '?'", 0.75 if mid else 0.7)


def _between_letters(lex: Lexicon | None, word: str, i: int) -> bool:
    """A '?' between letters in a word of four letters or more ("S?ren", "Mi?osz"): no punctuation
    in prose (URLs and code are left out before), unless it parts two words ("schreib?mir", a
    question mark missing its space)."""
    if not (1 <= i <= len(word) - 2 and word[i - 1].isalpha() and word[i + 1].isalpha()
            and sum(c.isalpha() for c in word) >= 4):
        return False
    left, right = word[:i], word[i + 1:]
    return not (lex is not None and len(left) >= 2 and len(right) >= 2
                and lex.zipf(left) > 0 and lex.zipf(right) > 0)


def _fill(lex: Lexicon | None, word: str, lost: list[int]) -> str | None:
    """The most frequent known word that fills the lost positions with letters of the language.

    Converters that replace a letter with '?' often replace others by their unaccented form
    (``görüşüldü`` → ``g?r?s?ld?``), so a second round also tries accented forms of the plain
    letters."""
    if lex is None or not lex.has_words or not lost or len(word) - len(lost) < 2:
        return None
    upper = _all_caps(word)
    pool = tuple(sorted(c for c in lex.alphabet if not c.isascii() and c.isalpha() and c.isupper() == upper))
    if not pool:
        return None
    choices: list[tuple[str, ...]] = [pool if i in lost else (c,) for i, c in enumerate(word)]
    best = _best_fill(lex, choices)
    if best is None:
        for i, c in enumerate(word):
            if c.isascii() and c.isalpha():
                choices[i] = (c, *(x for x in pool if chars.base_and_mark(x)[0] == c.lower() and x != c))
        best = _best_fill(lex, choices)
    return best


def _best_fill(lex: Lexicon, choices: list[tuple[str, ...]]) -> str | None:
    n = 1
    for ch in choices:
        n *= len(ch)
    if n > _MAX_LOST_COMBOS:
        return None
    best, best_z = None, 0.0
    for combo in product(*choices):
        cand = "".join(combo)
        z = _word_zipf(lex, cand)
        if z > best_z:
            best, best_z = cand, z
    return best if best_z >= lex.strong_floor else None


def _surrogate_repair(run: _Run, word: str) -> str | None:
    lex = run.lex
    if lex is None or not lex.has_words:
        return None
    try:
        raw = word.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte (U+D800…U+DC7F)
        return None
    best, best_z = None, 0.0
    for cp in codepages.CODEPAGES:
        cand = codepages.decode(raw, cp.codec)
        if cand is None:
            continue
        z = _word_zipf(lex, cand)
        if z > best_z:
            best, best_z = cand, z
    return best if best_z >= lex.strong_floor else None


_TRAILING_Q = regex.compile(r"(?<![\p{L}\p{M}?'’])[\p{L}\p{M}]{2,}\?(?![\p{L}\p{M}?])")


def _trailing_question_marks(run: _Run) -> list[Damage]:
    """In a text where '?' is known to stand for lost letters, words ending in '?' whose filled
    form is far more frequent than the word without it (Polish ``si?`` → ``się``)."""
    lex = run.lex
    if lex is None or not lex.has_words:
        return []
    taken = [(d.start, d.end) for d in run.damages]
    out = []
    for m in _TRAILING_Q.finditer(run.text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        word = m.group()
        fixed = _fill(lex, word, [len(word) - 1])
        if fixed is not None and lex.zipf(fixed) - lex.zipf(word[:-1]) >= 2.0:
            out.append(Damage(s, e, "question-mark", word, fixed,
                              "letters the code page could not hold were replaced by '?'", 0.7))
    return out


#: two '?'-only words in a row, or one of four '?' or more between two words
_QRUN = regex.compile(r"(?<!\S)\?{2,}(?:[ \t]+\?{2,})+(?!\S)"
                      r"|(?<=\w[,;:]?[ \t])\?{4,}(?=[ \t]+\w|[,;:.](?!\S))"
                      r"|(?<![^\n])\?{4,}(?=[ \t]+\p{Ll})")


def _lost_runs(text: str) -> list[Damage]:
    if "??" not in text:
        return []
    return [Damage(m.start(), m.end(), "question-mark", m.group(), None,
                   "a whole phrase was replaced by '?' (its script was not in the code page)", 0.7)
            for m in _QRUN.finditer(text)]
