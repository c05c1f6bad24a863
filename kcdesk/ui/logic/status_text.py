"""The status bar's sync sentence: online or offline, changes waiting, last success."""

from __future__ import annotations

from datetime import UTC, datetime

from kcdesk.domain.vnformat import group
from kcdesk.ui.logic.i18n import tr


def _when(iso: str | None, now: datetime | None = None) -> str | None:
    if not iso:
        return None
    try:
        at = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    local = at.astimezone()
    return local.strftime("%H:%M %d/%m/%Y")


def sync_sentence(
    *,
    online: bool | None,
    enrolled: bool,
    pending: int,
    last_success: str | None,
    dead_letters: int = 0,
    conflicts: int = 0,
    last_error: str | None = None,
    running: bool = False,
    lang: str | None = None,
) -> str:
    """online: True (the last cycle reached the server), False (it did not) or None (no
    cycle yet in this window: shown as offline, since nothing proves otherwise)."""
    if online:
        parts = [tr("Trực tuyến", lang)]
    elif online is None and enrolled:  # no cycle yet since the window opened: not known
        parts = [tr("Chưa kết nối máy chủ", lang)]
    else:
        parts = [tr("Ngoại tuyến", lang)]
    if running:
        parts.append(tr("đang đồng bộ…", lang))
    if not enrolled:
        parts.append(tr("chưa kết nối máy chủ", lang))
    parts.append(tr("{n} thay đổi chờ gửi", lang, n=group(pending)))
    when = _when(last_success)
    parts.append(tr("đồng bộ lần cuối: {when}", lang, when=when) if when else tr("chưa đồng bộ", lang))
    if dead_letters:
        parts.append(tr("{n} thay đổi bị từ chối", lang, n=group(dead_letters)))
    if conflicts:
        parts.append(tr("{n} xung đột cần xử lý", lang, n=group(conflicts)))
    if last_error and not running:
        parts.append(tr("lỗi lần trước: {error}", lang, error=_short(last_error)))
    return " · ".join(parts)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
