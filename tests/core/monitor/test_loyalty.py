import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core import i18n
from core.monitor import loyalty

TODAY = dt.date(2025, 6, 30)

# Five customers, every value below worked out by hand as of 30 June 2025.
#   A: 10 Jan 100, 15 Feb 50, 20 Jun 80     -> 3 orders, 230 EUR, last order 10 days ago
#   B: 25 Jan 40                            -> 1 order,   40 EUR, 156 days ago
#   C: 3 Feb 200, 1 Mar 150, 20 Mar 100,
#      2 Apr 120                            -> 4 orders, 570 EUR, 89 days ago
#   D: 10 May 2024 300, 1 Jun 2024 250,
#      15 Jul 2024 400                      -> 3 orders, 950 EUR, 350 days ago
#   E: 25 Jun 30                            -> 1 order,   30 EUR, 5 days ago
ORDERS = [
    ("A", "2025-01-10", 100.0),
    ("A", "2025-02-15", 50.0),
    ("A", "2025-06-20", 80.0),
    ("B", "2025-01-25", 40.0),
    ("C", "2025-02-03", 200.0),
    ("C", "2025-03-01", 150.0),
    ("C", "2025-03-20", 100.0),
    ("C", "2025-04-02", 120.0),
    ("D", "2024-05-10", 300.0),
    ("D", "2024-06-01", 250.0),
    ("D", "2024-07-15", 400.0),
    ("E", "2025-06-25", 30.0),
]


def orders_table(rows: list[tuple[str, str, float]] = ORDERS) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    df["date"] = pd.to_datetime(df["date"])
    return df.sample(frac=1, random_state=3)  # the functions must not rely on the input order


def test_the_repeat_rate_is_customers_with_two_or_more_orders_over_all_customers():
    # A, C and D ordered more than once: 3 of 5.
    assert loyalty.repeat_rate(orders_table(), TODAY) == loyalty.RepeatRate(5, 3, 0.6)


def test_orders_after_today_are_ignored():
    # On 31 January 2025: D (3 orders), A (1, the 10 Jan) and B (1): 1 of 3.
    assert loyalty.repeat_rate(orders_table(), dt.date(2025, 1, 31)) == loyalty.RepeatRate(3, 1, 1 / 3)


def test_with_no_orders_the_repeat_rate_is_none():
    assert loyalty.repeat_rate(orders_table([]), TODAY) == loyalty.RepeatRate(0, 0, None)


def test_time_between_orders_takes_the_median_of_each_customers_consecutive_gaps():
    # A: 36, 125; C: 26, 19, 13; D: 22, 44  ->  13 19 22 [26] 36 44 125
    gaps = loyalty.time_between_orders(orders_table(), TODAY)
    assert (gaps.gaps, gaps.median_days) == (7, 26.0)
    dist = gaps.distribution.set_index("bucket")
    assert dist["gaps"].to_dict() == {"0-7": 0, "8-30": 4, "31-90": 2, "91-180": 1, "181-365": 0, "366+": 0}
    assert dist.loc["8-30", "share"] == pytest.approx(4 / 7)


@pytest.mark.parametrize(
    ("days", "bucket"),
    [(0, "0-7"), (7, "0-7"), (8, "8-30"), (30, "8-30"), (31, "31-90"), (365, "181-365"), (366, "366+")],
)
def test_a_gap_falls_in_the_bucket_whose_ends_include_it(days, bucket):
    first = dt.date(2023, 1, 1)
    rows = [("X", str(first), 1.0), ("X", str(first + dt.timedelta(days=days)), 1.0)]
    dist = loyalty.time_between_orders(orders_table(rows), TODAY).distribution
    assert dist.loc[dist["gaps"] == 1, "bucket"].tolist() == [bucket]


def test_without_repeat_orders_there_is_no_median_gap():
    gaps = loyalty.time_between_orders(orders_table([("X", "2025-01-01", 5.0)]), TODAY)
    assert (gaps.gaps, gaps.median_days, gaps.distribution["share"].sum()) == (0, None, 0)


