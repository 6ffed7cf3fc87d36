"""Customer lists in: Shopify (2023+ and pre-2022 headers), WooCommerce Analytics, any table via a mapping.

Each importer only decides which column holds which field; ``build`` does the rest for all three:
types the values, pseudonymises identities, drops everything personal, places customers on the
map and reports every row it could not read or place.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers import mapping as mapping_mod
from core.importers import places, tabular, values
from core.importers.base import Format, ImportContext, ImportProblem, ImportResult, RawFile
from core.schema import CUSTOMER_COLUMNS

KIND = "customers"
SHOPIFY: dict[str, tuple[str, ...]] = {
    "source_id": ("Customer ID",),
    "email": ("Email",),
    "town": ("Default Address City", "City"),
    "postcode": ("Default Address Zip", "Zip"),
    "province": ("Default Address Province Code", "Province Code", "Province"),
    "country": ("Default Address Country Code", "Country Code", "Country"),
    "orders": ("Total Orders",),
    "revenue": ("Total Spent",),
}
WOOCOMMERCE: dict[str, tuple[str, ...]] = {
    "source_id": ("Username", "Nome utente"),
    "email": ("Email", "E-mail"),
    "town": ("City", "Città"),
    "postcode": ("Postal code", "Postcode", "CAP", "Codice postale"),
    "province": ("Region", "State", "Provincia", "Regione"),
    "country": ("Country / Region", "Country", "Paese / Regione", "Paese"),
    "orders": ("Orders", "Ordini"),
    "revenue": ("Total spend", "Spesa totale", "Totale speso"),
    "last_order": ("Last active", "Ultima attività"),
}


def _keys(raw: RawFile) -> set[str]:
    return {values.key(h) for h in tabular.header(raw)}


def sniff_shopify(raw: RawFile) -> bool:
    found = _keys(raw)
    return {"total spent", "total orders"} <= found and bool(
        {"accepts email marketing", "accepts marketing", "tax exempt"} & found
    )


def sniff_woocommerce(raw: RawFile) -> bool:
    found = _keys(raw)
    return bool({"username", "nome utente"} & found) and bool({"aov", "total spend", "spesa totale"} & found)


def sniff_generic(raw: RawFile) -> bool:
    guess = mapping_mod.guess_mapping(list(tabular.header(raw)))
    return any(guess[field] for field in mapping_mod.PLACE_FIELDS)


def _known(table: tabular.Table, spec: dict[str, tuple[str, ...]]) -> dict[str, str | None]:
    by_key = {values.key(c): c for c in reversed(table.frame.columns)}
    return {
        field: next((by_key[values.key(n)] for n in names if values.key(n) in by_key), None)
        for field, names in spec.items()
    }


def parse_shopify(raw: RawFile, ctx: ImportContext) -> ImportResult:
    table = tabular.read_table(raw)
    return build(raw, ctx, table, _known(table, SHOPIFY), "shopify")


def parse_woocommerce(raw: RawFile, ctx: ImportContext) -> ImportResult:
    table = tabular.read_table(raw)
    return build(raw, ctx, table, _known(table, WOOCOMMERCE), "woocommerce")


def parse_generic(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """Any table: the user-confirmed ``ctx.mapping``, else the guessed one (with a warning to check it)."""
    table = tabular.read_table(raw)
    chosen = ctx.mapping if ctx.mapping is not None else mapping_mod.guess_mapping(list(table.frame.columns))
    extra = (
        []
        if ctx.mapping is not None
        else [Message("importers.warn.mapping_guessed", {"mapping": mapping_mod.describe(chosen)})]
    )
    return build(raw, ctx, table, chosen, "generic", extra)


FORMATS: list[Format] = [
    Format("shopify", KIND, sniff_shopify, parse_shopify),
    Format("woocommerce", KIND, sniff_woocommerce, parse_woocommerce),
]
GENERIC = Format("generic", KIND, sniff_generic, parse_generic)


def warn_bad(key: str, column: str | None, bad: values.Bad | None) -> list[Message]:
    """``importers.warn.<key>`` naming the user's column, how many values, an example and its row."""
    if bad is None:
        return []
    return [
        Message(
            f"importers.warn.{key}",
            {"column": column, "count": bad.count, "example": bad.example, "row": bad.row},
        )
    ]


