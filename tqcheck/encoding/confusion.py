"""Code-page confusions: which readings of a word through two code pages give a known word,
and which confusion the whole text agrees on."""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

import regex

from . import codepages, mojibake
from .damage import Damage
from .lexicon import lexicon
from .words import (_APOS, _foreign, _foreign_word, _glue, _regular_case, _Run, _stem_known,
                    _word_zipf)


def _codepage_candidates(run: _Run, s: int, e: int, word: str, need_strong: bool = False) -> bool:
    """Record the code-page repairs of one word (decided later, over the whole text)."""
    assert run.lex is not None
    if len(word) > 40 or word.isascii():
        return False
    out = _cp_analysis(word, run.lex.lang, run.other_langs)
    if need_strong and not any(c[2] for c in out):
        return False
    if out:
        run.cp_words.append((s, e, word, out))
    return bool(out)


#: one code-page reading of a word: (repair, {(written, read)}, strong, zipf of the repair)
_Cand = tuple[str, frozenset, bool, float]


@lru_cache(maxsize=50000)
def _cp_analysis(word: str, lang: str, other_langs: tuple[str, ...]) -> tuple[_Cand, ...]:
    """The code-page readings of ``word`` that give a known word of ``lang`` (strong), or a
    plausible one that needs support from other words of the text (weak). Cached per word."""
    lex = lexicon(lang)
    assert lex is not None
    alphabet, core = lex.alphabet, lex.core
    odd = [i for i, c in enumerate(word) if not c.isascii() and c not in core
           and unicodedata.category(c)[0] != "M" and c not in _APOS]
    irregular = not _regular_case(word)
    if "’" in word and not odd and _word_zipf(lex, word) == 0:
        # a typographic apostrophe inside an unknown word may be a letter (Mac "í" read as
        # Windows-1252 gives "econom’a")
        odd = [i for i, c in enumerate(word) if c == "’"]
    cands: dict[str, set[tuple[str, str]]] = defaultdict(set)
    partial: set[str] = set()
    if odd and len(odd) <= 8:
        # partial damage: only the characters foreign to the language came from another page;
        # rare letters of the language (Turkish â) may also stay as they are
        required: list[dict[tuple[str, str], str]] = []
        optional: list[tuple[int, dict[tuple[str, str], str]]] = []
        for i in odd:
            m = _origin_map(word[i], lang)
            if word[i] in alphabet or word[i] in _APOS:
                optional.append((i, m))
            elif not m:
                required = []
                break
            else:
                required.append(m)
        req_pos = [i for i in odd if word[i] not in alphabet and word[i] not in _APOS]
        if len(required) == len(req_pos) and (required or optional):
            pairs_ = (set(required[0]).intersection(*required[1:]) if required
                      else set().union(*(m for _, m in optional)))
            for pair in pairs_:
                chars_ = list(word)
                for i, m in zip(req_pos, required):
                    chars_[i] = m[pair]
                for i, m in optional:
                    if pair in m:
                        chars_[i] = m[pair]
                r = "".join(chars_)
                if _regular_case(r):
                    cands[r].add(pair)
                    partial.add(r)
    if odd or lex.script != "LATIN" or irregular:
        # full damage: every byte of the word was read in the other page
        for r, pairs in _full_candidates(word, lang).items():
            cands[r] |= pairs
    if not cands or _foreign_word(word, lang, other_langs, 2.0):
        return ()
    out = []
    for r, pairs in cands.items():
        changed = tuple(i for i, (a, b) in enumerate(zip(word, r)) if a != b) if len(r) == len(word) else ()
        zr = _word_zipf(lex, r, changed)
        zw = 0.0 if irregular else _word_zipf(lex, word, changed)
        # the word as written may be "known" when the same damage is common on the web
        # (Romanian "cã" for "că"): the repair must then be far more frequent
        if zw > 0 and zr - zw < 2.0:
            continue
        letters = sum(c.isalpha() for c in r)
        if zr >= lex.strong_floor and letters >= (3 if r in partial else 4):
            out.append((r, frozenset(pairs), True, zr))
        elif zr >= lex.strong_floor or (letters >= 4 and (
                zr >= lex.min_zipf > 0 or _stem_known(lex, r, word, changed))):
            # short words, glyphs standing alone, rare or inflected forms: only with support
            out.append((r, frozenset(pairs), False, zr))
    return tuple(out)


@lru_cache(maxsize=8192)
def _origin_map(c: str, lang: str) -> dict[tuple[str, str], str]:
    """(written, read) → the letter of ``lang`` that ``c`` stands for under that confusion."""
    lex = lexicon(lang)
    assert lex is not None
    m: dict[tuple[str, str], str] = {}
    for o in codepages.origins(c):
        if o.char in lex.alphabet:
            m.setdefault((o.written, o.read), o.char)
    return m


def _utf8_word(run: _Run, s: int, e: int, word: str) -> bool:
    """A single word of UTF-8 read in a single-byte page, when its repair is a known word."""
    lex = run.lex
    assert lex is not None
    if len(word) > 60 or sum(not c.isascii() for c in word) < 2:
        return False  # UTF-8 turns every non-ASCII letter into two characters or more
    best = None
    for r, reads in mojibake.utf8_candidates(word).items():
        z = _word_zipf(lex, r)
        if z >= lex.strong_floor and _word_zipf(lex, word) == 0 and (best is None or z > best[1]):
            best = (r, z, reads)
    if best is None:
        return False
    read = max(best[2], key=lambda c: codepages.BY_CODEC[c].prior)
    run.damages.append(Damage(s, e, "mojibake", word, best[0], mojibake.describe_utf8(read), 0.9))
    return True


