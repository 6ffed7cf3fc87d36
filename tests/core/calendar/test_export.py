import csv
import dataclasses
import datetime as dt
import io

import icalendar
import pytest

from core import i18n, safe_text
from core.calendar import calendar
from core.calendar import export as calendar_export

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
INJECTION = "Promo\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected"


def item(item_id="c1", **extra) -> calendar.CalendarItem:
    data = {"id": item_id, "date": "2025-03-10", "channel": "instagram", "title": "Post", **extra}
    return calendar.CalendarItem.from_dict(data)


ITEMS = [
    item("c1", time="08:30", note="Foto del forno", goal="g1", place="Negozio", lat=41.8886, lon=12.5297),
    item("c2", date="2025-03-14", channel="offline", title="Volantinaggio", status="done"),
]


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _ics(items=ITEMS, lang="it", **kwargs) -> bytes:
    return calendar_export.to_ics(items, lang, now=NOW, namespace="plan-1", **kwargs)


def test_each_item_is_one_event_with_its_time_place_and_goal():
    events = _events(_ics(calendar_name="Forno", goal_titles={"g1": "Più copertura"}))
    first, second = events

    assert len(events) == 2
    assert str(first["summary"]) == "Instagram: Post"
    assert first.decoded("dtstart") == dt.datetime(2025, 3, 10, 8, 30, tzinfo=first.decoded("dtstart").tzinfo)
    assert str(first.decoded("dtstart").tzinfo) == "Europe/Rome"
    assert first.decoded("dtend") - first.decoded("dtstart") == dt.timedelta(minutes=30)
    assert str(first["location"]) == "Negozio"
    assert (first["geo"].latitude, first["geo"].longitude) == (41.8886, 12.5297)
    assert "Foto del forno" in str(first["description"]) and "Obiettivo: Più copertura" in str(first["description"])
    assert second.decoded("dtstart") == dt.date(2025, 3, 14)  # no time: an all-day event
    assert second.decoded("dtend") == dt.date(2025, 3, 15)
    assert "Stato: fatto" in str(second["description"])


def test_the_calendar_carries_its_time_zone_and_name():
    parsed = icalendar.Calendar.from_ical(_ics(calendar_name="Forno Gatta Rossa"))

    assert [str(tz["tzid"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Rome"]
    assert str(parsed["x-wr-calname"]) == "Forno Gatta Rossa"
    assert all(event.decoded("dtstamp") == NOW for event in parsed.walk("VEVENT"))


def test_uids_are_stable_per_item_and_differ_between_items_and_businesses():
    first = [str(e["uid"]) for e in _events(_ics())]
    again = [str(e["uid"]) for e in _events(_ics([ITEMS[1], ITEMS[0]]))]
    other = [str(e["uid"]) for e in _events(calendar_export.to_ics(ITEMS, "it", now=NOW, namespace="plan-2"))]

    assert first == again[::-1]
    assert len(set(first)) == 2
    assert not set(first) & set(other)


@pytest.mark.parametrize(("field", "prop"), [("title", "summary"), ("note", "description"), ("place", "location")])
def test_user_text_cannot_inject_events(field, prop):
    items = [item("c1", **{field: INJECTION}), item("c2")]
    data = _ics(items, calendar_name=INJECTION)
    events = _events(data)

    assert len(events) == 2
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 2 and lines.count(b"END:VEVENT") == 2
    assert INJECTION.replace("\r\n", "\n") in str(events[0][prop])  # kept as text, line breaks and all
    assert [str(e["uid"]) for e in events] == [calendar_export.item_uid("plan-1", i) for i in ("c1", "c2")]


def test_a_lone_carriage_return_does_not_start_a_line_either():
    data = _ics([item("c1", title="a\rEND:VEVENT\rBEGIN:VEVENT\rb")])

    assert len(_events(data)) == 1
    assert b"\rEND:VEVENT" not in data


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+39 333", "'+39 333"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\ncmd"),  # a carriage return is a line break like any other
        ("Post al mattino", "Post al mattino"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(text, cell):
    assert safe_text.for_spreadsheet(text) == cell


# Each went out as it was before: the calendar CSV checked only the first character.
BEHIND = [' =HYPERLINK("http://x","y")', "\n=1", "\u00a0=1", "\u200b=1", "\ufeff=1", "\u2060@SUM(A1)"]


@pytest.mark.parametrize("text", BEHIND)
@pytest.mark.parametrize("field", ["title", "note", "place"])
def test_a_formula_behind_blanks_or_invisible_characters_is_neutralised_in_every_text_column(field, text):
    """The item as given (its model strips blanks today: the export must not count on it)."""
    raw = dataclasses.replace(item(), **{field: text})
    rows = _csv_rows(calendar_export.to_csv([raw], "en"), "en")
    cell = rows[1][rows[0].index(i18n.t("en", f"timeline.calendar.column.{field}"))]

    assert cell.startswith("'") and not set(cell) & set("\u200b\ufeff\u2060")


@pytest.mark.parametrize("text", BEHIND + ["\x00=1\r"])
def test_a_goal_title_from_the_plan_is_cleaned_and_neutralised(text):
    rows = _csv_rows(calendar_export.to_csv([item(goal="g1")], "en", {"g1": text}), "en")

    assert rows[1][5].startswith("'") and "\x00" not in rows[1][5] and "\u200b" not in rows[1][5]


def _csv_rows(data: bytes, lang: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";" if lang == "it" else ","))


@pytest.mark.parametrize("field", ["title", "note", "place"])
def test_csv_export_neutralises_user_text_in_every_text_column(field):
    rows = _csv_rows(calendar_export.to_csv([item(**{field: "=cmd|' /C calc'!A0"})], "en"), "en")
    column = rows[0].index(i18n.t("en", f"timeline.calendar.column.{field}"))

    assert rows[1][column] == "'=cmd|' /C calc'!A0"


def test_a_goal_title_from_the_plan_is_neutralised_too():
    rows = _csv_rows(calendar_export.to_csv([item(goal="g1")], "en", {"g1": "@evil"}), "en")

    assert rows[1][5] == "'@evil"


HEADERS = {
    "it": [
        "Data",
        "Ora",
        "Canale",
        "Titolo",
        "Note",
        "Obiettivo",
        "Luogo",
        "Latitudine",
        "Longitudine",
        "Stato",
    ],
    "en": ["Date", "Time", "Channel", "Title", "Notes", "Goal", "Place", "Latitude", "Longitude", "Status"],
}


@pytest.mark.parametrize(
    ("lang", "coordinates", "status"),
    [("it", ["41,888600", "-0,127800"], "in programma"), ("en", ["41.888600", "-0.127800"], "planned")],
)
def test_csv_export_has_a_header_and_one_row_per_item_in_the_users_language(lang, coordinates, status):
    planned = item(time="08:30", note="Foto del forno", goal="g1", place="Negozio", lat=41.8886, lon=-0.1278)
    rows = _csv_rows(calendar_export.to_csv([planned, ITEMS[1]], lang), lang)

    assert rows[0] == HEADERS[lang]
    texts = ["2025-03-10", "08:30", "Instagram", "Post", "Foto del forno", "g1", "Negozio"]
    assert rows[1] == [*texts, *coordinates, status]  # a negative longitude stays a number: Rotta wrote it
    assert len(rows) == 3
