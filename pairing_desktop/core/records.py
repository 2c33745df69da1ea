"""Saving, deleting and listing any kind of record, driven by its EntitySpec.

Every write is one transaction and is checked completely first: a save with bad input raises
ValidationError (one Chinese message per field) and changes nothing. Deletion is a tombstone and
is refused while live records still refer to the record. Lists page, search and sort in SQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from peewee import JOIN, Expression, Node, Select, Value, fn

from pairing_desktop.core.entities import ENTITIES, EntitySpec
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.fields import (
    MULTI_SEP,
    NO,
    YES,
    FieldSpec,
    Ref,
    Shape,
    clean_text,
    show,
)
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.sort_keys import KEYED
from pairing_desktop.core.storage.ledger import (
    Ledger,
    bound_rows,
    unindexed,
    uses_ledger,
    uses_own_ledger,
)
from pairing_desktop.core.storage.models import BaseModel

__all__ = ["MULTI_SEP", "NO", "YES", "EntityList", "choices", "computed", "counts",
           "delete_refusal", "display", "display_value", "load", "parse", "referrers",
           "resolve", "shape", "spec_of", "validate"]


def spec_of(entity: str | EntitySpec) -> EntitySpec:
    return entity if isinstance(entity, EntitySpec) else ENTITIES[entity]


def as_uuid(value: Any) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, BaseModel):
        return value.id
    return uuid.UUID(str(value))


# --- parsing and validation --------------------------------------------------------------------


def parse(f: FieldSpec, raw: Any) -> Any:
    """A raw value (text from a form, or a typed value from code) in the stored type, by the
    field's kind; a reference given by name is looked up. ValueError with the message."""
    value = f.kind.parse(raw)
    if isinstance(f.kind, Ref) and isinstance(value, str):  # a name typed or imported
        return _resolve(f.kind.entity, value)
    return value


@uses_ledger
def validate(ledger: Ledger, entity: str | EntitySpec, raw: dict[str, Any],
             record_id: Any = None) -> dict[str, Any]:
    """Check a whole record; return the parsed values or raise ValidationError naming fields."""
    spec = spec_of(entity)
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in spec.fields:
        try:
            value = parse(f, raw.get(f.name, f.default))
        except ValueError as exc:
            errors[f.name] = tr("{field}：{problem}").format(field=term(f.label), problem=exc)
            continue
        if value is None:
            if f.required:
                errors[f.name] = tr("{field}：必填，不能为空").format(field=term(f.label))
        elif isinstance(f.kind, Ref):
            if not _exists(ENTITIES[f.kind.entity], value):
                errors[f.name] = tr("{field}：所选记录不存在或已删除").format(field=term(f.label))
        else:
            message = f.kind.check(value) or (f.check(value) if f.check else None)
            if message:
                errors[f.name] = tr("{field}：{problem}").format(field=term(f.label),
                                                                 problem=message)
        values[f.name] = value
    if not errors:
        errors.update(_duplicates(spec, values, as_uuid(record_id)))
    if not errors:
        for rule in spec.rules:
            errors.update(rule(values, as_uuid(record_id)))
    if errors:
        raise ValidationError(errors)
    return values


@uses_ledger
def shape(ledger: Ledger, entity: str | EntitySpec, values: dict[str, Any]) -> Shape:
    """Which fields a record with these (raw) values uses: see EntitySpec.shape."""
    spec = spec_of(entity)
    return spec.shape(values) if spec.shape is not None else Shape()


# The checks every save makes are fixed SQL, one statement text per model and purpose: building
# them with peewee each time was most of a save's cost beyond SQLite itself (bench_history).
_SQL: dict[tuple, str] = {}


def _sql(key: tuple, build: Callable[[], str]) -> str:
    if key not in _SQL:
        _SQL[key] = build()
    return _SQL[key]


