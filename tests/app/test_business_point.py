"""The business's point, set by a tap on the Business page's map (the map's tap is given to the page as
st_folium hands it over: a ``last_clicked`` under the map's key)."""

import datetime as dt
import math
import re

import pytest

from core import i18n, samples
from core.plan import plan as plan_mod
from tests.app.conftest import open_page, wkey
from ui import resources

PAGE = "pages/business.py"
KM_LAT = math.pi / 180 * 6371.0088


@pytest.fixture
def roma_token(store) -> str:
    """A plan whose business is in Roma, at the comune's centre (as the town picker leaves it)."""
    plan = plan_mod.new_plan(dt.date.today())
    centre = resources.get_gazetteer().comuni().set_index("istat").loc["058091"]
    town = {"name": "Roma", "comune_istat": "058091", "province": "RM", "region": "Lazio", "country": "IT",
            "lat": float(centre["lat"]), "lon": float(centre["lon"]), "approx": False}  # fmt: skip
    plan["business"] |= {"name": "Forno di prova", "town": town}
    return store.create(plan)[0]


def _shown(markdown: str) -> str:
    """A caption as the reader sees it: Markdown's backslash escapes (user text is escaped) removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _tap(at, token: str, lat: float, lon: float):
    # st_folium is no widget AppTest knows: its key is the name field's with the map's name instead
    key = wkey(at, token, "business/name").removesuffix("business/name") + "business_map"
    at.session_state[key] = {"last_clicked": {"lat": lat, "lng": lon}}
    return at.run()


def test_a_tap_inside_the_comune_sets_the_business_point_in_the_plan(store, roma_token):
    at = open_page(PAGE, "en", roma_token)
    assert any(_shown(c.value) == i18n.t("en", "maps.point.at_centre", town="Roma") for c in at.caption)

    _tap(at, roma_token, 41.8886, 12.5297)  # the Pigneto

    assert not at.exception
    town = store.load(roma_token)[0]["business"]["town"]
    assert (town["lat"], town["lon"], town["pinned"]) == (41.8886, 12.5297, True)
    assert town["comune_istat"] == "058091" and town["name"] == "Roma"
    centre = resources.get_gazetteer().comuni().set_index("istat").loc["058091"]
    km = math.hypot((41.8886 - centre["lat"]) * KM_LAT,
                    (12.5297 - centre["lon"]) * KM_LAT * math.cos(math.radians(41.89)))  # fmt: skip
    assert any(f"41.8886 N, 12.5297 E, {km:.1f} km from the centre of Roma" in _shown(c.value) for c in at.caption)


def test_a_tap_outside_the_comune_is_refused_and_the_page_says_why(store, roma_token):
    at = open_page(PAGE, "en", roma_token)
    _tap(at, roma_token, 45.4642, 9.19)  # Milano

    town = store.load(roma_token)[0]["business"]["town"]
    assert "pinned" not in town
    assert any(_shown(w.value).startswith("That point is outside Roma") for w in at.warning)


def test_the_point_goes_back_to_the_comune_centre_on_request(store, roma_token):
    at = open_page(PAGE, "en", roma_token)
    centre = resources.get_gazetteer().comuni().set_index("istat").loc["058091"]
    _tap(at, roma_token, 41.8886, 12.5297)
    next(b for b in at.button if b.label == i18n.t("en", "maps.point.reset")).click().run()

    town = store.load(roma_token)[0]["business"]["town"]
    expected = (round(float(centre["lat"]), 6), round(float(centre["lon"]), 6), False)
    assert (town["lat"], town["lon"], town["pinned"]) == expected


def test_the_bakery_sample_sits_at_the_pigneto_not_at_the_centre_of_rome():
    town = samples.load_sample("forno").profile["business"]["town"]
    colosseum_side = (41.8933, 12.4829)  # where it used to be drawn

    assert town["pinned"] is True
    assert (round(town["lat"], 3), round(town["lon"], 3)) == (41.889, 12.530)  # the Pigneto, about 41.888 N 12.528 E
    moved = math.hypot((town["lat"] - colosseum_side[0]) * KM_LAT,
                       (town["lon"] - colosseum_side[1]) * KM_LAT * math.cos(math.radians(41.89)))  # fmt: skip
    assert moved > 3.5
