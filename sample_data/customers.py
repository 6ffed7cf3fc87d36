"""Simulate customers and their orders from a spec, vectorised so that 100,000 customers stay fast.

Each customer arrives on a first-order day (a steady stream, or after an event), buys at a
personal rate for an exponential lifetime, and each candidate order day is kept in proportion to
how busy that day is (month, weekday, closures). Orders are then one per customer and day.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sample_data.model import Spec
from sample_data.places import Places


def day_weights(spec: Spec, days: np.ndarray) -> np.ndarray:
    """How busy each day is for orders (0 when closed)."""
    habit = spec.habit
    months = days.astype("datetime64[M]").astype(int) % 12
    weekdays = (days.astype(int) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    weight = np.asarray(habit.month_orders)[months] * np.asarray(habit.day_orders)[weekdays]
    for first, last in habit.closed:
        weight[(days >= np.datetime64(first)) & (days <= np.datetime64(last))] = 0.0
    return weight


def _next_open(weight: np.ndarray) -> np.ndarray:
    """For each day, the first open day from it on (len(weight) when there is none)."""
    n = len(weight)
    index = np.where(weight > 0, np.arange(n), n)
    return np.minimum.accumulate(index[::-1])[::-1]


def _arrivals(spec: Spec, places: Places, rng: np.random.Generator, scale: float, days, weight):
    """First-order day, place index into a combined pool and lifetime multiplier of each customer."""
    n_days = len(days)
    next_open = np.append(_next_open(weight), n_days)
    first, lifetime, one_off, pools, picks = [], [], [], [], []
    for stream in spec.streams:
        n = round(stream.customers * scale)
        window = (days >= np.datetime64(stream.start)) & (days <= np.datetime64(stream.end))
        p = weight * window
        first.append(rng.choice(n_days, size=n, p=p / p.sum()))
        lifetime.append(np.full(n, stream.lifetime))
        one_off.append(np.full(n, spec.habit.one_off if stream.one_off is None else stream.one_off))
        pool = places.pool(stream.mix, spec.capital_share)
        pools.append(pool)
        picks.append(pool.draw(rng, n))
    for event in spec.events:
        n = round(event.customers * scale)
        if not n:
            continue
        day = int((np.datetime64(event.date) - days[0]).astype(int))
        delay = np.zeros(n) if event.lag_days == 0 else rng.gamma(2.0, event.lag_days / 2.0, size=n)
        when = next_open[np.minimum(day + np.ceil(delay).astype(int), n_days)]
        pool = places.pool(event.mix, spec.capital_share)
        pick = pool.draw(rng, n)
        inside = when < n_days  # customers whose first order would fall after the data ends are not there yet
        first.append(when[inside])
        lifetime.append(np.ones(inside.sum()))
        one_off.append(np.full(inside.sum(), spec.habit.one_off if event.one_off is None else event.one_off))
        pools.append(pool)
        picks.append(pick[inside])
    return first, lifetime, one_off, pools, picks


def simulate(
    spec: Spec, places: Places, rng: np.random.Generator, scale: float = 1.0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The customers table (without geocoding columns) and the orders table of a spec."""
    habit = spec.habit
    days = np.arange(np.datetime64(spec.orders_start), np.datetime64(spec.end) + 1)
    n_days = len(days)
    weight = day_weights(spec, days)
    first_parts, life_parts, one_off_parts, pools, picks = _arrivals(spec, places, rng, scale, days, weight)
    first = np.concatenate(first_parts)
    n = len(first)
    place_cols = {
        col: np.concatenate([getattr(pool, col)[pick] for pool, pick in zip(pools, picks, strict=True)])
        for col in ("town", "postcode", "province", "country")
    }

    rate = habit.orders_per_year / 365.0 * np.exp(rng.normal(0.0, habit.orders_sigma, n))
    rate = np.where(place_cols["town"] == spec.town, rate, rate * habit.away_orders)
    life = rng.exponential(habit.lifetime_days * np.concatenate(life_parts))
    life = np.where(rng.random(n) < np.concatenate(one_off_parts), 0.0, life)
    window = np.minimum(life, n_days - 1 - first)
    relative = weight / weight.max()
    candidates = rng.poisson(rate * window / relative.mean())
    owner = np.repeat(np.arange(n), candidates)
    day = first[owner] + 1 + np.floor(rng.random(len(owner)) * window[owner]).astype(int)
    day = np.minimum(day, n_days - 1)
    kept = rng.random(len(owner)) < relative[day]
    key = np.unique(np.concatenate([np.arange(n) * n_days + first, owner[kept] * n_days + day[kept]]))
    cust, day = key // n_days, key % n_days

    months = days[day].astype("datetime64[M]").astype(int) % 12
    amount = habit.amount * np.asarray(habit.month_amount)[months] * np.exp(rng.normal(0, habit.amount_sigma, len(day)))
    amount = np.where(place_cols["country"][cust] != "IT", amount * habit.abroad_amount, amount)
    amount = np.round(np.maximum(amount, habit.min_amount), 2)

    # Registered customers who never ordered (signed up to the shop or the newsletter only).
    extra = round(spec.signups_only * scale)
    signup = rng.choice(n_days, size=extra, p=weight / weight.sum())
    if extra:
        pool = places.pool(spec.signup_mix, spec.capital_share)
        pick = pool.draw(rng, extra)
        for col in place_cols:
            place_cols[col] = np.concatenate([place_cols[col], getattr(pool, col)[pick]])

    # Ids follow the order in which customers arrived, like a loyalty card or shop database would.
    arrival = np.concatenate([first, signup])
    rank = np.empty(n + extra, dtype=int)
    rank[np.lexsort((rng.random(n + extra), arrival))] = np.arange(n + extra)
    width = max(4, len(str(n + extra)))
    ids = np.array([f"{spec.id_prefix}{i + 1:0{width}d}" for i in range(n + extra)])[rank]

    count = np.bincount(cust, minlength=n + extra)
    revenue = np.round(np.bincount(cust, weights=amount, minlength=n + extra), 2)
    first_day = np.full(n + extra, np.datetime64("NaT"), dtype="datetime64[D]")
    last_day = first_day.copy()
    first_day[:n] = days[first]
    last_day[:n] = days[day[np.searchsorted(cust, np.arange(n), side="right") - 1]]  # keys are sorted

    customers = pd.DataFrame(
        {
            "customer_id": ids,
            **place_cols,
            "first_order": first_day.astype("datetime64[s]"),
            "last_order": last_day.astype("datetime64[s]"),
            "orders": count,
            "revenue": revenue,
        }
    )
    customers = customers.sort_values("customer_id", kind="stable", ignore_index=True)
    _mess_up(customers, spec.messy)
    orders = pd.DataFrame({"customer_id": ids[cust], "date": days[day].astype("datetime64[s]"), "amount": amount})
    orders = orders.sort_values(["date", "customer_id"], kind="stable", ignore_index=True)
    return customers, orders


def _mess_up(customers: pd.DataFrame, messy: tuple[tuple[str, str, str], ...]) -> None:
    """Overwrite a few Italian customers' places with hand-typed variants (in place)."""
    if not messy:
        return
    italian = np.flatnonzero(customers["country"].to_numpy() == "IT")
    rows = italian[np.linspace(0, len(italian) - 1, len(messy) + 2)[1:-1].astype(int)]
    for row, (town, postcode, province) in zip(rows, messy, strict=True):
        customers.loc[row, ["town", "postcode", "province"]] = [town, postcode, province]
