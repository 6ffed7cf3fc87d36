"""The room report: what a workshop leaves behind, as a PDF and an XLSX the facilitator downloads.

Built from what the room view reads (``room.summarise`` over ``WorkshopStore.room_snapshot``) and the
anonymous figures of ``core.workshop.compare`` (only contributors, only from ``MIN_CONTRIBUTORS`` of
them, quartiles only): date, place, participants, self-check bands, the room in figures, objectives and
KPIs chosen, the SMART letters the room missed most with the fix, the towns on a static map, and the
participants by pseudonym, with a business name only where its owner chose to show it. User text
(titles, places, names, towns) is drawn as plain text in the PDF and written as text that cannot run as
a formula in the XLSX.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter
from fpdf import FPDF

from core import i18n, safe_text, static_map
from core.deliverable import pdf as deliverable_pdf
from core.deliverable import xlsx as deliverable_xlsx
from core.workshop import compare, compare_chart, participant, room
from core.workshop.workshop import Workshop

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    key: str  # report.section.<key>
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    people: str
    tables: tuple[Table, ...]
    towns: tuple[room.Town, ...]
    today: dt.date


def build(made: Workshop, members: Sequence[participant.Member], today: dt.date, lang: str) -> Report:
    """The report of one room in ``lang``, from its participants' plans as they are now."""
    t = lambda key, **p: i18n.t(lang, key, **p)  # noqa: E731
    the_room = room.summarise(members, today)
    pool = compare.pool(members, today)
    n = lambda value: compare_chart.figure_number(lang, value)  # noqa: E731
    counted = (t("report.column.item"), t("report.column.count"))
    tables = [
        Table("bands", counted, tuple((t("room.band." + b), c) for b, c in the_room.bands.items())),
        Table(
            "figures",
            tuple(t("report.column." + c) for c in ("figure", "count_contributors", "q1", "median", "q3")),
            tuple(_figure_row(t, n, figure, pool) for figure in compare.FIGURES),
            t("report.figures_note", min=compare.MIN_CONTRIBUTORS),
        ),
        Table("objectives", counted, tuple((t(f"objectives.{o}.name"), c) for o, c in the_room.objectives.items())),
        Table("kpis", counted, tuple((t(f"kpis.{k}.name"), c) for k, c in the_room.kpis.items())),
        Table(
            "smart",
            (t("report.column.letter"), t("report.column.goals"), t("report.column.fix")),
            tuple(
                (t(f"goals.smart.letter.{letter}"), c, t(f"report.fix.{letter}"))
                for letter, c in sorted(the_room.smart_failed.items(), key=lambda item: -item[1])
                if c
            ),
        ),
        Table(
            "towns",
            (t("report.column.town"), t("report.column.businesses")),
            tuple((f"{w.name} ({w.province})" if w.province else w.name, w.businesses) for w in the_room.towns),
            t("report.map_caption"),
        ),
        Table(
            "participants",
            tuple(t("report.column." + c) for c in ("participant", "name", "step", "band")),
            tuple(
                (
                    t("room.participant", n=p.number),
                    p.name if p.shared else "",
                    _step(lang, p.step),
                    t("room.band." + p.band),
                )
                for p in the_room.people
            ),  # fmt: skip
        ),
    ]
    people = t("report.people", joined=the_room.joined, read=the_room.read, sharing=the_room.sharing,
               contributors=pool.contributors)  # fmt: skip
    return Report(
        t("report.title", title=made.title),
        t("report.when_where", date=i18n.date(lang, made.date), place=made.place),
        people,
        tuple(tables),
        the_room.towns,
        today,
    )


def _figure_row(t, n, figure: str, pool: compare.Pool) -> tuple[Cell, ...]:  # noqa: ANN001
    values = [v for _, v in pool.values[figure]]
    spread = compare.spread(values)
    name = t("compare.figure." + figure)
    if spread is None:
        return (name, t("report.not_enough", min=compare.MIN_CONTRIBUTORS), "", "", "")
    return (name, spread.count, n(spread.q1), n(spread.median), n(spread.q3))


def _step(lang: str, step: str) -> str:
    return i18n.t(lang, "room.finished") if step == participant.FINISHED else i18n.t(lang, f"step.{step}")


# --- PDF --------------------------------------------------------------------------------------------

INK, GREY, ACCENT = (25, 25, 25), (90, 90, 90), (19, 78, 124)


