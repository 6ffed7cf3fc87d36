"""Parts of a page that rerun alone (the self-check, the business name): what they save lands, and what they do
not redraw (the path's links, the sidebar's plan name) is right at once when it must be, or on the next page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from core import i18n
from tests.browser.conftest import after_run, app_errors, wait_ready

pytestmark = pytest.mark.browser
TOKEN = re.compile(r"plan=([A-Za-z0-9_-]{43})")


@pytest.mark.parametrize("size", [(390, 844), (1366, 768)])
def test_the_first_answer_opens_a_plan_and_the_path_s_links_carry_it_at_once(page: Page, server, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{server.url}/?lang=en")
    wait_ready(page)
    radios = page.locator("[data-testid=stRadio]")
    radios.first.get_by_text(i18n.t("en", "selfcheck.partly"), exact=True).click()
    page.wait_for_url(TOKEN)
    wait_ready(page)
    token = TOKEN.search(page.url).group(1)
    hrefs = page.locator("a[href^='business']").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(f"plan={token}" in href for href in hrefs), hrefs  # the page followed the new plan
    after_run(page, radios.nth(1).get_by_text(i18n.t("en", "selfcheck.yes"), exact=True).click)
    page.goto(f"{server.url}/business?plan={token}&lang=en")
    wait_ready(page)
    field = page.get_by_label(i18n.t("en", "business.name"))
    field.fill("Forno di Prova")
    after_run(page, lambda: field.press("Enter"))
    page.goto(f"{server.url}/?plan={token}&lang=en")  # the next page view: the sidebar names the plan
    wait_ready(page)
    expect(page.locator("[data-testid=stSidebar]").get_by_text("Forno di Prova")).to_be_visible()
    expect(radios.nth(1).get_by_role("radio", name=i18n.t("en", "selfcheck.yes"), exact=True)).to_be_checked()
    assert app_errors(page) == []
