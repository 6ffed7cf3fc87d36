"""Customer lists in: Shopify (both header generations), WooCommerce, generic tables; privacy and places."""

from __future__ import annotations

import csv
import io
import json
import time

import pandas as pd
import pytest

from core.importers import ImportContext, RawFile, customers, import_file
from core.schema import CUSTOMER_COLUMNS
from tests.core.importers.conftest import SHOPIFY, SHOPIFY_2021, SHOPIFY_RESAVED, WOOCOMMERCE, raw

# Totals worked out from the fixture rows, and printed by the re-saved file's own TOTALE row.
SHOPIFY_ROWS, SHOPIFY_ORDERS, SHOPIFY_REVENUE = 40, 253, 34060.93
# customers_export_pre2022.csv: 182.50+96.00+45.90+0.00+310.20+64.00+128.40+1020.50+75.45+250.00
SHOPIFY_2021_ORDERS, SHOPIFY_2021_REVENUE = 3 + 2 + 1 + 0 + 4 + 1 + 2 + 9 + 1 + 5, 2172.95
# customers_report.csv: 182.50+96.00+45.90+310.20+128.40+1020.50
WOO_ORDERS, WOO_REVENUE = 3 + 2 + 1 + 4 + 2 + 9, 1783.50


@pytest.mark.parametrize(
    ("path", "platform", "rows", "orders", "revenue"),
    [
        (SHOPIFY, "shopify", SHOPIFY_ROWS, SHOPIFY_ORDERS, SHOPIFY_REVENUE),
        (SHOPIFY_RESAVED, "shopify", SHOPIFY_ROWS, SHOPIFY_ORDERS, SHOPIFY_REVENUE),
        (SHOPIFY_2021, "shopify", 10, SHOPIFY_2021_ORDERS, SHOPIFY_2021_REVENUE),
        (WOOCOMMERCE, "woocommerce", 6, WOO_ORDERS, WOO_REVENUE),
    ],
)
def test_each_platform_export_imports_with_the_totals_of_its_rows(path, platform, rows, orders, revenue, ctx):
    result = import_file(raw(path), ctx)
    assert (result.platform, result.kind) == (platform, "customers")
    assert list(result.frame.columns) == list(CUSTOMER_COLUMNS)
    assert len(result.frame) == rows
    assert int(result.frame["orders"].sum()) == orders
    assert result.frame["revenue"].sum() == pytest.approx(revenue, abs=0.001)
    assert result.summary()["totals"] == {"orders": orders, "revenue": revenue}


def test_the_italian_excel_resave_gives_the_same_customers_as_the_original(ctx):
    original = import_file(raw(SHOPIFY), ctx)
    resaved = import_file(raw(SHOPIFY_RESAVED), ctx)
    pd.testing.assert_frame_equal(original.frame, resaved.frame)
    assert resaved.frame.loc[1, ["town", "postcode"]].tolist() == ["Città di Castello", "06012"]
    keys = [w.key for w in resaved.warnings]
    assert keys == ["importers.warn.blank_rows", "importers.warn.total_row", "importers.warn.postcodes_padded"]
    assert resaved.warnings[1].params == {"row": 44, "label": "TOTALE"}
    assert resaved.warnings[2].params == {"count": 7}


def test_shopify_places_every_fixture_customer_in_its_comune(ctx):
    frame = import_file(raw(SHOPIFY), ctx).frame
    assert (frame["place_status"] == "placed").all()
    by_town = frame.drop_duplicates("town").set_index("town")["comune_istat"]
    assert by_town["Forlì"] == "040012"
    assert by_town["Cantù"] == "013041"
    assert by_town["Roma"] == "058091"
    assert frame[["lat", "lon"]].notna().all().all()


def test_pre_2022_shopify_headers_give_iso_countries_and_province_codes(ctx):
    frame = import_file(raw(SHOPIFY_2021), ctx).frame
    assert frame["country"].tolist() == ["IT", "IT", "IT", "IT", "CH", "DE", "SM", "IT", "IT", "IT"]
    assert frame["province"].tolist() == ["FC", "FC", "PG", "FC", "TI", "BY", "", "RM", "FC", "CO"]
    assert frame["postcode"].tolist()[2] == "06012"  # Shopify's protective apostrophe removed
    assert frame["first_order"].isna().all()


def test_woocommerce_takes_last_active_as_the_last_order_and_names_as_countries(ctx):
    frame = import_file(raw(WOOCOMMERCE), ctx).frame
    assert frame["last_order"].dt.strftime("%Y-%m-%d").tolist()[:3] == ["2025-06-14", "2025-05-02", "2024-12-20"]
    assert frame["country"].tolist() == ["IT", "IT", "IT", "CH", "SM", "IT"]
    assert frame["postcode"].tolist()[2] == "06012"


