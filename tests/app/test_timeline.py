import csv as csv_mod
import datetime as dt
import io
import json
import re

import icalendar
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import app_test

from core import i18n, samples
from core.plan import plan as plan_mod
from tests.app.conftest import open_page, wkey
from tests.conftest import ROOT
from ui import resources

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
INSTAGRAM = EXPORTS / "meta_business_suite" / "instagram_posts_views_Jan-01-2025_Jan-31-2025_1118203947565678.csv"
BROKEN = EXPORTS / "broken" / "password_protected.xlsx"
SHOPIFY = EXPORTS / "shopify" / "customers_export.csv"


def _text(elements) -> str:
    """What the boxes say, without the backslashes that keep file names from being read as Markdown."""
    return " ".join(e.value for e in elements).replace("\\", "")


def _charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def _entries(token: str) -> list:
    return resources.get_datasets().entries(token)


def _plan(store, token: str) -> dict:
    return store.load(token)[0]


def _edit_calendar(at, *rows: dict):
    token = at.query_params["plan"]
    token = token[0] if isinstance(token, list) else token
    at.session_state[wkey(at, token, "calendar/table")] = {
        "edited_rows": {},
        "added_rows": list(rows),
        "deleted_rows": [],
    }
    return at.run()


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("slug", samples.SLUGS)
def test_the_timeline_shows_each_samples_activity_in_both_languages(slug, lang, store):
    sample = samples.load_sample(slug)
    token = store.create(plan_mod.from_sample(slug, sample.profile, sample.goals, dt.date.today()))[0]
    at = open_page("pages/timeline.py", lang, token)
    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "timelinepage.title")
    rows = i18n.number(lang, len(sample.activity))
    assert any(f"{rows} " in c.value for c in at.caption)
    titles = [json.dumps(spec.get("title", "")) + json.dumps(spec.get("vconcat", "")) for spec in _charts(at)]
    assert len(titles) >= 3
    assert any(i18n.t(lang, "timeline.heat.title") in title for title in titles)
    headings = [h.value for h in at.header]
    for key in ("in", "time", "when", "where", "worked", "calendar"):
        assert i18n.t(lang, f"timelinepage.{key}.title") in headings
    assert at.get("component_instance"), "the map is drawn"


def test_a_real_export_is_imported_through_the_page_and_listed(empty_token):
    at = open_page("pages/timeline.py", "en", empty_token)
    assert any(i.value == i18n.t("en", "timelinepage.no_activity") for i in at.info)
    at.file_uploader[0].upload(INSTAGRAM.name, INSTAGRAM.read_bytes(), "text/csv").run()
    assert not at.exception
    shown = _text(at.success)
    assert INSTAGRAM.name in shown and "Instagram" in shown and "32" in shown
    assert [(e.platform, e.rows, e.file) for e in _entries(empty_token)] == [("instagram", 32, INSTAGRAM.name)]
    assert INSTAGRAM.name in _text(at.markdown)
    assert any("32 " in c.value for c in at.caption)  # the charts now run on the imported rows
    assert at.file_uploader[0].value in (None, [])  # a fresh uploader: the file is not imported twice
    at.run()
    assert len(_entries(empty_token)) == 1


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_broken_file_gets_its_own_message_and_changes_nothing(lang, empty_token):
    at = open_page("pages/timeline.py", lang, empty_token)
    at.file_uploader[0].upload(INSTAGRAM.name, INSTAGRAM.read_bytes(), "text/csv").run()
    before = _entries(empty_token)
    at.file_uploader[0].set_value(
        [
            (BROKEN.name, BROKEN.read_bytes(), "application/octet-stream"),
            (SHOPIFY.name, SHOPIFY.read_bytes(), "text/csv"),
        ]
    ).run()
    assert not at.exception
    errors = [e.value.replace("\\", "") for e in at.error]
    assert len(errors) == 2
    assert BROKEN.name in errors[0] and "password" in errors[0].lower()
    assert SHOPIFY.name in errors[1] and "Shopify" in errors[1]
    assert _entries(empty_token) == before


def test_the_same_file_twice_is_not_counted_twice(empty_token):
    at = open_page("pages/timeline.py", "en", empty_token)
    at.file_uploader[0].upload(INSTAGRAM.name, INSTAGRAM.read_bytes(), "text/csv").run()
    at.file_uploader[0].upload(INSTAGRAM.name, INSTAGRAM.read_bytes(), "text/csv").run()
    assert len(_entries(empty_token)) == 1
    assert INSTAGRAM.name in _text(at.info)


