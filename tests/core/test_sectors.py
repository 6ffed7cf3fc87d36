import pytest

from core import sectors


def test_every_ateco_subcategory_is_offered():
    options = sectors.all_sectors()
    assert len(options) > 1000
    assert all(len(s.code) == 8 for s in options)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("pane", "10.71.10"),
        ("Panetteria", "10.71.10"),
        ("vino", "11.02.10"),
        ("vini spumanti", "11.02.20"),
        ("10.71", "10.71.10"),
        ("107110", "10.71.10"),
        ("ristorante", "56.11.11"),
    ],
)
def test_sectors_are_found_by_italian_words_or_code(query, code):
    assert code in [s.code for s in sectors.search(query)]


def test_a_title_match_ranks_before_a_match_in_the_notes():
    assert sectors.search("pane")[0].code == "10.71.10"


def test_nonsense_finds_nothing_and_blank_finds_nothing():
    assert sectors.search("xyzzy") == [] and sectors.search("  ") == []


def test_lookup_returns_the_official_title():
    assert sectors.lookup("11.02.10").title.startswith("Produzione di vini")
    assert sectors.lookup("99.99.99") is None


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("trattoria", "56.11.11"),  # not "Fabbricazione di trattori" (its stem)
        ("Trattoria da Gino", "56.11.11"),
        ("osteria", "56.11.11"),
        ("ristoranti", "56.11.11"),  # a restaurant before wholesale of restaurant equipment
        ("gelateria", "56.11.21"),
        ("bar", "56.30.01"),
        ("forno", "10.71.10"),
        ("macelleria", "47.22.00"),
        ("fioraio", "47.76.10"),
        ("agriturismo", "55.20.51"),
        ("cantina", "11.02.10"),
        ("b&b", "55.20.41"),
        ("parrucchiere", "96.21.00"),
    ],
)
def test_what_owners_call_their_business_finds_its_sector_first(query, first):
    assert sectors.search(query)[0].code == first


def test_a_trattoria_is_never_a_tractor_factory_before_a_restaurant():
    codes = [s.code for s in sectors.search("trattoria")]
    assert codes.index("56.11.11") < min(codes.index(c) for c in codes if c.startswith("28.30"))
