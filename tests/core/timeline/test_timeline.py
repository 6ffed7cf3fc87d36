import datetime as dt

import numpy as np
import pandas as pd
import pytest

from core import i18n, schema
from core.timeline import timeline
from tests.factories import activity_table as table

WEEK = table(
    {"when": "2025-03-03 09:00", "reach": 100.0, "interactions": 10.0},  # Monday
    {"when": "2025-03-09 23:30", "reach": 300.0, "interactions": 6.0},  # Sunday night: same week
    {"when": "2025-03-10 00:30", "reach": 200.0, "interactions": 2.0},  # Monday after midnight: next week
    {"when": "2025-03-04 12:00", "platform": "facebook", "reach": 50.0, "interactions": 5.0, "clicks": 3.0},
    {"when": "2025-03-05 10:00", "platform": "offline", "kind": "event", "text": "Festa"},
)


def _row(series: pd.DataFrame, start: str, platform: str) -> pd.Series:
    found = series[(series["start"] == pd.Timestamp(start)) & (series["platform"] == platform)]
    assert len(found) == 1, found
    return found.iloc[0]


def test_weekly_totals_add_up_each_platforms_posts_in_rome_weeks():
    series = timeline.over_time(WEEK, "week")
    first = _row(series, "2025-03-03", "instagram")
    second = _row(series, "2025-03-10", "instagram")

    assert (first["posts"], first["reach"], first["interactions"]) == (2, 400.0, 16.0)
    assert (second["posts"], second["reach"], second["interactions"]) == (1, 200.0, 2.0)
    assert _row(series, "2025-03-03", "facebook")["clicks"] == 3.0


def test_the_engagement_rate_of_a_week_is_pooled_not_averaged():
    rate = _row(timeline.over_time(WEEK, "week"), "2025-03-03", "instagram")["engagement_rate"]

    assert rate == pytest.approx(16 / 400)  # the mean of 10% and 2% would be 6%


def test_monthly_totals_put_a_whole_month_in_one_row():
    series = timeline.over_time(WEEK, "month")
    march = _row(series, "2025-03-01", "instagram")

    assert (march["posts"], march["reach"]) == (3, 600.0)
    assert march["engagement_rate"] == pytest.approx(18 / 600)


def test_offline_actions_are_not_a_channel_of_the_series_but_listed_apart():
    assert "offline" not in set(timeline.over_time(WEEK)["platform"])

    actions = timeline.offline_actions(WEEK)
    assert list(actions["text"]) == ["Festa"]
    assert actions["when"].iloc[0] == pd.Timestamp("2025-03-05 10:00")


def test_a_week_without_posts_between_two_is_zero_posts_and_no_rate():
    activity = table(
        {"when": "2025-03-03 09:00", "reach": 100.0, "interactions": 10.0},
        {"when": "2025-03-24 09:00", "reach": 100.0, "interactions": 10.0},
    )
    series = timeline.over_time(activity, "week")

    assert list(series["start"].dt.strftime("%m-%d")) == ["03-03", "03-10", "03-17", "03-24"]
    assert list(series["posts"]) == [1, 0, 0, 1]
    assert list(series["reach"]) == [100.0, 0.0, 0.0, 100.0]
    assert series["engagement_rate"].isna().tolist() == [False, True, True, False]
    assert series["clicks"].isna().all()  # never reported: unknown, not zero


def test_daily_totals_count_only_for_a_channel_that_has_no_posts():
    activity = table(
        {"when": "2025-03-03 09:00", "reach": 100.0, "interactions": 1.0},
        {"when": "2025-03-03 00:00", "kind": "daily", "reach": 5000.0},  # Instagram's account total
        {"when": "2025-03-04 00:00", "platform": "google_business", "kind": "daily", "views": 70.0},
    )
    series = timeline.over_time(activity, "week")

    assert _row(series, "2025-03-03", "instagram")["reach"] == 100.0
    google = _row(series, "2025-03-03", "google_business")
    assert (google["views"], google["posts"]) == (70.0, 0)


def test_channels_come_in_the_schema_order_within_each_period():
    series = timeline.over_time(WEEK, "week")

    assert list(series["platform"][series["start"] == pd.Timestamp("2025-03-03")]) == [
        "facebook",
        "instagram",
    ]


def test_an_empty_table_gives_an_empty_series_with_the_columns():
    series = timeline.over_time(table({"when": "2025-03-05 10:00", "platform": "offline", "kind": "event"}))

    assert series.empty
    assert list(series.columns) == ["start", "platform", *timeline.METRICS]


def test_naive_times_are_taken_as_rome_time():
    activity = WEEK.assign(when=WEEK["when"].dt.tz_localize(None))

    pd.testing.assert_frame_equal(timeline.over_time(activity), timeline.over_time(WEEK))


