"""编辑 → 回收站: the deleted records, with who deleted them and when, and 恢复.

Restoring is the core's operation: where it would break a rule (a namesake made since, a record
it refers to gone) the core refuses, and its message is shown as it is; nothing changes then.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.recycle import RecycleBin
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.list_model import ListModel, record_table
from pairing_desktop.ui.operations import LedgerHost

COLUMN_SAMPLES = ("地直单位–乡镇结对", "张某某 — 某某某某某某某某某某", "0000-00-00 00:00")


def tr(text: str) -> str:
    return QCoreApplication.translate("recycle_bin", text)


class RecycleBinWindow(QDialog):
    """Deleted records, newest deletion first, narrowed by kind or a search; not modal."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recycle_bin")
        self.setWindowTitle(tr("回收站"))
        self.host = host
        self.stale = False
        self._kinds = ["", *ENTITIES]
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItems([tr("全部类型")] + [QCoreApplication.translate("fields", s.label)
                                               for s in ENTITIES.values()])
        self.kind.setMaxVisibleItems(20)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("搜索名称或删除人"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_search(text))
        self.model = ListModel(RecycleBin(host.ledger), self)
        self.view = self._table()
        self.total = QLabel(self)
        self.total.setObjectName("total")
        self.restore_button = QPushButton(tr("恢复"), self)
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(lambda _checked=False: self.restore())
        close = QPushButton(tr("关闭"), self)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("类型"), self))
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("删除的记录留在这里，可以恢复；恢复也会记入操作日志。"), self))
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.model.modelReset.connect(self._show_state)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_state())
        self._show_state()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self.reload)
        self.resize(900, 560)
        for button in self.findChildren(QPushButton):  # Enter in a field must not press one
            button.setAutoDefault(False)

    def _table(self) -> QTableView:
        view = record_table(self, self.model, "deleted", COLUMN_SAMPLES)
        view.verticalHeader().hide()
        view.doubleClicked.connect(lambda _index: self.restore())
        return view

    def reload(self) -> None:
        """Read the bin again for the chosen kind (after a change, another file, a new kind)."""
        self.stale = False
        kind = self._kinds[max(self.kind.currentIndex(), 0)] or None
        self.model.set_source(RecycleBin(self.host.ledger, kind))

    def current_id(self) -> Any:
        index = self.view.selectionModel().currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _show_state(self) -> None:
        self.total.setText(tr("共 {0} 条").format(self.model.total))
        self.restore_button.setEnabled(self.current_id() is not None)

    def restore(self) -> bool:
        """Bring the current record back; the core's refusal is shown, nothing changes."""
        record_id = self.current_id()
        if record_id is None:
            return False
        kind = self.model.source.kind_of(record_id)
        try:
            self.host.perform(ops.restore, kind, record_id)
        except PairingError as exc:
            Ask.warn(self, tr("不能恢复"), str(exc))
            return False
        return True

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(ENTITIES):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()
