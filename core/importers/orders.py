"""Order exports in: Shopify orders, WooCommerce's orders report, any orders list; as orders and their customers.

An export may hold one row per order or one per line item, with the order's own fields (date,
total, refund, status, address) on its first row only: rows are grouped by order number and each
field taken from the first row that has it. An amount column that names a line ("Lineitem
price", "Importo riga") is added up over the order instead. Amounts are net of refunds; orders
cancelled (or voided, failed) and orders refunded in full are left out and counted in a warning,
as are orders dated after today; orders not paid yet (pending, on hold) are kept and said.

Customers get the same pseudonymous ids as in a customer list of the same plan (salted hash of
the e-mail, else of the shop's customer id, else of the name, else the order is its own
customer); names and e-mails are then dropped. Each order keeps its customer's place, geocoded
once per customer from their latest order, so that ``core.importers.order_customers`` can
derive the customers table from the orders.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from core.i18n import Message, Money
from core.importers import customers, order_formats, tabular, values
from core.importers.base import Format, ImportContext, ImportResult, RawFile

KIND = "orders"
# One row per order, privacy-safe; the first three are ``core.schema.ORDER_COLUMNS``.
COLUMNS: tuple[str, ...] = (
    "customer_id", "date", "amount", "order_id", "gross", "refunded", "paid", "town", "postcode", "province",
    "country", "lat", "lon", "comune_istat", "place_status",
)  # fmt: skip
PLACE = ("town", "postcode", "province", "country", "lookup")
_CANCELLED = frozenset(
    "cancelled canceled annullato annullata cancellato cancellata voided void failed fallito fallita non riuscito "
    "draft bozza checkout draft trash cestinato expired scaduto".split(" ")
) | {"non riuscito", "checkout draft"}
_REFUNDED = frozenset({"refunded", "rimborsato", "rimborsata", "reso", "returned"})
_UNPAID = frozenset({
    "pending", "pending payment", "on hold", "in attesa", "in attesa di pagamento", "in sospeso", "sospeso",
    "authorized", "autorizzato", "partially paid", "parzialmente pagato", "unpaid", "non pagato",
})  # fmt: skip
CENT = 0.005


def status_class(text: str) -> str:
    """``cancelled``, ``refunded`` (in full), ``unpaid`` or ``ok`` for a status as shops write it."""
    words = values.key(text)
    words = words.removeprefix("wc ")
    if words in _CANCELLED:
        return "cancelled"
    if words in _REFUNDED:
        return "refunded"
    if words in _UNPAID:
        return "unpaid"
    return "ok"


def parse_shopify(raw: RawFile, ctx: ImportContext) -> ImportResult:
    table = tabular.read_table(raw)
    chosen = order_formats.known(table.frame.columns, order_formats.SHOPIFY)
    frame = table.frame.copy()
    for billing, shipping in order_formats.SHOPIFY_FALLBACK.items():
        if billing in frame and shipping in frame:
            frame[billing] = frame[billing].where(frame[billing].ne(""), frame[shipping])
    filled = dataclasses.replace(table, frame=frame)
    return build(raw, ctx, filled, chosen, "shopify")


def parse_woocommerce(raw: RawFile, ctx: ImportContext) -> ImportResult:
    table = tabular.read_table(raw)
    return build(raw, ctx, table, order_formats.known(table.frame.columns, order_formats.WOOCOMMERCE), "woocommerce")


def parse_generic(raw: RawFile, ctx: ImportContext) -> ImportResult:
    table = tabular.read_table(raw)
    chosen = order_formats.guess(list(table.frame.columns))
    return build(raw, ctx, table, chosen, "generic_orders")


FORMATS: list[Format] = [
    Format("shopify", KIND, order_formats.sniff_shopify, parse_shopify),
    Format("woocommerce", KIND, order_formats.sniff_woocommerce, parse_woocommerce),
]
GENERIC = Format("generic_orders", KIND, order_formats.sniff_generic, parse_generic)


def _text(src: pd.DataFrame, chosen: dict[str, str | None], field: str) -> pd.Series:
    column = chosen.get(field)
    return src[column].fillna("").astype(str).str.strip() if column else pd.Series("", index=src.index, dtype="str")


def _per_order(values_: pd.Series, codes: np.ndarray) -> pd.Series:
    """The first non-empty text of each order (orders numbered 0..n-1 by ``codes``)."""
    return values_.where(values_.ne("")).groupby(codes, sort=True).first().fillna("").astype(str)


def _amount(src, chosen, field, codes, decimal) -> tuple[pd.Series, list[Message]]:
    """Each order's amount: once when its rows repeat it (or only the first has it), else added up."""
    column = chosen.get(field)
    if not column:
        return pd.Series(np.nan, index=range(codes.max() + 1 if len(codes) else 0)), []
    numbers, bad = values.numbers(src[column], decimal)
    warnings = customers.warn_bad("bad_numbers", column, bad)
    grouped = numbers.groupby(codes, sort=True)
    total = grouped.sum(min_count=1)
    if order_formats.line_level(column):
        return total, warnings
    same = grouped.nunique() <= 1
    return total.where(~same, grouped.first()), warnings


