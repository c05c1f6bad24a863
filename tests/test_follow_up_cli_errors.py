"""The new commands refuse bad input as the window does: the core's Vietnamese reason (or
English with --lang en), exit code 1, and nothing written; what they do write is audited
and queued for sync like any other change."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.db.store import Store
from kcdesk.services import facilities, setup
from tests.conftest import run_cli
from tests.followup import new_proposal, walk
from tests.raw_db import raw_connect

FACILITY = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


TABLES = (
    "disbursement",
    "progress_report",
    "acceptance",
    "post_support_evaluation",
    "proposal",
    "facility",
    "survey",
    "audit_entry",
    "sync_outbox",
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with one facility and one KCĐP proposal under way (budget 200 M khuyến công)."""
    path = tmp_path / "kcdesk.db"
    with Store.open(path, create=True) as store:
        store.write(lambda s: setup.initialize(s, province_code="48", user_full_name="Nguyễn Văn An", role="admin"))
        store.reload_identity()
        fid = store.write(lambda s: facilities.create_facility(s, FACILITY | {"tax_code": "0401234567"}))
        pid = new_proposal(store, beneficiary=fid)
        walk(store, pid, "KCDP", "in_progress")
    return path


def footprint(db: Path) -> tuple[int, ...]:
    with raw_connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


def code(db: Path) -> str:
    with raw_connect(db) as conn:
        return str(conn.execute("SELECT code FROM proposal").fetchone()[0])


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (
            ["money", "advance", "{code}", "250.000.000", "--date", "01/03/2026"],
            "vượt kinh phí khuyến công",
            "above the approved",
        ),
        (["money", "pay", "{code}", "12,5", "--date", "01/03/2026"], "ghi số nguyên đồng", "write whole đồng"),
        (["money", "advance", "{code}", "1000", "--date", "01/01/2099"], "chưa đến", "has not come yet"),
        (
            ["money", "settle", "{code}", "100", "--date", "01/03/2026"],
            "chỉ quyết toán sau khi nghiệm thu",
            "settlement comes after",
        ),
        (["money", "reverse", "khong-co", "--date", "01/03/2026"], "Không tìm thấy khoản tiền", "not found"),
        (["progress", "file", "{code}", "--month", "13/2026", "--date", "01/03/2026"], "mm/yyyy", "mm/yyyy"),
        (
            ["progress", "file", "{code}", "--month", "03/2026", "--date", "01/03/2026", "--pct", "120"],
            "0 đến 100",
            "0 to 100",
        ),
        (
            ["evaluation", "create", "{code}", "--date", "01/03/2026", "--evaluator", "Hoa"],
            "đã quyết toán",
            "after settlement",
        ),
        (
            ["acceptance", "create", "{code}", "--conclusion", "tot", "--date", "01/03/2026"],
            "Kết luận phải là",
            "conclusion must be",
        ),
        (
            ["acceptance", "create", "{code}", "--date", "01/03/2026", "--member", "|vai_tro_la"],
            "hãy nhập họ tên",
            "full name",
        ),
        (
            [
                "proposal",
                "add",
                "--title",
                "Đề án",
                "--level",
                "KCDP",
                "--year",
                "2026",
                "--unit",
                "TT",
                "--budget",
                "Máy",
                "-5",
            ],
            "Kinh phí khuyến công: Dòng 1: số tiền phải là số nguyên đồng, không âm",
            "Industrial extension funds: Line 1",
        ),
        (["proposal", "edit", "{code}", "--planned-trainees", "-3"], "không âm", "not negative"),
        (["facility", "edit", "0401234567", "--phone", "123"], "Số điện thoại '123' không đúng", "123"),
        (["facility", "delete", "0401234567"], "đơn vị thụ hưởng của đề án", "beneficiary of proposal"),
        (
            ["survey", "add", "--new-name", "Cơ sở mới", "--ward", "20194", "--send"],
            "ít nhất một nhu cầu",
            "at least one support need",
        ),
    ],
)
def test_refusals_explain_in_either_language_exit_1_and_write_nothing(
    db: Path, args: list[str], vietnamese: str, english: str
) -> None:
    filled = [a.replace("{code}", code(db)) for a in args]
    before = footprint(db)
    vi = run_cli(*filled, db=db)
    assert vi.code == 1 and vietnamese in vi.err, vi.err
    en = run_cli("--lang", "en", *filled, db=db)
    assert en.code == 1 and english in en.err, en.err
    assert footprint(db) == before


def test_writes_are_audited_and_queued_for_sync(db: Path, tmp_path: Path) -> None:
    ref = code(db)
    steps = [
        ["money", "advance", ref, "60.000.000", "--date", "01/03/2026"],
        ["progress", "file", ref, "--month", "03/2026", "--date", "20/03/2026", "--pct", "30"],
        ["facility", "edit", "0401234567", "--phone", "0905 123 456"],
        ["survey", "add", "--facility", "0401234567", "--need", "KC3.3|1|Máy sấy", "--ward", "20194", "--send"],
        ["proposal", "edit", ref, "--planned-machines", "2"],
    ]
    for step in steps:
        result = run_cli(*step, "--json", db=db)
        assert result.code == 0, (step, result.err)
    with raw_connect(db) as conn:
        audited = {r[0] for r in conn.execute("SELECT DISTINCT table_name FROM audit_entry WHERE origin = 'local'")}
        queued = {r[0] for r in conn.execute("SELECT DISTINCT table_name FROM sync_outbox")}
        changed = conn.execute(
            "SELECT json_extract(after, '$.planned_machines') FROM audit_entry WHERE table_name = 'proposal' "
            "AND op = 'update' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    wanted = {"disbursement", "progress_report", "facility", "survey", "survey_need", "proposal"}
    assert wanted <= audited and wanted <= queued
    assert changed == (2,)
    # The window's English texts too: the same command speaks English on request.
    shown = run_cli("--lang", "en", "money", "show", ref, db=db)
    assert "Advance" in shown.out and "Industrial extension funds" in shown.out
