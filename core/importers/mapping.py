"""Which column of a customer table holds what: guessed from Italian or English headers, then confirmed.

A mapping is ``{field: column name or None}`` over ``FIELDS``. ``guess_mapping`` proposes one from
the header alone; the user confirms or corrects it; ``apply_mapping`` then picks those columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import i18n
from core.i18n import Message
from core.importers.base import ImportProblem
from core.importers.values import key

FIELDS: tuple[str, ...] = (
    "source_id",  # the platform's customer id (pseudonymised on import)
    "email",  # used only to recognise the same customer, then dropped
    "town",
    "postcode",
    "province",
    "country",
    "orders",
    "revenue",
    "first_order",
    "last_order",
)
PLACE_FIELDS: tuple[str, ...] = ("town", "postcode")  # a customer table needs one of these

# Header phrases per field (normalised by ``values.key``), best first. A header equal to a phrase
# beats one merely containing it; earlier phrases beat later ones.
_PHRASES: dict[str, tuple[str, ...]] = {
    "source_id": (
        "customer id", "id cliente", "codice cliente", "cod cliente", "numero cliente", "customer number",
        "client id", "id", "codice", "username", "nome utente",
    ),
    "email": ("email", "e mail", "indirizzo email", "indirizzo e mail", "posta elettronica", "mail"),
    "town": (
        "citta", "comune", "city", "town", "localita", "municipality", "comune di residenza", "citta di residenza",
    ),
    "postcode": ("cap", "zip", "postcode", "postal code", "codice postale", "zip code", "post code", "c a p"),
    "province": ("provincia", "prov", "sigla provincia", "province code", "province", "state", "county", "region"),
    "country": ("paese", "nazione", "country code", "country", "stato", "nation", "paese regione", "country region"),
    "orders": (
        "ordini", "numero ordini", "n ordini", "totale ordini", "total orders", "orders", "orders count",
        "numero acquisti", "acquisti", "order count", "purchases",
    ),
    "revenue": (
        "totale speso", "speso", "spesa totale", "spesa", "fatturato", "importo totale", "total spent",
        "total spend", "revenue", "lifetime value", "totale", "importo", "amount", "total",
    ),
    "first_order": ("primo ordine", "data primo ordine", "primo acquisto", "first order", "first order date"),
    "last_order": (
        "ultimo ordine", "data ultimo ordine", "ultimo acquisto", "last order", "last order date", "last active",
        "ultima attivita",
    ),
}  # fmt: skip
# Words that rule a header out for a field ("Valore medio ordine" is not a count of orders).
_NOT: dict[str, frozenset[str]] = {
    "orders": frozenset(
        "valore value importo amount media medio average aov data date primo ultimo first last".split()
    ),
    "revenue": frozenset("medio media average aov ordini orders".split()),
    "town": frozenset("indirizzo address via street".split()),
    "source_id": frozenset("ordine order fiscale vat iva".split()),
    "email": frozenset("accepts accetta marketing consenso newsletter".split()),
    "country": frozenset("ordine order pagamento payment status".split()),
}


def _score(field: str, words: list[str]) -> int:
    if not words or _NOT.get(field, frozenset()) & set(words):
        return 0
    phrases = _PHRASES[field]
    text = " ".join(words)
    for rank, phrase in enumerate(phrases):
        if text == phrase:
            return 200 - rank
    for rank, phrase in enumerate(phrases):
        size = len(phrase.split())
        if any(" ".join(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
            return 100 - rank
    return 0


def guess_mapping(columns: list[str] | tuple[str, ...] | pd.Index) -> dict[str, str | None]:
    """For every field, the column that most likely holds it (or None); each column used at most once."""
    columns = [str(c) for c in columns]
    words = [key(column).split() for column in columns]
    scores = ((_score(f, words[i]), -i, f, column) for f in FIELDS for i, column in enumerate(columns))
    candidates = sorted((s for s in scores if s[0]), reverse=True)
    mapping: dict[str, str | None] = dict.fromkeys(FIELDS)
    used: set[str] = set()
    for _, _, field, column in candidates:
        if mapping[field] is None and column not in used:
            mapping[field] = column
            used.add(column)
    return mapping


def apply_mapping(frame: pd.DataFrame, mapping: dict[str, str | None]) -> pd.DataFrame:
    """The mapped columns of ``frame``, renamed to their fields (text kept as is, index kept)."""
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ImportProblem(Message("importers.err.mapping_field", {"field": unknown[0]}))
    chosen = {field: column for field, column in mapping.items() if column}
    for field, column in chosen.items():
        if column not in frame.columns:
            raise ImportProblem(Message("importers.err.mapping_column", {"field": Field(field), "column": column}))
    if not any(chosen.get(field) for field in PLACE_FIELDS):
        raise ImportProblem(Message("importers.err.mapping_no_place", {"columns": _listed(frame.columns)}))
    return pd.DataFrame({field: frame[column] for field, column in chosen.items()}, index=frame.index)


def _listed(columns) -> str:
    shown = [f"'{c}'" for c in list(columns)[:20]]
    return ", ".join(shown) + (", ..." if len(columns) > 20 else "")


@dataclass(frozen=True)
class Field:
    """A field as a message parameter, named in the message's language (``{field:it}``), never by its id."""

    name: str

    def __format__(self, spec: str) -> str:
        return i18n.t(spec if spec in i18n.LANGS else i18n.DEFAULT_LANG, f"importers.field.{self.name}")


@dataclass(frozen=True)
class Columns:
    """Which of the user's columns holds what, as a message parameter: ``'Città' → Città / comune``."""

    pairs: tuple[tuple[str, str], ...]  # (column, field)

    def __format__(self, spec: str) -> str:
        return ", ".join(f"'{column}' → {format(Field(field), spec)}" for column, field in self.pairs)


def describe(mapping: dict[str, str | None]) -> Columns:
    """The user's columns and the field each was taken for, for messages."""
    return Columns(tuple((column, field) for field, column in mapping.items() if column))
