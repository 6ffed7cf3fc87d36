import datetime as dt

import pytest

from core.plan import goal_table

TODAY = dt.date(2026, 10, 1)


def _goal(**changes):
    goal = {
        "id": "g1", "objective": "retention", "title": "Più clienti che tornano", "kpi": "repeat_rate",
        "channels": [], "baseline": 0.2, "target": 0.25, "start": "2026-09-01", "deadline": "2026-12-31",
        "place": {"kind": "market", "value": ""}, "actions": [], "owner": "Marco",
    }  # fmt: skip
    goal.update(changes)
    return goal


def test_rates_are_shown_in_percent_and_stored_as_shares():
    goals = [_goal()]
    table = goal_table.to_table(goals, TODAY, "en")
    assert table.loc[0, "target"] == pytest.approx(25.0)
    table.loc[0, "target"] = 30.0
    changes, problems = goal_table.changes_from_table(goals, table)
    assert problems == [] and [(c.path, c.old, c.new) for c in changes] == [(("goals", 0, "target"), 0.25, 0.3)]


def test_an_unchanged_table_makes_no_change():
    goals = [_goal(), _goal(id="g2", kpi="reach", baseline=1200, target=1500, objective="local_awareness")]
    assert goal_table.changes_from_table(goals, goal_table.to_table(goals, TODAY, "it")) == ([], [])


def test_a_row_that_makes_an_invalid_goal_is_refused_with_its_row_number():
    goals = [_goal(), _goal(id="g2")]
    table = goal_table.to_table(goals, TODAY, "en")
    table.loc[1, "target"] = 250.0  # 250% is not a share
    changes, problems = goal_table.changes_from_table(goals, table)
    assert changes == [] and [row for row, _ in problems] == [2]


def test_the_smart_column_reads_at_a_glance():
    table = goal_table.to_table([_goal(owner="")], TODAY, "en")
    assert table.loc[0, "smart"].startswith("S✗ M✓")
    assert table.loc[0, "kpi"] == "Repeat-customer rate"


def test_the_table_for_the_screen_writes_values_and_dates_in_the_language():
    goals = [
        _goal(baseline=0.57, target=0.61),  # 0.57 * 100 is 56.99999999999999 in floating point
        _goal(id="g2", kpi="reach", objective="local_awareness", baseline=20400, target=25500, owner=""),
        _goal(id="g3", kpi=None, baseline=None, target=None, deadline=None, owner=""),
    ]
    it = goal_table.as_text(goals, TODAY, "it")
    assert list(it["baseline"]) == ["57,0%", "20.400", ""]
    assert list(it["target"]) == ["61,0%", "25.500", ""]
    assert list(it["deadline"]) == ["31/12/2026", "31/12/2026", ""]
    assert list(it["owner"]) == ["Marco", "", ""]
    en = goal_table.as_text(goals, TODAY, "en")
    assert list(en["baseline"]) == ["57.0%", "20,400", ""] and en.loc[0, "deadline"] == "31 Dec 2026"
