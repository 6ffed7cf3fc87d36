import dataclasses
import functools
import io
import re

import pytest
from pypdf import PdfReader

from core import i18n
from core.deliverable import build as deliverable
from core.deliverable import pdf as export_pdf
from core.goals import measures
from core.plan import plan
from tests.core.deliverable.test_build import CASES, HOSTILE, LANGS, TODAY, built, calendar_items, hostile


@functools.cache
def pdf(case: str, lang: str) -> bytes:
    return export_pdf.render(built(case, lang), lang)


def text_of(data: bytes) -> str:
    """All the text of the PDF with whitespace removed (lines wrap anywhere)."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_the_pdf_has_one_to_three_pages_with_every_goal_title(case, lang):
    data = pdf(case, lang)
    text = text_of(data)

    assert data.startswith(b"%PDF-") and 1 <= pages(data) <= export_pdf.MAX_PAGES
    assert squeeze(built(case, lang).heading) in text
    assert all(squeeze(g.title) in text for g in built(case, lang).goals)


@pytest.mark.parametrize("lang", LANGS)
def test_a_sample_pdf_shows_the_market_timeline_calendar_and_next_actions(lang):
    d = built("cantina", lang)
    text = text_of(pdf("cantina", lang))

    for key in ("goals", "market", "timeline", "calendar", "actions"):
        assert squeeze(export_pdf.i18n.t(lang, f"deliverable.section.{key}")) in text
    assert squeeze(d.market.top[0].name) in text and squeeze(d.timeline.months[-1]) in text
    assert squeeze(d.calendar[-1].title) in text and squeeze(d.actions[0].text)[:40] in text


def test_an_empty_plan_fits_on_one_page_and_says_what_is_missing():
    text = text_of(pdf("empty", "en"))

    assert pages(pdf("empty", "en")) == 1
    assert squeeze("No goals yet") in text and squeeze("No customers file") in text


def test_a_long_plan_is_shortened_to_three_pages_and_says_where_the_rest_is():
    long = plan.new_plan(TODAY)
    goal = {"id": "g1", "objective": "local_awareness", "title": "Un obiettivo dal titolo piuttosto lungo " * 6,
            "kpi": "reach", "channels": ["instagram"], "baseline": 100, "target": 120, "start": "2026-10-01",
            "deadline": "2027-01-31", "place": {"kind": "market", "value": ""}, "actions": ["Azione"] * 5,
            "owner": "Io"}  # fmt: skip
    long["goals"] = [dict(goal, id=f"g{n}") for n in range(40)]
    long["calendar"] = calendar_items(80, title="Un post con un titolo lungo abbastanza da andare a capo {n} " * 3)

    data = export_pdf.render(deliverable.build(long, measures.Data(), TODAY, "en"), "en")

    assert pages(data) <= export_pdf.MAX_PAGES
    assert squeeze("more goals in the Excel and Markdown files") in text_of(data)
    assert squeeze("more items in the .ics and Excel files") in text_of(data)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ('=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'),
        ("+1+1", "+1+1"),
        ("-2", "-2"),
        ("@SUM(A1)", "@SUM(A1)"),
        ("\t=1", "=1"),
        ("\r=1", "=1"),
        ("${alert(1)}", "${alert(1)}"),
        ("A" * 10_000, "A" * 100),
        ("\u202egnp.exe", "gnp.exe"),
        ("nul\x00byte", "nulbyte"),
        ("emoji 🍕🚀 ok", "emoji ok"),
        ("Città", "Città"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("{nb}", "{nb}"),
    ],
)
def test_hostile_text_is_drawn_as_plain_visible_text(text, shown):
    assert text in HOSTILE
    data = export_pdf.render(hostile(text, "it"), "it")
    content = text_of(data)

    assert 1 <= pages(data) <= export_pdf.MAX_PAGES
    assert squeeze(shown) in content
    assert "\u202e" not in content and "\x00" not in content and "🍕" not in content
    assert len(content) < 12_000  # the 10 kB string is cut, not written out in full


@pytest.mark.parametrize("case", [*CASES, "hostile"])
def test_the_pdf_fetches_nothing_and_links_nowhere(case):
    data = export_pdf.render(hostile(HOSTILE[1], "en"), "en") if case == "hostile" else pdf(case, "en")
    reader = PdfReader(io.BytesIO(data))

    for marker in (b"/URI", b"/Launch", b"/JavaScript", b"/JS", b"/GoToR", b"/SubmitForm", b"/AA"):
        assert marker not in data
    assert isinstance(reader.trailer["/Root"]["/OpenAction"], list)  # fpdf2's "open at page 1", not an action
    assert all("/Annots" not in page for page in reader.pages)
    assert all(not page.images for page in reader.pages)  # the map is vector drawing, not an image


def test_the_same_deliverable_gives_the_same_file():
    assert export_pdf.render(built("officina", "it"), "it") == pdf("officina", "it")


def test_the_pdf_title_is_the_business_and_the_fonts_are_embedded():
    reader = PdfReader(io.BytesIO(pdf("forno", "it")))
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}

    assert reader.metadata.title == "La rotta di Forno Gatta Rossa"
    assert fonts and all("OpenSans" in f for f in fonts)


def test_the_bundled_font_files_exist_and_are_truetype():
    for path in export_pdf.font_files():
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"


def test_a_deliverable_built_in_one_language_takes_headings_in_the_other():
    data = export_pdf.render(dataclasses.replace(built("forno", "it")), "en")

    assert squeeze("Next actions") in text_of(data) and squeeze("Far vedere i nostri post") in text_of(data)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_in_a_workshop_the_pdf_gains_one_page_you_and_the_room_as_said_at_download(case, lang):
    room = ("As they were on 27/11/2026.", "Posts a week: you 2; half of the room 3.5 or more (5 participants).")
    alone, with_room = pdf(case, lang), export_pdf.render(dataclasses.replace(built(case, lang), room=room), lang)
    assert pages(with_room) == pages(alone) + 1
    last = PdfReader(io.BytesIO(with_room)).pages[-1].extract_text()
    assert squeeze(i18n.t(lang, "deliverable.section.room")) in squeeze(last)
    assert all(squeeze(sentence) in squeeze(last) for sentence in room)
    assert squeeze(room[1]) not in text_of(alone)
