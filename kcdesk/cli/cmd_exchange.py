"""`kcdesk import facilities|proposals FILE.xlsx`, `kcdesk import template ...`, `kcdesk export ...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr
from kcdesk.progress import Progress

KINDS = ("facilities", "proposals")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[common], help=tr("nhập cơ sở hoặc đề án từ tệp Excel"))
    what = imp.add_subparsers(dest="import_kind", metavar=tr("LOẠI"), required=True)
    for kind, help_text in (("facilities", tr("nhập sổ cơ sở CNNT")), ("proposals", tr("nhập danh sách đề án"))):
        p = what.add_parser(kind, parents=[common], help=help_text)
        p.add_argument("file", type=Path, help=tr("tệp .xlsx"))
        p.add_argument("--dry-run", action="store_true", help=tr("chỉ kiểm tra, liệt kê lỗi, không ghi gì"))
        p.add_argument(
            "--skip-invalid",
            action="store_true",
            help=tr("nhập các dòng hợp lệ, bỏ qua dòng có lỗi (mặc định: có lỗi thì không nhập gì)"),
        )
        if kind == "proposals":
            p.add_argument(
                "--update",
                action="store_true",
                help=tr("ghi cả thay đổi của đề án đã có (xem trước bằng --dry-run)"),
            )
        add_json_option(p)
        p.set_defaults(handler=cmd_import, kind=kind)
    p = what.add_parser("template", parents=[common], help=tr("tải tệp mẫu để điền"))
    p.add_argument("kind", choices=KINDS)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_template)

    exp = sub.add_parser("export", parents=[common], help=tr("xuất sổ cơ sở hoặc danh sách đề án ra Excel"))
    exp.add_argument("kind", choices=KINDS)
    exp.add_argument("file", type=Path, help=tr("tệp .xlsx"))
    exp.add_argument("--province", help=tr("chỉ một tỉnh/thành phố (mã)"))
    exp.set_defaults(handler=cmd_export)


def _xlsx(path: Path, must_exist: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise ValidationError({"file": FieldMessage("Tệp phải có đuôi .xlsx: {path}", path=str(path))})
    if not must_exist and not path.parent.exists():
        raise ValidationError({"file": FieldMessage("Thư mục {path} không tồn tại.", path=str(path.parent))})


def _progress() -> Progress:
    def show(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{what} {done}" + (f"/{total}" if total else ""), end="", file=sys.stderr, flush=True)

    return Progress(show)


def cmd_import(args: argparse.Namespace) -> int:
    from kcdesk.exchange.facility_import import import_facilities
    from kcdesk.exchange.proposal_import import import_proposals

    options: dict[str, Any] = {"dry_run": args.dry_run, "skip_invalid": args.skip_invalid, "progress": _progress()}
    with open_store(args) as store:
        if args.kind == "facilities":
            outcome = import_facilities(store, args.file, **options)
        else:
            outcome = import_proposals(store, args.file, update=args.update, **options)
    if sys.stderr.isatty():
        print(file=sys.stderr)

    def render(_: Any) -> str:
        lines = [p.text() for p in outcome.problems]
        changes = [c for c in outcome.changes if c.action != "same"]
        if changes:
            lines.append(tr("Thay đổi ({n} đề án):", n=len(changes)))
            lines += ["  " + line for c in changes for line in c.text().splitlines()]
        if outcome.notes:
            lines.append(tr("Ghi chú ({n}):", n=len(outcome.notes)))
            lines += ["  " + n.text() for n in outcome.notes]
        if outcome.ignored_columns:
            lines.append(tr("Các cột không nhận ra, đã bỏ qua: {names}", names=", ".join(outcome.ignored_columns)))
        lines.append(outcome.summary())
        return "\n".join(lines)

    emit(args, outcome.as_dict(), render)
    if outcome.awaits_update:
        return 1
    return 1 if outcome.problems and not (args.skip_invalid and outcome.imported) else 0


def cmd_template(args: argparse.Namespace) -> int:
    from kcdesk.exchange.sheets_out import write_template

    _xlsx(args.file, must_exist=False)
    write_template(args.file, args.kind)
    print(tr("Đã ghi tệp mẫu {path}", path=str(args.file)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kcdesk.exchange.registers import export_facilities, export_proposals

    _xlsx(args.file, must_exist=False)
    run = export_facilities if args.kind == "facilities" else export_proposals
    with open_store(args) as store:
        n = run(store, args.file, province_code=args.province, progress=_progress())
        if args.kind == "facilities":  # the register holds people's data: the export is on the trail
            from kcdesk.services.access_trail import REGISTER, record_access

            store.write(lambda s: record_access(s, "export", "facility", REGISTER))
    print(tr("Đã xuất {n} dòng vào {path}", n=n, path=str(args.file)))
    return 0
