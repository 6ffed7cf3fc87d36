"""Hostile text in a real browser, on every page that exists, and nothing runs.

A real ``streamlit run`` server gets, straight into its database through ``core.plan.store``: a plan
whose every text (business name, town, sector, goals, competitors, areas, audience cities,
calendar, offline actions) holds the whole corpus, its customers imported with hostile town
names, and a workshop whose participants named their businesses with the corpus and shared them.
A hostile activity export in the Meta format is uploaded through the Timeline page's uploader.
Then every page (``core.plan.path.STEPS + EXTRA`` whose script exists) is opened with that plan, the
facilitator's room view too, and a few payloads are typed into every text field of every page.

Chromium runs with ``alert``, ``confirm``, ``prompt``, ``fetch``, ``XMLHttpRequest`` and script
errors instrumented in the page and in every frame (``corpus.executions_js``), offline. Nothing
may run, no element may be made from the text, nothing may be fetched from another site, and the
text must be shown as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from core import i18n
from core.calendar import calendar
from core.importers import ImportContext, RawFile, import_file
from core.plan import datasets as datasets_mod
from core.plan import path
from core.plan import plan as plan_mod
from core.timeline import offline_actions
from core.workshop import limits
from core.workshop.store import WorkshopStore
from tests.hostile import conftest
from tests.hostile.conftest import Tab, seed_store
from tests.hostile.corpus import PAYLOADS, QUICK
from ui import resources
from ui import room as room_ui

pytestmark = pytest.mark.browser
TODAY = dt.date.today()
SECRET = "segreto-di-prova-42"
SHORT = {k: v for k, v in PAYLOADS.items() if k != "long_10kb"}  # for fields with a length limit
FORLI = {"name": "Forlì", "comune_istat": "040012", "province": "FC", "region": "Emilia-Romagna",
         "country": "IT", "lat": 44.2225, "lon": 12.0408, "approx": False}  # fmt: skip
META_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
    "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels",
    "Funded content status", "Data comment", "Date", "Views", "Reach", "Reactions, Comments and Shares",
    "Reactions", "Comments", "Shares", "Total clicks", "Other Clicks",
    "Matched Audience Targeting Consumption (Photo Click)",
]  # fmt: skip


def pages() -> list[tuple[str, str]]:
    """(step id, URL path) of every page of the path and outside it whose script exists."""
    existing = set(resources.existing_scripts())
    steps = [s for s in path.STEPS + path.EXTRA if s.script in existing]
    return [
        (s.id, "/" if s.script == "app.py" else "/" + s.script.removeprefix("pages/").removesuffix(".py"))
        for s in steps
    ]


def _place(name: str, n: int) -> dict[str, Any]:
    return {
        **FORLI,
        "name": name,
        "province": "<b>FC</b>",
        "lat": FORLI["lat"] + n / 500,
        "lon": FORLI["lon"] + n / 500,
    }


def hostile_plan() -> dict[str, Any]:
    """A plan holding the corpus in every text it has (lists hold one entry per payload)."""
    plan = plan_mod.new_plan(TODAY)
    texts = list(PAYLOADS.values())
    plan["business"] = {
        "name": " ¦ ".join(texts),
        "sector": {"code": "56.10.11", "title": PAYLOADS["img_onerror"]},
        "town": _place(" ¦ ".join(SHORT.values()), 0),
        "channels": [{"channel": "facebook", "followers": 1200, "posts_per_week": 3.0}],
        "markets": ["local"],
    }
    plan["goals"] = [
        {"id": f"g{i}", "objective": "local_awareness", "title": text, "kpi": None, "channels": ["facebook"],
         "baseline": None, "target": None, "start": TODAY.isoformat(), "deadline": None,
         "place": {"kind": "town", "value": text}, "actions": [text], "owner": text}
        for i, text in enumerate(texts, start=1)
    ]  # fmt: skip
    plan["competitors"] = [{"name": t, "town": _place(t, i)} for i, t in enumerate(texts, start=1)]
    plan["areas"] = [
        {"name": t, "circle": {"lat": FORLI["lat"], "lon": FORLI["lon"], "radius_km": i / 2}}
        for i, t in enumerate(texts, 1)
    ]
    plan["followers"] = [{"city": t, "followers": 100 + i} for i, t in enumerate(texts)]
    plan["calendar"] = [
        calendar.CalendarItem.from_dict(
            {"id": f"c{i}", "date": (TODAY + dt.timedelta(days=i)).isoformat(), "channel": "facebook",
             "title": t[: calendar.MAX_TITLE], "note": t[: calendar.MAX_NOTE],
             "place": t[: calendar.MAX_TITLE]}
        ).to_dict()
        for i, t in enumerate(texts, start=1)
    ]  # fmt: skip
    actions: list[Any] = []
    for i, text in enumerate(texts, start=1):
        place = {
            "name": text[: offline_actions.MAX_PLACE],
            "lat": FORLI["lat"] + i / 300,
            "lon": FORLI["lon"],
        }
        new = offline_actions.new_action(
            actions, TODAY, date=TODAY - dt.timedelta(days=i), kind="fair", place=place,
            note=text[: offline_actions.MAX_NOTE],
        )  # fmt: skip
        actions = [*offline_actions.parse([*(a.to_dict() for a in actions), new])[0]]
    plan["offline"] = [a.to_dict() for a in actions]
    return plan


def meta_export() -> bytes:
    """A Meta Business Suite posts export whose captions (and one link) are the corpus."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(META_HEADER)
    for i, text in enumerate(PAYLOADS.values(), start=1):
        when = dt.datetime(2025, 1, 1, 9) + dt.timedelta(days=i, hours=i)
        link = "javascript:alert(1)" if i == 1 else f"https://www.facebook.com/x/posts/{i}"
        writer.writerow([
            f"39814007947795{i:02d}", "100063512345678", PAYLOADS["svg_onload"], text, "", "0",
            when.strftime("%m/%d/%Y %H:%M"), "N/A", link, "0", "0", "Photos", "", "", "", "", "Lifetime",
            str(1000 + i), str(800 + i), "30", "20", "5", "5", "10", "10", "0",
        ])  # fmt: skip
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def customers_export() -> bytes:
    rows = ["Email,Città,CAP,Totale speso,Ordini,Primo ordine,Ultimo ordine"]
    rows += [f"c{i}@example.it,Forlì,47121,{10 + i}.50,{1 + i % 3},03/01/2025,15/02/2025" for i in range(30)]
    for i, text in enumerate(SHORT.values()):
        cell = '"' + text.replace('"', '""').replace("\x00", "") + '"'
        rows.append(f"h{i}@example.it,{cell},47121,5.00,1,10/01/2025,10/01/2025")
    return ("\n".join(rows) + "\n").encode("utf-8")


