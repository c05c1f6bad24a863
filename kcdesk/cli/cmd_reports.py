"""`kcdesk report acceptance|proposal|plan|periodic|facility ... --out FILE.pdf|FILE.xlsx`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr
from kcdesk.progress import Progress


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser("report", parents=[common], help=tr("in văn bản, báo cáo ra PDF hoặc Excel"))
    kinds = report.add_subparsers(dest="report_kind", metavar=tr("LOẠI"), required=True)

    def kind(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = kinds.add_parser(name, parents=[common], help=help_text)
        p.add_argument("--out", type=Path, required=True, help=tr("tệp kết quả .pdf hoặc .xlsx"))
        p.add_argument("--agency", help=tr("tên cơ quan ban hành (mặc định: theo thiết lập)"))
        p.add_argument("--parent-agency", help=tr("tên cơ quan chủ quản"))
        p.add_argument("--place", help=tr("địa danh ghi trước ngày tháng"))
        p.set_defaults(handler=handler)
        return p

    p = kind("acceptance", tr("biên bản nghiệm thu"), cmd_acceptance)
    p.add_argument("key", help=tr("số biên bản, mã đề án hoặc mã định danh"))
    p = kind("proposal", tr("thuyết minh đề án và dự toán"), cmd_proposal)
    p.add_argument("key", help=tr("mã đề án"))
    p = kind("facility", tr("phiếu thông tin cơ sở"), cmd_facility)
    p.add_argument("key", help=tr("mã số thuế hoặc mã định danh"))
    p = kind("plan", tr("biểu tổng hợp đề án đăng ký kế hoạch (Mẫu 02)"), cmd_plan)
    p.add_argument("--year", type=int, required=True, help=tr("năm kế hoạch"))
    p.add_argument("--level", choices=("KCQG", "KCDP"), help=tr("cấp đề án"))
    p.add_argument("--province", help=tr("mã tỉnh/thành phố (mặc định: tỉnh của cơ sở dữ liệu)"))
    p = kind("periodic", tr("báo cáo định kỳ (6 tháng, năm hoặc khoảng ngày)"), cmd_periodic)
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--half", help=tr("6 tháng: NĂM-1 hoặc NĂM-2, ví dụ 2026-1"))
    period.add_argument("--year", type=int, help=tr("cả năm"))
    period.add_argument("--from", dest="start", help=tr("từ ngày dd/mm/yyyy (cùng --to)"))
    p.add_argument("--to", dest="end", help=tr("đến ngày dd/mm/yyyy"))
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--province", help=tr("mã tỉnh/thành phố (mặc định: tỉnh của cơ sở dữ liệu)"))
    scope.add_argument("--national", action="store_true", help=tr("toàn quốc"))
    p.add_argument("--signer", help=tr("họ tên người ký"))
    p.add_argument("--number", help=tr("số văn bản, ví dụ 58/BC-TTKC"))
    add_json_option(p)


# -- helpers -------------------------------------------------------------------------------


def _format(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError({"out": FieldMessage("Tệp kết quả phải có đuôi .pdf hoặc .xlsx: {path}", path=str(out))})
    if not out.parent.exists():
        raise ValidationError({"out": FieldMessage("Thư mục {path} không tồn tại.", path=str(out.parent))})
    return suffix[1:]


def _agency(session: Any, args: argparse.Namespace, province: str | None = None) -> Any:
    from kcdesk.reports.agency import agency_for

    return agency_for(session, province, name=args.agency, parent=args.parent_agency, place=args.place)


def _names(args: argparse.Namespace) -> Any:
    from kcdesk.services.documents import AgencyNames

    return AgencyNames(args.agency, args.parent_agency, args.place)


def _progress() -> Progress:
    def show(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{what} {done}/{total}", end="", file=sys.stderr, flush=True)

    return Progress(show)


def _done(out: Path) -> int:
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(tr("Đã ghi {path}", path=str(out)))
    return 0


def _parse_day(text: str | None) -> date | None:
    from kcdesk.cli.values import parse_day

    return parse_day(text)


# -- commands ------------------------------------------------------------------------------


# The record documents and the plan list are the window's own (kcdesk.services.documents).


def cmd_acceptance(args: argparse.Namespace) -> int:
    from kcdesk.services.documents import acceptance_record

    _format(args.out)
    with open_store(args) as store:
        acceptance_record(store, args.key, args.out, _progress(), names=_names(args))
    return _done(args.out)


def cmd_proposal(args: argparse.Namespace) -> int:
    from kcdesk.services.documents import proposal_dossier

    _format(args.out)
    with open_store(args) as store:
        proposal_dossier(store, args.key, args.out, _progress(), names=_names(args))
    return _done(args.out)


def cmd_facility(args: argparse.Namespace) -> int:
    from kcdesk.services.documents import facility_profile

    _format(args.out)
    with open_store(args) as store:
        facility_profile(store, args.key, args.out, _progress(), names=_names(args))
    return _done(args.out)


def cmd_plan(args: argparse.Namespace) -> int:
    from kcdesk.services.documents import plan_list

    _format(args.out)
    with open_store(args) as store:
        plan_list(store, args.year, args.level, args.out, _progress(), province=args.province, names=_names(args))
    return _done(args.out)


def _period(args: argparse.Namespace) -> tuple[date, date]:
    if args.half:
        year, _, half = args.half.partition("-")
        if not (year.isdigit() and half in ("1", "2")):
            raise ValidationError(
                {"half": FieldMessage("Kỳ 6 tháng '{value}' không đúng; ví dụ 2026-1 hoặc 2026-2.", value=args.half)}
            )
        y = int(year)
        return (date(y, 1, 1), date(y, 6, 30)) if half == "1" else (date(y, 7, 1), date(y, 12, 31))
    if args.year:
        return date(args.year, 1, 1), date(args.year, 12, 31)
    start, end = _parse_day(args.start), _parse_day(args.end)
    if start is None or end is None or end < start:
        message = FieldMessage("Hãy ghi --from và --to (dd/mm/yyyy), ngày sau không trước ngày đầu.")
        raise ValidationError({"to": message})
    return start, end


def cmd_periodic(args: argparse.Namespace) -> int:
    from kcdesk.db.store import get_meta
    from kcdesk.reports.agency import province_names
    from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
    from kcdesk.reports.periodic_report import figures_as_dict, periodic_tables, write_periodic_pdf
    from kcdesk.reports.xlsx_tables import write_tables

    fmt = _format(args.out)
    start, end = _period(args)
    with open_store(args) as store, store.read() as s:
        province = None if args.national else (args.province or get_meta(s, "province_code"))
        names = province_names(s, province)
        if province and names is None:
            raise ValidationError(
                {"province": FieldMessage("Mã tỉnh/thành phố '{value}' không có trong danh mục.", value=province)}
            )
        progress = _progress()
        fig = periodic_figures(s, PeriodicQuery(start, end, province), progress)
        scope_name = names[0] if names else tr("toàn quốc")
        if fmt == "pdf":
            write_periodic_pdf(
                fig,
                _agency(s, args, province),
                args.out,
                scope_name=scope_name,
                progress=progress,
                signer=args.signer,
                number=args.number,
            )
        else:
            write_tables(args.out, periodic_tables(fig), progress)
    if args.json:
        emit(args, figures_as_dict(fig), lambda _: "")
        return 0
    return _done(args.out)
