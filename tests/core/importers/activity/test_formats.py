"""Which importer recognises which file: from the content only, exactly one, never by accident."""

import datetime as dt

import pytest

from core.importers.activity import (
    FORMATS,
    facebook_legacy,
    google_business,
    instagram_dyi,
    linkedin,
    meta,
    meta_daily,
    tiktok,
    x,
    youtube,
)
from core.importers.base import ImportContext, RawFile
from tests.core.importers.activity.support import EXPORTS, claiming, raw_file, run

LEGACY = "facebook_insights_legacy/Facebook Insights Data Export (Post Level) - Trattoria Da Gino - 2016-07-01.csv"
DYI = "instagram_dyi_json/instagram-trattoriadagino-2025-01-15-Ab1Cd2Ef/your_instagram_activity/content"
MBS = "meta_business_suite"
EXPECTED = {
    LEGACY: facebook_legacy.sniff,
    "google_business_profile/GBP_performance_report_2025-08-01_2025-08-31.csv": google_business.sniff,
    "google_business_profile/rapporto_prestazioni_it.csv": google_business.sniff,
    f"{DYI}/posts_1.json": instagram_dyi.sniff,
    "instagram_dyi_json/old_media_export/media.json": instagram_dyi.sniff,
    "instagram_dyi_json/your_instagram_activity/content/reels.json": instagram_dyi.sniff,
    "instagram_dyi_json/your_instagram_activity/content/stories.json": instagram_dyi.sniff,
    "linkedin/trattoria-da-gino_content_1738368000000.xls": linkedin.sniff,
    "linkedin/trattoria-da-gino_contenuti_it.xlsx": linkedin.sniff,
    "meta_business_suite/Views.csv": meta_daily.sniff,
    "meta_business_suite/Follows.csv": meta_daily.sniff,
    f"{MBS}/facebook_posts_views_Jan-01-2025_Jan-31-2025_1118203947561234.csv": meta.sniff_facebook,
    "meta_business_suite/facebook_post_it_2024.csv": meta.sniff_facebook,
    "meta_business_suite/facebook_posts_resaved_day_first.csv": meta.sniff_facebook,
    f"{MBS}/instagram_posts_views_Jan-01-2025_Jan-31-2025_1118203947565678.csv": meta.sniff_instagram,
    "meta_business_suite/instagram_post_it_2025.csv": meta.sniff_instagram,
    "tiktok/Content.csv": tiktok.sniff_content,
    "tiktok/Overview.csv": tiktok.sniff_daily,
    "tiktok/Followers.csv": tiktok.sniff_daily,
    "twitter_x/account_analytics_content_2025-04-27_2025-07-25.csv": x.sniff_current,
    "twitter_x/tweet_activity_metrics_trattoriadagino_20210301_20210401_en.csv": x.sniff_old,
    "youtube_studio/Content 2024-01-01_2024-12-31 Trattoria Da Gino/Table data.csv": youtube.sniff,
    "youtube_studio/Contenuti 2024-06-01_2024-06-30 Trattoria Da Gino/Dati della tabella.csv": youtube.sniff,
}
ACTIVITY_FOLDERS = {path.split("/")[0] for path in EXPECTED}


def test_every_activity_fixture_is_listed_here():
    files = {
        str(p.relative_to(EXPORTS))
        for p in EXPORTS.rglob("*")
        if p.is_file() and p.relative_to(EXPORTS).parts[0] in ACTIVITY_FOLDERS
    }
    assert files == set(EXPECTED)


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_each_export_is_recognised_by_exactly_its_own_importer(relative):
    assert [f.sniff for f in claiming(raw_file(relative))] == [EXPECTED[relative]]


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_the_file_name_plays_no_part_in_recognising_a_format(relative):
    raw = raw_file(relative)
    assert claiming(raw) == claiming(RawFile("upload.bin", raw.data))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02\xff\xfe\x00",
        b"\xff\xfe" + "garbage".encode("utf-16-le"),
        b"[1, 2, 3]",
        b'{"media": 5}',
        "Nome;Città;CAP\nMario;Forlì;47121\n".encode("cp1252"),
        b"First Name,Last Name,Email,Default Address City,Default Address Zip,Total Spent,Total Orders\n",
        b"Date,Amount\n2025-01-01,10\n",
        b"%PDF-1.7\n",
        b"sep=,\n",
    ],
)
def test_files_that_are_not_activity_exports_are_claimed_by_no_importer_and_never_crash_a_sniff(data):
    assert claiming(RawFile("file", data)) == []


def test_every_format_declares_its_platform_and_the_activity_kind():
    assert {f.kind for f in FORMATS} == {"activity"}
    assert {f.platform for f in FORMATS} == {
        "facebook",
        "instagram",
        "x",
        "linkedin",
        "tiktok",
        "youtube",
        "google_business",
    }


def test_an_export_with_a_header_and_no_rows_imports_nothing_and_says_so():
    raw = RawFile("posts.csv", b'\xef\xbb\xbf"Post ID","Publish time",Permalink,Views\n')
    result = run(raw)
    assert len(result.frame) == 0
    assert [w.key for w in result.warnings] == ["activity.warn.empty"]


def test_rows_dated_after_today_are_not_imported_and_the_message_says_so():
    raw = raw_file("meta_business_suite/facebook_post_it_2024.csv")
    every = run(raw, ImportContext(today=dt.date(2025, 1, 1))).frame
    result = run(raw, ImportContext(today=dt.date(2024, 6, 1)))
    assert len(every) == 3 and (every["when"].dt.date > dt.date(2024, 6, 1)).sum() == 1
    assert len(result.frame) == 2 and (result.frame["when"].dt.date <= dt.date(2024, 6, 1)).all()
    assert result.warnings[-1].render("en") == (
        "1 row is dated after today (01 Jun 2024), e.g. 28 Oct 2024: not imported. Check the file's dates."
    )
    assert result.warnings[-1].render("it") == (
        "1 riga è datata dopo oggi (01/06/2024), ad es. il 28/10/2024: non importata. Controlla le date del file."
    )


def test_no_other_fixture_in_the_repository_is_taken_for_an_activity_export():
    others = [p for p in EXPORTS.rglob("*") if p.is_file() and p.relative_to(EXPORTS).parts[0] not in ACTIVITY_FOLDERS]
    claimed = [str(p.relative_to(EXPORTS)) for p in others if claiming(RawFile(p.name, p.read_bytes()))]
    assert claimed == []
