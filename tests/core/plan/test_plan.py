import datetime as dt
import json

import pytest

from core.plan import plan as plan_mod
from core.plan.plan import Change, Conflict, PlanError

TODAY = dt.date(2026, 11, 27)


def _plan(**business):
    plan = plan_mod.new_plan(TODAY)
    plan["business"].update(business)
    return plan


def test_a_new_plan_is_valid_and_round_trips_exactly_through_json():
    plan = _plan(
        name="Forno «Città» ${x} `a`", channels=[{"channel": "instagram", "followers": 1240, "posts_per_week": 3.0}]
    )
    text = plan_mod.to_json(plan)
    assert plan_mod.from_json(text.encode("utf-8")) == plan
    assert plan_mod.from_json(text) == plan


def test_a_file_with_a_byte_order_mark_still_loads():
    plan = _plan(name="Cantù")
    assert plan_mod.from_json(b"\xef\xbb\xbf" + plan_mod.to_json(plan).encode("utf-8")) == plan


def _doc(**changes):
    doc = plan_mod.new_plan(TODAY)
    for key, value in changes.items():
        doc[key] = value
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "plan.err.not_json"),
        (b"\xff\xfe\x00garbage", "plan.err.not_text"),
        (b"{not json", "plan.err.not_json"),
        (b"[1, 2]", "plan.err.not_object"),
        (b'{"format": "something-else", "version": 1}', "plan.err.format"),
        (b'{"format": "rotta-plan"}', "plan.err.version_missing"),
        (b'{"format": "rotta-plan", "version": 99}', "plan.err.version_new"),
        (_doc(goals={"a": 1}).encode(), "plan.err.section"),
        (_doc(business={"name": 5}).encode(), "plan.err.field"),
        (_doc(business={"channels": [{"channel": "myspace"}]}).encode(), "plan.err.channel"),
        (_doc(business={"channels": [{"channel": "instagram", "followers": -3}]}).encode(), "plan.err.channel_number"),
        (_doc(business={"markets": ["moon"]}).encode(), "plan.err.field"),
        (_doc(business={"town": {"name": "Roma"}}).encode(), "plan.err.field"),
        (_doc(selfcheck={"goals": 7}).encode(), "plan.err.selfcheck"),
        (b"x" * (plan_mod.MAX_JSON_BYTES + 1), "plan.err.too_big"),
    ],
)
def test_a_bad_plan_file_is_refused_saying_what_is_wrong(data, key):
    with pytest.raises(PlanError) as info:
        plan_mod.from_json(data)
    assert info.value.message.key == key
    assert info.value.message.render("it") and info.value.message.render("en")


def _with(text: str) -> bytes:
    """A sound plan file with ``text`` as the value of an extra top-level key (which the plan keeps)."""
    return _doc()[:-1].encode() + b', "extra": ' + text.encode() + b"}"


