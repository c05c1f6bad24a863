"""`kcdesk acceptance create|edit|add-member|add-item|remove-member|remove-item|sign|show|list|print`.

An acceptance record (biên bản nghiệm thu) as the window makes it: header, committee
members and checked items, then signed and locked. `sign --accept` also takes the
lifecycle step its conclusion calls for ('Đạt' -> accepted, 'Đạt một phần' -> partially
accepted) on the acceptance date. A record is named by its id, its number
('07/BB-TTKC') or its proposal's code (the latest one).
Members: --member "Họ tên|vai trò|chức vụ|đơn vị"; items: --item "nội dung|kế hoạch|thực hiện|đạt|ghi chú".
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.cmd_proposal import acting_user
from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import money_value, parse_day, whole_value, yes_no
from kcdesk.db.models import Acceptance
from kcdesk.domain.vnformat import day, money
from kcdesk.domain.vocab import CONCLUSIONS, MEMBER_ROLES
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr
from kcdesk.reports.records import find_acceptance
from kcdesk.services import acceptance_edit as edit_svc
from kcdesk.services import proposals
from kcdesk.services.acceptances import sign_acceptance, update_acceptance

TEXT = (
    ("--number", "number", "số biên bản, ví dụ 07/BB-TTKC"),
    ("--place", "place", "địa điểm nghiệm thu"),
    ("--contract", "contract_number", "số hợp đồng"),
    ("--basis", "basis", "căn cứ (mỗi căn cứ một dòng)"),
    ("--assessment", "assessment", "đánh giá"),
    ("--requests", "requests", "kiến nghị, yêu cầu"),
)
MONEY = (
    ("--approved", "approved_amount", "tổng kinh phí được duyệt (đồng)"),
    ("--approved-kc", "approved_kc_amount", "kinh phí khuyến công được duyệt (đồng)"),
    ("--accepted", "accepted_amount", "kinh phí khuyến công nghiệm thu (đồng)"),
    ("--counterpart", "counterpart_invested", "vốn đối ứng đã đầu tư (đồng)"),
)
WHOLE = (
    ("--trainees", "trainees", "số học viên"),
    ("--trainees-employed", "trainees_employed", "số học viên có việc làm"),
    ("--models", "models_built", "số mô hình trình diễn"),
    ("--machines", "machines_supplied", "số máy móc, thiết bị"),
    ("--fairs", "fairs", "số hội chợ, triển lãm"),
    ("--brands", "brands", "số nhãn hiệu"),
)
MEMBER_PARTS = ("full_name", "role", "position", "organisation")
ITEM_PARTS = ("content", "planned", "actual", "passed", "note")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("acceptance", parents=[common], help=tr("biên bản nghiệm thu"))
    asub = p.add_subparsers(dest="acceptance_command", metavar=tr("LỆNH"), required=True)
    key_help = tr("số biên bản, mã đề án hoặc id")

    create = asub.add_parser("create", parents=[common], help=tr("lập biên bản nghiệm thu cho một đề án"))
    create.add_argument("ref", help=tr("mã đề án hoặc id"))
    _header(create)
    _rows(create)
    create.set_defaults(handler=cmd_create)
    edit = asub.add_parser("edit", parents=[common], help=tr("sửa biên bản chưa ký"))
    edit.add_argument("key", help=key_help)
    _header(edit)
    edit.set_defaults(handler=cmd_edit)
    for name, what, handler in (
        ("add-member", "member", cmd_add_row),
        ("add-item", "item", cmd_add_row),
        ("remove-member", "member", cmd_remove_row),
        ("remove-item", "item", cmd_remove_row),
    ):
        text = {
            "add-member": "thêm thành viên hội đồng",
            "add-item": "thêm nội dung kiểm tra",
            "remove-member": "bỏ thành viên thứ N",
            "remove-item": "bỏ nội dung thứ N",
        }[name]
        q = asub.add_parser(name, parents=[common], help=tr(text))
        q.add_argument("key", help=key_help)
        if name.startswith("add"):
            shape = (
                '"Họ tên|vai trò|chức vụ|đơn vị"' if what == "member" else '"nội dung|kế hoạch|thực hiện|đạt|ghi chú"'
            )
            q.add_argument("row", help=tr(shape))
        else:
            q.add_argument("n", type=int, help=tr("số thứ tự (từ 1)"))
        add_json_option(q)
        q.set_defaults(handler=handler, what=what)
    sign = asub.add_parser("sign", parents=[common], help=tr("ký và khóa biên bản"))
    sign.add_argument("key", help=key_help)
    sign.add_argument("--accept", action="store_true", help=tr("đồng thời chuyển đề án sang bước nghiệm thu"))
    sign.add_argument("--user", help=tr("thực hiện với tư cách người dùng (tên đăng nhập)"))
    add_json_option(sign)
    sign.set_defaults(handler=cmd_sign)
    show = asub.add_parser("show", parents=[common], help=tr("xem biên bản"))
    show.add_argument("key", help=key_help)
    add_json_option(show)
    show.set_defaults(handler=cmd_show)
    lst = asub.add_parser("list", parents=[common], help=tr("các biên bản của một đề án"))
    lst.add_argument("ref", help=tr("mã đề án hoặc id"))
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)
    out = asub.add_parser("print", parents=[common], help=tr("in biên bản ra PDF hoặc Excel"))
    out.add_argument("key", help=key_help)
    out.add_argument("--out", required=True, help=tr("tệp kết quả .pdf hoặc .xlsx"))
    out.add_argument("--agency", help=tr("tên cơ quan ban hành (mặc định: theo thiết lập)"))
    out.add_argument("--parent-agency", help=tr("tên cơ quan chủ quản"))
    out.add_argument("--place", help=tr("địa danh ghi trước ngày tháng"))
    out.set_defaults(handler=cmd_print)


def _header(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", dest="accepted_on", help=tr("ngày nghiệm thu (dd/mm/yyyy)"))
    p.add_argument("--conclusion", help=tr("kết luận: ") + ", ".join(f"{k} ({v})" for k, v in CONCLUSIONS.items()))
    for flag, dest, text in (*TEXT, *MONEY, *WHOLE):
        p.add_argument(flag, dest=dest, help=tr(text))
    add_json_option(p)


def _rows(p: argparse.ArgumentParser) -> None:
    roles = ", ".join(MEMBER_ROLES)
    p.add_argument(
        "--member", action="append", help=tr('thành viên: "Họ tên|vai trò|chức vụ|đơn vị"; vai trò: ') + roles
    )
    p.add_argument("--item", action="append", help=tr('nội dung kiểm tra: "nội dung|kế hoạch|thực hiện|đạt|ghi chú"'))


def _header_values(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.accepted_on is not None:
        values["accepted_on"] = parse_day(args.accepted_on, "accepted_on")
    if args.conclusion is not None:
        values["conclusion"] = args.conclusion
    for _, dest, _ in TEXT:
        if getattr(args, dest) is not None:
            values[dest] = getattr(args, dest).replace("\\n", "\n")
    for _, dest, _ in MONEY:
        if getattr(args, dest) is not None:
            values[dest] = money_value(getattr(args, dest), dest)
    for _, dest, _ in WHOLE:
        if getattr(args, dest) is not None:
            values[dest] = whole_value(getattr(args, dest), dest)
    return values


def parse_row(what: str, text: str, n: int) -> dict[str, Any]:
    parts = [p.strip() or None for p in text.split("|")]
    names = MEMBER_PARTS if what == "member" else ITEM_PARTS
    row: dict[str, Any] = dict(zip(names, parts, strict=False))
    if what == "item" and row.get("passed") is not None:
        row["passed"] = yes_no(row["passed"], f"items[{n}].passed")
    return row


def _render(d: dict[str, Any]) -> str:
    signed = tr("đã ký {at}", at=d["signed_at"].strftime("%d/%m/%Y")) if d["signed_at"] else tr("chưa ký")
    lines = [
        f"{d['number'] or '-'}  {day(d['accepted_on'])}  {d['proposal_code']}  ({signed})",
        f"  {tr('Kết luận')}: {tr(CONCLUSIONS.get(d['conclusion'] or '', '-'))}  ·  "
        f"{tr('Kinh phí nghiệm thu')}: {money(d['accepted_amount'])}",
    ]
    for n, m in enumerate(d["members"], start=1):
        lines.append(f"  {n}. {m['full_name']} — {tr(MEMBER_ROLES.get(m['role'], m['role']))}")
    for n, i in enumerate(d["items"], start=1):
        lines.append(f"  [{n}] {i['content']}: {i['actual'] or '-'}")
    lines.append(f"  id: {d['id']}")
    return "\n".join(lines)


def _write_and_show(args: argparse.Namespace, key: str, change: Any, message: str) -> int:
    """Apply `change(session, acceptance)` and show the record after it."""
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            acceptance = find_acceptance(session, key)
            change(session, acceptance)
            fresh = session.get(Acceptance, acceptance.id)
            assert fresh is not None
            return edit_svc.acceptance_dict(session, fresh)

        data = store.write(write)
    return _show_written(args, data, message)


def _show_written(args: argparse.Namespace, data: dict[str, Any], message: str) -> int:
    emit(args, data, lambda d: tr(message, number=d["number"] or d["id"]) + "\n" + _render(d))
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    values = _header_values(args)
    members = [parse_row("member", text, n) for n, text in enumerate(args.member or [], start=1)]
    items = [parse_row("item", text, n) for n, text in enumerate(args.item or [], start=1)]
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            proposal = proposals.find_proposal(session, args.ref)
            aid = edit_svc.save_acceptance(session, None, proposal.id, values, members, items)
            acceptance = session.get(Acceptance, aid)
            assert acceptance is not None
            return edit_svc.acceptance_dict(session, acceptance)

        data = store.write(write)
    emit(
        args,
        data,
        lambda d: tr("Đã lập biên bản nghiệm thu {number}.", number=d["number"] or d["id"]) + "\n" + _render(d),
    )
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    values = _header_values(args)

    def change(session: Session, acceptance: Acceptance) -> None:
        update_acceptance(session, acceptance.id, values)

    return _write_and_show(args, args.key, change, "Đã sửa biên bản nghiệm thu {number}.")


def _replace(session: Session, acceptance: Acceptance, what: str, rows: list[dict[str, Any]]) -> None:
    now = edit_svc.acceptance_dict(session, acceptance)
    members = rows if what == "member" else now["members"]
    items = rows if what == "item" else now["items"]
    edit_svc.replace_members_and_items(session, acceptance.id, members, items)


def cmd_add_row(args: argparse.Namespace) -> int:
    def change(session: Session, acceptance: Acceptance) -> None:
        now = edit_svc.acceptance_dict(session, acceptance)
        existing = now["members" if args.what == "member" else "items"]
        _replace(session, acceptance, args.what, [*existing, parse_row(args.what, args.row, len(existing) + 1)])

    return _write_and_show(args, args.key, change, "Đã cập nhật biên bản nghiệm thu {number}.")


def cmd_remove_row(args: argparse.Namespace) -> int:
    def change(session: Session, acceptance: Acceptance) -> None:
        now = edit_svc.acceptance_dict(session, acceptance)
        existing = now["members" if args.what == "member" else "items"]
        if not 1 <= args.n <= len(existing):
            raise ValidationError(
                {"n": FieldMessage("Không có dòng thứ {n} (có {count} dòng).", n=args.n, count=len(existing))}
            )
        _replace(session, acceptance, args.what, [r for i, r in enumerate(existing, start=1) if i != args.n])

    return _write_and_show(args, args.key, change, "Đã cập nhật biên bản nghiệm thu {number}.")


def cmd_sign(args: argparse.Namespace) -> int:
    def change(session: Session, acceptance: Acceptance) -> None:
        user = acting_user(session, args.user)
        sign_acceptance(session, acceptance.id, user.id)
        if args.accept:
            action = {"dat": "accept", "dat_mot_phan": "accept_partially"}.get(acceptance.conclusion or "")
            if action is None:  # 'Không đạt' passes no step; the record is signed all the same
                return
            proposals.transition(
                session, acceptance.proposal_id, action, role=user.role, user_id=user.id, on=acceptance.accepted_on
            )

    return _write_and_show(args, args.key, change, "Đã ký và khóa biên bản nghiệm thu {number}.")


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        data = edit_svc.acceptance_dict(session, find_acceptance(session, args.key))
    emit(args, data, _render)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        rows = edit_svc.acceptances_of(session, proposals.find_proposal(session, args.ref).id)
    emit(args, rows, lambda rs: "\n".join(_render(r) for r in rs) or tr("Chưa có biên bản nghiệm thu nào."))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from kcdesk.cli.cmd_reports import cmd_acceptance

    args.out = Path(args.out)
    return cmd_acceptance(args)