@dataclass
class Seeded:
    token: str  # the plan holding the corpus everywhere
    clean: str  # a plan with nothing hostile, for typing into (so each finding names its field)
    room: str
    participants: list[str]


def seed(server: Any) -> Seeded:
    store = seed_store(server)
    tables = datasets_mod.Datasets(store.engine)
    workshops = WorkshopStore(store)
    token, _ = store.create(hostile_plan())
    clean_plan = plan_mod.new_plan(TODAY)
    clean_plan["business"].update(name="Forno Pulito", town=dict(FORLI))
    clean, _ = store.create(clean_plan)
    result = import_file(RawFile("clienti.csv", customers_export()), ImportContext(salt=token, today=TODAY))
    tables.add(token, result.kind, result.platform, PAYLOADS["img_onerror"] + ".csv", result.frame)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    made = workshops.create(PAYLOADS["script_close"], TODAY, PAYLOADS["svg_onload"], "en", SECRET, now)
    participants = []
    for i, text in enumerate(SHORT.values()):
        joined = workshops.join(made.code, limits.Client(f"participant-{i}"), now)
        assert joined.token, joined
        plan, version = store.load(joined.token)
        plan["business"].update(name=text, town=_place(text, i), channels=[{"channel": "instagram", "followers": 50}])
        plan["goals"] = [{**hostile_plan()["goals"][0], "title": text, "kpi": "followers", "target": 100}]
        plan["room"]["share"] = True
        store.replace(joined.token, plan, version)
        participants.append(joined.token)
    return Seeded(token, clean, made.id, participants)


