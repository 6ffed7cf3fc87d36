import numpy as np
import pytest

from core import geometry

NAN = float("nan")


@pytest.mark.parametrize(
    ("lat", "lon", "expected_km"),
    [
        (43.01, 11.0, 1.11195),  # 0.01 degree of latitude
        (43.0, 11.0, 0.0),
        (0.0, 12.0, 111.19508),  # 1 degree of longitude on the equator
    ],
)
def test_haversine_gives_known_distances(lat, lon, expected_km):
    start = (0.0, 11.0) if expected_km > 100 else (43.0, 11.0)
    got = geometry.haversine_km(np.array([lat]), np.array([lon]), *start)
    assert got[0] == pytest.approx(expected_km, abs=1e-4)


def test_a_degree_of_longitude_at_60_north_is_half_as_long():
    got = geometry.haversine_km(np.array([60.0]), np.array([11.01]), 60.0, 11.0)
    assert got[0] == pytest.approx(1.11195 / 2, rel=1e-3)


def test_haversine_of_a_missing_point_is_nan():
    assert np.isnan(geometry.haversine_km(np.array([NAN]), np.array([NAN]), 43.0, 11.0)[0])


def test_convex_hull_of_a_square_with_inner_points_is_its_four_corners_counter_clockwise():
    x = np.array([0, 1, 1, 0, 0.5, 0.2, 0.5])
    y = np.array([0, 0, 1, 1, 0.5, 0.7, 0.0])  # (0.5, 0) lies on an edge: not a corner
    hull = geometry.convex_hull(x, y)
    assert hull.tolist() == [[0, 0], [1, 0], [1, 1], [0, 1]]


def test_convex_hull_of_collinear_points_is_the_segment_between_the_ends():
    hull = geometry.convex_hull(np.array([0.0, 1, 2, 3]), np.array([0.0, 1, 2, 3]))
    assert hull.tolist() == [[0, 0], [3, 3]]


def test_convex_hull_of_one_repeated_point_is_that_point():
    assert geometry.convex_hull(np.array([2.0, 2.0]), np.array([5.0, 5.0])).tolist() == [[2, 5]]


def test_convex_hull_matches_a_brute_force_check_on_random_points():
    rng = np.random.default_rng(7)
    x, y = rng.normal(size=500), rng.normal(size=500)
    hull = geometry.convex_hull(x, y)
    # every point is on the inner side (or on) every hull edge, and every hull vertex is an input point
    for (x1, y1), (x2, y2) in zip(hull, np.roll(hull, -1, axis=0), strict=True):
        assert np.all((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) >= -1e-12)
    assert {tuple(p) for p in hull} <= set(zip(x, y, strict=True))


SQUARE = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
U_SHAPE = [(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)]  # notch between x=1 and x=2


@pytest.mark.parametrize(
    ("ring", "x", "y", "expected"),
    [
        (SQUARE, 1.0, 1.0, True),
        (SQUARE, 3.0, 1.0, False),
        (SQUARE, -0.5, 1.0, False),
        (SQUARE, 2.0, 1.0, True),  # on the right edge
        (SQUARE, 1.0, 0.0, True),  # on the bottom edge
        (SQUARE, 0.0, 0.0, True),  # on a vertex
        (SQUARE, 2.0, 2.0, True),  # on the opposite vertex
        (SQUARE, 1.0, 2.000001, False),
        (SQUARE + [SQUARE[0]], 1.0, 1.0, True),  # a closed ring works the same
        (U_SHAPE, 1.5, 2.0, False),  # inside the notch
        (U_SHAPE, 0.5, 2.0, True),  # left arm
        (U_SHAPE, 2.5, 2.0, True),  # right arm
        (U_SHAPE, 1.5, 0.5, True),  # base
        (U_SHAPE, 1.5, 1.0, True),  # on the notch's floor
        (U_SHAPE, 1.5, 3.0, False),  # on the line across the notch's mouth
        (SQUARE, NAN, NAN, False),
    ],
)
def test_point_in_polygon(ring, x, y, expected):
    got = geometry.in_polygon(np.array([x]), np.array([y]), np.asarray(ring, dtype=float))
    assert bool(got[0]) is expected


def test_a_polygon_needs_three_vertices():
    with pytest.raises(ValueError, match="at least 3"):
        geometry.in_polygon(np.array([0.0]), np.array([0.0]), np.array([[0.0, 0.0], [1.0, 1.0]]))
