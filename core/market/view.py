"""Glue for the Market map page: the chosen layers, the first view, ring radii, the page's tables in words,
and what the plan stores: ``areas`` as ``{"name", "polygon": [[lon, lat], ...]}`` or ``{"name", "circle":
{"lat", "lon", "radius_km"}}``, ``competitors`` (and ``business.sites``) as ``{"name", "town": place}``
(``place`` as the town picker stores it), ``followers`` as ``{"city", "followers"}``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import numpy as np
import pandas as pd
from babel import Locale

from core import i18n, maps, safe_text, schema
from core.market import catchment, placement
from core.market.layers import areas as areas_mod
from core.market.layers import customers as customers_mod
from core.market.layers import legend as legend_mod
from core.market.layers import model as market_layers
from core.market.layers import places as places_mod
from core.market.layers.model import Layer, LegendItem, LegendSection

LAYERS: tuple[str, ...] = (
    "business", "customers", "heat", "hexes", "comuni", "penetration", "rings", "trade_areas",
    "competitors", "followers", "areas",
)  # fmt: skip
DEFAULT_LAYERS: tuple[str, ...] = ("business", "customers", "rings", "trade_areas", "competitors", "areas")
CUSTOMER_STYLES: tuple[str, ...] = ("clusters", "circles")  # both are named "Customers": one or the other
HEX_MEASURES: tuple[str, ...] = ("customers", "revenue")
HEX_RESOLUTIONS: tuple[int, ...] = (5, 6, 7)
LOCAL_HEX_KM = 50.0  # finer hexagons only around the business: nationally they weigh 1.3-2 MB
RING_CHOICES: tuple[float, ...] = tuple(sorted({0.5, 2, 15, 20, 30, 75, 150, 200, 300, 1000, *catchment.RING_LADDER}))
TRADE_SHARES: tuple[float, ...] = (0.5, 0.7)
_DRAW_ORDER = (  # bottom to top
    "hexes", "penetration", "comuni", "heat", "trade_areas", "rings", "followers", "customers", "areas",
    "competitors", "business",
)  # fmt: skip
_AREA_COLOR = "#ef6c00"


@dataclass(frozen=True)
class Choice:
    """What the user asked the map to show."""

    layers: tuple[str, ...] = DEFAULT_LAYERS
    customers: str = "clusters"  # CUSTOMER_STYLES
    hex_measure: str = "customers"
    hex_resolution: int = 5


@dataclass(frozen=True)
class SavedArea:
    name: str
    area: catchment.Circle | tuple[tuple[float, float], ...]  # a circle or (lon, lat) vertices


@dataclass(frozen=True, eq=False)
class MapInputs:
    """Everything the layers are drawn from (tables already computed and cached by the page)."""

    center: tuple[float, float] | None
    sites: Sequence[customers_mod.Site] = ()
    places: pd.DataFrame | None = None  # market_layers_customers.customer_places
    rings: pd.DataFrame | None = None  # catchment.rings
    trade_areas: Sequence[catchment.TradeArea] = ()
    hexes: pd.DataFrame | None = None  # hexes.hexes, for the chosen resolution
    penetration: pd.DataFrame | None = None  # market.penetration(...).table
    local_km: float = 0.0  # comuni without customers are drawn within this distance
    competitors: pd.DataFrame | None = None  # name, town, lat, lon
    followers: pd.DataFrame | None = None  # market.followers_vs_customers with lat, lon
    areas: Sequence[SavedArea] = ()
    apart: Sequence[placement.Apart] = ()  # customers with no known position inside their comune
    cells: pd.DataFrame | None = None  # the gazetteer's sample points (the apart comuni's outlines)
    postcodes: pd.DataFrame | None = None  # market.by_postcode of the customers apart


def _some(table: pd.DataFrame | None) -> bool:
    return table is not None and len(table) > 0


def _draw(name: str, c: Choice, i: MapInputs, lang: str) -> Layer | None:
    """Layer ``name`` from the inputs, or None when they hold nothing for it."""
    if name == "business":
        return customers_mod.business_layer(i.sites, lang) if i.sites else None
    if name == "customers" and (_some(i.places) or i.apart):
        return customers_mod.customers_layer(
            i.places if i.places is not None else customers_mod.customer_places(pd.DataFrame(columns=["lat", "lon"])),
            lang,
            clustered=c.customers == "clusters",
            apart=i.apart,
            cells=i.cells,
            postcodes=i.postcodes,
        )
    if name == "heat" and _some(i.places):
        return customers_mod.heat_layer(i.places, lang)
    if name == "hexes" and _some(i.hexes):
        return areas_mod.hexes_layer(i.hexes, lang, c.hex_measure)
    if name == "comuni" and _some(i.penetration) and bool((i.penetration["customers"] > 0).any()):
        return places_mod.comuni_layer(i.penetration, lang)
    if name == "penetration" and _some(i.penetration):
        return places_mod.penetration_layer(i.penetration, lang, center=i.center, empty_within_km=i.local_km)
    if name == "rings" and i.center is not None and _some(i.rings):
        return areas_mod.rings_layer(i.rings, i.center, lang)
    if name == "trade_areas" and i.center is not None and i.trade_areas:
        return areas_mod.trade_areas_layer(i.trade_areas, i.center, lang)
    if name == "competitors" and _some(i.competitors):
        return places_mod.competitors_layer(i.competitors, lang)
    if name == "followers" and _some(i.followers):
        return places_mod.followers_layer(i.followers, lang)
    if name == "areas" and i.areas:
        return saved_areas_layer(i.areas, lang)
    return None


def full_map(
    choice: Choice, inputs: MapInputs, lang: str, view: tuple[float, float], zoom: int
) -> tuple[folium.Map, list[Layer], folium.LayerControl]:
    """The market map with the chosen layers and their legend, and the layer control, as the page hands them
    to ``st_folium`` (map, ``feature_group_to_add``, ``layer_control``)."""
    groups = build_layers(choice, inputs, lang)
    m = market_layers.market_map(view, zoom, lang=lang)
    return m, [*groups, legend_mod.legend_layer(groups, lang)], folium.LayerControl(collapsed=True)


def build_layers(choice: Choice, inputs: MapInputs, lang: str) -> list[Layer]:
    """The chosen layers that have something to draw, bottom first."""
    drawn = (_draw(name, choice, inputs, lang) for name in _DRAW_ORDER if name in choice.layers)
    return [layer for layer in drawn if layer is not None]


def as_customers(df: pd.DataFrame) -> pd.DataFrame:
    """The customers table with every column of ``core.schema`` (an empty plan has none), numbers typed."""
    out = df.reindex(columns=list(schema.CUSTOMER_COLUMNS))
    for name in ("orders", "revenue", "lat", "lon"):
        out[name] = pd.to_numeric(out[name], errors="coerce").astype(float)
    for name in ("town", "postcode", "province", "country", "comune_istat"):
        out[name] = out[name].fillna("").astype(str)
    return out


def initial_view(
    center: tuple[float, float] | None, p80_km: float, places: pd.DataFrame | None, height_px: int = 560
) -> tuple[tuple[float, float], int]:
    """Where the map opens: on the business, zoomed so that the outer default ring (around the 80th
    percentile customer, see ``catchment.default_radii``) fits the map's height; else on the customers."""
    if center is None:
        if places is None or places.empty:
            return maps.ITALY, 6
        weights = places["customers"].to_numpy(float)
        center = (_weighted_median(places["lat"], weights), _weighted_median(places["lon"], weights))
        return center, 6
    metres_per_px = catchment.default_radii(p80_km)[-1] * 1000 / (height_px / 2)
    zoom = math.floor(math.log2(156543.03 * math.cos(math.radians(center[0])) / metres_per_px))
    return center, int(min(14, max(4, zoom)))


