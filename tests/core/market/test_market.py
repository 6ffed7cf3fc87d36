import math

import numpy as np
import pandas as pd
import pytest

from core.market import market
from core.schema import CUSTOMER_COLUMNS


def customers(rows: list[tuple[str, str, str, str, float]]) -> pd.DataFrame:
    """Rows of (comune_istat, town, province, country, revenue); every customer has 2 orders."""
    df = pd.DataFrame({c: [""] * len(rows) for c in CUSTOMER_COLUMNS})
    df["comune_istat"] = [r[0] for r in rows]
    df["town"] = [r[1] for r in rows]
    df["province"] = [r[2] for r in rows]
    df["country"] = [r[3] for r in rows]
    df["revenue"] = [r[4] for r in rows]
    df["orders"] = 2
    df["lat"] = df["lon"] = math.nan
    return df


LUCCA = ("046017", "Lucca", "LU", "IT")
CAPANNORI = ("046007", "Capannori", "LU", "IT")
PISA = ("050026", "Pisa", "PI", "IT")


def sample() -> pd.DataFrame:
    rows = (
        [(*LUCCA, 10.0)] * 3
        + [("046017", "LUCCA", "LU", "IT", 10.0)]  # another spelling, same comune
        + [(*CAPANNORI, 50.0)] * 2
        + [(*PISA, 20.0)]
        + [("", "Paris", "Île-de-France", "FR", 5.0), ("", "paris ", "Île-de-France", "FR", 5.0)]
        + [("", "Paese Inventato", "", "IT", math.nan)]  # not matched to a comune, revenue not reported
    )
    return customers(rows)


def test_by_comune_groups_by_istat_code_and_by_town_when_there_is_none():
    table = market.by_comune(sample())
    assert table[["comune_istat", "town", "customers"]].values.tolist() == [
        ["046017", "Lucca", 4],  # the most used spelling names the group
        ["046007", "Capannori", 2],
        ["", "Paris", 2],  # "Paris" and "paris " are one town
        ["050026", "Pisa", 1],
        ["", "Paese Inventato", 1],
    ]
    assert table["revenue"].tolist() == [40.0, 100.0, 10.0, 20.0, 0.0]
    assert table["orders"].tolist() == [8, 4, 4, 2, 2]
    assert table["share_customers"].tolist() == pytest.approx([0.4, 0.2, 0.2, 0.1, 0.1])
    assert table["share_revenue"].tolist() == pytest.approx([40 / 170, 100 / 170, 10 / 170, 20 / 170, 0])


def test_by_province_counts_every_customer_once():
    table = market.by_province(sample())
    assert table[["province", "country", "customers"]].values.tolist() == [
        ["LU", "IT", 6],
        ["Île-de-France", "FR", 2],
        ["PI", "IT", 1],
        ["", "IT", 1],
    ]
    assert table["customers"].sum() == 10


def test_by_country_uses_iso_codes():
    table = market.by_country(sample())
    assert table[["country", "customers"]].values.tolist() == [["IT", 8], ["FR", 2]]


def comuni_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "istat": ["046017", "046007", "046024", "046033"],
            "name": ["Lucca", "Capannori", "Porcari", "Sconosciuto"],
            "province": ["LU"] * 4,
            "region": ["Toscana"] * 4,
            "lat": [43.84, 43.84, 43.83, 43.9],
            "lon": [10.50, 10.57, 10.61, 10.4],
            "population": [89_000.0, 46_000.0, 8_800.0, np.nan],
        }
    )


def test_penetration_is_customers_per_thousand_residents():
    result = market.penetration(market.by_comune(sample()), comuni_table())
    table = result.table.set_index("comune_istat")
    assert table.loc["046017", "per_1000"] == pytest.approx(4 / 89)  # 4 customers, 89,000 residents
    assert table.loc["046007", "per_1000"] == pytest.approx(2 / 46)
    assert table.loc["046024", ["customers", "per_1000"]].tolist() == [0, 0.0]  # comune with no customers
    assert math.isnan(table.loc["046033", "per_1000"])  # population unknown


def test_penetration_keeps_comuni_the_table_does_not_know_and_counts_the_unknowns():
    result = market.penetration(market.by_comune(sample()), comuni_table())
    pisa = result.table.set_index("comune_istat").loc["050026"]
    assert (pisa["name"], pisa["province"], pisa["customers"]) == ("Pisa", "PI", 1)
    assert math.isnan(pisa["population"]) and math.isnan(pisa["per_1000"])
    assert result.unknown_population == 2  # Sconosciuto and Pisa
    assert result.customers_without_comune == 3  # the two in Paris and the unmatched one
    assert result.table["customers"].tolist()[:3] == [4, 2, 1]  # most customers first


