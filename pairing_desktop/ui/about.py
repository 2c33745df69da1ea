"""帮助 → 关于: the program, its version, where its data and logs are, and the licences.

The licences are packaging/LICENSES.txt (the program's, Qt's and the fonts'), which the installer
puts beside the program; a checkout has it under packaging/. Where neither is found, the fonts'
own licence files in resources/fonts are listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import pairing_desktop
from pairing_desktop.core.paths import data_dir, log_dir, resources_dir

LICENCES = "LICENSES.txt"


def tr(text: str) -> str:
    return QCoreApplication.translate("about", text)


def licence_file() -> Path | None:
    """LICENSES.txt beside the installed program, in the frozen bundle, or in the checkout."""
    candidates = []
    if getattr(sys, "frozen", False):  # the installer puts it beside the program
        candidates.append(Path(sys.executable).resolve().parent / LICENCES)
    candidates.append(resources_dir().parent / LICENCES)
    candidates.append(Path(pairing_desktop.__file__).resolve().parents[1] / "packaging" / LICENCES)
    return next((path for path in candidates if path.is_file()), None)


def licence_text() -> str:
    found = licence_file()
    if found is not None:
        return found.read_text(encoding="utf-8-sig")
    fonts = sorted((resources_dir() / "fonts").glob("LICENSE-*.txt"))
    lines = [tr("本程序以 MIT 许可证发布；Qt 与 PySide6 以 GNU LGPL v3 许可证使用。"),
             tr("随程序附带的字体及其许可证文件："), ""]
    lines += [f"  {path}" for path in fonts]
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, ledger_path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("关于"))
        name = QCoreApplication.applicationName()
        shown = QCoreApplication.translate("app", "城乡共建“1+1”结对帮扶台账")
        rows = [
            (tr("程序"), f"{shown}（{name or pairing_desktop.DIST_NAME}）"),
            (tr("版本"), pairing_desktop.__version__),
            (tr("数据文件夹"), str(data_dir())),
            (tr("日志文件夹"), str(log_dir())),
        ]
        if ledger_path is not None:
            rows.append((tr("当前台账"), str(ledger_path)))
        found = licence_file()
        rows.append((tr("许可证"), str(found) if found else str(resources_dir() / "fonts")))
        summary = QLabel("\n".join(f"{label}：{value}" for label, value in rows), self)
        summary.setObjectName("summary")
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary.setWordWrap(True)
        self.licences = QPlainTextEdit(licence_text(), self)
        self.licences.setObjectName("licences")
        self.licences.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def text(self) -> str:
        return self.findChild(QLabel, "summary").text()
