"""The first-run wizard's steps as plain logic: database file, province and centre (and the
first account's password: sign-in per person, kcdesk.services.sign_in), demo data.

The dialog draws the current step and calls `next`/`back`; this class decides what each
step needs and what happens at the end (a `SetupPlan`), so it is tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kcdesk.services.setup import DEFAULT_PROVINCE, default_centre_name
from kcdesk.services.sign_in import MIN_PASSWORD_LENGTH
from kcdesk.ui.logic.i18n import tr

STEPS = ("database", "province", "demo")
DEMO_SIZES = (0, 2000, 20000)
# Less free space than this at first start is a full disk in practice: the database, its
# first backup and the reference data need several MB, and the demo data far more.
MIN_FREE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class SetupPlan:
    db_path: Path
    province_code: str
    centre_name: str
    user_full_name: str
    demo_facilities: int  # 0: start empty
    password: str = ""  # the first account's (the centre leader's); "" only in plans made by tests


class FirstRunWizard:
    def __init__(self, db_path: Path, provinces: dict[str, str]) -> None:
        self.provinces = provinces
        self.step = 0
        self.db_path = db_path
        self.province_code = DEFAULT_PROVINCE if DEFAULT_PROVINCE in provinces else next(iter(provinces), "")
        self._centre_edited = False
        self.centre_name = default_centre_name(provinces.get(self.province_code, ""))
        self.user_full_name = ""
        self.password = ""
        self.password_again = ""
        self.demo_facilities = 0

    @property
    def current(self) -> str:
        return STEPS[self.step]

    @property
    def is_last(self) -> bool:
        return self.step == len(STEPS) - 1

    def set_province(self, code: str) -> None:
        self.province_code = code
        if not self._centre_edited:  # follow the province until the person types their own name
            self.centre_name = default_centre_name(self.provinces.get(code, ""))

    def set_centre_name(self, name: str) -> None:
        self._centre_edited = name.strip() != default_centre_name(self.provinces.get(self.province_code, ""))
        self.centre_name = name

    def problem(self, lang: str | None = None) -> str | None:
        """What stops the current step from going on, or None."""
        if self.current == "database":
            if self.db_path.exists() and self.db_path.is_dir():
                return tr("{path} là một thư mục; hãy chọn một tệp .db.", lang, path=str(self.db_path))
            if not self.db_path.name:
                return tr("Hãy chọn nơi lưu tệp dữ liệu.", lang)
        elif self.current == "province":
            if self.province_code not in self.provinces:
                return tr("Hãy chọn tỉnh/thành phố của Trung tâm.", lang)
            if not self.centre_name.strip():
                return tr("Hãy nhập tên Trung tâm.", lang)
            if len(self.password) < MIN_PASSWORD_LENGTH:
                return tr("Mật khẩu cần ít nhất {count} ký tự.", lang, count=MIN_PASSWORD_LENGTH)
            if self.password != self.password_again:
                return tr("Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.", lang)
        elif self.current == "demo" and self.demo_facilities not in DEMO_SIZES:
            return tr("Số cơ sở mẫu không hợp lệ.", lang)
        return None

    def storage_problem(self, lang: str | None = None) -> str | None:
        """Before leaving the database step: can the chosen folder take the database? The
        core's own message when the folder cannot be written or the disk is (nearly) full,
        so the person can choose another place now instead of failing at the end."""
        import shutil
        import tempfile

        from kcdesk.db.storage_errors import disk_full, storage_error

        folder = self.db_path.parent
        existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
        try:
            # A throwaway file in the nearest folder that exists: nothing is created for good.
            with tempfile.NamedTemporaryFile(dir=existing, prefix=".kcdesk-probe-"):
                pass
            free = shutil.disk_usage(existing).free
        except OSError as exc:
            error = storage_error(exc, self.db_path)
            return error.text(lang) if error is not None else str(exc)
        if free < MIN_FREE_BYTES:
            return disk_full(folder).text(lang)
        return None

    def next(self) -> bool:
        if self.problem() is not None or self.is_last:
            return False
        self.step += 1
        return True

    def back(self) -> bool:
        if self.step == 0:
            return False
        self.step -= 1
        return True

    def plan(self) -> SetupPlan:
        if not self.is_last or self.problem() is not None:
            raise ValueError("the wizard is not finished")
        return SetupPlan(
            self.db_path,
            self.province_code,
            self.centre_name.strip(),
            self.user_full_name.strip(),
            self.demo_facilities,
            self.password,
        )
