import datetime as dt
import functools

import pandas as pd
import pytest

from core import geocode, i18n, importers, safe_text, samples
from core.market import catchment
from core.market import summary as market_summary
from core.market import view as market_page
from core.plan import plan as plan_mod
from tests.app.conftest import open_page, wkey
from tests.conftest import ROOT
from ui import resources

PAGE = "pages/market.py"
SHOPIFY = ROOT / "tests" / "fixtures" / "exports" / "shopify" / "customers_export.csv"
DRAW = "w:market:draw"


@functools.cache
def _placed(slug: str) -> pd.DataFrame:
    sample = samples.load_sample(slug)
    return market_page.as_customers(geocode.geocode_frame(resources.get_gazetteer(), sample.customers))


def _center(slug: str) -> tuple[float, float]:
    town = samples.load_sample(slug).profile["business"]["town"]
    return (town["lat"], town["lon"])


def _facts(df: pd.DataFrame, center: tuple[float, float]) -> market_summary.MarketFacts:
    return market_summary.facts(df, center, resources.get_gazetteer().comuni())


def _new_plan(store, slug: str | None = "forno") -> str:
    if slug is None:
        return store.create(plan_mod.new_plan(dt.date.today()))[0]
    sample = samples.load_sample(slug)
    return store.create(plan_mod.from_sample(slug, sample.profile, sample.goals, dt.date.today()))[0]


def _summary(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _said(lang: str, facts: market_summary.MarketFacts) -> list[str]:
    return [safe_text.for_markdown(m.render(lang)) for m in market_summary.messages(facts, lang)]


def _table(at, lang: str, column: str, without: str = "") -> pd.DataFrame:
    """The page's table (``st.table``, columns named in ``lang``) with ``column`` and not ``without``, its
    columns named by id again."""
    ids = {i18n.t(lang, k): k.removeprefix("marketpage.col.") for k in i18n.TEXTS if k.startswith("marketpage.col.")}
    for element in at.table:
        table = element.value.rename(columns=ids).map(lambda v: str(v).replace("\\", ""))  # unescaped
        if column in table.columns and without not in table.columns:
            return table
    raise AssertionError(f"no table with {column!r}")


def _plan(store, token: str) -> dict:
    return store.load(token)[0]


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("slug", samples.SLUGS)
def test_the_market_page_shows_each_sample_in_both_languages(store, slug, lang):
    at = open_page(PAGE, lang, _new_plan(store, slug))

    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "marketpage.title")
    df, center = _placed(slug), _center(slug)
    facts = _facts(df, center)
    shown = _summary(at)
    assert all(sentence in shown for sentence in _said(lang, facts))
    rings = catchment.rings(df, center, catchment.default_radii(facts.p80_km))
    table = _table(at, lang, "band")
    assert table["customers"].tolist() == [i18n.number(lang, n) for n in rings["customers"]]
    assert table["band"].iloc[-1] == i18n.t(lang, "deliverable.ring.unplaced")
    assert at.metric[0].value == i18n.number(lang, len(df))
    assert len(at.get("component_instance")) == 1  # the map (st_folium)


@pytest.mark.parametrize(
    "slug, said",
    [("forno", "market.summary.no_abroad"), ("cantina", "market.summary.abroad"),
     ("officina", "market.summary.abroad")],
)  # fmt: skip
def test_each_sample_shows_its_own_market(store, slug, said):
    at = open_page(PAGE, "en", _new_plan(store, slug))
    facts = _facts(_placed(slug), _center(slug))
    provinces = _table(at, "en", "province", without="comune")

    assert said in [m.key for m in market_summary.messages(facts, "en")]
    if slug == "forno":  # a local bakery: most customers within a few km, one province
        assert facts.median_km < 5 and provinces["province"].iloc[0] == "RM"
    elif slug == "cantina":  # a winery selling across Italy and abroad
        assert facts.abroad_share > 0.1 and len(provinces) >= 10 and facts.median_km > 100
    else:  # a northern B2B workshop: few customers, big orders, Brescia first
        assert provinces["province"].iloc[0] == "BS" and facts.revenue / facts.customers > 10_000


