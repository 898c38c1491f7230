"""Finding placeholders, format strings and markup in software strings.

One scanner per family, each returning :class:`Token` records with their span:

* ``printf`` – ``%s``, ``%d``, ``%(name)s``, ``%1$s``, ``%@``, ``%lld`` (C, Python, Java,
  Objective-C); ``%%`` is a literal percent sign, not a placeholder;
* ``ruby`` – ``%{name}``, ``%<name>s``;
* ``brace`` – ``{0}``, ``{name}``, ``{}``, ``{0:N2}``, ``{name!r}`` (Python, .NET, Java
  MessageFormat) and ICU ``{n, number}`` / ``{n, plural, one {…} other {…}}``;
* ``double`` – ``{{ limit }}`` (Symfony, Twig, Jinja), ``{{name}}``/``{{name, format}}``/
  ``{{- name}}`` (i18next, Angular, Handlebars);
* ``chrome`` – ``$NAME$`` and ``$1`` (WebExtension messages);
* ``qt`` – ``%1``, ``%L1`` (only when the source uses them and no printf placeholder);
* ``dollar`` – ``${name}``;
* ``tag`` – HTML/XML tags, including the XLIFF inline tags written back by the readers.

A placeholder is *named* (``%(name)s``, ``{name}``, ``%1$s``, ``{0}``: its identity is its
name or index, so translations may move it) or *positional* (``%s``, ``{}``: the order of the
arguments is fixed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    style: str
    #: name or index ("name", "1"); None for positional placeholders
    key: str | None
    #: conversion / type ("s", "d", "number", "plural" …), "" when none
    kind: str = ""

    @property
    def ident(self) -> tuple[str, str | None]:
        return (self.style, self.key)


# -- printf ----------------------------------------------------------------------------------------
_PRINTF = regex.compile(
    r"%(?:(?P<pct>%)|(?:\((?P<name>[^()\s]{1,64})\)|(?P<idx>[1-9]\d{0,2})\$)?"
    r"(?P<flags>[-+#0']{0,4})(?P<width>\d+|\*)?(?:\.(?P<prec>\d+|\*))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|t|I64|I32)?(?P<conv>[diouxXeEfFgGaAcsrpn@]))")
#: the same, allowing the ' ' flag (only with an explicit c-format / python-format flag)
_PRINTF_SP = regex.compile(_PRINTF.pattern.replace("[-+#0']{0,4}", "[-+#0' ]{0,4}"))


def printf_tokens(text: str, *, strict: bool = False) -> list[Token]:
    """printf-style placeholders. Without ``strict`` (no format flag on the entry) a
    one-letter conversion must not run into a letter: ``%sth`` and ``%do`` are not read."""
    out: list[Token] = []
    rx = _PRINTF_SP if strict else _PRINTF
    for m in rx.finditer(text):
        if m.group("pct"):
            continue
        conv = m.group("conv")
        if not strict and not m.group("name"):
            nxt = text[m.end():m.end() + 1]
            if nxt.isalpha() and conv != "@":
                continue
        key = m.group("name") or m.group("idx")
        out.append(Token(m.start(), m.end(), m.group(0), "printf", key, _conv_class(conv)))
    return out


def _conv_class(c: str) -> str:
    if c in "diouxXc":
        return "int" if c != "c" else "char"
    if c in "eEfFgGaA":
        return "float"
    if c in "sr@":
        return "str"
    return c


def printf_errors(text: str) -> list[tuple[int, int]]:
    """Spans of ``%`` signs that Python's ``%`` operator would refuse in a python-format
    string (a lone ``%`` not starting a valid conversion, not doubled)."""
    bad = []
    covered = [(m.start(), m.end()) for m in _PRINTF_SP.finditer(text)]
    i = 0
    for m in re.finditer("%", text):
        p = m.start()
        if p < i:
            continue
        span = next(((s, e) for s, e in covered if s == p), None)
        if span:
            i = span[1]
            continue
        bad.append((p, p + 1))
    return bad


# -- ruby / dollar / qt / chrome ------------------------------------------------------------------
_RUBY = regex.compile(r"%\{(\w{1,64})\}|%<(\w{1,64})>[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]")
_DOLLAR = regex.compile(r"\$\{([\w.]{1,64})\}")
_QT = regex.compile(r"%L?([1-9]\d?)(?!\d|\$)")
_CHROME = regex.compile(r"\$([A-Za-z_][A-Za-z0-9_@]{0,63})\$")
_CHROME_POS = regex.compile(r"\$([1-9])(?![\d$])")


def ruby_tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0), "ruby", m.group(1) or m.group(2))
            for m in _RUBY.finditer(text)]


def dollar_tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0), "dollar", m.group(1)) for m in _DOLLAR.finditer(text)]


def qt_tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0), "qt", m.group(1)) for m in _QT.finditer(text)]


def chrome_tokens(text: str, positional: bool = False) -> list[Token]:
    """``$NAME$`` (names are case-insensitive) and, with ``positional``, ``$1``…``$9``."""
    out = [Token(m.start(), m.end(), m.group(0), "chrome", m.group(1).upper())
           for m in _CHROME.finditer(text)]
    if positional:
        out += [Token(m.start(), m.end(), m.group(0), "chrome", "$" + m.group(1))
                for m in _CHROME_POS.finditer(text)]
    return out


# -- double braces -----------------------------------------------------------------------------------
_DOUBLE = regex.compile(r"\{\{\s*-?\s*([A-Za-z_$][\w.$\[\]'\"-]{0,80}?)\s*(?:,\s*([^{}]{0,80}?))?\s*\}\}")


def double_tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0), "double", m.group(1), (m.group(2) or "").strip())
            for m in _DOUBLE.finditer(text)]


# -- braces and ICU ------------------------------------------------------------------------------------
_ARG = re.compile(r"\s*([A-Za-z_][\w.-]{0,63}|\d{1,3})\s*")
_ICU_COMPLEX = ("plural", "select", "selectordinal")
_ICU_SIMPLE = ("number", "date", "time", "spellout", "ordinal", "duration", "choice")


@dataclass
class IcuArg:
    name: str
    kind: str  # plural | select | selectordinal
    start: int
    end: int
    #: case keys in order ("one", "other", "=0", "male" …)
    keys: list[str]
    #: (key, start, end) of each case's message, offsets into the whole text
    cases: list[tuple[str, int, int]]


@dataclass
class BraceScan:
    tokens: list[Token]
    icu: list[IcuArg]
    #: offset of the first brace problem (unbalanced, malformed ICU), else None
    error: int | None = None


def _skip_double(text: str, i: int) -> int | None:
    m = _DOUBLE.match(text, i)
    return m.end() if m else None


def scan_braces(text: str, *, icu_quotes: bool = False) -> BraceScan:
    """Brace placeholders and ICU arguments. ``{{ x }}`` is left to :func:`double_tokens`.
    ``icu_quotes`` applies ICU apostrophe quoting (``'{'`` is a literal brace)."""
    tokens: list[Token] = []
    icu: list[IcuArg] = []
    err: list[int] = []
    _scan(text, 0, len(text), tokens, icu, err, icu_quotes, depth=0)
    return BraceScan(tokens, icu, err[0] if err else None)


def _match_close(text: str, i: int, end: int, icu_quotes: bool) -> int | None:
    """Offset of the ``}`` closing the ``{`` at ``i``."""
    depth = 0
    j = i
    while j < end:
        c = text[j]
        if icu_quotes and c == "'" and j + 1 < end and text[j + 1] in "{}#|":
            k = text.find("'", j + 1, end)
            j = (k + 1) if k >= 0 else end
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _scan(text: str, start: int, end: int, tokens: list[Token], icu: list[IcuArg], err: list[int],
          icu_quotes: bool, depth: int) -> None:
    i = start
    while i < end:
        c = text[i]
        if icu_quotes and c == "'" and i + 1 < end and text[i + 1] in "{}#|":
            k = text.find("'", i + 1, end)
            i = (k + 1) if k >= 0 else end
            continue
        if c == "}":
            if not err and depth == 0 and not (i + 1 < end and text[i + 1] == "}"):
                err.append(i)
            i += 1 if not (i + 1 < end and text[i + 1] == "}") else 2
            continue
        if c != "{":
            i += 1
            continue
        dbl = _skip_double(text, i)
        if dbl is not None:
            i = dbl
            continue
        if i + 1 < end and text[i + 1] == "{":  # "{{" escape (Python format)
            i += 2
            continue
        close = _match_close(text, i, end, icu_quotes)
        if close is None:
            if not err:
                err.append(i)
            return
        inner = text[i + 1:close]
        if inner == "":
            tokens.append(Token(i, close + 1, "{}", "brace", None))
            i = close + 1
            continue
        m = _ARG.match(inner)
        if not m:
            i = close + 1  # "{ not a placeholder }": prose, JSON, code
            continue
        name = m.group(1)
        rest = inner[m.end():]
        if rest.startswith(","):
            parts = rest[1:].split(",", 1)
            kind = parts[0].strip()
            if kind in _ICU_COMPLEX:
                body_start = i + 1 + m.end() + 1 + len(parts[0]) + 1
                arg = _parse_cases(text, body_start, close, name, kind, i, icu_quotes, err, tokens,
                                   icu, depth)
                if arg is not None:
                    icu.append(arg)
                tokens.append(Token(i, close + 1, text[i:close + 1], "brace", name, kind))
            elif kind in _ICU_SIMPLE or re.fullmatch(r"[a-z]+", kind):
                tokens.append(Token(i, close + 1, text[i:close + 1], "brace", name, kind))
            i = close + 1
            continue
        if rest == "" or rest[0] in "!:[.":
            conv = rest[1:2] if rest.startswith("!") else ""
            tokens.append(Token(i, close + 1, text[i:close + 1], "brace", name, conv))
        i = close + 1


_CASE_KEY = re.compile(r"\s*(offset:\s*\d+\s*)?(=\d+|[A-Za-z_][\w-]*)\s*")


def _parse_cases(text: str, pos: int, close: int, name: str, kind: str, start: int, icu_quotes: bool,
                 err: list[int], tokens: list[Token], icu: list[IcuArg], depth: int) -> IcuArg | None:
    keys: list[str] = []
    cases: list[tuple[str, int, int]] = []
    i = pos
    while i < close:
        m = _CASE_KEY.match(text, i, close)
        if not m or m.end() == i:
            if text[i:close].strip():
                if not err:
                    err.append(i)
            break
        if m.group(2) is None:
            break
        key = m.group(2)
        j = m.end()
        if j >= close or text[j] != "{":
            if m.group(1) and not m.group(2):
                i = j
                continue
            if not err:
                err.append(j)
            break
        c2 = _match_close(text, j, close, True)
        if c2 is None:
            if not err:
                err.append(j)
            break
        keys.append(key)
        cases.append((key, j + 1, c2))
        _scan(text, j + 1, c2, tokens, icu, err, True, depth + 1)
        i = c2 + 1
    if not keys:
        return None
    return IcuArg(name, kind, start, close + 1, keys, cases)


# -- markup ------------------------------------------------------------------------------------------
_TAG = regex.compile(
    r"<(/?)([A-Za-z][\w:.-]{0,40})((?:\s+[^\s=<>/\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)"
    r"\s*(/?)>")
_ATTR = regex.compile(r"([^\s=<>/\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+)))?")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source", "embed"})
#: attributes whose value must not change in a translation (links, ids of inline codes)
_KEEP_ATTRS = frozenset({"href", "src", "id", "rid", "xid", "datref", "dataref", "startref", "class",
                         "name", "type", "ctype", "canreorder", "equiv-text"})


@dataclass(frozen=True)
class Tag:
    start: int
    end: int
    text: str
    name: str
    #: "open", "close" or "empty"
    kind: str
    #: the attributes that identify the tag (href, id …), sorted
    attrs: tuple[tuple[str, str], ...]

    @property
    def key(self) -> tuple:
        return (self.name, self.kind if self.kind != "empty" else "empty", self.attrs)


def tags(text: str) -> list[Tag]:
    out: list[Tag] = []
    if "<" not in text:
        return out
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        kind = "close" if m.group(1) else ("empty" if m.group(4) or name in _VOID else "open")
        attrs = []
        for a in _ATTR.finditer(m.group(3) or ""):
            k = a.group(1).lower()
            if k in _KEEP_ATTRS or k.startswith("data-"):
                v = next((g for g in a.groups()[1:] if g is not None), "")
                attrs.append((k, v))
        out.append(Tag(m.start(), m.end(), m.group(0), name, kind, tuple(sorted(attrs))))
    return out


def nesting_error(ts: list[Tag]) -> Tag | None:
    """The first tag that breaks the nesting (a close without its open, crossed tags, an open
    never closed); None when well formed."""
    stack: list[Tag] = []
    for t in ts:
        if t.kind == "open":
            stack.append(t)
        elif t.kind == "close":
            if not stack or stack[-1].name != t.name:
                return t
            stack.pop()
    return stack[0] if stack else None


# -- everything at once ---------------------------------------------------------------------------------
STYLES = ("printf", "ruby", "brace", "double", "chrome", "chrome-pos", "qt", "dollar")


@dataclass
class Scan:
    tokens: list[Token]
    icu: list[IcuArg]
    brace_error: int | None


@lru_cache(maxsize=8192)
def scan(text: str, styles: frozenset[str], strict_printf: bool = False,
         icu_quotes: bool = False) -> Scan:
    """Placeholders of the given styles in ``text`` (spans never overlap: a later style does not
    report what an earlier one covered)."""
    toks: list[Token] = []
    icu: list[IcuArg] = []
    berr = None
    if "double" in styles:
        toks += double_tokens(text)
    if "brace" in styles:
        b = scan_braces(text, icu_quotes=icu_quotes)
        toks += b.tokens
        icu = b.icu
        berr = b.error
    if "ruby" in styles:
        toks += ruby_tokens(text)
    if "printf" in styles:
        toks += printf_tokens(text, strict=strict_printf)
    if "qt" in styles:
        toks += qt_tokens(text)
    if "chrome" in styles or "chrome-pos" in styles:
        toks += chrome_tokens(text, positional="chrome-pos" in styles)
    if "dollar" in styles:
        toks += dollar_tokens(text)
    toks.sort(key=lambda t: (t.start, -t.end))
    out: list[Token] = []
    last_end = -1
    for t in toks:
        if t.start < last_end:
            # nested inside an earlier token (an ICU plural's inner placeholders stay)
            outer = out[-1] if out else None
            if outer is None or outer.kind not in _ICU_COMPLEX or t.end > outer.end:
                continue
            out.append(t)
            continue
        out.append(t)
        last_end = t.end
    return Scan(out, icu, berr)


def styles_in(text: str) -> frozenset[str]:
    """The placeholder styles that occur in ``text`` (a source string)."""
    found = set()
    if "%" in text:
        if printf_tokens(text):
            found.add("printf")
        if ruby_tokens(text):
            found.add("ruby")
        if "printf" not in found and qt_tokens(text):
            found.add("qt")
    if "{" in text:
        if double_tokens(text):
            found.add("double")
        b = scan_braces(text)
        if b.tokens:
            found.add("brace")
        if dollar_tokens(text):
            found.add("dollar")
    if "$" in text and _CHROME.search(text):
        found.add("chrome")
    return frozenset(found)
