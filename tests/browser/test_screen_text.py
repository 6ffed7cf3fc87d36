"""What every page says, read in a real browser with a sample loaded: numbers, amounts and dates written in the
page's language (no ``56.99999999999999``, ``20400.0``, ``None``, ``nan`` nor ISO date on an Italian page).

The Italian pages are read on a phone (390x844), the English ones on a laptop (1366x768): the text is the same at
both widths, and each width is met once."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from core import samples
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from tests.browser.conftest import Server, app_errors, guarded_context, new_page, wait_ready

pytestmark = pytest.mark.browser
PAGES = ("", "business", "goals", "market", "timeline", "monitor", "plan")
SCREENS = {"it": {"width": 390, "height": 844}, "en": {"width": 1366, "height": 768}}
SLUGS = ("forno", "cantina")

# What a number or a date looks like when it reached the screen without a formatter.
RAW_NUMBERS = {
    "float artefact": r"\d\.\d{6,}",
    # A whole number written as a float (20400.0, 5.0). Left alone: 20.400 (Italian thousands), 10.71.10 (an
    # ATECO code), and a measure given to one decimal on purpose (5.0%, 1.0 points, 2.0 km).
    "count ending in .0": r"(?<![\d.,])\d[\d,]*\.0(?![\d%.]|\s*(?:points|km)\b)",
    "None": r"\bNone\b",
    "nan": r"\b(?:nan|NaN)\b",
}
ITALIAN_DATES = {
    "ISO date": r"\b\d{4}-\d{2}-\d{2}\b",
    "year-first date": r"\b\d{4}\s*/\s*\d{2}\s*/\s*\d{2}\b",
}


def raw_values(text: str, lang: str) -> list[str]:
    """Each raw number or date in ``text``, named, with the text around it."""
    patterns = {**RAW_NUMBERS, **(ITALIAN_DATES if lang == "it" else {})}
    found = []
    for name, pattern in patterns.items():
        for match in re.finditer(pattern, text):
            around = text[max(0, match.start() - 40) : match.end() + 20].replace("\n", " ")
            found.append(f"{name}: {match.group(0)!r} in …{around}…")
    return found


# Everything a user can read: the page's text, the text of table grids (drawn on a canvas, with an accessible copy
# in the page), and what stands in the fields (their values and placeholders; a date field's hidden helper input,
# out of the tab order, holds an ISO value nobody sees: its segments are in the page's text).
_FIELDS = """() => Array.from(document.querySelectorAll('[data-testid=stMain] input, [data-testid=stMain] textarea'))
    .filter(e => e.type !== 'hidden' && e.type !== 'file' && e.tabIndex >= 0)
    .map(e => [e.value, e.placeholder].join('\\n')).join('\\n')"""
_GRIDS = """() => Array.from(document.querySelectorAll('[data-testid=stDataFrame] th, [data-testid=stDataFrame] td'))
    .map(c => c.textContent).join('\\n')"""
_CHARTS_DRAWN = (
    """() => Array.from(document.querySelectorAll('.vega-embed')).every(e => e.querySelector('svg, canvas'))"""
)


def screen_text(page: Page) -> str:
    """The page's text once it stops changing (a page may rerun once after its first run, e.g. for its map)."""
    page.wait_for_function(_CHARTS_DRAWN, timeout=30_000)

    def read() -> str:
        return "\n".join(
            [page.locator("[data-testid=stMain]").inner_text(), page.evaluate(_GRIDS), page.evaluate(_FIELDS)]
        )

    before, text = None, read()
    for _ in range(60):  # poll until two reads half a second apart agree
        if text == before:
            break
        page.wait_for_timeout(500)
        wait_ready(page, 90_000)
        before, text = text, read()
    return text


@pytest.fixture(scope="module")
def screens(browser: Browser, server: Server) -> dict[tuple[str, str], dict[str, str]]:
    """The text of every page of every sample in both languages, read once for the tests of this module."""
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    read: dict[tuple[str, str], dict[str, str]] = {}
    for slug in SLUGS:
        sample = samples.load_sample(slug)
        token = store.create(plan_mod.from_sample(slug, sample.profile, sample.goals, dt.date.today()))[0]
        for lang, size in SCREENS.items():
            context = guarded_context(browser, server.url)
            context.set_default_timeout(90_000)
            page = new_page(context)
            page.set_viewport_size(size)
            texts = {}
            for route in PAGES:
                page.goto(f"{server.url}/{route}?plan={token}&lang={lang}")
                wait_ready(page, 90_000)
                texts[route or "start"] = screen_text(page)
            assert app_errors(page) == []
            context.close()
            read[(slug, lang)] = texts
    return read


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Valore di partenza 56.99999999999999", "it", "float artefact"),
        ("Traguardo\n20400.0\n", "it", "count ending in .0"),
        ("Post a settimana 5.0", "en", "count ending in .0"),
        ("Owner None", "en", "None"),
        ("Share nan", "en", "nan"),
        ("Scadenza 2026-12-31", "it", "ISO date"),
        ("Scadenza\n2026\n/\n12\n/\n31", "it", "year-first date"),
    ],
)
def test_the_detector_finds_a_planted_raw_value(text, lang, expected):
    assert [f.split(":")[0] for f in raw_values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("20.400 persone · 1.234.567,5 € · 57% · 31/12/2026", "it"),
        ("Settore 10.71.10 · 11.02.10", "it"),
        ("20,400 people · €1,234.50 · 5.0% · down 1.0 points · 2.0 km · 31 Dec 2026", "en"),
        ("Deadline 2026-12-31", "en"),  # ISO dates are judged on Italian pages only
        ("Nonetheless, a nanny", "en"),
    ],
)
def test_the_detector_leaves_formatted_values_alone(text, lang):
    assert raw_values(text, lang) == []


@pytest.mark.parametrize("lang", list(SCREENS))
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_writes_its_numbers_and_dates_in_the_language_of_the_page(screens, slug, lang):
    found = {route: raw_values(text, lang) for route, text in screens[(slug, lang)].items()}
    assert {route: f for route, f in found.items() if f} == {}
