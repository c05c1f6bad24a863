"""kcdesk sync server (kcdesk-server): FastAPI over SQLAlchemy; never imports Qt."""
