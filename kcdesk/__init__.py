"""kcdesk: offline-first management of khuyến công work for provincial centres."""

__version__ = "0.1.0"
