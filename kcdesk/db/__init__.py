"""Local storage: SQLAlchemy models, the SQLite store, migrations, change capture, search."""
