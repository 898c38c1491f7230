"""Optional embedding backend: the same banded aligner, with the similarity of two sentences
measured by a multilingual sentence-embedding model (LaBSE, a multilingual MiniLM …) instead
of shared character n-grams.

Needs the ``embeddings`` extra (``pip install 'tqcheck[embeddings]'``, which brings
``sentence-transformers``) and a model **on disk**: the path is loaded with
``SentenceTransformer(path)`` and nothing is downloaded. Numbers, paragraph structure and the
length model still count exactly as in the default aligner; the embeddings replace only the
n-gram similarity (so the learned lexicon is not needed).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..document import Document
from ..errors import UsageError
from .banded import DEFAULT, Params, _empty, _group_norms, _Model, run_passes
from .result import AlignResult

__all__ = ["align_documents", "align_sentences", "embed", "load_model"]


def load_model(path: str) -> Any:
    """A sentence-transformers model from a local folder (never from the network)."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise UsageError("the embeddings aligner needs sentence-transformers: "
                         "pip install 'tqcheck[embeddings]'") from e
    if not path or not os.path.exists(path):
        raise UsageError(f"no sentence-embedding model at {path!r} (give the folder of a model on disk)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return SentenceTransformer(path, device="cpu")


def embed(model: Any, texts: Sequence[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (float32, one row per text)."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    vecs = model.encode(list(texts), batch_size=batch_size, show_progress_bar=progress,
                        convert_to_numpy=True, normalize_embeddings=True)
    return np.asarray(vecs, dtype=np.float32)


class _EmbeddingModel(_Model):
    """The aligner's model with embedding cosines as the similarity."""

    def __init__(self, src: list[str], tgt: list[str], sp, tp, p: Params,
                 es: np.ndarray, et: np.ndarray) -> None:
        self.ES = np.asarray(es, dtype=np.float64)
        self.ET = np.asarray(et, dtype=np.float64)
        super().__init__(src, tgt, sp, tp, p)

    def _similarity_vectors(self) -> None:
        self.coverage = 1.0  # an embedding always says something about a pair
        self.sn2 = np.einsum("ij,ij->i", self.ES, self.ES)
        self.tn2 = np.einsum("ij,ij->i", self.ET, self.ET)

        def adjacent(E: np.ndarray, d: int) -> np.ndarray:
            out = np.zeros(len(E))
            if len(E) > d:
                out[:-d] = np.einsum("ij,ij->i", E[:-d], E[d:])
            return out

        self.ss1, self.ss2 = adjacent(self.ES, 1), adjacent(self.ES, 2)
        self.tt1, self.tt2 = adjacent(self.ET, 1), adjacent(self.ET, 2)
        self.NS = _group_norms(self.sn2, self.ss1, self.ss2)
        self.NT = _group_norms(self.tn2, self.tt1, self.tt2)

    def _band_similarity(self) -> np.ndarray:
        n, m, DW = self.n, self.m, self.DW
        out = np.zeros((n, DW))
        block = 128
        for a in range(0, n, block):
            b = min(n, a + block)
            t = self.doff[a:b, None] + np.arange(DW)[None, :]
            inside = (t >= 0) & (t < m)
            rows = self.ET[np.clip(t, 0, m - 1)]  # (b-a, DW, d)
            out[a:b] = np.where(inside, np.einsum("id,ijd->ij", self.ES[a:b], rows), 0.0)
        return out

    def _pair_dot(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        return np.einsum("ij,ij->i", self.ES[I], self.ET[J])


def align_sentences(src: Sequence[str], tgt: Sequence[str], model: Any, *,
                    src_paragraphs: Sequence[int] | None = None,
                    tgt_paragraphs: Sequence[int] | None = None,
                    progress: bool = False, params: Params | None = None) -> AlignResult:
    """Align two lists of sentences with embedding similarity (``model``: a loaded
    sentence-transformers model, see :func:`load_model`)."""
    p = replace(params or DEFAULT, lexicon=False)
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return _empty(n, m)
    es = embed(model, src, progress=progress)
    et = embed(model, tgt, progress=progress)
    mdl = _EmbeddingModel(list(src), list(tgt), src_paragraphs, tgt_paragraphs, p, es, et)
    res = run_passes(mdl, progress=progress)
    res.stats["aligner"] = "embeddings"
    return res


def align_documents(source: Document, target: Document, model: Any, *, progress: bool = False,
                    params: Params | None = None) -> AlignResult:
    """Align the sentences of two segmented documents with embedding similarity."""
    return align_sentences([s.text for s in source.sentences], [s.text for s in target.sentences], model,
                           src_paragraphs=[s.paragraph for s in source.sentences],
                           tgt_paragraphs=[s.paragraph for s in target.sentences],
                           progress=progress, params=params)
