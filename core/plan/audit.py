"""The baseline audit: the channels a business uses today, with followers and posts per week."""

from __future__ import annotations

from typing import Any

import pandas as pd

from core import fields, i18n, schema
from core.i18n import Message

COLUMNS = ("channel", "followers", "posts_per_week")
POSTS_MAX = 200  # posts a week on one channel (the Business page's own limit); followers: fields.COUNT_MAX


def to_table(channels: list[dict[str, Any]], labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The plan's channel list as an editable table (one row per channel; channel names via ``labels``)."""
    rows = [{c: row.get(c) for c in COLUMNS} for row in channels or []]
    if labels:
        rows = [{**row, "channel": labels.get(row["channel"], row["channel"])} for row in rows]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table["followers"] = pd.to_numeric(table["followers"], errors="coerce").astype("Int64")
    table["posts_per_week"] = pd.to_numeric(table["posts_per_week"], errors="coerce").astype("Float64")
    return table


def as_text(channels: list[dict[str, Any]], labels: dict[str, str], lang: str) -> pd.DataFrame:
    """The channel table written for the screen in ``lang``: ``1.860`` followers, ``5`` or ``1,4`` posts a week."""
    return to_table(channels, labels).astype(object).map(lambda value: i18n.cell(lang, value))


def from_table(table: pd.DataFrame) -> tuple[list[dict[str, Any]], list[Message]]:
    """The edited table back as the plan's list; rows without a channel are skipped, duplicates refused."""
    channels: list[dict[str, Any]] = []
    problems: list[Message] = []
    seen: set[str] = set()
    for _, row in table.iterrows():
        channel = row.get("channel")
        if not isinstance(channel, str) or channel not in schema.CHANNELS:
            continue
        if channel in seen:
            problems.append(Message("business.channels_duplicate", {"channel": channel}))
            continue
        seen.add(channel)
        followers = row.get("followers")
        posts = row.get("posts_per_week")
        entry = {
            "channel": channel,
            "followers": None if pd.isna(followers) else max(0, int(followers)),
            "posts_per_week": None if pd.isna(posts) else max(0.0, round(float(posts), 1)),
        }
        try:
            for name, high in (("followers", fields.COUNT_MAX), ("posts_per_week", POSTS_MAX)):
                if entry[name] is not None:
                    fields.number(entry[name], name, 0, high)
        except fields.FieldError as error:
            problems.append(error.message)
            continue
        channels.append(entry)
    return channels, problems


def totals(channels: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "channels": len(channels),
        "followers": sum(c.get("followers") or 0 for c in channels),
        "posts_per_week": round(sum(c.get("posts_per_week") or 0 for c in channels), 1),
    }
