"""Shared fixtures: real SQLite files in temporary folders, one demo province per session."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Qt must never try to open a display in tests (a missing display aborts the process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
os.environ.setdefault("KCDESK_ENCRYPT", "0")  # see BOTH_WAYS below

from kcdesk.db.store import Store
from kcdesk.demo.build import build_demo
from kcdesk.services.setup import initialize

REPO = Path(__file__).resolve().parent.parent
# New databases are plain in tests unless KCDESK_TEST_ENCRYPT=1 (then every store is
# encrypted, its OS slot in a file keyring); the store and search tests run both ways.
TESTS = Path(__file__).resolve().parent
BOTH_WAYS = {"test_store", "test_search"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "storage_mode" in metafunc.fixturenames and metafunc.module.__name__.rsplit(".", 1)[-1] in BOTH_WAYS:
        metafunc.parametrize("storage_mode", ["plain", "encrypted"], indirect=True)


@pytest.fixture(autouse=True)
def storage_mode(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """ "plain" or "encrypted": how the databases this test creates are stored."""
    mode = getattr(request, "param", "encrypted" if os.environ.get("KCDESK_TEST_ENCRYPT") == "1" else "plain")
    if request.node.get_closest_marker("plain_storage"):  # the test converts a plain file itself
        mode = "plain"
    if mode == "plain":
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("KCDESK_ENCRYPT", "0")
            yield mode
        return
    with encrypted_stores(tmp_path_factory.mktemp("keyring") / "keyring.json"):
        yield mode


@contextmanager
def encrypted_stores(keyring_file: Path) -> Iterator[None]:
    """New databases encrypted, their OS slot in a real file-backed keyring (tests/file_keyring.py),
    for this process and the `kcdesk` processes it starts."""
    import keyring

    sys.path.insert(0, str(TESTS))
    from file_keyring import FileKeyring

    previous = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KCDESK_ENCRYPT", "1")
        mp.setenv("KCDESK_TEST_KEYRING_FILE", str(keyring_file))
        mp.setenv("PYTHON_KEYRING_BACKEND", "file_keyring.FileKeyring")
        mp.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(TESTS), os.environ.get("PYTHONPATH")) if p))
        keyring.set_keyring(FileKeyring())
        try:
            yield
        finally:
            keyring.set_keyring(previous)
            sys.path.remove(str(TESTS))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new, initialised database for Đà Nẵng with one centre-leader user."""
    s = Store.open(tmp_path / "kcdesk.db", create=True)
    s.write(
        lambda session: initialize(session, province_code="48", user_full_name="Nguyễn Văn An", role="centre_leader")
    )
    s.reload_identity()
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Plain whichever test asks first (its key would live in that test's keyring alone);
    in the encrypted run a copy stays plain, as an unconverted laptop's file does."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KCDESK_ENCRYPT", "0")
        with Store.open(path, create=True) as s:
            build_demo(s, facilities=2000, seed=1)
    return path


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the 2,000-facility demo province."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    s = Store.open(path)
    yield s
    s.close()


def run_cli(*args: str, db: Path | None = None) -> CliResult:
    """Run `kcdesk` in a fresh interpreter, as a user would."""
    import subprocess

    cmd = [sys.executable, "-m", "kcdesk", *(["--db", str(db)] if db else []), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=300)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):  # type: ignore[no-untyped-def]
        import json

        return json.loads(self.out)


# -- tools outside Python ---------------------------------------------------------------------

# poppler-utils: the report tests read every PDF back (text, fonts, page images, page count).
PDF_TOOLS = ("pdftotext", "pdffonts", "pdftoppm", "pdfinfo")


def in_ci() -> bool:
    """Whether this run is CI's (.ci/run sets CI=true)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_pdf_tools() -> None:
    """Skip the calling test on a developer's machine without poppler-utils; fail it under
    CI, where a missing tool must not turn the PDF tests into silent skips."""
    missing = [tool for tool in PDF_TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    why = f"poppler-utils is not installed (missing: {', '.join(missing)})"
    if in_ci():
        pytest.fail(f"{why}: CI reads every PDF back; scripts/test.sh installs it when run as root", pytrace=False)
    pytest.skip(why)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`@pytest.mark.pdf_tools` (or `pytestmark = pytest.mark.pdf_tools`): see require_pdf_tools."""
    if item.get_closest_marker("pdf_tools") is not None:
        require_pdf_tools()
