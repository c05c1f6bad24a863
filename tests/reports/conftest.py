import os
import shutil
from pathlib import Path

import pytest

from kcdesk.db.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    """One freshly migrated database per session; each test gets its own copy."""
    path = tmp_path_factory.mktemp("template") / "kcdesk.db"
    Store.open(path, create=True).close()
    return path


@pytest.fixture
def store(_template_db, tmp_path):
    path = tmp_path / "kcdesk.db"
    shutil.copy(_template_db, path)
    s = Store.open(path)
    yield s
    s.close()
