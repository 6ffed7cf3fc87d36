"""The facilitator's Workshop page: create, code and QR, the room behind the secret, close, present, export."""

import datetime as dt

import pytest

from core import i18n, samples
from core.plan import plan as plan_mod
from core.workshop import room, workshop
from tests.app.conftest import SECRET, open_page
from ui import room as room_ui


def _texts(at):
    parts = list(at.markdown) + list(at.title) + list(at.header) + list(at.subheader) + list(at.caption)
    parts += list(at.info) + list(at.warning) + list(at.error) + list(at.success) + list(at.text)
    return " ".join(str(e.value) for e in parts)


def _table_text(at):
    return " ".join(df.value.to_csv() for df in at.dataframe)


def _param(at, name):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def _create(at, title="Social per botteghe", place="Perugia", secret=SECRET):
    at.text_input[0].input(title)
    at.text_input[1].input(place)
    at.text_input[2].input(secret)
    return at.button[0].click().run()


def _unlocked(made, lang="en", present=False):
    at = open_page("pages/workshop.py", lang)
    at.query_params["room"] = made.id
    if present:
        at.query_params["present"] = "1"
    at.run()
    at.text_input[0].input(SECRET)
    return at.button[0].click().run()


def _participant(ws, store, made, name="", share=False, selfcheck=None):
    joined = ws.join(made.code, f"session-{name}", room_ui.now())
    plan, _ = store.load(joined.token)
    changes = [plan_mod.Change(("business", "name"), "", name), workshop.share_change(plan, share)]
    if selfcheck is not None:
        changes.append(plan_mod.Change(("selfcheck",), {}, selfcheck))
    store.apply(joined.token, changes)
    return joined.token


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_page_offers_to_create_a_workshop_in_both_languages(lang):
    at = open_page("pages/workshop.py", lang)
    assert not at.exception
    assert at.title[0].value == i18n.t(lang, "workshoppage.title")
    labels = [w.label for w in at.text_input]
    assert labels == [i18n.t(lang, f"workshop.create.{k}") for k in ("title", "place", "secret")]
    assert at.button[0].label == i18n.t(lang, "workshop.create.button")


def test_creating_a_workshop_shows_its_code_big_and_the_qr_and_opens_the_room(ws):
    at = _create(open_page("pages/workshop.py", "en"))
    assert not at.exception
    made = ws.get(_param(at, "room"))
    assert made is not None and made.title == "Social per botteghe" and made.place == "Perugia"
    assert at.title[1].value == workshop.format_code(made.code)
    assert len(at.get("image")) == 1
    assert i18n.t("en", "workshoppage.created") in _texts(at)
    assert [m.value for m in at.metric] == ["0", "0", "0"]
    assert i18n.t("en", "room.empty") in _texts(at)
    assert SECRET not in str(dict(at.query_params))
    assert at.session_state[room_ui.ACCESS_KEY] == {made.id: made.title}  # access lives in this tab's session


@pytest.mark.parametrize(
    ("title", "secret", "problem"),
    [("", SECRET, "title_empty"), ("   ", SECRET, "title_empty"), ("Social", "corta", "secret_short")],
)
def test_bad_details_say_what_is_wrong_and_create_nothing(title, secret, problem):
    at = open_page("pages/workshop.py", "it")
    at.text_input[0].input(title)
    at.text_input[2].input(secret)
    at.button[0].click().run()
    assert "room" not in at.query_params
    expected = i18n.Message(f"workshop.error.{problem}", {"min": 8, "max": 120}).render("it")
    assert [e.value for e in at.error] == [expected]


def test_the_room_stays_locked_without_the_secret_and_opens_with_it(ws, store, made):
    _participant(ws, store, made, "Forno Segreto", share=True)
    at = open_page("pages/workshop.py", "en")
    at.query_params["room"] = made.id
    at.run()
    assert i18n.t("en", "workshoppage.locked") in _texts(at)
    page = _texts(at)
    assert made.title not in page and workshop.format_code(made.code) not in page and "Forno Segreto" not in page
    assert not at.metric and not at.dataframe and not at.get("image")

    at.text_input[0].input("not-the-secret")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [i18n.t("en", "workshop.room_access.wrong")]
    assert not at.metric

    at.text_input[0].input(SECRET)
    at.button[0].click().run()
    assert at.title[0].value == made.title
    assert at.metric[0].value == "1"
    assert "Forno Segreto" in _table_text(at)


def test_wrong_secrets_are_limited_and_the_wait_is_said():
    made = room_ui.get_workshops().create("Limiti", dt.date(2026, 11, 27), "", "it", SECRET, room_ui.now())
    at = open_page("pages/workshop.py", "it")
    at.query_params["room"] = made.id
    at.run()
    for _ in range(5):
        at.text_input[0].input("sbagliata-di-nuovo")
        at.button[0].click().run()
        assert [e.value for e in at.error] == [i18n.t("it", "workshop.room_access.wrong")]
    at.text_input[0].input(SECRET)  # even the right secret waits: a limited try checks nothing
    at.button[0].click().run()
    assert [e.value for e in at.error] == [i18n.t("it", "workshop.room_access.limited", minutes=10)]
    assert not at.metric


def test_a_room_link_that_is_not_a_room_id_says_the_workshop_does_not_exist():
    at = open_page("pages/workshop.py", "en")
    at.query_params["room"] = "no such room"
    at.run()
    assert [w.value for w in at.warning] == [i18n.t("en", "workshoppage.missing")]
    assert not at.text_input


