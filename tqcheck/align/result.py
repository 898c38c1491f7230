"""The result of aligning two documents."""
from __future__ import annotations

from dataclasses import dataclass, field

from .base import Bead


@dataclass
class AlignResult:
    """Beads (monotone, covering every sentence of both sides once, in order) and
    statistics of the document pair learned while aligning.

    ``stats`` always has ``length_ratio_mean`` and ``length_ratio_sd`` (target/source
    character-length ratio over the confident 1-1 beads), ``log_ratio_mean`` /
    ``log_ratio_sd`` (the same on a log scale, better for thresholds), ``confident_pairs``
    (how many beads those figures come from), ``band`` and ``passes``.
    """

    beads: list[Bead]
    stats: dict = field(default_factory=dict)
    #: the embedding backend's unit sentence vectors (source, target), for the checks to reuse;
    #: ``None`` for the default aligner
    embeddings: tuple | None = None

    def __iter__(self):
        return iter(self.beads)

    def __len__(self) -> int:
        return len(self.beads)
