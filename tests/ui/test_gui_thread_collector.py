"""While the window's runner lives, Python's cycle collector runs only on the GUI thread.

A collection on a worker thread can destroy a Qt object made on the GUI thread from the
wrong thread, and Qt then crashes the whole process (CI saw exactly that: "Segmentation
fault ... Garbage-collecting" inside a runner read). Cycles made on workers must still be
freed: the GUI thread's timer collects them.
"""

from __future__ import annotations

import gc
import threading
import weakref

from kcdesk.ui.gui_thread_collector import stop_collecting_on_gui_thread
from kcdesk.ui.operations.runner import Runner


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def _cycles(count: int) -> weakref.ref[Node]:
    """Many two-node cycles, enough to pass every generation's threshold; one is watched."""
    first = Node()
    first.other = Node()
    first.other.other = first
    watched = weakref.ref(first)
    del first
    for _ in range(count):
        a, b = Node(), Node()
        a.other, b.other = b, a
    return watched


def test_cycles_made_on_workers_are_collected_on_the_gui_thread_only(store, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    collecting_threads: list[str] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting_threads.append(threading.current_thread().name)

    runner = Runner(store)
    gc.callbacks.append(note)
    try:
        assert not gc.isenabled()  # the automatic collector is off while the runner lives
        watched: list[weakref.ref[Node]] = []
        jobs = [runner.read(lambda session: watched.append(_cycles(50_000))) for _ in range(4)]
        qtbot.waitUntil(lambda: all(job.done for job in jobs), timeout=20_000)
        assert len(watched) == 4
        # The GUI thread's timer frees what the workers left in cycles.
        qtbot.waitUntil(lambda: all(ref() is None for ref in watched), timeout=10_000)
    finally:
        gc.callbacks.remove(note)
        runner.shutdown()
        stop_collecting_on_gui_thread()
    assert collecting_threads, "the cycles were never collected"
    assert set(collecting_threads) == {threading.main_thread().name}
    assert gc.isenabled()  # given back as it was once the window is gone
