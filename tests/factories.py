"""Test data built the same way in every test that needs it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core import schema


def activity_table(*rows: dict) -> pd.DataFrame:
    """An activity table from a few rows; ``when`` is Europe/Rome local time, missing metrics NaN, the engagement
    rate worked out as the importers do (interactions over reach, or over views without a reach)."""
    frame = pd.DataFrame(
        [{"platform": "instagram", "kind": "post", "text": "", "link": "", "place": "", **r} for r in rows]
    )
    frame["when"] = pd.to_datetime(frame["when"]).dt.tz_localize("Europe/Rome")
    for column in schema.ACTIVITY_COLUMNS:
        if column not in frame:
            frame[column] = np.nan
    base = frame["reach"].where(frame["reach"] > 0, frame["views"])
    frame["engagement_rate"] = frame["interactions"] / base
    return frame[list(schema.ACTIVITY_COLUMNS)]
