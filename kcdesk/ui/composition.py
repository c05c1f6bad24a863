"""The window's composition root: the one place that builds an AppContext (store, runner,
units, identity, user, sync scheduler) over an opened store.

build_context is used at start (kcdesk.ui.app.build_main_window, the tests and the
benchmarks); reopen_context after a backup is restored over the database file: the old
context's store is closed, and a new context is built over the same path, so nothing holds
the closed store and no page keeps reading it (the window rebuilds its pages over the new
context: MainWindow.replace_context).
"""

from __future__ import annotations

from kcdesk.db.store import Store
from kcdesk.db.units import unit_index
from kcdesk.errors import KcError
from kcdesk.services.setup import identity
from kcdesk.services.users import current_user_row
from kcdesk.ui.context import AppContext
from kcdesk.ui.operations import Runner
from kcdesk.ui.settings import Settings


def build_context(store: Store, settings: Settings, lang: str = "vi") -> AppContext:
    """A context over an initialised store (raises KcError when no province was chosen)."""
    with store.read() as session:
        units = unit_index(session)
        ident = identity(session)
        user = current_user_row(session)
    if ident is None:
        raise KcError("Cơ sở dữ liệu chưa được thiết lập (chưa chọn tỉnh).")
    return AppContext(store, Runner(store), settings, units, ident.province_code, ident.centre_name, user, lang)


def reopen_context(old: AppContext) -> AppContext:
    """A new context over the file `old` used, opened again (after a restore replaced it, or
    a refused restore left it as it was). The old store must be closed already and the old
    runner idle; both are left to be discarded with `old`."""
    from kcdesk.services.sign_in import keep_signed_in

    store = Store.open(old.store.path)
    keep_signed_in(store, old.store.signed_in_user_id)  # the person who restored stays signed in
    return build_context(store, old.settings, old.lang)