def test_an_import_can_be_removed(empty_token):
    at = open_page("pages/timeline.py", "en", empty_token)
    at.file_uploader[0].upload(INSTAGRAM.name, INSTAGRAM.read_bytes(), "text/csv").run()
    entry = _entries(empty_token)[0]
    at.button(key=wkey(at, empty_token, f"imports:activity#remove{entry.id}")).click().run()
    assert _entries(empty_token) == []
    assert any(i.value == i18n.t("en", "timelinepage.no_activity") for i in at.info)


def test_an_offline_action_added_by_hand_appears_in_the_activity(sample_token, store):
    rows = len(samples.load_sample("forno").activity)
    at = open_page("pages/timeline.py", "it", sample_token)
    at.selectbox(key="w:offline_new#kind").set_value("tasting")
    at.text_input(key="w:offline_new#note").input("Degustazione di lievitati")
    at.text_input(key="w:offline_new#town").input("Frascati").run()
    at.button(key=wkey(at, sample_token, "offline_add")).click().run()
    assert not at.exception
    saved = _plan(store, sample_token)["offline"]
    assert len(saved) == 1 and saved[0]["kind"] == "tasting" and saved[0]["place"] == "Frascati"
    assert 41.7 < saved[0]["lat"] < 41.9 and saved[0]["date"] == dt.date.today().isoformat()
    assert any(f"{i18n.number('it', rows + 1)} " in c.value for c in at.caption)
    assert "Degustazione di lievitati" in _text(at.markdown)
    assert at.text_input(key="w:offline_new#note").value == ""  # the form is ready for the next one
    at.button(key=wkey(at, sample_token, "remove_offline_o1")).click().run()
    assert _plan(store, sample_token)["offline"] == []


def test_an_ambiguous_place_asks_which_one_before_the_action_is_added(sample_token, store):
    at = open_page("pages/timeline.py", "en", sample_token)
    at.text_input(key="w:offline_new#town").input("Castro").run()
    assert any("Castro" in i.value for i in at.info)
    at.button(key=wkey(at, sample_token, "offline_add")).click().run()
    assert _plan(store, sample_token)["offline"] == []
    picker = next(s for s in at.selectbox if str(s.key).startswith("w:offline_new#pick:castro"))
    picker.select_index(0).run()
    at.button(key=wkey(at, sample_token, "offline_add")).click().run()
    saved = _plan(store, sample_token)["offline"]
    assert len(saved) == 1 and saved[0]["place"] == "Castro" and saved[0]["lat"] is not None


def test_an_offline_action_with_a_place_that_is_not_found_is_not_added(sample_token, store):
    at = open_page("pages/timeline.py", "en", sample_token)
    at.text_input(key="w:offline_new#town").input("Xyzzyville").run()
    at.button(key=wkey(at, sample_token, "offline_add")).click().run()
    assert _plan(store, sample_token)["offline"] == []
    assert any("Xyzzyville" in e.value for e in at.error)


def test_a_calendar_row_is_saved_and_checked_against_what_was_done(sample_token, store):
    posts = samples.load_sample("forno").activity
    posted = posts.loc[posts["platform"] == "instagram", "when"].iloc[0].date()
    at = open_page("pages/timeline.py", "en", sample_token)
    _edit_calendar(
        at,
        {"date": posted.isoformat(), "channel": "Instagram", "title": "Cornetti"},
        {
            "date": (dt.date.today() + dt.timedelta(days=10)).isoformat(),
            "time": "08:30:00.000",
            "channel": "Offline",
            "title": "Sagra del pane",
            "place": "Frascati",
        },
    )
    assert not at.exception
    saved = _plan(store, sample_token)["calendar"]
    assert [(c["id"], c["channel"], c["status"]) for c in saved] == [
        ("c1", "instagram", "planned"),
        ("c2", "offline", "planned"),
    ]
    assert saved[1]["time"] == "08:30" and saved[1]["lat"] is not None
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("en", "timeline.calendar.outcome.done")] == "1"
    assert metrics[i18n.t("en", "timeline.calendar.outcome.upcoming")] == "1"
    version = store.load(sample_token)[1]
    at.run()
    assert store.load(sample_token)[1] == version  # an unchanged table is not saved again


def test_a_stored_calendar_item_the_table_cannot_show_is_kept_when_the_table_is_edited(sample_token, store):
    broken = {"id": "c9", "date": "someday", "channel": "instagram", "title": "Old"}
    plan, _ = store.load(sample_token)
    store.apply(sample_token, [plan_mod.Change(("calendar",), plan["calendar"], [broken])])
    at = open_page("pages/timeline.py", "en", sample_token)
    assert any("someday" in w.value.replace("\\", "") for w in at.warning)
    _edit_calendar(at, {"date": "2026-12-01", "channel": "Instagram", "title": "New"})
    saved = _plan(store, sample_token)["calendar"]
    assert [c["title"] for c in saved] == ["New", "Old"] and saved[1] == broken


