from core.importers.activity import youtube
from core.importers.base import ImportContext, RawFile
from tests.core.importers.activity.support import raw_file, rome, run, totals

ENGLISH = "youtube_studio/Content 2024-01-01_2024-12-31 Trattoria Da Gino/Table data.csv"
ITALIAN = "youtube_studio/Contenuti 2024-06-01_2024-06-30 Trattoria Da Gino/Dati della tabella.csv"


def test_the_content_table_drops_its_total_row_and_keeps_every_video():
    result = run(raw_file(ENGLISH))
    frame = result.frame
    assert (result.platform, len(frame), set(frame["kind"])) == ("youtube", 24, {"video"})
    assert totals(frame, "views") == {"views": 324636}  # the same as the Total row, not twice it
    assert result.warnings[0].render("en") == "The totals row was skipped (row 2)."
    assert totals(frame, "follows") == {"follows": 427}  # Subscribers, as in the Total row
    assert len(result.warnings) == 1


def test_video_ids_become_links_even_when_studio_put_a_space_before_a_dash():
    frame = run(raw_file(ENGLISH)).frame
    assert "https://www.youtube.com/watch?v=-HGXgj6wg7Q" in frame["link"].values
    assert frame["when"].iloc[0] == rome("2024-01-03")


def test_the_italian_table_has_a_totale_row_italian_months_and_italian_thousands():
    result = run(raw_file(ITALIAN))
    frame = result.frame
    assert frame["views"].tolist() == [2100, 1200]
    assert frame["follows"].tolist() == [5, 2]  # Iscritti
    assert frame["when"].tolist() == [rome("2024-06-01"), rome("2024-06-15")]
    assert frame["link"].tolist() == [
        "https://www.youtube.com/watch?v=abcDEF12345",
        "https://www.youtube.com/watch?v=-xyz987654",
    ]
    assert result.warnings[0].render("it") == "La riga dei totali è stata saltata (riga 2)."


def test_the_date_table_gives_daily_rows():
    data = b"Date,Views,Watch time (hours),Subscribers\nTotal,300,10.5,2\n2024-06-01,100,3.5,1\n2024-06-02,200,7.0,1\n"
    raw = RawFile("Table data.csv", data)
    assert youtube.sniff(raw)
    frame = youtube.parse(raw, ImportContext()).frame
    assert frame[["kind", "views", "follows"]].values.tolist() == [["daily", 100, 1], ["daily", 200, 1]]


def test_subscribers_gained_are_preferred_to_the_net_subscribers():
    data = b"Date,Views,Watch time (hours),Subscribers,Subscribers gained\n2024-06-01,100,3.5,-1,4\n"
    frame = youtube.parse(RawFile("Table data.csv", data), ImportContext()).frame
    assert frame["follows"].tolist() == [4]
