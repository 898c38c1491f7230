"""Word analysers that need no code-page tables: invisible characters, dotted/dotless i,
cedillas, homoglyphs and decomposed (NFD) letters."""
from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from . import chars
from .damage import Damage
from .lexicon import lexicon
from .words import _SCRIPTED, _foreign, _Run, _urlish, _word_zipf


_COMBINING = regex.compile(r"[\u0300-\u036f]")


def _controls(run: _Run, s: int, e: int, word: str) -> list[Damage]:
    """Invisible and control characters inside a word (or bidi controls with no RTL text)."""
    idx = [i for i, c in enumerate(word) if c in chars.INVISIBLE]
    if not idx:
        return []
    alnum = any(c.isalnum() for c in word)
    bad = []
    for i in idx:
        c = word[i]
        if c == "\ufeff" and s + i == 0:
            continue  # a byte-order mark at the start of the text
        if c in chars.BIDI:
            if run.has_rtl or (c in "\u200e\u200f\u061c" and not alnum):
                continue
            bad.append(i)
            continue
        if not alnum:
            continue  # a control standing alone between spaces is left alone
        if c in "\u200b\u200c\u200d":
            left = word[i - 1] if i > 0 else ""
            right = word[i + 1] if i + 1 < len(word) else ""
            if not (left.isalpha() and right.isalpha() and chars.script_of(left) in chars.PLAIN_SCRIPTS
                    and chars.script_of(right) in chars.PLAIN_SCRIPTS):
                continue
        bad.append(i)
    if not bad:
        return []
    # zero-width and C0 characters can simply go; a C1 control may stand for a lost letter
    # (a letter of Windows-1250 read as ISO-8859-2)
    lost = any("\x80" <= word[i] <= "\x9f" for i in bad)
    fixed = None if lost else "".join(c for i, c in enumerate(word) if i not in set(bad))
    names = sorted({f"U+{ord(word[i]):04X} {unicodedata.name(word[i], 'CONTROL')}" for i in bad})
    cause = "invisible character " + ", ".join(names)
    if not alnum:  # a lone bidi control: report only the character
        return [Damage(s + i, s + i + 1, "control", word[i], "", cause, 0.85) for i in bad]
    return [Damage(s, e, "control", word, fixed, cause, 0.9)]


def _dotted_i(run: _Run, s: int, e: int, word: str) -> Damage | None:
    lex = run.lex
    # 1. i + COMBINING DOT ABOVE: İ lower-cased with a non-Turkish rule ("i̇stanbul")
    if "\u0307" in word:
        out, changed = [], False
        for i, c in enumerate(word):
            if c == "\u0307" and i > 0 and word[i - 1] in "ijIJ":
                nxt = word[i + 1] if i + 1 < len(word) else ""
                if lex is not None and lex.lang == "lt" and nxt in "\u0300\u0301\u0303":
                    out.append(c)
                    continue
                if word[i - 1] == "I" and lex is not None and lex.turkic:
                    out[-1] = "İ"
                changed = True
                continue
            out.append(c)
        if changed:
            return Damage(s, e, "dotted-i", word, "".join(out),
                          "'İ' lower-cased with a non-Turkish rule, leaving i + combining dot", 0.9)
    if lex is None or lex.script != "LATIN":
        return None
    if not lex.turkic:
        if "İ" in word:
            others = [c for c in word if c.isalpha() and c not in lex.alphabet and c != "İ"]
            if others or not (word.isupper() or word.find("İ") > 0):
                return None
            fixed = word.replace("İ", "I") if word.isupper() else word[0] + word[1:].replace("İ", "i")
            if word.isupper() and len(word) > 1 or lex.known(fixed):
                return Damage(s, e, "dotted-i", word, fixed,
                              "upper-cased with Turkish rules, i → İ", 0.85)
        if "ı" in word and lex.has_words:
            fixed = word.replace("ı", "i")
            if lex.zipf(word) == 0 and lex.known(fixed):
                return Damage(s, e, "dotted-i", word, fixed,
                              "lower-cased with Turkish rules, I → ı", 0.8)
        return None
    # Turkic: an ASCII 'I' where the dotted 'İ' makes the word
    ipos = [i for i, c in enumerate(word) if c == "I"]
    letters = sum(c.isalpha() for c in word)
    if not ipos or len(ipos) > 4 or not lex.has_words or letters < 4 or (word.isupper() and letters < 5):
        return None
    if _urlish(run, s, e):
        return None
    # "Istanbul" is common in Turkish web text (so wordfreq knows "ıstanbul"); the dotted form
    # must be far more frequent
    z_word = _word_zipf(lex, word)
    best, best_z = None, 0.0
    for mask in range(1, 2 ** len(ipos)):
        chars_ = list(word)
        for k, i in enumerate(ipos):
            if mask >> k & 1:
                chars_[i] = "İ"
        cand = "".join(chars_)
        z = _word_zipf(lex, cand)
        if z > best_z:
            best, best_z = cand, z
    if (best is not None and best_z >= max(lex.strong_floor, 3.0) and best_z - z_word >= 1.5
            and not _foreign(run, word, best_z)):
        return Damage(s, e, "dotted-i", word, best,
                      "upper-cased with a non-Turkish rule, i → I instead of İ", 0.85)
    return None


