"""`kcdesk privacy find|report|erase|trail`: a data subject's rights (Luật Bảo vệ dữ liệu
cá nhân 91/2025) and the access trail.

- find "QUERY": every record holding the person's data (name, phone or ID number);
- report "QUERY" --out FILE.pdf|FILE.json: the same, as the centre's written answer;
- erase "QUERY" --reason "..." [--dry-run]: erase what may be erased, say what is kept and why;
- trail: who opened, printed, exported or erased whose data (centre leader only).
Every find, report and erasure is itself written to the access trail.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.common import add_json_option, db_path, emit, open_store
from kcdesk.db.scrub import checkpoint
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr
from kcdesk.services import access_trail, erasure, personal_data


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("privacy", parents=[common], help=tr("quyền của chủ thể dữ liệu cá nhân và nhật ký truy cập"))
    psub = p.add_subparsers(dest="privacy_command", metavar=tr("LỆNH"), required=True)
    query_help = tr("họ tên, số điện thoại hoặc số định danh (CCCD 12 số, CMND 9 số)")

    find = psub.add_parser("find", parents=[common], help=tr("tìm mọi hồ sơ có dữ liệu của một người"))
    find.add_argument("query", help=query_help)
    add_json_option(find)
    find.set_defaults(handler=cmd_find)

    report = psub.add_parser("report", parents=[common], help=tr("lập báo cáo dữ liệu cá nhân của một người"))
    report.add_argument("query", help=query_help)
    report.add_argument("--out", type=Path, required=True, help=tr("tệp kết quả .pdf hoặc .json"))
    report.set_defaults(handler=cmd_report)

    erase = psub.add_parser("erase", parents=[common], help=tr("xóa dữ liệu cá nhân của một người theo yêu cầu"))
    erase.add_argument("query", help=query_help)
    erase.add_argument("--reason", required=True, help=tr("lý do xóa (ví dụ: đơn yêu cầu ngày 05/12/2026)"))
    erase.add_argument("--dry-run", action="store_true", help=tr("chỉ cho biết sẽ xóa gì, không thay đổi dữ liệu"))
    add_json_option(erase)
    erase.set_defaults(handler=cmd_erase)

    trail = psub.add_parser("trail", parents=[common], help=tr("nhật ký truy cập dữ liệu cá nhân (lãnh đạo Trung tâm)"))
    trail.add_argument("--limit", type=int, default=200)
    add_json_option(trail)
    trail.set_defaults(handler=cmd_trail)


def _found(session: Session, query: str, action: str) -> personal_data.PersonReport:
    report = personal_data.find_person(session, query)
    access_trail.record_accesses(session, action, [(r.table, r.id) for r in report.records])
    return report


def _render_report(d: dict[str, Any]) -> str:
    if not d["records"]:
        return tr("Không có hồ sơ nào chứa dữ liệu của '{query}'.", query=d["query"])
    lines = [tr("{n} hồ sơ có dữ liệu của '{query}':", n=len(d["records"]), query=d["query"])]
    for r in d["records"]:
        held = ", ".join(f"{k}: {v}" for k, v in r["values"].items())
        lines.append(f"- [{r['table']}] {r['label']}  ({r['id']})\n    {held}")
    return "\n".join(lines)


def cmd_find(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        data = store.write(lambda s: _found(s, args.query, "report").as_dict())
    emit(args, data, _render_report)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise ValidationError(
            {
                "out": FieldMessage(
                    "Tệp kết quả phải có đuôi .pdf hoặc .json (nhận được '{value}').", value=str(args.out)
                )
            }
        )
    with open_store(args) as store:

        def write(session: Session) -> personal_data.PersonReport:
            report = _found(session, args.query, "export")
            if suffix == ".json":
                args.out.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            else:
                from kcdesk.reports.agency import agency_for
                from kcdesk.reports.personal_data_report import write_person_report_pdf

                write_person_report_pdf(report, agency_for(session), args.out)
            return report

        report = store.write(write)
    print(tr("Đã ghi báo cáo {n} hồ sơ vào {path}", n=len(report.records), path=str(args.out)))
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        outcome = store.write(
            lambda s: erasure.erase_person(
                s, args.query, args.reason, files_dir=store.files_dir, db_path=db_path(args), dry_run=args.dry_run
            )
        )
        if not args.dry_run and outcome.erased:
            checkpoint(store.engine)

    def render(o: erasure.ErasureOutcome) -> str:
        head = "Sẽ xóa dữ liệu ở {n} hồ sơ:" if o.dry_run else "Đã xóa dữ liệu ở {n} hồ sơ:"
        lines = [tr(head, n=len(o.erased))]
        lines += [f"- {e['label']}: {', '.join(e['fields'])}" for e in o.erased]
        if o.kept:
            lines.append(tr("Giữ lại {n} hồ sơ theo quy định:", n=len(o.kept)))
            lines += [f"- {k['label']}: {why.text()}" for k, why in zip(o.kept, o.reasons, strict=True)]
        return "\n".join(lines)

    emit(args, outcome.as_dict() if args.json else outcome, render)
    return 0


def cmd_trail(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        rows = access_trail.access_trail(session)[: args.limit]

    def render(rs: list[dict[str, Any]]) -> str:
        if not rs:
            return tr("Chưa có truy cập dữ liệu cá nhân nào.")
        return "\n".join(
            f"{r['at'][:19].replace('T', ' ')}  {r['user_name'] or '-'}  "
            f"{tr(access_trail.ACTIONS.get(r['action'], r['action']))}  {r['table']} {r['row_id']}"
            for r in rs
        )

    emit(args, rows, render)
    return 0
