"""Pages of the annual review (wired under ``ra-soat/`` in the ``web`` namespace)."""
