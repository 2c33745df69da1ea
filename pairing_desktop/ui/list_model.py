"""A lazy table model over any ListSource (core.records.EntityList, core.rules.quotas lists).

Rows arrive a page at a time (canFetchMore/fetchMore) and search and sort run in SQL, so a list
of 100,000 households opens as fast as its first page; a proxy model sorting in Python took
seconds at that size (STYLE.md, measured pitfalls).

The SQL writes a choice by its Chinese label (CASE … THEN '一类'), as the search and the sort
read it; the model shows it in the interface's language, translated as the forms translate
choices (the "fields" context), and a yes/no as 是/否 or Yes/No.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pairing_desktop.core.fields import MULTI_SEP, Choice, MultiChoice, Numbered
from pairing_desktop.core.records import display_value as display

PAGE = 200

Index = QModelIndex | QPersistentModelIndex


class ListSource(Protocol):
    """What a list of records offers; the core implements it in SQL."""

    columns: list[tuple[str, str]]

    def count(self, search: str = "") -> int: ...

    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = PAGE) -> list[tuple]: ...


def _choice_columns(source: ListSource) -> dict[int, Choice]:
    """The columns of a record list that hold a choice's label, by position."""
    spec = getattr(source, "spec", None)
    if spec is None:
        return {}
    kinds = {f.name: f.kind for f in spec.fields}
    return {i: kinds[name] for i, (name, _label) in enumerate(source.columns)
            if isinstance(kinds.get(name), Choice)}


def _label_text(kind: Choice, text: str) -> str:
    """A choice's label as the SQL wrote it ("一类", "2. 发展生产", "低保、五保"), translated."""
    def word(label: str) -> str:
        return QCoreApplication.translate("fields", label)

    if isinstance(kind, MultiChoice):
        return QCoreApplication.translate("ListModel", "、").join(
            word(part) for part in text.split(MULTI_SEP))
    if isinstance(kind, Numbered):
        number, dot, label = text.partition(". ")
        return f"{number}. {word(label)}" if dot and number.isdigit() else word(text)
    return word(text)


class ListModel(QAbstractTableModel):
    """Rows of a ListSource; row tuples are (id, column values...)."""

    def __init__(self, source: ListSource, parent: Any = None, page_size: int = PAGE):
        super().__init__(parent)
        self._source = source
        self._choices = _choice_columns(source)
        self._page_size = page_size
        self._search = ""
        self._sort: int | None = None
        self._descending = False
        self._rows: list[tuple] = []
        self._total = 0
        self._load(self._page_size)

    # --- the source and what is shown ---------------------------------------------------------

    @property
    def source(self) -> ListSource:
        return self._source

    @property
    def search(self) -> str:
        return self._search

    @property
    def sort_column(self) -> int | None:
        """The column sorted by (None: the list's own order)."""
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int:
        """Rows matching the search in the database, loaded or not."""
        return self._total

    def set_source(self, source: ListSource) -> None:
        """Show another list (e.g. the cadres of another unit), keeping search and sort."""
        self._source = source
        self._choices = _choice_columns(source)
        self.refresh(keep_loaded=False)

    def set_search(self, text: str) -> None:
        if text == self._search:
            return
        self._search = text
        self.refresh(keep_loaded=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; the view's header calls this."""
        self._sort = column if 0 <= column < len(self._source.columns) else None
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh(keep_loaded=False)

    def refresh(self, keep_loaded: bool = True) -> None:
        """Re-read the database (after a save): as many rows as were loaded, at least a page."""
        wanted = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        self.beginResetModel()
        self._load(wanted)
        self.endResetModel()

    def _load(self, wanted: int) -> None:
        self._total = self._source.count(self._search)
        self._rows = self._source.page(self._search, self._sort, self._descending, 0,
                                       min(wanted, self._total)) if self._total else []

    def id_at(self, row: int) -> Any:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of_id(self, record_id: Any) -> int:
        """The row of a record among those loaded, or -1."""
        for row, values in enumerate(self._rows):
            if values[0] == record_id:
                return row
        return -1

    def values_at(self, row: int) -> tuple:
        """The column values of a loaded row (without the id)."""
        return self._rows[row][1:]

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._source.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        rows = self._source.page(self._search, self._sort, self._descending, start,
                                 min(self._page_size, self._total - start))
        if not rows:
            self._total = start  # the table shrank behind us; stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()][index.column() + 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(value, bool):
                return QCoreApplication.translate("ListModel", "是") if value else \
                    QCoreApplication.translate("ListModel", "否")
            kind = self._choices.get(index.column())
            if kind is not None and isinstance(value, str) and value:
                return _label_text(kind, value)
            return display(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float) \
                and not isinstance(value, bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._source.columns):
                return QCoreApplication.translate("fields", self._source.columns[section][1])
            return None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren


def record_table(parent: QWidget, model: QAbstractItemModel, name: str = "",
                 widths: Sequence[str] = ()) -> QTableView:
    """The read-only table every list shows a ListModel in: whole rows selected one at a time,
    rows of one line at the font's height, the last column stretched; `widths` are sample texts
    that size the columns (never the rows themselves: see STYLE.md on resizeColumnsToContents)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table (the arrows move within it)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    for column, sample in enumerate(widths):
        view.horizontalHeader().resizeSection(
            column, view.fontMetrics().horizontalAdvance(sample) + 20)
    return view