def build(
    raw: RawFile, ctx: ImportContext, table: tabular.Table, chosen: dict[str, str | None], platform: str
) -> ImportResult:
    """The orders table (``COLUMNS``) from ``table`` read through ``chosen`` (field -> column)."""
    src = table.frame
    warnings: list[Message] = list(table.warnings)
    ids = _text(src, chosen, "order_id").str.lstrip("'")
    ids = ids.where(ids.ne(""), "row " + pd.Series(src.index.astype(str), index=src.index))
    codes, uniques = pd.factorize(ids)
    first_row = pd.Series(src.index.to_numpy()).groupby(codes, sort=True).first().to_numpy()
    fields = [f for f in order_formats.FIELDS if f not in ("amount", "refunded")]
    text = {f: _per_order(_text(src, chosen, f), codes) for f in fields}
    gross, more = _amount(src, chosen, "amount", codes, table.decimal)
    warnings += more
    refunded, more = _amount(src, chosen, "refunded", codes, table.decimal)
    warnings += more
    order = pd.DataFrame({f: text[f] for f in text}).reset_index(drop=True)
    order.index = pd.Index(first_row)  # the spreadsheet row of each order's first line
    gross.index = refunded.index = order.index
    when, bad = values.dates(order["date"])
    warnings += customers.warn_bad("bad_dates", chosen.get("date"), bad)
    status = order["status"].map(status_class)
    cancelled = status.eq("cancelled") | order["cancelled"].ne("")
    refunded = refunded.fillna(0.0).clip(lower=0.0)
    refunded = refunded.where(~(status.eq("refunded") & refunded.eq(0)), gross.fillna(0.0))  # no refund column
    net = (gross - refunded).round(2)
    in_full = ~cancelled & refunded.gt(0) & net.le(CENT)
    future = when.gt(pd.Timestamp(ctx.today)) if ctx.today is not None else pd.Series(False, index=order.index)
    keep = ~cancelled & ~in_full & when.notna() & ~future
    warnings += _left_out(order, chosen, status, cancelled, in_full, refunded, future, keep)
    order["customer_id"] = _customer_ids(order, ctx.salt, raw.name, platform)
    number = platform + ":" + pd.Series(uniques.astype(str), index=order.index)
    out = pd.DataFrame(
        {"customer_id": order["customer_id"], "date": when, "amount": net, "order_id": number,
         "gross": gross.round(2), "refunded": refunded.round(2), "paid": ~status.eq("unpaid")},
        index=order.index,
    )[keep]  # fmt: skip
    placed, unplaced, more = _places(order[keep], out, chosen, ctx.gazetteer)
    warnings += more
    result = placed[list(COLUMNS)].reset_index(drop=True)
    counted = ~cancelled  # a cancelled order was never paid: it is in no total
    figures = {
        "in_file": len(order),
        "gross": round(float(gross[counted].sum()), 2),
        "refunded": round(float(refunded[counted].sum()), 2),
        "net": round(float(net[counted].sum()), 2),
        "cancelled": int(cancelled.sum()),
        "refunded_in_full": int(in_full.sum()),
    }
    return ImportResult(raw.name, platform, KIND, result, tuple(warnings), unplaced, figures)


