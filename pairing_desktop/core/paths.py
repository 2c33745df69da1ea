"""Where things are: the bundled resources and the user's default ledger."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "pairing_desktop"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside a frozen build."""
    override = os.environ.get("PAIRING_DESKTOP_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def data_dir() -> Path:
    """The user's data folder (%APPDATA% on Windows): default ledger, scans, settings."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where the program's log files are kept (core.logs): beside the ledger, easy to send."""
    return data_dir() / "logs"


def default_db_path() -> Path:
    return data_dir() / "ledger.db"