def pseudonyms(keys, salt: str) -> list[str]:
    """Salted hashes of identity keys (``email\x1f<address>``, ``id\x1f<platform>\x1f<id>``...): the same
    customer gets the same id from a customer list and from an orders export of the same plan."""
    prefix = salt + "\x1f"
    return [hashlib.sha256((prefix + k).encode()).hexdigest()[:16] for k in keys]


def _ids(src: pd.DataFrame, salt: str, file: str, platform: str) -> tuple[pd.Series, list[Message]]:
    """Salted hashes of the e-mail, else the platform's id, else the file and row: never the values."""
    empty = pd.Series("", index=src.index, dtype="str")
    email = src["email"].str.strip().str.lower() if "email" in src else empty
    email = email.where(email.str.contains("@", regex=False), "")
    source, shortened = values.source_ids(src["source_id"]) if "source_id" in src else (empty, 0)
    rows = pd.Series(src.index.astype(str), index=src.index)
    keys = np.where(
        email.ne(""),
        "email\x1f" + email,
        np.where(source.ne(""), f"id\x1f{platform}\x1f" + source, f"row\x1f{file}\x1f" + rows),
    )
    ids = pd.Series(pseudonyms(keys, salt), index=src.index, dtype="str")
    lost = int((email.eq("") & source.eq("") & src.get("source_id", empty).ne("")).sum()) if shortened else 0
    warnings = [Message("importers.warn.shortened_ids", {"count": lost})] if lost else []
    return ids, warnings


_UNPLACED = ("customer_id", "town", "postcode", "province", "country", "place_status")


def place(frame: pd.DataFrame, gazetteer: object | None) -> tuple[pd.DataFrame, pd.DataFrame | None, list[Message]]:
    """``frame`` geocoded (lat, lon, comune_istat, place_status), the rows left unplaced, and a warning."""
    if gazetteer is None:
        out = frame.assign(lat=np.nan, lon=np.nan, comune_istat="", place_status="unplaced")
        return out, None, [Message("importers.warn.no_gazetteer", {})]
    from core import geocode  # written alongside; imported here so parsing works without it

    out = geocode.geocode_frame(gazetteer, frame, country="lookup")  # unknown countries stay unknown
    missed = out[out["place_status"].ne("placed")]  # ambiguous ones have no point on the map either
    unplaced = missed[["row", *_UNPLACED]].reset_index(drop=True)
    warnings = []
    if len(unplaced):
        shown = ", ".join(str(r) for r in unplaced["row"].head(12)) + (", ..." if len(unplaced) > 12 else "")
        warnings.append(Message("importers.warn.unplaced", {"count": len(unplaced), "rows": shown}))
    return out, unplaced, warnings


def _merge(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Message]]:
    """One row per customer: repeated ids (same e-mail or id) summed, their dates spanned."""
    repeated = frame["customer_id"].duplicated(keep=False)
    if not repeated.any():
        return frame, []
    groups = frame[repeated].groupby("customer_id", sort=False)
    merged = groups.agg(
        town=("town", "first"), postcode=("postcode", "first"), province=("province", "first"),
        country=("country", "first"), first_order=("first_order", "min"), last_order=("last_order", "max"),
        orders=("orders", "sum"), revenue=("revenue", "sum"), row=("row", "first"), lookup=("lookup", "first"),
    )  # fmt: skip
    merged["revenue"] = merged["revenue"].where(groups["revenue"].count() > 0)
    merged = merged.reset_index()
    out = pd.concat([frame[~repeated], merged], ignore_index=True).sort_values("row", kind="stable")
    count = int(frame["customer_id"].duplicated().sum())
    return out.reset_index(drop=True), [Message("importers.warn.merged", {"count": count})]


