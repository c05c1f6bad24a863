"""kcdesk.sync's shape: its modules import each other without a circle, and what the
window's scheduler does after a failed cycle belongs to the error's type, not its name."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import random
from pathlib import Path

import pytest

import kcdesk.sync
from kcdesk.progress import Progress
from kcdesk.sync import errors
from kcdesk.sync.errors import Cancelled, Reaction, SyncError, reaction_of
from kcdesk.ui.logic.sync_schedule import SyncSchedule

SYNC = Path(kcdesk.sync.__file__).parent


def _module(path: Path) -> str:
    return "kcdesk.sync." + path.stem


def _sync_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import of a kcdesk.sync module anywhere in the file:
    at the top, in a function, under TYPE_CHECKING (a hidden import is still a circle)."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.startswith("kcdesk.sync.")]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [a.name for a in node.names]
            if node.module == "kcdesk.sync":  # from kcdesk.sync import state, faults
                found += [(f"kcdesk.sync.{n}", []) for n in names if (SYNC / f"{n}.py").exists()]
            elif node.module.startswith("kcdesk.sync."):
                found.append((node.module, names))
    return found


def import_graph() -> dict[str, set[str]]:
    return {
        _module(path): {target for target, _ in _sync_imports(path) if target != _module(path)}
        for path in sorted(SYNC.glob("*.py"))
        if path.name != "__init__.py"
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of the graph as a path that ends where it starts, or None."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for target in sorted(graph.get(node, ())):
            cycle = visit(target, [*path, node])
            if cycle:
                return cycle
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start, [])
        if cycle:
            return cycle
    return None


def test_the_cycle_finder_finds_a_circle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_kcdesk_sync_imports_without_a_circle() -> None:
    graph = import_graph()
    assert graph.get("kcdesk.sync.client")  # the graph really was read
    assert find_cycle(graph) is None


def test_no_sync_module_imports_another_ones_private_names() -> None:
    private = [
        f"{path.name}: {target}.{name}"
        for path in SYNC.glob("*.py")
        for target, names in _sync_imports(path)
        for name in names
        if name.startswith("_")
    ]
    assert private == []


def _sync_error_types() -> list[type[BaseException]]:
    for info in pkgutil.iter_modules([str(SYNC)]):
        importlib.import_module(f"kcdesk.sync.{info.name}")
    seen: list[type[BaseException]] = []
    todo: list[type[BaseException]] = [SyncError]
    while todo:
        kind = todo.pop()
        seen.append(kind)
        todo += kind.__subclasses__()
    return seen


def test_every_sync_error_lives_in_errors_and_says_its_own_reaction() -> None:
    kinds = [*_sync_error_types(), Cancelled]
    assert len(kinds) >= 10
    for kind in kinds:
        assert kind.__module__ == "kcdesk.sync.errors", kind
        assert isinstance(kind.__dict__.get("reaction"), Reaction), f"{kind.__name__} does not say its reaction"


# What each error makes the scheduler do, keyed by the type itself: a renamed class keeps
# its entry (the test follows the rename), a new class must add one.
EXPECTED = {
    errors.SyncError: Reaction.RETRY,
    errors.Offline: Reaction.BACK_OFF,
    errors.ServerBusy: Reaction.BACK_OFF,
    errors.NotEnrolled: Reaction.STOP,
    errors.DeviceRevoked: Reaction.STOP,
    errors.AuthRejected: Reaction.STOP,
    errors.UpgradeRequired: Reaction.STOP,
    errors.DemoDataRefused: Reaction.STOP,
    errors.UntrustedServer: Reaction.STOP,
    errors.ProtocolError: Reaction.RETRY,
    errors.SnapshotDamaged: Reaction.RETRY,
    errors.InsecureServer: Reaction.RETRY,
    errors.Busy: Reaction.RETRY,
    errors.Cancelled: Reaction.RESUME,
}


def test_each_error_has_the_reaction_expected_of_it() -> None:
    assert set(EXPECTED) == set(_sync_error_types()) | {Cancelled}
    for kind, reaction in EXPECTED.items():
        assert reaction_of(kind("x")) is reaction, kind.__name__
    assert reaction_of(RuntimeError("a bug")) is Reaction.RETRY


@pytest.mark.parametrize("kind", [errors.DeviceRevoked, errors.Offline, errors.Cancelled])
def test_a_renamed_error_keeps_what_the_scheduler_does(kind: type[BaseException]) -> None:
    renamed = type("SomethingElseEntirely", (kind,), {})
    schedule, control = (SyncSchedule(interval=300, rng=random.Random(1)) for _ in range(2))
    assert schedule.after_error(reaction_of(renamed("x"))) == control.after_error(reaction_of(kind("x")))
    assert schedule.stopped == control.stopped and schedule.failures == control.failures


def test_the_scheduler_names_no_error_class() -> None:
    """Neither scheduler file compares class names as strings (the old way a rename broke)."""
    names = {kind.__name__ for kind in EXPECTED}
    root = SYNC.parent / "ui"
    for path in (root / "sync" / "scheduler.py", root / "logic" / "sync_schedule.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert not strings & names, path.name
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "__name__"], path.name


def test_one_cancelled_and_one_progress_for_the_whole_program() -> None:
    from kcdesk import progress

    assert progress.Cancelled is Cancelled
    job = Progress()
    job.cancel()
    with pytest.raises(Cancelled):
        job.step(1, 2, "push")
    assert job.cancelled and job.cancel_event.is_set()
