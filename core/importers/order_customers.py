"""The customers behind imported orders, and one customers table from lists and orders together.

Orders imported from a shop (``core.importers.orders``) carry their customer's pseudonymous id and
place; the customers table the Market map and the Monitor read is derived from them here: orders
counted, amounts summed, first and last order, the place of the latest. A customer who is also in
an imported customer list keeps that list's row (its lifetime totals may cover more than the
orders exported); the others are added.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.schema import CUSTOMER_COLUMNS

_PLACE = ("town", "postcode", "province", "country", "lat", "lon", "comune_istat", "place_status")


def unique_orders(orders: pd.DataFrame) -> pd.DataFrame:
    """The orders with an order imported twice (two overlapping exports) kept once, the later import's."""
    if "order_id" not in orders or orders.empty:
        return orders
    named = orders["order_id"].fillna("").astype(str).ne("")
    repeated = named & orders["order_id"].duplicated(keep="last")
    return orders[~repeated].reset_index(drop=True) if repeated.any() else orders


def customers_from(orders: pd.DataFrame) -> pd.DataFrame:
    """One row per customer of ``orders`` (``CUSTOMER_COLUMNS``)."""
    if orders.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in CUSTOMER_COLUMNS})
    ordered = orders.sort_values("date", kind="stable")
    groups = ordered.groupby("customer_id", sort=False)
    out = groups.agg(
        first_order=("date", "min"),
        last_order=("date", "max"),
        orders=("date", "size"),
        revenue=("amount", "sum"),
    )
    present = [c for c in _PLACE if c in ordered]
    out = out.join(groups[present].last()).reset_index()
    for column in CUSTOMER_COLUMNS:
        if column not in out:
            out[column] = np.nan if column in ("lat", "lon", "revenue") else ""
    out["orders"] = out["orders"].astype("int64")
    out["revenue"] = out["revenue"].astype(float).round(2)
    return out[list(CUSTOMER_COLUMNS)]


def combined(customers: pd.DataFrame | None, orders: pd.DataFrame | None) -> pd.DataFrame | None:
    """The customer lists' rows, plus the customers of ``orders`` who are in none of them."""
    derived = customers_from(orders) if orders is not None and not orders.empty else None
    if derived is None or customers is None or customers.empty:
        return derived if derived is not None else customers
    extra = derived[~derived["customer_id"].isin(set(customers["customer_id"]))]
    return pd.concat([customers, extra], ignore_index=True) if len(extra) else customers
