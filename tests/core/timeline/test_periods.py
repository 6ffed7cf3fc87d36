import datetime as dt
import string

import numpy as np
import pandas as pd
import pytest

from core import i18n
from core.i18n import Message
from core.schema import ACTIVITY_COLUMNS
from core.texts import loyalty as texts
from core.timeline import periods

TODAY = dt.date(2025, 3, 10)


def activity(rows: list[dict]) -> pd.DataFrame:
    """Activity rows from a few fields; ``when`` is local time in Rome."""
    df = pd.DataFrame(rows)
    df["when"] = pd.to_datetime(df["when"], format="ISO8601").dt.tz_localize(periods.TZ)
    for column in ACTIVITY_COLUMNS:
        if column not in df:
            df[column] = np.nan if column not in ("text", "link", "place") else ""
    df["kind"] = df["kind"].fillna("post") if "kind" in df else "post"
    return df[list(ACTIVITY_COLUMNS)]


def post(when: str, platform: str = "instagram", **metrics: float) -> dict:
    return {"when": when, "platform": platform, "kind": "post", **metrics}


@pytest.mark.parametrize(
    ("today", "month", "current", "last_month", "last_year"),
    [
        # Month under way: the comparison months are cut at the same day.
        ((2025, 3, 10), None, ((3, 1), (3, 10)), ((2, 1), (2, 10)), ((3, 1), (3, 10))),
        # Last day of the month: whole months; February is shorter.
        ((2025, 3, 31), None, ((3, 1), (3, 31)), ((2, 1), (2, 28)), ((3, 1), (3, 31))),
        ((2024, 3, 31), None, ((3, 1), (3, 31)), ((2, 1), (2, 29)), ((3, 1), (3, 31))),
        # A past month is compared whole.
        ((2025, 6, 18), (2025, 5, 1), ((5, 1), (5, 31)), ((4, 1), (4, 30)), ((5, 1), (5, 31))),
        # January's last month is last December.
        ((2025, 1, 5), None, ((1, 1), (1, 5)), ((12, 1), (12, 5)), ((1, 1), (1, 5))),
    ],
)
def test_month_spans(today, month, current, last_month, last_year):
    today = dt.date(*today)
    spans = periods.month_spans(today, dt.date(*month) if month else None)
    year = (month or today.timetuple())[0]

    def span(pair, y):
        return periods.Span(dt.date(y, *pair[0]), dt.date(y, *pair[1]))

    assert spans["current"] == span(current, year)
    assert spans["last_month"] == span(last_month, year - 1 if current[0][0] == 1 else year)
    assert spans["last_year"] == span(last_year, year - 1)


def test_a_month_after_today_is_refused_and_named():
    with pytest.raises(ValueError, match="2025-04"):
        periods.month_spans(TODAY, dt.date(2025, 4, 1))


def test_a_day_counts_in_rome_time():
    when = pd.Series(pd.to_datetime(["2025-03-10 23:30", "2025-03-11 00:30"]).tz_localize(periods.TZ))
    inside = periods.between(when, periods.Span(dt.date(2025, 3, 1), dt.date(2025, 3, 10)))
    assert inside.tolist() == [True, False]


@pytest.mark.parametrize(
    ("metric", "now", "before", "en", "it"),
    [
        ("reach", 1180, 1000, "reach up 18%", "copertura +18%"),
        ("reach", 800, 1000, "reach down 20%", "copertura -20%"),
        ("reach", 1004, 1000, "reach unchanged", "copertura senza variazioni"),
        ("reach", 13500, 1000, "reach up 1,250%", "copertura +1.250%"),
        ("engagement_rate", 0.046, 0.05, "engagement rate down 0.4 points", "tasso di coinvolgimento -0,4 punti"),
        ("engagement_rate", 0.065, 0.05, "engagement rate up 1.5 points", "tasso di coinvolgimento +1,5 punti"),
        ("engagement_rate", 0.0502, 0.05, "engagement rate unchanged", "tasso di coinvolgimento senza variazioni"),
        ("posts", 3, 0, "posts from 0 to 3", "post da 0 a 3"),
        ("posts", 0, 0, "posts unchanged", "post senza variazioni"),
    ],
)
def test_counts_change_in_percent_and_rates_in_points(metric, now, before, en, it):
    phrase = periods.change_phrase(metric, now, before)
    assert (phrase.render("en"), phrase.render("it")) == (en, it)


@pytest.mark.parametrize(("now", "before"), [(np.nan, 100.0), (100.0, np.nan)])
def test_a_metric_missing_on_either_side_is_left_out(now, before):
    assert periods.change_phrase("views", now, before) is None


