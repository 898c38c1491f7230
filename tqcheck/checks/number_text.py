"""Numbers in text, with every reading their separators allow.

Separators are ambiguous across locales: ``1,000`` is a thousand in English and
one in German; ``1.000`` the other way round. A :class:`Num` therefore carries a
set of candidate values (and the value under its own locale's CLDR symbols, for
the number-format rule). Two numbers match when their candidate sets meet.
Times (``10:30``, ``10.30``, ``10h30``, ``3 pm``), scale words from CLDR compact
formats (``2.5 million``, ``250万``), vulgar fractions (``1 ½``), phone numbers
(``43 36 11``), roman and Han numerals and spaCy's number words are read too.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from ..lang import cldr
from ..lang.translit import casefold, char_script
from .text_units import WORD


@dataclass(frozen=True)
class Num:
    """A number written with digits (or a roman / Han numeral, then ``kind`` says so)."""

    start: int
    end: int
    text: str
    values: frozenset
    #: the value under the side's own locale conventions (None: invalid there, or no locale)
    preferred: Decimal | None = None
    kind: str = "num"  # num | time | digits (a phone number) | roman | han | part
    in_date: bool = False

    @property
    def main(self):
        """One value to show: the preferred one, else the smallest candidate."""
        if self.preferred is not None:
            return self.preferred
        nums = sorted(v for v in self.values if isinstance(v, Decimal))
        return nums[0] if nums else next(iter(self.values))


_SPACES = " \u00a0\u202f\u2009\u2007"
_SEPS = ",.'\u2019\u066b\u066c" + _SPACES
_NUM_RUN = regex.compile(r"\p{Nd}+(?:[,.'\u2019\u066b\u066c \u00a0\u202f\u2009\u2007]\p{Nd}+)*")
#: a time of day in running text (``8:30``, ``20 h 30``, ``20h30``); ``20.30`` is a decimal here
#: (completeness's ``_doc._CLOCK`` reads it as a time too, where that can only spare a finding)
_TIME = regex.compile(r"(?<![\p{Nd}:.,])(\p{Nd}{1,2})(?::|\s?[hH]\.?\s?(?=\p{Nd}{2}(?!\p{L})))(\p{Nd}{2})"
                      r"(?![\p{Nd}]|:\p{Nd}|[.,]\p{Nd})")
_ROMAN = regex.compile(r"(?<![\p{L}\p{N}])[IVXLCDM]{2,}(?![\p{L}\p{N}])")
_ROMAN_OK = regex.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_FRACTION = regex.compile(r"[\u00bc-\u00be\u2150-\u215e]")
_HAN_NUM = regex.compile(r"[〇零一二三四五六七八九十百千万萬亿億两兩]+")
_CONVENTIONS = ((",", "."), (".", ","), (_SPACES, ","), (_SPACES, "."), ("'\u2019", "."), ("\u066c", "\u066b"))
_LOCAL_GLUE = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew",
                         "Devanagari", "Bengali", "Ethiopic"})


def _ascii_digits(s: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in s)


def parse_number(raw: str, group: str, decimal: str) -> Decimal | None:
    """Value of ``raw`` (ASCII digits and separators) when grouped with any character of
    ``group`` and with ``decimal`` as the decimal mark; None when ``raw`` is not written so."""
    if decimal in raw:
        if raw.count(decimal) > 1:
            return None
        int_part, _, frac = raw.partition(decimal)
        if not frac.isdigit() or not int_part:
            return None
    else:
        int_part, frac = raw, ""
    groups = regex.split("[" + regex.escape(group) + "]", int_part) if group else [int_part]
    if not all(g.isdigit() for g in groups):
        return None
    if len(groups) > 1:
        if not 1 <= len(groups[0]) <= 3:
            return None
        rest = groups[1:]
        western = all(len(g) == 3 for g in rest)
        indian = len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1])
        if not (western or indian):
            return None
    try:
        return Decimal("".join(groups) + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover
        return None


def number_readings(raw: str, symbols: cldr.NumberSymbols | None) -> tuple[frozenset, Decimal | None]:
    """All values ``raw`` can mean under common separator conventions, and the value under
    ``symbols`` (the side's locale)."""
    raw = _ascii_digits(raw)
    if raw.isdigit():
        v = Decimal(raw)
        return frozenset({v}), v
    values = set()
    for group, dec in _CONVENTIONS:
        v = parse_number(raw, group, dec)
        if v is not None:
            values.add(v)
    preferred = None
    if symbols is not None:
        group = _SPACES if symbols.space_grouping else symbols.group
        preferred = parse_number(raw, group, symbols.decimal)
    return frozenset(values), preferred


def _valid_space_grouping(raw: str) -> bool:
    parts = regex.split("[" + _SPACES + "]", raw)
    if len(parts) < 2:
        return True
    head = regex.split(r"[,.]", parts[0])
    if len(head) > 1 or not 1 <= len(parts[0]) <= 3:
        return False
    for p in parts[1:-1]:
        if len(p) != 3 or not p.isdigit():
            return False
    last = regex.split(r"[,.]", parts[-1])
    return len(last[0]) == 3 and last[0].isdigit()


def _glued_left(text: str, start: int) -> bool:
    """True for digits that continue a word of a space-separated script (``G20``, ``COVID-19``,
    ``MP3``): identifiers, not quantities."""
    i = start - 1
    if i >= 0 and text[i] in "-_/" and i - 1 >= 0 and text[i - 1].isalpha():
        i -= 1
    if i < 0 or not text[i].isalpha():
        return False
    return char_script(text[i]) in _LOCAL_GLUE


def roman_value(s: str) -> int | None:
    if not s or not _ROMAN_OK.match(s):
        return None
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}


