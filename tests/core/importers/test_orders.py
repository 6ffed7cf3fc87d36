"""Order exports in: Shopify orders, WooCommerce orders report, any orders list; as orders and their customers.

Every expected figure is worked out here from the export file itself with the ``csv`` module.
"""

from __future__ import annotations

import csv
import datetime as dt
import json

import pandas as pd
import pytest

from core.importers import ImportContext, RawFile, import_file, order_customers
from core.monitor import loyalty
from core.schema import CUSTOMER_COLUMNS, ORDER_COLUMNS
from tests.core.importers.conftest import EXPORTS, raw

SHOPIFY_ORDERS = EXPORTS / "shopify" / "orders_export.csv"
WOO_ORDERS = EXPORTS / "woocommerce" / "wc-orders-report-export.csv"
TODAY = dt.date(2026, 12, 7)


def _shopify_file() -> list[dict]:
    """One dict per order: the order's fields from its first row (the others are line items)."""
    rows = list(csv.DictReader(SHOPIFY_ORDERS.read_text(encoding="utf-8").splitlines()))
    orders: dict[str, dict] = {}
    for row in rows:
        orders.setdefault(row["Name"], row)
    out = []
    for name, row in orders.items():
        total, refunded = float(row["Total"]), float(row["Refunded Amount"] or 0)
        who = row["Email"].lower() or row["Billing Name"]
        day = dt.date.fromisoformat(row["Created at"][:10])
        out.append({"name": name, "total": total, "refunded": refunded, "who": who, "day": day})
    return out


def _woo_file() -> list[dict]:
    out = []
    for row in csv.DictReader(WOO_ORDERS.read_text(encoding="utf-8").splitlines()):
        text = row["N. Revenue (formatted)"].replace("€", "").replace(".", "").replace(",", ".").strip()
        out.append({"total": float(text), "status": row["Status"], "who": row["Customer"], "day": row["Date"][:10]})
    return out


@pytest.fixture(scope="module")
def shopify(gaz):
    return import_file(raw(SHOPIFY_ORDERS), ImportContext(gazetteer=gaz, salt="plan-42", today=TODAY))


def test_a_shopify_orders_export_is_read_as_orders_not_as_a_customer_list(shopify):
    assert (shopify.kind, shopify.platform) == ("orders", "shopify")
    assert set(ORDER_COLUMNS) <= set(shopify.frame.columns)


def test_shopify_orders_are_counted_once_per_order_net_of_refunds_with_the_file_s_own_totals(shopify):
    file = _shopify_file()
    gross = round(sum(o["total"] for o in file), 2)
    refunded = round(sum(o["refunded"] for o in file), 2)
    in_full = [o for o in file if o["refunded"] >= o["total"]]
    kept = [o for o in file if o["refunded"] < o["total"]]
    totals = shopify.summary()["totals"]
    assert totals["in_file"] == len(file)  # 18 orders on 36 rows in this fixture
    assert (totals["gross"], totals["refunded"], totals["net"]) == (gross, refunded, round(gross - refunded, 2))
    assert totals["refunded_in_full"] == len(in_full)
    assert totals["orders"] == len(shopify.frame) == len(kept)
    assert shopify.frame["amount"].sum() == pytest.approx(gross - refunded, abs=0.005)
    by_day = sorted(shopify.frame["date"].dt.date.tolist())
    assert by_day == sorted(o["day"] for o in kept)
    warned = {w.key: w.params for w in shopify.warnings}
    assert warned["importers.warn.orders_refunded"]["count"] == len(in_full)


def test_shopify_customers_are_the_buyers_of_the_kept_orders_and_repeat_buyers_are_found(shopify):
    kept = [o for o in _shopify_file() if o["refunded"] < o["total"]]
    buyers = pd.Series([o["who"] for o in kept]).value_counts()
    assert shopify.frame["customer_id"].nunique() == len(buyers)
    rate = loyalty.repeat_rate(shopify.frame, TODAY)
    assert (rate.customers, rate.repeat_customers) == (len(buyers), int((buyers >= 2).sum()))
    firsts = pd.Series({who: min(o["day"] for o in kept if o["who"] == who) for who in buyers.index})
    months = pd.Series([f"{d.year}-{d.month:02d}" for d in firsts]).value_counts().sort_index()
    assert loyalty.cohorts(shopify.frame, TODAY).customers.to_dict() == months.to_dict()


