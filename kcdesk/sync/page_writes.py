"""Pulled pages handed to the store's writer in order, the next one asked for meanwhile.

A page's write also moves the scope's cursor past it, so a page may only be written when
every page before it was: a later page written after an earlier one failed would move the
cursor over rows never written. Each write therefore first looks at the one before it (the
writer is one thread, so that one has ended) and writes nothing when it failed.

Two pages at most wait for the writer: the laptop asks for the next page while they wait,
so neither the server nor the writer waits for the other, and a slow disk never lets pages
pile up in memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from functools import partial

from sqlalchemy.orm import Session

from kcdesk.db.store import Store

IN_FLIGHT = 2


class EarlierPageFailed(Exception):
    """A page not written because a page before it failed; that failure is the one raised."""


def _after(previous: Future[None] | None, work: Callable[[Session], None], session: Session) -> None:
    if previous is not None and (previous.cancelled() or previous.exception() is not None):
        raise EarlierPageFailed
    work(session)


class PageWrites:
    def __init__(self, store: Store, in_flight: int = IN_FLIGHT) -> None:
        self._store = store
        self._in_flight = in_flight
        self._queued: deque[Future[None]] = deque()

    def submit(self, work: Callable[[Session], None]) -> None:
        """Queue `work` (a page's write) after the pages queued before it. When `in_flight`
        pages already wait, waits for the oldest first; its failure is raised here."""
        while len(self._queued) >= self._in_flight:
            self._result(self._queued.popleft())
        previous = self._queued[-1] if self._queued else None
        self._queued.append(
            self._store.submit_write(partial(_after, previous, work), origin="sync", applying_remote=True)
        )

    def wait(self) -> None:
        """Every queued page ended; the first failure among them raised (the pages after it
        wrote nothing)."""
        while self._queued:
            self._result(self._queued.popleft())

    @staticmethod
    def _result(future: Future[None]) -> None:
        with suppress(EarlierPageFailed):  # the earlier failure was raised when its page was waited for
            future.result()
