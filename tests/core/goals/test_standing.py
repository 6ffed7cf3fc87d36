"""Where a goal stands: one computation, a rule for each kind of KPI, every expected value worked out by hand."""

import datetime as dt

import pandas as pd
import pytest

from core.goals import goals, measures, standing
from core.goals import text as goal_text
from core.importers.activity import common
from core.monitor import board as monitor

START = dt.date(2026, 3, 2)  # a Monday
DEADLINE = dt.date(2026, 6, 29)  # 17 weeks later


def _goal(kpi: str, baseline: float | None, target: float, **change) -> goals.Goal:
    raw = {
        "id": "g1", "objective": "custom", "title": "Per mese", "kpi": kpi, "channels": [], "baseline": baseline,
        "target": target, "start": START.isoformat(), "deadline": DEADLINE.isoformat(),
        "place": {"kind": "market", "value": ""}, "actions": [], "owner": "",
    }  # fmt: skip
    return goals.Goal.from_dict({**raw, **change})


def _days(*days: int) -> list[pd.Timestamp]:
    return [pd.Timestamp(START + dt.timedelta(days=d)) for d in days]


# New customers: 20 in the fortnight before the start (a busy February), then one a week on the start's weekday.
FEBRUARY = [f"F{n}" for n in range(20)]
WEEKLY = [f"W{n}" for n in range(12)]
ORDERS = pd.DataFrame(
    {
        "customer_id": FEBRUARY + WEEKLY,
        "date": _days(*[-14] * 20, *range(0, 84, 7)),
        "amount": 10.0,
    }
)
NEW_CUSTOMERS = measures.Data(orders=ORDERS)


def test_a_monthly_count_is_not_reached_on_its_start_date_by_the_month_before_it():
    goal = _goal("new_customers", 4, 12)
    found = standing.standing(goal, NEW_CUSTOMERS, START + dt.timedelta(days=8))
    # The last 30 days (Feb 8 - Mar 10) hold the 20 February customers and the 2 of March 2 and 9: 22 >= 12,
    # but that month is mostly before the start; the first month wholly after it ends on 31 March.
    assert found.tracking.current == 22
    assert not found.reached and found.tracking.status == "too_early"
    assert found.tracking.message.key == "goals.track.first_month"
    assert found.tracking.message.params["first_date"] == dt.date(2026, 3, 31)
    assert found.pace is None  # 22 already meets 12: no pace to ask for, and no "reached" either


def test_a_monthly_count_is_the_latest_month_not_a_count_since_the_start():
    goal = _goal("new_customers", 4, 12)
    as_of = dt.date(2026, 4, 20)  # 49 days after the start; 8 customers since it
    found = standing.standing(goal, NEW_CUSTOMERS, as_of)
    # 30 days up to 20 April: 22 March - 20 April holds the customers of 23 and 30 March, 6, 13 and 20 April.
    assert found.tracking.current == 5
    assert not found.reached
    assert found.pace == pytest.approx((12 - 5) / (70 / 7))  # 20 April -> 29 June is 70 days
    assert found.tracking.progress == pytest.approx((5 - 4) / (12 - 4))


def test_a_monthly_count_reached_in_a_month_after_the_start_is_reached_with_no_pace():
    goal = _goal("new_customers", 1, 4)
    found = standing.standing(goal, NEW_CUSTOMERS, dt.date(2026, 4, 20))
    assert found.reached and found.pace is None
    assert found.tracking.message.key == "goals.track.reached_month"
    # The first judged point is 31 March: 2 - 31 March holds the customers of 2, 9, 16, 23 and 30 March: 5 >= 4.
    assert found.tracking.forecast_date == dt.date(2026, 3, 31)
    assert goal_text.render("en", found.tracking.message) == (
        "Target reached: 5 in the last 30 days (target 4), first on 31 Mar 2026."
    )


# Engagement: posts reaching 1,000 people; 100 interactions each before the start (10%), 40 after it (4%).
POSTS = common.activity_frame(
    pd.Series([pd.Timestamp(d, tz="Europe/Rome") + pd.Timedelta(hours=12) for d in _days(*range(-28, 56, 7))]),
    "instagram",
    "post",
    reach=1000.0,
    reactions=pd.Series([100.0 if d < 0 else 40.0 for d in range(-28, 56, 7)]),
)
ENGAGEMENT = measures.Data(activity=POSTS)


