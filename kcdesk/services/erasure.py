"""Erasing a data subject's data at their request (Luật Bảo vệ dữ liệu cá nhân 91/2025),
except what another law obliges the centre to keep.

What is erased: a facility's personal fields (representative, title, phone, email, street
and village, a 12-digit personal ID used as tax code, the person's name inside the
facility's name or note), a survey's draft facility (representative, phone, the name) and
note, and the links to a survey's photos and a facility's files (the local file goes too
when no other record uses it).

What is kept, with the reason printed: a facility that received the money of a settled
proposal keeps its name, tax code and representative (the payee on accounting documents,
kept 10 years: Luật Kế toán 2015, Điều 41; Nghị định 174/2016/NĐ-CP, Điều 12); the
members of a signed acceptance record and its scans stay as signed.

The updates go through the capture triggers like any edit (audited, queued for the
server); the erasure record (kcdesk.db.models.PersonalDataErasure) names the fields and
their values after, never the values erased, and makes every other device and the server
scrub their own copies (kcdesk.db.scrub). A copy of the log lives beside the database so
that restoring an older backup cannot bring the data back (kcdesk.db.erasure_log).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db import erasure_log
from kcdesk.db.capture import LOCKED_PROPOSAL_STATUSES
from kcdesk.db.files import file_path
from kcdesk.db.models import (
    Acceptance,
    AcceptanceMember,
    Attachment,
    Facility,
    PersonalDataErasure,
    Proposal,
    ProposalBeneficiary,
    Survey,
)
from kcdesk.db.scrub import apply_erasure
from kcdesk.db.store import get_meta
from kcdesk.db.types import UTCDateTime, utcnow
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import Lazy, tr
from kcdesk.ids import new_id
from kcdesk.services.access_trail import placement_of, record_access, require_leader
from kcdesk.services.personal_data import FoundRecord, PersonQuery, PersonReport, find_person, parse_query
from kcdesk.services.setup import current_user
from kcdesk.text import fold

ERASED = "(đã xóa)"  # stands where a value is required (a name), so the record still reads
KEEP_PAYEE = (
    "Cơ sở là đơn vị thụ hưởng kinh phí của đề án {codes} đã quyết toán: giữ tên, mã số thuế và người đại diện "
    "như trên chứng từ kế toán, lưu trữ 10 năm (Luật Kế toán 2015, Điều 41; Nghị định 174/2016/NĐ-CP, Điều 12). "
    "Điện thoại, thư điện tử và địa chỉ đã xóa."
)
KEEP_SIGNED = (
    "Biên bản nghiệm thu {number} đã ký: giữ nguyên họ tên, chức vụ và bản quét như khi ký, vì biên bản là chứng "
    "từ thanh toán của đề án {code} (Luật Kế toán 2015, Điều 41; Nghị định 174/2016/NĐ-CP, Điều 12)."
)
KEEP_PAYEE_LINK = (
    "Đơn vị thụ hưởng của đề án {code} đã quyết toán: giữ như chứng từ kế toán (Luật Kế toán 2015, Điều 41)."
)
KEEP_LINK = "Chỉ là liên kết tới cơ sở trong đề án {code}, không chứa dữ liệu cá nhân riêng."
KEEP_PAYEE_FILES = (
    "Tệp của cơ sở thụ hưởng đề án đã quyết toán: giữ cùng chứng từ kế toán (Luật Kế toán 2015, Điều 41)."
)
KEEP_SIGNED_FILES = "Bản quét của biên bản nghiệm thu đã ký: giữ như khi ký."
_UTC = UTCDateTime()
# A phone number (0 or +84, then 9-10 digits, spaces or dots between) and a 12-digit ID.
_ANY_PHONE = re.compile(r"(?<![\d+])(?:\+84|0)(?:[\s.\-]*\d){9,10}(?!\d)")
_ANY_PERSONAL_ID = re.compile(r"(?<!\d)\d{12}(?!\d)")


@dataclass
class ErasureOutcome:
    erasure_id: str | None
    query: str
    reason: str
    dry_run: bool
    erased: list[dict[str, Any]] = field(default_factory=list)  # table, id, label, fields
    kept: list[dict[str, Any]] = field(default_factory=list)  # table, id, label, why (Vietnamese)
    reasons: list[Lazy] = field(default_factory=list)  # the kept records' reasons, in any language

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("reasons")
        return data


def erase_person(
    session: Session, raw: str, reason: str, *, files_dir: Path | None, db_path: Path | None, dry_run: bool = False
) -> ErasureOutcome:
    """Erase what may be erased of the person found by `raw`; keep (and say why) the rest.
    With `dry_run`, nothing changes: the outcome says what would be done."""
    require_leader(session, "xóa dữ liệu cá nhân")
    if not (reason or "").strip():
        raise ValidationError(
            {"reason": FieldMessage("Hãy ghi lý do xóa (ví dụ: yêu cầu của chủ thể dữ liệu ngày 05/12/2026).")},
            labels={"reason": "Lý do"},
        )
    query = parse_query(raw)
    report = find_person(session, raw)
    outcome = ErasureOutcome(None, query.text, _reason_without_person(reason.strip(), query, report), dry_run)
    targets = _plan(session, query, report, outcome)
    if dry_run or not targets:
        return outcome
    apply_erasure(session, targets)
    for target in targets:
        if target["table"] == "attachment" and files_dir is not None:
            _remove_unused_file(session, files_dir, str(target["sha256"]))
    user = current_user(session)
    places = {placement_of(session, str(t["table"]), str(t["row_id"])) for t in targets}
    provinces = {p for p, _ in places if p}
    wards = {w for _, w in places}
    entry = PersonalDataErasure(
        id=new_id(),
        province_code=min(provinces) if provinces else get_meta(session, "province_code") or "",
        ward_code=wards.pop() if len(wards) == 1 else None,
        erased_at=utcnow(),
        erased_by=user.id if user else None,
        erased_by_name=user.full_name if user else None,
        reason=outcome.reason,
        targets=json.dumps([_public(t) for t in targets], ensure_ascii=False),
        kept=json.dumps([{f: v for f, v in kept.items() if f != "label"} for kept in outcome.kept], ensure_ascii=False),
    )
    session.add(entry)
    session.flush()
    outcome.erasure_id = entry.id
    for t in targets:
        record_access(session, "erase", str(t["table"]), str(t["row_id"]))
    if db_path is not None:
        erasure_log.append(db_path, erasure_log.entry_of(entry.id, entry.erased_at.isoformat(), entry.reason, targets))
    return outcome


def _reason_without_person(reason: str, q: PersonQuery, report: PersonReport) -> str:
    """The reason as typed, less the person's name and numbers: it is kept and synced with
    the erasure record, which must not hold the data it erased ("Đơn của ông ... ")."""
    out = _without(reason, _mentions(q, None)) or ""
    for r in report.of("facility") + report.of("survey"):
        values = r.values
        who = values.get("representative") or values.get("draft_facility.representative")
        phone = values.get("phone") or values.get("draft_facility.phone")
        tax = values.get("tax_code")
        out = _without(out, _mentions(q, who, phone, tax if _personal_id(tax) else None)) or ""
    return out


def _public(target: dict[str, Any]) -> dict[str, Any]:
    return {"table": target["table"], "row_id": target["row_id"], "fields": target["fields"]}


def _plan(session: Session, q: PersonQuery, report: PersonReport, outcome: ErasureOutcome) -> list[dict[str, Any]]:
    targets: list[dict[str, Any]] = []
    payees = _settled_payees(session, [r.id for r in report.of("facility")])
    kept_facilities: set[str] = set()
    for r in report.of("facility"):
        f = session.get(Facility, r.id)
        assert f is not None
        mentions = _mentions(q, f.representative, f.phone, f.tax_code if _personal_id(f.tax_code) else None)
        after: dict[str, Any] = {}
        erasable = ["representative_title", "phone", "email", "street", "village"]
        if r.id in payees:
            kept_facilities.add(r.id)
            _kept(outcome, r, _lazy(KEEP_PAYEE, codes=", ".join(payees[r.id])))
        else:
            erasable.append("representative")
            if _personal_id(f.tax_code):
                erasable.append("tax_code")
            new_name = _without(f.name, mentions)
            if new_name != f.name:
                after["name"] = new_name
        after |= {k: None for k in erasable if getattr(f, k) is not None}
        new_note = _without(f.note, mentions)
        if new_note != f.note:
            after["note"] = new_note
        _target(targets, outcome, r, after)
    for r in report.of("survey"):
        s = session.get(Survey, r.id)
        assert s is not None
        draft = json.loads(s.draft_facility) if s.draft_facility else {}
        mentions = _mentions(q, draft.get("representative"), draft.get("phone"))
        after = {}
        if draft:
            anonymous = {**draft, "representative": None, "phone": None, "name": _without(draft.get("name"), mentions)}
            if anonymous != draft:
                after["draft_facility"] = json.dumps(anonymous, ensure_ascii=False)
        new_note = _without(s.note, mentions)
        if new_note != s.note:
            after["note"] = new_note
        _target(targets, outcome, r, after)
    for r in report.of("proposal_beneficiary"):
        settled = r.parent.get("status") in LOCKED_PROPOSAL_STATUSES
        why = KEEP_PAYEE_LINK if settled else KEEP_LINK
        _kept(outcome, r, _lazy(why, code=r.parent.get("code")))
    for r in report.of("acceptance_member"):
        if r.parent.get("signed"):
            _kept(outcome, r, _signed_reason(r))
            continue
        member = session.get(AcceptanceMember, r.id)
        assert member is not None
        after = {"full_name": ERASED} | {k: None for k in ("position", "organisation") if getattr(member, k)}
        _target(targets, outcome, r, after)
    now = _UTC.process_bind_param(utcnow(), session.get_bind().dialect)  # the stored text form
    for r in report.of("attachment"):
        owner_table, owner_id = r.parent["owner_table"], r.parent["owner_id"]
        if owner_table == "facility" and owner_id in kept_facilities:
            _kept(outcome, r, _lazy(KEEP_PAYEE_FILES))
            continue
        if owner_table == "acceptance" and _signed(session, owner_id):
            _kept(outcome, r, _lazy(KEEP_SIGNED_FILES))
            continue
        _target(targets, outcome, r, {"deleted_at": now, "caption": None, "filename": ERASED})
        targets[-1]["sha256"] = r.parent["sha256"]
    return targets


def _target(targets: list[dict[str, Any]], outcome: ErasureOutcome, r: FoundRecord, after: dict[str, Any]) -> None:
    if not after:
        return
    targets.append({"table": r.table, "row_id": r.id, "fields": after})
    outcome.erased.append({"table": r.table, "id": r.id, "label": r.label, "fields": sorted(after)})


def _kept(outcome: ErasureOutcome, r: FoundRecord, why: Lazy) -> None:
    outcome.kept.append({"table": r.table, "id": r.id, "label": r.label, "why": why.text("vi")})
    outcome.reasons.append(why)


def _personal_id(tax_code: str | None) -> bool:
    """A 12-digit tax code is the owner's personal identification number (since 1/7/2025)."""
    return bool(tax_code and re.fullmatch(r"\d{12}", tax_code))


