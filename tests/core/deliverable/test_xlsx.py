import datetime as dt
import functools
import io
import zipfile

import openpyxl
import pytest

from core import i18n, samples
from core.deliverable import xlsx as export_xlsx
from tests.core.deliverable.test_build import CASES, HOSTILE, LANGS, built, hostile, with_distance

SHEETS = ("goals", "calendar", "areas", "timeline", "kpis")


@functools.cache
def xlsx(case: str, lang: str) -> bytes:
    return export_xlsx.render(built(case, lang), lang)


def book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def values(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=2)]


def header(ws) -> list[str]:
    return [c.value for c in ws[1]]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_the_workbook_has_the_five_sheets_and_every_goal(case, lang):
    wb = book(xlsx(case, lang))
    goals_sheet = wb[i18n.t(lang, "deliverable.sheet.goals")]

    assert wb.sheetnames == [i18n.t(lang, f"deliverable.sheet.{s}") for s in SHEETS]
    titles = [row[1] for row in values(goals_sheet)]
    assert titles == [g.title for g in built(case, lang).goals] or (case == "empty" and len(titles) == 1)


@pytest.mark.parametrize("case", CASES)
def test_no_cell_is_a_formula(case):
    data = xlsx(case, "it")

    assert all(c.data_type != "f" for ws in book(data).worksheets for row in ws.iter_rows() for c in row)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(b"<f>" not in archive.read(n) and b"<f " not in archive.read(n) for n in sheets)


def test_an_empty_plan_says_what_is_missing_on_each_sheet():
    wb = book(xlsx("empty", "en"))

    notes = [values(ws)[0][0] for ws in wb.worksheets]
    assert notes == [
        "No goals yet: write one at the Goals step.",
        "The calendar is empty: plan the next posts at the Timeline step.",
        "No customers to group by area.",
        "No activity imported: import your posts at the Timeline step.",
        "No goal uses a KPI yet.",
    ]


def test_goal_numbers_and_dates_are_numbers_and_dates_in_the_kpi_unit():
    ws = book(xlsx("forno", "en"))["Goals"]
    cols = {name: i for i, name in enumerate(header(ws))}
    reach, repeat = ws[2], ws[3]

    assert reach[cols["Baseline"]].value == 20400 and reach[cols["Baseline"]].data_type == "n"
    assert repeat[cols["Target"]].value == pytest.approx(0.61) and repeat[cols["Target"]].number_format == "0.0%"
    assert reach[cols["Deadline"]].value == dt.datetime(2026, 12, 31)
    assert reach[cols["SMART"]].value == "S✓ M✓ A✓ R✓ T✓"


def test_customers_by_area_are_totals_per_comune_province_and_distance_never_people():
    ws = book(xlsx("officina", "en"))["Customers by area"]
    rows = values(ws)
    customers = samples.load_sample("officina").customers

    assert header(ws) == ["Level", "Area", "Province", "Country", "Customers", "Revenue (€)", "Share of customers",
                          "Share of revenue"]  # fmt: skip
    for level, total in (("town", len(customers)), ("province", len(customers)),
                         ("distance from the business", with_distance("officina"))):  # fmt: skip
        mine = [r for r in rows if r[0] == level]
        assert mine and sum(r[4] for r in mine) == total
    towns = [r for r in rows if r[0] == "town"]
    assert sum(r[5] for r in towns) == pytest.approx(customers["revenue"].sum())
    ids = set(customers["customer_id"])
    assert not any(v in ids for row in rows for v in row)


def test_the_kpi_sheet_lists_the_catalogue_rows_the_goals_use():
    ws = book(xlsx("cantina", "it"))["KPI"]
    used = {g["kpi"] for g in samples.load_sample("cantina").goals if g["kpi"]}

    assert {row[0] for row in values(ws)} == used
    assert all(row[1] and row[2] and row[3] for row in values(ws))


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\n=1"),
        ("  =1", "'  =1"),
        ("\n=1", "'\n=1"),
        ("\u00a0=1", "'\u00a0=1"),
        ("\u200b=1", "'=1"),  # zero-width and BOM prefixes are dropped, and the formula found behind them
        ("\ufeff=1", "'=1"),
        ("\u3000\uff1dSUM(A1)", "'\u3000\uff1dSUM(A1)"),  # a full-width sign behind an ideographic space
        ("${alert(1)}", "${alert(1)}"),
        ("A" * 40_000, "A" * export_xlsx.MAX_CELL),
        ("\u202egnp.exe", "gnp.exe"),
        ("nul\x00byte", "nulbyte"),
        ("emoji 🍕🚀 ok", "emoji 🍕🚀 ok"),
        ("Città", "Città"),
    ],
)
def test_a_text_cell_is_visible_text_that_no_spreadsheet_runs(text, cell):
    assert export_xlsx.cell_text(text) == cell


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_comes_back_as_text_in_every_sheet(text):
    wb = book(export_xlsx.render(hostile(text, "en"), "en"))
    expected = export_xlsx.cell_text(text)
    goals_sheet = wb["Goals"]
    cols = {name: i for i, name in enumerate(header(goals_sheet))}
    goal = goals_sheet[2]
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]

    assert all(c.data_type in ("s", "n", "d") for c in cells)
    assert all(export_xlsx.cell_text(c.value) == c.value for c in cells if c.data_type == "s")  # all neutralised
    for name in ("Goal", "Owner", "Where"):
        assert goal[cols[name]].value == expected and goal[cols[name]].data_type == "s"
    assert goal[cols["Actions"]].value.startswith(expected)


def test_the_workbook_is_the_same_for_the_same_deliverable():
    assert export_xlsx.render(built("forno", "it"), "it") == xlsx("forno", "it")
