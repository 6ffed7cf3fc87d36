"""A participant's session (AppTest): join a room, then load a sample, start again, leave. The database says
afterwards whether the participant is still in the room and what their plan holds."""

from __future__ import annotations

import datetime as dt

import pytest

from core import i18n
from core.workshop import limits
from tests.sessions import harness
from tests.sessions.harness import Tab
from ui import room as room_ui

SECRET = "timone-e-vela"


@pytest.fixture
def made():
    return room_ui.get_workshops().create(
        "Social per botteghe", dt.date(2026, 11, 27), "Perugia", "it", SECRET, room_ui.now()
    )


def join(made, who: str) -> str:
    result = room_ui.get_workshops().join(made.code, limits.Client(who), room_ui.now())
    assert result.status == "joined" and result.token
    return result.token


def members(made) -> dict[int, dict]:
    return {m.number: m.plan for m in room_ui.get_workshops().room_snapshot(made.id)}


def kinds(tab: Tab) -> list[str]:
    """The main area's elements in page order, by type."""
    return [node.type for node in tab.at.main if hasattr(node, "type")]


def test_a_participant_who_loads_a_sample_stays_in_the_room_with_the_sample_in_their_own_plan(made):
    token = join(made, "phone-1")
    plans = harness.plan_count()
    tab = Tab("en", token)
    tab.button("cantina").click().run()  # the sample's button first asks
    warned = " ".join(w.value for w in tab.at.warning)
    name = harness.sample_file("cantina", "profile.json")["business"]["name"]
    assert name in warned and i18n.t("en", "frame.plan_unnamed") in warned  # what it replaces: the unnamed plan
    assert harness.plan(token)["business"]["name"] == ""  # nothing replaced before the confirmation
    tab.load_sample("cantina")

    assert tab.token == token and harness.plan_count() == plans  # no other plan: the room's plan was filled
    said = i18n.t("en", "start.room.filled", sample=i18n.t("en", "samples.cantina.name"))
    assert [s.value for s in tab.at.success] == [said]  # said in the card tapped
    saved = harness.plan(token)
    assert saved["business"]["name"] == name and saved["sample"] == "cantina"
    files = harness.sample_file("cantina", "goals.json")  # the sample's goals, their words in the tab's language
    assert [g["title"] for g in saved["goals"]] == [i18n.t("en", f"samples.cantina.{g['id']}.title") for g in files]
    assert [{**g, "title": "", "actions": []} for g in saved["goals"]] == [
        {**g, "title": "", "actions": []} for g in files
    ]
    assert saved["room"] == {"share": False, "workshop": made.id}  # its place in the room, consent as it was
    assert room_ui.get_workshops().seat(token) == (made, 1)
    assert members(made)[1]["business"]["name"] == name  # the room counts this plan, now with the sample


def test_starting_again_in_a_workshop_empties_the_room_plan_and_keeps_the_participant_in(made):
    token = join(made, "phone-2")
    tab = Tab("it", token)
    tab.load_sample("forno")
    tab.button("room/ask:").click().run()  # "start again from scratch"
    tab.button("room/yes:").click().run()
    saved = harness.plan(token)
    assert tab.token == token and saved["business"]["name"] == "" and saved["goals"] == [] and saved["selfcheck"] == {}
    assert saved["room"]["workshop"] == made.id and room_ui.get_workshops().seat(token) is not None


def test_cancel_keeps_the_plan_as_it_was(made):
    token = join(made, "phone-3")
    tab = Tab("en", token)
    before = harness.version(token)
    tab.button("officina").click().run()
    tab.button("room/no:officina").click().run()
    assert harness.version(token) == before and harness.plan(token)["sample"] is None


def test_leaving_the_workshop_is_its_own_action_and_the_room_stops_counting_the_plan(made):
    first, second = join(made, "phone-4"), join(made, "phone-5")
    tab = Tab("en", second)
    tab.button("room/leave").click().run()

    assert room_ui.get_workshops().seat(second) is None
    assert list(members(made)) == [1]  # only the participant who stayed
    assert harness.plan(second)["business"] == harness.plan(first)["business"]  # the plan stays, as it was
    assert any(made.title in s.value for s in tab.at.success)  # and the participant is told
    assert not tab.at.toggle  # no consent switch outside the room
    tab.button("forno").click().run()  # a sample now opens a plan of its own, as for anyone
    assert tab.token != second


def test_a_participants_start_page_begins_with_the_workshop_block(made):
    tokens = [join(made, f"phone-{n}") for n in (6, 7, 8)]
    tab = Tab("en", tokens[1])
    order = kinds(tab)
    assert order.index("toggle") < order.index("title"), "the consent switch must come before the introduction"
    block = [m.value for m in tab.at.main.markdown if made.title in m.value]  # above the title, like the switch
    assert len(block) == 1 and i18n.t("en", "start.room.you", n=2) in block[0]
    # Three empty plans: each one's next step is Start (worked out from the path: nothing answered yet).
    start = i18n.t("en", "step.start")
    where = i18n.t("en", "start.room.where", steps=f"{start} 3 · " + i18n.t("en", "start.room.you_are_at", step=start))
    assert where in [c.value for c in tab.at.caption]
    private = i18n.t("en", "start.room.sees_private", n=2)
    assert private in [c.value for c in tab.at.caption]
    tab.at.toggle[0].set_value(True).run()
    assert harness.plan(tokens[1])["room"]["share"] is True
    assert i18n.t("en", "start.room.sees_shared") in [c.value for c in tab.at.caption]


def test_after_loading_a_sample_the_self_check_says_its_answers_are_the_samples_and_clears_them():
    tab = Tab("en")
    tab.button("forno").click().run()
    token = tab.token
    answers = harness.sample_answers("forno")
    sample = i18n.t("en", "samples.forno.name")
    assert harness.plan(token)["selfcheck"] == answers
    assert i18n.t("en", "selfcheck.sample_answers", n=8, total=8, sample=sample) in _said(tab)
    question = next(q for q, a in answers.items() if a != 0)
    radio = next(r for r in tab.at.radio if str(r.key).endswith(f"selfcheck/{question}"))
    radio.set_value(0).run()  # the user's own answer to one question
    assert i18n.t("en", "selfcheck.sample_answers", n=7, total=8, sample=sample) in _said(tab)
    tab.button("selfcheck_clear").click().run()

    assert harness.plan(token)["selfcheck"] == {question: 0}  # the user's answer stays, the sample's are gone
    assert i18n.t("en", "selfcheck.cleared") in [i.value for i in tab.at.info]
    assert not [b for b in tab.at.button if str(b.key).endswith("selfcheck_clear")]


def _said(tab: Tab) -> str:
    return " ".join(m.value for m in tab.at.markdown)
