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


def test_an_area_goal_is_tracked_on_the_customers_inside_the_area_and_shows_its_place(store):
    import math

    from core import geocode

    sample = samples.load_sample("cantina")
    plan = plan_mod.from_sample("cantina", sample.profile, sample.goals, dt.date.today())
    plan["areas"] = [{"name": "Castelli", "circle": {"lat": 41.77, "lon": 12.66, "radius_km": 12.0}}]
    plan["goals"].append(
        {"id": "g9", "objective": "online_sales", "title": "Vendite nei Castelli", "kpi": "revenue",
         "channels": ["website"], "baseline": 500, "target": 900000, "start": "2026-01-01", "deadline": "2026-12-31",
         "place": {"kind": "area", "value": "Castelli"}, "actions": [], "owner": ""}
    )  # fmt: skip
    token = store.create(plan)[0]
    customers = geocode.geocode_frame(geocode.load_gazetteer(), sample.customers)

    def km(lat, lon):  # great-circle distance from the circle's centre, written out here
        p1, p2 = math.radians(41.77), math.radians(lat)
        a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - 12.66) / 2) ** 2
        return 2 * 6371 * math.asin(math.sqrt(a))

    near = {c for c, la, lo in zip(customers["customer_id"], customers["lat"], customers["lon"], strict=True)
            if not math.isnan(la) and km(la, lo) <= 12.0}  # fmt: skip
    as_of = max(sample.orders["date"].max().date(), sample.activity["when"].dt.tz_convert("Europe/Rome").max().date())
    days = sample.orders["date"].dt.date
    month = sample.orders[(days > as_of - dt.timedelta(days=30)) & (days <= as_of)]
    inside, everywhere = month.loc[month["customer_id"].isin(near), "amount"].sum(), month["amount"].sum()
    assert inside < everywhere

    for lang in i18n.LANGS:
        at = open_page(PAGE, lang, token)
        assert not at.exception
        shown = _texts(at)
        assert f"**{kpis.format_value(lang, 'revenue', inside)}**" in shown
        assert f"**{kpis.format_value(lang, 'revenue', everywhere)}**" not in shown
        assert ":material/location_on: Castelli" in [c.value for c in at.caption]  # the place by the goal
        said = i18n.t(lang, "goals.where.customers", place="Castelli", customers_n=len(near))
        assert said in shown.replace("\\", "")  # the Markdown source with its escapes taken off


def test_a_platform_goal_set_on_a_town_says_it_is_tracked_on_the_whole_account(sample_tokens):
    at = open_page(PAGE, "it", sample_tokens["forno"])
    said = i18n.t("it", "goals.where.account", kpi=kpis.name("it", "reach"), place="Roma")
    assert said in _texts(at).replace("\\", "")
    assert ":material/location_on: Roma" in [c.value for c in at.caption]
