import datetime as dt
import math
import string
from collections import Counter

import pytest

from core import i18n
from core.plan import plan as plan_mod
from core.workshop import workshop

NOW = dt.datetime(2026, 11, 27, 9, 30)
MINUTE = dt.timedelta(minutes=1)
DAY = NOW.date()


@pytest.mark.parametrize("char", list("0O1IlLU") + [" ", "-"])
def test_the_code_alphabet_has_no_look_alike_characters(char):
    assert char.upper() not in workshop.ALPHABET


def test_the_code_alphabet_is_upper_case_letters_and_digits_without_repeats():
    assert set(workshop.ALPHABET) <= set(string.ascii_uppercase + string.digits)
    assert len(set(workshop.ALPHABET)) == len(workshop.ALPHABET) == 30


def test_a_code_is_at_least_six_characters_with_at_least_30_bits():
    assert workshop.CODE_LENGTH >= 6
    assert workshop.code_bits() == pytest.approx(workshop.CODE_LENGTH * math.log2(len(workshop.ALPHABET)))
    assert workshop.code_bits() >= 30


def test_new_codes_are_well_formed_distinct_and_use_the_whole_alphabet():
    codes = [workshop.new_code() for _ in range(2000)]
    assert all(len(c) == workshop.CODE_LENGTH and workshop.is_well_formed(c) for c in codes)
    assert len(set(codes)) == len(codes)
    counts = Counter("".join(codes))
    assert set(counts) == set(workshop.ALPHABET)
    expected = len(codes) * workshop.CODE_LENGTH / len(workshop.ALPHABET)  # ~533 per symbol
    assert all(0.7 * expected < n < 1.3 * expected for n in counts.values())


def test_a_code_is_drawn_with_the_given_source_of_randomness():
    picks = iter("K7QM3XTP")
    assert workshop.new_code(lambda alphabet: next(picks)) == "K7QM3XTP"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("K7QM3XTP", "K7QM3XTP"),
        ("k7qm3xtp", "K7QM3XTP"),
        ("K7QM-3XTP", "K7QM3XTP"),
        (" k7qm 3xtp ", "K7QM3XTP"),
        ("k7-qm_3x.tp", "K7QM3XTP"),
        ("K7QM–3XTP", "K7QM3XTP"),  # an en dash from a phone keyboard's autocorrect
        ("Ｋ７ＱＭ３ＸＴＰ", "K7QM3XTP"),  # full-width characters
        ("", ""),
        (None, ""),
    ],
)
def test_typed_codes_are_normalised_ignoring_case_spaces_and_dashes(typed, stored):
    assert workshop.normalize_code(typed) == stored


@pytest.mark.parametrize(
    ("code", "well_formed"),
    [("K7QM3XTP", True), ("K7QM3XT", False), ("K7QM3XTPA", False), ("K7QM3XT0", False), ("K7QM3XTO", False),
     ("k7qm3xtp", False), ("", False)],
)  # fmt: skip
def test_only_normalised_codes_of_the_right_length_and_symbols_are_well_formed(code, well_formed):
    assert workshop.is_well_formed(code) is well_formed


def test_a_code_is_shown_in_groups_of_four_and_the_shown_form_normalises_back():
    assert workshop.format_code("K7QM3XTP") == "K7QM-3XTP"
    assert workshop.normalize_code(workshop.format_code("K7QM3XTP")) == "K7QM3XTP"


def test_the_join_link_carries_the_code():
    assert workshop.join_url("https://rotta.example/", "K7QM3XTP") == "https://rotta.example/?join=K7QM3XTP"


def _workshop(closed_at=None, expires_at=None):
    return workshop.Workshop(
        "w1", "Social", dt.date(2026, 11, 27), "Perugia", "it", "K7QM3XTP", NOW, closed_at, expires_at
    )


