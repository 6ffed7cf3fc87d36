"""To whom and where a business sells: customers per comune, province and country, penetration
(customers per 1,000 residents) and the social audience's cities set against the customers'.

Inputs are the customers table (``core.schema.CUSTOMER_COLUMNS``) and, for penetration, a comuni
table with columns ``istat, name, province, region, lat, lon, population`` (``Gazetteer.comuni()``).
Customers with no ISTAT code (abroad, or not matched) are grouped by country and town as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

COMUNE_COLUMNS: tuple[str, ...] = (
    "comune_istat",  # "" when the customer's town has no ISTAT code (abroad, not matched)
    "town",  # the spelling most customers of the group used
    "province",
    "country",
    "customers",
    "revenue",
    "orders",
    "share_customers",  # of all customers
    "share_revenue",
)
PENETRATION_COLUMNS: tuple[str, ...] = (
    "comune_istat",
    "name",
    "province",
    "region",
    "lat",
    "lon",
    "population",  # NaN when unknown
    "customers",
    "revenue",
    "per_1000",  # customers per 1,000 residents, NaN when the population is unknown
)
# English (and a few other) names people and platforms use for Italian comuni.
CITY_ALIASES: dict[str, str] = {
    "rome": "roma",
    "milan": "milano",
    "naples": "napoli",
    "turin": "torino",
    "florence": "firenze",
    "venice": "venezia",
    "genoa": "genova",
    "padua": "padova",
    "mantua": "mantova",
    "syracuse": "siracusa",
    "leghorn": "livorno",
    "bozen": "bolzano",
    "bolzano bozen": "bolzano",
}


@dataclass(frozen=True)
class Penetration:
    table: pd.DataFrame  # PENETRATION_COLUMNS, one row per comune, most customers first
    unknown_population: int  # comuni in the table whose population is unknown
    customers_without_comune: int  # customers with no ISTAT code: abroad or not matched


def normalize_place(name: str) -> str:
    """A matching key for a place name: ``"Forlì, Emilia-Romagna"`` -> ``"forli"``, Rome -> roma."""
    head = str(name).split(",")[0]
    ascii_ = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode("ascii")
    key = " ".join(re.sub(r"[^0-9a-z]+", " ", ascii_.casefold()).split())
    return CITY_ALIASES.get(key, key)


def _normalize_many(values: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(values.fillna("").astype(str))
    return np.array([normalize_place(u) for u in uniques], dtype=object)[codes] if len(uniques) else np.array([])


def _totals(df: pd.DataFrame, key: np.ndarray, labels: list[str]) -> pd.DataFrame:
    """Customers, revenue and orders per key, with each label's most frequent value in the group."""
    work = pd.DataFrame({"_key": key, "revenue": df["revenue"].to_numpy(float), "orders": df["orders"].to_numpy(float)})
    for col in labels:
        work[col] = df[col].fillna("").astype(str).to_numpy()
    out = work.groupby("_key", sort=False).agg(
        customers=("_key", "size"), revenue=("revenue", "sum"), orders=("orders", "sum")
    )
    for col in labels:
        top = work.groupby(["_key", col], sort=False).size().sort_values(ascending=False, kind="stable")
        first = top.reset_index().drop_duplicates("_key").set_index("_key")[col]
        out[col] = first.reindex(out.index)
    out["orders"] = out["orders"].astype(int)
    total_c, total_r = len(df), float(out["revenue"].sum())
    out["share_customers"] = out["customers"] / total_c if total_c else np.nan
    out["share_revenue"] = out["revenue"] / total_r if total_r else np.nan
    return out.sort_values(["customers", "revenue"], ascending=False, kind="stable").reset_index(drop=True)


def by_comune(df: pd.DataFrame) -> pd.DataFrame:
    """Customers, revenue and orders per comune (by ISTAT code, else by country and town), most first."""
    istat = df["comune_istat"].fillna("").astype(str).to_numpy()
    country = df["country"].fillna("").astype(str).to_numpy()
    fallback = "town:" + country.astype(object) + "|" + _normalize_many(df["town"]).astype(object)
    key = np.where(istat != "", "istat:" + istat.astype(object), fallback)
    out = _totals(df, key, ["comune_istat", "town", "province", "country"])
    return out[list(COMUNE_COLUMNS)]


POSTCODE_COLUMNS: tuple[str, ...] = (
    "postcode", "town", "comune_istat", "customers", "revenue", "share_customers", "share_revenue",
)  # fmt: skip


def by_postcode(df: pd.DataFrame) -> pd.DataFrame:
    """Customers, revenue and orders per postcode as written (a missing one is ""), most first; shares
    are of the given customers."""
    postcode = df["postcode"].fillna("").astype(str).str.strip().str.replace(r"\.0$", "", regex=True)
    italian = df["country"].fillna("").astype(str).isin(["IT", ""]) & postcode.str.fullmatch(r"\d{3,4}")
    postcode = postcode.where(~italian, postcode.str.zfill(5))  # spreadsheets drop the leading zeros
    key = (df["country"].fillna("").astype(str) + "|" + postcode).to_numpy()
    out = _totals(df.assign(postcode=postcode), key, ["postcode", "town", "comune_istat"])
    return out.sort_values(["customers", "revenue", "postcode"], ascending=[False, False, True], kind="stable",
                           ignore_index=True)[list(POSTCODE_COLUMNS)]  # fmt: skip


