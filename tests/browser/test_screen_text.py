"""What every page says, read in a real browser with a sample loaded: numbers, amounts and dates written in the
page's language (no ``56.99999999999999``, ``20400.0``, ``None``, ``nan`` nor ISO date on an Italian page), and one
language on the screen (none of Streamlit's English words on an Italian page, none of the sample's Italian words on
an English one).

The Italian pages are read on a phone (390x844), the English ones on a laptop (1366x768): the text is the same at
both widths, and each width is met once."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from core import i18n, samples
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
NUMBER_FIELD = "number field: "  # marks the value of a number field in the text read
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


# Everything a user can read: the page's text as drawn (words a style sheet shrank to nothing left out, the words it
# writes with CSS ``content`` put in), the text of table grids (drawn on a canvas, with an accessible copy in the
# page), and what stands in the fields (values and placeholders; a date field's hidden helper input, out of the tab
# order, holds an ISO value nobody sees: its segments are in the page's text).
_DRAWN = """() => {
    const root = document.querySelector('[data-testid=stMain]');
    let text = root.innerText;
    const written = [];
    for (const e of root.querySelectorAll('*')) {
        if (getComputedStyle(e).fontSize === '0px' && e.innerText) text = text.replace(e.innerText, '');
        for (const pseudo of ['::before', '::after']) {
            const content = getComputedStyle(e, pseudo).content;
            if (content && content.startsWith('"')) written.push(content.slice(1, -1));
        }
    }
    return text + '\\n' + written.join('\\n');
}"""
_FIELDS = """() => Array.from(document.querySelectorAll('[data-testid=stMain] input, [data-testid=stMain] textarea'))
    .filter(e => e.type !== 'hidden' && e.type !== 'file' && e.tabIndex >= 0)
    .map(e => [e.value, e.placeholder].join('\\n')).join('\\n')"""
_NUMBER_FIELDS = """() => Array.from(document.querySelectorAll('[data-testid=stMain] input[type=number]'))
    .map(e => e.value).join('\\n')"""
_GRIDS = """() => Array.from(document.querySelectorAll('[data-testid=stDataFrame] th, [data-testid=stDataFrame] td'))
    .map(c => c.textContent).join('\\n')"""
_CHARTS_DRAWN = (
    """() => Array.from(document.querySelectorAll('.vega-embed')).every(e => e.querySelector('svg, canvas'))"""
)


def _drawn_with(page: Page, words: str, timeout: float = 10_000) -> str:
    """The page's text as drawn, once it holds ``words`` (Streamlit draws a field's instructions a frame after the
    field itself) or after ``timeout`` ms, for the test's assertion to say what was there instead."""
    try:
        page.wait_for_function(f"(words) => ({_DRAWN})().includes(words)", arg=words, timeout=timeout)
    except PlaywrightTimeout:
        pass
    return page.evaluate(_DRAWN)


def screen_text(page: Page) -> str:
    """The page's text once it stops changing (a page may rerun once after its first run, e.g. for its map)."""
    page.wait_for_function(_CHARTS_DRAWN, timeout=30_000)

    def read() -> str:
        return "\n".join([page.evaluate(_DRAWN), page.evaluate(_GRIDS), page.evaluate(_FIELDS)])

    before, text = None, read()
    for _ in range(60):  # poll until two reads half a second apart agree
        if text == before:
            break
        page.wait_for_timeout(500)
        wait_ready(page, 90_000)
        before, text = text, read()
    return text + "\n" + NUMBER_FIELD + page.evaluate(_NUMBER_FIELDS).replace("\n", "\n" + NUMBER_FIELD)


@pytest.fixture(scope="module")
def screens(browser: Browser, server: Server) -> dict[tuple[str, str], dict[str, str]]:
    """The text of every page of every sample in both languages, read once for the tests of this module."""
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    read: dict[tuple[str, str], dict[str, str]] = {}
    for slug in SLUGS:
        sample = samples.load_sample(slug)
        for lang, size in SCREENS.items():
            # as the Start page loads it in that language
            plan = plan_mod.from_sample(slug, *samples.in_language(sample, lang), dt.date.today())
            token = store.create(plan)[0]
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


# Streamlit's own English, as its widgets write it (1.67), and the sample's Italian words.
STREAMLIT_ENGLISH = {
    "select placeholder": r"Choose (?:an option|options)\b",
    "uploader button": r"\bUpload\b",
    "uploader while dragging": r"Drag and drop",
    "uploader limit": r"\d+ ?MB per file|Limit \d+",
    "enter hint": r"Press (?:Enter|Ctrl\+Enter|⌘\+Enter) to",
    "browse": r"Browse files",
    "date placeholder": r"\b(?:YYYY|yyyy)\b|\bdd\s*/\s*mm\b",
    "decimal point in a number field": NUMBER_FIELD + r"\d+\.\d",
}


def sample_italian() -> dict[str, str]:
    """The words a sample loaded in English must not show in Italian, with the Market's column header."""
    words = {"column header": r"\bComun[ei]\b"}
    for slug in samples.SLUGS:
        keys = [
            k for k in i18n.TEXTS if k.startswith(f"samples.{slug}.") and k.endswith((".title", ".actions", ".sector"))
        ]
        for key in keys:
            for n, line in enumerate(i18n.t("it", key).split("\n")):
                words[f"{key}.{n}"] = re.escape(line)
    return words


