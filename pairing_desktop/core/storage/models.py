"""peewee models of the ledger.

Every record has a UUID key (records from different offices are merged later), created/updated
timestamps, and a tombstone (`deleted_at`) instead of a physical delete. Models are bound to
`ROUTED`, which talks to whichever Ledger the caller bound (storage.binding); nothing here opens
a file.
"""

from __future__ import annotations

import datetime as dt
import uuid

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    UUIDField,
)

from pairing_desktop.core.storage.binding import ROUTED


def utcnow() -> dt.datetime:
    """Timestamps are stored in UTC so records from offices can be ordered when merged."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# Every change to a record is numbered by the ledger's own counter (`sync_clock`), never by the
# clock on the wall (office PCs' clocks are often wrong). Triggers (storage.schema.TRIGGERS) give
# a row the next number whenever a write leaves `rev` as it was, so no write path can forget it;
# a merge sets `rev` itself. See core.sync for how `merged_rev` and `vv` make exchanges exact.
class BaseModel(Model):
    id = UUIDField(primary_key=True, default=uuid.uuid4)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True)
    rev = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])  # change number, last write
    merged_rev = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])  # rev a merge left
    vv = TextField(default="", constraints=[SQL("DEFAULT ''")])  # JSON {office: number} merged

    class Meta:
        database = ROUTED
        legacy_table_names = False

    @classmethod
    def live(cls, *fields):
        """Select records that are not tombstoned."""
        return cls.select(*fields).where(cls.deleted_at.is_null())


class Setting(Model):
    """Small key/value settings kept in the file itself (rules, font choice), as JSON text."""

    key = CharField(primary_key=True)
    value = TextField()
    rev = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])  # as BaseModel's
    merged_rev = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
    vv = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        database = ROUTED
        legacy_table_names = False


# --- people and places -------------------------------------------------------------------------


class Township(BaseModel):
    name = CharField()
    sort_key = CharField(null=True)  # the name in pinyin, for lists (core.sort_keys)
    code = CharField(null=True)


class Village(BaseModel):
    township = ForeignKeyField(Township, backref="villages", on_delete="RESTRICT")
    name = CharField()
    sort_key = CharField(null=True)
    poverty_class = CharField(default="一类贫困村")
    households = IntegerField(null=True)
    population = IntegerField(null=True)
    poor_households = IntegerField(null=True)
    party_members = IntegerField(null=True)
    secretary = CharField(null=True)
    secretary_phone = CharField(null=True)
    poverty_causes = CharField(null=True)  # "、"-joined subset of POVERTY_CAUSES_VILLAGE
    status = CharField(default="帮扶中")
    out_of_poverty_year = IntegerField(null=True)


class Unit(BaseModel):
    name = CharField()
    sort_key = CharField(null=True)
    level = CharField()  # 地直 / 县直
    kind = CharField(default="党政机关")
    party_org = CharField(null=True)
    head = CharField(null=True)
    head_title = CharField(null=True)
    contact = CharField(null=True)
    contact_phone = CharField(null=True)


class Rank(BaseModel):
    """A cadre rank and its household quota: the county's editable "4321" table."""

    name = CharField()
    quota = IntegerField()
    sort_order = IntegerField(default=0)


class Cadre(BaseModel):
    unit = ForeignKeyField(Unit, backref="cadres", on_delete="RESTRICT")
    name = CharField()
    gender = CharField(null=True)
    id_number = CharField(null=True)
    rank = ForeignKeyField(Rank, backref="cadres", on_delete="RESTRICT")
    sort_key = CharField(null=True)
    party_member = BooleanField(default=True)
    reserve = BooleanField(default=False)
    phone = CharField(null=True)


class Household(BaseModel):
    village = ForeignKeyField(Village, backref="households_list", on_delete="RESTRICT")
    group_name = CharField(null=True)  # 村民组
    head_name = CharField()
    sort_key = CharField(null=True)
    id_number = CharField(null=True)
    phone = CharField(null=True)
    members = IntegerField(null=True)
    kind = CharField(default="一般")  # 一般 / 低保 / 五保
    income_per_capita = FloatField(null=True)
    poverty_cause = CharField(null=True)
    status = CharField(default="贫困")
    out_of_poverty_year = IntegerField(null=True)


class FarmerPartyMember(BaseModel):
    village = ForeignKeyField(Village, backref="farmer_members", on_delete="RESTRICT")
    name = CharField()
    sort_key = CharField(null=True)
    id_number = CharField(null=True)
    phone = CharField(null=True)
    wealth_leader = BooleanField(default=False)


# --- pairings ----------------------------------------------------------------------------------


