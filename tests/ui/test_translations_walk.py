"""Every window, tab, menu and dialog of the program, walked on the demo county at 1366×768 in
both languages: in English no visible text of ours is left in Chinese, in Chinese none is in
English, and in both no label or button is narrower than its text.

Record data (names of townships, units, people, activity types, the file's own name) is what
the clerk typed: it stays as typed in either language, so each run of Chinese characters that is
one of the ledger's values is left out of the check."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTabBar,
    QWidget,
)

from pairing_desktop.core import auth, records
from pairing_desktop.core import backups as core_backups
from pairing_desktop.core.demo import make_demo_file
from pairing_desktop.core.exchange.importer import plan_book
from pairing_desktop.core.exchange.mapping import SKIP
from pairing_desktop.core.exchange.workbook_format import FORMATS
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.letters.batch import generate
from pairing_desktop.ui import language
from pairing_desktop.ui.app import register_fonts
from pairing_desktop.ui.import_dialog import ImportDialog
from pairing_desktop.ui.letters.ask import SignDialog
from pairing_desktop.ui.main_window import MainWindow
from pairing_desktop.ui.prompts import BackupSettingsDialog, CredentialsDialog, PasswordDialog
from pairing_desktop.ui.record_panel import ListPanel
from pairing_desktop.ui.tabs.assignments import ReassignDialog
from pairing_desktop.ui.tabs.overview import ID_ROLE
from tests.ui.test_language import speaking

pytestmark = pytest.mark.gui

WIDTH, HEIGHT = 1366, 768
IDEOGRAPHS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[A-Za-z]{3,}")
# Words a Chinese interface writes in Latin letters: file kinds, keys, standards, licences,
# the names of things as they are spelled (the `backups` folder, SQLite's -wal file), and the
# name of the English language in the language menu.
LATIN_ALLOWED = {"PDF", "Excel", "CSV", "Ctrl", "Enter", "Alt", "Shift", "Del", "Esc", "Tab",
                 "MIT", "LGPL", "GNU", "PySide", "Qt", "backups", "wal", "backup", "xlsx", "xls",
                 "ods", "csv", "pdf", "ABCD", "EFGH", "English", "SQLite", "Windows"}
# The name of Chinese in the language menu is written in Chinese in every language.
CJK_ALLOWED = {language.NAMES[language.CHINESE]}
# The import dialog maps a file's columns onto the exchange workbook's columns, whose headings
# are Chinese in every language (the file format, like the letters and reports).
IMPORT_DIALOG = "导入"
WORKBOOK_HEADINGS = {SKIP} | {column.heading for spec in FORMATS.values()
                              for column in spec.columns + spec.links}
PATHS = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s，。；：、（）()“”]*")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo county with this year's target letters of one township made (so that the
    letters list, its preview and its statuses have something to show)."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "演示县.db"
    make_demo_file(path)
    with open_ledger(path) as ledger:
        assert auth.auto_login(ledger) is not None
        township = records.choices(ledger, "township", limit=1)[0][1]
        generate(ledger, "target", dt.date.today().year, folder / "letters.pdf",
                 township=township)
    return path


@pytest.fixture(scope="module")
def record_data(demo_file) -> set[str]:
    """Every run of Chinese characters and every Latin word in any text value of the demo
    ledger (user names are Latin), the file's name and the application's."""
    runs: set[str] = set()
    with sqlite3.connect(demo_file) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                for (value,) in db.execute(f'SELECT DISTINCT "{column}" FROM "{table}" '
                                           f'WHERE typeof("{column}") = \'text\''):
                    runs.update(IDEOGRAPHS.findall(value) + WORD.findall(value))
    for name in (demo_file.name, QApplication.applicationName()):
        runs.update(IDEOGRAPHS.findall(name) + WORD.findall(name))
    return runs


@pytest.fixture
def window(qtbot, qapp, tmp_path_factory, demo_file, request) -> Iterator[MainWindow]:
    """The window on a copy of the demo county, in a folder with a short name as an office's
    (D:\\台账\\): the status bar shows the path whole."""
    lang = request.param
    folder = tmp_path_factory.mktemp("w")
    path = folder / demo_file.name
    shutil.copyfile(demo_file, path)
    ledger = open_ledger(path)
    assert auth.auto_login(ledger) is not None
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    language.choose(settings, lang)
    font = qapp.font()
    register_fonts(qapp)  # measured in the program's own font and size
    with speaking(qapp, lang):
        window = MainWindow(ledger, settings)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        yield window
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()
        window.backups.stop()
        window.close()
        window.close_ledger()
    qapp.setFont(font)


# --- what a widget shows ------------------------------------------------------------------------

def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text) if "<" in text and ">" in text else text
    return text.replace("&&", "&").replace("&", "")


def _headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    return [str(model.headerData(i, Qt.Orientation.Horizontal) or "")
            for i in range(model.columnCount())
            if not getattr(view, "isColumnHidden", lambda _i: False)(i)]


def shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible piece of interface text under `top`."""
    found = [(f"{type(top).__name__} title", top.windowTitle())]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QTabBar):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append((name, widget.placeholderText()))
        elif isinstance(widget, QAbstractItemView):
            found += [(f"{name} header", h) for h in _headers(widget)]
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            found += [(name, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QSpinBox):
            found += [(name, widget.suffix()), (name, widget.prefix())]
    return [(where, _plain(text)) for where, text in found if text]


def menu_texts(menu: QMenu, where: str = "") -> list[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus filled when opened (最近打开)
    where = f"{where} → {_plain(menu.title())}" if where else _plain(menu.title())
    found = [(f"menu {where}", menu.title())]
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += menu_texts(action.menu(), where)
        else:
            found.append((f"menu {where}", action.text()))
    return [(w, _plain(t)) for w, t in found if t]


def clipped(top: QWidget) -> list[str]:
    """Labels and buttons given less width than their text needs."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not top.window():
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            need = widget.minimumSizeHint().width()
        elif isinstance(widget, QAbstractButton) and widget.text() \
                and widget.parent() is not None and not isinstance(widget.parent(), QTabBar):
            need = widget.sizeHint().width()
        else:
            continue
        if widget.width() < need:
            found.append(f"{type(widget).__name__} {widget.objectName()!r} "
                         f"{_plain(widget.text())!r}: {widget.width()} < {need}")
    for label in top.findChildren(QLabel):  # wrapped text: cut at the bottom when too low
        if label.isVisible() and label.wordWrap() and label.text() \
                and label.height() < label.heightForWidth(label.width()):
            found.append(f"QLabel {label.objectName()!r} {_plain(label.text())[:40]!r}…: "
                         f"height {label.height()} < {label.heightForWidth(label.width())}")
    return found


# --- the checks ---------------------------------------------------------------------------------

def untranslated(texts: list[tuple[str, str]], lang: str, data: set[str]) -> list[str]:
    bad = []
    for where, text in texts:
        if lang == language.ENGLISH:
            allowed = CJK_ALLOWED | (WORKBOOK_HEADINGS if where.startswith(IMPORT_DIALOG)
                                     else set())
            left = [run for run in IDEOGRAPHS.findall(text)
                    if run not in data and run not in allowed]
        else:
            latin = PATHS.sub(" ", text)
            left = [w for w in WORD.findall(latin) if w not in LATIN_ALLOWED and w not in data]
        if left:
            bad.append(f"{where}: {text!r} ({'、'.join(left)})")
    return sorted(set(bad))


class Walk:
    """What the walk saw: texts of each window, and the clipped widgets."""

    def __init__(self, lang: str, data: set[str]):
        self.lang, self.data = lang, data
        self.texts: list[tuple[str, str]] = []
        self.clipped: list[str] = []

    def look(self, qtbot, top: QWidget, label: str) -> None:
        top.show()
        qtbot.waitExposed(top)
        QApplication.processEvents()
        self.texts += [(f"{label}: {w}", t) for w, t in shown_texts(top)]
        self.clipped += [f"{label}: {c}" for c in clipped(top)]

    def problems(self) -> list[str]:
        return untranslated(self.texts, self.lang, self.data) + sorted(set(self.clipped))


def dialogs(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Every window the menus and tabs open without changing anything, open and shown."""
    yield "操作日志", window.show_history()
    yield "回收站", window.show_recycle_bin()
    yield "操作员账户", window.show_operators()
    yield "关于", window.show_about()
    yield "职级帮扶定额", window.tab("assignments").edit_ranks()
    yield "帮扶活动类型", window.tab("activities").edit_types()
    yield "帮扶职责规则", window.tab("overview").edit_rules()
    yield "批量生成", window.tab("letters").open_batch()
    ledger = window.ledger
    yield "备份设置", BackupSettingsDialog(core_backups.backup_settings(ledger),
                                        str(ledger.path.parent / "backups"), window)
    yield "登录", CredentialsDialog(ledger.path.name, False, "", window)
    yield "新台账", CredentialsDialog(ledger.path.name, True, "", window)
    yield "重设密码", PasswordDialog("admin", window)
    household = records.choices(ledger, "household", limit=1)[0][1]
    yield "更换帮扶干部", ReassignDialog(window.host, household, window)
    yield "标记已签订", SignDialog("县委组织部", window)
    letters = window.tab("letters")
    letters.list.select_id(letters.list.model.id_at(0))
    yield "预览", letters.preview()
    overview = window.tab("overview")
    overview.refresh()
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    pairing = next(item for item in _tree_items(overview.tree) if item.data(0, ID_ROLE))
    yield "总览记录", overview.open_cell(pairing, 2)
    sheet = ledger.path.with_suffix(".csv")  # named as the ledger: record data
    sheet.write_text("乡镇名称,代码\n新设乡,520522099\n", encoding="utf-8")
    yield IMPORT_DIALOG, ImportDialog(window.host, plan_book(ledger, sheet), window)


def _tree_items(tree) -> Iterator:
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        yield item
        stack += [item.child(i) for i in range(item.childCount())]


LANGUAGES = [pytest.param(language.CHINESE, id="zh"), pytest.param(language.ENGLISH, id="en")]


@pytest.mark.slow
@pytest.mark.parametrize("window", LANGUAGES, indirect=True)
def test_every_tab_menu_and_dialog_speaks_the_chosen_language_uncut(qtbot, window,
                                                                    record_data):
    lang = window.settings.value(language.KEY)
    walk = Walk(lang, record_data)
    for tab in window.all_tabs():  # tabs are built when first shown: every one, here
        window.tabs.setCurrentWidget(tab)
        walk.look(qtbot, window, f"tab {tab.objectName()}")
    walk.texts += [(w, t) for menu in window.menuBar().findChildren(QMenu)
                   if menu.parent() is window.menuBar() for w, t in menu_texts(menu)]
    for label, dialog in dialogs(window):
        walk.look(qtbot, dialog, label)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()
    total = window.tab("activities").findChild(ListPanel).model.total
    count = f"{total:,} records" if lang == language.ENGLISH else f"共 {total:,} 条"
    assert total > 1000 and any(text == count for _where, text in walk.texts)
    problems = walk.problems()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_shipped_translations_hold_every_string_and_are_compiled():
    """scripts/translations.py --check: the .ts has the code's strings, all translated, and
    the .qm shipped is compiled from it."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(root / "scripts" / "translations.py"), "--check"],
                          capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr



def test_the_checks_find_a_clipped_label_and_words_left_in_the_other_language(qtbot):
    """The walker's own checks can fail: a label narrower than its text, Chinese left in the
    English interface (record data excepted), English left in the Chinese one."""
    top = QWidget()
    qtbot.addWidget(top)
    label = QLabel("城乡共建“1+1”结对帮扶台账", top)
    label.setObjectName("squeezed")
    label.setGeometry(0, 0, 30, 20)
    top.show()
    qtbot.waitExposed(top)
    assert [c for c in clipped(top) if "squeezed" in c]
    texts = [("a", "Township: 中坪镇"), ("b", "保存"), ("c", "Save as PDF…"), ("d", "另存为 PDF")]
    assert untranslated(texts, language.ENGLISH, {"中坪镇"}) == ["b: '保存' (保存)",
                                                             "d: '另存为 PDF' (另存为)"]
    assert untranslated(texts, language.CHINESE, set()) == ["a: 'Township: 中坪镇' (Township)",
                                                          "c: 'Save as PDF…' (Save)"]
