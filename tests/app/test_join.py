"""Joining a workshop: a forgiving code field, a plan of one's own on Start, clear refusals, consent, privacy."""

import datetime as dt

import pytest

from core import i18n
from core.plan import plan as plan_mod
from core.workshop import room, workshop
from tests.app.conftest import new_app, open_page
from ui import room as room_ui


def _texts(at):
    parts = list(at.markdown) + list(at.title) + list(at.header) + list(at.subheader) + list(at.caption) + list(at.info)
    parts += list(at.warning) + list(at.error) + list(at.success)
    return " ".join(str(e.value) for e in parts)


def _param(at, name):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def _join(typed, lang="en"):
    at = open_page("pages/join.py", lang)
    at.text_input(key="join_code").input(typed)
    return at.button[0].click().run()


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_join_page_asks_for_the_code_in_both_languages(lang):
    at = open_page("pages/join.py", lang)
    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "workshop.join.heading")
    assert at.text_input(key="join_code").label == i18n.t(lang, "workshop.join.input")
    assert i18n.t(lang, "workshop.join.input_help") in _texts(at)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_start_page_links_to_joining_a_workshop(lang):
    at = new_app(lang).run()
    links = [(link.proto.page, link.proto.label) for link in at.get("page_link")]
    assert any(page.endswith("join") and label == i18n.t(lang, "step.join") for page, label in links), links


@pytest.mark.parametrize("shape", ["{code}", "{lower}", "{shown}", " {spaced} ", "{shown_lower}"])
def test_a_loosely_typed_code_joins_and_lands_on_start_with_a_plan_of_ones_own(ws, store, made, shape):
    shown = workshop.format_code(made.code)
    typed = shape.format(code=made.code, lower=made.code.lower(), shown=shown, spaced=" ".join(made.code),
                         shown_lower=shown.lower().replace("-", " - "))  # fmt: skip
    at = _join(typed)
    assert not at.exception
    token = _param(at, "plan")
    assert ws.membership(token).id == made.id
    plan, _ = store.load(token)
    assert plan["room"] == {"share": False, "workshop": made.id}
    assert at.title[0].value == i18n.t("en", "start.title")  # the Start page
    assert i18n.t("en", "workshop.join.joined") in _texts(at)
    assert at.toggle[0].label == i18n.t("en", "workshop.share.label") and at.toggle[0].value is False


def test_the_qr_codes_link_fills_the_code_in(made):
    at = new_app("it")
    at.query_params["join"] = made.code.lower()
    at.run()
    at.switch_page("pages/join.py").run()
    assert at.text_input(key="join_code").value == workshop.format_code(made.code)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_wrong_code_says_so_and_opens_no_plan(lang, made):
    wrong = "23456789" if made.code != "23456789" else "98765432"
    at = _join(wrong, lang)
    assert [e.value for e in at.error] == [i18n.t(lang, "workshop.join.wrong")]
    assert "plan" not in at.query_params


@pytest.mark.parametrize(
    ("typed", "key", "params"),
    [("", "join.empty", {}), (" - ", "join.empty", {}), ("K7QM", "join.malformed", {"length": 4, "expected": 8}),
     ("K0QM-3XTP", "join.malformed", {"length": 8, "expected": 8})],
)  # fmt: skip
def test_what_cannot_be_a_code_is_explained_without_using_up_a_try(typed, key, params):
    at = _join(typed, "it")
    shown = [e.value for e in list(at.error) + list(at.warning)]
    assert shown == [i18n.t("it", key, **params)]


def test_a_closed_workshop_says_ask_for_a_new_code(ws, made):
    ws.close(made.id, room_ui.now())
    at = _join(made.code, "it")
    assert [e.value for e in at.error] == [i18n.t("it", "workshop.join.closed")]
    assert "plan" not in at.query_params


def test_too_many_wrong_codes_make_the_session_wait_and_say_how_long(made):
    wrong = "23456789" if made.code != "23456789" else "98765432"
    at = _join(wrong, "en")
    for _ in range(4):
        at.button[0].click().run()
    at.text_input(key="join_code").input(made.code)  # even the right code waits: a limited try checks nothing
    at.button[0].click().run()
    waits = {i18n.t("en", "workshop.join.limited_seconds", seconds=s) for s in range(30, 61)}  # under a minute
    assert len(at.error) == 1 and at.error[0].value in waits
    assert "plan" not in at.query_params


def test_the_consent_toggle_saves_and_the_room_shows_the_name_only_then(ws, store, made):
    token = _param(_join(made.code), "plan")
    store.apply(token, [plan_mod.Change(("business", "name"), "", "Forno Gatta Rossa")])
    at = new_app("en", token).run()
    assert room.summarise(ws.room_snapshot(made.id), dt.date.today()).people[0].name == ""
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert store.load(token)[0]["room"]["share"] is True
    person = room.summarise(ws.room_snapshot(made.id), dt.date.today()).people[0]
    assert person.shared and person.name == "Forno Gatta Rossa"
    at.toggle[0].set_value(False).run()
    assert store.load(token)[0]["room"]["share"] is False


def test_a_plan_outside_any_workshop_shows_no_consent_toggle(store, empty_token):
    at = new_app("en", empty_token).run()
    assert not at.toggle
    forged = plan_mod.new_plan(dt.date.today())
    forged["room"] = {"share": True, "workshop": "made-up"}  # a plan file cannot enrol itself
    at = new_app("en", store.create(forged)[0]).run()
    assert not at.toggle


def _one_character_changed(token: str) -> str:
    return token[:10] + ("A" if token[10] != "A" else "B") + token[11:]


def test_another_participants_plan_cannot_be_opened_with_a_token_one_character_off(ws, store, made):
    first = _param(_join(made.code), "plan")
    store.apply(first, [plan_mod.Change(("business", "name"), "", "Bottega Privata")])
    second = _param(_join(made.code), "plan")
    assert second != first
    at = open_page("app.py", "en", token=_one_character_changed(first))
    assert i18n.t("en", "frame.plan_missing") in _texts(at)
    assert "Bottega Privata" not in _texts(at) and not at.toggle
    at = open_page("pages/business.py", "en", token=_one_character_changed(first))
    assert "Bottega Privata" not in _texts(at) and not at.text_input


def test_the_room_view_shows_nothing_to_a_participant_without_the_secret(made):
    at = _join(made.code)
    at.switch_page("pages/workshop.py")
    at.query_params["room"] = made.id
    at.run()
    assert i18n.t("en", "workshoppage.locked") in _texts(at)
    assert not at.metric and not at.dataframe and not at.get("image")