class UnitVillagePairing(BaseModel):
    unit = ForeignKeyField(Unit, backref="village_pairings", on_delete="RESTRICT")
    village = ForeignKeyField(Village, backref="unit_pairings", on_delete="RESTRICT")
    started_on = DateField()
    status = CharField(default="帮扶中")  # 帮扶中 / 已脱钩
    ended_on = DateField(null=True)


class UnitTownshipPairing(BaseModel):
    unit = ForeignKeyField(Unit, backref="township_pairings", on_delete="RESTRICT")
    township = ForeignKeyField(Township, backref="unit_pairings", on_delete="RESTRICT")
    started_on = DateField()
    ended_on = DateField(null=True)


class PartyMemberPairing(BaseModel):
    cadre = ForeignKeyField(Cadre, backref="member_pairings", on_delete="RESTRICT")
    farmer = ForeignKeyField(FarmerPartyMember, backref="cadre_pairings", on_delete="RESTRICT")
    started_on = DateField()
    ended_on = DateField(null=True)


class StationedCadre(BaseModel):
    cadre = ForeignKeyField(Cadre, backref="postings", on_delete="RESTRICT")
    village = ForeignKeyField(Village, backref="stationed", on_delete="RESTRICT")
    post = CharField()
    started_on = DateField()
    ended_on = DateField(null=True)


class Assignment(BaseModel):
    """A cadre's responsibility for a poor household; closed (ended_on), never overwritten."""

    cadre = ForeignKeyField(Cadre, backref="assignments", on_delete="RESTRICT")
    household = ForeignKeyField(Household, backref="assignments", on_delete="RESTRICT")
    started_on = DateField()
    ended_on = DateField(null=True)


# --- targets and letters -----------------------------------------------------------------------


class Target(BaseModel):
    pairing = ForeignKeyField(UnitVillagePairing, backref="targets", on_delete="RESTRICT")
    year = IntegerField()
    category = IntegerField()  # 1..6, see rules.targets.CATEGORIES
    description = TextField()
    indicator_value = FloatField(null=True)
    indicator_unit = CharField(null=True)
    actual_value = FloatField(null=True)
    status = CharField(default="未开始")  # 未开始 / 进行中 / 已完成 / 未完成


class Letter(BaseModel):
    """One printed version of a responsibility letter; a changed reprint is a new row."""

    kind = CharField()  # target / cadre / card
    year = IntegerField()
    pairing = ForeignKeyField(UnitVillagePairing, null=True, on_delete="RESTRICT")
    cadre = ForeignKeyField(Cadre, null=True, on_delete="RESTRICT")
    household = ForeignKeyField(Household, null=True, on_delete="RESTRICT")
    unit = ForeignKeyField(Unit, null=True, on_delete="RESTRICT")
    township = ForeignKeyField(Township, null=True, on_delete="RESTRICT")
    party = CharField(default="")  # who signs it, as printed: for lists and file names
    title = CharField()
    code = CharField(unique=True)
    version = IntegerField(default=1)
    previous = ForeignKeyField("self", null=True, on_delete="RESTRICT")
    content_hash = CharField()
    status = CharField(default="草稿")  # 草稿 / 已打印 / 已签订
    printed_at = DateTimeField(null=True)
    printed_by = CharField(null=True)
    signed_on = DateField(null=True)
    scan_path = CharField(null=True)  # relative to the ledger's folder
    scan_hash = CharField(null=True)

    class Meta:
        indexes = ((("kind", "year"), False),)


# --- activities --------------------------------------------------------------------------------


class ActivityType(BaseModel):
    """A kind of ledger record and the numbers it carries; the county can add its own."""

    code = CharField()
    name = CharField()
    scope = CharField(default="pairing")  # pairing / household
    duty = CharField(null=True)  # research / training / project / visit: the duty it fulfils
    measures = CharField(default="")  # comma list of Activity number fields it carries
    texts = CharField(default="")  # comma list of Activity text fields the form asks for
    required = CharField(default="")  # comma list of those numbers/texts that must be filled
    is_outcome = BooleanField(default=False)
    sort_order = IntegerField(default=0)


class Activity(BaseModel):
    pairing = ForeignKeyField(UnitVillagePairing, null=True, backref="activities",
                              on_delete="RESTRICT")
    cadre = ForeignKeyField(Cadre, null=True, backref="activities", on_delete="RESTRICT")
    household = ForeignKeyField(Household, null=True, backref="activities", on_delete="RESTRICT")
    type = ForeignKeyField(ActivityType, backref="activities", on_delete="RESTRICT")
    date = DateField()
    participants = IntegerField(null=True)
    people = IntegerField(null=True)
    households = IntegerField(null=True)
    money_yuan = FloatField(null=True)
    area_mu = FloatField(null=True)
    items = IntegerField(null=True)
    description = TextField(null=True)  # what was done (the project, the meeting's subject)
    findings = TextField(null=True)
    measures = TextField(null=True)
    note = TextField(null=True)


