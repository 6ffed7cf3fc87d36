"""The market as a static picture for the PDF, drawn without any network: no tiles, no fonts, no images.

:func:`layout` projects the customers' places (Web Mercator) onto a box: one dot per place with
its area proportional to the customers there, the distance rings around the business, the
business itself and a scale bar. The frame holds ``share`` of the customers (the rest are counted
in ``outside``) and the outermost ring. :func:`draw` paints a layout with fpdf2's vector
primitives; :func:`to_svg` writes it as SVG text (labels escaped). Sizes are in the caller's units.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

EARTH_KM = 6371.0088
MAX_LAT = 85.05112878  # Web Mercator's edge
DOT_COLOR = (31, 119, 180)
BUSINESS_COLOR = (179, 38, 30)
RING_COLOR = (110, 110, 110)
BACKGROUND = (247, 245, 240)
DEFAULT_HALF_KM = 20.0  # frame half-width with nothing to show but the business


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    customers: int
    label: str  # "" for dots without a label


@dataclass(frozen=True)
class RingShape:
    x: float
    y: float
    r: float
    label: str


@dataclass(frozen=True)
class StaticMap:
    width: float
    height: float
    dots: tuple[Dot, ...]  # biggest first (draw in order so small dots stay visible)
    rings: tuple[RingShape, ...]
    business: tuple[float, float] | None
    scale_km: float  # a round distance...
    scale_length: float  # ...and its length on the map
    outside: int  # customers whose place falls outside the frame


def project(lat: float, lon: float) -> tuple[float, float]:
    """Web Mercator in radians: x grows east, y grows north."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _km_per_unit(lat: float) -> float:
    """Kilometres on the ground per Mercator unit at latitude ``lat``."""
    return EARTH_KM * math.cos(math.radians(max(-MAX_LAT, min(MAX_LAT, lat))))


def _nice(km: float) -> float:
    """The largest 1, 2 or 5 times a power of ten not above ``km``."""
    if km <= 0 or not math.isfinite(km):
        return 1.0
    power = 10 ** math.floor(math.log10(km))
    return max(s * power for s in (1, 2, 5) if s * power <= km)


def _weighted_median(values: Sequence[float], weights: Sequence[int]) -> float:
    pairs = sorted(zip(values, weights, strict=True))
    half, total = sum(weights) / 2, 0
    for value, weight in pairs:
        total += weight
        if total >= half:
            return value
    return pairs[-1][0]


def layout(
    points: Sequence[tuple[float, float, int, str]],
    center: tuple[float, float] | None,
    radii_km: Sequence[float],
    width: float,
    height: float,
    *,
    ring_labels: Sequence[str] = (),
    labels: int = 8,
    share: float = 0.95,
    max_dot: float | None = None,
) -> StaticMap:
    """Where everything goes in a ``width`` x ``height`` box; ``points`` are (lat, lon, customers, label)."""
    pts = [
        (float(a), float(b), int(c), str(d)) for a, b, c, d in points if math.isfinite(a) and math.isfinite(b) and c > 0
    ]
    projected = [project(a, b) for a, b, _, _ in pts]
    weights = [c for _, _, c, _ in pts]
    if center is not None:
        cx, cy = project(*center)
        lat0 = center[0]
    elif pts:
        cx = _weighted_median([p[0] for p in projected], weights)
        cy = _weighted_median([p[1] for p in projected], weights)
        lat0 = math.degrees(2 * math.atan(math.exp(cy)) - math.pi / 2)
    else:
        cx, cy, lat0 = 0.0, 0.0, 0.0
    pad = min(width, height) * 0.06
    half_w, half_h = width / 2 - pad, height / 2 - pad
    unit_km = _km_per_unit(lat0)
    # The scale (box units per Mercator unit) that keeps each point inside; the frame keeps `share` of customers.
    fits = sorted(
        ((min(half_w / abs(x - cx) if x != cx else math.inf, half_h / abs(y - cy) if y != cy else math.inf), c)
         for (x, y), c in zip(projected, weights, strict=True)),
        reverse=True,
    )  # fmt: skip
    scale, held = math.inf, 0
    for fit, customers in fits:
        scale = fit
        held += customers
        if held >= share * sum(weights):
            break
    if radii_km and center is not None:
        scale = min(scale, min(half_w, half_h) / (max(radii_km) / unit_km))
    if not math.isfinite(scale):
        scale = min(half_w, half_h) / (DEFAULT_HALF_KM / unit_km)

    def place(x: float, y: float) -> tuple[float, float]:
        return width / 2 + (x - cx) * scale, height / 2 - (y - cy) * scale

    biggest = max(weights, default=1)
    max_dot = max_dot if max_dot is not None else min(width, height) / 14
    dots, outside = [], 0
    for (x, y), (_, _, customers, label) in sorted(zip(projected, pts, strict=True), key=lambda p: -p[1][2]):
        px, py = place(x, y)
        if not (0 <= px <= width and 0 <= py <= height):
            outside += customers
            continue
        radius = max(max_dot * math.sqrt(customers / biggest), max_dot / 12)
        dots.append(Dot(px, py, radius, customers, label if len(dots) < labels else ""))
    rings: list[RingShape] = []
    business = None
    if center is not None:
        business = place(cx, cy)
        names = list(ring_labels) + [""] * len(radii_km)
        rings = [RingShape(*business, km / unit_km * scale, names[i]) for i, km in enumerate(radii_km)]
    scale_km = _nice(width / 4 / scale * unit_km)
    return StaticMap(width, height, tuple(dots), tuple(rings), business, scale_km, scale_km / unit_km * scale, outside)


