import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core import schema
from core.calendar import calendar
from core.goals import measures
from core.timeline import map as timeline_map
from core.timeline import offline_actions, timeline

TODAY = dt.date(2025, 6, 1)
FAIR = {
    "id": "o1",
    "date": "2025-03-10",
    "time": "10:30",
    "kind": "fair",
    "place": "Frascati",
    "lat": 41.808,
    "lon": 12.68,
    "note": "Banco alla sagra",
}


def action(**changes) -> offline_actions.OfflineAction:
    return offline_actions.OfflineAction.from_dict({**FAIR, **changes})


def test_an_action_round_trips_through_its_dict():
    assert offline_actions.OfflineAction.from_dict(FAIR).to_dict() == FAIR


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"date": "10/03/2025"}, "date", "bad_date"),
        ({"time": "25:00"}, "time", "bad_time"),
        ({"time": "9.30"}, "time", "bad_time"),
        ({"kind": "party"}, "kind", "bad_choice"),
        ({"kind": ["fair"]}, "kind", "bad_choice"),  # from a plan file: unhashable, once a TypeError
        ({"kind": {"a": 1}}, "kind", "bad_choice"),
        ({"lat": None}, "lat", "half_place"),
        ({"lon": 200.0}, "lon", "bad_coordinate"),
        ({"lat": True}, "lat", "bad_coordinate"),
        ({"note": "x" * 501}, "note", "too_long"),
        ({"note": 3}, "note", "not_text"),
        ({"id": "c1"}, "id", "bad_id"),
        ({"colour": "red"}, "colour", "unknown_field"),
    ],
)
def test_a_bad_action_is_refused_naming_the_field_and_the_problem(changes, field, problem):
    with pytest.raises(offline_actions.OfflineError) as caught:
        action(**changes)
    assert caught.value.field == field
    assert caught.value.message.key == f"fields.{problem}"
    assert caught.value.message.render("it") and caught.value.message.render("en")


def test_a_new_action_gets_the_next_id_and_its_place_from_the_picker():
    existing = [action(), action(id="o7")]
    place = {"name": "Roma", "lat": 41.89, "lon": 12.48, "province": "RM"}
    new = offline_actions.new_action(
        existing, TODAY, date=dt.date(2025, 5, 2), kind="flyers", place=place, note=" Centocelle "
    )
    assert new == {
        "id": "o8",
        "date": "2025-05-02",
        "time": None,
        "kind": "flyers",
        "place": "Roma",
        "lat": 41.89,
        "lon": 12.48,
        "note": "Centocelle",
    }


@pytest.mark.parametrize(("date", "problem"), [(dt.date(2025, 6, 2), "future"), (None, "bad_date")])
def test_a_new_action_needs_a_date_that_is_not_in_the_future(date, problem):
    with pytest.raises(offline_actions.OfflineError) as caught:
        offline_actions.new_action([], TODAY, date=date, kind="fair")
    assert caught.value.message.key == f"fields.{problem}"


def test_parsing_the_plan_list_keeps_valid_actions_and_names_the_bad_rows():
    actions, problems = offline_actions.parse([FAIR, {**FAIR, "kind": "party"}, FAIR, "text"])
    assert [a.id for a in actions] == ["o1"]
    assert [(row, m.key.rsplit(".", 1)[1]) for row, m in problems] == [
        (2, "bad_choice"),
        (3, "duplicate_id"),
        (4, "not_object"),
    ]


def test_actions_become_offline_rows_of_the_activity_table_in_rome_time():
    rows = offline_actions.to_activity(
        [action(), action(id="o2", kind="flyers", time=None, note="", place="", lat=None, lon=None)], "it"
    )
    assert list(rows.columns) == list(schema.ACTIVITY_COLUMNS)
    assert list(rows["platform"]) == ["offline", "offline"] and list(rows["kind"]) == ["event", "offline"]
    assert list(rows["text"]) == ["Fiera: Banco alla sagra", "Volantinaggio"]
    assert rows["when"].iloc[0] == pd.Timestamp("2025-03-10 10:30", tz="Europe/Rome")
    assert rows["when"].iloc[1] == pd.Timestamp("2025-03-10 12:00", tz="Europe/Rome")  # no time: noon
    assert rows[list(schema.ACTIVITY_METRICS)].isna().all().all()


def test_a_time_that_does_not_exist_on_the_night_clocks_go_forward_moves_to_the_next_valid_one():
    rows = offline_actions.to_activity([action(date="2025-03-30", time="02:30")], "en")
    assert rows["when"].iloc[0] == pd.Timestamp("2025-03-30 03:00", tz="Europe/Rome")


def _posts() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(["2025-03-09 08:00", "2025-03-11 08:00"])
            .tz_localize("Europe/Rome")
            .astype("datetime64[us, Europe/Rome]"),
            "platform": ["instagram"] * 2,
            "kind": ["post"] * 2,
            "text": ["a", "b"],
            "link": ["", ""],
            "place": ["", ""],
            "reach": [100.0, 200.0],
            "interactions": [10.0, 20.0],
        }
    )
    for column in schema.ACTIVITY_COLUMNS:
        if column not in frame:
            frame[column] = np.nan
    return frame[list(schema.ACTIVITY_COLUMNS)]


def test_hand_entered_actions_join_the_table_and_the_timeline_sees_them_but_the_kpis_do_not():
    posts = _posts()
    merged = offline_actions.with_actions(posts, offline_actions.to_activity([action()], "en"))
    assert len(merged) == 3 and merged["when"].dtype == posts["when"].dtype
    assert list(timeline.offline_actions(merged)["text"]) == ["Fair: Banco alla sagra"]
    assert len(timeline_map.map_points(merged)) == 1
    data = measures.Data(activity=merged)
    reach = measures.series("reach", (), data, dt.date(2025, 3, 11), dt.date(2025, 3, 11))
    assert reach.iloc[-1] == 300.0


def test_an_offline_calendar_item_is_done_when_an_action_was_entered_on_its_day():
    merged = offline_actions.with_actions(_posts(), offline_actions.to_activity([action()], "en"))
    item = calendar.CalendarItem.from_dict({"id": "c1", "date": "2025-03-10", "channel": "offline", "title": "Sagra"})
    assert calendar.planned_vs_done([item], merged, TODAY).counts["done"] == 1


def test_actions_alone_make_an_activity_table():
    merged = offline_actions.with_actions(None, offline_actions.to_activity([action()], "en"))
    assert len(merged) == 1 and list(merged.columns) == list(schema.ACTIVITY_COLUMNS)


@pytest.mark.parametrize("kind", list(offline_actions.KINDS))
def test_every_kind_has_a_name_in_both_languages(kind):
    assert offline_actions.kind_label("it", kind) and offline_actions.kind_label("en", kind)
    assert offline_actions.KINDS[kind] in ("event", "offline")
