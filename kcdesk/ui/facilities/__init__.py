"""The facility register (cơ sở CNNT) and the facility editor."""
