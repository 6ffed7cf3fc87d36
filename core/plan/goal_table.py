"""The goals of a plan as an editable table (one row per goal), and the edits back as plan changes.

Rates are shown in percent in the table (3.5 for 3.5%) because owners read them that way; the plan
keeps shares (0.035). Every edited row is validated as a whole goal before it becomes a change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from core import i18n
from core.goals import goals, kpis, smart
from core.i18n import Message
from core.plan.plan import Change

EDITABLE = ("title", "baseline", "target", "deadline", "owner")


def _scale(kpi_id: str | None) -> float:
    return 100.0 if kpi_id and kpis.KPIS[kpi_id].unit == "rate" else 1.0


def smart_letters(checks: Sequence[smart.Check]) -> str:
    """``S✓ M✓ A✗ R✓ T✓``: the SMART check at a glance."""
    return " ".join(f"{c.letter}{'✓' if c.passed else '✗'}" for c in checks)


def to_table(goal_dicts: Sequence[dict[str, Any]], today: dt.date, lang: str) -> pd.DataFrame:
    rows = []
    for data in goal_dicts:
        goal = goals.Goal.from_dict(data)
        scale = _scale(goal.kpi)
        rows.append(
            {
                "id": goal.id,
                "title": goal.title,
                "kpi": kpis.name(lang, goal.kpi) if goal.kpi else "",
                # rounded: 0.07 * 100 is 7.000000000000001 in floating point
                "baseline": None if goal.baseline is None else round(goal.baseline * scale, 6),
                "target": None if goal.target is None else round(goal.target * scale, 6),
                "deadline": goal.deadline,
                "owner": goal.owner,
                "smart": smart_letters(smart.smart_check(goal, today)),
            }
        )
    columns = ["id", "title", "kpi", "baseline", "target", "deadline", "owner", "smart"]
    table = pd.DataFrame(rows, columns=columns)
    for name in ("baseline", "target"):
        table[name] = pd.to_numeric(table[name], errors="coerce").astype("Float64")
    return table


def as_text(goal_dicts: Sequence[dict[str, Any]], today: dt.date, lang: str) -> pd.DataFrame:
    """The same table as ``to_table``, every cell written for the screen in ``lang``: baseline and target as the
    KPI's values (``57%``, ``20.400``), the deadline as a date of the language, nothing missing shown as ``None``."""
    table = to_table(goal_dicts, today, lang)
    kpi_ids = [goals.Goal.from_dict(data).kpi for data in goal_dicts]
    for name in ("baseline", "target"):
        table[name] = [
            i18n.cell(lang, v) if kpi is None or pd.isna(v) else kpis.format_value(lang, kpi, v / _scale(kpi))
            for kpi, v in zip(kpi_ids, table[name], strict=True)
        ]
    return table.astype(object).map(lambda value: i18n.cell(lang, value))


def _cell(value: Any) -> Any:
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def changes_from_table(
    goal_dicts: Sequence[dict[str, Any]], edited: pd.DataFrame
) -> tuple[list[Change], list[tuple[int, Message]]]:
    """Plan changes for the cells the user edited; rows that would make an invalid goal are refused."""
    changes: list[Change] = []
    problems: list[tuple[int, Message]] = []
    by_id = {row["id"]: row for _, row in edited.iterrows()}
    for index, data in enumerate(goal_dicts):
        row = by_id.get(data["id"])
        if row is None:
            continue
        scale = _scale(data.get("kpi"))
        new = dict(data)
        new["title"] = (_cell(row["title"]) or "").strip()
        new["owner"] = (_cell(row["owner"]) or "").strip()
        for name in ("baseline", "target"):
            value = _cell(row[name])
            new[name] = None if value is None else round(float(value) / scale, 6)
        deadline = _cell(row["deadline"])
        new["deadline"] = deadline.isoformat() if isinstance(deadline, dt.date) else deadline
        if new == data:
            continue
        try:
            goals.Goal.from_dict(new)
        except goals.GoalError as error:
            problems.append((index + 1, error.message))
            continue
        changes += [Change(("goals", index, f), data.get(f), new[f]) for f in EDITABLE if new[f] != data.get(f)]
    return changes, problems
