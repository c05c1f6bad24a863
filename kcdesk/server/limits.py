"""Limits on what a device can make the server store.

The body of a push is bounded (ServerSettings.max_batch_bytes, after gzip inflation too);
what it makes the server keep is bounded as well, because a small change can make a big
stored record: a one-byte edit copies a large stored value into a conflict record, and
fields a newer laptop sends are kept aside as they came. So:

- a row may not grow past `max_row_bytes` (its values in UTF-8);
- one batch may not make the server keep more than `max_batch_stored_bytes` (new rows,
  changed values, conflict records and kept-aside fields together);
- kept-aside fields are at most `max_aside_fields` names of the usual column shape and
  `max_aside_bytes` per change, and at most `max_device_aside_bytes` per device over its
  lifetime (server_device.aside_bytes counts them).

Each limit refuses the one change that passes it ("too_large", with what and the limit);
honest laptops never come near them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kcdesk.server.merge import Refusal

ASIDE_NAME = re.compile(r"[a-z][a-z0-9_]{0,59}\Z")  # a column name of a newer kcdesk


@dataclass(frozen=True)
class StoreLimits:
    max_row_bytes: int = 1024 * 1024
    max_batch_stored_bytes: int = 32 * 1024 * 1024
    max_aside_fields: int = 50
    max_aside_bytes: int = 64 * 1024
    max_device_aside_bytes: int = 4 * 1024 * 1024


def value_bytes(value: Any) -> int:
    if isinstance(value, str):
        return len(value) if value.isascii() else len(value.encode("utf-8", "replace"))
    return 8


def values_bytes(values: Iterable[Any]) -> int:
    return sum(value_bytes(v) for v in values)


def _mib(limit: int) -> str:
    return f"{limit / (1024 * 1024):.3g} MiB" if limit >= 1024 * 1024 else f"{limit / 1024:.3g} KiB"


def too_large(what: str, limit: int) -> Refusal:
    return Refusal("too_large", what=what, limit=_mib(limit))


def aside_size(limits: StoreLimits, fields: Mapping[str, Any]) -> int:
    """The stored size of fields kept aside for one change, after checking their shape."""
    if len(fields) > limits.max_aside_fields:
        raise Refusal("invalid_value", field="?", problem=f"quá {limits.max_aside_fields} trường không rõ")
    for name in fields:
        if not ASIDE_NAME.match(name):
            raise Refusal("invalid_value", field=name[:60], problem="tên trường không hợp lệ")
    size = len(json.dumps(fields, ensure_ascii=True))
    if size > limits.max_aside_bytes:
        raise too_large("các trường máy chủ chưa biết của thay đổi này", limits.max_aside_bytes)
    return size


class StoredBudget:
    """What one batch has made the server keep so far, and the device's kept-aside total."""

    def __init__(self, limits: StoreLimits, device_aside_bytes: int) -> None:
        self.limits = limits
        self.batch = 0
        self.device_aside = device_aside_bytes
        self.batch_aside = 0

    def check_row(self, row: Mapping[str, Any], changed_bytes: int) -> None:
        """A change that adds more than a little is checked against the whole row (a row
        grows only through changes, so small ones cannot push it far past the limit)."""
        if changed_bytes > 1024 and values_bytes(row.values()) > self.limits.max_row_bytes:
            raise too_large("bản ghi", self.limits.max_row_bytes)

    def check_aside(self, size: int) -> None:
        if self.device_aside + self.batch_aside + size > self.limits.max_device_aside_bytes:
            raise too_large("các trường máy chủ chưa biết mà thiết bị này đã gửi", self.limits.max_device_aside_bytes)

    def charge(self, size: int, aside: int = 0) -> None:
        """Count a change about to be kept; refuse it when the batch passes its limit."""
        if self.batch + size + aside > self.limits.max_batch_stored_bytes:
            raise too_large("lô thay đổi", self.limits.max_batch_stored_bytes)
        self.batch += size + aside
        self.batch_aside += aside