def test_no_name_or_e_mail_is_kept_and_every_customer_is_placed_from_the_billing_address(shopify):
    text = " ".join(shopify.frame.astype(str).to_numpy().ravel())
    assert "@" not in text and "Rossi" not in text
    assert (shopify.frame["place_status"] == "placed").all()
    rows = csv.DictReader(SHOPIFY_ORDERS.read_text(encoding="utf-8").splitlines())
    assert set(shopify.frame["town"]) <= {row["Billing City"] for row in rows}


def test_the_woocommerce_orders_report_reads_decimal_commas_and_leaves_out_cancelled_and_refunded_orders(gaz):
    result = import_file(raw(WOO_ORDERS), ImportContext(gazetteer=gaz, salt="s", today=TODAY))
    file = _woo_file()
    paid = [o for o in file if o["status"] not in ("Cancelled",)]
    kept = [o for o in paid if o["status"] != "Refunded"]
    assert (result.kind, result.platform) == ("orders", "woocommerce")
    assert len(result.frame) == len(kept)
    assert result.frame["amount"].sum() == pytest.approx(sum(o["total"] for o in kept), abs=0.005)
    totals = result.summary()["totals"]
    assert totals["gross"] == round(sum(o["total"] for o in paid), 2)
    assert totals["cancelled"] == sum(o["status"] == "Cancelled" for o in file)
    assert result.frame["customer_id"].nunique() == len({o["who"] for o in kept})
    on_hold = sum(o["status"] == "On hold" for o in kept)
    assert {w.key: w.params for w in result.warnings}["importers.warn.orders_unpaid"]["count"] == on_hold


LINE_ITEMS = (
    "Numero ordine;Data ordine;Email cliente;Città;CAP;Importo riga;Stato\n"
    "A1;03/04/2025;anna@example.it;Forlì;47121;10,50;Completato\n"
    "A1;03/04/2025;anna@example.it;Forlì;47121;4,50;Completato\n"
    "A2;05/05/2025;anna@example.it;Forlì;47121;20,00;Completato\n"
    "A3;06/05/2025;bruno@example.it;Cesena;47521;99,00;Annullato\n"
    "A4;07/05/2025;carla@example.it;Rimini;47921;7,00;Completato\n"
)
ORDER_TOTALS = (
    "Order ID,Order date,Customer email,City,Order total\n"
    "1001,2025-04-03,anna@example.it,Forlì,15.00\n"
    "1001,2025-04-03,anna@example.it,Forlì,15.00\n"
    "1002,2025-05-05,anna@example.it,Forlì,20.00\n"
)


@pytest.mark.parametrize(
    ("text", "orders", "amounts"),
    [
        (LINE_ITEMS, 3, [15.0, 20.0, 7.0]),  # line amounts added up, the cancelled order left out
        (ORDER_TOTALS, 2, [15.0, 20.0]),  # an order total repeated on each line counted once
    ],
)
def test_a_generic_orders_list_by_line_or_by_order_gives_one_row_per_order(gaz, text, orders, amounts):
    result = import_file(RawFile("ordini.csv", text.encode()), ImportContext(gazetteer=gaz, salt="s", today=TODAY))
    assert (result.kind, result.platform) == ("orders", "generic_orders")
    assert len(result.frame) == orders
    assert sorted(result.frame["amount"].tolist()) == sorted(amounts)
    anna = result.frame.groupby("customer_id").size().max()
    assert anna == 2