@pytest.mark.parametrize(
    ("closed_at", "expires_at", "at", "open_"),
    [
        (None, None, NOW + dt.timedelta(days=400), True),
        (NOW + MINUTE, None, NOW, True),
        (NOW + MINUTE, None, NOW + MINUTE, False),
        (NOW, None, NOW + dt.timedelta(days=1), False),
        (None, NOW + dt.timedelta(hours=8), NOW + dt.timedelta(hours=7), True),
        (None, NOW + dt.timedelta(hours=8), NOW + dt.timedelta(hours=8), False),
    ],
)
def test_a_workshop_is_open_until_closed_or_past_its_maximum_age(closed_at, expires_at, at, open_):
    assert workshop.is_open(_workshop(closed_at, expires_at), at) is open_


@pytest.mark.parametrize(
    ("title", "date", "place", "lang", "secret", "field", "key"),
    [
        ("  ", dt.date(2026, 11, 27), "", "it", "segreto-1", "title", "workshop.error.title_empty"),
        ("x" * 121, dt.date(2026, 11, 27), "", "it", "segreto-1", "title", "workshop.error.title_too_long"),
        ("Social", "2026-11-27", "", "it", "segreto-1", "date", "workshop.error.date"),
        ("Social", NOW, "", "it", "segreto-1", "date", "workshop.error.date"),
        ("Social", DAY, "p" * 121, "it", "segreto-1", "place", "workshop.error.place_too_long"),
        ("Social", dt.date(2026, 11, 27), "", "fr", "segreto-1", "lang", "workshop.error.lang"),
        ("Social", dt.date(2026, 11, 27), "", "it", "corto", "secret", "workshop.error.secret_short"),
        ("Social", dt.date(2026, 11, 27), "", "it", "s" * 201, "secret", "workshop.error.secret_too_long"),
    ],
)
def test_bad_workshop_details_are_refused_naming_the_field(title, date, place, lang, secret, field, key):
    with pytest.raises(workshop.WorkshopError) as caught:
        workshop.check_details(title, date, place, lang, secret)
    assert caught.value.field == field and caught.value.message.key == key
    assert all(caught.value.message.render(lang_) for lang_ in i18n.LANGS)


def test_good_workshop_details_pass():
    workshop.check_details("Social per botteghe", dt.date(2026, 11, 27), "Perugia", "it", "timone-e-vela")


def test_a_secret_is_hashed_with_its_own_salt_and_checked():
    salt = workshop.new_salt()
    stored = workshop.hash_secret("timone-e-vela", salt)
    assert len(salt) == workshop.SALT_BYTES and b"timone" not in stored
    assert workshop.secret_matches("timone-e-vela", salt, stored)
    assert not workshop.secret_matches("timone-e-vel", salt, stored)
    assert workshop.hash_secret("timone-e-vela", workshop.new_salt()) != stored


@pytest.mark.parametrize(("scheme", "cost"), [("scrypt:16384:8:1", 16384), ("scrypt:1024:8:1", 1024)])
def test_the_stored_scheme_names_the_scrypt_cost(scheme, cost):
    assert workshop.scheme_cost(scheme) == cost and workshop.scheme(cost) == scheme


@pytest.mark.parametrize("scheme", ["pbkdf2:1000:8:1", "scrypt:1024:16:1", "scrypt:1024"])
def test_an_unknown_scheme_is_refused(scheme):
    with pytest.raises(ValueError):
        workshop.scheme_cost(scheme)


def test_the_secret_check_compares_in_constant_time(monkeypatch):
    calls = []
    real = workshop.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(workshop.hmac, "compare_digest", spy)
    salt = workshop.new_salt()
    assert workshop.secret_matches("timone-e-vela", salt, workshop.hash_secret("timone-e-vela", salt))
    assert len(calls) == 1


def test_a_participant_plan_is_a_valid_plan_that_records_the_workshop_without_consent():
    plan = workshop.participant_plan("w1", NOW.date())
    assert plan_mod.validate(plan) is plan
    assert plan["room"] == {"share": False, "workshop": "w1"} and not workshop.shares(plan)