def han_value(s: str) -> int | None:
    """Value of a Chinese/Japanese numeral: ``十一`` → 11, ``二〇二二`` → 2022, ``三千万`` → 30000000."""
    if not s:
        return None
    if all(c in _HAN_DIGITS for c in s):
        return int("".join(str(_HAN_DIGITS[c]) for c in s))
    total = section = digit = 0
    for c in s:
        if c in _HAN_DIGITS:
            digit = _HAN_DIGITS[c]
        elif c in _HAN_UNITS:
            section += (digit or 1) * _HAN_UNITS[c]
            digit = 0
        elif c in _HAN_BIG:
            total += (section + digit) * _HAN_BIG[c]
            section = digit = 0
        else:
            return None
    return total + section + digit


@lru_cache(maxsize=64)
def number_words(lang: str | None) -> frozenset[str] | None:
    """Cardinal and ordinal number words of ``lang`` from spaCy's language data
    (``spacy/lang/<lang>/lex_attrs.py``, casefolded); None when spaCy has none for the language.

    The lists are read from the source file with :mod:`ast`, without importing the language
    package (importing ``spacy.lang.fr`` compiles its tokenizer exceptions: seconds)."""
    if not lang or not lang.replace("_", "").isalnum():
        return None
    import ast
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("spacy")
        path = Path(spec.origin).parent / "lang" / lang / "lex_attrs.py"  # type: ignore[union-attr, arg-type]
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except Exception:
        return None
    words: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or not any(
                isinstance(t, ast.Name) and t.id in ("_num_words", "_ordinal_words") for t in node.targets):
            continue
        for w in _literal_strings(node.value):
            w = casefold(w.strip())
            if w and not any(ch.isdigit() for ch in w):
                words.update(w.replace("-", " ").split())
    return frozenset(words) or None


@lru_cache(maxsize=64)
def _number_words_re(lang: str | None):
    """The number words of ``lang`` as one pattern (a pre-filter: any of them inside a text)."""
    import re

    words = number_words(lang) or ()
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
                      or "(?!)")


def _literal_strings(node) -> list[str]:
    """Strings of a literal list/set/tuple, ``set([...])`` or ``"a b c".split()``."""
    import ast

    if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "split" and isinstance(f.value, ast.Constant):
            return str(f.value.value).split()
        if node.args:
            return _literal_strings(node.args[0])
    return []