@pytest.mark.parametrize(
    ("local", "week", "month"),
    [
        ("2025-03-09 23:59", "2025-03-03", "2025-03-01"),
        ("2025-03-10 00:00", "2025-03-10", "2025-03-01"),
        ("2025-03-01 00:00", "2025-02-24", "2025-03-01"),
        ("1969-12-31 12:00", "1969-12-29", "1969-12-01"),
    ],
)
def test_periods_start_on_monday_and_on_the_first(local, week, month):
    when = pd.Series([pd.Timestamp(local)])

    assert timeline.period_starts(when, "week")[0] == np.datetime64(week)
    assert timeline.period_starts(when, "month")[0] == np.datetime64(month)


def test_an_unknown_period_is_refused():
    with pytest.raises(ValueError, match="fortnight"):
        timeline.over_time(WEEK, "fortnight")


GOALS = [
    {"title": "Reach", "kpi": "reach", "target": 3000, "deadline": "2026-12-31", "channels": ["instagram"]},
    {"title": "Engagement", "kpi": "engagement_rate", "target": 0.05, "deadline": None},
    {"title": "Clicks", "kpi": "link_clicks", "target": 60, "deadline": "2026-06-30"},
    {"title": "Loyalty", "kpi": "repeat_rate", "target": 0.3, "deadline": "2026-06-30"},
    {"title": "No target yet", "kpi": "reach", "target": None, "deadline": None},
]


@pytest.mark.parametrize(
    ("metric", "period", "titles", "value", "scaled"),
    [
        ("reach", "month", ["Reach"], 3000.0, False),
        ("reach", "week", ["Reach"], 700.0, True),  # 3000 over 30 days is 700 a week
        ("engagement_rate", "week", ["Engagement"], 0.05, False),  # a rate is the same every week
        ("clicks", "month", ["Clicks"], 60.0, False),
        ("views", "week", [], None, None),
    ],
)
def test_goal_targets_are_drawn_on_the_metric_they_measure_in_the_charts_unit(metric, period, titles, value, scaled):
    lines = timeline.target_lines(GOALS, metric, period)

    assert list(lines["title"]) == titles
    if titles:
        assert lines["target"].iloc[0] == pytest.approx(value)
        assert bool(lines["scaled"].iloc[0]) is scaled


def test_a_target_line_keeps_the_goals_own_target_deadline_and_channels():
    line = timeline.target_lines(GOALS, "reach", "week").iloc[0]

    assert (line["goal_target"], line["deadline"], line["channels"]) == (
        3000.0,
        dt.date(2026, 12, 31),
        ("instagram",),
    )


def test_captions_are_put_on_one_line_and_cut_with_an_ellipsis():
    texts = timeline.short_text(pd.Series(["a\n\nb  c", "x" * 100, None]), chars=10)

    assert list(texts) == ["a b c", "x" * 9 + "…", ""]


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_channel_and_format_names_fall_back_to_the_id_when_unknown(lang):
    assert timeline.channel_label(lang, "mastodon") == "mastodon"
    assert timeline.kind_label(lang, "carousel") == "carousel"
    assert timeline.channel_label(lang, "offline") == i18n.t(lang, "timeline.channel.offline")


def test_every_channel_and_format_of_the_schema_has_a_name_and_a_colour():
    for channel in (*schema.CHANNELS, timeline.OFFLINE):
        assert f"timeline.channel.{channel}" in i18n.TEXTS
        assert timeline.color(channel) != timeline.OTHER_COLOR
    for kind in ("post", "reel", "video", "story", "event", "ad", "offline", "daily"):
        assert f"timeline.kind.{kind}" in i18n.TEXTS


def test_platforms_are_ordered_as_the_schema_lists_channels_then_unknown_ones():
    assert timeline.platform_order({"zeta", "offline", "instagram", "facebook", "alpha"}) == [
        "facebook",
        "instagram",
        "offline",
        "alpha",
        "zeta",
    ]


def test_week_numbers_and_their_start_dates_agree():
    local = pd.Series(pd.date_range("2024-12-20", "2025-01-20 12:00", freq="12h"))
    numbers = timeline.period_numbers(local, "week")
    starts = timeline.period_start_dates(numbers, "week")

    assert all(pd.Timestamp(s).day_of_week == 0 for s in starts)
    assert all(0 <= (t - pd.Timestamp(s)).days < 7 for t, s in zip(local, starts, strict=True))
    assert len(set(numbers)) == 6  # the weeks of 16, 23 and 30 December, 6, 13 and 20 January


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://www.instagram.com/p/abc/", "[open](<https://www.instagram.com/p/abc/>)"),
        ("http://x.it/a b|c$d<e>`f", "[open](<http://x.it/a%20b%7Cc%24d%3Ce%3E%60f>)"),
        ("javascript:alert(1)", ""),
        ("www.example.com", ""),
        (None, ""),
    ],
)
def test_a_post_link_in_markdown_opens_web_addresses_only_and_cannot_break_out(url, link):
    assert timeline.markdown_link(url, "open") == link
