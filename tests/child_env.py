"""The environment of a `kcdesk` process a test starts.

The test's own environment, read when the process starts (not when the module is imported:
an encrypted run, KCDESK_TEST_ENCRYPT=1, sets its file keyring per test, and the child needs
it to open the database), with the null keyring when the test has none, so a child never
reaches the machine's real keyring."""

from __future__ import annotations

import os

NULL_KEYRING = "keyring.backends.null.Keyring"


def child_env(**extra: str) -> dict[str, str]:
    return {"PYTHON_KEYRING_BACKEND": NULL_KEYRING, **os.environ, **extra}
