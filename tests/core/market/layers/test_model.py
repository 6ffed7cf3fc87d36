import functools
import math
import re

import folium
import numpy as np
import pandas as pd
import pytest
from folium import plugins

from core import hexes, i18n, offline_assets
from core.market import catchment, market
from core.market.layers import areas, legend
from core.market.layers import customers as customers_mod
from core.market.layers import model as market_layers
from core.market.layers import places as places_mod
from core.schema import CUSTOMER_COLUMNS

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "Bar `Da Gino`",
    "</script><script>alert(1)</script>",
    "C:\\bar\\",
]
EVIL = " ".join(HOSTILE)
CENTER = (43.8430, 10.5050)


def customers(points: list[tuple[float, float] | None], towns: list[str]) -> pd.DataFrame:
    n = len(points)
    df = pd.DataFrame({c: [""] * n for c in CUSTOMER_COLUMNS})
    df["customer_id"] = [f"c{i}" for i in range(n)]
    df["town"], df["province"], df["country"] = towns, "LU", "IT"
    df["orders"], df["revenue"] = 1, 25.0
    df["lat"] = [p[0] if p else math.nan for p in points]
    df["lon"] = [p[1] if p else math.nan for p in points]
    df["comune_istat"] = [f"{i % 5:06d}" if p else "" for i, p in enumerate(points)]
    return df


@functools.cache
def inputs() -> tuple[pd.DataFrame, ...]:
    """The tables the layers draw (read only), every name in them hostile."""
    pts = [(CENTER[0] + (i % 5) * 0.02, CENTER[1] + (i % 3) * 0.03) for i in range(40)] + [None]
    df = customers(pts, [EVIL] * len(pts))
    comuni = pd.DataFrame(
        {
            "istat": [f"{i:06d}" for i in range(5)],
            "name": [EVIL] * 5,
            "province": [EVIL] * 5,
            "region": ["Toscana"] * 5,
            "lat": [CENTER[0] + i * 0.02 for i in range(5)],
            "lon": [CENTER[1]] * 5,
            "population": [1000.0, 2000.0, 3000.0, 4000.0, math.nan],
        }
    )
    by_comune = market.by_comune(df)
    pen = market.penetration(by_comune, comuni).table
    followers = market.followers_vs_customers(pd.DataFrame({"city": [EVIL, "Pisa"], "followers": [5, 9]}), by_comune)
    followers = followers.assign(lat=CENTER[0] + 0.1, lon=CENTER[1])
    rival = pd.DataFrame({"name": [EVIL], "town": [EVIL], "lat": [CENTER[0]], "lon": [CENTER[1] + 0.01]})
    return df, customers_mod.customer_places(df), pen, followers, rival, hexes.hexes(df, 7)


def every_layer(lang: str = "en") -> list[folium.FeatureGroup]:
    """One of each layer, every name and label coming from hostile text."""
    df, places, pen, followers, rival, cells = inputs()
    clicks = [CENTER, (CENTER[0] + 0.05, CENTER[1]), (CENTER[0], CENTER[1] + 0.05)]
    groups = [
        customers_mod.business_layer(
            [customers_mod.Site(EVIL, *CENTER, EVIL), customers_mod.Site(EVIL, 43.9, 10.6)], lang
        ),
        customers_mod.customers_layer(places, lang),
        customers_mod.customers_layer(places, lang, clustered=False),
        customers_mod.heat_layer(places, lang),
        areas.hexes_layer(cells, lang),
        areas.rings_layer(catchment.rings(df, CENTER), CENTER, lang),
        areas.trade_areas_layer(catchment.trade_areas(df, CENTER), CENTER, lang),
        areas.target_area_layer(clicks, lang, label=EVIL),
        areas.target_area_layer(clicks[:2], lang, label=EVIL),
        areas.target_circle_layer(catchment.Circle(*CENTER, 2.0), lang, label=EVIL),
        places_mod.comuni_layer(pen, lang),
        places_mod.penetration_layer(pen, lang, center=CENTER, empty_within_km=50),
        places_mod.followers_layer(followers, lang),
        places_mod.competitors_layer(rival, lang),
    ]
    return [*groups, legend.legend_layer(groups, lang)]


def rendered(groups: list[folium.FeatureGroup]) -> str:
    m = market_layers.market_map(CENTER, 11)
    for group in groups:
        group.add_to(m)
    folium.LayerControl().add_to(m)
    return m.get_root().render()


@pytest.fixture(scope="module")
def html() -> str:
    return rendered(every_layer())


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_layer_lets_hostile_names_through_unescaped(html, hostile):
    assert hostile not in html
    assert "<img src=x" not in html and "<script>alert" not in html


def test_hostile_names_are_shown_escaped_in_every_kind_of_label(html):
    escaped = "&lt;img src=x onerror=alert(1)&gt; &#36;{alert(1)} Bar &#96;Da Gino&#96;"
    assert escaped in html  # tooltips written by folium
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt; \\u0026#36;{alert(1)}" in html  # data for our scripts


def test_the_rendered_layers_load_no_script_or_stylesheet_from_the_internet(html):
    assert offline_assets.external_urls(html) == []