def fetch_row(model: type[BaseModel], record_id: uuid.UUID,
              deleted: bool | None = False) -> dict[str, Any] | None:
    """A record's stored values by field name, as peewee would give them (on the bound ledger):
    live (`deleted` False), in the bin (True) or either (None)."""
    fields = model._meta.sorted_fields

    def build() -> str:
        cols = ", ".join(f'"{f.column_name}"' for f in fields)
        state = {False: " AND deleted_at IS NULL", True: " AND deleted_at IS NOT NULL",
                 None: ""}[deleted]
        return f'SELECT {cols} FROM "{model._meta.table_name}" WHERE id = ?{state}'

    rows = bound_rows(_sql(("row", model, deleted), build), (model.id.db_value(record_id),))
    if not rows:
        return None
    return {f.name: f.python_value(v) for f, v in zip(fields, rows[0], strict=True)}


def _exists(spec: EntitySpec, record_id: uuid.UUID) -> bool:
    m = spec.model
    sql = _sql(("live", m), lambda: f'SELECT 1 FROM "{m._meta.table_name}" WHERE id = ?'
                                    " AND deleted_at IS NULL LIMIT 1")
    return bool(bound_rows(sql, (m.id.db_value(record_id),)))


def _taken(spec: EntitySpec, names: tuple[str, ...], values: dict[str, Any],
           record_id: uuid.UUID | None) -> bool:
    """Whether another live record holds these values (a uniqueness rule)."""
    m = spec.model
    columns = [getattr(m, n) for n in names]

    def build() -> str:
        same = " AND ".join(f'"{c.column_name}" = ?' for c in columns)
        return (f'SELECT 1 FROM "{m._meta.table_name}" WHERE deleted_at IS NULL AND {same}'
                " AND id IS NOT ? LIMIT 1")

    params = [c.db_value(values[c.name]) for c in columns]
    params.append(m.id.db_value(record_id) if record_id is not None else None)
    return bool(bound_rows(_sql(("taken", m, names), build), params))


def _duplicates(spec: EntitySpec, values: dict[str, Any],
                record_id: uuid.UUID | None) -> dict[str, str]:
    errors = {}
    for names, what in spec.unique:
        if any(values.get(n) is None for n in names):
            continue
        if _taken(spec, names, values, record_id):
            field = names[-1]
            shown = values[field]
            scope = what if len(names) > 1 else ""
            errors[field] = tr("{field}：{scope}“{value}”已存在，不能重复").format(
                field=term(spec.field(field).label), scope=term(scope), value=shown)
    return errors


@uses_ledger
def referrers(ledger: Ledger, model: type[BaseModel],
              record_id: uuid.UUID) -> list[tuple[str, int]]:
    """Live records that refer to a record: [(what, how many)], for a refusal message."""
    return [(tr("{count} {measure}{kind}").format(count=count, measure=measure, kind=term(label)),
             count)
            for label, measure, count, _names in _referring(model, record_id)]


NAMED = 3  # referring records named in a refusal, per kind


def _referring(model: type[BaseModel],
               record_id: uuid.UUID) -> list[tuple[str, str, int, list[str]]]:
    """[(what, its counter word, how many, the names of the first few)] of the live records
    referring to one."""
    from pairing_desktop.core.entities import spec_for_model

    found = []
    for fk in model._meta.backrefs:
        ref_model = fk.model
        if not issubclass(ref_model, BaseModel) or fk.name == "previous":
            continue
        count = ref_model.live().where(fk == record_id).count()
        if count:
            ref_spec = spec_for_model(ref_model)
            label = ref_spec.label if ref_spec else MODEL_LABELS.get(ref_model.__name__,
                                                                      ref_model.__name__)
            measure = ref_spec.measure if ref_spec else "条"
            names: list[str] = []
            if ref_spec is not None:
                rm = ref_spec.model
                query, title = _label_expr(rm.select(), ref_spec, rm)
                names = [n or tr("（无名称）") for (n,) in query.select(title).where(
                    rm.deleted_at.is_null() & (fk == record_id)).order_by(title)
                    .limit(NAMED).tuples()]
            found.append((label, measure, count, names))
    return found