def draw(pdf: FPDF, m: StaticMap, x: float, y: float, scale_text: str, font_size: float = 6.5) -> None:
    """Paint ``m`` on ``pdf`` with its top-left corner at (x, y); labels must already fit the PDF's font."""
    with pdf.local_context():
        pdf.set_draw_color(200, 200, 200)
        pdf.set_fill_color(*BACKGROUND)
        pdf.set_line_width(0.2)
        pdf.rect(x, y, m.width, m.height, style="DF")
        with pdf.rect_clip(x, y, m.width, m.height):
            pdf.set_draw_color(*RING_COLOR)
            pdf.set_dash_pattern(dash=1, gap=1)
            for ring in m.rings:
                pdf.ellipse(x + ring.x - ring.r, y + ring.y - ring.r, 2 * ring.r, 2 * ring.r, style="D")
            pdf.set_dash_pattern()
            with pdf.local_context(fill_opacity=0.55):
                pdf.set_fill_color(*DOT_COLOR)
                pdf.set_draw_color(255, 255, 255)
                for dot in m.dots:
                    pdf.ellipse(x + dot.x - dot.r, y + dot.y - dot.r, 2 * dot.r, 2 * dot.r, style="DF")
            if m.business is not None:
                bx, by = m.business
                pdf.set_fill_color(*BUSINESS_COLOR)
                pdf.set_draw_color(255, 255, 255)
                pdf.set_line_width(0.5)
                pdf.ellipse(x + bx - 1.6, y + by - 1.6, 3.2, 3.2, style="DF")
            pdf.set_font_size(font_size)
            pdf.set_text_color(60, 60, 60)
            last_top = math.inf
            for ring in sorted(m.rings, key=lambda r: r.r):
                top = ring.y - ring.r
                if ring.label and last_top - top >= font_size * 0.4:  # skip a label that would sit on the last one
                    pdf.text(x + ring.x + 0.8, y + top - 0.6, ring.label)
                    last_top = top
            pdf.set_text_color(20, 20, 20)
            taken: list[Box] = []
            for dot in m.dots:
                if dot.label:
                    _label(pdf, m, dot, x, y, font_size, taken)
            # Inside the clip too: text drawn after a clip is restored could lose its font in some viewers.
            left, base = x + 3, y + m.height - 3
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(left - 1, base - 4.2, max(m.scale_length, pdf.get_string_width(scale_text)) + 2, 5.2, style="F")
            pdf.set_draw_color(40, 40, 40)
            pdf.set_line_width(0.4)
            pdf.line(left, base, left + m.scale_length, base)
            pdf.set_text_color(40, 40, 40)
            pdf.text(left, base - 1.2, scale_text)


Box = tuple[float, float, float, float]


def _label(pdf: FPDF, m: StaticMap, dot: Dot, x: float, y: float, size: float, taken: list[Box]) -> None:
    """A dot's label to its right (left near the right edge), skipped where it would cover another label."""
    width, height = pdf.get_string_width(dot.label), size * 0.35
    left = dot.x + dot.r + 0.6
    if left + width > m.width:
        left = dot.x - dot.r - 0.6 - width
    box = (left, dot.y - height / 2, left + width, dot.y + height / 2)
    if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
        return
    taken.append(box)
    pdf.text(x + left, y + dot.y + height / 2 - 0.2, dot.label)


def to_svg(m: StaticMap, scale_text: str) -> str:
    """The layout as a self-contained SVG document (no external references; every label escaped)."""

    def esc(text: str) -> str:
        # XML 1.0 allows no control characters besides tab and newlines: drop them (a NUL broke the document).
        text = "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
        return html.escape(text, quote=True)

    rgb = "rgb({},{},{})".format
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{m.width:.1f}" height="{m.height:.1f}" '
        f'viewBox="0 0 {m.width:.2f} {m.height:.2f}" font-family="sans-serif" font-size="{m.height / 40:.2f}">',
        f'<rect width="100%" height="100%" fill="{rgb(*BACKGROUND)}" stroke="#ccc"/>',
    ]
    for ring in m.rings:
        out.append(f'<circle cx="{ring.x:.2f}" cy="{ring.y:.2f}" r="{ring.r:.2f}" fill="none" '
                   f'stroke="{rgb(*RING_COLOR)}" stroke-dasharray="2 2"/>')  # fmt: skip
        if ring.label:
            out.append(f'<text x="{ring.x + 1:.2f}" y="{ring.y - ring.r - 1:.2f}" fill="#444">{esc(ring.label)}</text>')
    for dot in m.dots:
        out.append(f'<circle cx="{dot.x:.2f}" cy="{dot.y:.2f}" r="{dot.r:.2f}" fill="{rgb(*DOT_COLOR)}" '
                   f'fill-opacity="0.55" stroke="#fff"/>')  # fmt: skip
    if m.business is not None:
        bx, by = m.business
        out.append(f'<circle cx="{bx:.2f}" cy="{by:.2f}" r="2" fill="{rgb(*BUSINESS_COLOR)}" stroke="#fff"/>')
    for dot in m.dots:
        if dot.label:
            end = dot.x > m.width * 0.75
            at = dot.x - dot.r - 1 if end else dot.x + dot.r + 1
            anchor = ' text-anchor="end"' if end else ""
            out.append(f'<text x="{at:.2f}" y="{dot.y:.2f}"{anchor}>{esc(dot.label)}</text>')
    base = m.height - 3
    out.append(f'<line x1="3" y1="{base:.2f}" x2="{3 + m.scale_length:.2f}" y2="{base:.2f}" stroke="#333"/>')
    out.append(f'<text x="3" y="{base - 1.5:.2f}">{esc(scale_text)}</text>')
    return "\n".join([*out, "</svg>"]) + "\n"
