import pytest

from core import i18n, samples
from tests.app.conftest import new_app, open_page, wkey


def _texts(at):
    return " ".join(str(e.value) for e in list(at.markdown) + list(at.title) + list(at.caption) + list(at.header))


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_start_page_says_what_rotta_does_and_shows_the_path(lang):
    at = new_app(lang).run()
    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "start.title")
    labels = [link.proto.label for link in at.get("page_link")]
    for step in ("business", "plan"):
        assert any(i18n.t(lang, f"step.{step}") in label for label in labels)
    assert not any(i18n.t(lang, "step.start") in label for label in labels)  # the page itself: named, not linked
    assert f"**{i18n.t(lang, 'step.start')}**" in _texts(at)
    assert i18n.t(lang, "start.figure_source") in _texts(at)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_one_click_loads_a_sample_business_into_a_saved_plan(lang, store):
    at = new_app(lang).run()
    at.button(key=wkey(at, None, "sample", "cantina")).click().run()
    assert not at.exception
    token = at.query_params["plan"][0] if isinstance(at.query_params["plan"], list) else at.query_params["plan"]
    plan, _ = store.load(token)
    sample = samples.load_sample("cantina")
    assert plan["business"]["name"] == sample.profile["business"]["name"]
    # the sample's goals, their titles in the page's language (the files hold the Italian)
    titles = [i18n.t(lang, f"samples.cantina.{g['id']}.title") for g in sample.goals]
    assert [g["title"] for g in plan["goals"]] == titles
    assert [g["kpi"] for g in plan["goals"]] == [g["kpi"] for g in sample.goals]
    assert (plan["goals"] == sample.goals) is (lang == "it")
    assert i18n.t(lang, "start.current", name=plan["business"]["name"]) in _texts(at)
    loaded = i18n.t(lang, "start.loaded", name=samples.sample_names(lang)["cantina"])
    assert [s.value.replace("\\", "") for s in at.success] == [loaded.replace("\\", "")]  # in the card, once
    assert not at.run().success  # said once, not on every run after


def test_an_empty_plan_starts_blank(store):
    at = new_app("en").run()
    at.button(key=wkey(at, None, "empty_plan")).click().run()
    token = at.query_params["plan"]
    token = token[0] if isinstance(token, list) else token
    plan, _ = store.load(token)
    assert plan["business"]["name"] == "" and plan["goals"] == []


def test_answering_the_self_check_is_saved_and_scored(store, empty_token):
    at = new_app("en", empty_token).run()
    for radio in at.radio:
        radio.set_value(0)
    at.run()
    assert not at.exception
    plan, _ = store.load(empty_token)
    assert len(plan["selfcheck"]) == 8 and set(plan["selfcheck"].values()) == {0}
    assert i18n.t("en", "selfcheck.band.adrift") in _texts(at)


def test_the_self_check_creates_a_plan_when_none_is_open(store):
    at = new_app("it").run()
    at.radio[0].set_value(2).run()
    token = at.query_params["plan"]
    token = token[0] if isinstance(token, list) else token
    assert store.load(token)[0]["selfcheck"] == {"goals": 2}


def test_each_answer_is_saved_where_the_questions_rerun_alone_and_the_path_follows_on_the_next_page(store, empty_token):
    at = new_app("en", empty_token).run()
    for n, radio in enumerate(at.radio):
        radio.set_value(2).run()
        assert len(store.load(empty_token)[0]["selfcheck"]) == n + 1  # in the store at once, one by one
    assert i18n.t("en", "selfcheck.band.on_course") in _texts(at)
    at.switch_page("pages/business.py").run()
    assert not at.exception
    assert len(store.load(empty_token)[0]["selfcheck"]) == 8


def test_a_plan_link_that_does_not_exist_says_so_and_offers_a_new_plan():
    at = open_page("app.py", "en", token="A" * 43)
    assert any(i18n.t("en", "frame.plan_missing") in w.value for w in at.warning)
    assert at.button(key=wkey(at, None, "empty_plan"))


@pytest.mark.parametrize("slug", samples.SLUGS)
def test_each_sample_is_offered_with_its_description(slug):
    at = new_app("it").run()
    assert samples.load_sample(slug).profile["description"]["it"] in _texts(at)
