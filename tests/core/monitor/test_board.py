import datetime as dt
import functools
import html
import re

import pandas as pd
import pytest
from markdown_it import MarkdownIt

from core import i18n, safe_text, samples
from core.goals import kpis, measures
from core.goals import text as goal_text
from core.i18n import Message
from core.monitor import board as monitor
from core.monitor.model import BoardRow

AS_OF = dt.date(2026, 10, 31)


def goal(**fields) -> dict:
    base = {
        "id": "g1", "objective": "local_awareness", "title": "Più persone raggiunte", "kpi": "reach",
        "channels": ["instagram"], "baseline": 1000, "target": 2000, "start": "2026-06-01",
        "deadline": "2026-12-31", "place": {"kind": "market", "value": ""}, "actions": [], "owner": "Giulia",
    }  # fmt: skip
    return {**base, **fields}


def row(status: str, kpi: str | None = "reach", key: str = "goals.track.on_track", **fields) -> BoardRow:
    values = {"progress": None, "pace_needed": None, "pace_achieved": None, "forecast_date": None, "current": None}
    values.update(fields)
    return BoardRow("g1", "Title", kpi, status, target=2000.0, message=Message(key), **values)


@functools.cache
def sample_build(slug: str) -> tuple[samples.Sample, measures.Data, monitor.Monitor]:
    sample = samples.load_sample(slug)
    data = measures.Data(activity=sample.activity, orders=sample.orders, customers=sample.customers)
    return sample, data, monitor.build(sample.goals, data, measures.last_day(data))


@pytest.mark.parametrize(
    ("slug", "verdict"),
    [("forno", "on_track"), ("cantina", "at_risk"), ("officina", "thin")],
)
def test_the_three_samples_show_distinct_boards(slug, verdict):
    _, _, result = sample_build(slug)

    assert result.verdict.key == verdict
    assert [r.goal_id for r in result.rows] == [g["id"] for g in sample_build(slug)[0].goals]


def test_the_bakery_is_on_track_the_winery_has_a_goal_off_track_and_the_workshop_lacks_data():
    forno, cantina, officina = (sample_build(s)[2] for s in samples.SLUGS)

    assert {r.status for r in forno.rows if r.kpi and not r.missing} == {"on_track"}
    # g1 is "12 new customers a month abroad": measured on the customers abroad (5 in the last month), not on all
    assert [r.goal_id for r in cantina.rows if r.status == "off_track"] == ["g1", "g2"]
    assert any(a.kind == "goal_off_track" and a.subject == "g2" for a in cantina.alerts)
    assert [r.goal_id for r in officina.rows if r.missing] == ["g1", "g3"]


def test_a_goal_without_data_names_the_files_to_import():
    result = monitor.board_row(goal(kpi="reach"), measures.Data(), AS_OF)

    assert result.status == "no_data"
    assert result.missing == kpis.KPIS["reach"].sources
    for lang in i18n.LANGS:
        text = goal_text.render(lang, result.message)
        assert i18n.t(lang, "kpis.source.activity") in text and kpis.name(lang, "reach") in text


def test_a_goal_without_a_kpi_asks_for_one_and_an_invalid_goal_says_what_is_wrong():
    no_kpi = monitor.board_row(goal(kpi=None, target=None), measures.Data(), AS_OF)
    broken = monitor.board_row(goal(start="yesterday"), measures.Data(), AS_OF)

    assert (no_kpi.status, no_kpi.message.key, no_kpi.missing) == ("no_data", "goals.track.incomplete", ())
    assert broken.status == "no_data" and broken.message.key == "fields.bad_date"


@pytest.mark.parametrize(
    ("statuses", "verdict"),
    [
        ([], "no_goals"),
        ([("no_data", None)], "no_goals"),
        ([("on_track", "reach"), ("on_track", "revenue")], "on_track"),
        ([("on_track", "reach"), ("no_data", "revenue")], "on_track"),
        ([("on_track", "reach"), ("no_data", "revenue"), ("no_data", "leads")], "thin"),
        ([("too_early", "reach"), ("too_early", "revenue")], "thin"),
        ([("at_risk", "reach"), ("no_data", "revenue"), ("no_data", "leads")], "at_risk"),
        ([("on_track", "reach"), ("off_track", "revenue")], "at_risk"),
    ],
)
def test_the_verdict_follows_the_goals(statuses, verdict):
    rows = [row(status, kpi) for status, kpi in statuses]

    result = monitor.verdict(rows)

    assert result.key == verdict
    assert result.message.key == f"monitor.verdict.{verdict}"


