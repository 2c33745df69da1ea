"""What a step writing tens of thousands of rows does to stay near raw SQLite's speed.

Such a step (a merge of an exchange package, a workbook read, checked and imported) makes
hundreds of thousands of small containers that live until it ends. Python's cycle collector
counts them and walks every object of the process again and again while they pile up: 0.4–0.5 s
of the 5 s that a merge of 50,000 records took (measured with gc.callbacks, bench/bench_sync.py),
a quarter of an import's checking, for nothing, as such a step makes no cycles. It is held for
the step and resumed after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cycle collector for the block (reference counting still frees everything);
    nested or concurrent blocks leave it to the one that held it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
