"""A cancelled import writes nothing, even when cancelled while writing."""

import pytest
import sheets as x
from sqlalchemy import func, select

from kcdesk.db.models import Facility
from kcdesk.exchange.facility_import import import_facilities
from kcdesk.progress import Cancelled, Progress


def test_cancel_during_the_write_rolls_everything_back(store, tmp_path, monkeypatch):
    from kcdesk.exchange import facility_import

    monkeypatch.setattr(facility_import, "INSERT_BATCH", 10)  # several batches, so the cancel lands mid-write
    sheet = x.workbook(tmp_path / "f.xlsx", [x.good_row(n) for n in range(1, 60)])
    progress = Progress(lambda done, total, what: progress.cancel() if what == "ghi dữ liệu" and done >= 30 else None)
    with pytest.raises(Cancelled):
        import_facilities(store, sheet, progress=progress)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Facility)) == 0


def test_a_proposal_import_cancelled_while_writing_writes_nothing(store, tmp_path):
    from proposal_book import footprint
    from proposal_cases import with_facilities, workbook_a

    from kcdesk.exchange.proposal_import import import_proposals

    with_facilities(store, tmp_path)
    before = footprint(store)
    progress = Progress(lambda done, total, what: progress.cancel() if what == "ghi dữ liệu" and done >= 1 else None)
    with pytest.raises(Cancelled):
        import_proposals(store, workbook_a(tmp_path), progress=progress)
    assert footprint(store) == before


def test_a_large_import_goes_through_the_rollback_journal_and_leaves_the_file_in_wal(store, tmp_path, monkeypatch):
    from kcdesk.db import journal
    from kcdesk.exchange import import_run

    left: list[bool] = []
    real = journal.leave_wal

    def leave_wal(dbapi):
        left.append(real(dbapi))
        return left[-1]

    monkeypatch.setattr(import_run, "LARGE_IMPORT_ROWS", 30)  # a large import, made small
    monkeypatch.setattr(journal, "leave_wal", leave_wal)
    import_facilities(store, x.workbook(tmp_path / "small.xlsx", [x.good_row(n) for n in range(1, 20)]))
    assert left == []  # below the threshold: an ordinary write
    outcome = import_facilities(store, x.workbook(tmp_path / "large.xlsx", [x.good_row(n) for n in range(20, 60)]))
    assert outcome.imported == 40
    assert left == [True]  # alone with the file: through the rollback journal
    with store.read() as s:
        assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert s.scalar(select(func.count()).select_from(Facility)) == 59
        audited = "SELECT count(*) FROM audit_entry WHERE table_name = 'facility' AND op = 'insert'"
        assert s.connection().exec_driver_sql(audited).scalar() == 59
