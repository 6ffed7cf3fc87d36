"""Where the business acted, month by month: a folium map with a time control that works offline.

folium's own time plugins load leaflet.timedimension, moment and iso8601 from CDNs, which Rotta
does not ship, and ``HeatMapWithTime`` does not run inside ``st_folium``. This module draws
plain ``CircleMarker``s (posts with a place and offline actions) and adds its own small control,
plain JavaScript with no library: a month slider, a play button and an "only this month" box
that add and remove the markers of a layer group. Everything the script gets from data arrives
as JSON with ``<``, ``>`` and ``&`` escaped, and is shown with ``textContent``; tooltips go
through ``safe_text.for_folium``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import Any

import folium
import numpy as np
import pandas as pd
from folium.template import Template

from core import i18n, maps, safe_text
from core.timeline import timeline

MAX_POINTS = 1000  # each CircleMarker costs ~1 ms to build and render, twice that in st_folium
STEP_MS = 900  # play: one month every 0.9 s
RING_COLOR = "#5f6368"
POINT_COLUMNS: tuple[str, ...] = ("when", "month", "platform", "kind", "text", "place", "lat", "lon")
_JS_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")  # only inside JSON strings: structural braces open objects


def map_points(activity: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Own posts with a place and offline actions that have coordinates, the latest ``max_points``.

    ``when`` is naive Europe/Rome time and ``month`` its first day (``datetime64``).
    """
    placed = np.isfinite(activity["lat"].astype(float)) & np.isfinite(activity["lon"].astype(float))
    keep = placed & (timeline.own_posts(activity) | (activity["platform"] == timeline.OFFLINE))
    rows = activity.loc[keep, ["when", "platform", "kind", "text", "place", "lat", "lon"]]
    local = timeline.local_times(rows["when"]).astype("datetime64[s]")
    rows = rows.assign(when=local, month=timeline.period_starts(local, "month").astype("datetime64[s]"))
    rows = rows.sort_values("when", kind="stable").tail(max_points)
    return rows[list(POINT_COLUMNS)].reset_index(drop=True)


