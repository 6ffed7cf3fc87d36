"""``core.fields``: one way to check a field, bounded numbers and dates, messages that say the range."""

import datetime as dt
import re

import pytest

from core import fields, i18n

ID = re.compile(r"c\d{1,3}")


def problem(check, *args, **kwargs):
    with pytest.raises(fields.FieldError) as caught:
        check(*args, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        (0, 0, fields.COUNT_MAX, "ok"),
        (1_000_000_000, 0, fields.COUNT_MAX, "ok"),
        (0.000001, 0, fields.COUNT_MAX, "ok"),
        (1_000_000_001, 0, fields.COUNT_MAX, "too_big"),
        (1e308, 0, fields.COUNT_MAX, "too_big"),
        pytest.param(10**400, 0, fields.COUNT_MAX, "too_big", id="10**400"),  # once an OverflowError (isfinite)
        pytest.param(-(10**400), 0, fields.COUNT_MAX, "negative", id="-10**400"),
        (-1, 0, fields.COUNT_MAX, "negative"),
        (1e-300, 0, fields.COUNT_MAX, "tiny"),  # a ratio of two such numbers overflows
        (-1e-7, -1, 1, "tiny"),
        (float("nan"), 0, fields.COUNT_MAX, "not_number"),
        (float("inf"), 0, fields.COUNT_MAX, "not_number"),
        (True, 0, fields.COUNT_MAX, "not_number"),
        ("12", 0, fields.COUNT_MAX, "not_number"),
        (None, 0, fields.COUNT_MAX, "not_number"),
        (6, 1.0, 5.0, "range"),
        (201, 0, 200, "range"),
    ],
)
def test_a_number_is_finite_and_within_its_range(value, low, high, expected):
    if expected == "ok":
        assert fields.number(value, "n", low, high) == value
    else:
        assert problem(fields.number, value, "n", low, high).problem == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(1240, 1240), (1240.0, 1240.0), (1240.5, "not_whole"), (0.5, "not_whole")]
)
def test_a_whole_number_may_be_written_with_a_zero_decimal_but_not_a_fraction(value, expected):
    if expected == "not_whole":
        assert problem(fields.number, value, "followers", whole=True).problem == expected
    else:
        assert fields.number(value, "followers", whole=True) == expected


def test_a_range_is_said_with_plain_bounds():
    error = problem(fields.number, 6, "target", 1.0, 5.0)

    assert error.message.render("en") == "'target' is 6: it must be between 1 and 5."
    assert error.message.render("it") == "«target» vale 6: deve stare tra 1 e 5."


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_ceiling_of_counts_is_written_in_the_message_as_the_language_groups_it(lang):
    text = problem(fields.number, 2e9, "followers").message.render(lang)

    assert i18n.number(lang, fields.COUNT_MAX) in text and "followers" in text and "2000000000.0" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-09-01", dt.date(2026, 9, 1)),
        (dt.date(2026, 9, 1), dt.date(2026, 9, 1)),
        ("2000-01-01", dt.date(2000, 1, 1)),
        ("2099-12-31", dt.date(2099, 12, 31)),
        ("1999-12-31", "date_range"),
        ("0001-01-01", "date_range"),
        ("9999-12-31", "date_range"),
        (dt.date(1, 1, 1), "date_range"),
        ("20260901", "bad_date"),  # ISO, but not the one spelling a plan uses
        ("2026-W01-1", "bad_date"),
        ("2026-02-30", "bad_date"),
        ("01/09/2026", "bad_date"),
        (dt.datetime(2026, 9, 1, 8), "bad_date"),
        (20260901, "bad_date"),
        (None, "bad_date"),
    ],
)
def test_a_date_is_yyyy_mm_dd_within_the_century(value, expected):
    if isinstance(expected, dt.date):
        assert fields.date(value, "start") == expected
    else:
        assert problem(fields.date, value, "start").problem == expected


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_a_date_out_of_range_says_the_range(lang):
    text = problem(fields.date, "0001-01-01", "start").message.render(lang)

    assert "0001-01-01" in text and "2000" in text and "2099" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("8:30", dt.time(8, 30)),
        (" 23:59 ", dt.time(23, 59)),
        (dt.time(8, 30, 15), dt.time(8, 30)),
        ("24:00", "bad_time"),
        ("8.30", "bad_time"),
        ("08:60", "bad_time"),
        (830, "bad_time"),
        (["8:30"], "bad_time"),
    ],
)
def test_a_time_is_hh_mm(value, expected):
    if expected is None or isinstance(expected, dt.time):
        assert fields.time(value, "time") == expected
    else:
        assert problem(fields.time, value, "time").problem == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (None, {}, ""),
        ("  Fiera\u202e ", {}, "Fiera"),
        (" Fi ", {"clean": False}, " Fi "),
        ("x" * 5, {}, "xxxxx"),
        ("x" * 6, {}, "too_long"),
        (" ", {"nonempty": True}, "empty"),
        (0, {}, "not_text"),  # the calendar once took 0 for an empty text, offline actions refused it
        (["a"], {}, "not_text"),
    ],
)
def test_text_is_text_within_its_limit(value, kwargs, expected):
    if expected in ("too_long", "empty", "not_text"):
        assert problem(fields.text, value, "title", 5, **kwargs).problem == expected
    else:
        assert fields.text(value, "title", 5, **kwargs) == expected


