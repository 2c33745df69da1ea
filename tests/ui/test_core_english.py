"""In the English interface the core's refusals are English too: a bad ID number under the
household form, a unit that cadres still refer to, a wrong password, the name of the operation
Ctrl+Z would undo and a stored operation name in the history window. The record data is typed
in Latin letters here, so any Chinese character left in a message is the core's."""

from __future__ import annotations

import re

import pytest

from pairing_desktop.core import history_book, records
from pairing_desktop.core import operations as ops
from pairing_desktop.ui import language, login
from pairing_desktop.ui.dialogs import Ask
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from tests.conftest import ADMIN
from tests.helpers import dump, save
from tests.ui.drive import new_record
from tests.ui.test_language import speaking

pytestmark = pytest.mark.gui

IDEOGRAPHS = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def english(qapp):
    with speaking(qapp, language.ENGLISH):
        yield


def english_only(text: str) -> str:
    assert text and not IDEOGRAPHS.search(text), text
    return text


def test_a_bad_id_number_on_the_household_form_is_said_in_english(qtbot, ledger, english):
    township = save(ledger, "township", None, {"name": "Chengguan"})
    save(ledger, "village", None, {"township": township, "name": "Xinzhai"})
    panel = RecordPanel(LedgerHost(ledger), "household")
    qtbot.addWidget(panel)
    before = dump(ledger)
    new_record(qtbot, panel, {"village": "Xinzhai", "head_name": "Li Si",
                              "id_number": "110105194912310021"})
    assert panel.form.record_id is None and dump(ledger) == before
    message = english_only(panel.form.error_text("id_number"))
    assert message == ("ID number: the number fails its check: a digit may be wrong or two "
                       "swapped; compare it with the ID card digit by digit")


def test_deleting_a_unit_its_cadres_refer_to_is_refused_in_english(qtbot, ledger, answers,
                                                                   english):
    unit = save(ledger, "unit", None, {"name": "Finance Bureau", "level": "县直"})
    rank = records.resolve(ledger, "rank", "股级")
    for name in ("Feng Hai", "Liu Fang"):
        save(ledger, "cadre", None, {"unit": unit, "name": name, "rank": rank})
    panel = RecordPanel(LedgerHost(ledger), "unit")
    qtbot.addWidget(panel)
    panel.list.select_id(unit)
    panel.show_record(unit)
    assert not panel.delete()
    [warning] = answers.texts("warn")
    assert english_only(warning) == ("Cannot delete this Assisting unit: still referred to by "
                                     "2 × Cadre (Feng Hai, Liu Fang). Deal with those records "
                                     "first.")


def test_a_wrong_password_is_said_in_english(ledger, monkeypatch, english):
    ledger.operator = None
    tries = iter([(ADMIN, "wrong password"), None])
    told = []

    def credentials(cls, parent, file_name, first, message=""):
        told.append(message)
        return next(tries)

    monkeypatch.setattr(Ask, "credentials", classmethod(credentials))
    assert not login.log_in(None, ledger)
    assert english_only(told[1]) == "Wrong user name or password. 4 more tries left."


def test_what_ctrl_z_would_undo_and_the_history_are_named_in_english(ledger, english):
    host = LedgerHost(ledger)
    host.perform(ops.save, "unit", None, {"name": "Finance Bureau", "level": "县直"})
    assert english_only(host.can_undo()) == "New Assisting unit"
    host.undo()
    assert english_only(host.can_redo()) == "New Assisting unit"
    ops.set_auto_login(ledger, None)
    shown = history_book.HistoryLog(ledger).page(limit=1)[0]
    assert english_only(shown[3]) == "Turn off automatic login"
