"""Encryption at rest of the laptop's database: its key, the slots that wrap it, unlocking,
and converting a plain database (issue 13 part 1). Free of Qt."""
