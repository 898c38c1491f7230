"""Code-page confusions: which readings of a word through two code pages give a known word,
and which confusion the whole text agrees on."""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

import regex

from . import codepages, mojibake
from .analysers import _CEDILLA_TO_COMMA, _COMMA_TO_CEDILLA
from .chars import script_of as _script
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


#: cedilla and comma-below letters, each to its twin (old fonts and code pages had only ş ţ)
_TWIN = {**_CEDILLA_TO_COMMA, **_COMMA_TO_CEDILLA}

#: one code-page reading of a word: (repair, {(written, read)}, strong, zipf of the repair)
_Cand = tuple[str, frozenset, bool, float]


@lru_cache(maxsize=50000)
def _cp_analysis(word: str, lang: str, other_langs: tuple[str, ...]) -> tuple[_Cand, ...]:
    """The code-page readings of ``word`` that give a known word of ``lang`` (strong), or a
    plausible one that needs support from other words of the text (weak). Cached per word."""
    lex = lexicon(lang)
    assert lex is not None
    alphabet, core = lex.alphabet, lex.core
    odd = [i for i, c in enumerate(word) if not c.isascii() and c not in core and c not in _APOS
           and (unicodedata.category(c)[0] != "M" or _stray_mark(word, i))]
    irregular = not _regular_case(word)
    if irregular:
        # a letter of the wrong case inside a word ("вечерНм": KOI8-R "о" read as Windows-1251
        # "Н") may be a letter of another page, even when it is a letter of the language
        odd = sorted(set(odd) | set(_odd_case(word)))
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
            if word[i] in alphabet or word[i] in _APOS or _TWIN.get(word[i]) in alphabet:
                # a letter of the language, or the legacy twin of one (Romanian "ţ" for "ț"),
                # may stay as it is
                optional.append((i, m))
            elif not m:
                required = []
                break
            else:
                required.append(m)
        req_pos = [i for i in odd if word[i] not in alphabet and word[i] not in _APOS
                   and _TWIN.get(word[i]) not in alphabet]
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
                    elif word[i] not in alphabet and _TWIN.get(word[i]) in alphabet:
                        chars_[i] = _TWIN[word[i]]
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
    if not lex.has_words:
        # no word list (wordfreq lacks the language): a reading made of the language's letters is
        # a candidate, to be confirmed by other words of the text (see _resolve_by_alphabet)
        latin = lex.script == "LATIN"
        return tuple((r, frozenset(pairs), False, 0.0) for r, pairs in cands.items()
                     if sum(c.isalpha() for c in r) >= 3
                     and all(c in alphabet or (latin and c.isascii()) for c in r if c.isalpha()))
    out = []
    latin = lex.script == "LATIN"
    for r, pairs in cands.items():
        changed = tuple(i for i, (a, b) in enumerate(zip(word, r)) if a != b) if len(r) == len(word) else ()
        zr = _word_zipf(lex, r, changed)
        zw = 0.0 if irregular else _word_zipf(lex, word, changed)
        # the word as written may be "known" when the same damage is common on the web
        # (Romanian "cã" for "că"): the repair must then be far more frequent
        if zw > 0 and zr - zw < 2.0:
            continue
        letters = sum(c.isalpha() for c in r)
        if any(c.isalpha() and c not in alphabet and not (latin and c.isascii()) for c in r):
            # a letter the language does not use (a name's): only as a known word
            if zr >= lex.strong_floor and letters >= 4:
                out.append((r, frozenset(pairs), True, zr))
            continue
        if zr >= lex.strong_floor and letters >= (3 if r in partial else 4):
            out.append((r, frozenset(pairs), True, zr))
        elif zr >= lex.strong_floor or (letters >= 4 and (
                zr >= lex.min_zipf > 0 or _stem_known(lex, r, word, changed))):
            # short words, glyphs standing alone, rare or inflected forms: only with support
            out.append((r, frozenset(pairs), False, zr))
    return tuple(out)


def _stray_mark(word: str, i: int) -> bool:
    """A combining mark that composes with nothing before it (Windows-1258's tone marks, Hebrew
    points: letters of other pages read as marks)."""
    return i == 0 or len(unicodedata.normalize("NFC", word[i - 1:i + 1])) == 2


