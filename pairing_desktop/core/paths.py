"""Where things are: the bundled resources and the user's default ledger."""

from __future__ import annotations

import os
import re
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


def server_folder(address: str) -> Path:
    """The folder of the user's data folder kept for a ledger on a server (its letters' scans,
    suggested exports): named after the server and the database, since there is no file to put
    them beside."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(address)
    host = parts.hostname or parse_qs(parts.query).get("host", ["localhost"])[0]
    name = f"{host}-{parts.path.strip('/') or 'postgres'}"
    return data_dir() / "servers" / re.sub(r"[^\w.-]+", "_", name).strip("_")


def log_dir() -> Path:
    """Where the program's log files are kept (core.logs): beside the ledger, easy to send."""
    return data_dir() / "logs"


def default_db_path() -> Path:
    return data_dir() / "ledger.db"
