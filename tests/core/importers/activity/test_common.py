import math

import numpy as np
import pandas as pd
import pytest

from core.importers.activity import common
from core.schema import ACTION_METRICS, ACTIVITY_COLUMNS, ACTIVITY_METRICS

NAN = float("nan")


def _one(**values):
    return common.activity_frame(pd.Series([pd.Timestamp("2025-01-01", tz="Europe/Rome")]), "x", "post", **values)


@pytest.mark.parametrize(
    ("values", "interactions", "rate"),
    [
        ({"reactions": 10, "comments": 5, "shares": 3, "saves": 2, "reach": 100, "views": 400}, 20, 0.2),
        ({"reactions": 10, "comments": 5, "views": 300}, 15, 0.05),  # no reach: over views
        ({"reactions": 10, "reach": 0, "views": 50}, 10, NAN),  # reach reported as 0: no rate
        ({"reactions": 10}, 10, NAN),  # no denominator at all
        ({"views": 100, "reach": 80}, NAN, NAN),  # no interaction counted by the source
        ({"interactions": 12, "reach": 60}, 12, 0.2),  # a total the source reports itself
        ({"interactions": 99, "reactions": 1, "reach": 10}, 1, 0.1),  # the parts win over a reported total
        ({"reactions": NAN, "comments": 4, "reach": 8}, 4, 0.5),
        # follows, profile visits, calls and directions are actions, never interactions
        ({"reactions": 6, "follows": 5, "profile_visits": 40, "calls": 3, "directions": 7, "reach": 60}, 6, 0.1),
        ({"follows": 5, "profile_visits": 40, "calls": 3, "directions": 7, "views": 100}, NAN, NAN),
    ],
)
def test_interactions_and_engagement_rate_are_derived_the_same_way_everywhere(values, interactions, rate):
    row = _one(**values).iloc[0]
    assert (math.isnan(row["interactions"]) and math.isnan(interactions)) or row["interactions"] == interactions
    assert (math.isnan(row["engagement_rate"]) and math.isnan(rate)) or row["engagement_rate"] == pytest.approx(rate)


def test_an_activity_frame_has_exactly_the_schema_columns_and_types():
    frame = _one(text="ciao", views=5)
    assert tuple(frame.columns) == ACTIVITY_COLUMNS
    assert str(frame["when"].dt.tz) == "Europe/Rome"
    assert frame["place"].iloc[0] == "" and np.isnan(frame["lat"].iloc[0]) and np.isnan(frame["saves"].iloc[0])
    assert all(frame[c].dtype == float for c in ("views", "reach", "clicks", "interactions", "engagement_rate"))
    assert all(frame[c].dtype == float and frame[c].isna().all() for c in ACTION_METRICS)


def test_the_action_metrics_are_activity_metrics_and_none_is_part_of_interactions():
    assert set(ACTION_METRICS) <= set(ACTIVITY_METRICS) and set(ACTION_METRICS) <= set(ACTIVITY_COLUMNS)
    assert not set(ACTION_METRICS) & set(common.INTERACTION_PARTS)


def test_the_empty_frame_still_has_the_schema_columns():
    assert tuple(common.empty_frame().columns) == ACTIVITY_COLUMNS
    assert len(common.empty_frame()) == 0


def test_an_unknown_column_is_a_programming_error_not_silently_dropped():
    with pytest.raises(ValueError, match="followers"):
        _one(followers=3)


@pytest.mark.parametrize(
    ("rows", "text"),
    [
        ([3], "3"),
        ([3, 7, 12], "3, 7, 12"),
        (list(range(1, 16)), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ... (+3)"),
    ],
)
def test_row_lists_in_warnings_stay_short(rows, text):
    assert common.rows_text(rows) == text
