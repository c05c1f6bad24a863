"""Where kcdesk keeps the user's data: the platform's app-data folder, or KCDESK_HOME."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kcdesk"


def data_dir() -> Path:
    override = os.environ.get("KCDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    # Windows: %LOCALAPPDATA%\kcdesk; Linux: ~/.local/share/kcdesk; macOS: ~/Library/Application Support/kcdesk
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "kcdesk.db"


def log_dir() -> Path:
    return data_dir() / "logs"
