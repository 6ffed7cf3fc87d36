import datetime as dt

import pytest

from core import i18n
from core.goals import goals, smart
from tests.app.conftest import open_page, wkey


def _plan_goals(store, token):
    return store.load(token)[0]["goals"]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_goals_page_shows_the_sample_goals_with_their_smart_check(lang, sample_token, store):
    at = open_page("pages/goals.py", lang, sample_token)
    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "goalspage.title")
    first = goals.Goal.from_dict(_plan_goals(store, sample_token)[0])
    letters = [i18n.t(lang, "goals.smart.letter." + c.letter) for c in smart.smart_check(first, dt.date.today())]
    shown = " ".join(e.value for e in list(at.success) + list(at.error))
    assert all(letter in shown for letter in letters)


def test_adding_a_goal_from_a_template_takes_two_clicks(empty_token, store):
    at = open_page("pages/goals.py", "en", empty_token)
    at.selectbox(key="goals_objective").set_value("footfall").run()
    add = [b for b in at.button if b.proto.label == i18n.t("en", "goalspage.add_this")][0]
    add.click().run()
    assert not at.exception
    saved = _plan_goals(store, empty_token)
    assert len(saved) == 1 and saved[0]["objective"] == "footfall" and saved[0]["kpi"]


def test_open_an_instagram_page_becomes_a_goal_that_passes_all_five_letters(sample_token, store):
    at = open_page("pages/goals.py", "it", sample_token)
    at.button(key=wkey(at, sample_token, "add_custom_local_awareness")).click().run()
    goal_id = _plan_goals(store, sample_token)[-1]["id"]
    assert at.session_state["goal_selected"] == goal_id
    at.text_input(key=wkey(at, sample_token, "goal", goal_id, "title")).input("Aprire una pagina Instagram").run()
    assert any(i18n.t("it", "goalspage.use_better") == b.proto.label for b in at.button)
    at.button(key=wkey(at, sample_token, f"better_{goal_id}")).click().run()
    at.text_input(key=wkey(at, sample_token, "goal", goal_id, "owner")).input("Giulia").run()
    assert not at.exception
    goal = goals.Goal.from_dict(_plan_goals(store, sample_token)[-1])
    failed = [c.letter for c in smart.smart_check(goal, dt.date.today()) if not c.passed]
    assert failed == [] and goal.kpi != "followers"


def test_the_goal_table_lists_every_goal_with_its_smart_letters(sample_token, store):
    at = open_page("pages/goals.py", "en", sample_token)
    table = at.dataframe[0].value
    saved = _plan_goals(store, sample_token)
    assert list(table["title"]) == [g["title"] for g in saved]
    assert all(len(letters.split()) == 5 for letters in table["smart"])


def test_editing_a_detail_field_saves_it(sample_token, store):
    at = open_page("pages/goals.py", "en", sample_token)
    first = _plan_goals(store, sample_token)[0]
    at.text_input(key=wkey(at, sample_token, "goal", first["id"], "owner")).input("Chiara").run()
    assert _plan_goals(store, sample_token)[0]["owner"] == "Chiara"


def test_an_invalid_value_is_refused_with_the_reason_and_not_saved(sample_token, store):
    at = open_page("pages/goals.py", "en", sample_token)
    before = _plan_goals(store, sample_token)
    rate_goal = next((g for g in before if g["kpi"] in ("repeat_rate", "engagement_rate")), None)
    assert rate_goal is not None
    at.selectbox(key=wkey(at, sample_token, f"goal_pick_{at.session_state['goal_selected']}")).set_value(
        rate_goal["id"]
    ).run()
    at.number_input(key=wkey(at, sample_token, "goal", rate_goal["id"], "target")).set_value(250.0).run()
    assert any(i18n.t("en", "goalspage.invalid", reason="")[:10] in e.value for e in at.error)
    assert _plan_goals(store, sample_token) == before


def test_deleting_a_goal_removes_it(sample_token, store):
    at = open_page("pages/goals.py", "en", sample_token)
    before = _plan_goals(store, sample_token)
    at.button(key=wkey(at, sample_token, f"delete_{before[0]['id']}")).click().run()
    assert [g["id"] for g in _plan_goals(store, sample_token)] == [g["id"] for g in before[1:]]
