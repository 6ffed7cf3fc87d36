"""The deliverable as an Excel workbook (xlsxwriter): goals, calendar, customers by area, timeline, KPIs.

No cell can become a formula or a link: the workbook is opened with ``strings_to_formulas``,
``strings_to_urls`` and ``strings_to_numbers`` off, every text is written with ``write_string``
after :func:`safe_text.for_spreadsheet` (a leading apostrophe before ``=``, ``+``, ``-``, ``@`` even
behind blanks or invisible characters, for whoever re-exports it as CSV), and numbers and
dates are written by Rotta as numbers and dates, rounded as they are meant (money to the cent,
counts to units, shares to four decimals), so no cell holds ``837.1500000000001``. Customers
appear only as totals per area.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format

from core import i18n, safe_text
from core.deliverable import model

MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell
UNIT_FORMATS = {"rate": "0.0%", "eur": '#,##0.00 "€"', "count": "General", "score": "0.0"}
OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def cell_text(value: object) -> str:
    """Text as it goes into a cell: visible characters only, at most MAX_CELL, never read as a formula
    (``safe_text.for_spreadsheet``: neither at its start nor after blanks or invisible characters)."""
    return safe_text.for_spreadsheet(safe_text.plain_text(value)[:MAX_CELL])


def rounded(kind: str, value: float) -> float | int:
    """A number as its cell means it: shares to 4 decimals (0.1234 = 12.34%), money and scores to the cent,
    counts to units (or to the cent when the count is a fraction, such as an average)."""
    if kind == "rate":
        return round(value, 4)
    whole = round(value)
    if kind in ("int", "count") and abs(value - whole) < 1e-6:
        return int(whole)
    return round(value, 2)


class _Sheet:
    """One table on a worksheet: a bold header row, then one row per call to :meth:`row`."""

    def __init__(self, book: xlsxwriter.Workbook, name: str, columns: Sequence[tuple[str, float]], lang: str):
        self.book, self.ws, self.lang = book, book.add_worksheet(name), lang
        self.formats: dict[str, Format] = {}
        self.rows = 0
        header = self.fmt("header", {"bold": True, "bg_color": "#ECECEC", "text_wrap": True, "valign": "top"})
        for col, (key, width) in enumerate(columns):
            self.ws.set_column(col, col, width)
            self.ws.write_string(0, col, cell_text(i18n.t(lang, f"deliverable.col.{key}")), header)
        self.width = len(columns)
        self.ws.freeze_panes(1, 0)

    def fmt(self, name: str, props: dict[str, Any]) -> Format:
        if name not in self.formats:
            self.formats[name] = self.book.add_format(props)
        return self.formats[name]

    def row(self, cells: Sequence[tuple[str, Any]]) -> None:
        """Write one row: each cell is (kind, value) with kind text | int | date | a number format name."""
        self.rows += 1
        wrap = self.fmt("text", {"text_wrap": True, "valign": "top"})
        for col, (kind, value) in enumerate(cells):
            if value is None or (isinstance(value, float) and not math.isfinite(value)):
                self.ws.write_blank(self.rows, col, None, wrap)
            elif kind == "text":
                self.ws.write_string(self.rows, col, cell_text(value), wrap)
            elif kind in ("date", "month"):
                day = dt.datetime.combine(value, dt.time())
                shown = "yyyy-mm-dd" if kind == "date" else "yyyy-mm"
                self.ws.write_datetime(self.rows, col, day, self.fmt(kind, {"num_format": shown, "valign": "top"}))
            else:
                number_format = UNIT_FORMATS.get(kind, "#,##0" if kind == "int" else kind)
                self.ws.write_number(
                    self.rows,
                    col,
                    rounded(kind, float(value)),
                    self.fmt(number_format, {"num_format": number_format, "valign": "top"}),
                )

    def close(self, empty_note: str) -> None:
        if not self.rows:
            self.row([("text", empty_note)])
        else:
            self.ws.autofilter(0, 0, self.rows, self.width - 1)


def render(d: model.Deliverable, lang: str) -> bytes:
    """The workbook as bytes: the sheets goals, calendar, customers by area, timeline and KPIs."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, OPTIONS)
    book.set_properties({
        "title": cell_text(d.heading)[:250], "author": "Rotta", "created": dt.datetime.combine(d.today, dt.time()),
    })  # fmt: skip
    t: Callable[[str], str] = lambda key: i18n.t(lang, f"deliverable.{key}")  # noqa: E731
    sheets = (("goals", _goals), ("calendar", _calendar), ("areas", _areas), ("timeline", _timeline), ("kpis", _kpis))
    for sheet, write in sheets:
        write(book, t(f"sheet.{sheet}"), d, lang).close(d.notes.get(sheet) or t(f"missing.{sheet}"))
    book.close()
    return out.getvalue()


