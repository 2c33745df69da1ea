"""The start page and the 入门清单: what a new office sees before it has a ledger, and what it
should enter first once it has one.

The start page appears when no ledger is where the program looks (the last one used, or the
default file in the data folder), and from 文件 → 新建台账. It creates a county or a township
ledger (the county's and the office's names go on letters, reports and exchange files; a
township ledger also gets its own 乡镇 record), opens an existing file, or makes the demo county.
A new ledger's county administrator is asked for by the login (ui.login), as for every new file;
a new file whose administrator is not given is not kept.

The 入门清单 lists what a ledger needs before pairings can be entered, in order — 乡镇, 村,
帮扶单位, 干部, 单位–村结对 — each ticked when the ledger holds at least one such record, each
opening the tab where it is entered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core import operations as ops
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import PairingError, ValidationError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.profile import set_profile
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.login import sign_in
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.style import ERROR_STYLE

DEMO_SEED = 2007
DEMO_NAME = "演示县.db"
COUNTY_OFFICE = "县委组织部"


def tr(text: str) -> str:
    return QCoreApplication.translate("first_run", text)


# --- the start page ---------------------------------------------------------------------------


def free_name(folder: Path) -> Path:
    """Where a new ledger goes unless the clerk says otherwise: ledger.db, or 新台账.db,
    新台账-2.db … when that is taken (文件 → 新建台账 beside the ledger in use)."""
    for name in ("ledger.db", "新台账.db", *(f"新台账-{n}.db" for n in range(2, 100))):
        if not (folder / name).exists():
            return folder / name
    return folder / "新台账-100.db"


def write_demo(path: Path) -> None:
    """The demo county in a new file at `path` (core.demo.make_demo_file: it appears only when
    complete), under the wait cursor; PairingError or OSError when it cannot be written."""
    from pairing_desktop.core.demo import make_demo_file

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        make_demo_file(path, seed=DEMO_SEED)
    finally:
        QGuiApplication.restoreOverrideCursor()


def signed_in(parent: QWidget | None, ledger: Ledger | None) -> Ledger | None:
    """`ledger` once an operator works on it (the demo's administrator logs in by itself);
    closed, and None, when the clerk gives up at the login."""
    if ledger is None or sign_in(parent, ledger):
        return ledger
    ledger.close()
    return None


class StartPage(QDialog):
    """New ledger, an existing one, or the demo county. `ledger` holds the opened file (its
    operator logged in) once the page is accepted. `open_file` opens an existing file the way
    its caller does (a damaged one offers its backup) and returns None when it cannot."""

    def __init__(self, folder: Path, open_file: Callable[[Path], Ledger | None],
                 parent: QWidget | None = None, suggested: Path | None = None):
        super().__init__(parent)
        self.setObjectName("start_page")
        self.setWindowTitle(tr("开始使用"))
        self.folder = Path(folder)
        self.open_file = open_file
        self.ledger: Ledger | None = None
        intro = QLabel(tr("欢迎使用城乡共建“1+1”结对帮扶台账。请新建本单位的台账，或打开已有的台账"
                          "文件；想先看看程序怎么用，可以载入演示县。"), self)
        intro.setWordWrap(True)

        self.county_kind = QRadioButton(tr("县级台账（县委组织部：全县的单位、干部和结对）"), self)
        self.county_kind.setObjectName("county_kind")
        self.township_kind = QRadioButton(tr("乡镇台账（乡镇党委：本乡镇的村、贫困户和结对）"),
                                          self)
        self.township_kind.setObjectName("township_kind")
        self.county_kind.setChecked(True)
        self.county = self._edit("county", tr("如 黔西县"))
        self.township = self._edit("township", tr("如 中坪镇"))
        self.office = self._edit("office", tr("如 县委组织部、中坪镇党委"))
        self.office.setText(COUNTY_OFFICE)
        self._office_typed = False  # the office follows the kind and the township until typed
        self.path = self._edit("path", "")
        self.path.setText(str(suggested or free_name(self.folder)))
        browse = QPushButton(tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.create_button = QPushButton(tr("创建台账"), self)
        self.create_button.setObjectName("create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)

        form = QFormLayout()
        form.addRow(tr("台账类型"), self.county_kind)
        form.addRow("", self.township_kind)
        form.addRow(tr("县名"), self.county)
        self._township_label = QLabel(tr("乡镇名称"), self)
        form.addRow(self._township_label, self.township)
        form.addRow(tr("使用单位"), self.office)
        form.addRow(tr("保存位置"), where)
        new_box = QGroupBox(tr("新建台账"), self)
        new_layout = QVBoxLayout(new_box)
        new_layout.addLayout(form)
        new_layout.addWidget(self.errors)
        new_layout.addWidget(QLabel(tr("创建后请设置县级管理员的用户名和密码：以后每次修改都记在"
                                       "操作员名下。"), new_box))
        new_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

        self.open_button = QPushButton(tr("打开已有台账…"), self)
        self.open_button.setObjectName("open")
        self.open_button.clicked.connect(self.open_existing)
        self.demo_button = QPushButton(tr("载入演示县"), self)
        self.demo_button.setObjectName("demo")
        self.demo_button.clicked.connect(self.load_demo)
        demo_text = QLabel(tr("演示县是虚构的一个县：28个乡镇、83个结对村、1032名干部和一年的"
                              "帮扶活动，管理员 admin 自动登录，可以随意试用，不影响正式台账。"),
                           self)
        demo_text.setWordWrap(True)
        other = QGroupBox(tr("已有台账或演示数据"), self)
        other_layout = QVBoxLayout(other)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        other_layout.addLayout(buttons)
        other_layout.addWidget(demo_text)
        close = QPushButton(tr("关闭"), self)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(new_box)
        layout.addWidget(other)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.county_kind.toggled.connect(self._kind_changed)
        self.township.textEdited.connect(self._follow_township)
        self.office.textEdited.connect(self._office_edited)
        for edit in (self.county, self.township, self.office, self.path):
            edit.textChanged.connect(self._enable)
        self._kind_changed()
        self.resize(640, 560)

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path,
            open_file: Callable[[Path], Ledger | None],
            suggested: Path | None = None) -> Ledger | None:
        """Show the page until the clerk has a ledger (returned) or closes it (None)."""
        page = cls(folder, open_file, parent, suggested)
        try:
            return page.ledger if page.exec() == QDialog.DialogCode.Accepted else None
        finally:
            page.deleteLater()

    def is_township(self) -> bool:
        return self.township_kind.isChecked()

    def _kind_changed(self) -> None:
        township = self.is_township()
        self.township.setVisible(township)
        self._township_label.setVisible(township)
        if not self._office_typed:
            self._follow_township()
        self._enable()

    def _follow_township(self) -> None:
        if self._office_typed:
            return
        name = self.township.text().strip()
        self.office.setText(f"{name}党委" if self.is_township() and name else
                            "" if self.is_township() else COUNTY_OFFICE)

    def _office_edited(self) -> None:
        self._office_typed = True

    def _enable(self) -> None:
        """创建 once every field it needs has something in it (the core checks the rest)."""
        needed = [self.county, self.office, self.path] + ([self.township]
                                                          if self.is_township() else [])
        self.create_button.setEnabled(all(edit.text().strip() for edit in needed))

    def _browse(self) -> None:
        chosen = Ask.new_path(self, str(Path(self.path.text()).parent), tr("新台账保存到"))
        if chosen:
            self.path.setText(chosen)

    def _say(self, text: str) -> None:
        self.errors.setText(text)

    # --- the three ways out ---------------------------------------------------------------

    def create(self) -> bool:
        """A new ledger at the path: its administrator (asked by the login), the county's and
        office's names, and for a township ledger its 乡镇. Nothing is left behind when the
        clerk gives up or the names are refused."""
        self._say("")
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix.lower() != ".db":
            path = path.with_name(path.name + ".db")
        if path.exists():
            self._say(tr("保存位置：文件 {0} 已存在；请用“打开已有台账”打开它，或换一个文件名。")
                      .format(path))
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ledger = open_ledger(path)
        except (PairingError, OSError) as exc:
            self._say(tr("保存位置：无法在这里新建台账：{0}").format(exc))
            return False
        try:
            if not sign_in(self, ledger):  # no administrator: the new file is not kept
                self._discard(ledger)
                return False
            host = LedgerHost(ledger)
            host.perform(set_profile, self.county.text(), self.office.text())
            if self.is_township():
                host.perform(ops.save, "township", None, {"name": self.township.text().strip()})
        except ValidationError as exc:
            self._discard(ledger)
            self._say("\n".join(exc.errors.values()))
            return False
        except PairingError as exc:
            self._discard(ledger)
            self._say(str(exc))
            return False
        return self._done(ledger)

    @staticmethod
    def _discard(ledger: Ledger) -> None:
        path = ledger.path
        ledger.close()
        for made in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + ".lock")):
            made.unlink(missing_ok=True)

    def open_existing(self) -> bool:
        chosen = Ask.open_path(self, str(self.folder))
        if not chosen:
            return False
        ledger = signed_in(self, self.open_file(Path(chosen).expanduser().resolve()))
        return ledger is not None and self._done(ledger)

    def load_demo(self) -> bool:
        """The demo county in 演示县.db in the folder (made once; opened again if it is there),
        its administrator logged in by itself."""
        path = self.folder / DEMO_NAME
        if not path.exists():
            try:
                write_demo(path)
            except (PairingError, OSError) as exc:
                self._say(tr("演示县：{0}").format(exc))
                return False
        ledger = signed_in(self, self.open_file(path))
        return ledger is not None and self._done(ledger)

    def _done(self, ledger: Ledger) -> bool:
        self.ledger = ledger
        self.accept()
        return True


# --- the checklist ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    kind: str  # the entity counted
    tab: str  # the registry name of the tab it is entered in
    hint: str


STEPS = (
    Step("township", "villages", QT_TRANSLATE_NOOP("first_run", "“乡镇与村”页左侧：本县的乡镇")),
    Step("village", "villages",
         QT_TRANSLATE_NOOP("first_run", "“乡镇与村”页：选中乡镇后登记它的村")),
    Step("unit", "units", QT_TRANSLATE_NOOP("first_run", "“帮扶单位”页：地直、县直帮扶单位")),
    Step("cadre", "units",
         QT_TRANSLATE_NOOP("first_run", "“帮扶单位”页下方：选中单位后登记它的干部")),
    Step("uv_pairing", "pairings", QT_TRANSLATE_NOOP("first_run", "“结对”页：哪个单位帮扶哪个村")),
)
DONE, TODO = "✔", "○"


class Checklist(QWidget):
    """What to enter first, in order; each item ticked from the ledger's counts and opening
    its tab. `open_tab(name)` is the main window's way to show a tab. The window hands it the
    counts it reads for its status bar (`show_counts`), so they are read once."""

    KINDS = tuple(step.kind for step in STEPS)

    def __init__(self, open_tab: Callable[[str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist")
        self.counts: dict[str, int] = dict.fromkeys(self.KINDS, 0)
        intro = QLabel(tr("新台账建议按这个顺序录入（也可以用“文件 → 导入”从 Excel 一次导入）："),
                       self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.buttons: dict[str, QPushButton] = {}
        for number, step in enumerate(STEPS, 1):
            button = QPushButton(self)
            button.setObjectName(step.kind)
            button.setStyleSheet("text-align: left; padding: 4px;")
            button.setToolTip(tr(step.hint))
            button.clicked.connect(lambda _checked=False, tab=step.tab: open_tab(tab))
            self.buttons[step.kind] = button
            layout.addWidget(button)
            button.setProperty("number", number)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(tr("按 F1 查看使用说明。"), self))
        layout.addStretch(1)
        self.show_counts(self.counts)

    def show_counts(self, counts: dict[str, int]) -> None:
        """The ledger's live records per kind (at least the checklist's kinds)."""
        self.counts = {kind: counts[kind] for kind in self.KINDS}
        for step in STEPS:
            count = self.counts[step.kind]
            button = self.buttons[step.kind]
            label = QCoreApplication.translate("MainWindow", ENTITIES[step.kind].label)
            mark = DONE if count else TODO
            button.setText(tr("{0} {1}. {2}（已有 {3} 条）").format(
                mark, button.property("number"), label, count))
        left = [step for step in STEPS if not self.counts[step.kind]]
        self.summary.setText(tr("都已录入，可以登记结对的目标和帮扶活动了。") if not left else
                             tr("还差 {0} 项。点一项即打开录入它的页面。").format(len(left)))

    def done(self) -> list[str]:
        """The kinds already entered."""
        return [step.kind for step in STEPS if self.counts[step.kind]]

    def complete(self) -> bool:
        return len(self.done()) == len(STEPS)
