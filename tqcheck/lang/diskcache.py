"""tqcheck's start-up cache: language data derived from libraries, kept between runs.

Some language data is slow to build and depends only on the libraries' own data (wordfreq's word
lists, CLDR through babel, spaCy's tokenizer exceptions): building it took most of a short
run's time. It is kept in small files in ``$TQCHECK_CACHE_DIR`` (default
``$XDG_CACHE_HOME/tqcheck`` or ``~/.cache/tqcheck``; an empty value turns the cache off):

* every file name carries a key made of the versions of tqcheck and of the libraries the data
  comes from, and a stamp of the tqcheck source that derives it, so a new version of either
  never reads an old file;
* files are written atomically (a temporary file, then :func:`os.replace`), so a parallel run
  reads the old file or the new one, never half of one;
* a file that cannot be read, or is not what it should be (another key, truncated, changed
  bytes), is ignored and built again; a folder that cannot be written means no cache. Results
  never depend on the cache: tested by comparing cached and freshly built data;
* writing a file deletes the files of the same data and language written for another key, so
  the folder does not grow with upgrades (two tqcheck versions sharing one folder take turns).
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path


def folder() -> Path | None:
    """The cache folder, or None when ``TQCHECK_CACHE_DIR`` is set to an empty value."""
    where = os.environ.get("TQCHECK_CACHE_DIR")
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "tqcheck")
    return Path(where) if where else None


def enabled() -> bool:
    """False when the cache is turned off (``TQCHECK_CACHE_DIR=``): cheap, for hot paths."""
    return os.environ.get("TQCHECK_CACHE_DIR") != ""


@lru_cache(maxsize=None)
def version(dist: str) -> str:
    """The installed version of a distribution ("tqcheck", "wordfreq" …), or "none"."""
    if dist == "tqcheck":
        from .. import __version__

        return __version__
    try:
        from importlib import metadata

        return metadata.version(dist)
    except Exception:
        return "none"


@lru_cache(maxsize=None)
def source_stamp(*files: str) -> str:
    """A short hash of tqcheck source files (paths relative to the package): data derived by code
    that has changed since a file was written is not read back (the package version does not
    change with every edit)."""
    h = hashlib.sha1()
    pkg = Path(__file__).resolve().parent.parent
    for name in files:
        try:
            h.update((pkg / name).read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()[:10]


def key(parts: dict[str, str]) -> str:
    """One string for a cache key (``name=value;…``, sorted)."""
    return ";".join(f"{k}={v}" for k, v in sorted(parts.items()))


def path(kind: str, lang: str, cache_key: str, ext: str) -> Path | None:
    """Where the data ``kind`` of ``lang`` with ``cache_key`` is kept; None without a cache or for a
    language code that is not a plain name."""
    where = folder()
    if where is None or not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", lang):
        return None
    digest = hashlib.sha1(cache_key.encode("utf-8")).hexdigest()[:16]
    return where / f"{kind}-{lang}-{digest}.{ext}"


def read(p: Path | None) -> bytes | None:
    if p is None:
        return None
    try:
        return p.read_bytes()
    except OSError:
        return None


def write(p: Path | None, data: bytes) -> None:
    """Write ``data`` to ``p`` atomically; any error (read-only home, full disk) is ignored."""
    if p is None:
        return
    import tempfile

    tmp = None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=p.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, p)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _prune(p)


def read_json(p: Path | None) -> object:
    """The JSON value stored at ``p`` (see :func:`read`); None when there is none or it does not
    parse (the caller checks its shape and builds the data again)."""
    import json

    raw = read(p)
    if raw is None:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:  # also UnicodeDecodeError
        return None


def write_json(p: Path | None, value: object) -> None:
    """Store ``value`` as JSON at ``p`` (see :func:`write`)."""
    import json

    write(p, json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))


#: ``kind-lang-digest.ext`` (and ``….wanted``, the mark of a file wanted but not yet written)
_NAME = re.compile(r"(?P<stem>[a-z]+-[A-Za-z0-9_-]+)-(?P<digest>[0-9a-f]{16})"
                   r"\.(?P<ext>[a-z]+)(?:\.wanted)?")


def _prune(p: Path) -> None:
    """Delete the files of the same data and language written for another key (an older tqcheck
    or library): a cache folder does not grow with every upgrade."""
    m = _NAME.fullmatch(p.name)
    if m is None:
        return
    try:
        siblings = list(p.parent.glob(m["stem"] + "-*"))
    except OSError:
        return
    for q in siblings:
        n = _NAME.fullmatch(q.name)
        if n is not None and n["stem"] == m["stem"] and n["digest"] != m["digest"]:
            try:
                q.unlink()
            except OSError:
                pass
