"""Simulate the activity table: posts with their metrics, announcements of events, offline events.

A post's reach is the platform's audience on that day times the feed's reach ratio, times how
good the hour, weekday and month are, times a trend and lognormal noise. Interactions are
Poisson draws from the reach (or the views, on platforms that do not report reach).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from core import schema
from sample_data.model import Feed, Spec

_ALPHABET = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", dtype=np.uint8)
_INTERACTIONS = ("reactions", "comments", "shares", "saves")


def _codes(rng: np.random.Generator, n: int, length: int = 11) -> np.ndarray:
    raw = _ALPHABET[rng.integers(0, 64, size=(n, length))]
    return raw.view(f"S{length}").ravel().astype(str)


def _digits(rng: np.random.Generator, n: int, length: int) -> np.ndarray:
    raw = (rng.integers(0, 10, size=(n, length)) + ord("0")).astype(np.uint8)
    raw[:, 0] = rng.integers(1, 10, size=n) + ord("0")
    return raw.view(f"S{length}").ravel().astype(str)


def links(style: str, rng: np.random.Generator, n: int, page_id: str) -> np.ndarray:
    """Permalinks in each platform's own shape (fictional ids)."""
    if style == "ig_post":
        return np.char.add(np.char.add("https://www.instagram.com/p/", _codes(rng, n)), "/")
    if style == "ig_reel":
        return np.char.add(np.char.add("https://www.instagram.com/reel/", _codes(rng, n)), "/")
    if style == "fb":
        story = np.char.add("https://www.facebook.com/permalink.php?story_fbid=", _digits(rng, n, 16))
        return np.char.add(story, f"&id={page_id}")
    if style == "li":
        urn = np.char.add("https://www.linkedin.com/feed/update/urn:li:activity:", _digits(rng, n, 19))
        return np.char.add(urn, "/")
    if style == "yt":
        return np.char.add("https://www.youtube.com/watch?v=", _codes(rng, n))
    return np.full(n, "", dtype=object)


