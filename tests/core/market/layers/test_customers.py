import math

import folium
import pandas as pd
import pytest

from core import i18n
from core.market.layers import customers as layers
from core.market.layers import model as market_layers
from core.schema import CUSTOMER_COLUMNS

LUCCA, PISA = (43.8430, 10.5050), (43.7228, 10.4017)


def customers(rows: list[tuple[tuple[float, float] | None, str, float]]) -> pd.DataFrame:
    """Customers from (point or None, town, revenue) rows."""
    n = len(rows)
    df = pd.DataFrame({c: [""] * n for c in CUSTOMER_COLUMNS})
    df["town"] = [town for _, town, _ in rows]
    df["revenue"] = [revenue for _, _, revenue in rows]
    df["orders"] = 1
    df["lat"] = [p[0] if p else math.nan for p, _, _ in rows]
    df["lon"] = [p[1] if p else math.nan for p, _, _ in rows]
    return df


def children(group: folium.FeatureGroup, kind: type) -> list:
    return [c for c in market_layers.walk(group) if isinstance(c, kind)]


def test_customers_at_the_same_point_make_one_place_with_their_count_revenue_and_commonest_spelling():
    df = customers(
        [
            (LUCCA, "Lucca", 10.0),
            (LUCCA, "LUCCA", 5.0),
            ((LUCCA[0] + 1e-7, LUCCA[1]), "Lucca", math.nan),  # the same point, more decimals
            (PISA, "Pisa", 7.0),
            (None, "Nowhere", 100.0),
        ]
    )
    places = layers.customer_places(df)
    assert list(places.columns) == list(layers.PLACE_COLUMNS)
    assert places.to_dict("records") == [
        {"lat": LUCCA[0], "lon": LUCCA[1], "customers": 3, "revenue": 15.0, "town": "Lucca"},
        {"lat": PISA[0], "lon": PISA[1], "customers": 1, "revenue": 7.0, "town": "Pisa"},
    ]


def test_no_placed_customers_make_no_places():
    places = layers.customer_places(customers([(None, "Nowhere", 1.0)]))
    assert places.empty and list(places.columns) == list(layers.PLACE_COLUMNS)


def places_of(counts: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "lat": [43.0 + i * 0.01 for i in range(len(counts))],
            "lon": [10.0] * len(counts),
            "customers": counts,
            "revenue": [c * 10.0 for c in counts],
            "town": [f"T{i}" for i in range(len(counts))],
        }
    )


def test_clustered_customers_are_one_bubble_per_place_that_add_up_when_merged():
    layer = layers.customers_layer(places_of([50, 3, 1]), "it")
    (element,) = children(layer, layers._PlaceClusters)
    assert [row[2] for row in element.rows] == [50, 3, 1]
    assert element.locale == "it-IT"
    assert element.rows[0][3] == market_layers.place_tips("it", ["T0"], [50], [500.0])[0]
    assert "n += kids[i].options.customers" in element._template.module.script(element)


def test_unclustered_customers_are_circles_sized_by_their_count():
    layer = layers.customers_layer(places_of([100, 25]), "en", clustered=False)
    (element,) = children(layer, market_layers.PointsElement)
    assert [row[2] for row in element.rows] == [market_layers.MAX_RADIUS_PX, market_layers.MAX_RADIUS_PX / 2]
    assert layer.legend.items[0].label == i18n.t("en", "market_layers.legend.customers_circles")


def test_the_heat_is_weighted_by_customers_capped_at_the_90th_percentile_place():
    counts = [1] * 8 + [10, 1000]
    layer = layers.heat_layer(places_of(counts), "en")
    (heat,) = children(layer, folium.plugins.HeatMap)
    weights = [w for _, _, w in heat.data]
    top = pd.Series(counts).quantile(0.9)  # 109: the busiest place counts no more than this
    assert weights[-1] == 1.0 and weights[-2] == pytest.approx(round(10 / top, 3))
    assert heat.options["max_zoom"] == 6


def test_the_business_is_labelled_for_good_and_other_sites_on_hover():
    sites = [
        layers.Site("Forno", *LUCCA, "Via Roma 1"),
        layers.Site("Stall", *PISA),
        layers.Site("Lost", math.nan, 1),
    ]
    layer = layers.business_layer(sites, "en")
    markers = children(layer, folium.Marker)
    tips = children(layer, folium.Tooltip)
    assert len(markers) == 2  # the site without coordinates is left out
    assert [t.options.get("permanent", False) for t in tips] == [True, False]
    assert tips[0].text == "<b>Forno</b><br>Via Roma 1"
    assert [i.color for i in layer.legend.items] == [layers.BUSINESS_COLOR, layers.SITE_COLOR]


def test_a_business_with_one_site_has_no_other_sites_in_its_legend():
    layer = layers.business_layer([layers.Site("Forno", *LUCCA)], "it")
    assert [i.label for i in layer.legend.items] == [i18n.t("it", "market_layers.legend.business")]


def test_customers_placed_only_to_a_city_are_drawn_as_its_outline_with_their_postcodes():
    import h3

    from core.market import placement

    cells = pd.DataFrame({"istat": "058091", "lat": [41.90, 41.905, 41.91], "lon": [12.50, 12.505, 12.51]})
    postcodes = pd.DataFrame(
        {"postcode": ["00176", "00177", "00100"], "town": ["Roma", "Roma", "Milano"],
         "comune_istat": ["058091", "058091", "015146"], "customers": [402, 160, 3]}
    )  # fmt: skip
    apart = (placement.Apart("058091", "Roma", 562, 5000.0),)
    layer = layers.customers_layer(
        layers.customer_places(pd.DataFrame(columns=["lat", "lon"])), "en", apart=apart, cells=cells,
        postcodes=postcodes,
    )  # fmt: skip
    html = folium.Map().add_child(layer).get_root().render()

    assert "Roma: 562 customers, position inside the city unknown. By postcode: 00176 402, 00177 160." in html
    assert "00100" not in html  # Milano's postcode is not Roma's
    outline = layers.apart_outline(cells, "058091")
    assert outline["type"] in ("Polygon", "MultiPolygon")
    assert {h3.latlng_to_cell(41.90, 12.50, 8)} <= {h3.latlng_to_cell(lat, lon, 8) for lat, lon in
                                                    zip(cells["lat"], cells["lon"], strict=True)}  # fmt: skip
    assert layer.legend.items[-1].label == i18n.t("en", "market_layers.legend.apart")
