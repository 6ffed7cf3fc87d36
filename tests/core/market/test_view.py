import math

import numpy as np
import pandas as pd
import pytest

from core import geocode, hexes, i18n, maps
from core.market import catchment, market
from core.market import view as market_page
from core.market.layers import customers as customers_mod
from core.market.layers import model as market_layers
from core.market.layers.model import Layer

ROME = (41.9, 12.5)
EN_SHARE = market_layers.share


def customers(rows: list[tuple]) -> pd.DataFrame:
    """(town, lat, lon, revenue[, country]) rows as a customers table."""
    df = pd.DataFrame(
        [
            {"customer_id": f"c{i}", "town": r[0], "lat": r[1], "lon": r[2], "revenue": r[3], "orders": 1,
             "country": r[4] if len(r) > 4 else "IT", "province": "RM" if len(r) <= 4 else "", "postcode": "",
             "comune_istat": "058091" if r[0] == "Roma" else ""}
            for i, r in enumerate(rows)
        ]
    )  # fmt: skip
    return market_page.as_customers(df)


@pytest.fixture
def roman() -> pd.DataFrame:
    return customers(
        [("Roma", 41.9, 12.5, 10.0)] * 6
        + [("Ciampino", 41.8, 12.6, 20.0)] * 3
        + [("Milano", 45.46, 9.19, 50.0)]
        + [("Atlantide", math.nan, math.nan, 5.0)]
    )


# ---- layers --------------------------------------------------------------------------------------------------


def inputs(df: pd.DataFrame, **extra) -> market_page.MapInputs:
    return market_page.MapInputs(
        center=ROME,
        sites=[customers_mod.Site("Forno", *ROME)],
        places=customers_mod.customer_places(df),
        rings=catchment.rings(df, ROME),
        trade_areas=catchment.trade_areas(df, ROME),
        **extra,
    )


def test_the_default_layers_are_the_light_ones_drawn_bottom_up_with_the_business_on_top(roman):
    layers = market_page.build_layers(market_page.Choice(), inputs(roman), "en")

    names = [layer.title for layer in layers]
    assert names == [
        i18n.t("en", f"market_layers.layer.{n}") for n in ("trade_areas", "rings", "customers", "business")
    ]
    assert all(isinstance(layer, Layer) for layer in layers)


def test_a_chosen_layer_without_anything_to_draw_is_left_out(roman):
    choice = market_page.Choice(layers=("competitors", "followers", "areas", "hexes", "penetration"))
    assert market_page.build_layers(choice, inputs(roman), "en") == []


@pytest.mark.parametrize("style, clustered", [("clusters", True), ("circles", False)])
def test_customers_are_drawn_as_clusters_or_circles_never_both(roman, style, clustered):
    choice = market_page.Choice(layers=("customers",), customers=style)
    (layer,) = market_page.build_layers(choice, inputs(roman), "en")
    assert ("markerClusterGroup" in _render(layer)) is clustered


def _render(layer: Layer) -> str:
    m = market_layers.market_map(ROME, 10)
    layer.add_to(m)
    return m.get_root().render()


def test_every_layer_is_drawn_when_all_are_chosen_and_all_have_data(roman):
    comuni = pd.DataFrame(
        {"istat": ["058091"], "name": ["Roma"], "province": ["RM"], "region": ["Lazio"], "lat": [41.9],
         "lon": [12.5], "population": [2_800_000]}
    )  # fmt: skip
    followers = market.followers_vs_customers(
        pd.DataFrame({"city": ["Roma", "Napoli"], "followers": [50, 50]}), market.by_comune(roman)
    )
    followers = followers.assign(lat=41.9, lon=12.5)
    extra = {
        "hexes": hexes.hexes(roman, 5),
        "penetration": market.penetration(market.by_comune(roman), comuni).table,
        "local_km": 30.0,
        "competitors": market_page.places_frame([market_page.place_entry("Rivale", {"lat": 41.9, "lon": 12.5})]),
        "followers": followers,
        "areas": [market_page.SavedArea("Centro", catchment.Circle(*ROME, 2.0))],
    }  # fmt: skip
    layers = market_page.build_layers(market_page.Choice(layers=market_page.LAYERS), inputs(roman, **extra), "it")
    assert len(layers) == len(market_page.LAYERS)


# ---- rings and the first view --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "p80, radii",
    [(math.nan, (1, 3, 5, 10)), (0.5, (1, 3, 5, 10)), (2.4, (1, 3, 5, 10)), (20, (3, 5, 10, 25)),
     (144, (25, 50, 100, 250)), (523, (50, 100, 250, 500))],
)  # fmt: skip
def test_the_default_rings_hold_about_80_percent_of_customers_in_the_outer_one(p80, radii):
    assert catchment.default_radii(p80) == radii


