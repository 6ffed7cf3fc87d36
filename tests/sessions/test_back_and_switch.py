"""Scenarios of one tab across plans (AppTest): Back from a sample and a tap at once, two plans in one tab,
a tap while a rerun is under way. After each, the database holds only what the user gave each plan."""

from __future__ import annotations

import pytest

from core.plan import selfcheck
from tests.sessions import harness
from tests.sessions.harness import Tab

QUESTIONS = [q.id for q in selfcheck.QUESTIONS]


@pytest.mark.parametrize("slug", ["forno", "cantina", "officina"])
def test_a_tap_inside_the_back_window_writes_nothing_of_the_sample_into_ones_own_plan(slug):
    own = harness.own_plan()
    tab = Tab("it", own)
    tab.load_sample(slug)  # outside a workshop: a new plan, with the sample's answers
    sample = tab.token
    assert sample and sample != own
    assert harness.plan(sample)["selfcheck"] == harness.sample_answers(slug)
    shown = tab.shown()  # the browser still shows the sample...
    tab.go_to(own)  # ...while Back has already taken the server to the user's own plan
    tap = 3  # a question the user had not answered; the sample's answer to it is on screen
    harness.tap_shown(shown, tap, 0)

    assert harness.plan(own)["selfcheck"] == {}, "the sample's answers (or a tap on its page) reached one's own plan"
    assert harness.plan(sample)["selfcheck"] == harness.sample_answers(slug)
    assert tab.token == own


def test_the_tap_that_replaces_the_back_rerun_is_refused_on_both_plans():
    """The tap arrives while the rerun for Back is still under way: Streamlit runs it instead, with the new link
    and the callbacks of the page last drawn (the sample's). Nothing may be written to either plan."""
    own = harness.own_plan()
    tab = Tab("en", own)
    tab.load_sample("forno")
    sample = tab.token
    before = harness.version(sample)
    tab.at.query_params["plan"] = own  # Back...
    tab.at.radio[2].set_value(2).run()  # ...and the tap, in one rerun

    assert harness.plan(own)["selfcheck"] == {}
    assert harness.version(sample) == before and harness.plan(sample)["selfcheck"] == harness.sample_answers("forno")
    assert any("another plan" in w.value for w in tab.at.warning)  # and the user is told


def test_two_plans_in_one_tab_keep_each_its_own_goals_although_their_goal_ids_are_the_same():
    """One's own plan and a sample both have a goal ``g1``: a stale edit on one must not land on the other."""
    goals = harness.sample_file("forno", "goals.json")
    mine = [{**goals[0], "title": "Più prenotazioni al tavolo", "owner": "Anna"}]
    assert mine[0]["id"] == "g1" == goals[0]["id"]
    own = harness.own_plan(goals=mine)
    tab = Tab("en", own).page("pages/goals.py")
    sample = harness.own_plan("Forno d'esempio", goals=goals, sample="forno")
    shown = tab.shown()  # the tab shows one's own goal g1...
    tab.go_to(sample)  # ...and the link now names the sample's plan
    shown.send(shown.text_input(":goal:g1:owner").input("Anna Rossi"))  # typed on the page still showing g1

    assert harness.plan(sample)["goals"] == goals, "one's own goal's values reached the sample's g1"
    assert harness.plan(own)["goals"] == mine  # made on the other plan: not written anywhere
    tab.at.text_input(key=next(w.key for w in tab.at.text_input if str(w.key).endswith(":goal:g1:owner"))).input(
        "Bruno"
    ).run()
    assert harness.plan(sample)["goals"][0]["owner"] == "Bruno"  # the plan on screen takes its own edits


def test_a_tap_while_the_rerun_that_opens_a_sample_is_under_way_stays_out_of_the_sample():
    own = harness.own_plan()
    tab = Tab("en", own)
    shown = tab.shown()  # one's own, unanswered self-check
    tab.button("officina").click().run()  # the rerun that opens the sample...
    sample = tab.token
    assert sample != own
    harness.tap_shown(shown, 0, 2)  # ...and a tap on the page that was still on screen

    assert harness.plan(sample)["selfcheck"] == harness.sample_answers("officina")
    assert harness.plan(own)["selfcheck"] == {}


def test_a_re_seeded_page_takes_no_stale_value_after_the_plan_changed_elsewhere():
    """Another tab (or the facilitator's fill of a sample) changes the plan: the page's widgets are seeded
    afresh, and a value still on screen from before is not taken for one the user gave."""
    own = harness.own_plan(selfcheck={"goals": 2, "kpi": 2})
    tab = Tab("en", own)
    shown = tab.shown()
    other = Tab("en", own)
    other.at.radio[0].set_value(0).run()  # the other tab answers "No" to the first question
    assert harness.plan(own)["selfcheck"] == {"goals": 0, "kpi": 2}
    tab.go_to(own)  # this tab reruns and sees the change
    harness.tap_shown(shown, 5, 1)  # a tap on the old page: its first answer still shows "Yes"

    assert harness.plan(own)["selfcheck"] == {"goals": 0, "kpi": 2}


def test_a_link_to_no_plan_still_lets_one_start_a_plan_and_answer():
    """The identity check compares with the link the page was drawn for, which may name no plan."""
    missing = "A" * 43
    tab = Tab("en", missing)
    tab.at.radio[0].set_value(1).run()  # the first answer creates a plan and puts it in the link
    created = tab.token
    assert created and created != missing and harness.plan(created)["selfcheck"] == {"goals": 1}
