"""`kcdesk money show|advance|pay|settle|reverse`: a proposal's money, as in its money tab.

Every amount is whole đồng ('12.500.000' or '12500000'); --source picks the fund source
(kc: khuyến công funds, doi_ung: counterpart, khac: other). A mistaken entry is never
edited: `reverse` cancels it with a reversing entry. The rules are the core's
(kcdesk.services.money), so the window and this command refuse the same things.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.cmd_proposal import acting_user
from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import money_value, parse_day
from kcdesk.db.models import Disbursement
from kcdesk.domain.lifecycle import status_label
from kcdesk.domain.vnformat import day, money
from kcdesk.domain.vocab import FUND_SOURCES
from kcdesk.i18n import tr
from kcdesk.services import money as svc
from kcdesk.services.money import MoneySummary


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("money", parents=[common], help=tr("tạm ứng, thanh toán, quyết toán của đề án"))
    msub = p.add_subparsers(dest="money_command", metavar=tr("LỆNH"), required=True)
    show = msub.add_parser("show", parents=[common], help=tr("các khoản tiền, lũy kế và kinh phí còn lại"))
    show.add_argument("ref", help=tr("mã đề án hoặc id"))
    add_json_option(show)
    show.set_defaults(handler=cmd_show)
    for name, kind, text in (
        ("advance", "tam_ung", "ghi một khoản tạm ứng"),
        ("pay", "thanh_toan", "ghi một khoản thanh toán"),
    ):
        entry = msub.add_parser(name, parents=[common], help=tr(text))
        entry.add_argument("ref", help=tr("mã đề án hoặc id"))
        entry.add_argument("amount", help=tr("số tiền (đồng), ví dụ 60.000.000"))
        entry.add_argument(
            "--source",
            default="kc",
            help=tr("nguồn kinh phí: ") + ", ".join(f"{k} ({v})" for k, v in FUND_SOURCES.items()),
        )
        _dated(entry)
        entry.set_defaults(handler=cmd_entry, kind=kind)
    settle = msub.add_parser(
        "settle",
        parents=[common],
        help=tr("phê duyệt quyết toán: ghi số quyết toán và chuyển đề án sang Đã quyết toán"),
    )
    settle.add_argument("ref", help=tr("mã đề án hoặc id"))
    settle.add_argument("amount", help=tr("số quyết toán kinh phí khuyến công (đồng)"))
    settle.add_argument("--counterpart", help=tr("số quyết toán vốn đối ứng (đồng)"))
    settle.add_argument("--other", help=tr("số quyết toán nguồn khác (đồng)"))
    settle.add_argument("--user", help=tr("thực hiện với tư cách người dùng (tên đăng nhập)"))
    _dated(settle)
    settle.set_defaults(handler=cmd_settle)
    rev = msub.add_parser("reverse", parents=[common], help=tr("đảo một khoản ghi nhầm (không sửa, không xóa)"))
    rev.add_argument("entry", help=tr("id của khoản cần đảo (xem: kcdesk money show MÃ --json)"))
    _dated(rev)
    rev.set_defaults(handler=cmd_reverse)


def _dated(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", dest="on", help=tr("ngày (dd/mm/yyyy; mặc định hôm nay)"))
    p.add_argument("--document", help=tr("số chứng từ, quyết định"))
    p.add_argument("--note", help=tr("ghi chú"))
    add_json_option(p)


def summary_dict(summary: MoneySummary) -> dict[str, Any]:
    data = asdict(summary)
    data["totals"] = {
        source: asdict(t) | {"paid_out": t.paid_out, "remaining": t.remaining, "disbursed": t.disbursed}
        for source, t in summary.totals.items()
    }
    data["remaining_kc"] = summary.remaining_kc
    data["disbursed_kc"] = summary.disbursed_kc
    data["status_label"] = status_label(summary.status)
    return data


def _render(d: dict[str, Any]) -> str:
    lines = [tr("Trạng thái: {status}", status=tr(d["status_label"]))]
    for line in d["lines"]:
        mark = tr(" (đảo khoản {id})", id=line["reverses_id"][:8]) if line["reverses_id"] else ""
        mark += tr(" (đã đảo)") if line["reversed_by"] else ""
        running = money(line["running_paid_out"]) if line["running_paid_out"] is not None else ""
        lines.append(
            f"{day(line['paid_on'])}  {tr(line['kind_label']):<11} {tr(line['fund_source_label']):<22} "
            f"{money(line['amount']):>22}  {running:>22}  {line['document_number'] or ''}{mark}  [{line['id'][:8]}]"
        )
    for source, t in d["totals"].items():
        if not (t["budget"] or t["paid_out"] or t["settled"] is not None):
            continue
        lines.append(
            tr(
                "{source}: dự toán {budget} · đã tạm ứng {advanced} · đã thanh toán {paid} · quyết toán {settled}"
                " · còn lại {remaining}",
                source=tr(FUND_SOURCES[source]),
                budget=money(t["budget"]),
                advanced=money(t["advanced"]),
                paid=money(t["paid"]),
                settled=money(t["settled"]) if t["settled"] is not None else "-",
                remaining=money(t["remaining"]),
            )
        )
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        data = summary_dict(svc.money_summary(session, args.ref))
    emit(args, data, _render)
    return 0


def _after_write(args: argparse.Namespace, write: Any, message: str) -> int:
    with open_store(args) as store:
        data = store.write(write)
    emit(args, data, lambda d: tr(message, **d["written"]) + "\n" + _render(d))
    return 0


def cmd_entry(args: argparse.Namespace) -> int:
    amount = money_value(args.amount, "amount")
    on = parse_day(args.on, "paid_on")

    def write(session: Session) -> dict[str, Any]:
        entry_id = svc.record_money(
            session,
            args.ref,
            args.kind,
            amount,  # type: ignore[arg-type]
            on or date.today(),
            fund_source=args.source,
            document_number=args.document,
            note=args.note,
        )
        data = summary_dict(svc.money_summary(session, args.ref))
        return data | {"written": {"id": entry_id, "amount": money(amount)}}

    return _after_write(args, write, "Đã ghi khoản {amount} (id {id}).")


def cmd_settle(args: argparse.Namespace) -> int:
    amounts = {"kc": money_value(args.amount, "amount")}
    for source, text in (("doi_ung", args.counterpart), ("khac", args.other)):
        if text is not None:
            amounts[source] = money_value(text, f"amount[{source}]")
    on = parse_day(args.on, "paid_on")

    def write(session: Session) -> dict[str, Any]:
        user = acting_user(session, args.user)
        svc.settle_proposal(
            session,
            args.ref,
            {k: v for k, v in amounts.items() if v is not None},
            on or date.today(),
            role=user.role,
            user_id=user.id,
            document_number=args.document,
            note=args.note,
        )
        data = summary_dict(svc.money_summary(session, args.ref))
        return data | {"written": {"amount": money(amounts["kc"])}}

    return _after_write(args, write, "Đã phê duyệt quyết toán {amount}; đề án chuyển sang Đã quyết toán.")


def cmd_reverse(args: argparse.Namespace) -> int:
    on = parse_day(args.on, "paid_on")

    def write(session: Session) -> dict[str, Any]:
        reversal = svc.reverse_money(
            session, args.entry, on or date.today(), note=args.note, document_number=args.document
        )
        row = session.get(Disbursement, reversal)
        assert row is not None
        data = summary_dict(svc.money_summary(session, row.proposal_id))
        return data | {"written": {"id": reversal, "amount": money(row.amount)}}

    return _after_write(args, write, "Đã ghi bút toán đảo {amount} (id {id}).")