@dataclass
class Findings:
    executions: list[str] = field(default_factory=list)
    injected: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # <a href> made from user text
    looked: list[str] = field(default_factory=list)  # every screen searched for such links
    texts: dict[str, str] = field(default_factory=dict)  # where -> the text shown there
    sidebars: dict[str, str] = field(default_factory=dict)  # page -> its sidebar's text
    broken: list[str] = field(default_factory=list)  # pages that did not finish drawing
    fields: int = 0
    per_page: dict[str, int] = field(default_factory=dict)  # text fields found on each page
    visited: list[tuple[str, str]] = field(default_factory=list)  # (URL path, language) of each page drawn
    controls: dict[str, int] = field(default_factory=dict)  # screen -> frames where the planted control was found
    hidden: list[str] = field(default_factory=list)  # fields that stayed hidden after opening what hid them
    disabled: list[str] = field(default_factory=list)  # fields that take no input
    gone: list[str] = field(default_factory=list)  # fields that went away after an earlier value
    quiet: list[str] = field(default_factory=list)  # fields whose value started no rerun (outside a form)
    tried: dict[str, int] = field(default_factory=dict)  # "<page> field <index>" -> payloads typed into it
    typed: int = 0
    shown: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)  # what this page already showed: each finding once

    def look(self, tab: Tab, where: str, fresh: bool = False) -> None:
        if fresh:
            self._seen = set()
        for kind, items in (("executions", tab.executions()), ("injected", tab.injected())):
            for item in items:
                if (kind, item) not in self._seen:
                    self._seen.add((kind, item))
                    getattr(self, kind).append(f"{where}: {item}")
        self.fetched += [f"{where}: {u}" for u in tab.outside_requests() if "evil.invalid" in u]
        self.links += [f"{where}: {href}" for href in tab.user_links() if f"{where}: {href}" not in self.links]
        self.looked.append(where)
        tab.guard.blocked.clear()


TEXT_FIELDS = ", ".join(
    f"[data-testid=stMain] [data-testid={widget}] {tag}"
    for widget, tag in (("stTextInput", "input"), ("stTextArea", "textarea"))
)


def _reveal(box: Any) -> None:
    """Open the expander or the tab that hides a field (its content is on the page, only not shown)."""
    box.evaluate(
        """e => {
          const details = e.closest('details');
          if (details && !details.open) details.querySelector('summary').click();
          const panel = e.closest('[role=tabpanel]');
          if (panel && !panel.checkVisibility()) {
            const tab = document.querySelector(`[role=tab][aria-controls="${panel.id}"]`);
            if (tab) tab.click();
          }
        }"""
    )
    try:
        box.wait_for(state="visible", timeout=5_000)
    except PlaywrightError:
        pass  # counted as hidden by the caller


def _type_into_every_field(tab: Tab, where: str, url: str, found: Findings) -> None:
    count = tab.page.locator(TEXT_FIELDS).count()
    if count == 0:  # on a busy machine a page now and then comes without its widgets: look once more
        tab.open(url)
        count = tab.page.locator(TEXT_FIELDS).count()
    found.fields += count
    found.per_page[where] = count
    found.texts[f"typing on {where}"] = tab.page.locator("[data-testid=stMain]").inner_text()
    for index in range(count):
        for name in QUICK:
            fields = tab.page.locator(TEXT_FIELDS)  # found again: a value may change the page
            label = f"{where} field {index} <- {name}"
            if index >= fields.count():  # the page changed shape after an earlier value
                found.gone.append(label)
                break
            box = fields.nth(index)
            if not box.is_visible():
                _reveal(box)
            if not box.is_visible():
                found.hidden.append(label)
                break
            if not box.is_enabled():
                found.disabled.append(label)
                break
            before = tab.runs()
            try:
                box.fill(PAYLOADS[name], timeout=15_000)
            except PlaywrightError:
                tab.settle(before, expect_rerun=False)
                if index < tab.page.locator(TEXT_FIELDS).count():
                    raise
                found.gone.append(label)  # an earlier value submitted a form that took the page elsewhere
                break
            if box.evaluate("e => e.tagName") == "INPUT":
                box.press("Enter")
            else:
                box.evaluate("e => e.blur()")
            if not tab.settle(before, expect_rerun=False) and not box.evaluate(
                "e => !!e.closest('[data-testid=stForm]')"
            ):
                found.quiet.append(label)
            found.typed += 1
            found.tried[f"{where} field {index}"] = found.tried.get(f"{where} field {index}", 0) + 1
            found.look(tab, label)


