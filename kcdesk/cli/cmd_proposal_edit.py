"""`kcdesk proposal add|edit`: a proposal with its activities, beneficiaries and budget
lines, through the same core as the window's editor (kcdesk.services.proposal_edit).

A budget line is `--budget ITEM KC [COUNTERPART [OTHER [ACTIVITY]]]` (amounts in đồng),
repeated per line. On `edit`, only what is given changes: --budget, --activity or
--beneficiary replace that whole list; the rest is kept.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import money_value, parse_day, whole_value, yes_no
from kcdesk.domain.vnformat import money
from kcdesk.domain.vocab import PROPOSAL_CLASSES
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr
from kcdesk.services import facilities
from kcdesk.services import proposals as svc
from kcdesk.services.proposal_edit import save_proposal
from kcdesk.services.proposals import BudgetInput

TEXT_OPTIONS = (
    ("--title", "title", "tên đề án"),
    ("--unit", "implementing_unit", "đơn vị thực hiện"),
    ("--coordinating", "coordinating_units", "đơn vị phối hợp"),
    ("--location", "location", "địa điểm thực hiện"),
    ("--sector", "sector_code", "ngành nghề A-G"),
    ("--ward", "ward_code", "mã xã/phường nơi thực hiện"),
    ("--need", "need_and_basis", "sự cần thiết và căn cứ"),
    ("--objectives", "objectives", "mục tiêu"),
    ("--scale", "scale", "quy mô"),
    ("--implementation", "implementation", "nội dung và tổ chức thực hiện"),
    ("--effectiveness", "effectiveness", "hiệu quả dự kiến"),
)
NUMBER_OPTIONS = (
    ("--planned-trainees", "planned_trainees", "số học viên dự kiến"),
    ("--planned-models", "planned_models", "số mô hình trình diễn dự kiến"),
    ("--planned-machines", "planned_machines", "số máy móc, thiết bị dự kiến"),
    ("--planned-fairs", "planned_fairs", "số hội chợ, triển lãm dự kiến"),
    ("--planned-brands", "planned_brands", "số nhãn hiệu, thương hiệu dự kiến"),
)


def register_edit(psub: Any, common: argparse.ArgumentParser) -> None:
    add = psub.add_parser("add", parents=[common], help=tr("thêm đề án (dự thảo) với dự toán"))
    _options(add)
    add_json_option(add)
    add.set_defaults(handler=cmd_add)
    edit = psub.add_parser("edit", parents=[common], help=tr("sửa đề án chưa quyết toán"))
    edit.add_argument("ref", help=tr("mã đề án hoặc id"))
    _options(edit)
    add_json_option(edit)
    edit.set_defaults(handler=cmd_edit)


def _options(p: argparse.ArgumentParser) -> None:
    for flag, dest, text in TEXT_OPTIONS:
        p.add_argument(flag, dest=dest, help=tr(text))
    # No argparse choices: the core refuses a wrong value with the window's own words.
    p.add_argument("--level", help=tr("cấp đề án: KCQG hoặc KCDP"))
    p.add_argument("--class", dest="proposal_class", help=tr("loại đề án: ") + ", ".join(PROPOSAL_CLASSES))
    p.add_argument("--year", dest="plan_year", help=tr("năm kế hoạch"))
    p.add_argument("--start", dest="start_date", help=tr("ngày bắt đầu (dd/mm/yyyy)"))
    p.add_argument("--end", dest="end_date", help=tr("ngày kết thúc (dd/mm/yyyy)"))
    p.add_argument("--priority-area", help=tr("địa bàn ưu tiên: có hoặc không"))
    for flag, dest, text in NUMBER_OPTIONS:
        p.add_argument(flag, dest=dest, help=tr(text))
    p.add_argument("--activity", action="append", help=tr("nội dung hoạt động, ví dụ KC3.3 (lặp lại được)"))
    p.add_argument("--beneficiary", action="append", help=tr("cơ sở thụ hưởng: mã số thuế hoặc id (lặp lại được)"))
    p.add_argument(
        "--budget",
        action="append",
        nargs="+",
        metavar=tr("GIÁ_TRỊ"),
        help=tr("một dòng dự toán: NỘI_DUNG KC [ĐỐI_ỨNG [KHÁC [HOẠT_ĐỘNG]]] (số tiền bằng đồng; lặp lại cho mỗi dòng)"),
    )


def _values(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {dest: getattr(args, dest) for _, dest, _ in TEXT_OPTIONS if getattr(args, dest)}
    for key in ("level", "proposal_class"):
        if getattr(args, key):
            values[key] = getattr(args, key)
    if args.plan_year is not None:
        values["plan_year"] = whole_value(args.plan_year, "plan_year")
    for key in ("start_date", "end_date"):
        if getattr(args, key):
            values[key] = parse_day(getattr(args, key), key)
    if args.priority_area is not None:
        values["priority_area"] = yes_no(args.priority_area, "priority_area")
    for _, dest, _ in NUMBER_OPTIONS:
        if getattr(args, dest) is not None:
            values[dest] = whole_value(getattr(args, dest), dest)
    return values


def budget_lines(specs: list[list[str]]) -> list[BudgetInput]:
    lines = []
    for n, spec in enumerate(specs, start=1):
        if len(spec) < 2 or len(spec) > 5:
            raise ValidationError(
                {
                    f"budget[{n}]": FieldMessage(
                        "Dòng dự toán {n}: cần NỘI_DUNG KC [ĐỐI_ỨNG [KHÁC [HOẠT_ĐỘNG]]], nhận được {count} giá trị.",
                        n=n,
                        count=len(spec),
                    )
                }
            )
        item, kc, *rest = spec
        counterpart = rest[0] if len(rest) > 0 else "0"
        other = rest[1] if len(rest) > 1 else "0"
        activity = rest[2] if len(rest) > 2 else None
        lines.append(
            BudgetInput(
                item,
                kc_amount=money_value(kc, f"budget[{n}].kc_amount") or 0,
                counterpart_amount=money_value(counterpart, f"budget[{n}].counterpart_amount") or 0,
                other_amount=money_value(other, f"budget[{n}].other_amount") or 0,
                activity_code=activity,
            )
        )
    return lines


def _beneficiaries(session: Session, refs: list[str]) -> list[str]:
    return [facilities.find_facility(session, ref).id for ref in refs]


def _render(d: dict[str, Any]) -> str:
    t = d["totals"]
    lines = [
        f"{d['code']}  {d['title']}  ({tr(d['status_label'])})",
        f"  {tr('Kinh phí')}: {money(t['total'])} = {tr('khuyến công')} {money(t['kc_amount'])} + "
        f"{tr('đối ứng')} {money(t['counterpart_amount'])} + {tr('khác')} {money(t['other_amount'])}",
    ]
    for b in d["budget"]:
        lines.append(f"  {b['line_no']}. {b['item']}: {money(b['kc_amount'])} + {money(b['counterpart_amount'])}")
    lines.append(f"  id: {d['id']}")
    return "\n".join(lines)


def cmd_add(args: argparse.Namespace) -> int:
    values = _values(args)
    budget = budget_lines(args.budget or [])
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            pid = save_proposal(
                session,
                None,
                values,
                activities=args.activity or [],
                beneficiaries=_beneficiaries(session, args.beneficiary or []),
                budget=budget,
            )
            return svc.proposal_dict(session, svc.find_proposal(session, pid))

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã thêm đề án {code}.", code=d["code"]) + "\n" + _render(d))
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    values = _values(args)
    budget = budget_lines(args.budget) if args.budget else None
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            proposal = svc.find_proposal(session, args.ref)
            now = svc.proposal_dict(session, proposal)
            kept_budget = [
                BudgetInput(**{k: b[k] for k in BudgetInput.__dataclass_fields__ if k in b}) for b in now["budget"]
            ]
            save_proposal(
                session,
                proposal.id,
                values,
                activities=args.activity if args.activity is not None else now["activities"],
                beneficiaries=(
                    _beneficiaries(session, args.beneficiary)
                    if args.beneficiary is not None
                    else [b["facility_id"] for b in now["beneficiaries"]]
                ),
                budget=budget if budget is not None else kept_budget,
            )
            return svc.proposal_dict(session, proposal)

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã lưu đề án {code}.", code=d["code"]) + "\n" + _render(d))
    return 0
