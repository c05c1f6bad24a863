"""What every page is given: the store, the runner, settings, the current units and user.

Passed in explicitly (no singletons); `user_changed` lets pages re-check what the new
user may do (status actions depend on the role).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from kcdesk.db.store import Store
from kcdesk.domain.validation import UnitIndex
from kcdesk.services.users import UserRow
from kcdesk.text import vi_sort_key
from kcdesk.ui.operations import Runner
from kcdesk.ui.settings import Settings


class AppContext(QObject):
    user_changed = Signal(object)

    def __init__(
        self,
        store: Store,
        runner: Runner,
        settings: Settings,
        units: UnitIndex,
        province_code: str,
        centre_name: str,
        user: UserRow | None,
        lang: str = "vi",
    ) -> None:
        super().__init__()
        self.store = store
        self.runner = runner
        self.settings = settings
        self.units = units
        self.province_code = province_code
        self.province_name = units.provinces.get(province_code, province_code)
        self.centre_name = centre_name
        self.user = user
        self.lang = lang
        # The sync scheduler (kcdesk.ui.sync.scheduler), made by the main window: pages and
        # editors read whether a cycle runs, for badges and buttons.
        self.scheduler: Any = None

    @property
    def role(self) -> str:
        return self.user.role if self.user else "centre_staff"

    @property
    def user_id(self) -> str | None:
        return self.user.id if self.user else None

    def set_user(self, user: UserRow) -> None:
        self.user = user
        self.store.reload_identity()
        self.user_changed.emit(user)

    def ward_name(self, code: str | None) -> str:
        if not code:
            return ""
        ward = self.units.wards.get(code)
        return ward[1] if ward else code

    def province_wards(self, province_code: str | None = None) -> list[tuple[str, str]]:
        wanted = province_code or self.province_code
        wards = ((c, name) for c, (p, name) in self.units.wards.items() if p == wanted)
        return sorted(wards, key=lambda x: vi_sort_key(x[1]))  # Vietnamese order, Đ after D
