"""责任书: the printed letters with filters (type, status, year, township, 超期未签), and what a
clerk does with them: batch, preview and print, mark printed or signed, view the scan, verify."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.batch import letter_pdf
from pairing_desktop.core.letters.fonts import CHOICES as FONT_CHOICES
from pairing_desktop.core.letters.fonts import SETTING_KEY as FONT_KEY
from pairing_desktop.core.letters.fonts import font_setting, set_font_setting
from pairing_desktop.core.letters.lifecycle import (
    STATUSES,
    LetterList,
    find,
    mark_printed,
    mark_signed,
    scan_file,
    verify,
)
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.batch_dialog import BatchDialog
from pairing_desktop.ui.letters.changes import signed_changes
from pairing_desktop.ui.letters.preview import PreviewDialog
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import ListPanel
from pairing_desktop.ui.tabs.base import LETTERS_MENU, Tab
from pairing_desktop.ui.township_filter import TownshipFilter

if TYPE_CHECKING:
    from pairing_desktop.core.storage.models import Letter

# What the list shows: the letters (their party and unit are copied in when printed) and the
# name of their township.
LETTER_KINDS = frozenset({"letter", "township"})


class LettersTab(Tab):
    """Standalone tab: `LettersTab(host, parent=None, year=None)`; the main window adds it."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None, year: int | None = None):
        super().__init__(host, parent)
        self._work = Path(tempfile.mkdtemp(prefix="pairing-letters-"))
        work = str(self._work)
        self.destroyed.connect(lambda *_a: shutil.rmtree(work, ignore_errors=True))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("全部类型"), "")
        for key, name in KINDS.items():
            self.kind.addItem(self.tr(name), key)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), "")
        for status in STATUSES:
            self.status.addItem(self.tr(status), status)
        self.year = QComboBox(self)
        self.township = TownshipFilter(host, self.tr("全部乡镇"), self)
        self.overdue = QCheckBox(self.tr("只看打印超过30天未签订"), self)
        self._fill_choices(year or dt.date.today().year)
        self.list = ListPanel(host, self._source, LETTER_KINDS, self.tr("责任书"), self)
        filters = QHBoxLayout()
        for widget in (self.kind, self.status, self.year, self.township):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _i: self.apply_filters())
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        self.overdue.toggled.connect(lambda _on: self.apply_filters())
        buttons = QHBoxLayout()
        self.batch_button = self._button(buttons, self.tr("批量生成…"), self.open_batch)
        self.preview_button = self._button(buttons, self.tr("预览 / 打印…"), self.preview)
        self.printed_button = self._button(buttons, self.tr("标记已打印"), self.mark_printed)
        self.signed_button = self._button(buttons, self.tr("标记已签订…"), self.mark_signed)
        self.scan_button = self._button(buttons, self.tr("查看签订件"), self.view_scan)
        buttons.addStretch(1)
        self.font_choice = QComboBox(self)
        for key, label in FONT_CHOICES.items():
            self.font_choice.addItem(self.tr(label), key)
        self._show_font()
        self.font_choice.setToolTip(self.tr("责任书使用的字体（保存在台账文件中）"))
        self.font_choice.currentIndexChanged.connect(lambda _i: self._font_chosen())
        buttons.addWidget(self.font_choice)
        self.verify_button = self._button(buttons, self.tr("核验验证码…"), self.verify_code)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.preview_dialog: PreviewDialog | None = None
        self.batch_dialog: BatchDialog | None = None
        self.verify_action = QAction(QCoreApplication.translate("tabs", "核验责任书…"), self)
        self.verify_action.setObjectName("verify_letter")
        self.verify_action.triggered.connect(lambda _checked=False: self.verify_code())
        self.batch_action = QAction(QCoreApplication.translate("tabs", "批量生成…"), self)
        self.batch_action.triggered.connect(lambda _checked=False: self.open_batch())
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._show_font)

    def menu_actions(self) -> list[tuple[str, QAction]]:
        return [(LETTERS_MENU, self.verify_action), (LETTERS_MENU, self.batch_action)]

    def _button(self, bar: QHBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        bar.addWidget(button)
        return button

    def _fill_choices(self, year: int) -> None:
        self.year.addItem(self.tr("全部年度"), 0)
        for y in range(year + 1, year - 6, -1):
            self.year.addItem(self.tr("{0}年").format(y), y)
        self.year.setCurrentIndex(self.year.findData(year))

    def filters(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "status": self.status.currentData(),
                "year": self.year.currentData(), "township": self.township.township_id(),
                "overdue": self.overdue.isChecked()}

    def _source(self, ledger: Any) -> LetterList:
        return LetterList(ledger, self.filters())

    def apply_filters(self) -> None:
        self.list.set_source(self._source)

    def _show_font(self) -> None:
        """The font setting of the open ledger, shown without storing it again."""
        self.font_choice.blockSignals(True)
        self.font_choice.setCurrentIndex(self.font_choice.findData(
            font_setting(self.host.ledger)))
        self.font_choice.blockSignals(False)

    def _font_chosen(self) -> None:
        try:
            self.host.perform(set_font_setting, self.font_choice.currentData())
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("责任书字体"), str(exc))
            self._show_font()

    def _on_changes(self, changes: Changes) -> None:
        if FONT_KEY in changes.ids("setting"):  # an undo of the font choice
            self._show_font()

    def current(self) -> Letter | None:
        return find(self.host.ledger, self.list.current_id())

    def _need_current(self) -> Letter | None:
        letter = self.current()
        if letter is None:
            LetterAsk.inform(self, self.tr("责任书"), self.tr("请先在列表中选择一份责任书。"))
        return letter

    # --- actions ----------------------------------------------------------------------------

    def open_batch(self) -> BatchDialog:
        dialog = BatchDialog(self.host, self, year=self.year.currentData() or None)
        dialog.done_batch.connect(lambda _result: LetterAsk.inform(
            self, dialog.windowTitle(), dialog.message))
        self.batch_dialog = dialog
        dialog.show()
        return dialog

    def preview(self) -> PreviewDialog | None:
        """Print the letter again from the records as they are now (a new version if they
        changed) and show it."""
        letter = self._need_current()
        if letter is None:
            return None
        out = self._work / f"{letter.code}.pdf"
        try:
            result = letter_pdf(self.host.ledger, letter.id, out)
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("预览"), str(exc))
            return None
        self.host.announce(result.changes)
        ids = [p.letter_id for p in result.letters]
        if ids[0] != letter.id:
            LetterAsk.inform(self, self.tr("预览"), self.tr(
                "记录在打印后已修改，已生成新版本（验证码 {0}），原版本保留。").format(
                result.letters[0].code))
            self.list.select_id(ids[0])
        dialog = PreviewDialog(self.host, out, ids, letter.party, self)
        self.preview_dialog = dialog
        dialog.show()
        return dialog

    def mark_printed(self) -> None:
        letter = self._need_current()
        if letter is None:
            return
        try:
            self.host.perform(mark_printed, [letter.id])
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("标记已打印"), str(exc))

    def mark_signed(self) -> None:
        letter = self._need_current()
        if letter is None:
            return
        answer = LetterAsk.signing(self, letter.party)
        if answer is None:
            return
        signed_on, scan = answer
        try:
            mark_signed(self.host.ledger, letter.id, signed_on, Path(scan) if scan else Path())
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("标记已签订"), str(exc))
            return
        self.host.announce(signed_changes(self.tr("标记责任书已签订"), letter.id))

    def view_scan(self) -> Path | None:
        """Open the kept scan with the system viewer (checked against its hash first)."""
        letter = self._need_current()
        if letter is None:
            return None
        try:
            path = scan_file(self.host.ledger, letter.id)
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("查看签订件"), str(exc))
            return None
        shown = self._work / path.name  # a copy: the viewer cannot alter the kept file
        shutil.copyfile(path, shown)
        LetterAsk.show_file(self, shown)
        return shown

    def verify_code(self) -> str:
        code = LetterAsk.code(self)
        if not code.strip():
            return ""
        outcome = verify(self.host.ledger, code)
        LetterAsk.inform(self, self.tr("核验责任书"), outcome.message)
        if outcome.letter_id is not None:
            self.list.select_id(outcome.letter_id)
        return outcome.result
