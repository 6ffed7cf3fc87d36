import pandas as pd
import pytest

from core.importers.activity import meta
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import raw_file, rome, run, totals

FACEBOOK = "meta_business_suite/facebook_posts_views_Jan-01-2025_Jan-31-2025_1118203947561234.csv"
INSTAGRAM = "meta_business_suite/instagram_posts_views_Jan-01-2025_Jan-31-2025_1118203947565678.csv"
FACEBOOK_IT_2024 = "meta_business_suite/facebook_post_it_2024.csv"
INSTAGRAM_IT_2025 = "meta_business_suite/instagram_post_it_2025.csv"
METRICS = ("views", "reach", "reactions", "comments", "shares", "saves", "clicks", "interactions")


def test_the_facebook_post_export_imports_every_post_with_its_totals():
    result = run(raw_file(FACEBOOK))
    assert (result.platform, result.kind, len(result.frame)) == ("facebook", "activity", 30)
    assert totals(result.frame, *METRICS) == {
        "views": 223641,  # one post has no Views: left empty, not zero
        "reach": 154482,
        "reactions": 2957,
        "comments": 604,
        "shares": 378,
        "saves": None,
        "clicks": 1840,
        "interactions": 3939,  # equals Meta's own "Reactions, Comments and Shares" column
    }
    assert result.frame["kind"].value_counts().to_dict() == {"post": 22, "reel": 7, "video": 1}
    assert result.frame["views"].isna().sum() == 1 and result.warnings == ()


def test_the_instagram_post_export_is_recognised_as_instagram():
    result = run(raw_file(INSTAGRAM))
    assert (result.platform, len(result.frame)) == ("instagram", 32)
    assert totals(result.frame, "views", "reach", "reactions", "comments", "shares", "saves") == {
        "views": 356264,
        "reach": 210116,
        "reactions": 5981,  # Likes
        "comments": 535,
        "shares": 708,
        "saves": 858,
    }
    assert result.frame["kind"].value_counts().to_dict() == {"reel": 16, "post": 16}
    assert result.warnings == ()


def test_follows_on_instagram_posts_are_imported_and_not_counted_as_interactions():
    frame = run(raw_file(INSTAGRAM)).frame
    assert totals(frame, "follows", "profile_visits", "interactions") == {
        "follows": 143,
        "profile_visits": None,
        "interactions": 8082,  # likes 5981 + comments 535 + shares 708 + saves 858: follows left out
    }
    first = frame[frame["link"] == "https://www.instagram.com/p/C6VslTLznwn/"].iloc[0]
    assert (first["follows"], first["interactions"]) == (7, 63 + 38 + 24 + 4)


def test_italian_instagram_follow_and_profile_visit_columns_are_imported():
    frame = run(raw_file(INSTAGRAM_IT_2025)).frame
    assert frame["follows"].tolist()[:2] == [2, 0] and frame["follows"].isna().tolist() == [False, False, True]
    data = (
        '\ufeff"Orario di pubblicazione","Permalink","Copertura","Mi piace","Visite al profilo","Follow"\n'
        '"01/10/2025 10:00",https://www.instagram.com/p/A1/,100,10,7,2\n'
        '"01/11/2025 10:00",https://www.instagram.com/p/A2/,50,5,3,1\n'
    ).encode()
    result = run(RawFile("export.csv", data))
    assert result.platform == "instagram"
    assert totals(result.frame, "profile_visits", "follows", "interactions") == {
        "profile_visits": 10,
        "follows": 3,
        "interactions": 15,
    }


def test_publish_times_are_us_pacific_and_become_italian_times():
    frame = run(raw_file(FACEBOOK)).frame
    reel = frame[frame["link"] == "https://www.facebook.com/reel/179519016070923/"].iloc[0]
    assert reel["when"] == rome("2025-01-01 09:02")  # "01/01/2025 00:02" in California
    assert reel["text"].startswith("Weekend gastronomico")  # the Description when the Title is empty


def test_captions_keep_their_line_breaks_quotes_and_emoji():
    texts = run(raw_file(FACEBOOK)).frame["text"]
    assert "Stasera tagliatelle al ragù come le faceva la nonna 🍝❤️\nPrenota al 0543 123456!" in texts.values
    assert 'Piadina, squacquerone e rucola: semplice, "perfetta" 😋' in texts.values


