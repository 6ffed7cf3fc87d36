import datetime as dt

import pandas as pd
import pytest

from core.plan import datasets as datasets_mod
from core.plan import plan as plan_mod
from core.plan import store as store_mod


@pytest.fixture
def stores(tmp_path):
    engine = store_mod.make_engine(store_mod.default_url(tmp_path))
    return store_mod.Store(engine), datasets_mod.Datasets(engine)


def _customers(n: int, town: str = "Forlì") -> pd.DataFrame:
    return pd.DataFrame(
        {"customer_id": [f"c{i}" for i in range(n)], "town": [town] * n, "postcode": ["06012"] * n,
         "revenue": [10.5] * n, "first_order": pd.to_datetime(["2025-03-04"] * n)}
    )  # fmt: skip


def test_imports_of_a_kind_come_back_as_one_table_in_import_order(stores):
    plans, data = stores
    token, _ = plans.create(plan_mod.new_plan(dt.date(2026, 11, 27)))
    data.add(token, "customers", "shopify", "a.csv", _customers(3, "Forlì"))
    data.add(token, "customers", "generic", "b.xlsx", _customers(2, "Cantù"))
    table = data.frame(token, "customers")
    assert list(table["town"]) == ["Forlì"] * 3 + ["Cantù"] * 2
    assert table["postcode"].iloc[0] == "06012" and table["first_order"].dtype.kind == "M"
    assert [(e.kind, e.file, e.rows) for e in data.entries(token)] == [
        ("customers", "a.csv", 3),
        ("customers", "b.xlsx", 2),
    ]


def test_a_plan_never_sees_another_plans_imports(stores):
    plans, data = stores
    mine, _ = plans.create(plan_mod.new_plan(dt.date(2026, 11, 27)))
    other, _ = plans.create(plan_mod.new_plan(dt.date(2026, 11, 27)))
    entry = data.add(other, "customers", "shopify", "x.csv", _customers(1))
    assert data.frame(mine, "customers") is None and data.entries(mine) == []
    assert data.remove(mine, entry) is False and data.frame(other, "customers") is not None


def test_removing_an_import_takes_its_rows_out(stores):
    plans, data = stores
    token, _ = plans.create(plan_mod.new_plan(dt.date(2026, 11, 27)))
    first = data.add(token, "customers", "shopify", "a.csv", _customers(3))
    data.add(token, "customers", "shopify", "b.csv", _customers(1, "Roma"))
    assert data.remove(token, first)
    assert list(data.frame(token, "customers")["town"]) == ["Roma"]


def test_an_unknown_kind_is_refused(stores):
    plans, data = stores
    token, _ = plans.create(plan_mod.new_plan(dt.date(2026, 11, 27)))
    with pytest.raises(ValueError):
        data.add(token, "passwords", "x", "x.csv", _customers(1))
