"""Field survey mode: file a survey of a new facility with a photo whose GPS fills the
coordinates, needs per activity code, then find it among the collaborator's surveys."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from kcdesk.db.files import file_path
from kcdesk.db.models import Attachment, Survey, SurveyNeed
from tests.ui.photos import photo_with_gps
from tests.ui.typing_helpers import retype, type_text


def test_file_a_survey_with_a_photo(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = window.page("surveys")
    window.show_page("surveys")
    form = page.form
    assert form.objectName() == "surveyForm"
    qtbot.waitUntil(lambda: form.needs.count() > 0, timeout=10_000)
    # Sending an empty form shows what is missing and writes nothing.
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert "Hãy chọn một cơ sở" in form.boxes["facility"].message.text()
    assert "nhu cầu" in form.boxes["needs"].message.text()

    form.new.setChecked(True)
    retype(form.new_name, "Hộ kinh doanh mộc mỹ nghệ Lê Văn Đạt")
    retype(form.new_phone, "0935 222 333")
    type_text(form.ward, "hai chau")
    assert form.ward.code() is not None
    form.photos.add_files([photo_with_gps(tmp_path / "xuong-moc.jpg", 16.061234, 108.221234)])
    qtbot.mouseClick(form.from_photo, Qt.MouseButton.LeftButton)
    assert form.coordinates.text() == "16.061234, 108.221234"
    form.priority.setCurrentIndex(form.priority.findData(1))
    form.check_need("KC3.3")
    form.check_need("KC4.4")
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    survey_id = saved.args[0]
    store = window.ctx.store
    with store.read() as s:
        survey = s.get(Survey, survey_id)
        needs = s.execute(
            select(SurveyNeed.activity_code, SurveyNeed.priority).where(SurveyNeed.survey_id == survey_id)
        ).all()
        photos = s.scalars(select(Attachment).where(Attachment.owner_id == survey_id)).all()
        assert survey.status == "submitted" and survey.surveyor_id == window.ctx.user_id
        assert (survey.latitude, survey.longitude) == (16.061234, 108.221234)
        assert json.loads(survey.draft_facility)["name"] == "Hộ kinh doanh mộc mỹ nghệ Lê Văn Đạt"
    assert sorted(needs) == [("KC3.3", 1), ("KC4.4", 1)]
    assert len(photos) == 1 and photos[0].mime == "image/jpeg"
    assert file_path(store.files_dir, photos[0].sha256).exists()
    # Sent surveys are read-only and listed with the collaborator's others.
    assert not page.send_button.isEnabled() and page.state_label.text() == "Đã gửi phiếu"
    qtbot.waitUntil(lambda: page.mine.count() == 1, timeout=10_000)
    assert "Đã gửi" in page.mine.item(0).text()


def test_save_a_draft_and_reopen_it(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("surveys")
    form = page.form
    qtbot.waitUntil(lambda: form.needs.count() > 0, timeout=10_000)
    with qtbot.waitSignal(form.searched, timeout=10_000):
        type_text(form.facility_search, "co so")
    assert form.matches.count() > 0
    form._pick(form.matches.item(0))
    assert form.facility_id is not None
    retype(form.coordinates, "16,05 108,2")
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.status == "draft" and page.send_button.isEnabled()
    page.new_record()
    assert form.coordinates.text() == ""
    qtbot.waitUntil(lambda: page.mine.count() > 0, timeout=10_000)
    item = next(
        page.mine.item(i)
        for i in range(page.mine.count())
        if page.mine.item(i).data(Qt.ItemDataRole.UserRole + 1) == saved.args[0]
    )
    page._open_item(item)
    qtbot.waitUntil(lambda: page.survey_id == saved.args[0], timeout=10_000)
    assert form.coordinates.text() == "16.050000, 108.200000" and form.facility_id is not None