def by_province(df: pd.DataFrame) -> pd.DataFrame:
    """Customers, revenue and orders per province (Italian sigla, or region text abroad), most first."""
    country = df["country"].fillna("").astype(str)
    province = df["province"].fillna("").astype(str).str.strip()
    key = (country + "|" + province.str.upper()).to_numpy()
    cols = ["province", "country", "customers", "revenue", "orders", "share_customers", "share_revenue"]
    return _totals(df, key, ["province", "country"])[cols]


def by_country(df: pd.DataFrame) -> pd.DataFrame:
    """Customers, revenue and orders per ISO country code ("" when unknown), most first."""
    key = df["country"].fillna("").astype(str).str.upper().to_numpy()
    cols = ["country", "customers", "revenue", "orders", "share_customers", "share_revenue"]
    return _totals(df.assign(country=key), key, ["country"])[cols]


def penetration(by_comune_df: pd.DataFrame, comuni: pd.DataFrame) -> Penetration:
    """Customers per 1,000 residents for every comune of ``comuni`` and every comune with customers."""
    has_code = by_comune_df["comune_istat"].fillna("").astype(str) != ""
    mine = by_comune_df[has_code].rename(columns={"town": "name"})
    base = comuni.rename(columns={"istat": "comune_istat"})[
        ["comune_istat", "name", "province", "region", "lat", "lon", "population"]
    ]
    base = base.astype({"comune_istat": str})
    table = base.merge(
        mine[["comune_istat", "customers", "revenue"]].astype({"comune_istat": str}),
        on="comune_istat",
        how="outer",
    )
    missing = table["name"].isna()  # comuni with customers that the comuni table does not know
    if missing.any():
        names = mine.set_index("comune_istat")
        table.loc[missing, "name"] = table.loc[missing, "comune_istat"].map(names["name"])
        table.loc[missing, "province"] = table.loc[missing, "comune_istat"].map(names["province"])
    table["customers"] = table["customers"].fillna(0).astype(int)
    table["revenue"] = table["revenue"].fillna(0.0)
    population = pd.to_numeric(table["population"], errors="coerce").astype(float)
    population[population <= 0] = np.nan
    table["population"] = population
    table["per_1000"] = table["customers"] / population * 1000
    table = table.sort_values(
        ["customers", "population", "comune_istat"], ascending=[False, False, True], na_position="last"
    ).reset_index(drop=True)
    return Penetration(
        table=table[list(PENETRATION_COLUMNS)],
        unknown_population=int(population.isna().sum()),
        customers_without_comune=int(by_comune_df.loc[~has_code, "customers"].sum()),
    )


def followers_vs_customers(
    followers: pd.DataFrame,
    customers_by_comune: pd.DataFrame,
    min_gap: float = 0.05,
    min_ratio: float = 2.0,
) -> pd.DataFrame:
    """Each city's share of the audience next to its share of customers, biggest gaps first.

    ``followers`` has columns ``city`` and ``followers`` (counts or percentages: shares are taken
    of the listed total). Cities absent from one side count as 0 there. ``gap`` is
    share_followers - share_customers; ``kind`` is ``audience_without_customers`` when the audience
    share exceeds the customer share by ``min_gap`` and ``min_ratio`` times, the reverse for
    ``customers_without_audience``, else ``balanced``.
    """
    f = pd.DataFrame(
        {
            "key": _normalize_many(followers["city"]),
            "city_f": followers["city"].astype(str).str.split(",").str[0].str.strip().to_numpy(),
            "followers": pd.to_numeric(followers["followers"], errors="coerce").fillna(0).to_numpy(float),
        }
    )
    f = f.groupby("key", sort=False).agg(city_f=("city_f", "first"), followers=("followers", "sum"))
    c = pd.DataFrame(
        {
            "key": _normalize_many(customers_by_comune["town"]),
            "city_c": customers_by_comune["town"].astype(str).to_numpy(),
            "customers": customers_by_comune["customers"].to_numpy(int),
        }
    )
    total_c = int(c["customers"].sum())
    c = c[c["key"] != ""].groupby("key", sort=False).agg(city_c=("city_c", "first"), customers=("customers", "sum"))
    out = f.join(c, how="outer")
    out = out[out.index != ""]
    out["city"] = out["city_c"].fillna(out["city_f"])
    out["followers"] = out["followers"].fillna(0.0)
    out["customers"] = out["customers"].fillna(0).astype(int)
    total_f = float(f["followers"].sum())
    out["share_followers"] = out["followers"] / total_f if total_f else 0.0
    out["share_customers"] = out["customers"] / total_c if total_c else 0.0
    out["gap"] = out["share_followers"] - out["share_customers"]
    ahead = (out["gap"] >= min_gap) & (out["share_followers"] >= min_ratio * out["share_customers"])
    behind = (-out["gap"] >= min_gap) & (out["share_customers"] >= min_ratio * out["share_followers"])
    out["kind"] = np.select([ahead, behind], ["audience_without_customers", "customers_without_audience"], "balanced")
    out = out.sort_values("gap", ascending=False, kind="stable").reset_index(drop=True)
    return out[["city", "followers", "customers", "share_followers", "share_customers", "gap", "kind"]]
