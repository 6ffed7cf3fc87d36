import math

import pytest

from core.importers.activity import instagram_dyi
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import FakeGazetteer, raw_file, rome, run

DYI = "instagram_dyi_json/instagram-trattoriadagino-2025-01-15-Ab1Cd2Ef/your_instagram_activity/content"
POSTS = f"{DYI}/posts_1.json"
MEDIA = "instagram_dyi_json/old_media_export/media.json"


def test_every_post_of_posts_1_json_becomes_one_row_carousels_included():
    result = run(raw_file(POSTS))
    frame = result.frame
    assert (result.platform, len(frame)) == ("instagram", 26)
    assert frame["kind"].value_counts().to_dict() == {"post": 24, "video": 2}
    assert frame["when"].iloc[0] == rome("2024-01-05 23:00")  # creation_timestamp 1704492000 (UTC)
    assert frame[["views", "reach", "interactions"]].isna().all().all()  # the archive has no metrics


def test_captions_mis_decoded_by_meta_are_repaired_emoji_included():
    texts = run(raw_file(POSTS)).frame["text"]
    assert texts.iloc[0] == "Stasera tagliatelle al ragù come le faceva la nonna 🍝❤️\nPrenota al 0543 123456!"
    assert "Nuovo menù d'autunno 🍂 funghi, castagne e zucca.\n\n#Forlì #trattoria #cucinaromagnola" in texts.values


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("rag\u00c3\u00b9", "ragù"),
        ("\u00f0\u009f\u008d\u009d", "🍝"),
        ("Forlì", "Forlì"),  # already right: unchanged
        ("ragù 🍝", "ragù 🍝"),
        ("", ""),
    ],
)
def test_the_caption_repair_undoes_only_real_mis_decoding(broken, fixed):
    assert instagram_dyi.repair(broken) == fixed


def test_gps_zero_zero_means_no_position():
    frame = run(raw_file(POSTS)).frame
    assert frame["lat"].notna().sum() == 16
    assert round(frame["lat"].sum(), 4) == 715.8431
    assert not ((frame["lat"] == 0) & (frame["lon"] == 0)).any()
    piadina = frame[frame["text"].str.startswith("Piadina")].iloc[0]  # its only GPS is 0,0
    assert math.isnan(piadina["lat"]) and math.isnan(piadina["lon"])


def test_a_carousel_takes_the_first_real_position_among_its_photos():
    frame = run(raw_file(POSTS)).frame
    menu = frame[frame["text"].str.startswith("Nuovo menù")].iloc[0]
    assert (menu["lat"], menu["lon"]) == (45.7386, 9.1282)


def test_the_old_media_json_keeps_place_names_and_skips_items_without_a_date():
    result = run(raw_file(MEDIA))
    frame = result.frame
    assert len(frame) == 5  # 3 photos with a date, 1 video, 1 story; the profile picture is not activity
    assert frame["kind"].tolist() == ["post", "post", "post", "video", "story"]
    assert frame["place"].tolist() == ["Piazza Saffi, Forlì", "Spiaggia Libera Nord", "", "Forlì", ""]
    assert frame["text"].iloc[0] == "Aperitivo in piazza a Forlì 🍹"
    assert frame["when"].iloc[0] == rome("2019-06-01 20:30")  # taken_at without offset is UTC
    assert frame["lat"].isna().all()  # no gazetteer: no lookup, no warning about it
    assert [w.render("en") for w in result.warnings] == ["Skipped items without a date: 1 (items 4)."]


def test_with_a_gazetteer_the_old_place_names_are_put_on_the_map():
    gazetteer = FakeGazetteer()
    result = instagram_dyi.parse(raw_file(MEDIA), ImportContext(gazetteer=gazetteer))
    frame = result.frame
    assert math.isnan(frame.loc[frame["place"] == "Spiaggia Libera Nord", "lat"].iloc[0])
    assert frame.loc[frame["place"] == "Forlì", "lat"].tolist() == [44.2225]
    assert frame.loc[frame["place"] == "Piazza Saffi, Forlì", "lon"].tolist() == [12.0408]
    assert sorted(set(gazetteer.asked)) == [
        "Forlì",
        "Piazza Saffi",
        "Piazza Saffi, Forlì",
        "Spiaggia Libera Nord",
    ]
    assert result.warnings[-1].render("en") == "Places not found on the map: 1 (Spiaggia Libera Nord)."


def test_reels_and_stories_files_give_reel_and_story_rows():
    reels = run(raw_file("instagram_dyi_json/your_instagram_activity/content/reels.json")).frame
    assert reels[["kind", "text", "lat"]].iloc[0].tolist() == ["reel", "Il ragù della nonna 🍝", 44.2226]
    stories = run(raw_file("instagram_dyi_json/your_instagram_activity/content/stories.json")).frame
    assert stories["kind"].tolist() == ["story", "story"]
    assert stories["text"].iloc[1] == "Buon 1° maggio! 🌷" and stories["lat"].isna().all()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b'{"media": [', "activity.err.bad_json"),
        (b'{"media_owner": 1, "x": "taken_at"}', "activity.err.unknown_json"),
    ],
)
def test_broken_or_unknown_json_stops_the_import(data, key):
    with pytest.raises(ImportProblem) as caught:
        instagram_dyi.parse(RawFile("posts_1.json", data), ImportContext())
    assert caught.value.message.key == key


def test_odd_items_are_skipped_with_their_numbers_not_a_crash():
    data = (
        b'[{"media": [{"uri": "a.jpg", "creation_timestamp": 1700000000, "title": "ok"}]},'
        b' {"media": 5}, {"creation_timestamp": 99999999999999999}, {"media": [], "title": "x"}]'
    )
    result = instagram_dyi.parse(RawFile("posts_1.json", data), ImportContext())
    assert result.frame["text"].tolist() == ["ok"]
    assert result.warnings[0].render("en") == "Skipped items without a date: 3 (items 2, 3, 4)."