@pytest.mark.parametrize(
    "header",
    [
        "Name,Username,Last active,Date registered,Email,Orders,Total spend,AOV,Country / Region,City,Region,"
        "Postal code",
        "Name,Username,Last Active,Sign Up,Email,Orders,Total Spend,AOV,Country / Region,City,Region,Postal Code",
        "Nome,Nome utente,Ultima attività,Registrazione,Email,Ordini,Spesa totale,AOV,Paese / Regione,Città,"
        "Regione,CAP",
    ],
)
def test_woocommerce_is_recognised_in_each_version_and_language_of_its_headers(header, ctx):
    body = WOOCOMMERCE.read_text(encoding="utf-8").split("\n", 1)[1]
    result = import_file(RawFile("report.csv", (header + "\n" + body).encode()), ctx)
    assert result.platform == "woocommerce"
    assert (int(result.frame["orders"].sum()), round(result.frame["revenue"].sum(), 2)) == (WOO_ORDERS, WOO_REVENUE)
    assert result.frame["town"].tolist()[0] == "Forlì"


def test_the_same_e_mail_gives_the_same_customer_id_across_platforms(ctx):
    shopify = import_file(raw(SHOPIFY_2021), ctx).frame
    woo = import_file(raw(WOOCOMMERCE), ctx).frame
    assert set(woo["customer_id"]) <= set(shopify["customer_id"])


def test_ids_depend_on_the_salt_so_two_plans_cannot_link_customers(gaz):
    one = import_file(raw(SHOPIFY), ImportContext(gazetteer=gaz, salt="plan-1")).frame["customer_id"]
    again = import_file(raw(SHOPIFY), ImportContext(gazetteer=gaz, salt="plan-1")).frame["customer_id"]
    other = import_file(raw(SHOPIFY), ImportContext(gazetteer=gaz, salt="plan-2")).frame["customer_id"]
    assert one.tolist() == again.tolist()
    assert not set(one) & set(other)
    assert one.is_unique


PERSONAL = [
    "Customer ID", "First Name", "Last Name", "Email", "Default Address Company", "Default Address Address1",
    "Default Address Address2", "Default Address Phone", "Phone", "Note",
]  # fmt: skip


def test_no_name_email_phone_address_or_raw_id_survives_the_import(ctx):
    rows = list(csv.DictReader(io.StringIO(SHOPIFY.read_text(encoding="utf-8"))))
    secrets = {row[c].strip().lstrip("'") for row in rows for c in PERSONAL} - {""}
    assert {"tommaso.ricci28@example.it", "Via Mazzini 62", "+393731028945", "7465545672355", "Ricci"} <= secrets
    result = import_file(raw(SHOPIFY), ctx)
    cells = {str(v) for v in result.frame.astype(str).to_numpy().ravel()}
    cells |= {str(c) for c in result.frame.columns}
    leaked = {s for s in secrets for cell in cells if s in cell}
    assert leaked == set()
    assert not any(s in json.dumps(result.summary(), ensure_ascii=False) for s in secrets)


def test_unplaced_customers_are_counted_and_listed_with_their_row_never_dropped(ctx):
    text = (
        "Città;CAP;Totale speso;Ordini\n"
        "Forlì;47121;10,50;1\n"
        "Paese Inesistente;99999;20,00;2\n"
        "Cesena;47521;5,00;1\n"
        "Atlantide;;1,00;1\n"
    )
    result = import_file(RawFile("clienti.csv", text.encode("cp1252")), ctx)
    assert len(result.frame) == 4
    assert result.frame["place_status"].tolist() == ["placed", "unplaced", "placed", "unplaced"]
    assert result.unplaced["row"].tolist() == [3, 5]
    assert result.unplaced["town"].tolist() == ["Paese Inesistente", "Atlantide"]
    assert list(result.unplaced.columns) == [
        "row", "customer_id", "town", "postcode", "province", "country", "place_status"
    ]  # fmt: skip
    unplaced = next(w for w in result.warnings if w.key == "importers.warn.unplaced")
    assert unplaced.params == {"count": 2, "rows": "3, 5"}
    assert result.summary()["placed"] == 2 and result.summary()["unplaced"] == 2


def test_without_a_gazetteer_nobody_is_placed_and_the_result_says_so():
    result = import_file(raw(SHOPIFY), ImportContext(salt="x"))
    assert (result.frame["place_status"] == "unplaced").all()
    assert result.frame["lat"].isna().all()
    assert [w.key for w in result.warnings] == ["importers.warn.no_gazetteer"]


