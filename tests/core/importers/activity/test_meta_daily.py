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


def test_the_follows_series_imports_no_rows_and_reports_what_was_left_out():
    result = meta_daily.parse(raw_file("meta_business_suite/Follows.csv"), ImportContext())
    assert len(result.frame) == 0
    (warning,) = result.warnings
    assert warning.render("en") == (
        "The daily series 'Follows' (7 days, total 21) was not imported: the activity table has no field for it yet."
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
        ("Follows", None),
        ("Visits", None),
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
