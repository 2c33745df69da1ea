"""责任书: the printed letters with filters (type, status, year, township, 超期未签), and what a
clerk does with them: batch, preview and print, mark printed or signed, view the scan, verify.

Under the list, the fonts letters print with on this PC: the setting (the system's 公文 fonts or
the bundled ones) and, role by role, the face it comes to, where it was found and why. Finding
them loads each font file (about 0.1 s a font the first time), so it runs off the GUI thread,
when the tab is made, when another file is opened and when the setting changes.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.letters import KINDS
from pairing_desktop.core.letters.fonts import CHOICES as FONT_CHOICES
from pairing_desktop.core.letters.fonts import (
    ROLE_LABELS,
    ROLES,
    FontChoice,
    font_report,
    font_setting,
    set_font_setting,
)
from pairing_desktop.core.letters.fonts import SETTING_KEY as FONT_KEY
from pairing_desktop.core.letters.lifecycle import (
    STATUSES,
    LetterList,
    find,
    letter_date,
    mark_printed,
    mark_signed,
    scan_file,
    verify,
)
from pairing_desktop.ui.background import Background
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.letters.batch_dialog import BatchDialog
from pairing_desktop.ui.letters.changes import signed_changes
from pairing_desktop.ui.letters.preview import PreviewDialog, render_letter
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import ListPanel
from pairing_desktop.ui.tabs.base import LETTERS_MENU, Tab
from pairing_desktop.ui.township_filter import TownshipFilter

if TYPE_CHECKING:
    from pairing_desktop.core.storage.models import Letter

# What the list shows: the letters (their party and unit are copied in when printed) and the
# name of their township.
LETTER_KINDS = frozenset({"letter", "township"})
FONT_COLUMNS = ("角色", "字体", "来源", "原因")


class FontTable(QTableWidget):
    """Read-only: one row per role of a letter (标题, 正文, 一级标题, 二级标题, 页码) with the face
    that sets it, where it was found and why; the file's path in each row's tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(len(ROLES), len(FONT_COLUMNS), parent)
        self.setObjectName("letter_fonts")
        self.setHorizontalHeaderLabels([self.tr(c) for c in FONT_COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(len(FONT_COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, role in enumerate(ROLES):
            self._set_row(row, [self.tr(ROLE_LABELS[role]), self.tr("正在查找…"), "", ""], "")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(self.horizontalHeader().sizeHint().height()
                            + self.verticalHeader().length() + 2 * self.frameWidth())

    def _set_row(self, row: int, texts: list[str], tip: str) -> None:
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(tip or text)
            self.setItem(row, column, item)

    def show_report(self, report: list[FontChoice]) -> None:
        self.setRowCount(len(report))
        for row, choice in enumerate(report):
            family = choice.family + (f"（{choice.psname}）" if choice.psname
                                      and choice.psname != choice.family else "")
            self._set_row(row, [self.tr(choice.label), family, self.tr(choice.source),
                                self.tr(choice.reason)], str(choice.face.path))


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
        self.list = ListPanel(host, self._source, LETTER_KINDS, self.tr("责任书"), self,
                              empty=self.tr("还没有责任书。点“批量生成…”为结对生成本年度的目标"
                                            "责任书、干部帮扶责任书或联系卡；生成后在这里预览、"
                                            "打印，签订后登记并附上签订件。"))
        filters = QHBoxLayout()
        for widget in (self.kind, self.status, self.year, self.township):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _i: self.apply_filters())
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        self.overdue.toggled.connect(lambda _on: self.apply_filters())
        self._start_with_letters()
        buttons = QHBoxLayout()
        self.batch_button = self._button(buttons, self.tr("批量生成…"), self.open_batch)
        self.preview_button = self._button(buttons, self.tr("预览 / 打印…"), self.preview)
        self.printed_button = self._button(buttons, self.tr("标记已打印"), self.mark_printed)
        self.signed_button = self._button(buttons, self.tr("标记已签订…"), self.mark_signed)
        self.scan_button = self._button(buttons, self.tr("查看签订件"), self.view_scan)
        buttons.addStretch(1)
        self.verify_button = self._button(buttons, self.tr("核验验证码…"), self.verify_code)
        # what needs a letter is enabled once one is picked (the first is, when shown)
        self.per_letter = (self.preview_button, self.printed_button, self.signed_button,
                           self.scan_button)
        self.list.current_changed.connect(lambda _id: self._update_buttons())
        self.list.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.font_choice = QComboBox(self)
        for key, label in FONT_CHOICES.items():
            self.font_choice.addItem(self.tr(label), key)
        self._show_font()
        self.font_choice.setToolTip(self.tr("责任书使用的字体（保存在台账文件中）"))
        self.font_choice.currentIndexChanged.connect(lambda _i: self._font_chosen())
        self.font_table = FontTable(self)
        self.font_work = Background(self, self.tr("查找责任书字体"))
        self.font_work.done.connect(self.font_table.show_report)
        fonts = QGroupBox(self.tr("责任书字体（GB/T 9704：标题小标宋、正文仿宋、一级标题黑体、"
                                  "二级标题楷体）"), self)
        chosen = QHBoxLayout()
        chosen.addWidget(QLabel(self.tr("使用"), fonts))
        chosen.addWidget(self.font_choice)
        chosen.addStretch(1)
        box = QVBoxLayout(fonts)
        box.addLayout(chosen)
        box.addWidget(self.font_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(fonts)
        self.preview_dialog: PreviewDialog | None = None
        self.batch_dialog: BatchDialog | None = None
        self.verify_action = QAction(QCoreApplication.translate("tabs", "核验责任书…"), self)
        self.verify_action.setObjectName("verify_letter")
        self.verify_action.triggered.connect(lambda _checked=False: self.verify_code())
        self.batch_action = QAction(QCoreApplication.translate("tabs", "批量生成…"), self)
        self.batch_action.triggered.connect(lambda _checked=False: self.open_batch())
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._show_font)
        host.replaced.connect(self.refresh_fonts)
        self.refresh_fonts()

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

    def refresh_fonts(self) -> None:
        """Find the faces of the setting in the pool; the table shows them when found."""
        self.font_work.read(self.host.ledger, font_report)

    def _font_chosen(self) -> None:
        try:
            self.host.perform(set_font_setting, self.font_choice.currentData())
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("责任书字体"), str(exc))
            self._show_font()

    def _on_changes(self, changes: Changes) -> None:
        if FONT_KEY in changes.ids("setting"):  # the font choice, or an undo of it
            self._show_font()
            self.refresh_fonts()

    def _start_with_letters(self) -> None:
        """Open on letters: this year's, or every year's when none was printed this year."""
        if self.list.model.total == 0 and LetterList(
                self.host.ledger, {**self.filters(), "year": 0}).count():
            self.year.setCurrentIndex(self.year.findData(0))  # (re-reads the list)

    def _update_buttons(self) -> None:
        chosen = self.list.current_id() is not None
        for button in self.per_letter:
            button.setEnabled(chosen)
            button.setToolTip("" if chosen else self.tr("先在列表中选择一份责任书"))

    def showEvent(self, event: QShowEvent) -> None:
        """Shown with a letter picked (the first), so that 预览 / 打印 has one to show."""
        super().showEvent(event)
        if self.list.current_id() is None and self.list.model.rowCount():
            self.list.select_id(self.list.model.id_at(0))
            self._update_buttons()

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
        """Print the letter again from the records as they are now, with its own date (today
        for a letter printed before dates were kept), a new version if they changed, and show
        it; the preview offers another date."""
        letter = self._need_current()
        if letter is None:
            return None
        day = letter_date(self.host.ledger, letter.id) or dt.date.today()
        folder = Path(tempfile.mkdtemp(dir=self._work))  # its own: an open preview keeps its file
        try:
            result = render_letter(self.host, letter.id, folder, letter.party, day)
        except PairingError as exc:
            LetterAsk.inform(self, self.tr("预览"), str(exc))
            return None
        ids = [p.letter_id for p in result.letters]
        if ids[0] != letter.id:
            LetterAsk.inform(self, self.tr("预览"), self.tr(
                "记录在打印后已修改，已生成新版本（验证码 {0}），原版本保留。").format(
                result.letters[0].code))
            self.list.select_id(ids[0])
        dialog = PreviewDialog(self.host, result.files[0], ids, letter.party, self, day=day)
        dialog.redated.connect(self.list.select_id)
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