def _lazy(message: str, **params: Any) -> Lazy:
    return Lazy(lambda lang: tr(message, lang, **params))


def _signed_reason(r: FoundRecord) -> Lazy:
    return _lazy(KEEP_SIGNED, number=r.parent.get("number") or "", code=r.parent.get("proposal_code") or "")


def _signed(session: Session, acceptance_id: str) -> bool:
    acceptance = session.get(Acceptance, acceptance_id)
    return bool(acceptance and acceptance.signed_at)


def _settled_payees(session: Session, facility_ids: list[str]) -> dict[str, list[str]]:
    """Facility id -> codes of the settled proposals it received money from."""
    if not facility_ids:
        return {}
    rows = session.execute(
        select(ProposalBeneficiary.facility_id, Proposal.code)
        .join(Proposal, Proposal.id == ProposalBeneficiary.proposal_id)
        .where(
            ProposalBeneficiary.facility_id.in_(facility_ids),
            ProposalBeneficiary.deleted_at.is_(None),
            Proposal.status.in_(LOCKED_PROPOSAL_STATUSES),
        )
        .order_by(Proposal.code)
    )
    out: dict[str, list[str]] = {}
    for fid, code in rows:
        out.setdefault(fid, []).append(code)
    return out


@dataclass(frozen=True)
class Mentions:
    """How the person may be written in a record's free text: their name as asked for and as
    stored, their phone and ID numbers as asked for and as stored (digits, any separators)."""

    names: tuple[str, ...]
    numbers: tuple[str, ...]
    # The record is the person's own (they are its representative): any phone number or
    # 12-digit personal ID in its free text is taken to be theirs (an old number, say).
    own: bool = False


