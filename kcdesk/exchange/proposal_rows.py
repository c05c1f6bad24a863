"""From the rows of the proposal workbook to one plan per proposal code.

Checks what the sheets alone can tell: empty required cells, catalogue entries, units,
tax codes of facilities in the register, duplicate codes, budget totals that disagree with
the budget sheet, money written twice (on the proposal row and on the money sheet), a
settlement whose date or document disagrees with the proposal row. What depends on the
records (the lifecycle, the money rules) is checked when the plan is applied.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import ActivityType, Facility, Proposal, Sector
from kcdesk.domain.validation import normalize_tax_code
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCES
from kcdesk.exchange.choices import choose
from kcdesk.exchange.proposal_columns import ACHIEVED_FIELDS, PLANNED_FIELDS
from kcdesk.exchange.proposal_plan import (
    BUDGET_AMOUNTS,
    STEP_DATE_FIELDS,
    Findings,
    LinePlan,
    MoneyPlan,
    Place,
    ProposalPlan,
)
from kcdesk.exchange.proposal_vocab import LEVEL_ALIASES, LEVEL_LABELS, STATUS_LABELS
from kcdesk.exchange.sheet_reader import SheetInfo, SheetRow
from kcdesk.exchange.unit_names import Ambiguous, UnitNames
from kcdesk.services.proposals import BudgetInput

# The single amounts of the proposal row: (amount field, date field, kind), khuyến công funds.
ROW_MONEY = (
    ("advance_amount", "advance_date", "tam_ung"),
    ("payment_amount", "payment_date", "thanh_toan"),
    ("settlement_amount", "settlement_date", "quyet_toan"),
)
KIND_ALIASES = {"tu": "tam_ung", "tt": "thanh_toan", "qt": "quyet_toan", "thanh toan dot": "thanh_toan"}
SOURCE_ALIASES = {
    "kc": "kc",
    "khuyen cong": "kc",
    "kinh phi kc": "kc",
    "kp khuyen cong": "kc",
    "ngan sach": "kc",
    "doi ung": "doi_ung",
    "von doi ung": "doi_ung",
    "kinh phi doi ung": "doi_ung",
    "khac": "khac",
    "von khac": "khac",
}
CONCLUSIONS = {"dat": "Đạt", "dat_mot_phan": "Đạt một phần"}
_TEXT_FIELDS = ("title", "implementing_unit", "location")


class ProposalRows:
    def __init__(self, session: Session, findings: Findings) -> None:
        self.findings = findings
        self.units = UnitNames(session)
        self.activities = {code: name for code, name in session.execute(select(ActivityType.code, ActivityType.name))}
        self.sectors = {code: name for code, name in session.execute(select(Sector.code, Sector.name))}
        self.known_codes = set(session.scalars(select(Proposal.code).where(Proposal.deleted_at.is_(None))))
        self.facilities = {
            normalize_tax_code(tax or ""): fid
            for tax, fid in session.execute(
                select(Facility.tax_code, Facility.id).where(
                    Facility.deleted_at.is_(None), Facility.tax_code.is_not(None)
                )
            )
        }
        self.bad: set[str] = set()  # codes with a problem on any sheet

    def problem(self, place: Place, fld: str, message: str, of: str | None = None, **params: Any) -> None:
        """Report a problem; `of`: the proposal code it stops."""
        self.findings.problem(place, fld, message, **params)
        if of:
            self.bad.add(of)

    # -- the proposal sheet ---------------------------------------------------------------

    def proposal(self, row: SheetRow, info: SheetInfo) -> ProposalPlan | None:
        place = Place(info.title, row.number, info.headers)
        v = row.values
        code = v.get("code")
        for fld in ("code", "title", "implementing_unit", "plan_year", "level", "province"):
            if v.get(fld) in (None, "") and fld not in row.bad:
                self.problem(place, fld, "Ô này không được để trống.", code)
        if row.bad and code:
            self.bad.add(code)
        if not code:
            return None
        plan = ProposalPlan(code=code, place=place)
        plan.fields = {k: v[k] for k in ("code", *_TEXT_FIELDS, "start_date", "end_date") if v.get(k) is not None}
        plan.fields.update({k: v[k] for k in PLANNED_FIELDS if v.get(k) is not None})
        self._level_year_sector(row, place, plan)
        plan.province_code, ward = self._units(row, place, code)
        if ward:
            plan.fields["ward_code"] = ward
        if v.get("start_date") and v.get("end_date") and v["end_date"] < v["start_date"]:
            self.problem(place, "end_date", "Ngày kết thúc trước ngày bắt đầu.", code)
        if v.get("status"):
            plan.status = choose(v["status"], STATUS_LABELS)
            if plan.status is None:
                self.problem(place, "status", "Trạng thái '{value}' không có trong danh mục.", code, value=v["status"])
        plan.activities = self._activities(row, place, code)
        plan.beneficiaries = self._beneficiaries(row, place, plan)
        plan.totals = {k: v[k] for k in BUDGET_AMOUNTS if v.get(k) is not None}
        plan.dates = {k: v[k] for k in STEP_DATE_FIELDS if v.get(k) is not None}
        plan.documents = {k: v[k] for k in ("approval_document", "contract_number", "settlement_document") if v.get(k)}
        self._acceptance(row, place, plan)
        self._row_money(row, place, plan)
        return plan

    def _level_year_sector(self, row: SheetRow, place: Place, plan: ProposalPlan) -> None:
        v, code = row.values, plan.code
        if v.get("level"):
            level = choose(v["level"], LEVEL_LABELS, LEVEL_ALIASES)
            if level is None:
                self.problem(
                    place, "level", "Cấp '{value}' không đúng; hãy ghi KCQG hoặc KCĐP.", code, value=v["level"]
                )
            else:
                plan.fields["level"] = level
        year = v.get("plan_year")
        if year is not None:
            if not 2000 <= year <= 2100:
                self.problem(place, "plan_year", "Năm kế hoạch {value} không hợp lý.", code, value=year)
            plan.fields["plan_year"] = year
        if v.get("sector_code"):
            sector = choose(v["sector_code"], self.sectors)
            if sector is None:
                self.problem(
                    place, "sector_code", "Ngành nghề '{value}' không có trong danh mục.", code, value=v["sector_code"]
                )
            plan.fields["sector_code"] = sector

    def _activity(self, typed: str) -> str | None:
        compact = typed.upper().replace(" ", "")
        return compact if compact in self.activities else choose(typed, self.activities)

    def _activities(self, row: SheetRow, place: Place, code: str) -> list[str] | None:
        typed = row.values.get("activity_code")
        if not typed:
            return None
        found: list[str] = []
        for part in str(typed).split(";"):
            if not part.strip():
                continue
            activity = self._activity(part.strip())
            if activity is None:
                self.problem(
                    place,
                    "activity_code",
                    "Nội dung hoạt động '{value}' không có trong danh mục (KC1..KC9).",
                    code,
                    value=part.strip(),
                )
            elif activity not in found:
                found.append(activity)
        return found

    def _units(self, row: SheetRow, place: Place, code: str) -> tuple[str | None, str | None]:
        province_text, ward_text = row.values.get("province"), row.values.get("ward")
        if not province_text:
            return None, None
        try:
            province = self.units.province(province_text)
        except Ambiguous as many:
            self.problem(
                place,
                "province",
                "Tên '{value}' chưa rõ, có thể là: {names}.",
                code,
                value=province_text,
                names="; ".join(many.names),
            )
            return None, None
        if province is None or province.legacy:
            self.problem(
                place,
                "province",
                "'{value}' không phải tỉnh/thành phố hiện hành (từ 01/7/2025).",
                code,
                value=province_text,
            )
            return None, None
        if not ward_text:
            return province.code, None
        try:
            ward = self.units.ward(ward_text, province.code)
        except Ambiguous as many:
            self.problem(
                place,
                "ward",
                "Tên '{value}' chưa rõ, có thể là: {names}.",
                code,
                value=ward_text,
                names="; ".join(many.names),
            )
            return province.code, None
        if ward is None or ward.legacy or ward.province_code != province.code:
            self.problem(
                place,
                "ward",
                "'{value}' không phải xã/phường/đặc khu hiện hành của {province}.",
                code,
                value=ward_text,
                province=province.full_name,
            )
            return province.code, None
        return province.code, ward.code

    def _facility(self, typed: str, place: Place, fld: str, code: str) -> tuple[str, str] | None:
        tax = normalize_tax_code(typed.strip())
        if not tax:
            return None
        if tax not in self.facilities:
            self.problem(
                place,
                fld,
                "Không có cơ sở mang mã số thuế {tax} trong sổ cơ sở; hãy nhập cơ sở trước.",
                code,
                tax=tax,
            )
            return None
        return self.facilities[tax], tax

    def _beneficiaries(self, row: SheetRow, place: Place, plan: ProposalPlan) -> list[str] | None:
        typed = row.values.get("beneficiaries")
        if not typed:
            return None
        ids: list[str] = []
        for part in str(typed).replace(",", ";").split(";"):
            found = self._facility(part, place, "beneficiaries", plan.code)
            if found and found[0] not in ids:
                ids.append(found[0])
                plan.tax_codes[found[0]] = found[1]
        return ids

    def _acceptance(self, row: SheetRow, place: Place, plan: ProposalPlan) -> None:
        v = row.values
        acceptance = {k: v[k] for k in ("accepted_amount", *ACHIEVED_FIELDS) if v.get(k) is not None}
        if v.get("acceptance_number"):
            acceptance["number"] = v["acceptance_number"]
        if v.get("acceptance_chair"):
            acceptance["chair"] = v["acceptance_chair"]
        if v.get("acceptance_conclusion"):
            conclusion = choose(v["acceptance_conclusion"], CONCLUSIONS)
            if conclusion is None:
                self.problem(
                    place,
                    "acceptance_conclusion",
                    "Kết luận '{value}' không dùng được: đề án chỉ qua bước nghiệm thu khi kết luận là Đạt hoặc "
                    "Đạt một phần.",
                    plan.code,
                    value=v["acceptance_conclusion"],
                )
            acceptance["conclusion"] = conclusion
        plan.acceptance = acceptance

    def _row_money(self, row: SheetRow, place: Place, plan: ProposalPlan) -> None:
        v = row.values
        for amount_field, date_field, kind in ROW_MONEY:
            if not v.get(amount_field):
                continue
            if not v.get(date_field):
                if date_field not in row.bad:
                    self.problem(place, date_field, "Có số tiền nhưng chưa ghi ngày chi.", plan.code)
                continue
            headers = {k: place.column(amount_field) for k in ("kind", "fund_source", "amount", "document_number")}
            where = Place(place.sheet, place.row, {**headers, "paid_on": place.column(date_field)})
            document = plan.documents.get("settlement_document") if kind == "quyet_toan" else None
            plan.money.append(MoneyPlan(kind, "kc", v[amount_field], v[date_field], where, document))

    # -- the budget and money sheets ------------------------------------------------------

    def _code(self, row: SheetRow, place: Place) -> str | None:
        code = row.values.get("code")
        if not code and "code" not in row.bad:
            self.problem(place, "code", "Ô này không được để trống.")
        return code or None

    def budget_line(self, row: SheetRow, info: SheetInfo) -> tuple[str, int | None, LinePlan] | None:
        place = Place(info.title, row.number, info.headers)
        v = row.values
        code = self._code(row, place)
        if code is None:
            return None
        if not v.get("item") and "item" not in row.bad:
            self.problem(place, "item", "Ô này không được để trống.", code)
        if row.bad:
            self.bad.add(code)
        activity = None
        if v.get("activity_code"):
            activity = self._activity(str(v["activity_code"]))
            if activity is None:
                self.problem(
                    place,
                    "activity_code",
                    "Nội dung hoạt động '{value}' không có trong danh mục (KC1..KC9).",
                    code,
                    value=v["activity_code"],
                )
        facility = self._facility(str(v["beneficiary"]), place, "beneficiary", code) if v.get("beneficiary") else None
        line = BudgetInput(
            item=v.get("item") or "",
            kc_amount=v.get("kc_amount") or 0,
            counterpart_amount=v.get("counterpart_amount") or 0,
            other_amount=v.get("other_amount") or 0,
            activity_code=activity,
            facility_id=facility[0] if facility else None,
            unit=v.get("unit"),
            quantity=v.get("quantity"),
            unit_price=v.get("unit_price"),
            basis=v.get("basis"),
        )
        found = LinePlan(line, place, facility[1] if facility else None, frozenset(info.present))
        return code, v.get("line_no"), found

    def money_row(self, row: SheetRow, info: SheetInfo) -> tuple[str, MoneyPlan] | None:
        place = Place(info.title, row.number, info.headers)
        v = row.values
        code = self._code(row, place)
        if code is None:
            return None
        for fld in ("kind", "amount", "paid_on"):
            if v.get(fld) is None and fld not in row.bad:
                self.problem(place, fld, "Ô này không được để trống.", code)
        kind = choose(v["kind"], DISBURSEMENT_KINDS, KIND_ALIASES) if v.get("kind") else None
        if v.get("kind") and kind is None:
            self.problem(
                place,
                "kind",
                "Loại khoản '{value}' không đúng; hãy ghi Tạm ứng, Thanh toán hoặc Quyết toán.",
                code,
                value=v["kind"],
            )
        source = choose(v["fund_source"], FUND_SOURCES, SOURCE_ALIASES) if v.get("fund_source") else "kc"
        if source is None:
            self.problem(
                place,
                "fund_source",
                "Nguồn kinh phí '{value}' không đúng; hãy ghi Kinh phí khuyến công, Vốn đối ứng hoặc Nguồn khác.",
                code,
                value=v["fund_source"],
            )
        if row.bad:
            self.bad.add(code)
        if kind is None or source is None or v.get("amount") is None or v.get("paid_on") is None:
            return None
        return code, MoneyPlan(kind, source, v["amount"], v["paid_on"], place, v.get("document_number"), v.get("note"))

    # -- putting the sheets together ------------------------------------------------------

    def assemble(
        self,
        proposals: list[ProposalPlan],
        lines: list[tuple[str, int | None, LinePlan]],
        money: list[tuple[str, MoneyPlan]],
    ) -> list[ProposalPlan]:
        by_code: dict[str, ProposalPlan] = {}
        for plan in proposals:
            first = by_code.get(plan.code)
            if first is not None:
                self.problem(
                    plan.place,
                    "code",
                    "Mã đề án {code} trùng với dòng {first} trong tệp.",
                    plan.code,
                    code=plan.code,
                    first=first.place.row,
                )
                continue
            by_code[plan.code] = plan
        lines_of: dict[str, list[tuple[int | None, LinePlan]]] = defaultdict(list)
        for code, no, lp in lines:
            lines_of[code].append((no, lp))
            self._only_elsewhere(by_code, code, lp.place)
        money_of: dict[str, list[MoneyPlan]] = defaultdict(list)
        for code, mp in money:
            money_of[code].append(mp)
            self._only_elsewhere(by_code, code, mp.place)
        for code, plan in by_code.items():
            if code in lines_of:
                plan.lines = self._ordered(code, lines_of[code])
                self._check_totals(plan)
            if code in money_of:
                if plan.money:
                    self.problem(
                        plan.money[0].place,
                        "amount",
                        "Đề án {code} đã có các khoản ở trang '{sheet}': hãy ghi mọi khoản tiền ở đó và để trống ô "
                        "này.",
                        code,
                        code=code,
                        sheet=money_of[code][0].place.sheet,
                    )
                plan.money = sorted(money_of[code], key=lambda m: (m.paid_on, m.place.row))
            self._settlement(plan)
        return list(by_code.values())

    def _only_elsewhere(self, by_code: dict[str, ProposalPlan], code: str, place: Place) -> None:
        """A code named only on the budget or money sheet: allowed for a recorded proposal
        (its lines or money are updated), refused otherwise."""
        if code in by_code:
            return
        if code not in self.known_codes:
            self.problem(
                place,
                "code",
                "Mã đề án {code} không có ở trang Đề án và chưa có trong dữ liệu; hãy thêm đề án vào trang Đề án.",
                code,
                code=code,
            )
        by_code[code] = ProposalPlan(code=code, place=place, on_main_sheet=False)

    def _ordered(self, code: str, lines: list[tuple[int | None, LinePlan]]) -> list[LinePlan]:
        seen: dict[int, int] = {}
        for no, lp in lines:
            if no is None:
                continue
            if no in seen:
                self.problem(
                    lp.place,
                    "line_no",
                    "STT {n} của đề án {code} trùng với dòng {first}.",
                    code,
                    n=no,
                    code=code,
                    first=seen[no],
                )
            seen.setdefault(no, lp.place.row)
        ordered = sorted(enumerate(lines), key=lambda e: (e[1][0] is None, e[1][0] or 0, e[0]))
        return [lp for _, (_, lp) in ordered]

    def _check_totals(self, plan: ProposalPlan) -> None:
        assert plan.lines is not None
        for key in BUDGET_AMOUNTS:
            stated = plan.totals.get(key)
            total = sum(getattr(lp.line, key) for lp in plan.lines)
            if stated is not None and stated != total:
                self.problem(
                    plan.place,
                    key,
                    "Tổng các dòng của đề án ở trang '{sheet}' là {total} đồng, khác số ghi ở đây; hãy sửa cho khớp "
                    "(hoặc để trống ô này).",
                    plan.code,
                    sheet=plan.lines[0].place.sheet,
                    total=f"{total:,}".replace(",", "."),
                )

    def _settlement(self, plan: ProposalPlan) -> None:
        """Settlement amounts are recorded on the settlement step's date, under its decision number."""
        settled = [m for m in plan.money if m.kind == "quyet_toan"]
        if not settled or not plan.on_main_sheet:
            return
        stated = plan.dates.get("settlement_date")
        on = stated or settled[0].paid_on
        for m in settled:
            if m.paid_on != on:
                self.problem(
                    m.place,
                    "paid_on",
                    "Ngày quyết toán phải là một ngày cho mọi nguồn ({on}, ngày phê duyệt quyết toán).",
                    plan.code,
                    on=on.strftime("%d/%m/%Y"),
                )
        plan.dates["settlement_date"] = on
        document = plan.documents.get("settlement_document") or next(
            (m.document_number for m in settled if m.document_number), None
        )
        for m in settled:
            if m.document_number and document and m.document_number != document:
                self.problem(
                    m.place,
                    "document_number",
                    "Số chứng từ của khoản quyết toán phải là số quyết định quyết toán {document}.",
                    plan.code,
                    document=document,
                )
            m.document_number = document
        if document:
            plan.documents["settlement_document"] = document
