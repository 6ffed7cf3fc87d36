import datetime as dt
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest
import sqlalchemy as sa

from core.plan import store as store_mod
from core.workshop import access, room, workshop
from core.workshop import store as workshop_store
from core.workshop.limits import Client, Limit, Limits
from tests import pg

NOW = dt.datetime(2026, 11, 27, 9, 30)
DAY = dt.date(2026, 11, 27)
SECRET = "timone-e-vela"
WRONG = "23456789"  # a well-formed code that is not the workshop's (see _other_code)
VENUE = "203.0.113.50"  # the public address a venue's phones share


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        engine = store_mod.make_engine(store_mod.default_url(tmp_path))
        yield engine
        engine.dispose()
        return
    with pg.schema_engine() as engine:
        yield engine


FAST = 2**10  # a cheap scrypt cost keeps the tests quick; the default cost has its own test


def _stores(engine, limits=None, scrypt_n=FAST):
    plans = store_mod.Store(engine)
    return plans, workshop_store.WorkshopStore(plans, limits, scrypt_n)


@pytest.fixture
def stores(engine):
    return _stores(engine)


@pytest.fixture
def ws(stores):
    return stores[1]


def _open(ws, **kwargs):
    return ws.create("Social per botteghe", DAY, "Perugia", "it", SECRET, NOW, **kwargs)


def _other_code(made):
    return WRONG if made.code != WRONG else "98765432"


def test_a_new_workshop_has_a_well_formed_code_and_loads_back(ws):
    made = _open(ws)
    assert workshop.is_well_formed(made.code) and made.closed_at is None
    assert ws.get(made.id) == made
    assert ws.get("no-such-workshop") is None


def test_bad_details_create_nothing(ws):
    with pytest.raises(workshop.WorkshopError):
        ws.create("Social", DAY, "Perugia", "it", "short", NOW)
    with ws.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(workshop_store.workshops)).scalar() == 0


def test_the_secret_is_stored_only_as_a_salted_hash(ws):
    first, second = _open(ws), _open(ws)
    with ws.engine.connect() as conn:
        rows = conn.execute(sa.select(workshop_store.workshops)).all()
    assert all(SECRET.encode() not in b"".join(str(v).encode() for v in row) for row in rows)
    assert {row.id for row in rows} == {first.id, second.id}
    assert rows[0].secret_salt != rows[1].secret_salt and rows[0].secret_hash != rows[1].secret_hash


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{shown}", " {shown_lower} "])
def test_joining_with_the_code_as_typed_gives_a_new_plan_of_ones_own(stores, typed):
    plans, ws = stores
    made = _open(ws)
    shown = workshop.format_code(made.code)
    text = typed.format(code=made.code, lower=made.code.lower(), shown=shown, shown_lower=shown.lower())
    result = ws.join(text, Client("session-a"), NOW)
    assert result.status == "joined" and result.workshop_id == made.id and store_mod.is_token(result.token)
    plan, version = plans.load(result.token)
    assert plan["room"] == {"share": False, "workshop": made.id} and version == 1
    assert ws.membership(result.token) == made


def test_every_participant_gets_a_separate_plan_and_the_next_number(stores):
    plans, ws = stores
    made = _open(ws)
    first, second = ws.join(made.code, Client("session-a"), NOW), ws.join(made.code, Client("session-b"), NOW)
    assert first.token != second.token
    plans.apply(first.token, [store_mod.plan_mod.Change(("business", "name"), "", "Forno")])
    assert plans.load(second.token)[0]["business"]["name"] == ""
    assert [m.number for m in ws.room_snapshot(made.id)] == [1, 2]


def test_the_room_snapshot_says_which_kinds_of_data_each_participant_imported(stores):
    import pandas as pd

    from core.plan import datasets

    plans, ws = stores
    made = _open(ws)
    first, _ = ws.join(made.code, Client("session-a"), NOW), ws.join(made.code, Client("session-b"), NOW)
    store = datasets.Datasets(plans.engine)
    table = pd.DataFrame({"when": [pd.Timestamp("2026-11-01", tz="Europe/Rome")]})
    store.add(first.token, "activity", "instagram", "posts.csv", table)
    store.add(first.token, "activity", "facebook", "posts2.csv", table)
    store.add(first.token, "customers", "shopify", "clienti.csv", pd.DataFrame({"customer_id": ["a"]}))
    assert [(m.number, m.imported) for m in ws.room_snapshot(made.id)] == [(1, ("activity", "customers")), (2, ())]


