import datetime as dt

import pytest

from core import i18n, safe_text, samples
from core.goals import kpis, measures
from core.monitor import board as monitor
from core.plan import plan as plan_mod
from tests.app.conftest import open_page

PAGE = "pages/monitor.py"


@pytest.fixture(scope="module")
def sample_tokens():
    from ui import resources

    tokens = {}
    for slug in samples.SLUGS:
        sample = samples.load_sample(slug)
        tokens[slug] = resources.get_store().create(
            plan_mod.from_sample(slug, sample.profile, sample.goals, dt.date.today())
        )[0]
    return tokens


def _expected(slug: str) -> monitor.Monitor:
    sample = samples.load_sample(slug)
    data = measures.Data(activity=sample.activity, orders=sample.orders, customers=sample.customers)
    return monitor.build(sample.goals, data, measures.last_day(data))


def _texts(at) -> str:
    parts = [
        e.value for kind in ("markdown", "caption", "info", "success", "warning", "error") for e in getattr(at, kind)
    ]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("slug", samples.SLUGS)
def test_the_monitor_shows_each_sample_in_both_languages(sample_tokens, slug, lang):
    at = open_page(PAGE, lang, sample_tokens[slug])

    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "monitor.title")
    shown = _texts(at)
    expected = _expected(slug)
    assert expected.verdict.message.render(lang) in shown
    assert all(safe_text.for_markdown(row.title) in shown for row in expected.rows)  # Markdown source: escaped
    for said in expected.comparison.words:
        assert said.last_month.render(lang) in shown and said.last_year.render(lang) in shown
    assert all(i18n.t(lang, f"loyalty.segment.{s}") in shown for s in ("champions", "at_risk", "lost"))
    assert expected.links.found[0].statement.render(lang) in shown
    assert i18n.t(lang, "links.caveat") in shown
    assert len(at.get("vega_lite_chart")) == 3  # cohorts, segments, activity and customers
    assert len(at.get("component_instance")) == 1  # the segment map (st_folium)
    assert at.get("download_button")[0].proto.label == i18n.t(lang, "monitor.export.button")


def test_the_winery_is_told_what_to_do_about_its_goal_off_track(sample_tokens):
    at = open_page(PAGE, "en", sample_tokens["cantina"])

    urgent = " ".join(e.value for e in at.error)
    assert "Post Instagram più coinvolgenti" in urgent
    assert i18n.t("en", "monitor.alerts.action", action="")[:10] in urgent


def test_a_goal_whose_data_is_missing_says_which_file_to_import(store):
    plan = plan_mod.new_plan(dt.date.today())
    plan["goals"] = [
        {"id": "g1", "objective": "local_awareness", "title": "Più persone raggiunte a Forlì", "kpi": "reach",
         "channels": ["instagram"], "baseline": 1000, "target": 2000, "start": "2026-01-01", "deadline": "2027-06-30",
         "place": {"kind": "town", "value": "Forlì"}, "actions": [], "owner": "Giulia"}
    ]  # fmt: skip
    token = store.create(plan)[0]

    for lang in i18n.LANGS:
        at = open_page(PAGE, lang, token)
        assert not at.exception
        told = " ".join(e.value for e in at.info)
        assert kpis.name(lang, "reach") in told
        sources = [safe_text.for_markdown(i18n.t(lang, f"kpis.source.{s}")) for s in kpis.KPIS["reach"].sources]
        assert all(source in told for source in sources)  # the Markdown source: names escaped
        assert i18n.t(lang, "monitor.no_data") in told
        assert i18n.t(lang, "monitor.loyalty.none") in told


def test_without_a_plan_the_page_says_where_to_start():
    at = open_page(PAGE, "it")

    assert not at.exception
    assert any(i18n.t("it", "frame.no_plan") in e.value for e in at.info)
