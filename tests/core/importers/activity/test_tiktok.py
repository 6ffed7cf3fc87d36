import datetime as dt

import pandas as pd
import pytest

from core import importers
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


# The upload: Content.csv (with years, August 2025) and Overview.csv / the followers history
# (without), exported in 2025 and imported in December 2026.
CONTENT_2025 = (
    "Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n"
    '"Tagliatelle",https://www.tiktok.com/@x/video/1,"2025-08-29 19:04:11",10,1,0,"1,000"\n'
    '"Sfoglia",https://www.tiktok.com/@x/video/2,"2025-09-20 12:00:00",20,2,1,"2,000"\n'
)
OVERVIEW_NO_YEAR = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n' + "".join(
    f'"{day}","{n}","1","1","0","0"\n' for n, day in enumerate(["August 29", "August 30", "September 27"])
)
FOLLOWERS_NO_YEAR = '"Date","Followers"\n"August 29","100"\n"September 27","130"\n'
DECEMBER_2026 = dt.date(2026, 12, 7)


def test_dates_without_a_year_take_it_from_the_file_of_the_same_upload_that_has_one():
    upload = [
        RawFile("Overview.csv", OVERVIEW_NO_YEAR.encode()),
        RawFile("FollowerHistory.csv", FOLLOWERS_NO_YEAR.encode()),
        RawFile("Content.csv", CONTENT_2025.encode()),
    ]
    overview, followers, content = importers.import_upload(upload, ImportContext(today=DECEMBER_2026))
    assert content.frame["when"].dt.year.tolist() == [2025, 2025]  # stated in the file
    assert overview.frame["when"].dt.date.tolist() == [dt.date(2025, 8, 29), dt.date(2025, 8, 30), dt.date(2025, 9, 27)]
    assert followers.frame["when"].dt.date.max() == dt.date(2025, 9, 27)
    (said,) = [w for w in overview.warnings if w.key == "activity.warn.year_from_file"]
    assert said.render("en") == (
        "Dates in column 'Date' have no year: read as 2025, over the same days as Content.csv "
        "(29 Aug 2025 to 20 Sep 2025)."
    )
    assert "lette nel 2025" in said.render("it")


def test_a_file_without_a_year_uploaded_alone_asks_for_it_and_suggests_the_year_counting_back_from_today():
    (problem,) = importers.import_upload(
        [RawFile("Overview.csv", OVERVIEW_NO_YEAR.encode())], ImportContext(today=DECEMBER_2026)
    )
    assert isinstance(problem, ImportProblem)
    assert problem.message.key == "activity.err.year_needed"
    assert problem.message.params == {
        "column": "Date",
        "example": "August 29",
        "last": "September 27",
        "suggested": 2026,
    }
    assert "'September 27'" in problem.message.render("it") and "'September 27'" in problem.message.render("en")


@pytest.mark.parametrize(
    ("year", "first", "last", "years"),
    [
        (2026, "2025-12-30", "2026-01-02", "2025, 2026"),  # the last day, 2 January, in the year given
        (2025, "2024-12-30", "2025-01-02", "2024, 2025"),
    ],
)
def test_the_year_the_user_gives_is_the_year_of_the_last_day(year, first, last, years):
    result = tiktok.parse_daily(raw_file("tiktok/Overview.csv"), ImportContext(year=year))
    frame = result.frame
    assert (frame["when"].iloc[0], frame["when"].iloc[-1]) == (rome(first), rome(last))
    (said,) = [w for w in result.warnings if w.key == "activity.warn.year_given"]
    assert said.params["years"] == years


def test_a_year_is_never_inferred_that_puts_the_data_after_today():
    upload = [RawFile("Overview.csv", OVERVIEW_NO_YEAR.encode()), RawFile("Content.csv", CONTENT_2025.encode())]
    overview, _ = importers.import_upload(upload, ImportContext(today=dt.date(2026, 9, 1)))
    assert overview.frame["when"].dt.date.max() == dt.date(2025, 9, 27)  # 2026 would end after 1 Sep 2026
    nothing_before = [RawFile("Overview.csv", OVERVIEW_NO_YEAR.encode())]
    late = importers.import_upload(nothing_before, ImportContext(today=dt.date(2025, 9, 1), spans=(
        importers.Span("tiktok", "Content.csv", dt.date(2025, 8, 1), dt.date(2025, 8, 31)),)))  # fmt: skip
    assert late[0].frame["when"].dt.date.max() == dt.date(2024, 9, 27)  # 2025 would end after today


def test_the_overview_gives_daily_rows_with_its_totals():
    result = run(raw_file("tiktok/Overview.csv"), ImportContext(year=2026, today=dt.date(2026, 1, 3)))
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
    assert [w.key for w in result.warnings] == ["activity.warn.year_given"]


def test_the_followers_series_gives_the_daily_change_and_reports_the_last_count():
    result = run(raw_file("tiktok/Followers.csv"), ImportContext(year=2026))
    frame = result.frame
    assert (len(frame), set(frame["kind"])) == (4, {"daily"})
    assert frame["follows"].tolist() == [4, 11, 2, 7]  # "Difference in followers from previous day"
    assert result.summary()["totals"] == {"follows": 24}
    assert [w.key for w in result.warnings] == ["activity.warn.year_given", "activity.warn.followers_count"]
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
        tiktok.parse_daily(raw, ImportContext(year=2025))
    assert caught.value.message.params["example"] == "Agosto trentuno"
