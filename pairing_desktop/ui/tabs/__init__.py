"""The ledger's tabs, one module each; `standard_tabs` lists them in menu order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pairing_desktop.ui.main_window import MainWindow


def standard_tabs(window: MainWindow) -> list[tuple[QWidget, str]]:
    """The tabs of issue 2, built afresh for a window."""
    return []
