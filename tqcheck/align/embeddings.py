"""Optional embedding backend: the same banded aligner, with the similarity of two sentences
measured by a multilingual sentence-embedding model (LaBSE, a multilingual MiniLM …) instead
of shared character n-grams.

Needs the ``embeddings`` extra (``pip install 'tqcheck[embeddings]'``, which brings
``sentence-transformers``) and a model **on disk**: the path is loaded with
``SentenceTransformer(path)`` and nothing is downloaded. Numbers, paragraph structure and the
length model still count exactly as in the default aligner; the embeddings replace only the
n-gram similarity (so the learned lexicon is not needed).

With a user's dictionary as well, the similarity of two sentences is the mean of their embedding
cosine and the cosine of their feature vectors (trigrams, numbers, the learned lexicon and the
dictionary's words), as the checks weigh them: the dictionary has no other way into the model's
reading.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..document import Document
from ..errors import UsageError
from .banded import (DEFAULT, Params, _adjacent_dots, _band_dots, _empty, _group_norms, _Model,
                     _pair_dots, run_passes)
from .result import AlignResult

__all__ = ["ALIGNER", "align_documents", "align_sentences", "check_model_path", "embed", "load_model",
           "model_id"]

#: the name (and version) the report's signature records for this aligner
ALIGNER = "embeddings.v1"
INSTALL_HINT = "pip install 'tqcheck[embeddings]'"
#: files that make a folder a model: sentence-transformers' own, or a plain transformers model
#: (which sentence-transformers wraps with mean pooling)
_MODEL_FILES = ("modules.json", "config_sentence_transformers.json", "config.json")
_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()


def _require_sentence_transformers() -> None:
    import importlib.util

    if importlib.util.find_spec("sentence_transformers") is None:
        raise UsageError(f"the embeddings aligner needs sentence-transformers: {INSTALL_HINT}")


def check_model_path(path: Any) -> str:
    """The absolute folder of a model on disk; a :class:`UsageError` (one line) when the path is
    missing or is not a sentence-transformers / transformers model, or when sentence-transformers
    is not installed. Cheap: reads no weights."""
    if path is None or not str(path).strip():
        raise UsageError("the embeddings aligner needs a model: --model PATH (the folder of a "
                         "sentence-transformers model on disk)")
    p = os.path.abspath(os.path.expanduser(os.fspath(path)))
    if not os.path.exists(p):
        raise UsageError(f"no sentence-embedding model at {os.fspath(path)!r}: no such file or folder "
                         "(give the folder of a model on disk; nothing is downloaded)")
    if not os.path.isdir(p) or not any(os.path.isfile(os.path.join(p, f)) for f in _MODEL_FILES):
        raise UsageError(f"{os.fspath(path)!r} is not a sentence-transformers model (a folder with "
                         "modules.json or config.json)")
    _require_sentence_transformers()
    return p


def model_id(path: Any) -> str:
    """A short, stable name for a model folder, for the report's signature: its name (the
    repository name for a Hugging Face cache snapshot, the parent folder for a folder called
    ``model``) and a fingerprint of its configuration and file sizes (two copies of one model get
    the same id; a retrained one another)."""
    p = os.path.abspath(os.path.expanduser(os.fspath(path)))
    parts = [x for x in p.split(os.sep) if x]
    name = "model"
    for part in reversed(parts):
        low = part.lower()
        if low in ("model", "models", "snapshots", "main") or (len(part) == 40 and
                                                              all(c in "0123456789abcdef" for c in low)):
            continue
        name = part[len("models--"):].replace("--", "/") if part.startswith("models--") else part
        break
    h = hashlib.sha256()
    for root, dirs, files in os.walk(p):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or f.lower().startswith("readme"):
                continue
            fp = os.path.join(root, f)
            rel = os.path.relpath(fp, p).replace(os.sep, "/")
            try:
                size = os.path.getsize(fp)
                h.update(f"{rel}\0{size}\0".encode())
                if f.endswith(".json") and size <= 200_000:
                    with open(fp, "rb") as fh:
                        h.update(fh.read())
            except OSError:
                continue
    name = "".join(c if c.isprintable() and c not in "|" else "_" for c in name)
    return f"{name}@{h.hexdigest()[:8]}"


class _quiet_loading:
    """No "Loading weights" progress bar from transformers while a model loads (restored after)."""

    def __enter__(self):
        self.tlog = None
        try:
            from transformers.utils import logging as tlog

            if tlog.is_progress_bar_enabled():
                tlog.disable_progress_bar()
                self.tlog = tlog
        except Exception:  # an older or newer transformers without these helpers
            pass
        return self

    def __exit__(self, *exc):
        if self.tlog is not None:
            self.tlog.enable_progress_bar()
        return False


def load_model(path: Any) -> Any:
    """A sentence-transformers model from a local folder, never from the network (offline mode
    and ``local_files_only``). Loaded once per folder and process. Raises :class:`UsageError`
    (one line) when sentence-transformers is missing or the folder is not a usable model."""
    p = check_model_path(path)
    with _LOCK:
        if p in _CACHE:
            return _CACHE[p]
        # huggingface_hub reads these when it is first imported: set before the import below
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise UsageError(f"the embeddings aligner needs sentence-transformers: {INSTALL_HINT} "
                             f"(import failed: {e})") from None
        import inspect

        kwargs: dict[str, Any] = {"device": "cpu"}
        try:
            if "local_files_only" in inspect.signature(SentenceTransformer.__init__).parameters:
                kwargs["local_files_only"] = True
        except (TypeError, ValueError):  # pragma: no cover
            pass
        try:
            with _quiet_loading():
                model = SentenceTransformer(p, **kwargs)
        except Exception as e:  # a broken or foreign folder: say so in one line
            msg = " ".join(str(e).split())
            if len(msg) > 160:
                msg = msg[:159] + "…"
            raise UsageError(f"cannot load the sentence-embedding model at {os.fspath(path)!r}: "
                             f"{type(e).__name__}: {msg}") from None
        try:
            model.tqcheck_model_id = model_id(p)
        except Exception:  # pragma: no cover - a model class that refuses attributes
            pass
        _CACHE[p] = model
        return model


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
                 es: np.ndarray, et: np.ndarray, dictionary=None) -> None:
        self.ES = np.asarray(es, dtype=np.float64)
        self.ET = np.asarray(et, dtype=np.float64)
        super().__init__(src, tgt, sp, tp, p, dictionary=dictionary)

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


class _MeanModel(_EmbeddingModel):
    """The similarity of two sentences is the mean of their embedding cosine and of their
    feature vectors' cosine: each sentence is its unit embedding beside its feature vector at unit
    length (each half weighted by a half), so that every dot product below is that mean."""

    def _similarity_vectors(self) -> None:
        super()._similarity_vectors()
        fs, ft = self.FS.norm2, self.FT.norm2
        self.ifs = np.where(fs > 0, 1.0 / np.sqrt(np.where(fs > 0, fs, 1.0)), 0.0)
        self.ift = np.where(ft > 0, 1.0 / np.sqrt(np.where(ft > 0, ft, 1.0)), 0.0)

        def mean(e: np.ndarray, f: np.ndarray) -> np.ndarray:
            return 0.5 * e + 0.5 * f

        def adjacent(F, inv: np.ndarray, d: int) -> np.ndarray:
            nxt = np.zeros_like(inv)
            if len(inv) > d:
                nxt[:-d] = inv[d:]
            return _adjacent_dots(F, d) * inv * nxt

        self.sn2 = mean(self.sn2, (fs > 0).astype(np.float64))
        self.tn2 = mean(self.tn2, (ft > 0).astype(np.float64))
        self.ss1 = mean(self.ss1, adjacent(self.FS, self.ifs, 1))
        self.ss2 = mean(self.ss2, adjacent(self.FS, self.ifs, 2))
        self.tt1 = mean(self.tt1, adjacent(self.FT, self.ift, 1))
        self.tt2 = mean(self.tt2, adjacent(self.FT, self.ift, 2))
        self.NS = _group_norms(self.sn2, self.ss1, self.ss2)
        self.NT = _group_norms(self.tn2, self.tt1, self.tt2)

    def _band_similarity(self) -> np.ndarray:
        f = _band_dots(self.FS, self.FT, self.doff, self.DW, self.m)
        t = self.doff[:, None] + np.arange(self.DW)[None, :]
        it = np.where((t >= 0) & (t < self.m), self.ift[np.clip(t, 0, self.m - 1)], 0.0)
        return 0.5 * super()._band_similarity() + 0.5 * f * self.ifs[:, None] * it

    def _pair_dot(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        return 0.5 * super()._pair_dot(I, J) + 0.5 * _pair_dots(self.FS, I, self.FT, J) * self.ifs[I] * self.ift[J]


def align_sentences(src: Sequence[str], tgt: Sequence[str], model: Any, *,
                    src_paragraphs: Sequence[int] | None = None,
                    tgt_paragraphs: Sequence[int] | None = None,
                    progress: bool = False, params: Params | None = None,
                    dictionary=None) -> AlignResult:
    """Align two lists of sentences with embedding similarity (``model``: a loaded
    sentence-transformers model, see :func:`load_model`). With ``dictionary`` (a
    :class:`.dictionary.Dictionary`, oriented source → target), the similarity is the mean of
    the embedding cosine and the feature cosine, which reads the dictionary's words."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return _empty(n, m)
    es = embed(model, src, progress=progress)
    et = embed(model, tgt, progress=progress)
    if dictionary is None:
        mdl = _EmbeddingModel(list(src), list(tgt), src_paragraphs, tgt_paragraphs,
                              replace(params or DEFAULT, lexicon=False), es, et)
    else:
        mdl = _MeanModel(list(src), list(tgt), src_paragraphs, tgt_paragraphs, params or DEFAULT, es, et,
                         dictionary=dictionary)
    res = run_passes(mdl, progress=progress)
    res.stats["aligner"] = "embeddings"
    if dictionary is not None:
        res.stats["dictionary"] = dictionary.id
    res.embeddings = (es, et)
    mid = getattr(model, "tqcheck_model_id", None)
    if mid:
        res.stats["model"] = mid
    return res


def align_documents(source: Document, target: Document, model: Any, *, progress: bool = False,
                    params: Params | None = None, dictionary=None) -> AlignResult:
    """Align the sentences of two segmented documents with embedding similarity (and the
    dictionary's words, see :func:`align_sentences`)."""
    return align_sentences([s.text for s in source.sentences], [s.text for s in target.sentences], model,
                           src_paragraphs=[s.paragraph for s in source.sentences],
                           tgt_paragraphs=[s.paragraph for s in target.sentences],
                           progress=progress, params=params, dictionary=dictionary)