def script_json(value: Any) -> str:
    """``value`` as JSON that can sit inside a ``<script>`` element: no ``</script>``, no ``<!--``, and
    no ``{{``, ``{%`` or ``{#`` (branca compiles the map's scripts as a Jinja template a second time).
    In JSON those pairs only occur inside strings, where ``\\u007b`` is the same ``{``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = _JINJA_OPEN.sub(r"\\u007b", text)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class TimeFilter(folium.MacroElement):
    """A Leaflet control that shows the markers of ``group`` up to (or only in) the chosen month."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }}, group = {{ this.group.get_name() }};
            var data = {{ this.data_json }};
            var markers = [{{ this.marker_names }}];
            var control = L.control({position: "bottomleft"});
            control.onAdd = function () {
                var div = L.DomUtil.create("div", "rotta-time-filter");
                div.style.cssText = data.style;
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                function add(parent, tag, props) {
                    var el = document.createElement(tag);
                    for (var k in props) { el[k] = props[k]; }
                    parent.appendChild(el);
                    return el;
                }
                var row = add(div, "div", {});
                var play = add(row, "button", {type: "button", textContent: data.text.play});
                var slider = add(row, "input", {type: "range", min: 0, max: data.months.length - 1, step: 1});
                slider.value = data.months.length - 1;
                slider.setAttribute("aria-label", data.text.slider);
                slider.style.verticalAlign = "middle";
                var label = add(row, "span", {});
                label.style.cssText = "margin-left: 6px; display: inline-block; min-width: 8em;";
                var box = add(div, "label", {});
                var only = add(box, "input", {type: "checkbox"});
                box.appendChild(document.createTextNode(" " + data.text.only));
                var legend = add(div, "div", {});
                data.legend.forEach(function (item) {
                    var swatch = add(legend, "span", {textContent: "\u25cf "});
                    swatch.style.color = item[1];
                    add(legend, "span", {textContent: item[0] + "  "});
                });
                var timer = null;
                function show() {
                    var m = +slider.value, single = only.checked;
                    label.textContent = (single ? "" : data.text.until + " ") + data.months[m];
                    for (var i = 0; i < markers.length; i++) {
                        var on = single ? data.index[i] === m : data.index[i] <= m;
                        if (on && !group.hasLayer(markers[i])) { group.addLayer(markers[i]); }
                        if (!on && group.hasLayer(markers[i])) { group.removeLayer(markers[i]); }
                    }
                }
                function stop() { clearInterval(timer); timer = null; play.textContent = data.text.play; }
                play.addEventListener("click", function () {
                    if (timer) { stop(); return; }
                    if (+slider.value >= data.months.length - 1) { slider.value = 0; }
                    show();
                    play.textContent = data.text.pause;
                    timer = setInterval(function () {
                        if (+slider.value >= data.months.length - 1) { stop(); return; }
                        slider.value = +slider.value + 1;
                        show();
                    }, data.step);
                });
                slider.addEventListener("input", function () { if (timer) { stop(); } show(); });
                only.addEventListener("change", show);
                show();
                return div;
            };
            control.addTo(map);
        })();
        {% endmacro %}
        """
    )

    style = (
        "background: rgba(255, 255, 255, 0.94); color: #222; padding: 6px 8px; border-radius: 4px; "
        "font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);"
    )

    def __init__(
        self,
        group: folium.FeatureGroup,
        markers: Sequence[folium.CircleMarker],
        index: Sequence[int],
        months: Sequence[str],
        text: dict[str, str],
        legend: Sequence[tuple[str, str]],
    ):
        super().__init__()
        self._name = "TimeFilter"
        self.group = group
        names = [m.get_name() for m in markers]
        if not all(_JS_NAME.match(n) for n in names):  # they are written into the script as code
            raise ValueError("marker names must be JavaScript identifiers")
        self.marker_names = ", ".join(names)
        data = {
            "months": list(months),
            "index": [int(i) for i in index],
            "text": text,
            "legend": [list(item) for item in legend],
            "style": self.style,
            "step": STEP_MS,
        }
        self.data_json = script_json(data)


def _t(lang: str, key: str, **params: Any) -> str:
    return i18n.t(lang, f"timeline.{key}", **params)


def _month_label(lang: str, month: pd.Timestamp) -> str:
    return f"{_t(lang, f'month_short.{month.month}')} {month.year}"


def _tooltip(lang: str, row: Any, text: str) -> str:
    """Date and channel, format and caption, place: every piece escaped for folium."""
    when = f"{i18n.date(lang, row.when.date())} {row.when:%H:%M}"
    channel = timeline.channel_label(lang, row.platform)
    kind = safe_text.for_folium(timeline.kind_label(lang, row.kind))
    lines = [f"<b>{safe_text.for_folium(when)}</b> · {safe_text.for_folium(channel)}"]
    lines.append(f"{kind}: {safe_text.for_folium(text)}" if text else kind)
    if isinstance(row.place, str) and row.place:
        lines.append(safe_text.for_folium(row.place))
    return "<br>".join(lines)


def _bounds(points: pd.DataFrame, center: tuple[float, float], radii_km: Sequence[float]) -> list[list[float]]:
    """[[south, west], [north, east]] around the points and the rings (1 degree of latitude ~ 111 km)."""
    lat, lon = center
    reach = max(radii_km, default=0.0)
    dlat, dlon = reach / 111.0, reach / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    lats = [*points["lat"].astype(float), lat - dlat, lat + dlat]
    lons = [*points["lon"].astype(float), lon - dlon, lon + dlon]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def activity_map(
    points: pd.DataFrame,
    center: tuple[float, float],
    lang: str,
    *,
    rings: Sequence[tuple[float, str]] = (),
    zoom: int = 13,
    tiles: bool = True,
    fit: bool = True,
) -> folium.Map:
    """``points`` (from :func:`map_points`) over the market's ``rings`` (radius km, label) around ``center``.

    With ``fit`` the view opens on every point and ring (``zoom`` is then only the starting value).
    Without points the map has no time control.
    """
    m = maps.base_map(center, zoom, tiles=tiles, lang=lang)
    if fit and (len(points) or rings):
        m.fit_bounds(_bounds(points, center, [r for r, _ in rings]))
    for radius_km, label in rings:
        folium.Circle(
            location=list(center),
            radius=float(radius_km) * 1000,
            color=RING_COLOR,
            weight=1,
            dash_array="4 4",
            fill=False,
            tooltip=folium.Tooltip(safe_text.for_folium(label), sticky=True),
        ).add_to(m)
    if points.empty:
        return m
    group = folium.FeatureGroup(name=_t(lang, "map.layer"), control=False).add_to(m)
    markers = []
    for row, text in zip(points.itertuples(index=False), timeline.short_text(points["text"]), strict=True):
        offline = row.platform == timeline.OFFLINE
        markers.append(
            folium.CircleMarker(
                location=(float(row.lat), float(row.lon)),
                radius=8 if offline else 6,
                color="#ffffff" if not offline else "#222222",
                weight=1.5,
                fill=True,
                fill_color=timeline.color(str(row.platform)),
                fill_opacity=0.85,
                tooltip=folium.Tooltip(_tooltip(lang, row, text), sticky=True),
            ).add_to(group)
        )
    months = pd.date_range(points["month"].min(), points["month"].max(), freq="MS")
    index = months.get_indexer(pd.DatetimeIndex(points["month"]))
    text = {k: _t(lang, f"map.{k}") for k in ("play", "pause", "only", "until", "slider")}
    legend = [
        (timeline.channel_label(lang, p), timeline.color(p)) for p in timeline.platform_order(set(points["platform"]))
    ]
    TimeFilter(group, markers, index, [_month_label(lang, mo) for mo in months], text, legend).add_to(m)
    return m
