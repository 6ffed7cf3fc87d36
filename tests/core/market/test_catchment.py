import functools
import math

import numpy as np
import pandas as pd
import pytest

from core import geocode, samples
from core.market import catchment
from core.schema import CUSTOMER_COLUMNS

CENTER = (43.8, 10.5)
KM_PER_DEG_LAT = math.pi / 180 * 6371.0088  # 111.195 km


def north(km: float) -> tuple[float, float]:
    return CENTER[0] + km / KM_PER_DEG_LAT, CENTER[1]


def east(km: float) -> tuple[float, float]:
    return CENTER[0], CENTER[1] + km / (KM_PER_DEG_LAT * math.cos(math.radians(CENTER[0])))


def customers(points: list[tuple[float, float] | None], revenue: list[float] | None = None) -> pd.DataFrame:
    """A customers table with one row per point (None = unplaced)."""
    n = len(points)
    df = pd.DataFrame({c: [""] * n for c in CUSTOMER_COLUMNS})
    df["customer_id"] = [f"c{i}" for i in range(n)]
    df["country"] = "IT"
    df["orders"] = 1
    df["revenue"] = revenue if revenue is not None else [100.0] * n
    df["lat"] = [p[0] if p else math.nan for p in points]
    df["lon"] = [p[1] if p else math.nan for p in points]
    df["place_status"] = ["placed" if p else "unplaced" for p in points]
    return df


def test_distances_are_in_km_and_nan_for_unplaced_customers():
    d = catchment.distances_km(customers([north(1.0), (CENTER[0] + 0.01, CENTER[1]), None]), *CENTER)
    assert d[0] == pytest.approx(1.0, abs=1e-9)
    assert d[1] == pytest.approx(1.11195, abs=1e-4)  # 0.01 degree of latitude
    assert math.isnan(d[2])


def test_rings_count_customers_and_revenue_per_band_with_outside_unknown_and_unplaced_rows():
    points = [north(0.5), north(2), east(2), north(4), north(8), north(20), None, None]
    revenue = [10.0, 20, 20, 40, 80, 160, 30, 40]
    table = catchment.rings(customers(points, revenue), CENTER)
    assert table["band"].tolist() == ["0-1", "1-3", "3-5", "5-10", "outside", "unknown", "unplaced"]
    assert table["customers"].tolist() == [1, 2, 1, 1, 1, 0, 2]
    # shares are of the 6 customers with a distance (revenue 330), never of the unplaced (issue 24.5)
    assert table["share_customers"].tolist()[:5] == pytest.approx([1 / 6, 2 / 6, 1 / 6, 1 / 6, 1 / 6])
    assert table["share_customers"].iloc[5:].isna().all()
    assert table["revenue"].tolist() == pytest.approx([10, 40, 40, 80, 160, 0, 70])
    assert table["share_revenue"].tolist()[:5] == pytest.approx([10 / 330, 40 / 330, 40 / 330, 80 / 330, 160 / 330])
    assert table["cum_share_customers"].tolist()[:5] == pytest.approx([1 / 6, 3 / 6, 4 / 6, 5 / 6, 1.0])
    assert table["outer_km"].iloc[4] == math.inf


def test_customers_with_an_unknown_distance_get_their_own_row_and_stay_out_of_the_shares():
    points = [north(0.5), north(2), north(2), north(20)]
    unknown = np.array([False, False, True, True])  # two placed only to the city that holds the business
    table = catchment.rings(customers(points, [1.0, 2, 4, 8]), CENTER, (1, 3), unknown)
    assert table["customers"].tolist() == [1, 1, 0, 2, 0]
    assert table["share_customers"].tolist()[:3] == pytest.approx([0.5, 0.5, 0.0])
    assert table["revenue"].tolist() == pytest.approx([1, 2, 0, 12, 0])


def test_trade_areas_leave_out_the_customers_with_an_unknown_distance():
    points = [north(1), north(2), north(30), north(40)]
    unknown = np.array([False, False, True, True])
    (half,) = catchment.trade_areas(customers(points), CENTER, (0.5,), unknown)
    assert half.radius_km == pytest.approx(1.0) and half.customers == 1 and half.customer_share == 0.5


def test_a_customer_exactly_on_a_ring_edge_belongs_to_the_inner_ring():
    df = customers([(CENTER[0] + 1 / KM_PER_DEG_LAT, CENTER[1])])
    exact = catchment.distances_km(df, *CENTER)[0]
    table = catchment.rings(df, CENTER, radii_km=(exact, 2 * exact))
    assert table["customers"].tolist() == [1, 0, 0, 0, 0]


