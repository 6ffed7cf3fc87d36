import math

import numpy as np
import pandas as pd
import pytest

from core import i18n
from core.market import summary as market_summary
from core.schema import CUSTOMER_COLUMNS

BUSINESS = (43.80, 10.50)
KM_PER_DEG_LAT = math.pi / 180 * 6371.0088


def north(km: float) -> tuple[float, float]:
    return BUSINESS[0] + km / KM_PER_DEG_LAT, BUSINESS[1]


# Comuni strung along the business's meridian, so distances are the offsets.
# (istat, name, province, km north of the business, population)
COMUNI = [
    ("046017", "Lucca", "LU", 2, 90_000.0),
    ("046024", "Porcari", "LU", 5, 9_000.0),
    ("046099", "Piccolo", "LU", 6, 500.0),
    ("046098", "Ignoto", "LU", 7, np.nan),
    ("046007", "Capannori", "LU", 8, 46_000.0),
    ("050026", "Pisa", "PI", 20, 90_000.0),
    ("048017", "Firenze", "FI", 70, 360_000.0),
]


def comuni() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "istat": [c[0] for c in COMUNI],
            "name": [c[1] for c in COMUNI],
            "province": [c[2] for c in COMUNI],
            "region": "Toscana",
            "lat": [north(c[3])[0] for c in COMUNI],
            "lon": BUSINESS[1],
            "population": [c[4] for c in COMUNI],
        }
    )


def customers() -> pd.DataFrame:
    """60 in Lucca, 20 Capannori, 10 Pisa, 5 Firenze (all placed), 3 in Paris and 2 unknown (unplaced)."""
    by_name = {c[1]: c for c in COMUNI}
    rows = []
    for name, n in (("Lucca", 60), ("Capannori", 20), ("Pisa", 10), ("Firenze", 5)):
        istat, _, prov, km, _ = by_name[name]
        rows += [(istat, name, prov, "IT", *north(km))] * n
    rows += [("", "Paris", "", "FR", math.nan, math.nan)] * 3 + [("", "", "", "IT", math.nan, math.nan)] * 2
    df = pd.DataFrame({c: [""] * len(rows) for c in CUSTOMER_COLUMNS})
    for i, col in enumerate(("comune_istat", "town", "province", "country", "lat", "lon")):
        df[col] = [r[i] for r in rows]
    df["orders"] = 1
    df["revenue"] = 100.0
    return df


def test_facts_answer_where_and_how_concentrated():
    f = market_summary.facts(customers(), BUSINESS, comuni())
    assert (f.customers, f.placed, f.revenue) == (100, 95, 10_000.0)
    assert [(p.name, p.customers, p.share) for p in f.top_comuni] == [
        ("Lucca", 60, 0.6),
        ("Capannori", 20, 0.2),
        ("Pisa", 10, 0.1),
    ]
    assert [(p.name, p.share) for p in f.top_provinces] == [("LU", 0.8), ("PI", 0.1), ("FI", 0.05)]
    assert f.median_km == pytest.approx(2.0) and f.p80_km == pytest.approx(8.0)
    assert f.top3_share == pytest.approx(0.9)
    # among the 98 customers whose town is known: 60, 20, 10, 5 and 3 (Paris)
    assert f.hhi == pytest.approx((60**2 + 20**2 + 10**2 + 5**2 + 3**2) / 98**2)
    assert (f.abroad, f.abroad_share, f.top_countries) == (3, 0.03, (("FR", 3),))


def test_gaps_are_populous_nearby_comuni_far_below_the_local_average():
    f = market_summary.facts(customers(), BUSINESS, comuni())
    assert f.local_radius_km == 10.0  # the 80th percentile (8 km) raised to the 10 km floor
    # within 10 km: Lucca 60 + Capannori 20 customers over 90,000 + 9,000 + 500 + 46,000 known residents
    rate = 80 / 145_500 * 1000
    assert f.local_per_1000 == pytest.approx(rate)
    assert [g.name for g in f.gaps] == ["Porcari"]  # Piccolo has too few residents to count
    assert f.gaps[0].missing == pytest.approx(9_000 * rate / 1000)
    assert f.gaps[0].distance_km == pytest.approx(5.0)
    assert f.unknown_population == 1  # Ignoto


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "100 customers, €10,000.00 of revenue. 95 are on the map; 5 have no recognised place",
                "Lucca 60% of customers (60% of revenue); Capannori 20% of customers",
                "By province: LU 80% of customers (80% of revenue); PI 10%",
                "Half of the customers on the map are within 2.0 km of you, 80% within 8.0 km.",
                "The top 3 comuni hold 90% of customers. The concentration index (Herfindahl) is 0.43",
                "customers are highly concentrated",
                "split evenly among 2.3 comuni",
                "3 customers are abroad (3.0%), mostly in: France 3.",
                "Within 10 km you have on average 0.55 customers per 1,000 residents.",
                "Porcari (9,000 residents, 0 customers: about 5 fewer than average)",
                "The population of one nearby comune is unknown",
            ],
        ),
        (
            "it",
            [
                "100 clienti, 10.000,00\xa0€ di fatturato. 95 sono sulla mappa; 5 non hanno un luogo",
                "Lucca 60% dei clienti (60% del fatturato); Capannori 20% dei clienti",
                "Per provincia: LU 80% dei clienti (80% del fatturato); PI 10%",
                "Metà dei clienti sulla mappa è entro 2,0 km da te, l'80% entro 8,0 km.",
                "Quota dei clienti nei primi 3 comuni: 90%. L'indice di concentrazione (Herfindahl) è 0,43",
                "clienti molto concentrati",
                "in parti uguali fra 2,3 comuni",
                "3 clienti sono all'estero (3,0%), soprattutto in: Francia 3.",
                "Entro 10 km hai in media 0,55 clienti ogni 1.000 abitanti.",
                "Porcari (9.000 abitanti, 0 clienti: circa 5 in meno della media)",
                "Per un comune vicino non si conosce la popolazione",
            ],
        ),
    ],
)
def test_the_summary_says_the_numbers_in_both_languages(lang, expected):
    text = " ".join(m.render(lang) for m in market_summary.summary(customers(), BUSINESS, comuni(), lang))
    for fragment in expected:
        assert fragment in text