def test_a_wrong_code_joins_nothing(ws):
    made = _open(ws)
    for typed in (_other_code(made), "K7QM3XT0", "", "x" * 500):
        assert ws.join(typed, Client(f"s-{typed[:4]}"), NOW) == workshop.JoinResult("wrong")
    assert ws.room_snapshot(made.id) == []


def test_the_code_stops_working_when_the_facilitator_closes_the_workshop(ws):
    made = _open(ws)
    assert ws.close(made.id, NOW + dt.timedelta(hours=3))
    assert not ws.close(made.id, NOW + dt.timedelta(hours=4))  # already closed: the first time is kept
    assert ws.get(made.id).closed_at == NOW + dt.timedelta(hours=3)
    assert ws.join(made.code, Client("late"), NOW + dt.timedelta(hours=3)).status == "closed"


def test_the_code_stops_working_after_the_maximum_age(ws):
    made = _open(ws, max_age=dt.timedelta(hours=8))
    assert ws.join(made.code, Client("s"), NOW + dt.timedelta(hours=7, minutes=59)).status == "joined"
    assert ws.join(made.code, Client("s"), NOW + dt.timedelta(hours=8)).status == "closed"


def test_a_phone_that_mistypes_five_times_waits_under_a_minute_and_nobody_else_waits(ws):
    made = _open(ws)
    phone, neighbour = Client("phone", VENUE), Client("neighbour", VENUE)
    for second in range(5):
        assert ws.join(_other_code(made), phone, NOW + dt.timedelta(seconds=second)).status == "wrong"
    limited = ws.join(made.code, phone, NOW + dt.timedelta(seconds=5))
    assert limited == workshop.JoinResult("limited", retry_after_s=55)  # the first try leaves the minute at 60 s
    assert ws.join(made.code, neighbour, NOW + dt.timedelta(seconds=5)).status == "joined"  # same venue address
    assert ws.join(made.code, phone, NOW + dt.timedelta(seconds=60)).status == "joined"


def test_a_reload_keeps_the_count_the_browser_is_the_same_client_in_a_new_session(ws):
    made = _open(ws)
    for _ in range(5):
        assert ws.join(WRONG, Client("browser:0a1b", VENUE), NOW).status == "wrong"
    reloaded = Client("browser:0a1b", VENUE)  # a new session of the same browser carries the same cookie token
    assert ws.join(made.code, reloaded, NOW + dt.timedelta(seconds=30)).status == "limited"


def test_fresh_clients_from_one_address_are_limited_together_and_other_addresses_are_not(engine):
    _, ws = _stores(engine, Limits(join_address=Limit(3, dt.timedelta(minutes=1))))
    made = _open(ws)
    for n in range(3):
        assert ws.join(WRONG, Client(f"fresh-{n}", "198.51.100.9"), NOW).status == "wrong"
    assert ws.join(made.code, Client("fresh-3", "198.51.100.9"), NOW).status == "limited"
    assert ws.join(made.code, Client("fresh-4", "2001:db8::1"), NOW).status == "joined"
    assert ws.join(made.code, Client("no-address"), NOW).status == "joined"


def test_wrong_codes_across_all_sessions_are_limited_overall(engine):
    _, ws = _stores(engine, Limits(join_everyone=Limit(3, dt.timedelta(minutes=1))))
    made = _open(ws)
    for n in range(3):
        assert ws.join(WRONG, Client(f"fresh-session-{n}", f"203.0.113.{n}"), NOW).status == "wrong"
    assert ws.join(made.code, Client("honest", "192.0.2.1"), NOW + dt.timedelta(seconds=20)) == workshop.JoinResult(
        "limited", retry_after_s=40
    )
    assert ws.join(made.code, Client("honest", "192.0.2.1"), NOW + dt.timedelta(minutes=1)).status == "joined"


def test_limits_are_shared_by_separate_server_processes(engine, tmp_path):
    _, first = _stores(engine)
    second_engine = store_mod.make_engine(str(engine.url.render_as_string(hide_password=False)))
    _, second = _stores(second_engine)  # another pool, as another process would have
    made = _open(first)
    for n in range(5):
        assert (first if n % 2 else second).join(WRONG, Client("guesser"), NOW).status == "wrong"
    assert second.join(made.code, Client("guesser"), NOW).status == "limited"
    assert first.join(made.code, Client("guesser"), NOW).status == "limited"
    second_engine.dispose()


def test_simultaneous_wrong_guesses_get_exactly_the_allowed_number_of_tries(ws):
    _open(ws)
    results: list[str] = []

    def guess() -> None:
        results.append(ws.join(WRONG, Client("racer"), NOW).status)

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["limited"] * 15 + ["wrong"] * 5