def has_number_words(lang: str | None) -> bool:
    if lang in ("zh", "ja"):
        return True  # Han numerals are parsed with their values
    return number_words(lang) is not None or _spellout(lang) is not None


#: a spelled number this long (letters) may begin a compound: "achttausend" in "Achttausender",
#: "yirmi" in "yirmisinde"; a shorter one is a number only as a word of its own ("drei", not "dreist")
_COMPOUND_HEAD = 5
_SPELL_DASHES = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u00ad": None, "\u200b": None})


@lru_cache(maxsize=64)
def _spellout(lang: str | None):
    """CLDR's rule-based number format for ``lang`` (the ``unicode-rbnf`` package), or None."""
    if not lang:
        return None
    base = lang.replace("-", "_").split("_")[0].lower()
    base = {"nb": "no"}.get(base, base)
    try:
        from unicode_rbnf import RbnfEngine

        return RbnfEngine.for_language(base)
    except Exception:  # not installed, or CLDR has no spell-out rules for the language
        return None


def has_spellout(lang: str | None) -> bool:
    """Whether CLDR has spell-out rules (number words with their values) for ``lang``."""
    return _spellout(lang) is not None


@lru_cache(maxsize=1024)
def spell_norm(text: str) -> str:
    """Casefolded, hyphens as spaces, soft hyphens dropped: how spelled forms are compared (cached:
    a pair's text is read once for each of its numbers)."""
    return " ".join(casefold(text).translate(_SPELL_DASHES).split())


@lru_cache(maxsize=8192)
def spelled_forms(value: int, lang: str | None) -> tuple[str, ...]:
    """Every way CLDR's spell-out rules write the whole number ``value`` in ``lang``: each cardinal,
    ordinal and year rule set (genders and cases), casefolded with hyphens as spaces; a power of
    ten also without its leading "one" ("hundert" beside "einhundert"). Empty when unknown."""
    engine = _spellout(lang)
    if engine is None or value < 0:
        return ()
    from unicode_rbnf import FormatPurpose

    forms: set[str] = set()
    for purpose in (FormatPurpose.CARDINAL, FormatPurpose.ORDINAL, FormatPurpose.YEAR):
        try:
            forms.update(engine.format_number(value, purpose=purpose).text_by_ruleset.values())
        except Exception:  # a rule set the language lacks
            continue
    forms = {spell_norm(f) for f in forms if f and not any(ch.isdigit() for ch in f)}
    if value >= 100 and str(value).rstrip("0") == "1":
        for one in spelled_forms(1, lang):
            forms.update(f[len(one):].strip() for f in list(forms) if f.startswith(one) and len(f) > len(one) + 2)
    return tuple(sorted(f for f in forms if f))


def spells_small(text: str, lang: str | None) -> bool:
    """Whether ``text`` spells a number from two to twelve in words of ``lang`` (CLDR rules).

    One is left out: its forms are the indefinite article in many languages ("ein", "un", "bir")."""
    if _spellout(lang) is None:
        return False
    norm = spell_norm(text)
    return any(_spells(v, norm, lang) for v in range(2, 13))


def spelled_in(n: Num, text: str, lang: str | None) -> bool | None:
    """Whether ``text`` writes the number ``n`` in words of ``lang`` ("acht" or "achttausend" in
    "die Achttausender" for 8000); a fraction or time counts by its whole part. None when CLDR
    has no spell-out rules for ``lang``."""
    if _spellout(lang) is None:
        return None
    vals = {int(v) for v in ({n.preferred} if n.preferred is not None else n.values)
            if isinstance(v, Decimal) and 0 <= v < 10 ** 12}
    norm = spell_norm(text) if vals else ""
    return any(_spells(v, norm, lang) for v in sorted(vals))


def _spells(value: int, norm: str, lang: str | None) -> bool:
    """A spelled form of ``value`` in ``norm`` (:func:`spell_norm`) that starts a word and ends
    it, or begins a compound when it is long enough (:data:`_COMPOUND_HEAD`)."""
    for form in spelled_forms(value, lang):
        at = norm.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not norm[at - 1].isalpha()) and (
                    end == len(norm) or not norm[end].isalpha()
                    or sum(ch.isalpha() for ch in form) >= _COMPOUND_HEAD):
                return True
            at = norm.find(form, at + 1)
    return False


