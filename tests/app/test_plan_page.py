import json

import pytest

from core import i18n, safe_text
from core.plan import plan as plan_mod
from tests.app.conftest import markdown_tables, open_page


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_plan_page_shows_what_the_plan_holds(lang, sample_token, store):
    at = open_page("pages/plan.py", lang, sample_token)
    assert not at.exception
    plan, _ = store.load(sample_token)
    text = " ".join(m.value for m in at.markdown)
    assert plan["business"]["name"] in text
    assert list(markdown_tables(at)[-1].iloc[:, 0]) == [safe_text.for_markdown(g["title"]) for g in plan["goals"]]
    assert at.title[0].value == i18n.t(lang, "plan.title")


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_plan_is_offered_as_pdf_xlsx_markdown_and_json(lang, sample_token):
    at = open_page("pages/plan.py", lang, sample_token)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [
        i18n.t(lang, k) for k in ("plan.download_pdf", "plan.download_xlsx", "plan.download_md", "plan.download")
    ]


def _restore(at, name: str, data: bytes):
    at.file_uploader[0].upload(name, data, "application/json")
    submit = [b for b in at.button if b.proto.label == i18n.t("en", "plan.restore")][0]
    submit.click().run()
    return at


def test_uploading_a_plan_file_restores_it_exactly(sample_token, empty_token, store):
    saved, _ = store.load(sample_token)
    at = open_page("pages/plan.py", "en", empty_token)
    _restore(at, "rotta-forno.json", plan_mod.to_json(saved).encode("utf-8"))
    assert not at.exception
    assert store.load(empty_token)[0] == saved


@pytest.mark.parametrize(
    ("data", "reason_key"),
    [(b"{broken", "plan.err.not_json"), (json.dumps({"format": "x"}).encode(), "plan.err.format")],
)
def test_a_bad_plan_file_is_refused_with_a_message_and_replaces_nothing(data, reason_key, sample_token, store):
    before = store.load(sample_token)
    at = open_page("pages/plan.py", "en", sample_token)
    _restore(at, "bad.json", data)
    errors = " ".join(e.value for e in at.error)
    reason = i18n.t("en", reason_key, line=1, col=2, found="x")[:12]
    assert safe_text.for_markdown("bad.json") in errors and safe_text.for_markdown(reason) in errors  # Markdown source
    assert store.load(sample_token) == before


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_plan_file_with_a_field_no_page_could_show_is_refused_naming_it(lang, sample_token, store):
    saved, _ = store.load(sample_token)
    broken = {**saved, "areas": [{"name": "Quartiere [x](javascript:alert(1))", "circle": {"lat": 41.9, "lon": 12.5}}]}
    before = store.load(sample_token)
    at = open_page("pages/plan.py", lang, sample_token)
    at.file_uploader[0].upload("rotta.json", plan_mod.to_json(broken).encode("utf-8"), "application/json")
    [b for b in at.button if b.proto.label == i18n.t(lang, "plan.restore")][0].click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    reason = i18n.Message("plan.err.entry", {"section": "areas", "row": 1, "reason": i18n.Message("plan.err.area")})
    assert safe_text.for_markdown(reason.render(lang)) in errors and "rotta" in errors
    assert store.load(sample_token) == before