def _weighted_median(values: pd.Series, weights: np.ndarray) -> float:
    order = np.argsort(values.to_numpy(float))
    cum = np.cumsum(weights[order])
    return float(values.to_numpy(float)[order][np.searchsorted(cum, cum[-1] / 2)])


def hex_scope(df: pd.DataFrame, center: tuple[float, float] | None, resolution: int) -> pd.DataFrame:
    """The customers hexagons are counted for: all at resolution 5, those near the business finer."""
    if resolution <= HEX_RESOLUTIONS[0] or center is None:
        return df
    return df[catchment.distances_km(df, *center) <= LOCAL_HEX_KM]


# ---- saved target areas -----------------------------------------------------------------------------------


def area_to_dict(name: str, area: catchment.Circle | Sequence[tuple[float, float]]) -> dict[str, Any]:
    """How the plan stores a target area."""
    if isinstance(area, catchment.Circle):
        return {"name": name, "circle": {"lat": area.lat, "lon": area.lon, "radius_km": area.radius_km}}
    return {"name": name, "polygon": [[float(lon), float(lat)] for lon, lat in area]}


def area_from_dict(item: Any) -> SavedArea | None:
    """A stored target area, or None when the stored value is not one."""
    if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
        return None
    try:
        if isinstance(item.get("circle"), Mapping):
            c = item["circle"]
            circle = catchment.Circle(float(c["lat"]), float(c["lon"]), float(c["radius_km"]))
            return SavedArea(item["name"], circle) if circle.radius_km > 0 else None
        ring = tuple((float(lon), float(lat)) for lon, lat in item.get("polygon") or [])
    except (KeyError, TypeError, ValueError):
        return None
    return SavedArea(item["name"], ring) if len(ring) >= 3 else None


