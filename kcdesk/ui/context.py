"""What every page is given: the store, the runner, settings, the current units and user,
the sync scheduler and the window's one SyncService.

Made only by the composition root (kcdesk.ui.composition.build_context), passed in
explicitly (no singletons), never patched from outside: everything it holds is set here.
Restoring a backup does not swap its store: the composition root builds a new context over
the reopened file and the window rebuilds what it shows (MainWindow.replace_context).
`user_changed` lets pages re-check what the new user may do (status actions depend on the
role).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kcdesk.domain.validation import UnitIndex
from kcdesk.text import vi_sort_key
from kcdesk.ui.operations import Runner
from kcdesk.ui.settings import Settings

if TYPE_CHECKING:  # the window's frame is painted before SQLAlchemy is imported (kcdesk.ui.app.start_main_window)
    from kcdesk.db.store import Store
    from kcdesk.services.users import UserRow
    from kcdesk.sync.service import SyncService
    from kcdesk.ui.sync.scheduler import SyncScheduler


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
        # The window's pages read while a sync writes: a first pull stays in WAL here, where a
        # read never waits for the writer (kcdesk.db.journal; `kcdesk sync` takes the faster way).
        store.large_writes_leave_wal = False
        self.runner = runner
        self.settings = settings
        self.units = units
        self.province_code = province_code
        self.province_name = units.provinces.get(province_code, province_code)
        self.centre_name = centre_name
        self.user = user
        self.lang = lang
        # The scheduler reads the context it belongs to; imported here, once the context's
        # class exists (kcdesk.ui.sync.scheduler imports this module).
        from kcdesk.ui.sync.scheduler import SyncScheduler

        # One cycle at a time for this window; pages and editors read whether one runs.
        self.scheduler: SyncScheduler = SyncScheduler(self, parent=self)
        self._sync_service: SyncService | None = None

    @property
    def role(self) -> str:
        return self.user.role if self.user else "centre_staff"

    @property
    def user_id(self) -> str | None:
        return self.user.id if self.user else None

    def sync_service(self) -> SyncService:
        """One SyncService per context (it remembers whether the last cycle reached the
        server), made on first use: the sync client pulls in httpx and pydantic (~0.3 s),
        which the window does not need to start."""
        if self._sync_service is None:
            from kcdesk.sync.service import SyncService

            self._sync_service = SyncService(self.store, who="window")
        return self._sync_service

    def sync_service_if_made(self) -> SyncService | None:
        """The SyncService if a cycle or a page already needed it (None: nothing imported yet)."""
        return self._sync_service

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
