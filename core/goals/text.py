"""Rendering the messages of the Goals step (SMART check, vanity check, tracking) in a language.

Messages produced by ``core.goals.smart``, ``core.goals.vanity``, ``core.goals.tracking`` and ``core.goals.goals`` are
``i18n.Message(key, params)`` whose params are plain values (numbers, dates, ids). The templates
use bare ``{name}`` placeholders; ``render(lang, message)`` formats each param for the language
by its name, so the same message reads ``1.240`` in Italian and ``1,240`` in English:

- ``kpi`` / ``kpis``: KPI id(s) -> name(s); ``objective``: objective id -> name;
  ``channels``: channel ids -> names; ``sources``: data source ids -> names;
  ``missing``: a goal field id -> its name; ``place_kind``: a place kind -> its name;
- ``*_val``: a value of the message's ``kpi`` in its unit (``3,4%``, ``1.250,00 €``);
- ``*_delta``: a change of that KPI (rates in percentage points);
- ``*_pct``: a share shown as a percent; ``*_date``: a date; ``*_n``: a plain number;
- anything else (the owner's own title, a place name, a field path) is shown as given.

Pages call ``goal_text.render(lang, message)``, never ``message.render(lang)``; text shown through
Markdown passes ``escape=safe_text.for_markdown`` so a goal's own words show as typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from core import i18n
from core.goals import goals, kpis, objectives


def render(lang: str, message: i18n.Message, escape: Callable[[str], str] = str) -> str:
    """The message in ``lang`` with every parameter formatted for it (then passed through ``escape``)."""
    params = {name: escape(_format(lang, name, value, message.params)) for name, value in message.params.items()}
    return i18n.t(lang, message.key, **params)


def _names(lang: str, prefix: str, ids: Any) -> str:
    return ", ".join(i18n.t(lang, f"{prefix}.{i}") for i in ids)


def _format(lang: str, name: str, value: Any, params: dict[str, Any]) -> str:
    if value is None:
        return "-"
    if name == "kpi":
        return kpis.name(lang, value)
    if name == "kpis":
        return ", ".join(kpis.name(lang, k) for k in value)
    if name == "objective":
        return objectives.name(lang, value)
    if name == "channels":
        return _names(lang, "kpis.channel", value)
    if name == "sources":
        return _names(lang, "kpis.source", value)
    if name == "missing":
        return i18n.t(lang, f"goals.field.{value}")
    if name == "place_kind":
        return i18n.t(lang, f"goals.place.{value}")
    if name.endswith("_val"):
        return kpis.format_value(lang, params["kpi"], value)
    if name.endswith("_delta"):
        return kpis.format_change(lang, params["kpi"], value)
    if name.endswith("_pct"):
        return i18n.percent(lang, value, 0 if float(round(value * 100, 1)).is_integer() else 1)
    if name.endswith("_date"):
        return i18n.date(lang, value)
    if name.endswith("_n"):
        return i18n.number(lang, value, 0 if float(value).is_integer() else 1)
    return str(value)


def place_text(lang: str, kind: str, value: str) -> str:
    """``"Forlì"``, "abroad" for the market abroad, or "the whole market" when the goal is not about one place."""
    if kind == "market" and value == "abroad":
        return i18n.t(lang, "business.market.abroad")
    return i18n.t(lang, "goals.place.whole") if kind == "market" or not value.strip() else value


def goal_title(lang: str, kpi_id: str, place: goals.Place, target: float | None, deadline: dt.date) -> str:
    """A measurable title: ``"Follower nella zona - Forlì: 1.400 entro il 31/12/2026"``."""
    what = kpis.name(lang, kpi_id)
    if place.kind != "market" and place.value:
        what = f"{what} - {place.value}"
    if target is None:
        return i18n.t(lang, "goals.title.open", what=what, deadline=i18n.date(lang, deadline))
    target_text = kpis.format_value(lang, kpi_id, target)
    return i18n.t(lang, "goals.title.target", what=what, target=target_text, deadline=i18n.date(lang, deadline))


def _dot(text: str, limit: int = 60) -> str:
    """A DOT string literal's content: quotes and backslashes escaped, one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("\\", "\\\\").replace('"', '\\"')


def tree_dot(lang: str, tree: list[dict[str, Any]]) -> str:
    """The goal tree (``goals.goal_tree``) as Graphviz DOT: objective -> goal -> KPI -> actions.

    For ``st.graphviz_chart``; user text goes only into quoted labels, escaped, never into ids.
    """
    lines = ["digraph goals {", "  rankdir=LR;", '  node [shape=box, style="rounded", fontname="sans-serif"];']
    count = 0
    for branch in tree:
        root = f"o_{branch['objective']}"
        lines.append(f'  {root} [label="{_dot(objectives.name(lang, branch["objective"]))}", style="bold"];')
        for goal in branch["goals"]:
            count += 1
            node = f"g{count}"
            pace = goal["pace"]
            label = _dot(goal["title"] or i18n.t(lang, "goals.tree.untitled"))
            if pace is not None and goal["kpi"]:
                label += "\\n" + _dot(i18n.t(lang, "goals.tree.pace", pace=kpis.format_change(lang, goal["kpi"], pace)))
            lines += [f'  {node} [label="{label}"];', f"  {root} -> {node};"]
            kpi = kpis.name(lang, goal["kpi"]) if goal["kpi"] else i18n.t(lang, "goals.tree.no_kpi")
            lines += [f'  {node}_k [label="{_dot(kpi)}", shape=ellipse];', f"  {node} -> {node}_k;"]
            for n, action in enumerate(goal["actions"] or [i18n.t(lang, "goals.tree.no_actions")]):
                lines += [f'  {node}_a{n} [label="{_dot(action)}", shape=note];', f"  {node}_k -> {node}_a{n};"]
    return "\n".join([*lines, "}"])


def generated_titles(goal: goals.Goal) -> set[str]:
    """The titles Rotta would give ``goal`` from its KPI, place, target and deadline, in either language.

    A goal whose title is still one of these was named by a template, not by its owner: when its target
    or deadline changes, its title follows (``retitled``)."""
    if goal.kpi is None or goal.deadline is None:
        return set()
    return {goal_title(lang, goal.kpi, goal.place, goal.target, goal.deadline) for lang in i18n.LANGS}


def retitled(lang: str, before: goals.Goal, after: goals.Goal) -> str | None:
    """The new title of a goal whose generated title no longer says its numbers; None to keep the owner's own."""
    if before.title not in generated_titles(before) or after.kpi is None or after.deadline is None:
        return None
    title = goal_title(lang, after.kpi, after.place, after.target, after.deadline)
    return title if title != before.title else None
