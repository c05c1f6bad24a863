"""Making the official documents and exports: the window (on a worker thread) and `kcdesk
report acceptance|proposal|facility|plan` call these same functions.

Thin wrappers over kcdesk.reports and kcdesk.exchange: each reads through its own session,
writes only the output file (PDF, or the document's tables as .xlsx, by the extension),
takes a kcdesk.progress.Progress and stops at the next step when cancelled (a cancelled
document leaves no file). `names` overrides the issuing agency's names for one document
(the command line's --agency, --parent-agency, --place); by default they are the settings'."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kcdesk.db.store import Store, get_meta
from kcdesk.progress import Progress


@dataclass(frozen=True)
class AgencyNames:
    """Names of the issuing agency for one document, over the settings' (None: the setting)."""

    name: str | None = None
    parent: str | None = None
    place: str | None = None


def _agency(session: Any, province: str | None, names: AgencyNames | None) -> Any:
    from kcdesk.reports.agency import agency_for

    names = names or AgencyNames()
    return agency_for(session, province, name=names.name, parent=names.parent, place=names.place)


def file_part(name: object) -> str:
    """A record's name or number as part of a file name (no characters Windows refuses)."""
    import re

    return re.sub(r'[\\/:*?"<>|\s]+', "-", str(name or "")).strip("-.")[:60] or "ho-so"


def acceptance_record(
    store: Store, acceptance_ref: str, out: Path, progress: Progress, *, names: AgencyNames | None = None
) -> Path:
    """Biên bản nghiệm thu (PDF, or its tables as .xlsx); `acceptance_ref`: its number, its
    proposal's code or its id."""
    from kcdesk.reports.acceptance_record import acceptance_tables, write_acceptance_pdf
    from kcdesk.reports.records import find_acceptance

    with store.read() as s:
        acceptance = find_acceptance(s, acceptance_ref)
        if out.suffix.lower() == ".xlsx":
            return _tables(out, acceptance_tables(s, acceptance), progress)
        return write_acceptance_pdf(s, acceptance, _agency(s, None, names), out, progress)


def proposal_dossier(
    store: Store, proposal_ref: str, out: Path, progress: Progress, *, names: AgencyNames | None = None
) -> Path:
    """Thuyết minh đề án with its Mẫu 01 budget (PDF), or the budget table (.xlsx)."""
    from kcdesk.reports.proposal_dossier import budget_table, write_proposal_pdf
    from kcdesk.reports.records import find_proposal

    with store.read() as s:
        proposal = find_proposal(s, proposal_ref)
        if out.suffix.lower() == ".xlsx":
            return _tables(out, [budget_table(s, proposal)], progress)
        return write_proposal_pdf(s, proposal, _agency(s, proposal.province_code, names), out, progress)


def facility_profile(
    store: Store, facility_ref: str, out: Path, progress: Progress, *, names: AgencyNames | None = None
) -> Path:
    """Phiếu thông tin cơ sở (PDF, or its tables as .xlsx); `facility_ref`: tax code or id."""
    from kcdesk.reports.facility_profile import facility_tables, write_facility_pdf
    from kcdesk.reports.records import find_facility
    from kcdesk.services.access_trail import record_access

    with store.read() as s:
        facility = find_facility(s, facility_ref)
        if out.suffix.lower() == ".xlsx":
            made = _tables(out, facility_tables(s, facility), progress)
        else:
            made = write_facility_pdf(s, facility, _agency(s, facility.province_code, names), out, progress)
    # A profile holds the representative's personal data: printing it goes on the access trail.
    store.write(lambda w: record_access(w, "print", "facility", facility.id))
    return made


def _tables(out: Path, tables: list[Any], progress: Progress) -> Path:
    from kcdesk.reports.xlsx_tables import write_tables

    return write_tables(out, tables, progress)


def plan_list(
    store: Store,
    year: int,
    level: str | None,
    out: Path,
    progress: Progress,
    *,
    province: str | None = None,
    names: AgencyNames | None = None,
) -> Path:
    """Mẫu 02: the plan registration list of a year (PDF, landscape; or .xlsx), of this
    database's province unless `province` names another."""
    from kcdesk.reports.plan_list import PlanQuery, plan_document, plan_table

    with store.read() as s:
        query = PlanQuery(year, level, province or get_meta(s, "province_code"))
        table = plan_table(s, query, progress)
        if out.suffix.lower() == ".xlsx":
            return _tables(out, [table], progress)
        plan_document(table, _agency(s, query.province_code, names), query, progress=progress).build(out, progress)
        return out


def periodic_report(store: Store, start: date, end: date, out: Path, progress: Progress) -> Path:
    """The periodic report of this province for a date range (PDF with charts; or .xlsx)."""
    from kcdesk.reports.agency import agency_for, province_names
    from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
    from kcdesk.reports.periodic_report import periodic_tables, write_periodic_pdf

    with store.read() as s:
        province = get_meta(s, "province_code")
        fig = periodic_figures(s, PeriodicQuery(start, end, province), progress)
        if out.suffix.lower() == ".xlsx":
            return _tables(out, periodic_tables(fig), progress)
        names = province_names(s, province)
        return write_periodic_pdf(
            fig, agency_for(s, province), out, scope_name=names[0] if names else "", progress=progress
        )


def export_register(store: Store, kind: str, out: Path, progress: Progress) -> Path:
    """The facility register or the proposal list as .xlsx, in the import's own columns."""
    from kcdesk.exchange.registers import export_facilities, export_proposals

    with store.read() as s:
        province = get_meta(s, "province_code")
    run = export_facilities if kind == "facilities" else export_proposals
    run(store, out, province_code=province, progress=progress)
    return out


def import_template(kind: str, out: Path, progress: Progress) -> Path:
    """An empty sheet with the Vietnamese headers and a "Hướng dẫn" sheet."""
    from kcdesk.exchange.sheets_out import write_template

    progress.check()
    return write_template(out, kind)
