"""The plan's files for the Plan page: each made only when its button is clicked (PDF and XLSX take a moment)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.calendar import calendar
from core.calendar import export as calendar_export
from core.deliverable import build as deliverable
from core.deliverable import markdown as export_md
from core.deliverable import pdf as export_pdf
from core.deliverable import xlsx as export_xlsx
from core.goals import measures
from core.plan import plan as plan_mod


@dataclass(frozen=True)
class File:
    ext: str
    label: str  # text key
    name: str
    mime: str
    make: Callable[[], bytes]


def files(plan: dict[str, Any], data: measures.Data, today: dt.date, lang: str, token: str | None) -> list[File]:
    """PDF, XLSX, Markdown, JSON and (with calendar items) .ics of the plan, in ``lang``."""
    built = functools.cache(lambda: deliverable.build(plan, data, today, lang))
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
            lambda: plan_mod.to_json(plan).encode("utf-8"),
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
