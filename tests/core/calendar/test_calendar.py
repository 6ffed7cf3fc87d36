import datetime as dt

import pandas as pd
import pytest

from core import i18n
from core.calendar import calendar
from tests.factories import activity_table as table


def item(item_id="c1", date="2025-03-10", channel="instagram", **extra) -> calendar.CalendarItem:
    return calendar.CalendarItem.from_dict({"id": item_id, "date": date, "channel": channel, "title": "Post", **extra})


TODAY = dt.date(2025, 6, 1)


def test_an_item_round_trips_through_its_dict():
    data = {
        "id": "c7", "date": "2025-03-10", "time": "08:30", "channel": "offline", "title": "Volantinaggio",
        "note": "Centocelle", "goal": "g4", "place": "Piazza dei Mirti", "lat": 41.8786, "lon": 12.5665,
        "status": "done",
    }  # fmt: skip

    assert calendar.CalendarItem.from_dict(data).to_dict() == data


def test_missing_optional_fields_take_their_empty_value():
    assert item().to_dict() == {
        "id": "c1", "date": "2025-03-10", "time": None, "channel": "instagram", "title": "Post", "note": "",
        "goal": "", "place": "", "lat": None, "lon": None, "status": "planned",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"id": "c 1"}, "id", "bad_id"),
        ({"id": None}, "id", "bad_id"),
        ({"date": "10/03/2025"}, "date", "bad_date"),
        ({"time": "8.30"}, "time", "bad_time"),
        ({"time": "24:00"}, "time", "bad_time"),
        ({"channel": "myspace"}, "channel", "bad_choice"),
        ({"status": "maybe"}, "status", "bad_choice"),
        ({"title": "   "}, "title", "empty"),
        ({"title": 42}, "title", "not_text"),
        ({"title": "x" * 201}, "title", "too_long"),
        ({"lat": 95.0, "lon": 12.0}, "lat", "bad_coordinate"),
        ({"lat": float("nan"), "lon": 12.0}, "lat", "bad_coordinate"),
        ({"lat": True, "lon": 12.0}, "lat", "bad_coordinate"),
        ({"lat": 41.9}, "lon", "half_place"),
        ({"colour": "red"}, "colour", "unknown_field"),
    ],
)
def test_a_bad_item_is_refused_naming_the_field(change, field, problem):
    data = {"id": "c1", "date": "2025-03-10", "channel": "instagram", "title": "Post", **change}

    with pytest.raises(calendar.CalendarError) as error:
        calendar.CalendarItem.from_dict(data)
    assert (error.value.field, error.value.message.key) == (field, f"fields.{problem}")
    assert all(error.value.message.render(lang) for lang in i18n.LANGS)


def test_control_characters_are_taken_out_of_user_text():
    title = item(title="A\r\nB\rC\x00D\x1bE\tF").title

    assert title == "A\nB\nCDE\tF"


def test_ids_must_be_unique_and_new_ids_follow_the_highest():
    items = calendar.items_from_dicts([item("c1").to_dict(), item("c9").to_dict(), item("extra").to_dict()])

    assert calendar.next_id(items) == "c10"
    assert calendar.next_id([]) == "c1"
    with pytest.raises(calendar.CalendarError, match="twice"):
        calendar.items_from_dicts([item("c1").to_dict(), item("c1").to_dict()])


ACTIVITY = table(
    {"when": "2025-03-01 08:00", "text": "first post of the imports"},
    {"when": "2025-03-11 07:30", "text": "one day late", "link": "https://instagram.com/p/1"},
    {"when": "2025-03-20 09:00", "platform": "facebook", "text": "facebook"},
    {"when": "2025-03-20 09:00", "kind": "daily", "text": "daily total"},
    {"when": "2025-03-25 10:00", "platform": "offline", "kind": "event", "text": "festa"},
    {"when": "2025-04-30 08:00", "text": "last post of the imports"},
)