def test_every_layer_survives_the_way_st_folium_adds_feature_groups():
    streamlit_folium = pytest.importorskip("streamlit_folium")
    groups = every_layer("it")
    m = market_layers.market_map(CENTER, 11)
    m.get_root().render()  # st_folium renders the map before it adds the groups
    script = "".join(streamlit_folium._get_feature_group_string(g, m, i) for i, g in enumerate(groups))
    for hostile in HOSTILE:
        assert hostile not in script
    links = [url for el in market_layers.walk(m) for _, url in getattr(el, "default_js", [])]
    assert links and all(url.startswith(offline_assets.VENDOR_URL_PREFIX) for url in links)


def test_the_market_map_loads_the_cluster_and_heat_plugins_from_the_app_before_any_layer():
    m = market_layers.market_map(CENTER, 11)
    urls = offline_assets.asset_urls(m)
    assert f"{offline_assets.VENDOR_URL_PREFIX}/leaflet.markercluster/leaflet.markercluster.js" in urls
    assert f"{offline_assets.VENDOR_URL_PREFIX}/leaflet.heat/leaflet_heat.min.js" in urls
    assert offline_assets.external_urls(m.get_root().render()) == []


def test_a_groups_plugin_links_point_at_the_apps_copies():
    group = folium.FeatureGroup()
    plugins.HeatMap([[43.8, 10.5, 1.0]]).add_to(group)
    market_layers.localize_group(group)
    heat = next(iter(group._children.values()))
    assert heat.default_js == [
        ("leaflet-heat.js", f"{offline_assets.VENDOR_URL_PREFIX}/leaflet.heat/leaflet_heat.min.js")
    ]


def test_a_group_with_a_plugin_rotta_does_not_serve_is_refused():
    group = folium.FeatureGroup()
    plugins.Draw().add_to(group)
    with pytest.raises(offline_assets.UnshippedAssetError, match="Draw"):
        market_layers.localize_group(group)


def test_a_layer_keeps_its_plain_title_and_escapes_its_name_for_the_layer_control():
    layer = market_layers.Layer(EVIL)
    assert layer.title == EVIL
    assert "<" not in layer.layer_name and "`" not in layer.layer_name and "$" not in layer.layer_name


def test_points_are_written_as_json_that_cannot_close_the_script():
    group = folium.FeatureGroup()
    group.add_child(market_layers.PointsElement([[43.8, 10.5, 5, "#000000", "</script>"]], {"weight": 1}))
    m = market_layers.market_map(CENTER, 11)
    group.add_to(m)
    html = m.get_root().render()
    assert '</script>"' not in html and '"\\u003c/script\\u003e"' in html


def test_the_market_map_draws_every_shape_on_its_one_canvas():
    # Several canvases would stack, and only the top one answers the mouse (tooltips).
    html = market_layers.market_map(CENTER, 11).get_root().render()
    assert '"preferCanvas": true' in html
    assert "L.canvas(" not in rendered(every_layer())


def test_every_group_lets_go_of_the_groups_st_folium_took_off_the_map():
    groups = every_layer()
    assert all(any(isinstance(c, market_layers.ForgetRemovedGroups) for c in g._children.values()) for g in groups)
    assert "window.feature_group.filter(function (g) { return g._map; })" in rendered(groups)


VALUES = [0, 0.005, 0.125, 2.675, 1.005, 7, 999.995, 1000, 1234.5, 2345.5, 12345678.9, 1e9, -1234.5, math.nan]


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("value", VALUES)
def test_the_fast_formatters_write_exactly_what_i18n_writes(lang, value):
    for decimals in (0, 1, 2):
        assert market_layers.number_formatter(lang, decimals)(value) == i18n.number(lang, value, decimals)
    assert market_layers.money_formatter(lang)(value) == i18n.money(lang, value)


@pytest.mark.parametrize(
    "value, en, it", [(0.0, "0%", "0%"), (0.034, "3.4%", "3,4%"), (0.1, "10%", "10%"), (0.456, "46%", "46%")]
)
def test_small_shares_keep_a_decimal_so_they_do_not_read_as_zero(value, en, it):
    assert (market_layers.share("en", value), market_layers.share("it", value)) == (en, it)


@pytest.mark.parametrize(
    "values, biggest, expected",
    [
        ([100, 25, 0], 100, [28.0, 14.0, market_layers.MIN_RADIUS_PX]),  # area ∝ value
        ([4, 1], 4, [28.0, 14.0]),
        ([5, 5], 0, [market_layers.MIN_RADIUS_PX] * 2),  # nothing to scale by
    ],
)
def test_circle_areas_are_proportional_to_the_values(values, biggest, expected):
    assert market_layers.radius_px(np.asarray(values, float), biggest).tolist() == expected


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_place_tooltips_name_the_place_unless_it_has_no_name(lang):
    tips = market_layers.place_tips(lang, ["Lucca", " "], [1200, 3], [10.5, 0.0])
    assert tips[0] == i18n.t(
        lang,
        "market_layers.tip.place",
        name="Lucca",
        customers=i18n.number(lang, 1200),
        revenue=i18n.money(lang, 10.5),
    )
    assert tips[1] == i18n.t(lang, "market_layers.tip.place_unnamed", customers="3", revenue=i18n.money(lang, 0.0))


def test_layer_names_are_translated():
    names = {lang: [g.title for g in every_layer(lang) if isinstance(g, market_layers.Layer)] for lang in i18n.LANGS}
    assert names["it"] != names["en"]
    assert all(re.search(r"[a-z]", n) for n in names["it"] + names["en"])
