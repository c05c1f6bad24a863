"""`kcdesk --self-test`: prove that this installation works, in a throw-away folder.

Runs the same code a person uses (database, migrations, records, search, PDF, backups, a
sync round trip with a local server when the server extra is installed, and the window's
toolkit on the offscreen platform) against files in a temporary folder, prints one line
per step and exits 0 when every step passed, 1 otherwise. It never touches the person's
own data: KCDESK_HOME points into the temporary folder while it runs, and the OS keyring
is replaced by a null one so a test enrolment leaves no token behind.

The same code runs from a checkout (`python -m kcdesk --self-test`) and from the frozen
bundle (`kcdesk --self-test`), where it is what CI runs after every build.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kcdesk.i18n import tr


class Skipped(Exception):
    """Raised by a step that cannot run in this installation (an optional part is absent)."""


@dataclass
class StepResult:
    name: str
    status: str  # passed | failed | skipped
    detail: str
    seconds: float


def _steps() -> list[tuple[str, Callable[[Path], str]]]:
    from kcdesk.selftest import core_steps, encryption_step, gui_probe, sync_step

    return [
        (tr("Tạo cơ sở dữ liệu và chạy nâng cấp lược đồ"), core_steps.create_database),
        (tr("Nâng cấp dữ liệu từ lược đồ đầu tiên (có sao lưu)"), core_steps.upgrade_first_schema),
        (tr("Ghi và tìm kiếm bản ghi"), core_steps.write_and_search),
        (tr("In văn bản PDF tiếng Việt"), core_steps.render_pdf),
        (tr("Sao lưu hằng ngày và khôi phục"), core_steps.backup_and_restore),
        (tr("Đăng nhập bằng mật khẩu"), core_steps.sign_in_with_a_password),
        (tr("Mở cơ sở dữ liệu mã hóa"), encryption_step.open_encrypted_database),
        (tr("Đồng bộ với máy chủ cục bộ"), sync_step.sync_round_trip),
        (tr("Giao diện Qt (không cần màn hình)"), gui_probe.probe_gui),
    ]


def run_self_test(out: TextIO | None = None, keep: bool = False) -> int:
    """Run every step; print what passed. Returns the exit code (0: all passed or skipped)."""
    out = out or sys.stdout
    from kcdesk import __version__

    root = Path(tempfile.mkdtemp(prefix="kcdesk-selftest-"))
    saved_env = {k: os.environ.get(k) for k in ("KCDESK_HOME", "PYTHON_KEYRING_BACKEND", "KCDESK_RECOVERY_KEY")}
    os.environ["KCDESK_HOME"] = str(root / "home")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    if os.environ.get("KCDESK_ENCRYPT") == "1":
        # Asked to encrypt every new database, with the OS keyring out of reach: the steps'
        # databases are encrypted under a throw-away recovery key (never the person's own).
        from kcdesk.security.recovery import format_key, new_recovery_key

        os.environ["KCDESK_RECOVERY_KEY"] = format_key(new_recovery_key())
    frozen = tr("bản đóng gói") if getattr(sys, "frozen", False) else tr("mã nguồn")
    print(
        tr("kcdesk {version} ({kind}) tự kiểm tra trong {folder}", version=__version__, kind=frozen, folder=root),
        file=out,
        flush=True,
    )
    # Warnings go to a log beside the test files (kept when a step fails), not the console.
    log_handler = logging.FileHandler(root / "selftest.log", encoding="utf-8")
    log_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(log_handler)
    results: list[StepResult] = []
    try:
        for name, step in _steps():
            results.append(_run(name, step, root))
            _print(results[-1], out)
    finally:
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    failed = [r for r in results if r.status == "failed"]
    passed = sum(r.status == "passed" for r in results)
    print(
        tr(
            "Kết quả: {passed}/{total} bước đạt, {skipped} bỏ qua, {failed} lỗi.",
            passed=passed,
            total=len(results),
            skipped=sum(r.status == "skipped" for r in results),
            failed=len(failed),
        ),
        file=out,
    )
    if failed or keep:
        print(tr("Các tệp của lần tự kiểm tra được giữ lại tại {folder}", folder=root), file=out)
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


def _run(name: str, step: Callable[[Path], str], root: Path) -> StepResult:
    folder = root / step.__name__
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        detail = step(folder)
        status = "passed"
    except Skipped as exc:
        detail, status = str(exc), "skipped"
    except Exception as exc:  # a failed step is reported and the others still run
        text = exc.text() if hasattr(exc, "text") else f"{type(exc).__name__}: {exc}"
        detail, status = text, "failed"
    return StepResult(name, status, detail, time.perf_counter() - started)


def _print(result: StepResult, out: TextIO) -> None:
    mark = {"passed": tr("ĐẠT"), "failed": tr("LỖI"), "skipped": tr("BỎ QUA")}[result.status]
    line = f"  [{mark}] {result.name} ({result.seconds:.2f} s)"
    if result.detail:
        line += f": {result.detail}"
    print(line, file=out, flush=True)