def _odd_case(word: str) -> list[int]:
    """Positions of non-ASCII letters whose case breaks the word's pattern: capitals after the
    first letter of a lower-case word, small letters in a word mostly in capitals."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 2:
        return []
    upper = sum(word[i].isupper() for i in letters[1:])
    if upper * 2 > len(letters) - 1:
        return [i for i in letters if word[i].islower() and not word[i].isascii()]
    return [i for i in letters[1:] if word[i].isupper() and not word[i].isascii()]


@lru_cache(maxsize=8192)
def _origin_map(c: str, lang: str) -> dict[tuple[str, str], str]:
    """(written, read) → the letter that ``c`` stands for under that confusion: a letter of
    ``lang``, or another letter of its script (names keep their letters: ``Gdańsk`` in French;
    such a repair must then be a known word, see :func:`_cp_analysis`)."""
    lex = lexicon(lang)
    assert lex is not None
    m: dict[tuple[str, str], str] = {}
    for o in codepages.origins(c):
        if o.char in lex.alphabet or (o.char.isalpha() and _script(o.char) == lex.script):
            m.setdefault((o.written, o.read), o.char)
    return m


def _utf8_word(run: _Run, s: int, e: int, word: str) -> bool:
    """A single word of UTF-8 read in a single-byte page, when its repair is a known word."""
    lex = run.lex
    assert lex is not None
    if len(word) > 120 or sum(not c.isascii() for c in word) < 2:
        return False  # UTF-8 turns every non-ASCII letter into two characters or more
    best = None
    zw = _word_zipf(lex, word)
    for r, reads, times in _utf8_readings(word):
        z = _word_zipf(lex, r)
        if z >= lex.strong_floor and zw == 0 and (best is None or z > best[1]):
            best = (r, z, reads, times)
    if best is None:
        return False
    read = _likely_read_page(run, best[2])
    cause = mojibake.describe_utf8(read) + (" twice" if best[3] == 2 else "")
    run.damages.append(Damage(s, e, "mojibake", word, best[0], cause, 0.9))
    return True


def _utf8_readings(word: str) -> list[tuple[str, tuple[str, ...], int]]:
    """Readings of ``word`` as UTF-8 misread once, or twice in the same page: (repair, pages, times)."""
    out = []
    for r, reads in mojibake.utf8_candidates(word).items():
        out.append((r, reads, 1))
        if sum(not c.isascii() for c in r) >= 2:
            for r2, reads2 in mojibake.utf8_candidates(r).items():
                same = tuple(c for c in reads if c in reads2)
                if same:
                    out.append((r2, same, 2))
    return out


@lru_cache(maxsize=20000)
def _full_candidates_cached(word: str, lang: str) -> tuple[tuple[str, frozenset], ...]:
    lex = lexicon(lang)
    assert lex is not None
    alphabet, latin = lex.alphabet, lex.script == "LATIN"
    by_bytes: dict[bytes, set[str]] = defaultdict(set)
    for rb in codepages.CODEPAGES:
        raw_ = codepages.encode(word, rb.codec)
        if raw_ is not None:
            by_bytes[raw_].add(rb.codec)
    res: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for raw, reads in by_bytes.items():
        for wa in codepages.pages_for(lex.core):
            r = codepages.decode(raw, wa)
            if r is None or r == word or not _regular_case(r):
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


def _seen(run: _Run) -> frozenset[str]:
    """The distinct non-ASCII, non-space characters of the text (computed once per run)."""
    if run.seen is None:
        run.seen = frozenset(c for c in set(run.text) if not c.isascii() and not c.isspace())
    return run.seen


def _likely_read_page(run: _Run, reads: tuple[str, ...]) -> str:
    """Of the pages UTF-8 may have been read in, the one that can show most of the text, then the
    one holding most of the language's letters (a reader's default page was made for it)."""
    seen = _seen(run)
    core = frozenset(c for c in run.lex.core if not c.isascii()) if run.lex else frozenset()
    order = {c.codec: i for i, c in enumerate(codepages.CODEPAGES)}
    return max(reads, key=lambda c: (round(codepages.coverage(c, seen), 3),
                                      round(codepages.coverage(c, core), 3), -order.get(c, 99)))


class _PairRank:
    """The order in which the confusions of one text are believed.

    1. the number of words a confusion explains with a known word (strong votes), then with a
       plausible one (weak votes);
    2. how well the pages fit the text: the page it was read in can show every character seen,
       the page it was written in can hold every character left intact;
    3. how alike the two pages are and how well they fit the language (:func:`codepages.affinity`,
       computed from the codecs): a mix-up between pages made for the same script and vendor, and
       for the language, is the likelier story.

    Every word then takes the best-ranked confusion that explains it, so one document gets one
    cause wherever one confusion explains its words."""

    def __init__(self, run: _Run) -> None:
        self.strong: Counter = Counter()
        self.weak: Counter = Counter()
        glyphs: set[str] = set()
        for _, _, word, cands in run.cp_words:
            sp = set().union(*(p for _, p, st, _ in cands if st))
            wp = set().union(*(p for _, p, st, _ in cands if not st)) - sp
            self.strong.update(sp)
            self.weak.update(wp)
            for r, _, _, _ in cands:
                if len(r) == len(word):
                    glyphs.update(a for a, b in zip(word, r) if a != b and _TWIN.get(a) != b)
        self.seen = _seen(run)
        self.intact = self.seen - glyphs
        self.letters = run.lex.alphabet if run.lex else frozenset()
        self._order = {c.codec: i for i, c in enumerate(codepages.CODEPAGES)}
        self._cache: dict[tuple[str, str], tuple] = {}

    def key(self, p: tuple[str, str]) -> tuple:
        k = self._cache.get(p)
        if k is None:
            w, r = p
            fit = codepages.coverage(r, self.seen) + codepages.coverage(w, self.intact)
            k = (self.strong[p], self.weak[p], round(fit, 3),
                 round(codepages.affinity(w, r, self.letters), 3),
                 -self._order.get(w, 99), -self._order.get(r, 99))
            self._cache[p] = k
        return k

    def best(self, pairs) -> tuple[str, str]:
        return max(pairs, key=self.key)


def _resolve_codepages(run: _Run) -> None:
    """Pick, for every candidate word, the repair the whole text agrees on."""
    if not run.cp_words:
        return
    if run.lex is not None and not run.lex.has_words:
        _resolve_by_alphabet(run)
        return
    rank = _PairRank(run)
    votes = rank.strong
    repeats = Counter(w for _, _, w, _ in run.cp_words)
    chosen: list[tuple[str, str]] = []
    for s, e, word, cands in run.cp_words:
        # a weak candidate competes once the text supports its confusion: then the most
        # frequent reading under the best-supported confusion wins ("том", not "вом")
        # … or a short word repeated in the text that stands for one of the language's most
        # frequent words ("ŕ" for French "à", "śj" for Hungarian "Új")
        pool = [c for c in cands if c[2] or max(votes[p] for p in c[1]) >= 2
                or len(word) <= 3 and repeats[word] >= 2 and c[3] >= _SHORT_WORD_ZIPF]
        if not pool:
            continue
        r, pairs, is_strong, z = max(pool, key=lambda c: (rank.key(rank.best(c[1])), c[3]))
        best = rank.best(pairs)
        chosen.append(best)
        support = votes[best] - (1 if is_strong else 0)
        conf = min(0.97, 0.8 + 0.05 * min(support, 3) if is_strong else 0.6 + 0.07 * min(support, 4))
        run.damages.append(_cp_damage(s, e, word, r, best, conf))
    established = _established(run, rank)
    if established:
        _second_pass(run, established, votes)
    else:
        top = max(rank.strong, key=rank.key, default=None)
        if top is not None and chosen:
            _c1_under_pairs(run, [top], votes)


#: Zipf frequency (one word in about 3,000) of the repair of a short damaged word that is repeated in
#: the text but has no other support
_SHORT_WORD_ZIPF = 5.5

#: distinct words one confusion must explain in a language without a word list
MIN_WORDS_WITHOUT_LIST = 3


def _resolve_by_alphabet(run: _Run) -> None:
    """For a language wordfreq lacks, only the alphabet (from CLDR) can tell a repair: a confusion
    is accepted when it turns at least three different words into words of the language's letters
    and no other confusion explains more; then it repairs every word it explains. A foreign name
    or two with odd letters cannot reach that."""
    rank = _PairRank(run)
    words: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, _, word, cands in run.cp_words:
        for _, pairs, _, _ in cands:
            for p in pairs:
                words[p].add(word)
    if not words:
        return
    top = max(words, key=lambda p: (len(words[p]), rank.key(p)))
    n = len(words[top])
    if n < MIN_WORDS_WITHOUT_LIST:
        return
    conf = min(0.85, 0.6 + 0.05 * n)
    for s, e, word, cands in run.cp_words:
        fits = [r for r, pairs, _, _ in cands if top in pairs]
        if len(fits) == 1:
            run.damages.append(_cp_damage(s, e, word, fits[0], top, conf))
    # short words holding characters the language never uses, read back through the confusion
    _second_pass(run, [top], Counter({top: n}))


def _established(run: _Run, rank: _PairRank) -> list[tuple[str, str]]:
    """The document's confusion (explaining at least three words), and a second one when other
    words, which the first does not explain, agree on it."""
    top = max(rank.strong, key=rank.key, default=None)
    if top is None or rank.strong[top] < 3:
        return []
    out = [top]
    rest: Counter = Counter()
    for _, _, _, cands in run.cp_words:
        pairs = set().union(*(p for _, p, st, _ in cands if st))
        if pairs and top not in pairs:
            rest.update(pairs)
    if rest:
        second = max(rest, key=lambda p: (rest[p], rank.key(p)))
        if rest[second] >= 3:
            out.append(second)
    return out


def _cp_damage(s: int, e: int, word: str, repaired: str, pair: tuple[str, str], conf: float) -> Damage:
    cause = f"{codepages.label(pair[0])} text read as {codepages.label(pair[1])}"
    return Damage(s, e, "codepage", word, repaired, cause, round(conf, 3), pair)


#: a token for the second pass: anything between spaces and ASCII punctuation, because under an
#: established confusion any symbol may be a letter (``в®¬`` for DOS ``том``, ``«`` for ``л``)
_ANY_WORD = regex.compile(r"[^\s!-/:-@\[-`{-~]+(?:['’][^\s!-/:-@\[-`{-~]+)*")


def _consistent(lex, word: str, repaired: str) -> bool:
    """``word`` holds characters foreign to the language (controls, symbols, letters it does not
    use) and ``repaired`` is made of the language's letters (two or more) and ASCII signs only."""
    if not any(not c.isascii() and c not in lex.alphabet for c in word):
        return False
    letters = [c for c in repaired if c.isalpha()]
    return (len(letters) >= 2 and all(c in lex.alphabet for c in letters)
            and all(c.isascii() or c.isalpha() or c in _APOS for c in repaired) and _regular_case(repaired))