def test_a_monthly_share_is_judged_on_its_latest_month():
    goal = _goal("engagement_rate", 0.05, 0.08, channels=["instagram"])
    early = standing.standing(goal, ENGAGEMENT, START + dt.timedelta(days=3))
    # 30 days up to 5 March (4 February on): the posts of 9, 16, 23 February (100 each) and 2 March (40): 340 / 4000
    assert early.tracking.current == pytest.approx(0.085)
    assert not early.reached and early.tracking.status == "too_early"
    later = standing.standing(goal, ENGAGEMENT, dt.date(2026, 4, 20))
    # 22 March - 20 April: posts of 23 and 30 March, 6, 13 and 20 April, all at 4%
    assert later.tracking.current == pytest.approx(0.04)
    assert not later.reached
    assert later.pace == pytest.approx((0.08 - 0.04) / 10)


def test_a_level_share_is_reached_as_soon_as_it_meets_the_target():
    # Ten customers whose first order is on the start; six come back: the first three on day 7, three more on day 14.
    ids = [f"C{n}" for n in range(10)]
    orders = pd.DataFrame(
        {
            "customer_id": ids + ids[:3] + ids[3:6],
            "date": _days(*[0] * 10, *[7] * 3, *[14] * 3),
            "amount": 10.0,
        }
    )
    goal = _goal("repeat_rate", 0.2, 0.5)
    found = standing.standing(goal, measures.Data(orders=orders), dt.date(2026, 3, 30))
    assert found.tracking.current == pytest.approx(0.6)
    assert found.reached and found.pace is None
    assert found.tracking.message.key == "goals.track.reached"
    assert found.tracking.forecast_date == START + dt.timedelta(days=14)  # 3/10 on day 7, 6/10 on day 14


def test_a_level_count_from_daily_gains_adds_them_to_the_baseline():
    # Five new followers a day from ten days before the start: the level is 100 on the start, +35 a week.
    days = pd.Series([pd.Timestamp(d, tz="Europe/Rome") for d in _days(*range(-10, 40))])
    follows = common.activity_frame(days, "instagram", "daily", follows=5.0)
    goal = _goal("followers", 100, 200, channels=["instagram"])
    before = standing.standing(goal, measures.Data(activity=follows), START + dt.timedelta(days=14))
    assert before.tracking.current == 170 and not before.reached
    assert before.pace == pytest.approx((200 - 170) / ((DEADLINE - START).days / 7 - 2))
    after = standing.standing(goal, measures.Data(activity=follows), START + dt.timedelta(days=28))
    assert after.tracking.current == 240 and after.reached and after.pace is None
    assert after.tracking.forecast_date == START + dt.timedelta(days=21)  # 100 + 3 * 35 = 205 on day 21


def test_without_its_data_a_goal_asks_for_the_pace_from_its_baseline_unless_the_baseline_is_past_the_target():
    goal = _goal("reach", 1000, 2000)
    found = standing.standing(goal, measures.Data(), START)
    assert found.missing == ("activity",)
    assert found.pace == pytest.approx(1000 / 17)
    assert standing.standing(_goal("reach", 3000, 2000), measures.Data(), START).pace is None


def test_the_monitor_and_the_goal_tree_take_the_same_pace_as_the_standing():
    goal = _goal("new_customers", 4, 12)
    as_of = dt.date(2026, 4, 20)
    found = standing.standing(goal, NEW_CUSTOMERS, as_of)
    row = monitor.board_row(goal.to_dict(), NEW_CUSTOMERS, as_of)
    assert (row.current, row.pace_needed, row.status) == (5, found.pace, found.tracking.status)
    tree = goals.goal_tree([goal], as_of, {goal.id: found.pace})
    assert tree[0]["goals"][0]["pace"] == found.pace


def test_a_reached_goal_shows_no_pace_on_the_board_or_in_the_tree():
    goal = _goal("new_customers", 1, 4)
    as_of = dt.date(2026, 4, 20)
    row = monitor.board_row(goal.to_dict(), NEW_CUSTOMERS, as_of)
    assert row.reached and row.pace_needed is None
    tree = goals.goal_tree([goal], as_of, {goal.id: standing.standing(goal, NEW_CUSTOMERS, as_of).pace})
    assert tree[0]["goals"][0]["pace"] is None


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"target": None}, "goals.track.incomplete_target"),
        ({"deadline": None}, "goals.track.incomplete_deadline"),
        ({"target": None, "deadline": None}, "goals.track.incomplete_target_deadline"),
    ],
)
def test_a_goal_with_a_kpi_is_asked_only_for_what_it_lacks(change, key):
    row = monitor.board_row({**_goal("new_customers", 4, 12).to_dict(), **change}, NEW_CUSTOMERS, START)
    assert row.message.key == key
    assert "KPI" not in goal_text.render("en", row.message)
