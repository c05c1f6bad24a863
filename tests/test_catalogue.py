"""One message catalogue for the whole program (kcdesk/locale_en*.py, read by kcdesk.i18n
and, through kcdesk.ui.translations, by the window): every user-facing Vietnamese sentence
in every module has its English there, once, and a term reads the same everywhere."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import kcdesk
from kcdesk.locale_en import EN
from kcdesk.locale_en_cli import ARGPARSE
from tests.catalogue_scan import built_sentences, message_calls, shown_strings

CATALOGUE_FILES = sorted(Path(kcdesk.__file__).parent.glob("locale_en*.py"))

# Key terms of the trade and their one English (a pattern the English must contain).
GLOSSARY = {
    "đề án": r"proposal",
    "nghiệm thu": r"accept",
    "quyết toán": r"settle",
    "tạm ứng": r"advance",
    "giải ngân": r"disburse",
    "cơ sở cnnt": r"facilit",
    "cộng tác viên": r"collaborator",
    "khuyến công": r"industrial extension",
    "thẩm định": r"apprais",
    "sở công thương": r"department",
    "bộ công thương": r"ministry",
    "biên bản": r"record",
    "hợp đồng": r"contract",
    "chứng từ": r"voucher",
    "vốn đối ứng": r"counterpart",
    "đồng bộ": r"sync",
    "sao lưu": r"back(ing|ed)?.?up",
    "khôi phục": r"restor",
    "máy chủ": r"server",
}
# Sentences that quote the Vietnamese words a user must type (a workbook's values, an
# official name given as an example): their English keeps those words as they are.
QUOTES_VIETNAMESE = {
    "Loại khoản '{value}' không đúng; hãy ghi Tạm ứng, Thanh toán hoặc Quyết toán.",
    "Nguồn kinh phí '{value}' không đúng; hãy ghi Kinh phí khuyến công, Vốn đối ứng hoặc Nguồn khác.",
    "Để quyết toán, hãy ghi số quyết toán (ô này, hoặc dòng Quyết toán ở trang Giải ngân).",
    "tên cơ quan ban hành, ví dụ Trung tâm Khuyến công",
    "cơ quan chủ quản, ví dụ Sở Công Thương tỉnh Nghệ An",
}
# Built with an f-string, so no catalogue entry can match them; to become {placeholder}
# messages (kcdesk.sync.wire's BadValue carries no parameters yet). No new ones.
KNOWN_BUILT = ["dài quá {} ký tự", "dài quá {} ký tự", "quá {} chữ số thập phân"]


def test_every_user_facing_sentence_has_its_english() -> None:
    found = shown_strings()
    assert len(found) > 1500  # the scan really reads the whole package
    missing = [f"{f.where}: {f.text!r}" for f in found if f.text not in EN]
    assert missing == []


def test_the_scan_reaches_the_server_the_command_lines_and_the_window() -> None:
    where = {f.text: f.where for f in shown_strings()}
    assert where["đăng ký thiết bị với máy chủ đồng bộ"].startswith("kcdesk/cli/cmd_sync.py")  # tr() help
    assert where["MÃ_XÃ"].startswith("kcdesk/cli/cmd_communes.py")  # an argparse metavar
    assert where["gọn nhật ký thay đổi cũ"].startswith("kcdesk/server/cli.py")
    assert where["Máy chủ chưa có tệp này."].startswith("kcdesk/server/routes_blobs.py")  # http_error(...)
    assert where["Tệp nhận được không khớp mã băm; cần gửi lại từ đầu."].startswith("kcdesk/server/blobs.py")
    assert where["Đang tạo cơ sở dữ liệu…"].startswith("kcdesk/ui/app.py")  # QCoreApplication.translate
    assert where["Áp dụng từ lần mở kcdesk sau"].startswith("kcdesk/ui/main_window.py")
    assert where["Kết quả dự kiến"].startswith("kcdesk/ui/proposals/fields.py")  # self.tr
    assert where["Đã ký hợp đồng"].startswith("kcdesk/domain/lifecycle.py")  # a table of labels
    areas = {f.where.split("/")[1] for f in shown_strings()}
    assert {"cli", "server", "sync", "ui", "services", "domain", "selftest", "exchange", "reports"} <= areas
    # Helpers that pass a message on are found by following their parameters.
    assert {"http_error", "check", "AuthFailure", "NotAllowed", "BlobRefusal"} <= set(message_calls())


def test_reference_names_the_window_labels_have_english() -> None:
    """Sector, deadline-rule and activity-type names come from resources/reference, not
    code, and the window shows them through labels.vocab(): the code scan cannot see them."""
    import json

    from kcdesk.resources import resource_path

    names = [
        item["name"]
        for file in ("sectors.json", "deadline_rules.json", "activity_types.json")
        for item in json.loads((resource_path("reference") / file).read_text(encoding="utf-8"))["items"]
    ]
    assert len(names) >= 40
    assert [n for n in names if n not in EN] == []


def test_no_new_message_is_built_from_vietnamese_pieces() -> None:
    assert built_sentences() == KNOWN_BUILT


def test_each_sentence_is_translated_once() -> None:
    """One English per Vietnamese sentence, in one block: a second entry in another block
    would silently win or lose depending on the merge order in locale_en.py."""
    seen: dict[str, str] = {}
    twice = []
    for path in CATALOGUE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        if key.value in seen:
                            twice.append(f"{key.value!r}: {seen[key.value]} and {path.name}")
                        seen[key.value] = path.name
    assert twice == []
    assert len(seen) == len(EN)


def test_a_term_is_translated_the_same_way_everywhere() -> None:
    differ = [
        f"{term}: {vi!r} -> {en!r}"
        for term, english in GLOSSARY.items()
        for vi, en in EN.items()
        if term in vi.lower() and vi not in QUOTES_VIETNAMESE and not re.search(english, en, re.IGNORECASE)
    ]
    assert differ == []


def test_the_sentences_that_quote_vietnamese_still_exist() -> None:
    assert EN.keys() >= QUOTES_VIETNAMESE


def _help(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kcdesk", *args, "--help"], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_kcdesk_help_is_vietnamese_through_and_english_from_the_catalogue() -> None:
    vietnamese, english = _help(), _help("--lang", "en")
    argparse_words = ("usage: ", "show this help message and exit", "show program's version number and exit", "options")
    assert [w for w in argparse_words if w in vietnamese] == []
    assert "hiện số phiên bản rồi thoát" in vietnamese and "cách dùng: " in vietnamese
    assert [w for w in argparse_words if w not in english] == []
    assert all(ARGPARSE[vi] == EN[vi] for vi in ARGPARSE)  # argparse's own English, as it spells it
    # A command's own placeholders follow the language too.
    assert "TRƯỜNG=GIÁ_TRỊ" in _help("sync", "resend") and "FIELD=VALUE" in _help("--lang", "en", "sync", "resend")


def test_a_refusal_shows_the_servers_own_words_in_the_readers_language() -> None:
    from kcdesk.i18n import tr
    from kcdesk.sync.reasons import REASONS, worded

    params = worded({"what": "lô thay đổi", "limit": "8 MiB"})
    assert tr(REASONS["too_large"], "en", **params) == (
        "The change was refused because the batch of changes exceeds the server's storage limit (8 MiB)."
    )
    assert "vì lô thay đổi vượt giới hạn" in tr(REASONS["too_large"], "vi", **params)