@pytest.mark.parametrize("p80, zoom", [(2.4, 11), (20, 10), (144, 7), (523, 6)])
def test_the_map_opens_on_the_business_zoomed_to_its_outer_default_ring(p80, zoom):
    assert market_page.initial_view(ROME, p80, None, 560) == (ROME, zoom)


def test_without_the_business_the_map_opens_on_the_customers_or_on_italy(roman):
    places = customers_mod.customer_places(roman)
    assert market_page.initial_view(None, math.nan, places) == ((41.9, 12.5), 6)
    assert market_page.initial_view(None, math.nan, places.iloc[:0]) == (maps.ITALY, 6)


def test_finer_hexagons_count_only_the_customers_near_the_business(roman):
    assert len(market_page.hex_scope(roman, ROME, 5)) == len(roman)
    assert set(market_page.hex_scope(roman, ROME, 7)["town"]) == {"Roma", "Ciampino"}


# ---- saved areas ---------------------------------------------------------------------------------------------


def test_a_saved_area_round_trips_through_the_plan_format():
    polygon = [(12.4, 41.8), (12.6, 41.8), (12.5, 42.0)]
    circle = catchment.Circle(41.9, 12.5, 3.0)

    assert market_page.area_to_dict("Centro", polygon) == {
        "name": "Centro", "polygon": [[12.4, 41.8], [12.6, 41.8], [12.5, 42.0]]
    }  # fmt: skip
    assert market_page.area_to_dict("Cerchio", circle) == {
        "name": "Cerchio", "circle": {"lat": 41.9, "lon": 12.5, "radius_km": 3.0}
    }  # fmt: skip
    assert market_page.area_from_dict(market_page.area_to_dict("Centro", polygon)).area == tuple(polygon)
    assert market_page.area_from_dict(market_page.area_to_dict("Cerchio", circle)).area == circle


@pytest.mark.parametrize(
    "item",
    [None, "Centro", {"polygon": [[1, 2], [3, 4], [5, 6]]}, {"name": "a", "polygon": [[1, 2], [3, 4]]},
     {"name": "a", "polygon": [[1, "x"], [3, 4], [5, 6]]}, {"name": "a", "circle": {"lat": 1, "lon": 2}},
     {"name": "a", "circle": {"lat": 1, "lon": 2, "radius_km": 0}}],
)  # fmt: skip
def test_a_stored_area_that_is_not_one_is_skipped(item):
    assert market_page.area_from_dict(item) is None
    assert (
        market_page.saved_areas([item, {"name": "ok", "circle": {"lat": 1, "lon": 2, "radius_km": 1}}])[0].name == "ok"
    )


@pytest.mark.parametrize(
    "name, key",
    [("", "marketpage.draw.name_empty"), ("   ", "marketpage.draw.name_empty"),
     ("centro", "marketpage.draw.name_taken"), (" CENTRO ", "marketpage.draw.name_taken"), ("Prati", None)],
)  # fmt: skip
def test_an_area_needs_a_name_not_used_yet(name, key):
    problem = market_page.area_name_problem(name, [{"name": "Centro", "circle": {}}])
    assert (problem.key if problem else None) == key


def test_the_saved_areas_layer_names_each_area_and_draws_circles_and_polygons():
    areas = [
        market_page.SavedArea("Prati <b>", ((12.4, 41.8), (12.6, 41.8), (12.5, 42.0))),
        market_page.SavedArea("Cerchio", catchment.Circle(41.9, 12.5, 2.0)),
    ]
    html = _render(market_page.saved_areas_layer(areas, "it"))
    assert "Prati &lt;b&gt;" in html and "Prati <b>" not in html
    assert "L.polygon" in html and "L.circle(" in html
    assert market_page.saved_areas_layer(areas, "it").title == i18n.t("it", "marketpage.layer.areas")


# ---- competitors, sites, audience ----------------------------------------------------------------------------


def test_stored_places_become_a_table_and_unusable_entries_are_left_out_keeping_their_index():
    town = {"name": "Frascati", "province": "RM", "lat": 41.8, "lon": 12.68}
    entries = [market_page.place_entry(" Forno Rivale ", town), {"name": "no town"},
               {"name": "x", "town": {"lat": "?"}}, market_page.place_entry("Altro", town)]  # fmt: skip
    table = market_page.places_frame(entries)
    assert table.to_dict("records") == [
        {"entry": 0, "name": "Forno Rivale", "town": "Frascati", "province": "RM", "lat": 41.8, "lon": 12.68},
        {"entry": 3, "name": "Altro", "town": "Frascati", "province": "RM", "lat": 41.8, "lon": 12.68},
    ]


