"""Cancelling a sync cycle through the program's one Progress: it stops at the next step,
says that what was done is kept, and the next cycle finishes the rest."""

from __future__ import annotations

from helpers import add_facility, server_count

from kcdesk.progress import Progress
from kcdesk.sync.errors import SYNC_STOPPED, Cancelled, Reaction, reaction_of


def test_a_cancelled_cycle_keeps_the_outbox_and_the_next_one_sends_it(server, device_factory):
    device = device_factory("cancel").enrol(server)
    device.sync()
    ids = [add_facility(device, f"Cơ sở dệt số {n}") for n in range(3)]
    assert device.pending() >= 3
    stages: list[str] = []

    def watch(done: int, total: int, stage: str) -> None:
        stages.append(stage)
        if stage == "hello":
            progress.cancel()  # as the person pressing Hủy while the laptop says hello

    progress = Progress(watch)
    try:
        device.service.run_cycle(progress=progress)
    except Cancelled as exc:
        stopped = exc
    else:
        raise AssertionError("the cycle ran on after it was cancelled")
    assert stages == ["hello"]
    assert stopped.message == SYNC_STOPPED and reaction_of(stopped) is Reaction.RESUME
    assert device.pending() >= 3  # nothing was lost: it all waits for the next cycle
    assert device.service.status().last_error == stopped.text()
    report = device.sync()
    assert report.pushed >= 3 and device.pending() == 0
    assert server_count(server, "facility", "id IN ('" + "','".join(ids) + "')") == 3
