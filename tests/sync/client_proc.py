"""A device in its own process: `python client_proc.py DB [sync]`, killed by fault points."""

from __future__ import annotations

import sys

from kcdesk.db.store import Store
from kcdesk.sync.errors import SyncError
from kcdesk.sync.service import SyncService
from kcdesk.sync.transport import RetryPolicy

store = Store.open(sys.argv[1])
try:
    SyncService(store, retry=RetryPolicy(attempts=3, base_delay=0.05)).run_cycle()
except SyncError as exc:
    print(exc.text(), file=sys.stderr)
    sys.exit(1)
finally:
    store.close()
