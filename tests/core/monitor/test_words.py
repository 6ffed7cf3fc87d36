import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core import i18n
from core.i18n import Message
from core.monitor import loyalty
from core.monitor import words as monitor_text
from core.monitor.model import BoardRow
from core.timeline import periods


def row(status: str = "on_track", key: str = "goals.track.on_track", kpi: str | None = "reach", **fields) -> BoardRow:
    values = {"current": 1500.0, "target": 2000.0, "progress": 0.5, "pace_needed": 50.0, "pace_achieved": 60.0}
    values |= {"forecast_date": dt.date(2026, 12, 1), **fields}
    return BoardRow("g1", "", kpi, status, message=Message(key), **values)


@pytest.mark.parametrize(
    ("lang", "fields", "key", "expected"),
    [
        ("en", {}, "goals.track.on_track",
         {"current": "1,500", "target": "2,000", "progress": "50%", "pace_needed": "50 a week",
          "pace_achieved": "60 a week", "forecast": "1 Dec 2026"}),
        ("it", {}, "goals.track.on_track",
         {"current": "1.500", "target": "2.000", "progress": "50%", "pace_needed": "50 a settimana",
          "pace_achieved": "60 a settimana", "forecast": "01/12/2026"}),
        ("en", {"progress": 3.2, "forecast_date": dt.date(2026, 6, 8), "pace_needed": 0.0, "pace_achieved": None},
         "goals.track.reached",
         {"current": "1,500", "target": "2,000", "progress": "100%", "pace_needed": "—", "pace_achieved": "—",
          "forecast": "reached on 8 Jun 2026"}),
        ("en", {"progress": -0.4, "forecast_date": None, "pace_achieved": -5.0}, "goals.track.stalled",
         {"current": "1,500", "target": "2,000", "progress": "0%", "pace_needed": "50 a week",
          "pace_achieved": "-5 a week", "forecast": "not at this pace"}),
        ("en", {"current": None, "progress": None, "pace_needed": None, "pace_achieved": None,
                "forecast_date": None},
         "monitor.board.no_data",
         {"current": "—", "target": "2,000", "progress": "—", "pace_needed": "—", "pace_achieved": "—",
          "forecast": "—"}),
    ],
)  # fmt: skip
def test_a_board_row_reads_as_the_owner_would_say_it(lang, fields, key, expected):
    assert monitor_text.cells(lang, row(key=key, **fields)) == expected


@pytest.mark.parametrize(
    ("kpi", "status", "key", "text"),
    [
        (None, "no_data", "goals.track.incomplete", "KPI to choose"),
        ("revenue", "no_data", "goals.track.incomplete", "To complete"),
        ("reach", "no_data", "monitor.board.no_data", "No data"),
        ("reach", "off_track", "goals.track.off_track", "Off track"),
    ],
)
def test_the_status_says_what_a_goal_lacks(kpi, status, key, text):
    assert monitor_text.status_text("en", row(status, key, kpi)) == text


def test_an_untitled_goal_is_called_so():
    assert monitor_text.title("it", row()) == i18n.t("it", "goals.tree.untitled")


def test_the_period_numbers_are_written_out_with_rates_in_points():
    table = pd.DataFrame(
        {
            "channel": ["instagram", "instagram"], "metric": ["reach", "engagement_rate"],
            "unit": ["percent", "points"], "current": [1200.0, 0.052], "last_month": [1000.0, 0.04],
            "last_year": [np.nan, np.nan], "change_last_month": [0.2, 1.2], "change_last_year": [np.nan, np.nan],
        }
    )  # fmt: skip
    span = periods.Span(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    comparison = periods.PeriodComparison({"current": span, "last_month": span, "last_year": span}, table, ())

    shown = monitor_text.period_table("it", comparison)

    assert shown.to_dict("records") == [
        {"channel": "Instagram", "metric": "copertura", "current": "1.200", "last_month": "1.000", "last_year": "—",
         "change_last_month": "+20%", "change_last_year": "—"},
        {"channel": "Instagram", "metric": "tasso di coinvolgimento", "current": "5,2%", "last_month": "4,0%",
         "last_year": "—", "change_last_month": "+1,2 punti", "change_last_year": "—"},
    ]  # fmt: skip


def test_the_months_compared_are_named_with_their_days():
    spans = periods.month_spans(dt.date(2026, 10, 10))

    assert monitor_text.spans_text("en", spans) == (
        "1 Oct 2026 – 10 Oct 2026 against 1 Sep 2026 – 10 Sep 2026 and 1 Oct 2025 – 10 Oct 2025."
    )


def test_the_loyalty_sentences_give_the_rate_and_the_usual_gap():
    gaps = loyalty.Gaps(12, 9.0, pd.DataFrame())

    lines = monitor_text.loyalty_lines("en", loyalty.RepeatRate(1513, 964, 964 / 1513), gaps)

    assert lines == [
        "Repeat customers: 64% of customers (964 of 1,513) ordered at least twice.",
        "Between one order and the next there are usually 9 days (median of 12 gaps).",
    ]
    assert (
        monitor_text.loyalty_lines("en", loyalty.RepeatRate(0, 0, None), loyalty.Gaps(0, None, gaps.distribution)) == []
    )


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_segment_comes_with_what_it_means_and_what_to_do(lang):
    segments = loyalty.segments(
        pd.DataFrame({"customer_id": ["a", "b"], "monetary": [10.0, 5.5], "segment": ["lost", "new"]})
    )

    shown = monitor_text.segment_table(lang, segments)

    assert list(shown["segment"]) == [i18n.t(lang, f"loyalty.segment.{s}") for s in loyalty.SEGMENTS]
    assert shown.loc[shown["customers"] > 0, "revenue"].tolist() == [i18n.money(lang, 5.5), i18n.money(lang, 10.0)]
    assert shown["action"].tolist() == [i18n.t(lang, f"loyalty.segment.{s}.action") for s in loyalty.SEGMENTS]