def test_a_competitor_added_by_name_and_town_is_found_offline_and_saved(store):
    token = _new_plan(store)
    at = open_page(PAGE, "it", token)
    at.text_input(key=wkey(at, token, "market", "competitors:name")).input("Forno Rivale")
    at.text_input(key=wkey(at, token, "market", "competitors:town")).input("Frascati")
    next(b for b in at.button if b.label == i18n.t("it", "marketpage.place.add")).click().run()

    assert not at.exception
    (saved,) = _plan(store, token)["competitors"]
    assert saved["name"] == "Forno Rivale"
    frascati = resources.get_gazetteer().find(town="Frascati").place
    assert (saved["town"]["comune_istat"], saved["town"]["lat"], saved["town"]["lon"]) == (
        frascati.comune_istat,
        frascati.lat,
        frascati.lon,
    )
    assert any("Forno Rivale" in m.value and "Frascati" in m.value for m in at.markdown)


@pytest.mark.parametrize(
    "town, hint, key",
    [("San Giovanni", "", "marketpage.place.ambiguous"), ("Atlantide", "", "business.town_unplaced"),
     ("", "", "marketpage.place.missing")],
)  # fmt: skip
def test_a_competitor_whose_town_is_not_found_for_certain_is_not_saved_and_the_page_says_why(store, town, hint, key):
    token = _new_plan(store)
    at = open_page(PAGE, "en", token)
    at.text_input(key=wkey(at, token, "market", "competitors:name")).input("Rivale")
    at.text_input(key=wkey(at, token, "market", "competitors:town")).input(town)
    next(b for b in at.button if b.label == i18n.t("en", "marketpage.place.add")).click().run()

    assert _plan(store, token)["competitors"] == []
    assert any(e.value.startswith(i18n.t("en", key, town=town, options="")[:15]) for e in at.error)


def test_the_followers_typed_by_city_are_saved_and_set_against_the_customers(store):
    token = _new_plan(store)
    at = open_page(PAGE, "en", token)
    rows = [
        {"city": "Roma", "followers": 600},
        {"city": "Milano", "followers": 300},
        {"city": "Atlantide", "followers": 100},
    ]
    assert not at.data_editor  # the editor appears when asked for
    at.toggle(key=wkey(at, token, "market:followers_on")).set_value(True).run()
    at.session_state[wkey(at, token, "market:followers")] = {"edited_rows": {}, "added_rows": rows, "deleted_rows": []}
    at.run()

    assert not at.exception
    assert _plan(store, token)["followers"] == rows
    at.run()
    table = _table(at, "en", "share_followers")
    assert table["city"].tolist()[0] == "Milano"  # 30% of the audience, no customers: the biggest gap
    assert table["kind"].iloc[0] == i18n.t("en", "marketpage.followers.kind.audience_without_customers")
    assert any("Atlantide" in c.value for c in at.caption)  # not on the map, said so
    at.pills(key="w:market:layers").set_value([*market_page.LAYERS]).run()
    assert not at.exception


def test_a_shopify_export_imported_through_the_page_replaces_the_sample_customers(store):
    token = _new_plan(store)
    at = open_page(PAGE, "en", token)
    before = _summary(at)
    at.file_uploader[0].upload(SHOPIFY.name, SHOPIFY.read_bytes(), "text/csv").run()

    assert not at.exception
    (entry,) = resources.get_datasets().entries(token)
    assert (entry.kind, entry.platform) == ("customers", "shopify")
    ctx = importers.ImportContext(resources.get_gazetteer(), salt=token, today=dt.date.today())
    imported = importers.import_file(importers.RawFile(SHOPIFY.name, SHOPIFY.read_bytes()), ctx).frame
    facts = _facts(market_page.as_customers(imported), _center("forno"))
    after = _summary(at)
    assert after != before
    assert all(sentence in after for sentence in _said("en", facts))
    assert at.metric[0].value == i18n.number("en", len(imported))


