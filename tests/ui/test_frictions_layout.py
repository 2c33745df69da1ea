"""At 1366×768 (a township office's laptop) nothing is cut off, an error never moves the fields,
Tab goes from the unit form to the cadres at once, and focus shows on tables and buttons."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableView

from pairing_desktop.core import auth
from pairing_desktop.core.demo import make_demo_file
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.ui.app import register_fonts
from pairing_desktop.ui.record_panel import ListPanel, RecordPanel
from pairing_desktop.ui.style import FOCUS
from tests.ui.drive import open_window, show_tab

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "演示县.db"
    make_demo_file(path)
    return path


@pytest.fixture
def app_font(qapp):
    """The program's own font, as the installed program shows its windows (sizes depend on
    it); the test application's is put back after."""
    before = qapp.font()
    register_fonts(qapp)
    yield
    qapp.setFont(before)


@pytest.fixture
def window(qtbot, demo_file, tmp_path, settings, app_font):
    path = tmp_path / "演示县.db"
    shutil.copyfile(demo_file, path)
    ledger = open_ledger(path)
    assert auth.auto_login(ledger) is not None
    shown = open_window(qtbot, ledger, settings)
    assert (shown.width(), shown.height()) == (1366, 768)
    yield shown
    shown.close()
    ledger.close()


def pick_first(panel: RecordPanel) -> None:
    record_id = panel.list.model.id_at(0)
    panel.list.select_id(record_id)
    panel.show_record(record_id)
    QApplication.processEvents()


def cut_columns(panel: ListPanel) -> list[str]:
    """The headings of columns not seen whole: narrower than their heading asks, or running
    past the right edge of the table."""
    view: QTableView = panel.view
    header = view.horizontalHeader()
    width = view.viewport().width()
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        name = panel.model.headerData(column, Qt.Orientation.Horizontal)
        last = column == max(c for c in range(header.count()) if not header.isSectionHidden(c))
        if header.sectionSize(column) < header.sectionSizeHint(column) \
                or (not last and header.sectionViewportPosition(column)
                    + header.sectionSize(column) > width):
            cut.append(name)
    return cut


def form_fits(panel: RecordPanel) -> bool:
    scroll = panel.form.parentWidget().parentWidget()
    viewport = scroll.viewport()
    hint = panel.form.sizeHint()
    return (panel.form.minimumSizeHint().width() <= viewport.width()
            and hint.height() <= viewport.height())


def test_the_villages_tab_shows_its_forms_and_columns_whole(qtbot, window, tmp_path):
    tab = show_tab(window, "villages")
    pick_first(tab.townships)
    pick_first(tab.villages)
    pick_first(tab.households)
    window.grab().save(str(tmp_path / "villages.png"))
    for panel in (tab.townships, tab.villages, tab.households):
        assert cut_columns(panel.list) == [], panel.spec.key
        assert form_fits(panel), panel.spec.key


def test_the_other_tabs_show_phone_status_and_numbers(qtbot, window):
    units = show_tab(window, "units")
    pick_first(units.units)
    assert cut_columns(units.units.list) == []  # 联系电话 among them
    targets = show_tab(window, "targets")
    QApplication.processEvents()
    assert cut_columns(targets.pairings) == []  # 状态 of the pairings
    assert cut_columns(targets.targets.list) == []
    assert form_fits(targets.targets)
    activities = show_tab(window, "activities")
    QApplication.processEvents()
    cut = cut_columns(activities.list)
    assert cut in ([], ["内容"]), cut  # the numbers whole; only the long text may run on


def test_an_error_does_not_move_the_fields(qtbot, window):
    panel = show_tab(window, "villages").villages
    pick_first(panel)
    before = {n: e.mapTo(window, e.rect().topLeft()) for n, e in panel.form.editors.items()}
    panel.form.editors["households"].setText("-3")
    panel.form.editors["secretary_phone"].setText("12")
    assert not panel.save()
    QApplication.processEvents()
    assert panel.form.error_text("households") == "总户数：不能为负数"
    assert panel.form.errors["households"].isVisible()
    assert panel.form.labels["households"].toolTip() == "总户数：不能为负数"
    after = {n: e.mapTo(window, e.rect().topLeft()) for n, e in panel.form.editors.items()}
    assert after == before
    panel.revert()


def test_one_tab_from_the_unit_form_reaches_the_cadres(qtbot, window):
    tab = show_tab(window, "units")
    pick_first(tab.units)
    last = tab.units.form.editors["contact_phone"]
    last.setFocus()
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.cadres.list.search
    # and Tab leaves a table instead of walking its cells
    tab.cadres.list.view.setFocus()
    qtbot.keyClick(tab.cadres.list.view, Qt.Key.Key_Tab)
    assert tab.cadres.isAncestorOf(QApplication.focusWidget())
    assert QApplication.focusWidget() is not tab.cadres.list.view


def test_tables_and_buttons_show_a_focus_ring(qtbot, window, tmp_path):
    tab = show_tab(window, "units")
    view = tab.units.list.view
    sheet = tab.styleSheet()
    assert "QTableView:focus" in sheet and "QPushButton:focus" in sheet and FOCUS in sheet
    def edge(widget) -> str:
        return widget.grab().toImage().pixelColor(0, widget.height() // 2).name()

    assert edge(view) != FOCUS
    view.setFocus()
    QApplication.processEvents()
    assert edge(view) == FOCUS
    button = tab.units.list.findChild(QPushButton, "export_list")
    assert edge(button) != FOCUS
    button.setFocus()
    QApplication.processEvents()
    assert edge(button) == FOCUS
