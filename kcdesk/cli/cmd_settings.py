"""`kcdesk settings`: what printed documents say about the issuing office, shown or changed.

Without options it shows the names in the header and the periodic report's receivers
("Nơi nhận"); with options it changes those given, checked together before anything is
written.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.i18n import tr


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("settings", parents=[common], help=tr("tên cơ quan in trên văn bản và nơi nhận báo cáo định kỳ"))
    p.add_argument("--agency-parent", dest="parent", help=tr("cơ quan chủ quản, ví dụ Sở Công Thương tỉnh Nghệ An"))
    p.add_argument("--agency-name", dest="name", help=tr("tên cơ quan ban hành, ví dụ Trung tâm Khuyến công"))
    p.add_argument("--place", help=tr("địa danh ghi trước ngày tháng"))
    p.add_argument("--code", help=tr("chữ viết tắt trong số văn bản, ví dụ TTKC"))
    receivers = p.add_mutually_exclusive_group()
    receivers.add_argument(
        "--receiver",
        action="append",
        dest="receivers",
        metavar=tr("NƠI_NHẬN"),
        help=tr("một nơi nhận báo cáo định kỳ; lặp lại cho mỗi nơi, theo thứ tự in"),
    )
    receivers.add_argument("--default-receivers", action="store_true", help=tr("dùng lại danh sách nơi nhận mặc định"))
    add_json_option(p)
    p.set_defaults(handler=cmd_settings)


def cmd_settings(args: argparse.Namespace) -> int:
    from kcdesk.services.document_settings import read_settings, update_settings

    names = {k: getattr(args, k) for k in ("parent", "name", "place", "code")}
    changing = any(v is not None for v in names.values()) or args.receivers or args.default_receivers
    with open_store(args) as store:
        if changing:
            settings = store.write(
                lambda s: update_settings(
                    s, receivers=args.receivers, default_receivers=args.default_receivers, **names
                )
            )
        else:
            with store.read() as s:
                settings = read_settings(s)
    emit(args, asdict(settings), _render)
    return 0


def _render(d: dict[str, Any]) -> str:
    def mark(key: str) -> str:
        return "" if key in d["set_here"] else tr(" (mặc định)")

    lines = [
        tr("Cơ quan chủ quản: {value}", value=d["parent"]) + mark("parent"),
        tr("Cơ quan ban hành: {value}", value=d["name"]) + mark("name"),
        tr("Địa danh: {value}", value=d["place"]) + mark("place"),
        tr("Chữ viết tắt: {value}", value=d["code"]) + mark("code"),
        tr("Nơi nhận báo cáo định kỳ:") + mark("receivers"),
        *(f"- {r}" for r in d["receivers"]),
    ]
    return "\n".join(lines)