# --- who works on the ledger, and what they did ------------------------------------------------


class Operator(BaseModel):
    """Someone who logs in. Only an argon2id hash of the password is kept (core.auth)."""

    name = CharField()  # the login name, unique among live operators
    full_name = CharField(default="")
    role = CharField()  # admin / clerk / viewer (core.auth.ROLES)
    township = ForeignKeyField(Township, null=True, on_delete="RESTRICT")  # a clerk's township
    password_hash = CharField()
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    disabled = BooleanField(default=False)


class HistoryEntry(Model):
    """One change to one record by one operation: the log behind 操作日志, undo and 回收站.

    Entries are chained: `hash` covers the entry and the previous entry's hash, so an entry
    edited, removed or moved with an outside tool breaks the chain (core.history.verify)."""

    seq = AutoField()
    op = IntegerField()  # the operation: the seq of its first entry
    at = DateTimeField()  # UTC
    operator = CharField()
    label = CharField()  # what the operation was, as the clerk saw it: "保存贫困户"
    kind = CharField()  # an entity key, or letter / setting / operator
    record = CharField()  # the record's id (or a setting's key)
    action = CharField()  # created / updated / deleted / restored
    fields = TextField()  # JSON {field: [before, after]}, values as stored
    undoes = IntegerField(null=True)  # the operation this one undid
    prev_hash = CharField()
    hash = CharField()

    class Meta:
        database = ROUTED
        table_name = "history"
        indexes = ((("record", "seq"), False), (("op",), False), (("at",), False))


# --- exchange between offices (core.sync) -------------------------------------------------------


class SyncClock(Model):
    """One row: the last change number this ledger gave out (see BaseModel.rev)."""

    id = IntegerField(primary_key=True)
    rev = IntegerField(default=0)

    class Meta:
        database = ROUTED
        table_name = "sync_clock"


class SyncPeer(Model):
    """An office this ledger exchanges packages with, and where the exchange stands."""

    office = CharField(primary_key=True)
    township = CharField(null=True)  # the township a township office keeps (at the county)
    sent_seq = IntegerField(default=0)  # the number of the last package made for it
    received_seq = IntegerField(default=0)  # the number of the last package merged from it
    acked_seq = IntegerField(default=0)  # the last of our packages it said it had merged

    class Meta:
        database = ROUTED
        table_name = "sync_peer"


class SyncSent(Model):
    """A package made for an office: how far our change numbers went when it was made."""

    office = CharField()
    seq = IntegerField()
    upto_rev = IntegerField()
    made_at = DateTimeField(default=utcnow)

    class Meta:
        database = ROUTED
        table_name = "sync_sent"
        primary_key = CompositeKey("office", "seq")


class SyncConflict(Model):
    """A record changed here and at another office since they last exchanged: the other
    office's version waits here, beside ours in the table, until someone chooses."""

    id = AutoField()
    kind = CharField()
    record = CharField()  # the record's id (hex), or a setting's key
    office = CharField()  # the office whose version this is
    package_seq = IntegerField()
    values = TextField()  # JSON {field: value as stored} of their version, with deleted_at
    vv = TextField()  # JSON: their version's vector
    received_at = DateTimeField(default=utcnow)
    resolved_at = DateTimeField(null=True)
    resolution = CharField(null=True)  # ours / theirs
    resolved_by = CharField(null=True)

    class Meta:
        database = ROUTED
        table_name = "sync_conflict"
        indexes = ((("record", "resolved_at"), False),)


def seed_id(kind: str, key: str) -> uuid.UUID:
    """The id of a row every new ledger starts with (a rank, an activity type): the same in
    every office's ledger, so the county's packages update these rows instead of colliding."""
    return uuid.uuid5(SEED_NAMESPACE, f"{kind}:{key}")


SEED_NAMESPACE = uuid.UUID("6f1d3c52-2b7e-4e7a-9a51-3c1b0e2a9d10")

SYNC_MODELS: list[type[Model]] = [SyncClock, SyncPeer, SyncSent, SyncConflict]

ALL_MODELS: list[type[Model]] = [
    Setting, Township, Village, Unit, Rank, Cadre, Household, FarmerPartyMember,
    UnitVillagePairing, UnitTownshipPairing, PartyMemberPairing, StationedCadre, Assignment,
    Target, Letter, ActivityType, Activity, Operator, HistoryEntry, *SYNC_MODELS,
]
