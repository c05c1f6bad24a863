"""The window reads its English from the core catalogue: Qt's translate(), a widget's
tr() and the vocabulary labels all answer from kcdesk.locale_en, whatever the context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kcdesk.i18n import language
from kcdesk.locale_en import EN
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.i18n import tr as logic_tr
from kcdesk.ui.translations import CatalogueTranslator, install_translators, remove_translators


def test_english_comes_from_the_core_catalogue_in_every_context(gui_app) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators("en")
    try:
        assert language() == "en"
        assert any(isinstance(t, CatalogueTranslator) for t in translators)
        # One English per sentence: the status reads the same as a table label and a page title.
        for context in ("Vocab", "ProposalsPage", ""):
            assert QCoreApplication.translate(context, "Đã ký hợp đồng") == EN["Đã ký hợp đồng"] == "Contract signed"
        assert vocab("Kinh phí khuyến công") == "Industrial extension funds"
        assert QWidget().tr("Hãy lưu đề án trước.") == "Save the proposal first."
        assert logic_tr("{n} thay đổi chờ gửi", n=3) == "3 changes waiting to be sent"
        # A sentence the catalogue lacks shows as written (Vietnamese), never as nothing.
        assert QCoreApplication.translate("MainWindow", "Câu chưa có trong danh mục") == "Câu chưa có trong danh mục"
    finally:
        remove_translators(translators)
    assert language() == "vi"
    assert QCoreApplication.translate("Vocab", "Đã ký hợp đồng") == "Đã ký hợp đồng"
    assert vocab("Kinh phí khuyến công") == "Kinh phí khuyến công"
