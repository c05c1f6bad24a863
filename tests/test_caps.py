"""Support caps: a breach is reported with the rule, the figures and the legal basis."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kcdesk.db.store import Store
from kcdesk.domain import caps
from kcdesk.services import facilities, proposals
from kcdesk.services.proposals import BudgetInput

FACILITY = {
    "name": "Cơ sở gạch không nung Hòa Phát",
    "facility_type": "hkd",
    "province_code": "48",
    "ward_code": "20194",
}


def machinery_proposal(store: Store, kc: int, counterpart: int, start: date = date(2026, 3, 1)) -> str:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    return store.write(
        lambda s: proposals.create_proposal(
            s,
            {
                "title": "Hỗ trợ máy ép gạch",
                "level": "KCQG",
                "plan_year": start.year,
                "start_date": start,
                "implementing_unit": "Trung tâm",
            },
            beneficiaries=[fid],
            budget=[
                BudgetInput(
                    "Máy ép gạch không nung",
                    kc_amount=kc,
                    counterpart_amount=counterpart,
                    activity_code="KC3.3",
                    facility_id=fid,
                )
            ],
        )
    )


def test_sixty_percent_machinery_support_is_flagged_with_rule_and_basis(store: Store) -> None:
    pid = machinery_proposal(store, kc=180_000_000, counterpart=120_000_000)
    with store.read() as s:
        warnings = proposals.check_proposal_caps(s, pid)
    assert [(w.kind, w.actual, w.limit) for w in warnings] == [("pct", Decimal("60.00"), Decimal("50"))]
    text = warnings[0].text()
    assert "60,00%" in text and "50%" in text
    assert "Thông tư 28/2018/TT-BTC" in text and "Cơ sở gạch không nung Hòa Phát" in text


def test_350_million_machinery_support_is_flagged(store: Store) -> None:
    pid = machinery_proposal(store, kc=350_000_000, counterpart=450_000_000)
    with store.read() as s:
        warnings = proposals.check_proposal_caps(s, pid)
    assert [(w.kind, w.actual, w.limit) for w in warnings] == [("amount", 350_000_000, 300_000_000)]
    assert "350.000.000 đồng" in warnings[0].text() and "300.000.000 đồng" in warnings[0].text()


def test_within_the_caps_there_is_no_warning(store: Store) -> None:
    pid = machinery_proposal(store, kc=300_000_000, counterpart=300_000_000)
    with store.read() as s:
        assert proposals.check_proposal_caps(s, pid) == []


def test_the_rule_in_force_on_the_proposal_date_applies(store: Store) -> None:
    # In 2016 the cap was 200 million (TTLT 26/2014), not 300 million.
    pid = machinery_proposal(store, kc=250_000_000, counterpart=300_000_000, start=date(2016, 5, 1))
    with store.read() as s:
        warnings = proposals.check_proposal_caps(s, pid)
    assert [w.limit for w in warnings] == [200_000_000]
    assert "26/2014/TTLT-BTC-BCT" in warnings[0].basis


def test_a_province_rule_replaces_the_national_one_and_priority_raises_the_amount() -> None:
    national = caps.CapRule(
        "n",
        "KC5",
        "KCDP",
        None,
        "quốc gia",
        date(2020, 1, 1),
        None,
        Decimal(50),
        35_000_000,
        "facility",
        Decimal("1.5"),
        "Tư vấn",
    )
    local = caps.CapRule(
        "p",
        "KC5",
        "KCDP",
        "48",
        "NQ HĐND",
        date(2020, 1, 1),
        None,
        Decimal(60),
        50_000_000,
        "facility",
        Decimal("1.5"),
        "Tư vấn",
    )
    line = caps.Line("Tư vấn", "KC5", "f1", 60_000_000, 40_000_000, 0)
    got = caps.check_caps([line], [national, local], level="KCDP", province_code="48", on=date(2026, 1, 1))
    assert [w.rule_id for w in got] == ["p"]  # 60% is allowed locally; 60 million is over 50 million
    assert (
        caps.check_caps(
            [line], [national, local], level="KCDP", province_code="48", on=date(2026, 1, 1), priority_area=True
        )
        == []
    )
