"""What the TQ5xx checks know about localization units while a unit file is checked.

:func:`tqcheck.io.l10n.check_units` builds one :class:`UnitContext` (the unit
file, which unit and which plural form each segment of the two documents came
from, the glossary) and makes it current for the duration of the pipeline run.
A check calls :func:`unit_of` to learn the unit behind a pair; on an ordinary
document pair (``tqcheck.check``) there is none and the check works on the text
alone.
"""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document
    from ..io.l10n.base import Unit, UnitFile
    from .base import CheckContext, Pair


@dataclass
class UnitContext:
    uf: "UnitFile"
    source: "Document"
    target: "Document"
    #: per segment position: (unit index, plural form index)
    segs: list[tuple[int, int]]
    #: unit index -> segment position of its first form
    first_pos: dict[int, int] = field(default_factory=dict)
    glossary: Any = None
    #: (rule, message) -> (entry, line) for findings that have no segment (file-level findings)
    hints: dict[tuple[str, str], tuple[str | None, int | None]] = field(default_factory=dict)

    @property
    def units(self) -> list["Unit"]:
        return self.uf.units

    @property
    def format(self) -> str:
        return self.uf.format

    def at(self, pos: int) -> tuple["Unit", int]:
        ui, k = self.segs[pos]
        return self.uf.units[ui], k

    def src_sentence(self, ui: int):
        """The source sentence of unit ``ui`` (its first form), or None."""
        pos = self.first_pos.get(ui)
        if pos is None:
            return None
        for s in self._by_pos(self.source).get(pos, ()):
            return s
        return None

    def tgt_sentence(self, ui: int, form: int = 0):
        pos = self.first_pos.get(ui)
        if pos is None:
            return None
        return next(iter(self._by_pos(self.target).get(pos + form, ())), None)

    def _by_pos(self, doc) -> dict[int, list]:
        key = "_src_by_pos" if doc is self.source else "_tgt_by_pos"
        cached = getattr(self, key, None)
        if cached is None:
            cached = {}
            for s in doc.sentences:
                cached.setdefault(s.paragraph, []).append(s)
            setattr(self, key, cached)
        return cached


_CURRENT: ContextVar[UnitContext | None] = ContextVar("tqcheck_l10n_units", default=None)


def current(ctx: "CheckContext") -> UnitContext | None:
    """The unit context of this check run, or None for an ordinary document pair."""
    uc = _CURRENT.get()
    if uc is not None and uc.target is ctx.target:
        return uc
    return None


def unit_of(pair: "Pair", ctx: "CheckContext") -> tuple[UnitContext, "Unit", int, int] | None:
    """(unit context, unit, plural form index, unit index) behind a pair; None outside unit files."""
    uc = current(ctx)
    if uc is None:
        return None
    sents = pair.tgt or pair.src
    if not sents:
        return None
    pos = sents[0].paragraph
    if pos >= len(uc.segs):
        return None
    ui, k = uc.segs[pos]
    return uc, uc.uf.units[ui], k, ui


def activate(uc: UnitContext):
    """Make ``uc`` current; returns the token for :func:`deactivate`."""
    return _CURRENT.set(uc)


def deactivate(token) -> None:
    _CURRENT.reset(token)
