"""Goals tracked where they are set: customers and orders inside the goal's place, platform metrics said to be
account-wide. Expected figures are counted here from the sample's own files, with a haversine of the test's own."""

import datetime as dt
import functools
import math

import numpy as np
import pandas as pd
import pytest

from core import geocode, samples
from core.deliverable import build as deliverable
from core.goals import goals, measures, standing, where
from core.goals import text as goal_text
from core.market import catchment
from core.monitor import board as monitor

CASTELLI = (41.77, 12.66)  # a point among the Castelli Romani (Marino, Castel Gandolfo, Albano)
RADIUS_KM = 12.0


@pytest.fixture(scope="module")
def cantina():
    sample = samples.load_sample("cantina")
    customers = geocode.geocode_frame(geocode.load_gazetteer(), sample.customers)
    data = measures.Data(activity=sample.activity, orders=sample.orders, customers=customers)
    return sample, data, measures.last_day(data)


def _goal(kpi: str, place: dict, target: float = 1_000_000) -> goals.Goal:
    return goals.Goal.from_dict(
        {
            "id": "g9", "objective": "online_sales", "title": "Nei Castelli", "kpi": kpi, "channels": [],
            "baseline": 1, "target": target, "start": "2026-01-01", "deadline": "2026-12-31", "place": place,
        }
    )  # fmt: skip


def _month(orders: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    days = orders["date"].dt.date
    return orders[(days > as_of - dt.timedelta(days=30)) & (days <= as_of)]


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a 6371 km sphere, written out here."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_a_town_goal_counts_the_new_customers_of_that_town_not_of_the_whole_market(cantina):
    sample, data, as_of = cantina
    firsts = sample.orders.groupby("customer_id")["date"].min().dt.date
    recent = set(firsts[(firsts > as_of - dt.timedelta(days=30)) & (firsts <= as_of)].index)
    in_marino = set(sample.customers.loc[sample.customers["town"].eq("Marino"), "customer_id"])
    expected, everyone = len(recent & in_marino), len(recent)
    assert expected != everyone

    found = standing.standing(_goal("new_customers", {"kind": "town", "value": "Marino"}), data, as_of)
    assert found.tracking.current == expected
    whole = standing.standing(_goal("new_customers", {"kind": "market", "value": ""}), data, as_of)
    assert whole.tracking.current == everyone and whole.where is None
    assert found.where is not None and found.where.key == "goals.where.customers"
    assert found.where.params["customers_n"] == len(in_marino)
    assert goal_text.render("en", found.where) == (
        f"Tracked in Marino: {len(in_marino)} customers and their orders, not the whole market."
    )


def test_an_area_goal_sums_the_revenue_of_the_customers_inside_the_area(cantina):
    sample, data, as_of = cantina
    placed = data.customers.dropna(subset=["lat", "lon"])
    near = {
        cid for cid, lat, lon in zip(placed["customer_id"], placed["lat"], placed["lon"], strict=True)
        if _km(CASTELLI[0], CASTELLI[1], lat, lon) <= RADIUS_KM
    }  # fmt: skip
    month = _month(sample.orders, as_of)
    expected = month.loc[month["customer_id"].isin(near), "amount"].sum()
    assert 0 < expected < month["amount"].sum()

    circle = catchment.Circle(CASTELLI[0], CASTELLI[1], RADIUS_KM)
    places = where.Places(areas={"Castelli": functools.partial(catchment.inside, area=circle)})
    goal = _goal("revenue", {"kind": "area", "value": "Castelli"})
    row = monitor.board_row(goal.to_dict(), data, as_of, places)
    assert row.current == pytest.approx(expected)
    assert row.place == ("area", "Castelli") and row.where.params["customers_n"] == len(near)
    unknown = monitor.board_row(goal.to_dict(), data, as_of)  # no such saved area: the whole market, said so
    assert unknown.current == pytest.approx(month["amount"].sum())
    assert unknown.where.key == "goals.where.unknown"


def test_the_abroad_goal_of_the_winery_counts_its_customers_abroad(cantina):
    sample, data, as_of = cantina
    goal = goals.Goal.from_dict(sample.goals[0])
    assert (goal.kpi, goal.place) == ("new_customers", goals.Place("market", "abroad"))
    firsts = sample.orders.groupby("customer_id")["date"].min().dt.date
    recent = set(firsts[(firsts > as_of - dt.timedelta(days=30)) & (firsts <= as_of)].index)
    abroad = set(sample.customers.loc[sample.customers["country"].ne("IT"), "customer_id"])
    row = monitor.board_row(sample.goals[0], data, as_of)
    assert row.current == len(recent & abroad) < len(recent)
    assert goal_text.place_text("it", *row.place) == "All'estero"


def test_a_platform_metric_is_tracked_on_the_whole_account_and_says_so(cantina):
    sample, data, as_of = cantina
    goal = _goal("engagement_rate", {"kind": "town", "value": "Marino"}, target=0.5)
    placed = monitor.board_row(goal.to_dict(), data, as_of)
    whole = monitor.board_row({**goal.to_dict(), "place": {"kind": "market", "value": ""}}, data, as_of)
    assert placed.current == whole.current
    assert placed.where.key == "goals.where.account"
    assert goal_text.render("it", placed.where) == (
        "Tasso di coinvolgimento arriva dalle piattaforme per tutto l'account, senza luogo: questo obiettivo è "
        "seguito su tutto l'account, non solo a Marino."
    )


def test_a_share_in_area_goal_is_the_share_of_customers_inside(cantina):
    sample, data, as_of = cantina
    customers = data.customers
    near = np.array([
        not (math.isnan(lat) or math.isnan(lon)) and _km(*CASTELLI, lat, lon) <= RADIUS_KM
        for lat, lon in zip(customers["lat"], customers["lon"], strict=True)
    ])  # fmt: skip
    # when each customer first bought: their first order, else the customer list's first order
    first = customers["customer_id"].map(sample.orders.groupby("customer_id")["date"].min())
    first = first.fillna(customers["first_order"]).dt.date
    bought = (first <= as_of).to_numpy()
    circle = catchment.Circle(CASTELLI[0], CASTELLI[1], RADIUS_KM)
    places = where.Places(areas={"Castelli": functools.partial(catchment.inside, area=circle)})
    goal = _goal("share_in_area", {"kind": "area", "value": "Castelli"}, target=0.9)
    found = standing.standing(goal, data, as_of, places)
    assert found.tracking.current == pytest.approx((near & bought).sum() / bought.sum())
    assert 0 < found.tracking.current < 1


def test_the_deliverable_says_where_each_goal_is_and_how_it_was_tracked(cantina):
    sample, data, as_of = cantina
    plan = {"goals": sample.goals, "business": sample.profile["business"]}
    made = deliverable.build(plan, data, as_of, "en")
    first = made.goals[0]
    assert first.place == "Abroad"
    assert first.where.startswith("Tracked abroad:")
    assert made.goals[1].place == "the whole market" and made.goals[1].where == ""
