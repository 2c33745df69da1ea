"""The program's log: Python `logging` into a rotating file in the data folder.

A clerk who meets a program error can send this file; it holds the tracebacks the message box
only names. The file is capped (1 MB, five old ones kept) so a loop of errors cannot fill a disk.
Everything logs under the package's logger (`logging.getLogger(__name__)`); only that logger
gets the file, so libraries and the test runner keep their own handlers.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path

PACKAGE_LOGGER = "pairing_desktop"
LOG_FILE = "pairing_desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"


def _open_handler(folder: Path, max_bytes: int, backups: int) -> RotatingFileHandler:
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / LOG_FILE, maxBytes=max_bytes, backupCount=backups,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


@contextmanager
def log_file(folder: Path, *, max_bytes: int = MAX_BYTES,
             backups: int = BACKUPS) -> Iterator[Path]:
    """Log the package's records (INFO and above) to `folder`/pairing_desktop.log for the block;
    yields the file's path.

    A folder that cannot be written (a locked-down profile) falls back to the temporary folder:
    a log somewhere beats none, and the path yielded says where."""
    try:
        handler = _open_handler(folder, max_bytes, backups)
    except OSError:
        handler = _open_handler(Path(tempfile.gettempdir()) / "pairing_desktop-logs", max_bytes,
                                backups)
    logger = logging.getLogger(PACKAGE_LOGGER)
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield Path(handler.baseFilename)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        handler.close()
