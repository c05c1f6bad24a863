"""schemathesis against the server's own /openapi.json: for a bounded number of generated
requests per operation (deterministic: derandomized), no answer is a 5xx and none breaks
the documented schema (status codes, content types, bodies).

The server is the real one (a subprocess on port 0) with a real database; requests carry
the access token of an enrolled device, so generation reaches past authentication.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from conftest import Database, ServerProcess, _pg_available
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode, checks
from sqlalchemy import text

from kcdesk.server.db import REPLICATED

MALFORMED_HTTP = "Invalid HTTP request received."  # uvicorn's own answer, below the application
EXAMPLES = int(os.environ.get("KCDESK_FUZZ_EXAMPLES", "25"))
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fuzz_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if request.param == "postgres" and not _pg_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (scripts/postgres-up.sh)")
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    folder = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    db = Database(request.param, folder)
    server = ServerProcess(db, folder, {"KCDESK_SERVER_REQUESTS_PER_MINUTE": "100000"}).start()
    server.headers = _device_headers(server, server.code(username=f"fuzz-{uuid.uuid4().hex[:6]}"))
    # the other kinds of device: a collaborator (a few communes) and the ministry (every province)
    server.other_headers = {
        "collaborator": _device_headers(
            server, server.code(role="collaborator", communes=["20194"], username=f"fuzz-ctv-{uuid.uuid4().hex[:6]}")
        ),
        "ministry": _device_headers(
            server, server.code(role="ministry", province=None, username=f"fuzz-bo-{uuid.uuid4().hex[:6]}")
        ),
    }
    yield server
    server.close()
    db.drop()


def _device_headers(server: Any, code: str) -> dict[str, str]:
    enrolled = httpx.post(f"{server.url}/sync/v1/enrol", json={"code": code}).json()
    token = httpx.post(
        f"{server.url}/sync/v1/token",
        json={"device_id": enrolled["device_id"], "refresh_token": enrolled["refresh_token"]},
    ).json()
    return {"Authorization": f"Bearer {token['access_token']}"}


def test_no_server_error_and_no_answer_outside_the_schema(fuzz_server: Any) -> None:
    assert _fuzz(fuzz_server, fuzz_server.headers, EXAMPLES) == {}


@pytest.mark.parametrize("kind", ["collaborator", "ministry"])
def test_no_server_error_for_the_other_kinds_of_device(fuzz_server: Any, kind: str) -> None:
    """The same for a collaborator's and the ministry's token: other views, other refusals."""
    assert _fuzz(fuzz_server, fuzz_server.other_headers[kind], max(5, EXAMPLES // 3)) == {}


def _fuzz(fuzz_server: Any, headers: dict[str, str], examples: int) -> dict[str, str]:
    # Driven by hand rather than by schemathesis' pytest plugin (its lazy fixtures do not
    # run on pytest 9): one Hypothesis run per operation, every failure collected.
    api = schemathesis.openapi.from_url(f"{fuzz_server.url}/openapi.json")
    device_id = headers["Authorization"].split()[1].split(".")[0]
    failures: dict[str, str] = {}
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 14
    for operation, mode in itertools.product(operations, (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case: Any) -> None:
            if case.operation.path.endswith("/push"):
                _aim_at_real_tables(case, fuzz_server, device_id)
            response = case.call(base_url=fuzz_server.url, headers=headers)
            if response.status_code == 400 and response.text == MALFORMED_HTTP:
                return  # uvicorn refused bytes that are not HTTP (a header the generator broke): no API answer
            case.validate_response(response, checks=CHECKS, headers=headers)

        try:
            run()
        except Unsatisfiable:  # nothing to get wrong (GET /health takes no input)
            continue
        except Exception as exc:  # keep going: one report for every operation that failed
            failures[f"{operation.label} ({mode.value})"] = str(exc)[:3000]
    return failures


TABLES = sorted(REPLICATED)


def _pick(options: list[str], seed: Any) -> str:
    digest = hashlib.sha256(repr(seed).encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def _aim_at_real_tables(case: Any, server: Any, device_id: str) -> None:
    """Generated mutations mostly name tables and fields that do not exist, and sequence
    numbers the server is not waiting for; point them at real tables and columns and at
    the next sequence numbers, so the merge and write paths see the odd values too."""
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("mutations"), list):
        return
    with server.admin().engine.connect() as conn:
        last = conn.execute(text("SELECT last_seq FROM server_device WHERE id = :d"), {"d": device_id}).scalar_one()
    body.pop("withdrawn", None)
    for offset, m in enumerate(body["mutations"]):
        if not isinstance(m, dict):
            continue
        table = _pick(TABLES, m.get("table"))
        columns = [c.name for c in REPLICATED[table].columns]
        m.update(table=table, seq=last + 1 + offset, mutation_id=uuid.uuid4().hex)
        for key in ("values", "base"):
            if isinstance(m.get(key), dict):
                m[key] = {_pick(columns, k): v for k, v in m[key].items()}


def test_fuzzing_reaches_past_authentication(fuzz_server: Any) -> None:
    hello = httpx.post(f"{fuzz_server.url}/sync/v1/hello", json={}, headers=fuzz_server.headers)
    assert hello.status_code == 200, hello.text
    assert Path(__file__).name  # the fuzzed requests above used this very token


def test_odd_but_well_formed_mutations_are_refused_one_by_one(fuzz_server: Any) -> None:
    """What a damaged or hand-edited laptop file could send: each is a reasoned refusal of
    that one change (never a failed batch or a 5xx), and the good changes beside them land;
    a field from a newer laptop is kept aside rather than refused."""
    device_id = fuzz_server.headers["Authorization"].split()[1].split(".")[0]
    with fuzz_server.admin().engine.connect() as conn:
        last = conn.execute(text("SELECT last_seq FROM server_device WHERE id = :d"), {"d": device_id}).scalar_one()
    good = {
        "name": "Cơ sở đúng",
        "facility_type": "hkd",
        "province_code": "48",
        "ward_code": "20194",
        "status": "active",
        "total_capital": 3_000_000_000,
    }  # đồng: past 2^31, as sums often are
    odd = [
        ("x" * 50, good),  # an id longer than the column
        (str(uuid.uuid4()), {**good, "ward_code": "201940"}),  # text longer than its column
        (str(uuid.uuid4()), {**good, "revenue_prev_year": 2**70}),  # an integer past 64 bits
    ]
    mutations = [
        {
            "seq": last + 1 + i,
            "mutation_id": uuid.uuid4().hex,
            "table": "facility",
            "row_id": row_id,
            "op": "insert",
            "base_version": 0,
            "values": values,
        }
        for i, (row_id, values) in enumerate(odd)
    ]
    mutations.append(
        {
            "seq": last + 1 + len(odd),
            "mutation_id": uuid.uuid4().hex,
            "table": "facility",
            "row_id": str(uuid.uuid4()),
            "op": "insert",
            "base_version": 0,
            "values": good,
        }
    )
    newer = str(uuid.uuid4())  # a newer laptop's change, with a field this server does not know yet
    mutations.append(
        {
            "seq": last + 2 + len(odd),
            "mutation_id": uuid.uuid4().hex,
            "table": "facility",
            "row_id": newer,
            "op": "insert",
            "base_version": 0,
            "values": {**good, "zalo_phone": "0905 000 111"},
        }
    )
    answer = httpx.post(f"{fuzz_server.url}/sync/v1/push", json={"mutations": mutations}, headers=fuzz_server.headers)
    assert answer.status_code == 200, answer.text
    outcomes = answer.json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["rejected"] * len(odd) + ["applied", "applied"]
    assert {o["code"] for o in outcomes[: len(odd)]} == {"invalid_value"}
    assert outcomes[-1]["params"] == {"kept_aside": ["zalo_phone"]}  # kept, not refused
    with fuzz_server.admin().engine.connect() as conn:
        kept = conn.execute(text("SELECT fields FROM server_field_aside WHERE row_id = :r"), {"r": newer}).scalar_one()
    assert json.loads(kept) == {"zalo_phone": "0905 000 111"}
