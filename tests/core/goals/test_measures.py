"""KPIs measured on the activity table: the action metrics (follows, visits, calls, directions)."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core import schema
from core.goals import measures
from core.importers.activity import common, google_business, meta, meta_daily, tiktok
from core.importers.base import ImportContext
from core.monitor import board as monitor
from tests.core.importers.activity.support import raw_file

GBP_AUGUST = "google_business_profile/GBP_performance_report_2025-08-01_2025-08-31.csv"
GBP_ITALIAN = "google_business_profile/rapporto_prestazioni_it.csv"
SEPTEMBER = (dt.date(2025, 9, 1), dt.date(2025, 9, 30))


def _reports() -> pd.DataFrame:
    """August (5 locations: 454 calls, 1075 directions) and September (2 locations: 10 calls, 15 directions)."""
    august = google_business.parse(raw_file(GBP_AUGUST), ImportContext()).frame
    september = google_business.parse(raw_file(GBP_ITALIAN), ImportContext(period=SEPTEMBER)).frame
    return pd.concat([august, september], ignore_index=True)


def _day(text: str, platform: str, kind: str = "daily", **metrics: float) -> pd.DataFrame:
    when = pd.Series([pd.Timestamp(text, tz="Europe/Rome")])
    return common.activity_frame(when, platform, kind, **metrics)


def _stack(*frames: pd.DataFrame) -> measures.Data:
    return measures.Data(activity=pd.concat(frames, ignore_index=True))


@pytest.mark.parametrize(
    ("kpi", "august", "september"),
    [("gbp_calls", 454, 10), ("gbp_directions", 1075, 15), ("gbp_views", 15301, 465)],
)
def test_google_profile_kpis_give_one_value_per_report_dated_its_first_day(kpi, august, september):
    data = measures.Data(activity=_reports())
    values = measures.series(kpi, ("google_business",), data, dt.date(2025, 7, 25), dt.date(2025, 10, 5))
    assert values is not None
    assert values.to_dict() == {pd.Timestamp("2025-08-01"): august, pd.Timestamp("2025-09-01"): september}
    later = measures.series(kpi, (), data, dt.date(2025, 9, 5), dt.date(2025, 10, 5))  # August is 35 days before
    assert later is not None and later.to_dict() == {pd.Timestamp("2025-09-01"): september}


@pytest.mark.parametrize(("today", "expected"), [(dt.date(2025, 8, 31), 7), (dt.date(2025, 9, 1), None)])
def test_a_report_is_current_until_its_31st_day_and_two_of_the_same_period_add_up(today, expected):
    rows = _stack(_day("2025-08-01", "google_business", calls=5), _day("2025-08-01", "google_business", calls=2))
    assert measures.current("gbp_calls", (), rows, today) == expected


def test_google_profile_kpis_ignore_the_views_of_other_channels():
    rows = _stack(_reports(), _day("2025-08-02", "facebook", views=99999))
    assert measures.current("gbp_views", (), rows, dt.date(2025, 8, 8)) == 15301
    assert measures.series("gbp_views", ("facebook",), rows, dt.date(2025, 8, 8), dt.date(2025, 8, 8)) is None


def test_followers_gained_add_up_the_daily_follows():
    follows = meta_daily.parse(raw_file("meta_business_suite/Follows.csv"), ImportContext()).frame  # 3 0 5 1 2 4 6
    data = measures.Data(activity=follows)
    values = measures.series("followers", ("facebook",), data, dt.date(2025, 7, 30), dt.date(2025, 8, 10))
    assert values is not None
    assert np.isnan(values.iloc[0])  # 30 July: before the series begins
    assert values.iloc[1:].tolist() == [3 + 0 + 5 + 1 + 2 + 4, 21]  # 6 August, then 10 August
    assert measures.series("followers", ("instagram",), data, dt.date(2025, 8, 1), dt.date(2025, 8, 10)) is None


def test_tiktok_followers_gained_can_go_down():
    changes = tiktok.parse_daily(raw_file("tiktok/Followers.csv"), ImportContext(year=2026)).frame
    unfollowed = _day("2026-01-03", "tiktok", follows=-30)
    values = measures.series("followers", (), _stack(changes, unfollowed), dt.date(2026, 1, 2), dt.date(2026, 1, 3))
    assert values is not None and values.tolist() == [4 + 11 + 2 + 7, 24 - 30]


def test_profile_visits_come_from_a_platforms_daily_series_when_it_has_one_else_from_its_posts():
    instagram = meta.parse(
        raw_file("meta_business_suite/instagram_post_it_2025.csv"), ImportContext()
    ).frame  # posts without visits
    data = _stack(
        instagram,
        _day("2025-08-01", "instagram", "post", profile_visits=7),
        _day("2025-08-03", "instagram", "reel", profile_visits=5),
        _day("2025-08-02", "facebook", "post", profile_visits=100),  # the daily series below covers it
        _day("2025-08-01", "facebook", profile_visits=40),
        _day("2025-08-02", "facebook", profile_visits=60),
    )
    one = {
        channel: measures.series("profile_visits", (channel,), data, dt.date(2025, 8, 3), dt.date(2025, 8, 3))
        for channel in ("instagram", "facebook")
    }
    assert {c: v.tolist() for c, v in one.items() if v is not None} == {"instagram": [12], "facebook": [100]}
    both = measures.series("profile_visits", (), data, dt.date(2025, 8, 3), dt.date(2025, 8, 3))
    assert both is not None and both.tolist() == [112]


def test_a_table_stored_before_the_action_columns_existed_measures_them_as_missing():
    old = _reports().drop(columns=list(schema.ACTION_METRICS))
    data = measures.Data(activity=old)
    for kpi in ("gbp_calls", "gbp_directions", "followers", "profile_visits"):
        assert not measures.measurable(kpi, data)
        assert measures.series(kpi, (), data, dt.date(2025, 8, 1), dt.date(2025, 8, 31)) is None
    assert measures.current("gbp_views", (), data, dt.date(2025, 8, 8)) == 15301


def test_baselines_are_measured_for_google_profile_kpis_but_never_for_followers_from_their_changes():
    follows = meta_daily.parse(raw_file("meta_business_suite/Follows.csv"), ImportContext()).frame
    data = _stack(_reports(), follows)
    measured = measures.baseline_map(data, ("google_business", "facebook"), dt.date(2025, 8, 20))
    assert measured == {"google_business": {"gbp_views": 15301, "gbp_directions": 1075, "gbp_calls": 454}}
    assert measures.current("followers", ("facebook",), data, dt.date(2025, 8, 20)) is None


CALLS_GOAL = {
    "id": "g1", "objective": "footfall", "title": "Più chiamate", "kpi": "gbp_calls",
    "channels": ["google_business"], "baseline": 400, "target": 600, "start": "2025-08-01",
    "deadline": "2025-12-31", "place": {"kind": "market", "value": ""}, "actions": [], "owner": "Gino",
}  # fmt: skip


def test_a_calls_goal_is_measured_on_the_board_instead_of_asking_for_the_report():
    row = monitor.board_row(CALLS_GOAL, measures.Data(activity=_reports()), dt.date(2025, 8, 31))
    assert (row.missing, row.current, row.status) == ((), 454, "too_early")  # one report is no trend
    without = _reports().drop(columns=["calls"])  # a table stored before calls were imported
    row = monitor.board_row(CALLS_GOAL, measures.Data(activity=without), dt.date(2025, 8, 31))
    assert row.missing == ("gbp",) and row.message.key == "monitor.board.no_data"


def test_four_monthly_reports_give_the_calls_goal_a_pace():
    months = [("2025-08-01", 454), ("2025-09-01", 480), ("2025-10-01", 510), ("2025-11-01", 540)]
    data = _stack(*(_day(day, "google_business", calls=calls) for day, calls in months))
    row = monitor.board_row(CALLS_GOAL, data, dt.date(2025, 11, 15))
    assert row.current == 540
    # least squares over days 0, 31, 61, 92: 4406 / 4682 calls a day, times 7
    assert row.pace_achieved == pytest.approx(4406 / 4682 * 7)
    assert row.status in monitor.JUDGED
