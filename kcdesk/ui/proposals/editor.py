"""The proposal editor: fields, beneficiaries, budget with live totals and cap warnings,
status actions enabled by the state machine and the user's role, history, deadlines.
Saving and closing are the editors' common base (kcdesk.ui.widgets.record_editor)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kcdesk.domain.evaluation import EVALUABLE_STATUSES
from kcdesk.domain.lifecycle import status_label
from kcdesk.domain.vnformat import day
from kcdesk.services.activities import activity_choices
from kcdesk.services.documents import file_part, proposal_dossier
from kcdesk.services.due import due_list
from kcdesk.services.evaluations import evaluation_due_on, evaluations_of
from kcdesk.services.money import money_summary
from kcdesk.services.progress_reports import progress_reports, rule_terms
from kcdesk.services.proposal_edit import save_proposal
from kcdesk.services.proposals import cap_rules, find_proposal, proposal_dict, transition
from kcdesk.ui.context import AppContext
from kcdesk.ui.evaluations.form import EvaluationForm
from kcdesk.ui.evaluations.list_panel import EvaluationList
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.evaluation_view import due_text
from kcdesk.ui.logic.proposal_view import action_states, deadline_badges, default_plan_year, is_locked
from kcdesk.ui.operations.documents import DocumentButton
from kcdesk.ui.proposals.beneficiaries import BeneficiaryList
from kcdesk.ui.proposals.budget_table import BudgetTable
from kcdesk.ui.proposals.fields import ProposalFields
from kcdesk.ui.proposals.money_forms import SettlementForm
from kcdesk.ui.proposals.money_tab import MoneyTab
from kcdesk.ui.proposals.progress_tab import ProgressTab
from kcdesk.ui.sync.badge import SyncBadge
from kcdesk.ui.widgets.badge import badge
from kcdesk.ui.widgets.record_editor import RecordEditor, Write

_Form = TypeVar("_Form", SettlementForm, EvaluationForm)


def _load(session: Session, proposal_id: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"rules": cap_rules(session), "activity_choices": activity_choices(session)}
    if proposal_id is not None:
        data["proposal"] = proposal_dict(session, find_proposal(session, proposal_id))
        data["due"] = [d for d in due_list(session) if d.proposal_id == proposal_id]
        data["money"] = money_summary(session, proposal_id)
        data["progress"] = progress_reports(session, proposal_id)
        data["reporting"] = rule_terms(session)  # (due day, statuses that report monthly)
        data["evaluations"] = evaluations_of(session, proposal_id)
        data["evaluation_due"] = evaluation_due_on(session, proposal_id)
    return data


class ProposalEditor(RecordEditor):
    ready = Signal()

    def __init__(self, ctx: AppContext, proposal_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.proposal_id = proposal_id
        self.data: dict[str, Any] = {}
        self.status = "draft"
        self._actions_unsaved = False  # whether the status buttons were made for unsaved edits
        self.setObjectName("proposalEditor")
        self.setAccessibleName(self.tr("Hồ sơ đề án"))
        self.setWindowTitle(self.tr("Đề án mới") if proposal_id is None else self.tr("Hồ sơ đề án"))
        self.resize(1200, 740)
        self.heading = QLabel(self.tr("Đề án mới"))
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.status_badge = badge(vocab(status_label("draft")), "status")
        self.status_badge.setObjectName("statusBadge")
        self.deadlines = QHBoxLayout()
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.fields = ProposalFields()
        self.beneficiaries = BeneficiaryList(ctx)
        self.budget = BudgetTable()
        self.history = QTreeWidget()
        self.history.setObjectName("statusHistory")
        self.history.setHeaderLabels(
            [self.tr("Ngày"), self.tr("Bước"), self.tr("Từ"), self.tr("Đến"), self.tr("Số văn bản")]
        )
        self.history.setRootIsDecorated(False)
        for col, width in enumerate((100, 300, 200, 200)):
            self.history.setColumnWidth(col, width)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        self.money = MoneyTab(ctx)
        self.progress = ProgressTab(ctx)
        self.evaluations = EvaluationList()
        self.evaluations.add_requested.connect(lambda: self.open_evaluation(None))
        self.evaluations.open_requested.connect(self.open_evaluation)
        self.evaluation_form: EvaluationForm | None = None
        self.settlement_form: SettlementForm | None = None
        for tab in (self.money, self.progress):
            tab.changed.connect(self._reload_follow_up)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Thông tin chung"))
        self.tabs.addTab(self.beneficiaries, self.tr("Cơ sở thụ hưởng"))
        self.tabs.addTab(self.budget, self.tr("Dự toán kinh phí"))
        self.tabs.addTab(self.fields.content_widget(), self.tr("Nội dung đề án"))
        self.tabs.addTab(self.history, self.tr("Tiến trình"))
        self.tabs.addTab(self.money, self.tr("Giải ngân"))
        self.tabs.addTab(self.progress, self.tr("Báo cáo tiến độ"))
        self.tabs.addTab(self.evaluations, self.tr("Đánh giá sau hỗ trợ"))
        for widget in (self.fields, self.beneficiaries, self.budget):
            widget.edited.connect(self._edited)
        self.fields.level.currentIndexChanged.connect(lambda _: self._budget_context())
        self.state_label = QLabel()
        self.state_label.setObjectName("sectionNote")
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Lưu đề án"))
        self.save_button.setToolTip(self.tr("Lưu (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.sync_badge = SyncBadge(ctx, "proposal")
        self.document = DocumentButton(ctx, self.tr("In thuyết minh…"))
        self.document.setObjectName("proposalDocumentButton")
        store = ctx.store
        for key, label in (("pdf", self.tr("Thuyết minh và dự toán (PDF)…")), ("xlsx", self.tr("Dự toán (Excel)…"))):
            self.document.add_format(
                key,
                label,
                lambda out: partial(proposal_dossier, store, str(self.proposal_id), out),
                partial(self._document_name, key),
            )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_badge)
        top.addWidget(self.sync_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.document, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(close)
        bottom.addWidget(self.save_button)
        actions_label = QLabel(self.tr("Bước tiếp theo:"))
        self.actions_row.addWidget(actions_label)
        self.actions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.deadlines)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        ctx.user_changed.connect(lambda _u: self._show_actions())
        self._reload()

    # -- loading --------------------------------------------------------------------------

    def _document_name(self, extension: str) -> str:
        """The file name the save dialog suggests: the proposal's code."""
        return f"de-an-{file_part((self.data.get('proposal') or {}).get('code'))}.{extension}"

    def _reload(self) -> None:
        pid = self.proposal_id
        self.ctx.runner.read(lambda s: _load(s, pid), self._loaded, label=self.tr("Đọc hồ sơ đề án"))

    def _loaded(self, data: dict[str, Any]) -> None:
        self.data = data
        first = not self.fields.activities.count()
        if first:
            self.fields.set_activity_choices(data["activity_choices"])
        p = data.get("proposal")
        if p is None:
            self.fields.load(
                {"level": "KCDP", "plan_year": default_plan_year(), "implementing_unit": self.ctx.centre_name}
            )
        else:
            self.status = p["status"]
            self.fields.load(p)
            self.beneficiaries.set_items([(b["facility_id"], b["name"]) for b in p["beneficiaries"]])
            self.budget.set_lines(p["budget"])
            self.heading.setText(f"{p['code']} · {p['title']}")
            self.sync_badge.set_record(p["id"])
            self.status_badge.setText(vocab(status_label(p["status"])))
            self._show_history(p)
            self._show_deadlines(data.get("due", []))
            self._show_follow_up(p, data)
        self._budget_context()
        locked = is_locked(self.status)
        for w in (self.fields, self.beneficiaries, self.budget):
            w.set_read_only(locked)
        self.mark_clean()
        self._show_actions()
        self.ready.emit()

    def _reload_follow_up(self) -> None:
        """After a payment, a report or an evaluation: read the record again but leave the
        fields alone, so edits not saved yet stay as typed."""
        pid = self.proposal_id
        self.ctx.runner.read(lambda s: _load(s, pid), self._follow_up_loaded, label=self.tr("Đọc hồ sơ đề án"))

    def _follow_up_loaded(self, data: dict[str, Any]) -> None:
        self.data.update({k: v for k, v in data.items() if k not in ("rules", "activity_choices")})
        p = data["proposal"]
        self._show_history(p)
        self._show_deadlines(data.get("due", []))
        self._show_follow_up(p, data)
        self.ready.emit()

    def _budget_context(self) -> None:
        p = self.data.get("proposal") or {}
        values, _ = self.fields.values()
        on = values.get("start_date") or date(int(values.get("plan_year") or date.today().year), 1, 1)
        self.budget.set_context(
            self.data.get("rules", []),
            values.get("level") or "KCDP",
            self.ctx.province_code,
            on,
            bool(values.get("priority_area", p.get("priority_area"))),
        )

    def _show_history(self, p: dict[str, Any]) -> None:
        self.history.clear()
        for e in p["history"]:
            QTreeWidgetItem(
                self.history,
                [
                    day(e["date"]),
                    vocab(_action_label(e["action"])),
                    vocab(status_label(e["from"])),
                    vocab(status_label(e["to"])),
                    e["document_number"] or "",
                ],
            )

    def _show_follow_up(self, p: dict[str, Any], data: dict[str, Any]) -> None:
        """Money, monthly reports and evaluations: the proposal after its approval."""
        heading = f"{p['code']} · {p['title']}"
        self.money.show_summary(data["money"], heading)
        due_day, statuses = data["reporting"]
        self.progress.show_reports(
            p["id"], heading, data["progress"], data.get("due", []), can_report=p["status"] in statuses, due_day=due_day
        )
        evaluated = bool(data["evaluations"])
        self.evaluations.set_rows(data["evaluations"], self.ctx.lang)
        self.evaluations.due.setText(due_text(data["evaluation_due"], evaluated, date.today(), self.ctx.lang))
        can_evaluate = p["status"] in EVALUABLE_STATUSES
        self.evaluations.add_button.setEnabled(can_evaluate)
        self.evaluations.add_button.setToolTip(
            "" if can_evaluate else self.tr("Đánh giá sau hỗ trợ được lập sau khi đề án quyết toán.")
        )

    def open_settlement(self) -> SettlementForm | None:
        p, summary = self.data.get("proposal"), self.data.get("money")
        if p is None or summary is None:
            return None
        form = SettlementForm(self.ctx, summary, f"{p['code']} · {p['title']}", self)
        return self._open_form(form, "settlement_form", self._reload)  # the status moves

    def open_evaluation(self, existing: dict[str, Any] | None) -> EvaluationForm | None:
        p = self.data.get("proposal")
        if p is None:
            return None
        facilities = [(b["facility_id"], b["name"]) for b in p["beneficiaries"]]
        proposals = [(p["id"], f"{p['code']} · {p['title']}")]
        form = EvaluationForm(self.ctx, proposals, facilities, existing, self)
        return self._open_form(form, "evaluation_form", self._reload_follow_up)

    def _open_form(self, form: _Form, attribute: str, reload: Callable[[], None]) -> _Form:
        """A form over this proposal, window-modal; when it writes, the editor reads again."""
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _id: reload())
        form.destroyed.connect(lambda _=None: setattr(self, attribute, None))
        setattr(self, attribute, form)
        form.open()
        return form

    def _show_deadlines(self, items: list[Any]) -> None:
        while self.deadlines.count():
            item = self.deadlines.takeAt(0)
            w = item.widget() if item is not None else None
            if w:
                w.deleteLater()
        for b in deadline_badges(items, self.ctx.lang):
            self.deadlines.addWidget(badge(b.text, b.severity))
        self.deadlines.addStretch(1)

    def _show_actions(self) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons.clear()
        states = action_states(
            self.status,
            self.fields.level.currentData() or "KCDP",
            self.ctx.role,
            saved=self.proposal_id is not None,
            dirty=self.unsaved,
            lang=self.ctx.lang,
        )
        self._actions_unsaved = self.unsaved
        for i, st in enumerate(states):
            button = QPushButton(vocab(st.label))
            button.setObjectName(f"action_{st.action}")
            button.setEnabled(st.enabled and not self.busy)
            button.setToolTip(
                st.reason or self.tr("Chuyển sang: {target}").format(target=vocab(status_label(st.target)))
            )
            button.clicked.connect(lambda _=False, a=st.action: self.fire(a))
            self.actions_row.insertWidget(1 + i, button)
            self.action_buttons[st.action] = button
        if not states:
            done = QPushButton(self.tr("Không còn bước nào"))
            done.setEnabled(False)
            self.actions_row.insertWidget(1, done)
            self.action_buttons["_none"] = done

    # -- editing and saving (kcdesk.ui.widgets.record_editor) ----------------------------------

    def snapshot(self) -> Any:
        return (
            self.fields.values(),
            self.fields.activity_codes(),
            self.beneficiaries.ids(),
            self.budget.lines(),
            self.budget.problems(),
        )

    def editable(self) -> bool:
        return not is_locked(self.status)

    def _edited(self) -> None:
        if self.unsaved != self._actions_unsaved:  # status steps wait for the edits to be saved
            self._show_actions()
        self._budget_context()
        self.update_state()

    def update_state(self) -> None:
        unsaved = self.unsaved
        self.document.setEnabled(self.proposal_id is not None and not unsaved and not self.busy)
        self.save_button.setEnabled(
            not self.busy and not is_locked(self.status) and (unsaved or self.proposal_id is None)
        )
        self.state_label.setText(
            self.tr("Đang lưu…")
            if self.busy
            else self.tr("Có thay đổi chưa lưu")
            if unsaved
            else self.tr("Đã lưu")
            if self.proposal_id
            else ""
        )

    def prepare_save(self) -> Write | None:
        values, problems = self.fields.values()
        budget_problems = self.budget.problems()
        self.fields.show_errors(problems)
        if problems or budget_problems:
            self.state_label.setText(self.tr("Chưa lưu: dữ liệu chưa hợp lệ"))
            if budget_problems:
                self.tabs.setCurrentWidget(self.budget)
            return None
        pid, activities = self.proposal_id, self.fields.activity_codes()
        beneficiaries, budget = self.beneficiaries.ids(), self.budget.lines()
        return Write(
            lambda s: save_proposal(s, pid, values, activities=activities, beneficiaries=beneficiaries, budget=budget),
            {"proposal", "budget_line", "proposal_beneficiary"},
            self.tr("Lưu đề án"),
        )

    def after_save(self, proposal_id: str) -> None:
        self.proposal_id = proposal_id
        self.setWindowTitle(self.tr("Hồ sơ đề án"))
        self._reload()

    def show_field_errors(self, messages: dict[str, str]) -> None:
        self.fields.show_errors(messages)
        self.state_label.setText(self.tr("Chưa lưu: dữ liệu chưa hợp lệ"))
        self.tabs.setCurrentIndex(0)

    def fire(self, action: str) -> Any:
        """Press a status action: the core checks it again and records the dated step."""
        if self.proposal_id is None or self.unsaved or self.busy:
            return None
        if action == "settle":  # the settled amounts and the approval's number go with the step
            return self.open_settlement()
        pid, role, uid = self.proposal_id, self.ctx.role, self.ctx.user_id
        self._set_busy(True)
        self._show_actions()
        return self.ctx.runner.write(
            lambda s: transition(s, pid, action, role=role, user_id=uid),
            lambda _status: self._fired(),
            on_error=self._fire_refused,
            label=self.tr("Chuyển bước đề án"),
            changes={"proposal"},
        )

    def _fired(self) -> None:
        self._set_busy(False)
        self._reload()

    def _fire_refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_actions()
        self.refused(error)


def _action_label(action: str) -> str:
    from kcdesk.domain.lifecycle import BY_ACTION

    t = BY_ACTION.get(action)
    return t.label if t else action
