"""The sample businesses: read their files into the shared table shapes (the only I/O here).

Each sample lives in ``sample_data/<slug>/`` (written by ``python -m sample_data.generate``):
``profile.json`` (business, selfcheck, description), ``goals.json``, ``customers.csv``,
``orders.csv`` and ``activity.csv``. Text columns are read as text, so postcodes keep their
leading zeros and Napoli's province stays ``"NA"`` instead of becoming a missing value.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from core import schema
from core.i18n import TEXTS, t

SLUGS: tuple[str, ...] = ("forno", "cantina", "officina")
ROOT = Path(__file__).resolve().parent.parent / "sample_data"
TZ = "Europe/Rome"
CUSTOMER_FILE_COLUMNS: tuple[str, ...] = schema.CUSTOMER_COLUMNS[:9]  # the geocoder adds the rest
_CUSTOMER_TEXT = ("customer_id", "town", "postcode", "province", "country")
_ACTIVITY_TEXT = ("platform", "kind", "text", "link", "place")
_ACTIVITY_NUMBERS = ("lat", "lon", *schema.ACTIVITY_METRICS, "interactions", "engagement_rate")


@dataclass(frozen=True, eq=False)
class Sample:
    slug: str
    profile: dict[str, Any]  # business, selfcheck, description
    goals: list[dict[str, Any]]
    customers: pd.DataFrame  # CUSTOMER_FILE_COLUMNS; dates datetime64, postcode text
    orders: pd.DataFrame  # ORDER_COLUMNS; date datetime64
    activity: pd.DataFrame  # ACTIVITY_COLUMNS; 'when' tz-aware Europe/Rome


def sample_names(lang: str) -> dict[str, str]:
    """The samples' display names in ``lang``, in picker order."""
    return {slug: t(lang, f"samples.{slug}.name") for slug in SLUGS}


def load_sample(slug: str, root: Path | None = None) -> Sample:
    """Read one sample from ``root/<slug>/`` (``sample_data/`` by default)."""
    if slug not in SLUGS:
        raise ValueError(f"unknown sample {slug!r}; the samples are {', '.join(SLUGS)}")
    folder = (root or ROOT) / slug
    return Sample(
        slug=slug,
        profile=json.loads((folder / "profile.json").read_text(encoding="utf-8")),
        goals=json.loads((folder / "goals.json").read_text(encoding="utf-8")),
        customers=read_customers(folder / "customers.csv"),
        orders=read_orders(folder / "orders.csv"),
        activity=read_activity(folder / "activity.csv"),
    )


def in_language(sample: Sample, lang: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The sample's profile and goals with its own words (sector, goal titles and actions) in ``lang``.

    The files hold the Italian; ``core/texts/samples.py`` holds both (a goal without texts there keeps its own)."""
    profile, goals = copy.deepcopy(sample.profile), copy.deepcopy(sample.goals)
    sector = profile.get("business", {}).get("sector")
    if sector and f"samples.{sample.slug}.sector" in TEXTS:
        sector["title"] = t(lang, f"samples.{sample.slug}.sector")
    for goal in goals:
        key = f"samples.{sample.slug}.{goal['id']}"
        if f"{key}.title" in TEXTS:
            goal["title"] = t(lang, f"{key}.title")
        if goal.get("actions") and f"{key}.actions" in TEXTS:
            goal["actions"] = t(lang, f"{key}.actions").split("\n")
    return profile, goals


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.replace("", None), format="%Y-%m-%d")


def read_customers(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    _check_columns(path, df, CUSTOMER_FILE_COLUMNS)
    return pd.DataFrame(
        {
            **{col: df[col] for col in _CUSTOMER_TEXT},
            "first_order": _dates(df["first_order"]),
            "last_order": _dates(df["last_order"]),
            "orders": df["orders"].astype("int64"),
            "revenue": df["revenue"].astype("float64"),
        }
    )


def read_orders(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    _check_columns(path, df, schema.ORDER_COLUMNS)
    return pd.DataFrame(
        {"customer_id": df["customer_id"], "date": _dates(df["date"]), "amount": df["amount"].astype("float64")}
    )


def read_activity(path: Path) -> pd.DataFrame:
    """The activity table; files written before the action metrics existed have them empty."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if tuple(df.columns) == tuple(c for c in schema.ACTIVITY_COLUMNS if c not in schema.ACTION_METRICS):
        df = df.reindex(columns=list(schema.ACTIVITY_COLUMNS), fill_value="")
    _check_columns(path, df, schema.ACTIVITY_COLUMNS)
    out = {"when": pd.to_datetime(df["when"], format="ISO8601", utc=True).dt.tz_convert(TZ)}
    out |= {col: df[col] for col in _ACTIVITY_TEXT}
    out |= {col: pd.to_numeric(df[col].replace("", None)).astype("float64") for col in _ACTIVITY_NUMBERS}
    return pd.DataFrame(out)[list(schema.ACTIVITY_COLUMNS)]


def _check_columns(path: Path, df: pd.DataFrame, expected: tuple[str, ...]) -> None:
    if tuple(df.columns) != tuple(expected):
        raise ValueError(f"{path.name} has columns {list(df.columns)}, expected {list(expected)}")
