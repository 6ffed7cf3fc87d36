import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from core import samples
from core.plan import plan as plan_mod
from tests.conftest import ROOT
from ui import resources

TIMEOUT = 60
SECRET = "timone-e-vela"  # the facilitator's secret of the workshop the room tests open


def new_app(lang: str = "en", token: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    if token:
        at.query_params["plan"] = token
    return at


def open_page(script: str, lang: str = "en", token: str | None = None) -> AppTest:
    at = new_app(lang, token).run()
    if script != "app.py":
        at.switch_page(script).run()
    return at


@pytest.fixture
def store():
    return resources.get_store()


@pytest.fixture
def sample_token(store):
    sample = samples.load_sample("forno")
    plan = plan_mod.from_sample("forno", sample.profile, sample.goals, dt.date.today())
    return store.create(plan)[0]


@pytest.fixture
def empty_token(store):
    return store.create(plan_mod.new_plan(dt.date.today()))[0]


@pytest.fixture
def ws():
    from ui import room as room_ui

    return room_ui.get_workshops()


@pytest.fixture
def made(ws):
    from ui import room as room_ui

    return ws.create("Social per botteghe", dt.date(2026, 11, 27), "Perugia", "it", SECRET, room_ui.now())
