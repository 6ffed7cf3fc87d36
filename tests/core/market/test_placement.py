"""Which customers have a distance from the business: hand-made comuni, numbers worked out here."""

import math

import numpy as np
import pandas as pd
import pytest

from core.market import catchment, placement
from core.schema import CUSTOMER_COLUMNS

KM_LAT = math.pi / 180 * 6371.0088  # km per degree of latitude
CITY = (41.90, 12.50)  # a big city's centre: its sample points fill a 30 km x 30 km square around it
TOWN = (41.90, 12.90)  # a small town 33 km east: its points fill a 2 km x 2 km square
SHOP = (41.90 + 4 / KM_LAT, 12.50)  # the business, 4 km north of the city's centre, inside the city


def square(centre: tuple[float, float], side_km: float, n: int, istat: str) -> pd.DataFrame:
    """An n x n grid of sample points covering a square of side_km around centre."""
    lat_step, lon_step = side_km / KM_LAT, side_km / (KM_LAT * math.cos(math.radians(centre[0])))
    offsets = (np.arange(n) + 0.5) / n - 0.5
    lat, lon = np.meshgrid(centre[0] + offsets * lat_step, centre[1] + offsets * lon_step)
    return pd.DataFrame({"istat": istat, "lat": lat.ravel(), "lon": lon.ravel()})


COMUNI = pd.DataFrame(
    {"istat": ["100001", "100002"], "name": ["Grande", "Piccola"], "lat": [CITY[0], TOWN[0]],
     "lon": [CITY[1], TOWN[1]], "population": [1_000_000, 2_000]}
)  # fmt: skip
CELLS = pd.concat([square(CITY, 30, 30, "100001"), square(TOWN, 2, 4, "100002")], ignore_index=True)


def customers(rows: list[tuple[str, tuple[float, float] | None, str]]) -> pd.DataFrame:
    """(comune_istat, point, postcode) per customer; revenue 10 each."""
    df = pd.DataFrame({c: [""] * len(rows) for c in CUSTOMER_COLUMNS})
    df["comune_istat"] = [r[0] for r in rows]
    df["lat"] = [r[1][0] if r[1] else math.nan for r in rows]
    df["lon"] = [r[1][1] if r[1] else math.nan for r in rows]
    df["postcode"] = [r[2] for r in rows]
    df["town"] = ["Grande" if r[0] == "100001" else "Piccola" for r in rows]
    df["country"], df["orders"], df["revenue"] = "IT", 1, 10.0
    return df


FRAZIONE = (41.90 - 10 / KM_LAT, 12.50)  # a named place inside the city, 14 km south of the shop
DF = customers(
    [("100001", CITY, "00176"), ("100001", CITY, "00176"), ("100001", CITY, "00177"),
     ("100001", FRAZIONE, "00119"), ("100002", TOWN, "00030"), ("", None, "")]
)  # fmt: skip


def test_customers_at_the_centre_of_their_comune_are_told_from_those_at_a_frazione_or_unplaced():
    assert placement.at_comune_centre(DF, COMUNI).tolist() == [True, True, True, False, True, False]


def test_the_city_that_holds_the_business_leaves_its_centred_customers_without_a_distance():
    unknown = placement.unknown_distance(DF, SHOP, COMUNI, CELLS)

    assert unknown.tolist() == [True, True, True, False, False, False]
    (apart,) = placement.apart(DF, unknown, {"100001": "Grande"})
    assert (apart.name, apart.customers, apart.revenue) == ("Grande", 3, 30.0)


def test_a_comune_far_from_the_business_keeps_its_centre_as_its_customers_place():
    # from the small town's edge the city's nearest point (18 km) is farther than half its centre (20 km)? no:
    # the business sits 1 km west of the town, 32 km from the city's centre and 17 km from its east edge
    shop = (TOWN[0], TOWN[1] - 1 / (KM_LAT * math.cos(math.radians(TOWN[0]))))
    unknown = placement.unknown_distance(DF, shop, COMUNI, CELLS)

    assert unknown.tolist() == [False, False, False, False, True, False]  # only the town that holds it


@pytest.mark.parametrize("business_istat", ["100002"])
def test_the_business_own_comune_counts_apart_even_without_sample_points(business_istat):
    unknown = placement.unknown_distance(DF, SHOP, COMUNI, None, business_istat)

    assert unknown.tolist() == [False, False, False, False, True, False]


def test_rings_put_the_city_customers_apart_and_share_over_the_others():
    unknown = placement.unknown_distance(DF, SHOP, COMUNI, CELLS)
    table = catchment.rings(DF, SHOP, (5, 20), unknown)

    # frazione 14 km from the shop; the town about 33 km away: beyond 20 km
    assert table["band"].tolist() == ["0-5", "5-20", "outside", "unknown", "unplaced"]
    assert table["customers"].tolist() == [0, 1, 1, 3, 1]
    assert table["share_customers"].tolist()[:3] == pytest.approx([0, 0.5, 0.5])


def test_a_circle_that_cuts_the_city_counts_its_residents_by_the_share_of_its_area_inside():
    # a 6 km x 30 km band of the city's 30 x 30 km: a fifth of its sample points (6 of 30 columns)
    west = CITY[1] - 15 / (KM_LAT * math.cos(math.radians(CITY[0])))
    east = CITY[1] - 9 / (KM_LAT * math.cos(math.radians(CITY[0])))
    band = [(west - 0.001, 41.0), (east, 41.0), (east, 42.8), (west - 0.001, 42.8)]  # (lon, lat)
    summary = catchment.area_summary(DF, band, COMUNI, CELLS)

    assert summary.residents == pytest.approx(1_000_000 * 6 / 30)
    assert summary.residents_estimated and summary.comuni == 1
    assert summary.customers == 0  # the frazione is on the city's axis, outside the band
    assert [(a.name, a.customers) for a in summary.unknown] == [("Grande", 3)]
    assert math.isnan(summary.per_1000)  # not knowable while customers are apart


def test_an_area_holding_a_whole_comune_counts_its_customers_and_all_its_residents():
    circle = catchment.Circle(TOWN[0], TOWN[1], 3.0)  # the town's square has a half-diagonal of 1.4 km
    summary = catchment.area_summary(DF, circle, COMUNI, CELLS)

    assert (summary.customers, summary.residents, summary.residents_estimated) == (1, 2000.0, False)
    assert summary.unknown == () and summary.per_1000 == pytest.approx(1 / 2000 * 1000)
