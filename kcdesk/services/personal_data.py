"""A data subject's records (Luật Bảo vệ dữ liệu cá nhân 91/2025, the right to know and
to access): every record of this database that holds a person's data, found by name,
phone number or ID number.

- A name is compared folded, as search folds it (tone marks, đ, case, spaces): the
  representative of a facility and a member of an acceptance record must be that name;
  a facility's own name, a survey's draft facility and notes need only contain it.
- A phone number is compared by its digits (0905 123 456, +84 905123456 are one number).
- An ID number is 9 digits (old identity card) or 12 (citizen identity card, also the tax
  code of a household business since 1 July 2025).

Beneficiaries of proposals are found through the facilities found; attachments through
every record found. The report holds the values it found, so it is itself personal data:
reading it is recorded in the access trail by the caller (kcdesk.services.access_trail).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    Acceptance,
    AcceptanceMember,
    Attachment,
    Facility,
    Proposal,
    ProposalBeneficiary,
    Survey,
)
from kcdesk.db.types import utcnow
from kcdesk.domain.validation import normalize_phone
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.services.search import matching_facility_ids
from kcdesk.text import fold

# The personal fields of each kind of record, shown in the report and erased on request.
FACILITY_PERSONAL = ("representative", "representative_title", "phone", "email", "village", "street", "tax_code")
DRAFT_PERSONAL = ("name", "representative", "phone")
_PHONE_CHARS = re.compile(r"[\s.\-()]")


@dataclass(frozen=True)
class PersonQuery:
    """What was asked for: the text as typed, its kind and the form it is compared in."""

    text: str
    kind: str  # name | phone | id
    key: str  # folded name, or digits

    def matches_value(self, value: Any) -> bool:
        """A field that must BE the person's value (a representative, a phone, a tax code)."""
        if value in (None, ""):
            return False
        if self.kind == "name":
            return fold(str(value)) == self.key
        if self.kind == "phone":
            return normalize_phone(str(value)) == self.key
        return re.sub(r"\D", "", str(value)) == self.key

    def found_in(self, value: Any) -> bool:
        """A free text (a note, a facility's name) that mentions the person."""
        if value in (None, ""):
            return False
        if self.kind == "name":
            return f" {self.key} " in f" {fold(str(value))} "
        return self.key in _PHONE_CHARS.sub("", str(value))


def parse_query(raw: str) -> PersonQuery:
    """The kind of a query from its shape: digits only are a phone (10-11 digits, or with
    +84) or an ID number (9 or 12 digits); anything with letters is a name."""
    typed = (raw or "").strip()
    compact = _PHONE_CHARS.sub("", typed)
    if compact.startswith("+84") or (compact.isdigit() and len(compact) in (10, 11)):
        return PersonQuery(typed, "phone", normalize_phone(compact))
    if compact.isdigit() and len(compact) in (9, 12):
        return PersonQuery(typed, "id", compact)
    name = fold(typed)
    if len(name.split()) < 2 or any(ch.isdigit() for ch in name):
        raise ValidationError(
            {
                "query": FieldMessage(
                    "'{value}' không phải họ tên, số điện thoại hay số định danh. Hãy ghi đủ họ và tên "
                    "(ví dụ Nguyễn Văn Ba), số điện thoại 10 chữ số, hoặc số CCCD 12 chữ số / CMND 9 chữ số.",
                    value=typed,
                )
            },
            labels={"query": "Người cần tìm"},
        )
    return PersonQuery(typed, "name", name)


@dataclass
class FoundRecord:
    """One record holding the person's data: which, where, and the values it holds."""

    table: str
    id: str
    label: str
    matched: list[str]  # the fields where the person was found
    values: dict[str, Any]  # the personal values the record holds (shown to the person)
    ward_code: str | None = None
    deleted: bool = False
    parent: dict[str, Any] = field(default_factory=dict)  # e.g. the proposal or the acceptance


@dataclass
class PersonReport:
    query: str
    kind: str
    generated_at: str
    records: list[FoundRecord]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def of(self, table: str) -> list[FoundRecord]:
        return [r for r in self.records if r.table == table]


def find_person(session: Session, raw: str) -> PersonReport:
    """Every record that holds the person's data, facilities first."""
    q = parse_query(raw)
    records: list[FoundRecord] = []
    facilities = _facilities(session, q)
    records += facilities
    records += _surveys(session, q)
    records += _beneficiaries(session, [r.id for r in facilities])
    records += _members(session, q)
    owners = [(r.table, r.id) for r in records if r.table in ("facility", "survey", "acceptance_member")]
    records += _attachments(session, owners)
    return PersonReport(q.text, q.kind, utcnow().isoformat(), records)


def _facility_candidates(session: Session, q: PersonQuery) -> Iterable[Facility]:
    if q.kind == "phone":
        # Phones are stored canonical (normalize_phone), so equality is enough.
        return session.scalars(select(Facility).where(Facility.phone == q.key))
    if q.kind == "id":
        return session.scalars(
            select(Facility).where(or_(Facility.tax_code == q.key, Facility.business_reg_no == q.key))
        )
    ids = matching_facility_ids(session, q.text) or []
    live: list[Facility] = []
    for start in range(0, len(ids), 500):
        live += session.scalars(select(Facility).where(Facility.id.in_(ids[start : start + 500]))).all()
    # Deleted facilities are not in the search index, but still hold the data.
    gone = session.scalars(select(Facility).where(Facility.deleted_at.is_not(None))).all()
    return [*live, *gone]


