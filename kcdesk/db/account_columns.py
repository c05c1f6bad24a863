"""The sign-in columns of `app_user` (kcdesk.services.sign_in): this laptop's own.

A person's password hash, failed attempts, lock and "must change" flag say who may open
this laptop, not who the person is: the server owns the person (kcdesk.server.users) and
never sees these. They are marked LOCAL_ONLY on the model, so the wire codecs and the
server's tables leave them out, a server row or mutation naming them is dropped on either
side, and the capture triggers neither audit nor queue them (changing only these writes no
audit entry and sends nothing; a new user's audit entry holds no hash).
"""

from __future__ import annotations

ACCOUNT_COLUMNS = frozenset(
    {
        "password_hash",
        "password_must_change",
        "password_failures",
        "password_locked_until",
        "account_disabled_at",
    }
)
