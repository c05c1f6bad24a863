"""`kcdesk evaluation create|edit|list`: post-support evaluations of a settled proposal.

`create --evaluate` also takes the lifecycle step settled -> evaluated on the same date.
Photos (--photo, repeated) are stored like every attachment and linked to the evaluation.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.cmd_proposal import acting_user
from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import decimal_value, money_value, parse_day, whole_value, yes_no
from kcdesk.db.models import PostSupportEvaluation
from kcdesk.domain.vnformat import day, group, money
from kcdesk.errors import NotFoundError
from kcdesk.i18n import tr
from kcdesk.services import attachments, facilities, proposals
from kcdesk.services import evaluations as svc

WHOLE = (
    ("--jobs-before", "jobs_before", "lao động trước hỗ trợ"),
    ("--jobs-after", "jobs_after", "lao động sau hỗ trợ"),
    ("--replicated", "replicated_count", "số cơ sở học tập, nhân rộng"),
)
MONEY = (
    ("--revenue-before", "revenue_before", "doanh thu trước hỗ trợ (đồng/năm)"),
    ("--revenue-after", "revenue_after", "doanh thu sau hỗ trợ (đồng/năm)"),
)
TEXT = (
    ("--evaluator", "evaluator", "người đánh giá (họ tên, chức vụ)"),
    ("--output-unit", "output_unit", "đơn vị sản lượng, ví dụ tấn/tháng"),
    ("--product-before", "product_before", "sản phẩm trước hỗ trợ"),
    ("--product-after", "product_after", "sản phẩm sau hỗ trợ"),
    ("--note", "note", "ghi chú"),
)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("evaluation", parents=[common], help=tr("đánh giá hiệu quả sau hỗ trợ"))
    esub = p.add_subparsers(dest="evaluation_command", metavar=tr("LỆNH"), required=True)
    create = esub.add_parser("create", parents=[common], help=tr("lập phiếu đánh giá sau hỗ trợ"))
    create.add_argument("ref", help=tr("mã đề án hoặc id"))
    create.add_argument(
        "--evaluate", action="store_true", help=tr("đồng thời chuyển đề án sang Đã đánh giá sau hỗ trợ")
    )
    create.add_argument("--user", help=tr("thực hiện với tư cách người dùng (tên đăng nhập)"))
    _fields(create)
    create.set_defaults(handler=cmd_create)
    edit = esub.add_parser("edit", parents=[common], help=tr("sửa phiếu đánh giá"))
    edit.add_argument("evaluation", help=tr("id của phiếu (xem: kcdesk evaluation list MÃ --json)"))
    _fields(edit)
    edit.set_defaults(handler=cmd_edit)
    lst = esub.add_parser("list", parents=[common], help=tr("các phiếu đánh giá của đề án"))
    lst.add_argument("ref", help=tr("mã đề án hoặc id"))
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)


def _fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--facility", help=tr("cơ sở được đánh giá: mã số thuế hoặc id"))
    p.add_argument("--date", dest="on", help=tr("ngày đánh giá (dd/mm/yyyy; mặc định hôm nay)"))
    for flag, dest, text in (*WHOLE, *MONEY, *TEXT):
        p.add_argument(flag, dest=dest, help=tr(text))
    p.add_argument("--output-before", help=tr("sản lượng trước hỗ trợ"))
    p.add_argument("--output-after", help=tr("sản lượng sau hỗ trợ"))
    p.add_argument("--in-use", help=tr("thiết bị, mô hình còn sử dụng: có hoặc không"))
    p.add_argument("--photo", action="append", type=Path, help=tr("ảnh chụp (lặp lại được)"))
    add_json_option(p)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.on is not None:
        values["evaluated_on"] = parse_day(args.on, "evaluated_on")
    for _, dest, _ in WHOLE:
        if getattr(args, dest) is not None:
            values[dest] = whole_value(getattr(args, dest), dest)
    for _, dest, _ in MONEY:
        if getattr(args, dest) is not None:
            values[dest] = money_value(getattr(args, dest), dest)
    for _, dest, _ in TEXT:
        if getattr(args, dest) is not None:
            values[dest] = getattr(args, dest)
    for key in ("output_before", "output_after"):
        if getattr(args, key) is not None:
            values[key] = decimal_value(getattr(args, key), key)
    if args.in_use is not None:
        values["machinery_in_use"] = yes_no(args.in_use, "machinery_in_use")
    return values


def _photos(store: Any, args: argparse.Namespace) -> list[tuple[str, int, str]]:
    """Copy the photos into the file store first (outside the transaction), as the window does."""
    return [(*attachments.store_file(store.files_dir, path), path.name) for path in args.photo or []]


def _link(session: Session, evaluation_id: str, photos: list[tuple[str, int, str]]) -> None:
    for sha, size, name in photos:
        attachments.link(
            session,
            sha256=sha,
            size=size,
            filename=name,
            owner_table="post_support_evaluation",
            owner_id=evaluation_id,
            doc_type="photo",
        )


def _render(d: dict[str, Any]) -> str:
    lines = [
        f"{day(d['evaluated_on'])}  {d['facility_name'] or '-'}  ({d['evaluator'] or '-'})",
        f"  {tr('Doanh thu')}: {money(d['revenue_before'])} → {money(d['revenue_after'])}",
        f"  {tr('Lao động')}: {group(d['jobs_before']) if d['jobs_before'] is not None else '-'} → "
        f"{group(d['jobs_after']) if d['jobs_after'] is not None else '-'}",
        f"  id: {d['id']}",
    ]
    return "\n".join(lines)


def cmd_create(args: argparse.Namespace) -> int:
    values = _values(args)
    with open_store(args) as store:
        photos = _photos(store, args)

        def write(session: Session) -> dict[str, Any]:
            if args.facility:
                values["facility_id"] = facilities.find_facility(session, args.facility).id
            values.setdefault("evaluated_on", date.today())
            evaluation_id = svc.save_evaluation(session, None, args.ref, values)
            _link(session, evaluation_id, photos)
            if args.evaluate:
                user = acting_user(session, args.user)
                proposals.transition(
                    session, args.ref, "evaluate", role=user.role, user_id=user.id, on=values["evaluated_on"]
                )
            return next(e for e in svc.evaluations_of(session, args.ref) if e["id"] == evaluation_id)

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã lập phiếu đánh giá sau hỗ trợ.") + "\n" + _render(d))
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    values = _values(args)
    with open_store(args) as store:
        photos = _photos(store, args)

        def write(session: Session) -> dict[str, Any]:
            row = session.get(PostSupportEvaluation, args.evaluation)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("Không tìm thấy phiếu đánh giá sau hỗ trợ {id}.", id=args.evaluation)
            proposal_id = row.proposal_id
            if args.facility:
                values["facility_id"] = facilities.find_facility(session, args.facility).id
            svc.save_evaluation(session, args.evaluation, proposal_id, values)
            _link(session, args.evaluation, photos)
            return next(e for e in svc.evaluations_of(session, proposal_id) if e["id"] == args.evaluation)

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã sửa phiếu đánh giá sau hỗ trợ.") + "\n" + _render(d))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        rows = svc.evaluations_of(session, args.ref)
    emit(args, rows, lambda rs: "\n".join(_render(r) for r in rs) or tr("Chưa có phiếu đánh giá nào."))
    return 0