def _period(text: str, end: int, pm: frozenset[str]) -> bool:
    m = regex.match(r"[\s\u00a0]?(\p{L}{1,3}\.?\p{L}?\.?)(?!\p{L})", text[end:end + 8])
    return bool(m) and m.group(1).replace(".", "").casefold() in pm


def _scale_after(text: str, end: int, scales: dict[str, int], nospace: bool) -> int | None:
    if not scales:
        return None
    if nospace:
        for w in sorted(scales, key=len, reverse=True):
            if not w.isascii() and text.startswith(w, end):
                return scales[w]
    m = regex.match(r"[\s\u00a0\u202f]?(\p{L}+)\.?", text[end:end + 24])
    if m:
        return scales.get(casefold(m.group(1)))
    return None


def _fraction_after(text: str, end: int) -> Decimal | None:
    """The value of a vulgar fraction right after a number (``1 ½`` → 0.5)."""
    m = regex.match(r"[\s\u00a0]?([\u00bc-\u00be\u2150-\u215e])", text[end:end + 2])
    if not m:
        return None
    return Decimal(str(unicodedata.numeric(m.group(1)))).quantize(Decimal("0.001"))


def _split_run(text: str, s: int, e: int, symbols: cldr.NumberSymbols | None):
    """How to read a digit run with spaces: ``(pieces, parts)`` where each piece is
    ``(start, end, mode)``. ``10 000`` is one number (a valid thousands grouping, whatever the
    locale; its groups are kept as ``parts`` that may also stand alone); ``43 36 11`` is a phone
    number read as its digits; anything else is split at the spaces."""
    raw = text[s:e]
    if not any(c in _SPACES for c in raw):
        return [(s, e, "num")], []
    groups = []
    i = s
    for j in range(s, e + 1):
        if j == e or text[j] in _SPACES:
            if j > i:
                groups.append((i, j))
            i = j + 1
    plain_space_ok = symbols is not None and symbols.space_grouping
    if _valid_space_grouping(raw):
        parts = groups if " " in raw and not plain_space_ok else []
        return [(s, e, "num")], parts
    if len(groups) >= 3 and all(_ascii_digits(text[a:b]).isdigit() and b - a <= 4 for a, b in groups) \
            and any(b - a == 2 for a, b in groups):
        return [(s, e, "digits")], groups
    return [(a, b, "num") for a, b in groups], []


