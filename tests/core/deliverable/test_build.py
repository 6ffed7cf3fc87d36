"""The deliverable's content; also the shared cases (samples, empty plan, hostile text) the export tests use."""

import datetime as dt
import functools

import pandas as pd
import pytest

from core import geocode, safe_text, samples
from core.deliverable import build as deliverable
from core.deliverable import model
from core.goals import measures
from core.plan import plan

TODAY = dt.date(2026, 11, 2)
CASES = (*samples.SLUGS, "empty")
LANGS = ("it", "en")
HOSTILE = (
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "${alert(1)}",
    "A" * 10_000,
    "\u202egnp.exe",
    "nul\x00byte",
    "emoji 🍕🚀 ok",
    "Città",
    "[x](javascript:alert(1))",
    "{nb}",
)


@functools.cache
def _gazetteer() -> geocode.Gazetteer:
    return geocode.load_gazetteer()


@functools.cache
def sample_data(slug: str) -> measures.Data:
    sample = samples.load_sample(slug)
    return measures.Data(sample.activity, sample.orders, geocode.geocode_frame(_gazetteer(), sample.customers))


def with_distance(slug: str) -> int:
    """Customers with a distance from the business, counted here: placed, and not at the centre of the
    business's own comune (where the data cannot say where they live)."""
    placed = sample_data(slug).customers
    own = samples.load_sample(slug).profile["business"]["town"]["comune_istat"]
    centre = _gazetteer().comuni().set_index("istat").loc[own]
    at_centre = (placed["lat"] == centre["lat"]) & (placed["lon"] == centre["lon"])
    return int((placed["lat"].notna() & ~((placed["comune_istat"] == own) & at_centre)).sum())


def calendar_items(n: int, title: str = "Post {n} dal laboratorio") -> list[dict]:
    """``n`` Instagram items three days apart, from nine days before TODAY."""
    start = TODAY - dt.timedelta(days=9)
    return [
        {"id": f"c{i}", "date": (start + dt.timedelta(days=3 * i)).isoformat(), "channel": "instagram",
         "title": title.format(n=i), "goal": "g1"}
        for i in range(1, n + 1)
    ]  # fmt: skip


def sample_plan(slug: str) -> dict:
    sample = samples.load_sample(slug)
    result = plan.from_sample(slug, sample.profile, sample.goals, TODAY)
    result["calendar"] = calendar_items(8)
    return result


@functools.cache
def built(case: str, lang: str) -> deliverable.Deliverable:
    """The deliverable of a sample plan with its data (and eight calendar items), or of an empty plan."""
    if case == "empty":
        return deliverable.build(plan.new_plan(TODAY), measures.Data(), TODAY, lang)
    return deliverable.build(sample_plan(case), sample_data(case), TODAY, lang)


def hostile_plan(text: str) -> dict:
    """A plan whose every free text is ``text``: business name, goal title, owner, actions, calendar."""
    result = plan.new_plan(TODAY)
    result["business"]["name"] = text
    result["goals"] = [
        {"id": "g1", "objective": "local_awareness", "title": text, "kpi": "reach", "channels": ["instagram"],
         "baseline": 1000, "target": 1200, "start": "2026-10-01", "deadline": "2027-01-31",
         "place": {"kind": "town", "value": text}, "actions": [text, "Volantini"], "owner": text},
    ]  # fmt: skip
    result["calendar"] = [
        {"id": "c1", "date": "2026-11-05", "channel": "instagram", "title": text, "note": text, "place": text,
         "goal": "g1"},
        {"id": "c2", "date": "2026-11-06", "channel": "offline", "title": "Fiera", "note": text},
    ]  # fmt: skip
    return result


@functools.cache
def hostile(text: str, lang: str) -> deliverable.Deliverable:
    return deliverable.build(hostile_plan(text), measures.Data(), TODAY, lang)


