"""init, migrate, backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kcdesk.cli.common import add_json_option, db_path, emit, open_store
from kcdesk.db import maintenance
from kcdesk.db.schema import HEAD_REVISION
from kcdesk.db.store import Store, current_revision
from kcdesk.domain.roles import ROLES
from kcdesk.i18n import tr
from kcdesk.services.setup import initialize


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help=tr("tạo cơ sở dữ liệu và thiết lập tỉnh, trung tâm"))
    p.add_argument("--province", help=tr("mã tỉnh/thành phố (mặc định 48: Đà Nẵng)"))
    p.add_argument("--centre", help=tr("tên trung tâm khuyến công"))
    p.add_argument("--user", dest="user_full_name", help=tr("họ tên người dùng trên máy này"))
    p.add_argument("--role", choices=list(ROLES), default="centre_staff", help=tr("vai trò người dùng"))
    add_json_option(p)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("migrate", parents=[common], help=tr("nâng cấp lược đồ dữ liệu (sao lưu trước)"))
    add_json_option(p)
    p.set_defaults(handler=cmd_migrate)

    p = sub.add_parser("backup", parents=[common], help=tr("sao lưu cơ sở dữ liệu"))
    p.add_argument("--out", type=Path, help=tr("tệp sao lưu (mặc định: thư mục sao lưu cạnh tệp dữ liệu)"))
    add_json_option(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore", parents=[common], help=tr("khôi phục từ bản sao lưu (sao lưu dữ liệu hiện tại trước)")
    )
    p.add_argument("source", type=Path, help=tr("tệp sao lưu"))
    add_json_option(p)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("check", parents=[common], help=tr("kiểm tra toàn vẹn dữ liệu và khóa ngoại"))
    add_json_option(p)
    p.set_defaults(handler=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    with open_store(args, create=True) as store:
        ident = store.write(
            lambda s: initialize(
                s,
                province_code=args.province,
                centre_name=args.centre,
                user_full_name=args.user_full_name,
                role=args.role,
            )
        )
        data = {
            "db": str(store.path),
            "province_code": ident.province_code,
            "province": ident.province_name,
            "centre": ident.centre_name,
            "device_id": ident.device_id,
            "user_id": ident.user_id,
        }
    emit(args, data, lambda d: tr("Đã sẵn sàng: {db}\n{centre} ({province})", **d))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    path = db_path(args)
    before = current_revision(path) if path.exists() else None
    Store.open(path, create=True).close()
    data = {"db": str(path), "from": before, "to": HEAD_REVISION}
    emit(args, data, lambda d: tr("Lược đồ dữ liệu: {before} → {to}", before=d["from"] or "-", to=d["to"]))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        target = maintenance.make_backup(store, args.out)
    emit(args, {"backup": str(target)}, lambda d: tr("Đã sao lưu vào {backup}", **d))
    return 0


ERASED_IN_BACKUP = (
    "Bản sao lưu có dữ liệu cá nhân đã bị xóa theo yêu cầu của chủ thể dữ liệu ({n} lần xóa, lần gần nhất ngày "
    "{at}). kcdesk đã xóa lại các dữ liệu đó ngay sau khi khôi phục: chúng không quay lại."
)


def cmd_restore(args: argparse.Namespace) -> int:
    from kcdesk.db import erasure_log

    path = db_path(args)
    # Erasures made after the backup (logged beside the database): applied again by restore.
    erased = erasure_log.missing_from(args.source, path)
    safety = maintenance.restore(path, args.source)
    data = {
        "db": str(path),
        "restored_from": str(args.source),
        "previous_saved_as": str(safety),
        "erasures_applied_again": [{"id": e["id"], "at": e["at"], "reason": e["reason"]} for e in erased],
    }
    if erased:
        at = max(str(e.get("at") or "") for e in erased)[:10]
        shown = "/".join(reversed(at.split("-"))) if at else "?"
        print(tr(ERASED_IN_BACKUP, n=len(erased), at=shown), file=sys.stderr)
    emit(
        args,
        data,
        lambda d: tr(
            "Đã khôi phục {db} từ {restored_from}. Dữ liệu trước đó được lưu tại {previous_saved_as}.",
            db=d["db"],
            restored_from=d["restored_from"],
            previous_saved_as=d["previous_saved_as"],
        ),
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = db_path(args)
    Store.open(path).close()  # a file that cannot be opened is reported (and moved aside) here
    report = maintenance.check(path)
    data = {
        "ok": report.ok,
        "integrity": report.integrity,
        "foreign_keys": report.foreign_keys,
        "search_index": report.search_index,
    }

    def render(d: dict[str, Any]) -> str:
        if d["ok"]:
            return tr("Dữ liệu toàn vẹn: kiểm tra cấu trúc, khóa ngoại và chỉ mục tìm kiếm đều đạt.")
        lines = [tr("Phát hiện vấn đề:")] + [f"- {x}" for x in d["integrity"] + d["foreign_keys"] + d["search_index"]]
        return "\n".join(lines)

    emit(args, data, render)
    return 0 if report.ok else 1
