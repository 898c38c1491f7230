"""Run small dense products on one BLAS thread.

The aligner multiplies many small matrices (a block of sentences by the features they
share). A multi-threaded OpenBLAS spends more time waking its threads than computing on
such sizes, and on a busy machine it can be ten times slower than one thread. This module
finds the OpenBLAS that numpy loaded and lowers its thread count inside ``single_thread()``,
restoring it afterwards; where that is impossible (another BLAS, no symbol) it does nothing.
"""
from __future__ import annotations

import ctypes
import glob
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

_PAIRS = (
    ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
    ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
    ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
    ("openblas_set_num_threads", "openblas_get_num_threads"),
)


@lru_cache(maxsize=1)
def _functions():
    import numpy as np

    base = os.path.dirname(os.path.dirname(np.__file__))
    paths = sorted(glob.glob(os.path.join(base, "numpy.libs", "*openblas*")))
    try:
        with open("/proc/self/maps", encoding="utf-8") as fh:
            paths += sorted({ln.split()[-1] for ln in fh if "openblas" in ln and "/" in ln})
    except OSError:
        pass
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for set_name, get_name in _PAIRS:
            setter = getattr(lib, set_name, None)
            getter = getattr(lib, get_name, None)
            if setter is not None and getter is not None:
                setter.argtypes = [ctypes.c_int]
                getter.restype = ctypes.c_int
                return setter, getter
    return None


@contextmanager
def single_thread() -> Iterator[None]:
    """Inside the block, OpenBLAS (if numpy uses it) runs on one thread."""
    fns = None
    try:
        fns = _functions()
    except Exception:  # pragma: no cover - never let a speed-up break alignment
        fns = None
    if fns is None:
        yield
        return
    setter, getter = fns
    before = getter()
    if before <= 1:
        yield
        return
    setter(1)
    try:
        yield
    finally:
        setter(before)