def saved_areas(items: Sequence[Any]) -> list[SavedArea]:
    return [a for a in (area_from_dict(i) for i in items or []) if a is not None]


def area_name_problem(name: str, items: Sequence[Any]) -> i18n.Message | None:
    """Why ``name`` cannot name a new area: empty, or already used (case aside)."""
    name = name.strip()
    if not name:
        return i18n.Message("marketpage.draw.name_empty")
    taken = {str(i.get("name", "")).strip().casefold() for i in items or [] if isinstance(i, Mapping)}
    if name.casefold() in taken:
        return i18n.Message("marketpage.draw.name_taken", {"name": name})
    return None


def saved_areas_layer(areas: Sequence[SavedArea], lang: str) -> Layer:
    """The saved target areas, each named on hover."""
    item = LegendItem(_AREA_COLOR, i18n.t(lang, "marketpage.layer.areas"), "square")
    layer = Layer(i18n.t(lang, "marketpage.layer.areas"), LegendSection("", (item,)))
    style = {"color": _AREA_COLOR, "weight": 2, "dash_array": "8 4", "fill": True, "fill_opacity": 0.08}
    for saved in areas:
        tip = safe_text.for_folium(saved.name)
        if isinstance(saved.area, catchment.Circle):
            c = saved.area
            folium.Circle((c.lat, c.lon), radius=c.radius_km * 1000, tooltip=tip, **style).add_to(layer)
        else:
            folium.Polygon([(lat, lon) for lon, lat in saved.area], tooltip=tip, **style).add_to(layer)
    return layer


# ---- competitors, sites and audience cities ---------------------------------------------------------------


def place_entry(name: str, place: Mapping[str, Any]) -> dict[str, Any]:
    """A competitor or site as the plan stores it."""
    return {"name": name.strip(), "town": dict(place)}


def places_frame(entries: Sequence[Any]) -> pd.DataFrame:
    """Stored competitors or sites as a table: entry (its index in the list), name, town, province, lat,
    lon; entries that cannot be drawn are left out."""
    rows = []
    for index, e in enumerate(entries or []):
        town = e.get("town") if isinstance(e, Mapping) else None
        if isinstance(town, Mapping) and isinstance(e.get("name"), str):
            try:
                lat, lon = float(town["lat"]), float(town["lon"])
            except (KeyError, TypeError, ValueError):
                continue
            rows.append((index, e["name"], str(town.get("name", "")), str(town.get("province", "")), lat, lon))
    return pd.DataFrame(rows, columns=["entry", "name", "town", "province", "lat", "lon"])


def followers_frame(entries: Sequence[Any]) -> pd.DataFrame:
    """The stored audience by city as a table (city, followers)."""
    rows = [
        (str(e.get("city", "")), e.get("followers"))
        for e in entries or []
        if isinstance(e, Mapping) and str(e.get("city", "")).strip()
    ]
    return pd.DataFrame(rows, columns=["city", "followers"]).astype({"followers": "Float64"})


def followers_from_table(table: pd.DataFrame) -> list[dict[str, Any]]:
    """What the plan stores from the edited table: rows with a city; followers (counts or percentages)
    not below 0, whole numbers as int, others to one decimal, None when left empty."""
    out = []
    for city, count in zip(table["city"], table["followers"], strict=True):
        city = "" if city is None or pd.isna(city) else " ".join(str(city).split())
        if city:
            value = None if count is None or pd.isna(count) else max(0.0, round(float(count), 1))
            out.append({"city": city, "followers": int(value) if value is not None and value.is_integer() else value})
    return out


