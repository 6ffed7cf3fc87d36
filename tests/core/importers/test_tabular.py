"""Reading CSV and XLSX bytes: encodings, separators, Excel's habits; the same list read the same way."""

from __future__ import annotations

import codecs
import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import Workbook

from core.importers import ImportProblem, RawFile, import_file, tabular

# One customer list as an Italian shop keeps it; every variant below is the same list.
HEADER = ["Email", "Città", "CAP", "Provincia", "Totale speso", "Ordini", "Primo ordine", "Ultimo ordine", "Note"]
TABLE = [
    [
        "giulia@example.it",
        "Forlì",
        "47121",
        "FC",
        1020.5,
        3,
        dt.date(2024, 4, 3),
        dt.date(2025, 1, 31),
        "€ 5 di sconto",
    ],
    ["luca@example.it", "Cantù", "22063", "CO", 75.45, 1, dt.date(2024, 12, 1), dt.date(2024, 12, 1), "“VIP”"],
    ["", "Città di Castello", "06012", "PG", 0.5, 12, dt.date(2023, 1, 13), dt.date(2025, 2, 28), ""],
    [
        "anna@example.it",
        "Roma",
        "00184",
        "RM",
        2221.83,
        8,
        dt.date(2024, 5, 6),
        dt.date(2025, 3, 4),
        "tavolo all'aperto",
    ],
]


def _italian_number(value: float) -> str:
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _text(sep: str, italian: bool, newline: str, excel_zeros: bool = False, extras: bool = False) -> str:
    lines = [sep.join(HEADER)]
    for email, town, cap, prov, spent, orders, first, last, note in TABLE:
        money = _italian_number(spent) if italian else f"{spent:.2f}"
        dates = [d.strftime("%d/%m/%Y") if italian else d.isoformat() for d in (first, last)]
        cap = cap.lstrip("0") if excel_zeros else cap
        lines.append(sep.join([email, town, cap, prov, money, str(orders), *dates, note]))
    if extras:  # what Excel users add: a blank line and a totals row
        lines += [sep * (len(HEADER) - 1), sep.join(["TOTALE", "", "", "", _italian_number(3318.28), "24", "", "", ""])]
    return newline.join(lines) + newline


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in TABLE:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


VARIANTS = {
    "excel_it_cp1252_semicolon": _text(";", True, "\r\n", excel_zeros=True, extras=True).encode("cp1252"),
    "utf8_bom_comma": codecs.BOM_UTF8 + _text(",", False, "\r\n").encode("utf-8"),
    "utf16_unicode_text_tab": codecs.BOM_UTF16_LE + _text("\t", True, "\r\n").encode("utf-16-le"),
    "utf8_plain": _text(",", False, "\n").encode("utf-8"),
    "xlsx": _xlsx(),
}


def test_the_variants_really_differ_in_bytes():
    assert b"\x80" in VARIANTS["excel_it_cp1252_semicolon"]  # cp1252's euro sign
    assert len({v[:40] for v in VARIANTS.values()}) == len(VARIANTS)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_same_list_saved_any_way_gives_identical_customers(variant, ctx):
    expected = import_file(RawFile("clienti", VARIANTS["utf8_plain"]), ctx).frame
    got = import_file(RawFile("clienti", VARIANTS[variant]), ctx).frame
    pd.testing.assert_frame_equal(got, expected)
    assert got["town"].tolist() == ["Forlì", "Cantù", "Città di Castello", "Roma"]
    assert got["postcode"].tolist() == ["47121", "22063", "06012", "00184"]
    assert got["revenue"].tolist() == [1020.5, 75.45, 0.5, 2221.83]
    assert got["first_order"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-04-03",
        "2024-12-01",
        "2023-01-13",
        "2024-05-06",
    ]


@pytest.mark.parametrize(
    ("variant", "encoding", "decimal"),
    [
        ("excel_it_cp1252_semicolon", "cp1252", ","),
        ("utf8_bom_comma", "utf-8-sig", "."),
        ("utf16_unicode_text_tab", "utf-16", ","),
        ("utf8_plain", "utf-8", "."),
        ("xlsx", "xlsx", "."),
    ],
)
def test_encoding_and_decimal_mark_are_detected(variant, encoding, decimal):
    table = tabular.read_table(RawFile("x", VARIANTS[variant]))
    assert (table.encoding, table.decimal) == (encoding, decimal)
    assert table.frame.loc[2, "Note"] == ("€ 5 di sconto")
    assert list(table.frame.columns) == HEADER