def test_orders_dated_after_today_are_left_out_with_a_message_naming_the_column():
    text = (
        "Order ID,Order date,Customer email,City,Order total\n"
        "1,2025-04-03,a@x.it,Forlì,5\n"
        "2,2027-01-01,a@x.it,Forlì,6\n"
    )
    result = import_file(RawFile("o.csv", text.encode()), ImportContext(today=TODAY))
    assert result.frame["amount"].tolist() == [5.0]
    warning = next(w for w in result.warnings if w.key == "importers.warn.orders_future")
    assert warning.params["column"] == "Order date" and warning.params["example"] == "2027-01-01"
    assert "Order date" in warning.render("it") and "2027-01-01" in warning.render("en")


def test_a_buyer_gets_the_same_id_in_an_orders_export_and_in_a_customer_list_of_the_same_plan(gaz, shopify):
    customer_list = "Email,Città,Totale speso\ngiulia.rossi10@example.it,Forlì,500\n"
    ctx = ImportContext(gazetteer=gaz, salt="plan-42", today=TODAY)
    listed = import_file(RawFile("clienti.csv", customer_list.encode()), ctx).frame
    assert listed["customer_id"].iloc[0] in set(shopify.frame["customer_id"])


def test_customers_derived_from_orders_count_sum_and_date_them_and_a_listed_customer_keeps_the_list_row(shopify):
    derived = order_customers.customers_from(shopify.frame)
    assert list(derived.columns) == list(CUSTOMER_COLUMNS)
    kept = [o for o in _shopify_file() if o["refunded"] < o["total"]]
    giulia = [o for o in kept if o["who"] == "giulia.rossi10@example.it"]
    row = derived[derived["orders"] == len(giulia)].iloc[0]
    assert row["revenue"] == pytest.approx(round(sum(o["total"] - o["refunded"] for o in giulia), 2))
    assert row["first_order"].date() == min(o["day"] for o in giulia)
    assert row["last_order"].date() == max(o["day"] for o in giulia)
    listed = derived.iloc[:1].assign(orders=40, revenue=999.0)
    both = order_customers.combined(listed, shopify.frame)
    assert len(both) == len(derived)
    assert both.set_index("customer_id").loc[listed["customer_id"].iloc[0], "orders"] == 40


def test_an_orders_export_imported_twice_counts_each_order_once(shopify):
    twice = pd.concat([shopify.frame, shopify.frame], ignore_index=True)
    assert len(order_customers.unique_orders(twice)) == len(shopify.frame)


def test_the_summary_of_an_orders_import_is_json_ready_with_the_refund_said_as_money(shopify):
    summary = json.loads(json.dumps(shopify.summary()))
    assert summary["kind"] == "orders" and summary["customers"] == shopify.frame["customer_id"].nunique()
    in_full = sum(o["total"] for o in _shopify_file() if o["refunded"] >= o["total"])
    assert f"(€{in_full:,.2f})" in summary["warnings"][0]


def test_the_bring_customers_back_goal_measures_the_imported_orders(shopify):
    from core.goals import measures

    kept = [o for o in _shopify_file() if o["refunded"] < o["total"]]
    buyers = pd.Series([o["who"] for o in kept]).value_counts()
    data = measures.Data(orders=shopify.frame, customers=order_customers.customers_from(shopify.frame))
    assert measures.measurable("repeat_rate", data)
    rate = measures.current("repeat_rate", (), data, TODAY)
    assert rate == pytest.approx((buyers >= 2).sum() / len(buyers))


def test_orders_in_another_currency_are_said_not_silently_added_as_euro():
    text = ORDER_TOTALS.replace("Order total", "Order total,Currency").replace(",15.00\n", ",15.00,EUR\n")
    text = text.replace(",20.00\n", ",20.00,USD\n")
    result = import_file(RawFile("o.csv", text.encode()), ImportContext(today=TODAY))
    (said,) = [w for w in result.warnings if w.key == "importers.warn.orders_currency"]
    assert said.params == {"column": "Currency", "currencies": "USD"}
    assert "USD" in said.render("it") and "euro" in said.render("en")