def _facilities(session: Session, q: PersonQuery) -> list[FoundRecord]:
    found = []
    for f in _facility_candidates(session, q):
        exact = ("representative", "phone", "tax_code", "business_reg_no")
        matched = [k for k in exact if q.matches_value(getattr(f, k))]
        matched += [k for k in ("name", "note") if q.found_in(getattr(f, k))]
        if not matched:
            continue
        values = {k: getattr(f, k) for k in (*FACILITY_PERSONAL, "name", "business_reg_no") if getattr(f, k)}
        found.append(
            FoundRecord(
                "facility",
                f.id,
                f"{f.name}" + (f" ({f.tax_code})" if f.tax_code else ""),
                matched,
                values,
                f.ward_code,
                f.deleted_at is not None,
            )
        )
    return found


def _surveys(session: Session, q: PersonQuery) -> list[FoundRecord]:
    found = []
    rows = session.scalars(select(Survey).where(or_(Survey.draft_facility.is_not(None), Survey.note.is_not(None))))
    for s in rows:
        draft = _json(s.draft_facility)
        matched = [f"draft_facility.{k}" for k in ("representative", "phone") if q.matches_value(draft.get(k))]
        matched += ["draft_facility.name"] if q.found_in(draft.get("name")) else []
        matched += ["note"] if q.found_in(s.note) else []
        if not matched:
            continue
        values = {f"draft_facility.{k}": draft[k] for k in DRAFT_PERSONAL if draft.get(k)}
        if s.note:
            values["note"] = s.note
        label = f"Phiếu khảo sát ngày {s.survey_date:%d/%m/%Y}" + (f": {draft['name']}" if draft.get("name") else "")
        found.append(
            FoundRecord(
                "survey", s.id, label, matched, values, s.ward_code, s.deleted_at is not None, {"status": s.status}
            )
        )
    return found


def _beneficiaries(session: Session, facility_ids: list[str]) -> list[FoundRecord]:
    if not facility_ids:
        return []
    rows = session.execute(
        select(ProposalBeneficiary, Proposal)
        .join(Proposal, Proposal.id == ProposalBeneficiary.proposal_id)
        .where(ProposalBeneficiary.facility_id.in_(facility_ids), ProposalBeneficiary.deleted_at.is_(None))
        .order_by(Proposal.code)
    )
    return [
        FoundRecord(
            "proposal_beneficiary",
            b.id,
            f"Đơn vị thụ hưởng đề án {p.code}",
            ["facility_id"],
            {"facility_id": b.facility_id, **({"note": b.note} if b.note else {})},
            p.ward_code,
            parent={"proposal_id": p.id, "code": p.code, "title": p.title, "status": p.status},
        )
        for b, p in rows
    ]


def _members(session: Session, q: PersonQuery) -> list[FoundRecord]:
    if q.kind != "name":  # members are recorded by name only
        return []
    found = []
    rows = session.execute(
        select(AcceptanceMember, Acceptance, Proposal)
        .join(Acceptance, Acceptance.id == AcceptanceMember.acceptance_id)
        .join(Proposal, Proposal.id == Acceptance.proposal_id)
        .where(AcceptanceMember.deleted_at.is_(None))
    )
    for m, a, p in rows:
        if not q.matches_value(m.full_name):
            continue
        values = {k: getattr(m, k) for k in ("full_name", "position", "organisation") if getattr(m, k)}
        found.append(
            FoundRecord(
                "acceptance_member",
                m.id,
                f"Thành viên biên bản nghiệm thu {a.number or ''} (đề án {p.code})".replace("  ", " "),
                ["full_name"],
                values,
                p.ward_code,
                parent={
                    "acceptance_id": a.id,
                    "number": a.number,
                    "signed": a.signed_at is not None,
                    "proposal_code": p.code,
                },
            )
        )
    return found


def _attachments(session: Session, owners: list[tuple[str, str]]) -> list[FoundRecord]:
    found = []
    by_table: dict[str, list[str]] = {}
    for table, row_id in owners:
        if table == "acceptance_member":  # a member's data is in its acceptance record's scans
            member = session.get(AcceptanceMember, row_id)
            table, row_id = "acceptance", member.acceptance_id if member else ""
        by_table.setdefault(table, []).append(row_id)
    for table, ids in by_table.items():
        rows = session.scalars(
            select(Attachment)
            .where(Attachment.owner_table == table, Attachment.owner_id.in_(ids), Attachment.deleted_at.is_(None))
            .order_by(Attachment.filename)
        )
        for a in rows:
            values = {"filename": a.filename, **({"caption": a.caption} if a.caption else {})}
            found.append(
                FoundRecord(
                    "attachment",
                    a.id,
                    f"Tệp {a.filename}",
                    ["owner"],
                    values,
                    parent={"owner_table": a.owner_table, "owner_id": a.owner_id, "sha256": a.sha256},
                )
            )
    return found


def _json(value: str | None) -> dict[str, Any]:
    try:
        data = json.loads(value) if value else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
