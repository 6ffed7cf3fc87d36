import numpy as np
import pandas as pd
import pytest

from core import i18n
from core.timeline import posts as timeline_posts
from tests.factories import activity_table as table


def posts_at(slots: dict[str, list[float]]) -> pd.DataFrame:
    """Posts at given local times ("2025-03-03 08:15") with the given engagement rates, week after week."""
    rows = []
    for when, rates in slots.items():
        for week, rate in enumerate(rates):
            at = pd.Timestamp(when) + pd.Timedelta(weeks=week)
            rows.append({"when": str(at), "reach": 1000.0, "interactions": rate * 1000})
    return table(*rows)


def _cell(best: timeline_posts.BestTimes, weekday: int, hour: int) -> pd.Series:
    return best.cells[(best.cells["weekday"] == weekday) & (best.cells["hour"] == hour)].iloc[0]


def _render_all(best: timeline_posts.BestTimes) -> list[str]:
    return [m.render(lang) for lang in i18n.LANGS for m in (best.message, *best.suggestions)]


MONDAY_8 = "2025-03-03 08:15"  # a Monday
TUESDAY_18 = "2025-03-04 18:40"


def test_a_few_posts_make_a_thin_signal_with_things_to_test_not_a_best_time():
    best = timeline_posts.best_times(posts_at({MONDAY_8: [0.05] * 5, TUESDAY_18: [0.09] * 5}))

    assert best.status == "thin"
    assert best.message.key == "timeline.best.thin"
    assert [s.key for s in best.suggestions] == [
        "timeline.best.try_other",
        "timeline.best.same_content",
        "timeline.best.more_posts",
    ]
    assert best.suggestions[2].params["missing"] == 20
    assert "8-9" in best.suggestions[0].render("en") and "18-19" in best.suggestions[0].render("en")


def test_with_no_posts_at_all_it_suggests_morning_against_evening():
    best = timeline_posts.best_times(table({"when": "2025-03-03 10:00", "kind": "daily", "views": 10.0}))

    assert (best.status, best.posts) == ("thin", 0)
    assert best.suggestions[0].key == "timeline.best.try_two"
    assert "8-9" in best.suggestions[0].render("it") and "18-19" in best.suggestions[0].render("it")


def test_enough_posts_in_two_slots_name_the_slots_with_their_posts_and_rates():
    best = timeline_posts.best_times(posts_at({MONDAY_8: [0.05, 0.06] * 10, TUESDAY_18: [0.09, 0.10] * 10}))

    assert best.status == "ok"
    assert best.posts == 40
    en = best.message.render("en")
    assert en.index("Tuesday 18-19 (9.5%, 20 posts)") < en.index("Monday 8-9 (5.5%, 20 posts)")
    assert "martedì 18-19 (9,5%, 20 post)" in best.message.render("it")
    assert best.suggestions[0].key == "timeline.best.test_best"  # usual: Monday 8 (first of the busiest)
    assert "from Monday 8-9 to Tuesday 18-19" in best.suggestions[0].render("en")


def test_the_grid_is_every_weekday_and_hour_in_rome_time_with_the_posts_behind_each_cell():
    best = timeline_posts.best_times(posts_at({MONDAY_8: [0.05, 0.07, 0.06], "2025-03-09 23:30": [0.02]}))

    assert len(best.cells) == 7 * 24
    monday = _cell(best, 0, 8)
    assert (monday["posts"], bool(monday["masked"])) == (3, False)
    assert monday["engagement_rate"] == pytest.approx(0.06)  # mean of the posts' rates
    sunday = _cell(best, 6, 23)
    assert (sunday["posts"], bool(sunday["masked"])) == (1, True)
    assert np.isnan(sunday["engagement_rate"])


def test_when_the_usual_slot_is_the_best_it_says_keep_it_and_try_a_new_one():
    best = timeline_posts.best_times(posts_at({MONDAY_8: [0.09, 0.10] * 12, TUESDAY_18: [0.05, 0.06] * 10}))

    assert best.suggestions[0].key == "timeline.best.keep_usual"
    assert "lunedì 8-9" in best.suggestions[0].render("it")


@pytest.mark.parametrize(
    ("slots", "min_posts", "status"),
    [
        ({MONDAY_8: [0.05] * 29, TUESDAY_18: [0.05] * 0}, 30, "thin"),  # too few posts
        ({MONDAY_8: [0.05] * 40}, 30, "thin"),  # many posts but one slot only: nothing to compare
        ({MONDAY_8: [0.05] * 20, TUESDAY_18: [0.05] * 2}, 10, "thin"),  # the second slot is masked
        ({MONDAY_8: [0.05] * 15, TUESDAY_18: [0.06] * 15}, 30, "ok"),
        ({MONDAY_8: [0.05] * 5, TUESDAY_18: [0.06] * 5}, 10, "ok"),
    ],
)
def test_the_signal_is_thin_below_the_thresholds(slots, min_posts, status):
    assert timeline_posts.best_times(posts_at(slots), min_posts=min_posts).status == status


def test_a_best_slot_within_the_noise_says_more_posts_will_tell():
    noisy = timeline_posts.best_times(posts_at({MONDAY_8: [0.01, 0.09] * 8, TUESDAY_18: [0.02, 0.07] * 8}))
    clear = timeline_posts.best_times(posts_at({MONDAY_8: [0.02, 0.021] * 8, TUESDAY_18: [0.09, 0.091] * 8}))

    assert "timeline.best.close" in [s.key for s in noisy.suggestions]
    assert "timeline.best.close" not in [s.key for s in clear.suggestions]