def _goals(book: xlsxwriter.Workbook, name: str, d: model.Deliverable, lang: str) -> _Sheet:
    columns = [("id", 8), ("goal", 40), ("objective", 22), ("kpi", 20), ("channels", 20), ("place", 16),
               ("tracked_on", 40), ("owner", 14), ("start", 12), ("deadline", 12), ("baseline", 12), ("target", 12),
               ("current", 12), ("pace", 14), ("status", 16), ("smart", 16), ("fixes", 60),
               ("actions", 40)]  # fmt: skip
    sheet = _Sheet(book, name, columns, lang)
    for g in d.goals:
        unit = g.unit or "count"
        fixes = [i18n.t(lang, "deliverable.goal.fix", letter=f.letter, name=f.name, fix=f.fix) for f in g.fixes]
        sheet.row([
            ("text", g.id), ("text", g.title), ("text", g.objective), ("text", g.kpi), ("text", ", ".join(g.channels)),
            ("text", g.place), ("text", g.where), ("text", g.owner), ("date", g.start), ("date", g.deadline),
            (unit, g.baseline), (unit, g.target), (unit, g.current), (unit, g.pace), ("text", g.status),
            ("text", g.smart_text),
            ("text", "\n".join([g.problem] if g.problem else fixes)), ("text", "\n".join(g.actions)),
        ])  # fmt: skip
    return sheet


def _calendar(book: xlsxwriter.Workbook, name: str, d: model.Deliverable, lang: str) -> _Sheet:
    columns = [("date", 12), ("time", 7), ("channel", 18), ("title", 40), ("goal", 30), ("place", 18), ("note", 40),
               ("status", 14), ("outcome", 22)]  # fmt: skip
    sheet = _Sheet(book, name, columns, lang)
    for i in d.calendar:
        sheet.row([("date", i.date), *(("text", v) for v in (i.time, i.channel, i.title, i.goal, i.place, i.note,
                                                              i.status, i.outcome))])  # fmt: skip
    return sheet


def _areas(book: xlsxwriter.Workbook, name: str, d: model.Deliverable, lang: str) -> _Sheet:
    columns = [("level", 22), ("area", 28), ("province", 12), ("country", 9), ("customers", 11), ("revenue", 14),
               ("share_customers", 14), ("share_revenue", 14)]  # fmt: skip
    sheet = _Sheet(book, name, columns, lang)
    m = d.market
    for area in (*m.comuni, *m.provinces):
        sheet.row([
            ("text", i18n.t(lang, f"deliverable.level.{area.level}")), ("text", area.name),
            ("text", area.province if area.level == "comune" else ""), ("text", area.country),
            ("int", area.customers), ("eur", area.revenue), ("rate", area.share_customers),
            ("rate", area.share_revenue),
        ])  # fmt: skip
    for ring in m.rings:
        sheet.row([
            ("text", i18n.t(lang, "deliverable.level.ring")), ("text", ring.label), ("text", ""), ("text", ""),
            ("int", ring.customers), ("eur", ring.revenue), ("rate", ring.share_customers),
            ("rate", ring.share_revenue),
        ])  # fmt: skip
    return sheet


def _timeline(book: xlsxwriter.Workbook, name: str, d: model.Deliverable, lang: str) -> _Sheet:
    """One row per month and channel over everything imported: posts, reach, views, interactions, engagement."""
    columns = [("month", 11), ("channel", 18), ("posts", 9), ("reach", 13), ("views", 14), ("interactions", 13),
               ("engagement_rate", 14)]  # fmt: skip
    sheet = _Sheet(book, name, columns, lang)
    for m in d.timeline.monthly:
        sheet.row([
            ("month", m.start), ("text", m.channel), ("int", m.posts), ("int", m.reach), ("int", m.views),
            ("int", m.interactions), ("rate", m.engagement_rate),
        ])  # fmt: skip
    return sheet


def _kpis(book: xlsxwriter.Workbook, name: str, d: model.Deliverable, lang: str) -> _Sheet:
    columns = [("id", 16), ("name", 22), ("definition", 50), ("formula", 50), ("unit", 12), ("period", 22),
               ("sources", 30), ("platforms", 30), ("max_weekly", 18), ("goals", 40)]  # fmt: skip
    sheet = _Sheet(book, name, columns, lang)
    for k in d.kpis:
        values = (k.id, k.name, k.definition, k.formula, k.unit, k.period, k.sources, k.platforms, k.max_weekly)
        sheet.row([*(("text", v) for v in values), ("text", "\n".join(k.goals))])
    return sheet
