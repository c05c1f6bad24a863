"""`kcdesk survey add|edit|send|show|list`: field surveys, as a collaborator files them.

A draft may hold almost nothing; `--send` (or `send`) checks what a sent survey needs
(the facility, the commune, at least one need) and then it is no longer editable.
Needs: --need "KC3.3|ưu tiên 1-3|mô tả", repeated. Photos: --photo FILE, repeated.
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.cmd_facility import resolve_ward
from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.cli.values import decimal_value, parse_day, whole_value
from kcdesk.db.store import get_meta
from kcdesk.domain.vnformat import day
from kcdesk.domain.vocab import SURVEY_STATUSES
from kcdesk.i18n import tr
from kcdesk.services import facilities
from kcdesk.services import surveys as svc
from kcdesk.services.setup import current_user


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("survey", parents=[common], help=tr("phiếu khảo sát cơ sở"))
    ssub = p.add_subparsers(dest="survey_command", metavar=tr("LỆNH"), required=True)
    add = ssub.add_parser("add", parents=[common], help=tr("lập phiếu khảo sát (bản nháp, hoặc gửi ngay với --send)"))
    _fields(add)
    add.set_defaults(handler=cmd_add)
    edit = ssub.add_parser("edit", parents=[common], help=tr("sửa phiếu khảo sát còn là bản nháp"))
    edit.add_argument("survey", help=tr("id của phiếu"))
    _fields(edit)
    edit.set_defaults(handler=cmd_edit)
    send = ssub.add_parser("send", parents=[common], help=tr("gửi phiếu khảo sát bản nháp"))
    send.add_argument("survey", help=tr("id của phiếu"))
    add_json_option(send)
    send.set_defaults(handler=cmd_send)
    show = ssub.add_parser("show", parents=[common], help=tr("xem phiếu khảo sát"))
    show.add_argument("survey", help=tr("id của phiếu"))
    add_json_option(show)
    show.set_defaults(handler=cmd_show)
    lst = ssub.add_parser("list", parents=[common], help=tr("liệt kê phiếu khảo sát"))
    lst.add_argument("--status", choices=list(SURVEY_STATUSES))
    lst.add_argument("--limit", type=int, default=100)
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)


def _fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", dest="on", help=tr("ngày khảo sát (dd/mm/yyyy; mặc định hôm nay)"))
    p.add_argument("--facility", help=tr("cơ sở có sẵn: mã số thuế hoặc id"))
    p.add_argument("--new-name", help=tr("tên cơ sở mới (chưa có trong sổ)"))
    p.add_argument("--new-type", help=tr("loại hình cơ sở mới"))
    p.add_argument("--new-representative", help=tr("người đại diện cơ sở mới"))
    p.add_argument("--new-phone", help=tr("điện thoại cơ sở mới"))
    p.add_argument("--ward", help=tr("mã hoặc tên xã/phường/đặc khu"))
    p.add_argument("--lat", help=tr("vĩ độ"))
    p.add_argument("--lon", help=tr("kinh độ"))
    p.add_argument("--note", help=tr("ghi chú"))
    p.add_argument(
        "--informed-on", help=tr("ngày đã thông báo xử lý dữ liệu cá nhân cho người được khảo sát (dd/mm/yyyy)")
    )
    p.add_argument("--informed-by", help=tr("người đã thông báo (họ tên cán bộ)"))
    p.add_argument("--need", action="append", help=tr('nhu cầu hỗ trợ: "KC3.3|ưu tiên 1-3|mô tả" (lặp lại được)'))
    p.add_argument("--photo", action="append", type=Path, help=tr("ảnh chụp (lặp lại được)"))
    p.add_argument("--send", action="store_true", help=tr("gửi phiếu ngay"))
    add_json_option(p)


def _needs(specs: list[str]) -> tuple[svc.NeedInput, ...]:
    needs = []
    for n, spec in enumerate(specs, start=1):
        code, *rest = [x.strip() for x in spec.split("|")]
        priority = whole_value(rest[0], f"needs[{n}].priority") if rest and rest[0] else 2
        needs.append(svc.NeedInput(code, priority or 2, rest[1] if len(rest) > 1 else ""))
    return tuple(needs)


def _merge(session: Session, args: argparse.Namespace, base: svc.SurveyInput | None) -> svc.SurveyInput:
    changes: dict[str, Any] = {}
    if args.on is not None or base is None:
        changes["survey_date"] = parse_day(args.on, "survey_date") or date.today()
    if args.facility is not None:
        changes["facility_id"] = facilities.find_facility(session, args.facility).id
        changes["new_facility"] = None
    new_parts = (args.new_name, args.new_type, args.new_representative, args.new_phone)
    if any(v is not None for v in new_parts):
        old = (base.new_facility if base else None) or svc.NewFacilityInput("")
        changes["new_facility"] = svc.NewFacilityInput(
            args.new_name if args.new_name is not None else old.name,
            args.new_type if args.new_type is not None else old.facility_type,
            args.new_representative if args.new_representative is not None else old.representative,
            args.new_phone if args.new_phone is not None else old.phone,
        )
        changes["facility_id"] = None
    if args.ward is not None:
        changes["ward_code"] = resolve_ward(session, get_meta(session, "province_code") or "", args.ward)
    for key, text in (("latitude", args.lat), ("longitude", args.lon)):
        if text is not None:
            value = decimal_value(text, "coordinates")
            changes[key] = float(value) if value is not None else None
    if args.note is not None:
        changes["note"] = args.note
    if args.informed_on is not None:
        changes["informed_on"] = parse_day(args.informed_on, "informed_on")
    if args.informed_by is not None:
        changes["informed_by"] = args.informed_by or None
    if args.need is not None:
        changes["needs"] = _needs(args.need)
    if base is None:
        return svc.SurveyInput(**changes)
    return dataclasses.replace(base, **changes)


def _save(args: argparse.Namespace, survey_id: str | None, send: bool) -> int:
    photos = [svc.PhotoInput(path) for path in getattr(args, "photo", None) or []]
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            base = svc.survey_input(session, survey_id) if survey_id else None
            data = _merge(session, args, base) if hasattr(args, "need") else base
            assert data is not None
            user = current_user(session)
            sid = svc.save_survey(
                session,
                store.files_dir,
                data,
                survey_id=survey_id,
                surveyor_id=user.id if user else None,
                send=send,
                photos=photos,
            )
            return svc.survey_dict(session, sid)

        result = store.write(write)
    emit(args, result, _render)
    return 0


def _render(d: dict[str, Any]) -> str:
    name = (d["new_facility"] or {}).get("name") if not d["facility_id"] else d["facility_id"]
    needs = ", ".join(n["activity_code"] for n in d["needs"]) or "-"
    status = tr(SURVEY_STATUSES.get(d["status"], d["status"]))
    return f"{day(d['survey_date'])}  {status:<12} {name or '-'}  {tr('Nhu cầu')}: {needs}  [{d['id']}]"


def cmd_add(args: argparse.Namespace) -> int:
    return _save(args, None, args.send)


def cmd_edit(args: argparse.Namespace) -> int:
    return _save(args, args.survey, args.send)


def cmd_send(args: argparse.Namespace) -> int:
    return _save(args, args.survey, True)


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        data = svc.survey_dict(session, args.survey)
    emit(args, data, _render)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store, store.read() as session:
        rows = svc.list_surveys(session, status=args.status, limit=args.limit)
    emit(args, rows, lambda rs: "\n".join(_render(r) for r in rs) or tr("Chưa có phiếu khảo sát nào."))
    return 0
