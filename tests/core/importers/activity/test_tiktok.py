import datetime as dt

import pandas as pd
import pytest

from core.importers.activity import tiktok
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import raw_file, rome, run, totals


def test_the_content_export_reads_counts_with_thousands_separators():
    result = run(raw_file("tiktok/Content.csv"))
    frame = result.frame
    assert (result.platform, len(frame), set(frame["kind"])) == ("tiktok", 3, {"video"})
    assert totals(frame, "views", "reactions", "comments", "shares") == {
        "views": 165985,  # "152,300" + "12,480" + "1,205"
        "reactions": 9043,  # "8,016" + 950 + 77
        "comments": 132,
        "shares": 49,
    }
    assert frame["when"].iloc[0] == rome("2025-08-29 19:04:11")


@pytest.mark.parametrize(
    ("today", "first", "last", "years"),
    [
        (dt.date(2026, 1, 3), "2025-12-30", "2026-01-02", "2025, 2026"),
        (dt.date(2026, 1, 2), "2025-12-30", "2026-01-02", "2025, 2026"),  # exported the last day listed
        (dt.date(2026, 12, 1), "2025-12-30", "2026-01-02", "2025, 2026"),
        (dt.date(2027, 1, 5), "2026-12-30", "2027-01-02", "2026, 2027"),
    ],
)
def test_overview_dates_without_year_are_counted_back_from_today(today, first, last, years):
    result = tiktok.parse_daily(raw_file("tiktok/Overview.csv"), ImportContext(today=today))
    frame = result.frame
    assert (frame["when"].iloc[0], frame["when"].iloc[-1]) == (rome(first), rome(last))
    (year_warning,) = [w for w in result.warnings if w.key == "activity.warn.year_inferred"]
    assert year_warning.params["years"] == years


def test_the_overview_gives_daily_rows_with_its_totals_and_says_which_year_it_assumed():
    result = run(raw_file("tiktok/Overview.csv"), ImportContext(today=dt.date(2026, 1, 3)))
    frame = result.frame
    assert (len(frame), set(frame["kind"])) == (4, {"daily"})
    assert totals(frame, "views", "reactions", "comments", "shares", "profile_visits") == {
        "views": 5700,
        "reactions": 295,
        "comments": 18,
        "shares": 9,
        "profile_visits": 127,  # Profile Views 40 + 55 + 12 + 20
    }
    assert frame["interactions"].tolist() == [87, 155, 31, 49]  # likes + comments + shares, no visits
    assert len(result.warnings) == 1
    assert result.warnings[0].render("en") == (
        "Dates in column 'Date' have no year: 2025, 2026 was used, counting back from 03 Jan 2026."
    )
    assert result.warnings[0].render("it") == (
        "Le date della colonna 'Date' non hanno l'anno: è stato usato 2025, 2026, contando all'indietro dal 03/01/2026."
    )


def test_without_today_a_date_without_year_cannot_be_placed():
    with pytest.raises(ImportProblem) as caught:
        tiktok.parse_daily(raw_file("tiktok/Overview.csv"), ImportContext())
    assert caught.value.message.params == {"column": "Date", "example": "December 30"}


def test_the_followers_series_gives_the_daily_change_and_reports_the_last_count():
    result = run(raw_file("tiktok/Followers.csv"))
    frame = result.frame
    assert (len(frame), set(frame["kind"])) == (4, {"daily"})
    assert frame["follows"].tolist() == [4, 11, 2, 7]  # "Difference in followers from previous day"
    assert result.summary()["totals"] == {"follows": 24}
    assert [w.key for w in result.warnings] == ["activity.warn.year_inferred", "activity.warn.followers_count"]
    assert result.warnings[1].render("en") == (
        "Followers on 02 Jan 2026: 1540 (column 'Followers'). The activity table keeps only the daily change: "
        "use this count as the starting value of a followers goal."
    )
    assert result.warnings[1].render("it").startswith("Follower il 02/01/2026: 1540 (colonna 'Followers').")


def test_without_the_difference_column_the_change_is_taken_from_the_count_and_can_be_negative():
    data = b'"Date","Followers"\n"2025-08-02","103"\n"2025-08-01","100"\n"2025-08-03","101"\n'
    raw = RawFile("Followers.csv", data)
    assert tiktok.sniff_daily(raw)
    frame = tiktok.parse_daily(raw, ImportContext()).frame
    assert frame["when"].tolist() == [rome("2025-08-01"), rome("2025-08-02"), rome("2025-08-03")]
    assert frame["follows"].tolist()[1:] == [3, -2] and pd.isna(frame["follows"].iloc[0])


def test_a_date_that_cannot_be_read_is_shown_as_the_user_wrote_it():
    raw = RawFile("Overview.csv", b'"Date","Video Views"\n"August 31","10"\n"Agosto trentuno","5"\n')
    with pytest.raises(ImportProblem) as caught:
        tiktok.parse_daily(raw, ImportContext(today=dt.date(2025, 9, 2)))
    assert caught.value.message.params["example"] == "Agosto trentuno"
