"""The monitoring pages: dashboards, targets (and, in ``export_urls``, reports)."""
