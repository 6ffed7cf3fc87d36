import pytest

from core.goals import baselines

VALUES = {
    "instagram": {"followers": 1240, "reach": 5200, "engagement_rate": 0.04},
    "facebook": {"followers": 800, "reach": 1800, "engagement_rate": 0.02},
    "google_business": {"gbp_directions": 269},
    "business": {"repeat_rate": 0.22},
}


def test_the_channel_audit_of_the_plan_becomes_followers_by_channel():
    channels = [
        {"channel": "instagram", "followers": 1240, "posts_per_week": 3.0},
        {"channel": "facebook", "followers": None, "posts_per_week": 1.0},
        {"channel": "myspace", "followers": 10, "posts_per_week": 0.0},
    ]
    assert baselines.from_audit(channels) == {"instagram": {"followers": 1240}}


@pytest.mark.parametrize(
    ("kpi", "channels", "expected"),
    [
        ("followers", ["instagram"], 1240),
        ("reach", ["instagram", "facebook"], 7000),  # counts add up
        ("engagement_rate", ["instagram"], 0.04),
        ("engagement_rate", ["instagram", "facebook"], None),  # a rate of two channels needs their weights
        ("gbp_directions", ["google_business", "instagram"], 269),
        ("repeat_rate", [], 0.22),  # the business's own records, whatever the channels
        ("followers", ["tiktok"], None),
        ("new_customers", [], None),
    ],
)
def test_a_baseline_comes_from_the_chosen_channels_or_from_the_business(kpi, channels, expected):
    assert baselines.baseline(kpi, channels, VALUES) == expected
