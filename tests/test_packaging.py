"""The package list in pyproject.toml names every package folder (it is explicit because
resources/ installs under another name)."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "kcdesk").rglob("__init__.py")}
    assert found - listed == set()
    assert "kcdesk_resources" in listed and (REPO / "resources" / "__init__.py").exists()


def test_the_unit_list_ships_with_its_licence() -> None:
    assert (REPO / "resources" / "admin-units" / "LICENSE").read_text().startswith("MIT")
