"""A workshop in real browsers, as a participant lives it: a facilitator on a laptop and three phones (390x844).

The database, not only the screen, says what happened: whether each phone's plan is still the room's, what it
holds, and that a tap inside the window after Back wrote nothing of the page it was made on into the plan
behind the link (at low load and with the machine kept busy by CPU burners the test starts and stops).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bench.measure import Offline
from core import i18n
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from core.workshop.store import WorkshopStore
from tests.browser.conftest import Server, after_run, app_errors, new_page, wait_ready
from tests.browser.test_workshop import create_workshop, join, metric

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
SHOTS = os.environ.get("ROTTA_SHOTS")  # a folder for screenshots to look at, when set
PLAN = re.compile(r"plan=([A-Za-z0-9_-]{43})")


def t(key: str, **params: object) -> str:
    return i18n.t("en", key, **params)


def device(browser: Browser, base: str, viewport: dict[str, int]) -> Page:
    """A page in a context of its own (cookies, session) at ``viewport``, with the offline guard."""
    ctx: BrowserContext = browser.new_context(locale="en-GB", viewport=viewport, has_touch=viewport == PHONE)
    ctx.offline_guard = Offline(base)  # type: ignore[attr-defined]
    ctx.route("**/*", ctx.offline_guard)  # type: ignore[attr-defined]
    return new_page(ctx)


@pytest.fixture
def db(server: Server) -> tuple[store_mod.Store, WorkshopStore]:
    """The server's own database, read directly."""
    data = Path(server.log.name).parent
    plans = store_mod.Store(store_mod.make_engine(store_mod.default_url(data)))
    return plans, WorkshopStore(plans)


@pytest.fixture
def room(browser: Browser, server: Server) -> Iterator[tuple[Page, str, list[Page]]]:
    """A facilitator's laptop with a new workshop's room open, its code, and three phones (not joined yet)."""
    laptop = device(browser, server.url, LAPTOP)
    code = create_workshop(laptop, server.url)
    phones = [device(browser, server.url, PHONE) for _ in range(3)]
    yield laptop, code, phones
    for page in [laptop, *phones]:
        assert app_errors(page) == []
        page.context.close()


def token_of(page: Page) -> str:
    found = PLAN.search(page.url)
    assert found, page.url
    return found.group(1)


def shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def test_three_phones_load_samples_and_stay_in_the_room_until_one_leaves(room, server, db):
    laptop, code, phones = room
    plans, workshops = db
    tokens = [join(phone, server.url, code) for phone in phones]
    expect(metric(laptop, "room.export.joined")).to_have_text("3", timeout=20_000)
    slugs = ["forno", "cantina", "officina"]
    names = {}
    for n, (phone, slug) in enumerate(zip(phones, slugs, strict=True)):
        phone.get_by_role("button", name=t("start.room.fill_sample")).nth(n).click()
        confirm = phone.get_by_role("button", name=t("start.room.yes_replace"))
        expect(confirm).to_be_visible()
        asks = t("start.room.confirm_sample", sample="§", current="§").split("§")[0]
        expect(phone.get_by_text(re.compile("^" + re.escape(asks)))).to_be_visible()
        confirm.click()
        filled = t("start.room.filled", sample=i18n.t("en", f"samples.{slug}.name"))
        expect(phone.get_by_text(filled)).to_be_visible()  # said in the card tapped, once the plan is filled
        wait_ready(phone)
        expect(phone.get_by_text(t("workshop.share.label"))).to_have_count(1)  # still in the room
        names[slug] = plans.load(tokens[n])[0]["business"]["name"]
        shot(phone, f"phone-after-sample-{slug}")

    for phone, token, slug in zip(phones, tokens, slugs, strict=True):
        assert token_of(phone) == token  # the same plan, the room's
        saved, _ = plans.load(token)
        assert saved["sample"] == slug and saved["room"]["workshop"] and names[slug]
        assert workshops.seat(token) is not None
    assert len({m.plan["business"]["name"] for m in workshops.room_snapshot(workshops.seat(tokens[0])[0].id)}) == 3
    expect(metric(laptop, "room.export.joined")).to_have_text("3")

    leaving = phones[2]
    leaving.get_by_role("button", name=t("start.room.leave")).click()
    after_run(leaving, leaving.get_by_role("button", name=t("start.room.leave_yes")).click)
    expect(leaving.get_by_text(t("workshop.share.label"))).to_have_count(0)
    assert workshops.seat(tokens[2]) is None and plans.load(tokens[2]) is not None
    expect(metric(laptop, "room.export.joined")).to_have_text("2", timeout=20_000)  # the room says so
    shot(laptop, "laptop-room-after-one-left")


