"""The core's messages: Chinese by default (the command line), in the interface's language once
a translator is set (the UI sets QCoreApplication.translate), and operation names stored in
Chinese whatever the language. The translations script finds every message and refuses one
that is not a literal."""

from __future__ import annotations

import textwrap

import pytest

from pairing_desktop.core import history, i18n
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError, ValidationError
from scripts import translations

ENGLISH = {
    ("core", "{field}：{problem}"): "{field}: {problem}",
    ("core", "应为18位，现为{n}位"): "must be 18 characters, not {n}",
    ("core", "没有可以撤销的操作。"): "Nothing to undo.",
    ("core", "新建{kind}"): "New {kind}",
    ("fields", "身份证号"): "ID number",
    ("fields", "帮扶单位"): "Assisting unit",
}


@pytest.fixture
def english():
    """What ui/language.install does, with a table in place of the .qm."""
    i18n.set_translator(lambda context, text: ENGLISH.get((context, text), text))
    yield
    i18n.set_translator(None)


def test_the_core_speaks_chinese_by_default(ledger):
    with pytest.raises(ValidationError) as bad:
        ops.save(ledger, "cadre", None, {"name": "钱七", "id_number": "1101"})
    assert bad.value.errors["id_number"] == "身份证号：应为18位，现为4位"
    with pytest.raises(RefusedError) as refused:
        ops.undo(ledger)
    assert str(refused.value) == "没有可以撤销的操作。"


def test_messages_follow_the_translator(ledger, english):
    with pytest.raises(ValidationError) as bad:
        ops.save(ledger, "cadre", None, {"name": "钱七", "id_number": "1101"})
    assert bad.value.errors["id_number"] == "ID number: must be 18 characters, not 4"
    with pytest.raises(RefusedError) as refused:
        ops.undo(ledger)
    assert str(refused.value) == "Nothing to undo."


def test_an_operation_name_is_stored_in_chinese_and_shown_translated(ledger, english):
    ops.save(ledger, "unit", None, {"name": "县财政局", "level": "县直"})
    assert ops.can_undo(ledger) == "New Assisting unit"
    [entry] = history.entries(ledger, history.HistoryFilter(kind="unit"))
    assert entry.label == "新建帮扶单位"


def test_the_script_files_every_literal_and_refuses_the_rest(tmp_path):
    texts, problems = translations.core_messages()
    assert problems == []
    assert {"没有可以撤销的操作。", "新建{kind}", "调整帮扶干部"} <= set(texts)
    (tmp_path / "bad.py").write_text(textwrap.dedent('''
        from pairing_desktop.core.i18n import Phrase, tr

        def refuse(name):
            a = tr("没有名为“{name}”的操作员。").format(name=name)
            b = tr(f"没有名为“{name}”的操作员。")
            return a, b, Phrase(name)
    '''), encoding="utf-8")
    texts, problems = translations.core_messages(tmp_path)
    assert texts == ["没有名为“{name}”的操作员。"]
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in problems] == ["6", "7"]
