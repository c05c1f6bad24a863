"""TLS: the server presents a certificate from the tests' own CA (trustme); a client given
that CA verifies it and syncs; a client without it, or with another CA, refuses to talk
(nothing is sent, the enrolment code is not spent, the outbox is kept)."""

from __future__ import annotations

from pathlib import Path

import pytest
import trustme
from helpers import add_facility, server_count

from kcdesk.sync.errors import UntrustedServer


def _tls_files(folder: Path, ca: trustme.CA, name: str) -> tuple[Path, Path, Path]:
    issued = ca.issue_cert("127.0.0.1", "localhost")
    chain, key, ca_file = folder / f"{name}-chain.pem", folder / f"{name}-key.pem", folder / f"{name}-ca.pem"
    chain.write_bytes(b"".join(pem.bytes() for pem in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(key))
    ca.cert_pem.write_to_path(str(ca_file))
    return chain, key, ca_file


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # TLS sits in front of either backend alike
def test_the_client_verifies_the_servers_certificate_against_its_ca(server_factory, device_factory, tmp_path):
    tls = _tls_files(tmp_path, trustme.CA(), "real")
    _, _, other_ca = _tls_files(tmp_path, trustme.CA(), "other")
    server = server_factory(tls=tls)
    assert server.url.startswith("https://")

    code = server.code()
    stranger = device_factory("stranger")
    with pytest.raises(UntrustedServer):  # the system's trust store has never heard of this CA
        stranger.service.enrol(server.url, code, "stranger")
    with pytest.raises(UntrustedServer):  # a CA file, but not the one that signed the server's certificate
        stranger.service.enrol(server.url, code, "stranger", ca_file=str(other_ca))
    assert stranger.service.status().enrolled is False

    a = device_factory("a")
    a.service.enrol(server.url, code, "a", ca_file=str(tls[2]))  # the same code: refused attempts never reached it
    fid = add_facility(a)
    a.sync()  # later cycles use the CA file saved at enrolment
    assert server_count(server, "facility") == 1

    # An impostor on the same address with a certificate from another CA: no data leaves.
    server.stop()
    server.tls = _tls_files(tmp_path, trustme.CA(), "impostor")
    server.start()
    add_facility(a, name="Chưa gửi")
    with pytest.raises(UntrustedServer):
        a.sync()
    assert a.pending() == 1 and server_count(server, "facility") == 1
    assert a.one("SELECT count(*) FROM facility WHERE id = :id", id=fid) == 1
