import re

import numpy as np
import pandas as pd
import pytest

from core import i18n, offline_assets
from core.monitor import map as monitor_map

RFM = pd.DataFrame(
    {
        "customer_id": ["1", "2", "3", "4", "5", "6"],
        "monetary": [100.0, 50.0, 20.0, 10.0, 5.0, 7.0],
        "segment": ["champions", "champions", "at_risk", "champions", "lost", "lost"],
    }
)
CUSTOMERS = pd.DataFrame(
    {
        "customer_id": [1, 2, 3, 4, 5, 6],  # numbers in the customers table, text in the RFM table
        "town": ["Roma", "Roma", "Roma", "Tivoli", "Tivoli", "Atlantide"],
        "lat": [41.89, 41.89, 41.89, 41.96, 41.96, np.nan],
        "lon": [12.48, 12.48, 12.48, 12.80, 12.80, np.nan],
    }
)
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "Bar `Da Gino`",
    "</script><script>alert(1)</script>",
    "C:\\x\\",
]


def _html(m) -> str:
    return m.get_root().render()


def test_customers_are_counted_per_place_and_segment_biggest_first():
    places, unplaced = monitor_map.segment_places(RFM, CUSTOMERS)

    assert unplaced == 1
    assert places[["place", "segment", "customers", "revenue"]].values.tolist() == [
        ["Roma", "champions", 2, 150.0],
        ["Roma", "at_risk", 1, 20.0],
        ["Tivoli", "champions", 1, 10.0],
        ["Tivoli", "lost", 1, 5.0],
    ]


def test_customers_without_coordinates_in_the_table_are_all_unplaced():
    places, unplaced = monitor_map.segment_places(RFM, CUSTOMERS.drop(columns=["lat", "lon"]))

    assert places.empty and unplaced == len(RFM)


def test_a_circle_area_grows_with_its_customers():
    radii = monitor_map.radius(pd.Series([400, 100, 1]), 400.0)

    assert radii[0] == monitor_map.MAX_RADIUS
    assert radii[1] == monitor_map.MAX_RADIUS / 2
    assert radii[2] == monitor_map.MIN_RADIUS


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_map_has_a_layer_and_a_legend_line_per_segment_and_draws_offline(lang):
    places, _ = monitor_map.segment_places(RFM, CUSTOMERS)

    html = _html(monitor_map.segment_map(places, lang, ("Forno", 41.9, 12.5)))

    assert offline_assets.external_urls(html) == []
    assert "d3" not in re.findall(r"<script[^>]+src=\"([^\"]+)\"", html)
    assert html.count("L.circleMarker(") == 2  # one loop draws every circle; the other is the business
    for segment, n in (("champions", 3), ("at_risk", 1), ("lost", 1)):
        name = i18n.t(lang, "monitor.map.layer", segment=i18n.t(lang, f"loyalty.segment.{segment}"), n=n)
        assert html.count(name) >= 2  # the layer control and the legend
    assert i18n.t(lang, "loyalty.segment.loyal") not in html
    assert monitor_map.SEGMENT_COLORS["at_risk"] in html and "L.canvas()" not in html


def test_many_circles_are_drawn_on_a_canvas():
    n = monitor_map.MAX_SVG + 1
    places = pd.DataFrame(
        {"lat": np.linspace(40, 45, n), "lon": np.linspace(9, 15, n), "place": "x", "segment": "new",
         "customers": 1, "revenue": 1.0}
    )  # fmt: skip

    assert "L.canvas()" in _html(monitor_map.segment_map(places, "en"))


@pytest.mark.parametrize("text", HOSTILE)
def test_place_and_business_names_are_escaped(text):
    customers = CUSTOMERS.assign(town=text)
    places, _ = monitor_map.segment_places(RFM, customers)

    html = _html(monitor_map.segment_map(places, "en", (text, 41.9, 12.5)))

    assert text not in html
    assert "<img src=x" not in html and "${alert" not in html and "</script><script>alert" not in html


def test_far_away_customers_do_not_zoom_the_map_out():
    places = pd.DataFrame(
        {"lat": [41.9, 41.95, 52.5], "lon": [12.5, 12.55, 13.4], "place": ["Roma", "Roma Nord", "Berlin"],
         "segment": ["loyal", "new", "lost"], "customers": [500, 300, 2], "revenue": [1.0, 1.0, 1.0]}
    )  # fmt: skip

    (south, west), (north, east) = monitor_map.bounds(places)

    assert (south, north) == (41.9, 41.95) and (west, east) == (12.5, 12.55)


def test_a_map_with_no_placed_customers_is_an_empty_map_of_italy():
    places, _ = monitor_map.segment_places(RFM.iloc[:0], CUSTOMERS)

    html = _html(monitor_map.segment_map(places, "it"))

    assert "L.circleMarker(" not in html and "rotta-legend" not in html


def test_circle_rows_given_to_the_map_draw_the_same_map():
    places, _ = monitor_map.segment_places(RFM, CUSTOMERS)
    rows = monitor_map.circle_rows(places, "it")

    assert len(rows) == len(places) and all(len(r) == 5 for r in rows)
    with_rows = monitor_map.segment_map(places, "it", rows=rows, tiles=False).get_root().render()
    without = monitor_map.segment_map(places, "it", tiles=False).get_root().render()
    strip = lambda html: re.sub(r"_[0-9a-f]{32}", "", html)  # noqa: E731 - element ids are random
    assert strip(with_rows) == strip(without)
