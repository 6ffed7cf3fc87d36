import datetime as dt

import pandas as pd
import pytest

from core.monitor import alerts
from core.timeline import periods

TODAY = dt.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("status", "level"),
    [("off_track", "critical"), ("behind", "warning"), ("at_risk", "warning"), ("on_track", None), ("done", None)],
)
def test_a_goal_alert_follows_the_tracking_status(status, level):
    got = alerts.goal_alerts([{"goal_id": "g1", "title": "200 clienti", "status": status}])
    assert [a.level for a in got] == ([level] if level else [])


def test_a_goal_alert_names_the_goal_and_proposes_to_review_its_actions():
    (alert,) = alerts.goal_alerts([{"goal_id": "g7", "title": "Più prenotazioni", "status": "off_track"}])
    assert (alert.kind, alert.subject) == ("goal_off_track", "g7")
    assert alert.message.render("it") == "L'obiettivo «Più prenotazioni» è fuori rotta."
    assert alert.message.render("en") == "The goal \u201cPiù prenotazioni\u201d is off track."
    assert "Più prenotazioni" in alert.action.render("en")


def orders(rows: list[tuple[str, str]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["customer_id", "date"])
    df["date"] = pd.to_datetime(df["date"])
    df["amount"] = 10.0
    return df


def slipping(n: int, prefix: str = "s") -> list[tuple[str, str]]:
    # Two orders, the last on 20 December 2024: 162 days before 31 May (recency 3, frequency 2:
    # need attention), 192 days before 30 June (recency 2: at risk).
    return [(f"{prefix}{i}", day) for i in range(n) for day in ("2024-12-01", "2024-12-20")]


def already_at_risk(n: int) -> list[tuple[str, str]]:
    # Two orders, the last in September 2024: at risk on both dates.
    return [(f"r{i}", day) for i in range(n) for day in ("2024-09-01", "2024-09-10")]


@pytest.mark.parametrize(
    ("before", "newly", "alert"),
    [
        (0, 1, False),  # one customer is not a trend (min_customers 2)
        (0, 2, True),
        (20, 2, True),  # +10%: just the minimum growth
        (25, 2, False),  # +8%
        (25, 3, True),
    ],
)
def test_a_growing_at_risk_segment_raises_an_alert(before, newly, alert):
    got = alerts.segment_alerts(orders(already_at_risk(before) + slipping(newly)), TODAY)
    assert [(a.kind, a.subject) for a in got] == ([("segment_growing", "at_risk")] if alert else [])


def test_the_segment_alert_gives_the_numbers_and_the_segment_action():
    (alert,) = alerts.segment_alerts(orders(already_at_risk(20) + slipping(3)), TODAY)
    assert alert.level == "warning"
    assert alert.message.render("en") == "Customers \u201cAt risk\u201d: 23, up from 20 30 days ago (+3)."
    assert alert.message.render("it") == "Clienti «A rischio»: 23, erano 20 30 giorni fa (+3)."
    assert alert.action.key == "loyalty.segment.at_risk.action"


def test_a_shrinking_segment_raises_no_alert():
    # At risk on 31 May (last order 5 Nov: 207 days), back on 10 June: loyal now.
    rows = [(f"c{i}", day) for i in range(5) for day in ("2024-10-20", "2024-11-05", "2025-06-10")]
    assert alerts.segment_alerts(orders(rows), TODAY) == []


def activity(weeks: dict[str, list[tuple[int, int]]]) -> pd.DataFrame:
    """Per channel, posts as (days before today, interactions) with a reach of 100 each."""
    rows = [
        {
            "when": pd.Timestamp(TODAY - dt.timedelta(days=d), tz=periods.TZ) + pd.Timedelta(hours=12),
            "platform": channel,
            "kind": "post",
            "views": None,
            "reach": 100.0,
            "interactions": float(i),
        }
        for channel, posts in weeks.items()
        for d, i in posts
    ]
    return pd.DataFrame(rows)


def posts(first_day: int, count: int, interactions: int) -> list[tuple[int, int]]:
    return [(first_day + 3 * k, interactions) for k in range(count)]


# Baseline: 8 posts at 5% between 28 and 83 days ago.
BASELINE = posts(30, 8, 5)


@pytest.mark.parametrize(
    ("recent_posts", "recent_interactions", "level"),
    [
        (4, 5, None),  # steady
        (4, 4.5, None),  # -10%
        (4, 3.5, "warning"),  # -30%
        (4, 2, "critical"),  # -60%, at least twice the minimum drop
        (3, 1, None),  # too few posts to tell
        (4, 8, None),  # rising
    ],
)
def test_falling_engagement_per_channel(recent_posts, recent_interactions, level):
    recent = [(d, recent_interactions) for d, _ in posts(0, recent_posts, 0)]
    got = alerts.engagement_alerts(activity({"instagram": BASELINE + recent}), TODAY)
    assert [(a.subject, a.level) for a in got] == ([("instagram", level)] if level else [])


def test_posts_older_than_twelve_weeks_do_not_count_in_the_baseline():
    old = posts(84, 8, 50)  # 84+ days ago: outside the 8 weeks before the last 4
    recent = posts(0, 4, 5)
    assert alerts.engagement_alerts(activity({"instagram": old + BASELINE + recent}), TODAY) == []


def test_the_engagement_alert_says_from_what_to_what_and_where():
    data = activity({"facebook": BASELINE + posts(0, 4, 3), "instagram": BASELINE + posts(0, 4, 5)})
    (alert,) = alerts.engagement_alerts(data, TODAY)
    assert alert.message.render("en") == (
        "Engagement on Facebook fell from 5.0% to 3.0% (last 4 weeks against the 8 before, 4 posts)."
    )
    assert alert.message.render("it").startswith("Coinvolgimento su Facebook sceso da 5,0% a 3,0%")
    assert "Facebook" in alert.action.render("it")


def test_all_alerts_put_the_most_urgent_first():
    data = activity({"facebook": BASELINE + posts(0, 4, 1)})
    statuses = [
        {"goal_id": "g1", "title": "A", "status": "behind"},
        {"goal_id": "g2", "title": "B", "status": "on_track"},
    ]
    got = alerts.all_alerts(orders(slipping(3)), data, statuses, TODAY)
    assert [(a.kind, a.level) for a in got] == [
        ("engagement_falling", "critical"),
        ("goal_off_track", "warning"),
        ("segment_growing", "warning"),
    ]
    for alert in got:
        assert alert.message.render("it") and alert.action.render("en")
