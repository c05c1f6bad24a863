"""The office's names and the periodic report's receivers, edited in the window (the same
service as `kcdesk settings`): saved values are what the next report prints, a bad value is
shown beside its field and changes nothing, and emptied fields go back to the province's."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from kcdesk.services.document_settings import read_settings
from tests.ui.conftest import wait_job


def _dialog(window: Any) -> Any:
    window.show_page("reports")
    page = window.page("reports")
    return page, page.open_document_settings()


def _settings(window: Any) -> Any:
    with window.ctx.store.read() as s:
        return read_settings(s)


@pytest.mark.pdf_tools
def test_receivers_typed_in_the_window_are_printed_in_the_periodic_report(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, dialog = _dialog(window)
    derived = _settings(window)
    assert dialog.lines["name"].placeholderText() == derived.name  # what prints when left empty
    dialog.lines["name"].setText("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Đà Nẵng")
    dialog.receivers_edit.setPlainText("Bộ Công Thương (để báo cáo);\n\n  UBND thành phố Đà Nẵng;\nLưu: VT, KC.")
    assert dialog.save()
    saved = _settings(window)
    assert saved.name == "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Đà Nẵng"
    assert saved.receivers == ["Bộ Công Thương (để báo cáo);", "UBND thành phố Đà Nẵng;", "Lưu: VT, KC."]
    assert set(saved.set_here) == {"name", "receivers"}

    pdf = wait_job(qtbot, page.make("periodic_half", 2026, tmp_path / "bao-cao.pdf"), timeout=30_000)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    after = text.split("Nơi nhận:", 1)[1]
    printed = [after.index(r) for r in ("Bộ Công Thương (để báo cáo)", "UBND thành phố Đà Nẵng", "Lưu: VT, KC")]
    assert printed == sorted(printed)
    assert "TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP ĐÀ NẴNG" in " ".join(text.upper().split())  # the name, wrapped


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_written(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = _settings(window)
    _page, dialog = _dialog(window)
    dialog.lines["place"].setText("Hội An")
    dialog.lines["code"].setText("TT KC/2")
    dialog.receivers_edit.setPlainText("\n  \n")
    assert not dialog.save()
    assert dialog.isVisible()
    assert "chữ in hoa" in dialog.boxes["code"].error_text
    assert "ít nhất một nơi nhận" in dialog.boxes["receivers"].error_text
    assert dialog.boxes["place"].error_text == ""
    assert _settings(window) == before  # the good place name was not written either
    dialog.reject()


def test_emptied_names_and_default_receivers_go_back_to_the_province(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    derived = _settings(window)
    _page, dialog = _dialog(window)
    dialog.lines["place"].setText("Hội An")
    dialog.receivers_edit.setPlainText("Lưu: VT")
    assert dialog.save()
    assert _settings(window).place == "Hội An"

    _page, dialog = _dialog(window)
    assert dialog.lines["place"].text() == "Hội An"
    dialog.lines["place"].clear()
    dialog.default_button.click()
    assert dialog.save()
    assert _settings(window) == derived
