"""Letter templates: TOML files an office edits to change wording, checked before any PDF is made.

A template is a title and a list of blocks. Each block has a `style` (how it is set) and a `text`
with named placeholders (`{unit}`); `each = "list"` repeats a block for every item of a list the
letter's data offers (see `fields.FIELDS`), optionally with one nested `[block.inner]` loop;
`style = "signatures"` holds the signature and seal blocks, one `[[block.party]]` per party.
Every placeholder is checked against the fields of the kind, so an unknown name or a broken brace
is reported with the file, the block and the name, and nothing is printed.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pairing_desktop.core.errors import PairingError, os_reason
from pairing_desktop.core.i18n import tr
from pairing_desktop.core.letters.fields import FIELDS
from pairing_desktop.core.paths import resources_dir

TEXT_STYLES = ("title", "center", "heading", "subheading", "paragraph", "plain", "right", "blank")
_FORMATTER = string.Formatter()


class TemplateError(PairingError):
    """A template that cannot be used: its message names the file, the block and the problem."""


@dataclass(frozen=True)
class Party:
    lines: tuple[str, ...]
    each: str | None = None


@dataclass(frozen=True)
class Block:
    style: str
    text: str = ""
    each: str | None = None
    empty: str | None = None  # printed instead when the loop's list is empty
    inner: Block | None = None
    columns: int = 1
    parties: tuple[Party, ...] = ()


@dataclass(frozen=True)
class Template:
    kind: str
    name: str  # file name, for messages
    title: str
    blocks: tuple[Block, ...] = ()
    card_lines: tuple[str, ...] = ()
    card_note: str = ""


def template_path(kind: str, directory: Path | None = None) -> Path:
    return (directory or resources_dir() / "letters") / f"{kind}.toml"


def load_template(kind: str, directory: Path | None = None) -> Template:
    """Read and check the template of a kind; raise TemplateError naming any problem."""
    if kind not in FIELDS:
        raise TemplateError(tr("未知的责任书类型“{kind}”（应为 {kinds}）").format(
            kind=kind, kinds="/".join(FIELDS)))
    path = template_path(kind, directory)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(tr("无法读取模板文件 {path}：{reason}").format(
            path=path, reason=os_reason(exc))) from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(tr("模板文件 {name} 不是 UTF-8 编码的文本").format(
            name=path.name)) from exc
    return parse_template(kind, text, path.name)


def parse_template(kind: str, text: str, name: str) -> Template:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(tr("模板文件 {name} 格式有误：{problem}").format(
            name=name, problem=exc)) from exc
    ctx = _Checker(name, FIELDS[kind])
    title = ctx.text(raw, "title", tr("标题"), FIELDS[kind])
    if kind == "card":
        card = raw.get("card")
        if not isinstance(card, dict):
            raise TemplateError(tr("模板文件 {name}：缺少 [card] 节").format(name=name))
        lines = card.get("lines")
        if not isinstance(lines, list) or not lines:
            raise TemplateError(tr("模板文件 {name}：[card] 的 lines 应为非空的文字列表").format(
                name=name))
        checked = tuple(ctx.check(line, tr("[card] 第{n}行").format(n=i), FIELDS[kind])
                        for i, line in enumerate(lines, 1))
        note = ctx.text(card, "note", "[card] note", FIELDS[kind], required=False)
        return Template(kind, name, title, card_lines=checked, card_note=note)
    blocks = raw.get("block")
    if not isinstance(blocks, list) or not blocks:
        raise TemplateError(tr("模板文件 {name}：没有任何 [[block]] 段落").format(name=name))
    parsed = tuple(ctx.block(b, tr("第{n}段").format(n=i), FIELDS[kind])
                   for i, b in enumerate(blocks, 1))
    return Template(kind, name, title, blocks=parsed)


class _Checker:
    def __init__(self, name: str, fields: dict[str, Any]):
        self.name = name
        self.fields = fields

    def fail(self, where: str, problem: str) -> TemplateError:
        return TemplateError(tr("模板文件 {name} {where}：{problem}").format(
            name=self.name, where=where, problem=problem))

    def check(self, text: Any, where: str, scope: dict[str, Any]) -> str:
        """Return `text` if every placeholder in it is a scalar field of `scope`."""
        if not isinstance(text, str):
            raise self.fail(where, tr("文字应写在引号内"))
        try:
            parts = list(_FORMATTER.parse(text))
        except ValueError:
            raise self.fail(where, tr("花括号不配对：“{text}”（文字中的花括号请写成 {{{{ 或 }}}}）")
                            .format(text=text)) from None
        for _literal, name, spec, conversion in parts:
            if name is None:
                continue
            if not name.isidentifier() or spec or conversion:
                raise self.fail(where, tr("占位符写法有误：“{{{name}}}”").format(name=name))
            value = scope.get(name)
            if value is None:
                known = "、".join(k for k, v in scope.items() if not isinstance(v, dict))
                raise self.fail(where, tr("未知的占位符 {{{name}}}。可用的占位符：{known}").format(
                    name=name, known=known))
            if isinstance(value, dict):
                raise self.fail(where, tr("{{{name}}} 是一个列表，应在 each = \"{name}\" 中"
                                          "逐项使用").format(name=name))
        return text

    def text(self, raw: dict, key: str, where: str, scope: dict[str, Any],
             required: bool = True) -> str:
        if key not in raw:
            if required:
                raise self.fail(where, tr("缺少 {key}").format(key=key))
            return ""
        return self.check(raw[key], where, scope)

    def loop(self, raw: dict, where: str, scope: dict[str, Any]) -> tuple[str | None, dict]:
        each = raw.get("each")
        if each is None:
            return None, scope
        sub = scope.get(each) if isinstance(each, str) else None
        if not isinstance(sub, dict):
            lists = "、".join(k for k, v in scope.items() if isinstance(v, dict)) or tr("无")
            raise self.fail(where, tr("each = “{each}” 不是可循环的列表。可循环的列表：{lists}")
                            .format(each=each, lists=lists))
        return each, {**{k: v for k, v in scope.items() if not isinstance(v, dict)}, **sub}

    def block(self, raw: Any, where: str, scope: dict[str, Any], nested: bool = False) -> Block:
        if not isinstance(raw, dict):
            raise self.fail(where, tr("应为一个表（[[block]]）"))
        unknown = set(raw) - {"style", "text", "each", "empty", "inner", "columns", "party"}
        if unknown:
            raise self.fail(where, tr("不认识的设置 {keys}").format(
                keys="、".join(sorted(unknown))))
        style = raw.get("style", "paragraph")
        if style == "signatures":
            return self.signatures(raw, where, scope)
        if style not in TEXT_STYLES:
            known = "、".join((*TEXT_STYLES, "signatures"))
            raise self.fail(where, tr("未知的样式“{style}”（可用：{known}）").format(
                style=style, known=known))
        each, inner_scope = self.loop(raw, where, scope)
        text = self.text(raw, "text", where, inner_scope, required=style != "blank")
        empty = self.text(raw, "empty", where, scope, required=False) or None
        inner = None
        if "inner" in raw:
            if nested or each is None:
                raise self.fail(where, tr("inner 只能用在带 each 的段落中，且只能嵌套一层"))
            inner = self.block(raw["inner"], tr("{where}的 inner").format(where=where),
                               inner_scope, nested=True)
            if inner.each is None:
                raise self.fail(where, tr("inner 需要 each"))
        return Block(style, text, each, empty, inner)

    def signatures(self, raw: dict, where: str, scope: dict[str, Any]) -> Block:
        columns = raw.get("columns", 1)
        if columns not in (1, 2):
            raise self.fail(where, tr("columns 应为 1 或 2"))
        parties_raw = raw.get("party")
        if not isinstance(parties_raw, list) or not parties_raw:
            raise self.fail(where, tr("签署栏至少要有一个 [[block.party]]"))
        parties = []
        for i, p in enumerate(parties_raw, 1):
            pw = tr("{where}签署栏第{n}方").format(where=where, n=i)
            if not isinstance(p, dict) or not isinstance(p.get("lines"), list) or not p["lines"]:
                raise self.fail(pw, tr("lines 应为非空的文字列表"))
            each, p_scope = self.loop(p, pw, scope)
            lines = tuple(self.check(line, pw, p_scope) for line in p["lines"])
            parties.append(Party(lines, each))
        return Block("signatures", columns=columns, parties=tuple(parties))


# --- expansion ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One paragraph of a letter after substitution."""

    style: str
    text: str