def test_only_own_posts_count_and_platforms_can_be_chosen():
    activity = pd.concat(
        [
            posts_at({MONDAY_8: [0.05] * 3}),
            table(
                {"when": "2025-03-03 09:00", "kind": "daily", "reach": 900.0, "interactions": 90.0},
                {
                    "when": "2025-03-03 09:00",
                    "platform": "offline",
                    "kind": "event",
                    "reach": 1.0,
                    "interactions": 1.0,
                },
                {"when": "2025-03-03 10:00", "platform": "facebook", "reach": 100.0, "interactions": 5.0},
            ),
        ],
        ignore_index=True,
    )

    assert timeline_posts.best_times(activity).posts == 4
    assert timeline_posts.best_times(activity, platforms=["facebook"]).posts == 1


@pytest.mark.parametrize("slots", [{}, {MONDAY_8: [0.05] * 3}, {MONDAY_8: [0.05] * 20, TUESDAY_18: [0.06] * 20}])
def test_every_message_renders_in_both_languages(slots):
    activity = posts_at(slots) if slots else table({"when": "2025-03-03 10:00", "kind": "daily"})
    texts = _render_all(timeline_posts.best_times(activity))

    assert all(text and "{" not in text and "Message(" not in text for text in texts)


def test_no_message_ever_claims_a_best_time():
    best = timeline_posts.best_times(posts_at({MONDAY_8: [0.05] * 20, TUESDAY_18: [0.2] * 20}))

    for text in _render_all(best):
        assert "best time" not in text.lower() and "orario migliore" not in text.lower()


POSTS = table(
    {"when": "2025-03-01 08:00", "text": "A", "reach": 1000.0, "interactions": 50.0},  # 5%
    {"when": "2025-03-02 08:00", "text": "B", "reach": 1000.0, "interactions": 80.0},  # 8%
    {"when": "2025-03-03 08:00", "text": "C", "reach": 1000.0, "interactions": 10.0},  # 1%
    {"when": "2025-03-04 08:00", "text": "D", "kind": "reel", "reach": 2000.0, "interactions": 60.0},  # 3%
    {
        "when": "2025-03-05 08:00",
        "text": "E",
        "platform": "tiktok",
        "kind": "video",
        "views": 500.0,
        "interactions": 50.0,
    },
    {"when": "2025-03-06 08:00", "text": "tiny", "reach": 20.0, "interactions": 10.0},  # 50% of 20 people
    {"when": "2025-03-07 08:00", "text": "day", "kind": "daily", "reach": 9000.0, "interactions": 900.0},
)


def test_top_and_bottom_posts_are_ranked_by_engagement_rate_without_tiny_audiences():
    result = timeline_posts.top_posts(POSTS, n=2, min_reach=100)

    assert list(result.top["text"]) == ["E", "B"]
    assert list(result.bottom["text"]) == ["C", "D"]
    assert list(result.top.columns) == list(timeline_posts.POST_COLUMNS)
    assert result.top["reach"].iloc[0] == 500.0  # views stand in for reach where the platform has none


def test_a_post_is_never_both_among_the_best_and_the_worst():
    result = timeline_posts.top_posts(POSTS, n=5, min_reach=100)

    assert set(result.top["text"]) | set(result.bottom["text"]) == {"A", "B", "C", "D", "E"}
    assert not set(result.top["text"]) & set(result.bottom["text"])


@pytest.mark.parametrize(
    ("by", "top", "bottom"),
    [
        ("kind", ["B", "D", "E"], ["C"]),  # post, reel, video: D and E are alone, so not also the worst
        ("platform", ["B", "E"], ["C"]),
    ],
)
def test_top_posts_by_format_or_channel_rank_within_each_group(by, top, bottom):
    result = timeline_posts.top_posts(POSTS, n=1, min_reach=100, by=by)

    assert list(result.top["text"]) == top
    assert list(result.bottom["text"]) == bottom


def test_top_post_captions_are_shortened_and_times_are_local():
    long = table({"when": "2025-07-01 21:30", "text": "x" * 200, "reach": 500.0, "interactions": 5.0})
    post = timeline_posts.top_posts(long, n=1).top.iloc[0]

    assert len(post["text"]) == 80 and post["text"].endswith("…")
    assert post["when"] == pd.Timestamp("2025-07-01 21:30")


def test_engagement_by_format_pools_each_formats_posts():
    by_kind = timeline_posts.engagement_by(POSTS, "kind", min_reach=100).set_index("kind")

    assert by_kind.loc["post", "posts"] == 3
    assert by_kind.loc["post", "engagement_rate"] == pytest.approx(140 / 3000)
    assert by_kind.loc["post", "median_rate"] == pytest.approx(0.05)
    assert list(by_kind.index) == ["video", "post", "reel"]  # best first


def test_engagement_by_channel_counts_every_own_post_by_default():
    by_platform = timeline_posts.engagement_by(POSTS, "platform").set_index("platform")

    assert by_platform.loc["instagram", "posts"] == 5
    assert by_platform.loc["instagram", "engagement_rate"] == pytest.approx(210 / 5020)


@pytest.mark.parametrize("call", [timeline_posts.engagement_by, timeline_posts.top_posts])
def test_an_unknown_grouping_is_refused(call):
    with pytest.raises(ValueError, match="weather"):
        call(POSTS, by="weather")