ROWS = [
    # This month (1-10 March): reach 1180, interactions 54 (4.58%), 2 posts, no views reported.
    post("2025-03-02 12:00", reach=700, interactions=30),
    post("2025-03-10 23:30", reach=480, interactions=24),
    post("2025-03-11 09:00", reach=9999, interactions=999),  # after today
    {"when": "2025-03-05 00:00", "platform": "instagram", "kind": "daily", "reach": 5000, "interactions": 1},
    # Last month (1-10 February): reach 1000, interactions 50 (5%), 2 posts.
    post("2025-02-01 08:00", reach=600, interactions=20),
    post("2025-02-10 20:00", reach=400, interactions=30),
    post("2025-02-11 08:00", reach=9999, interactions=999),  # after the same day of last month
    # A channel with daily totals only: they count; no posts.
    {"when": "2025-03-03", "platform": "google_business", "kind": "daily", "views": 120},
    {"when": "2025-03-04", "platform": "google_business", "kind": "daily", "views": 30},
    {"when": "2024-03-04", "platform": "google_business", "kind": "daily", "views": 100},
]


def test_the_comparison_table_holds_each_channel_and_metric_for_the_three_periods():
    table = periods.compare(activity(ROWS), TODAY).table.set_index(["channel", "metric"])
    ig = table.loc["instagram"]
    assert ig.loc["reach", ["current", "last_month"]].tolist() == [1180, 1000]
    assert ig.loc["posts", ["current", "last_month"]].tolist() == [2, 2]
    assert ig.loc["engagement_rate", "current"] == pytest.approx(54 / 1180)
    assert ig.loc["engagement_rate", "change_last_month"] == pytest.approx((54 / 1180 - 0.05) * 100)
    assert ig.loc["reach", "change_last_month"] == pytest.approx(0.18)
    assert np.isnan(ig.loc["reach", "last_year"]) and np.isnan(ig.loc["views", "current"])
    assert table.loc[("google_business", "views"), ["current", "last_year", "change_last_year"]].tolist() == [
        150,
        100,
        pytest.approx(0.5),
    ]
    assert table.loc[("google_business", "posts"), "current"] == 0
    assert ig["unit"].to_dict()["engagement_rate"] == "points"


def test_the_change_in_words_per_channel_in_both_languages():
    words = {w.channel: w for w in periods.compare(activity(ROWS), TODAY).words}
    assert list(words) == ["instagram", "google_business"]
    ig = words["instagram"]
    assert ig.last_month.render("en") == (
        "reach up 18%, interactions up 8%, engagement rate down 0.4 points, posts unchanged"
    )
    assert ig.last_month.render("it") == (
        "copertura +18%, interazioni +8%, tasso di coinvolgimento -0,4 punti, post senza variazioni"
    )
    assert (ig.last_year.render("en"), ig.last_year.render("it")) == (
        "no data last year",
        "nessun dato dell'anno scorso",
    )
    assert words["google_business"].last_year.render("en") == "views up 50%, posts unchanged"


def test_a_channel_quiet_this_month_says_so():
    rows = [post("2025-02-03 10:00", platform="facebook", reach=10, interactions=1)]
    words = periods.compare(activity(rows), TODAY).words
    assert [(w.channel, w.last_month.render("en")) for w in words] == [("facebook", "no activity in this period")]


def test_numbers_in_messages_follow_the_language():
    message = Message(
        "periods.change.from_zero", {"metric": periods.Term("periods.metric.views"), "value": periods.Num(1234.5, 1)}
    )
    assert (message.render("it"), message.render("en")) == ("visualizzazioni da 0 a 1.234,5", "views from 0 to 1,234.5")


def _fields(template: str) -> set[tuple[str, str]]:
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_each_text_has_the_same_placeholders_in_both_languages_with_the_language_as_spec(key):
    it, en = texts.TEXTS[key]
    it_fields, en_fields = _fields(it), _fields(en)
    assert {n for n, _ in it_fields} == {n for n, _ in en_fields}
    choices = {(n, s) for n, s in it_fields | en_fields if "|" in s}  # a count's words: {n:riga|righe}
    it_fields, en_fields = it_fields - choices, en_fields - choices
    assert {s for _, s in it_fields} <= {"", "it"} and {s for _, s in en_fields} <= {"", "en"}
    assert {n for n, s in it_fields if s} == {n for n, s in en_fields if s}
    assert i18n.TEXTS[key] == texts.TEXTS[key]