def _presenter(tab: Tab, lang: str, found: Findings) -> None:
    """The projector: the room's towns and the participants, in large type."""
    before = tab.runs()
    tab.page.get_by_role("button", name=i18n.t(lang, "workshoppage.present")).click()
    tab.settle(before)
    for key in ("room.towns.heading", "workshoppage.people.heading"):
        label = i18n.t(lang, key)
        before = tab.runs()
        tab.page.locator("[data-testid=stMain] [data-testid=stButtonGroup] button", has_text=label).first.click()
        tab.settle(before)
        where = f"/workshop presenter {key.split('.')[-2]} ({lang})"
        found.shown += 1
        found.look(tab, where)
        found.texts[where] = tab.text()


def _visit(browser: Any, server: Any, seeded: Seeded) -> Findings:
    found = Findings()
    tab = Tab(browser, server.url)
    started = time.perf_counter()
    try:
        tab.open(f"/timeline?plan={seeded.token}&lang=en")  # the Meta export, through the uploader
        uploader = tab.page.locator("[data-testid=stFileUploader]").first
        before = tab.runs()
        uploader.locator("input[type=file]").set_input_files(
            {"name": PAYLOADS["img_onerror"] + ".csv", "mimeType": "text/csv", "buffer": meta_export()}
        )
        tab.settle(before)
        tab.page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=60_000)
        found.look(tab, "timeline upload")
        found.seconds["upload"] = time.perf_counter() - started
        started = time.perf_counter()
        for lang in ("en", "it"):
            for step, url in pages():
                if lang == "it" and step not in ("start", "plan", "workshop"):
                    continue  # the other pages' Italian templates take the same values the same way
                query = f"?plan={seeded.token}&lang={lang}"
                if step == "workshop":
                    query = f"?room={seeded.room}&lang={lang}"
                try:
                    tab.open(url + query)
                    secret = tab.page.locator("[data-testid=stMain] input[type=password]")
                    if step == "workshop" and secret.count():  # the room view, opened with the secret (once:
                        secret.fill(SECRET)  # then this browser opens it without, in any tab and language)
                        before = tab.runs()
                        tab.page.locator("[data-testid=stMain] [data-testid=stFormSubmitButton] button").click()
                        tab.settle(before)
                    if step == "workshop":
                        # the live room view's last line, drawn once every section above it is (the
                        # participants' names come after the "people" heading: waiting for it raced them)
                        last = i18n.t(lang, "workshoppage.live", seconds=room_ui.REFRESH_S, time="").split("·")[0]
                        tab.page.get_by_text(last.strip()).first.wait_for(timeout=30_000)
                except PlaywrightError as error:
                    found.broken.append(f"{url} ({lang}): {str(error)[:200]}")
                    continue
                found.shown += 1
                found.visited.append((url, lang))
                found.look(tab, f"{url} ({lang})", fresh=True)
                found.texts[f"{url} ({lang})"] = tab.text()
                found.sidebars[f"{url} ({lang})"] = tab.page.locator("[data-testid=stSidebar]").inner_text()
                if step == "workshop" and lang == "en":
                    _presenter(tab, lang, found)
                # the detectors just reported this screen clean: they must find what is planted on it
                found.controls[f"{url} ({lang})"] = tab.prove_detectors()
        found.seconds["pages"] = time.perf_counter() - started
        started = time.perf_counter()
        for step, url in pages():  # a few payloads into every text field, on a clean plan (and a new workshop)
            address = url + (f"?plan={seeded.clean}&lang=en" if step != "workshop" else "?lang=en")
            try:
                tab.open(address)
                found.look(tab, f"{url} (clean)", fresh=True)
                _type_into_every_field(tab, url, address, found)
                found.controls[f"{url} (typing)"] = tab.prove_detectors()
            except PlaywrightError as error:
                found.broken.append(f"{url} (typing): {str(error)[:200]}")
        found.seconds["typing"] = time.perf_counter() - started
    finally:
        tab.close()
    return found