def locate_city(gazetteer: Any, city: str) -> tuple[float, float] | None:
    """Where an audience city is: an Italian comune first, else a town in the country named after
    its last comma ("London, England"); None when neither is found for certain."""
    parts = [p.strip() for p in str(city).split(",") if p.strip()]
    if not parts:
        return None
    match = gazetteer.find(town=parts[0])
    if match.status != "placed" and len(parts) > 1:
        match = gazetteer.find(town=parts[0], country=parts[-1])
    return (match.place.lat, match.place.lon) if match.status == "placed" and match.place else None


def lost_cities(table: pd.DataFrame) -> list[str]:
    """The audience's cities with followers that could not be placed on the map (``with_places``)."""
    return table.loc[table["lat"].isna() & (table["followers"] > 0), "city"].astype(str).tolist()


def with_places(table: pd.DataFrame, gazetteer: Any) -> pd.DataFrame:
    """``market.followers_vs_customers`` output with the ``lat``/``lon`` of each city (NaN if unknown)."""
    found = [locate_city(gazetteer, c) for c in table["city"]]
    return table.assign(lat=[p[0] if p else np.nan for p in found], lon=[p[1] if p else np.nan for p in found])


# ---- the page's tables, in words ----------------------------------------------------------------------------

DASH = "—"


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


_FORMATS = {  # how a column is written: whole number, two decimals, km, money, share
    "n": lambda lang, v: i18n.number(lang, float(v)),
    "n2": lambda lang, v: i18n.number(lang, float(v), 2),
    "km": lambda lang, v: i18n.number(lang, float(v), 0 if float(v).is_integer() else 1),
    "money": lambda lang, v: i18n.money(lang, float(v)),
    "share": lambda lang, v: market_layers.share(lang, float(v)),
}


def in_words(lang: str, values: Any, kind: str) -> list[str]:
    """Each value written as ``kind`` (n, n2, km, money, share) for ``lang``; a dash when unknown."""
    return [_FORMATS[kind](lang, v) if _finite(v) else DASH for v in values]


def _table(lang: str, table: pd.DataFrame, spec: Mapping[str, str]) -> dict[str, list[str]]:
    return {col: in_words(lang, table[col], kind) for col, kind in spec.items()}


_SHARES = {"customers": "n", "share_customers": "share", "revenue": "money", "share_revenue": "share"}


def rings_table(lang: str, rings: pd.DataFrame) -> pd.DataFrame:
    """``catchment.rings`` in words: each band's customers and revenue, and the share inside its edge."""
    finite = np.isfinite(rings["outer_km"].to_numpy(float))
    last = in_words(lang, rings.loc[finite, "outer_km"].tail(1), "km")
    inners, outers = in_words(lang, rings["inner_km"], "km"), in_words(lang, rings["outer_km"], "km")
    labels = []
    for band, inner, outer in zip(rings["band"], inners, outers, strict=True):
        if band == "unplaced":
            labels.append(i18n.t(lang, "deliverable.ring.unplaced"))
        elif band == "unknown":
            labels.append(i18n.t(lang, "marketpage.ring.unknown"))
        elif band == "outside":
            labels.append(i18n.t(lang, "deliverable.ring.outside", km=last[0] if last else DASH))
        else:
            labels.append(i18n.t(lang, "deliverable.ring.band", inner=inner, outer=outer))
    cum = in_words(lang, rings["cum_share_customers"].where(finite), "share")
    return pd.DataFrame({"band": labels, **_table(lang, rings, _SHARES), "cum_share_customers": cum})


