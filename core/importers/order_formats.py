"""Which column of an order export holds what: Shopify's orders export, WooCommerce's orders report, any
orders list whose headers say order, date, amount and customer (Italian or English).

Each format only names its columns; ``core.importers.orders.build`` does the rest for all three.
"""

from __future__ import annotations

from core.importers import tabular, values

FIELDS: tuple[str, ...] = (
    "order_id",
    "date",
    "amount",
    "refunded",
    "status",
    "cancelled",
    "currency",
    "email",
    "source_id",
    "name",
    "town",
    "postcode",
    "province",
    "country",
)
SHOPIFY: dict[str, tuple[str, ...]] = {
    "order_id": ("Name", "Id"),
    "date": ("Created at", "Paid at"),
    "amount": ("Total",),
    "refunded": ("Refunded Amount",),
    "status": ("Financial Status",),
    "cancelled": ("Cancelled at",),
    "currency": ("Currency",),
    "email": ("Email",),
    "name": ("Billing Name", "Shipping Name"),
    "town": ("Billing City", "Shipping City"),
    "postcode": ("Billing Zip", "Shipping Zip"),
    "province": ("Billing Province", "Shipping Province"),
    "country": ("Billing Country", "Shipping Country"),
}
# The place of a Shopify order comes from its billing address, else its shipping address.
SHOPIFY_FALLBACK: dict[str, str] = {
    "Billing City": "Shipping City",
    "Billing Zip": "Shipping Zip",
    "Billing Province": "Shipping Province",
    "Billing Country": "Shipping Country",
    "Billing Name": "Shipping Name",
}
WOOCOMMERCE: dict[str, tuple[str, ...]] = {
    "order_id": ("Order #", "Ordine #", "Ordine n", "Ordine"),
    "date": ("Date", "Data"),
    "amount": (
        "N. Revenue (formatted)", "N. Revenue", "Net Revenue", "Entrate nette", "Ricavi netti", "Net Sales",
        "Vendite nette",
    ),
    "status": ("Status", "Stato"),
    "name": ("Customer", "Cliente"),
    "email": ("Email", "E-mail"),
}  # fmt: skip

# Header phrases of a generic orders list (normalised by ``values.key``), best first.
_PHRASES: dict[str, tuple[str, ...]] = {
    "order_id": (
        "order id", "order", "order number", "order no", "order name", "id ordine", "ordine", "numero ordine",
        "n ordine", "nr ordine", "num ordine", "codice ordine", "rif ordine", "riferimento ordine",
    ),
    "date": (
        "order date", "data ordine", "date", "data", "created at", "creato il", "data acquisto", "purchase date",
        "data documento", "paid at",
    ),
    "amount": (
        "total", "totale", "order total", "totale ordine", "importo", "importo totale", "amount", "total amount",
        "net revenue", "revenue", "incasso", "net sales", "vendite nette", "importo ordine",
    ),
    "refunded": ("refunded amount", "refunded", "refund", "rimborsato", "importo rimborsato", "rimborso", "rimborsi"),
    "status": ("status", "stato", "order status", "stato ordine", "financial status", "stato pagamento"),
    "cancelled": ("cancelled at", "canceled at", "annullato il", "data annullamento"),
    "currency": ("currency", "valuta", "divisa"),
    "email": ("email", "e mail", "customer email", "email cliente", "indirizzo email", "mail"),
    "source_id": ("customer id", "id cliente", "codice cliente", "cod cliente", "customer number", "numero cliente"),
    "name": ("customer", "cliente", "customer name", "nome cliente", "billing name", "intestatario"),
    "town": ("citta", "comune", "city", "town", "localita", "billing city", "shipping city", "citta fatturazione"),
    "postcode": ("cap", "zip", "postcode", "postal code", "codice postale", "billing zip", "shipping zip"),
    "province": ("provincia", "prov", "province", "province code", "billing province", "state"),
    "country": ("paese", "nazione", "country", "country code", "billing country", "stato paese"),
}  # fmt: skip
_NOT: dict[str, frozenset[str]] = {
    "order_id": frozenset(
        "date data last first ultimo primo ultima prima count total totale ordini value "
        "valore status stato amount importo orders".split()
    ),  # fmt: skip
    "date": frozenset("nascita birth paid pagato fulfilled spedito cancelled annullato".split()),
    "amount": frozenset(
        "medio media average aov tax tasse iva shipping spedizione discount sconto refunded "
        "rimborsato subtotal subtotale lineitem".split()
    ),  # fmt: skip
    "name": frozenset("type tipo id codice number numero product prodotto".split()),
    "email": frozenset("accepts accetta marketing consenso newsletter".split()),
}
# Amount headers that name a line of an order, not the order: their rows are added up.
LINE_WORDS = frozenset("line lineitem riga righe item items articolo articoli prodotto product".split())


def _keys(raw) -> set[str]:
    return {values.key(h) for h in tabular.header(raw)}


def sniff_shopify(raw) -> bool:
    found = _keys(raw)
    return {"financial status", "total", "name"} <= found and bool({"lineitem quantity", "lineitem name"} & found)


def sniff_woocommerce(raw) -> bool:
    found = _keys(raw)
    has_amount = any(values.key(n) in found for n in WOOCOMMERCE["amount"])
    return bool({"order", "ordine"} & found) and bool({"status", "stato"} & found) and has_amount


def _score(field: str, words: list[str]) -> int:
    if not words or _NOT.get(field, frozenset()) & set(words):
        return 0
    text = " ".join(words)
    for rank, phrase in enumerate(_PHRASES[field]):
        if text == phrase:
            return 200 - rank
    for rank, phrase in enumerate(_PHRASES[field]):
        size = len(phrase.split())
        if any(" ".join(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
            return 100 - rank
    return 0


def guess(columns: list[str]) -> dict[str, str | None]:
    """For every field, the column that most likely holds it (or None); each column used at most once."""
    columns = [str(c) for c in columns]
    words = [values.key(c).split() for c in columns]
    scores = ((_score(f, words[i]), -i, f, c) for f in _PHRASES for i, c in enumerate(columns))
    mapping: dict[str, str | None] = dict.fromkeys(FIELDS)
    used: set[str] = set()
    for _, _, field, column in sorted((s for s in scores if s[0]), reverse=True):
        if mapping[field] is None and column not in used:
            mapping[field] = column
            used.add(column)
    return mapping


def sniff_generic(raw) -> bool:
    """An orders list: an order number, a date and an amount per row, and some way to tell customers apart."""
    found = guess(list(tabular.header(raw)))
    return all(found[f] for f in ("order_id", "date", "amount")) and any(
        found[f] for f in ("email", "source_id", "name")
    )


def known(columns, spec: dict[str, tuple[str, ...]]) -> dict[str, str | None]:
    """field -> the file's column for each of the format's fields (the first name present)."""
    by_key = {values.key(c): c for c in reversed(list(columns))}
    return {
        field: next((by_key[values.key(n)] for n in names if values.key(n) in by_key), None)
        for field, names in spec.items()
    }


def line_level(column: str | None) -> bool:
    """Whether an amount column holds line amounts (to be added up per order) rather than order totals."""
    return bool(column) and bool(LINE_WORDS & set(values.key(column).split()))
