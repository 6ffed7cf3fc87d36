"""Towns and postcodes to places, offline: every Italian comune, its frazioni, and towns abroad.

The tables come from ``core.gazetteer`` (ISTAT comuni located with GeoNames; see its docstring).
Lookups are plain dictionaries built once per ``Gazetteer``, so geocoding a customers table
costs one ``find`` per distinct (town, postcode, province, country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from core import gazetteer

PLACED, AMBIGUOUS, UNPLACED = "placed", "ambiguous", "unplaced"
normalize_name = gazetteer.normalize_name
# Country spellings that are neither ISO codes nor CLDR names.
_COUNTRY_ALIASES = {
    "uk": "GB",
    "el": "GR",
    "usa": "US",
    "inghilterra": "GB",
    "england": "GB",
    "olanda": "NL",
    "holland": "NL",
    "scozia": "GB",
    "scotland": "GB",
}
# "S. Giovanni", "Sta Maria", "S.to Stefano": the abbreviation and what it may stand for.
_ABBREVIATIONS = {"s": ("san", "santa", "santo", "sant"), "sta": ("santa",), "sto": ("santo",)}
_PROVINCE_IN_TOWN = re.compile(r"^(.*?)\s*\(\s*([A-Za-z]{2})\s*\)\s*$")  # "Forlì (FC)"
_FRAZIONE_RADIUS_KM = 20.0


@dataclass(frozen=True)
class Place:
    """One resolved place."""

    name: str  # official name ("Forlì")
    comune_istat: str  # "040012" ("" abroad)
    province: str  # sigla "FC" ("" abroad)
    province_name: str  # "Forlì-Cesena"
    region: str  # "Emilia-Romagna" ("" abroad)
    country: str  # ISO2 "IT"
    lat: float
    lon: float
    population: int | None
    approx: bool  # True when the coordinates are a fallback (see core.gazetteer)
    kind: str = "comune"  # "comune" | "frazione" (name is the frazione, the rest its comune) | "abroad"


@dataclass(frozen=True)
class Match:
    status: str  # "placed" | "ambiguous" | "unplaced"
    place: Place | None = None
    candidates: tuple[Place, ...] = ()


_NOWHERE = Match(UNPLACED)


def load_gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The I/O boundary: the gazetteer from the cache folder (built there on first use)."""
    return Gazetteer(gazetteer.load_tables(cache_dir))


