import datetime as dt

import pandas as pd
import pytest

from core.goals import goals, tracking
from core.goals import text as goal_text

# Followers in the area, from 1000 to 2000 between Monday 5 January and Monday 25 May 2026 (20 weeks).
GOAL = {
    "id": "g1", "objective": "local_awareness", "title": "Follower a Forlì", "kpi": "followers_in_area",
    "channels": ["instagram"], "baseline": 1000, "target": 2000, "start": "2026-01-05", "deadline": "2026-05-25",
    "place": {"kind": "town", "value": "Forlì"}, "actions": [], "owner": "Gino",
}  # fmt: skip
EIGHT_WEEKS = dt.date(2026, 3, 2)  # the ninth Monday: 8 weeks of weekly values, 12 weeks left


def _goal(**change) -> goals.Goal:
    return goals.Goal.from_dict({**GOAL, **change})


def _weekly(values, start="2026-01-05") -> pd.Series:
    return pd.Series(values, index=pd.date_range(start, periods=len(values), freq="7D"), dtype=float)


@pytest.mark.parametrize(
    ("step", "status", "needed", "forecast", "key"),
    [
        # 1000 + 60/week -> 1480 after 8 weeks; 520 left in 12 weeks = 43.3/week; 520/60 = 8.67 weeks = 61 days
        (60, "on_track", 520 / 12, dt.date(2026, 5, 2), "on_track"),
        # 40/week -> 1320; 680/12 = 56.7 needed; 40/56.7 = 0.71 of it; 680/40 = 17 weeks = 119 days
        (40, "at_risk", 680 / 12, dt.date(2026, 6, 29), "at_risk"),
        # 20/week -> 1160; 840/12 = 70 needed; 20/70 = 0.29 of it; 840/20 = 42 weeks = 294 days
        (20, "off_track", 70, dt.date(2026, 12, 21), "off_track"),
        # flat: it never gets there
        (0, "off_track", 1000 / 12, None, "stalled"),
        # falling: neither
        (-10, "off_track", 1080 / 12, None, "stalled"),
    ],
)
def test_a_straight_series_gets_its_light_pace_and_forecast_by_hand(step, status, needed, forecast, key):
    result = tracking.track(_goal(), _weekly([1000 + step * k for k in range(9)]), EIGHT_WEEKS)
    assert result.status == status
    assert result.current == 1000 + 8 * step
    assert result.progress == pytest.approx(8 * step / 1000)
    assert result.pace_achieved == pytest.approx(step)
    assert result.pace_needed == pytest.approx(needed)
    assert result.forecast_date == forecast
    assert result.weeks_of_data == 8
    assert result.message.key == f"goals.track.{key}"


def test_the_on_track_message_reads_in_both_languages():
    message = tracking.track(_goal(), _weekly([1000 + 60 * k for k in range(9)]), EIGHT_WEEKS).message
    assert goal_text.render("en", message) == (
        "On track: 60 a week (43 needed); at this pace 2,000 on 2 May 2026, before the deadline (25 May 2026)."
    )
    assert goal_text.render("it", message) == (
        "In linea: 60 a settimana (ne servono 43); a questo ritmo 2.000 il 02/05/2026, "
        "entro la scadenza del 25/05/2026."
    )


@pytest.mark.parametrize(
    ("values", "key", "italian", "english"),
    [
        ([1000, 1060, 1120, 1180], "too_early",
         "3 settimane di dati: troppo presto per giudicare (ne servono almeno 4).",
         "3 weeks of data: too early to judge (at least 4 needed)."),
        ([1000, 1060], "too_early_one", "1 settimana di dati: troppo presto per giudicare (ne servono almeno 4).",
         "1 week of data: too early to judge (at least 4 needed)."),
        ([1000], "too_early_days",
         "Meno di una settimana di dati: troppo presto per giudicare (servono almeno 4 settimane).",
         "Less than a week of data: too early to judge (at least 4 weeks needed)."),
    ],
)  # fmt: skip
def test_too_little_data_says_so_instead_of_guessing(values, key, italian, english):
    result = tracking.track(_goal(), _weekly(values), EIGHT_WEEKS)
    assert result.status == "too_early" and result.message.key == f"goals.track.{key}"
    assert result.pace_achieved is None and result.forecast_date is None
    assert result.current == values[-1] and result.pace_needed is not None
    assert goal_text.render("it", result.message) == italian
    assert goal_text.render("en", result.message) == english