def test_without_a_location_or_comuni_the_summary_leaves_out_distances_and_gaps():
    messages = market_summary.summary(customers(), None, None, "en")
    keys = [m.key for m in messages]
    assert "market.summary.distance" not in keys and "market.summary.gaps" not in keys
    assert "market.summary.top_comuni" in keys and "market.summary.abroad" in keys


def test_a_business_with_everyone_placed_and_in_italy_says_so():
    df = customers().iloc[:95]
    keys = [m.key for m in market_summary.summary(df, BUSINESS, None, "en")]
    assert keys[0] == "market.summary.overview_all_placed"
    assert "market.summary.no_abroad" in keys


def test_no_customers_give_one_message():
    empty = customers().iloc[:0]
    assert market_summary.summary(empty, BUSINESS, comuni(), "it") == [i18n.Message("market.summary.no_customers")]


def test_no_gaps_when_every_nearby_comune_is_near_the_average():
    df = customers()
    towns = comuni().assign(population=[90_000.0, np.nan, np.nan, np.nan, 30_000.0, 90_000.0, 360_000.0])
    messages = market_summary.summary(df, BUSINESS, towns, "en")
    assert "market.summary.no_gaps" in [m.key for m in messages]


@pytest.mark.parametrize(
    ("hhi", "level"),
    [
        (0.05, "spread"),
        (0.1499, "spread"),
        (0.15, "moderate"),
        (0.2499, "moderate"),
        (0.25, "concentrated"),
        (1, "concentrated"),
    ],
)
def test_concentration_levels_follow_the_merger_guideline_thresholds(hhi, level):
    assert market_summary.concentration_level(hhi) == level


def test_no_customers_nearby_means_no_gap_sentence():
    far = customers()
    far = far[far["town"] == "Firenze"]  # 70 km away, beyond the 10-30 km "nearby"
    f = market_summary.facts(far, BUSINESS, comuni())
    assert (f.local_radius_km, f.local_per_1000, f.gaps) == (30.0, 0.0, ())
    keys = [m.key for m in market_summary.messages(f, "en")]
    assert "market.summary.gaps" not in keys and "market.summary.no_gaps" not in keys


def test_customers_with_no_distance_are_said_apart_in_one_sentence_and_left_out_of_the_median():
    center = (41.9, 12.5)
    near = (41.9 + 2 / 111.195, 12.5)  # 2 km north
    far = (41.9 + 30 / 111.195, 12.5)  # 30 km north
    df = pd.DataFrame(
        {c: [""] * 4 for c in ("customer_id", "town", "postcode", "province", "country", "comune_istat")}
        | {"lat": [center[0], center[0], near[0], far[0]], "lon": [12.5] * 4, "orders": [1] * 4,
           "revenue": [10.0] * 4, "first_order": [None] * 4, "last_order": [None] * 4}
    )  # fmt: skip
    df["town"], df["comune_istat"], df["country"] = (
        ["Roma", "Roma", "Roma", "Tivoli"],
        ["058091"] * 3 + ["058104"],
        "IT",
    )
    unknown = np.array([True, True, False, False])
    f = market_summary.facts(df, center, None, unknown)

    assert [(a.name, a.customers) for a in f.apart] == [("Roma", 2)]
    assert f.median_km == pytest.approx(16.0, abs=0.01)  # of 2 km and 30 km: the two with a distance
    said = [m.render("en") for m in market_summary.messages(f, "en")]
    at = next(i for i, s in enumerate(said) if s.startswith("2 customers in Roma: their position inside the city"))
    assert said[at + 1].startswith("Of the other customers on the map, half are within 16 km")
