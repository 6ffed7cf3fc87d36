"""Excel workbooks: the sheet with the table, typed cells as text, and the guards against hostile packages."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl.xml
import pytest
from openpyxl import Workbook

from core.i18n import TEXTS
from core.importers import ImportContext, ImportProblem, RawFile, import_file, tabular, xlsx
from tests.core.importers import hostile


def _book(*sheets: tuple[str, list[list]], active: int = 0) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.active = active
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_cells_typed_by_excel_come_back_as_the_text_a_person_sees(ctx):
    data = _book(
        ("Clienti", [
            ["Elenco clienti"],
            ["Città", "CAP", "Totale speso", "Ordini", "Primo ordine", "Codice"],
            ["Città di Castello", 6012, 1020.5, 3, dt.datetime(2024, 4, 3), 7465545672355],
            ["Roma", 184, 75, 1, dt.datetime(2024, 5, 6, 18, 30), None],
        ]),
    )  # fmt: skip
    table = tabular.read_table(RawFile("c.xlsx", data))
    assert table.frame.to_dict("records") == [
        {"Città": "Città di Castello", "CAP": "6012", "Totale speso": "1020.5", "Ordini": "3",
         "Primo ordine": "2024-04-03", "Codice": "7465545672355"},
        {"Città": "Roma", "CAP": "184", "Totale speso": "75", "Ordini": "1",
         "Primo ordine": "2024-05-06 18:30:00", "Codice": ""},
    ]  # fmt: skip
    assert table.frame.index.tolist() == [3, 4]
    frame = import_file(RawFile("c.xlsx", data), ctx).frame
    assert frame["postcode"].tolist() == ["06012", "00184"]
    assert frame["first_order"].dt.strftime("%Y-%m-%d").tolist() == ["2024-04-03", "2024-05-06"]


def test_the_active_sheet_is_read_and_the_choice_reported():
    data = _book(("Note", [["solo testo"]]), ("Clienti", [["Città", "CAP"], ["Forlì", "47121"]]), active=1)
    table = tabular.read_table(RawFile("c.xlsx", data))
    assert table.frame["Città"].tolist() == ["Forlì"]
    assert [(w.key, w.params) for w in table.warnings] == [
        ("importers.warn.sheet_chosen", {"sheet": "Clienti", "count": 2})
    ]


def test_an_empty_active_sheet_gives_way_to_the_first_sheet_with_a_table():
    data = _book(("Vuoto", []), ("Clienti", [["Città", "CAP"], ["Forlì", "47121"]]), active=0)
    assert tabular.read_table(RawFile("c.xlsx", data)).frame["CAP"].tolist() == ["47121"]


def test_a_sheet_over_the_cell_limit_is_refused_before_openpyxl_reads_it(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_CELLS", 1000)
    data = hostile.many_rows_xlsx(rows=2000)
    with pytest.raises(ImportProblem) as caught:
        tabular.read_table(RawFile("c.xlsx", data))
    assert caught.value.message.key == "importers.err.xlsx_too_many_cells"
    assert caught.value.message.params == {
        "file": "c.xlsx",
        "part": "xl/worksheets/sheet1.xml",
        "count": 2001,
        "limit": 1000,
    }


def test_workbooks_are_not_opened_when_openpyxl_lacks_defusedxml(monkeypatch):
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(ImportProblem) as caught:
        import_file(RawFile("c.xlsx", hostile.plain_xlsx()), ImportContext())
    assert caught.value.message.key == "importers.err.xlsx_unprotected"


def test_every_message_key_the_importers_use_has_its_texts():
    used: set[str] = set()
    for path in (Path(xlsx.__file__).parent).glob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'"(importers\.(?:err|warn)\.[a-z_]+)"', source))
        used |= {f"importers.err.{k}" for k in re.findall(r'_problem\(\s*"([a-z_]+)"', source)}
        used |= {f"importers.warn.{k}" for k in re.findall(r'_warn\(\s*"([a-z_]+)"', source)}
        used |= {f"importers.err.{k}" for k in re.findall(r'"xlsx_encrypted" if .* else "([a-z_]+)"', source)}
    assert len(used) > 30
    assert sorted(used - set(TEXTS)) == []


def test_too_many_shared_strings_are_refused_before_openpyxl_loads_them(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_CELLS", 1000)
    strings = "".join(f"<si><t>s{i}</t></si>" for i in range(1001))
    part = f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>'
    data = hostile.rewrite_xlsx(hostile.plain_xlsx(), {"xl/sharedStrings.xml": part.encode()})
    with pytest.raises(ImportProblem) as caught:
        tabular.read_table(RawFile("c.xlsx", data))
    assert caught.value.message.params == {
        "file": "c.xlsx",
        "part": "xl/sharedStrings.xml",
        "count": 1001,
        "limit": 1000,
    }
