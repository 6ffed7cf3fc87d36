"""The Market map's legend: plain HTML built here (a branca colour scale would load d3 from the
internet), one section per active layer, every label escaped.

The legend is a feature group like the layers, so it is passed to ``st_folium`` in the same
``feature_group_to_add`` list and follows the page's choice of layers without a re-mount: its
only member is a Leaflet layer that adds the legend control when shown and removes it when
``st_folium`` swaps the groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import folium
from branca.element import MacroElement
from folium.template import Template

from core import i18n, safe_text
from core.market.layers import model as market_layers
from core.market.layers.model import Layer, LegendItem, LegendSection

POSITIONS = ("topleft", "topright", "bottomleft", "bottomright")
FOLD_BELOW_PX = 450  # maps narrower than this open with the legend folded to its title
_BOX = (
    "background: rgba(255, 255, 255, 0.93); color: #222; padding: 6px 9px; border-radius: 4px; "
    "font: 12px/1.45 sans-serif; max-width: 260px; max-height: 45vh; overflow-y: auto; "
    "box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);"
)
_SWATCH = "display: inline-block; vertical-align: middle; margin-right: 6px; box-sizing: border-box; "
_SHAPES = {
    "circle": "width: 12px; height: 12px; border-radius: 50%; background: {c}; border: 1px solid #757575;",
    "ring": "width: 12px; height: 12px; border-radius: 50%; border: 2px solid {c};",
    "thick_ring": "width: 14px; height: 14px; border-radius: 50%; border: 4px solid {c};",
    "square": "width: 12px; height: 12px; background: {c}; opacity: 0.85; border: 1px solid #757575;",
    "line": "width: 16px; height: 0; border-top: 3px solid {c};",
    "dashed": "width: 16px; height: 0; border-top: 2px dashed {c};",
    "diamond": "width: 9px; height: 9px; margin-left: 2px; background: {c}; transform: rotate(45deg);",
}
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class _LegendControl(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group) {
            var control = L.control({position: {{ this.position|tojson }}});
            control.onAdd = function (map) {
                var div = L.DomUtil.create("div", "rotta-legend");
                div.innerHTML = {{ this.html|tojson }};
                // on a narrow map (a phone) the legend starts folded, so it does not cover the data
                var details = div.querySelector("details");
                if (details && map.getSize().x < {{ this.fold_below_px }}) { details.open = false; }
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            var Holder = L.Layer.extend({
                onAdd: function (map) { control.addTo(map); },
                onRemove: function () { control.remove(); }
            });
            group.addLayer(new Holder());
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, position: str):
        super().__init__()
        self._name = "LegendControl"
        self.html = html
        self.position = position
        self.fold_below_px = FOLD_BELOW_PX


def swatch(item: LegendItem) -> str:
    """The small coloured shape in front of a legend label."""
    if not _COLOR.fullmatch(item.color):
        raise ValueError(f"legend colour {item.color!r} is not #rrggbb")
    if item.shape not in _SHAPES:
        raise ValueError(f"legend shape {item.shape!r} is not one of {sorted(_SHAPES)}")
    return f'<span style="{_SWATCH}{_SHAPES[item.shape].format(c=item.color)}"></span>'


def sections(groups: Sequence[folium.FeatureGroup]) -> list[LegendSection]:
    """The legend sections of the given layers, in order; a section without title takes the layer's."""
    found = []
    for group in groups:
        section = getattr(group, "legend", None) if isinstance(group, Layer) else None
        if section is not None and section.items:
            found.append(LegendSection(section.title or group.title, section.items))
    return found


def legend_html(found: Sequence[LegendSection], lang: str) -> str:
    """The legend box as HTML, a ``<details>`` that folds to its title; every title and label escaped."""
    parts = [
        f'<details open style="{_BOX}">',
        f'<summary style="cursor: pointer; font-weight: bold;">'
        f"{safe_text.for_folium(i18n.t(lang, 'market_layers.legend.title'))}</summary>",
    ]
    for section in found:
        parts.append(f'<div style="margin-top: 5px; font-weight: 600;">{safe_text.for_folium(section.title)}</div>')
        parts += [f"<div>{swatch(item)}{safe_text.for_folium(item.label)}</div>" for item in section.items]
    parts.append("</details>")
    return "".join(parts)


def legend_layer(groups: Sequence[folium.FeatureGroup], lang: str, position: str = "bottomleft") -> folium.FeatureGroup:
    """A group holding the legend of ``groups`` (pass it to ``st_folium`` with them); it stays out
    of the layer control, and is empty when no layer has a legend."""
    if position not in POSITIONS:
        raise ValueError(f"legend position {position!r} is not one of {POSITIONS}")
    group = folium.FeatureGroup(name=safe_text.for_folium(i18n.t(lang, "market_layers.legend.title")), control=False)
    group.add_child(market_layers.ForgetRemovedGroups())
    found = sections(groups)
    if found:
        group.add_child(_LegendControl(legend_html(found, lang), position))
    return group
