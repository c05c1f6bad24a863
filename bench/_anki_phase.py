"""One phase of Anki's harness, run by the peer's own venv (see bench/_anki_peer.in_turn).

    <anki-venv>/bin/python bench/_anki_phase.py {write|sync} PEER_FOLDER N WORK_FOLDER

Imports the harness (PEER_FOLDER/bench.py) and calls its own phase functions on its own
records: `write` is its write phase without the CSV import and the one-by-one adds; `sync`
is that write (untimed here) and then its whole sync phase (full upload and download, the
incremental push and pull of a tenth of the notes, through its byte-counting proxy, as in
its own run). So that kcdesk's figures can be measured in turn with Anki's, on a machine
where a figure taken minutes apart is no peer. Prints the phase's JSON on the last line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    phase, peer, n, work = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    sys.path.insert(0, str(peer))
    import bench as harness  # the peer's bench.py, run as it is

    records = harness.make_records(n, harness.SEED)
    written, path, nids = harness.phase_write(work, records, 0, csv_import=False)
    if phase == "write":
        print(json.dumps(written))
    else:
        print(json.dumps({"n": n, **harness.phase_sync(work, path, records, nids, True, harness.SEED + 1)}))


if __name__ == "__main__":
    main()
