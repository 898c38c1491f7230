"""CLDR data through babel, precomputed once per language and cached.

Everything here reads babel's *own* data of each locale along its inheritance
chain (``pt_BR`` → ``pt``) with ``merge_inherited=False`` and resolves the few
aliases we need ourselves (stand-alone month names fall back to format names).
babel's merged ``Locale`` objects share nested dictionaries with ``root``, so
after one locale has been loaded another can show its alias targets (a German
``stand-alone`` month table can come back in Chinese); reading each locale's
own data file (not through babel's cache) avoids that.

Tables offered, all keyed by language code and cached:

* :func:`number_symbols` – decimal and group separators;
* :func:`month_names` / :func:`weekday_names` – every wide and abbreviated,
  format and stand-alone form (format forms are the genitive ones in Slavic
  languages, ``января``/``stycznia``);
* :func:`scale_words` – ``million``/``Millionen``/``万`` → multiplier, from the
  compact decimal formats;
* :func:`date_order` – ``"DMY"``, ``"MDY"`` or ``"YMD"`` from the short date pattern;
* :func:`day_period_markers` – AM/PM markers;
* :func:`place_names` / :func:`place_index` – territory names and exemplar city
  names (time-zone data), for exonyms such as Kazakhstan ↔ Kazakistan ↔ 哈萨克斯坦;
* :func:`unit_forms` – how a number is written with a unit (``{0} pouces``, ``{0} Zoll``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "NumberSymbols", "has_data", "number_symbols", "month_names", "weekday_names", "month_forms",
    "weekday_forms",
    "scale_words", "date_order", "day_period_markers", "day_period_hours", "place_names", "place_index",
    "place_name_in", "language_name", "language_words", "format_number", "unit_forms", "unit_keys",
]


def _locale_ids(lang: str) -> tuple[str, ...]:
    """Inheritance chain of babel locale ids for ``lang``, most specific first, without root."""
    from babel import localedata

    code = lang.strip().replace("-", "_")
    parts = code.split("_")
    if not parts or not parts[0]:
        return ()
    parts[0] = parts[0].lower()
    chain = []
    for n in range(len(parts), 0, -1):
        ident = "_".join(parts[:n])
        try:
            if localedata.exists(ident):
                chain.append(ident)
        except Exception:  # pragma: no cover - odd identifiers
            continue
    return tuple(chain)


def _read_pickle(ident: str) -> dict | None:
    """A locale's own data file, read directly: ``babel.localedata.load(…, merge_inherited=False)``
    would put the unmerged data into babel's shared cache and break later ``Locale`` objects."""
    import pickle

    from babel import localedata

    try:
        with open(localedata.resolve_locale_filename(ident), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # pragma: no cover - missing or unreadable data file
        return None


@lru_cache(maxsize=64)
def _raw_chain(lang: str) -> tuple[dict, ...]:
    return tuple(d for d in (_read_pickle(i) for i in _locale_ids(lang)) if d is not None)


@lru_cache(maxsize=1)
def _root() -> dict:
    return _read_pickle("root") or {}


def _get(lang: str, *path: str):
    """First value found along ``path`` in the chain of ``lang`` (most specific first)."""
    for data in _raw_chain(lang):
        node = data
        ok = True
        for key in path:
            try:
                node = node[key]
            except (KeyError, TypeError):
                ok = False
                break
        if ok and _is_plain(node):
            return node
    return None


@lru_cache(maxsize=1)
def unit_keys() -> tuple[str, ...]:
    """Every CLDR unit (``length-inch``, ``angle-degree``, …) that root has patterns for."""
    return tuple((_root().get("unit_patterns") or {}).keys())


def unit_forms(lang: str | None, unit: str) -> tuple[tuple[str, str], ...]:
    """Every pattern of the CLDR unit ``unit`` (``length-inch``) in ``lang``, long, short and
    narrow, all plural forms, without the "per" form, as ``(length, pattern)``:
    ``(("long", "{0} pouce"), ("long", "{0} pouces"), ("short", "{0}\u202fpo"), …)``. Each
    length comes from the first locale of the chain that has it, else from root (German has no
    short form of its own for metres: root's ``{0} m``)."""
    if not lang:
        return ()
    out: dict[tuple[str, str], None] = {}
    chain = (*_raw_chain(lang), _root())
    for length in ("long", "short", "narrow"):
        for data in chain:
            forms = (data.get("unit_patterns") or {}).get(unit)
            node = forms.get(length) if isinstance(forms, dict) else None
            if not isinstance(node, dict):
                continue  # missing, or an alias to another length (read there)
            patterns = [p for k, p in node.items() if k != "per" and isinstance(p, str)]
            if patterns:
                out.update(((length, p), None) for p in patterns)
                break
    return tuple(out)


def _is_plain(node) -> bool:
    # babel marks aliases with an ``Alias`` object; we resolve those ourselves
    return type(node).__name__ != "Alias"


@lru_cache(maxsize=128)
def has_data(lang: str | None) -> bool:
    """True when babel has a locale for ``lang``."""
    return bool(lang) and bool(_raw_chain(lang))


# -- numbers -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NumberSymbols:
    decimal: str
    group: str

    @property
    def space_grouping(self) -> bool:
        """True when the group separator is a (no-break, narrow, thin) space."""
        return self.group.isspace() or self.group in "\u00a0\u202f\u2009\u2007"


@lru_cache(maxsize=128)
def number_symbols(lang: str | None) -> NumberSymbols | None:
    """Decimal and group separators of ``lang`` in Latin digits, or None without data."""
    if not lang or not has_data(lang):
        return None
    system = _get(lang, "default_numbering_system") or "latn"
    dec = _get(lang, "number_symbols", "latn", "decimal") or _get(lang, "number_symbols", system, "decimal")
    grp = _get(lang, "number_symbols", "latn", "group") or _get(lang, "number_symbols", system, "group")
    root = _root().get("number_symbols", {}).get("latn", {})
    return NumberSymbols(dec or root.get("decimal", "."), grp or root.get("group", ","))


@lru_cache(maxsize=128)
def scale_words(lang: str | None) -> dict[str, int]:
    """Words and symbols for powers of ten from CLDR compact decimal formats, casefolded:
    ``{"million": 1000000, "thousand": 1000, …}`` for en, ``{"万": 10000, "亿": 10**8}`` for zh."""
    out: dict[str, int] = {}
    if not lang:
        return out
    for data in reversed(_raw_chain(lang)):
        formats = data.get("compact_decimal_formats") or {}
        for width in ("long", "short"):
            by_plural = formats.get(width) or {}
            for patterns in by_plural.values():
                for magnitude, pattern in patterns.items():
                    text = getattr(pattern, "pattern", str(pattern))
                    zeros = text.count("0")
                    word = re.sub(r"[0#.,'\u00a0\u202f\s¤]+", " ", text).strip().casefold()
                    if not zeros or not word or " " in word:
                        continue
                    try:
                        mult = int(magnitude) // 10 ** (zeros - 1)
                    except ValueError:
                        continue
                    if mult > 1:
                        out.setdefault(word, mult)
    return out


# -- dates ---------------------------------------------------------------------------------------
def _calendar_forms(lang: str, kind: str) -> dict[int, tuple[tuple[str, bool], ...]]:
    """index → ((form, is_wide), …) over format and stand-alone contexts."""
    forms: dict[int, list[tuple[str, bool]]] = {}
    if not _get(lang, kind, "format", "wide"):
        return {}
    for width in ("wide", "abbreviated"):
        for ctx_name in ("format", "stand-alone"):
            table = _get(lang, kind, ctx_name, width)
            if table is None and ctx_name == "stand-alone":
                table = _get(lang, kind, "format", width)  # CLDR alias stand-alone → format
            for key, name in (table or {}).items():
                name = unicodedata.normalize("NFC", str(name)).strip().rstrip(".\u0970\u05f3")
                if not name or re.fullmatch(r"[MD]?\d+", name):
                    continue
                lst = forms.setdefault(int(key), [])
                if all(name != f for f, _ in lst):
                    lst.append((name, width == "wide"))
    return {k: tuple(v) for k, v in sorted(forms.items())}


@lru_cache(maxsize=128)
def month_forms(lang: str | None) -> dict[int, tuple[tuple[str, bool], ...]]:
    """Month number (1–12) → ``(form, is_wide)`` for every CLDR name form, wide forms first
    (abbreviations without their final dot)."""
    if not lang or not has_data(lang):
        return {}
    return _calendar_forms(lang, "months")


@lru_cache(maxsize=128)
def weekday_forms(lang: str | None) -> dict[int, tuple[tuple[str, bool], ...]]:
    """Weekday (0 = Monday … 6 = Sunday) → ``(form, is_wide)`` for every CLDR name form."""
    if not lang or not has_data(lang):
        return {}
    return _calendar_forms(lang, "days")


def month_names(lang: str | None) -> dict[int, tuple[str, ...]]:
    """Month number (1–12) → every CLDR name form (wide first)."""
    return {k: tuple(f for f, _ in v) for k, v in month_forms(lang).items()}


def weekday_names(lang: str | None) -> dict[int, tuple[str, ...]]:
    """Weekday (0 = Monday … 6 = Sunday) → every CLDR name form (wide first)."""
    return {k: tuple(f for f, _ in v) for k, v in weekday_forms(lang).items()}


@lru_cache(maxsize=128)
def date_order(lang: str | None) -> str | None:
    """Order of day, month and year in the short numeric date: ``"DMY"``, ``"MDY"`` or ``"YMD"``."""
    if not lang or not has_data(lang):
        return None
    pattern = _get(lang, "date_formats", "short")
    text = getattr(pattern, "pattern", None) or str(pattern or "")
    text = re.sub(r"'[^']*'", "", text)
    order = []
    for ch in text:
        c = {"d": "D", "M": "M", "L": "M", "y": "Y"}.get(ch)
        if c and c not in order:
            order.append(c)
    return "".join(order) if len(order) == 3 else None


@lru_cache(maxsize=128)
def day_period_markers(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """Casefolded AM and PM markers (dots removed) of ``lang`` plus the Latin ``am``/``pm``."""
    am, pm = {"am"}, {"pm"}
    if lang and has_data(lang):
        for ctx_name in ("format", "stand-alone"):
            for width in ("abbreviated", "wide", "narrow"):
                table = _get(lang, "day_periods", ctx_name, width) or {}
                for key, bucket in (("am", am), ("pm", pm)):
                    v = table.get(key)
                    if v:
                        bucket.add(str(v).replace(".", "").replace(" ", "").casefold())
    return frozenset(am), frozenset(pm)


#: the clock hours CLDR's named day periods stand for
_PERIOD_HOURS = {"noon": (12,), "midnight": (0, 12, 24)}


@lru_cache(maxsize=128)
def day_period_hours(lang: str | None) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Casefolded wide and abbreviated names of the day periods that name an hour (``noon``/``正午``/``midi`` →
    12, ``midnight``/``Mitternacht``/``真夜中`` → 0, 12 or 24), from CLDR."""
    out: dict[str, tuple[int, ...]] = {}
    if lang and has_data(lang):
        for ctx_name in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                table = _get(lang, "day_periods", ctx_name, width) or {}
                for key, hours in _PERIOD_HOURS.items():
                    v = table.get(key)
                    if v and len(str(v)) >= 2 and not str(v).endswith("."):
                        out[str(v).casefold()] = hours
    return tuple(sorted(out.items()))


# -- places --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _zone_ids() -> tuple[str, ...]:
    from babel.core import get_global

    zones = sorted(get_global("zone_territories"))
    return tuple(z for z in zones
                 if "/" in z and not z.startswith(("Etc/", "Antarctica/", "SystemV/", "US/")))


def _variants(name: str) -> list[str]:
    """``"Myanmar (Burma)"`` → ``["Myanmar (Burma)", "Myanmar", "Burma"]``;
    ``"Congo - Kinshasa"`` → ``[…, "Congo"]``."""
    name = unicodedata.normalize("NFC", name).strip()
    out = [name]
    m = re.match(r"^(.*?)\s*[(（](.*?)[)）]\s*$", name)
    if m:
        out += [m.group(1).strip(), m.group(2).strip()]
    if " - " in name:
        out.append(name.split(" - ")[0].strip())
    return [v for i, v in enumerate(out) if v and v not in out[:i]]


@lru_cache(maxsize=64)
def place_names(lang: str | None) -> dict[str, tuple[str, ...]]:
    """Place key → names in ``lang``. Keys are ``"T:KZ"`` (CLDR territory) and
    ``"Z:Asia/Almaty"`` (exemplar city of a time zone; where CLDR gives no city name for the
    language, the English name from the zone id is used, as CLDR itself does)."""
    out: dict[str, tuple[str, ...]] = {}
    if not lang or not has_data(lang):
        return out
    territories: dict[str, str] = {}
    zones: dict[str, str] = {}
    for data in reversed(_raw_chain(lang)):
        territories.update({str(k): str(v) for k, v in (data.get("territories") or {}).items()})
        for z, info in (data.get("time_zones") or {}).items():
            city = info.get("city") if isinstance(info, dict) else None
            if city:
                zones[z] = str(city)
    root_tz = _root().get("time_zones") or {}
    for code, name in territories.items():
        if code in ("ZZ", "001") or unicodedata.category(name[:1]) == "Ll":
            continue  # "Unknown Region"; "world"/"Welt" is a common noun, not a name
        out["T:" + code] = tuple(_variants(name))
    for z in _zone_ids():
        city = zones.get(z)
        if city is None:
            info = root_tz.get(z)
            city = info.get("city") if isinstance(info, dict) else None
        if city is None:
            city = z.rsplit("/", 1)[1].replace("_", " ")
        out["Z:" + z] = tuple(_variants(city))
    return out


@lru_cache(maxsize=64)
def place_index(lang: str | None) -> dict[str, frozenset[str]]:
    """Name (as written in ``lang``) → the place keys it can stand for."""
    idx: dict[str, set[str]] = {}
    for key, names in place_names(lang).items():
        for n in names:
            if len(n) >= 2:
                idx.setdefault(n, set()).add(key)
    return {k: frozenset(v) for k, v in idx.items()}


def place_name_in(key: str, lang: str | None) -> tuple[str, ...]:
    """Names of place ``key`` in ``lang`` (empty without data)."""
    return place_names(lang).get(key, ())


@lru_cache(maxsize=64)
def language_words(lang: str | None) -> frozenset[str]:
    """Casefolded words of the CLDR names of languages and scripts in ``lang`` ("russian",
    "upper", "sorbian", "bokmål", "chinese", "simplified", "latin"): words that name a language
    and are translated as common adjectives or nouns, not kept like names."""
    out: set[str] = set()
    if not lang or not has_data(lang):
        return frozenset()
    for data in _raw_chain(lang):
        for table in ("languages", "scripts"):
            for name in (data.get(table) or {}).values():
                for w in re.findall(r"[^\W\d_]+", str(name)):
                    if len(w) >= 3:
                        out.add(w.casefold())
    return frozenset(out)


@lru_cache(maxsize=128)
def language_name(lang: str | None) -> str:
    """English name of ``lang`` for messages (``"de"`` → ``"German"``); the code itself without data."""
    if not lang:
        return "the target language"
    try:
        from babel import Locale

        return Locale.parse(lang.replace("-", "_")).english_name or lang
    except Exception:
        return lang


def format_number(value, lang: str | None) -> str | None:
    """``value`` written the way ``lang`` writes numbers (``1000.5`` → ``1.000,5`` in German)."""
    if not lang or not has_data(lang):
        return None
    try:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=lang.replace("-", "_"), decimal_quantization=False)
    except Exception:  # pragma: no cover - babel refuses an odd locale
        return None
