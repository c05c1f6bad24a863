"""The money tab's forms: record an advance, a payment or a settlement entry; reverse a
mistaken entry. The core (kcdesk.services.money) checks every rule — contract signed,
khuyến công payments within the approved budget, settlement within the approved and
accepted amounts, no future dates — and its refusal shows beside the field it names."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from kcdesk.domain.vnformat import group as group_digits
from kcdesk.domain.vnformat import money
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCES
from kcdesk.services.money import record_money, reverse_money, settle_proposal
from kcdesk.services.proposals import transition
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import choices, vocab
from kcdesk.ui.logic.money_view import default_kind, entry_title, remaining_text
from kcdesk.ui.widgets.record_form import RecordForm

CHANGES = {"disbursement", "proposal"}
# The settlement form's amount boxes, named as the core names its refusals.
SETTLEMENT_KEYS = {"kc": "amount", "doi_ung": "amount[doi_ung]", "khac": "amount[khac]"}


class PaymentForm(RecordForm):
    """Ghi khoản tiền: date, amount in đồng, fund source, document number and note."""

    def __init__(self, ctx: AppContext, summary: Any, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "paymentForm", self.tr("Ghi khoản tiền"), self.tr("Ghi khoản tiền"), parent)
        self.proposal_id = summary.proposal_id
        self.set_subject(heading)
        self.set_note(remaining_text(summary, ctx.lang))
        self.resize(640, 460)
        group = QGroupBox(self.tr("Khoản tiền"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = self.combo("kind", choices(DISBURSEMENT_KINDS))
        self.kind.editor.setCurrentIndex(self.kind.editor.findData(default_kind(summary)))  # type: ignore[attr-defined]
        form.addRow(self.tr("Loại khoản"), self.kind)
        form.addRow(self.tr("Ngày"), self.line("paid_on", "date", "dd/mm/yyyy", required=True))
        form.addRow(self.tr("Số tiền (đồng)"), self.line("amount", "amount", "0", required=True))
        form.addRow(self.tr("Nguồn kinh phí"), self.combo("fund_source", choices(FUND_SOURCES)))
        form.addRow(self.tr("Số chứng từ"), self.line("document_number", "text", self.tr("ví dụ: 15/UNC")))
        form.addRow(self.tr("Ghi chú"), self.text("note", height=56))
        self.body.addWidget(group)
        self.body.addStretch(1)
        self.set_typed("paid_on", date.today().strftime("%d/%m/%Y"))

    def work(self, values: dict[str, Any]) -> Any:
        pid = self.proposal_id
        return lambda s: record_money(
            s,
            pid,
            values["kind"],
            values["amount"],
            values["paid_on"],
            fund_source=values["fund_source"],
            document_number=values["document_number"],
            note=values["note"],
        )

    def changes(self) -> set[str]:
        return CHANGES


class ReversalForm(RecordForm):
    """Đảo khoản: a mistaken entry is cancelled by a reversing entry, never edited; both stay
    in the ledger."""

    def __init__(self, ctx: AppContext, line: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "reversalForm", self.tr("Đảo khoản tiền"), self.tr("Ghi bút toán đảo"), parent)
        self.entry_id = line.id
        self.set_subject(self.tr("Khoản bị đảo: {entry}").format(entry=entry_title(line, ctx.lang)))
        self.set_note(
            self.tr(
                "Khoản ghi nhầm không sửa trực tiếp: một bút toán đảo (số tiền âm) hủy nó, cả hai vẫn nằm "
                "trong sổ. Sau đó hãy ghi lại khoản đúng."
            )
        )
        self.resize(600, 380)
        group = QGroupBox(self.tr("Bút toán đảo"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Ngày đảo"), self.line("paid_on", "date", "dd/mm/yyyy", required=True))
        form.addRow(self.tr("Số chứng từ"), self.line("document_number", "text", line.document_number or ""))
        form.addRow(self.tr("Lý do"), self.text("note", self.tr("ví dụ: ghi nhầm số tiền"), height=56))
        self.body.addWidget(group)
        self.body.addStretch(1)
        self.set_typed("paid_on", date.today().strftime("%d/%m/%Y"))

    def work(self, values: dict[str, Any]) -> Any:
        entry = self.entry_id
        return lambda s: reverse_money(
            s, entry, values["paid_on"], note=values["note"], document_number=values["document_number"]
        )

    def changes(self) -> set[str]:
        return CHANGES


class SettlementForm(RecordForm):
    """Phê duyệt quyết toán: the settled amount of each fund source, the date and number of
    the approval; the core records the settlement entries and takes the 'settle' step
    together, after which the proposal's money is locked. When a settlement entry was
    already recorded on the money tab, only the step remains to be taken."""

    def __init__(self, ctx: AppContext, summary: Any, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, "settlementForm", self.tr("Phê duyệt quyết toán"), self.tr("Phê duyệt quyết toán"), parent
        )
        self.proposal_id = summary.proposal_id
        self.set_subject(heading)
        self.recorded = {s: t.settled for s, t in summary.totals.items() if t.settled is not None}
        self.resize(660, 480)
        group = QGroupBox(self.tr("Quyết toán"))
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Ngày phê duyệt"), self.line("paid_on", "date", "dd/mm/yyyy", required=True))
        form.addRow(self.tr("Số quyết định"), self.line("document_number", "text", self.tr("ví dụ: 25/QĐ-SCT")))
        if self.recorded:
            self.set_note(
                self.tr("Đã ghi số quyết toán: {amounts}. Phê duyệt sẽ khóa phần kinh phí của đề án.").format(
                    amounts="; ".join(f"{vocab(FUND_SOURCES.get(s, s))} {money(a)}" for s, a in self.recorded.items())
                )
            )
        else:
            self.set_note(
                self.tr(
                    "Số quyết toán thay cho số đã tạm ứng, thanh toán (không cộng thêm). Sau khi phê duyệt, "
                    "không ghi thêm hay đảo khoản tiền nào được nữa."
                )
            )
            for source, key in SETTLEMENT_KEYS.items():
                paid = summary.totals[source].paid_out
                form.addRow(
                    self.tr("{source} (đồng)").format(source=vocab(FUND_SOURCES[source])),
                    self.line(key, "amount", "0", required=source == "kc"),
                )
                if paid:
                    self.set_typed(key, group_digits(paid))
        form.addRow(self.tr("Ghi chú"), self.text("note", height=56))
        self.body.addWidget(group)
        self.body.addStretch(1)
        self.set_typed("paid_on", date.today().strftime("%d/%m/%Y"))

    def work(self, values: dict[str, Any]) -> Any:
        pid, role, uid = self.proposal_id, self.ctx.role, self.ctx.user_id
        on, number, note = values["paid_on"], values["document_number"], values["note"]
        if self.recorded:
            return lambda s: transition(
                s, pid, "settle", role=role, user_id=uid, on=on, note=note, document_number=number
            )
        amounts = {source: values[key] for source, key in SETTLEMENT_KEYS.items() if values.get(key) is not None}
        return lambda s: settle_proposal(s, pid, amounts, on, role=role, user_id=uid, document_number=number, note=note)

    def changes(self) -> set[str]:
        return CHANGES | {"proposal_status_event"}