def test_a_phone_sees_the_workshop_first(room, server):
    laptop, code, phones = room
    for phone in phones:
        join(phone, server.url, code)
    for n, phone in enumerate(phones):
        switch = phone.get_by_text(t("workshop.share.label"))
        title = phone.get_by_role("heading", name=t("start.title"))
        box, heading = switch.bounding_box(), title.bounding_box()
        assert box and heading
        assert box["y"] + box["height"] <= PHONE["height"], "the consent switch is below the first screen"
        assert box["y"] < heading["y"]
        block = phone.get_by_text(t("start.room.you", n=n + 1))
        expect(block).to_be_in_viewport()
        expect(phone.get_by_text(re.compile("^" + re.escape(t("start.room.where", steps="")))).first).to_be_visible()
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px phone"
        shot(phone, f"phone-start-participant-{n + 1}")


def own_plan(plans: store_mod.Store, name: str) -> str:
    doc = plan_mod.new_plan(dt.date.today())
    doc["business"]["name"] = name
    return plans.create(doc)[0]


BACK_AND_TAP = """async ([index, label, sample]) => {
    const back = new Promise(resolve => window.addEventListener('popstate', resolve, {once: true}));
    history.back();
    await back;  // the address is the user's own plan again; the page has not been redrawn yet
    const shown = document.body.innerText.includes(sample);
    const radio = document.querySelectorAll('[data-testid=stRadio]')[index];
    const option = [...radio.querySelectorAll('label')].find(l => l.innerText.trim() === label);
    option.click();
    return {shown, url: location.href};
}"""


@pytest.fixture(params=["quiet", "busy"])
def load(request) -> Iterator[str]:
    """Nothing more, or one CPU burner per core for the test's duration (stopped by their own ids)."""
    burners = []
    if request.param == "busy":
        burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    yield request.param
    for proc in burners:
        proc.kill()
        proc.wait(10)


def test_a_tap_inside_the_back_window_writes_nothing_of_the_sample_into_ones_own_plan(room, server, db, load):
    laptop, code, phones = room
    plans, _ = db
    sample_name = i18n.t("en", "samples.forno.name").split(" · ")[0]
    questions = ["goals", "kpi", "measure", "relationships", "market", "where", "calendar", "places"]
    for n, phone in enumerate(phones):
        own = own_plan(plans, f"Bottega {n + 1}")
        phone.goto(f"{server.url}/?plan={own}&lang=en")
        wait_ready(phone)
        phone.get_by_role("button", name=t("frame.load_sample")).first.click()
        phone.wait_for_url(lambda url, own=own: "plan=" in url and own not in url)
        wait_ready(phone)
        sample = token_of(phone)
        answers = dict(plans.load(sample)[0]["selfcheck"])
        expect(phone.get_by_text(sample_name).first).to_be_attached()
        index = 3 + n  # a different question on each phone; the sample's answer to it is on screen
        tapped = t("selfcheck.no") if answers[questions[index]] != 0 else t("selfcheck.yes")
        seen = phone.evaluate(BACK_AND_TAP, [index, tapped, sample_name])
        assert seen["shown"] and own in seen["url"], "the tap must land while the sample is still on screen"
        phone.wait_for_url(re.compile(f"plan={re.escape(own)}"))
        wait_ready(phone)
        expect(phone.get_by_role("radio").first).to_be_attached()

        mine = plans.load(own)[0]["selfcheck"]
        assert mine == {}, f"{load}: the sample's answers reached one's own plan: {mine}"
        assert plans.load(sample)[0]["selfcheck"] == answers  # and the sample kept its own
        assert token_of(phone) == own
    shot(phones[0], f"phone-after-back-{load}")
