import math

import folium
import pandas as pd
import pytest

from core import i18n
from core.market.layers import model as market_layers
from core.market.layers import places

CENTER = (43.8430, 10.5050)


def points_of(layer: folium.FeatureGroup) -> list[list]:
    return [row for el in market_layers.walk(layer) if isinstance(el, market_layers.PointsElement) for row in el.rows]


def penetration_table(rows: list[tuple[str, float, float, int, float]]) -> pd.DataFrame:
    """(name, lat, lon, customers, population) rows shaped like ``market.penetration(...).table``."""
    df = pd.DataFrame(rows, columns=["name", "lat", "lon", "customers", "population"])
    df["comune_istat"] = [f"{i:06d}" for i in range(len(df))]
    df["province"], df["region"] = "LU", "Toscana"
    df["revenue"] = df["customers"] * 10.0
    df["per_1000"] = df["customers"] / df["population"] * 1000
    return df


@pytest.mark.parametrize(
    "rates, breaks",
    [
        ([1, 2, 3, 4, 5], (2.0, 3.0, 4.0)),
        ([0, math.nan, 2, 4], (2.5, 3.0, 3.5)),  # zero and unknown rates are not classes
        ([3, 3, 3, 3], ()),  # one class
        ([1, 1, 1, 9], (1.0, 3.0)),  # the first two quartiles are equal: one edge
        ([], ()),
    ],
)
def test_classes_split_the_positive_rates_at_their_quartiles(rates, breaks):
    assert places.penetration_breaks(pd.Series(rates, dtype=float)) == pytest.approx(breaks)


@pytest.mark.parametrize(
    "rate, cls",
    [(math.nan, -1), (0.0, 0), (0.5, 1), (2.0, 1), (2.1, 2), (3.5, 3), (99.0, 4)],
)
def test_a_rate_falls_in_the_class_above_the_last_edge_it_exceeds(rate, cls):
    assert places.penetration_class(rate, (2.0, 3.0, 4.0)) == cls


def test_penetration_draws_comuni_with_customers_and_the_empty_ones_near_the_business():
    table = penetration_table(
        [
            ("Lucca", *CENTER, 40, 10000.0),
            ("Capannori", CENTER[0] + 0.05, CENTER[1], 0, 5000.0),  # ~5.6 km, no customers: drawn
            ("Milano", 45.46, 9.19, 0, 1000000.0),  # far, no customers: left out
            ("Pisa", 43.72, 10.40, 3, math.nan),  # population unknown
            ("Nowhere", math.nan, math.nan, 9, 100.0),  # no coordinates
        ]
    )
    layer = places.penetration_layer(table, "en", center=CENTER, empty_within_km=10)
    fills = {row[4].split(":")[0]: row[3] for row in points_of(layer)}
    assert fills == {
        "Lucca (LU)": places.PENETRATION_COLORS[-1],
        "Capannori (LU)": places.NO_CUSTOMERS_COLOR,
        "Pisa (LU)": places.UNKNOWN_COLOR,
    }


def test_penetration_classes_come_from_the_comuni_near_the_business_when_a_radius_is_given():
    near = [(f"N{i}", CENTER[0] + i * 0.01, CENTER[1], i + 1, 1000.0) for i in range(4)]  # 1..4 per 1,000
    far = [("Far", 45.0, 9.0, 1, 1.0)]  # 1,000 per 1,000 would dwarf everything
    layer = places.penetration_layer(penetration_table(near + far), "en", center=CENTER, empty_within_km=20)
    labels = [item.label for item in layer.legend.items]
    assert labels[:4] == [
        i18n.t("en", "market_layers.legend.rate_range", low="0.00", high="1.75"),
        i18n.t("en", "market_layers.legend.rate_range", low="1.75", high="2.50"),
        i18n.t("en", "market_layers.legend.rate_range", low="2.50", high="3.25"),
        i18n.t("en", "market_layers.legend.rate_above", low="3.25"),
    ]
    assert labels[4:] == [
        i18n.t("en", "market_layers.legend.rate_zero"),
        i18n.t("en", "market_layers.legend.rate_unknown"),
    ]


def test_a_single_class_takes_the_strongest_colour():
    layer = places.penetration_layer(penetration_table([("Lucca", *CENTER, 5, 1000.0)]), "it")
    assert [row[3] for row in points_of(layer)] == [places.PENETRATION_COLORS[-1]]
    assert layer.legend.items[0].color == places.PENETRATION_COLORS[-1]


def test_comuni_circles_are_sized_by_customers_and_skip_comuni_without_customers():
    table = penetration_table(
        [("Lucca", *CENTER, 100, 1.0), ("Pisa", 43.72, 10.40, 25, 1.0), ("Vuoto", 43.0, 10.0, 0, 1.0)]
    )
    rows = points_of(places.comuni_layer(table, "en"))
    assert [(r[2], r[4].split(":")[0]) for r in rows] == [(28.0, "Lucca (LU)"), (14.0, "Pisa (LU)")]


def followers(rows: list[tuple[str, float, float, str, float, float]]) -> pd.DataFrame:
    """(city, share_followers, share_customers, kind, lat, lon) rows."""
    df = pd.DataFrame(rows, columns=["city", "share_followers", "share_customers", "kind", "lat", "lon"])
    df["followers"], df["customers"], df["gap"] = 1.0, 1, df["share_followers"] - df["share_customers"]
    return df


def test_audience_rings_surround_customer_dots_and_thicken_where_the_audience_does_not_buy():
    table = followers(
        [
            ("Firenze", 0.5, 0.02, "audience_without_customers", 43.77, 11.25),
            ("Lucca", 0.3, 0.9, "customers_without_audience", *CENTER),
            ("Pisa", 0.2, 0.0, "balanced", 43.72, 10.40),
            ("Siena", 0.0, 0.08, "balanced", 43.32, 11.33),  # no audience, nothing special: left out
            ("Atlantis", 0.1, 0.0, "balanced", math.nan, math.nan),  # no coordinates
        ]
    )
    layer = places.followers_layer(table, "en")
    thin, thick, dots = [el for el in layer._children.values() if isinstance(el, market_layers.PointsElement)]
    assert [r[4].split(":")[0] for r in thin.rows] == ["Lucca", "Pisa"]
    assert [r[4].split(":")[0] for r in thick.rows] == ["Firenze"]
    assert thick.style["weight"] > thin.style["weight"]
    assert [r[4].split(":")[0] for r in dots.rows] == ["Firenze", "Lucca"]  # Pisa has no customers
    assert thick.rows[0][4] == i18n.t(
        "en",
        "market_layers.tip.followers_audience_without_customers",
        city="Firenze",
        followers="50%",
        customers="2.0%",
    )


def test_competitors_are_named_on_hover_with_their_town_and_need_coordinates():
    table = pd.DataFrame(
        {
            "name": ["Forno <b>Rossi</b>", "Bar Sport", "Lost"],
            "town": ["Lucca", "", "X"],
            "lat": [43.8, 43.9, None],
            "lon": [10.5, 10.6, None],
        }
    )
    layer = places.competitors_layer(table, "en")
    tips = [t.text for t in market_layers.walk(layer) if isinstance(t, folium.Tooltip)]
    assert tips == ["Forno &lt;b&gt;Rossi&lt;/b&gt; (Lucca)", "Bar Sport"]