def test_an_italian_2024_facebook_export_with_impressions_lands_in_views():
    result = run(raw_file(FACEBOOK_IT_2024))
    frame = result.frame
    assert (result.platform, len(frame)) == ("facebook", 3)
    assert totals(frame, *METRICS) == {
        "views": 4050,  # "Impression", one written "1.250"
        "reach": 2400,
        "reactions": 126,
        "comments": 30,
        "shares": 14,
        "saves": None,
        "clicks": 54,
        "interactions": 170,
    }
    assert frame["kind"].tolist() == ["post", "reel", "video"]
    assert frame["when"].tolist() == [
        rome("2024-02-14 19:00"),
        rome("2024-03-31 11:30"),
        rome("2024-10-28 02:00"),
    ]
    assert frame["text"].iloc[2] == "Gino racconta il ragù"
    assert pd.isna(frame["engagement_rate"].iloc[2])  # reach 0
    (warning,) = result.warnings
    assert warning.render("it") == ("Saltate le righe senza data nella colonna 'Orario di pubblicazione': 1 (righe 5).")


def test_an_italian_2025_instagram_export_with_headers_in_any_case_is_read():
    result = run(raw_file(INSTAGRAM_IT_2025))
    frame = result.frame
    assert (result.platform, len(frame)) == ("instagram", 3)
    assert totals(frame, "views", "reach", "reactions", "comments", "shares", "saves", "interactions") == {
        "views": 1800,
        "reach": 1450,
        "reactions": 70,
        "comments": 14,
        "shares": 6,
        "saves": 20,
        "interactions": 110,
    }
    assert frame["kind"].tolist() == ["reel", "post", "story"]
    assert frame["text"].iloc[0] == "Il ragù della domenica 🍝\nPrenota!"


@pytest.mark.parametrize(
    ("post_type", "kind"),
    [
        ("Reels", "reel"),
        ("IG reel", "reel"),
        ("Reel di IG", "reel"),
        ("Videos", "video"),
        ("Live", "video"),
        ("IG story", "story"),
        ("Storia di IG", "story"),
        ("Photos", "post"),
        ("IG carousel", "post"),
        ("Carosello di IG", "post"),
        ("Links", "post"),
        ("Text", "post"),
        ("", "post"),
    ],
)
def test_meta_post_types_become_activity_kinds(post_type, kind):
    assert meta.kind_of(post_type) == kind


def test_day_first_dates_from_an_excel_resave_stop_the_import_with_an_example():
    with pytest.raises(ImportProblem) as caught:
        run(raw_file("meta_business_suite/facebook_posts_resaved_day_first.csv"))
    assert caught.value.message.render("en") == (
        "column 'Publish time' has 3 dates that are not MM/DD/YYYY HH:MM, e.g. '31/12/2025 10:00'"
    )


def test_an_export_without_the_publish_time_column_is_not_taken_for_a_meta_export():
    raw = RawFile("posts.csv", b'\xef\xbb\xbf"Post ID",Title,Views\n1,ciao,10\n')
    assert not meta.sniff_facebook(raw) and not meta.sniff_instagram(raw)


def test_a_file_with_only_the_combined_interactions_column_uses_it():
    raw = RawFile(
        "posts.csv",
        b'"Publish time","Reach","Reactions, Comments and Shares"\n"01/10/2025 12:00",200,30\n',
    )
    frame = meta.parse(raw, ImportContext()).frame
    assert frame[["interactions", "engagement_rate"]].iloc[0].tolist() == [30, 0.15]


def test_a_number_cell_with_text_is_left_empty_with_a_warning_naming_the_row():
    raw = RawFile("posts.csv", b'"Publish time",Views\n"01/10/2025 12:00",12\n"01/11/2025 12:00",molte\n')
    result = meta.parse(raw, ImportContext())
    assert result.frame["views"].isna().tolist() == [False, True]
    assert result.warnings[0].render("en") == (
        "Values that are not numbers in column 'Views', left empty: 1 (rows 3), e.g. 'molte'."
    )


def test_a_file_without_a_date_column_stops_the_import_and_names_what_was_looked_for():
    with pytest.raises(ImportProblem) as caught:
        meta.parse(RawFile("posts.csv", b'"Post ID",Views\n1,2\n'), ImportContext())
    assert caught.value.message.render("it") == (
        "Il file non ha la colonna della data (cercata come 'Publish time', 'Orario di pubblicazione')."
    )