@uses_ledger
def delete_refusal(ledger: Ledger, entity: str | EntitySpec, record_id: Any) -> str | None:
    """Why a record cannot be deleted yet, naming the records that still refer to it, or None.
    The delete operation refuses with it, and the window asks it before "确定删除吗？", so that
    a clerk is never asked to confirm what will then be refused."""
    spec = spec_of(entity)
    refs = _referring(spec.model, as_uuid(record_id))
    if not refs:
        return None
    what = tr("、").join(tr("{count} {measure}{kind}").format(count=count, measure=measure,
                                                              kind=term(label))
                        for label, measure, count, _names in refs)

    def named(label: str, count: int, names: list[str]) -> str:
        listed = tr("、").join(names) + (tr("等") if count > len(names) else "")
        return listed if len(refs) == 1 else tr("{kind}：{names}").format(kind=term(label),
                                                                          names=listed)

    detail = tr("；").join(named(label, count, names)
                      for label, _measure, count, names in refs if names)
    detail = tr("（{names}）").format(names=detail) if detail else ""
    return tr("不能删除此{kind}：仍有{what}引用它{names}。请先处理这些记录。").format(
        kind=term(spec.label), what=what, names=detail)


MODEL_LABELS = {"Letter": "责任书", "Target": "年度目标", "Activity": "帮扶活动记录",
                "ActivityType": "活动类型"}


def load(ledger: Ledger, entity: str | EntitySpec, record_id: Any) -> dict[str, Any]:
    """The stored values of a record, keyed by field name (refs as UUIDs)."""
    return load_with_revision(ledger, entity, record_id)[0]


@uses_ledger
def load_with_revision(ledger: Ledger, entity: str | EntitySpec,
                       record_id: Any) -> tuple[dict[str, Any], int]:
    """A record's stored values and its change number, from one read. A form hands the number
    back to the save (`ops.save(…, expected_rev=…)`); read apart from the values, it could be
    the number of a change made in between, which the save would then overwrite unseen."""
    spec = spec_of(entity)
    m = spec.model
    row = m.live().where(m.id == as_uuid(record_id)).dicts().first()
    if row is None:
        raise RefusedError(tr("该{kind}记录不存在或已被删除。").format(kind=term(spec.label)))
    return {f.name: row[f.name] for f in spec.fields}, row["rev"]


@uses_ledger
def computed(ledger: Ledger, entity: str | EntitySpec, record_id: Any) -> dict[str, Any]:
    """A record's computed figures by name (a village's 贫困户数); None each for a new one."""
    spec = spec_of(entity)
    if not spec.computed:
        return {}
    if record_id is None:
        return {c.name: None for c in spec.computed}
    m = spec.model
    row = (m.select(*[c.sql(m) for c in spec.computed]).where(m.id == as_uuid(record_id))
           .tuples().first())
    return dict(zip([c.name for c in spec.computed], row or (None,) * len(spec.computed),
                    strict=True))


# --- lists ---------------------------------------------------------------------------------------


def _label_expr(query: Select, spec: EntitySpec, alias: Any,
                names: Sequence[str] | None = None) -> tuple[Select, Node]:
    """Join what is needed to name a record of `spec` (as `alias`) and return the expression:
    its title fields (or `names`), references followed to their titles, " — "-joined."""
    parts = []
    for name in spec.title if names is None else names:
        f = spec.field(name)
        col = getattr(alias, name)
        if isinstance(f.kind, Ref):
            ref_spec = ENTITIES[f.kind.entity]
            ref_alias = ref_spec.model.alias()
            query = query.join_from(alias, ref_alias, JOIN.LEFT_OUTER, on=(col == ref_alias.id))
            query, expr = _label_expr(query, ref_spec, ref_alias)
            parts.append(expr)
        else:
            parts.append(f.kind.sql_label(col))
    expr = parts[0]
    for part in parts[1:]:
        expr = fn.COALESCE(expr, "").concat(" — ").concat(fn.COALESCE(part, ""))
    return query, expr