def test_cp1252_is_not_read_as_latin1():
    table = tabular.read_table(RawFile("x", "Città;Note\nForlì;“€ 5”\n".encode("cp1252")))
    assert table.frame.iloc[0].tolist() == ["Forlì", "“€ 5”"]


def test_mixed_line_endings_and_a_multi_line_cell_keep_rows_and_row_numbers():
    data = b'Citt\xc3\xa0,CAP,Note\r\nForl\xc3\xac,47121,"riga uno\nriga due"\nCesena,47521,x\rCant\xc3\xb9,22063,y\r\n'
    table = tabular.read_table(RawFile("x", data))
    assert table.frame["Città"].tolist() == ["Forlì", "Cesena", "Cantù"]
    assert table.frame.index.tolist() == [2, 3, 4]
    assert table.frame.loc[2, "Note"] == "riga uno\nriga due"


def test_an_excel_sep_line_and_a_title_row_above_the_header_are_skipped():
    data = "sep=;\nElenco clienti 2024\nCittà;CAP;Ordini\nForlì;47121;3\n".encode()
    table = tabular.read_table(RawFile("x", data))
    assert list(table.frame.columns) == ["Città", "CAP", "Ordini"]
    assert table.frame.index.tolist() == [4]


@pytest.mark.parametrize("label", ["TOTALE", "Totale", "Total", "totali:"])
def test_totals_rows_are_left_out_and_reported(label):
    data = f"Città,CAP,Totale speso,Ordini\nForlì,47121,10.00,1\n{label},,10.00,1\n".encode()
    table = tabular.read_table(RawFile("x", data))
    assert table.frame["Città"].tolist() == ["Forlì"]
    assert [(w.key, w.params) for w in table.warnings] == [("importers.warn.total_row", {"row": 3, "label": label})]


def test_a_customer_in_a_town_called_total_is_not_a_totals_row():
    table = tabular.read_table(RawFile("x", b"Citta,CAP,Speso,Ordini\nTotal,1000,5,1\n"))
    assert len(table.frame) == 1


def test_duplicate_and_blank_header_cells_get_unique_names():
    table = tabular.read_table(RawFile("x", b"Citta,,Citta,CAP\nForli,x,Cesena,47121\n"))
    assert list(table.frame.columns) == ["Citta", "#2", "Citta (2)", "CAP"]


def test_rows_wider_than_the_header_are_cut_and_reported():
    table = tabular.read_table(RawFile("x", b"Citta,CAP\nForli,47121,extra\nCesena,47521\n"))
    assert table.frame.values.tolist() == [["Forli", "47121"], ["Cesena", "47521"]]
    assert [(w.key, w.params) for w in table.warnings] == [
        ("importers.warn.ragged", {"count": 1, "row": 2, "width": 2})
    ]


def test_the_header_is_read_from_the_beginning_only():
    data = b"Citta,CAP\n" + b"Forli,47121\n" * 50_000 + b"\x00garbage"
    assert tabular.header(RawFile("x", data)) == ("Citta", "CAP")
    assert tabular.header(RawFile("x", b"\x89PNG\x00\x00")) == ()


def test_a_header_without_rows_is_refused_saying_so():
    with pytest.raises(ImportProblem) as caught:
        tabular.read_table(RawFile("solo.csv", b"Citta,CAP\n\n"))
    assert (caught.value.message.key, caught.value.message.params) == (
        "importers.err.no_rows",
        {"file": "solo.csv", "row": 1},
    )


def test_a_csv_over_the_cell_limit_is_refused_at_the_row_where_it_crosses_it(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_CELLS", 100)
    data = ("Città," + ",".join(f"c{i}" for i in range(9)) + "\n" + "Forlì,1,2,3,4,5,6,7,8,9\n" * 20).encode()
    with pytest.raises(ImportProblem) as caught:
        tabular.read_table(RawFile("x.csv", data))
    assert caught.value.message.key == "importers.err.too_many_cells"
    assert caught.value.message.params == {"file": "x.csv", "row": 21, "limit": 100}
