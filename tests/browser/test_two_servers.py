"""Two identical app servers on one PostgreSQL database, as behind a load balancer with sticky sessions.

A participant joins and saves through one server; the facilitator's room view, served by the other,
sees it within seconds without reloading. Each run gets a throwaway schema (as in ``tests/pg.py``),
so runs sharing the database server never see each other's tables.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from bench.servers import scoped_database
from core import i18n
from tests import pg
from tests.browser.conftest import Server, after_run, app_errors, wait_ready
from tests.browser.test_workshop import answer_self_check, count, create_workshop, join, metric, new_tab, set_name

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """A new schema with the app's tables made once up front (two servers starting together would race)."""
    reason = pg.unavailable()
    if reason:
        pytest.skip(reason)
    with scoped_database(pg.POSTGRES_URL, "rotta_test") as url:
        yield url


@pytest.fixture(scope="module")
def servers(database_url: str) -> Iterator[tuple[Server, Server]]:
    started: list[Server] = []
    try:
        for _ in range(2):
            started.append(Server(Path(tempfile.mkdtemp(prefix="rotta-two-")), env={"DATABASE_URL": database_url}))
        yield started[0], started[1]
    finally:
        for server in started:
            server.stop()


def test_a_save_on_one_server_shows_in_the_room_on_the_other_within_seconds(browser: Browser, servers):
    first, second = servers
    local = "http://127.0.0.1:"  # both servers, nothing else
    facilitator, participant = new_tab(browser, local), new_tab(browser, local)
    try:
        code = create_workshop(facilitator, first.url)
        facilitator.evaluate("() => { window.__rotta_same_page = 42 }")
        expect(metric(facilitator, "room.export.joined")).to_have_text("0")

        token = join(participant, second.url, code.lower())
        expect(metric(facilitator, "room.export.joined")).to_have_text("1", timeout=15_000)
        answer_self_check(participant)
        expect(count(facilitator, "room.band.adrift", 1)).to_be_visible(timeout=15_000)

        set_name(participant, second.url, token, "Forno su due server")
        participant.goto(f"{second.url}/?plan={token}&lang=en")
        wait_ready(participant)
        after_run(participant, participant.get_by_text(i18n.t("en", "workshop.share.label")).click)
        expect(metric(facilitator, "room.export.sharing")).to_have_text("1", timeout=15_000)
        cells = facilitator.locator("[data-testid=stDataFrame] [role=gridcell]")
        expect(cells.filter(has_text="Forno su due server")).to_have_count(1, timeout=15_000)
        assert facilitator.evaluate("() => window.__rotta_same_page") == 42

        participant.goto(f"{first.url}/business?plan={token}&lang=en")  # the plan is the same on either server
        wait_ready(participant)
        expect(participant.get_by_label(i18n.t("en", "business.name"))).to_have_value("Forno su due server")
        assert app_errors(facilitator) == [] and app_errors(participant) == []
    finally:
        facilitator.context.close()
        participant.context.close()