def other_language(text: str, lang: str) -> list[str]:
    """Words of the other language in ``text``: Streamlit's English on an Italian page, the sample's Italian on an
    English one."""
    patterns = STREAMLIT_ENGLISH if lang == "it" else sample_italian()
    found = []
    for name, pattern in patterns.items():
        for match in re.finditer(pattern, text):
            around = text[max(0, match.start() - 40) : match.end() + 20].replace("\n", " ")
            found.append(f"{name}: {match.group(0)!r} in …{around}…")
    return found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Settore\nChoose an option", "it", "select placeholder"),
        ("Canali\nChoose options", "it", "select placeholder"),
        ("upload\nUpload", "it", "uploader button"),
        ("Drag and drop a file here", "it", "uploader while dragging"),
        ("Limit 200MB per file", "it", "uploader limit"),
        ("Press Enter to submit form", "it", "enter hint"),
        ("Press Enter to apply", "it", "enter hint"),
        ("Scadenza\nyyyy\n/\nmm\n/\ndd", "it", "date placeholder"),
        ("Traguardo\n" + NUMBER_FIELD + "150.00", "it", "decimal point in a number field"),
        (
            "Sector: 11.02.10 · Produzione di vini, esclusi vini spumanti e altri vini speciali",
            "en",
            "samples.cantina.sector.0",
        ),
        ("Goal\nPiù clienti all'estero: 12 nuovi al mese entro dicembre", "en", "samples.cantina.g1.title.0"),
        ("Actions\nNewsletter mensile in inglese", "en", "samples.cantina.g1.actions.1"),
        ("Comune\tProvince\tCountry", "en", "column header"),
    ],
)
def test_the_language_detector_finds_a_planted_word_of_the_other_language(text, lang, expected):
    assert [f.split(":")[0] for f in other_language(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Carica\nTrascina qui il file\nPremi Invio per confermare\ngg / mm / aaaa\nScegli", "it"),
        ("Traguardo\n" + NUMBER_FIELD + "25500", "it"),
        ("Upload\nChoose an option\nPress Enter to apply", "en"),  # Streamlit's English is right on an English page
        ("Town\tProvince\tCountry · More customers abroad: 12 new a month by December · Roma", "en"),
    ],
)
def test_the_language_detector_leaves_the_pages_own_language_alone(text, lang):
    assert other_language(text, lang) == []


@pytest.mark.parametrize("lang", list(SCREENS))
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_speaks_only_the_language_of_the_page(screens, slug, lang):
    found = {route: other_language(text, lang) for route, text in screens[(slug, lang)].items()}
    assert {route: f for route, f in found.items() if f} == {}


_DROP = """el => {
    const files = new DataTransfer();
    files.items.add(new File(['{}'], 'piano.json', {type: 'application/json'}));
    el.dispatchEvent(new DragEvent('dragenter', {dataTransfer: files, bubbles: true}));
}"""


@pytest.mark.parametrize("lang", list(SCREENS))
def test_the_words_streamlit_shows_while_typing_or_dragging_are_in_the_language_of_the_page(page: Page, server, lang):
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(Path(os.environ["ROTTA_DATA_DIR"]))))
    token = store.create(plan_mod.new_plan(dt.date.today()))[0]
    page.set_viewport_size(SCREENS[lang])
    page.goto(f"{server.url}/business?plan={token}&lang={lang}")
    wait_ready(page)
    screen_text(page)  # settled: its map drawn and the rerun that follows it over, which would confirm the field
    page.get_by_label(i18n.t(lang, "business.name")).fill("Forno")  # typed, not yet confirmed
    page.locator("[data-testid=InputInstructions]").first.wait_for()
    drawn = _drawn_with(page, i18n.t(lang, "frame.builtin.enter_apply"))
    assert i18n.t(lang, "frame.builtin.enter_apply") in drawn and other_language(drawn, lang) == []

    page.goto(f"{server.url}/workshop?lang={lang}")
    wait_ready(page)
    page.get_by_label(i18n.t(lang, "workshop.create.title")).fill("Social per botteghe")  # in a form
    page.locator("[data-testid=stForm] [data-testid=InputInstructions]").first.wait_for()
    drawn = _drawn_with(page, i18n.t(lang, "frame.builtin.enter_submit"))
    assert i18n.t(lang, "frame.builtin.enter_submit") in drawn and other_language(drawn, lang) == []

    page.goto(f"{server.url}/plan?plan={token}&lang={lang}")
    wait_ready(page)
    dropzone = page.locator("[data-testid=stFileUploaderDropzone]").first
    dropzone.scroll_into_view_if_needed()
    dropzone.evaluate(_DROP)
    page.locator("[data-testid=stFileUploaderDropzone] > input + div").first.wait_for()  # the overlay while dragging
    drawn = _drawn_with(page, i18n.t(lang, "frame.builtin.drop"))
    assert i18n.t(lang, "frame.builtin.drop") in drawn and other_language(drawn, lang) == []
    assert app_errors(page) == []
