import time

import pytest

from core.importers.activity import linkedin
from core.importers.base import ImportContext, ImportProblem, RawFile
from tests.core.importers.activity.support import raw_file, rome, run, totals

XLS = "linkedin/trattoria-da-gino_content_1738368000000.xls"
XLSX_IT = "linkedin/trattoria-da-gino_contenuti_it.xlsx"
METRICS = ("views", "reactions", "comments", "shares", "clicks")


def test_the_xls_export_gives_a_row_per_post_and_a_daily_row_per_day():
    result = run(raw_file(XLS))
    frame = result.frame
    posts, days = frame[frame["kind"] != "daily"], frame[frame["kind"] == "daily"]
    assert (result.platform, len(posts), len(days)) == ("linkedin", 22, 31)
    assert totals(posts, *METRICS) == {
        "views": 80980,  # Impressions
        "reactions": 1181,  # Likes
        "comments": 135,
        "shares": 108,  # Reposts
        "clicks": 2332,
    }
    assert totals(days, *METRICS) == {
        "views": 31636,
        "reactions": 514,
        "comments": 88,
        "shares": 55,
        "clicks": 954,
    }
    assert posts["kind"].value_counts().to_dict() == {"post": 18, "video": 3, "ad": 1}
    assert totals(posts, "follows") == {"follows": 60} and totals(days, "follows") == {"follows": None}
    assert result.warnings == ()


def test_linkedin_dates_are_month_first_days():
    frame = run(raw_file(XLS)).frame
    assert frame["when"].min() == rome("2025-01-01") and frame["when"].max() == rome("2025-01-31")
    assert set(frame["when"].dt.hour) == {0}


def test_an_italian_xlsx_with_date_cells_and_translated_sheets_is_read():
    frame = run(raw_file(XLSX_IT)).frame
    posts, days = frame[frame["kind"] != "daily"], frame[frame["kind"] == "daily"]
    assert totals(posts, *METRICS) == {
        "views": 4500,
        "reactions": 85,
        "comments": 8,
        "shares": 3,
        "clicks": 130,
    }
    assert totals(days, *METRICS) == {"views": 350, "reactions": 20, "comments": 5, "shares": 1, "clicks": 16}
    assert posts["kind"].tolist() == ["post", "video", "ad"]
    assert posts["follows"].tolist() == [3, 0, 4]  # the Italian "Follower" column
    assert posts["when"].tolist() == [rome("2025-03-01"), rome("2025-03-02"), rome("2025-03-02")]


def test_a_workbook_that_is_not_linkedin_is_not_claimed_and_cannot_be_parsed_as_such():
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Nome", "Città"])
    buffer = io.BytesIO()
    book.save(buffer)
    raw = RawFile("clienti.xlsx", buffer.getvalue())
    assert not linkedin.sniff(raw)
    with pytest.raises(ImportProblem) as caught:
        linkedin.parse(raw, ImportContext())
    assert caught.value.message.key == "activity.err.no_sheet"


@pytest.mark.parametrize("data", [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1garbage", b"PK\x03\x04garbage"])
def test_broken_workbook_bytes_are_not_claimed(data):
    assert not linkedin.sniff(RawFile("x.xls", data))


@pytest.mark.perf
def test_recognising_a_workbook_reads_only_its_start_not_a_500000_row_sheet():
    from tests.core.importers import hostile

    raw = RawFile("rows.xlsx", hostile.many_rows_xlsx(dimension=False))
    started = time.perf_counter()
    assert not linkedin.sniff(raw)
    assert time.perf_counter() - started < 2  # openpyxl needed 10 s or more to hand over the first row
