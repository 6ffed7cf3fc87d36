"""The Goals page in a real browser: "open an Instagram page" becomes a goal passing all five SMART letters."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core import i18n, samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import after_run, app_errors, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture
def store(server) -> store_mod.Store:
    return store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))


@pytest.mark.parametrize("lang", ["it", "en"])
def test_open_an_instagram_page_becomes_a_smart_goal_in_under_two_minutes(page: Page, server, store, lang):
    sample = samples.load_sample("forno")
    token = store.create(plan_mod.from_sample("forno", sample.profile, sample.goals, dt.date.today()))[0]
    started = time.monotonic()
    page.goto(f"{server.url}/goals?plan={token}&lang={lang}")
    wait_ready(page)
    page.get_by_text(i18n.t(lang, "goalspage.add")).click()
    after_run(page, page.get_by_role("button", name=i18n.t(lang, "goalspage.add_custom")).click)
    title = page.get_by_label(i18n.t(lang, "goals.field.title").capitalize(), exact=True)
    expect(title).to_have_value("", timeout=30_000)  # the new, empty goal is the one in the details (not a stale page)
    title.fill("Aprire una pagina Instagram" if lang == "it" else "Open an Instagram page")
    after_run(page, lambda: title.press("Enter"))
    better = page.get_by_role("button", name=i18n.t(lang, "goalspage.use_better"))
    expect(better).to_be_visible(timeout=30_000)
    after_run(page, better.click)
    expect(title).not_to_have_value(re.compile("Instagram page|pagina Instagram"), timeout=30_000)
    owner = page.get_by_label(i18n.t(lang, "goals.field.owner").capitalize(), exact=True)
    owner.fill("Giulia")
    after_run(page, lambda: owner.press("Enter"))
    print(store.load(token)[0]["goals"][-1])
    print(page.locator("[data-testid=stAlert]").all_inner_texts())
    for letter in "SMART":
        name = i18n.t(lang, f"goals.smart.letter.{letter}")
        expect(
            page.locator("[data-testid=stAlertContentSuccess]").filter(has_text=re.compile(rf"{letter} · {name}"))
        ).to_be_visible()
    assert time.monotonic() - started < 120
    goal = store.load(token)[0]["goals"][-1]
    assert goal["kpi"] and goal["kpi"] != "followers" and goal["owner"] == "Giulia"
    assert app_errors(page) == []


SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


@pytest.mark.parametrize(("size", "lang"), [("phone", "it"), ("laptop", "en"), ("phone", "en"), ("laptop", "it")])
def test_goals_are_entered_without_slips(page: Page, server, store, size, lang):
    """A template is offered once, the box stays open, a typed title shows in the picker at once and a typed
    deadline is saved on Enter, so the SMART check stops saying there is none."""
    sample = samples.load_sample("forno")
    token = store.create(plan_mod.from_sample("forno", sample.profile, sample.goals, dt.date.today()))[0]
    page.set_viewport_size(SIZES[size])
    page.goto(f"{server.url}/goals?plan={token}&lang={lang}")
    wait_ready(page)
    page.get_by_text(i18n.t(lang, "goalspage.add")).click()
    add = page.get_by_role("button", name=i18n.t(lang, "goalspage.add_this"), exact=True)
    expect(add.first).to_be_visible(timeout=30_000)
    offered = add.count()
    add.first.click()
    expect(page.get_by_text(i18n.t(lang, "goalspage.added_before"))).to_be_visible(timeout=30_000)
    wait_ready(page)
    assert len(store.load(token)[0]["goals"]) == len(sample.goals) + 1
    expect(add.first).to_be_enabled()  # the box is still open, with the next template first
    expect(add.last).to_be_disabled()  # the one just added, offered no more
    assert add.count() == offered

    page.get_by_role("button", name=i18n.t(lang, "goalspage.add_custom")).click()
    label = i18n.t(lang, "goals.field.title").capitalize()
    title = page.get_by_label(label, exact=True)
    page.wait_for_function(  # the new, empty goal in the details, and the previous goal's field gone
        "label => { const f = [...document.querySelectorAll(`input[aria-label='${label}']`)];"
        " return f.length === 1 && f[0].value === ''; }",
        arg=label,
        timeout=30_000,
    )
    wait_ready(page)
    typed = "Più clienti al Pigneto" if lang == "it" else "More customers in Pigneto"
    title.fill(typed)
    title.press("Enter")
    picker = page.get_by_role("combobox", name=i18n.t(lang, "goalspage.pick"), exact=True)
    expect(picker).to_have_value(typed, timeout=30_000)
    wait_ready(page)

    deadline = page.get_by_label(i18n.t(lang, "goals.field.deadline").capitalize(), exact=True)
    deadline.fill("31/03/2027")
    deadline.press("Enter")  # Enter alone, the field keeps the focus
    time_bound = re.compile(rf"T · {re.escape(i18n.t(lang, 'goals.smart.letter.T'))}")
    expect(page.locator("[data-testid=stAlertContentSuccess]").filter(has_text=time_bound)).to_be_visible(
        timeout=30_000
    )
    assert store.load(token)[0]["goals"][-1]["deadline"] == "2027-03-31"
    assert store.load(token)[0]["goals"][-1]["title"] == typed
    expect(picker).to_have_value(typed)
    assert app_errors(page) == []


@pytest.mark.parametrize(("size", "lang"), [("phone", "it"), ("laptop", "en"), ("phone", "en"), ("laptop", "it")])
def test_a_goal_in_ones_own_words_is_checked_as_it_is_typed(page: Page, server, store, size, lang):
    token = store.create(plan_mod.new_plan(dt.date.today()))[0]
    page.set_viewport_size(SIZES[size])
    page.goto(f"{server.url}/goals?plan={token}&lang={lang}")
    wait_ready(page)
    draft = page.get_by_label(i18n.t(lang, "goalspage.draft.label"), exact=True)
    expect(draft).to_be_visible()  # on the first screen, no box to open
    assert draft.bounding_box()["y"] < SIZES[size]["height"]
    typed = "più follower" if lang == "it" else "more followers"
    draft.press_sequentially(typed, delay=40)  # typed, never Enter nor leaving the field
    said = i18n.t(lang, "goals.vanity.followers", title=typed)
    expect(page.locator("[data-testid=stAlertContentWarning]").filter(has_text=said)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(f"M · {i18n.t(lang, 'goals.smart.letter.M')}")).to_be_visible()
    expect(draft).to_be_focused()
    after_run(page, page.get_by_role("button", name=i18n.t(lang, "goalspage.use_better_add")).click)
    expect(page.get_by_role("combobox", name=i18n.t(lang, "goalspage.pick"), exact=True)).to_be_visible(timeout=30_000)
    saved = store.load(token)[0]["goals"]
    assert len(saved) == 1 and saved[0]["kpi"] not in (None, "followers")
    assert app_errors(page) == []
