"""The data model of localization files and what every reader shares.

A reader turns one file (or a pair of monolingual files matched by key) into a
:class:`UnitFile`: a list of :class:`Unit` entries, each with its source and
target text kept exactly as the application will see it (escapes decoded the
way the format decodes them, whitespace kept), the file lines where those texts
start, the translator's notes and the state flags of the entry.

Languages come from the file itself (a PO ``Language`` header, XLIFF
attributes) and else from its path (``tr.json``, ``values-tr``,
``locale/tr/LC_MESSAGES``, ``validators.tr.xlf``, ``_locales/tr``); see
:func:`lang_from_path`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import InputError

#: Largest file a reader accepts (the CLI's --max-size default).
MAX_BYTES = 20_000_000

#: The plural categories of CLDR, in their canonical order.
PLURAL_TAGS = ("zero", "one", "two", "few", "many", "other")


@dataclass
class Unit:
    """One entry of a localization file."""

    #: msgid (with msgctxt + "\x04" before it), XLIFF unit id, resource key (dotted path)
    id: str
    source: str
    #: None or "" = untranslated
    target: str | None
    #: 1-based line where the entry's source text starts in its file
    source_line: int | None = None
    #: 1-based line where the target text starts (same file for bilingual formats)
    target_line: int | None = None
    #: translator / developer comments, XLIFF notes, resource descriptions
    notes: list[str] = field(default_factory=list)
    #: e.g. {"fuzzy", "obsolete", "python-format", "needs-review", "approved"}
    flags: frozenset[str] = frozenset()
    #: plural target forms when the entry is plural (source plural in ``source_plural``)
    plurals: list[str] | None = None
    source_plural: str | None = None
    #: declared length limit in characters
    max_length: int | None = None
    context: str | None = None
    #: line of each plural target form (parallel to ``plurals``)
    plural_lines: list[int | None] | None = None
    #: CLDR category of each plural target form when the format names them (Android, i18next,
    #: Rails); None when forms are numbered (gettext)
    plural_tags: list[str] | None = None
    #: line where ``source_plural`` starts
    source_plural_line: int | None = None

    @property
    def translated(self) -> bool:
        if self.plurals:
            return any(p for p in self.plurals)
        return bool(self.target)

    @property
    def forms(self) -> list[str]:
        """The target texts: every plural form, else the one target ('' when untranslated)."""
        if self.plurals:
            return list(self.plurals)
        return [self.target or ""]


@dataclass
class UnitFile:
    """A localization file read into units."""

    #: the (target) file as given
    path: str
    #: "po", "xliff1", "xliff2", "tmx", "csv", "json", "chrome-json", "yaml", "properties",
    #: "android", "apple-strings"
    format: str
    src_lang: str | None
    tgt_lang: str | None
    units: list[Unit]
    #: for monolingual pairs: the source file matched by key
    source_path: str | None = None
    #: declared nplurals (PO header) when known
    plural_count: int | None = None
    #: 1-based line of the declaration of ``plural_count`` (the PO header's Plural-Forms)
    plural_count_line: int | None = None
    #: True for a monolingual file read without a source file (its units' source is their target)
    source_missing: bool = False
    #: keys of the source file that the target file lacks are units with ``target=None`` and
    #: ``target_line=None``; ``extra_keys`` are the target's keys the source lacks
    extra_keys: list[tuple[str, int | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.units)

    def __repr__(self) -> str:
        return (f"<UnitFile {self.path} ({self.format}, {self.src_lang or '?'}→{self.tgt_lang or '?'}):"
                f" {len(self.units)} units>")


# -- reading -------------------------------------------------------------------------------------
def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, or an :class:`InputError` naming what is wrong."""
    from ..text import read_bytes as _read

    return _read(path, max_bytes=max_bytes)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode strictly (UTF-8 / BOM-marked UTF-16/32 unless ``encoding`` is given)."""
    from ..text import decode_bytes

    return decode_bytes(data, path=path, encoding=encoding)[0]


class LineIndex:
    """Offsets → 1-based line numbers of one text."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def line(self, offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(self.starts, offset)

    def column(self, offset: int) -> int:
        return offset - self.starts[self.line(offset) - 1] + 1


# -- languages -----------------------------------------------------------------------------------
_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]r?([A-Za-z]{2}|[0-9]{3}))?$")
#: path components that look like language codes but are not languages here
_NOT_LANG = frozenset({"res", "src", "lib", "app", "doc", "docs", "dev", "out", "bin", "tmp", "web",
                       "api", "ui", "js", "css", "img", "test", "tests", "new", "old", "all", "base",
                       "raw", "var", "etc", "usr", "po", "pot", "xml", "json", "yml", "yaml"})