def _c1_under_pairs(run: _Run, pairs: list[tuple[str, str]], votes: Counter) -> None:
    """ftfy reads C1 controls as Windows-1252 punctuation or letters; once the document's confusion
    is known, it gives the reading ("\x84ok\x94" → "„ok”" with the document's cause, "\x9c" →
    "ś" rather than "œ" in Polish)."""
    lex = run.lex
    assert lex is not None
    for k, d in enumerate(run.damages):
        if d.kind != "mojibake" or not d.cause.startswith("C1 control"):
            continue
        for pair in pairs:
            r = codepages.transcode(d.original, *pair)
            if (r is None or r == d.original or any("\x80" <= c <= "\x9f" for c in r)
                    or any(c.isalpha() and c not in lex.alphabet for c in r)):
                continue
            conf = d.confidence if r == d.replacement else min(0.9, 0.6 + 0.05 * min(votes[pair], 6))
            run.damages[k] = _cp_damage(d.start, d.end, d.original, r, pair, conf)
            break


#: a line break or a sentence end between two words: they are not neighbours in a damaged run
_BOUNDARY = regex.compile(r"\n|[.!?…]\s")


def _second_pass(run: _Run, pairs: list[tuple[str, str]], votes: Counter) -> None:
    """Once a confusion is established by several words, words made only of the language's own
    letters may be damaged too (KOI8-R read as Windows-1251 turns Russian words into other
    Russian-looking letters): undo the confusion on every word and keep results far more
    frequent than the word as written. A word between two damaged words (a run of damaged text)
    needs less: its repair must only be a known word clearly more frequent than it."""
    from bisect import bisect_right

    lex = run.lex
    assert lex is not None
    text, glue = run.text, _glue()
    _c1_under_pairs(run, pairs, votes)
    taken = sorted((d.start, d.end) for d in run.damages)
    cp_taken = {(d.start, d.end) for d in run.damages if d.kind == "codepage"}
    starts = [a for a, _ in taken]

    def overlap(s: int, e: int) -> tuple[int, int] | None:
        k = bisect_right(starts, s) - 1
        if k >= 0 and taken[k][1] > s:
            return taken[k]
        if k + 1 < len(taken) and taken[k + 1][0] < e:
            return taken[k + 1]
        return None

    strong_pair = max(votes[p] for p in pairs) >= 5
    #: per token with letters: (start, end, damaged?, looser candidate or None)
    toks: list[list] = []
    for m in _ANY_WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        if word.isascii() and not any(c.isalpha() for c in word):
            continue  # numbers and ASCII signs are neither damaged nor part of a damaged run
        hit = overlap(s, e)
        if hit is not None:
            toks.append([s, e, hit in cp_taken, None])
            continue
        if word.isascii() and lex.script == "LATIN":
            toks.append([s, e, False, None])
            continue
        zw = lex.zipf(word) if _regular_case(word) else 0.0
        spans = [(s, e)]
        if s > 0 and text[s - 1] in glue and (s == 1 or text[s - 2].isspace()):
            spans.insert(0, (s - 1, e))
        if e < len(text) and text[e] in glue and (e + 1 == len(text) or text[e + 1].isspace()):
            spans.insert(0, (s, e + 1))
        done, loose = False, None
        for ss, ee in spans:
            w = text[ss:ee]
            for pair in pairs:
                r = codepages.transcode(w, *pair)
                if r is None or r == w or not _regular_case(r):
                    continue
                zr = _word_zipf(lex, r)
                if _foreign(run, w, 2.0):
                    continue
                conf = min(0.9, 0.6 + 0.05 * min(votes[pair], 6))
                if zr < lex.strong_floor:
                    if _consistent(lex, w, r):
                        # a rare word: it holds characters the language never uses, and the
                        # document's confusion turns them into its letters ("gę\x9clš" → "gęślą")
                        run.damages.append(_cp_damage(ss, ee, w, r, pair, min(conf, 0.8)))
                        done = True
                        break
                    continue
                gap = 2.5 if len(w) == 1 else 2.0
                if zr - zw >= gap and (len(w) > 1 or w not in lex.alphabet or strong_pair):
                    run.damages.append(_cp_damage(ss, ee, w, r, pair, conf))
                    done = True
                    break
                if loose is None and zr - zw >= (1.0 if len(w) == 1 else 0.5):
                    loose = _cp_damage(ss, ee, w, r, pair, min(conf, 0.8))
            if done:
                break
        toks.append([s, e, done, None if done else loose])
    # a run of damaged words: a word whose neighbours (in the same sentence) are both damaged is
    # taken with the looser test; at a sentence's edge the one neighbour must be damaged
    for i, (s, e, damaged, loose) in enumerate(toks):
        if damaged or loose is None:
            continue
        ok, sides = True, 0
        for j in (i - 1, i + 1):
            if 0 <= j < len(toks) and not _BOUNDARY.search(text, min(toks[j][1], e), max(toks[j][0], s)):
                sides += 1
                ok = ok and toks[j][2]
        if ok and sides:
            run.damages.append(loose)
