"""Helpers for the gate tests: small files on disk and a stand-in localization layer.

``FakeL10n`` speaks the interface of :mod:`tqcheck.io.l10n` (sniff, load, find_source,
check_units) for two made-up formats, so the gate's own logic (walking, pairing, suppressions,
per-file errors) is tested independently of the real readers:

* ``*.bil`` — bilingual: JSON ``{"src_lang", "tgt_lang", "units": [{"id", "source", "target",
  "notes"}]}``; unit ``i`` starts on line ``i + 2``;
* ``*.mono`` — monolingual: JSON ``{"key": "text"}``; the source of ``xx.mono`` is ``en.mono``
  in the same directory.

``check_units`` reports TQ201 when the digits of source and target differ — enough to
exercise the gate.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from tqcheck.errors import InputError
from tqcheck.findings import Finding, Severity


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@dataclass
class FakeUnit:
    id: str
    source: str
    target: str | None
    target_line: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class FakeUnitFile:
    path: str
    format: str
    src_lang: str | None
    tgt_lang: str | None
    units: list[FakeUnit]
    source_path: str | None = None


class FakeL10n:
    MONOLINGUAL = ("mono",)

    def __init__(self) -> None:
        self.loaded: list[tuple[str, str | None]] = []
        self.explode_on: str | None = None

    def sniff(self, path: str) -> str | None:
        if path.endswith(".bil"):
            return "bil"
        if path.endswith(".mono"):
            return "mono"
        return None

    def find_source(self, path: str) -> str | None:
        if not path.endswith(".mono") or os.path.basename(path) == "en.mono":
            return None
        s = os.path.join(os.path.dirname(path), "en.mono")
        return s if os.path.isfile(s) else None

    def _json(self, path: str):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("no such file", path=path) from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"malformed JSON: {e.msg}", path=path, line=e.lineno) from None

    def load(self, path, *, source_path=None, src_lang=None, tgt_lang=None):
        self.loaded.append((path, source_path))
        if self.explode_on and path.endswith(self.explode_on):
            raise RuntimeError("reader bug")
        data = self._json(path)
        if path.endswith(".bil"):
            units = [FakeUnit(u["id"], u["source"], u.get("target"), i + 2, u.get("notes", []))
                     for i, u in enumerate(data["units"])]
            return FakeUnitFile(path, "bil", src_lang or data.get("src_lang"),
                                tgt_lang or data.get("tgt_lang"), units)
        src = self._json(source_path) if source_path else data
        units = [FakeUnit(k, v, data.get(k), i + 2) for i, (k, v) in enumerate(src.items())]
        lang = tgt_lang or Path(path).stem
        return FakeUnitFile(path, "mono", src_lang or "en", lang, units, source_path)

    def check_units(self, uf, *, select=None, ignore=None):
        sel = set(select) if select is not None else None
        out = []
        for u in uf.units:
            if (sel is None or "TQ201" in sel) and u.target and \
                    re.findall(r"\d+", u.source) != re.findall(r"\d+", u.target):
                out.append(Finding(rule="TQ201", name="number-mismatch", category="number",
                                   mqm="Accuracy/Mistranslation", severity=Severity.MAJOR,
                                   message="A number differs.", target_line=u.target_line,
                                   source_line=u.target_line,
                                   source_excerpt=" ".join(re.findall(r"\d+", u.source)),
                                   target_excerpt=" ".join(re.findall(r"\d+", u.target)),
                                   file=uf.path, entry=u.id))
        return SimpleNamespace(findings=out)


def use_fake(monkeypatch) -> FakeL10n:
    fake = FakeL10n()
    import tqcheck.gate as gate

    monkeypatch.setattr(gate, "_l10n", lambda: fake)
    return fake


def bil(path: Path, units: list[tuple], src_lang: str = "en", tgt_lang: str = "de") -> Path:
    """A ``.bil`` file; each unit is (id, source, target[, notes])."""
    data = {"src_lang": src_lang, "tgt_lang": tgt_lang,
            "units": [{"id": u[0], "source": u[1], "target": u[2], "notes": list(u[3]) if len(u) > 3 else []}
                      for u in units]}
    return write(path, json.dumps(data, ensure_ascii=False, indent=0))


# -- real files --------------------------------------------------------------------------------------
CORPUS = {
    "django/locale/tr/LC_MESSAGES/django.po": ("po", "django", "django", "conf", "locale", "tr", "LC_MESSAGES", "django.po"),
    "symfony/validators.tr.xlf": ("xliff", "symfony", "src", "Symfony", "Component", "Validator", "Resources",
                                  "translations", "validators.tr.xlf"),
    "symfony/validators.en.xlf": ("xliff", "symfony", "src", "Symfony", "Component", "Validator", "Resources",
                                  "translations", "validators.en.xlf"),
    "excalidraw/locales/en.json": ("json", "excalidraw", "packages", "excalidraw", "locales", "en.json"),
    "excalidraw/locales/tr-TR.json": ("json", "excalidraw", "packages", "excalidraw", "locales", "tr-TR.json"),
    "badger/_locales/en_US/messages.json": ("json", "privacybadger", "src", "_locales", "en_US", "messages.json"),
    "badger/_locales/tr/messages.json": ("json", "privacybadger", "src", "_locales", "tr", "messages.json"),
}


def copy_corpus(root: Path) -> None:
    from conftest import need_shared  # noqa: PLC0415

    for rel, parts in CORPUS.items():
        dst = root / "l10n" / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(need_shared("corpora", *parts).read_bytes())
