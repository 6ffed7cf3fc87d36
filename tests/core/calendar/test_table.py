import datetime as dt

import pandas as pd
import pytest

from core import geocode
from core.calendar import calendar
from core.calendar import table as calendar_table

ITEMS = [
    calendar.CalendarItem.from_dict(
        {"id": "c1", "date": "2026-11-20", "time": "08:30", "channel": "instagram", "title": "Cornetti",
         "goal": "g1", "place": "Frascati", "lat": 41.81, "lon": 12.68, "status": "done", "note": "Con foto"}
    ),
    calendar.CalendarItem.from_dict({"id": "c2", "date": "2026-12-01", "channel": "offline", "title": "Sagra"}),
]  # fmt: skip
GOALS = {"g1": "More regulars"}
FRASCATI = geocode.Place("Frascati", "058039", "RM", "Roma", "Lazio", "IT", 41.8, 12.7, 22000, False)


def no_lookup(text: str) -> geocode.Match:
    raise AssertionError(f"the gazetteer was asked for {text!r}")


class Towns:
    """A gazetteer that knows one town and records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, text: str) -> geocode.Match:
        self.asked.append(text)
        return geocode.Match("placed", FRASCATI) if text == "Frascati" else geocode.Match("unplaced")


def added(table: pd.DataFrame, **cells) -> pd.DataFrame:
    """The table with one row appended as the data editor sends a new row (unset cells are None)."""
    return pd.concat([table, pd.DataFrame([{name: cells.get(name) for name in calendar_table.COLUMNS}])])


@pytest.mark.parametrize("lang", ["it", "en"])
def test_an_unchanged_table_gives_back_the_stored_items_without_asking_the_gazetteer(lang):
    table = calendar_table.to_table(ITEMS, lang, GOALS)
    out, problems = calendar_table.from_table(table, ITEMS, GOALS, lang, no_lookup)
    assert problems == [] and out == [i.to_dict() for i in ITEMS]


@pytest.mark.parametrize(
    ("lang", "channel", "status"),
    [("it", "Instagram", "fatto"), ("en", "Instagram", "done"), ("en", "Offline", "planned")],
)
def test_cells_show_names_in_the_language_and_come_back_as_ids(lang, channel, status):
    table = calendar_table.to_table([], lang, GOALS)
    table = added(table, date="2026-12-03", channel=channel, title="New", goal="More regulars", status=status)
    out, problems = calendar_table.from_table(table, [], GOALS, lang, no_lookup)
    assert problems == []
    assert (out[0]["channel"], out[0]["goal"]) == (channel.lower(), "g1")
    assert out[0]["status"] == ("done" if status in ("fatto", "done") else "planned")


def test_the_table_shows_labels_and_a_typed_empty_table_offers_a_date_picker():
    table = calendar_table.to_table(ITEMS, "it", GOALS)
    assert table.loc[0, ["time", "channel", "goal", "status"]].tolist() == [
        "08:30",
        "Instagram",
        "More regulars",
        "fatto",
    ]
    empty = calendar_table.to_table([], "en", GOALS)
    assert list(empty.columns) == list(calendar_table.COLUMNS) and str(empty["date"].dtype) == "datetime64[s]"


def test_a_new_row_left_blank_is_ignored_and_a_filled_one_gets_the_next_free_id():
    table = added(added(calendar_table.to_table(ITEMS, "en", GOALS)), date="2026-12-05", channel="Facebook", title="X")
    out, problems = calendar_table.from_table(table, ITEMS, GOALS, "en", no_lookup)
    assert problems == [] and [i["id"] for i in out] == ["c1", "c2", "c3"]
    assert out[2]["status"] == "planned"  # a new row without a status is planned


@pytest.mark.parametrize(
    ("date", "time", "expected"),
    [
        ("2026-12-05", "08:30:00.000", ("2026-12-05", "08:30")),
        ("2026-12-05T00:00:00", " 9:15 ", ("2026-12-05", "09:15")),
        (pd.Timestamp("2026-12-05"), dt.time(18, 0), ("2026-12-05", "18:00")),
        (dt.datetime(2026, 12, 5, 7, 0), "07:45", ("2026-12-05", "07:45")),
        (dt.date(2026, 12, 5), "", ("2026-12-05", None)),
    ],
)
def test_dates_and_times_arrive_in_any_shape_the_editor_sends(date, time, expected):
    table = added(calendar_table.to_table([], "en", {}), date=date, time=time, channel="Instagram", title="T")
    out, problems = calendar_table.from_table(table, [], {}, "en", no_lookup)
    assert problems == [] and (out[0]["date"], out[0]["time"]) == expected


@pytest.mark.parametrize(
    ("place", "expected", "asked"),
    [
        ("Frascati", (41.81, 12.68), []),  # unchanged: the stored coordinates stay
        ("Frascati ", (41.81, 12.68), []),  # spaces around do not change a place
        ("Marino", (None, None), ["Marino"]),  # a place the gazetteer cannot put on the map
        ("", (None, None), []),
    ],
)
def test_a_place_is_looked_up_only_when_its_text_changes(place, expected, asked):
    table = calendar_table.to_table(ITEMS, "en", GOALS)
    table.loc[0, "place"] = place
    towns = Towns()
    out, problems = calendar_table.from_table(table, ITEMS, GOALS, "en", towns)
    assert problems == [] and (out[0]["lat"], out[0]["lon"]) == expected and towns.asked == asked


def test_a_new_place_is_found_in_the_gazetteer():
    table = added(
        calendar_table.to_table([], "en", {}), date="2026-12-05", channel="Offline", title="T", place="Frascati"
    )
    out, _ = calendar_table.from_table(table, [], {}, "en", Towns())
    assert (out[0]["place"], out[0]["lat"], out[0]["lon"]) == ("Frascati", 41.8, 12.7)


@pytest.mark.parametrize(
    ("cells", "field"),
    [
        ({"date": "2026-12-02", "channel": "Instagram"}, "title"),
        ({"date": "someday", "channel": "Instagram", "title": "T"}, "date"),
        ({"date": "2026-12-02", "channel": "Fax", "title": "T"}, "channel"),
        ({"date": "2026-12-02", "time": "25:00", "channel": "Instagram", "title": "T"}, "time"),
    ],
)
def test_a_row_that_is_not_a_valid_item_is_refused_naming_its_row_and_field(cells, field):
    table = added(calendar_table.to_table(ITEMS, "en", GOALS), **cells)
    out, problems = calendar_table.from_table(table, ITEMS, GOALS, "en", no_lookup)
    assert [i["id"] for i in out] == ["c1", "c2"]
    assert [(row, message.params["field"]) for row, message in problems] == [(3, field)]


@pytest.mark.parametrize(
    ("goals", "lang", "expected"),
    [
        ([{"id": "g1", "title": "Regulars"}, {"id": "g2", "title": "Reach"}], "en", {"g1": "Regulars", "g2": "Reach"}),
        (
            [{"id": "g1", "title": "Same"}, {"id": "g2", "title": " Same "}],
            "en",
            {"g1": "Same (g1)", "g2": "Same (g2)"},
        ),
        ([{"id": "g1", "title": ""}], "it", {"g1": "(senza titolo)"}),
        ([{"id": "g1"}], "en", {"g1": "(untitled)"}),
    ],
)
def test_goals_are_named_by_title_and_told_apart_by_id_when_titles_repeat(goals, lang, expected):
    assert calendar_table.goal_labels(goals, lang) == expected


def test_stored_entries_that_are_not_items_are_reported_by_row():
    raw = [ITEMS[0].to_dict(), {"id": "c9", "date": "someday", "channel": "instagram", "title": "Old"}, "junk"]
    items, problems = calendar_table.stored_items(raw)
    assert items == [ITEMS[0]] and [row for row, _ in problems] == [2, 3]
