"""The 乡镇 filter of the letters, dashboard and report tabs: all townships, or one."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QWidget

from pairing_desktop.core import records
from pairing_desktop.core.changes import Changes
from pairing_desktop.ui.operations import LedgerHost


class TownshipFilter(QComboBox):
    """A combo whose first entry (全县 / 全部乡镇) means no filter. It reads the townships again
    when an operation changed one or another file was opened, keeping the choice when it still
    exists, without signals."""

    def __init__(self, host: LedgerHost, all_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self._all_label = all_label
        self.reload()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self.reload)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(["township"]):
            self.reload()

    def reload(self) -> None:
        current = self.township_id()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_label, None)
        for township_id, name in records.choices(self.host.ledger, "township"):
            self.addItem(name, township_id)
        index = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def township_id(self) -> uuid.UUID | None:
        return self.currentData()
