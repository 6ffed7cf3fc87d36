"""The offline geocoder: towns and postcodes to comuni, frazioni and towns abroad."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from core import geocode


@pytest.fixture(scope="module")
def gaz() -> geocode.Gazetteer:
    # The default cache folder: built once (a few seconds), then loaded in a fraction of a second.
    return geocode.load_gazetteer()


def placed_istat(match: geocode.Match) -> str:
    assert match.status == geocode.PLACED, match
    assert match.place is not None
    return match.place.comune_istat


@pytest.mark.parametrize(
    ("town", "istat"),
    [
        ("Forlì", "040012"),
        ("forli", "040012"),
        ("FORLI'", "040012"),
        ("  Forlì  ", "040012"),
        ("Forlì (FC)", "040012"),
        ("Bolzano", "021008"),
        ("Bozen", "021008"),
        ("Bolzano/Bozen", "021008"),
        ("bolzano - bozen", "021008"),
        ("Reggio Emilia", "035033"),
        ("Reggio nell'Emilia", "035033"),
        ("Reggio Calabria", "080063"),
        ("Sant'Agata de' Goti", "062070"),
        ("Sant Agata de Goti", "062070"),
        ("Santagata de' Goti", "062070"),
        ("S. Giovanni Rotondo", "071046"),
        ("S Giovanni Rotondo", "071046"),
        ("Castelbello Ciardes", "021018"),
        ("Castelbello-Ciardes", "021018"),
        ("Rome", "058091"),
        ("Milan", "015146"),
        ("None", "001168"),  # a real comune (TO), not a missing value
    ],
)
def test_spellings_of_a_comune_find_it(gaz: geocode.Gazetteer, town: str, istat: str) -> None:
    assert placed_istat(gaz.find(town)) == istat


@pytest.mark.parametrize(
    ("town", "province", "postcode", "istat"),
    [
        ("Castro", "LE", "", "075096"),
        ("Castro", "BG", "", "016065"),
        ("Castro", "Bergamo", "", "016065"),
        ("Castro", "lecce", "", "075096"),
        ("Samone", "TO", "", "001235"),
        ("Samone", "Trento", "", "022165"),
        ("Peglio", "PU", "", "041041"),
        ("Livo", "CO", "", "013130"),
        ("Livo", "TN", "", "022106"),
        ("Castro", "", "73030", "075096"),
        ("Peglio", "", "22010", "013178"),
        ("Peglio", "", "61049", "041041"),
        ("Samone", "", "38059", "022165"),
    ],
)
def test_a_name_two_comuni_share_is_settled_by_province_or_postcode(
    gaz: geocode.Gazetteer, town: str, province: str, postcode: str, istat: str
) -> None:
    assert placed_istat(gaz.find(town, postcode=postcode, province=province)) == istat


@pytest.mark.parametrize(
    ("town", "provinces"), [("Castro", {"BG", "LE"}), ("Samone", {"TO", "TN"}), ("Livo", {"CO", "TN"})]
)
def test_a_shared_name_without_hints_is_ambiguous_with_its_candidates(
    gaz: geocode.Gazetteer, town: str, provinces: set[str]
) -> None:
    match = gaz.find(town)
    assert match.status == geocode.AMBIGUOUS
    assert match.place is None
    assert {p.province for p in match.candidates} == provinces


@pytest.mark.parametrize(
    ("town", "postcode", "province"),
    [("Castro (LE)", "", ""), ("Castro (LE)", "", "LE"), ("Castro", math.nan, "LE"), ("Castro", None, "Lecce")],
)
def test_a_province_in_brackets_and_missing_values_are_understood(
    gaz: geocode.Gazetteer, town: str, postcode: object, province: str
) -> None:
    assert placed_istat(gaz.find(town, postcode, province)) == "075096"


def test_nothing_given_is_unplaced_even_as_none_or_nan(gaz: geocode.Gazetteer) -> None:
    assert gaz.find(None, math.nan, None, None).status == geocode.UNPLACED  # type: ignore[arg-type]


def test_a_wrong_province_does_not_hide_a_town_that_is_unique_anyway(gaz: geocode.Gazetteer) -> None:
    assert placed_istat(gaz.find("Forlì", province="RM")) == "040012"


@pytest.mark.parametrize(
    ("postcode", "istat"),
    [
        ("06012", "054013"),  # Città di Castello
        ("6012", "054013"),  # leading zero lost in a spreadsheet
        (6012, "054013"),
        (6012.0, "054013"),  # ... and read back as a float
        ("00144", "058091"),
        ("00118", "058091"),
        ("00199", "058091"),
        ("00100", "058091"),  # the old generic city CAP
        ("118", "058091"),
        ("10100", "001272"),  # Torino
        ("07026", "090047"),  # Olbia: Sardinian CAPs use the 2025 codes in the source
    ],
)
def test_a_postcode_alone_places_its_only_comune(gaz: geocode.Gazetteer, postcode: object, istat: str) -> None:
    assert placed_istat(gaz.find(postcode=postcode)) == istat


def test_a_postcode_shared_by_many_comuni_needs_the_town(gaz: geocode.Gazetteer) -> None:
    alone = gaz.find(postcode="10060")
    assert alone.status == geocode.AMBIGUOUS
    assert len(alone.candidates) > 10
    assert placed_istat(gaz.find("None", postcode="10060")) == "001168"


@pytest.mark.parametrize(
    ("town", "country", "iso", "name"),
    [
        ("Paris", "Francia", "FR", "Paris"),
        ("Paris", "France", "FR", "Paris"),
        ("Munich", "Germany", "DE", "Munich"),
        ("München", "DE", "DE", "Munich"),
        ("Monaco di Baviera", "Germania", "DE", "Munich"),
        ("Londra", "Regno Unito", "GB", "London"),
        ("London", "UK", "GB", "London"),
        ("Zurigo", "Svizzera", "CH", "Zürich"),
        ("Wien", "Austria", "AT", "Vienna"),
        ("San Marino", "San Marino", "SM", "San Marino"),
    ],
)
def test_towns_abroad_are_found_with_a_country_code_or_name(
    gaz: geocode.Gazetteer, town: str, country: str, iso: str, name: str
) -> None:
    match = gaz.find(town, country=country)
    assert match.status == geocode.PLACED
    assert match.place is not None
    assert (match.place.country, match.place.name, match.place.kind, match.place.comune_istat) == (
        iso,
        name,
        "abroad",
        "",
    )


def test_abroad_the_most_populous_town_of_that_name_wins(gaz: geocode.Gazetteer) -> None:
    match = gaz.find("Frankfurt", country="DE")
    assert match.place is not None and match.place.population is not None
    assert match.place.population > 500_000  # am Main, not (Oder)


@pytest.mark.parametrize(
    ("town", "postcode", "province", "country"),
    [
        ("Xyzzy", "", "", ""),
        ("Atlantide", "", "", "DE"),
        ("Paris", "", "", "Narnia"),
        ("", "", "", ""),
        ("", "99999", "", ""),
        ("Forlì", "", "", "FR"),
    ],
)
def test_what_cannot_be_found_is_unplaced(
    gaz: geocode.Gazetteer, town: str, postcode: str, province: str, country: str
) -> None:
    assert gaz.find(town, postcode, province, country) == geocode.Match(geocode.UNPLACED)


@pytest.mark.parametrize(
    ("town", "istat", "comune"), [("Lido di Jesolo", "027019", "Jesolo"), ("Marina di Ravenna", "039014", "Ravenna")]
)
def test_a_frazione_is_placed_at_its_own_point_within_its_comune(
    gaz: geocode.Gazetteer, town: str, istat: str, comune: str
) -> None:
    match = gaz.find(town)
    assert placed_istat(match) == istat
    seat = gaz.find(comune).place
    assert match.place is not None and seat is not None
    assert match.place.kind == "frazione" and match.place.province == seat.province
    assert (match.place.lat, match.place.lon) != (seat.lat, seat.lon)


def test_a_place_carries_province_region_and_population(gaz: geocode.Gazetteer) -> None:
    place = gaz.find("Forlì").place
    assert place is not None
    assert (place.name, place.province, place.province_name, place.region, place.country) == (
        "Forlì",
        "FC",
        "Forlì-Cesena",
        "Emilia-Romagna",
        "IT",
    )
    assert abs(place.lat - 44.22) < 0.05 and abs(place.lon - 12.04) < 0.05
    assert place.population is not None and 100_000 < place.population < 130_000
    assert not place.approx


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("forl", "Forlì"),
        ("Reggio", "Reggio di Calabria"),
        ("bozen", "Bolzano"),
        ("sant agata de", "Sant'Agata de' Goti"),
    ],
)
def test_search_puts_the_most_populous_match_first(gaz: geocode.Gazetteer, query: str, first: str) -> None:
    assert gaz.search(query)[0].name == first


def test_search_lists_names_starting_with_the_query_before_names_containing_it(gaz: geocode.Gazetteer) -> None:
    names = [p.name for p in gaz.search("reggio", limit=20)]
    assert names[:2] == ["Reggio di Calabria", "Reggio nell'Emilia"]
    assert "Viareggio" in names and names.index("Viareggio") > names.index("Reggiolo")


@pytest.mark.parametrize(("query", "limit", "count"), [("", 10, 0), ("  ", 10, 0), ("san", 3, 3), ("qqqq", 10, 0)])
def test_search_respects_the_limit_and_ignores_blank_queries(
    gaz: geocode.Gazetteer, query: str, limit: int, count: int
) -> None:
    assert len(gaz.search(query, limit=limit)) == count


def test_every_comune_has_coordinates_and_its_postcodes(gaz: geocode.Gazetteer) -> None:
    comuni = gaz.comuni()
    assert len(comuni) > 7800 and comuni.istat.is_unique
    assert comuni[["lat", "lon"]].notna().all().all()
    assert comuni.lat.between(35.4, 47.1).all() and comuni.lon.between(6.6, 18.6).all()
    assert (comuni.caps.str.len() > 0).all()
    assert {"istat", "name", "province", "province_name", "region", "population", "caps"} <= set(comuni.columns)


def test_fallback_positions_are_flagged_approximate_and_still_have_istat_residents(gaz: geocode.Gazetteer) -> None:
    comuni = gaz.comuni()
    approx = comuni[comuni.approx]
    assert set(approx.source) <= {"postcode", "province_capital"}
    # the position is a fallback, the residents are ISTAT's all the same
    assert approx.population.notna().mean() > 0.9
    assert len(approx) < 0.05 * len(comuni)


def customers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e", "f", "g"],
            "town": ["Forlì", "forli", "Castro", "Paris", "Xyzzy", None, "Castro"],
            "postcode": ["47121", "", "", "", "", "6012", "73030"],
            "province": ["FC", "", "", "", "", "", ""],
            "country": ["IT", "IT", "IT", "FR", "IT", "IT", np.nan],
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )


def test_geocode_frame_keeps_every_row_and_fills_the_place_columns(gaz: geocode.Gazetteer) -> None:
    out = geocode.geocode_frame(gaz, customers())
    assert list(out.index) == [10, 11, 12, 13, 14, 15, 16]
    assert list(out.place_status) == ["placed", "placed", "ambiguous", "placed", "unplaced", "placed", "placed"]
    assert list(out.comune_istat) == ["040012", "040012", "", "", "", "054013", "075096"]
    assert out.lat.notna().tolist() == [True, True, False, True, False, True, True]
    assert out.loc[10, "lat"] == out.loc[11, "lat"]


def test_geocode_frame_leaves_its_input_alone_and_copes_with_missing_columns(gaz: geocode.Gazetteer) -> None:
    df = pd.DataFrame({"citta": ["Forlì", "Bozen"], "cap": [47121.0, math.nan]})
    out = geocode.geocode_frame(gaz, df, town="citta", postcode="cap")
    assert list(out.comune_istat) == ["040012", "021008"]
    assert list(df.columns) == ["citta", "cap"]


def test_geocode_frame_counts_add_up_on_many_rows(gaz: geocode.Gazetteer) -> None:
    df = pd.concat([customers()] * 2000, ignore_index=True)
    out = geocode.geocode_frame(gaz, df)
    assert len(out) == len(df)
    assert out.place_status.value_counts().to_dict() == {"placed": 10000, "ambiguous": 2000, "unplaced": 2000}
