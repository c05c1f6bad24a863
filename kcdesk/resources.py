"""Where the shipped resources are: a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    root = Path(str(files("kcdesk_resources")))
    return root.joinpath(*parts)
