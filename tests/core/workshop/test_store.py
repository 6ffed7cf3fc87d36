import datetime as dt
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest
import sqlalchemy as sa

from core.plan import store as store_mod
from core.workshop import room, workshop
from core.workshop import store as workshop_store
from core.workshop.workshop import Limit, Limits
from tests import pg

NOW = dt.datetime(2026, 11, 27, 9, 30)
DAY = dt.date(2026, 11, 27)
SECRET = "timone-e-vela"
WRONG = "23456789"  # a well-formed code that is not the workshop's (see _other_code)


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
    result = ws.join(text, "session-a", NOW)
    assert result.status == "joined" and result.workshop_id == made.id and store_mod.is_token(result.token)
    plan, version = plans.load(result.token)
    assert plan["room"] == {"share": False, "workshop": made.id} and version == 1
    assert ws.membership(result.token) == made


def test_every_participant_gets_a_separate_plan_and_the_next_number(stores):
    plans, ws = stores
    made = _open(ws)
    first, second = ws.join(made.code, "session-a", NOW), ws.join(made.code, "session-b", NOW)
    assert first.token != second.token
    plans.apply(first.token, [store_mod.plan_mod.Change(("business", "name"), "", "Forno")])
    assert plans.load(second.token)[0]["business"]["name"] == ""
    assert [m.number for m in ws.room_snapshot(made.id)] == [1, 2]


def test_the_room_snapshot_says_which_kinds_of_data_each_participant_imported(stores):
    import pandas as pd

    from core.plan import datasets

    plans, ws = stores
    made = _open(ws)
    first, _ = ws.join(made.code, "session-a", NOW), ws.join(made.code, "session-b", NOW)
    store = datasets.Datasets(plans.engine)
    table = pd.DataFrame({"when": [pd.Timestamp("2026-11-01", tz="Europe/Rome")]})
    store.add(first.token, "activity", "instagram", "posts.csv", table)
    store.add(first.token, "activity", "facebook", "posts2.csv", table)
    store.add(first.token, "customers", "shopify", "clienti.csv", pd.DataFrame({"customer_id": ["a"]}))
    assert [(m.number, m.imported) for m in ws.room_snapshot(made.id)] == [(1, ("activity", "customers")), (2, ())]


def test_a_wrong_code_joins_nothing(ws):
    made = _open(ws)
    for typed in (_other_code(made), "K7QM3XT0", "", "x" * 500):
        assert ws.join(typed, f"s-{typed[:4]}", NOW) == workshop.JoinResult("wrong")
    assert ws.room_snapshot(made.id) == []


def test_the_code_stops_working_when_the_facilitator_closes_the_workshop(ws):
    made = _open(ws)
    assert ws.close(made.id, NOW + dt.timedelta(hours=3))
    assert not ws.close(made.id, NOW + dt.timedelta(hours=4))  # already closed: the first time is kept
    assert ws.get(made.id).closed_at == NOW + dt.timedelta(hours=3)
    assert ws.join(made.code, "late", NOW + dt.timedelta(hours=3)).status == "closed"


def test_the_code_stops_working_after_the_maximum_age(ws):
    made = _open(ws, max_age=dt.timedelta(hours=8))
    assert ws.join(made.code, "s", NOW + dt.timedelta(hours=7, minutes=59)).status == "joined"
    assert ws.join(made.code, "s", NOW + dt.timedelta(hours=8)).status == "closed"


def test_five_wrong_codes_make_a_session_wait_even_with_the_right_code(ws):
    made = _open(ws)
    for minute in range(5):
        assert ws.join(_other_code(made), "guesser", NOW + dt.timedelta(minutes=minute)).status == "wrong"
    limited = ws.join(made.code, "guesser", NOW + dt.timedelta(minutes=5))
    assert limited == workshop.JoinResult("limited", retry_after_s=300)  # the first try leaves at 10'
    assert ws.join(made.code, "someone-else", NOW + dt.timedelta(minutes=5)).status == "joined"
    assert ws.join(made.code, "guesser", NOW + dt.timedelta(minutes=10)).status == "joined"


def test_wrong_codes_across_all_sessions_are_limited_overall(engine):
    _, ws = _stores(engine, Limits(join_overall=Limit(3, dt.timedelta(minutes=1))))
    made = _open(ws)
    for n in range(3):
        assert ws.join(WRONG, f"fresh-session-{n}", NOW).status == "wrong"
    assert ws.join(made.code, "honest", NOW + dt.timedelta(seconds=20)) == workshop.JoinResult(
        "limited", retry_after_s=40
    )
    assert ws.join(made.code, "honest", NOW + dt.timedelta(minutes=1)).status == "joined"


def test_limits_are_shared_by_separate_server_processes(engine, tmp_path):
    _, first = _stores(engine)
    second_engine = store_mod.make_engine(str(engine.url.render_as_string(hide_password=False)))
    _, second = _stores(second_engine)  # another pool, as another process would have
    made = _open(first)
    for n in range(5):
        assert (first if n % 2 else second).join(WRONG, "guesser", NOW).status == "wrong"
    assert second.join(made.code, "guesser", NOW).status == "limited"
    assert first.join(made.code, "guesser", NOW).status == "limited"
    second_engine.dispose()


