"""Market map layers per town: customers by comune, penetration, audience against customers, competitors.

Tables come from ``core.market.market`` (``penetration(...).table``, ``followers_vs_customers``); towns
that have no coordinates are skipped (the page lists them). Competitors are geocoded by the page.
"""

from __future__ import annotations

import math

import folium
import numpy as np
import pandas as pd

from core import geometry, i18n, safe_text
from core.market.layers import model as market_layers
from core.market.layers.model import Layer, LegendItem, LegendSection, PointsElement, coord

COMUNE_COLOR = "#1f6fb2"
PENETRATION_COLORS = ("#fdcc8a", "#fc8d59", "#e34a33", "#b30000")  # lowest to highest class
NO_CUSTOMERS_COLOR = "#ffffff"
UNKNOWN_COLOR = "#9e9e9e"
AUDIENCE_COLOR = "#c2185b"
COMPETITOR_COLOR = "#37474f"
_COMPETITOR_ICON = (
    f"width: 12px; height: 12px; background: {COMPETITOR_COLOR}; border: 2px solid #fff; "
    "transform: translate(-50%, -50%) rotate(45deg); box-shadow: 0 1px 3px rgba(0, 0, 0, 0.5);"
)


def _placed(table: pd.DataFrame) -> pd.DataFrame:
    lat = pd.to_numeric(table["lat"], errors="coerce")
    lon = pd.to_numeric(table["lon"], errors="coerce")
    return table[lat.notna() & lon.notna()]


def _names(table: pd.DataFrame) -> list[str]:
    """``Name (PR)``, or the name alone when the province is unknown."""
    provinces = table["province"].fillna("").astype(str).str.strip()
    return [f"{n} ({p})" if p else str(n) for n, p in zip(table["name"].fillna(""), provinces, strict=True)]


def comuni_layer(penetration_table: pd.DataFrame, lang: str) -> Layer:
    """Comuni with customers (``market.penetration(...).table``) as circles sized by customers."""
    table = _placed(penetration_table[penetration_table["customers"] > 0])
    counts = table["customers"].to_numpy(float)
    radii = market_layers.radius_px(counts, float(counts.max()) if len(counts) else 0.0)
    tips = market_layers.place_tips(lang, _names(table), counts, table["revenue"])
    rows = [
        [coord(a), coord(b), float(r), COMUNE_COLOR, tip]
        for a, b, r, tip in zip(table["lat"], table["lon"], radii, tips, strict=True)
    ]
    item = LegendItem(COMUNE_COLOR, i18n.t(lang, "market_layers.legend.comuni"))
    layer = Layer(i18n.t(lang, "market_layers.layer.comuni"), LegendSection("", (item,)))
    layer.add_child(PointsElement(rows, {"color": "#ffffff", "weight": 1, "fillOpacity": 0.7}))
    return layer


def penetration_breaks(per_1000: pd.Series) -> tuple[float, ...]:
    """Upper edges of the classes below the top one: quartiles of the positive rates (fewer when
    rates repeat), so each colour holds about a quarter of the comuni with customers."""
    rates = pd.to_numeric(per_1000, errors="coerce").to_numpy(float)
    rates = rates[np.isfinite(rates) & (rates > 0)]
    if rates.size == 0:
        return ()
    edges = np.unique(np.round(np.quantile(rates, [0.25, 0.5, 0.75]), 6))
    return tuple(float(e) for e in edges if e < rates.max())


def penetration_class(rate: float, breaks: tuple[float, ...]) -> int:
    """0 for no customers, 1.. for the class of a positive rate, -1 when the rate is unknown."""
    if not math.isfinite(rate):
        return -1
    if rate <= 0:
        return 0
    return 1 + sum(rate > b for b in breaks)


def _penetration_colors(n_classes: int) -> tuple[str, ...]:
    """The top ``n_classes`` of the palette (so one class is the strongest colour, not the palest)."""
    return PENETRATION_COLORS[len(PENETRATION_COLORS) - n_classes :]


def penetration_layer(
    penetration_table: pd.DataFrame,
    lang: str,
    *,
    center: tuple[float, float] | None = None,
    empty_within_km: float = 0.0,
) -> Layer:
    """Customers per 1,000 residents by comune, coloured by class (see :func:`penetration_breaks`).

    Comuni with customers are drawn; those without only within ``empty_within_km`` of ``center``
    (drawing every comune of Italy at 0 would hide the ones that matter). With a ``center`` and a
    radius the classes are the quartiles of the comuni within it, so the business's own area is
    not one colour next to far-away comuni with a customer or two.
    """
    table = _placed(penetration_table)
    keep = table["customers"] > 0
    near = pd.Series(False, index=table.index)
    if center is not None and empty_within_km > 0:
        lats, lons = table["lat"].to_numpy(float), table["lon"].to_numpy(float)
        near = pd.Series(geometry.haversine_km(lats, lons, *center) <= empty_within_km, index=table.index)
    table, near = table[keep | near], near[keep | near]
    breaks = penetration_breaks(table.loc[near, "per_1000"]) or penetration_breaks(table["per_1000"])
    colors = _penetration_colors(len(breaks) + 1)
    rates = pd.to_numeric(table["per_1000"], errors="coerce").to_numpy(float)
    fills = []
    for rate in rates:
        cls = penetration_class(rate, breaks)
        fills.append(UNKNOWN_COLOR if cls < 0 else (NO_CUSTOMERS_COLOR if cls == 0 else colors[cls - 1]))
    tips = _penetration_tips(lang, table, rates)
    rows = [
        [coord(a), coord(b), 7, fill, tip]
        for a, b, fill, tip in zip(table["lat"], table["lon"], fills, tips, strict=True)
    ]
    layer = Layer(i18n.t(lang, "market_layers.layer.penetration"), _penetration_legend(lang, breaks, colors))
    layer.add_child(PointsElement(rows, {"color": "#616161", "weight": 1, "fillOpacity": 0.9}))
    return layer


