"""Fault points for the sync tests: inert unless the KCDESK_FAULTS variable names them.

KCDESK_FAULTS="push.after_commit:exit,push.mid_batch:exit@3" makes `hit("push.after_commit")`
end the process at once (as a power cut or `kill -9` would) and `hit("push.mid_batch",
3)` do so at the third mutation. Actions: exit, raise, sleep=<seconds>. With
KCDESK_FAULTS_FILE set, the file's contents are added on every hit, so a test can arm a
fault in a server that is already running. Production sets neither variable, so every
call is a dictionary lookup that finds nothing.
"""

from __future__ import annotations

import os
import time

_parsed: dict[str, tuple[str, int | None]] | None = None
_source: str | None = None


class InjectedFault(RuntimeError):
    pass


def _spec() -> str:
    spec = os.environ.get("KCDESK_FAULTS", "")
    armed = os.environ.get("KCDESK_FAULTS_FILE")
    if armed:  # a test arms faults in a running server by writing this file
        try:
            with open(armed, encoding="utf-8") as fh:
                spec = f"{spec},{fh.read().strip()}"
        except FileNotFoundError:
            pass
    return spec


def _faults() -> dict[str, tuple[str, int | None]]:
    global _parsed, _source
    spec = _spec()
    if _parsed is None or spec != _source:
        parsed: dict[str, tuple[str, int | None]] = {}
        for item in filter(None, (s.strip() for s in spec.split(","))):
            name, _, action = item.partition(":")
            at: int | None = None
            if "@" in action:
                action, _, n = action.partition("@")
                at = int(n)
            parsed[name] = (action or "exit", at)
        _parsed, _source = parsed, spec
    return _parsed


def active() -> bool:
    """Whether any fault can fire (checked once per batch by loops that hit per item)."""
    return bool(os.environ.get("KCDESK_FAULTS") or os.environ.get("KCDESK_FAULTS_FILE"))


def hit(name: str, index: int | None = None) -> None:
    fault = _faults().get(name)
    if fault is None:
        return
    action, at = fault
    if at is not None and index != at:
        return
    if action == "exit":
        os._exit(137)
    if action == "raise":
        raise InjectedFault(name)
    if action.startswith("sleep="):
        time.sleep(float(action.split("=", 1)[1]))