def _pinyin_key(spec: EntitySpec, alias: Any) -> Node | None:
    """What sorts records of `spec` by their title: the pinyin key of a kind named by its name
    (core.sort_keys), else None (sort by the title itself)."""
    name = KEYED.get(spec.key)
    return alias.sort_key if name and spec.title == (name,) else None


def _path_expr(query: Select, spec: EntitySpec, alias: Any, path: str,
                full_numbers: bool = False) -> tuple[Select, Node]:
    """Join along a path of references ("cadre.unit") from a record of `spec` (as `alias`) and
    return what the list shows for its last field (a reference by its title)."""
    *hops, last = path.split(".")
    for hop in hops:
        ref_spec = ENTITIES[spec.field(hop).ref or ""]
        ref_alias = ref_spec.model.alias()
        query = query.join_from(alias, ref_alias, JOIN.LEFT_OUTER,
                                on=(getattr(alias, hop) == ref_alias.id))
        spec, alias = ref_spec, ref_alias
    f = spec.field(last)
    if isinstance(f.kind, Ref):
        return _label_expr(query, spec, alias, (last,))
    return query, f.kind.sql_label(getattr(alias, last), full_numbers)


def _choice_expr(query: Select, spec: EntitySpec, alias: Any,
                 title: Node) -> tuple[Select, Node]:
    """The title followed by the spec's `detail` in brackets, "李四（新华村·三组）": what a picker
    shows, so that namesakes differ. Empty details are left out."""
    if not spec.detail:
        return query, title
    inner: Node | None = None
    for name in spec.detail:
        query, part = _label_expr(query, spec, alias, (name,))
        piece = fn.COALESCE(Value("·").concat(part), "")
        inner = piece if inner is None else inner.concat(piece)
    bracket = fn.COALESCE(Value("（").concat(fn.NULLIF(fn.LTRIM(inner, "·"), ""))
                          .concat("）"), "")
    return query, fn.COALESCE(title, "").concat(bracket)


def display_value(value: Any) -> str:
    """A stored value as a clerk reads it, when its field is not known: 是/否, ISO dates, no
    trailing .0 on whole numbers."""
    return show(value)


def display(entity: str | EntitySpec, name: str, value: Any) -> str:
    """A stored value of a field as a clerk reads it: choices by their labels."""
    return spec_of(entity).field(name).display(value)


