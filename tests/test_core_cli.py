"""The command line as a user drives it: init, demo, search in every spelling, errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.conftest import run_cli


def test_init_demo_and_search_da_nang_in_any_spelling(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert run_cli("init", db=db).code == 0
    demo = run_cli("demo", "--facilities", "2000", "--seed", "1", db=db)
    assert demo.code == 0, demo.err
    assert "2.000 cơ sở CNNT" in demo.out

    hits = run_cli("search", "da nang", "--json", db=db)
    assert hits.code == 0, hits.err
    results = hits.json()
    facilities = [h for h in results if h["kind"] == "facility"]
    assert facilities, "no facility found for 'da nang'"
    for h in facilities:
        shown = run_cli("facility", "show", h["id"], "--json", db=db).json()
        assert shown["province_name"] == "Thành phố Đà Nẵng"
        break  # one round trip through `facility show` is enough; the rest checked below
    ids = [h["id"] for h in results]
    for query in (
        "ĐÀ NẴNG",
        "DA NANG",
        unicodedata.normalize("NFD", "Đà Nẵng"),
        unicodedata.normalize("NFD", "da nang"),
    ):
        again = run_cli("search", query, "--json", db=db)
        assert [h["id"] for h in again.json()] == ids, query


def test_search_results_are_in_the_province(demo_store) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.db.models import Facility
    from kcdesk.services.search import search

    with demo_store.read() as s:
        hits = search(s, "da nang", kinds=("facility",), limit=50)
        assert len(hits) == 50
        assert {s.get(Facility, h.id).province_code for h in hits} == {"48"}


def test_errors_are_vietnamese_change_nothing_and_exit_non_zero(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    missing = run_cli("search", "abc", db=db)
    assert missing.code != 0
    assert "Chưa có cơ sở dữ liệu" in missing.err and "kcdesk" in missing.err
    assert not db.exists()

    assert run_cli("init", db=db).code == 0
    bad = run_cli(
        "facility", "add", "--name", "Cơ sở thử", "--type", "hkd", "--tax-code", "12345", "--ward", "99999", db=db
    )
    assert bad.code == 1
    assert "Mã số thuế '12345' không đúng" in bad.err
    assert "99999" in bad.err
    listed = run_cli("facility", "list", "--json", db=db).json()
    assert listed["total"] == 0

    english = run_cli("--lang", "en", "search", "x", db=tmp_path / "none.db")
    assert english.code != 0 and "No database" in english.err


def test_facility_add_by_ward_name_then_show_and_history(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    run_cli("init", db=db)
    added = run_cli(
        "facility",
        "add",
        "--name",
        "  Cơ sở  chả cá Nam Ô ",
        "--type",
        "hkd",
        "--tax-code",
        "0401 234 567",
        "--ward",
        "hai chau",
        "--phone",
        "0905.123.456",
        "--json",
        db=db,
    )
    assert added.code == 0, added.err
    data = added.json()
    assert data["name"] == "Cơ sở chả cá Nam Ô"
    assert data["tax_code"] == "0401234567" and data["phone"] == "0905123456"
    assert data["ward_name"] == "Phường Hải Châu"
    shown = run_cli("facility", "show", "0401234567", "--history", "--json", db=db).json()
    assert shown["history"][0]["op"] == "insert"
    assert shown["history"][0]["after"]["name"] == "Cơ sở chả cá Nam Ô"


def test_due_and_proposal_commands_on_demo(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    run_cli("demo", "--facilities", "2000", db=db)
    due = run_cli("due", "--json", db=db)
    assert due.code == 0
    items = due.json()
    assert all(set(i) >= {"code", "task", "due", "overdue", "legal_basis"} for i in items)
    listed = run_cli("proposal", "list", "--status", "draft", "--json", db=db).json()
    assert listed
    code = listed[0]["code"]
    step = run_cli("proposal", "transition", code, "submit", "--user", "canbo1", db=db)
    assert step.code == 0, step.err
    assert "Đã đăng ký" in step.out
    refused = run_cli("proposal", "transition", code, "settle", "--user", "canbo1", db=db)
    assert refused.code == 1
    assert "Đã đăng ký" in refused.err and "Các bước tiếp theo được phép" in refused.err
