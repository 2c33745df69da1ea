"""Reusable list and record panels: a searchable, SQL-sorted table, and beside it a RecordForm.

Every tab is made of these, so New/Save/Delete/Revert/search and the unsaved-edits question
behave the same everywhere. The panel writes through the host's operations, reads through the
core, and shows the core's messages; it holds no rule of its own. Each list re-reads only when an
operation changed a kind it shows (a hidden one when it is next shown), and a form showing a
record that changed elsewhere (an undo) shows the new values unless it holds unsaved edits.
A record the operator may not change (core.auth: their role, their township) is shown read-only,
with ID and phone numbers masked: the operation would refuse anyway, and the form says so first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import auth, records
from pairing_desktop.core import operations as ops
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import PairingError, RefusedError, ValidationError
from pairing_desktop.core.masking import mask
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui import language
from pairing_desktop.ui.dialogs import Ask, Unsaved, start_folder
from pairing_desktop.ui.history_window import HistoryWindow
from pairing_desktop.ui.kinds import entity_kinds
from pairing_desktop.ui.list_model import ListModel, ListSource, record_table
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_form import RecordForm
from pairing_desktop.ui.style import PLACEHOLDER_STYLE

SAMPLE_ROWS = 40
FIND_LIMIT = 5000  # rows read to find a just-saved record further down a list
MAX_COLUMN = 240
PANEL_SHORTCUT = Qt.ShortcutContext.WidgetWithChildrenShortcut

SourceFactory = Callable[[Ledger], ListSource]

# What an empty list of each kind is for, and how to start it (shown over the empty table).
NEW_HINT = "点“新建”（Ctrl+N）登记第一条，或用 文件 → 导入 从 Excel 工作簿导入。"
EMPTY_TEXTS = {
    "township": "本县的乡镇（名称和代码）。",
    "village": "各乡镇的村：贫困类别、户数、人口、村支书。",
    "unit": "结对帮扶的单位：地直单位和县直单位，及其党组织、负责人和联系人。",
    "rank": "干部职级及每级应帮扶的贫困户数（县级 4、科局级 3……）。",
    "cadre": "本单位帮扶贫困户的干部和机关党员。",
    "household": "本村的贫困户：户主、身份证号、家庭人口、致贫原因。",
    "farmer": "本村与机关党员结对的农民党员。",
    "uv_pairing": "帮扶单位与一类贫困村的结对。",
    "ut_pairing": "地直单位与乡镇党委的结对。",
    "pm_pairing": "机关党员与农民党员的结对。",
    "stationed": "派到结对村任职的后备干部。",
    "assignment": "干部与贫困户的结对（“4321”）：每名干部按职级帮扶几户。",
    "target": "结对的年度目标，按六类“更加”目标分项。",
    "activity_type": "本县登记的帮扶活动类型及各类型记录的数字。",
    "activity": "帮扶活动台账：调研、培训、实事、走访……",
}
# What a list of the children of a record shows before a record is picked above it.
PICK_FIRST = {"unit": "请先在上方选择一个帮扶单位，这里列出它的干部。",
              "village": "请先在上方选择一个村，这里列出它的贫困户和农民党员。",
              "township": "请先选择一个乡镇。",
              "pairing": "请先在左边选择一个单位–村结对，这里列出它这一年的目标。"}


class ListPanel(QWidget):
    """A title, a search box (Ctrl+F) and a table over a ListModel; sorting is done in SQL.

    `source` makes the list on a ledger (again when another file is opened); `kinds` are what
    its rows show, so that it re-reads only when an operation changed one of them. `can_leave`
    is asked before the current row changes; returning False keeps the old row."""

    current_changed = Signal(object)  # id of the new current row, or None

    def __init__(self, host: LedgerHost, source: SourceFactory, kinds: Iterable[str],
                 title: str = "", parent: QWidget | None = None, empty: str = ""):
        super().__init__(parent)
        self.title_text = title
        self.empty_text = empty or self.tr("这里还没有记录。")
        self.host = host
        self.kinds = frozenset(kinds)
        self.can_leave: Callable[[], bool] = lambda: True
        self._guard = False
        self._make_source = source
        self.stale = False  # changed while hidden: read again when shown
        self.model = ListModel(source(host.ledger), self)
        self.title = QLabel(f"<b>{title}</b>", self)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.total = QLabel(self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setObjectName("export_list")
        self.export_button.setToolTip(self.tr("把列表中现在显示的记录（按当前的搜索和排序）"
                                              "导出为 Excel 工作簿"))
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.bar.addWidget(self.title)
        self.bar.addWidget(self.search, 1)
        self.bar.addWidget(self.total)
        self.bar.addWidget(self.export_button)
        self.view = record_table(self, self.model)
        # several rows may be selected to copy them; the current row is the record shown
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.placeholder = QLabel(self.view.viewport())
        self.placeholder.setObjectName("empty_text")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(PLACEHOLDER_STYLE)
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view.viewport().installEventFilter(self)
        self.view.installEventFilter(self)  # Ctrl+C: the table would copy one cell itself
        self._sized = False
        self.model.modelReset.connect(self._show_total)
        self.model.modelReset.connect(self._size_once)
        self.model.rowsInserted.connect(self._show_total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.view, 1)
        find = QAction(self.tr("搜索"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(PANEL_SHORTCUT)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.copy_action = QAction(self.tr("复制选中的行"), self.view)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda _checked=False: self.copy_rows())
        self.export_action = QAction(self.tr("导出列表…"), self.view)
        self.export_action.triggered.connect(lambda _checked=False: self.export())
        self.view.addActions([self.copy_action, self.export_action])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._show_total()
        self.size_columns()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._on_replaced)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _show_total(self) -> None:
        self.total.setText(self.tr("共 {0} 条").format(language.number_text(self.model.total)))
        self._show_placeholder()

    def _show_placeholder(self) -> None:
        """An empty list says what belongs in it and how to start; an empty search, that
        nothing matched."""
        if self.model.total:
            self.placeholder.hide()
            return
        search = self.model.search.strip()
        self.placeholder.setText(self.tr("没有与“{0}”相符的记录。").format(search) if search
                                 else self.empty_text)
        self.placeholder.setGeometry(self.view.viewport().rect().adjusted(12, 12, -12, -12))
        self.placeholder.show()

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self._show_placeholder()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.placeholder.setGeometry(watched.rect().adjusted(12, 12, -12, -12))
        elif watched is self.view and event.type() == QEvent.Type.KeyPress \
                and event.matches(QKeySequence.StandardKey.Copy):
            self.copy_rows()
            return True
        return False

    # --- out to Excel and the clipboard -------------------------------------------------------

    def copy_text(self) -> str:
        """The selected rows as tab-separated text under the headings, as Excel and WPS paste
        it: the columns shown, the values as the list shows them (numbers masked)."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows:
            current = self.view.selectionModel().currentIndex()
            rows = [current.row()] if current.isValid() else []
        columns = [c for c in range(self.model.columnCount())
                   if not self.view.isColumnHidden(c)]

        def cell(text: Any) -> str:
            return " ".join(str(text or "").split())  # a tab or line break would split a cell

        lines = ["\t".join(cell(self.model.headerData(c, Qt.Orientation.Horizontal))
                           for c in columns)]
        lines += ["\t".join(cell(self.model.data(self.model.index(r, c))) for c in columns)
                  for r in rows]
        return "\r\n".join(lines) + "\r\n" if rows else ""

    def copy_rows(self) -> int:
        """Ctrl+C: the selected rows to the clipboard; returns how many."""
        text = self.copy_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return max(text.count("\r\n") - 1, 0)

    def export(self) -> str:
        """导出: the rows the list shows now (its filters, search and sort; the core's list
        query, not the rows loaded) to a workbook in the import's format, numbers masked.
        Returns the file written ("" when cancelled or refused)."""
        # (loaded when first asked: the exchange modules are no part of opening a window)
        from pairing_desktop.core.exchange.exporter import export_list

        name = self.title_text or self.tr("列表")
        folder = start_folder(self.host.ledger)
        suggested = str(folder / f"{self.host.ledger.name}-{name}.xlsx")
        path = Ask.save_path(self, self.tr("导出列表"), suggested,
                             self.tr("Excel 工作簿 (*.xlsx)"), ".xlsx")
        if not path:
            return ""
        try:
            written = export_list(self.host.ledger, path, self.model.source, self.model.search,
                                  self.model.sort_column, self.model.descending, name)
        except PairingError as exc:
            Ask.warn(self, self.tr("导出列表"), str(exc))
            return ""
        Ask.inform(self, self.tr("导出列表"),
                   self.tr("已导出 {0} 条记录到 {1}（身份证号和电话已隐去中间几位）。")
                   .format(written, path))
        return path

    def _size_once(self) -> None:
        """Size the columns when rows first appear; later the user's widths are kept."""
        if not self._sized and self.model.rowCount():
            self.size_columns()

    def size_columns(self) -> None:
        """Column widths from the header and a sample of rows (never from every row)."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        rows = min(SAMPLE_ROWS, self.model.rowCount())
        for column in range(self.model.columnCount()):
            texts = [self.model.data(self.model.index(r, column)) for r in range(rows)]
            cells = max((metrics.horizontalAdvance(t or "") for t in texts), default=0) + 14
            # the header as the style draws it: its text, margins and the sort arrow
            width = max(header.sectionSizeHint(column), cells)
            header.resizeSection(column, min(width, MAX_COLUMN))
        self._sized = rows > 0

    def columns_width(self) -> int:
        """The width that shows every column of the list whole, as they are sized now (the
        last, stretched to fill the table, as its heading asks)."""
        view = self.view
        header = view.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        columns = sum(header.sectionSize(c) for c in shown[:-1])
        if shown:
            columns += header.sectionSizeHint(shown[-1])
        return (columns + view.verticalHeader().width()
                + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth())

    def set_source(self, source: SourceFactory) -> None:
        """Show another list (other filters), read at once from the open ledger."""
        self._make_source = source
        self.stale = False
        self._guard = True
        self._sized = False
        try:
            self.model.set_source(source(self.host.ledger))
        finally:
            self._guard = False

    def refresh(self) -> None:
        """Read the list again, keeping the current record current if it is still listed."""
        current = self.current_id()
        self.stale = False
        self._guard = True
        try:
            self.model.refresh()
            if current is not None:
                self._select_row(self.model.row_of_id(current))
        finally:
            self._guard = False

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(self.kinds):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def _on_replaced(self) -> None:
        self.set_source(self._make_source)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def current_id(self) -> Any:
        index = self.view.selectionModel().currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, record_id: Any) -> bool:
        """Make a record current without asking (the caller has already dealt with edits)."""
        if self.stale:
            self.refresh()
        self._guard = True
        try:
            row = self.model.row_of_id(record_id)
            while row < 0 and self.model.canFetchMore() and self.model.rowCount() < FIND_LIMIT:
                start = self.model.rowCount()
                self.model.fetchMore()
                row = self.model.row_of_id(record_id)
                if self.model.rowCount() == start:
                    break
            return self._select_row(row)
        finally:
            self._guard = False

    def clear_selection(self) -> None:
        self._guard = True
        try:
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
        finally:
            self._guard = False

    def _select_row(self, row: int) -> bool:
        if row < 0:
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._guard:
            return
        if not self.can_leave():
            self._guard = True
            try:
                self._select_row(previous.row() if previous.isValid() else -1)
            finally:
                self._guard = False
            return
        self.current_changed.emit(self.model.id_at(current.row()) if current.isValid() else None)


class RecordPanel(QWidget):
    """A ListPanel of one entity beside a RecordForm, with New/Save/Delete/Revert.

    `filters` restrict the list (the cadres of one unit); `fixed` are the starting values of a
    new record (that unit); `revert_key` is the key of 撤销修改 ("" for none); `form_columns`
    how many columns the form's fields take, `button_rows` its buttons. `dependents` are
    panels showing children of the current record: their unsaved edits are asked about before
    this panel's record changes."""

    record_changed = Signal(object)  # the record shown in the form (None: a new one)

    def __init__(self, host: LedgerHost, entity: str, title: str = "",
                 filters: dict[str, Any] | None = None, fixed: dict[str, Any] | None = None,
                 parent: QWidget | None = None,
                 orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 revert_key: str = "Esc", form_columns: int = 1, button_rows: int = 1):
        super().__init__(parent)
        self.host = host
        self.spec = records.spec_of(entity)
        self.filters = dict(filters or {})
        self.fixed = dict(fixed or {})
        self.dependents: list[RecordPanel] = []
        self.list = ListPanel(host, self._source, entity_kinds(self.spec.key),
                              title or self.tr(self.spec.label), self)
        self.list.can_leave = self.maybe_leave
        self.list.current_changed.connect(self.show_record)
        self._set_empty_text()
        self.form = RecordForm(host, self.spec, self, columns=form_columns)
        self.form.submitted.connect(self.save)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        # never narrower than the form's fields need: a splitter may not cut them off
        scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 2 * scroll.frameWidth()
                               + scroll.verticalScrollBar().sizeHint().width())
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop that shows nothing
        self.form.focused_error.connect(lambda editor: scroll.ensureWidgetVisible(editor))
        self.buttons = QHBoxLayout()
        self.new_button = self._button(self.tr("新建"), self.new, "Ctrl+N")
        self.save_button = self._button(self.tr("保存"), self.save, "Ctrl+S")
        self.delete_button = self._button(self.tr("删除"), self.delete)
        # Esc reverts the form; a dialog holding the panel keeps Esc to close itself
        self.revert_button = self._button(self.tr("撤销修改"), self.revert, revert_key)
        self.history_button = self._button(self.tr("历史"), self.show_history)
        self.history_button.setObjectName("history")
        self.history_button.setToolTip(self.tr("这条记录的操作日志：谁在何时改了什么"))
        self.buttons.addStretch(1)
        self.history_window: HistoryWindow | None = None
        self.form_side = form_side = QWidget(self)
        side = QVBoxLayout(form_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self.buttons)
        if button_rows > 1:  # a narrow column: the buttons in two rows
            second = QHBoxLayout()
            for button in (self.revert_button, self.history_button):
                self.buttons.removeWidget(button)
                second.addWidget(button)
            second.addStretch(1)
            side.addLayout(second)
        side.addWidget(scroll, 1)
        side.addWidget(self.form.messages)  # under the fields, seen however they scroll
        self.splitter = QSplitter(orientation, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(form_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.splitter)
        delete = QAction(self.tr("删除"), self.list.view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete)
        self.list.view.addAction(delete)
        self._hide_filtered_columns()
        self._load(None, None)
        self._order_tabs()
        host.changed.connect(self._on_changes)
        host.replaced.connect(self._on_replaced)

    def _order_tabs(self) -> None:
        """Tab goes as the panel reads: search, list, the buttons above the form, the fields;
        from the last field straight on to the next panel (not back through the buttons,
        which took a clerk 7 Tabs from the unit form to the cadres)."""
        chain = [self.list.search, self.list.export_button, self.list.view,
                 *(self.buttons.itemAt(i).widget() for i in range(self.buttons.count())
                   if self.buttons.itemAt(i).widget() is not None),
                 self.revert_button, self.history_button, self.form.first_editor()]
        chain = list(dict.fromkeys(chain))
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _source(self, ledger: Ledger) -> ListSource:
        return records.EntityList(ledger, self.spec, self.filters)

    def _button(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        if shortcut:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(PANEL_SHORTCUT)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            button.setToolTip(f"{text}（{QKeySequence(shortcut).toString()}）")
        self.buttons.addWidget(button)
        return button

    @property
    def record_id(self) -> Any:
        return self.form.record_id

    # --- leaving a record ------------------------------------------------------------------

    def maybe_leave(self) -> bool:
        """True when the form (and any child panel) may be left: saved, discarded or unchanged."""
        for child in self.dependents:
            if not child.maybe_leave():
                return False
        if not self.form.dirty:
            return True
        answer = Ask.unsaved(self, self.tr(self.spec.label))
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.revert()
            return True
        return False

    # --- actions ---------------------------------------------------------------------------

    def show_record(self, record_id: Any) -> None:
        self._load(record_id, None if record_id is None
                   else records.load_with_revision(self.host.ledger, self.spec, record_id))
        self.record_changed.emit(record_id)

    def _load(self, record_id: Any, stored: tuple[dict[str, Any], int] | None) -> None:
        """Show a record, given its values and change number read together (None: a new one
        from `fixed`), as the operator may: editable, or read-only with ID and phone numbers
        masked; New only where they may create one."""
        values, revision = stored or (None, None)
        who = self.host.ledger.operator
        key = self.spec.key
        with self.host.ledger.bound():
            township = auth.township_of(key, self.fixed if values is None else values)
            new_township = auth.township_of(key, self.fixed)
        if values is None:
            self.form.load_new(self.fixed)
        elif auth.sees_full_numbers(who, key, township):
            self.form.load(record_id, values, revision)
        else:
            self.form.load(record_id, {
                name: mask(value) if self.spec.field(name).kind.personal else value
                for name, value in values.items()}, revision)
        editable = auth.can_edit(who, key, township)
        self.form.set_read_only(not editable)
        self.new_button.setEnabled(auth.can_edit(who, key, new_township))
        for button in (self.save_button, self.delete_button, self.revert_button):
            button.setEnabled(editable)
        self.history_button.setEnabled(record_id is not None)

    @property
    def editable(self) -> bool:
        """Whether the shown record may be saved by this operator (the form is not read-only)."""
        return not self.form.read_only

    def new(self) -> bool:
        if not self.new_button.isEnabled() or not self.maybe_leave():
            return False
        self.list.clear_selection()
        self.show_record(None)
        self.form.first_editor().setFocus()
        return True

    def save(self) -> bool:
        if not self.editable:  # Ctrl+S or Enter on a read-only form: nothing to save
            return False
        is_new = self.form.record_id is None
        try:
            changes = self.host.perform(ops.save, self.spec, self.form.record_id,
                                        self.form.values(), expected_rev=self.form.revision)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return False
        except RefusedError as exc:
            Ask.warn(self, self.tr("不能保存"), str(exc))
            return False
        record_id = changes.record_id
        self.list.select_id(record_id)
        self._load(record_id, records.load_with_revision(self.host.ledger, self.spec, record_id))
        if is_new:
            self.record_changed.emit(record_id)
        return True

    def delete(self) -> bool:
        record_id = self.form.record_id
        if record_id is None or not self.editable:
            return False
        refusal = records.delete_refusal(self.host.ledger, self.spec, record_id)
        if refusal:  # said before asking "are you sure?", not after the clerk said yes
            Ask.warn(self, self.tr("不能删除"), refusal)
            return False
        name = records.choices(self.host.ledger, self.spec, ids=[record_id])
        what = f"{self.tr(self.spec.label)}“{name[0][1]}”" if name else self.tr(self.spec.label)
        if not Ask.confirm(self, self.tr("删除"), self.tr("确定删除{0}吗？").format(what)):
            return False
        try:
            self.host.perform(ops.delete, self.spec, record_id)
        except RefusedError as exc:
            Ask.warn(self, self.tr("不能删除"), str(exc))
            return False
        if self.form.record_id == record_id:  # still shown: its edits kept it from going
            self.list.clear_selection()
            self.show_record(None)
        return True

    def revert(self) -> None:
        """Throw away the edits: show the stored record again (or a fresh new one)."""
        self.show_record(self.form.record_id)

    def show_history(self) -> HistoryWindow | None:
        """历史: the 操作日志 of the record in the form, beside it (not modal)."""
        if self.form.record_id is None:
            return None
        if self.history_window is None:
            self.history_window = HistoryWindow(self.host, self)
        self.history_window.show_record(self.spec.key, self.form.record_id)
        return self.history_window

    # --- context ---------------------------------------------------------------------------

    def set_filters(self, filters: dict[str, Any], fixed: dict[str, Any] | None = None) -> None:
        """Show another subset (the caller has asked about unsaved edits already)."""
        self.filters = dict(filters)
        self.fixed = dict(fixed if fixed is not None else filters)
        self.list.set_source(self._source)
        self._hide_filtered_columns()
        self._set_empty_text()
        self.show_record(None)

    def _set_empty_text(self) -> None:
        """What the list is for and how to start it; a list of the children of a record not
        yet picked says to pick one."""
        waiting = [k for k, v in self.filters.items() if v is None and k in PICK_FIRST]
        if waiting:
            text = self.tr(PICK_FIRST[waiting[0]])
        else:
            text = self.tr(EMPTY_TEXTS.get(self.spec.key, "")) + "\n" + self.tr(NEW_HINT)
        self.list.set_empty_text(text.strip())

    def _hide_filtered_columns(self) -> None:
        """A list narrowed to one unit need not repeat the unit in every row."""
        for column, (key, _label) in enumerate(self.list.model.source.columns):
            self.list.view.setColumnHidden(column, key in self.filters)

    # --- what others changed ---------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The shown record changed elsewhere (an undo): show what is stored now, unless the
        form holds edits the clerk has not saved."""
        record_id = self.form.record_id
        if record_id is None or record_id not in changes.ids(self.spec.key) \
                or self.form.dirty:
            return
        try:
            stored = records.load_with_revision(self.host.ledger, self.spec, record_id)
        except RefusedError:  # it is gone
            self.list.clear_selection()
            self.show_record(None)
            return
        self._load(record_id, stored)

    def _on_replaced(self) -> None:
        """Another file is open: its list (rebuilt by the ListPanel) and a new record."""
        self.list.size_columns()
        self.show_record(None)
