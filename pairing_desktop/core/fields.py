"""Kinds of value a field holds: one class each, as qutebrowser's configtypes.

A kind knows how to read what a clerk typed (or a value code passes): `normalise` tidies it
(whitespace, full-width digits from a Chinese input method, upper-case X), `parse` turns it into
the stored value or raises ValueError with the message, `check` refuses a well-formed value that
cannot be right (a negative count), `display` shows a stored value as a clerk reads it, and
`sql_label` is the expression a list shows for the column (choices by their labels, personal
numbers masked). The engine (`records`) asks the kind and never a field's name.

Choices are (stored value, shown label) pairs, so that what is stored can be a code and what
is shown is always Chinese. Messages name the problem only; the caller prefixes the label.

Kinds compare equal to their old names ("ref", "date", …), so `spec.field(n).kind == "ref"`
written before the kinds were classes still works.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from peewee import Case, Node, Value, fn

from pairing_desktop.core import validation as V
from pairing_desktop.core.i18n import mark, tr, translated
from pairing_desktop.core.masking import sql_mask

YES, NO = "是", "否"
MULTI_SEP = "、"

# Full-width ASCII (Ａ-Ｚ, ０-９, －, ．…) as a Chinese input method types it, and the
# ideographic space. Not NFKC: that would also turn ² and ① into digits, which no clerk means.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def half_width(text: str) -> str:
    return text if text.isascii() else text.translate(_HALF_WIDTH)


# Characters nobody types on purpose: controls (a tab or line break in a one-line field, bytes
# pasted from another program) and the zero-width ones that make two equal names differ. A long
# text keeps its line breaks.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f"
                        "\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_LINE_BREAKS = re.compile("[\t\n\r]+")


def clean_text(text: str, keep_lines: bool = False) -> str:
    """Text as it will be compared and stored: Unicode NFC (one form for the same character),
    no invisible characters, no surrounding whitespace; line breaks only where `keep_lines`.

    NFC, not NFKC: NFKC would also turn the Chinese full-width punctuation of every name and
    sentence (，（）：) into ASCII; the kinds that hold digits (ID, phone, numbers) fold full-width
    forms themselves."""
    text = unicodedata.normalize("NFC", text)
    if not keep_lines:
        text = _LINE_BREAKS.sub(" ", text)
    return _INVISIBLE.sub("", text).strip()


def show(value: Any) -> str:
    """A stored value as a clerk reads it, whatever its field: 是/否, ISO dates, no trailing .0
    on whole numbers (lists of rows that are not records use this)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):  # fixed notation: 1234567.5, never 1.23457e+06
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


class Kind:
    """The base kind: any value, stored as given (strings trimmed)."""

    name: ClassVar[str] = "text"  # the name kinds had as strings
    numeric: ClassVar[bool] = False  # shown right-aligned
    personal: ClassVar[bool] = False  # an ID or phone number: masked in lists

    def normalise(self, raw: Any) -> Any:
        """Tidy what was typed before it is read (and before any check or uniqueness test):
        one Unicode form, no invisible characters, no surrounding whitespace."""
        return clean_text(raw) if isinstance(raw, str) else raw

    def is_blank(self, value: Any) -> bool:
        return value is None or value == ""

    def parse(self, raw: Any) -> Any:
        """The stored value for `raw`, None for nothing; ValueError with the message."""
        value = self.normalise(raw)
        return None if self.is_blank(value) else self.to_py(value)

    def to_py(self, value: Any) -> Any:
        """A normalised, non-blank value in the stored type (ValueError when it is not one)."""
        return value

    def check(self, value: Any) -> str | None:
        """What is wrong with a parsed value that parsing cannot see, or None."""
        return None

    def display(self, value: Any) -> str:
        return show(value)

    def sql_label(self, column: Any, full_numbers: bool = False) -> Node:
        """What a list shows for the column (paged and sorted in SQL)."""
        return column

    # kinds are values: equal when of one class with equal settings, and equal to their name
    def _key(self) -> tuple:
        return tuple(sorted(vars(self).items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return other == self.name
        return type(other) is type(self) and other._key() == self._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._key()))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class Text(Kind):
    """One line of text, at most `max_length` characters (a name, not a pasted document)."""

    max_length: ClassVar[int] = 100

    def to_py(self, value: Any) -> str:
        return str(value)

    def check(self, value: Any) -> str | None:
        if isinstance(value, str) and len(value) > self.max_length:
            return tr("太长（{n}个字），最多{most}个字").format(n=len(value), most=self.max_length)
        return None


