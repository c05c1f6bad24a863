"""Long work runs off the GUI thread while the event loop keeps serving events: a timer
keeps firing during a 20,000-row write and during a large proposal save."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QTimer

from kcdesk.db.units import current_wards
from kcdesk.demo.people import DemoRandom, Ward, facility_row
from kcdesk.services.facilities import bulk_insert_facilities, count_facilities
from kcdesk.services.proposal_edit import save_proposal
from kcdesk.services.proposals import BudgetInput, budget_totals

# No time limits here (the machines are shared): the proof is that the timer keeps firing
# WHILE the write runs. A write on the GUI thread would let no tick in until it ended.
# bench/bench_gui.py measures the longest stall (target 100 ms).


def _rows(store, n: int) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    with store.read() as s:
        wards = [Ward(u.code, u.name, u.full_name) for u in current_wards(s, "48")]
    rng = DemoRandom(7)
    return [facility_row(rng, i, "48", wards, [], 5_000_000 + i) for i in range(n)]


class Ticker:
    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def __enter__(self) -> Ticker:
        self.timer.start()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()
        self.end = time.perf_counter()

    def ticks_within(self, span: tuple[float, float]) -> int:
        return sum(1 for t in self.ticks if span[0] < t < span[1])


def timed(fn):  # type: ignore[no-untyped-def]
    """Wrap a write so it records when it ran (perf_counter is shared by all threads)."""
    span: list[float] = []

    def run(session):  # type: ignore[no-untyped-def]
        span.append(time.perf_counter())
        try:
            return fn(session)
        finally:
            span.append(time.perf_counter())

    return run, span


def test_a_20000_row_write_runs_off_the_gui_thread_while_events_keep_flowing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store, runner = window.ctx.store, window.ctx.runner
    rows = _rows(store, 20_000)
    runner.progress_delay_ms = 100  # so this test also sees the delayed progress appear
    seen: dict[str, object] = {}

    def insert(session):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread()
        return bulk_insert_facilities(session, rows)

    write, span = timed(insert)

    panel = window.job_progress
    shown: list[str] = []
    runner.progress_wanted.connect(lambda job: shown.append(panel.label.text() if panel.isVisible() else ""))
    with Ticker() as ticker:
        job = runner.write(write, changes={"facility"}, label="Nhập 20.000 cơ sở")
        qtbot.waitUntil(lambda: job.done, timeout=120_000)
    assert job.error is None and job.result == 20_000
    assert seen["thread"] is not threading.main_thread()
    assert seen["thread"].name.startswith("kcdesk-writer")  # the store's single writer
    elapsed = ticker.end - ticker.start
    assert ticker.ticks_within((span[0], span[1])) >= 3, (span, len(ticker.ticks))
    with store.read() as s:
        assert count_facilities(s) == 20_000
    # Views refresh themselves when an operation announces what changed.
    page = window.page("facilities")
    qtbot.waitUntil(lambda: page.model.rowCount() == 20_000, timeout=20_000)
    if elapsed > 0.3:
        assert shown == ["Nhập 20.000 cơ sở"], "a slow write shows what it is doing in the status bar"
    assert not panel.isVisible() and not panel.labels()  # gone once done


def test_a_large_save_keeps_the_window_responsive(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store, runner = window.ctx.store, window.ctx.runner
    lines = [BudgetInput(f"Hạng mục {i}", 1_000_000, 500_000, 0, activity_code="KC1.1") for i in range(3000)]
    values = {
        "title": "Đào tạo nghề cho 3.000 lao động",
        "level": "KCDP",
        "plan_year": 2027,
        "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
    }
    save, span = timed(lambda s: save_proposal(s, None, values, activities=["KC1.1"], beneficiaries=[], budget=lines))
    with Ticker() as ticker:
        job = runner.write(save, changes={"proposal"}, label="Lưu đề án lớn")
        qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error is None
    with store.read() as s:
        assert budget_totals(s, job.result)["total"] == 3000 * 1_500_000
    assert ticker.ticks_within((span[0], span[1])) >= 3, (span, len(ticker.ticks))


def test_reads_run_on_a_worker_with_their_own_session(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []

    def read(session):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return count_facilities(session)

    job = window.ctx.runner.read(read)
    with qtbot.waitSignal(job.finished, timeout=10_000) as done:
        pass
    assert done.args == [0] and threads[0] is not threading.main_thread()


def test_a_refused_write_reaches_its_caller_and_changes_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.errors import ValidationError
    from kcdesk.services.facilities import create_facility

    errors: list[BaseException] = []
    job = window.ctx.runner.write(lambda s: create_facility(s, {"name": ""}), on_error=errors.append)
    qtbot.waitUntil(lambda: job.done)
    assert isinstance(errors[0], ValidationError) and "name" in errors[0].fields
    with window.ctx.store.read() as s:
        assert count_facilities(s) == 0


def test_slow_work_shows_its_progress_can_be_cancelled_and_holds_the_window_open(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMessageBox

    runner = window.ctx.runner
    runner.progress_delay_ms = 50
    panel = window.job_progress
    release = threading.Event()
    reached: list[int] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(1, 1_000):
            progress.step(i, 1_000, f"Đang kiểm tra dòng {i}")
            reached.append(i)
            release.wait(0.01)
        return "xong"

    job = runner.run(work, label="Kiểm tra tệp Excel")
    qtbot.waitUntil(lambda: panel.isVisible() and panel.bar.maximum() == 1_000, timeout=10_000)
    assert panel.label.text().startswith("Đang kiểm tra dòng")
    assert panel.cancel_button.isVisible() and panel.cancel_button.isEnabled()

    # Closing the window now would cut the work short: it says what runs and stays open.
    answered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answered.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer)
    assert window.close() is False
    assert window.isVisible()
    assert answered and "Kiểm tra tệp Excel" in answered[0]

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert job.result is None and job.error is not None  # stopped, not finished
    assert len(reached) < 999
    assert not panel.isVisible()
