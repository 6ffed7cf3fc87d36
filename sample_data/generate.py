"""Write the sample businesses: ``python -m sample_data.generate [--out DIR] [--large]``.

Without options it rewrites ``sample_data/<slug>/`` (profile.json, goals.json, customers.csv,
orders.csv, activity.csv). Every run writes the same bytes: each spec has a fixed seed and every
number is formatted explicitly. ``--large --out DIR`` writes one big sample (100,000 customers,
1,000,000 activity rows by default) for benchmarks, only to a folder outside the repository.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ateco
import numpy as np
import pandas as pd

from core import schema
from core.texts import samples as sample_texts
from sample_data import activity as activity_sim
from sample_data import customers as customer_sim
from sample_data import spec_cantina, spec_forno, spec_officina
from sample_data.model import Spec
from sample_data.places import Places, read_comuni

SPECS: tuple[Spec, ...] = (spec_forno.SPEC, spec_cantina.SPEC, spec_officina.SPEC)  # in the app's order

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
AUDIT_DAYS = 84  # posts per week in the audit: the last twelve weeks of activity
AUDIT_SKIPS = ("story", "daily")  # not counted as posts in the audit (stories vanish after a day)
CUSTOMER_FILE_COLUMNS = schema.CUSTOMER_COLUMNS[:9]  # without the geocoder's columns


@dataclass(frozen=True, eq=False)
class Sample:
    profile: dict[str, Any]
    goals: list[dict[str, Any]]
    customers: pd.DataFrame
    orders: pd.DataFrame
    activity: pd.DataFrame


def build(spec: Spec, places: Places, scale: float = 1.0, activity_rows: int | None = None) -> Sample:
    """All tables of one sample, in memory."""
    customers, orders = customer_sim.simulate(spec, places, np.random.default_rng([spec.seed, 1]), scale)
    activity = activity_sim.simulate(spec, np.random.default_rng([spec.seed, 2]), activity_rows)
    goals = spec.goals(customers=customers, orders=orders, activity=activity, end=spec.end)
    return Sample(profile(spec, places, activity), goals, customers, orders, activity)


def profile(spec: Spec, places: Places, activity: pd.DataFrame) -> dict[str, Any]:
    node = ateco.lookup(spec.sector)
    if node is None:
        raise ValueError(f"ATECO code {spec.sector!r} is not in the ateco package")
    comune = places.comune(spec.town)
    return {
        "slug": spec.slug,
        "business": {
            "name": spec.name,
            "sector": {"code": node.code, "title": node.title},
            "town": {
                "name": comune.name,
                "comune_istat": comune.istat,
                "province": comune.province,
                "region": comune.region,
                "country": "IT",
                "lat": spec.town_lat,
                "lon": spec.town_lon,
                "pinned": True,  # the business's own spot, not the comune's centre
            },
            "channels": channels(spec, activity),
            "markets": list(spec.markets),
        },
        "selfcheck": dict(spec.selfcheck),
        "description": dict(zip(("it", "en"), sample_texts.TEXTS[f"samples.{spec.slug}.description"], strict=True)),
    }


def channels(spec: Spec, activity: pd.DataFrame) -> list[dict[str, Any]]:
    """The baseline audit: followers at the end, posts a week over the last twelve weeks of activity."""
    end = pd.Timestamp(spec.end, tz="Europe/Rome") + pd.Timedelta(days=1)
    rows = []
    for platform in dict.fromkeys(feed.platform for feed in spec.feeds):
        when = activity.loc[activity["platform"].eq(platform) & ~activity["kind"].isin(AUDIT_SKIPS), "when"]
        since = max(end - pd.Timedelta(days=AUDIT_DAYS), when.min().normalize())
        weeks = (end - since) / pd.Timedelta(days=7)
        followers = None if platform in spec.no_followers else round(spec.audience[platform][-1][1])
        posts_per_week = round((when >= since).sum() / weeks, 1)
        rows.append({"channel": platform, "followers": followers, "posts_per_week": posts_per_week})
    return rows + [dict(extra) for extra in spec.channels_extra]


def _iso_dates(values: pd.Series) -> np.ndarray:
    text = np.datetime_as_string(values.to_numpy(dtype="datetime64[D]"), unit="D")
    return np.where(text == "NaT", "", text)


def _iso_times(values: pd.Series) -> np.ndarray:
    """``2026-03-14T08:05:00+01:00``; vectorised because strftime takes seconds on a million rows."""
    local = values.dt.tz_localize(None).to_numpy(dtype="datetime64[s]")
    utc = values.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[s]")
    hours = (local - utc).astype(int) // 3600
    offset = np.char.add(np.where(hours < 0, "-", "+"), np.char.zfill(np.abs(hours).astype(str), 2))
    return np.char.add(np.datetime_as_string(local, unit="s"), np.char.add(offset, ":00"))


def _counts(values: pd.Series) -> np.ndarray:
    numbers = values.to_numpy(dtype=float)
    text = np.nan_to_num(numbers).astype(np.int64).astype(str)
    return np.where(np.isnan(numbers), "", text)


def _floats(values: pd.Series, digits: int) -> np.ndarray:
    numbers = values.to_numpy(dtype=float)
    return np.where(np.isnan(numbers), "", np.char.mod(f"%.{digits}g", np.nan_to_num(numbers)))


def write(sample: Sample, folder: Path) -> dict[str, int]:
    """Write one sample's five files; return their sizes in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    customers = sample.customers[list(CUSTOMER_FILE_COLUMNS)].copy()
    customers["first_order"] = _iso_dates(customers["first_order"])
    customers["last_order"] = _iso_dates(customers["last_order"])
    orders = sample.orders.assign(date=_iso_dates(sample.orders["date"]))
    activity = sample.activity.assign(when=_iso_times(sample.activity["when"]))
    for col in (*schema.ACTIVITY_METRICS, "interactions"):
        activity[col] = _counts(activity[col])
    for col, digits in (("lat", 6), ("lon", 6), ("engagement_rate", 6)):
        activity[col] = _floats(activity[col], digits)
    csv = {"lineterminator": "\n", "index": False, "na_rep": ""}
    customers.to_csv(folder / "customers.csv", float_format="%.2f", **csv)
    orders.to_csv(folder / "orders.csv", float_format="%.2f", **csv)
    activity.to_csv(folder / "activity.csv", **csv)
    for name, data in (("profile.json", sample.profile), ("goals.json", sample.goals)):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    files = ("profile.json", "goals.json", "customers.csv", "orders.csv", "activity.csv")
    return {name: (folder / name).stat().st_size for name in files}