def test_missing_revenue_counts_as_zero_in_rings():
    table = catchment.rings(customers([north(0.5), north(2)], [math.nan, 50.0]), CENTER, radii_km=(1, 3))
    assert table["revenue"].tolist() == [0.0, 50.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize("radii", [(), (3, 1), (0, 1), (1, 1)])
def test_ring_radii_must_be_positive_and_increasing(radii):
    with pytest.raises(ValueError, match="increasing"):
        catchment.rings(customers([north(1)]), CENTER, radii_km=radii)


def test_trade_areas_on_a_symmetric_set():
    inner = [north(1), north(-1), east(1), east(-1)]
    outer = [north(2), east(3), north(-4), east(-5)]
    areas = catchment.trade_areas(customers(inner + outer + [None]), CENTER, shares=(0.5, 0.7))
    half, seventy = areas
    assert half.radius_km == pytest.approx(1.0, abs=1e-6)
    assert half.customers == 4 and half.customer_share == 0.5  # of the 8 placed ones
    assert sorted(half.polygon) == sorted(inner)  # the diamond of the 4 inner points
    assert seventy.radius_km == pytest.approx(3.0, abs=1e-6)  # the 6th of 8 (ceil of 5.6)
    assert seventy.customers == 6
    # the 2 km N and 3 km E points replace the inner N and E ones as corners
    assert sorted(seventy.polygon) == sorted([east(-1), north(-1), east(3), north(2)])


def test_customers_tied_at_the_trade_area_edge_are_all_inside():
    df = customers([north(1)] * 10 + [north(5)] * 10, revenue=[1.0] * 10 + [3.0] * 10)
    (area,) = catchment.trade_areas(df, CENTER, shares=(0.3,))
    assert area.radius_km == pytest.approx(1.0)
    assert (area.customers, area.customer_share) == (10, 0.5)
    assert (area.revenue, area.revenue_share) == (10.0, 0.25)
    assert area.polygon == (north(1),)  # one distinct point: the outline is that point


def test_no_trade_area_without_placed_customers():
    assert catchment.trade_areas(customers([None, None]), CENTER) == []


@pytest.mark.parametrize("share", [0, 1.5, -0.2])
def test_trade_area_shares_must_be_between_zero_and_one(share):
    with pytest.raises(ValueError, match="share"):
        catchment.trade_areas(customers([north(1)]), CENTER, shares=(share,))


def test_inside_a_circle_uses_the_distance_in_km():
    df = customers([north(0.9), north(1.1), east(-0.5), None])
    assert catchment.inside(df, catchment.Circle(*CENTER, 1.0)).tolist() == [True, False, True, False]


def test_inside_a_drawn_polygon_takes_lon_lat_vertices():
    df = customers([(43.5, 10.5), (43.5, 11.5), None])  # (lat, lon)
    square_lonlat = [(10.0, 43.0), (11.0, 43.0), (11.0, 44.0), (10.0, 44.0)]
    assert catchment.inside(df, square_lonlat).tolist() == [True, False, False]


def test_area_summary_counts_customers_revenue_and_residents_of_comuni_centred_inside():
    df = customers([(43.5, 10.5), (43.6, 10.6), (43.5, 11.5), None], revenue=[100.0, 50.0, 25.0, 25.0])
    comuni = pd.DataFrame(
        {
            "istat": ["1", "2", "3"],
            "name": ["A", "B", "C"],
            "lat": [43.5, 43.7, 45.0],
            "lon": [10.5, 10.2, 10.5],
            "population": [8000.0, np.nan, 50000.0],
        }
    )
    square_lonlat = [(10.0, 43.0), (11.0, 43.0), (11.0, 44.0), (10.0, 44.0)]
    got = catchment.area_summary(df, square_lonlat, comuni)
    assert (got.customers, got.revenue, got.orders) == (2, 150.0, 2)
    assert got.share_customers == pytest.approx(2 / 3)  # of the 3 placed customers
    assert got.share_revenue == pytest.approx(150 / 175)
    assert (got.comuni, got.residents, got.comuni_without_population) == (2, 8000.0, 1)
    assert got.per_1000 == pytest.approx(0.25)


def test_area_summary_without_comuni_has_no_residents():
    got = catchment.area_summary(customers([north(1)]), catchment.Circle(*CENTER, 5), None)
    assert (got.customers, got.residents, got.comuni) == (1, 0.0, 0)
    assert math.isnan(got.per_1000)


@functools.cache
def _sample_placed(slug: str) -> tuple[pd.DataFrame, tuple[float, float]]:
    sample = samples.load_sample(slug)
    town = sample.profile["business"]["town"]
    return geocode.geocode_frame(geocode.load_gazetteer(), sample.customers), (town["lat"], town["lon"])


def _haversine_km(lat: np.ndarray, lon: np.ndarray, at: tuple[float, float]) -> np.ndarray:
    """Great-circle distance, written out here (radius 6371.0088 km, the mean Earth radius)."""
    p, q = np.radians(lat), math.radians(at[0])
    h = np.sin((p - q) / 2) ** 2 + np.cos(p) * math.cos(q) * np.sin(np.radians(lon - at[1]) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(h))


@pytest.mark.parametrize("slug", samples.SLUGS)
def test_the_rings_of_every_sample_count_the_distances_worked_out_here(slug):
    placed, shop = _sample_placed(slug)
    radii = (2.0, 10.0, 30.0, 100.0, 400.0)
    table = catchment.rings(placed, shop, radii)
    km = _haversine_km(placed["lat"].to_numpy(float), placed["lon"].to_numpy(float), shop)
    has = ~np.isnan(km)
    edges = (-1.0, *radii)
    bands = [int(((km > lo) & (km <= hi)).sum()) for lo, hi in zip(edges[:-1], edges[1:], strict=True)]
    outside, unplaced = int((km > radii[-1]).sum()), int((~has).sum())

    assert table["customers"].tolist() == [*bands, outside, 0, unplaced]
    assert sum(bands) + outside == int(has.sum()) and has.sum() > 0.9 * len(placed)
    shares = table["share_customers"].to_numpy()[: len(radii) + 1]
    assert shares == pytest.approx(np.array([*bands, outside]) / has.sum())
    assert table["cum_share_customers"].iloc[len(radii)] == pytest.approx(1.0)
    revenue = placed["revenue"].to_numpy(float)
    assert table["revenue"].iloc[0] == pytest.approx(revenue[has & (km <= radii[0])].sum())
