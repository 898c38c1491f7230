"""Reading a dictd dictionary as word pairs (for ``--dictionary``).

dictd is the format FreeDict publishes its ~200 bilingual dictionaries in (and Debian and Ubuntu
install them: ``apt install dict-freedict-deu-fra`` puts ``freedict-deu-fra.index`` and
``freedict-deu-fra.dict.dz`` in ``/usr/share/dictd``). Either file may be named; the other must
stand beside it.

* The ``.index`` holds one line per headword: ``headword<TAB>offset<TAB>length`` (offset and
  length in dictd's base 64), pointing into the data file.
* The ``.dict.dz`` is the data, gzip-compressed (dictzip's random-access gzip; a plain
  ``.dict`` is read as well). An entry is its headword line (``Gipfel /ˈɡɪpfl̩/ <n, masc>``:
  pronunciations, tags and remarks are dropped; several headwords separated by commas), then
  its senses. A sense is numbered (``1. sommet, cime``) or, in a dictionary without numbers,
  the first line after the headword; the lines that follow a sense (definitions and glosses in
  the headword's language, examples, ``Synonym: {…}``, ``see: {…}``) are not translations. A
  sense that is only a part-of-speech note in brackets (``(noun (common))``) gives its place to
  the next line.
* Entries whose names start with ``00-database`` / ``00database`` describe the dictionary: its
  short name (``German - English FreeDict dictionary``) names the languages when the file name
  (``freedict-deu-fra``) does not.

Translations are split at commas and semicolons; bracketed remarks (``(…)``, ``[…]``,
``{…}``, ``<…>``) are dropped. Entries of several words on either side are left to the
dictionary, which skips them.
"""
from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Callable
from functools import lru_cache

from ..errors import InputError

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
#: the suffixes of dictd's two files
INDEX, DATA, PLAIN = ".index", ".dict.dz", ".dict"
_NUMBERED = re.compile(r"\s*\d+\.\s+(.*)")
#: the number of the next sense, left at the end of a line (WikDict's ``cassis 2.``)
_NEXT = re.compile(r"\s+\d+\.$")
#: pronunciations (``/ˈɡɪpfl̩/``) and bracketed remarks of every kind, innermost first
_PRON = re.compile(r"(?:^|(?<=\s))/[^/\n]+/")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|<[^<>]*>")
#: what a word may not start or end with (symbols a dictionary appends: ``acute <n>´``)
_EDGE = re.compile(r"^[^\w-]+|[^\w-]+$")
_NOT_SENSE = ("synonym:", "synonyms:", "antonym:", "antonyms:", "see:", "see also:", "note:", "example:")
#: where a list of headwords or translations is cut (not inside ``1,2-Butandiol``)
_LIST = re.compile(r"[,;](?!\d)")
_QUOTES = "\"'“”„«»‘’"
#: a language pair at the end of a file name: ``freedict-deu-fra``, ``de_fr``
_PAIR = re.compile(r"(?:^|[-_.])([a-z]{2,3})[-_]([a-z]{2,3})$")


def is_dictd(path: str) -> bool:
    """Whether ``path`` names one of a dictd dictionary's files (by its suffix)."""
    return path.lower().endswith((INDEX, DATA, PLAIN))


def _stem(path: str) -> str:
    """``path`` without dictd's suffix (``…/freedict-deu-fra``)."""
    low = path.lower()
    for suffix in (INDEX, DATA, PLAIN):
        if low.endswith(suffix):
            return path[:-len(suffix)]
    return path


def files(path: str) -> tuple[str, str]:
    """The index and the data file of the dictd dictionary ``path`` names (either of them);
    :class:`InputError` when the other one is not beside it."""
    base = _stem(path)
    index = base + INDEX
    data = next((base + s for s in (DATA, PLAIN) if os.path.isfile(base + s)), None)
    if not os.path.isfile(index):
        raise InputError(f"{path}: a dictd dictionary needs its index beside it ({os.path.basename(index)} "
                         "not found)")
    if data is None:
        raise InputError(f"{path}: a dictd dictionary needs its data beside it "
                         f"({os.path.basename(base + DATA)} not found)")
    return index, data


