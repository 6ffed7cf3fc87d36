"""The room's pace: minutes left worked out by hand, steps and minutes checked."""

import datetime as dt

import pytest

from core.workshop import pace

SET = dt.datetime(2026, 11, 27, 10, 0, 0)


@pytest.mark.parametrize(
    ("after", "left"),
    [(dt.timedelta(0), 15), (dt.timedelta(seconds=1), 15), (dt.timedelta(minutes=14, seconds=1), 1),
     (dt.timedelta(minutes=15), 0), (dt.timedelta(hours=2), 0)],
)  # fmt: skip
def test_minutes_left_round_up_and_stop_at_zero(after, left):
    assert pace.minutes_left(pace.Pace("goals", 15, False, SET), SET + after) == left


def test_no_minutes_given_means_no_time_left_to_say():
    assert pace.minutes_left(pace.Pace("goals", None, False, SET), SET) is None


@pytest.mark.parametrize(("step", "minutes"), [("nowhere", None), ("goals", 0), ("goals", -5), ("goals", 181)])
def test_a_step_off_the_path_or_minutes_out_of_range_are_refused(step, minutes):
    with pytest.raises(pace.PaceError):
        pace.check(step, minutes)


@pytest.mark.parametrize(("step", "minutes"), [("goals", 1), ("market", 180), (None, None), ("plan", None)])
def test_steps_of_the_path_and_sensible_minutes_pass(step, minutes):
    pace.check(step, minutes)
