"""The demo activities obey the same rules as a clerk's entries and leave duties both met and
overdue."""

from __future__ import annotations

import datetime as dt
import random

from pairing_desktop.core import records
from pairing_desktop.core.activities import rules as activity_rules
from pairing_desktop.core.activities.demo import add_demo_activities
from pairing_desktop.core.duties.checks import MET, OVERDUE, check_duties
from pairing_desktop.core.storage.models import Activity, UnitVillagePairing
from tests.activity_data import assign, build_county

TODAY = dt.date(2026, 8, 20)


def test_demo_activities_are_valid_records(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: TODAY)
    c = build_county(started=dt.date(2025, 1, 10))
    for n in range(12):  # more pairings, so some fall behind
        village = records.save("village", None, {"township": c.townships["甲乡"],
                                                 "name": f"新村{n}"})
        records.save("uv_pairing", None, {"unit": c.units["县教育局"], "village": village,
                                          "started_on": dt.date(2025, 1, 10)})
    assign(c, "王股长", "刘二", dt.date(2025, 2, 1))
    written = add_demo_activities(random.Random(7), TODAY)
    assert written == Activity.select().count() > 15 * 30
    for (activity_id,) in Activity.select(Activity.id).tuples():
        records.validate("activity", records.load("activity", activity_id), activity_id)
    dates = [d for (d,) in Activity.select(Activity.date).tuples()]
    assert min(dates) >= dt.date(2025, 1, 10) and max(dates) <= TODAY
    last_year = check_duties(2025, TODAY)
    statuses = {r.status for r in last_year.pairings}
    assert {MET, OVERDUE} <= statuses
    assert UnitVillagePairing.select().count() == 15


def test_same_seed_same_records(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: TODAY)
    build_county(started=dt.date(2025, 1, 10))
    first = add_demo_activities(random.Random(3), TODAY)
    rows = sorted(Activity.select(Activity.date, Activity.type, Activity.people).tuples())
    Activity.delete().execute()
    assert add_demo_activities(random.Random(3), TODAY) == first
    assert sorted(Activity.select(Activity.date, Activity.type, Activity.people).tuples()) == rows