def _number(s: str, path: str, no: int) -> int:
    n = 0
    for ch in s:
        v = _B64.get(ch)
        if v is None:
            raise InputError(f"{path}:{no}: not a dictd index line (offset and length in base 64 "
                             f"expected): {s[:30]!r}")
        n = n * 64 + v
    return n


def _data(path: str, max_bytes: int) -> bytes:
    """The data file, uncompressed; at most ``max_bytes`` (a larger one is refused)."""
    try:
        if path.lower().endswith(".dz"):
            with gzip.open(path, "rb") as f:
                data = f.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"{path}: not a dictd data file ({e})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: the dictionary is too large (more than {max_bytes:,} bytes uncompressed)")
    return data


def _whole(word: str) -> bool:
    """A word, not an affix (``Neben-``, ``-cancy``) nor nothing."""
    return bool(word) and not word.startswith("-") and not word.endswith("-")


def _unbracket(text: str) -> str:
    """``text`` without its bracketed remarks, nested ones included."""
    while True:
        out = _BRACKETS.sub(" ", text)
        if out == text:
            return out
        text = out


def _heads(line: str) -> list[str]:
    """The headwords of an entry's first line."""
    text = _unbracket(_PRON.sub(" ", line))
    return [h for h in (" ".join(x.split()) for x in _LIST.split(text)) if _whole(h)]


def _words(line: str) -> list[str]:
    """The translations a sense line gives."""
    text = _unbracket(_PRON.sub(" ", line))
    return [w for w in (_EDGE.sub("", " ".join(x.split())) for x in _LIST.split(text)) if _whole(w)]


def _bracketed(line: str) -> bool:
    """A line that is one remark in brackets (a part-of-speech note)."""
    s = line.strip()
    return len(s) > 1 and s[0] in "([{<" and not _unbracket(s).strip()


def senses(entry: str) -> list[str]:
    """The translation lines of an entry (see the module's description)."""
    lines = [x for x in entry.split("\n")[1:] if x.strip()]
    out: list[str] = []
    want = True  # the first line after the headword is a sense in a dictionary without numbers
    for line in lines:
        m = _NUMBERED.match(line)
        if m:
            line, want = m.group(1), True
        if not want:
            continue
        s = _NEXT.sub("", line.strip())
        if not s or _bracketed(s):
            continue  # a part-of-speech note: the sense is on the next line
        want = False
        if s[0] in _QUOTES or s.lower().startswith(_NOT_SENSE):
            continue
        out.append(s)
    return out


def pairs_of(entry: str, headword: str = "") -> list[tuple[str, str]]:
    """(headword, translation) pairs of one entry, of one word each (the dictionary's features
    are words: phrases are left out here rather than later); ``headword`` (the index's, in lower
    case) stands in when the entry's first line gives none (``(ask.) /ˈask/``, a remark in place
    of the word)."""
    first = entry.split("\n", 1)[0]
    heads = [h for h in _heads(first) or ([headword] if _whole(headword) else []) if " " not in h]
    if not heads:
        return []
    return [(h, w) for line in senses(entry) for w in _words(line) if " " not in w for h in heads]


@lru_cache(maxsize=None)
def _language(name: str) -> str | None:
    """A language code of the file name (``deu``, ``fr``) as a two-letter one where CLDR has it;
    a three-letter code CLDR does not know stays as it is (FreeDict's ``kha``, Khasi: the
    dictionary is then read only for documents in that language); None for anything else."""
    from babel import Locale
    from babel.core import get_global

    code = get_global("language_aliases").get(name, name)
    try:
        Locale.parse(code)
    except Exception:  # babel's UnknownLocaleError, ValueError for a malformed code
        return code if len(code) == 3 and code.isalpha() else None
    return code