@pytest.mark.parametrize("share", [True, False])
def test_consent_is_set_with_a_plan_change(share):
    plan = workshop.participant_plan("w1", NOW.date())
    changed = plan_mod.apply(plan, [workshop.share_change(plan, share)])
    assert workshop.shares(changed) is share
    assert changed["room"]["workshop"] == "w1"


@pytest.mark.parametrize("room_value", [None, {}, {"share": "yes"}, {"share": 1}])
def test_anything_but_an_explicit_true_is_no_consent(room_value):
    assert not workshop.shares({"room": room_value})


@pytest.mark.parametrize("status", ["joined", "wrong", "closed", "limited"])
def test_every_join_result_has_a_message_in_both_languages(status):
    message = workshop.JoinResult(status, retry_after_s=61).message
    assert message.render("it") != message.render("en")
    if status == "limited":
        assert "61" in message.render("it") and "61" in message.render("en")


@pytest.mark.parametrize("status", ["ok", "wrong", "limited"])
def test_every_room_access_result_has_a_message_in_both_languages(status):
    message = workshop.AccessResult(status, retry_after_s=600).message
    assert message.render("it") != message.render("en")


@pytest.mark.parametrize(
    ("seconds", "it", "en"),
    [
        (1, "riprova tra 2 secondi", "try again in 2 seconds"),
        (55, "riprova tra 55 secondi", "try again in 55 seconds"),
        (90, "riprova tra 90 secondi", "try again in 90 seconds"),
        (91, "riprova tra 2 minuti", "try again in 2 minutes"),
        (600, "riprova tra 10 minuti", "try again in 10 minutes"),
    ],
)
def test_a_wait_is_said_in_seconds_up_to_a_minute_and_a_half_then_in_whole_minutes(seconds, it, en):
    for result in (workshop.JoinResult("limited", retry_after_s=seconds), workshop.AccessResult("limited", seconds)):
        assert it in result.message.render("it") and en in result.message.render("en")


@pytest.mark.parametrize(
    ("text", "is_id"),
    [("AbCdEfGh_-123456", True), ("AbCdEfGh_-12345", False), ("AbCdEfGh_-1234567", False),
     ("AbCdEfGh.-123456", False), ("no such room", False), ("", False), (None, False)],
)  # fmt: skip
def test_a_room_id_is_sixteen_url_safe_characters(text, is_id):
    assert workshop.is_room_id(text) is is_id


def test_a_new_room_id_passes_the_rule():
    import secrets

    assert all(workshop.is_room_id(secrets.token_urlsafe(workshop.ID_BYTES)) for _ in range(200))


def test_the_room_address_names_the_room_and_presenter_mode_names_only_the_public_code():
    base = "https://rotta.example/app/"
    assert (
        workshop.room_url(base, "AbCdEfGh_-123456", "it")
        == "https://rotta.example/app/workshop?room=AbCdEfGh_-123456&lang=it"
    )
    presenting = workshop.presenter_url(base, "K7QM3XTP", "en")
    assert presenting == "https://rotta.example/app/workshop?present=K7QM3XTP&lang=en"


@pytest.mark.parametrize("room", [{"share": True, "workshop": "w1"}, {"share": False, "workshop": "w2"}])
def test_a_refill_takes_the_replacements_content_and_keeps_the_plans_place_in_the_room(room):
    plan = {**plan_mod.new_plan(dt.date(2026, 11, 27)), "room": room}
    plan["business"]["name"] = "Bottega di Anna"
    replacement = plan_mod.new_plan(dt.date(2026, 12, 1), sample="forno")
    replacement["business"]["name"] = "Forno Gatta Rossa"
    filled = workshop.refill(plan, replacement)
    assert filled["business"]["name"] == "Forno Gatta Rossa" and filled["sample"] == "forno"
    assert filled["room"] == room and filled["room"] is not room  # a copy, not shared
    assert "room" not in replacement  # the replacement itself is left as it was


def test_a_refill_of_a_plan_outside_any_room_adds_no_room():
    plan = plan_mod.new_plan(dt.date(2026, 11, 27))
    assert "room" not in workshop.refill(plan, plan_mod.new_plan(dt.date(2026, 11, 27)))
