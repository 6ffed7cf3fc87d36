import pandas as pd

from core.plan import audit


def test_the_channel_table_round_trips_the_plan_list():
    channels = [
        {"channel": "instagram", "followers": 1240, "posts_per_week": 3.0},
        {"channel": "facebook", "followers": None, "posts_per_week": 1.5},
    ]
    back, problems = audit.from_table(audit.to_table(channels))
    assert (back, problems) == (channels, [])


def test_rows_without_a_known_channel_are_skipped_and_duplicates_refused():
    table = pd.DataFrame(
        {
            "channel": ["instagram", None, "myspace", "instagram"],
            "followers": [10, 5, 5, 20],
            "posts_per_week": [1, 1, 1, 2],
        }
    )
    channels, problems = audit.from_table(table)
    assert channels == [{"channel": "instagram", "followers": 10, "posts_per_week": 1.0}]
    assert [p.params["channel"] for p in problems] == ["instagram"]


def test_totals_add_up_followers_and_posts():
    channels = [
        {"channel": "instagram", "followers": 1240, "posts_per_week": 3.0},
        {"channel": "facebook", "followers": 800, "posts_per_week": 1.5},
    ]
    assert audit.totals(channels) == {"channels": 2, "followers": 2040, "posts_per_week": 4.5}


def test_the_channel_table_for_the_screen_writes_counts_without_a_decimal_mark_in_the_language():
    channels = [
        {"channel": "instagram", "followers": 1860, "posts_per_week": 5.0},
        {"channel": "google_business", "followers": None, "posts_per_week": 1.2},
    ]
    shown = audit.as_text(channels, {"instagram": "Instagram", "google_business": "Google"}, "it")
    assert shown.values.tolist() == [["Instagram", "1.860", "5"], ["Google", "", "1,2"]]
    assert audit.as_text(channels, {}, "en").values.tolist()[0] == ["instagram", "1,860", "5"]
