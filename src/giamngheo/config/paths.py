"""Where the application keeps its local state (database, secret key, uploads)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def var_dir() -> Path:
    """The state folder: ``GIAMNGHEO_VAR`` or ``./var`` (created on first use)."""
    path = Path(os.environ.get("GIAMNGHEO_VAR", "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """``SECRET_KEY`` from the environment, else one generated into ``var/secret_key``."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = var_dir() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
