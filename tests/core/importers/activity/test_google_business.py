import datetime as dt
import math

import pytest

from core import importers
from core.importers.activity import google_business
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import FakeGazetteer, raw_file, rome, run, totals

ENGLISH = "google_business_profile/GBP_performance_report_2025-08-01_2025-08-31.csv"
ITALIAN = "google_business_profile/rapporto_prestazioni_it.csv"


def test_each_location_becomes_a_daily_row_with_views_clicks_calls_and_directions():
    result = run(raw_file(ENGLISH))
    frame = result.frame
    assert (result.platform, len(frame), set(frame["kind"])) == ("google_business", 5, {"daily"})
    assert totals(frame, "views", "clicks", "calls", "directions", "interactions") == {
        "views": 15301,
        "clicks": 875,
        "calls": 454,  # 116 + 107 + 28 + 84 + 119
        "directions": 1075,  # 269 + 167 + 340 + 236 + 63
        "interactions": None,  # calls and directions are actions on the profile, not interactions
    }
    assert frame["views"].iloc[0] == 1778  # 990 + 509 + 273 + 6 on Search and Maps
    assert (frame["calls"].iloc[0], frame["directions"].iloc[0]) == (116, 269)
    assert set(frame["when"]) == {rome("2025-08-01")}
    assert frame["place"].tolist()[-1] == "Gino Catering"


def test_the_summary_totals_carry_calls_and_directions_and_only_the_period_is_reported():
    result = run(raw_file(ENGLISH))
    summary = result.summary()
    assert summary["totals"] == {"views": 15301, "clicks": 875, "calls": 454, "directions": 1075}
    assert (summary["first"], summary["last"]) == ("2025-08-01", "2025-08-01")
    assert summary["warnings"] == [
        "The report gives totals from 01 Aug 2025 to 31 Aug 2025: each of the 5 locations is one row dated 01 Aug 2025."
    ]


def test_an_italian_report_with_a_stray_comma_needs_the_period_and_keeps_numbers_in_place():
    with pytest.raises(ImportProblem) as caught:
        run(raw_file(ITALIAN))
    assert caught.value.message.key == "activity.err.no_period"
    named = RawFile("GBP_performance_report_2025-09-01_2025-09-30.csv", raw_file(ITALIAN).data)
    result = google_business.parse(named, ImportContext())
    assert totals(result.frame, "views", "clicks", "calls", "directions") == {
        "views": 465,
        "clicks": 24,
        "calls": 10,  # Chiamate 7 + 3
        "directions": 15,  # Indicazioni stradali 9 + 6
    }
    assert result.frame["views"].tolist() == [155, 310]
    assert set(result.frame["when"]) == {rome("2025-09-01")}
    assert [w.key for w in result.warnings] == ["activity.warn.ragged", "activity.warn.period_totals"]


def test_without_a_period_the_error_says_how_to_give_one_in_both_languages():
    with pytest.raises(ImportProblem) as caught:
        google_business.parse(raw_file(ITALIAN), ImportContext())
    message = caught.value.message
    assert message.render("en") == (
        "The Google Business Profile report does not say which period it covers and its file name "
        "'rapporto_prestazioni_it.csv' does not either. Give the period (the report's first and last day), or "
        "upload the file with the name Google gives it, ending with the two dates (..._YYYY-MM-DD_YYYY-MM-DD.csv)."
    )
    assert message.render("it").startswith(
        "Il rapporto di Google Business Profile non dice a quale periodo si riferisce e il nome del file "
        "'rapporto_prestazioni_it.csv' non lo contiene. Indica il periodo"
    )


def test_a_period_given_explicitly_dates_the_rows_and_wins_over_the_file_name():
    period = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    unnamed = google_business.parse(raw_file(ITALIAN), ImportContext(period=period))
    named = google_business.parse(raw_file(ENGLISH), ImportContext(period=period))
    for result in (unnamed, named):
        assert set(result.frame["when"]) == {rome("2026-01-01")}
        (said,) = [w for w in result.warnings if w.key == "activity.warn.period_totals"]
        assert (said.params["start"], said.params["end"]) == period


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ImportProblem) as caught:
        google_business.parse(raw_file(ITALIAN), ImportContext(period=(dt.date(2026, 2, 1), dt.date(2026, 1, 1))))
    assert caught.value.message.render("en") == "The period given ends (01 Jan 2026) before it starts (01 Feb 2026)."


def test_the_entry_point_passes_the_period_through_its_context():
    result = importers.import_file(raw_file(ITALIAN), ImportContext(period=(dt.date(2026, 3, 1), dt.date(2026, 3, 31))))
    assert (result.platform, result.summary()["first"]) == ("google_business", "2026-03-01")


REQUESTS = (
    "Store code,Business name,Address,Google Search - Mobile,Google Maps - Mobile,Calls,Messages,"
    "Directions requests,Website clicks\n"
    'A1,Bar Centrale,"Via Roma 1, 47121 Forlì FC","1,200",300,12,4,30,9\n'
    'A2,Bar Stazione,"Viale Vittorio Veneto 2, 47122 Forlì FC",100,50,3,0,5,1\n'
)
RICHIESTE = (
    "Codice negozio;Nome dell'attività;Indirizzo;Ricerca Google - Dispositivi mobili;Chiamate;"
    "Richieste di indicazioni stradali;Clic sul sito web\n"
    ";;;Numero di persone;Numero di chiamate;Numero di richieste;Numero di clic\n"
    "A1;Bar Centrale;Via Roma 1, 47121 Forlì FC;1.200;12;30;9\n"
)


@pytest.mark.parametrize(
    ("text", "expected", "left_out"),
    [
        (REQUESTS, {"views": 1650, "calls": 15, "directions": 35, "clicks": 10}, "'Messages' (4)"),
        (RICHIESTE, {"views": 1200, "calls": 12, "directions": 30, "clicks": 9}, None),
    ],
)
def test_other_header_names_for_calls_and_directions_are_read(text, expected, left_out):
    raw = RawFile("report_2026-02-01_2026-02-28.csv", text.encode())
    result = run(raw, ImportContext(today=dt.date(2026, 3, 10)))
    assert result.summary()["totals"] == expected
    others = [w.render("en") for w in result.warnings if w.key == "activity.warn.not_imported_totals"]
    assert others == (
        []
        if left_out is None
        else [f"Not imported because the activity table has no field for them (period total): {left_out}."]
    )


def test_with_a_gazetteer_locations_are_placed_by_the_town_in_their_address():
    result = google_business.parse(raw_file(ENGLISH), ImportContext(gazetteer=FakeGazetteer()))
    lat = result.frame["lat"].tolist()
    assert lat[0] == 44.2225 and lat[1] == 44.2225 and math.isnan(lat[2])  # Cesena unknown to the fake