def test_concurrent_joins_all_get_distinct_plans_and_numbers(stores):
    plans, ws = stores
    made = _open(ws)
    results: list[workshop.JoinResult] = []
    errors: list[BaseException] = []

    def join(n: int) -> None:
        try:
            results.append(ws.join(made.code, Client(f"phone-{n}"), NOW))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=join, args=(n,)) for n in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and {r.status for r in results} == {"joined"}
    assert len({r.token for r in results}) == 25
    assert all(plans.load(r.token)[0]["room"]["workshop"] == made.id for r in results)
    assert [m.number for m in ws.room_snapshot(made.id)] == list(range(1, 26))


def _join_in_another_process(url: str, code: str, n: int) -> list[str]:
    _, ws = _stores(store_mod.make_engine(url))
    results = [ws.join(code, Client(f"process-{n}-phone-{i}"), NOW) for i in range(4)]
    ws.engine.dispose()
    return [r.token for r in results if r.status == "joined"]


@pytest.mark.subprocess
def test_joins_from_several_server_processes_all_get_distinct_plans_and_numbers(stores):
    plans, ws = stores
    made = _open(ws)
    url = ws.engine.url.render_as_string(hide_password=False)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        batches = pool.map(_join_in_another_process, [url] * 2, [made.code] * 2, range(2))
        mine = [ws.join(made.code, Client(f"this-process-{i}"), NOW).token for i in range(4)]  # meanwhile, here too
        tokens = mine + [t for batch in batches for t in batch]
    assert len(set(tokens)) == 12 and all(plans.load(t) is not None for t in tokens)
    assert [m.number for m in ws.room_snapshot(made.id)] == list(range(1, 13))


def test_clients_and_addresses_are_not_stored_in_the_clear(ws):
    made = _open(ws)
    ws.join(WRONG, Client("browser:my-cookie-token", "198.51.100.23"), NOW)
    ws.room_access(made.id, "wrong-secret", Client("browser:my-cookie-token", "198.51.100.23"), NOW)
    ws.room_access(made.id, SECRET, Client("browser:facilitator-token", "198.51.100.23"), NOW)
    with ws.engine.connect() as conn:
        stored = [tuple(row) for row in conn.execute(sa.select(access.failures))]
        stored += [tuple(row) for row in conn.execute(sa.select(access.grants))]
    text = repr(stored)
    assert stored and "my-cookie-token" not in text and "facilitator-token" not in text and "198.51.100" not in text


def test_old_failed_attempts_are_deleted(ws):
    _open(ws)
    ws.join(WRONG, Client("s"), NOW)
    ws.join(WRONG, Client("s"), NOW + dt.timedelta(hours=2))
    with ws.engine.connect() as conn:
        times = conn.execute(sa.select(access.failures.c.at)).scalars().all()
    assert times == [NOW + dt.timedelta(hours=2)]


def test_a_secret_is_hashed_at_the_default_cost_and_checked_at_the_cost_stored_with_it(engine):
    _, strong = _stores(engine, scrypt_n=workshop.SCRYPT_N)
    _, cheap = _stores(engine, scrypt_n=FAST)
    made, older = _open(strong), _open(cheap)
    with engine.connect() as conn:
        table = workshop_store.workshops
        rows = conn.execute(sa.select(table.c.id, table.c.secret_scheme))
        schemes = {row.id: row.secret_scheme for row in rows}
    assert schemes == {made.id: "scrypt:16384:8:1", older.id: "scrypt:1024:8:1"}
    assert strong.room_access(older.id, SECRET, Client("f"), NOW).status == "ok"
    assert cheap.room_access(made.id, SECRET, Client("f"), NOW).status == "ok"


def test_the_room_opens_with_the_right_secret_only(ws):
    made = _open(ws)
    assert ws.room_access(made.id, SECRET, Client("facilitator"), NOW) == workshop.AccessResult("ok")
    assert ws.room_access(made.id, SECRET.upper(), Client("facilitator"), NOW) == workshop.AccessResult("wrong")
    assert ws.room_access("no-such-workshop", SECRET, Client("facilitator"), NOW) == workshop.AccessResult("wrong")


def test_wrong_secrets_make_a_client_wait_even_with_the_right_one(ws):
    made = _open(ws)
    for n in range(5):
        assert ws.room_access(made.id, f"guess-{n}", Client("guesser"), NOW).status == "wrong"
    assert ws.room_access(made.id, SECRET, Client("guesser"), NOW) == workshop.AccessResult("limited", 60)
    assert ws.room_access(made.id, SECRET, Client("facilitator"), NOW).status == "ok"
    assert ws.room_access(made.id, SECRET, Client("guesser"), NOW + dt.timedelta(minutes=1)).status == "ok"