def _penetration_tips(lang: str, table: pd.DataFrame, rates: np.ndarray) -> list[str]:
    number, rate_number = market_layers.number_formatter(lang), market_layers.number_formatter(lang, 2)
    customers = [number(v) for v in table["customers"]]
    population = [number(v) if math.isfinite(v) else "" for v in pd.to_numeric(table["population"]).astype(float)]
    rate_text = [rate_number(v) if math.isfinite(v) else "" for v in rates]
    tips = []
    for name, c, p, rate, text in zip(_names(table), customers, population, rates, rate_text, strict=True):
        key = "market_layers.tip.penetration" if math.isfinite(rate) else "market_layers.tip.penetration_unknown"
        tips.append(safe_text.for_folium(i18n.t(lang, key, name=name, customers=c, population=p, rate=text)))
    return tips


def _penetration_legend(lang: str, breaks: tuple[float, ...], colors: tuple[str, ...]) -> LegendSection:
    edges = [0.0, *breaks]
    items = []
    for i, color in enumerate(colors):
        low = i18n.number(lang, edges[i], 2)
        if i < len(breaks):
            label = i18n.t(lang, "market_layers.legend.rate_range", low=low, high=i18n.number(lang, breaks[i], 2))
        else:
            label = i18n.t(lang, "market_layers.legend.rate_above", low=low)
        items.append(LegendItem(color, label))
    items.append(LegendItem(NO_CUSTOMERS_COLOR, i18n.t(lang, "market_layers.legend.rate_zero")))
    items.append(LegendItem(UNKNOWN_COLOR, i18n.t(lang, "market_layers.legend.rate_unknown")))
    return LegendSection(i18n.t(lang, "market_layers.legend.penetration"), tuple(items))


def followers_layer(table: pd.DataFrame, lang: str) -> Layer:
    """Each city's share of the audience (ring) around its share of customers (dot), from
    ``market.followers_vs_customers`` with ``lat``/``lon`` added by the page. Cities where the
    audience has few customers get a thick ring. Cities with no audience are drawn only when their
    customers stand out (``kind`` not ``balanced``), so the map is not every customer's town again."""
    table = _placed(table)
    table = table[(table["share_followers"] > 0) | (table["kind"] != "balanced")]
    biggest = float(max(table["share_followers"].max(), table["share_customers"].max(), 0)) if len(table) else 0.0
    rings = market_layers.radius_px(table["share_followers"].to_numpy(float), biggest, 34.0)
    dots = market_layers.radius_px(table["share_customers"].to_numpy(float), biggest, 34.0)
    shares = np.r_[table["share_followers"], table["share_customers"]].astype(float)
    pct = [market_layers.share(lang, v) for v in shares]  # a few dozen cities
    ring_rows, dot_rows = [], []
    columns = table[["city", "kind", "lat", "lon", "share_customers"]].itertuples(index=False)
    for i, (city, kind, lat, lon, customer_share) in enumerate(columns):
        text = i18n.t(
            lang,
            f"market_layers.tip.followers_{kind}",
            city=city,
            followers=pct[i],
            customers=pct[len(table) + i],
        )
        tip, gap = safe_text.for_folium(text), kind == "audience_without_customers"
        ring_rows.append([coord(lat), coord(lon), float(rings[i]), AUDIENCE_COLOR, tip, gap])
        if customer_share > 0:
            dot_rows.append([coord(lat), coord(lon), float(dots[i]), COMUNE_COLOR, tip])
    items = (
        LegendItem(AUDIENCE_COLOR, i18n.t(lang, "market_layers.legend.audience"), "ring"),
        LegendItem(COMUNE_COLOR, i18n.t(lang, "market_layers.legend.audience_customers")),
        LegendItem(AUDIENCE_COLOR, i18n.t(lang, "market_layers.legend.audience_gap"), "thick_ring"),
    )
    layer = Layer(i18n.t(lang, "market_layers.layer.followers"), LegendSection("", items))
    for thick in (False, True):
        rows = [row[:5] for row in ring_rows if row[5] == thick]
        style = {"color": AUDIENCE_COLOR, "weight": 4 if thick else 1.5, "fillOpacity": 0.08}
        layer.add_child(PointsElement(rows, style))
    layer.add_child(PointsElement(dot_rows, {"color": "#ffffff", "weight": 1, "fillOpacity": 0.85}))
    return layer


def competitors_layer(competitors: pd.DataFrame, lang: str) -> Layer:
    """Competitors (columns ``name``, ``town``, ``lat``, ``lon``) as dark diamonds, named on hover."""
    item = LegendItem(COMPETITOR_COLOR, i18n.t(lang, "market_layers.legend.competitor"), "diamond")
    layer = Layer(i18n.t(lang, "market_layers.layer.competitors"), LegendSection("", (item,)))
    for _, r in _placed(competitors).iterrows():
        town = str(r.get("town") or "").strip()
        key = "market_layers.tip.competitor" if town else "market_layers.tip.competitor_no_town"
        tip = safe_text.for_folium(i18n.t(lang, key, name=str(r["name"]), town=town))
        folium.Marker(
            location=(float(r["lat"]), float(r["lon"])),
            icon=folium.DivIcon(html=f'<div style="{_COMPETITOR_ICON}"></div>', icon_size=(0, 0)),
            tooltip=folium.Tooltip(tip, sticky=False, direction="top", offset=(0, -8)),
        ).add_to(layer)
    return layer