@pytest.fixture(scope="module")
def visited(hostile_server, hostile_browser) -> tuple[Seeded, Findings]:
    seeded = seed(hostile_server)
    found = hostile_browser.run(_visit, hostile_server, seeded, timeout=900)
    conftest.COUNTS["payloads in the corpus"] = len(PAYLOADS)
    conftest.COUNTS["payloads typed into text fields"] += found.typed
    conftest.COUNTS["text fields tried"] += found.fields
    conftest.COUNTS["pages opened with a hostile plan"] += found.shown
    for url, n in found.per_page.items():
        conftest.COUNTS[f"text fields on {url}"] += n
    for what in ("hidden", "disabled", "gone", "quiet"):
        conftest.COUNTS[f"fields {what}"] += len(getattr(found, what))
    conftest.COUNTS["screens where the planted control was found"] += len(found.controls)
    conftest.COUNTS["hostile files"] += 2  # the Meta export uploaded, the customer list imported
    return seeded, found


def _plain(text: str) -> str:
    """Text as a reader sees it: without NUL, bidi controls and the invisible word joiners that keep an
    address from becoming a link."""
    return " ".join(re.sub("[\x00\u202a-\u202e\u2060\u2066-\u2069]", "", text).split())


# Every page of the app, written out by hand: the path's seven steps, the workshop room and joining one.
EVERY_PAGE = ("/", "/business", "/goals", "/market", "/timeline", "/monitor", "/plan", "/workshop", "/join")
ITALIAN_PAGES = ("/", "/plan", "/workshop")  # the pages also opened in Italian


def test_every_page_of_the_app_was_opened_with_the_hostile_plan(visited):
    _, found = visited
    assert sorted(found.visited) == sorted([(url, "en") for url in EVERY_PAGE] + [(u, "it") for u in ITALIAN_PAGES])
    assert found.broken == []


# The text fields of each page on a clean plan (counted on the pages; the workshop's create form has its
# title, place and secret, joining has the room's code, Goals its goal in the owner's own words). A page
# that gains or loses a field shows up here.
FIELDS_PER_PAGE = {"/": 0, "/business": 4, "/goals": 1, "/market": 6, "/timeline": 3, "/monitor": 0, "/plan": 0,
                   "/workshop": 3, "/join": 1}  # fmt: skip


def test_every_text_field_of_every_page_was_typed_into(visited):
    """Each page's text fields on a clean plan are counted, and each one took every quick payload: none
    stayed hidden (inside a closed expander or tab), none was disabled, none ignored its value."""
    _, found = visited
    assert found.per_page == FIELDS_PER_PAGE
    assert (found.hidden, found.disabled, found.quiet) == ([], [], [])
    # The workshop's create form: the first payload typed into its last field (the secret) completes the
    # form, so pressing Enter creates the workshop and opens its room, where the form's fields are gone.
    assert [g for g in found.gone if not g.startswith("/workshop field 2 <- ")] == []
    expected = {f"{url} field {i}": len(QUICK) for url, n in FIELDS_PER_PAGE.items() for i in range(n)}
    short = {f"{g.split(' <- ')[0]}" for g in found.gone}
    assert {k: v for k, v in found.tried.items() if k not in short} == {
        k: v for k, v in expected.items() if k not in short
    }
    assert all(1 <= found.tried.get(k, 0) < len(QUICK) for k in short)
    assert found.typed == sum(found.tried.values()) and found.fields == sum(FIELDS_PER_PAGE.values())


def test_the_detectors_found_the_control_planted_on_every_screen_they_reported_clean(visited):
    _, found = visited
    assert set(found.controls) == {f"{u} (en)" for u in EVERY_PAGE} | {f"{u} (it)" for u in ITALIAN_PAGES} | {
        f"{u} (typing)" for u in EVERY_PAGE
    }
    assert all(n >= 1 for n in found.controls.values())
    assert found.controls["/market (en)"] > 1  # the maps' frames were searched too


class _Blind(Tab):
    """A detector broken on purpose: it finds no element made from text."""

    def injected(self) -> list[str]:
        return []


class _Deaf(Tab):
    """A detector broken on purpose: it hears no call of alert."""

    def executions(self) -> list[str]:
        return []


