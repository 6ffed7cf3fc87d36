"""When the business's posts work and which worked: engagement by weekday and hour, best and worst posts.

Only own posts count (``timeline.own_posts``), in Europe/Rome time. The weekday-hour grid uses the
mean of the posts' own engagement rates (each post weighs the same); a format's or channel's rate
is pooled like everywhere else (sum of interactions / sum of reach). With few posts the grid says
the signal is thin and suggests what to test, never a "best time".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core.i18n import Message
from core.timeline import timeline
from core.timeline.periods import Num, Phrases, Term  # language-aware message parameters

MIN_POSTS = 30  # fewer posts than this: too few to tell one slot from another
MIN_CELL_POSTS = 3  # a weekday-hour cell with fewer posts is not shown as a value
TEST_WEEKS = 4
TEST_HOURS = (8, 18)  # the slots to try first when there is no signal (morning, after work)


@dataclass(frozen=True, eq=False)
class BestTimes:
    """``cells``: 168 rows (weekday 0 = Monday, hour 0-23, Europe/Rome) with ``posts``, the mean
    engagement rate of those posts (``engagement_rate``, NaN when ``masked``) and its standard
    error ``se``. ``status`` is "thin" when there are too few posts to compare slots."""

    status: str  # "thin" | "ok"
    cells: pd.DataFrame
    posts: int
    message: Message
    suggestions: list[Message]
    min_cell_posts: int = MIN_CELL_POSTS


def _slot(weekday: int, hour: int, rate: float | None = None, posts: int | None = None) -> Message:
    params: dict[str, Any] = {"day": Term(f"timeline.weekday.{weekday}"), "start": hour, "end": hour + 1}
    if rate is None:
        return Message("timeline.best.slot", params)
    return Message("timeline.best.slot_rate", {**params, "rate": Num(rate, 1, "percent"), "posts": posts})


def _hours(hour: int) -> Phrases:
    """A one-hour slot as a message parameter (Phrases format themselves in the template's language)."""
    return Phrases((Message("timeline.best.hours", {"start": hour, "end": hour + 1}),))


def best_times(
    activity: pd.DataFrame,
    min_posts: int = MIN_POSTS,
    min_cell_posts: int = MIN_CELL_POSTS,
    platforms: Sequence[str] | None = None,
) -> BestTimes:
    """The engagement of own posts (on ``platforms``, default all) by weekday and hour, and what to
    test next; never a sure "best time". Thin: fewer than ``min_posts`` posts, or fewer than two
    cells with ``min_cell_posts`` posts each."""
    keep = timeline.own_posts(activity) & activity["engagement_rate"].notna()
    if platforms is not None:
        keep &= activity["platform"].isin(list(platforms))
    rows = activity.loc[keep, ["when", "engagement_rate"]]
    local = timeline.local_times(rows["when"])
    parts = pd.DataFrame(
        {
            "weekday": local.dt.day_of_week.to_numpy(),
            "hour": local.dt.hour.to_numpy(),
            "rate": rows["engagement_rate"],
        }
    )
    stats = parts.groupby(["weekday", "hour"])["rate"].agg(["count", "mean", "std"])
    grid = pd.MultiIndex.from_product([range(7), range(24)], names=["weekday", "hour"])
    stats = stats.reindex(grid)
    posts = stats["count"].fillna(0).astype(int)
    masked = posts < min_cell_posts
    cells = pd.DataFrame(
        {
            "posts": posts,
            "engagement_rate": stats["mean"].where(~masked),
            "se": (stats["std"] / np.sqrt(posts)).where(~masked),
            "masked": masked,
        }
    ).reset_index()
    total = int(posts.sum())
    shown = cells[~cells["masked"]]
    usual = cells.loc[cells["posts"].idxmax()] if total else None
    if total < min_posts or len(shown) < 2:
        message = Message("timeline.best.thin", {"posts": total, "needed": min_posts, "min_cell": min_cell_posts})
        usual_hour = int(cells.groupby("hour")["posts"].sum().idxmax()) if total else None
        suggestions = _thin_suggestions(usual_hour, total, min_posts)
        return BestTimes("thin", cells, total, message, suggestions, min_cell_posts)
    top = shown.sort_values(["engagement_rate", "posts"], ascending=False).head(3)
    slots = tuple(_slot(int(r.weekday), int(r.hour), float(r.engagement_rate), int(r.posts)) for r in top.itertuples())
    message = Message("timeline.best.ok", {"slots": Phrases(slots), "posts": total})
    suggestions = _ok_suggestions(top.iloc[0], usual, float(parts["rate"].mean()))
    return BestTimes("ok", cells, total, message, suggestions, min_cell_posts)


def _thin_suggestions(usual: int | None, total: int, min_posts: int) -> list[Message]:
    """Test the hour used most against one at the other end of the day (or 8-9 against 18-19)."""
    if usual is None:
        first, second = TEST_HOURS
        out = [
            Message(
                "timeline.best.try_two",
                {"first": _hours(first), "second": _hours(second), "weeks": TEST_WEEKS},
            )
        ]
    else:
        other = TEST_HOURS[1] if usual < 14 else TEST_HOURS[0]
        params = {"usual": _hours(usual), "other": _hours(other), "weeks": TEST_WEEKS}
        out = [Message("timeline.best.try_other", params)]
    out.append(Message("timeline.best.same_content"))
    if total < min_posts:
        out.append(Message("timeline.best.more_posts", {"missing": min_posts - total}))
    return out


def _ok_suggestions(best: pd.Series, usual: pd.Series | None, overall: float) -> list[Message]:
    best_slot = Phrases((_slot(int(best["weekday"]), int(best["hour"])),))
    out = []
    if usual is not None and (usual["weekday"], usual["hour"]) != (best["weekday"], best["hour"]):
        usual_slot = Phrases((_slot(int(usual["weekday"]), int(usual["hour"])),))
        out.append(Message("timeline.best.test_best", {"best": best_slot, "usual": usual_slot, "weeks": TEST_WEEKS}))
    else:
        out.append(Message("timeline.best.keep_usual", {"best": best_slot, "weeks": TEST_WEEKS}))
    se = best["se"]
    if pd.isna(se) or best["engagement_rate"] - 2 * se <= overall:
        out.append(Message("timeline.best.close"))
    out.append(Message("timeline.best.same_content"))
    return out


# --- What worked: best and worst posts, engagement by format and channel --------------------------

MIN_REACH = 100  # a post seen by fewer people has a rate that swings with one like
GROUPS: tuple[str, ...] = ("kind", "platform")
POST_COLUMNS: tuple[str, ...] = ("text", "when", "platform", "kind", "reach", "engagement_rate", "link")


@dataclass(frozen=True, eq=False)
class TopPosts:
    top: pd.DataFrame  # best first
    bottom: pd.DataFrame  # worst first


def _rates(activity: pd.DataFrame, min_reach: float) -> tuple[pd.Series, np.ndarray]:
    """(engagement rate of own posts seen by at least ``min_reach`` people, NaN for other rows;
    the rate's denominator: reach, or views where reach is absent)."""
    reach, views = activity["reach"].to_numpy(dtype=float), activity["views"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        base = np.where(reach > 0, reach, views)
        rate = activity["engagement_rate"].to_numpy(dtype=float)
        keep = timeline.own_posts(activity).to_numpy(dtype=bool) & ~np.isnan(rate) & (base >= min_reach)
    return pd.Series(np.where(keep, rate, np.nan), index=activity.index), base


def top_posts(activity: pd.DataFrame, n: int = 5, min_reach: float = MIN_REACH, by: str | None = None) -> TopPosts:
    """The ``n`` own posts with the highest and the lowest engagement rate (per ``by`` group if given).

    Posts reaching fewer than ``min_reach`` people (views where reach is absent) are left out;
    ``reach`` in the result is that denominator. A post is never both in ``top`` and ``bottom``.
    """
    if by is not None and by not in GROUPS:
        raise ValueError(f"by {by!r} is not one of {GROUPS}")
    rate, base = _rates(activity, min_reach)
    values = rate.to_numpy()
    if by is None:
        masks = [np.ones(len(values), dtype=bool)]
    else:
        codes, names = pd.factorize(activity[by].where(rate.notna()))
        masks = [codes == names.get_loc(g) for g in timeline.platform_order(set(names))]
    tops, bottoms = [], []
    for mask in masks:
        best = _extreme(np.where(mask, values, np.nan), n, largest=True)
        tops.append(best)
        rest = np.where(mask, values, np.nan)
        rest[best] = np.nan
        bottoms.append(_extreme(rest, n, largest=False))
    return TopPosts(*(_post_table(activity, base, np.concatenate(parts)) for parts in (tops, bottoms)))


def _extreme(values: np.ndarray, n: int, largest: bool) -> np.ndarray:
    """Positions of the ``n`` largest (or smallest) values that are not NaN, in that order."""
    valid = np.flatnonzero(~np.isnan(values))
    signed = -values[valid] if largest else values[valid]
    if len(valid) > n:
        keep = np.argpartition(signed, n - 1)[:n] if n > 0 else np.array([], dtype=int)
        valid, signed = valid[keep], signed[keep]
    return valid[np.lexsort((-valid, signed))]  # equal rates: the later row (the newer post) first


def _post_table(activity: pd.DataFrame, base: np.ndarray, positions: np.ndarray) -> pd.DataFrame:
    rows = activity.iloc[positions]
    out = rows.assign(
        text=timeline.short_text(rows["text"]),
        when=timeline.local_times(rows["when"]).astype("datetime64[s]"),
        reach=base[positions],
    )
    return out[list(POST_COLUMNS)].reset_index(drop=True)


def engagement_by(activity: pd.DataFrame, by: str = "kind", min_reach: float = 0) -> pd.DataFrame:
    """Per format (``kind``) or channel (``platform``): posts, reach, interactions, pooled and median rate."""
    if by not in GROUPS:
        raise ValueError(f"by {by!r} is not one of {GROUPS}")
    rate, base = _rates(activity, min_reach)
    keep = rate.notna().to_numpy()
    inter = activity["interactions"].to_numpy(dtype=float)[keep]
    parts = pd.DataFrame(
        {
            by: activity[by].to_numpy()[keep],
            "reach": base[keep],
            "interactions": inter,
            "rate": rate.to_numpy()[keep],
        }
    )
    rated = ~np.isnan(inter)  # the pooled rate over rows that have both parts
    parts["reach"] = parts["reach"].where(rated)
    out = parts.groupby(by).agg(
        posts=("rate", "size"),
        reach=("reach", "sum"),
        interactions=("interactions", "sum"),
        median_rate=("rate", "median"),
    )
    out["engagement_rate"] = out["interactions"] / out["reach"].where(out["reach"] > 0)
    out = out.reset_index().sort_values(["engagement_rate", "posts"], ascending=False, ignore_index=True)
    return out[[by, "posts", "reach", "interactions", "engagement_rate", "median_rate"]]
