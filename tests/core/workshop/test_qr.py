"""The QR images are checked by reading them back: a small decoder (versions 1-6, level M) written
from the QR specification, independent of the ``qrcode`` package that made them."""

import io
import re

import pytest
from PIL import Image

from core.workshop import qr

ALIGNMENT = {1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34]}
# Level M: (blocks, data codewords in each block) by version.
BLOCKS_M = {1: (1, 16), 2: (1, 28), 3: (1, 44), 4: (2, 32), 5: (2, 43), 6: (4, 27)}
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
MASKS = [
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
]


def _function_modules(size, version):
    fixed = [[False] * size for _ in range(size)]
    for r in range(size):
        for c in range(size):
            finder = (r < 9 and c < 9) or (r < 9 and c >= size - 8) or (r >= size - 8 and c < 9)
            fixed[r][c] = finder or r == 6 or c == 6  # finders, separators, format bits, timing
    centres = ALIGNMENT[version]
    for r in centres:
        for c in centres:
            if (r, c) in {(6, 6), (6, centres[-1]), (centres[-1], 6)}:
                continue
            for dr in range(-2, 3):
                for dc in range(-2, 3):
                    fixed[r + dr][c + dc] = True
    return fixed


def decode(modules):
    """The text of a QR matrix without quiet zone (byte, alphanumeric and numeric segments)."""
    size = len(modules)
    version = (size - 17) // 4
    assert version in ALIGNMENT, f"test decoder reads versions 1-6, got {version}"
    rows = [r for r in range(6)] + [7, 8] + [size - 15 + i for i in range(8, 15)]
    bits = sum(int(modules[r][8]) << i for i, r in enumerate(rows)) ^ 0b101010000010010
    level, mask = bits >> 13, (bits >> 10) & 7
    assert level == 0, "level M"
    fixed = _function_modules(size, version)
    stream = []
    col, upward = size - 1, True
    while col > 0:
        if col == 6:
            col -= 1
        for r in range(size - 1, -1, -1) if upward else range(size):
            for c in (col, col - 1):
                if not fixed[r][c]:
                    stream.append(int(modules[r][c]) ^ int(MASKS[mask](r, c)))
        upward, col = not upward, col - 2
    codewords = [int("".join(map(str, stream[i : i + 8])), 2) for i in range(0, len(stream) - 7, 8)]
    blocks, each = BLOCKS_M[version]
    data = [codewords[i * blocks + b] for b in range(blocks) for i in range(each)]
    bits_text = "".join(f"{w:08b}" for w in data)
    pos, out = 0, bytearray()

    def take(n):
        nonlocal pos
        pos += n
        return int(bits_text[pos - n : pos], 2)

    while pos + 4 <= len(bits_text):
        mode = take(4)
        if mode == 0:
            break
        count = take({1: 10, 2: 9, 4: 8}[mode])
        if mode == 4:
            out += bytes(take(8) for _ in range(count))
        elif mode == 2:
            for _ in range(count // 2):
                pair = take(11)
                out += (ALNUM[pair // 45] + ALNUM[pair % 45]).encode()
            out += ALNUM[take(6)].encode() if count % 2 else b""
        else:
            for start in range(0, count, 3):
                digits = min(3, count - start)
                out += str(take({3: 10, 2: 7, 1: 4}[digits])).zfill(digits).encode()
    return out.decode("utf-8")


def _strip(cells, border=qr.BORDER):
    return [row[border:-border] for row in cells[border:-border]]


LINKS = [
    "http://localhost:8501/?join=K7QM3XTP",
    "https://rotta.example.org/?join=23456789",
    "https://workshop.camera-di-commercio.it/rotta/?join=ZZZZZZZZ",
    "HTTPS://ROTTA.EXAMPLE/?JOIN=K7QM3XTP",
    "Città 8501",
]


@pytest.mark.parametrize("text", LINKS)
def test_the_qr_matrix_reads_back_as_the_link(text):
    assert decode(_strip(qr.matrix(text))) == text


def test_the_quiet_zone_is_white_on_every_side():
    cells = qr.matrix(LINKS[0])
    b = qr.BORDER
    border = cells[:b] + cells[-b:] + [row[:b] + row[-b:] for row in cells]
    assert not any(any(row) for row in border)


def _svg_cells(svg_text):
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg_text).group(1))
    cells = [[False] * size for _ in range(size)]
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", svg_text):
        for dx in range(int(width)):
            cells[int(y)][int(x) + dx] = True
    return cells


@pytest.mark.parametrize("text", LINKS[:3])
def test_the_svg_draws_exactly_the_qr_modules_on_a_white_background(text):
    image = qr.svg(text)
    assert image.startswith("<svg ") and '<rect width="' in image and 'fill="#fff"' in image
    assert 'width="37mm"' not in image and "<script" not in image
    assert _svg_cells(image) == qr.matrix(text)
    assert decode(_strip(_svg_cells(image))) == text


def test_the_svg_title_is_escaped():
    image = qr.svg(LINKS[0], title='Entra <script>alert("x")</script>')
    assert "<script>" not in image and "<title>Entra &lt;script&gt;" in image


@pytest.mark.parametrize("scale", [1, 4, 10])
def test_the_png_is_black_modules_on_white_at_the_given_scale(scale):
    cells = qr.matrix(LINKS[0])
    image = Image.open(io.BytesIO(qr.png(LINKS[0], scale=scale))).convert("L")
    assert image.size == (len(cells) * scale, len(cells) * scale)
    centre = scale // 2
    read = [
        [image.getpixel((x * scale + centre, y * scale + centre)) < 128 for x in range(len(cells))]
        for y in range(len(cells))
    ]
    assert read == cells and decode(_strip(read)) == LINKS[0]
    assert [i for i, n in enumerate(image.histogram()) if n] == [0, 255]


@pytest.mark.parametrize(
    ("call", "args"),
    [(qr.matrix, ("",)), (qr.matrix, ("x" * 1001,)), (qr.png, ("x", 0)), (qr.png, ("x", 41))],
)
def test_bad_qr_input_is_refused(call, args):
    with pytest.raises(ValueError):
        call(*args)