def _inside(spans, s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


_DIGIT_BEFORE = regex.compile(r"\p{Nd}[\s\u00a0]?$")
_HOUR_DOT_MINUTES = regex.compile(r"(\d{1,2})\.(\d{2})")


def find_numbers(text: str, lang: str | None, consumed: list[tuple[int, int]], date_spans: list[tuple[int, int]],
                 date_part_spans: dict, nospace: bool) -> tuple[list[Num], list[Num], tuple[tuple[int, int], ...]]:
    """(numbers, explainers, number-word spans) of ``text``: numbers inside ``consumed`` spans
    (links) are skipped, those inside ``date_spans`` are marked ``in_date``. Explainers (roman
    and Han numerals, the groups of a spaced number) may stand for a number but are not
    required to match."""
    consumed = list(consumed)
    symbols = cldr.number_symbols(lang)
    scales = cldr.scale_words(lang)
    _am, pm = cldr.day_period_markers(lang)
    nums: list[Num] = []
    for m in _TIME.finditer(text):
        s, e = m.span()
        if _inside(consumed, s, e) or _inside(date_spans, s, e):
            continue
        h, mi = int(_ascii_digits(m.group(1))), int(_ascii_digits(m.group(2)))
        if h > 24 or mi > 59:
            continue
        vals = {("t", h, mi)}
        if mi == 0:
            vals.add(Decimal(h))
        if _period(text, e, pm) and h < 12:
            vals |= {("t", h + 12, mi)} | ({Decimal(h + 12)} if mi == 0 else set())
        nums.append(Num(s, e, text[s:e], frozenset(vals), None, "time"))
        consumed.append((s, e))
    expl: list[Num] = []
    for m in _NUM_RUN.finditer(text):
        pieces, parts = _split_run(text, m.start(), m.end(), symbols)
        for ps, pe in parts:  # the groups of "25 350" or "43 36 11" may also be read alone
            v = Decimal(_ascii_digits(text[ps:pe]))
            expl.append(Num(ps, pe, text[ps:pe], frozenset({v}), None, "part"))
        for s, e, mode in pieces:
            if _inside(consumed, s, e):
                continue
            if _glued_left(text, s):
                continue
            raw = text[s:e]
            if mode == "digits":  # 031/43 36 11: a phone number, compared as its digits
                v = Decimal("".join(c for c in _ascii_digits(raw) if c.isdigit()))
                nums.append(Num(s, e, raw, frozenset({v}), None, "digits", _inside(date_spans, s, e)))
                continue
            values, preferred = number_readings(raw, symbols)
            if not values:
                continue
            frac = _fraction_after(text, e)
            if frac:
                values = frozenset(v + frac for v in values) | values
                preferred = preferred + frac if preferred is not None else None
                e = e + (2 if text[e:e + 1].isspace() else 1)
                raw = text[s:e]
            vals = set(values)
            ar = _ascii_digits(raw)
            tm = _HOUR_DOT_MINUTES.fullmatch(ar)
            if tm and int(tm.group(1)) <= 24 and int(tm.group(2)) <= 59:
                vals.add(("t", int(tm.group(1)), int(tm.group(2))))
            mult = _scale_after(text, e, scales, nospace)
            if mult:
                vals |= {v * mult for v in values}
            if ar.isdigit() and int(ar) <= 12 and _period(text, e, pm):
                vals |= {Decimal(int(ar) + 12), ("t", int(ar) + 12, 0)}
            in_date = (s, e) in date_part_spans or _inside(date_spans, s, e)
            nums.append(Num(s, e, raw, frozenset(vals), preferred, "num", in_date))

    for m in _FRACTION.finditer(text):  # a fraction standing alone: ½
        if m.start() == 0 or not regex.match(r"[\p{Nd}][\s\u00a0]?$", text[max(0, m.start() - 2):m.start()]):
            v = Decimal(str(unicodedata.numeric(m.group(0)))).quantize(Decimal("0.001"))
            nums.append(Num(m.start(), m.end(), m.group(0), frozenset({v}), v, "num",
                            _inside(date_spans, m.start(), m.end())))
    nums.sort(key=lambda n: n.start)

    # number words and numerals that may stand for a number
    for m in _ROMAN.finditer(text):
        v = roman_value(m.group(0))
        if v:
            expl.append(Num(m.start(), m.end(), m.group(0), frozenset({Decimal(v)}), None, "roman"))
    if nospace or lang in ("zh", "ja", "ko"):
        for m in _HAN_NUM.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isdigit():
                continue  # 150万: a scale word, already read with its number
            v = han_value(m.group(0))
            if not v and not any(c in "〇零" for c in m.group(0)):
                continue
            if v is not None:
                mult = _scale_after(text, m.end(), scales, True)
                vals = {Decimal(v)} | ({Decimal(v * mult)} if mult else set())
                expl.append(Num(m.start(), m.end(), m.group(0), frozenset(vals), None, "han"))
    words = number_words(lang)
    spans: tuple[tuple[int, int], ...] = ()
    if words:
        # a number word right after digits is a scale word ("2.5 million"), already counted
        whole = text.casefold()
        if len(whole) == len(text) and "\u0307" not in whole:  # one character each: slices
            # a number word is a slice of ``whole``: none there, no word needs looking up
            hits = [m.span() for m in WORD.finditer(text) if whole[m.start():m.end()] in words] \
                if _number_words_re(lang).search(whole) else []
        else:
            hits = [m.span() for m in WORD.finditer(text) if casefold(m.group(0)) in words]
        spans = tuple((a, b) for a, b in hits if not _DIGIT_BEFORE.search(text[max(0, a - 2):a]))
    return nums, expl, spans
