import pytest

from core.importers.activity import meta_daily
from core.importers.base import ImportContext, RawFile
from tests.core.importers.activity.support import raw_file, rome, run, totals


def test_the_daily_views_series_becomes_one_daily_row_per_day():
    result = run(raw_file("meta_business_suite/Views.csv"))
    frame = result.frame
    assert (len(frame), set(frame["kind"])) == (31, {"daily"})
    assert totals(frame, "views", "reach", "interactions") == {
        "views": 67866,
        "reach": None,
        "interactions": None,
    }
    assert frame["when"].iloc[0] == rome("2025-08-01") and frame["when"].iloc[-1] == rome("2025-08-31")
    assert frame["views"].iloc[0] == 408


def test_without_being_told_the_platform_the_series_counts_as_facebook_and_says_so():
    result = run(raw_file("meta_business_suite/Views.csv"))
    assert result.platform == "facebook" and set(result.frame["platform"]) == {"facebook"}
    assert result.warnings[0].key == "activity.warn.platform_assumed"


def test_the_follows_series_gives_a_daily_row_of_new_followers_per_day():
    result = run(raw_file("meta_business_suite/Follows.csv"))
    frame = result.frame
    assert (len(frame), set(frame["kind"])) == (7, {"daily"})
    assert frame["follows"].tolist() == [3, 0, 5, 1, 2, 4, 6]  # 21 in all, 1-7 August 2025
    assert totals(frame, "follows", "views", "interactions") == {"follows": 21, "views": None, "interactions": None}
    assert result.summary()["totals"] == {"follows": 21}
    assert [w.key for w in result.warnings] == ["activity.warn.platform_assumed"]


def _series(title: str, rows: list[tuple[str, str]], header: str = '"Date","Primary"') -> RawFile:
    """A daily series as Meta writes it: UTF-16 with BOM, a sep line, the title, then the data."""
    lines = ["sep=,", f'"{title}"', header, *(f'"{day}T00:00:00","{value}"' for day, value in rows)]
    return RawFile(f"{title}.csv", ("\r\n".join(lines) + "\r\n").encode("utf-16"))


@pytest.mark.parametrize(
    ("title", "header", "field"),
    [
        ("Visits", '"Date","Primary"', "profile_visits"),
        ("Visite", '"Data","Principale"', "profile_visits"),
        ("Follow", '"Data","Principale"', "follows"),
    ],
)
def test_visits_and_italian_follows_series_fill_their_columns(title, header, field):
    raw = _series(title, [("2025-08-01", "12"), ("2025-08-02", "0"), ("2025-08-03", "1.234")], header)
    result = run(raw)
    assert result.frame[field].tolist() == [12, 0, 1234]
    assert result.summary()["totals"] == {field: 1246}
    assert result.frame["interactions"].isna().all()


def test_a_series_with_no_activity_column_imports_no_rows_and_reports_what_was_left_out():
    raw = _series("Unfollows", [("2025-08-01", "2"), ("2025-08-02", "1")])
    result = meta_daily.parse(raw, ImportContext())
    assert len(result.frame) == 0
    (warning,) = result.warnings
    assert warning.render("en") == (
        "The daily series 'Unfollows' (2 days, total 3) was not imported: the activity table has no field for it."
    )


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Views", "views"),
        ("Visualizzazioni", "views"),
        ("Impressions", "views"),
        ("Reach", "reach"),
        ("Copertura", "reach"),
        ("Link clicks", "clicks"),
        ("Content interactions", "interactions"),
        ("Follows", "follows"),
        ("Follow", "follows"),
        ("Visits", "profile_visits"),
        ("Visite", "profile_visits"),
        ("Unfollows", None),
    ],
)
def test_the_series_title_names_the_activity_column(title, field):
    assert meta_daily.metric_of(title) == field


def test_an_italian_reach_series_in_utf8_fills_reach():
    data = 'sep=,\n"Copertura"\n"Data","Principale"\n"2025-08-01T00:00:00","120"\n"2025-08-02T00:00:00","80"\n'
    raw = RawFile("Copertura.csv", data.encode())
    assert meta_daily.sniff(raw)
    frame = meta_daily.parse(raw, ImportContext()).frame
    assert frame["reach"].tolist() == [120, 80]