class Gazetteer:
    """The tables (``self.tables``) and the indexes that answer ``find`` and ``search``."""

    def __init__(self, tables: gazetteer.Tables) -> None:
        self.tables = tables
        c = tables.comuni
        pops = c.population.astype(object).where(c.population.notna(), None)
        self._places = {
            istat: Place(name, istat, prov, pname, region, "IT", float(lat), float(lon), pop, bool(approx))
            for istat, name, prov, pname, region, lat, lon, pop, approx in zip(
                c.istat, c.name, c.province, c.province_name, c.region, c.lat, c.lon, pops, c.approx, strict=True
            )
        }
        self._by_key: dict[str, dict[str, int]] = {}
        for key, istat, rank in tables.names.itertuples(index=False):
            self._by_key.setdefault(key, {})[istat] = rank
        self._by_cap: dict[str, list[str]] = {}
        for cap, istat in tables.postcodes.itertuples(index=False):
            self._by_cap.setdefault(cap, []).append(istat)
        self._provinces = {
            gazetteer.name_key(label): sigla
            for sigla, pname in zip(c.province, c.province_name, strict=True)
            for label in (sigla, pname, *pname.split("/"))
        }
        for sigla, pname in zip(c.province, c.province_name, strict=True):  # "Monza e Brianza"
            self._provinces.setdefault(gazetteer.loose_key(pname), sigla)
        self._countries = dict(zip(tables.countries.key, tables.countries.iso2, strict=True)) | _COUNTRY_ALIASES
        self._frazioni: dict[str, list[tuple]] = {}
        for row in tables.frazioni.itertuples(index=False):  # most populous first
            self._frazioni.setdefault(row.key, []).append(row)
        self._abroad: dict[str, dict[str, Place]] = {}  # per country, filled on first use
        official = tables.names[tables.names["rank"] == 0]
        self._search = official.assign(population=official.istat.map(c.set_index("istat").population).fillna(-1))

    # ---- public ----------------------------------------------------------------------------

    def find(self, town: str = "", postcode: str = "", province: str = "", country: str = "") -> Match:
        """The place for one address; Italy when no country is given."""
        town, province, country = _text(town), _text(province), _text(country)
        if hint := _PROVINCE_IN_TOWN.match(town):
            town, province = hint.group(1), province or hint.group(2)
        iso = self.country_code(country)
        if iso is None:
            return _NOWHERE
        if iso != "IT":
            return self._find_abroad(town, iso)
        by_cap = self._by_cap.get(_clean_postcode(postcode), [])
        sigla = self._provinces.get(gazetteer.name_key(province)) or self._provinces.get(
            gazetteer.loose_key(province), ""
        )
        if candidates := self._town_comuni(town):
            return self._match(_narrow(candidates, sigla, by_cap, self._places))
        if town and (frazione := self._find_frazione(town, sigla, by_cap)) is not None:
            return frazione
        return self._match(_narrow(by_cap, sigla, [], self._places))

    def search(self, query: str, limit: int = 10) -> list[Place]:
        """Comuni whose name starts with (first) or contains the query, most populous first."""
        key = gazetteer.name_key(query)
        if not key:
            return []
        hits = self._search[self._search.key.str.contains(key, regex=False)]
        hits = hits.assign(starts=hits.key.str.startswith(key))
        hits = hits.sort_values(["starts", "population"], ascending=False).drop_duplicates("istat")
        return [self._places[istat] for istat in hits.istat.head(limit)]

    def comuni(self) -> pd.DataFrame:
        """One row per comune: istat, name, province, province_name, region, lat, lon, population (ISTAT
        residents on 1 January 2023), area_km2, caps (list of str), approx, source (how it was located)."""
        out = self.tables.comuni.drop(columns=["other_name", "capoluogo"])
        return out.assign(caps=out.caps.str.split("|").map(lambda caps: [c for c in caps if c]))

    def cells(self) -> pd.DataFrame:
        """Points inside each comune (istat, lat, lon): where it lies and how far it reaches (see
        ``core.gazetteer.istat``)."""
        return self.tables.cells

    def distance_to_comune(self, istat: str, lat: float, lon: float) -> float:
        """Km from a point to the nearest sample point of a comune (about 0 inside it; NaN if unknown)."""
        cells = self.tables.cells
        mine = cells[cells["istat"] == istat]
        if mine.empty:
            return float("nan")
        km = 111.195 * np.hypot(
            mine["lat"].to_numpy(float) - lat, (mine["lon"].to_numpy(float) - lon) * np.cos(np.radians(lat))
        )
        return float(km.min())

    def coverage(self) -> dict[str, int]:
        """How many comuni were located each way (geonames, geonames_loose, geonames_prefix,
        postcode, province_capital)."""
        return {str(k): int(v) for k, v in self.tables.comuni.source.value_counts().items()}

    def country_code(self, country: str) -> str | None:
        """ISO2 for a code or a name in Italian or English; "IT" for blank; None when unknown."""
        key = gazetteer.name_key(country)
        return self._countries.get(key) if key else "IT"

    # ---- lookups ---------------------------------------------------------------------------

    def _match(self, istats: list[str]) -> Match:
        if not istats:
            return _NOWHERE
        if len(istats) == 1:
            return Match(PLACED, self._places[istats[0]])
        return Match(AMBIGUOUS, None, tuple(self._places[i] for i in sorted(istats)))

    def _town_comuni(self, town: str) -> list[str]:
        """The comuni a town name may mean: official names first, then aliases, then loose forms."""
        words = normalize_name(town).split()
        if not words:
            return []
        tries = [[gazetteer.name_key(town)], [gazetteer.loose_key(town)]]
        if words[0] in _ABBREVIATIONS:
            tries.append(["".join([full, *words[1:]]) for full in _ABBREVIATIONS[words[0]]])
        if "/" in town:
            tries.append([gazetteer.name_key(part) for part in town.split("/")])
        for keys in tries:
            found = {istat: rank for key in keys for istat, rank in self._by_key.get(key, {}).items()}
            if found:
                best = min(found.values())
                return sorted(istat for istat, rank in found.items() if rank == best)
        return []

    def _find_frazione(self, town: str, sigla: str, by_cap: list[str]) -> Match | None:
        rows = self._frazioni.get(gazetteer.name_key(town), [])
        if by_cap:  # the postcode says which comune; keep frazioni close to one of its comuni
            rows = [r._replace(istat=i) for r in rows if (i := self._closest(r, by_cap)) is not None]
        if sigla:
            rows = [r for r in rows if self._places[r.istat].province == sigla]
        places = tuple(self._frazione_place(r) for r in rows)
        if not places:
            return None
        return Match(PLACED, places[0]) if len(places) == 1 else Match(AMBIGUOUS, None, places)

    def _closest(self, row: tuple, istats: list[str]) -> str | None:
        places = [self._places[i] for i in istats]
        km = [_km(row.lat, row.lon, p.lat, p.lon) for p in places]
        best = int(np.argmin(km))
        return istats[best] if km[best] <= _FRAZIONE_RADIUS_KM else None

    def _frazione_place(self, row: tuple) -> Place:
        comune = self._places[row.istat]
        return Place(
            row.name,
            comune.comune_istat,
            comune.province,
            comune.province_name,
            comune.region,
            "IT",
            float(row.lat),
            float(row.lon),
            int(row.population),
            False,
            "frazione",
        )

    def _find_abroad(self, town: str, iso: str) -> Match:
        if iso not in self._abroad:
            rows = self.tables.abroad[self.tables.abroad.country == iso]  # sorted by key, most populous kept
            self._abroad[iso] = {
                r.key: Place(
                    r.name, "", "", "", "", iso, float(r.lat), float(r.lon), int(r.population), False, "abroad"
                )
                for r in rows.itertuples(index=False)
            }
        place = self._abroad[iso].get(gazetteer.name_key(town))
        return Match(PLACED, place) if place else _NOWHERE