class EntityList:
    """A searchable, sortable, paged list of live records of one kind, computed in SQL.

    Row tuples are (id, column values...) in the order of `columns`: the spec's list fields,
    each reference followed by its `list_paths` (a cadre's unit) and any computed figure placed
    after it. ID and phone numbers are masked unless `full_numbers` (core.masking); a search
    still finds a record by its number.
    """

    def __init__(self, ledger: Ledger, entity: str | EntitySpec,
                 filters: dict[str, Any] | None = None, full_numbers: bool = False):
        self.ledger = ledger
        self.spec = spec_of(entity)
        self.record_kind = self.spec.key  # what the rows are: an export writes those records
        self.fields = self.spec.list_fields()
        self.filters = dict(filters or {})
        m = self.spec.model
        query = m.select()
        exprs: dict[str, Node] = {}
        labels: dict[str, str] = {}
        sorts: dict[str, Node] = {}  # a name column sorts by its pinyin key
        for f in self.fields:
            labels[f.name] = f.label
            if isinstance(f.kind, Ref):
                ref_spec = ENTITIES[f.kind.entity]
                alias = ref_spec.model.alias()
                query = query.join_from(m, alias, JOIN.LEFT_OUTER,
                                        on=(getattr(m, f.name) == alias.id))
                query, exprs[f.name] = _label_expr(query, ref_spec, alias)
                key = _pinyin_key(ref_spec, alias)
                if key is not None:
                    sorts[f.name] = key
            else:
                if f.name == KEYED.get(self.spec.key):
                    sorts[f.name] = m.sort_key
                # choices by their labels, personal numbers masked (a search still reads the
                # column itself)
                exprs[f.name] = f.kind.sql_label(getattr(m, f.name), full_numbers)
            for path, label in self.spec.list_paths:
                if path.split(".")[0] == f.name:
                    query, exprs[path] = _path_expr(query, self.spec, m, path, full_numbers)
                    labels[path] = label
            for figure in self.spec.computed:
                if figure.after == f.name:
                    exprs[figure.name] = figure.sql(m)
                    labels[figure.name] = figure.label
        self._base = query
        self._exprs = exprs
        self._labels = labels
        self._sorts = [sorts.get(name, expr) for name, expr in exprs.items()]

    @property
    def columns(self) -> list[tuple[str, str]]:
        return list(self._labels.items())

    def _where(self, query: Select, search: str) -> Select:
        m = self.spec.model
        query = query.where(m.deleted_at.is_null())
        for name, value in self.filters.items():
            col = getattr(m, name)
            query = query.where(col.is_null() if value is None else col == as_uuid(value)
                                if isinstance(self.spec.field(name).kind, Ref) else col == value)
        search = search_text(search)
        if search:
            pattern = f"%{search}%"
            cond: Expression | None = None
            for name in self.spec.search:
                f = self.spec.field(name)
                if isinstance(f.kind, Ref):
                    # match the few referenced records by name, then their ids: at 100,000
                    # households this is 3x faster than LIKE on the joined name of every row
                    ref_spec = ENTITIES[f.kind.entity]
                    rm = ref_spec.model
                    named, label = _label_expr(rm.select(rm.id), ref_spec, rm)
                    term = getattr(m, name).in_(named.where(label ** pattern))
                else:
                    term = getattr(m, name) ** pattern  # LIKE: case-insensitive for Latin
                cond = term if cond is None else (cond | term)
            query = query.where(cond)
        return query

    @uses_own_ledger
    def count(self, search: str = "") -> int:
        # the joins only name things: filters and search use the record's own columns
        m = self.spec.model
        return self._where(m.select(fn.COUNT(m.id)), search).scalar()

    @uses_own_ledger
    def page(self, search: str = "", sort: int | None = None, descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[tuple]:
        m = self.spec.model
        cols = list(self._exprs.values())
        query = self._where(self._base.select(m.id, *cols), search)
        if sort is None and self.spec.sort:
            names = list(self._exprs)
            sort_expr = self._sorts[names.index(self.spec.sort)] if self.spec.sort in names \
                else m.created_at
        else:
            sort_expr = None if sort is None else self._sorts[sort]
        order = []
        if sort_expr is not None:
            if search.strip():
                # A search reads every row anyway; sorting its matches is bounded (≈50 ms at
                # 100,000 rows), while walking the sort column's index with a row lookup each
                # until a page is found took 120 ms for a rare name. Unary + hides the index.
                sort_expr = unindexed(sort_expr)
            order.append(sort_expr.desc() if descending else sort_expr.asc())
        order.append(m.id)
        return list(query.order_by(*order).limit(limit).offset(offset).tuples())

    @uses_own_ledger
    def row_of(self, record_id: Any) -> tuple | None:
        """The list row of one record (after a save), or None when it is filtered out."""
        m = self.spec.model
        cols = list(self._exprs.values())
        rows = list(self._where(self._base.select(m.id, *cols), "")
                    .where(m.id == as_uuid(record_id)).tuples())
        return rows[0] if rows else None


def _word_matches(spec: EntitySpec, alias: Any, pattern: str) -> Expression:
    """A search word found in one of the fields that name a record (title and detail). A
    reference matches through the ids of the few records whose names match: at 100,000
    households this is 5x faster than LIKE on the joined, bracketed label of every row."""
    cond: Expression | None = None
    for name in dict.fromkeys(spec.title + spec.detail):
        f = spec.field(name)
        col = getattr(alias, name)
        if isinstance(f.kind, Ref):
            ref_spec = ENTITIES[f.kind.entity]
            rm = ref_spec.model
            term = col.in_(rm.select(rm.id).where(_word_matches(ref_spec, rm, pattern)))
        else:
            term = col ** pattern
        cond = term if cond is None else (cond | term)
    assert cond is not None
    return cond


SEARCH_MAX = 50  # more is a paste by mistake: LIKE on 20,000 characters took seconds per row set


def search_text(text: str) -> str:
    """What a search box's text is searched as: cleaned like any field and capped; LIKE's
    wildcards are dropped (no name holds them, and a lone % would match every row)."""
    return clean_text(text)[:SEARCH_MAX].replace("%", "").replace("_", "").strip()


@uses_ledger
def choices(ledger: Ledger, entity: str | EntitySpec, search: str = "", limit: int | None = None,
            ids: Iterable[Any] | None = None,
            in_order: bool = False) -> list[tuple[uuid.UUID, str]]:
    """(id, label) of live records for the pickers, labels with their `detail`, sorted by
    title (`in_order`: in the kind's own order, as a short fixed list is shown). Every word
    of `search` must occur in the title or a detail, so "新华 李" finds 李四 of 新华村."""
    spec = spec_of(entity)
    m = spec.model
    query, title = _label_expr(m.select(), spec, m)
    query, label = _choice_expr(query, spec, m, title)
    query = query.select(m.id, label).where(m.deleted_at.is_null())
    words = search_text(search).split()
    for word in words:
        query = query.where(_word_matches(spec, m, f"%{word}%"))
    if ids is not None:
        query = query.where(m.id.in_([as_uuid(i) for i in ids]))
    # Without a search the title's index gives the first rows at once (0.1 ms against 110 ms
    # sorting 100,000 labels); with one, reading the matches and sorting them beats walking the
    # index for a rare name (as in EntityList.page), so unary + hides the index.
    title = _pinyin_key(spec, m) or title  # names in pinyin order
    first = unindexed(title) if words else title
    if in_order and spec.sort:
        query = query.order_by(getattr(m, spec.sort), first, label, m.id)
    else:
        query = query.order_by(first, label, m.id)
    if limit:
        query = query.limit(limit)
    return list(query.tuples())


@uses_ledger
def resolve(ledger: Ledger, entity: str | EntitySpec, text: str) -> uuid.UUID:
    """The record a typed name means: its picker label, or a title only one live record has.
    ValueError with the message when none or several match, so a name never picks a record
    silently by chance (the GUI, the importer and the command line all pass names through)."""
    return _resolve(entity, text)


def _resolve(entity: str | EntitySpec, text: str) -> uuid.UUID:
    spec = spec_of(entity)
    m = spec.model
    text = text.strip()
    query, title = _label_expr(m.select(), spec, m)
    query, label = _choice_expr(query, spec, m, title)
    live = query.where(m.deleted_at.is_null())
    named = list(live.select(m.id).where(title == text).limit(100).tuples())
    if len(named) == 1:
        return named[0][0]
    # a label starts with the title: matching that first lets its index narrow the search
    # (0.3 ms instead of 110 ms over 100,000 households)
    exact = list(live.select(m.id).where((title == text.split("（")[0]) & (label == text))
                 .limit(100).tuples())
    if len(exact) == 1:
        return exact[0][0]
    same = named or exact
    if not same:
        raise ValueError(tr("没有名为“{name}”的{kind}，请从列表中选择").format(
            name=text, kind=term(spec.label)))
    raise ValueError(tr("有 {n} {measure}{kind}都叫“{name}”，请从列表中选择").format(
        n=len(same), measure=spec.measure, kind=term(spec.label), name=text))


@uses_ledger
def counts(ledger: Ledger, entities: Sequence[str] | None = None) -> dict[str, int]:
    """Live records per kind, for the status bar and `check`."""
    keys = entities or list(ENTITIES)
    return {k: ENTITIES[k].model.live().count() for k in keys}
