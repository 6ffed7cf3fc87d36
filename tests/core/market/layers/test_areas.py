import math

import folium
import pandas as pd
import pytest

from core import hexes, i18n
from core.market import catchment
from core.market.layers import areas
from core.market.layers import model as market_layers
from core.schema import CUSTOMER_COLUMNS

CENTER = (43.8430, 10.5050)


def customers(points: list[tuple[float, float] | None], revenue: list[float] | None = None) -> pd.DataFrame:
    n = len(points)
    df = pd.DataFrame({c: [""] * n for c in CUSTOMER_COLUMNS})
    df["orders"] = 1
    df["revenue"] = revenue if revenue is not None else [10.0] * n
    df["lat"] = [p[0] if p else math.nan for p in points]
    df["lon"] = [p[1] if p else math.nan for p in points]
    return df


def children(group: folium.FeatureGroup, kind: type) -> list:
    return [c for c in market_layers.walk(group) if isinstance(c, kind)]


def north(km: float) -> tuple[float, float]:
    return CENTER[0] + km / areas.KM_PER_DEG_LAT, CENTER[1]


SQUARE = [(43.0, 10.0), (43.0, 10.1), (43.1, 10.1), (43.1, 10.0)]  # (lat, lon) clicks


@pytest.mark.parametrize(
    "points, problem",
    [
        ([], "market_layers.area.too_few"),
        ([(43.0, 10.0), (43.1, 10.0)], "market_layers.area.too_few"),
        ([(43.0, 10.0), (43.0, 10.0), (43.1, 10.0), (43.0, 10.0)], "market_layers.area.too_few"),  # repeats
        ([(43.0, 10.0), (43.1, 10.1), (43.2, 10.2)], "market_layers.area.flat"),
        ([(43.0, 10.0), (43.1, 10.1), (43.0, 10.1), (43.1, 10.0)], "market_layers.area.crossing"),  # bow tie
        (
            [(43.0, 10.0), (43.0, 10.2), (43.1, 10.1), (43.0, 10.1), (42.9, 10.1)],
            "market_layers.area.crossing",
        ),
    ],
)
def test_clicked_points_that_do_not_make_an_area_say_why(points, problem):
    ring, problems = areas.area_from_points(points)
    assert ring == [] and [p.key for p in problems] == [problem]
    assert all(p.render(lang) for p in problems for lang in i18n.LANGS)


def test_the_too_few_message_counts_the_distinct_points():
    _, problems = areas.area_from_points([(43.0, 10.0), (43.0, 10.0), (43.1, 10.0)])
    assert problems[0].params == {"count": 2}


def test_the_crossing_message_names_the_sides_that_cross():
    _, problems = areas.area_from_points([(43.0, 10.0), (43.1, 10.1), (43.0, 10.1), (43.1, 10.0)])
    assert problems[0].params == {"first": 1, "second": 3}


def test_a_valid_area_comes_back_as_lon_lat_vertices_that_catchment_accepts():
    ring, problems = areas.area_from_points([*SQUARE, SQUARE[0]])  # closing click dropped
    assert problems == []
    assert ring == [(10.0, 43.0), (10.1, 43.0), (10.1, 43.1), (10.0, 43.1)]
    inside = catchment.inside(customers([(43.05, 10.05), (43.2, 10.05)]), ring)
    assert inside.tolist() == [True, False]


def test_a_double_click_does_not_add_a_vertex():
    ring, _ = areas.area_from_points([SQUARE[0], SQUARE[1], SQUARE[1], SQUARE[2]])
    assert len(ring) == 3


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        ({}, None),
        ({"lat": 43.8, "lng": 10.5}, (43.8, 10.5)),
        ({"lat": 43.8, "lng": 370.5}, (43.8, 10.5)),  # the world repeated sideways
        ({"lat": "x", "lng": 10.5}, None),
        ({"lat": 95.0, "lng": 10.5}, None),
        ({"lat": 43.8}, None),
    ],
)
def test_a_map_click_becomes_a_lat_lon_point(value, expected):
    point = areas.point_from_click(value)
    assert point == (pytest.approx(expected) if expected else None)


@pytest.mark.parametrize(
    "point, radius, problem",
    [(None, 5.0, "market_layers.area.no_centre"), (CENTER, 0.0, "market_layers.area.bad_radius"),
     (CENTER, math.nan, "market_layers.area.bad_radius")],
)  # fmt: skip
def test_a_circle_needs_a_clicked_centre_and_a_positive_radius(point, radius, problem):
    circle, problems = areas.circle_from_click(point, radius)
    assert circle is None and [p.key for p in problems] == [problem]


