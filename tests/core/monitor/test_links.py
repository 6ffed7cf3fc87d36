import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core.monitor import links
from core.timeline import periods

TODAY = dt.date(2025, 3, 12)  # a Wednesday: the last week that is over is 3-9 March (2025-W10)


def activity(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["when", "platform", "kind"])
    df["when"] = pd.to_datetime(df["when"]).dt.tz_localize(periods.TZ)
    return df


def orders(rows: list[tuple[str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["customer_id", "date"])
    df["date"] = pd.to_datetime(df["date"])
    df["amount"] = 10.0
    return df


ACTIVITY = activity(
    [
        ("2025-02-17 09:00", "instagram", "post"),  # W08
        ("2025-02-19 18:00", "facebook", "reel"),  # W08
        ("2025-02-26 12:00", "instagram", "story"),  # W09
        ("2025-02-26 00:00", "google_business", "daily"),  # a daily total, not a post
        ("2025-03-05 17:00", "offline", "offline"),  # W10
        ("2025-03-11 10:00", "instagram", "post"),  # this week: not over yet
    ]
)
ORDERS = orders(
    [
        ("D", "2025-02-03"),  # W06, before the activity starts: that week is not in the table
        ("A", "2025-02-18"),  # W08 new
        ("B", "2025-02-20"),  # W08 new
        ("B", "2025-02-21"),  # W08 again: still one new customer
        ("D", "2025-02-25"),  # W09 returning
        ("A", "2025-03-04"),  # W10 returning
        ("C", "2025-03-06"),  # W10 new
        ("E", "2025-03-11"),  # this week
    ]
)


def test_the_weekly_table_counts_posts_actions_and_new_and_returning_customers():
    table = links.weekly(ACTIVITY, ORDERS, TODAY)
    assert table.to_dict("records") == [
        {
            "week": "2025-W08",
            "week_start": dt.date(2025, 2, 17),
            "posts": 2,
            "offline_actions": 0,
            "new_customers": 2,
            "returning_customers": 0,
        },
        {
            "week": "2025-W09",
            "week_start": dt.date(2025, 2, 24),
            "posts": 1,
            "offline_actions": 0,
            "new_customers": 0,
            "returning_customers": 1,
        },
        {
            "week": "2025-W10",
            "week_start": dt.date(2025, 3, 3),
            "posts": 0,
            "offline_actions": 1,
            "new_customers": 1,
            "returning_customers": 1,
        },
    ]


def test_weeks_are_named_by_iso_year_across_new_year():
    table = links.weekly(
        activity([("2025-12-29 10:00", "instagram", "post")]), orders([("A", "2025-12-31")]), dt.date(2026, 1, 7)
    )
    assert table[["week", "week_start", "posts", "new_customers"]].to_dict("records") == [
        {"week": "2026-W01", "week_start": dt.date(2025, 12, 29), "posts": 1, "new_customers": 1}
    ]


@pytest.mark.parametrize(
    ("rows", "order_rows"),
    [
        ([], [("A", "2025-03-01")]),
        ([("2025-03-01 10:00", "instagram", "post")], []),
        ([("2025-03-11 10:00", "instagram", "post")], [("A", "2025-03-11")]),  # only this week
    ],
)
def test_without_a_whole_week_of_both_sources_the_table_is_empty(rows, order_rows):
    table = links.weekly(activity(rows), orders(order_rows), TODAY)
    assert table.empty and list(table.columns) == ["week", "week_start", *links.COLUMNS]


def weeks_table(x: list[int], y: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"posts": x, "new_customers": y})


def test_few_weeks_are_called_thin_and_get_no_correlation():
    result = links.co_occurrence(weeks_table([1, 2, 3], [2, 4, 6]))
    assert (result.thin, result.correlation, result.weeks) == (True, None, 3)
    assert result.statement.render("en") == (
        "Only 3 weeks of data on posts and new customers: too few to tell whether they go together "
        "(at least 12 are needed)."
    )


def test_a_steady_column_gives_no_correlation():
    result = links.co_occurrence(weeks_table([2] * 12, list(range(12))))
    assert (result.thin, result.correlation) == (False, None)
    assert result.statement.key == "links.flat"


def test_the_statement_gives_the_weeks_the_correlation_and_always_the_caveat():
    x = list(range(12))
    result = links.co_occurrence(weeks_table(x, [2 * v + 1 for v in x]))
    assert result.correlation == pytest.approx(1.0)
    assert result.statement.render("en") == (
        "Over 12 weeks, posts and new customers rose and fell together (correlation 1.00)."
    )
    assert result.statement.render("it") == (
        "In 12 settimane, post pubblicati e clienti nuovi sono saliti e scesi insieme (correlazione 1,00)."
    )
    assert "not proof" in result.caveat.render("en") and "non è una prova" in result.caveat.render("it")


def test_a_lag_pairs_each_week_with_a_later_one_and_loses_those_weeks():
    x = [0, 5] * 7
    y = [9] + [0, 5] * 6 + [0]  # y follows x one week later
    same_week = links.co_occurrence(weeks_table(x, y))
    next_week = links.co_occurrence(weeks_table(x, y), lag=1)
    assert same_week.correlation < -0.9
    assert (next_week.weeks, next_week.correlation) == (13, pytest.approx(1.0))
    assert next_week.statement.render("en") == (
        "Over 13 weeks, posts and new customers a week later rose and fell together (correlation 1.00)."
    )
    two_weeks = links.co_occurrence(weeks_table(x, y), lag=2).statement.render("it")
    assert "clienti nuovi di 2 settimane dopo" in two_weeks


@pytest.mark.parametrize(
    ("r", "relation"),
    [
        (0.0, "none"),
        (0.19, "none"),
        (-0.19, "none"),
        (0.2, "weak_together"),
        (-0.3, "weak_opposite"),
        (0.5, "strong_together"),
        (-0.9, "strong_opposite"),
    ],
)
def test_the_words_for_a_correlation(r, relation):
    assert links.relation(r) == relation


def test_the_other_columns_can_be_compared_too():
    rng = np.random.default_rng(1)
    table = pd.DataFrame({"offline_actions": rng.integers(0, 5, 20), "returning_customers": rng.integers(0, 5, 20)})
    result = links.co_occurrence(table, x="offline_actions", y="returning_customers")
    assert result.weeks == 20
    assert result.correlation == pytest.approx(
        np.corrcoef(table["offline_actions"], table["returning_customers"])[0, 1]
    )
    assert "offline actions and returning customers" in result.statement.render("en")
