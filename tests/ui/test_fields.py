"""Text fields say their limit and keep what fits (issue 21 point 6): a 544-character paste into a 120-character
field used to leave it empty with no message, and typing stopped at 120 with no word."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core import i18n
from core.plan import plan as plan_mod
from tests.app.conftest import open_page, wkey
from ui import resources

ROOT = Path(__file__).resolve().parents[2]
SHELL = ["app.py", *sorted(str(p.relative_to(ROOT)) for d in ("pages", "ui") for p in (ROOT / d).rglob("*.py"))]
TEXT_WIDGETS = {"text_input", "text_area", "chat_input"}
PASTE = "Panificio e pasticceria artigianale " * 16  # 576 characters, as pasted from a website's "about" text
NAME = "business/name"  # the field on the Business page, whose key names the plan (wkey)


def _empty_plan():
    store = resources.get_store()
    return store, store.create(plan_mod.new_plan(dt.date.today()))[0]


def _calls(rel: str):
    for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node, node.func.attr, {k.arg: k.value for k in node.keywords if k.arg}


def test_no_text_field_uses_max_chars_which_drops_a_longer_paste_whole_and_silently():
    found = [f"{rel}:{node.lineno}" for rel in SHELL for node, name, kw in _calls(rel)
             if name in TEXT_WIDGETS and "max_chars" in kw]  # fmt: skip
    assert found == []


def test_every_table_column_with_a_limit_says_it_in_its_help():
    unsaid = []
    for rel in SHELL:
        for node, name, kw in _calls(rel):
            if name == "TextColumn" and "max_chars" in kw:
                help_ = kw.get("help")
                said = isinstance(help_, ast.Call) and ast.unparse(help_.func) == "fields.help_for"
                if not (said and ast.unparse(help_.args[1]) == ast.unparse(kw["max_chars"])):
                    unsaid.append(f"{rel}:{node.lineno}")
    assert unsaid == []


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_long_paste_into_the_business_name_keeps_the_first_120_characters_and_says_so(lang):
    store, empty_token = _empty_plan()
    at = open_page("pages/business.py", lang, empty_token)
    field = at.text_input(key=wkey(at, empty_token, NAME))
    example = i18n.t(lang, "business.name_placeholder")
    assert field.placeholder == i18n.t(lang, "input.limit_after", example=example, max=120)
    field.input(PASTE).run()
    assert not at.exception
    assert store.load(empty_token)[0]["business"]["name"] == PASTE[:120].strip()
    assert at.text_input(key=wkey(at, empty_token, NAME)).value == PASTE[:120]
    told = i18n.t(lang, "input.cut", field=i18n.t(lang, "business.name"), max=120, length=len(PASTE))
    assert [toast.value for toast in at.toast] == [told]


def test_a_name_within_the_limit_is_kept_whole_with_no_notice():
    store, empty_token = _empty_plan()
    at = open_page("pages/business.py", "en", empty_token)
    at.text_input(key=wkey(at, empty_token, NAME)).input(PASTE[:120]).run()
    assert store.load(empty_token)[0]["business"]["name"] == PASTE[:120].strip() and not at.toast


def _script() -> None:
    import streamlit as st

    from ui import fields

    lang = st.query_params.get("lang", "en")
    st.text_input("Free", **fields.limit(lang, 10, "Free", key="free", on_change=lambda: st.session_state.update(n=1)))
    with st.form("form"):
        st.text_input("Boxed", **fields.limit(lang, 5, "Boxed", key="boxed", form=True))
        kept = fields.keeping(
            lang, {"boxed": (5, "Boxed")}, lambda: st.session_state.update(got=st.session_state.boxed)
        )
        st.form_submit_button("Add", on_click=kept)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_field_in_a_form_is_cut_when_the_form_is_sent_before_its_callback_reads_it(lang):
    at = AppTest.from_function(_script)
    at.query_params["lang"] = lang
    at.run()
    assert at.text_input(key="boxed").placeholder == i18n.t(lang, "input.limit", max=5)
    at.text_input(key="boxed").input("abcdefgh")
    at.button[0].click().run()
    assert at.session_state["got"] == "abcde" and at.text_input(key="boxed").value == "abcde"
    assert [t.value for t in at.toast] == [i18n.t(lang, "input.cut", field="Boxed", max=5, length=8)]


def test_a_field_outside_a_form_runs_its_own_callback_on_the_kept_text():
    at = AppTest.from_function(_script).run()
    at.text_input(key="free").input("0123456789ABC").run()
    assert at.text_input(key="free").value == "0123456789" and at.session_state["n"] == 1
    assert len(at.toast) == 1


@pytest.mark.parametrize(("lang", "said"), [("it", "Al massimo 1.200 caratteri."), ("en", "Up to 1,200 characters.")])
def test_the_limit_is_said_with_the_languages_number_format(lang, said):
    from ui import fields

    assert fields.help_for(lang, 1200) == said == fields.placeholder_for(lang, 1200)
    assert fields.help_for(lang, 1200, "Nome.") == f"Nome. {said}"
    assert "1.200" in fields.placeholder_for("it", 1200, "es. Forno") and "1,200" in fields.placeholder_for(
        "en", 1200, "e.g."
    )


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_field_too_narrow_for_its_example_and_its_limit_says_the_limit_in_its_help(lang):
    store, empty_token = _empty_plan()
    at = open_page("pages/business.py", lang, empty_token)
    town = at.text_input(key=wkey(at, empty_token, "business/town#town"))
    assert town.placeholder == i18n.t(lang, "business.town_placeholder")  # the example stays whole
    assert town.help == i18n.t(lang, "input.limit", max=120)
    assert at.text_input(key=wkey(at, empty_token, "business/town#hint")).help == i18n.t(lang, "input.limit", max=20)
