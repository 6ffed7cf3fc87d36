"""The room report as PDF and XLSX: the room's figures worked out by hand, no name without consent, no formula."""

import datetime as dt
import io

import openpyxl
import pytest
from pypdf import PdfReader

from core.deliverable import room_report
from core.plan import plan as plan_mod
from core.plan import selfcheck
from core.workshop import participant, workshop
from core.workshop.workshop import Workshop

TODAY = dt.date(2026, 11, 27)
MADE = Workshop("w1", "Social per botteghe", TODAY, "Perugia", "it", "K7QM3XT9", dt.datetime(2026, 11, 27, 9))
PERUGIA = {"name": "Perugia", "province": "PG", "country": "IT", "lat": 43.1122, "lon": 12.3888}
SHOWN, HIDDEN = "Forno Gatta Rossa", "Officina Segreta"


def _plan(name, posts, *, share=False, contribute=True):
    plan = workshop.participant_plan("w1", TODAY)
    channels = [{"channel": "instagram", "followers": 100, "posts_per_week": posts}]
    plan["business"].update(name=name, town=PERUGIA, channels=channels)
    plan["selfcheck"] = {q.id: 2 for q in selfcheck.QUESTIONS}
    plan["room"].update(share=share, contribute=contribute)
    return plan_mod.validate(plan)


def _members():
    posts = [1, 2, 3, 4, 10]
    plans = [_plan(SHOWN, posts[0], share=True)] + [_plan(HIDDEN, p) for p in posts[1:]]
    plans.append(_plan('=HYPERLINK("http://x")', 99, share=True, contribute=False))
    return [participant.Member(n, p) for n, p in enumerate(plans, start=1)]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_pdf_holds_the_room_s_quartiles_and_only_the_names_shown(lang):
    report = room_report.build(MADE, _members(), TODAY, lang)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(room_report.to_pdf(report, lang))).pages)
    assert "Social per botteghe" in text and "Perugia" in text
    assert SHOWN in text and HIDDEN not in text
    posts = {"it": "Post a settimana 5 2 3 4", "en": "Posts a week 5 2 3 4"}[lang]  # 1 2 3 4 10 -> 2, 3, 4
    assert posts in " ".join(text.split())
    followers = {"it": "Follower, su tutti i canali 5 100 100 100", "en": "Followers, on all channels 5 100 100 100"}
    assert followers[lang] in " ".join(text.split())


def test_the_xlsx_holds_the_same_figures_and_no_formula():
    report = room_report.build(MADE, _members(), TODAY, "en")
    book = openpyxl.load_workbook(io.BytesIO(room_report.to_xlsx(report, "en")))
    figures = book["Figures"]
    rows = [[c.value for c in row] for row in figures.iter_rows()]
    assert ["Posts a week", 5, "2", "3", "4"] in rows
    participants = [[c.value for c in row] for row in book["Participants"].iter_rows()]
    names = [row[1] for row in participants[1:]]
    assert names.count(SHOWN) == 1 and HIDDEN not in names
    assert '\'=HYPERLINK("http://x")' in names  # shown by its owner, as text that cannot run
    every = [c.value for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(v.startswith("=") for v in every)


def test_under_five_contributors_the_report_says_so_instead_of_a_figure():
    members = _members()[:4]
    report = room_report.build(MADE, members, TODAY, "en")
    figures = next(t for t in report.tables if t.key == "figures")
    assert all(row[1] == "fewer than 5" and row[2:] == ("", "", "") for row in figures.rows)
