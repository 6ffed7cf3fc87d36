import json
import math

import h3
import pandas as pd
import pytest

from core import hexes
from core.schema import CUSTOMER_COLUMNS


def customers(points: list[tuple[float, float] | None], revenue: list[float] | None = None) -> pd.DataFrame:
    n = len(points)
    df = pd.DataFrame({c: [""] * n for c in CUSTOMER_COLUMNS})
    df["orders"] = 2
    df["revenue"] = revenue if revenue is not None else [10.0] * n
    df["lat"] = [p[0] if p else math.nan for p in points]
    df["lon"] = [p[1] if p else math.nan for p in points]
    return df


LUCCA, PISA, MILANO = (43.8430, 10.5050), (43.7228, 10.4017), (45.4642, 9.1900)


@pytest.mark.parametrize("resolution", [5, 6, 7])
def test_hex_counts_sum_to_the_placed_customers(resolution):
    df = customers([LUCCA, LUCCA, PISA, MILANO, None, (43.8431, 10.5051)])
    table = hexes.hexes(df, resolution)
    assert table["customers"].sum() == 5
    assert table["share_customers"].sum() == pytest.approx(1.0)
    assert all(h3.get_resolution(c) == resolution for c in table["cell"])


def test_customers_at_one_point_share_a_cell_with_their_revenue_and_orders():
    df = customers([LUCCA, LUCCA, LUCCA, MILANO], revenue=[10.0, 20.0, math.nan, 5.0])
    table = hexes.hexes(df, 7)
    top = table.iloc[0]
    assert top["cell"] == h3.latlng_to_cell(*LUCCA, 7)
    assert (top["customers"], top["revenue"], top["orders"]) == (3, 30.0, 6)
    assert (top["lat"], top["lon"]) == pytest.approx(h3.cell_to_latlng(top["cell"]))


def test_no_placed_customers_give_an_empty_grid_and_an_empty_collection():
    table = hexes.hexes(customers([None]), 6)
    assert table.empty and list(table.columns) == list(hexes.HEX_COLUMNS)
    assert hexes.hex_geojson(table) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("resolution", [-1, 16])
def test_the_resolution_must_exist(resolution):
    with pytest.raises(ValueError, match="resolution"):
        hexes.hexes(customers([LUCCA]), resolution)


def test_hex_geojson_has_closed_lon_lat_rings_rounded_to_5_decimals_and_properties():
    table = hexes.hexes(customers([LUCCA, LUCCA, PISA], revenue=[10.4, 20.0, 7.0]), 6)
    collection = json.loads(json.dumps(hexes.hex_geojson(table)))  # plain JSON, as folium gets it
    first = collection["features"][0]
    ring = first["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == 7  # hexagon, closed
    assert all(round(v, 5) == v for point in ring for v in point)
    lat, lon = h3.cell_to_boundary(first["properties"]["cell"])[0]
    assert ring[0] == [round(lon, 5), round(lat, 5)]
    assert first["properties"] == {
        "cell": h3.latlng_to_cell(*LUCCA, 6),
        "customers": 2,
        "revenue": 30,
        "share": 0.6667,
        "level": 5,
    }


def test_hex_levels_are_quintiles_of_the_customer_counts():
    table = pd.DataFrame(
        {
            "cell": [h3.latlng_to_cell(45 + i / 10, 10, 6) for i in range(5)],
            "customers": [50, 40, 30, 20, 10],
            "revenue": 0.0,
            "share_customers": 0.2,
        }
    )
    levels = [f["properties"]["level"] for f in hexes.hex_geojson(table)["features"]]
    assert levels == [5, 4, 3, 2, 1]