@lru_cache(maxsize=20000)
def _full_candidates_cached(word: str, lang: str) -> tuple[tuple[str, frozenset], ...]:
    lex = lexicon(lang)
    assert lex is not None
    alphabet, latin = lex.alphabet, lex.script == "LATIN"
    by_bytes: dict[bytes, set[str]] = defaultdict(set)
    for rb in codepages.CODEPAGES:
        try:
            by_bytes[word.encode(rb.codec)].add(rb.codec)
        except UnicodeEncodeError:
            continue
    res: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for raw, reads in by_bytes.items():
        for wa in codepages.pages_for(lex.core):
            try:
                r = raw.decode(wa)
            except UnicodeDecodeError:
                continue
            if r == word or not _regular_case(r):
                continue
            if not all(c in alphabet or (latin and c.isascii()) or (not c.isalpha() and
                       (c.isascii() or unicodedata.category(c)[0] == "M" or c in _APOS)) for c in r):
                continue
            for rd in reads:
                if rd != wa:
                    res[r].add((wa, rd))
    return tuple((r, frozenset(p)) for r, p in res.items())


def _full_candidates(word: str, lang: str) -> dict[str, set[tuple[str, str]]]:
    """Repairs of ``word`` when all of it was read in another page: repair → (written, read) pairs.
    Only pages able to hold the language are considered as the page it was written in."""
    return {r: set(p) for r, p in _full_candidates_cached(word, lang)}


def _resolve_codepages(run: _Run) -> None:
    """Pick, for every candidate word, the repair the whole text agrees on."""
    votes: Counter = Counter()
    for _, _, _, cands in run.cp_words:
        votes.update(set().union(*(p for _, p, strong, _ in cands if strong)))

    def pair_score(p: tuple[str, str]) -> tuple[int, float]:
        return votes[p], codepages.pair_prior(*p)

    for s, e, word, cands in run.cp_words:
        # a weak candidate competes once the text supports its confusion: then the most
        # frequent reading under the best-supported confusion wins ("том", not "вом")
        pool = [c for c in cands if c[2] or max(votes[p] for p in c[1]) >= 2]
        if not pool:
            continue
        r, pairs, is_strong, z = max(pool, key=lambda c: (max(pair_score(p) for p in c[1]), c[3]))
        best = max(pairs, key=pair_score)
        support = votes[best] - (1 if is_strong else 0)
        conf = min(0.97, (0.8 if is_strong else 0.6) + 0.05 * min(support, 3))
        run.damages.append(_cp_damage(s, e, word, r, best, conf))
    established = [p for p, n in votes.most_common(2) if n >= 3]
    if established:
        _second_pass(run, established, votes)


def _cp_damage(s: int, e: int, word: str, repaired: str, pair: tuple[str, str], conf: float) -> Damage:
    cause = f"{codepages.label(pair[0])} text read as {codepages.label(pair[1])}"
    return Damage(s, e, "codepage", word, repaired, cause, round(conf, 3), pair)


#: a token for the second pass: anything between spaces and ASCII punctuation, because under an
#: established confusion any symbol may be a letter (``в®¬`` for DOS ``том``, ``«`` for ``л``)
_ANY_WORD = regex.compile(r"[^\s!-/:-@\[-`{-~]+(?:['’][^\s!-/:-@\[-`{-~]+)*")


def _second_pass(run: _Run, pairs: list[tuple[str, str]], votes: Counter) -> None:
    """Once a confusion is established by several words, words made only of the language's own
    letters may be damaged too (KOI8-R read as Windows-1251 turns Russian words into other
    Russian-looking letters): undo the confusion on every word and keep results far more
    frequent than the word as written."""
    from bisect import bisect_right

    lex = run.lex
    assert lex is not None
    text, glue = run.text, _glue()
    taken = sorted((d.start, d.end) for d in run.damages)
    starts = [a for a, _ in taken]

    def free(s: int, e: int) -> bool:
        k = bisect_right(starts, s) - 1
        return not ((k >= 0 and taken[k][1] > s) or (k + 1 < len(taken) and taken[k + 1][0] < e))

    strong_pair = max(votes[p] for p in pairs) >= 5
    for m in _ANY_WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        if word.isascii() and lex.script == "LATIN" or not free(s, e):
            continue
        if len(word) == 1 and word in lex.alphabet and not strong_pair:
            continue  # a one-letter word of the language is weak evidence: only with ample support
        if word.isdigit():
            continue
        zw = lex.zipf(word) if _regular_case(word) and any(c.isalpha() for c in word) else 0.0
        spans = [(s, e)]
        if s > 0 and text[s - 1] in glue and (s == 1 or text[s - 2].isspace()):
            spans.insert(0, (s - 1, e))
        if e < len(text) and text[e] in glue and (e + 1 == len(text) or text[e + 1].isspace()):
            spans.insert(0, (s, e + 1))
        done = False
        for ss, ee in spans:
            w = text[ss:ee]
            for pair in pairs:
                r = codepages.transcode(w, *pair)
                if r is None or r == w or not _regular_case(r):
                    continue
                zr = _word_zipf(lex, r)
                gap = 2.5 if len(w) == 1 else 2.0
                if zr >= lex.strong_floor and zr - zw >= gap and not _foreign(run, w, 2.0):
                    conf = min(0.9, 0.6 + 0.05 * min(votes[pair], 6))
                    run.damages.append(_cp_damage(ss, ee, w, r, pair, conf))
                    done = True
                    break
            if done:
                break
