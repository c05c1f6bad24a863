"""Python's cycle collector runs on the GUI thread only, never on a worker.

CPython runs a collection in whichever thread happens to allocate past the threshold. In
the window that is often a worker (a read on the runner's pool, the store's writer, a
sync cycle), and a collected cycle may hold a Qt object made on the GUI thread: its C++
destructor then runs on the wrong thread, and Qt crashes the process ("Fatal Python error:
Segmentation fault ... Garbage-collecting" in a runner thread, seen in CI). So, as Anki
and other PySide/PyQt programs do, the automatic collector is switched off while the
window lives, and a timer on the GUI thread runs the same generational passes when the
counts pass the same thresholds. Reference counting still frees everything that is not
in a cycle at once, on any thread; only cycles wait for the timer (at most a second).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from kcdesk.gc_pause import collector_held

CHECK_INTERVAL_MS = 1000


class _GuiThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)  # lives on the GUI thread: its timer fires there
        self.thresholds = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(CHECK_INTERVAL_MS)

    def collect_due(self) -> None:
        """The passes CPython would have run by now, youngest generation first."""
        if collector_held():  # a sync cycle or a bulk write asked for none (kcdesk.gc_pause)
            return
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return
        generation = 0
        if counts[1] > self.thresholds[1]:
            generation = 2 if counts[2] > self.thresholds[2] else 1
        gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()


_collector: _GuiThreadCollector | None = None


def collect_on_gui_thread_only() -> None:
    """Called where the window's process starts threads (the application, the runner);
    once per process is enough, later calls do nothing."""
    global _collector
    app = QCoreApplication.instance()
    if _collector is not None or app is None:
        return
    _collector = _GuiThreadCollector(app)
    app.aboutToQuit.connect(stop_collecting_on_gui_thread)


def stop_collecting_on_gui_thread() -> None:
    """The automatic collector back as it was (the application quits; a test ends)."""
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
