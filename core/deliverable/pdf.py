"""The deliverable as a one-to-three page PDF (fpdf2): goals with their SMART letters, the market map,
the timeline, the calendar and the next actions.

User text never shapes the file: it is only ever drawn as plain text (no links, no images, no
markup, no page-number alias), cut to a length, and stripped of control and bidi characters and
of anything the bundled font cannot draw (emoji), so nothing crashes and nothing is fetched. The
font is Open Sans from the pinned ``ttf-opensans`` package (Italian accents and €). When the
content would not fit in three pages, it is laid out again with shorter lists (``LIMITS``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from core import i18n, static_map
from core.deliverable import model
from core.deliverable import timeline as deliverable_timeline

MAX_PAGES = 3
FONT = "rotta"
GREEN, RED, GREY, INK, ACCENT = (46, 125, 50), (198, 40, 40), (110, 110, 110), (25, 25, 25), (19, 78, 124)


@dataclass(frozen=True)
class Limits:
    goals: int
    calendar: int
    actions: int
    chars: int  # longest user text shown
    sentences: int  # market sentences


LIMITS: tuple[Limits, ...] = (Limits(6, 10, 8, 200, 6), Limits(4, 6, 5, 110, 3), Limits(2, 3, 3, 60, 1))


def font_files() -> tuple[Path, Path]:
    """The boundary to the bundled font: Open Sans regular and bold from the ``ttf_opensans`` package."""
    root = resources.files("ttf_opensans") / "ttf"
    return Path(str(root / "OpenSans-Regular.ttf")), Path(str(root / "OpenSans-Bold.ttf"))


def render(d: model.Deliverable, lang: str) -> bytes:
    """The PDF file, one to three A4 pages."""
    for limits in LIMITS:
        doc = _Doc(d, lang, limits)
        doc.write()
        if doc.pages_count <= MAX_PAGES + (1 if d.room else 0):  # the room's page comes on top
            break
    return bytes(doc.output())


class _Doc(FPDF):
    def __init__(self, d: model.Deliverable, lang: str, limits: Limits) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.d, self.lang, self.lim = d, lang, limits
        regular, bold = font_files()
        self.add_font(FONT, "", str(regular))
        self.add_font(FONT, "B", str(bold))
        self.glyphs = set(self.fonts[FONT].cmap) & set(self.fonts[FONT + "B"].cmap)
        self.alias_nb_pages("")  # no "{nb}" in user text may turn into a page count
        self.set_margins(14, 12, 14)
        self.set_auto_page_break(True, margin=14)
        self.set_creation_date(dt.datetime.combine(d.today, dt.time(), tzinfo=dt.UTC))
        self.set_title(self.fit(d.heading, 120))
        self.set_lang(lang)
        self.set_creator("Rotta")

    def t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, f"deliverable.{key}", **params)

    def fit(self, text: object, limit: int | None = None) -> str:
        """``text`` on one line, only characters the font draws, at most ``limit`` characters."""
        drawn = "".join(
            c for c in str(text) if c.isspace() or (ord(c) in self.glyphs and unicodedata.category(c) != "Cf")
        )
        kept = " ".join(drawn.split())
        limit = limit or self.lim.chars
        return kept if len(kept) <= limit else kept[: limit - 1].rstrip() + "…"

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, "", 7)
        self.set_text_color(*GREY)
        self.cell(0, 4, f"Rotta · {self.page_no()}", align="R")

    # --- building blocks -------------------------------------------------------------------------

    def para(self, text: str, size: float = 9, bold: bool = False, color: tuple[int, int, int] = INK,
             indent: float = 0) -> None:  # fmt: skip
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*color)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def heading(self, key: str) -> None:
        if self.will_page_break(20):
            self.add_page()
        self.ln(2.5)
        self.set_font(FONT, "B", 12)
        self.set_text_color(*ACCENT)
        self.cell(0, 7, self.t(f"section.{key}"), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
        self.ln(1.5)
        note = self.d.notes.get(key, "")
        if note:
            self.para(self.fit(note, 400), 8.5, color=GREY)

    def grid(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...], size: float = 8) -> None:
        """A plain table: the header row in bold on grey, every cell plain text."""
        self.set_font(FONT, "", size)
        self.set_text_color(*INK)
        self.set_draw_color(210, 210, 210)
        self.set_line_width(0.2)
        self.set_fill_color(255, 255, 255)
        style = FontFace(emphasis="BOLD", fill_color=(236, 236, 236))
        with self.table(col_widths=widths, width=sum(widths), align="LEFT", line_height=size * 0.48,
                        text_align="LEFT", headings_style=style, markdown=False) as table:  # fmt: skip
            for values in [header, *rows]:
                row = table.row()
                for value in values:
                    row.cell(self.fit(value))

    # --- the sections ----------------------------------------------------------------------------

    def write(self) -> None:
        self.add_page()
        self.set_font(FONT, "B", 17)
        self.set_text_color(*INK)
        self.multi_cell(self.epw, 8, self.fit(self.d.heading, 120), align="L", new_x="LMARGIN", new_y="NEXT")
        self.para(self.fit(self.d.subtitle, 300), 8.5, color=GREY)
        self.business()
        self.goals()
        self.market()
        self.timeline()
        self.calendar()
        self.actions()
        self.room()

    def room(self) -> None:
        """In a workshop: one page, "you and the room", as the room's figures were at download."""
        if not self.d.room:
            return
        self.add_page()
        self.heading("room")
        note, *sentences = self.d.room
        self.para(self.fit(note, 400), 8.5, color=GREY)
        for sentence in sentences:
            self.ln(1)
            self.para(self.fit(sentence, 400), 9.5)

    def business(self) -> None:
        b, c = self.d.business, self.d.selfcheck
        self.heading("business")
        missing = self.t("business.not_given")
        lines = [(self.t("business.sector"), b.sector), (self.t("business.town"), b.town),
                 (self.t("business.markets"), ", ".join(b.markets))]  # fmt: skip
        channels = [self.channel_text(ch) for ch in b.channels]
        lines.append((self.t("business.channels"), "; ".join(channels)))
        for label, value in lines:
            self.para(f"{label}: {self.fit(value) or missing}", 9)
        self.heading("selfcheck")
        if c.answered:
            score = self.t(
                "selfcheck.score", score=c.score, maximum=c.maximum, answered=c.answered, questions=c.questions
            )
            self.para(f"{self.fit(c.headline)} {score}", 9, bold=True)
            if c.focus:
                self.para(self.t("selfcheck.focus", steps=", ".join(c.focus)), 9)

    def channel_text(self, ch: model.Channel) -> str:
        details = []
        if ch.followers is not None:
            details.append(self.t("business.followers", n=i18n.number(self.lang, ch.followers)))
        if ch.posts_per_week is not None:
            decimals = 0 if float(ch.posts_per_week).is_integer() else 1
            details.append(self.t("business.posts", n=i18n.number(self.lang, ch.posts_per_week, decimals)))
        return self.t("business.channel", channel=ch.name, details=", ".join(details)) if details else ch.name

    def goals(self) -> None:
        self.heading("goals")
        if not self.d.goals:
            return
        self.para(self.t("smart.legend").replace("✓", "+").replace("✗", "-"), 7.5, color=GREY)
        for goal in self.d.goals[: self.lim.goals]:
            self.goal(goal)
        hidden = len(self.d.goals) - self.lim.goals
        if hidden > 0:
            self.para(self.t("goal.more", n=hidden), 8, color=GREY)

    def goal(self, g: model.Goal) -> None:
        if self.will_page_break(16):
            self.add_page()
        self.ln(1.2)
        top = self.get_y()
        for n, letter in enumerate(g.smart):
            self.set_fill_color(*(GREEN if letter.passed else RED))
            self.set_xy(self.l_margin + n * 5, top)
            self.set_font(FONT, "B", 8)
            self.set_text_color(255, 255, 255)
            self.cell(4.4, 4.6, letter.letter, align="C", fill=True)
        indent = 27 if g.smart else 0
        self.set_xy(self.l_margin, top)
        self.para(self.fit(g.title) or i18n.t(self.lang, "goals.tree.untitled"), 9.5, bold=True, indent=indent)
        if g.problem:
            self.para(self.fit(g.problem), 8, color=RED, indent=indent)
            return
        if g.kpi and g.baseline_text and g.target_text and g.deadline:
            deadline = i18n.date(self.lang, g.deadline)
            parts = [
                self.t("goal.numbers", kpi=g.kpi, baseline=g.baseline_text, target=g.target_text, deadline=deadline)
            ]
        else:
            parts = [f"{self.t('col.kpi')}: {g.kpi}" if g.kpi else self.t("goal.no_kpi")]
        parts += [self.t("goal.place", place=self.fit(g.place, 60))] if g.place else []
        parts += [self.t("goal.status", status=g.status)] if g.kpi else []
        parts += (
            [self.t("goal.pace", pace=i18n.t(self.lang, "goals.tree.pace", pace=g.pace_text))] if g.pace_text else []
        )
        parts += [self.t("goal.owner", owner=self.fit(g.owner, 60))] if g.owner.strip() else []
        self.para(" · ".join(parts), 8, indent=indent)
        if g.where:
            self.para(self.fit(g.where), 7.5, color=GREY, indent=indent)
        for letter in g.fixes[:2]:
            fix = self.t("goal.fix", letter=letter.letter, name=letter.name, fix=letter.fix)
            self.para(self.fit(fix), 7.5, color=GREY, indent=indent)

    def market(self) -> None:
        m = self.d.market
        self.heading("market")
        if m.points or m.center is not None:
            self.market_map(m)
        for sentence in m.sentences[: self.lim.sentences]:
            self.para(self.fit(sentence, 400), 8.5)

    def market_map(self, m: model.Market) -> None:
        width, height = 112.0, 80.0
        if self.will_page_break(height + 12):
            self.add_page()
        self.ln(1.5)
        labels = [f"{i18n.number(self.lang, km)} km" for km in m.radii_km]
        points = [(p.lat, p.lon, p.customers, self.fit(p.name, 24)) for p in m.points]
        shape = static_map.layout(points, m.center, m.radii_km, width, height, ring_labels=labels)
        top = self.get_y()
        self.set_font(FONT, "", 7)
        static_map.draw(self, shape, self.l_margin, top, f"{i18n.number(self.lang, shape.scale_km)} km")
        self.side_tables(m, self.l_margin + width + 4, top)
        self.set_xy(self.l_margin, top + height + 1)
        caption = self.t("market.map_caption")
        if shape.outside:
            caption += " " + self.t("market.outside", n=i18n.number(self.lang, shape.outside))
        self.para(caption, 7.5, color=GREY)

    def side_tables(self, m: model.Market, x: float, y: float) -> None:
        width = self.l_margin + self.epw - x

        def pct(share: float) -> str:
            return i18n.percent(self.lang, share, 1 if 0 < share < 0.1 else 0)

        blocks = [(self.t("market.top"), [(a.name, pct(a.share_customers)) for a in m.top])]
        if m.rings:
            blocks.append((self.t("market.rings"), [(r.label, pct(r.share_customers)) for r in m.rings]))
        self.set_xy(x, y)
        for title, rows in blocks:
            self.set_x(x)
            self.set_font(FONT, "B", 8.5)
            self.set_text_color(*INK)
            self.cell(width, 5, title, new_x="LEFT", new_y="NEXT")
            self.set_font(FONT, "", 8)
            for name, share in rows:
                self.set_x(x)
                self.cell(width - 14, 4.2, self.fit(name, 30))
                self.cell(14, 4.2, share, align="R", new_x="LEFT", new_y="NEXT")
                self.set_x(x)
            self.ln(2)

    def timeline(self) -> None:
        tl = self.d.timeline
        self.heading("timeline")
        if tl.empty:
            return
        self.para(self.fit(tl.summary, 400), 9)
        if tl.totals:
            self.ln(1)
            self.grid(*deliverable_timeline.totals_table(tl, self.lang), (52, 26, 34, 34, 36))
        if tl.rows:
            self.ln(1)
            self.para(self.t("timeline.recent"), 8.5, bold=True)
            header = [self.t("col.channel"), *tl.months, self.t("col.total")]
            rows = [[r.channel, *(i18n.number(self.lang, n) for n in r.counts), i18n.number(self.lang, sum(r.counts))]
                    for r in tl.rows]  # fmt: skip
            self.grid(header, rows, (60, 25, 25, 25, 25))

    def calendar(self) -> None:
        self.heading("calendar")
        items = self.d.calendar
        if not items:
            return
        coming = [i for i in items if i.date >= self.d.today]
        past = [i for i in items if i.date < self.d.today]
        shown = coming[: self.lim.calendar]
        shown = sorted(past[max(0, len(past) - (self.lim.calendar - len(shown))) :] + shown, key=lambda i: i.date)
        header = [self.t(f"col.{c}") for c in ("date", "channel", "title", "outcome")]
        rows = [[i18n.date(self.lang, i.date) + (f" {i.time}" if i.time else ""), i.channel, i.title, i.outcome]
                for i in shown]  # fmt: skip
        self.grid(header, rows, (28, 34, 82, 38))
        if len(items) > len(shown):
            self.para(self.t("calendar.more", n=len(items) - len(shown)), 8, color=GREY)

    def actions(self) -> None:
        self.heading("actions")
        for n, action in enumerate(self.d.actions[: self.lim.actions], start=1):
            self.para(f"{n}. {self.fit(action.text)}", 9)
