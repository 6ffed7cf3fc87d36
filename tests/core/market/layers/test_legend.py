import folium
import pytest

from core import i18n, offline_assets
from core.market.layers import legend
from core.market.layers import model as market_layers
from core.market.layers.model import Layer, LegendItem, LegendSection

EVIL = "<img src=x onerror=alert(1)> ${alert(1)} `x` \\"


def layer(title: str, section: LegendSection | None) -> Layer:
    return Layer(title, section)


def controls(group: folium.FeatureGroup) -> list:
    return [c for c in group._children.values() if isinstance(c, legend._LegendControl)]


def test_the_legend_lists_the_sections_of_the_given_layers_in_order_titled_by_their_layer():
    groups = [
        layer("Customers", LegendSection("", (LegendItem("#1f6fb2", "per place"),))),
        folium.FeatureGroup(name="plain group"),  # not a Layer: no section
        layer("No legend", None),
        layer("Rings", LegendSection("Distances", (LegendItem("#424242", "1 km", "dashed"),))),
    ]
    assert [s.title for s in legend.sections(groups)] == ["Customers", "Distances"]
    html = legend.legend_html(legend.sections(groups), "it")
    assert html.index("Customers") < html.index("per place") < html.index("Distances") < html.index("1 km")
    assert i18n.t("it", "market_layers.legend.title") in html


def test_the_legend_group_stays_out_of_the_layer_control_and_is_empty_without_sections():
    group = legend.legend_layer([layer("No legend", None)], "en")
    assert group.control is False
    assert controls(group) == []


def test_every_legend_text_is_escaped():
    section = LegendSection(EVIL, (LegendItem("#000000", EVIL),))
    html = legend.legend_html([section], "en")
    assert "<img" not in html and "${" not in html and "`" not in html and "\\" not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt; &#36;{alert(1)} &#96;x&#96; &#92;") == 2


def test_the_legend_control_follows_its_group_on_and_off_the_map():
    group = legend.legend_layer([layer("A", LegendSection("", (LegendItem("#123456", "a"),)))], "en", "topright")
    m = market_layers.market_map((43.8, 10.5), 10)
    group.add_to(m)
    html = m.get_root().render()
    assert "onAdd: function (map) { control.addTo(map); }" in html
    assert "onRemove: function () { control.remove(); }" in html
    assert 'L.control({position: "topright"})' in html
    assert offline_assets.external_urls(html) == []


@pytest.mark.parametrize(
    "item, message",
    [
        (LegendItem("red", "x"), "#rrggbb"),
        (LegendItem("#12345g", "x"), "#rrggbb"),
        (LegendItem('#123456"><script>', "x"), "#rrggbb"),
        (LegendItem("#123456", "x", "star"), "shape"),
    ],
)
def test_a_swatch_takes_only_hex_colours_and_known_shapes(item, message):
    with pytest.raises(ValueError, match=message):
        legend.swatch(item)


@pytest.mark.parametrize("shape", sorted(legend._SHAPES))
def test_every_shape_draws_in_its_colour(shape):
    assert "#abcdef" in legend.swatch(LegendItem("#abcdef", "x", shape))


def test_the_legend_position_must_be_a_map_corner():
    with pytest.raises(ValueError, match="middle"):
        legend.legend_layer([], "en", position="middle")


def test_the_legend_folds_to_its_title_on_a_narrow_map_so_it_does_not_cover_the_data():
    section = LegendSection("Rings", (LegendItem("#123456", "1 km", "ring"),))
    html = legend.legend_html([section], "en")
    assert html.startswith("<details open") and html.endswith("</details>") and "<summary" in html

    m = market_layers.market_map((43.8, 10.5), 10)
    legend.legend_layer([layer("Rings", section)], "en").add_to(m)
    script = m.get_root().render()
    assert "details.open = false" in script and f"map.getSize().x < {legend.FOLD_BELOW_PX}" in script
