"""Alignment data: a bead links zero or more source sentences to zero or more
target sentences. An alignment is a list of beads in document order that covers
every sentence of both sides exactly once (monotone)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    #: similarity of the two sides, 0 (unrelated) … 1 (certain match); 0 for 1-0 / 0-1 beads
    score: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def __str__(self) -> str:
        return f"{list(self.src)}:{list(self.tgt)}"
