from core.importers.activity import facebook_legacy, meta
from tests.core.importers.activity.support import raw_file, rome, run, totals

LEGACY = "facebook_insights_legacy/Facebook Insights Data Export (Post Level) - Trattoria Da Gino - 2016-07-01.csv"


def test_the_legacy_insights_export_skips_its_description_row_and_imports_every_post():
    result = run(raw_file(LEGACY))
    frame = result.frame
    assert (result.platform, len(frame)) == ("facebook", 25)
    assert totals(frame, "views", "reach", "clicks", "reactions", "interactions") == {
        "views": 95233,  # Lifetime Post Total Impressions
        "reach": 68031,  # Lifetime Post Total Reach
        "clicks": 6693,  # Lifetime Post Consumptions
        "reactions": None,
        "interactions": None,
    }
    assert frame["kind"].value_counts().to_dict() == {"post": 18, "video": 7}
    assert result.warnings == ()


def test_legacy_times_are_us_pacific_too():
    frame = run(raw_file(LEGACY)).frame
    first = frame.iloc[0]
    assert first["when"] == rome("2016-05-07 17:11")  # "5/7/2016 8:11" in California
    assert first["link"] == "https://www.facebook.com/trattoriadagino/posts/260270669852301:0"


def test_the_legacy_export_is_claimed_by_the_legacy_importer_only():
    raw = raw_file(LEGACY)
    assert facebook_legacy.sniff(raw)
    assert not meta.sniff_facebook(raw) and not meta.sniff_instagram(raw)
