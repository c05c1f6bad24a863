"""Every setting of the window, declared once with its type, default and title (Picard's
options.py, Electrum's ConfigVar). Values are plain (str, int, bool, bytes as base64),
never pickles; the file carries a version so later releases can upgrade it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    title: str  # Vietnamese; shown in a settings page
    choices: tuple[Any, ...] | None = None

    def coerce(self, raw: Any) -> Any:
        """A stored value back to its type; the default when it cannot be read."""
        if raw is None:
            return self.default
        try:
            if self.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            elif self.type is bytes:
                import base64

                value = raw if isinstance(raw, bytes) else base64.b64decode(str(raw))
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        return value

    def dump(self, value: Any) -> Any:
        if self.type is bytes:
            import base64

            return base64.b64encode(bytes(value)).decode("ascii")
        return value


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("language", str, "vi", "Ngôn ngữ giao diện", ("vi", "en")),
        Option("last_db_path", str, "", "Tệp dữ liệu mở gần nhất"),
        Option("font_point_size", int, 10, "Cỡ chữ", (9, 10, 11, 12, 13, 14)),
        Option("window_geometry", bytes, b"", "Vị trí và kích thước cửa sổ"),
        Option("window_state", bytes, b"", "Bố cục cửa sổ"),
        Option("search_delay_ms", int, 250, "Độ trễ tìm kiếm khi gõ (ms)"),
        Option("last_page", str, "facilities", "Trang mở gần nhất"),
        Option("last_export_dir", str, "", "Thư mục lưu báo cáo gần nhất"),
        Option("auto_sync", bool, True, "Tự động đồng bộ"),
        Option("encryption_offer_after", str, "", "Hỏi lại việc mã hóa dữ liệu từ ngày (YYYY-MM-DD)"),
        Option("idle_lock_minutes", int, 10, "Tự khóa cửa sổ sau số phút không dùng (0: không tự khóa)"),
        Option("sync_interval_s", int, 300, "Khoảng cách giữa hai lần tự đồng bộ (giây)"),
        Option("sync_first_delay_s", int, 10, "Tự đồng bộ lần đầu sau khi mở (giây)"),
    )
}
