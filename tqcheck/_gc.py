"""The cyclic garbage collector paused for a stretch of work that makes many objects and no
reference cycles (loading language data, running the checks over a file): it would otherwise
scan every live object again and again while they are built."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Disable the collector for the ``with`` block; re-enable it after (also on an error),
    unless it was already disabled."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