def test_simultaneous_wrong_guesses_get_exactly_the_allowed_number_of_tries(ws):
    _open(ws)
    results: list[str] = []

    def guess() -> None:
        results.append(ws.join(WRONG, "racer", NOW).status)

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
            results.append(ws.join(made.code, f"phone-{n}", NOW))
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
    results = [ws.join(code, f"process-{n}-phone-{i}", NOW) for i in range(4)]
    ws.engine.dispose()
    return [r.token for r in results if r.status == "joined"]


def test_joins_from_several_server_processes_all_get_distinct_plans_and_numbers(stores):
    plans, ws = stores
    made = _open(ws)
    url = ws.engine.url.render_as_string(hide_password=False)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        batches = pool.map(_join_in_another_process, [url] * 2, [made.code] * 2, range(2))
        mine = [ws.join(made.code, f"this-process-{i}", NOW).token for i in range(4)]  # meanwhile, here too
        tokens = mine + [t for batch in batches for t in batch]
    assert len(set(tokens)) == 12 and all(plans.load(t) is not None for t in tokens)
    assert [m.number for m in ws.room_snapshot(made.id)] == list(range(1, 13))


def test_session_ids_are_not_stored_in_the_clear(ws):
    _open(ws)
    ws.join(WRONG, "my-streamlit-session", NOW)
    with ws.engine.connect() as conn:
        sessions = conn.execute(sa.select(workshop_store.attempts.c.session)).scalars().all()
    assert sessions == [workshop.session_key("my-streamlit-session")]


def test_old_failed_attempts_are_deleted(ws):
    _open(ws)
    ws.join(WRONG, "s", NOW)
    ws.join(WRONG, "s", NOW + dt.timedelta(hours=2))
    with ws.engine.connect() as conn:
        times = conn.execute(sa.select(workshop_store.attempts.c.at)).scalars().all()
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
    assert strong.room_access(older.id, SECRET, "f", NOW).status == "ok"
    assert cheap.room_access(made.id, SECRET, "f", NOW).status == "ok"


def test_the_room_opens_with_the_right_secret_only(ws):
    made = _open(ws)
    assert ws.room_access(made.id, SECRET, "facilitator", NOW) == workshop.AccessResult("ok")
    assert ws.room_access(made.id, SECRET.upper(), "facilitator", NOW) == workshop.AccessResult("wrong")
    assert ws.room_access("no-such-workshop", SECRET, "facilitator", NOW) == workshop.AccessResult("wrong")


def test_wrong_secrets_make_a_session_wait_even_with_the_right_one(ws):
    made = _open(ws)
    for n in range(5):
        assert ws.room_access(made.id, f"guess-{n}", "guesser", NOW).status == "wrong"
    assert ws.room_access(made.id, SECRET, "guesser", NOW) == workshop.AccessResult("limited", 600)
    assert ws.room_access(made.id, SECRET, "facilitator", NOW).status == "ok"
    assert ws.room_access(made.id, SECRET, "guesser", NOW + dt.timedelta(minutes=10)).status == "ok"


def test_wrong_secrets_from_many_sessions_lock_that_room_only(engine):
    _, ws = _stores(engine, Limits(room_workshop=Limit(3, dt.timedelta(minutes=10))))
    made, other = _open(ws), _open(ws)
    for n in range(3):
        assert ws.room_access(made.id, "guess-guess", f"session-{n}", NOW).status == "wrong"
    assert ws.room_access(made.id, SECRET, "facilitator", NOW).status == "limited"
    assert ws.room_access(other.id, SECRET, "facilitator", NOW).status == "ok"


def test_a_limited_secret_check_does_no_hashing(ws, monkeypatch):
    made = _open(ws)
    for n in range(5):
        ws.room_access(made.id, f"guess-{n}", "guesser", NOW)
    calls = []
    monkeypatch.setattr(workshop, "hash_secret", lambda *args: calls.append(args) or b"")
    assert ws.room_access(made.id, SECRET, "guesser", NOW).status == "limited" and calls == []


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
    tokens = [ws.join(made.code, f"phone-{n}", NOW).token for n in range(6)]
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
    token = ws.join(made.code, "phone", NOW).token
    plan, _ = plans.apply(token, [store_mod.plan_mod.Change(("business", "name"), "", "Forno Gatta Rossa")])
    assert room.summarise(ws.room_snapshot(made.id), DAY).people[0].name == ""
    plans.apply(token, [workshop.share_change(plan, True)])
    assert room.summarise(ws.room_snapshot(made.id), DAY).people[0].name == "Forno Gatta Rossa"


def test_a_seat_names_the_workshop_and_the_number_and_leaving_frees_it(stores):
    plans, ws = stores
    made = _open(ws)
    first = ws.join(made.code, "phone-a", NOW).token
    second = ws.join(made.code, "phone-b", NOW).token
    assert ws.seat(first) == (made, 1) and ws.seat(second) == (made, 2)
    assert ws.leave(second) == made
    assert ws.seat(second) is None and ws.leave(second) is None  # leaving twice is harmless
    assert [m.number for m in ws.room_snapshot(made.id)] == [1]  # the room counts only who stayed
    assert plans.load(second) is not None  # the plan stays its owner's
    assert ws.seat("no-such-token") is None
