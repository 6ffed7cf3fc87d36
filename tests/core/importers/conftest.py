"""Shared by the importer tests: the fixture files and the (cached) gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import geocode
from core.importers import ImportContext, RawFile

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
SHOPIFY = EXPORTS / "shopify" / "customers_export.csv"
SHOPIFY_RESAVED = EXPORTS / "shopify" / "customers_export_resaved_Excel_IT_cp1252.csv"
SHOPIFY_2021 = EXPORTS / "shopify" / "customers_export_pre2022.csv"
WOOCOMMERCE = EXPORTS / "woocommerce" / "customers_report.csv"
PASSWORD_XLSX = EXPORTS / "broken" / "password_protected.xlsx"


def raw(path: Path, name: str | None = None) -> RawFile:
    return RawFile(name or path.name, path.read_bytes())


@pytest.fixture(scope="session")
def gaz() -> geocode.Gazetteer:
    return geocode.load_gazetteer()


@pytest.fixture(scope="session")
def ctx(gaz: geocode.Gazetteer) -> ImportContext:
    return ImportContext(gazetteer=gaz, salt="plan-42")
