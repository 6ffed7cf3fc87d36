"""The plan's files for the Plan page: each made only when its button is clicked (PDF and XLSX take a moment).

The JSON file is the whole plan (``core.plan.bundle``): the plan and its imported tables, as many as
fit in a file that can be uploaded again; ``whole_plan`` says which those are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from core.calendar import calendar
from core.calendar import export as calendar_export
from core.deliverable import build as deliverable
from core.deliverable import markdown as export_md
from core.deliverable import pdf as export_pdf
from core.deliverable import xlsx as export_xlsx
from core.goals import measures
from core.plan import bundle
from core.plan import plan as plan_mod
from ui import data as data_mod
from ui import resources
from ui.frame import Frame


@dataclass(frozen=True)
class File:
    ext: str
    label: str  # text key
    name: str
    mime: str
    make: Callable[[], bytes]


@dataclass(frozen=True)
class WholePlan:
    """The whole-plan JSON file and what it holds."""

    data: bytes
    included: tuple[str, ...]  # the imported files in it
    left_out: tuple[str, ...]  # the imported files too large to fit


@st.cache_resource(show_spinner=False, max_entries=8)  # files up to 24 MB each
def _whole(token: str, version: int, ids: tuple[int, ...], _plan: dict[str, Any]) -> WholePlan:
    """Keyed by the plan's secret token, its version and its imports: no other session can produce the key."""
    imports = [
        bundle.Import(entry.kind, entry.platform, entry.file, frame)
        for entry, frame in resources.get_datasets().imports(token)
    ]
    data, left_out = bundle.dump(_plan, imports)
    out = {id(i) for i in left_out}
    included = tuple(i.file for i in imports if id(i) not in out)
    return WholePlan(data, included, tuple(i.file for i in left_out))


def whole_plan(plan: dict[str, Any], token: str | None, version: int | None) -> WholePlan:
    """The plan with its imports as one file (the plan alone when it has no token yet)."""
    if not token:
        return WholePlan(bundle.dump(plan, [])[0], (), ())
    ids = tuple(e.id for e in resources.get_datasets().entries(token))
    return _whole(token, version or 0, ids, plan)


def whole_plan_note(frame: Frame, whole: WholePlan) -> None:
    """Under the downloads: what the JSON file holds, and which imports must be imported again after a restore."""
    t = frame.t

    def named(names: tuple[str, ...]) -> str:
        return ", ".join(t("plan.file_name", file=name) for name in names)

    if whole.included:
        st.caption(frame.md("plan.json_holds", n=len(whole.included), files=named(whole.included)))
    else:
        st.caption(t("plan.json_no_imports"))
    if whole.left_out:
        params = {"n": len(whole.left_out), "files": named(whole.left_out), "mb": bundle.MAX_BYTES // 2**20}
        st.warning(frame.md("plan.json_left_out", **params))


def files(
    plan: dict[str, Any],
    data: measures.Data,
    today: dt.date,
    lang: str,
    token: str | None,
    whole: WholePlan | None = None,
    room: tuple[str, ...] = (),
) -> list[File]:
    """PDF, XLSX, Markdown, JSON (``whole``, else the plan with no imports) and (with calendar items) .ics;
    in a workshop the PDF gains a page with ``room``, "you and the room" as said now."""
    built = functools.cache(
        lambda: dataclasses.replace(deliverable.build(plan, data, today, lang, data_mod.goal_places(plan)), room=room)
    )
    name = (plan.get("business") or {}).get("name") or ""
    created = plan.get("created", "")

    def named(ext: str) -> str:
        return deliverable.safe_file_name(name, created, ext)

    result = [
        File("pdf", "plan.download_pdf", named("pdf"), "application/pdf", lambda: export_pdf.render(built(), lang)),
        File(
            "xlsx",
            "plan.download_xlsx",
            named("xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            lambda: export_xlsx.render(built(), lang),
        ),
        File(
            "md",
            "plan.download_md",
            named("md"),
            "text/markdown",
            lambda: export_md.render(built(), lang).encode("utf-8"),
        ),
        File(
            "json",
            "plan.download",
            plan_mod.file_name(name, created),
            "application/json",
            lambda: whole.data if whole is not None else bundle.dump(plan, [])[0],
        ),
    ]
    try:
        items = calendar.items_from_dicts(plan.get("calendar") or [])
    except calendar.CalendarError:
        items = []
    if items:
        now = dt.datetime.combine(today, dt.time(0, 0))
        make = lambda: calendar_export.to_ics(items, lang, now=now, namespace=token or "rotta", calendar_name=name)  # noqa: E731
        result.append(File("ics", "plan.download_ics", named("ics"), "text/calendar", make))
    return result