def allocate(weights: list[float], total: int) -> list[int]:
    """Integers proportional to ``weights`` that add up to ``total`` (largest remainders)."""
    share = np.asarray(weights, dtype=float) / sum(weights) * total
    counts = np.floor(share).astype(int)
    order = np.argsort(-(share - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts.tolist()


def _segments(feed: Feed, end: np.datetime64) -> list[tuple[np.ndarray, float]]:
    """(days, posts a week) for each stretch of a feed's posting plan."""
    starts = [np.datetime64(s) for s, _ in feed.per_week] + [end + 1]
    return [(np.arange(starts[i], starts[i + 1]), rate) for i, (_, rate) in enumerate(feed.per_week)]


def _interp(days: np.ndarray, points: tuple[tuple[str, float], ...]) -> np.ndarray:
    if not points:
        return np.ones(len(days))
    xs = np.array([np.datetime64(d) for d, _ in points]).astype(int)
    return np.interp(days.astype(int), xs, [v for _, v in points])


def _posts(spec: Spec, rng: np.random.Generator, feed_rows: int | None):
    """(feed index, local minute, caption) of every post; ``feed_rows`` rescales the total."""
    end = np.datetime64(spec.end)
    plan = [(i, days, rate) for i, feed in enumerate(spec.feeds) for days, rate in _segments(feed, end)]
    counts = [round(rate * len(days) / 7) for _, days, rate in plan]
    if feed_rows is not None:
        counts = allocate([rate * len(days) for _, days, rate in plan], feed_rows)
    feed_ix, minutes, captions = [], [], []
    for (i, days, _), n in zip(plan, counts, strict=True):
        feed = spec.feeds[i]
        months = days.astype("datetime64[M]").astype(int) % 12
        p = np.asarray(feed.days)[(days.astype(int) + 3) % 7] * np.asarray(spec.month_posts)[months]
        day = days[rng.choice(len(days), size=n, p=p / p.sum())]
        hours, hour_w = zip(*feed.hours, strict=True)
        hour = rng.choice(np.asarray(hours), size=n, p=np.asarray(hour_w) / sum(hour_w))
        minute = day.astype("datetime64[m]") + (hour * 60 + rng.integers(0, 60, size=n)).astype("timedelta64[m]")
        feed_ix.append(np.full(n, i))
        minutes.append(minute)
        captions.append(_captions(feed, rng, day, hour))
    return np.concatenate(feed_ix), np.concatenate(minutes), np.concatenate(captions)


def _captions(feed: Feed, rng: np.random.Generator, day: np.ndarray, hour: np.ndarray) -> np.ndarray:
    """Captions from the feed's pool; seasonal ones in their months, "good morning" ones before noon."""
    text = np.asarray(feed.captions, dtype=object)[rng.integers(0, len(feed.captions), size=len(day))]
    month = day.astype("datetime64[M]").astype(int) % 12 + 1
    pools = [(np.isin(month, months), pool) for months, pool in feed.seasonal]
    pools += [(hour < 12, feed.morning)] if feed.morning else []
    for when, pool in pools:
        pick = when & (rng.random(len(day)) < 0.6)
        text[pick] = np.asarray(pool, dtype=object)[rng.integers(0, len(pool), size=int(pick.sum()))]
    return text


def _announcements(spec: Spec):
    """A post three days before each announced event, on the platform's first post feed."""
    feed_ix, minutes, captions = [], [], []
    for event in spec.events:
        for platform in event.announce:
            i = next(k for k, f in enumerate(spec.feeds) if f.platform == platform and f.kind in ("post", "video"))
            hour = max(spec.feeds[i].hours, key=lambda hw: hw[1])[0]
            when = np.datetime64(event.date) - 3
            feed_ix.append(i)
            minutes.append(when.astype("datetime64[m]") + np.timedelta64(hour * 60 + 30, "m"))
            captions.append(event.announce_text)
    return np.array(feed_ix, dtype=int), np.array(minutes, dtype="datetime64[m]"), np.array(captions, dtype=object)


def _metrics(spec: Spec, feed: Feed, minute: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    n = len(minute)
    day = minute.astype("datetime64[D]")
    hour = ((minute - day) // np.timedelta64(1, "h")).astype(int)
    hour_perf = np.array([spec.hour_perf.get(h, 1.0) for h in range(24)])
    perf = hour_perf[hour] * np.asarray(spec.day_perf)[(day.astype(int) + 3) % 7]
    season = np.asarray(spec.month_perf)[day.astype("datetime64[M]").astype(int) % 12]
    audience = _interp(day, spec.audience[feed.platform])
    trend = _interp(day, spec.trend)
    noise = np.exp(rng.normal(0.0, feed.sigma, n))
    reach = np.maximum(1, np.round(audience * feed.reach_ratio * perf * season * noise))
    views = np.maximum(reach, np.round(reach * feed.views_ratio * np.exp(rng.normal(0.0, 0.08, n))))
    base = reach if feed.reach_reported else views
    out = {"views": views, "reach": reach if feed.reach_reported else np.full(n, np.nan)}
    for metric in ("reactions", "comments", "shares", "saves", "clicks"):
        rate = feed.metrics.get(metric)
        out[metric] = (
            np.full(n, np.nan) if rate is None else rng.poisson(base * rate * trend * np.sqrt(perf)).astype(float)
        )
    present = [out[m] for m in _INTERACTIONS if m in feed.metrics]
    out["interactions"] = np.sum(present, axis=0) if present else np.full(n, np.nan)
    out["engagement_rate"] = out["interactions"] / base
    return out


def simulate(spec: Spec, rng: np.random.Generator, total_rows: int | None = None) -> pd.DataFrame:
    """The activity table of a spec; ``total_rows`` makes a bigger one for benchmarks."""
    ann = _announcements(spec)
    feed_rows = None if total_rows is None else total_rows - len(spec.events) - len(ann[0])
    posts = _posts(spec, rng, feed_rows)
    feed_ix, minute, caption = (np.concatenate([a, b]) for a, b in zip(posts, ann, strict=True))
    minute = minute.astype("datetime64[s]")
    page_id = _digits(rng, 1, 15)[0]
    frames = []
    for i, feed in enumerate(spec.feeds):
        mask = feed_ix == i
        n = int(mask.sum())
        columns = {"when": minute[mask], "platform": feed.platform, "kind": feed.kind, "text": caption[mask]}
        columns |= {"link": links(feed.link, rng, n, page_id), "place": "", "lat": np.nan, "lon": np.nan}
        frames.append(pd.DataFrame(columns | _metrics(spec, feed, minute[mask], rng)))
    events = pd.DataFrame(
        {
            "when": np.array([f"{e.date}T{e.time}" for e in spec.events], dtype="datetime64[s]"),
            "platform": "offline",
            "kind": [e.kind for e in spec.events],
            "text": [e.text for e in spec.events],
            "link": "",
            "place": [e.place for e in spec.events],
            "lat": [e.lat for e in spec.events],
            "lon": [e.lon for e in spec.events],
        }
    )
    table = pd.concat([*frames, events], ignore_index=True)
    sizes = [len(f) for f in frames]
    del frames  # let the parts go before the sorted copy is made
    # Sort by time, then platform and kind, on numpy keys: sorting on the text columns costs
    # seconds and hundreds of MB on a million rows.
    labels = sorted({(f.platform, f.kind) for f in spec.feeds} | {("offline", e.kind) for e in spec.events})
    rank = {pair: i for i, pair in enumerate(labels)}
    group = np.concatenate(
        [np.full(n, rank[(f.platform, f.kind)]) for n, f in zip(sizes, spec.feeds, strict=True)]
        + [np.array([rank[("offline", e.kind)] for e in spec.events], dtype=int)]
    )
    order = np.lexsort((group, table["when"].to_numpy(dtype="datetime64[s]").astype(np.int64)))
    table = table.take(order).reset_index(drop=True)
    table["when"] = pd.to_datetime(table["when"]).dt.tz_localize("Europe/Rome", ambiguous="raise")
    for col in schema.ACTIVITY_COLUMNS:
        if col not in table:
            table[col] = np.nan
    return table[list(schema.ACTIVITY_COLUMNS)]
