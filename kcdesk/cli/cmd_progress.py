"""`kcdesk progress file|edit|list`: monthly progress reports (Mẫu 3a) of a proposal.

Filing the report for a month clears that month's item in `kcdesk due`; a report filed
after the rule's due day (the 25th) is kept with its days late.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import decimal_value, money_value, parse_day
from kcdesk.db.models import ProgressReport
from kcdesk.domain.progress_reports import period_label
from kcdesk.domain.vnformat import day, money
from kcdesk.i18n import tr
from kcdesk.services import progress_reports as svc


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("progress", parents=[common], help=tr("báo cáo tiến độ hằng tháng (Mẫu 3a)"))
    psub = p.add_subparsers(dest="progress_command", metavar=tr("LỆNH"), required=True)
    file = psub.add_parser("file", parents=[common], help=tr("nộp báo cáo tiến độ của một tháng"))
    file.add_argument("ref", help=tr("mã đề án hoặc id"))
    file.add_argument("--month", required=True, help=tr("tháng báo cáo, ví dụ 03/2026"))
    _fields(file)
    file.set_defaults(handler=cmd_file)
    edit = psub.add_parser("edit", parents=[common], help=tr("sửa một báo cáo tiến độ đã nộp"))
    edit.add_argument("report", help=tr("id của báo cáo (xem: kcdesk progress list MÃ --json)"))
    edit.add_argument("--month", help=tr("tháng báo cáo, ví dụ 03/2026"))
    _fields(edit)
    edit.set_defaults(handler=cmd_edit)
    lst = psub.add_parser("list", parents=[common], help=tr("các báo cáo tiến độ của đề án"))
    lst.add_argument("ref", help=tr("mã đề án hoặc id"))
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)


def _fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", dest="on", help=tr("ngày nộp (dd/mm/yyyy; mặc định hôm nay)"))
    p.add_argument("--pct", help=tr("tiến độ thực hiện (%%), 0-100"))
    p.add_argument("--spent", help=tr("kinh phí đã sử dụng (đồng)"))
    p.add_argument("--outputs", help=tr("khối lượng, kết quả đã đạt"))
    p.add_argument("--issues", help=tr("khó khăn, vướng mắc"))
    p.add_argument("--proposals", dest="recommendations", help=tr("kiến nghị, đề xuất"))
    add_json_option(p)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.month is not None:
        values["period"] = args.month
    if args.on is not None:
        values["submitted_on"] = parse_day(args.on, "submitted_on")
    if args.pct is not None:
        values["completed_pct"] = decimal_value(args.pct.rstrip("%"), "completed_pct")
    if args.spent is not None:
        values["spent"] = money_value(args.spent, "spent")
    for key in ("outputs", "issues", "recommendations"):
        if getattr(args, key) is not None:
            values[key] = getattr(args, key)
    return values


def _line(r: dict[str, Any]) -> str:
    late = tr("nộp muộn {n} ngày", n=r["days_late"]) if r["late"] else tr("đúng hạn")
    pct = f"{r['completed_pct']}%" if r["completed_pct"] is not None else "-"
    spent = money(r["spent"]) if r["spent"] is not None else "-"
    return f"{period_label(r['period'])}  {day(r['submitted_on'])}  {late:<18} {pct:>7}  {spent:>20}  [{r['id'][:8]}]"


def cmd_file(args: argparse.Namespace) -> int:
    values = _values(args)
    values.setdefault("submitted_on", date.today())
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            report_id = svc.file_progress_report(session, args.ref, values)
            return next(r for r in svc.progress_reports(session, args.ref) if r["id"] == report_id)

        data = store.write(write)
    emit(
        args,
        data,
        lambda r: tr("Đã nộp báo cáo tiến độ tháng {period}.", period=period_label(r["period"])) + "\n" + _line(r),
    )
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    values = _values(args)
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            svc.update_progress_report(session, args.report, values)
            report = session.get(ProgressReport, args.report)
            assert report is not None
            return svc.progress_report_dict(report)

        data = store.write(write)
    emit(
        args,
        data,
        lambda r: tr("Đã sửa báo cáo tiến độ tháng {period}.", period=period_label(r["period"])) + "\n" + _line(r),
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        rows = svc.progress_reports(session, args.ref)
    emit(args, rows, lambda rs: "\n".join(_line(r) for r in rs) or tr("Chưa có báo cáo tiến độ nào."))
    return 0
