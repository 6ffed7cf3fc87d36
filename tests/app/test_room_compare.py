"""You and the room on a participant's phone, and the room's pace: what the pages say, on plans in the store."""

import datetime as dt
import io
import re

import pytest

from core import i18n
from core.plan import plan as plan_mod
from core.plan import selfcheck
from core.workshop.limits import Client
from tests.app.conftest import open_page, wkey
from ui import room as room_ui

WHOLE = {q.id: 1 for q in selfcheck.QUESTIONS}  # every question at "partly": a score of 8


def _shown(markdown: str) -> str:
    """Markdown as the reader sees it (user text and numbers in messages are backslash-escaped)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _texts(at) -> str:
    parts = list(at.markdown) + list(at.header) + list(at.caption) + list(at.info) + list(at.warning)
    return " ".join(_shown(str(e.value)) for e in parts)


def _participants(store, ws, made, posts, contribute=True):
    """Join one participant per value of ``posts`` (posts a week on one channel), each with a full self-check."""
    tokens = []
    for n, value in enumerate(posts):
        token = ws.join(made.code, Client(f"session-{n}"), room_ui.now()).token
        plan, _ = store.load(token)
        channels = [{"channel": "instagram", "followers": 100 * (n + 1), "posts_per_week": value}]
        store.apply(token, [
            plan_mod.Change(("business", "channels"), plan["business"]["channels"], channels),
            plan_mod.Change(("selfcheck",), plan["selfcheck"], WHOLE),
            plan_mod.Change(("room", "contribute"), None, contribute),
        ])  # fmt: skip
        tokens.append(token)
    return tokens


@pytest.mark.parametrize("lang", ["it", "en"])
def test_five_contributors_show_a_participant_their_posts_beside_the_room(store, ws, made, lang):
    tokens = _participants(store, ws, made, [1, 2, 3, 4, 10])
    at = open_page("pages/business.py", lang, tokens[1])
    assert not at.exception
    assert i18n.t(lang, "compare.title") in [h.value for h in at.header]
    # posts 1 2 3 4 10: quartiles at positions 1, 2, 3 of 0..4 -> 2, 3, 4; this participant posts 2
    name = i18n.t(lang, "compare.figure.posts_week")
    said = i18n.t(lang, "compare.says", figure=name, own="2", median="3", q1="2", q3="4", n=5)
    assert said in _texts(at)
    assert len(at.get("vega_lite_chart")) == 3  # posts, followers, channels


def test_four_contributors_are_not_enough_and_the_page_says_how_many(store, ws, made):
    tokens = _participants(store, ws, made, [1, 2, 3, 4])
    _participants(store, ws, made, [50], contribute=False)  # joined, but does not count
    at = open_page("app.py", "en", tokens[0])
    name = i18n.t("en", "compare.figure.selfcheck")
    assert i18n.t("en", "compare.not_enough", figure=name, n=4, min=5) in _texts(at)
    assert not at.get("vega_lite_chart")


def test_a_plan_outside_any_workshop_shows_no_room(sample_token):
    at = open_page("pages/business.py", "en", sample_token)
    assert i18n.t("en", "compare.title") not in [h.value for h in at.header]


def test_the_consent_to_count_is_a_switch_of_its_own_that_lands_on_the_plan(store, ws, made):
    token = ws.join(made.code, Client("session-x"), room_ui.now()).token
    at = open_page("app.py", "it", token)
    switch = at.toggle(key=wkey(at, token, "room/contribute"))
    assert switch.label == i18n.t("it", "compare.consent.label") and switch.value is False
    switch.set_value(True).run()
    plan, _ = store.load(token)
    assert plan["room"]["contribute"] is True and plan["room"]["share"] is False


def test_the_room_s_step_reaches_a_participant_as_a_banner_with_one_tap_to_it(store, ws, made):
    token = ws.join(made.code, Client("session-y"), room_ui.now()).token
    at = open_page("pages/business.py", "en", token)
    assert i18n.t("en", "pace.banner.link", step=i18n.t("en", "step.goals")) not in [
        link.proto.label for link in at.get("page_link")
    ]
    ws.set_pace(made.id, "goals", 10, False, room_ui.now() - dt.timedelta(minutes=3))
    at = open_page("pages/business.py", "en", token)
    assert i18n.t("en", "pace.banner.go", step="Goals", left=", 7 minutes left") in _texts(at)
    links = [(link.proto.page, link.proto.label) for link in at.get("page_link")]
    assert any(page.endswith("goals") and label == "Go to \u201cGoals\u201d" for page, label in links), links
    ws.set_pace(made.id, "goals", 10, True, room_ui.now())
    at = open_page("pages/business.py", "it", token)
    assert i18n.t("it", "pace.banner.paused") in _texts(at)


def test_a_late_joiner_lands_on_the_room_s_step_and_an_early_one_on_start(ws, made):
    def join():
        at = open_page("pages/join.py", "en")
        at.text_input(key="join_code").input(made.code)
        return at.button[0].click().run()

    assert join().title[0].value == i18n.t("en", "start.title")
    ws.set_pace(made.id, "goals", None, False, room_ui.now())
    late = join()
    assert not late.exception
    assert late.title[0].value == i18n.t("en", "goalspage.title")


def test_a_participant_s_plan_pdf_carries_you_and_the_room_as_the_plan_page_says_it(store, ws, made):
    from pypdf import PdfReader

    from core.goals import measures
    from ui import downloads, room_compare
    from ui.frame import Frame

    tokens = _participants(store, ws, made, [1, 2, 3, 4, 10])
    at = open_page("pages/plan.py", "en", tokens[3])
    assert not at.exception
    plan, version = store.load(tokens[3])
    frame = Frame("plan", "en", tokens[3], plan, version, missing=False, generation=0, link=tokens[3])
    said = room_compare.said(frame)
    posts = i18n.t("en", "compare.says", figure=i18n.t("en", "compare.figure.posts_week"), own="4", median="3",
                   q1="2", q3="4", n=5)  # fmt: skip
    assert posts in said and said[0].startswith("Your figures beside those of the room")
    pdf = next(f for f in downloads.files(plan, measures.Data(), dt.date.today(), "en", tokens[3], room=said)
               if f.ext == "pdf")  # fmt: skip
    last = PdfReader(io.BytesIO(pdf.make())).pages[-1].extract_text()
    assert " ".join(posts.split()) in " ".join(last.split())
