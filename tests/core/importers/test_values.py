"""Spreadsheet text to numbers, dates, postcodes and ids; countries and provinces normalised."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core.importers import places, values


@pytest.mark.parametrize(
    ("texts", "hint", "expected"),
    [
        (["1.020,50", "529,68"], ".", [1020.5, 529.68]),  # the values themselves say comma
        (["2221.83", "1,234.50"], ",", [2221.83, 1234.5]),  # ... or point
        (["1.234"], ",", [1234.0]),  # ambiguous: the file's hint (";" files are Italian) decides
        (["1.234"], ".", [1.234]),
        (["1.234.567"], ".", [1234567.0]),  # a repeated mark is a thousands separator
        (["€ 75,45", "75,45 €", "EUR 75,45", "1 020,50"], ".", [75.45, 75.45, 75.45, 1020.5]),
        (["(12,00)", "-3,5"], ",", [-12.0, -3.5]),
        (["7,46555E+12"], ".", [7.46555e12]),
        (["", "0", "0.00"], ".", [math.nan, 0.0, 0.0]),
    ],
)
def test_numbers_are_read_in_italian_and_english_notation(texts, hint, expected):
    got, bad = values.numbers(pd.Series(texts, dtype="str"), hint)
    assert bad is None
    assert got.tolist() == pytest.approx(expected, nan_ok=True)


def test_a_value_that_is_not_a_number_is_reported_not_zeroed():
    got, bad = values.numbers(pd.Series(["10,00", "n.d.", "dieci"], index=[2, 3, 4], dtype="str"), ",")
    assert got.isna().tolist() == [False, True, True]
    assert bad == values.Bad(count=2, example="n.d.", row=3)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["03/04/2024"], ["2024-04-03"]),  # an Italian file: day first
        (["03/04/2024", "12/25/2024"], ["2024-03-04", "2024-12-25"]),  # a 25 in second place: month first
        (["03/04/2024", "25/12/2024"], ["2024-04-03", "2024-12-25"]),
        (["3.4.24", "03-04-2024"], ["2024-04-03", "2024-04-03"]),
        (["2024-04-03", "2024-04-03 18:22:05", "2024-04-03T10:00:00+02:00"], ["2024-04-03"] * 3),
        (["3 aprile 2024", "3 apr 2024", "Apr 3, 2024", "April 3 2024"], ["2024-04-03"] * 4),
        (["45385"], ["2024-04-03"]),  # an Excel day number
        (["", "2024/04/03"], [None, "2024-04-03"]),
    ],
)
def test_dates_are_read_day_first_unless_the_column_proves_otherwise(texts, expected):
    got, bad = values.dates(pd.Series(texts, dtype="str"))
    assert bad is None
    assert [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in got] == expected


def test_an_impossible_date_is_reported_with_its_row():
    got, bad = values.dates(pd.Series(["31/02/2024", "01/03/2024"], index=[7, 8], dtype="str"))
    assert got.isna().tolist() == [True, False]
    assert bad == values.Bad(count=1, example="31/02/2024", row=7)


@pytest.mark.parametrize(
    ("postcode", "country", "expected"),
    [
        ("6012", "IT", "06012"),
        ("184", "IT", "00184"),
        ("'06012", "IT", "06012"),
        ("IT-47121", "IT", "47121"),
        ("47121.0", "IT", "47121"),
        ("6900", "CH", "6900"),  # Swiss postcodes have four digits: left alone
        ("sw1a 1aa", "GB", "SW1A 1AA"),
    ],
)
def test_italian_postcodes_get_their_leading_zeros_back_and_others_are_left_alone(postcode, country, expected):
    got, _ = values.postcodes(pd.Series([postcode], dtype="str"), pd.Series([country], dtype="str"))
    assert got.tolist() == [expected]


def test_ids_excel_shortened_are_not_used():
    got, shortened = values.source_ids(pd.Series(["'7465545672355", "7,46555E+12", "7227636590802.0"], dtype="str"))
    assert got.tolist() == ["7465545672355", "", "7227636590802"]
    assert shortened == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Italia", "IT"), ("Italy", "IT"), ("IT", "IT"), ("it", "IT"), ("ITA", "IT"), ("Svizzera", "CH"),
        ("Switzerland", "CH"), ("Deutschland", "DE"), ("Germania", "DE"), ("Regno Unito", "GB"), ("UK", "GB"),
        ("Stati Uniti", "US"), ("USA", "US"), ("San Marino", "SM"), ("Città del Vaticano", "VA"), ("Francia", "FR"),
    ],
)  # fmt: skip
def test_country_names_in_italian_or_english_and_codes_become_iso2(text, code):
    got, unknown = places.countries(pd.Series([text], dtype="str"))
    assert got.tolist() == [code]
    assert not unknown.any()


def test_an_unknown_country_is_flagged_and_a_blank_one_is_not():
    got, unknown = places.countries(pd.Series(["Narnia", ""], dtype="str"))
    assert got.tolist() == ["", ""]
    assert unknown.tolist() == [True, False]


@pytest.mark.parametrize(
    ("province", "country", "expected"),
    [("fc", "IT", "FC"), ("Forlì-Cesena", "IT", "FC"), ("Forli Cesena", "", "FC"), ("Roma", "IT", "RM"),
     ("Bolzano", "IT", "BZ"), ("Bavaria", "DE", "Bavaria"), ("CA", "US", "CA")],
)  # fmt: skip
def test_italian_province_names_become_their_sigla(province, country, expected):
    got = places.provinces(pd.Series([province], dtype="str"), pd.Series([country], dtype="str"))
    assert got.tolist() == [expected]