def test_five_weeks_with_only_two_values_are_too_few_to_judge():
    series = pd.Series([1000.0, 1300.0], index=pd.to_datetime(["2026-01-05", "2026-02-09"]))
    result = tracking.track(_goal(), series, EIGHT_WEEKS)
    assert result.status == "too_early" and result.message.key == "goals.track.too_few"


def test_data_that_swing_too_much_are_at_risk_and_say_so():
    # 50 a week with +-300 every other week: the slope is 50 +- 44, and 75 a week is needed;
    # 50 alone would be off track (0.67 of 75), 94 would be on track: too unsteady to call either way.
    values = [1000 + 50 * k + (300 if k % 2 else -300) for k in range(9)]
    result = tracking.track(_goal(), _weekly(values), EIGHT_WEEKS)
    assert result.status == "at_risk" and result.message.key == "goals.track.unsteady"
    assert "± 44" in goal_text.render("en", result.message)


def test_a_reached_target_is_on_track_from_the_day_it_was_reached():
    values = [1000, 1400, 1800, 2100, 2050]
    result = tracking.track(_goal(), _weekly(values), EIGHT_WEEKS)
    assert result.status == "on_track" and result.message.key == "goals.track.reached"
    assert result.forecast_date == dt.date(2026, 1, 26)
    assert result.progress == pytest.approx(1.05)


def test_a_lower_is_better_goal_is_on_track_when_its_kpi_falls_fast_enough():
    goal = _goal(objective="leads", kpi="cost_per_lead", baseline=20, target=10)
    result = tracking.track(goal, _weekly([20 - k for k in range(9)]), EIGHT_WEEKS)
    # 12 after 8 weeks; -2 in 12 weeks needed; -1 a week achieved: 10 in 2 weeks
    assert result.status == "on_track"
    assert result.pace_needed == pytest.approx(-2 / 12) and result.pace_achieved == pytest.approx(-1)
    assert result.forecast_date == dt.date(2026, 3, 16)
    assert result.progress == pytest.approx(0.8)


def test_a_missed_deadline_is_off_track_with_how_far_it_got():
    result = tracking.track(_goal(), _weekly([1000 + 20 * k for k in range(21)]), dt.date(2026, 6, 1))
    assert result.status == "off_track" and result.message.key == "goals.track.missed"
    assert goal_text.render("en", result.message) == (
        "The deadline (25 May 2026) has passed: 1,400 of 2,000 (40% of the way)."
    )


def test_a_goal_that_has_not_started_is_too_early():
    result = tracking.track(_goal(), _weekly([900, 950]), dt.date(2026, 1, 1))
    assert result.status == "too_early" and result.message.key == "goals.track.not_started"
    assert goal_text.render("it", result.message) == "Comincia il 05/01/2026."


@pytest.mark.parametrize(
    "series",
    [
        pd.Series([], dtype=float, index=pd.DatetimeIndex([])),
        _weekly([900, 950], start="2025-11-03"),  # only from before the start
        _weekly([float("nan")] * 3),
    ],
    ids=["empty", "before the start", "all missing"],
)
def test_without_data_since_the_start_the_goal_says_what_to_import(series):
    result = tracking.track(_goal(), series, EIGHT_WEEKS)
    assert result.status == "no_data" and result.current is None
    assert goal_text.render("en", result.message) == (
        "No Followers in the area data yet: import audience by city (Instagram, Facebook) to track it."
    )


def test_a_goal_without_target_cannot_be_tracked_but_shows_its_current_value():
    result = tracking.track(_goal(target=None), _weekly([1000, 1100]), EIGHT_WEEKS)
    assert result.status == "no_data" and result.current == 1100
    assert result.message.key == "goals.track.incomplete_target"  # it has a KPI: only the target is asked for


