import math

import pytest

from core.importers.activity import google_business
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import FakeGazetteer, raw_file, rome, run, totals

ENGLISH = "google_business_profile/GBP_performance_report_2025-08-01_2025-08-31.csv"
ITALIAN = "google_business_profile/rapporto_prestazioni_it.csv"


def test_each_location_becomes_a_daily_row_with_profile_views_and_website_clicks():
    result = run(raw_file(ENGLISH))
    frame = result.frame
    assert (result.platform, len(frame), set(frame["kind"])) == ("google_business", 5, {"daily"})
    assert totals(frame, "views", "clicks", "interactions") == {
        "views": 15301,
        "clicks": 875,
        "interactions": None,
    }
    assert frame["views"].iloc[0] == 1778  # 990 + 509 + 273 + 6 on Search and Maps
    assert set(frame["when"]) == {rome("2025-08-01")}
    assert frame["place"].tolist()[-1] == "Gino Catering"


def test_the_period_and_the_calls_and_directions_left_out_are_reported():
    messages = [w.render("en") for w in run(raw_file(ENGLISH)).warnings]
    assert messages == [
        "The report gives totals from 01 Aug 2025 to 31 Aug 2025: "
        "each of the 5 locations is one row dated 01 Aug 2025.",
        "Not imported because the activity table has no field for them yet (period total): "
        "'Calls' (454), 'Directions' (1075).",
    ]


def test_an_italian_report_with_a_stray_comma_needs_the_period_and_keeps_numbers_in_place():
    with pytest.raises(ImportProblem) as caught:
        run(raw_file(ITALIAN))
    assert caught.value.message.key == "activity.err.no_period"
    named = RawFile("GBP_performance_report_2025-09-01_2025-09-30.csv", raw_file(ITALIAN).data)
    result = google_business.parse(named, ImportContext())
    assert totals(result.frame, "views", "clicks") == {"views": 465, "clicks": 24}
    assert result.frame["views"].tolist() == [155, 310]
    assert set(result.frame["when"]) == {rome("2025-09-01")}
    keys = [w.key for w in result.warnings]
    assert keys == [
        "activity.warn.ragged",
        "activity.warn.period_totals",
        "activity.warn.not_imported_totals",
    ]
    assert "'Chiamate' (10), 'Indicazioni stradali' (15)" in result.warnings[-1].render("it")


def test_with_a_gazetteer_locations_are_placed_by_the_town_in_their_address():
    result = google_business.parse(raw_file(ENGLISH), ImportContext(gazetteer=FakeGazetteer()))
    lat = result.frame["lat"].tolist()
    assert lat[0] == 44.2225 and lat[1] == 44.2225 and math.isnan(lat[2])  # Cesena unknown to the fake