_CEDILLA_TO_COMMA = {"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"}
_COMMA_TO_CEDILLA = {v: k for k, v in _CEDILLA_TO_COMMA.items()}


def _cedilla(run: _Run, s: int, e: int, word: str) -> Damage | None:
    lex = run.lex
    if lex is None or not lex.alphabet:
        return None
    out, comma, cedilla = [], False, False
    for c in word:
        if c in _CEDILLA_TO_COMMA and c not in lex.alphabet and _CEDILLA_TO_COMMA[c] in lex.alphabet:
            out.append(_CEDILLA_TO_COMMA[c])
            comma = True
        elif c in _COMMA_TO_CEDILLA and c not in lex.alphabet and _COMMA_TO_CEDILLA[c] in lex.alphabet:
            out.append(_COMMA_TO_CEDILLA[c])
            cedilla = True
        else:
            out.append(c)
    if not (comma or cedilla):
        return None
    cause = ("ş/ţ with a cedilla where this language writes ș/ț with a comma below" if comma
             else "ș with a comma below where this language writes ş with a cedilla")
    return Damage(s, e, "cedilla", word, "".join(out), cause, 0.95)


def _homoglyph(run: _Run, s: int, e: int, word: str) -> Damage | None:
    scripts = Counter(chars.script_of(c) for c in word if c.isalpha())
    mixed = [sc for sc in _SCRIPTED if scripts.get(sc)]
    lex = run.lex
    if len(mixed) >= 2:
        order = sorted(mixed, key=lambda sc: -scripts[sc])
        if lex is not None and lex.script in mixed and lex.script != order[0]:
            order.append(lex.script)
        for target in order:
            out = []
            for c in word:
                if c.isalpha() and chars.script_of(c) in _SCRIPTED and chars.script_of(c) != target:
                    h = chars.homoglyph(c, target)
                    if h is None:
                        break
                    out.append(h)
                else:
                    out.append(c)
            else:
                fixed = "".join(out)
                odd = sorted({c for c in word if c.isalpha() and chars.script_of(c) != target})
                names = ", ".join(f"'{c}' U+{ord(c):04X}" for c in odd)
                other = "/".join(sorted({chars.script_of(c).title() for c in odd}))
                return Damage(s, e, "homoglyph", word, fixed,
                              f"{other} look-alike {names} in a {target.title()} word", 0.9)
        return None
    # a whole word in Cyrillic/Greek look-alikes inside Latin-script text ("СОМРАNY")
    if (len(mixed) == 1 and lex is not None and lex.script == "LATIN" and lex.has_words
            and mixed[0] != "LATIN" and sum(scripts.values()) >= 3):
        out = [chars.homoglyph(c, "LATIN") if c.isalpha() else c for c in word]
        if None in out:
            return None
        fixed = "".join(out)  # type: ignore[arg-type]
        if lex.zipf(fixed) >= 3.0 and not _known_elsewhere(word, mixed[0]):
            return Damage(s, e, "homoglyph", word, fixed,
                          f"Latin word written with {mixed[0].title()} look-alike letters", 0.75)
    return None


def _known_elsewhere(word: str, script: str) -> bool:
    langs = {"CYRILLIC": ("ru", "uk", "bg", "mk"), "GREEK": ("el",)}.get(script, ())
    for lg in langs:
        lx = lexicon(lg)
        if lx is not None and lx.zipf(word) > 0:
            return True
    return False


def _nfd(run: _Run, s: int, e: int, word: str) -> Damage | None:
    if not _COMBINING.search(word):
        return None
    nfc = unicodedata.normalize("NFC", word)
    if nfc == word:
        return None
    conf = 0.9 if run.has_precomposed else 0.6
    return Damage(s, e, "nfd", word, nfc,
                  "letter + combining accent, Unicode NFD", conf)