def test_the_audience_table_keeps_rows_with_a_city_and_numbers_not_below_zero():
    edited = pd.DataFrame({"city": ["  Roma ", None, "", "Milano", "Napoli"], "followers": [120.0, 5, 6, -3, None]})
    assert market_page.followers_from_table(edited) == [
        {"city": "Roma", "followers": 120},
        {"city": "Milano", "followers": 0},
        {"city": "Napoli", "followers": None},
    ]
    assert market_page.followers_from_table(pd.DataFrame({"city": ["Roma"], "followers": [23.46]})) == [
        {"city": "Roma", "followers": 23.5}
    ]
    table = market_page.followers_frame([{"city": "Roma", "followers": 120}, {"city": " "}, "x"])
    assert table["city"].tolist() == ["Roma"] and table["followers"].tolist() == [120]


class FakeGazetteer:
    """Italy knows Roma only; abroad, London in GB."""

    def find(self, town: str = "", postcode: str = "", province: str = "", country: str = "") -> geocode.Match:
        if not country and town == "Roma":
            return geocode.Match("placed", _place("Roma", 41.9, 12.5))
        if country == "England" and town == "London":
            return geocode.Match("placed", _place("London", 51.5, -0.12))
        return geocode.Match("ambiguous" if town == "San Giovanni" else "unplaced")


def _place(name: str, lat: float, lon: float) -> geocode.Place:
    return geocode.Place(name, "", "", "", "", "IT", lat, lon, None, False)


@pytest.mark.parametrize(
    "city, where",
    [("Roma", (41.9, 12.5)), ("Roma, Lazio", (41.9, 12.5)), ("London, England", (51.5, -0.12)), ("London", None),
     ("San Giovanni", None), ("", None)],
)  # fmt: skip
def test_an_audience_city_is_found_in_italy_first_then_in_the_country_after_its_last_comma(city, where):
    assert market_page.locate_city(FakeGazetteer(), city) == where


def test_audience_cities_get_coordinates_and_the_unknown_ones_stay_without():
    table = pd.DataFrame({"city": ["Roma", "Atlantide"]})
    placed = market_page.with_places(table, FakeGazetteer())
    assert placed["lat"].iloc[0] == 41.9 and np.isnan(placed["lat"].iloc[1])


# ---- tables in words -----------------------------------------------------------------------------------------


def test_the_rings_table_says_each_band_with_its_customers_revenue_and_share_inside(roman):
    rings = catchment.rings(roman, ROME, (1, 15))
    table = market_page.rings_table("en", rings)

    band = ["0–1 km", "1–15 km", "beyond 15 km", "Position inside the city unknown", "not placed"]
    assert table["band"].tolist() == band
    assert table["customers"].tolist() == ["6", "3", "1", "0", "1"]
    assert table["revenue"].tolist() == ["€60.00", "€60.00", "€50.00", "€0.00", "€5.00"]
    # shares inside each edge are of the 10 placed customers; the unplaced one has none
    assert table["cum_share_customers"].tolist() == [EN_SHARE("en", 6 / 10), EN_SHARE("en", 9 / 10), "—", "—", "—"]
    assert table["share_customers"].tolist()[3:] == ["—", "—"]
    it = market_page.rings_table("it", catchment.rings(roman, ROME, (0.5, 2.5)))
    assert it["band"].tolist()[:2] == ["0–0,5 km", "0,5–2,5 km"]


def test_the_comuni_table_adds_residents_and_customers_per_thousand_where_known(roman):
    by_comune = market.by_comune(roman)
    comuni = pd.DataFrame(
        {"istat": ["058091"], "name": ["Roma"], "province": ["RM"], "region": ["Lazio"], "lat": [41.9],
         "lon": [12.5], "population": [3000]}
    )  # fmt: skip
    table = market_page.comuni_table("it", by_comune, market.penetration(by_comune, comuni).table)

    first = table.iloc[0].to_dict()
    assert first["comune"] == "Roma" and first["country"] == "Italia"
    assert (first["customers"], first["population"], first["per_1000"]) == ("6", "3.000", "2,00")
    assert table.iloc[1]["population"] == "—" and table.iloc[1]["per_1000"] == "—"