def _left_out(order, chosen, status, cancelled, in_full, refunded, future, keep) -> list[Message]:
    """What was left out (cancelled, refunded in full, dated after today) and what is counted unpaid."""
    out: list[Message] = []
    if cancelled.any():
        out.append(Message("importers.warn.orders_cancelled", {"count": int(cancelled.sum())}))
    if in_full.any():
        params = {"count": int(in_full.sum()), "amount": Money(round(float(refunded[in_full].sum()), 2))}
        out.append(Message("importers.warn.orders_refunded", params))
    if future.any():
        first = future.idxmax()
        params = {"column": chosen.get("date"), "count": int(future.sum()), "example": order["date"][first],
                  "row": int(first)}  # fmt: skip
        out.append(Message("importers.warn.orders_future", params))
    currencies = sorted(set(order["currency"][keep].str.upper()) - {"", "EUR", "€"})
    if currencies:  # Rotta counts in euro: say which amounts are not
        params = {"column": chosen.get("currency"), "currencies": ", ".join(currencies[:4])}
        out.append(Message("importers.warn.orders_currency", params))
    unpaid = keep & status.eq("unpaid")
    if unpaid.any():
        shown = ", ".join(sorted(set(order["status"][unpaid]))[:4])
        params = {"count": int(unpaid.sum()), "column": chosen.get("status"), "statuses": shown}
        out.append(Message("importers.warn.orders_unpaid", params))
    return out


def _customer_ids(order: pd.DataFrame, salt: str, file: str, platform: str) -> pd.Series:
    """The e-mail, else the shop's customer id, else the name, else the order itself: hashed, never kept."""
    email = order["email"].str.lower()
    email = email.where(email.str.contains("@", regex=False), "")
    source, _ = values.source_ids(order["source_id"])
    name = order["name"].map(values.key)
    rows = pd.Series(order.index.astype(str), index=order.index)
    keys = np.where(
        email.ne(""),
        "email\x1f" + email,
        np.where(
            source.ne(""),
            f"id\x1f{platform}\x1f" + source,
            np.where(name.ne(""), f"name\x1f{platform}\x1f" + name, f"row\x1f{file}\x1f" + rows),
        ),
    )
    return pd.Series(customers.pseudonyms(keys, salt), index=order.index, dtype="str")


def _places(
    order: pd.DataFrame, out: pd.DataFrame, chosen: dict, gazetteer: object | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, list[Message]]:
    """Each kept order with its customer's place: the latest order's address, geocoded once per customer."""
    src = pd.DataFrame({f: order[f] for f in ("town", "postcode", "province", "country")}, index=order.index)
    where, warnings = customers.place_columns(src, chosen)
    where["customer_id"], where["date"], where["row"] = out["customer_id"], out["date"], order.index.astype(int)
    filled = where[["town", "postcode"]].ne("").any(axis=1)
    latest = where.assign(filled=filled).sort_values(["filled", "date"], kind="stable").groupby("customer_id").tail(1)
    if not chosen.get("town") and not chosen.get("postcode"):  # the file says nowhere where customers are
        located = latest.assign(lat=np.nan, lon=np.nan, comune_istat="", place_status="unplaced")
        unplaced = None
        warnings = [Message("importers.warn.orders_no_place", {})]
    else:
        located, unplaced, more = customers.place(latest.drop(columns=["filled"]), gazetteer)
        warnings += more
    located = located.set_index("customer_id")
    columns = ["town", "postcode", "province", "country", "lat", "lon", "comune_istat", "place_status"]
    joined = out.join(located[columns], on="customer_id")
    return joined, unplaced, warnings