# --- content ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", samples.SLUGS)
def test_a_sample_plan_fills_every_section(slug, lang):
    d = built(slug, lang)
    sample = samples.load_sample(slug)

    assert d.business.name == sample.profile["business"]["name"]
    assert d.selfcheck.answered == 8 and d.selfcheck.headline
    assert [g.title for g in d.goals] == [g["title"] for g in sample.goals]
    assert all(len(g.smart) == 5 and g.smart_text.count("✓") + g.smart_text.count("✗") == 5 for g in d.goals)
    assert d.market.customers == len(sample.customers) and len(d.market.top) == model.TOP_COMUNI
    assert sum(r.customers for r in d.market.rings) == with_distance(slug)
    assert len(d.timeline.months) == 3 and d.timeline.rows
    assert len(d.calendar) == 8 and d.actions
    assert {k for k, v in d.notes.items() if v} == set()


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_plan_says_what_is_missing_in_each_section(lang):
    d = built("empty", lang)

    assert {k for k, v in d.notes.items() if v} == {"business", "selfcheck", "goals", "market", "timeline", "calendar"}
    assert d.goals == () and d.market.customers == 0 and d.timeline.rows == () and d.calendar == ()
    assert [a.kind for a in d.actions] == ["step"] * 4  # business, goals, market, timeline


def test_the_sections_are_worded_in_the_language_asked():
    it, en = built("forno", "it"), built("forno", "en")

    assert it.heading == "La rotta di Forno Gatta Rossa" and en.heading == "The route of Forno Gatta Rossa"
    assert it.goals[0].smart[0].name == "Specifico" and en.goals[0].smart[0].name == "Specific"
    assert it.timeline.months == ("ago 2026", "set 2026", "ott 2026")
    assert en.timeline.months == ("Aug 2026", "Sep 2026", "Oct 2026")


def test_posts_per_channel_count_the_own_posts_of_each_of_the_last_three_months():
    activity = samples.load_sample("forno").activity
    local = activity["when"].dt.tz_convert("Europe/Rome")
    posts = activity[(activity["platform"] == "instagram") & ~activity["kind"].isin(["daily", "offline"])]
    months = local[posts.index].dt.strftime("%Y-%m")
    expected = tuple(int((months == m).sum()) for m in ("2026-08", "2026-09", "2026-10"))

    row = next(r for r in built("forno", "en").timeline.rows if r.channel == "Instagram")

    assert row.counts == expected and sum(expected) > 0


@pytest.mark.parametrize(
    ("slug", "radii"),
    [("forno", (3, 5, 10, 25)), ("cantina", (50, 100, 250, 500)), ("officina", (25, 50, 100, 250))],
)
def test_the_rings_widen_with_the_market_so_the_outermost_holds_about_four_customers_in_five(slug, radii):
    market = built(slug, "en").market

    assert market.radii_km == radii
    inside = sum(r.customers for r in market.rings if r.outer_km is not None)
    assert inside / with_distance(slug) >= 0.7  # of the customers with a distance: the bakery's Rome ones have none