MALFORMED = [  # each raised something other than PlanError, or was taken, before
    ("100,000 nested brackets", b"[" * 100_000 + b"]" * 100_000, "fields.file.too_deep"),  # RecursionError
    ("100,000 nested objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "fields.file.too_deep"),
    ("17 levels, under Python's limit", _with("[" * 16 + "]" * 16), "fields.file.too_deep"),
    ("a 5,000-digit integer", _with("9" * 5000), "fields.file.long_number"),  # ValueError: the digit limit
    ("10**400", _with("1" + "0" * 400), "fields.file.long_number"),  # OverflowError in float()
    ("-(10**400)", _with("-1" + "0" * 400), "fields.file.long_number"),
    ("1e400", _with("1e400"), "fields.file.huge_number"),  # infinity: no database stores it as JSON
    ("a 400-digit float", _with("1" + "0" * 400 + ".5"), "fields.file.huge_number"),
    ("NaN", _with("NaN"), "fields.file.constant"),
    ("-Infinity", _with("-Infinity"), "fields.file.constant"),
    ("a lone surrogate", _with(r'"\ud800"'), "fields.file.not_unicode"),
    ("a lone surrogate in a key", _with(r'{"\udfff": 1}'), "fields.file.not_unicode"),
    ("version 0", b'{"format": "rotta-plan", "version": 0}', "fields.file.version"),
    ("version -1", b'{"format": "rotta-plan", "version": -1}', "fields.file.version"),
    ("a 30-digit version", b'{"format": "rotta-plan", "version": ' + b"9" * 30 + b"}", "plan.err.version_new"),
    ("a file over the size limit", b"x" * (plan_mod.MAX_JSON_BYTES + 1), "plan.err.too_big"),
    ("the same, as text", "x" * (plan_mod.MAX_JSON_BYTES + 1), "plan.err.too_big"),
]


@pytest.mark.parametrize(("data", "key"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_every_malformed_plan_file_gets_a_plan_error_naming_what_is_wrong_in_both_languages(data, key):
    with pytest.raises(PlanError) as info:
        plan_mod.from_json(data)
    assert info.value.message.key == key
    texts = [info.value.message.render(lang) for lang in ("it", "en")]
    assert texts[0] != texts[1] and all(0 < len(t) < 200 for t in texts)
    if key in ("fields.file.too_deep", "fields.file.long_number"):
        assert all(str(info.value.message.params["limit"]) in t for t in texts)  # the limit is said


def test_a_plan_nested_as_deep_as_the_limit_and_numbers_as_long_are_still_read():
    deep = "[" * (plan_mod.MAX_DEPTH - 2) + "]" * (plan_mod.MAX_DEPTH - 2)  # inside the plan and "extra"
    doc = plan_mod.from_json(_with(f'{{"a": {deep}, "n": {"9" * plan_mod.MAX_DIGITS}, "x": 1.5e300}}'))
    assert doc["extra"]["n"] == int("9" * plan_mod.MAX_DIGITS) and doc["extra"]["x"] == 1.5e300


def test_changes_to_different_fields_from_two_tabs_merge():
    stored = _plan(name="Forno")
    tab_a = [Change(("business", "name"), "Forno", "Forno Aurelio")]
    tab_b = [Change(("business", "markets"), [], ["local"])]
    merged = plan_mod.apply(plan_mod.apply(stored, tab_a), tab_b)
    assert merged["business"]["name"] == "Forno Aurelio"
    assert merged["business"]["markets"] == ["local"]


def test_a_change_to_a_field_that_moved_meanwhile_is_refused_not_overwritten():
    stored = plan_mod.apply(_plan(name="Forno"), [Change(("business", "name"), "Forno", "Forno Aurelio")])
    with pytest.raises(Conflict) as info:
        plan_mod.apply(stored, [Change(("business", "name"), "Forno", "Forno Roma")])
    assert (info.value.yours, info.value.theirs) == ("Forno Roma", "Forno Aurelio")


def test_the_same_change_made_twice_is_not_a_conflict():
    stored = plan_mod.apply(_plan(name="A"), [Change(("business", "name"), "A", "B")])
    assert plan_mod.apply(stored, [Change(("business", "name"), "A", "B")])["business"]["name"] == "B"


def test_apply_does_not_modify_the_plan_it_is_given():
    stored = _plan(name="A")
    plan_mod.apply(stored, [Change(("selfcheck", "goals"), None, 2)])
    assert stored["selfcheck"] == {}


@pytest.mark.parametrize(
    ("name", "created", "expected"),
    [
        ("Forno Aurelio", "2026-11-27", "rotta-forno-aurelio-2026-11-27.json"),
        ("../../etc/passwd", "2026-11-27", "rotta-etc-passwd-2026-11-27.json"),
        ("Caffè «Città»", "x/../y", "rotta-caffe-citta.json"),
        ("<script>", "", "rotta-script.json"),
        ("", "2026-01-01", "rotta-plan-2026-01-01.json"),
    ],
)
def test_download_names_from_user_text_are_safe(name, created, expected):
    assert plan_mod.file_name(name, created) == expected


def test_a_sample_profile_becomes_a_plan_with_its_goals():
    profile = {
        "business": {"name": "Forno", "sector": None, "town": None, "channels": [], "markets": ["local"]},
        "selfcheck": {"goals": 0},
    }
    plan = plan_mod.from_sample(
        "forno",
        profile,
        [{"id": "g1", "objective": "local_awareness", "title": "Più clienti", "start": "2026-11-01"}],
        TODAY,
    )
    assert plan["sample"] == "forno" and plan["goals"][0]["title"] == "Più clienti"
    assert plan["business"]["markets"] == ["local"]