@dataclass(frozen=True)
class Signatures:
    columns: int
    parties: tuple[tuple[str, ...], ...]


def _scalars(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not isinstance(v, list)}


def expand(template: Template, values: dict[str, Any]) -> list[Text | Signatures]:
    """The letter's paragraphs, placeholders filled and loops unrolled (template checked)."""
    out: list[Text | Signatures] = [Text("title", template.title.format_map(values))]
    base = _scalars(values)
    for block in template.blocks:
        _expand_block(block, values, base, out)
    return out


def _expand_block(block: Block, values: dict[str, Any], base: dict[str, Any],
                  out: list) -> None:
    """`base` is the scalars of `values`: what loop items inherit."""
    if block.style == "signatures":
        parties: list[tuple[str, ...]] = []
        for party in block.parties:
            for item in _items(party.each, values, base):
                parties.append(tuple(line.format_map(item) for line in party.lines))
        out.append(Signatures(block.columns, tuple(parties)))
        return
    items = _items(block.each, values, base)
    if block.each is not None and not items:
        if block.empty:
            out.append(Text(block.style, block.empty.format_map(values)))
        return
    for item in items:
        out.append(Text(block.style, block.text.format_map(item)))
        if block.inner is not None:
            _expand_block(block.inner, item, _scalars(item), out)


def _items(each: str | None, values: dict[str, Any],
           base: dict[str, Any]) -> list[dict[str, Any]]:
    if each is None:
        return [values]
    return [{**base, **item} for item in values[each]]