def test_without_a_baseline_progress_starts_from_the_value_at_the_start():
    series = _weekly([800, 900, 1000, 1060, 1120, 1180, 1240], start="2025-12-22")  # 1000 on 5 January
    result = tracking.track(_goal(baseline=None), series, dt.date(2026, 2, 2))
    assert result.progress == pytest.approx((1240 - 1000) / (2000 - 1000))


def test_future_values_are_ignored():
    series = _weekly([1000 + 60 * k for k in range(20)])
    assert tracking.track(_goal(), series, EIGHT_WEEKS).current == 1480


def test_a_series_is_cleaned_to_one_value_per_day_in_order():
    index = pd.DatetimeIndex(
        ["2026-01-12 09:00", "2026-01-05 10:00", "2026-01-12 20:00", "2026-01-19"], tz="Europe/Rome"
    )
    clean = tracking.clean(pd.Series([2, 1, 3, float("nan")], index=index))
    assert list(clean.index.date) == [dt.date(2026, 1, 5), dt.date(2026, 1, 12)]
    assert list(clean) == [1.0, 3.0]


def test_a_series_without_dates_is_refused():
    with pytest.raises(TypeError, match="dates"):
        tracking.clean(pd.Series([1, 2, 3]))


def test_the_slope_is_in_units_a_week_with_no_error_on_a_straight_line():
    weekly = pd.Series([0.0, 7.0, 14.0], index=pd.date_range("2026-01-01", periods=3, freq="7D"))
    assert tracking.slope(weekly) == (7.0, pytest.approx(0.0, abs=1e-9))
    daily = pd.Series([0.0, 1.0, 2.0, 3.0], index=pd.date_range("2026-01-01", periods=4, freq="D"))
    assert tracking.slope(daily)[0] == pytest.approx(7.0)


@pytest.mark.parametrize(
    ("start", "expected"),
    [(dt.date(2026, 1, 14), 1060.0), (dt.date(2026, 1, 5), 1000.0), (dt.date(2025, 12, 1), 1000.0)],
)
def test_a_baseline_is_the_value_at_the_start_or_the_first_one_after(start, expected):
    assert tracking.baseline_from_series(_weekly([1000, 1060, 1120]), start) == expected


@pytest.mark.parametrize("offset", [0, 37])  # gains counted from whatever day the data begin
def test_followers_from_their_daily_gains_are_tracked_from_the_goals_baseline(offset):
    goal = _goal(kpi="followers", title="Follower")
    gains = _weekly([offset + 60 * k for k in range(9)])
    result = tracking.track(goal, gains, EIGHT_WEEKS)
    assert (result.status, result.current) == ("on_track", 1480)
    assert result.progress == pytest.approx(0.48) and result.pace_achieved == pytest.approx(60)


def test_gains_before_the_goal_starts_do_not_count():
    goal = _goal(kpi="followers", start="2026-01-19")
    gains = _weekly([10 * k for k in range(9)])  # 20 gained by 19 January, 80 by 2 March
    level = tracking.from_gains(gains, 1000, dt.date(2026, 1, 19))
    assert level.tolist() == [980, 990, 1000, 1010, 1020, 1030, 1040, 1050, 1060]
    assert tracking.track(goal, gains, EIGHT_WEEKS).current == 1060


def test_followers_known_only_from_their_gains_need_the_goals_starting_value():
    result = tracking.track(_goal(kpi="followers", baseline=None), _weekly([0, 5, 9]), EIGHT_WEEKS)
    assert (result.status, result.current) == ("no_data", None)
    assert goal_text.render("en", result.message) == (
        "The data give only the daily change of Followers: enter the goal's starting value to track it."
    )
    assert goal_text.render("it", result.message) == (
        "I dati danno solo la variazione giornaliera di Follower: scrivi il valore di partenza dell'obiettivo "
        "per seguirlo."
    )
