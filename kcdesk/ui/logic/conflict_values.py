"""Values in the conflicts inbox: a typed correction read as the type of the values it
replaces, and a stored value shown as text."""

from __future__ import annotations


def parse_edited(typed: str, like: object) -> object:
    """A value typed in the inbox, as the type of the values it replaces (int, float, bool, text)."""
    stripped = typed.strip()
    if stripped == "":
        return None
    if isinstance(like, bool):
        return stripped.lower() in ("1", "true", "có", "co", "x", "✓", "yes")
    if isinstance(like, int):
        return int(stripped.replace(".", "").replace(" ", ""))
    if isinstance(like, float):
        return float(stripped.replace(",", "."))
    return stripped


def shown_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)