class LongText(Text):
    """Several lines (its line breaks kept; the ends trimmed)."""

    name = "longtext"
    max_length = 2000  # a target's or an activity's description, about a page

    def normalise(self, raw: Any) -> Any:
        return clean_text(raw, keep_lines=True) if isinstance(raw, str) else raw


class IdNumber(Text):
    """A citizen's ID number (GB 11643): typed with full-width digits, spaces or a small x, it
    is stored as 18 ASCII characters with a capital X."""

    name = "id_number"
    personal = True

    def normalise(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        return re.sub(r"\s+", "", half_width(raw)).upper()

    def check(self, value: str) -> str | None:
        return super().check(value) or V.check_id_number(value)

    def sql_label(self, column: Any, full_numbers: bool = False) -> Node:
        return column if full_numbers else sql_mask(column)


class Phone(Text):
    """A mobile or landline number; spaces a clerk types between groups are dropped."""

    name = "phone"
    personal = True

    def normalise(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        return re.sub(r"\s+", "", half_width(raw))

    def check(self, value: str) -> str | None:
        return super().check(value) or V.check_phone(value)

    def sql_label(self, column: Any, full_numbers: bool = False) -> Node:
        return column if full_numbers else sql_mask(column)


class Code(Text):
    """A key for code (an activity type's `research`), never shown to a clerk: a record made in
    the program gets a new one."""

    name = "code"

    def __init__(self, prefix: str = "custom"):
        self.prefix = prefix

    def parse(self, raw: Any) -> Any:
        value = super().parse(raw)
        return f"{self.prefix}_{uuid.uuid4().hex[:8]}" if value is None else value


def _number_text(value: Any) -> Any:
    return half_width(value).replace(",", "") if isinstance(value, str) else value


# No count, sum or area of a county comes near these; past them a number is a typing slip, and
# SQLite's integers end at 2**63.
INT_LIMIT = 10**9
FLOAT_LIMIT = 1e12


class Int(Kind):
    """A whole number, at least `minimum` and at most `maximum` (a billion unless given)."""

    name = "int"
    numeric = True

    def __init__(self, minimum: int | None = None, maximum: int | None = INT_LIMIT):
        self.minimum = minimum
        self.maximum = maximum

    def to_py(self, value: Any) -> int:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(tr("应为整数"))
        try:
            return int(_number_text(value))
        except (TypeError, ValueError):
            raise ValueError(tr("应为整数")) from None

    def check(self, value: int) -> str | None:
        if self.minimum is not None and value < self.minimum:
            return tr("不能为负数") if self.minimum == 0 else \
                tr("不能小于{least}").format(least=self.minimum)
        if self.maximum is not None and value > self.maximum:
            return tr("不能大于{most}").format(most=self.maximum)
        return None


class Year(Int):
    name = "year"
    placeholder = "例：2008"

    def __init__(self, minimum: int = 1949, maximum: int = 2100):
        super().__init__(minimum, maximum)

    def to_py(self, value: Any) -> int:
        year = super().to_py(value)
        message = V.check_year(year)
        if message:
            raise ValueError(message)
        return year


def decimals(value: float) -> int:
    """How many decimal places a number has (12.5 → 1), as it was typed."""
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


class Float(Kind):
    """A number with decimals: at least `minimum`, at most `places` decimal places."""

    name = "float"
    numeric = True
    places_message = mark("最多{0}位小数")

    def __init__(self, minimum: float | None = None, places: int | None = None):
        self.minimum = minimum
        self.places = places

    def to_py(self, value: Any) -> float:
        if isinstance(value, bool):
            raise ValueError(tr("应为数字"))
        try:
            number = float(_number_text(value))
        except (TypeError, ValueError):
            raise ValueError(tr("应为数字")) from None
        if not math.isfinite(number):
            raise ValueError(tr("应为数字"))
        if abs(number) > FLOAT_LIMIT:
            raise ValueError(tr("太大（不能超过一万亿）"))
        return number

    def check(self, value: float) -> str | None:
        if self.minimum is not None and value < self.minimum:
            return tr("不能为负数") if self.minimum == 0 else \
                tr("不能小于{least}").format(least=f"{self.minimum:g}")
        if self.places is not None and decimals(value) > self.places:
            return translated(self.places_message).format(
                tr("两") if self.places == 2 else self.places)
        return None


class Money(Float):
    """An amount stored in 元 to the fen; a form may take it in 万元, chosen explicitly (never
    guessed from the size of the number)."""

    name = "money"
    units: ClassVar[dict[str, int]] = {"元": 1, "万元": 10000}
    places_message = mark("最多到分（两位小数）；万元请先换算成元")

    def __init__(self, minimum: float | None = 0):
        super().__init__(minimum, places=2)

    @classmethod
    def in_yuan(cls, amount: Any, unit: str) -> float:
        """An amount given in `unit`, in 元 to the fen; ValueError with the message."""
        if unit not in cls.units:
            raise ValueError(tr("金额单位应为 {units} 之一").format(units="/".join(cls.units)))
        try:
            value = Decimal(half_width(str(amount)).strip()) * cls.units[unit]
        except InvalidOperation:
            raise ValueError(tr("金额应为数字")) from None
        return float(value.quantize(Decimal("0.01")))


class Bool(Kind):
    name = "bool"

    def to_py(self, value: Any) -> bool:
        if isinstance(value, str):
            return value in (YES, "1", "true", "True")
        return bool(value)

    def display(self, value: Any) -> str:
        return "" if value is None else YES if value else NO


class Date(Kind):
    """A day, typed in any of the forms clerks use (validation.parse_date): a month and day
    alone (12-25) are the latest such day up to today, so records typed in January from last
    December's paper forms keep their year."""

    name = "date"

    def to_py(self, value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return V.parse_date(str(value))


Pair = tuple[Any, str]


class Choice(Kind):
    """One of a vocabulary of (stored value, shown label) pairs; a plain string is both.

    The stored value or the label is accepted (an import may carry either); the label is
    shown, in forms and lists alike."""

    name = "choice"

    def __init__(self, *items: str | Pair):
        self.items: tuple[Pair, ...] = tuple(
            (item, item) if isinstance(item, str) else (item[0], item[1]) for item in items)

    @classmethod
    def of(cls, words: Iterable[str], **kw: Any) -> Choice:
        """A vocabulary whose stored values are the words shown (most of the domain's)."""
        return cls(*words, **kw)

    @property
    def values(self) -> tuple[Any, ...]:
        return tuple(v for v, _ in self.items)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.items)

    def label_of(self, value: Any) -> str:
        for v, label in self.items:
            if v == value:
                return label
        return show(value)

    def _value_of(self, item: Any) -> Any:
        """The stored value an item names (by value or by label), or raise KeyError."""
        for v, label in self.items:
            if item in (v, label):
                return v
        raise KeyError(item)

    def to_py(self, value: Any) -> Any:
        try:
            return self._value_of(value)
        except KeyError:
            raise ValueError(tr("应为 {labels} 之一").format(labels="/".join(self.labels))) \
                from None

    def display(self, value: Any) -> str:
        return "" if value is None else self.label_of(value)

    def _relabelled(self) -> bool:
        return any(v != label for v, label in self.items)

    def sql_label(self, column: Any, full_numbers: bool = False) -> Node:
        if not self._relabelled():
            return column  # the column itself: its index still serves the sort
        return Case(column, list(self.items), column)


class Numbered(Choice):
    """A vocabulary stored by its 1-based number (target categories 1–6), shown by its words
    in a form and as "1. words" in a list, which sorts by the number as the letters do."""

    name = "numbered"

    def __init__(self, *labels: str):
        super().__init__(*enumerate(labels, 1))

    def to_py(self, value: Any) -> int:
        if isinstance(value, str) and value.isascii() and value.isdigit():
            value = int(value)
        try:
            return self._value_of(value)
        except KeyError:
            raise ValueError(tr("应为1至{n}或类别名称（{labels}）").format(
                n=len(self.items), labels="、".join(self.labels))) from None

    def sql_label(self, column: Any, full_numbers: bool = False) -> Node:
        # ELSE as text: PostgreSQL wants one type for every branch (SQLite would mix them)
        return Case(column, [(i, f"{i}. {label}") for i, label in self.items],
                    column.cast("TEXT"))


class MultiChoice(Choice):
    """Several of a vocabulary, stored as one text joined by `sep` in the vocabulary's order
    (whatever order they were picked in), shown by their labels joined by 、."""

    name = "multichoice"

    def __init__(self, *items: str | Pair, sep: str = MULTI_SEP):
        super().__init__(*items)
        self.sep = sep

    def split(self, stored: str | None) -> tuple[Any, ...]:
        """The values of a stored text (blank entries dropped)."""
        return tuple(p.strip() for p in (stored or "").split(self.sep) if p.strip())

    def normalise(self, raw: Any) -> Any:
        if isinstance(raw, str):
            return tuple(p.strip() for p in re.split(f"[{re.escape(self.sep)}、,，]", raw)
                         if p.strip())
        if raw is None:
            return ()
        return tuple(raw)

    def is_blank(self, value: Any) -> bool:
        return not value

    def to_py(self, value: Sequence[Any]) -> str:
        chosen = set()
        for item in value:
            try:
                chosen.add(self._value_of(item))
            except KeyError:
                raise ValueError(tr("“{item}”不在可选项中（可选：{labels}）").format(
                    item=item, labels="、".join(self.labels))) from None
        return self.sep.join(v for v in self.values if v in chosen)

    def display(self, value: Any) -> str:
        return MULTI_SEP.join(self.label_of(v) for v in self.split(value))

    def sql_label(self, column: Any, full_numbers: bool = False) -> Node:
        if not self._relabelled() and self.sep == MULTI_SEP:
            return column
        # ",a,b," → ",甲,b," → ",甲,乙,": each value replaced between separators, so that one
        # value inside another ("people" in "people_count") is never touched
        expr: Any = Value(self.sep).concat(column).concat(self.sep)
        for value, label in self.items:
            expr = fn.REPLACE(expr, f"{self.sep}{value}{self.sep}", f"{self.sep}{label}{self.sep}")
        return fn.REPLACE(fn.TRIM(expr, self.sep), self.sep, MULTI_SEP)


class Ref(Kind):
    """A reference to a record of another kind (`entity`), stored as its UUID.

    A name typed or imported instead of an id is passed on as text for the engine to look up
    (a kind needs no ledger). `listed`: a short list the clerk picks from in the kind's own
    order (activity types), rather than a search by name."""

    name = "ref"

    def __init__(self, entity: str, listed: bool = False):
        self.entity = entity
        self.listed = listed

    def to_py(self, value: Any) -> uuid.UUID | str:
        if isinstance(value, uuid.UUID):
            return value
        if isinstance(value, str):
            try:
                return uuid.UUID(value)
            except ValueError:
                return value  # a name: the engine resolves it or says why not
        record_id = getattr(value, "id", None)  # a model instance
        if isinstance(record_id, uuid.UUID):
            return record_id
        raise ValueError(tr("引用的记录无效"))


KINDS_BY_NAME: dict[str, type[Kind]] = {
    cls.name: cls for cls in (Text, LongText, Int, Year, Float, Bool, Date)}


def kind_named(name: str) -> Kind:
    """A kind without settings from its old name ("date"), for specs written with strings."""
    try:
        return KINDS_BY_NAME[name]()
    except KeyError:
        raise ValueError(f"unknown field kind {name!r}: use a Kind instance") from None


Check = Callable[[Any], "str | None"]
PLAIN_TEXT = Text()


@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind of record: its name, its label, the kind of value it holds.

    `kind` may still be given by its old name for the kinds without settings ("date").
    `prompt` is the label a form shows where the editor says the rest (金额 beside 元/万元);
    `in_form=False` keeps a field (a code) out of forms, as `in_list=False` out of lists."""

    name: str
    label: str
    kind: Kind = PLAIN_TEXT
    required: bool = False
    check: Check | None = None  # a check of this field beyond its kind's
    default: Any = None
    in_list: bool = True
    in_form: bool = True
    prompt: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.kind, str):
            object.__setattr__(self, "kind", kind_named(self.kind))

    @property
    def ref(self) -> str | None:
        """The kind of record a reference field points to (None for other fields)."""
        return self.kind.entity if isinstance(self.kind, Ref) else None

    @property
    def form_label(self) -> str:
        return self.prompt or self.label

    def display(self, value: Any) -> str:
        return self.kind.display(value)


@dataclass(frozen=True)
class Shape:
    """Which fields a record uses, decided by some of its values (an activity's type): the
    fields it has no use for, those it must have beyond the spec's, and for a multiple choice
    the choices that make sense. A form hides what is hidden and sends it empty; the checks of
    the same record read the same shape, so form and core cannot disagree."""

    hidden: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    offered: Mapping[str, frozenset[Any]] = field(default_factory=dict)
