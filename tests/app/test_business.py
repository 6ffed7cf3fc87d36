import pandas as pd
import pytest

from core import i18n
from tests.app.conftest import open_page, wkey


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_business_page_shows_the_sample_business(lang, sample_token, store):
    at = open_page("pages/business.py", lang, sample_token)
    assert not at.exception
    plan, _ = store.load(sample_token)
    assert at.title[0].value == i18n.t(lang, "business.title")
    assert at.text_input(key=wkey(at, sample_token, "business/name")).value == plan["business"]["name"]
    # The channels table shows the saved channels, one row each, labelled in the page's language.
    shown = [
        (r["channel"], None if pd.isna(r["followers"]) else int(r["followers"]), float(r["posts_per_week"]))
        for r in at.dataframe[0].value.to_dict("records")
    ]
    saved = plan["business"]["channels"]
    assert len(saved) == 4  # the forno sample: Instagram, Facebook, Google Business Profile, WhatsApp
    assert shown == [
        (i18n.t(lang, f"kpis.channel.{c['channel']}"), c["followers"], float(c["posts_per_week"])) for c in saved
    ]
    captions = " ".join(c.value for c in at.caption)
    assert plan["business"]["town"]["name"] in captions


def test_typing_the_name_saves_it_at_once(empty_token, store):
    at = open_page("pages/business.py", "en", empty_token)
    at.text_input(key=wkey(at, empty_token, "business/name")).input("Forno «Città» <b>").run()
    assert store.load(empty_token)[0]["business"]["name"] == "Forno «Città» <b>"


@pytest.mark.parametrize(
    ("town", "hint", "istat", "province"),
    [
        ("forli", "", "040012", "FC"),
        ("Bozen", "", "021008", "BZ"),
        ("Cantù", "", "013041", "CO"),
        ("frascati", "RM", "058039", "RM"),
    ],
)
def test_a_typed_town_is_found_offline_and_saved_with_coordinates(town, hint, istat, province, empty_token, store):
    at = open_page("pages/business.py", "it", empty_token)
    at.text_input(key=wkey(at, empty_token, "business/town#hint")).input(hint)
    at.text_input(key=wkey(at, empty_token, "business/town#town")).input(town).run()
    assert not at.exception
    saved = store.load(empty_token)[0]["business"]["town"]
    assert (saved["comune_istat"], saved["province"]) == (istat, province)
    assert 35 < saved["lat"] < 48 and 6 < saved["lon"] < 19


def test_an_unknown_town_is_reported_and_the_stored_town_kept(sample_token, store):
    before = store.load(sample_token)[0]["business"]["town"]
    at = open_page("pages/business.py", "en", sample_token)
    at.text_input(key=wkey(at, sample_token, "business/town#town")).input("Xyzzyville").run()
    assert any("Xyzzyville" in e.value for e in at.error)
    assert store.load(sample_token)[0]["business"]["town"] == before


def test_an_ambiguous_town_asks_which_one(empty_token, store):
    at = open_page("pages/business.py", "en", empty_token)
    at.text_input(key=wkey(at, empty_token, "business/town#town")).input("Castro").run()
    assert any("Castro" in i.value for i in at.info)
    picker = at.selectbox(key=wkey(at, empty_token, "business/town#pick"))
    picker.select_index(0).run()
    assert store.load(empty_token)[0]["business"]["town"]["name"] == "Castro"


def test_picking_markets_saves_them_in_path_order(empty_token, store):
    at = open_page("pages/business.py", "en", empty_token)
    at.get("button_group")[0].set_value(["abroad", "local"]).run()
    assert store.load(empty_token)[0]["business"]["markets"] == ["local", "abroad"]


def test_choosing_a_sector_from_a_search_saves_the_ateco_code(empty_token, store):
    at = open_page("pages/business.py", "it", empty_token)
    at.text_input(key="sector_query").input("pane").run()
    at.selectbox(key=wkey(at, empty_token, "sector:pane")).set_value("10.71.10").run()
    assert store.load(empty_token)[0]["business"]["sector"]["code"] == "10.71.10"


def test_without_a_plan_the_page_says_how_to_start():
    at = open_page("pages/business.py", "en")
    assert any(i18n.t("en", "frame.no_plan") in i.value for i in at.info)


def test_two_tabs_editing_the_same_field_never_silently_overwrite_each_other(sample_token, store):
    tab_a = open_page("pages/business.py", "en", sample_token)
    tab_b = open_page("pages/business.py", "en", sample_token)
    tab_a.text_input(key=wkey(tab_a, sample_token, "business/name")).input("Forno di Tab A").run()
    tab_b.text_input(key=wkey(tab_b, sample_token, "business/name")).input("Forno di Tab B").run()
    assert store.load(sample_token)[0]["business"]["name"] == "Forno di Tab A"
    warning = " ".join(w.value for w in tab_b.warning)
    assert "Forno di Tab B" in warning and "Forno di Tab A" in warning
    assert tab_b.text_input(key=wkey(tab_b, sample_token, "business/name")).value == "Forno di Tab A"


def test_two_tabs_editing_different_fields_both_keep_their_edits(sample_token, store):
    tab_a = open_page("pages/business.py", "en", sample_token)
    tab_b = open_page("pages/business.py", "en", sample_token)
    tab_a.text_input(key=wkey(tab_a, sample_token, "business/name")).input("Forno Nuovo").run()
    tab_b.get("button_group")[0].set_value(["local", "regional"]).run()
    business = store.load(sample_token)[0]["business"]
    assert business["name"] == "Forno Nuovo" and business["markets"] == ["local", "regional"]
