"""The whole-plan file: the plan and its imports round-trip exactly; anything malformed is refused at the door."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from core import importers, samples
from core.plan import bundle
from core.plan import plan as plan_mod
from tests.conftest import ROOT

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
FILES = {
    "customers": EXPORTS / "shopify" / "customers_export.csv",
    "orders": EXPORTS / "shopify" / "orders_export.csv",
    "activity": EXPORTS / "meta_business_suite" / "instagram_posts_views_Jan-01-2025_Jan-31-2025_1118203947565678.csv",
}
TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def imports() -> list[bundle.Import]:
    from core import geocode

    ctx = importers.ImportContext(gazetteer=geocode.load_gazetteer(), salt="p", today=TODAY)
    out = []
    for kind, path in FILES.items():
        result = importers.import_file(importers.RawFile(path.name, path.read_bytes()), ctx)
        assert result.kind == kind
        out.append(bundle.Import(kind, result.platform, path.name, result.frame))
    return out


@pytest.fixture(scope="module")
def plan() -> dict:
    sample = samples.load_sample("forno")
    return plan_mod.from_sample("forno", sample.profile, sample.goals, TODAY)


def _doc(plan, imports) -> dict:
    return json.loads(bundle.dump(plan, imports)[0])


def test_the_plan_and_every_imported_table_come_back_exactly(plan, imports):
    data, left_out = bundle.dump(plan, imports)
    assert left_out == ()
    restored = bundle.load(data)
    assert restored.plan == plan
    assert [(i.kind, i.platform, i.file) for i in restored.imports] == [(i.kind, i.platform, i.file) for i in imports]
    for before, after in zip(imports, restored.imports, strict=True):
        columns = list(before.frame.columns)
        assert list(after.frame.columns) == columns
        for name in columns:
            pd.testing.assert_series_equal(before.frame[name], after.frame[name], check_dtype=False, obj=name)


def test_the_file_holds_no_personal_data(plan, imports):
    text = bundle.dump(plan, imports)[0].decode()
    assert "@" not in text.split('"imports"')[1]  # no e-mail in any imported table


def test_a_plain_plan_file_is_read_and_leaves_the_imports_alone(plan):
    restored = bundle.load(plan_mod.to_json(plan).encode())
    assert restored.plan == plan and restored.imports is None


def test_imports_that_do_not_fit_in_one_uploadable_file_are_left_out_and_named(plan, imports, monkeypatch):
    small = len(bundle.dump(plan, imports[:1])[0]) + 500
    monkeypatch.setattr(bundle, "MAX_BYTES", small)
    data, left_out = bundle.dump(plan, imports)
    assert len(data) <= small and left_out
    kept = bundle.load(data).imports
    assert {i.file for i in kept} | {i.file for i in left_out} == {i.file for i in imports}


def _with(plan, imports, change) -> bytes:
    doc = _doc(plan, imports)
    change(doc)
    return json.dumps(doc).encode()


def _set(path, value):
    def change(doc):
        node = doc
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


BAD = {  # name: (change to a valid file, message key, params the message must carry)
    "unknown kind": (_set(("imports", 0, "kind"), "passwords"), "plan.err.import", {"n": 1}),
    "unknown column": (
        lambda d: d["imports"][0]["columns"].__setitem__("email", ["a@b.it"] * 40),
        "plan.err.import",
        {"file": "customers_export.csv"},
    ),
    "text in a number column": (_set(("imports", 1, "columns", "amount", 2), "12,50"), "plan.err.import", {"n": 2}),
    "infinite amount": (_set(("imports", 1, "columns", "amount", 0), 1e308 * 10), "plan.err.import", {"n": 2}),
    "a date that is no day": (_set(("imports", 1, "columns", "date", 0), "2025-02-30"), "plan.err.import", {}),
    "year one": (_set(("imports", 1, "columns", "date", 0), "0001-01-01"), "plan.err.import", {}),
    "columns of different lengths": (
        lambda d: d["imports"][2]["columns"]["text"].pop(),
        "plan.err.import",
        {"file": FILES["activity"].name},
    ),
    "imports not a list": (_set(("imports",), {"a": 1}), "plan.err.section", {"section": "imports"}),
    "a plan that is not valid": (_set(("plan", "goals"), "x"), "plan.err.section", {"section": "goals"}),
    "a newer version": (_set(("version",), 99), "plan.err.version_new", {"supported": 1}),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_malformed_whole_plan_file_is_refused_naming_what_and_where(plan, imports, name):
    change, key, params = BAD[name]
    data = _with(plan, imports, change)
    with pytest.raises(plan_mod.PlanError) as caught:
        bundle.load(data)
    message = caught.value.message
    assert message.key == key and params.items() <= message.params.items()
    assert message.render("it") != message.render("en")


def test_the_cell_that_is_wrong_is_named_with_its_column_and_row(plan, imports):
    data = _with(plan, imports, _set(("imports", 1, "columns", "amount", 2), "12,50"))
    with pytest.raises(plan_mod.PlanError) as caught:
        bundle.load(data)
    assert caught.value.message.render("en") == (
        "imported file no. 2 (“orders_export.csv”) is not valid: column “amount”, row 3: “12,50” is not a number "
        "(at most a million billion)."
    )


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "plan.err.bundle_shape"),  # nested too deep for the parser
        (b'{"format": "rotta-bundle", "version": 1, "n": ' + b"9" * 5000 + b"}", "plan.err.bundle_shape"),
        (b"x" * (bundle.MAX_BYTES + 1), "plan.err.too_big"),
        (b"[" + b"0," * (bundle.MAX_CELLS + 100_000) + b"0]", "plan.err.bundle_cells"),
        (b"\xff\xfe{", "plan.err.not_text"),
        (b'{"format": ', "plan.err.not_json"),
    ],
)
def test_hostile_bytes_are_refused_before_anything_is_built(data, key):
    with pytest.raises(plan_mod.PlanError) as caught:
        bundle.load(data)
    assert caught.value.message.key == key


def test_too_many_cells_are_refused_even_under_the_size_limit(monkeypatch, plan, imports):
    data = _with(plan, imports, lambda doc: None)
    monkeypatch.setattr(bundle, "MAX_CELLS", 100)
    with pytest.raises(plan_mod.PlanError) as caught:
        bundle.load(data)
    assert caught.value.message.key == "plan.err.bundle_cells"