def _narrow(istats: list[str], sigla: str, by_cap: list[str], places: dict[str, Place]) -> list[str]:
    """Keep the candidates in the given province, then those with the given postcode; a hint that
    would leave none is ignored (a wrong province must not hide a town that is unique anyway)."""
    for keep in (lambda i: places[i].province == sigla if sigla else True, lambda i: i in by_cap if by_cap else True):
        narrowed = [i for i in istats if keep(i)]
        istats = narrowed or istats
    return istats


def _text(value: object) -> str:
    """A stripped string; "" for None and NaN (a comune is called None: only the object means none)."""
    return (
        "" if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA else str(value).strip()
    )


def _clean_postcode(postcode: object) -> str:
    """Digits of an Italian CAP, with the leading zeros spreadsheets drop put back (6012 -> 06012)."""
    text = re.sub(r"\.0$", "", _text(postcode))  # 6012.0 from a float column
    digits = re.sub(r"\D", "", text)
    return digits.zfill(5) if 3 <= len(digits) <= 5 else ""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return 111.0 * float(np.hypot(lat1 - lat2, (lon1 - lon2) * np.cos(np.radians(lat1))))


def geocode_frame(
    gaz: Gazetteer,
    df: pd.DataFrame,
    town: str = "town",
    postcode: str = "postcode",
    province: str = "province",
    country: str = "country",
) -> pd.DataFrame:
    """A copy of ``df`` with lat, lon, comune_istat and place_status filled; every row kept.

    Ambiguous and unplaced rows get NaN coordinates and an empty comune_istat.
    """
    columns = [town, postcode, province, country]
    keys = pd.DataFrame(
        {c: df[c].astype(object).where(df[c].notna(), "").astype(str) if c in df else "" for c in columns},
        index=df.index,
    )
    group = keys.groupby(columns, sort=False).ngroup().to_numpy()
    distinct = keys.drop_duplicates()
    matches = [gaz.find(*row) for row in distinct.itertuples(index=False, name=None)]
    places = [m.place if m.status == PLACED else None for m in matches]
    out = df.copy()
    out["lat"] = np.array([p.lat if p else np.nan for p in places])[group]
    out["lon"] = np.array([p.lon if p else np.nan for p in places])[group]
    out["comune_istat"] = np.array([p.comune_istat if p else "" for p in places], dtype=object)[group]
    out["place_status"] = np.array([m.status for m in matches], dtype=object)[group]
    return out
