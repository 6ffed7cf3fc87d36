import math

import pandas as pd
import pytest

from core.importers.activity import tabular


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("8,016", 8016),
        ("152,300", 152300),
        ("1.250", 1250),  # Italian thousands
        ("1.234.567", 1234567),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("12", 12),
        ("4,5", 4.5),
        (" 7 ", 7),
        ("1 200", 1200),
        (824.0, 824),  # a number cell from a workbook
        (1.234, 1.234),  # never re-read as text
    ],
)
def test_counts_are_read_with_the_separators_platforms_use(cell, value):
    numbers, bad = tabular.to_number(pd.Series([cell], dtype=object))
    assert numbers.iloc[0] == pytest.approx(value) and not bad.iloc[0]


@pytest.mark.parametrize("cell", ["", "-", "--", "N/A", "null"])
def test_empty_markers_are_missing_values_not_errors(cell):
    numbers, bad = tabular.to_number(pd.Series([cell]))
    assert math.isnan(numbers.iloc[0]) and not bad.iloc[0]


def test_text_in_a_number_column_is_reported():
    numbers, bad = tabular.to_number(pd.Series(["12", "tanti"]))
    assert bad.tolist() == [False, True] and math.isnan(numbers.iloc[1])


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("\ufeffPost".encode(), "Post"),
        ("Forlì".encode("utf-16"), "Forlì"),
        ("Forlì".encode("utf-16-le"), "Forlì"),  # no BOM
        ("Forlì 5€".encode("cp1252"), "Forlì 5€"),
        ("Forlì".encode(), "Forlì"),
    ],
)
def test_encodings_are_recognised_from_the_bytes(data, text):
    assert tabular.decode(data) == text


@pytest.mark.parametrize(
    ("header", "names", "position"),
    [
        (["\ufeffPost ID", "PUBLISH TIME"], ("Publish time",), 1),
        (["Durata (s)", "Nome utente dell’account"], ("Nome utente dell'account",), 1),
        (["Città", "Visualizzazioni"], ("citta",), 0),
        (["Views", "Impressions"], ("Views", "Impressions"), 0),
        (["Impressions"], ("Views", "Impressions"), 0),
        (["Reach"], ("Views",), None),
    ],
)
def test_headers_match_whatever_their_case_accents_and_punctuation(header, names, position):
    assert tabular.index_of(header, *names) == position


def test_a_semicolon_table_after_an_excel_sep_line_is_read():
    table = tabular.read_table("sep=;\nData;Visualizzazioni\n01/02/2025;1.200\n")
    assert table.headers == ("Data", "Visualizzazioni") and table.rows.values.tolist() == [["01/02/2025", "1.200"]]


def test_rows_longer_than_the_header_keep_their_numbers_under_the_number_columns():
    table = tabular.read_table("name,label,a,b\nx,y,1,2\nz,u,v,3,4\n", right=2)
    assert table.rows.values.tolist() == [["x", "y", "1", "2"], ["z", "u,v", "3", "4"]]
    assert table.ragged == (3,)
