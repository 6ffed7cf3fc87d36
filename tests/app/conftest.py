import datetime as dt
import hashlib
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core import samples
from core.plan import plan as plan_mod
from tests.conftest import ROOT
from ui import resources

TIMEOUT = 60
SECRET = "timone-e-vela"  # the facilitator's secret of the workshop the room tests open


def wkey(at: AppTest, token: str | None, *parts: object) -> str:
    """The key a page gave the widget of ``parts`` on ``token``'s plan, as found in ``at``'s session.

    Keys are "w:", the first 12 hex digits of the sha256 of the plan's token ("new" with no plan open;
    worked out here by hand), ".", the widgets' generation, ":", then ``parts`` joined by ":". The
    newest generation is the one on the page."""
    ref = hashlib.sha256(token.encode("utf-8")).hexdigest()[:12] if token else "new"
    pattern = re.compile(rf"w:{ref}\.(\d+):" + re.escape(":".join(str(p) for p in parts)))
    found = sorted((int(m.group(1)), m.group(0)) for k in at.session_state if (m := pattern.fullmatch(str(k))))
    assert found, f"no widget {':'.join(map(str, parts))} of plan {ref} in the session"
    return found[-1][1]


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


def markdown_tables(at: AppTest) -> list[pd.DataFrame]:
    """The Markdown tables on the page (``safe_text.markdown_table``), cells as written (still escaped)."""
    tables = []
    for element in at.markdown:
        lines = [line for line in str(element.value).splitlines() if line.startswith("|")]
        if len(lines) < 2 or not re.fullmatch(r"\|(---\|)+", lines[1]):
            continue
        rows = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
        tables.append(pd.DataFrame(rows[2:], columns=rows[0]))
    return tables
