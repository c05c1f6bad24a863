"""The cyclic garbage collector held back while a sync cycle or a bulk write works.

A cycle makes and drops many small objects (rows, pages, answers), and a bulk write a tuple
per row; in a process that holds a large object graph (the window, SQLAlchemy's mappings)
each full pass of the collector walks all of it, and a pass came several times per cycle
(~0.1 s each on a 2-core laptop; a bulk write of 50,000 facilities took 2.31-2.39 s with
the collector, 2.13-2.22 s without, even in a bare benchmark process). Reference counting
still frees what they drop; the collector runs again once they end. Nested or concurrent
pauses only re-enable it when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()


def collector_held() -> bool:
    """A sync cycle or a bulk write is running and wants no collector passes (the window's own collector,
    kcdesk.ui.gui_thread_collector, waits for it)."""
    return _holders > 0