def test_an_invalid_calendar_row_is_refused_naming_the_row(sample_token, store):
    at = open_page("pages/timeline.py", "en", sample_token)
    _edit_calendar(
        at,
        {"date": "2026-12-01", "channel": "Instagram", "title": "Ok"},
        {"date": "2026-12-02", "channel": "Instagram"},
    )
    assert _plan(store, sample_token)["calendar"] == []
    problems = _text(at.error)
    assert "Row 2" in problems and "'Title'" in problems  # the field as the table names it


@pytest.fixture
def downloads(monkeypatch):
    files: dict[str, bytes] = {}

    class Recording(MemoryMediaFileStorage):
        def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
            if filename:
                files[filename] = path_or_data
            return super().load_and_get_id(path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)
    return files


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_calendar_downloads_as_ics_with_one_event_per_item_and_as_csv(lang, sample_token, downloads):
    at = open_page("pages/timeline.py", lang, sample_token)
    channel = i18n.t(lang, "timeline.channel.instagram")
    _edit_calendar(
        at,
        {"date": "2026-12-01", "channel": channel, "title": "END:VEVENT\nBEGIN:VEVENT"},
        {"date": "2026-12-03", "channel": channel, "title": '=HYPERLINK("x")'},
        {"date": "2026-12-05", "channel": channel, "title": "Panettone"},
    )
    at.run()
    names = sorted(downloads)
    ics = next(n for n in names if n.endswith(".ics"))
    csv = next(n for n in names if n.endswith(".csv"))
    assert re.fullmatch(r"rotta-[a-z0-9-]+\.ics", ics) and re.fullmatch(r"rotta-[a-z0-9-]+\.csv", csv)
    events = icalendar.Calendar.from_ical(downloads[ics]).walk("VEVENT")
    assert len(events) == 3
    assert any("END:VEVENT" in str(e["SUMMARY"]) for e in events)
    rows = list(csv_mod.reader(io.StringIO(downloads[csv].decode("utf-8-sig")), delimiter=";" if lang == "it" else ","))
    assert len(rows) == 4 and rows[2][3] == '\'=HYPERLINK("x")'


def test_when_the_posts_are_too_few_the_grid_says_so_and_suggests_a_test(store):
    sample = samples.load_sample("officina")
    token = store.create(plan_mod.from_sample("officina", sample.profile, sample.goals, dt.date.today()))[0]
    at = open_page("pages/timeline.py", "en", token)
    at.button_group(key="timeline_when_channels:linkedin,youtube").set_value(["linkedin"]).run()
    assert not at.exception
    thin = i18n.t("en", "timeline.best.thin", posts=17, needed=30, min_cell=3)
    assert any(w.value == thin for w in at.warning)
    assert "4 weeks" in _text(at.markdown)


GBP_REPORT = EXPORTS / "google_business_profile" / "GBP_performance_report_2025-08-01_2025-08-31.csv"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_google_report_without_its_period_in_the_name_asks_for_it_then_imports_it(lang, empty_token):
    at = open_page("pages/timeline.py", lang, empty_token)
    at.file_uploader[0].upload("rapporto.csv", GBP_REPORT.read_bytes(), "text/csv").run()
    assert not at.exception and _entries(empty_token) == []
    assert "rapporto.csv" in _text(at.error)  # refused, saying why: the period is not in the file
    dates = [d for d in at.date_input if d.label == i18n.t(lang, "timelinepage.import.period.dates")]
    assert len(dates) == 1
    dates[0].set_value((dt.date(2025, 8, 1), dt.date(2025, 8, 31)))
    [b for b in at.button if b.label == i18n.t(lang, "timelinepage.import.period.import")][0].click().run()
    assert not at.exception
    [entry] = _entries(empty_token)
    assert (entry.platform, entry.file) == ("google_business", "rapporto.csv")
    table = resources.get_datasets().frame(empty_token, "activity")
    assert set(table["when"].dt.date) == {dt.date(2025, 8, 1)}  # dated the first day of the period given
    assert table["calls"].sum() == 454 and table["directions"].sum() == 1075  # the file's totals, by hand
    assert not [d for d in at.date_input if d.label == i18n.t(lang, "timelinepage.import.period.dates")]


def test_a_report_waiting_for_its_period_can_be_discarded(empty_token):
    at = open_page("pages/timeline.py", "en", empty_token)
    at.file_uploader[0].upload("rapporto.csv", GBP_REPORT.read_bytes(), "text/csv").run()
    [b for b in at.button if b.label == i18n.t("en", "timelinepage.import.period.discard")][0].click().run()
    assert not at.exception and _entries(empty_token) == []
    assert not [d for d in at.date_input if d.label == i18n.t("en", "timelinepage.import.period.dates")]
