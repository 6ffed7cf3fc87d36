"""A long paste into a field with a limit, in Chromium at phone and laptop widths: the field keeps what fits and
says so (issue 21 point 6: a 544-character business name left the field empty with no message)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core import i18n
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import app_errors, wait_ready

pytestmark = pytest.mark.browser
PASTE = "Panificio e pasticceria artigianale " * 16  # 576 characters, as pasted from a website's "about" text


@pytest.mark.parametrize(("width", "height", "lang"), [(390, 844, "it"), (1366, 768, "en")])
def test_a_long_business_name_keeps_its_first_120_characters_and_the_page_says_so(
    page: Page, server, width, height, lang
):
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    token, _ = store.create(plan_mod.new_plan(dt.date.today()))
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}/business?plan={token}&lang={lang}")
    wait_ready(page)
    field = page.get_by_label(i18n.t(lang, "business.name"), exact=True)
    field.fill(PASTE)  # what a paste does: the whole text at once
    field.press("Enter")
    told = i18n.t(lang, "input.cut", field=i18n.t(lang, "business.name"), max=120, length=len(PASTE))
    expect(page.locator("[data-testid=stToast]")).to_contain_text(told, timeout=20_000)
    expect(field).to_have_value(PASTE[:120], timeout=20_000)
    wait_ready(page)
    assert store.load(token)[0]["business"]["name"] == PASTE[:120].strip()
    example = i18n.t(lang, "business.name_placeholder")  # and the limit is said before anything is typed
    field.fill("")
    field.press("Enter")
    expect(field).to_have_attribute("placeholder", i18n.t(lang, "input.limit_after", example=example, max=120))
    assert app_errors(page) == []
