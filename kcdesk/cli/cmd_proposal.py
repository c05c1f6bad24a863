"""`kcdesk proposal show|list|transition` (and add|edit, from cmd_proposal_edit)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import parse_day
from kcdesk.db.models import AppUser
from kcdesk.db.store import Store
from kcdesk.domain import lifecycle
from kcdesk.domain.vnformat import day, money
from kcdesk.errors import NotFoundError, PermissionDenied
from kcdesk.i18n import tr
from kcdesk.services import proposals as svc
from kcdesk.services.setup import current_user


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("proposal", parents=[common], help=tr("đề án khuyến công"))
    psub = p.add_subparsers(dest="proposal_command", metavar=tr("LỆNH"), required=True)
    show = psub.add_parser("show", parents=[common], help=tr("xem một đề án (theo mã đề án hoặc id)"))
    show.add_argument("ref")
    add_json_option(show)
    show.set_defaults(handler=cmd_show)
    lst = psub.add_parser("list", parents=[common], help=tr("liệt kê đề án"))
    lst.add_argument("--status", choices=list(lifecycle.STATUSES))
    lst.add_argument("--year", type=int)
    lst.add_argument("--level", choices=("KCQG", "KCDP"))
    lst.add_argument("--limit", type=int, default=100)
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)
    tr_ = psub.add_parser("transition", parents=[common], help=tr("chuyển trạng thái đề án"))
    tr_.add_argument("ref", help=tr("mã đề án hoặc id"))
    tr_.add_argument("action", help=tr("bước: ") + ", ".join(t.action for t in lifecycle.TRANSITIONS))
    tr_.add_argument("--date", dest="on", help=tr("ngày thực hiện bước (dd/mm/yyyy; mặc định hôm nay)"))
    tr_.add_argument("--note", help=tr("ghi chú"))
    tr_.add_argument("--document", help=tr("số văn bản, quyết định"))
    tr_.add_argument("--user", help=tr("thực hiện với tư cách người dùng (tên đăng nhập)"))
    add_json_option(tr_)
    tr_.set_defaults(handler=cmd_transition)
    from kcdesk.cli.cmd_proposal_edit import register_edit  # add, edit: their own module

    register_edit(psub, common)


def _render(d: dict[str, Any]) -> str:
    t = d["totals"]
    lines = [
        f"{d['code']}  {d['title']}",
        f"  {tr('Trạng thái')}: {d['status_label']} ({day(d['status_date'])})",
        f"  {tr('Kinh phí')}: {money(t['total'])} = {tr('khuyến công')} {money(t['kc_amount'])} + "
        f"{tr('đối ứng')} {money(t['counterpart_amount'])} + {tr('khác')} {money(t['other_amount'])}",
    ]
    for w in d.get("cap_warnings", []):
        lines.append(f"  ! {w}")
    for h in d["history"]:
        lines.append(f"  {day(h['date'])}: {lifecycle.status_label(h['from'])} → {lifecycle.status_label(h['to'])}")
    if "money" in d:
        kc = d["money"]["totals"]["kc"]
        lines.append(
            "  "
            + tr(
                "Kinh phí khuyến công đã chi {paid}, quyết toán {settled}, còn lại {remaining}",
                paid=money(kc["paid_out"]),
                settled=money(kc["settled"]) if kc["settled"] is not None else "-",
                remaining=money(kc["remaining"]),
            )
        )
        late = [r for r in d["progress_reports"] if r["late"]]
        lines.append(
            "  "
            + tr(
                "Báo cáo tiến độ: {n} (nộp muộn {late}); biên bản nghiệm thu: {acceptances}; "
                "phiếu đánh giá sau hỗ trợ: {evaluations}",
                n=len(d["progress_reports"]),
                late=len(late),
                acceptances=len(d["acceptances"]),
                evaluations=len(d["evaluations"]),
            )
        )
    return "\n".join(lines)


def _follow_up(session: Session, proposal_id: str) -> dict[str, Any]:
    """What happened after approval: money, monthly reports, acceptances, evaluations."""
    from kcdesk.cli.cmd_money import summary_dict
    from kcdesk.services.acceptance_edit import acceptances_of
    from kcdesk.services.evaluations import evaluations_of
    from kcdesk.services.money import money_summary
    from kcdesk.services.progress_reports import progress_reports

    return {
        "money": summary_dict(money_summary(session, proposal_id)),
        "progress_reports": progress_reports(session, proposal_id),
        "acceptances": [
            {k: a[k] for k in ("id", "number", "accepted_on", "conclusion", "accepted_amount", "signed_at")}
            for a in acceptances_of(session, proposal_id)
        ],
        "evaluations": evaluations_of(session, proposal_id),
    }


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        proposal = svc.find_proposal(session, args.ref)
        data = svc.proposal_dict(session, proposal)
        data["cap_warnings"] = [w.text() for w in svc.check_proposal_caps(session, proposal.id)]
        data["next_steps"] = [
            {"action": t.action, "label": t.label, "to": t.target}
            for t in lifecycle.next_steps(proposal.status, proposal.level)
        ]
        data.update(_follow_up(session, proposal.id))
    emit(args, data, _render)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        rows = svc.list_proposals(session, status=args.status, year=args.year, level=args.level, limit=args.limit)

    def render(items: list[dict[str, Any]]) -> str:
        return "\n".join(
            f"{r['code']}  {r['status_label']}  {money(r['kc_amount'])}  {r['title']}" for r in items
        ) or tr("Không có đề án nào.")

    emit(args, rows, render)
    return 0


def acting_user(session: Session, username: str | None) -> AppUser:
    """The person a step is recorded under: `--user` on a database without accounts; once
    people sign in (kcdesk.cli.acting), only the signed-in person, never someone else."""
    from kcdesk.services.sign_in import has_accounts

    me = current_user(session)
    if username and has_accounts(session) and (me is None or me.username != username):
        raise PermissionDenied(
            "Đang đăng nhập bằng tài khoản {me}: không thực hiện thay người khác được. "
            "Hãy đăng nhập bằng tài khoản của {name} (--login {name}).",
            me=me.username if me else "-",
            name=username,
        )
    if username:
        user = session.scalars(select(AppUser).where(AppUser.username == username)).first()
        if user is None:
            raise NotFoundError("Không có người dùng '{name}' trên máy này.", name=username)
        return user
    user = current_user(session)
    if user is None:
        raise NotFoundError("Chưa thiết lập người dùng; hãy chạy: kcdesk init")
    return user


def cmd_transition(args: argparse.Namespace) -> int:
    on = parse_day(args.on)
    store: Store
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            user = acting_user(session, args.user)
            status = svc.transition(
                session,
                args.ref,
                args.action,
                role=user.role,
                user_id=user.id,
                on=on,
                note=args.note,
                document_number=args.document,
            )
            return {"ref": args.ref, "status": status, "status_label": lifecycle.status_label(status)}

        data = store.write(write, user_id=None)
    emit(args, data, lambda d: tr("Đề án {ref} chuyển sang: {status_label}", **d))
    return 0