def generate_all(out: Path = HERE) -> dict[str, dict[str, int]]:
    """Write every sample under ``out/<slug>/``; return the file sizes."""
    places = Places(read_comuni())
    return {spec.slug: write(build(spec, places), out / spec.slug) for spec in SPECS}


def inside_repo(path: Path) -> bool:
    return path.resolve().is_relative_to(REPO)


def generate_large(slug: str, out: Path, customers: int = 100_000, activity_rows: int = 1_000_000) -> dict[str, int]:
    """One big sample under ``out/<slug>/`` for benchmarks; ``out`` must be outside the repository."""
    if inside_repo(out):
        raise ValueError(f"--large writes only outside the repository, not to {out}")
    spec = next((s for s in SPECS if s.slug == slug), None)
    if spec is None:
        raise ValueError(f"unknown sample {slug!r}; choose one of {', '.join(s.slug for s in SPECS)}")
    places = Places(read_comuni())
    base = sum(s.customers for s in spec.streams) + sum(e.customers for e in spec.events)
    return write(build(spec, places, scale=customers / base, activity_rows=activity_rows), out / slug)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sample_data.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="output folder (default: sample_data/)")
    parser.add_argument("--large", action="store_true", help="write one big sample for benchmarks")
    parser.add_argument("--slug", default="forno", help="which sample --large writes (default: forno)")
    parser.add_argument("--customers", type=int, default=100_000, help="about how many customers with --large")
    parser.add_argument("--activity-rows", type=int, default=1_000_000, help="activity rows with --large")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.large:
        if args.out is None:
            parser.error("--large needs --out DIR (a folder outside the repository)")
        try:
            sizes = {args.slug: generate_large(args.slug, args.out, args.customers, args.activity_rows)}
        except ValueError as exc:
            parser.error(str(exc))
    else:
        sizes = generate_all(args.out or HERE)
    seconds = time.perf_counter() - started
    for slug, files in sizes.items():
        print(slug, ", ".join(f"{name} {size / 1024:,.0f} KB" for name, size in files.items()))
    total = sum(sum(files.values()) for files in sizes.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"total {total / 1024:,.0f} KB in {seconds:.2f} s, peak memory {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