def test_a_flood_of_wrong_secrets_is_refused_while_the_facilitator_gets_in(ws):
    facilitator = Client("browser:facilitator", VENUE)
    made = _open(ws, creator=facilitator)
    later = NOW + dt.timedelta(hours=13)  # the grant of the creation has run out: the secret is asked again
    assert not ws.may_open(made.id, facilitator, later)
    results = [
        ws.room_access(made.id, f"guess-{n}", Client(f"fresh-{n}", f"198.51.{n // 250}.{n % 250}"), later)
        for n in range(200)
    ]  # fresh browsers from fresh addresses, as a script would
    assert [r.status for r in results] == ["wrong"] * 20 + ["limited"] * 180
    stranger = Client("browser:stranger-who-knows-the-secret", "192.0.2.7")
    assert ws.room_access(made.id, SECRET, stranger, later).status == "limited"  # the room's count is full...
    assert ws.room_access(made.id, SECRET, facilitator, later).status == "ok"  # ...but not for its own browser
    assert ws.may_open(made.id, facilitator, later)


def test_a_flood_from_one_address_leaves_the_facilitator_a_way_in_from_another_browser(ws):
    made = _open(ws, creator=Client("browser:laptop"))
    flood = [ws.room_access(made.id, "guess", Client(f"fresh-{n}", "198.51.100.66"), NOW).status for n in range(50)]
    assert flood == ["wrong"] * 10 + ["limited"] * 40
    projector = Client("browser:projector-pc", VENUE)  # never opened the room: a new browser elsewhere
    assert ws.room_access(made.id, SECRET, projector, NOW).status == "ok"


def test_wrong_secrets_from_many_clients_lock_that_room_only_and_only_for_new_browsers(engine):
    _, ws = _stores(engine, Limits(room_everyone=Limit(3, dt.timedelta(minutes=10))))
    facilitator = Client("browser:facilitator")
    made, other = _open(ws, creator=facilitator), _open(ws)
    for n in range(3):
        assert ws.room_access(made.id, "guess-guess", Client(f"session-{n}"), NOW).status == "wrong"
    assert ws.room_access(made.id, SECRET, Client("new-browser"), NOW).status == "limited"
    assert ws.room_access(other.id, SECRET, Client("new-browser"), NOW).status == "ok"
    assert ws.room_access(made.id, SECRET, facilitator, NOW).status == "ok"


def test_the_browser_that_creates_or_opens_a_room_opens_it_again_for_a_workshop_day(ws):
    laptop, projector, stranger = Client("browser:laptop"), Client("browser:projector"), Client("browser:stranger")
    made = _open(ws, creator=laptop)
    assert ws.may_open(made.id, laptop, NOW) and not ws.may_open(made.id, projector, NOW)
    assert ws.room_access(made.id, SECRET, projector, NOW + dt.timedelta(hours=1)).status == "ok"
    assert ws.may_open(made.id, projector, NOW + dt.timedelta(hours=1))
    assert ws.room_access(made.id, "not-it-at-all", stranger, NOW).status == "wrong"
    assert not ws.may_open(made.id, stranger, NOW)
    assert ws.may_open(made.id, laptop, NOW + dt.timedelta(hours=11, minutes=59))
    assert not ws.may_open(made.id, laptop, NOW + dt.timedelta(hours=12))
    assert [w.id for w in ws.rooms_of(projector, NOW + dt.timedelta(hours=2))] == [made.id]
    assert ws.rooms_of(laptop, NOW + dt.timedelta(hours=12)) == []


def test_a_browser_told_to_forget_a_room_needs_the_secret_again(ws):
    laptop = Client("browser:laptop")
    made, other = _open(ws, creator=laptop), _open(ws, creator=laptop)
    ws.forget(made.id, laptop)
    assert not ws.may_open(made.id, laptop, NOW) and ws.may_open(other.id, laptop, NOW)
    assert [w.id for w in ws.rooms_of(laptop, NOW)] == [other.id]


def test_a_workshop_is_found_by_its_code_as_shown_or_typed(ws):
    made = _open(ws)
    assert ws.by_code(workshop.format_code(made.code).lower()) == made
    assert ws.by_code(made.id) is None and ws.by_code("") is None and ws.by_code(_other_code(made)) is None