def test_the_room_counts_everyone_but_shows_names_and_numbers_only_with_consent(ws, store, made):
    _participant(ws, store, made, "Bottega Riservata", share=False, selfcheck=dict.fromkeys(_questions(), 0))
    shared = _participant(ws, store, made, "Forno Aperto", share=True)
    store.apply(shared, [plan_mod.Change(("business", "channels"), [], [{"channel": "instagram", "followers": 1860}])])

    at = _unlocked(made)
    assert not at.exception
    assert [m.value for m in at.metric][:2] == ["2", "1"]
    table = _table_text(at)
    assert "Forno Aperto" in table and "1,860" in table
    assert "Bottega Riservata" not in table and "Bottega Riservata" not in _texts(at)
    assert table.count(i18n.t("en", "workshoppage.not_shared")) == 1
    adrift = i18n.t("en", "workshoppage.count", label=i18n.t("en", "room.band.adrift"), n=1)
    assert adrift in [p.proto.text for p in at.get("progress")]


def test_the_room_shows_the_businesses_towns_on_one_map_without_names(ws, store, made):
    roma = {"name": "Roma", "province": "RM", "region": "Lazio", "country": "IT", "lat": 41.8933, "lon": 12.4829}
    for name in ("Bottega Uno", "Bottega Due"):
        token = _participant(ws, store, made, name)
        store.apply(token, [plan_mod.Change(("business", "town"), None, roma)])
    at = _unlocked(made)
    assert not at.exception
    maps = at.get("component_instance")
    assert len(maps) == 1  # the towns map (st_folium)
    html = str(maps[0].proto.json_args)
    assert "Roma (RM)" in html and "2" in html
    assert "Bottega Uno" not in html and "Bottega Due" not in html  # towns and counts, never names


def test_a_room_with_no_placed_business_draws_no_map(ws, store, made):
    _participant(ws, store, made, "Bottega")
    at = _unlocked(made)
    assert not at.exception and not at.get("component_instance")
    assert i18n.t("en", "workshoppage.towns.none") in _texts(at)


def _questions():
    from core.plan import selfcheck

    return [q.id for q in selfcheck.QUESTIONS]


def test_closing_the_workshop_stops_its_code_and_keeps_the_room(ws, store, made):
    _participant(ws, store, made, "Forno")
    at = _unlocked(made)
    at.button(key="close_yes").click().run()
    assert not at.exception
    assert ws.get(made.id).closed_at is not None
    assert i18n.t("en", "workshop.close.done") in _texts(at)
    assert i18n.t("en", "workshoppage.status.closed") in _texts(at)
    assert not at.get("image") and workshop.format_code(made.code) not in _texts(at)
    assert at.metric[0].value == "1"
    assert ws.join(made.code, "late-comer", room_ui.now()).status == "closed"


def test_the_anonymous_summary_is_offered_as_csv_and_markdown(made):
    at = _unlocked(made, "it")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [i18n.t("it", "workshoppage.export.csv"), i18n.t("it", "workshoppage.export.md")]


def test_the_summary_files_hold_counts_and_pseudonyms_but_no_names(ws, store, made):
    _participant(ws, store, made, "Forno Aperto", share=True)
    _participant(ws, store, made, "Bottega Riservata")
    data = room.summary(room.summarise(ws.room_snapshot(made.id), dt.date(2026, 11, 27)))
    for text in (room.to_csv(data, "it"), room.to_markdown(data, "it", made.title)):
        assert "Forno Aperto" not in text and "Bottega Riservata" not in text
        assert i18n.t("it", "room.participant", n=2) in text


def test_presenter_mode_shows_the_code_big_then_any_section_or_sample_in_one_click(ws, store, made):
    _participant(ws, store, made, "Forno", selfcheck=dict.fromkeys(_questions(), 0))
    at = _unlocked(made, "it", present=True)
    assert not at.exception
    assert workshop.format_code(made.code) in [t.value for t in at.title]
    assert len(at.get("image")) == 1
    assert i18n.t("it", "room.joined", n=1) in [h.value for h in at.header]
    assert not at.dataframe and not at.get("download_button")  # nothing but what the room should see

    at.get("button_group")[0].set_value("bands").run()
    assert i18n.t("it", "room.bands.heading") in [h.value for h in at.header]
    labels, numbers = [s.value for s in at.subheader][1:], [h.value for h in at.header][1:]  # one of each a card
    cards = dict(zip(labels, numbers, strict=True))
    assert cards[i18n.t("it", "room.band.adrift")] == "1" and cards[i18n.t("it", "room.band.on_course")] == "0"

    at.get("button_group")[0].set_value("people").run()
    assert i18n.t("it", "room.participant", n=1) in [s.value for s in at.subheader]
    assert "Forno" not in _texts(at)  # no consent: the pseudonym only

    at.get("button_group")[0].set_value("sample:cantina").run()
    sample = samples.load_sample("cantina")
    assert sample.profile["business"]["name"] in [h.value for h in at.header]
    assert [s.value for s in at.subheader][1:] == [g["title"] for g in sample.goals]


def test_leaving_presenter_mode_keeps_the_room_open(made):
    at = _unlocked(made, "en", present=True)
    exit_button = next(b for b in at.button if b.label == i18n.t("en", "workshoppage.present_exit"))
    exit_button.click().run()
    assert "present" not in at.query_params
    assert at.title[0].value == made.title and at.metric
