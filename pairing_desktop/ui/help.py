"""帮助 → 使用说明 (F1): the user guide shipped with the program, read inside it.

The guide is plain HTML with its pictures under resources/help/ (index.html, images/), so it is
bundled like the fonts and the letter templates, can be edited without touching code, and opens
with no browser and no network. QTextBrowser shows that subset of HTML well; links to other
sections are anchors in the same page, and a link outside (http:) opens in the system's browser.
The pictures are screenshots of the program on the demo county (scripts/help_images.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pairing_desktop.core.paths import resources_dir

GUIDE = "index.html"


def tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


def help_dir() -> Path:
    return resources_dir() / "help"


class HelpWindow(QDialog):
    """The guide in a window of its own, beside the main window (not modal)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(tr("使用说明"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(help_dir())])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.browser.setSource(QUrl.fromLocalFile(str(help_dir() / GUIDE)))
        self.resize(900, 680)

    def show_page(self, anchor: str) -> None:
        """Scroll to a section of the guide ("letters", "backups", …)."""
        self.browser.scrollToAnchor(anchor)

    def missing_images(self) -> list[str]:
        """The pictures the guide names that cannot be shown (none, in a sound install)."""
        document = self.browser.document()
        missing = []
        for name in image_names(self.browser.toHtml()):
            image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            if not isinstance(image, QImage | QPixmap) or image.isNull():
                missing.append(name)
        return missing


def image_names(html: str) -> list[str]:
    """The src of every <img> in the page, in order."""
    return re.findall(r'<img[^>]*\bsrc="([^"]+)"', html)
