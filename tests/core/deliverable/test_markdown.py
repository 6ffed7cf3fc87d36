import functools
import re

import pytest
from markdown_it import MarkdownIt

from core.deliverable import markdown as export_md
from tests.core.deliverable.test_build import CASES, HOSTILE, LANGS, built, hostile

RENDERER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


@functools.cache
def markdown(case: str, lang: str) -> str:
    return export_md.render(built(case, lang), lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_the_markdown_has_every_goal_with_its_smart_letters(case, lang):
    text = markdown(case, lang)
    d = built(case, lang)

    assert text.startswith(f"# {export_md.md(d.heading)}\n")
    for goal in d.goals:
        assert f"### {d.goals.index(goal) + 1}. {export_md.md(goal.title)}" in text
        assert f"**SMART:** {goal.smart_text}" in text
    assert ("S✓" in text or "S✗" in text) == bool(d.goals)


@pytest.mark.parametrize("lang", LANGS)
def test_a_sample_shows_market_tables_posts_per_month_calendar_and_numbered_actions(lang):
    text = markdown("forno", lang)
    d = built("forno", lang)
    html = RENDERER.render(text)

    assert html.count("<table>") == 5  # top towns, rings, channel totals, posts per month, calendar
    assert f"| {export_md.md(d.market.top[0].name)} |" in text
    assert "| " + " | ".join(d.timeline.months) in text
    assert f"1. {export_md.md(d.actions[0].text)}" in text


def test_an_empty_plan_says_what_is_missing_under_each_heading():
    text = markdown("empty", "en")

    assert text.count("## ") == 7
    for note in ("No goals yet", "No customers file", "No activity imported", "The calendar is empty"):
        assert note in text


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_text_under_a_markdown_renderer(text):
    doc = export_md.render(hostile(text, "it"), "it")
    html = RENDERER.render(doc)

    for tag in ("<a ", "<img", "<script", "<del>", "<code>"):
        assert tag not in html
    assert html.count("<h1>") == 1 and html.count("<h2>") == 7 and html.count("<h3>") == 1
    assert html.count("<em>") == sum(1 for note in hostile(text, "it").notes.values() if note)  # Rotta's notes only
    assert "\u202e" not in doc and "\x00" not in doc and "\r" not in doc


# What GitHub-flavoured renderers (GitHub, editors, Streamlit) make links of by themselves, after escapes.
AUTOLINKS = (r"(?i)https?://", r"(?i)\bwww\.", r"[\w.+-]@[\w-]+\.\w")


@pytest.mark.parametrize("text", ["https://example.com/x www.example.com", "owner@example.com"])
def test_no_address_in_user_text_becomes_a_link_in_the_markdown_file(text):
    doc = export_md.render(hostile(text, "en"), "en")
    read = doc.replace("\\", "")  # as a renderer reads it, escapes resolved

    assert [p for p in AUTOLINKS if re.search(p, read)] == []
    assert text in read.replace("\u2060", "")  # the reader sees the address as typed


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("<img src=x onerror=alert(1)>", "\\<img src\\=x onerror\\=alert\\(1\\)\\>"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("a | b", "a \\| b"),
        ("# title", "\\# title"),
        ("${alert(1)} ~~x~~", "\\$\\{alert\\(1\\)\\} \\~\\~x\\~\\~"),  # the monitor's old escaper kept $ and ~
        ("&lt;b&gt;", "\\&lt\\;b\\&gt\\;"),
        ("two\nlines\r\nand\ttabs", "two lines and tabs"),
        ("\u202egnp.exe nul\x00byte", "gnp\\.exe nulbyte"),
        ("Città 🍕", "Città 🍕"),
        (
            "https://example.com www.example.com",
            "https\\:\u2060\\/\\/example\\.com www\u2060\\.example\\.com",
        ),
        ("owner@example.com", "owner\u2060\\@example\\.com"),
    ],
)
def test_user_text_is_escaped_for_markdown(text, escaped):
    assert export_md.md(text) == escaped


@pytest.mark.parametrize(
    "text",
    ["[x](javascript:alert(1))", "<b>bold</b>", "*a*", "&amp;", "![i](http://x/i.png)", "$x$ ~~y~~", "a@b.it"],
)
def test_escaped_text_renders_as_the_same_characters(text):
    html = RENDERER.render(f"- {export_md.md(text)}").replace("\u2060", "")  # word joiners are invisible
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

    assert html == f"<ul>\n<li>{expected}</li>\n</ul>\n"
