"""The join link as a QR code for the screen, made offline: SVG text or PNG bytes.

``qrcode`` (pure Python) computes the modules; drawing them is done here with the standard
library only, so neither Pillow nor a network is needed. Both images carry a white quiet zone
and a white background, so the code scans on a dark-themed page too. Error correction level M
(15%) survives a projector's glare without making the code much denser.
"""

from __future__ import annotations

import struct
import zlib

import qrcode
import qrcode.constants

from core import safe_text

BORDER = 4  # modules of quiet zone, as the QR standard asks
MAX_TEXT = 1000


def matrix(text: str, border: int = BORDER) -> list[list[bool]]:
    """The QR code's modules (True = dark), quiet zone included."""
    if not text or len(text) > MAX_TEXT:
        raise ValueError(f"QR text must have 1 to {MAX_TEXT} characters, got {len(text or '')}")
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def svg(text: str, title: str = "", border: int = BORDER) -> str:
    """An SVG that scales to its container: one path, one unit per module, runs of dark modules merged."""
    cells = matrix(text, border)
    size = len(cells)
    runs = []
    for y, row in enumerate(cells):
        x = 0
        while x < size:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < size and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    label = f"<title>{safe_text.for_html(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'shape-rendering="crispEdges">{label}<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(text: str, scale: int = 10, border: int = BORDER) -> bytes:
    """A black-on-white 8-bit grey PNG, ``scale`` pixels a module."""
    if not 1 <= scale <= 40:
        raise ValueError(f"scale must be 1 to 40 pixels a module, got {scale}")
    cells = matrix(text, border)
    side = len(cells) * scale
    raw = bytearray()
    for row in cells:
        pixels = b"".join((b"\x00" if dark else b"\xff") * scale for dark in row)
        raw += (b"\x00" + pixels) * scale  # each line: filter type 0, then its pixels
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale, no interlace
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + _chunk(b"IEND", b"")
    )
