"""The 目标 and 责任书 tabs and their dialogs (preview, print, batch, sign); thin over
`core.rules.targets` and `core.letters`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget


def letters_tabs(window: QWidget | None = None) -> list[tuple[QWidget, str]]:
    """The tabs of issue 3, for `MainWindow.add_tab` (or `standard_tabs`): 目标, 责任书."""
    from pairing_desktop.ui.letters.letters_tab import LettersTab
    from pairing_desktop.ui.letters.targets_tab import TargetsTab

    def tr(text: str) -> str:
        return QCoreApplication.translate("tabs", text)

    targets, letters = TargetsTab(window), LettersTab(window)
    targets.setObjectName("targets")
    letters.setObjectName("letters")
    if isinstance(window, QMainWindow):
        menu = window.menuBar().addMenu(tr("责任书(&L)"))
        menu.setObjectName("letters_menu")
        verify = menu.addAction(tr("核验责任书…"))
        verify.setObjectName("verify_letter")
        verify.triggered.connect(lambda _checked=False: letters.verify_code())
        batch = menu.addAction(tr("批量生成…"))
        batch.triggered.connect(lambda _checked=False: letters.open_batch())
    return [(targets, tr("目标")), (letters, tr("责任书"))]
