"""The entry point: formats found from content, and every broken or hostile file answered with a message."""

from __future__ import annotations

import functools
import time

import pytest

from core.i18n import Message
from core.importers import Format, ImportContext, ImportProblem, RawFile, customers, formats, import_file
from tests.core.importers import hostile
from tests.core.importers.conftest import EXPORTS, PASSWORD_XLSX, SHOPIFY

BROKEN = {  # name: (bytes builder, message key, params the message must carry besides the file name)
    "empty": (lambda: b"", "empty", {}),
    "only_blank_lines": (lambda: b" \r\n\r\n\t\n", "empty", {}),
    "png_renamed_csv": (lambda: hostile.PNG, "binary", {"offset": 8}),
    "pdf_renamed_csv": (lambda: hostile.PDF, "binary", {"offset": 51}),
    "password_protected_xlsx": (PASSWORD_XLSX.read_bytes, "xlsx_encrypted", {}),
    "macro_xlsx": (hostile.macro_xlsx, "xlsx_macros", {}),
    "billion_laughs_xlsx": (hostile.billion_laughs_xlsx, "xlsx_entities", {"part": "xl/worksheets/sheet1.xml"}),
    "billion_laughs_behind_a_comment": (lambda: hostile.billion_laughs_xlsx(6000), "xlsx_entities", {}),
    "xlsx_of_500000_rows": (hostile.many_rows_xlsx, "too_many_rows", {"limit": 200_000}),
    "xlsx_of_500000_rows_without_dimension": (
        functools.partial(hostile.many_rows_xlsx, dimension=False),
        "too_many_rows",
        {"limit": 200_000},
    ),
    "xlsx_with_far_cells_and_a_row_jump": (hostile.far_cells_xlsx, "too_many_rows", {"limit": 200_000}),
    "truncated_xlsx": (lambda: hostile.plain_xlsx()[:3000], "xlsx_damaged", {}),
    "old_xls": (hostile.old_xls, "xls_old", {}),
    "zip_of_a_csv": (hostile.zip_of_csv, "zip_other", {}),
    "csv_with_a_1_mb_cell": (hostile.long_cell_csv, "cell_too_long", {"row": 2, "limit": 131072}),
    "csv_of_100000_columns": (hostile.wide_csv, "too_many_columns", {"row": 1, "count": 100_000, "limit": 1000}),
    "csv_of_200001_rows": (hostile.tall_csv, "too_many_rows", {"limit": 200_000}),
    "header_only": (lambda: b"Citta,CAP\n", "no_rows", {"row": 1}),
    "xlsx_styles_padded_to_250_mb": (hostile.padded_styles_xlsx, "xlsx_long_text", {"part": "xl/styles.xml"}),
    "xlsx_styles_padded_in_pieces": (
        functools.partial(hostile.padded_styles_xlsx, 20 * 2**20, pieces=True),
        "xlsx_too_big",
        {"part": "xl/styles.xml"},
    ),
    "xlsx_250_mb_of_blanks_in_a_sheet": (
        hostile.whitespace_sheet_xlsx,
        "xlsx_long_text",
        {"part": "xl/worksheets/sheet1.xml", "limit": 131_072},
    ),
    "xlsx_one_240_mb_inline_cell": (hostile.long_inline_cell_xlsx, "xlsx_long_text", {}),
    "xlsx_20_mb_of_text_in_long_cells": (hostile.much_text_xlsx, "xlsx_too_much_text", {"mb": 16}),
    "not_a_customer_table": (lambda: b"foo,bar\n1,2\n", "unknown_format", {"columns": "'foo', 'bar'"}),
}


@functools.cache
def broken(name: str) -> bytes:
    return BROKEN[name][0]()


@pytest.mark.perf
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_every_broken_file_gets_a_message_saying_what_and_where_within_5_seconds_of_cpu(name):
    _, key, params = BROKEN[name]
    data = broken(name)
    started = time.process_time()  # CPU, not wall time: the test machine may be busy with other work
    with pytest.raises(ImportProblem) as caught:
        import_file(RawFile("clienti.csv", data), ImportContext())
    elapsed = time.process_time() - started
    message = caught.value.message
    assert message.key == f"importers.err.{key}"
    assert message.params["file"] == "clienti.csv"
    assert params.items() <= message.params.items()
    assert "clienti.csv" in message.render("it") and "clienti.csv" in message.render("en")
    assert elapsed < 5.0


def test_formats_are_tried_specific_first_then_activity_then_the_generic_orders_and_customer_tables():
    found = formats()
    assert [(f.platform, f.kind) for f in found[:4]] == [
        ("shopify", "customers"), ("woocommerce", "customers"), ("shopify", "orders"), ("woocommerce", "orders"),
    ]  # fmt: skip
    assert [(f.platform, f.kind) for f in found[-2:]] == [("generic_orders", "orders"), ("generic", "customers")]
    assert {f.kind for f in found[4:-2]} == {"activity"}
    assert len(found) > 6


def test_an_activity_export_reaches_its_importer_through_the_same_entry_point():
    path = EXPORTS / "meta_business_suite" / "facebook_posts_views_Jan-01-2025_Jan-31-2025_1118203947561234.csv"
    result = import_file(RawFile("whatever.txt", path.read_bytes()), ImportContext())
    assert (result.platform, result.kind) == ("facebook", "activity")
    summary = result.summary()
    assert (summary["first"], summary["last"]) == ("2025-01-01", "2025-01-31")


def test_the_file_name_never_decides_the_format():
    for name in ("customers_export.csv", "Views.csv", "export.xlsx", ""):
        assert import_file(RawFile(name, SHOPIFY.read_bytes()), ImportContext()).platform == "shopify"


def _explode(raw: RawFile, ctx: ImportContext):
    raise KeyError("a bug in an importer")


def _choke(raw: RawFile) -> bool:
    raise ValueError("a sniffer that chokes")


def test_a_bug_inside_an_importer_becomes_a_message_not_a_traceback(monkeypatch):
    monkeypatch.setattr(customers, "FORMATS", [Format("broken", "customers", lambda raw: True, _explode)])
    with pytest.raises(ImportProblem) as caught:
        import_file(RawFile("x.csv", SHOPIFY.read_bytes()), ImportContext())
    assert caught.value.message == Message("importers.err.unexpected", {"file": "x.csv", "reason": "KeyError"})
    assert isinstance(caught.value.__cause__, KeyError)


def test_a_sniffer_that_raises_just_does_not_recognise_the_file(monkeypatch):
    monkeypatch.setattr(customers, "FORMATS", [Format("choke", "customers", _choke, _explode), *customers.FORMATS])
    assert import_file(RawFile("x.csv", SHOPIFY.read_bytes()), ImportContext()).platform == "shopify"
