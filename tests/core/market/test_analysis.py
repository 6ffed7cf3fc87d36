"""The Market page's analysis, in core: the business from the plan, and what it computes once per data."""

import math

import pandas as pd

from core.market import analysis
from core.schema import CUSTOMER_COLUMNS

KM_LAT = math.pi / 180 * 6371.0088


def test_the_business_is_its_town_point_and_comune_from_the_plan():
    plan = {"business": {"town": {"name": "Roma", "comune_istat": "058091", "lat": 41.8886, "lon": 12.5297}}}

    assert analysis.business_of(plan) == analysis.Business((41.8886, 12.5297), "058091")
    assert analysis.business_of({"business": {"town": None}}) == analysis.Business(None)
    assert analysis.business_of({"business": {"town": {"name": "x", "lat": "north"}}}) == analysis.Business(None)


def test_the_analysis_leaves_the_business_comune_customers_out_of_places_and_lists_their_postcodes():
    shop = (41.90, 12.50)
    centre = (41.90 + 3 / KM_LAT, 12.50)  # the comune's centre, 3 km north of the shop
    town = (41.90 + 20 / KM_LAT, 12.50)  # another comune, 20 km north
    df = pd.DataFrame({c: [""] * 4 for c in CUSTOMER_COLUMNS})
    df["comune_istat"] = ["100001", "100001", "100001", "100002"]
    df["town"] = ["Grande", "Grande", "Grande", "Piccola"]
    df["postcode"] = ["00176", "00176", "00177", "00030"]
    df["lat"] = [centre[0]] * 3 + [town[0]]
    df["lon"] = [12.50] * 4
    df["country"], df["orders"], df["revenue"] = "IT", 1, [10.0, 10.0, 5.0, 7.0]
    comuni = pd.DataFrame(
        {"istat": ["100001", "100002"], "name": ["Grande", "Piccola"], "province": "RM", "region": "Lazio",
         "lat": [centre[0], town[0]], "lon": [12.50, 12.50], "population": [100_000, 3_000]}
    )  # fmt: skip

    a = analysis.analyse(df, analysis.Business(shop, "100001"), comuni, None)

    assert a.unknown.tolist() == [True, True, True, False]
    assert a.places["customers"].tolist() == [1]  # only the other comune is drawn as a place
    assert a.by_postcode[["postcode", "customers"]].values.tolist() == [["00176", 2], ["00177", 1]]
    assert round(a.facts.median_km) == 20  # the other comune only
    assert analysis.table_sizes(a) == {"comuni": 2, "provinces": 0}