def build(
    raw: RawFile, ctx: ImportContext, table: tabular.Table, chosen: dict[str, str | None], platform: str,
    warnings: list[Message] | None = None,
) -> ImportResult:  # fmt: skip
    """The customers table from ``table`` read through ``chosen`` (field -> column)."""
    src = mapping_mod.apply_mapping(table.frame, chosen)
    out = list(table.warnings) + list(warnings or [])
    frame, more = place_columns(src, chosen)
    out += more
    frame["orders"], frame["revenue"], more = _amounts(src, chosen, table.decimal)
    out += more
    for field in ("first_order", "last_order"):
        frame[field], more = _dates(src, chosen, field, ctx)
        out += more
    frame["customer_id"], more = _ids(src, ctx.salt, raw.name, platform)
    out += more
    frame["row"] = src.index.astype(int)
    frame, more = _merge(frame.reset_index(drop=True))
    out += more
    frame, unplaced, more = place(frame, ctx.gazetteer)
    out += more
    result = frame[list(CUSTOMER_COLUMNS)].reset_index(drop=True)
    return ImportResult(raw.name, platform, KIND, result, tuple(out), unplaced)


def place_columns(src: pd.DataFrame, chosen: dict) -> tuple[pd.DataFrame, list[Message]]:
    """town, postcode, province, country (ISO) and the geocoder's ``lookup`` country, from the mapped
    text columns of ``src``; with warnings for unknown countries, assumed Italy and padded postcodes."""
    out: list[Message] = []
    empty = pd.Series("", index=src.index, dtype="str")
    town = src["town"] if "town" in src else empty
    given = src["country"] if "country" in src else empty
    country, unknown = places.countries(given)
    if unknown.any():
        first = unknown.idxmax()
        out += warn_bad(
            "unknown_countries",
            chosen.get("country"),
            values.Bad(int(unknown.sum()), given[first], int(first)),
        )
    code = (src["postcode"] if "postcode" in src else empty).str.strip().str.lstrip("'")
    assumed = country.eq("") & ~unknown & places.looks_italian(town, code)
    country = country.where(~assumed, "IT")
    if assumed.any() and given.eq("").all():
        out.append(Message("importers.warn.country_assumed", {"count": int(assumed.sum())}))
    postcode, padded = values.postcodes(code, country)
    if padded:
        out.append(Message("importers.warn.postcodes_padded", {"count": padded}))
    frame = pd.DataFrame({"town": town, "postcode": postcode, "province": empty, "country": country}, index=src.index)
    frame["province"] = places.provinces(src["province"], country) if "province" in src else empty
    frame["lookup"] = country.where(~unknown, given)  # the geocoder treats a blank country as Italy
    return frame, out


def _amounts(src: pd.DataFrame, chosen: dict, decimal: str) -> tuple[pd.Series, pd.Series, list[Message]]:
    warnings: list[Message] = []
    if "orders" in src:
        counts, bad = values.numbers(src["orders"], decimal)
        warnings += warn_bad("bad_numbers", chosen["orders"], bad)
        fraction = counts.notna() & counts.ne(counts.round())
        if fraction.any():
            first = fraction.idxmax()
            warnings += warn_bad(
                "fractional_orders",
                chosen["orders"],
                values.Bad(int(fraction.sum()), src["orders"][first], int(first)),
            )
        orders = counts.fillna(0).round().astype("int64")
    else:
        orders = pd.Series(1, index=src.index, dtype="int64")
        warnings.append(Message("importers.warn.orders_assumed", {}))
    if "revenue" in src:
        revenue, bad = values.numbers(src["revenue"], decimal)
        warnings += warn_bad("bad_numbers", chosen["revenue"], bad)
    else:
        revenue = pd.Series(np.nan, index=src.index, dtype="float64")
        warnings.append(Message("importers.warn.no_revenue", {}))
    return orders, revenue, warnings


def _dates(src: pd.DataFrame, chosen: dict, field: str, ctx: ImportContext) -> tuple[pd.Series, list[Message]]:
    if field not in src:
        return pd.Series(pd.NaT, index=src.index, dtype="datetime64[ns]"), []
    parsed, bad = values.dates(src[field])
    warnings = warn_bad("bad_dates", chosen[field], bad)
    if ctx.today is not None:
        future = parsed > pd.Timestamp(ctx.today)
        if future.any():
            first = future.idxmax()
            warnings += warn_bad(
                "future_dates", chosen[field], values.Bad(int(future.sum()), src[field][first], int(first))
            )
    return parsed, warnings


def not_recognised(raw: RawFile) -> ImportProblem:
    """Why a readable file matched no format (raises the reading problem itself when there is one)."""
    table = tabular.read_table(raw)
    columns = mapping_mod._listed(table.frame.columns)
    return ImportProblem(Message("importers.err.unknown_format", {"file": raw.name, "columns": columns}))
