"""The Market map page's analysis of a customers table, computed once per version of the data: the
customers typed, who has a known distance, the places to draw, the summary's facts and the tables.

The shell caches :func:`analyse` (``ui.market.analysis``); everything here is values in, values out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.market import catchment, market, placement
from core.market import summary as market_summary
from core.market import view as market_page
from core.market.layers import customers as customers_mod

TRADE_SHARES = market_page.TRADE_SHARES


@dataclass(frozen=True)
class Business:
    """Where the business is: its point and the ISTAT code of its comune ("" when unknown)."""

    point: tuple[float, float] | None
    istat: str = ""


@dataclass(frozen=True, eq=False)
class Analysis:
    """What the page shows; read only (shared by the shell's cache)."""

    customers: pd.DataFrame  # core.schema.CUSTOMER_COLUMNS
    unknown: np.ndarray  # customers with no known distance (placement.unknown_distance)
    places: pd.DataFrame  # customers_mod.customer_places of the customers with a known place and distance
    facts: market_summary.MarketFacts
    by_comune: pd.DataFrame
    by_province: pd.DataFrame
    by_postcode: pd.DataFrame  # market.by_postcode of the customers counted apart
    penetration: market.Penetration
    trade_areas: tuple[catchment.TradeArea, ...]
    unplaced: pd.DataFrame  # market_page.unplaced_table


def business_of(plan: dict) -> Business:
    """The business's point (``business.town``'s lat and lon: the comune's centre, or the point the
    owner set) and comune, from a plan."""
    town = (plan.get("business") or {}).get("town")
    if not isinstance(town, dict):
        return Business(None)
    try:
        point = (float(town["lat"]), float(town["lon"]))
    except (KeyError, TypeError, ValueError):
        return Business(None)
    return Business(point, str(town.get("comune_istat") or ""))


def analyse(
    customers: pd.DataFrame, business: Business, comuni: pd.DataFrame | None, cells: pd.DataFrame | None
) -> Analysis:
    df = market_page.as_customers(customers)
    center = business.point
    unknown = placement.unknown_distance(df, center, comuni, cells, business.istat)
    by_comune = market.by_comune(df)
    return Analysis(
        customers=df,
        unknown=unknown,
        places=customers_mod.customer_places(df[~unknown]),
        facts=market_summary.facts(df, center, comuni, unknown),
        by_comune=by_comune,
        by_province=market.by_province(df),
        by_postcode=market.by_postcode(df[unknown]),
        penetration=market.penetration(by_comune, comuni) if comuni is not None else _no_penetration(by_comune),
        trade_areas=tuple(catchment.trade_areas(df, center, TRADE_SHARES, unknown)) if center else (),
        unplaced=market_page.unplaced_table(df),
    )


def _no_penetration(by_comune: pd.DataFrame) -> market.Penetration:
    empty = pd.DataFrame(columns=["istat", "name", "province", "region", "lat", "lon", "population"])
    return market.penetration(by_comune, empty)


def table_sizes(a: Analysis) -> dict[str, int]:
    """How many rows the page's comuni and provinces tables would have in full (they show the top 10)."""
    return {"comuni": len(a.by_comune), "provinces": int((a.by_province["province"].str.strip() != "").sum())}


def rings(a: Analysis, center: tuple[float, float], radii: tuple[float, ...]) -> pd.DataFrame:
    return catchment.rings(a.customers, center, radii, a.unknown)


def area_summary(
    a: Analysis, area: catchment.Area, comuni: pd.DataFrame | None, cells: pd.DataFrame | None
) -> catchment.AreaSummary:
    return catchment.area_summary(a.customers, area, comuni, cells)