def test_cohorts_give_the_share_of_each_first_order_month_that_ordered_each_month_after():
    # 2024-05: D alone, ordered in months 0, 1, 2 and never again (months 3-12 all passed).
    # 2025-01: A and B; A came back in February (1) and June (5); July on has not happened.
    # 2025-02: C alone, back in March (1, twice: counted once) and April (2); June is month 4.
    # 2025-06: E, this month.
    c = loyalty.cohorts(orders_table(), TODAY, max_months=12)
    assert c.customers.to_dict() == {"2024-05": 1, "2025-01": 2, "2025-02": 1, "2025-06": 1}
    nan = np.nan
    expected = {
        "2024-05": [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        "2025-01": [1, 0.5, 0, 0, 0, 0.5, nan, nan, nan, nan, nan, nan, nan],
        "2025-02": [1, 1, 1, 0, 0, nan, nan, nan, nan, nan, nan, nan, nan],
        "2025-06": [1, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan],
    }
    assert list(c.shares.columns) == list(range(13))
    for cohort, shares in expected.items():
        np.testing.assert_array_equal(c.shares.loc[cohort].to_numpy(), np.array(shares, dtype=float))


def test_cohorts_stop_at_max_months():
    assert list(loyalty.cohorts(orders_table(), TODAY, max_months=3).shares.columns) == [0, 1, 2, 3]


def test_rfm_scores_and_segments_each_customer():
    # Recency: A 10 d -> 5, B 156 -> 3, C 89 -> 4, D 350 -> 2, E 5 -> 5.
    # Frequency: 3 -> 3, 1 -> 1, 4 -> 4, 3 -> 3, 1 -> 1.
    # Money, fifths by rank (E 30 < B 40 < A 230 < C 570 < D 950): A 3, B 2, C 4, D 5, E 1.
    table = loyalty.rfm(orders_table(), TODAY).set_index("customer_id")
    assert table[["recency_days", "frequency", "r", "f", "m"]].to_dict("index") == {
        "A": {"recency_days": 10, "frequency": 3, "r": 5, "f": 3, "m": 3},
        "B": {"recency_days": 156, "frequency": 1, "r": 3, "f": 1, "m": 2},
        "C": {"recency_days": 89, "frequency": 4, "r": 4, "f": 4, "m": 4},
        "D": {"recency_days": 350, "frequency": 3, "r": 2, "f": 3, "m": 5},
        "E": {"recency_days": 5, "frequency": 1, "r": 5, "f": 1, "m": 1},
    }
    assert table["segment"].to_dict() == {
        "A": "loyal",
        "B": "need_attention",
        "C": "champions",
        "D": "cannot_lose",
        "E": "new",
    }
    assert table.loc["C", "monetary"] == 570.0


def test_segments_count_customers_and_revenue_in_the_fixed_order():
    seg = loyalty.segments(loyalty.rfm(orders_table(), TODAY)).set_index("segment")
    assert list(seg.index) == list(loyalty.SEGMENTS)
    assert seg.loc["cannot_lose", ["customers", "revenue"]].tolist() == [1, 950.0]
    assert seg.loc["at_risk", "customers"] == 0
    assert seg["customers"].sum() == 5
    assert seg.loc["cannot_lose", "share_revenue"] == pytest.approx(950 / 1820)


@pytest.mark.parametrize(
    ("days", "r"),
    [(0, 5), (30, 5), (31, 4), (90, 4), (91, 3), (180, 3), (181, 2), (365, 2), (366, 1)],
)
def test_recency_scores_follow_the_day_edges(days, r):
    rows = [("X", str(TODAY - dt.timedelta(days=days)), 10.0)]
    assert loyalty.rfm(orders_table(rows), TODAY)["r"].tolist() == [r]


@pytest.mark.parametrize(("orders", "f"), [(1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, 5), (9, 5)])
def test_frequency_scores_follow_the_order_counts(orders, f):
    rows = [("X", str(TODAY - dt.timedelta(days=i)), 10.0) for i in range(orders)]
    assert loyalty.rfm(orders_table(rows), TODAY)["f"].tolist() == [f]


def test_customers_who_spent_the_same_share_the_higher_money_score():
    rows = [("X", "2025-06-01", 10.0), ("Y", "2025-06-01", 10.0), ("Z", "2025-06-01", 99.0)]
    table = loyalty.rfm(orders_table(rows), TODAY).set_index("customer_id")
    assert table["m"].to_dict() == {"X": 4, "Y": 4, "Z": 5}  # ranks 2, 2, 3 of 3


@pytest.mark.parametrize(
    ("r", "f", "m", "segment"),
    [
        (5, 5, 1, "champions"),
        (4, 4, 3, "champions"),
        (5, 3, 2, "loyal"),
        (3, 5, 5, "loyal"),
        (4, 2, 5, "promising"),
        (5, 1, 5, "new"),
        (3, 2, 4, "need_attention"),
        (3, 1, 1, "need_attention"),
        (2, 4, 4, "cannot_lose"),
        (1, 3, 5, "cannot_lose"),
        (2, 4, 3, "at_risk"),
        (1, 2, 5, "at_risk"),
        (2, 1, 5, "hibernating"),
        (1, 1, 5, "lost"),
    ],
)
def test_the_segment_rules(r, f, m, segment):
    got = loyalty.segment_of(np.array([r]), np.array([f]), np.array([m]))
    assert got.tolist() == [segment]


def test_every_segment_has_a_name_a_hint_and_an_action_in_both_languages():
    for segment in loyalty.SEGMENTS:
        for message in (
            loyalty.segment_label(segment),
            loyalty.segment_hint(segment),
            i18n.Message(f"loyalty.segment.{segment}.action"),
        ):
            assert message.render("it") and message.render("en")
    assert loyalty.segment_label("at_risk").render("it") == "A rischio"


def test_order_dates_with_a_time_zone_count_on_the_local_day():
    # 29 June 23:30 UTC is already 30 June in Rome: 0 days ago.
    rows = pd.DataFrame({"customer_id": ["X"], "date": [pd.Timestamp("2025-06-29 23:30", tz="UTC")], "amount": [1.0]})
    assert loyalty.rfm(rows, TODAY)["recency_days"].tolist() == [0]
