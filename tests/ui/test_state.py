"""What the program remembers between starts, in its settings (a file of the test here): the last
ledger it worked on, and the window's size, splitters and column widths."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.ui import app as app_module
from pairing_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.helpers import save
from tests.ui.drive import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def default(tmp_path, monkeypatch):
    """The default ledger's place, in the test's folder."""
    path = tmp_path / "data" / "ledger.db"
    monkeypatch.setattr(app_module, "default_db_path", lambda: path)
    return path


def test_the_last_ledger_opens_at_start(qtbot, ledger, settings, default, tmp_path):
    other = tmp_path / "other.db"
    with open_ledger(other) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD)
        ops.set_auto_login(made, ADMIN)
    window = open_window(qtbot, ledger, settings)
    window.switch_to(other)  # the last one the clerk worked on
    window.close()
    window.close_ledger()

    assert app_module.startup_path(None, settings) == other
    assert app_module.startup_path(ledger.path, settings) == ledger.path  # --db wins
    assert app_module.startup_path(default, settings) == default  # even naming the default
    started = app_module.start(None, settings)
    qtbot.addWidget(started)
    assert started.ledger.path == other and started.isVisible()
    started.close()
    started.close_ledger()


def test_a_last_ledger_that_is_gone_falls_back_to_the_default(settings, default, tmp_path):
    settings.setValue("recent_files", [str(tmp_path / "moved-away.db")])
    assert app_module.startup_path(None, settings) == default
    assert app_module.startup_path(None, QSettings(str(tmp_path / "none.ini"),
                                                   QSettings.Format.IniFormat)) == default


def test_window_size_splitters_and_columns_come_back(qtbot, ledger, settings):
    save(ledger, "unit", None, {"name": "县委组织部", "level": "县直"})
    window = open_window(qtbot, ledger, settings)
    window.resize(760, 600)  # within the offscreen screen (800x800), as far as the tabs allow
    size = (window.width(), window.height())
    units = window.tab("units").units
    units.splitter.setSizes([700, 300])
    sizes = units.splitter.sizes()
    header = units.list.view.horizontalHeader()
    header.resizeSection(0, 211)
    villages = window.tab("villages")
    outer = villages.findChildren(QSplitter)[0]
    outer.setSizes([100, 900])
    village_sizes = outer.sizes()
    window.close()  # what the clerk left is kept
    window.deleteLater()

    again = MainWindow(ledger, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size
    units = again.tab("units").units
    assert units.splitter.sizes() == sizes
    assert units.list.view.horizontalHeader().sectionSize(0) == 211
    # a tab built later (lazily) gets its own back when it is built
    assert again.tab("villages").findChildren(QSplitter)[0].sizes() == village_sizes
    again.close()


def test_a_new_window_without_settings_fits_the_screen(qtbot, ledger, settings):
    window = MainWindow(ledger, settings)
    qtbot.addWidget(window)
    assert window.width() <= 1366 and window.height() <= 768
    assert settings.value("window/geometry") is None
