"""数据交换 → 处理冲突: each record changed here and at another office since they last exchanged,
both versions side by side, field by field, and a choice of which to keep.

The window only shows and asks; the core lists the conflicts (sync.conflicts.pending) and
settles one as an operation (ops.resolve_conflict), which the history records.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.sync import conflicts
from pairing_desktop.core.sync.conflicts import Conflict
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.operations import LedgerHost

DIFFERS = QColor("#fff3cd")  # the fields that differ, in the colour of a warning


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictsDialog", text)


class ConflictsDialog(QDialog):
    """The waiting conflicts on the left; the chosen one's two versions on the right."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(tr("处理交换冲突"))
        self.resize(960, 560)
        self._conflicts: list[Conflict] = []

        self.intro = QLabel(tr("下列记录在本台账和对方单位都修改过。请逐条比较两个版本，"
                               "选择保留哪一个；选择会记入操作日志，并随下一个交换包发给对方。"))
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("conflict_list")
        self.list.currentRowChanged.connect(self._show)
        self.heading = QLabel()
        self.heading.setObjectName("conflict_heading")
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("conflict_fields")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_ours = QPushButton(tr("保留本台账的版本"))
        self.keep_ours.setObjectName("keep_ours")
        self.keep_ours.clicked.connect(lambda: self._resolve(conflicts.OURS))
        self.take_theirs = QPushButton(tr("采用对方的版本"))
        self.take_theirs.setObjectName("take_theirs")
        self.take_theirs.clicked.connect(lambda: self._resolve(conflicts.THEIRS))

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.heading)
        side.addWidget(self.table, 1)
        choice = QHBoxLayout()
        choice.addStretch(1)
        choice.addWidget(self.keep_ours)
        choice.addWidget(self.take_theirs)
        side.addLayout(choice)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([300, 660])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self._conflicts = conflicts.pending(self.host.ledger)
        self.list.clear()
        for c in self._conflicts:
            item = QListWidgetItem(tr("{0}“{1}”（{2}）").format(c.kind_label, c.title, c.office))
            self.list.addItem(item)
        if self._conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self._conflicts)
        self.keep_ours.setEnabled(has)
        self.take_theirs.setEnabled(has)
        self.table.setRowCount(0)
        if not has:
            self.heading.setText(tr("没有待处理的冲突。"))
            self.table.setHorizontalHeaderLabels([tr("项目"), tr("本台账"), tr("对方")])
            return
        c = self._conflicts[row]
        self.heading.setText(tr("{0}“{1}”：本台账与{2}（第{3}号交换包）都修改过，"
                                "不同的项目已标出。").format(c.kind_label, c.title, c.office,
                                                      c.package_seq))
        self.table.setHorizontalHeaderLabels([tr("项目"), tr("本台账的版本"),
                                              tr("{0}的版本").format(c.office)])
        self.table.setRowCount(len(c.fields))
        for i, f in enumerate(c.fields):
            for col, text in enumerate((f.label, f.ours, f.theirs)):
                item = QTableWidgetItem(text)
                if f.differs:
                    item.setBackground(QBrush(DIFFERS))
                    if col:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.table.setItem(i, col, item)

    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def _resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        try:
            self.host.perform(ops.resolve_conflict, c.id, choice)
        except PairingError as exc:
            Ask.warn(self, tr("处理交换冲突"), str(exc))
        self.reload()