@lru_cache(maxsize=4096)
def parse_lang(code: str | None) -> str | None:
    """A language code CLDR knows, normalised to its language part (``tr_TR`` → ``tr``,
    ``pt-rBR`` → ``pt``, ``b+sr+Latn`` → ``sr``, ``zh-Hant`` → ``zh``); None otherwise."""
    if not code:
        return None
    code = code.strip()
    if code.startswith("b+"):
        code = code[2:].replace("+", "-")
    m = _CODE.match(code)
    if not m:
        return None
    lang = m.group(1).lower()
    if lang in _NOT_LANG:
        return None
    try:
        from babel import localedata

        if not localedata.exists(lang):
            return None
    except Exception:  # pragma: no cover
        return None
    return lang


def lang_from_path(path: str) -> str | None:
    """The language a path names: ``tr.json``, ``tr-TR.json``, ``messages_tr.properties``,
    ``validators.tr.xlf``, ``values-tr/strings.xml``, ``tr.lproj/…``,
    ``locale/tr/LC_MESSAGES/…``, ``_locales/tr/messages.json``, ``locales/tr/ns.json``."""
    norm = path.replace("\\", "/")
    parts = [p for p in norm.split("/") if p]
    if not parts:
        return None
    name = parts[-1]
    stem = name.split(".")
    # validators.tr.xlf / messages.tr-TR.yaml / tr.json / tr_TR.po
    if len(stem) >= 2:
        for cand in (stem[-2], ".".join(stem[:-1])):
            lang = parse_lang(cand)
            if lang:
                return lang
        # messages_tr.properties, messages_pt_BR.properties, strings-de.json
        m = re.search(r"[_-]([a-z]{2}(?:_[A-Z]{2})?)$", stem[-2])
        if m and m.start() > 0:
            lang = parse_lang(m.group(1))
            if lang:
                return lang
    dirs = parts[:-1]
    for i in range(len(dirs) - 1, -1, -1):
        d = dirs[i]
        if d.startswith("values-"):  # Android resource qualifiers
            q = d[len("values-"):].split("-")
            if q[0].startswith("b+"):
                lang = parse_lang(q[0])
            else:
                lang = parse_lang("-".join(q[:2])) or parse_lang(q[0])
            if lang:
                return lang
            continue
        if d.endswith(".lproj"):
            lang = parse_lang(d[:-6])
            if lang:
                return lang
            continue
        if d == "LC_MESSAGES" and i > 0:
            lang = parse_lang(dirs[i - 1])
            if lang:
                return lang
        if i > 0 and dirs[i - 1] in ("_locales", "locales", "locale", "i18n", "lang", "langs",
                                      "languages", "translations", "l10n", "messages"):
            lang = parse_lang(d)
            if lang:
                return lang
    return None


def source_lang_from_path(path: str) -> str | None:
    """Like :func:`lang_from_path`, for a source-language file (``values/strings.xml`` and
    ``messages.properties`` name no language: None)."""
    return lang_from_path(path)


def flags_of_state(state: str | None) -> frozenset[str]:
    """Flags for an XLIFF state value: ``needs-*`` / ``new`` / ``initial`` mark the entry as
    unfinished (``needs-review`` for a draft translation, ``needs-translation`` otherwise)."""
    if not state:
        return frozenset()
    s = state.strip().lower()
    out = {"state:" + s}
    if s.startswith("needs-review") or s in ("needs-adaptation", "needs-l10n", "initial"):
        out.add("needs-review")
    elif s in ("new", "needs-translation"):
        out.add("needs-translation")
    elif s in ("final", "signed-off", "reviewed"):
        out.add("approved")
    return frozenset(out)


def error(message: str, path: str, line: int | None = None, column: int | None = None) -> InputError:
    return InputError(message, path=path, line=line, column=column)


def guess_lang(texts: list[str], sample: int = 300) -> str | None:
    """The language most of ``texts`` are written in (langdetect, seeded), for files that do
    not say it (the msgids of a PO file, Android's default ``values/``); None unless the detector
    is at least 90% sure on at least 20 words."""
    chosen = [t for t in texts if t and len(t) > 3][:sample]
    return _guess_text("\n".join(chosen))


@lru_cache(maxsize=64)
def _guess_text(text: str) -> str | None:
    """:func:`guess_lang` of the joined texts, remembered: the PO files of one project in several
    languages have the same msgids (langdetect is seeded: the same text, the same answer)."""
    from ...lang.detect import detect_langs

    if len(re.findall(r"\w{2,}", text)) < 20:
        return None
    cands = detect_langs(text, max_chars=4000)  # a spread sample of 4,000 characters decides
    if not cands or cands[0][1] < 0.9:
        return None
    return cands[0][0]
