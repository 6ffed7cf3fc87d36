import datetime as dt

import pandas as pd
import pytest

from core.importers.activity import dates
from core.importers.base import ImportProblem

US = "%m/%d/%Y %H:%M"


@pytest.mark.parametrize(
    ("pacific", "rome"),
    [
        ("01/15/2025 09:00", "2025-01-15 18:00"),  # both on standard time: 9 hours
        ("03/09/2024 12:00", "2024-03-09 21:00"),  # the day before the US change
        ("03/10/2024 01:59", "2024-03-10 10:59"),  # last US standard-time minute
        ("03/10/2024 02:30", "2024-03-10 11:00"),  # does not exist in the US: first valid minute (03:00 PDT)
        ("03/10/2024 03:00", "2024-03-10 11:00"),  # US on summer time, Italy not yet: 8 hours
        ("03/30/2024 16:59", "2024-03-31 00:59"),  # still 8 hours
        ("03/31/2024 02:30", "2024-03-31 11:30"),  # Italy moved too: 9 hours again
        ("10/26/2024 15:30", "2024-10-27 00:30"),  # both on summer time
        ("10/27/2024 18:00", "2024-10-28 02:00"),  # Italy back on standard time, the US not yet: 8 hours
        ("11/03/2024 01:30", "2024-11-03 09:30"),  # the US hour that happens twice: the first (PDT)
        ("11/03/2024 02:30", "2024-11-03 11:30"),  # after the US change: 9 hours
    ],
)
def test_meta_publish_times_move_from_us_pacific_to_rome_across_both_daylight_saving_changes(pacific, rome):
    naive, _ = dates.parse(pd.Series([pacific]), "Publish time", "MM/DD/YYYY HH:MM", ((US,),))
    converted = dates.to_rome(naive, dates.PACIFIC).iloc[0]
    assert converted == pd.Timestamp(rome, tz="Europe/Rome")


def test_dates_that_do_not_follow_the_format_raise_with_the_column_the_count_and_an_example():
    values = pd.Series(["12/01/2025 10:00", "31/12/2025 10:00", "", "25/12/2025 09:00", "13/11/2025 20:00"])
    with pytest.raises(ImportProblem) as caught:
        dates.parse(values, "Orario di pubblicazione", "MM/DD/YYYY HH:MM", ((US,),))
    assert caught.value.message.render("en") == (
        "column 'Orario di pubblicazione' has 3 dates that are not MM/DD/YYYY HH:MM, e.g. '31/12/2025 10:00'"
    )
    assert "ha 3 date che non sono MM/DD/YYYY HH:MM" in caught.value.message.render("it")


def test_a_column_is_read_with_one_format_for_all_its_rows_never_half_and_half():
    values = pd.Series(["2025-02-01", "02/03/2025"])
    parsed, _ = dates.parse(values, "Date", "dates", (("%Y-%m-%d", "%m/%d/%Y"),))
    assert parsed.dt.month.tolist() == [2, 2]


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Tue, Jul 14, 2026", "jul 14, 2026"),
        ("mar, 14 lug 2026", "14 jul 2026"),
        ("August 31", "aug 31"),
        ("31 agosto", "31 aug"),
        ("1 giu 2024", "1 jun 2024"),
        ("3 mar. 2024", "3 mar 2024"),
    ],
)
def test_month_names_in_english_or_italian_become_english_abbreviations(text, normalised):
    assert dates.english_months(pd.Series([text])).iloc[0].lower() == normalised


@pytest.mark.parametrize(
    ("month", "day", "today", "year"),
    [
        (8, 31, dt.date(2025, 9, 2), 2025),
        (9, 2, dt.date(2025, 9, 2), 2025),  # the export day itself
        (9, 3, dt.date(2025, 9, 2), 2024),  # after today: last year
        (12, 30, dt.date(2026, 1, 3), 2025),  # across new year
        (1, 2, dt.date(2026, 1, 3), 2026),
        (2, 29, dt.date(2025, 3, 10), 2024),  # only leap years have it
    ],
)
def test_a_date_without_year_gets_the_latest_year_that_puts_it_on_or_before_today(month, day, today, year):
    years = dates.infer_years(pd.Series([month]), pd.Series([day]), today)
    assert years.tolist() == [year]
