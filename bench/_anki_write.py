"""Anki's `add_notes` once, run by the peer's own venv (bench/_anki_peer.add_notes_once).

    <anki-venv>/bin/python bench/_anki_write.py PEER_FOLDER N WORK_FOLDER

Imports the harness (PEER_FOLDER/bench.py) and calls its own write phase on its own records,
without the CSV import and the one-by-one adds, so that the bulk write can be measured in
turn with kcdesk's (bench_core.bench_write). Prints the phase's JSON on the last line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    peer, n, work = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    sys.path.insert(0, str(peer))
    import bench as harness  # the peer's bench.py, run as it is

    records = harness.make_records(n, harness.SEED)
    result, _path, _nids = harness.phase_write(work, records, 0, csv_import=False)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