def _named(short: str) -> tuple[str | None, str | None]:
    """The two languages a dictionary's short name names (``German - English …``), by their
    English names in CLDR."""
    from babel import Locale

    names = {v.lower(): k for k, v in Locale("en").languages.items() if "_" not in k}
    m = re.match(r"\s*([A-Za-z ]+?)\s*-\s*([A-Za-z]+)", short)
    if not m:
        return None, None
    return names.get(m.group(1).lower()), names.get(m.group(2).lower())


def _name_pair(stem: str) -> tuple[str, str] | None:
    """The two languages a file name without its suffix names (``freedict-deu-fra`` → de, fr),
    or None."""
    m = _PAIR.search(stem.lower())
    a, b = (_language(m.group(1)), _language(m.group(2))) if m else (None, None)
    return (a, b) if a and b else None


def languages(path: str, short: str | None = None) -> tuple[str | None, str | None]:
    """The source and target language of a dictd dictionary: from its file name
    (``freedict-deu-fra``), else from its short name."""
    pair = _name_pair(name(path))
    if pair:
        return pair
    if short:
        return _named(short)
    return None, None


#: where dictd dictionaries are installed (Debian's and Ubuntu's packages, a local prefix);
#: ``TQCHECK_DICTD_PATH`` (folders separated by ``os.pathsep``) replaces it
DIRS = ("/usr/share/dictd", "/usr/local/share/dictd")


def dirs() -> list[str]:
    """The folders :func:`installed` looks in."""
    env = os.environ.get("TQCHECK_DICTD_PATH")
    return [d for d in env.split(os.pathsep) if d] if env is not None else list(DIRS)


def installed(src_lang: str | None, tgt_lang: str | None, have: dict | None = None) -> list[str]:
    """The index files of the dictd dictionaries installed for ``src_lang`` and ``tgt_lang``
    (either way round: a dictionary is read reversed for the other direction), found by their
    file names (``freedict-deu-fra.index``: three-letter codes through CLDR's language aliases)
    in :func:`dirs`; ``have``: :func:`by_languages` when the caller has it already."""
    from ..align.dictionary import _base

    if not src_lang or not tgt_lang:
        return []
    have = by_languages() if have is None else have
    return sorted(set(_either(have, _base(src_lang), _base(tgt_lang))))


def _either(have: dict, a: str, b: str) -> list[str]:
    """The index files of :func:`by_languages` ``have`` for ``a`` and ``b``, either way round."""
    return have.get((a, b), []) + have.get((b, a), [])


def by_languages() -> dict[tuple[str, str], list[str]]:
    """Every dictd dictionary in :func:`dirs` whose file name names two languages, by them."""
    out: dict[tuple[str, str], list[str]] = {}
    for folder in dirs():
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for f in names:
            pair = _name_pair(f[:-len(INDEX)]) if f.lower().endswith(INDEX) else None
            if pair:
                out.setdefault(pair, []).append(os.path.join(folder, f))
    return out


def pivots(src_lang: str | None, tgt_lang: str | None,
           have: dict | None = None) -> list[tuple[str, list[str], list[str]]]:
    """Where no dictionary of the pair is installed: the languages that installed dictionaries
    link to both (English first, then by code), each with the index files of its two halves
    (source–pivot, pivot–target, either way round); ``have`` as for :func:`installed`."""
    from ..align.dictionary import _base

    if not src_lang or not tgt_lang:
        return []
    s, t = _base(src_lang), _base(tgt_lang)
    have = by_languages() if have is None else have
    langs = sorted({x for pair in have for x in pair} - {s, t}, key=lambda x: (x != "en", x))
    return [(p, _either(have, s, p), _either(have, p, t)) for p in langs
            if _either(have, s, p) and _either(have, p, t)]


