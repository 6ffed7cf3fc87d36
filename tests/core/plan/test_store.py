import datetime as dt
import sqlite3
import threading

import pytest

from core.plan import plan as plan_mod
from core.plan import store as store_mod
from core.plan.plan import Change
from tests import pg

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield store_mod.Store(store_mod.make_engine(store_mod.default_url(tmp_path)))
        return
    with pg.schema_engine() as engine:
        yield store_mod.Store(engine)


def test_a_created_plan_loads_back_exactly_with_an_unguessable_token(store):
    plan = plan_mod.new_plan(TODAY)
    plan["business"]["name"] = "Forno «Città»"
    token, version = store.create(plan)
    assert store_mod.is_token(token) and len(token) >= 22  # >= 128 bits in URL-safe base64
    assert store.load(token) == (plan, version)


@pytest.mark.parametrize("token", ["", "short", "x" * 43 + "'", "../../etc/passwd", "a" * 43])
def test_a_token_that_does_not_exist_loads_nothing(store, token):
    assert store.load(token) is None


def test_two_tabs_changing_different_fields_both_keep_their_edits(store):
    token, _ = store.create(plan_mod.new_plan(TODAY))
    store.apply(token, [Change(("business", "name"), "", "Forno")])
    plan, version = store.apply(token, [Change(("selfcheck", "goals"), None, 2)])
    assert plan["business"]["name"] == "Forno" and plan["selfcheck"]["goals"] == 2
    assert store.load(token) == (plan, version) and version == 3


def test_a_stale_edit_of_the_same_field_is_refused_and_the_stored_value_kept(store):
    token, _ = store.create(plan_mod.new_plan(TODAY))
    store.apply(token, [Change(("business", "name"), "", "Forno A")])
    with pytest.raises(plan_mod.Conflict):
        store.apply(token, [Change(("business", "name"), "", "Forno B")])
    assert store.load(token)[0]["business"]["name"] == "Forno A"


def test_replacing_a_plan_that_changed_meanwhile_is_refused(store):
    token, version = store.create(plan_mod.new_plan(TODAY))
    store.apply(token, [Change(("business", "name"), "", "Forno")])
    with pytest.raises(store_mod.StaleVersion):
        store.replace(token, plan_mod.new_plan(TODAY), version)
    assert store.load(token)[0]["business"]["name"] == "Forno"


def test_concurrent_saves_are_all_kept(store):
    """20 plans x 15 saves from 20 threads at once, then every acknowledged save is in the database."""
    tokens = [store.create(plan_mod.new_plan(TODAY))[0] for _ in range(20)]
    acknowledged: dict[str, int] = {}
    errors: list[BaseException] = []

    def writer(token: str) -> None:
        try:
            for i in range(15):
                store.apply(token, [Change(("selfcheck", f"q{i}"), None, i % 3)])
                acknowledged[token] = i
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for token in tokens:
        plan, version = store.load(token)
        assert acknowledged[token] == 14
        assert plan["selfcheck"] == {f"q{i}": i % 3 for i in range(15)}
        assert version == 16


def test_concurrent_edits_of_one_plan_from_many_tabs_lose_nothing(store):
    token, _ = store.create(plan_mod.new_plan(TODAY))
    errors: list[BaseException] = []

    def tab(n: int) -> None:
        try:
            for i in range(10):
                store.apply(token, [Change(("selfcheck", f"t{n}_{i}"), None, 1)])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=tab, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.load(token)[0]["selfcheck"]) == 100


@pytest.mark.db
def test_sqlite_file_is_intact_after_concurrent_saves(tmp_path):
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(tmp_path)))
    token, _ = store.create(plan_mod.new_plan(TODAY))
    threads = [
        threading.Thread(target=lambda n=n: store.apply(token, [Change(("selfcheck", f"k{n}"), None, 2)]))
        for n in range(50)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with sqlite3.connect(tmp_path / "rotta.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(store.load(token)[0]["selfcheck"]) == 50


def test_a_deleted_plan_is_gone_and_the_others_stay(store):
    kept, gone = store.create(plan_mod.new_plan(TODAY))[0], store.create(plan_mod.new_plan(TODAY))[0]
    assert store.delete(gone) is True
    assert store.load(gone) is None and store.load(kept) is not None
    assert store.delete(gone) is False and store.delete("../../etc/passwd") is False
