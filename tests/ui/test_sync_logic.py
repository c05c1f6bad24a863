"""The window's sync logic without Qt: when to sync, what a badge says (the batched badges
are tested in tests/test_services_sync_facts.py)."""

from __future__ import annotations

import random

from kcdesk.ui.logic.conflict_values import parse_edited
from kcdesk.ui.logic.sync_schedule import SyncSchedule, shown_badge, stage_text


def test_schedule_jitters_backs_off_when_unreachable_and_stops_on_incurable_errors() -> None:
    s = SyncSchedule(interval=300, first_delay=10, base=15, cap=600, rng=random.Random(7))
    assert 8 <= s.first() <= 12
    assert 240 <= s.after_success() <= 360
    ceilings = [15, 30, 60, 120, 240, 480, 600, 600]
    for ceiling in ceilings:
        delay = s.after_error("Offline")
        assert delay is not None and 1 <= delay <= ceiling
    assert s.offline and s.failures == len(ceilings)
    assert 240 <= s.after_success() <= 360 and not s.offline
    assert s.after_error("DeviceRevoked") is None and s.stopped
    assert 240 <= (s.after_error("ProtocolError") or 0) <= 360  # anything else: the normal pace


def test_stage_text_and_badges_in_words() -> None:
    assert stage_text("push", 120, 500, "vi") == "Đang gửi thay đổi: 120/500"
    assert stage_text("pull:48", 0, 0, "vi") == "Đang nhận thay đổi (48)"
    assert stage_text("snapshot:48", 0, 0, "vi") == "Đang tải dữ liệu ban đầu (48)"
    assert shown_badge("pending", running=True, enrolled=True) == "uploading"
    assert shown_badge("pending", running=False, enrolled=False) == "local"
    assert shown_badge("conflict", running=True, enrolled=True) == "conflict"
    assert parse_edited(" 12.000 ", 5) == 12000 and parse_edited("x", "a") == "x" and parse_edited("", 1) is None