def test_a_limited_secret_check_does_no_hashing(ws, monkeypatch):
    made = _open(ws)
    for n in range(5):
        ws.room_access(made.id, f"guess-{n}", Client("guesser"), NOW)
    calls = []
    monkeypatch.setattr(workshop, "hash_secret", lambda *args: calls.append(args) or b"")
    assert ws.room_access(made.id, SECRET, Client("guesser"), NOW).status == "limited" and calls == []


def _count_selects(engine, work):
    statements: list[str] = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", before)
    try:
        result = work()
    finally:
        sa.event.remove(engine, "before_cursor_execute", before)
    return result, [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_the_room_snapshot_loads_every_plan_in_one_select_without_tokens(stores):
    plans, ws = stores
    made = _open(ws)
    tokens = [ws.join(made.code, Client(f"phone-{n}"), NOW).token for n in range(6)]
    members, selects = _count_selects(ws.engine, lambda: ws.room_snapshot(made.id))
    assert len(selects) == 1 and len(members) == 6
    summary = room.summarise(members, DAY)
    exported = room.to_csv(room.summary(summary), "en") + room.to_markdown(room.summary(summary), "en", "x")
    for token in tokens:
        assert token not in repr(members) and token not in repr(summary) and token not in exported


def test_a_plan_claiming_a_workshop_in_its_json_is_not_in_the_room(stores):
    plans, ws = stores
    made = _open(ws)
    plans.create(workshop.participant_plan(made.id, DAY))  # never joined with the code
    assert ws.room_snapshot(made.id) == []


def test_consent_saved_through_the_store_shows_the_name_in_the_room(stores):
    plans, ws = stores
    made = _open(ws)
    token = ws.join(made.code, Client("phone"), NOW).token
    plan, _ = plans.apply(token, [store_mod.plan_mod.Change(("business", "name"), "", "Forno Gatta Rossa")])
    assert room.summarise(ws.room_snapshot(made.id), DAY).people[0].name == ""
    plans.apply(token, [workshop.share_change(plan, True)])
    assert room.summarise(ws.room_snapshot(made.id), DAY).people[0].name == "Forno Gatta Rossa"


def test_a_seat_names_the_workshop_and_the_number_and_leaving_frees_it(stores):
    plans, ws = stores
    made = _open(ws)
    first = ws.join(made.code, Client("phone-a"), NOW).token
    second = ws.join(made.code, Client("phone-b"), NOW).token
    assert ws.seat(first) == (made, 1) and ws.seat(second) == (made, 2)
    assert ws.leave(second) == made
    assert ws.seat(second) is None and ws.leave(second) is None  # leaving twice is harmless
    assert [m.number for m in ws.room_snapshot(made.id)] == [1]  # the room counts only who stayed
    assert plans.load(second) is not None  # the plan stays its owner's
    assert ws.seat("no-such-token") is None


def test_the_room_stamp_changes_with_a_join_a_save_and_a_leave_and_not_otherwise(stores):
    plans, ws = stores
    made = _open(ws)
    empty = ws.room_stamp(made.id)
    assert empty[:2] == (0, 0)
    first = ws.join(made.code, Client("session-a"), NOW)
    joined = ws.room_stamp(made.id)
    assert joined[:2] == (1, 1) and ws.room_stamp(made.id) == joined  # reading changes nothing
    plans.apply(first.token, [store_mod.plan_mod.Change(("business", "name"), "", "Forno")])
    saved = ws.room_stamp(made.id)
    assert saved[:2] == (1, 2) and saved != joined
    other = _open(ws)
    ws.join(other.code, Client("session-b"), NOW)
    assert ws.room_stamp(made.id) == saved  # another room's join is not this room's change
    ws.leave(first.token)
    assert ws.room_stamp(made.id)[:2] == (0, 0)


def test_the_room_pace_is_set_read_back_and_changed_and_a_step_off_the_path_is_refused(ws):
    from core.workshop import pace

    made, other = _open(ws), _open(ws)
    assert ws.pace(made.id) is None
    ws.set_pace(made.id, "goals", 15, False, NOW)
    assert ws.pace(made.id) == pace.Pace("goals", 15, False, NOW.replace(tzinfo=None))
    assert ws.pace(other.id) is None
    later = NOW + dt.timedelta(minutes=20)
    ws.set_pace(made.id, "goals", None, True, later)
    assert ws.pace(made.id) == pace.Pace("goals", None, True, later.replace(tzinfo=None))
    for step, minutes in (("nowhere", None), ("goals", 0), ("goals", 181)):
        with pytest.raises(pace.PaceError):
            ws.set_pace(made.id, step, minutes, False, NOW)
    assert ws.pace(made.id).paused is True  # a refused pace changes nothing