class _Pdf(FPDF):
    def __init__(self, report: Report, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        regular, bold = deliverable_pdf.font_files()
        self.add_font("rotta", "", str(regular))
        self.add_font("rotta", "B", str(bold))
        self.glyphs = set(self.fonts["rotta"].cmap) & set(self.fonts["rottaB"].cmap)
        self.alias_nb_pages("")  # no "{nb}" in user text may turn into a page count
        self.set_margins(14, 12, 14)
        self.set_auto_page_break(True, margin=14)
        self.set_creation_date(dt.datetime.combine(report.today, dt.time(), tzinfo=dt.UTC))
        self.set_title(self.fit(report.title))
        self.set_lang(lang)
        self.set_creator("Rotta")
        self.lang = lang

    def fit(self, text: object, limit: int = 200) -> str:
        """``text`` on one line, only characters the font draws, at most ``limit`` characters."""
        drawn = "".join(
            c
            for c in safe_text.plain_text(text)
            if c.isspace() or (ord(c) in self.glyphs and unicodedata.category(c) != "Cf")
        )
        kept = " ".join(drawn.split())
        return kept if len(kept) <= limit else kept[: limit - 1].rstrip() + "…"

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("rotta", "", 7)
        self.set_text_color(*GREY)
        self.cell(0, 4, f"Rotta · {self.page_no()}", align="R")

    def para(self, text: str, size: float = 9, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_font("rotta", "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(self.epw, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def section_table(self, table: Table) -> None:
        if self.will_page_break(24):
            self.add_page()
        self.ln(2)
        self.para(self.fit(i18n.t(self.lang, f"report.section.{table.key}")), 12, bold=True, color=ACCENT)
        if table.note:
            self.para(self.fit(table.note, 400), 8, color=GREY)
        if not table.rows:
            self.para(i18n.t(self.lang, "report.none"), 9)
            return
        self.set_font("rotta", "", 8.5)
        self.set_text_color(*INK)
        first = 0.42 if len(table.header) <= 3 else 0.3
        rest = (1 - first) / (len(table.header) - 1)
        widths = [self.epw * first] + [self.epw * rest] * (len(table.header) - 1)
        with self.table(
            col_widths=tuple(widths), text_align="LEFT", line_height=4.6, first_row_as_headings=True
        ) as grid:
            grid.row([self.fit(h, 60) for h in table.header])
            for row in table.rows:
                grid.row([self.fit(_shown(self.lang, cell), 160) for cell in row])


def _shown(lang: str, cell: Cell) -> str:
    return i18n.number(lang, cell) if isinstance(cell, int) else str(cell)


def to_pdf(report: Report, lang: str) -> bytes:
    """The report as an A4 PDF: the heading, every table, the towns on a static map (no network)."""
    doc = _Pdf(report, lang)
    doc.add_page()
    doc.para(doc.fit(report.title), 16, bold=True, color=ACCENT)
    doc.para(doc.fit(report.subtitle), 10)
    doc.para(doc.fit(report.people, 400), 9, color=GREY)
    for table in report.tables:
        doc.section_table(table)
        if table.key == "towns" and report.towns:
            points = [(w.lat, w.lon, w.businesses, doc.fit(w.name, 24)) for w in report.towns]
            if doc.will_page_break(84):
                doc.add_page()
            shape = static_map.layout(points, None, (), 120.0, 80.0)
            top = doc.get_y() + 1
            doc.set_font("rotta", "", 7)
            static_map.draw(doc, shape, doc.l_margin, top, f"{i18n.number(lang, shape.scale_km)} km")
            doc.set_xy(doc.l_margin, top + 82)
    return bytes(doc.output())


# --- XLSX -------------------------------------------------------------------------------------------


def to_xlsx(report: Report, lang: str) -> bytes:
    """The report as a workbook: a summary sheet, then one sheet per table; no cell runs as a formula."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, deliverable_xlsx.OPTIONS)
    book.set_properties({"title": deliverable_xlsx.cell_text(report.title)[:250], "author": "Rotta",
                         "created": dt.datetime.combine(report.today, dt.time())})  # fmt: skip
    bold = book.add_format({"bold": True, "bg_color": "#ECECEC", "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    summary = book.add_worksheet(i18n.t(lang, "report.sheet.summary"))
    summary.set_column(0, 0, 90)
    for row, text in enumerate((report.title, report.subtitle, report.people)):
        summary.write_string(row, 0, deliverable_xlsx.cell_text(text), bold if row == 0 else wrap)
    for table in report.tables:
        sheet = book.add_worksheet(i18n.t(lang, f"report.sheet.{table.key}"))
        for col, head in enumerate(table.header):
            sheet.set_column(col, col, 42 if col == 0 or head == i18n.t(lang, "report.column.fix") else 16)
            sheet.write_string(0, col, deliverable_xlsx.cell_text(head), bold)
        for r, cells in enumerate(table.rows, start=1):
            for col, cell in enumerate(cells):
                if isinstance(cell, int):
                    sheet.write_number(r, col, cell)
                else:
                    sheet.write_string(r, col, deliverable_xlsx.cell_text(cell), wrap)
        if table.note:
            sheet.write_string(len(table.rows) + 2, 0, deliverable_xlsx.cell_text(table.note), wrap)
        if not table.rows:
            sheet.write_string(1, 0, deliverable_xlsx.cell_text(i18n.t(lang, "report.none")), wrap)
    book.close()
    return out.getvalue()
