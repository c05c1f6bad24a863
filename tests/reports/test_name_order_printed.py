"""Printed lists name facilities in Vietnamese dictionary order: the beneficiaries of a
proposal dossier, read back from the PDF with pdftotext."""

from __future__ import annotations

import builders as b
import pytest
from sqlalchemy import text

from kcdesk.db.models import Proposal, ProposalBeneficiary
from kcdesk.reports.agency import agency_for
from kcdesk.reports.proposal_dossier import write_proposal_pdf
from tests.vi_names import IN_ORDER, add_shuffled

pytestmark = pytest.mark.pdf_tools


def test_dossier_lists_beneficiaries_in_vietnamese_order(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add_shuffled(store)

    def make(s):  # type: ignore[no-untyped-def]
        p = b.proposal(s, "KCDP-2026-031", kc=100_000_000, status="approved")
        for (fid,) in s.execute(text("SELECT id FROM facility ORDER BY random()")):
            s.add(ProposalBeneficiary(proposal_id=p.id, facility_id=fid))
        s.flush()
        return p.id

    pid = store.write(make)
    with store.read() as s:
        pdf = write_proposal_pdf(s, s.get(Proposal, pid), agency_for(s, "48"), tmp_path / "de-an.pdf")
    printed = " ".join(b.pdftotext(pdf).split())
    start = printed.index(IN_ORDER[0])
    end = printed.index(IN_ORDER[-1], start) + len(IN_ORDER[-1])
    assert printed[start:end].split("; ") == IN_ORDER
