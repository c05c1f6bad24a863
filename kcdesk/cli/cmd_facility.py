"""`kcdesk facility add|edit|delete|show|list`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import parse_day
from kcdesk.db.store import get_meta
from kcdesk.db.units import current_wards
from kcdesk.domain.validation import FACILITY_LABELS
from kcdesk.domain.vnformat import day, group, money
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr
from kcdesk.services import facilities as svc
from kcdesk.services.evaluations import evaluations_of_facility
from kcdesk.text import fold

ADD_OPTIONS = (
    ("--name", "name", "tên cơ sở"),
    ("--type", "facility_type", "loại hình: " + ", ".join(FACILITY_TYPES)),
    ("--tax-code", "tax_code", "mã số thuế"),
    ("--representative", "representative", "người đại diện"),
    ("--phone", "phone", "điện thoại"),
    ("--email", "email", "thư điện tử"),
    ("--province", "province_code", "mã tỉnh/thành phố (mặc định: tỉnh của cơ sở dữ liệu)"),
    ("--ward", "ward_code", "mã hoặc tên xã/phường/đặc khu"),
    ("--village", "village", "thôn/tổ dân phố"),
    ("--street", "street", "số nhà, đường"),
    ("--sector", "sector_code", "ngành nghề A-G (Điều 5 NĐ 45/2012)"),
    ("--products", "main_products", "sản phẩm chính"),
    ("--labour", "labour_total", "số lao động"),
    ("--revenue", "revenue_prev_year", "doanh thu năm trước (đồng)"),
    ("--lat", "latitude", "vĩ độ"),
    ("--lon", "longitude", "kinh độ"),
    ("--informed-on", "informed_on", "ngày đã thông báo xử lý dữ liệu cá nhân cho người đại diện (dd/mm/yyyy)"),
    ("--informed-by", "informed_by", "người đã thông báo (họ tên cán bộ)"),
)

EDIT_ONLY_OPTIONS = (
    ("--status", "status", "tình trạng: active (đang hoạt động), suspended (tạm ngừng), closed (đã chấm dứt)"),
    ("--legacy-address", "legacy_address", "địa chỉ cũ (trước 01/7/2025)"),
    ("--representative-title", "representative_title", "chức vụ người đại diện"),
    ("--note", "note", "ghi chú"),
)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("facility", parents=[common], help=tr("sổ cơ sở CNNT"))
    fsub = p.add_subparsers(dest="facility_command", metavar=tr("LỆNH"), required=True)
    add = fsub.add_parser("add", parents=[common], help=tr("thêm cơ sở"))
    for flag, dest, text in ADD_OPTIONS:
        add.add_argument(flag, dest=dest, help=tr(text))
    add_json_option(add)
    add.set_defaults(handler=cmd_add)
    edit = fsub.add_parser("edit", parents=[common], help=tr("sửa thông tin cơ sở (chỉ các trường được ghi)"))
    edit.add_argument("ref", help=tr("mã cơ sở (id) hoặc mã số thuế"))
    for flag, dest, text in (*ADD_OPTIONS, *EDIT_ONLY_OPTIONS):
        edit.add_argument(flag, dest=dest, help=tr(text))
    add_json_option(edit)
    edit.set_defaults(handler=cmd_edit)
    delete = fsub.add_parser("delete", parents=[common], help=tr("xóa cơ sở khỏi sổ (giữ lại trong lịch sử)"))
    delete.add_argument("ref", help=tr("mã cơ sở (id) hoặc mã số thuế"))
    add_json_option(delete)
    delete.set_defaults(handler=cmd_delete)
    show = fsub.add_parser("show", parents=[common], help=tr("xem một cơ sở (theo mã hoặc mã số thuế)"))
    show.add_argument("ref", help=tr("mã cơ sở (id) hoặc mã số thuế"))
    show.add_argument("--history", action="store_true", help=tr("kèm lịch sử thay đổi"))
    add_json_option(show)
    show.set_defaults(handler=cmd_show)
    lst = fsub.add_parser("list", parents=[common], help=tr("liệt kê cơ sở"))
    lst.add_argument("--ward", help=tr("mã xã/phường"))
    lst.add_argument("--type", dest="facility_type", choices=list(FACILITY_TYPES))
    lst.add_argument("--sector")
    lst.add_argument("--status", choices=list(FACILITY_STATUSES))
    lst.add_argument(
        "--uninformed", action="store_true", help=tr("chỉ các cơ sở chưa ghi việc thông báo xử lý dữ liệu cá nhân")
    )
    lst.add_argument("--limit", type=int, default=50)
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)


def resolve_ward(session: Session, province: str, text: str | None) -> str | None:
    """A ward given by code or by (tone-less, any case) name, within the province."""
    if not text or text.isdigit():
        return text
    wards = current_wards(session, province)
    wanted = fold(text)
    exact = [w for w in wards if fold(w.full_name) == wanted or fold(w.name) == wanted]
    if len(exact) == 1:
        return exact[0].code
    if not exact:
        raise ValidationError(
            {
                "ward_code": FieldMessage(
                    "Không có xã/phường '{value}' trong tỉnh này. Hãy dùng mã (kcdesk facility list) hoặc tên đầy đủ.",
                    value=text,
                )
            }
        )
    raise ValidationError(
        {
            "ward_code": FieldMessage(
                "Có nhiều đơn vị tên '{value}': {codes}. Hãy dùng mã.",
                value=text,
                codes=", ".join(w.code for w in exact),
            )
        }
    )


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """The notice date as typed (dd/mm/yyyy) read into a date; an empty value clears it."""
    if values.get("informed_on"):
        values["informed_on"] = parse_day(values["informed_on"], "informed_on")
    return values


def cmd_add(args: argparse.Namespace) -> int:
    values = _typed({dest: getattr(args, dest) for _, dest, _ in ADD_OPTIONS if getattr(args, dest) is not None})
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            values.setdefault("province_code", get_meta(session, "province_code"))
            values["ward_code"] = resolve_ward(session, values["province_code"] or "", values.get("ward_code"))
            facility_id = svc.create_facility(session, values)
            return svc.facility_dict(session, svc.find_facility(session, facility_id))

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã thêm cơ sở {name} (mã {id}).", name=d["name"], id=d["id"]))
    return 0


def _render_facility(d: dict[str, Any]) -> str:
    lines = [
        d["name"],
        f"  {tr('Loại hình')}: {FACILITY_TYPES.get(d['facility_type'], d['facility_type'])}",
        f"  {tr('Mã số thuế')}: {d['tax_code'] or '-'}",
        f"  {tr('Người đại diện')}: {d['representative'] or '-'}   {tr('Điện thoại')}: {d['phone'] or '-'}",
        f"  {tr('Địa chỉ')}: "
        + ", ".join(x for x in (d["street"], d["village"], d["ward_name"], d["province_name"]) if x),
    ]
    if d.get("legacy_address"):
        lines.append(f"  {tr('Địa chỉ cũ (trước 01/7/2025)')}: {d['legacy_address']}")
    if d.get("informed_on"):
        informed = day(date.fromisoformat(d["informed_on"]))
        lines.append(f"  {tr('Đã thông báo xử lý dữ liệu cá nhân')}: {informed} ({d.get('informed_by') or '-'})")
    else:
        lines.append(f"  {tr('Chưa ghi việc thông báo xử lý dữ liệu cá nhân')}")
    if d.get("labour_total") is not None:
        lines.append(f"  {tr('Số lao động')}: {group(d['labour_total'])}")
    lines.append(f"  id: {d['id']}")
    for e in d.get("evaluations", []):
        lines.append(
            "  "
            + tr(
                "Đánh giá sau hỗ trợ {on} ({code}): doanh thu {before} → {after}",
                on=day(e["evaluated_on"]),
                code=e["proposal_code"],
                before=money(e["revenue_before"]) or "-",
                after=money(e["revenue_after"]) or "-",
            )
        )
    for h in d.get("history", []):
        lines.append(
            f"  {h['at'][:19]} {h['op']}: "
            + ", ".join(f"{k}: {h['before'].get(k)} → {v}" for k, v in h["after"].items())
        )
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        facility = svc.find_facility(session, args.ref)
        data = svc.facility_dict(session, facility)
        data["evaluations"] = evaluations_of_facility(session, facility.id)
        if args.history:
            data["history"] = svc.history(session, "facility", facility.id)
    emit(args, data, _render_facility)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    flt = svc.FacilityFilter(
        ward_code=args.ward,
        facility_type=args.facility_type,
        sector_code=args.sector,
        status=args.status,
        uninformed=args.uninformed,
    )
    with open_store(args) as store, store.read() as session:
        rows = svc.list_facilities(session, flt, limit=args.limit)
        total = svc.count_facilities(session, flt)
    data = {"total": total, "items": rows}

    def render(d: dict[str, Any]) -> str:
        lines = [
            f"{r['name']}  |  {r['tax_code'] or '-'}  |  {FACILITY_TYPES.get(r['facility_type'], '')}  |  {r['id']}"
            for r in d["items"]
        ]
        lines.append(tr("({shown}/{total} cơ sở)", shown=len(d["items"]), total=group(d["total"])))
        return "\n".join(lines)

    emit(args, data, render)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    """Only the fields given change; an empty value ("") clears a field."""
    options = (*ADD_OPTIONS, *EDIT_ONLY_OPTIONS)
    changes = _typed({dest: getattr(args, dest) for _, dest, _ in options if getattr(args, dest) is not None})
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            facility = svc.find_facility(session, args.ref)
            if changes.get("ward_code"):
                province = changes.get("province_code") or facility.province_code or ""
                changes["ward_code"] = resolve_ward(session, province, changes["ward_code"])
            changed = svc.update_facility(session, facility.id, changes)
            return svc.facility_dict(session, facility) | {"changed": sorted(changed)}

        data = store.write(write)

    def render(d: dict[str, Any]) -> str:
        if not d["changed"]:
            return tr("Không có gì thay đổi ở cơ sở {name}.", name=d["name"])
        fields = ", ".join(tr(FACILITY_LABELS.get(f, f)) for f in d["changed"])
        return tr("Đã sửa cơ sở {name}: {fields}.", name=d["name"], fields=fields)

    emit(args, data, render)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            facility = svc.find_facility(session, args.ref)
            svc.delete_facility(session, facility.id)
            return {"id": facility.id, "name": facility.name, "deleted": True}

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã xóa cơ sở {name} khỏi sổ (mã {id}).", name=d["name"], id=d["id"]))
    return 0