def test_a_circle_from_a_click_is_a_catchment_circle():
    assert areas.circle_from_click(CENTER, 3) == (catchment.Circle(*CENTER, 3.0), [])


def test_hexagons_are_coloured_by_level_and_carry_only_the_level_and_an_escaped_tooltip():
    df = customers([CENTER] * 5 + [north(30)] + [None], revenue=[1.0] * 5 + [900.0, 5.0])
    cells = hexes.hexes(df, 7)
    layer = areas.hexes_layer(cells, "en")
    (geo,) = children(layer, folium.GeoJson)
    props = [f["properties"] for f in geo.data["features"]]
    assert [p["level"] for p in props] == [5, 3]  # 5 customers, then 1 (hexes' own quintiles)
    assert set(props[0]) == {"level", "tip"}
    assert props[0]["tip"] == i18n.t("en", "market_layers.tip.hex", customers="5", share="83.3%", revenue="€5.00")
    assert geo.style_function(geo.data["features"][0])["fillColor"] == areas.LEVEL_COLORS[4]


def test_hexagons_by_revenue_rank_cells_by_revenue():
    df = customers([CENTER] * 5 + [north(30)], revenue=[1.0] * 5 + [900.0])
    layer = areas.hexes_layer(hexes.hexes(df, 7), "it", measure="revenue")
    (geo,) = children(layer, folium.GeoJson)
    assert [f["properties"]["level"] for f in geo.data["features"]] == [3, 5]
    assert layer.legend.title == i18n.t("it", "market_layers.legend.hexes_revenue")


def test_hexagons_show_customers_or_revenue_only():
    with pytest.raises(ValueError, match="orders"):
        areas.hexes_layer(hexes.hexes(customers([CENTER]), 7), "en", measure="orders")


def test_each_ring_is_a_circle_labelled_with_the_share_of_customers_inside():
    df = customers([north(0.5), north(2), north(2.5), north(20), None])
    layer = areas.rings_layer(catchment.rings(df, CENTER, (1, 3)), CENTER, "en")
    circles = children(layer, folium.Circle)
    assert [c.options["radius"] for c in circles] == [1000.0, 3000.0]
    assert len([m for m in children(layer, folium.Marker) if type(m) is folium.Marker]) == 2
    icons = [i.options["html"] for i in children(layer, folium.DivIcon)]
    assert "1 km · 25% customers" in icons[0] and "3 km · 75% customers" in icons[1]  # of the 4 placed
    tips = [t.text for t in children(layer, folium.Tooltip)]
    assert tips[1] == i18n.t("en", "market_layers.tip.ring", km="3", customers="75%", revenue="75%")


def test_trade_areas_are_outlines_drawn_widest_first_or_a_circle_when_too_few_customers():
    df = customers([north(1), (CENTER[0], CENTER[1] + 0.02), north(-1.5), north(4)])
    layer = areas.trade_areas_layer(catchment.trade_areas(df, CENTER, (0.25, 1.0)), CENTER, "en")
    drawn = [c for c in layer._children.values() if not isinstance(c, market_layers.ForgetRemovedGroups)]
    assert [type(c).__name__ for c in drawn] == ["Polygon", "Circle"]
    circle = next(c for c in layer._children.values() if isinstance(c, folium.Circle))
    assert circle.location == list(CENTER) and circle.options["radius"] == pytest.approx(1000, rel=1e-6)
    assert [i.color for i in layer.legend.items] == list(areas.TRADE_AREA_COLORS[:2])


def test_a_target_area_in_progress_shows_its_sides_and_the_problem_on_its_vertices():
    layer = areas.target_area_layer(SQUARE[:2], "it")
    assert children(layer, folium.PolyLine) and not children(layer, folium.Polygon)
    (points,) = children(layer, market_layers.PointsElement)
    problem = i18n.Message("market_layers.area.too_few", {"count": 2}).render("it")
    assert [row[4] for row in points.rows] == [f"1 · {problem}", f"2 · {problem}"]


def test_a_valid_target_area_is_a_filled_polygon_with_its_label():
    layer = areas.target_area_layer(SQUARE, "en", label="Lucca <b>centre</b>")
    (polygon,) = [c for c in children(layer, folium.Polygon) if type(c) is folium.Polygon]
    assert polygon.locations == [list(p) for p in SQUARE]
    assert children(layer, folium.Tooltip)[0].text == "Lucca &lt;b&gt;centre&lt;/b&gt;"


def test_a_circular_target_area_is_drawn_at_its_radius():
    layer = areas.target_circle_layer(catchment.Circle(*CENTER, 2.5), "en")
    (circle,) = children(layer, folium.Circle)
    assert circle.options["radius"] == 2500.0