@pytest.mark.parametrize(
    ("planned", "outcome", "matched"),
    [
        (item(date="2025-03-10"), "done", "one day late"),  # within a day after
        (item(date="2025-03-12"), "done", "one day late"),  # within a day before
        (item(date="2025-03-13"), "missed", ""),  # two days away, inside the imported days
        (item(date="2025-03-20", channel="instagram"), "missed", ""),  # a daily total is not a post
        (item(date="2025-03-20", channel="facebook"), "done", "facebook"),
        (item(date="2025-03-25", channel="offline"), "done", "festa"),
        (item(date="2025-03-13", status="done"), "marked_done", ""),  # ticked by hand, no post found
        (item(date="2025-05-31"), "upcoming", ""),  # its day and the next are not over
        (item(date="2025-05-20"), "no_data", ""),  # after the last imported Instagram row
        (item(date="2025-03-13", channel="tiktok"), "no_data", ""),  # no TikTok import at all
    ],
)
def test_the_matching_rules(planned, outcome, matched):
    result = calendar.planned_vs_done([planned], ACTIVITY, TODAY).table.iloc[0]

    assert result["outcome"] == outcome
    assert result["matched_text"] == matched


def test_a_match_records_the_post_and_how_many_days_off_it_was():
    result = calendar.planned_vs_done([item(date="2025-03-10")], ACTIVITY, TODAY).table.iloc[0]

    assert result["matched_when"] == pd.Timestamp("2025-03-11 07:30")
    assert result["matched_link"] == "https://instagram.com/p/1"
    assert result["days_off"] == 1


def test_one_post_serves_one_item_and_goes_to_the_closest_in_time():
    items = [item("c1", "2025-03-10", time="18:00"), item("c2", "2025-03-11", time="08:00")]
    result = calendar.planned_vs_done(items, ACTIVITY, TODAY).table.set_index("id")

    assert result.loc["c2", "outcome"] == "done"  # 30 minutes away
    assert result.loc["c1", "outcome"] == "missed"  # the post was 13.5 hours away and is taken


def test_two_posts_on_the_planned_days_serve_two_items():
    activity = table({"when": "2025-03-10 08:00"}, {"when": "2025-03-10 19:00"}, {"when": "2025-04-01 08:00"})
    items = [item("c1", "2025-03-10", time="20:00"), item("c2", "2025-03-11")]
    result = calendar.planned_vs_done(items, activity, TODAY)

    assert list(result.table["outcome"]) == ["done", "done"]
    assert list(result.table["matched_when"].dt.hour) == [19, 8]


def test_the_summary_counts_every_outcome_and_the_unplanned_posts():
    items = [item("c1", "2025-03-10"), item("c2", "2025-03-13"), item("c3", "2025-05-31")]
    result = calendar.planned_vs_done(items, ACTIVITY, TODAY)

    assert result.counts == {"done": 1, "marked_done": 0, "missed": 1, "no_data": 0, "upcoming": 1}
    assert result.unplanned == 1  # the last Instagram post, within the calendar's dates but not planned
    assert list(result.table["id"]) == ["c1", "c2", "c3"]
    assert list(result.table.columns) == list(calendar.RESULT_COLUMNS)


def test_an_empty_calendar_has_nothing_to_match():
    result = calendar.planned_vs_done([], ACTIVITY, TODAY)

    assert result.table.empty and result.unplanned == 0
    assert set(result.counts.values()) == {0}


def test_matching_uses_rome_dates_even_when_times_come_in_utc():
    activity = table({"when": "2025-03-12 00:30"})  # Rome; 23:30 UTC on the 11th
    activity["when"] = activity["when"].dt.tz_convert("UTC")
    result = calendar.planned_vs_done([item(date="2025-03-13")], activity, TODAY).table.iloc[0]

    assert result["outcome"] == "done"  # the 12th in Rome is within a day of the 13th


def test_matching_stays_correct_with_many_posts_close_together():
    hours = pd.date_range("2025-01-01", "2025-03-20", freq="37min")  # before the clocks change
    activity = table(*({"when": str(h)} for h in hours))
    items = [item(f"c{i}", str(dt.date(2025, 2, 1) + dt.timedelta(days=i // 3)), time="12:00") for i in range(30)]
    result = calendar.planned_vs_done(items, activity, TODAY).table

    assert (result["outcome"] == "done").all()
    assert result["matched_when"].is_unique
    assert (result["matched_when"] - pd.to_datetime(result["date"] + " 12:00")).abs().max() < pd.Timedelta("1h")


def test_a_plan_with_a_calendar_and_nothing_imported_yet_has_no_post_to_match():
    """Found by the generated plans: the Timeline page of a plan with calendar items and no activity at all
    (an empty frame without columns) raised a KeyError."""
    result = calendar.planned_vs_done([item(date="2025-06-10"), item("c2", date="2025-03-10")], pd.DataFrame(), TODAY)

    assert list(result.table["outcome"]) == ["no_data", "upcoming"] and result.unplanned == 0