def test_the_trade_areas_and_provinces_tables_are_in_words(roman):
    areas = catchment.trade_areas(roman, ROME)
    assert market_page.trade_areas_table("en", areas)["share"].tolist() == ["50%", "70%"]
    provinces = market_page.provinces_table("en", market.by_province(roman))
    assert provinces["province"].tolist()[0] == "RM"


def test_customers_not_on_the_map_are_listed_by_the_place_they_gave(roman):
    table = market_page.unplaced_table(roman)
    assert table.to_dict("records") == [
        {"town": "Atlantide", "postcode": "", "province": "RM", "country": "IT", "customers": 1}
    ]
    assert market_page.unplaced_table(roman.iloc[:3]).empty


def test_an_empty_customers_table_gets_every_column_and_number_types():
    df = market_page.as_customers(pd.DataFrame())
    assert list(df.columns) == list(market_page.schema.CUSTOMER_COLUMNS)
    assert df["revenue"].dtype == float and df.empty


@pytest.mark.parametrize("code, lang, name", [("DE", "it", "Germania"), ("DE", "en", "Germany"), ("", "en", "—"),
                                               ("XX", "en", "XX")])  # fmt: skip
def test_countries_are_named_in_the_page_language(code, lang, name):
    assert market_page.country_name(lang, code) == name


def test_area_figures_are_written_for_the_language():
    summary = catchment.AreaSummary(1234, 5678.6, 10, 0.25, 0.05, 3, 12000.0, 0, 102.83)
    assert market_page.area_figures("it", summary) == {
        "customers": "1.234", "share_customers": "25%", "revenue": "5.679", "share_revenue": "5,0%",
        "residents": "12.000", "comuni": "3", "per_1000": "102,83",
    }  # fmt: skip


def test_the_audience_table_shows_the_audience_and_the_cities_that_stand_out_not_every_customer_town():
    table = pd.DataFrame(
        {"city": ["Napoli", "Roma", "Ciampino", "Milano"], "followers": [70, 30, 0, 0], "customers": [0, 50, 1, 49],
         "share_followers": [0.7, 0.3, 0.0, 0.0], "share_customers": [0.0, 0.5, 0.01, 0.49],
         "kind": ["audience_without_customers", "balanced", "balanced", "customers_without_audience"]}
    )  # fmt: skip
    shown = market_page.followers_table("it", table)
    assert shown["city"].tolist() == ["Napoli", "Roma", "Milano"]  # Ciampino: a customer, no audience, no gap
    assert shown["kind"].tolist()[0] == i18n.t("it", "marketpage.followers.kind.audience_without_customers")
    assert shown["share_followers"].tolist() == ["70%", "30%", "0%"]
    assert len(market_page.followers_table("it", table, n=1)) == 1


def test_an_estimated_number_of_residents_is_marked_and_the_customers_apart_are_said():
    from core.market import placement

    cut = catchment.AreaSummary(0, 0.0, 0, 0.0, 0.0, 1, 165834.2, 0, math.nan, True,
                                (placement.Apart("058091", "Roma", 1361, 1.0),))  # fmt: skip
    whole = catchment.AreaSummary(1, 10.0, 1, 0.5, 0.5, 1, 2000.0, 0, 0.5)

    assert market_page.area_figures("it", cut)["residents"] == "≈ 165.834"
    assert market_page.area_figures("en", whole)["residents"] == "2,000"
    said = market_page.area_unknown("en", cut).render("en")
    assert said.startswith("Plus 1,361 customers in Roma, who may be inside or outside")
    assert market_page.area_unknown("en", whole) is None


def test_the_postcodes_table_writes_the_busiest_postcodes_in_words():
    by_postcode = pd.DataFrame(
        {"postcode": ["00176", ""], "town": ["Roma", "Roma"], "comune_istat": ["058091"] * 2, "customers": [3, 1],
         "revenue": [30.0, 5.0], "share_customers": [0.75, 0.25], "share_revenue": [30 / 35, 5 / 35]}
    )  # fmt: skip
    table = market_page.postcodes_table("it", by_postcode)

    assert table["postcode"].tolist() == ["00176", "—"]
    assert table["customers"].tolist() == ["3", "1"] and table["revenue"].tolist() == ["30,00\xa0€", "5,00\xa0€"]


def test_the_audience_cities_left_off_the_map_are_those_with_followers_and_no_place():
    table = pd.DataFrame(
        {"city": ["Roma", "Atlantide", "Nowhere"], "followers": [10.0, 5.0, 0.0], "lat": [41.9, None, None]}
    )

    assert market_page.lost_cities(table) == ["Atlantide"]
