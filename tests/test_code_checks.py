"""The project's code checks, run by the one test command (scripts/test.sh, and so CI):
ruff's lint rules, ruff's formatting, and mypy --strict over all of kcdesk/ with the stubs
for openpyxl and reportlab. Settings live in pyproject.toml; the tools come with the
`test` extra. A failure shows the tool's own report: fix the code (or run `ruff format`),
do not loosen the settings."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import REPO

# Every folder of Python source in the repository (docs/ holds Markdown only).
PYTHON_FOLDERS = ("kcdesk", "tests", "bench", "scripts", "installer")


def _run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} is not installed: install the test extra (pip install -e '.[test]')", pytrace=False)
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=1200
    )


def _report(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit code {proc.returncode}\n{proc.stdout}\n{proc.stderr}"


def test_ruff_lint() -> None:
    proc = _run_tool("ruff", "check", "--no-cache", *PYTHON_FOLDERS)
    assert proc.returncode == 0, _report(proc)


def test_ruff_format() -> None:
    proc = _run_tool("ruff", "format", "--check", "--no-cache", *PYTHON_FOLDERS)
    assert proc.returncode == 0, _report(proc)


# Settings that would let modules off the strict check: no override of kcdesk may use them.
WEAKENING = {"ignore_errors", "disallow_untyped_defs", "disallow_any_generics", "check_untyped_defs", "strict"}


def test_mypy_strict_over_the_whole_package() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["packages"] == ["kcdesk"] and config["strict"] is True
    for override in config.get("overrides", []):
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        let_off = [m for m in modules if m == "kcdesk" or m.startswith("kcdesk.")]
        assert not (WEAKENING & set(override) and let_off), f"strict checks switched off for {let_off}"
    proc = _run_tool("mypy")
    assert proc.returncode == 0, _report(proc)


def test_a_missing_pdf_tool_skips_locally_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import require_pdf_tools

    monkeypatch.setenv("PATH", str(REPO / "no-such-folder"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="pdftotext"):
        require_pdf_tools()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="pdftotext"):
        require_pdf_tools()
