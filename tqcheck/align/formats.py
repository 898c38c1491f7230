"""Write an alignment as text: ``vecalign`` (``[0, 1]:[2]`` per line, the format of the
Text+Berg gold standard), ``tsv`` (source indices, target indices, kind, score) or
``json`` (a list of objects)."""
from __future__ import annotations

import json
from collections.abc import Iterable

from .base import Bead

FORMATS = ("vecalign", "tsv", "json")


def format_beads(beads: Iterable[Bead], fmt: str) -> str:
    """Render beads in ``fmt`` (one of :data:`FORMATS`); the text ends with a newline."""
    beads = list(beads)
    if fmt == "vecalign":
        return "".join(f"[{', '.join(map(str, b.src))}]:[{', '.join(map(str, b.tgt))}]\n" for b in beads)
    if fmt == "tsv":
        rows = ["source\ttarget\tkind\tscore"]
        rows += [f"{','.join(map(str, b.src))}\t{','.join(map(str, b.tgt))}\t{b.kind}\t{b.score:.4f}"
                 for b in beads]
        return "\n".join(rows) + "\n"
    if fmt == "json":
        return json.dumps([{"source": list(b.src), "target": list(b.tgt), "kind": b.kind,
                            "score": round(float(b.score), 4)} for b in beads], indent=1) + "\n"
    raise ValueError(f"unknown alignment format {fmt!r} (choose from {', '.join(FORMATS)})")