def name(path: str) -> str:
    """The dictionary's name: its files' name without the suffixes (``freedict-deu-fra``)."""
    return os.path.basename(_stem(path))


def read(path: str, *, max_bytes: int) -> tuple[list[tuple[str, str]], str | None, str | None]:
    """Word pairs and languages (source, target) of the dictd dictionary ``path`` names;
    :class:`InputError` naming the file (and the index line) for a dictionary that cannot be read.
    What a dictionary gives is kept in the start-up cache (:mod:`tqcheck.lang.diskcache`),
    keyed by both files' place, size and time and by this reader's source: a large dictionary
    (FreeDict's German–English, 519,000 headwords) is read once, not at every run."""
    from ..lang import diskcache

    index, data_path = files(path)
    try:
        stamp = ",".join(f"{st.st_size}:{st.st_mtime_ns}" for st in map(os.stat, (index, data_path)))
    except OSError:
        return _read(index, data_path, path, max_bytes)
    got = cached("dictd", name(path), {"code": diskcache.source_stamp("io/dictd.py"),
                                       "index": os.path.abspath(index), "files": stamp},
                 lambda: dict(zip(("pairs", "src", "tgt"), _read(index, data_path, path, max_bytes))))
    return got["pairs"], got.get("src"), got.get("tgt")


def cached(kind: str, name: str, parts: dict[str, str], build: Callable[[], dict]) -> dict:
    """What ``build`` makes (JSON values, the word pairs under ``"pairs"``), kept in the start-up
    cache (:mod:`tqcheck.lang.diskcache`) as ``kind``-``name``, keyed by ``parts`` and tqcheck's
    version: read back when the key matches (the pairs as tuples), else built and stored."""
    from ..lang import diskcache

    if not diskcache.enabled():
        return build()
    key = diskcache.key({"kind": kind, "tqcheck": diskcache.version("tqcheck"), **parts})
    where = diskcache.path(kind, re.sub(r"[^A-Za-z0-9_-]", "_", name)[:40] or kind, key, "json")
    got = diskcache.read_json(where)
    if isinstance(got, dict) and got.get("key") == key and isinstance(got.get("pairs"), list):
        got["pairs"] = [tuple(x) for x in got["pairs"]]
        return got
    value = build()
    diskcache.write_json(where, {**value, "key": key})
    return value


def _read(index: str, data_path: str, path: str, max_bytes: int) -> tuple[list[tuple[str, str]], str | None,
                                                                        str | None]:
    """:func:`read` from the files themselves."""
    try:
        with open(index, "rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{index}: cannot read the dictionary's index ({e.strerror})") from None
    if len(raw) > max_bytes:
        raise InputError(f"{index}: the dictionary's index is too large (more than {max_bytes:,} bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise InputError(f"{index}:{line}: the dictionary's index is not UTF-8 "
                         f"(byte 0x{raw[e.start]:02x})") from None
    data = _data(data_path, max_bytes)
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()
    short = None
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise InputError(f"{index}:{no}: not a dictd index line (expected headword<TAB>offset<TAB>length): "
                             f"{line[:60]!r}")
        off, length = _number(cols[1], index, no), _number(cols[2], index, no)
        if off + length > len(data):
            raise InputError(f"{index}:{no}: the entry points past the end of {os.path.basename(data_path)}")
        if (off, length) in seen:
            continue  # another headword of an entry already read
        seen.add((off, length))
        entry = data[off:off + length].decode("utf-8", "replace")
        key = cols[0].replace("-", "")
        if key.startswith("00database"):
            if key == "00databaseshort":
                short = entry.split("\n", 1)[0] if not entry.startswith(cols[0]) else \
                    (entry.split("\n") + [""])[1]
            continue
        pairs.extend(pairs_of(entry, cols[0].strip()))
    if not seen:
        raise InputError(f"{index}: the dictionary's index is empty")
    src, tgt = languages(path, short)
    return pairs, src, tgt
