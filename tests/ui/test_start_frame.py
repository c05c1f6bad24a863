"""The window's frame is painted before the heavy parts load: in a fresh interpreter, at the
first paint of the window neither SQLAlchemy nor the reports and exchange code (ReportLab,
openpyxl) has been imported; then the data opens behind the frame and the register shows
its rows. What is imported is checked, not how long it takes (bench/bench_gui.py times it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "pydantic", "reportlab", "openpyxl", "kcdesk.reports", "kcdesk.exchange", "kcdesk.db")

START = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from kcdesk.ui.app import prepare_application, start_main_window
from kcdesk.ui.settings import Settings

HEAVY = {heavy!r}
def loaded():
    return sorted(h for h in HEAVY if h in sys.modules)
seen = {{}}
class First(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = loaded()
        return False
settings = Settings()
app, _tr = prepare_application(settings, "vi")
first = First()
w = start_main_window(Path(sys.argv[1]), settings, "vi")
w.installEventFilter(first)
def rows(n):
    seen["rows"] = n
    seen["attached"] = loaded()
    seen["title"] = w.windowTitle()
    app.quit()
w.attached.connect(lambda: w.page("facilities").model.loaded.connect(rows))
QTimer.singleShot(60_000, app.quit)
app.exec()
print("JSON" + json.dumps(seen))
"""


def test_the_frame_is_painted_before_the_store_and_the_register_follows(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    shutil.copyfile(demo_template, db)
    # KCDESK_ENCRYPT=0: in the encrypted run the window would first offer to encrypt this plain copy.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KCDESK_HOME": str(tmp_path / "home"), "KCDESK_ENCRYPT": "0"}
    done = subprocess.run(
        [sys.executable, "-c", START.format(heavy=HEAVY), str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("JSON")), None)
    assert line is not None, done.stderr[-3000:]
    seen = json.loads(line[4:])
    assert seen["paint"] == []  # the frame came before SQLAlchemy, the store, reports and exchange
    assert "sqlalchemy" in seen["attached"]  # (the check sees an import when there is one)
    assert seen["rows"] > 0  # then the data opened behind it and the register filled
    assert "Đà Nẵng" in seen["title"]
    # Pages not shown first are still not loaded, with what they import.
    assert not {"reportlab", "openpyxl", "kcdesk.reports", "kcdesk.exchange"} & set(seen["attached"])