def test_any_table_is_imported_after_the_user_confirms_its_columns_and_unplaced_customers_are_listed(store):
    token = _new_plan(store, None)
    at = open_page(PAGE, "it", token)
    csv = "Codice;Comune di consegna;Provincia;Euro\n1;Forlì;FC;100\n2;Cesena;FC;50\n3;Atlantide;;7\n"
    at.file_uploader[1].upload("clienti.csv", csv.encode(), "text/csv").run()
    revenue = at.selectbox(key="market:mapping:clienti.csv:revenue")
    assert at.selectbox(key="market:mapping:clienti.csv:town").value == "Comune di consegna"  # guessed
    assert revenue.value is None  # "Euro" is not a header Rotta recognises: the user picks it
    revenue.set_value("Euro")
    next(b for b in at.button if b.label == i18n.t("it", "marketpage.mapping.import")).click().run()

    assert not at.exception
    (entry,) = resources.get_datasets().entries(token)
    assert (entry.platform, entry.rows) == ("generic", 3)
    assert at.metric[1].value == i18n.number("it", 157)  # revenue, in whole euros
    file = safe_text.for_markdown("clienti.csv")
    assert at.success[0].value == i18n.t("it", "marketpage.mapping.done", file=file, rows="3", placed="2")
    assert any(w.value.startswith(i18n.t("it", "marketpage.unplaced.count", n="1")[:20]) for w in at.warning)
    unplaced = next(d.value for d in at.dataframe if "postcode" in d.value.columns)
    assert unplaced["town"].tolist() == ["Atlantide"]
    at.file_uploader[1].upload("clienti.csv", csv.encode(), "text/csv").run()  # the same file again
    at.selectbox(key="market:mapping:clienti.csv:revenue").set_value("Euro")
    next(b for b in at.button if b.label == i18n.t("it", "marketpage.mapping.import")).click().run()
    assert len(resources.get_datasets().entries(token)) == 1
    assert at.info[0].value.startswith(safe_text.for_markdown("clienti.csv"))


def test_an_area_drawn_on_the_map_is_summed_up_and_saved_to_the_plan(store):
    token = _new_plan(store)
    at = open_page(PAGE, "en", token)
    points = [(41.95, 12.40), (41.95, 12.60), (41.83, 12.60), (41.83, 12.40)]  # around Roma's centre
    at.session_state[f"market:draw:{token}"] = {"points": points, "centre": None, "seen": None}
    at.session_state[DRAW] = "polygon"
    at.run()

    assert not at.exception
    ring, _ = market_page.areas_mod.area_from_points(points)
    expected = catchment.area_summary(_placed("forno"), ring, resources.get_gazetteer().comuni())
    inside = next(m for m in at.metric if m.label == i18n.t("en", "marketpage.area.customers"))
    assert inside.value == i18n.number("en", expected.customers) and expected.customers > 1000
    at.text_input(key=wkey(at, token, "market:area_name")).input("Centro di Roma")
    next(b for b in at.button if b.label == i18n.t("en", "marketpage.draw.save")).click().run()

    assert not at.exception
    assert _plan(store, token)["areas"] == [{"name": "Centro di Roma", "polygon": [list(v) for v in ring]}]
    assert at.session_state[DRAW] == "off"
    assert any("Centro di Roma" in m.value for m in at.markdown)  # listed under the saved areas
    assert not any(m.label == i18n.t("en", "marketpage.area.customers") for m in at.metric)


def test_a_second_area_with_the_same_name_is_refused(store):
    token = _new_plan(store)
    ring = [[12.4, 41.95], [12.6, 41.95], [12.6, 41.83]]
    store.apply(token, [plan_mod.Change(("areas",), [], [{"name": "Centro", "polygon": ring}])])
    at = open_page(PAGE, "en", token)
    at.session_state[f"market:draw:{token}"] = {"points": [], "centre": (41.9, 12.5), "seen": None}
    at.session_state[DRAW] = "circle"
    at.run()
    at.text_input(key=wkey(at, token, "market:area_name")).input("centro")
    next(b for b in at.button if b.label == i18n.t("en", "marketpage.draw.save")).click().run()

    assert len(_plan(store, token)["areas"]) == 1
    assert any("centro" in e.value for e in at.error)


def test_a_plan_without_town_or_customers_says_what_is_missing(store):
    at = open_page(PAGE, "en", _new_plan(store, None))

    assert not at.exception
    assert any(i.value == i18n.t("en", "marketpage.no_town") for i in at.info)
    assert any(i.value == i18n.t("en", "market.summary.no_customers") for i in at.info)


def test_without_a_plan_the_page_says_where_to_start():
    at = open_page(PAGE, "it")

    assert not at.exception
    assert any(i18n.t("it", "frame.no_plan") in e.value for e in at.info)


def test_text_typed_by_users_stays_text_in_the_tables_and_captions(store):
    token = _new_plan(store)
    evil = "![x](http://evil.invalid/p.png) **b**"
    store.apply(token, [plan_mod.Change(("followers",), [], [{"city": evil, "followers": 10}])])
    at = open_page(PAGE, "en", token)

    cities = [element.value.iloc[:, 0].tolist() for element in at.table]
    assert any(safe_text.for_markdown(evil) in column for column in cities)
    assert any(safe_text.for_markdown(evil) in c.value for c in at.caption)  # "not found on the map: ..."
