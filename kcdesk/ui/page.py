"""What the main window asks of every page (kcdesk.ui.main_window.PAGES): the declared
interface, so the window calls it without looking for methods by name."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Page(Protocol):
    """A page of the main window (a QWidget built with the window's AppContext)."""

    def refresh(self) -> None:
        """Read again what the page shows (F5)."""

    def new_record(self) -> None:
        """Ctrl+N on this page: start a new record where the page has one, else nothing."""