def test_alerts_come_from_the_goals_alone_when_the_plan_has_no_tables():
    rows = [row("on_track"), row("at_risk"), row("off_track")]

    found = monitor.alerts_for(rows, measures.Data(), AS_OF)

    assert [(a.kind, a.level) for a in found] == [("goal_off_track", "critical"), ("goal_off_track", "warning")]


def test_a_plan_with_no_data_builds_a_board_with_no_other_section():
    result = monitor.build([goal()], measures.Data(), AS_OF)

    assert (result.comparison, result.loyalty, result.links) == (None, None, None)
    assert result.verdict.key == "thin"
    assert "# " in monitor.summary_markdown("en", "", result)


def test_weeks_of_activity_and_orders_are_set_side_by_side_for_each_pair():
    _, _, result = sample_build("forno")

    assert [(f.x, f.y) for f in result.links.found] == list(monitor.LINK_PAIRS)
    assert {"posts", "offline_actions", "new_customers", "returning_customers"} <= set(result.links.weeks.columns)


def _read(markdown: str) -> str:
    """The text a reader of the rendered summary sees (tags dropped, entities and word joiners resolved)."""
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace(safe_text.WORD_JOINER, "")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_summary_has_every_section_in_the_language_asked(lang):
    sample, _, result = sample_build("cantina")

    text = monitor.summary_markdown(lang, sample.profile["business"]["name"], result)

    assert text.count("\n# ") == 0 and text.startswith("# ")
    for key in ("board.title", "alerts.title", "periods.title", "loyalty.title", "links.title"):
        assert f"## {i18n.t(lang, 'monitor.' + key)}" in text
    assert result.verdict.message.render(lang) in text
    assert all(r.title in _read(text) for r in result.rows)
    assert i18n.t(lang, "goals.status.off_track") in text
    assert i18n.t(lang, "loyalty.segment.cannot_lose") in text
    assert result.comparison.words[0].last_month.render(lang) in text
    assert i18n.t(lang, "links.caveat") in text
    assert "<img" not in text and "![" not in text


def test_user_text_in_the_summary_cannot_break_the_table_or_turn_into_html():
    hostile = "Bar | <img src=x onerror=alert(1)> **[x](http://e.vil)**\nline"
    result = monitor.build([goal(title=hostile)], measures.Data(), AS_OF)

    text = monitor.summary_markdown("en", hostile, result)

    table_row = next(line for line in text.splitlines() if line.startswith("| Bar"))
    assert table_row.count(" | ") == 8  # nine cells, the title's bar escaped
    assert not re.search(r"(?<!\\)<|(?<!\\)\]\(", text)  # every < and ]( escaped: shown as written
    assert "\nline" not in text


def test_an_address_in_user_text_never_becomes_a_link_in_the_summary():
    text = "https://example.com/x www.example.com owner@example.com $x$ ~~y~~"
    result = monitor.build([goal(title=text)], measures.Data(), AS_OF)

    summary = monitor.summary_markdown("en", text, result)
    read = summary.replace("\\", "")  # escapes resolved, as a renderer reads it
    assert [p for p in (r"(?i)https?://", r"(?i)\bwww\.", r"[\w.+-]@[\w-]+\.\w") if re.search(p, read)] == []
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(summary)
    assert "<del>" not in rendered and "<a " not in rendered and text in _read(summary)  # no maths either: $ escaped
    assert "\\$x\\$" in summary


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Forno Gatta Rossa", "rotta-monitor-forno-gatta-rossa-2026-10-31.md"),
        ("Cantina Ca' d'Òro!", "rotta-monitor-cantina-ca-d-oro-2026-10-31.md"),
        ("../../etc/passwd", "rotta-monitor-etc-passwd-2026-10-31.md"),
        ("", "rotta-monitor-plan-2026-10-31.md"),
    ],
)
def test_the_summary_file_name_is_safe(name, expected):
    assert monitor.file_name(name, AS_OF) == expected


def test_the_board_uses_only_aggregates_of_the_orders():
    _, data, result = sample_build("forno")

    assert len(result.loyalty.segments) == 9
    assert result.loyalty.customers["customer_id"].is_unique
    assert len(result.loyalty.cohorts.shares.columns) == 13
    assert isinstance(result.loyalty.customers, pd.DataFrame) and len(result.links.weeks) < 200
