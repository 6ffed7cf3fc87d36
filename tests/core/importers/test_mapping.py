"""Guessing which column holds what from Italian or English headers, and applying a confirmed mapping."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from core.importers import FIELDS, ImportContext, ImportProblem, RawFile, apply_mapping, guess_mapping, import_file


def _only(**chosen: str) -> dict[str, str | None]:
    return {field: chosen.get(field) for field in FIELDS}


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            ["Cliente", "Email", "Comune", "CAP", "Provincia", "Nazione", "Totale speso", "Ordini", "Primo ordine",
             "Ultimo ordine"],
            _only(email="Email", town="Comune", postcode="CAP", province="Provincia", country="Nazione",
                  revenue="Totale speso", orders="Ordini", first_order="Primo ordine", last_order="Ultimo ordine"),
        ),
        (
            ["Codice cliente", "Indirizzo", "Città", "C.A.P.", "Prov.", "Paese", "Spesa totale", "Numero ordini",
             "Data primo ordine", "Data ultimo ordine"],
            _only(source_id="Codice cliente", town="Città", postcode="C.A.P.", province="Prov.", country="Paese",
                  revenue="Spesa totale", orders="Numero ordini", first_order="Data primo ordine",
                  last_order="Data ultimo ordine"),
        ),
        (
            ["Customer ID", "E-mail", "Address", "City", "Zip", "State", "Country", "Total Spent", "Orders",
             "First order", "Last order"],
            _only(source_id="Customer ID", email="E-mail", town="City", postcode="Zip", province="State",
                  country="Country", revenue="Total Spent", orders="Orders", first_order="First order",
                  last_order="Last order"),
        ),
        (
            ["Name", "Username", "Last active", "Date registered", "Email", "Orders", "Total spend", "AOV",
             "Country / Region", "City", "Region", "Postal code"],
            _only(source_id="Username", email="Email", town="City", postcode="Postal code", province="Region",
                  country="Country / Region", revenue="Total spend", orders="Orders", last_order="Last active"),
        ),
        (
            ["First Name", "Email", "Company", "Address1", "City", "Province", "Province Code", "Country",
             "Country Code", "Zip", "Total Spent", "Total Orders"],
            _only(email="Email", town="City", postcode="Zip", province="Province Code", country="Country Code",
                  revenue="Total Spent", orders="Total Orders"),
        ),
        (
            ["Città", "Valore medio ordine", "Totale ordini", "Accepts Email Marketing", "Stato ordine"],
            _only(town="Città", orders="Totale ordini"),
        ),
        (
            ["Località", "Codice postale", "Fatturato"],
            _only(town="Località", postcode="Codice postale", revenue="Fatturato"),
        ),
        (["foo", "bar"], _only()),
    ],
    ids=["italian", "italian_variants", "english", "woocommerce", "shopify_2021", "traps", "synonyms", "nothing"],
)  # fmt: skip
def test_the_mapping_is_guessed_from_italian_and_english_headers(columns, expected):
    assert guess_mapping(columns) == expected


def test_apply_mapping_renames_the_chosen_columns_and_keeps_the_row_numbers():
    frame = pd.DataFrame({"Comune": ["Forlì"], "CAP": ["47121"], "Nome": ["Mario"]}, index=[2])
    got = apply_mapping(frame, {"town": "Comune", "postcode": "CAP", "email": None})
    assert got.to_dict("index") == {2: {"town": "Forlì", "postcode": "47121"}}


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"town": "Città?"}, "importers.err.mapping_column"),
        ({"orders": "Ordini"}, "importers.err.mapping_no_place"),
        ({"town": "Comune", "nickname": "Nome"}, "importers.err.mapping_field"),
    ],
)
def test_a_mapping_that_does_not_fit_the_file_is_refused_with_a_reason(mapping, key):
    frame = pd.DataFrame({"Comune": ["Forlì"], "Ordini": ["3"], "Nome": ["Mario"]})
    with pytest.raises(ImportProblem) as caught:
        apply_mapping(frame, mapping)
    assert caught.value.message.key == key


def test_a_confirmed_mapping_overrides_the_guess_and_the_format(ctx):
    text = "Sede;Luogo;Quanto;Volte\nBologna;Forlì;10,50;2\nBologna;Cesena;5,00;1\n"
    data = RawFile("strano.csv", text.encode("cp1252"))
    with pytest.raises(ImportProblem) as caught:  # "Luogo" and "Quanto" mean nothing to the guesser
        import_file(data, ctx)
    assert caught.value.message.key == "importers.err.unknown_format"
    assert caught.value.message.params["columns"] == "'Sede', 'Luogo', 'Quanto', 'Volte'"
    chosen = ImportContext(
        gazetteer=ctx.gazetteer, salt=ctx.salt, mapping={"town": "Luogo", "revenue": "Quanto", "orders": "Volte"}
    )
    result = import_file(data, chosen)
    assert result.platform == "generic"
    assert result.frame["town"].tolist() == ["Forlì", "Cesena"]
    assert result.frame["revenue"].tolist() == [10.5, 5.0]
    assert result.frame["orders"].tolist() == [2, 1]
    assert "importers.warn.mapping_guessed" not in [w.key for w in result.warnings]


def test_a_guessed_mapping_is_used_but_flagged_for_confirmation(ctx):
    text = "Cliente;Comune;CAP;Totale speso;Ordini;Primo ordine\nRossi;Forlì;47121;1.020,50;3;03/04/2024\n"
    result = import_file(RawFile("x.csv", text.encode("cp1252")), ctx)
    assert result.platform == "generic"
    assert result.frame.loc[0, ["town", "postcode", "revenue", "orders"]].tolist() == ["Forlì", "47121", 1020.5, 3]
    assert result.frame.loc[0, "first_order"].strftime("%Y-%m-%d") == "2024-04-03"
    guess = next(w for w in result.warnings if w.key == "importers.warn.mapping_guessed")
    assert guess.render("it") == (
        "Colonne riconosciute in automatico: 'Comune' → Città / comune, 'CAP' → CAP, 'Ordini' → Numero di ordini, "
        "'Totale speso' → Totale speso, 'Primo ordine' → Primo ordine. Controlla che siano giuste."
    )
    assert guess.render("en") == (
        "Columns recognised automatically: 'Comune' → Town / city, 'CAP' → Postcode, 'Ordini' → Number of orders, "
        "'Totale speso' → Total spent, 'Primo ordine' → First order. Check that they are right."
    )


INTERNAL = ("source_id", "first_order", "last_order", "-> town", "-> revenue", "-> postcode", "customer_id")


@pytest.mark.parametrize(
    "text",
    [
        "Codice cliente;Città;CAP;Totale;Ultimo ordine\nA1;Forlì;47121;10;31/02/2024\nA2;Atlantide;1;x;01/01/2099\n",
        "Customer ID,Town,Revenue,Country\n1,Forlì,3,Narnia\n2,Cesena,4,IT\n",
    ],
)
def test_import_warnings_say_the_users_columns_and_words_never_the_internal_field_names(ctx, text):
    import datetime as dt

    result = import_file(RawFile("x.csv", text.encode()), dataclasses.replace(ctx, today=dt.date(2026, 12, 7)))
    assert len(result.warnings) >= 2
    for warning in result.warnings:
        for lang in ("it", "en"):
            said = warning.render(lang)
            assert not [word for word in INTERNAL if word in said], said


def test_the_check_for_internal_names_would_catch_the_old_wording():
    old = "Columns recognised automatically: 'Città' -> town, 'Codice' -> source_id."
    assert [word for word in INTERNAL if word in old] == ["source_id", "-> town"]