def test_a_zero_population_counts_as_unknown():
    comuni = comuni_table().assign(population=[0.0, 46_000.0, 8_800.0, 100.0])
    result = market.penetration(market.by_comune(sample()), comuni)
    assert math.isnan(result.table.set_index("comune_istat").loc["046017", "per_1000"])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Forlì, Emilia-Romagna", "forli"),
        ("Rome, Lazio, Italy", "roma"),
        ("MILAN", "milano"),
        ("  San  Giovanni in Persiceto ", "san giovanni in persiceto"),
        ("Reggio nell'Emilia", "reggio nell emilia"),
        ("Bolzano/Bozen", "bolzano"),
        ("", ""),
    ],
)
def test_place_names_are_normalised_for_matching(name, key):
    assert market.normalize_place(name) == key


def test_followers_and_customers_side_by_side_with_the_gaps():
    followers = pd.DataFrame({"city": ["Milan, Lombardy", "Roma", "Lucca, Tuscany"], "followers": [50, 30, 20]})
    by_comune = pd.DataFrame({"town": ["Lucca", "Milano", "Roma"], "customers": [80, 10, 10]})
    table = market.followers_vs_customers(followers, by_comune)
    assert table["city"].tolist() == [
        "Milano",
        "Roma",
        "Lucca",
    ]  # customers' spelling wins, biggest gap first
    assert table["share_followers"].tolist() == pytest.approx([0.5, 0.3, 0.2])
    assert table["share_customers"].tolist() == pytest.approx([0.1, 0.1, 0.8])
    assert table["gap"].tolist() == pytest.approx([0.4, 0.2, -0.6])
    assert table["kind"].tolist() == [
        "audience_without_customers",
        "audience_without_customers",
        "customers_without_audience",
    ]


def test_a_city_on_one_side_only_counts_as_zero_on_the_other():
    followers = pd.DataFrame({"city": ["Pisa", "Lucca"], "followers": [10.0, 10.0]})
    by_comune = pd.DataFrame({"town": ["Lucca", "Viareggio"], "customers": [48, 52]})
    table = market.followers_vs_customers(followers, by_comune).set_index("city")
    assert table.loc["Pisa", ["followers", "customers"]].tolist() == [10.0, 0]
    assert table.loc["Viareggio", ["followers", "customers"]].tolist() == [0.0, 52]
    assert table.loc["Lucca", "kind"] == "balanced"  # 50% of followers, 48% of customers


@pytest.mark.parametrize(
    ("share_followers", "share_customers", "kind"),
    [
        (0.10, 0.04, "audience_without_customers"),  # 6 points and 2.5 times
        (0.10, 0.06, "balanced"),  # 4 points: under the 5-point gap
        (0.40, 0.30, "balanced"),  # 10 points but only 1.3 times
        (0.04, 0.10, "customers_without_audience"),
    ],
)
def test_gap_kinds_need_both_a_5_point_gap_and_a_2x_ratio(share_followers, share_customers, kind):
    followers = pd.DataFrame({"city": ["A", "Other"], "followers": [share_followers, 1 - share_followers]})
    by_comune = pd.DataFrame({"town": ["A", "Rest"], "customers": [share_customers * 100, 100 - share_customers * 100]})
    table = market.followers_vs_customers(followers, by_comune.astype({"customers": int})).set_index("city")
    assert table.loc["A", "kind"] == kind


def test_customers_by_postcode_put_back_lost_zeros_and_put_the_busiest_first():
    df = pd.DataFrame(
        {"postcode": ["00176", "176", "176.0", "00177", "", "80331"], "town": ["Roma"] * 4 + ["Roma", "München"],
         "comune_istat": ["058091"] * 5 + [""], "country": ["IT"] * 5 + ["DE"], "revenue": [10.0, 20, 30, 5, 1, 9],
         "orders": [1] * 6}
    )  # fmt: skip
    table = market.by_postcode(df)

    assert table["postcode"].tolist() == ["00176", "80331", "00177", ""]
    assert table["customers"].tolist() == [3, 1, 1, 1]
    assert table["revenue"].tolist() == [60.0, 9.0, 5.0, 1.0]
    assert table["share_customers"].tolist() == pytest.approx([3 / 6, 1 / 6, 1 / 6, 1 / 6])
