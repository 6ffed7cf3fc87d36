"""Broken and hostile files, built in memory (the big ones are small once compressed)."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

ROW = "Città,CAP,Totale speso\nForlì,47121,10.50\n"


def plain_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Città", "CAP", "Totale speso"])
    sheet.append(["Forlì", "47121", 10.5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite_xlsx(data: bytes, changes: dict[str, bytes]) -> bytes:
    """The same package with some parts replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, changes.pop(info.filename, None) or source.read(info))
        for name, content in changes.items():
            target.writestr(name, content)
    return out.getvalue()


def macro_xlsx() -> bytes:
    data = plain_xlsx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    types = types.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
    return rewrite_xlsx(data, {"[Content_Types].xml": types, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)


def billion_laughs_xlsx(padding: int = 0) -> bytes:
    """A sheet whose one cell expands to 10**9 "lol"s; ``padding`` bytes of comment hide the DTD."""
    comment = f"<!--{'x' * padding}-->" if padding else ""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>{comment}{_LAUGHS}'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Città</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>CAP</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c><c r="B2"><v>47121</v></c></row>'
        "</sheetData></worksheet>"
    )
    return rewrite_xlsx(plain_xlsx(), {"xl/worksheets/sheet1.xml": sheet.encode()})


def many_rows_xlsx(rows: int = 500_000, dimension: bool = True) -> bytes:
    """A sheet of ``rows`` rows (about 150 KB compressed), with or without its <dimension>."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        f'<dimension ref="A1:B{rows}"/>' if dimension else "",
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Città</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>CAP</t></is></c></row>',
    ]
    parts += [f'<row r="{i}"><c r="B{i}"><v>47121</v></c></row>' for i in range(2, rows + 1)]
    parts.append("</sheetData></worksheet>")
    return rewrite_xlsx(plain_xlsx(), {"xl/worksheets/sheet1.xml": "".join(parts).encode()})


def long_cell_csv(size: int = 2**20) -> bytes:
    return ('Città,CAP,Note\nForlì,47121,"' + "x" * size + '"\n').encode()


def wide_csv(columns: int = 100_000) -> bytes:
    return (",".join(f"c{i}" for i in range(columns)) + "\n" + ",".join("1" for _ in range(columns)) + "\n").encode()


def tall_csv(rows: int = 200_001) -> bytes:
    return ("Città,CAP\n" + "Forlì,47121\n" * rows).encode()


def old_xls() -> bytes:
    """The start of an OLE2 compound file as Excel 97-2003 writes it (no encryption streams)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le") + b"\0" * 1024


def zip_of_csv() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("clienti.csv", ROW)
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x01\x02\x03" + bytes(range(256)) * 4


def far_cells_xlsx(rows: int = 100_000) -> bytes:
    """Each row's one cell in the last column (XFD), then a jump to row 1,048,576, and no <dimension>:
    small, but padded to 16,384 columns and a million rows it would take gigabytes."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Città</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>CAP</t></is></c></row>'
    ]
    parts += [f'<row r="{i}"><c r="XFD{i}"><v>1</v></c></row>' for i in range(2, rows)]
    parts.append('<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>')
    return rewrite_xlsx(plain_xlsx(), {"xl/worksheets/sheet1.xml": "".join(parts).encode()})


def _sheet(cells: str, before: str = "", rows: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Città</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>CAP</t></is></c></row>' + before + cells + rows + "</sheetData></worksheet>"
    ).encode()


def padded_styles_xlsx(size: int = 250 * 2**20, pieces: bool = False) -> bytes:
    """A small workbook whose styles part decompresses to ``size`` bytes: a comment of spaces (or, with
    ``pieces``, comments of 100 KB each, no run long enough to look like one cell), no cell."""
    data = plain_xlsx()
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml")
    head, _, tail = styles.partition(b"?>")
    piece = 100_000 if pieces else size
    padding = (b"<!--" + b" " * piece + b"-->") * (-(-size // piece))
    return rewrite_xlsx(data, {"xl/styles.xml": head + b"?>" + padding + tail})


def whitespace_sheet_xlsx(size: int = 250 * 2**20) -> bytes:
    """A sheet with rows, and ``size`` bytes of blanks between two of them."""
    body = '<row r="2"><c r="A2" t="inlineStr"><is><t>Forlì</t></is></c><c r="B2"><v>47121</v></c></row>'
    padding = " " * size
    last = '<row r="3"><c r="A3" t="inlineStr"><is><t>Cesena</t></is></c><c r="B3"><v>47521</v></c></row>'
    return rewrite_xlsx(plain_xlsx(), {"xl/worksheets/sheet1.xml": _sheet(body, rows=padding + last)})


def long_inline_cell_xlsx(size: int = 240 * 2**20) -> bytes:
    """One inline-string cell of ``size`` characters (about 250 KB compressed)."""
    body = f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"A" * size}</t></is></c><c r="B2"><v>47121</v></c></row>'
    return rewrite_xlsx(plain_xlsx(), {"xl/worksheets/sheet1.xml": _sheet(body)})


def much_text_xlsx(cells: int = 200, size: int = 100_000) -> bytes:
    """``cells`` cells of ``size`` characters each: every cell plausible, 20 MB of text together."""
    text = "x" * size
    body = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{text}</t></is></c></row>' for i in range(2, cells))
    return rewrite_xlsx(plain_xlsx(), {"xl/worksheets/sheet1.xml": _sheet(body)})


LARGEST_ROWS = 5_990  # x 20 columns, with the header: just under core.importers.xlsx.MAX_CELLS


def largest_xlsx(rows: int = LARGEST_ROWS, columns: int = 20) -> bytes:
    """A customer list at the cell limit, every text an inline string (openpyxl's slowest cells to read)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Email", "Città", "CAP", "Totale speso"] + [f"Colonna {i}" for i in range(columns - 4)])
    for i in range(rows):
        sheet.append([f"c{i}@example.it", "Forlì", "47121", 10.5 + i] + [f"testo {i} {j}" for j in range(columns - 4)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
