"""Typed errors that carry the user-facing message (Vietnamese, translatable).

Callers classify errors by type, never by matching message text.
"""

from __future__ import annotations

from typing import Any

from kcdesk.i18n import tr


class KcError(Exception):
    """An error the user can act on; its message says what happened and what to do."""

    exit_code = 1

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(tr(message, "vi", **params))

    def text(self, lang: str | None = None) -> str:
        return tr(self.message, lang, **self.params)


class NotFoundError(KcError):
    pass


class ValidationError(KcError):
    """Bad input. `fields` maps a field name to its own translatable message; `labels`
    gives the fields' names as people know them (Vietnamese source text)."""

    SUMMARY = "Dữ liệu chưa hợp lệ: {details}"

    def __init__(
        self,
        fields: dict[str, FieldMessage],
        message: str | None = None,
        labels: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        self.fields = fields
        self.labels = labels or {}
        if message is None:
            message = self.SUMMARY
            params = {"details": self._details("vi")}
        super().__init__(message, **params)

    def _details(self, lang: str | None) -> str:
        return "; ".join(
            f"{tr(self.labels[k], lang) if k in self.labels else k}: {v.text(lang)}" for k, v in self.fields.items()
        )

    def text(self, lang: str | None = None) -> str:
        if self.message == self.SUMMARY:
            return tr(self.message, lang, details=self._details(lang))
        return super().text(lang)


class FieldMessage:
    """A translatable message about one field."""

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params

    def text(self, lang: str | None = None) -> str:
        return tr(self.message, lang, **self.params)

    def __repr__(self) -> str:
        return f"FieldMessage({self.text('vi')!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldMessage) and (self.message, self.params) == (other.message, other.params)

    def __hash__(self) -> int:
        return hash(self.message)


class TransitionError(KcError):
    pass


class PermissionDenied(KcError):
    pass


class SignInError(KcError):
    """Nobody is signed in where a person must be, or the sign-in itself failed."""

    exit_code = 4


class LockedError(KcError):
    """The record is signed or settled and can no longer be changed."""


class StoreError(KcError):
    """The database file cannot be opened, migrated, backed up or restored."""

    exit_code = 3
