import pytest

from core.importers.activity import x
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import raw_file, rome, run, totals

CURRENT = "twitter_x/account_analytics_content_2025-04-27_2025-07-25.csv"
OLD = "twitter_x/tweet_activity_metrics_trattoriadagino_20210301_20210401_en.csv"


def test_the_current_content_export_imports_every_post_with_its_totals():
    result = run(raw_file(CURRENT))
    frame = result.frame
    assert (result.platform, len(frame), set(frame["kind"])) == ("x", 30, {"post"})
    assert totals(frame, "views", "reactions", "comments", "shares", "saves", "clicks") == {
        "views": 359055,  # Impressions
        "reactions": 4748,  # Likes
        "comments": 84,  # Replies
        "shares": 199,  # Reposts 137 + Shares 62
        "saves": 161,  # Bookmarks
        "clicks": 1050,  # URL 337 + Detail expands 713 + hashtag 0 + permalink 0
    }
    assert totals(frame, "follows", "profile_visits", "calls") == {
        "follows": 35,  # New follows
        "profile_visits": 391,
        "calls": None,
    }
    assert result.warnings == ()


def test_x_dates_are_days_placed_at_midnight_italian_time():
    frame = run(raw_file(CURRENT)).frame
    assert frame["when"].iloc[0] == rome("2025-04-27") and frame["when"].iloc[-1] == rome("2025-07-16")
    assert frame["link"].iloc[-1] == "https://x.com/trattoriadagino/status/1972962795097205820"


def test_the_older_tweet_activity_export_adds_promoted_counts_and_converts_utc():
    result = run(raw_file(OLD))
    frame = result.frame
    assert len(frame) == 3
    assert totals(frame, "views", "reactions", "comments", "shares", "clicks") == {
        "views": 2250,  # 1000 + 400 + 600 promoted + 250
        "reactions": 35,
        "comments": 3,
        "shares": 6,
        "clicks": 24,
    }
    assert totals(frame, "follows", "profile_visits", "calls") == {
        "follows": 3,  # follows 1 + promoted follows 2
        "profile_visits": 4,  # user profile clicks
        "calls": 0,  # dial phone: reported, and zero
    }
    assert frame["when"].tolist() == [
        rome("2021-03-27 13:30"),  # UTC+1
        rome("2021-03-28 03:30"),  # the night Italy moved to summer time: UTC+2
        rome("2021-04-01 00:45"),  # another day in Italy
    ]
    assert frame["text"].iloc[1] == "Domenica si cambia l'ora:\naperti fino alle 23!"


def test_each_x_format_is_claimed_by_its_own_importer():
    current, old = raw_file(CURRENT), raw_file(OLD)
    assert x.sniff_current(current) and not x.sniff_old(current)
    assert x.sniff_old(old) and not x.sniff_current(old)


def test_an_x_date_in_another_shape_stops_the_import_with_an_example():
    raw = RawFile("x.csv", b"Post id,Date,Post text,Impressions\n1,ieri,ciao,10\n")
    with pytest.raises(ImportProblem) as caught:
        x.parse_current(raw, ImportContext())
    assert caught.value.message.render("en") == (
        "column 'Date' has 1 date that is not 'Tue, Jul 14, 2026', e.g. 'ieri'"
    )