def test_a_broken_detector_a_failing_detector_script_and_a_missing_rerun_each_fail(hostile_server, hostile_browser):
    def visit(browser: Any) -> dict[str, str]:
        outcome = {}
        for kind in (Tab, _Blind, _Deaf):
            tab = kind(browser, hostile_server.url)
            try:
                tab.open("/?lang=en")
                try:
                    outcome[kind.__name__] = f"found in {tab.prove_detectors()} frames"
                except AssertionError as error:
                    outcome[kind.__name__] = f"failed: {error}"
                if kind is Tab:
                    try:  # no input, so no rerun: a settle that expects one must fail, not pass quietly
                        tab.settle(tab.runs())
                        outcome["settle"] = "passed quietly"
                    except AssertionError as error:
                        outcome["settle"] = f"failed: {error}"
                    try:
                        tab.injected()  # the page still holds the control: the working detector reports it
                        tab._each_frame("() => { throw new Error('detector broken on purpose'); }")
                        outcome["script"] = "passed over"
                    except PlaywrightError as error:
                        outcome["script"] = f"failed: {error}"
            finally:
                tab.close()
        return outcome

    outcome = hostile_browser.run(visit)
    assert outcome["Tab"].startswith("found in ")
    assert outcome["_Blind"].startswith("failed: the detectors missed the planted control: {'injected'")
    assert outcome["_Deaf"].startswith("failed: the detectors missed the planted control: {'executions'")
    assert outcome["script"].startswith("failed: ") and "detector broken on purpose" in outcome["script"]
    assert outcome["settle"].startswith("failed: no rerun started after the input")


def test_no_payload_runs_or_becomes_markup_on_any_page(visited):
    _, found = visited
    assert found.broken == []
    assert found.shown >= len(pages())
    assert found.typed > 0
    assert found.executions == [], "\n".join(found.executions)
    assert found.injected == [], "\n".join(found.injected)
    assert found.fetched == [], "\n".join(found.fetched)


def test_no_link_is_made_from_user_text_on_any_page_the_room_view_or_the_projector(visited):
    """A business called ``https://example.com/x www.example.com`` was two links in the sidebar of every page,
    an owner's e-mail a ``mailto:`` on the Plan page: Streamlit's Markdown links plain addresses by itself.
    (That the detector sees such links is shown in ``test_markdown_text.py``, on the same addresses unescaped.)"""
    _, found = visited
    screens = " ".join(found.looked)
    assert all(f"{url} (en)" in screens for _, url in pages())
    assert "presenter towns" in screens and "presenter people" in screens
    assert found.links == [], "\n".join(found.links)


def test_every_payload_is_shown_as_text_somewhere(visited):
    _, found = visited
    everything = _plain("\n".join(found.texts.values()))
    assert [name for name, text in PAYLOADS.items() if _plain(text)[:200] not in everything] == []


def test_the_business_name_shows_as_typed_in_the_sidebar_of_every_page(visited):
    """The sidebar says whose plan is open ("Plan: <name>"): Markdown must not eat any of it."""
    _, found = visited
    mangled = {
        where: [name for name, text in PAYLOADS.items() if _plain(text)[:200] not in _plain(sidebar)]
        for where, sidebar in found.sidebars.items()
        if not where.startswith("/workshop")  # the room view shows the facilitator's page, not a plan
    }
    assert {where: names for where, names in mangled.items() if names} == {}


def test_the_facilitator_sees_each_participants_business_name_exactly_as_typed(visited):
    """Strangers in a room: what one participant types must reach the projector as text, nothing else."""
    _, found = visited
    screens = [where for where in found.texts if where.startswith("/workshop")]
    assert len(screens) >= 4  # the room view in both languages, the projector's towns and participants
    hidden = {
        where: [name for name, text in SHORT.items() if _plain(text) not in _plain(found.texts[where])]
        for where in screens  # each participant's business and town are named after a payload
    }
    assert {where: names for where, names in hidden.items() if names} == {}


def test_the_server_log_holds_none_of_the_tokens(visited, hostile_server):
    seeded, _ = visited
    log = (hostile_server.data_dir / "server.log").read_text(errors="replace")
    assert [t[:6] for t in [seeded.token, *seeded.participants] if t in log] == []
