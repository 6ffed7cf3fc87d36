"""The generator writes the same bytes every run, the committed samples are fresh and small, big runs stay out."""

import hashlib
from pathlib import Path

import numpy as np
import pytest

from core import samples
from sample_data import activity, generate
from sample_data.places import Places, read_comuni

FILES = ("profile.json", "goals.json", "customers.csv", "orders.csv", "activity.csv")


def _hashes(root: Path) -> dict[str, str]:
    return {
        f"{slug}/{name}": hashlib.sha256((root / slug / name).read_bytes()).hexdigest()
        for slug in samples.SLUGS
        for name in FILES
    }


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[dict[str, str], dict[str, str]]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    generate.generate_all(first)
    generate.generate_all(second)
    return _hashes(first), _hashes(second)


@pytest.fixture(scope="module")
def places() -> Places:
    return Places(read_comuni())


def test_two_runs_write_the_same_bytes(two_runs):
    first, second = two_runs
    assert first == second


def test_the_committed_samples_are_what_the_generator_writes(two_runs):
    stale = [name for name, digest in _hashes(generate.HERE).items() if two_runs[0][name] != digest]
    assert stale == [], "run `python -m sample_data.generate` and commit the result"


def test_the_generator_knows_the_same_samples_as_the_app():
    assert tuple(spec.slug for spec in generate.SPECS) == samples.SLUGS


def test_all_samples_together_stay_under_2_mb():
    total = sum((generate.HERE / slug / name).stat().st_size for slug in samples.SLUGS for name in FILES)
    assert total < 2_000_000


@pytest.mark.parametrize("out", ["sample_data/big", "tests/big", "."])
def test_a_large_run_refuses_to_write_inside_the_repository(out, monkeypatch):
    monkeypatch.chdir(generate.REPO)
    with pytest.raises(SystemExit) as stopped:
        generate.main(["--large", "--out", out, "--customers", "50", "--activity-rows", "200"])
    assert stopped.value.code == 2


def test_a_large_run_needs_an_output_folder():
    with pytest.raises(SystemExit) as stopped:
        generate.main(["--large"])
    assert stopped.value.code == 2


def test_a_large_run_writes_exactly_the_activity_rows_asked_and_about_the_customers(tmp_path):
    sizes = generate.generate_large("cantina", tmp_path, customers=5_000, activity_rows=20_000)
    assert set(sizes) == set(FILES)
    big = samples.load_sample("cantina", root=tmp_path)
    assert len(big.activity) == 20_000
    assert 4_500 <= len(big.customers) <= 5_500


# (weights, total, expected)
ALLOCATIONS = [
    ([1, 1, 1], 10, [4, 3, 3]),
    ([2.0, 0.5], 5, [4, 1]),
    ([3, 0, 1], 8, [6, 0, 2]),
]


@pytest.mark.parametrize(("weights", "total", "expected"), ALLOCATIONS)
def test_allocation_is_proportional_and_adds_up_exactly(weights, total, expected):
    assert activity.allocate(weights, total) == expected


# (mix, towns the pool may contain)
POOLS = [
    ((("Roma:00176", 1),), {("Roma", "00176", "RM", "IT")}),
    ((("Lumezzane", 1),), {("Lumezzane", "25065", "BS", "IT")}),
    ((("abroad:SI", 1),), {("Ljubljana", "1000", "", "SI")}),
]


@pytest.mark.parametrize(("mix", "expected"), POOLS)
def test_a_mix_resolves_to_real_places(places, mix, expected):
    pool = places.pool(mix)
    assert set(zip(pool.town, pool.postcode, pool.province, pool.country, strict=True)) == expected
    assert np.isclose(pool.p.sum(), 1.0)


def test_a_province_pool_gives_the_capoluogo_its_share(places):
    pool = places.pool((("prov:BS", 1),), capital_share=0.4)
    assert np.isclose(pool.p[pool.town == "Brescia"].sum(), 0.4)
    assert set(pool.province) == {"BS"}


# (mix, what the error names)
BAD_MIXES = [
    ((("Roma:20121", 1),), "20121"),
    ((("prov:ZZ", 1),), "'ZZ'"),
    ((("Atlantide", 1),), "'Atlantide'"),
]


@pytest.mark.parametrize(("mix", "named"), BAD_MIXES)
def test_a_wrong_place_in_a_mix_is_refused_by_name(places, mix, named):
    with pytest.raises(ValueError, match=named):
        places.pool(mix)


def _named_by(spec, row: dict) -> bool:
    """Whether a customer's place is one a mix of ``spec`` names (or one of its hand-typed messy places)."""
    keys = {k for mix in _mixes(spec) for k, _ in mix}
    town, cap, province, country = row["town"], row["postcode"], row["province"], row["country"]
    if country != "IT":
        return f"abroad:{country}" in keys
    return (
        town in keys
        or f"{town}:{cap}" in keys
        or f"prov:{province}" in keys
        or (town, cap, province) in set(spec.messy)
    )


def _mixes(spec) -> list:
    return [s.mix for s in spec.streams] + [e.mix for e in spec.events] + [spec.signup_mix]


@pytest.mark.parametrize("spec", generate.SPECS, ids=lambda s: s.slug)
def test_every_customer_lives_where_the_recipe_says_and_each_place_gets_at_least_its_share(spec):
    """Customers spread as the generator drew them: each one in a place some mix of the recipe names, and
    each comune or province the steady streams name holds at least the share their weights give it
    (events and sign-ups only add customers; four standard deviations of slack for the draw)."""
    import pandas as pd

    file = pd.read_csv(Path(samples.__file__).parents[1] / "sample_data" / spec.slug / "customers.csv", dtype=str,
                       keep_default_na=False)  # fmt: skip
    assert [r for r in file.to_dict("records") if not _named_by(spec, r)] == []
    n = len(file)
    expected: dict[str, float] = {}  # "town:<name>", "prov:<sigla>" or "abroad" -> customers the streams give it
    for stream in spec.streams:
        total = sum(w for _, w in stream.mix)
        for key, weight in stream.mix:
            where = (
                "abroad"
                if key.startswith("abroad:")
                else key
                if key.startswith("prov:")
                else "town:" + key.split(":")[0]
            )
            expected[where] = expected.get(where, 0.0) + stream.customers * weight / total
    observed = {
        "abroad": int((file["country"] != "IT").sum()),
        **{f"town:{t}": int(c) for t, c in file[file["country"] == "IT"]["town"].value_counts().items()},
        **{f"prov:{p}": int(c) for p, c in file[file["country"] == "IT"]["province"].value_counts().items()},
    }
    short = {}
    for where, count in expected.items():
        p = count / n
        if observed.get(where, 0) < n * p - 4 * np.sqrt(n * p * (1 - p)) - 1:
            short[where] = (observed.get(where, 0), round(count, 1))
    assert short == {}
    assert sum(expected.values()) <= n  # the streams' customers are all in the file
