"""The survey page: the collaborator's drafts and sent surveys on the left, the form on
the right; "Lưu nháp" keeps a draft, "Gửi phiếu" files it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kcdesk.domain.vnformat import day
from kcdesk.domain.vocab import SURVEY_STATUSES
from kcdesk.errors import KcError, ValidationError
from kcdesk.services.activities import activity_choices
from kcdesk.services.surveys import PhotoInput, save_survey, survey_heading, survey_input, surveys_of
from kcdesk.ui.context import AppContext
from kcdesk.ui.errors import show_refusal
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.survey_draft import SurveyDraft
from kcdesk.ui.surveys.form import SurveyForm

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _list(session: Session, surveyor_id: str | None) -> tuple[list[Any], list[tuple[str, str]]]:
    return surveys_of(session, surveyor_id), activity_choices(session)


class SurveysPage(QWidget):
    loaded = Signal(int)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id: str | None = None
        self.status = "draft"
        self.busy = False
        self.setObjectName("surveysPage")
        title = QLabel(self.tr("Phiếu khảo sát cơ sở"))
        title.setObjectName("pageTitle")
        self.mine = QListWidget()
        self.mine.setObjectName("surveyList")
        self.mine.setAccessibleName(self.tr("Phiếu của tôi"))
        self.mine.itemActivated.connect(self._open_item)
        self.mine.itemClicked.connect(self._open_item)
        new = QPushButton(self.tr("Phiếu mới"))
        new.setObjectName("newSurveyButton")
        new.clicked.connect(self.new_record)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Phiếu của tôi (bản nháp và đã gửi)")))
        left_layout.addWidget(self.mine, 1)
        left_layout.addWidget(new)
        self.form = SurveyForm(ctx)
        self.form.edited.connect(self._edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.state_label = QLabel()
        self.state_label.setObjectName("sectionNote")
        self.draft_button = QPushButton(self.tr("Lưu nháp"))
        self.draft_button.setObjectName("saveDraftButton")
        self.draft_button.clicked.connect(lambda: self.save(send=False))
        self.send_button = QPushButton(self.tr("Gửi phiếu"))
        self.send_button.setObjectName("sendSurveyButton")
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(lambda: self.save(send=True))
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save(send=False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.send_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([310, 860])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        ctx.user_changed.connect(lambda _u: self.refresh())
        self.refresh()
        self.new_record()

    def refresh(self) -> None:
        uid = self.ctx.user_id
        self.ctx.runner.read(lambda s: _list(s, uid), self._show, label=self.tr("Đọc phiếu khảo sát"))

    def _show(self, data: tuple[list[Any], list[tuple[str, str]]]) -> None:
        rows, activities = data
        if not self.form.needs.count():
            self.form.set_activities(activities)
        self.mine.clear()
        for r in rows:
            item = QListWidgetItem(
                f"{day(r.survey_date)} · {r.facility_name or self.tr('(chưa có tên)')}\n"
                f"{vocab(SURVEY_STATUSES.get(r.status, r.status))}"
            )
            item.setData(ID_ROLE, r.id)
            self.mine.addItem(item)
        self.loaded.emit(len(rows))

    def new_record(self) -> None:
        self.survey_id = None
        self.status = "draft"
        self.form.load(SurveyDraft(survey_date=date.today()))
        self.form.photos.set_owner(None)
        self.form.set_read_only(False)
        self.form.show_problems({})
        self._update(dirty=False)

    def _open_item(self, item: QListWidgetItem) -> None:
        sid = item.data(ID_ROLE)
        self.ctx.runner.read(
            lambda s: (sid, SurveyDraft.from_input(survey_input(s, sid)), *survey_heading(s, sid)),
            self._opened,
            label=self.tr("Đọc phiếu khảo sát"),
        )

    def _opened(self, data: tuple[str, SurveyDraft, str, str]) -> None:
        sid, draft, status, name = data
        self.survey_id, self.status = sid, status
        self.form.load(draft, name)
        self.form.photos.set_owner(sid)
        self.form.set_read_only(status != "draft")
        self.form.show_problems({})
        self._update(dirty=False)

    def _edited(self) -> None:
        self._update(dirty=True)

    def _update(self, dirty: bool) -> None:
        editable = self.status == "draft" and not self.busy
        self.draft_button.setEnabled(editable)
        self.send_button.setEnabled(editable)
        if self.status != "draft":
            self.state_label.setText(self.tr("Phiếu đã gửi: chỉ xem"))
        elif self.busy:
            self.state_label.setText(self.tr("Đang lưu…"))
        else:
            self.state_label.setText(self.tr("Có thay đổi chưa lưu") if dirty else "")

    def save(self, send: bool) -> Any:
        if self.busy or self.status != "draft":
            return None
        draft = self.form.draft()
        problems = {k: m.text(self.ctx.lang) for k, m in draft.problems(sending=send).items()}
        self.form.show_problems(problems)
        if problems:
            self.state_label.setText(self.tr("Chưa lưu: còn {n} mục cần sửa").format(n=len(problems)))
            return None
        sid, uid, files_dir = self.survey_id, self.ctx.user_id, self.ctx.store.files_dir
        photos = self.form.photos.take_pending()
        data, files = draft.to_input(), [PhotoInput(p.path, p.caption) for p in photos]
        self.busy = True
        self._update(dirty=True)
        return self.ctx.runner.write(
            lambda s: save_survey(s, files_dir, data, survey_id=sid, surveyor_id=uid, send=send, photos=files),
            lambda new_id: self._saved(new_id, send),
            on_error=lambda e: self._failed(e, photos),
            label=self.tr("Gửi phiếu khảo sát") if send else self.tr("Lưu nháp phiếu khảo sát"),
            changes={"survey", "attachment"},
        )

    def _saved(self, survey_id: str, sent: bool) -> None:
        self.busy = False
        self.survey_id = survey_id
        self.status = "submitted" if sent else "draft"
        self.form.photos.set_owner(survey_id)
        self.form.set_read_only(sent)
        self._update(dirty=False)
        self.state_label.setText(self.tr("Đã gửi phiếu") if sent else self.tr("Đã lưu bản nháp"))
        self.refresh()
        self.saved.emit(survey_id)

    def _failed(self, error: BaseException, photos: list[Any]) -> None:
        self.busy = False
        self.form.photos.pending = photos + self.form.photos.pending
        self._update(dirty=True)
        if isinstance(error, ValidationError):
            self.form.show_problems({k: m.text(self.ctx.lang) for k, m in error.fields.items()})
        elif isinstance(error, KcError):
            show_refusal(self, error)
        else:
            raise error