def _mentions(q: PersonQuery, representative: str | None, *numbers: str | None) -> Mentions:
    names = [q.text] if q.kind == "name" else []
    if representative and (q.kind != "name" or fold(representative) == q.key):
        names.append(representative)
    digits = [q.key] if q.kind != "name" else []
    for n in numbers:
        compact = re.sub(r"\D", "", n or "")
        if len(compact) >= 9 and (len(compact) != 10 or compact.startswith("0")):  # a phone or a personal ID
            digits.append(compact)
    own = bool(representative) and (q.kind != "name" or fold(representative or "") == q.key)
    return Mentions(tuple(names), tuple(dict.fromkeys(digits)), own)


def _without(value: str | None, m: Mentions) -> str | None:
    """`value` with every mention of the person replaced by ERASED: their name in any
    spelling (compared folded, letter by letter), and their phone or ID numbers."""
    if not value:
        return value
    out = value
    for name in m.names:
        out = _replace_folded(out, name)
    for digits in m.numbers:
        body = digits[1:] if digits.startswith("0") else digits  # a phone may be written +84 …
        prefix = r"(?:\+?84|0)" if digits.startswith("0") else ""
        out = re.sub(r"(?<!\d)" + prefix + r"[\s.\-()]*" + r"[\s.\-()]*".join(body) + r"(?!\d)", ERASED, out)
    if m.own:
        out = _ANY_PHONE.sub(ERASED, out)
        out = _ANY_PERSONAL_ID.sub(ERASED, out)
    return out


def _replace_folded(value: str, name: str) -> str:
    key = fold(name)
    if not key:
        return value
    folded = "".join((fold(ch) or ch)[:1] if ch.strip() else " " for ch in value).lower()
    start = folded.find(key)
    while start >= 0:
        value = value[:start] + ERASED + value[start + len(key) :]
        folded = folded[:start] + "\0" * len(ERASED) + folded[start + len(key) :]
        start = folded.find(key)
    return value


def _remove_unused_file(session: Session, files_dir: Path, sha256: str) -> None:
    """The file itself, once no live record on this laptop links to it."""
    used = session.execute(
        select(func.count()).where(Attachment.sha256 == sha256, Attachment.deleted_at.is_(None))
    ).scalar_one()
    if not used:
        file_path(files_dir, sha256).unlink(missing_ok=True)