@pytest.mark.parametrize(
    ("check", "args", "expected"),
    [
        (fields.choice, (["fair"], "kind", ("fair",)), "bad_choice"),  # unhashable: once a TypeError
        (fields.choice, ({"a": 1}, "kind", ("fair",)), "bad_choice"),
        (fields.identifier, ("c 1", "id", ID, "c1"), "bad_id"),
        (fields.identifier, ("c1\n", "id", ID, "c1"), "bad_id"),
        (fields.mapping, ([1], "item", ("id",)), "not_object"),
        (fields.mapping, ({"id": 1, "colour": "red"}, "item", ("id",)), "unknown_field"),
        (fields.entries, ("x", "goals", 3), "not_list"),
        (fields.entries, ([1, 2, 3, 4], "goals", 3), "too_many"),
        (fields.texts, (["a", 1], "actions", 10, 5), "not_texts"),
        (fields.texts, (["a"] * 6, "actions", 10, 5), "too_many"),
        (fields.coordinate, (91, "lat", 90), "bad_coordinate"),
        (fields.coordinate, (float("nan"), "lat", 90), "bad_coordinate"),
        (fields.coordinate, (10**400, "lon", 180), "bad_coordinate"),
        (fields.flag, ("yes", "share"), "not_flag"),
        (fields.point, ({"lat": 41.9},), "half_place"),
        (fields.unique, (["c1", "c2", "c1"],), "duplicate_id"),
    ],
)
def test_each_check_names_its_problem(check, args, expected):
    assert problem(check, *args).problem == expected


def test_a_coordinate_near_zero_is_a_place_not_a_tiny_number():
    assert fields.point({"lat": 1e-9, "lon": -1e-9}) == (1e-9, -1e-9)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Forlì", "'Forlì'"),
        pytest.param(10**5000, "~10^5000", id="5000 digits"),  # no repr: Python writes at most 4,300 digits
        (-(10**400), "-~10^400"),
        ("x" * 100, "'" + "x" * 56 + "..."),
        ([1, 2], "[1, 2]"),
        (list(range(100)), "list of 100"),
    ],
)
def test_a_bad_value_is_quoted_short_and_never_fails(value, expected):
    assert fields.shown(value) == expected


def test_a_deeply_nested_value_is_quoted_without_recursing():
    nested: list = []
    for _ in range(100_000):
        nested = [nested]

    assert fields.shown(nested) == "list"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_field_message_renders_with_the_params_its_check_gives(lang):
    params = {"field": "f", "value": "'v'", "limit": 5, "choices": "a, b", "fields": "a, b", "example": "c1",
              "low": 1, "high": 5, "kpi": "reach", "bound": 90, "first": 2000, "last": 2099}  # fmt: skip
    for key in (k for k in i18n.TEXTS if k.startswith("fields.")):
        assert i18n.Message(key, params).render(lang)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("31/03/2027", dt.date(2027, 3, 31)),
        (" 1-4-27 ", dt.date(2027, 4, 1)),
        ("01.04.2027", dt.date(2027, 4, 1)),
        ("2027-03-31", dt.date(2027, 3, 31)),
        ("", None),
    ],
)
def test_a_typed_date_reads_day_month_year_as_people_write_it(typed, day):
    assert fields.typed_date(typed, "Scadenza") == day


@pytest.mark.parametrize("typed", ["31/02/2027", "03/31/2027", "domani", "31/03", "31/03/1999"])
def test_a_typed_date_that_is_not_a_plausible_day_is_refused_naming_the_field(typed):
    with pytest.raises(fields.FieldError) as error:
        fields.typed_date(typed, "Scadenza")
    assert error.value.field == "Scadenza"