def test_the_bakerys_rome_customers_are_said_apart_and_by_postcode():
    sample = samples.load_sample("forno")
    rome = sample.customers[sample.customers["town"] == "Roma"]  # the generator writes the comune's name
    top = rome["postcode"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    sentences = built("forno", "en").market.sentences

    assert any(s.startswith(f"{len(rome):,} customers in Roma: their position inside the city is unknown")
               for s in sentences)  # fmt: skip
    by_postcode = next(s for s in sentences if s.startswith("By postcode"))
    assert f"of {rome['postcode'].nunique()}):" in by_postcode
    assert by_postcode.index(f"{top.index[0]} {top.iloc[0]:,} ") < by_postcode.index(f"{top.index[1]} {top.iloc[1]:,} ")
    assert not any("Half of the customers" in s for s in sentences)  # no median over the city's centre


def test_customers_appear_only_as_totals_never_one_by_one():
    ids = set(samples.load_sample("officina").customers["customer_id"])
    shown = repr(built("officina", "it"))

    assert not any(f"'{i}'" in shown for i in ids)
    assert sum(a.customers for a in built("officina", "it").market.comuni) == len(ids)


def test_a_goal_that_cannot_be_read_keeps_its_title_and_says_why():
    broken = plan.new_plan(TODAY)
    broken["goals"] = [
        {"id": "g9", "objective": "local_awareness", "title": "Più visite", "kpi": "hugs", "start": "2026-01-01"}
    ]

    goal = deliverable.build(broken, measures.Data(), TODAY, "en").goals[0]

    assert goal.title == "Più visite" and "hugs" in goal.problem and goal.smart == ()


def test_calendar_items_that_cannot_be_read_are_left_out_and_counted():
    p = plan.new_plan(TODAY)
    p["calendar"] = [*calendar_items(2), {"id": "bad id!", "date": "2026-11-05", "channel": "instagram", "title": "x"},
                     {"id": "c9", "date": "someday", "channel": "instagram", "title": "x"}]  # fmt: skip

    d = deliverable.build(p, measures.Data(), TODAY, "en")

    assert len(d.calendar) == 2 and "2 calendar items cannot be read" in d.notes["calendar"]


def test_next_actions_put_the_coming_calendar_items_first_then_smart_fixes_then_planned_actions():
    actions = built("forno", "en").actions
    rank = {"calendar": 0, "fix": 1, "behind": 1, "goal": 2, "step": 3}
    kinds = [a.kind for a in actions]

    assert kinds[:5] == ["calendar"] * 5  # the items from TODAY to TODAY + 12 days, not the one 15 days ahead
    assert [a.when for a in actions[:5]] == [TODAY + dt.timedelta(days=n) for n in (0, 3, 6, 9, 12)]
    assert {"fix", "goal"} <= set(kinds) and [rank[k] for k in kinds] == sorted(rank[k] for k in kinds)
    assert len(kinds) == model.MAX_ACTIONS


def test_calendar_items_carry_their_goal_title_and_outcome():
    item = built("forno", "en").calendar[-1]

    assert item.goal == built("forno", "en").goals[0].title
    assert item.outcome_key == "upcoming" and item.outcome == "upcoming"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_builds_and_is_kept_as_text(text):
    d = hostile(text, "it")

    assert d.business.name == text and d.goals[0].title == text and text in d.goals[0].actions


@pytest.mark.parametrize(
    ("name", "created", "ext", "expected"),
    [
        ("Forno Aurelio", "2026-11-27", "pdf", "rotta-forno-aurelio-2026-11-27.pdf"),
        ("Città & Co.", "2026-11-27", "xlsx", "rotta-citta-co-2026-11-27.xlsx"),
        ("../../etc/passwd", "2026-11-27", "md", "rotta-etc-passwd-2026-11-27.md"),
        ("<img src=x onerror=alert(1)>", "not a date", "ics", "rotta-img-src-x-onerror-alert-1.ics"),
        ("🍕", "", "pdf", "rotta-plan.pdf"),
    ],
)
def test_file_names_from_user_text_are_safe(name, created, ext, expected):
    assert deliverable.safe_file_name(name, created, ext) == expected


@pytest.mark.parametrize("ext", ["", "PDF", "pdf/../x", "toolong", ".md"])
def test_a_file_extension_that_is_not_plain_is_refused(ext):
    with pytest.raises(ValueError, match="extension"):
        deliverable.safe_file_name("Forno", "2026-11-27", ext)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Città €", "Città €"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab\tkept", "tab\tkept"),
        ("nul\x00byte", "nulbyte"),
        ("\u202egnp.exe", "gnp.exe"),
        ("zero\u200bwidth", "zerowidth"),
        ("bell\x07", "bell"),
    ],
)
def test_plain_text_drops_invisible_and_reversing_characters(text, expected):
    assert safe_text.plain_text(text) == expected


def test_data_limited_to_the_last_day_it_covers():
    d = built("forno", "it")
    last = pd.Timestamp(samples.load_sample("forno").orders["date"].max()).date()

    assert d.as_of == min(TODAY, last) and "31/10/2026" in d.subtitle
