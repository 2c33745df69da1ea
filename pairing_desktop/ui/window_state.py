"""What the clerk arranged, kept between starts: the main window's size and place, and in each
tab the splitters' positions and the columns' widths (QSettings, under "window/" and "layout/").

A splitter or a header is known by its path of object names (or class and place among its
siblings) from its tab, so nothing in the tabs has to name itself for this. Only widths are
kept for columns, not QHeaderView.saveState: that would also bring back a sort indicator the
list is not sorted by. Widths are put back only when the number of columns is the same.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
GEOMETRY = "window/geometry"
DOCKS = "window/docks"
LAYOUT = "layout"


def save_window(settings: QSettings, window: QMainWindow) -> None:
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(DOCKS, window.saveState())


def restore_window(settings: QSettings, window: QMainWindow) -> bool:
    """Size and place as last closed (Qt moves it onto a screen that exists); False if none
    was kept."""
    geometry = settings.value(GEOMETRY)
    if not isinstance(geometry, QByteArray | bytes) or not geometry:
        return False
    return window.restoreGeometry(QByteArray(geometry))


def _path(widget: QObject, root: QObject) -> str:
    """"RecordPanel#0/QSplitter#0": each step's object name (or class) and its place among the
    siblings of its class, from `root` down."""
    parts = []
    while widget is not None and widget is not root:
        parent = widget.parent()
        siblings = [c for c in parent.findChildren(type(widget), options=DIRECT)
                    if type(c) is type(widget)] if parent else [widget]
        name = widget.objectName() or type(widget).__name__
        parts.append(f"{name.replace('/', '_')}#{siblings.index(widget)}")
        widget = parent
    return "/".join(reversed(parts))


def _headers(root: QWidget) -> list[QHeaderView]:
    return [h for h in root.findChildren(QHeaderView)
            if h.orientation() == Qt.Orientation.Horizontal and h.count()]


def save_widgets(settings: QSettings, root: QWidget, name: str) -> None:
    """Every splitter's state and every list's column widths under `root` (a tab)."""
    for splitter in root.findChildren(QSplitter):
        settings.setValue(f"{LAYOUT}/{name}/{_path(splitter, root)}", splitter.saveState())
    for header in _headers(root):
        widths = [header.sectionSize(i) for i in range(header.count())]
        settings.setValue(f"{LAYOUT}/{name}/{_path(header, root)}", json.dumps(widths))


def restore_widgets(settings: QSettings, root: QWidget, name: str) -> int:
    """Put back what `save_widgets` kept for this tab; returns how many widgets took it.

    Columns that size themselves (stretch, to contents) and the last one when it stretches
    keep their own width."""
    settings.beginGroup(LAYOUT)
    kept = name in settings.childGroups()
    settings.endGroup()
    if not kept:  # nothing kept for this tab (a first start): no need to look at its widgets
        return 0
    restored = 0
    for splitter in root.findChildren(QSplitter):
        state = settings.value(f"{LAYOUT}/{name}/{_path(splitter, root)}")
        if isinstance(state, QByteArray | bytes) and state:
            restored += splitter.restoreState(QByteArray(state))
    for header in _headers(root):
        kept = settings.value(f"{LAYOUT}/{name}/{_path(header, root)}")
        try:
            widths = json.loads(kept) if isinstance(kept, str) else None
        except ValueError:
            widths = None
        if not isinstance(widths, list) or len(widths) != header.count():
            continue
        last = header.count() - 1
        for column, width in enumerate(widths):
            interactive = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
            if interactive and isinstance(width, int) and width > 0 \
                    and not (column == last and header.stretchLastSection()):
                header.resizeSection(column, width)
        restored += 1
    return restored
