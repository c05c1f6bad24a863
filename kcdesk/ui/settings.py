"""Typed settings over an INI file (QSettings), declared once in logic/settings_schema.py.

Stored values are plain text; the file carries its version and is copied aside before an
upgrade (Picard). Passed to whoever needs it: never a module-level singleton.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from kcdesk.paths import data_dir
from kcdesk.ui.logic.settings_schema import OPTIONS, SETTINGS_VERSION

log = logging.getLogger(__name__)


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (data_dir() / "kcdesk-settings.ini")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        stored = int(self._qs.value("settings_version") or 0)  # None when never written
        if stored == SETTINGS_VERSION:
            return
        if stored > 0 and self.path.exists():
            backup = self.path.with_name(f"{self.path.stem}-v{stored}.ini")
            shutil.copyfile(self.path, backup)
            log.info("settings v%s backed up to %s", stored, backup)
        # Upgrade functions by version go here when an option changes meaning.
        self._qs.setValue("settings_version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        return OPTIONS[key].coerce(self._qs.value(key))

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if option.coerce(option.dump(value)) != value:
            raise ValueError(f"{key}: {value!r} is not a valid {option.type.__name__}")
        self._qs.setValue(key, option.dump(value))

    def sync(self) -> None:
        self._qs.sync()
