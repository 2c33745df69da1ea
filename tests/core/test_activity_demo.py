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
from tests.helpers import save

TODAY = dt.date(2026, 8, 20)


def test_demo_activities_are_valid_records(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: TODAY)
    c = build_county(ledger, started=dt.date(2025, 1, 10))
    for n in range(12):  # more pairings, so some fall behind
        village = save(ledger, "village", None, {"township": c.townships["甲乡"],
                                                 "name": f"新村{n}"})
        save(ledger, "uv_pairing", None, {"unit": c.units["县教育局"], "village": village,
                                          "started_on": dt.date(2025, 1, 10)})
    assign(c, "王股长", "刘二", dt.date(2025, 2, 1))
    with ledger.atomic():  # the demo writes inside its own operation's transaction
        written = add_demo_activities(random.Random(7), TODAY)
        assert written == Activity.select().count() > 15 * 30
        for (activity_id,) in Activity.select(Activity.id).tuples():
            values = records.load(ledger, "activity", activity_id)
            records.validate(ledger, "activity", values, activity_id)
        dates = [d for (d,) in Activity.select(Activity.date).tuples()]
    assert min(dates) >= dt.date(2025, 1, 10) and max(dates) <= TODAY
    last_year = check_duties(ledger, 2025, TODAY)
    statuses = {r.status for r in last_year.pairings}
    assert {MET, OVERDUE} <= statuses
    with ledger.bound():
        assert UnitVillagePairing.select().count() == 15


def test_same_seed_same_records(ledger, monkeypatch):
    monkeypatch.setattr(activity_rules, "today", lambda: TODAY)
    build_county(ledger, started=dt.date(2025, 1, 10))
    with ledger.atomic():
        first = add_demo_activities(random.Random(3), TODAY)
        rows = sorted(Activity.select(Activity.date, Activity.type, Activity.people).tuples())
        Activity.delete().execute()
        assert add_demo_activities(random.Random(3), TODAY) == first
        again = sorted(Activity.select(Activity.date, Activity.type, Activity.people).tuples())
    assert again == rows
