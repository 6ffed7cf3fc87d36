import datetime as dt
import re

import pandas as pd
import pytest

from core import i18n, safe_text, samples
from core.goals import kpis
from core.plan import plan as plan_mod
from tests.app.conftest import open_page
from tests.conftest import ROOT

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


# What each sample's spec (sample_data/spec_*.py) says of its goals: the bakery's measurable goals are on
# track, the winery's are at risk (its engagement falls), the machine builder's LinkedIn goals have thin
# data. Each has three goals with a KPI (counted in the specs); the sentences are the verdicts' texts.
VERDICT = {
    ("forno", "en"): r"On track: every measured goal keeps the pace \((?P<judged>\d) of 3 goals measured\)\.",
    ("forno", "it"): r"In linea: ogni obiettivo misurato tiene il ritmo \((?P<judged>\d) su 3 misurati\)\.",
    ("cantina", "en"): r"At risk: (?P<behind>\d) of (?P<judged>\d) measured goals behind or off track\.",
    (
        "cantina",
        "it",
    ): r"A rischio: in ritardo o fuori rotta (?P<behind>\d) su (?P<judged>\d) obiettiv[oi] misurat[oi]\.",
    ("officina", "en"): r"Thin data: only (?P<judged>\d) of 3 goals can be measured\.",
    ("officina", "it"): r"Dati scarsi: solo (?P<judged>\d) obiettiv[oi] su 3 si (?:può|possono) misurare\.",
}
# The months compared: the last month of the sample's data (each spec ends on 31 Oct 2026; the machine
# builder works weekdays only, so its data ends on Friday 30 Oct) against the month before and a year before.
SPANS = {
    ("forno", "en"): "1 Oct 2026 – 31 Oct 2026 against 1 Sep 2026 – 30 Sep 2026 and 1 Oct 2025 – 31 Oct 2025.",
    ("forno", "it"): "01/10/2026 – 31/10/2026 contro 01/09/2026 – 30/09/2026 e 01/10/2025 – 31/10/2025.",
    ("officina", "en"): "1 Oct 2026 – 30 Oct 2026 against 1 Sep 2026 – 30 Sep 2026 and 1 Oct 2025 – 30 Oct 2025.",
    ("officina", "it"): "01/10/2026 – 30/10/2026 contro 01/09/2026 – 30/09/2026 e 01/10/2025 – 30/10/2025.",
}
SPANS[("cantina", "en")], SPANS[("cantina", "it")] = SPANS[("forno", "en")], SPANS[("forno", "it")]


def _platforms(slug: str) -> set[str]:
    """The channels of the sample's activity file, as the generator wrote it (offline actions included)."""
    return set(pd.read_csv(ROOT / "sample_data" / slug / "activity.csv", usecols=["platform"])["platform"])


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
    verdict = re.search(VERDICT[(slug, lang)], shown)
    assert verdict, shown[:500]
    judged, behind = int(verdict["judged"]), int(verdict.groupdict().get("behind") or 0)
    if slug == "forno":  # every measured goal on track, and at least half of the goals measured
        assert 2 * judged >= 3
    elif slug == "cantina":
        assert 1 <= behind <= judged <= 3
    else:
        assert 2 * judged < 3
    titles = [g["title"] for g in samples.load_sample(slug).goals]  # the spec's goals, one row each
    assert len(titles) == 4 and all(safe_text.for_markdown(title) in shown for title in titles)
    assert SPANS[(slug, lang)] in shown
    assert shown.count(i18n.t(lang, "monitor.periods.vs_last_month")) == len(_platforms(slug))  # a card each
    assert shown.count(i18n.t(lang, "monitor.periods.vs_last_year")) == len(_platforms(slug))
    assert all(i18n.t(lang, f"loyalty.segment.{s}") in shown for s in ("champions", "at_risk", "lost"))
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
