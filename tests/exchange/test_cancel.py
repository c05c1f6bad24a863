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