def comuni_table(lang: str, by_comune: pd.DataFrame, penetration: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` comuni (or towns abroad) with most customers, with residents and customers per 1,000."""
    top = by_comune.head(n)
    known = penetration.set_index(penetration["comune_istat"].astype(str))
    codes = top["comune_istat"].astype(str)
    names = codes.map(known["name"]).where(codes != "", None).fillna(top["town"])
    population = pd.to_numeric(codes.map(known["population"]).where(codes != ""), errors="coerce")
    per_1000 = top["customers"] / population.where(population > 0) * 1000
    return pd.DataFrame(
        {
            "comune": names.to_numpy(),
            "province": top["province"].to_numpy(),
            "country": [country_name(lang, c) for c in top["country"]],
            **_table(lang, top, _SHARES),
            "population": in_words(lang, population, "n"),
            "per_1000": in_words(lang, per_1000, "n2"),
        }
    )


def postcodes_table(lang: str, by_postcode: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """``market.by_postcode`` in words: the ``n`` postcodes with most customers (a dash for none); the
    town only when they are in more than one (a phone has no width to spare)."""
    top = by_postcode.head(n)
    towns = {"town": top["town"].astype(str).to_numpy()} if by_postcode["town"].nunique() > 1 else {}
    return pd.DataFrame(
        {"postcode": [p if str(p).strip() else DASH for p in top["postcode"]], **towns, **_table(lang, top, _SHARES)}
    )


def provinces_table(lang: str, by_province: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    top = by_province.head(n)
    return pd.DataFrame(
        {
            "province": [p if str(p).strip() else DASH for p in top["province"]],
            "country": [country_name(lang, c) for c in top["country"]],
            **_table(lang, top, _SHARES),
        }
    )


def trade_areas_table(lang: str, areas: Sequence[catchment.TradeArea]) -> pd.DataFrame:
    table = pd.DataFrame(
        [vars(a) for a in areas], columns=["share", "radius_km", "customers", "revenue", "revenue_share"]
    )
    spec = {"radius_km": "km", "customers": "n", "revenue": "money", "revenue_share": "share"}
    return pd.DataFrame({"share": [i18n.percent(lang, s) for s in table["share"]], **_table(lang, table, spec)})


def followers_table(lang: str, table: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """``market.followers_vs_customers`` in words: the audience's cities and the cities whose customers
    stand out (as the map layer shows them), the biggest gaps first, at most ``n`` rows."""
    table = table[(table["share_followers"] > 0) | (table["kind"] != "balanced")].head(n)
    spec = {"share_followers": "share", "share_customers": "share", "customers": "n"}
    kinds = [i18n.t(lang, f"marketpage.followers.kind.{k}") for k in table["kind"]]
    return pd.DataFrame({"city": table["city"].astype(str).to_numpy(), **_table(lang, table, spec), "kind": kinds})


def area_figures(lang: str, summary: catchment.AreaSummary) -> dict[str, str]:
    """The figures of a drawn or saved area, by name (the page labels them); revenue in whole euros;
    residents marked "≈" when they are an estimate (the area cuts a comune)."""
    spec = {"customers": "n", "share_customers": "share", "revenue": "n", "share_revenue": "share",
            "residents": "n", "comuni": "n", "per_1000": "n2"}  # fmt: skip
    out = {name: in_words(lang, [getattr(summary, name)], kind)[0] for name, kind in spec.items()}
    if summary.residents_estimated and out["residents"] != DASH:
        out["residents"] = "≈ " + out["residents"]
    return out


def area_unknown(lang: str, summary: catchment.AreaSummary) -> i18n.Message | None:
    """The sentence about the customers of comuni the area cuts (inside or outside, unknown)."""
    if not summary.unknown:
        return None
    items = [i18n.t(lang, "market.summary.apart_item", customers=i18n.number(lang, a.customers), name=a.name)
             for a in summary.unknown]  # fmt: skip
    joined = items[0] if len(items) == 1 else i18n.t(lang, "market.summary.and", first=", ".join(items[:-1]),
                                                      last=items[-1])  # fmt: skip
    return i18n.Message("marketpage.area.unknown", {"items": joined})


def unplaced_table(df: pd.DataFrame) -> pd.DataFrame:
    """Customers not on the map, grouped by the place they gave (town, postcode, province, country)."""
    cols = ["town", "postcode", "province", "country"]
    missing = df.loc[df["lat"].isna() | df["lon"].isna(), cols].fillna("").astype(str)
    out = missing.groupby(cols, sort=False).size().rename("customers").reset_index()
    return out.sort_values("customers", ascending=False, kind="stable", ignore_index=True)


def country_name(lang: str, code: Any) -> str:
    """A country's name in ``lang`` from its ISO code (the code itself when unknown, a dash when empty)."""
    code = str(code or "").strip().upper()
    return Locale.parse(lang).territories.get(code, code) if code else DASH