def test_rows_repeating_a_customer_are_merged_adding_orders_and_spend(ctx):
    text = (
        "Email,Città,CAP,Totale speso,Ordini,Ultimo ordine\n"
        "a@example.it,Forlì,47121,10.50,1,2024-01-10\n"
        "b@example.it,Cesena,47521,5.00,1,2024-02-01\n"
        "A@Example.it ,Forlì,47121,4.50,2,2024-03-15\n"
    )
    result = import_file(RawFile("ordini.csv", text.encode()), ctx)
    assert result.frame["orders"].tolist() == [3, 1]
    assert result.frame["revenue"].tolist() == [15.0, 5.0]
    assert result.frame["last_order"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-15", "2024-02-01"]
    assert any(w.key == "importers.warn.merged" and w.params == {"count": 1} for w in result.warnings)


def test_a_town_abroad_with_an_unknown_country_is_not_placed_in_italy(ctx):
    text = "Città,Paese\nRoma,Narnia\nRoma,Italia\n"
    result = import_file(RawFile("c.csv", text.encode()), ctx)
    assert result.frame["country"].tolist() == ["", "IT"]
    assert result.frame["place_status"].tolist() == ["unplaced", "placed"]


def test_ambiguous_towns_are_listed_with_the_unplaced(ctx):
    text = "Città,Ordini\nCastro,1\nForlì,2\n"  # two comuni are called Castro (BG and LE)
    result = import_file(RawFile("c.csv", text.encode()), ctx)
    assert result.frame["place_status"].tolist() == ["ambiguous", "placed"]
    assert result.unplaced[["row", "town", "place_status"]].values.tolist() == [[2, "Castro", "ambiguous"]]
    assert result.summary()["placed"] == 1 and result.summary()["unplaced"] == 1


def test_country_is_italy_when_missing_and_the_postcode_or_comune_looks_italian(ctx):
    text = "Città,CAP\nForlì,47121\nCantù,\nLondon,SW1A 1AA\n"
    result = import_file(RawFile("c.csv", text.encode()), ctx)
    assert result.frame["country"].tolist() == ["IT", "IT", ""]
    assert any(w.key == "importers.warn.country_assumed" and w.params == {"count": 2} for w in result.warnings)


def test_unreadable_values_are_reported_with_column_row_and_example(ctx):
    text = "Città,CAP,Totale speso,Primo ordine\nForlì,47121,dieci euro,31/02/2024\nCesena,47521,12.00,01/03/2024\n"
    result = import_file(RawFile("c.csv", text.encode()), ctx)
    warnings = {w.key: w.params for w in result.warnings}
    assert warnings["importers.warn.bad_numbers"] == {
        "column": "Totale speso",
        "count": 1,
        "example": "dieci euro",
        "row": 2,
    }
    assert warnings["importers.warn.bad_dates"] == {
        "column": "Primo ordine",
        "count": 1,
        "example": "31/02/2024",
        "row": 2,
    }
    assert result.frame["revenue"].isna().tolist() == [True, False]


def test_dates_after_today_are_flagged(gaz):
    text = "Città,CAP,Ultimo ordine\nForlì,47121,2030-01-01\n"
    result = import_file(
        RawFile("c.csv", text.encode()), ImportContext(gazetteer=gaz, today=pd.Timestamp("2025-06-01").date())
    )
    assert any(w.key == "importers.warn.future_dates" for w in result.warnings)


def test_the_sniffers_recognise_content_not_file_names():
    shopify = SHOPIFY.read_bytes()
    assert customers.sniff_shopify(RawFile("woocommerce_customers.xlsx", shopify))
    assert not customers.sniff_woocommerce(RawFile("woocommerce_customers.csv", shopify))
    assert not customers.sniff_shopify(RawFile("customers_export.csv", WOOCOMMERCE.read_bytes()))


def _big_shopify_export(gaz, rows: int) -> bytes:
    """A Shopify export of ``rows`` customers spread over 3,000 real comuni (2% in no real place)."""
    pool = gaz.comuni().sample(3000, random_state=7)
    towns = [
        (name, prov, (caps or [""])[0])
        for name, prov, caps in zip(pool["name"], pool["province"], pool["caps"], strict=True)
    ]
    lines = ["Customer ID,Email,Default Address City,Default Address Province Code,Default Address Country Code,"
             "Default Address Zip,Total Spent,Total Orders,Accepts Email Marketing,Tax Exempt"]  # fmt: skip
    for i in range(rows):
        town, prov, cap = towns[i % len(towns)] if i % 50 else ("Nowhereville", "", "99999")
        lines.append(
            f"'{7_000_000_000_000 + i},c{i}@example.it,{town},{prov},IT,{cap},{i % 3000}.{i % 100:02d},{i % 20},no,no"
        )
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.perf
def test_100000_customers_are_imported_and_placed_within_5_seconds_of_cpu(gaz):
    data = _big_shopify_export(gaz, 100_000)
    started = time.process_time()
    result = import_file(RawFile("big.csv", data), ImportContext(gazetteer=gaz, salt="s"))
    cpu = time.process_time() - started
    assert len(result.frame) == 100_000
    assert len(result.unplaced) == 2_000 and result.summary()["placed"] >= 95_000
    assert cpu < 5.0


def test_ids_excel_shortened_without_an_email_fall_back_to_the_row_and_say_so(ctx):
    text = "Codice cliente;Città;CAP\n7,46555E+12;Forlì;47121\n7,46555E+12;Cesena;47521\n7227636590802;Cantù;22063\n"
    result = import_file(RawFile("c.csv", text.encode("cp1252")), ctx)
    assert len(result.frame) == 3 and result.frame["customer_id"].is_unique  # not merged into one customer
    assert any(w.key == "importers.warn.shortened_ids" and w.params == {"count": 2} for w in result.warnings)
