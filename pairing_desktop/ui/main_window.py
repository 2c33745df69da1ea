"""The main window: a QTabWidget of tabs, the File menu, and a status bar with the file and counts.

Tabs are plain widgets added with `add_tab`. A tab may offer, and the window then uses:
- `maybe_leave() -> bool`: called before switching tab, database or closing; False keeps the user
  where they are (the tab asks 保存/放弃/取消 itself);
- `reload()`: called after another database file was opened (models re-read, forms cleared);
- a `changed` signal: emitted after a save or delete so the status bar counts are refreshed.
The tabs read through the core (bound to the open file), so switching files needs no new tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from pairing_desktop.core import records
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.storage.db import Ledger, open_database
from pairing_desktop.core.storage.models import database
from pairing_desktop.ui.dialogs import Ask

RECENT_KEY = "recent_files"
RECENT_MAX = 8
COUNTED = ("unit", "cadre", "township", "village", "household", "farmer", "uv_pairing",
           "assignment")
DEMO_SEED = 2007

TabFactory = Callable[["MainWindow"], list[tuple[QWidget, str]]]


def default_tabs(window: MainWindow) -> list[tuple[QWidget, str]]:
    """Every tab of the program, in the order a clerk works: records, targets and letters, the
    activity ledger, then what the county reads (dashboard, report)."""
    from pairing_desktop.ui.letters import letters_tabs
    from pairing_desktop.ui.tabs import standard_tabs
    from pairing_desktop.ui.tabs.activity_tabs import activity_tabs

    return standard_tabs(window) + letters_tabs(window) + activity_tabs(window)


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger, settings: QSettings | None = None,
                 tabs: TabFactory = default_tabs):
        super().__init__()
        self.ledger = ledger
        self.settings = settings if settings is not None else QSettings()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._tab_index = -1
        self._switching_back = False
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._path_label = QLabel(self)
        self._counts_label = QLabel(self)
        self.statusBar().addWidget(self._path_label, 1)
        self.statusBar().addPermanentWidget(self._counts_label)
        self._build_menus()
        for widget, title in tabs(self):
            self.add_tab(widget, title)
        self._remember(ledger.path)
        self.update_status()
        self.resize(fit_screen())

    # --- tabs ------------------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (title already translated); hooks its `changed` signal to the status bar."""
        changed = getattr(widget, "changed", None)
        if changed is not None:
            changed.connect(self.update_status)
        return self.tabs.addTab(widget, title)

    def tab_widgets(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def maybe_leave(self) -> bool:
        """Every tab agrees to be left (each asks about its own unsaved edits)."""
        for widget in self.tab_widgets():
            leave = getattr(widget, "maybe_leave", None)
            if leave is not None and not leave():
                self.tabs.setCurrentWidget(widget)
                return False
        return True

    def _on_tab_changed(self, index: int) -> None:
        if self._switching_back:
            return
        previous = self.tabs.widget(self._tab_index) if self._tab_index >= 0 else None
        leave = getattr(previous, "maybe_leave", None)
        if leave is not None and not leave():
            self._switching_back = True
            self.tabs.setCurrentIndex(self._tab_index)
            self._switching_back = False
            return
        self._tab_index = index

    # --- status bar ------------------------------------------------------------------------

    def update_status(self) -> None:
        self._path_label.setText(self.tr("数据库：{0}").format(self.ledger.path))
        self.setWindowTitle(
            self.tr("城乡共建“1+1”结对帮扶台账 — {0}").format(self.ledger.path.name))
        counts = records.counts(list(COUNTED))
        self._counts_label.setText("  ".join(
            f"{self.tr(ENTITIES[k].label)} {n}" for k, n in counts.items()))

    # --- files -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self._action(menu, self.tr("新建数据库(&N)…"), self.new_file)
        self._action(menu, self.tr("打开数据库(&O)…"), self.open_file)
        self.recent_menu = menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(menu, self.tr("演示县数据库(&D)…"), self.new_demo_file)
        menu.addSeparator()
        self._action(menu, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)
        self.settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or []]

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue(RECENT_KEY, recent[:RECENT_MAX])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def _folder(self) -> str:
        return str(self.ledger.path.parent)

    def new_file(self) -> bool:
        path = Ask.new_path(self, self._folder(), self.tr("新建台账数据库"))
        if not path:
            return False
        if Path(path).exists():
            Ask.warn(self, self.tr("新建数据库"),
                     self.tr("文件 {0} 已存在；请用“打开”打开它，或换一个文件名。").format(path))
            return False
        return self.switch_to(Path(path))

    def open_file(self) -> bool:
        path = Ask.open_path(self, self._folder())
        return bool(path) and self.switch_to(Path(path))

    def new_demo_file(self) -> bool:
        """Create a demo county in a new file and open it."""
        from pairing_desktop.core.demo import build_demo_county

        path = Ask.new_path(self, self._folder(), self.tr("保存演示县数据库"))
        if not path:
            return False
        if Path(path).exists():
            Ask.warn(self, self.tr("演示县数据库"),
                     self.tr("文件 {0} 已存在；演示数据只写入新文件。").format(path))
            return False
        if not self.switch_to(Path(path)):
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            build_demo_county(seed=DEMO_SEED)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.reload_tabs()
        return True

    def switch_to(self, path: Path) -> bool:
        """Open another ledger file in this window; the old one is closed and its lock released."""
        path = Path(path).expanduser().resolve()
        if path == self.ledger.path:
            return True
        if not self.maybe_leave():
            return False
        try:
            new = open_database(path)
        except StorageError as exc:
            database.initialize(self.ledger.db)  # keep working on the file we have
            Ask.warn(self, self.tr("无法打开数据库"), str(exc))
            return False
        old, self.ledger = self.ledger, new
        old.close()
        self._remember(new.path)
        self.reload_tabs()
        return True

    def reload_tabs(self) -> None:
        for widget in self.tab_widgets():
            reload = getattr(widget, "reload", None)
            if reload is not None:
                reload()
        self.update_status()

    def close_ledger(self) -> None:
        self.ledger.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_leave():
            event.accept()
        else:
            event.ignore()


def fit_screen(width: int = 1366, height: int = 768):
    """The window's starting size: a 1366x768 laptop screen, or less on a smaller one."""
    from PySide6.QtCore import QSize

    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    available = screen.availableGeometry().size()
    return QSize(min(width, available.width()), min(height, available.height()))
