"""Path globs as configuration files write them (``docs/en/**/*.md``, ``*.po``, ``vendor/``).

The rules are those of ``.gitignore`` and ruff's ``exclude``/``per-file-ignores``:

* paths are relative to a root (the directory of the configuration file) and use ``/``;
* ``*`` matches within one path segment, ``?`` one character, ``[...]`` a class (``[!...]``
  negates), ``**`` any number of whole segments (``docs/**/*.md`` also matches ``docs/a.md``);
* a pattern with no ``/`` matches a file or directory name at any depth (``*.pot``,
  ``node_modules``); a pattern with a ``/`` is anchored at the root (a leading ``/`` or ``./`` is
  dropped);
* a pattern that matches a directory matches everything below it.

Each wildcard is a capturing group, so a matched path can be carried over to another pattern
with the same wildcards (``docs/en/**/*.md`` → ``docs/tr/**/*.md``): :meth:`Glob.substitute`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

__all__ = ["Glob", "compile_glob", "relpath", "GlobError"]


class GlobError(ValueError):
    """A pattern that cannot be compiled (an unclosed ``[``)."""


@dataclass(frozen=True)
class Glob:
    pattern: str
    regex: re.Pattern[str]
    #: the wildcard tokens in order (``**``, ``*``, ``?``, ``[...]``)
    wildcards: tuple[str, ...]
    #: the pattern split into literal text and wildcard tokens, for :meth:`substitute`
    parts: tuple[tuple[bool, str], ...]

    def match(self, path: str) -> tuple[str, ...] | None:
        """The captured wildcards when ``path`` (root-relative, ``/``) matches, else None.
        A directory match also matches every path below it."""
        m = self.regex.fullmatch(path)
        if m is not None:
            return tuple("" if g is None else g for g in m.groups())
        return None

    def matches(self, path: str) -> bool:
        """True when the path or one of its parent directories matches."""
        if self.regex.fullmatch(path):
            return True
        parts = path.split("/")
        return any(self.regex.fullmatch("/".join(parts[:i])) for i in range(1, len(parts)))

    def substitute(self, captures: tuple[str, ...]) -> str:
        """This pattern with its wildcards replaced, in order, by ``captures``."""
        out, k = [], 0
        for is_wild, text in self.parts:
            if is_wild:
                out.append(captures[k])
                k += 1
            else:
                out.append(text)
        return "".join(out)

    @property
    def literal_prefix(self) -> str:
        """The directory part before the first wildcard (``docs/en/`` for ``docs/en/**/*.md``)."""
        lit = ""
        for is_wild, text in self.parts:
            if is_wild:
                break
            lit += text
        return lit[: lit.rfind("/") + 1] if "/" in lit else ""


def _normalise(pattern: str) -> str:
    p = pattern.strip().replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def compile_glob(pattern: str, *, anchored: bool = False) -> Glob:
    """Compile a pattern. ``anchored=True`` never applies the "no slash → any depth" rule
    (document mappings name paths from the root)."""
    p = _normalise(pattern)
    if not p:
        raise GlobError("empty pattern")
    if p.endswith("/"):
        p = p.rstrip("/")  # "vendor/" names a directory; a directory matches what is below it
    if p.startswith("/"):
        p = p.lstrip("/")
    elif "/" not in p and not anchored and p != "**":
        p = "**/" + p
    tokens: list[tuple[bool, str]] = []
    i, n = 0, len(p)
    lit = ""
    while i < n:
        c = p[i]
        if c == "*":
            if p.startswith("**", i) and (i == 0 or p[i - 1] == "/") and (i + 2 == n or p[i + 2] == "/"):
                if lit:
                    tokens.append((False, lit))
                    lit = ""
                if i + 2 < n:  # "**/" : zero or more whole segments, slash included
                    tokens.append((True, "**/"))
                    i += 3
                else:
                    tokens.append((True, "**"))
                    i += 2
                continue
            j = i
            while j < n and p[j] == "*":
                j += 1
            if lit:
                tokens.append((False, lit))
                lit = ""
            tokens.append((True, "*"))
            i = j
        elif c == "?":
            if lit:
                tokens.append((False, lit))
                lit = ""
            tokens.append((True, "?"))
            i += 1
        elif c == "[":
            j = p.find("]", i + 2 if p[i + 1:i + 2] in ("!", "^", "]") else i + 1)
            if j < 0:
                raise GlobError(f"unclosed '[' in pattern {pattern!r}")
            if lit:
                tokens.append((False, lit))
                lit = ""
            tokens.append((True, p[i:j + 1]))
            i = j + 1
        else:
            lit += c
            i += 1
    if lit:
        tokens.append((False, lit))
    rx = []
    for is_wild, t in tokens:
        if not is_wild:
            rx.append(re.escape(t))
        elif t == "**/":
            rx.append(r"((?:[^/]+/)*)")
        elif t == "**":
            rx.append(r"(.*)")
        elif t == "*":
            rx.append(r"([^/]*)")
        elif t == "?":
            rx.append(r"([^/])")
        else:
            body = t[1:-1]
            if body[:1] in ("!", "^"):
                body = "^" + body[1:]
            body = body.replace("\\", "\\\\")
            rx.append(f"([{body}])")
    try:
        regex = re.compile("".join(rx), re.DOTALL)
    except re.error as e:
        raise GlobError(f"bad pattern {pattern!r}: {e}") from None
    return Glob(pattern, regex, tuple(t for w, t in tokens if w), tuple(tokens))


def relpath(path: str, root: str) -> str:
    """``path`` relative to ``root`` with ``/`` separators; a path outside ``root`` stays
    absolute (and so matches only absolute or ``**`` patterns)."""
    ap = os.path.abspath(path)
    ar = os.path.abspath(root)
    try:
        rel = os.path.relpath(ap, ar)
    except ValueError:  # another drive on Windows
        return ap.replace("\\", "/")
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return ap.replace("\\", "/")
    return "." if rel == "." else rel.replace("\\", "/")
