import io
import math
import xml.etree.ElementTree as ET

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from core import static_map
from core.deliverable import pdf as export_pdf

ROMA = (41.8933, 12.4829)
POINTS = [
    (41.8933, 12.4829, 400, "Roma"),
    (41.7999, 12.6006, 100, "Ciampino"),
    (41.7704, 12.2340, 25, "Fiumicino"),
    (45.4642, 9.1900, 4, "Milano"),  # far away: 0.8% of the customers, left outside the frame
]


def layout(points=POINTS, center=ROMA, radii=(1, 3, 5, 10), **kwargs) -> static_map.StaticMap:
    return static_map.layout(points, center, radii, 120, 80, **kwargs)


@pytest.mark.parametrize(
    ("lat", "lon", "x", "y"),
    [(0, 0, 0, 0), (0, 180, math.pi, 0), (0, -90, -math.pi / 2, 0), (45, 0, 0, 0.8813736), (-45, 0, 0, -0.8813736)],
)
def test_the_projection_is_web_mercator(lat, lon, x, y):
    assert static_map.project(lat, lon) == pytest.approx((x, y))


def test_the_poles_are_clamped_to_the_edge_of_web_mercator():
    assert static_map.project(90, 0) == static_map.project(static_map.MAX_LAT, 0)
    assert math.isfinite(static_map.project(-90, 0)[1])


def test_the_business_is_at_the_centre_with_rings_growing_with_their_distance():
    m = layout()
    radii = [ring.r for ring in m.rings]

    assert m.business == (60, 40) and all((ring.x, ring.y) == (60, 40) for ring in m.rings)
    assert radii[1] / radii[0] == pytest.approx(3) and radii[3] / radii[0] == pytest.approx(10)
    assert radii[3] <= 40  # the outermost ring fits in the height


def test_dots_have_their_area_proportional_to_the_customers_and_north_is_up():
    m = layout()
    roma, ciampino = m.dots[0], m.dots[1]

    assert [d.customers for d in m.dots] == [400, 100, 25]
    assert (roma.r / ciampino.r) ** 2 == pytest.approx(4)
    assert ciampino.y > roma.y and ciampino.x > roma.x  # Ciampino is south-east of Rome


def test_the_frame_holds_most_customers_and_counts_the_rest_as_outside():
    m = layout()

    assert m.outside == 4
    assert all(0 <= d.x <= m.width and 0 <= d.y <= m.height for d in m.dots)


def test_with_share_one_every_place_is_in_the_frame():
    m = layout(share=1.0)

    assert m.outside == 0 and len(m.dots) == 4


def test_only_the_biggest_places_are_labelled():
    assert [d.label for d in layout(labels=2).dots] == ["Roma", "Ciampino", ""]


def test_the_scale_bar_is_a_round_distance_drawn_at_the_map_scale():
    m = layout()
    ring_10km = m.rings[-1].r

    assert m.scale_km in (1, 2, 5, 10, 20, 50)
    assert m.scale_length == pytest.approx(ring_10km * m.scale_km / 10)


@pytest.mark.parametrize(
    ("points", "center"),
    [([], None), ([], ROMA), ([(41.9, 12.5, 3, "x")], None), ([(math.nan, 12.5, 3, "x"), (41.9, 12.5, 0, "y")], ROMA)],
)
def test_a_map_with_little_or_nothing_to_show_still_lays_out(points, center):
    m = static_map.layout(points, center, (), 100, 60)

    assert m.scale_length > 0 and math.isfinite(m.scale_km)
    assert (m.business is not None) == (center is not None)


def test_without_a_business_the_map_centres_on_the_customers():
    m = static_map.layout(POINTS[:3], None, (1, 3), 120, 80)

    assert m.business is None and m.rings == ()
    assert m.dots[0].label == "Roma" and m.dots[0].x == pytest.approx(60)


def test_the_svg_is_well_formed_self_contained_and_escapes_labels():
    points = [(41.8933, 12.4829, 10, '<script>alert("x")</script>'), (41.8, 12.6, 5, "A & B")]
    svg = static_map.to_svg(static_map.layout(points, ROMA, (1, 5), 120, 80, ring_labels=["1 km", "5 km"]), "2 km")
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]

    assert '<script>alert("x")</script>' in texts and "A & B" in texts and "2 km" in texts
    assert "<script" not in svg and "href" not in svg and "url(" not in svg


def test_drawing_on_a_pdf_paints_vector_shapes_and_the_labels():
    pdf = FPDF()
    regular, _ = export_pdf.font_files()
    pdf.add_font("rotta", "", str(regular))
    pdf.add_page()
    pdf.set_font("rotta", "", 7)
    static_map.draw(pdf, layout(ring_labels=["1 km", "3 km", "5 km", "10 km"]), 10, 10, "5 km")
    page = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0]

    text = page.extract_text()
    assert "Roma" in text and "Ciampino" in text and "10 km" in text
    assert not page.images
