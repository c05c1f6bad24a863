"""Sync in the window: the status bar's sentence and the "Đồng bộ" page. The full sync
GUI (scheduler, conflicts inbox, dead letters, per-record badges) belongs to the sync
issue and plugs in here."""
