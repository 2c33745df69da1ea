"""Templates: the shipped ones load; a broken one is named precisely and nothing is printed."""

from __future__ import annotations

import re
import shutil

import pytest

from pairing_desktop.core.letters.batch import generate
from pairing_desktop.core.letters.templates import TemplateError, load_template, parse_template
from pairing_desktop.core.paths import resources_dir
from pairing_desktop.core.storage.models import Letter
from tests.core.letter_fixtures import small_county


@pytest.mark.parametrize("kind", ["target", "cadre", "card"])
def test_shipped_templates_load(kind):
    template = load_template(kind)
    assert template.title


def _broken(tmp_path, kind, old, new):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    shutil.copy(resources_dir() / "letters" / f"{kind}.toml", folder)
    path = folder / f"{kind}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_unknown_placeholder_is_named(tmp_path):
    folder = _broken(tmp_path, "target", "甲方：{unit_party_org}", "甲方：{unit_partyorg}")
    with pytest.raises(TemplateError) as err:
        load_template("target", folder)
    message = str(err.value)
    assert "target.toml" in message and "{unit_partyorg}" in message and "第3段" in message
    assert "unit_party_org" in message  # the names that would work


def test_placeholder_inside_a_loop_sees_item_fields_only_there():
    ok = 'title = "t"\n[[block]]\neach = "targets"\ntext = "{no}{description}{year}"\n'
    assert parse_template("target", ok, "t.toml").blocks[0].each == "targets"
    bad = 'title = "t"\n[[block]]\ntext = "{description}"\n'
    with pytest.raises(TemplateError, match=re.escape("未知的占位符 {description}")):
        parse_template("target", bad, "t.toml")
    not_a_list = 'title = "t"\n[[block]]\neach = "unit"\ntext = "x"\n'
    with pytest.raises(TemplateError, match="不是可循环的列表"):
        parse_template("target", not_a_list, "t.toml")


@pytest.mark.parametrize(("text", "problem"), [
    ('title = "t"\n[[block]\ntext = "x"\n', "格式有误"),
    ('title = "t"\n[[block]]\ntext = "{unit"\n', "花括号不配对"),
    ('title = "t"\n[[block]]\ntext = "{unit.__class__}"\n', "占位符写法有误"),
    ('title = "t"\n[[block]]\nstyle = "bold"\ntext = "x"\n', "未知的样式“bold”"),
    ('title = "t"\n', "没有任何 [[block]]"),
    ('[[block]]\ntext = "x"\n', "缺少 title"),
    ('title = "t"\n[[block]]\nstyle = "signatures"\n', "至少要有一个"),
])
def test_broken_templates_say_what_is_wrong(text, problem):
    with pytest.raises(TemplateError, match=re.escape(problem)):
        parse_template("target", text, "target.toml")


def test_a_broken_template_leaves_no_pdf_and_records_nothing(ledger, tmp_path):
    small_county(ledger, 2008)
    folder = _broken(tmp_path, "cadre", "{household_count}", "{households_count}")
    out = tmp_path / "out" / "cadre.pdf"
    with pytest.raises(TemplateError, match="households_count"):
        generate(ledger, "cadre", 2008, out, template_dir=folder)
    assert not out.exists()
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    with ledger.bound():
        assert Letter.select().count() == 0


def test_an_edited_wording_is_printed_without_code_changes(ledger, tmp_path):
    from tests.core.letter_fixtures import pdf_text

    small_county(ledger, 2008)
    folder = _broken(tmp_path, "card", "有困难请与帮扶干部联系", "有事请拨打帮扶干部电话")
    out = tmp_path / "cards.pdf"
    generate(ledger, "card", 2008, out, template_dir=folder)
    assert "有事请拨打帮扶干部电话" in pdf_text(out)


@pytest.mark.parametrize("kind", ["target", "cadre", "card"])
def test_every_documented_placeholder_is_filled_by_the_data(ledger, kind):
    from pairing_desktop.core.letters.data import for_print, gather
    from pairing_desktop.core.letters.fields import FIELDS
    from tests.core.letter_fixtures import add_target

    county = small_county(ledger, 2008)
    add_target(ledger, county.pairings["石桥村"], 2008, 1, "建设沼气池", 20, "口")
    with ledger.bound():
        letters = gather(kind, 2008)
    assert letters

    def keys(spec: dict) -> dict:
        return {k: keys(v) if isinstance(v, dict) else None for k, v in spec.items()}

    def shape(values: dict) -> dict:
        return {k: shape(v[0]) if isinstance(v, list) else None for k, v in values.items()}

    filled = next(for_print(d.values) for d in letters if all(
        not isinstance(v, list) or v for v in d.values.values()))
    assert shape(filled) == keys(FIELDS[kind])
