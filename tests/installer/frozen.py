"""A handle on the frozen bundle that the installer tests run."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Bundle:
    folder: Path
    build_output: str  # what build_linux.sh printed: the build line and the frozen self-test

    @property
    def cli(self) -> Path:
        return self.folder / "kcdesk"

    def run(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            **(env or {}),
        }
        return subprocess.run(
            [str(self.cli), *args], capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=timeout
        )
