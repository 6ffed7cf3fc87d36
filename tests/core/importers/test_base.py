"""The shared shapes: ImportResult.summary for both kinds, ImportProblem carrying its Message."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers import ImportProblem, ImportResult
from core.schema import ACTIVITY_COLUMNS, CUSTOMER_COLUMNS


def test_an_activity_summary_gives_first_and_last_day_and_totals_of_the_metrics_present():
    frame = pd.DataFrame({c: np.nan for c in ACTIVITY_COLUMNS}, index=range(3))
    frame["when"] = pd.to_datetime(["2025-01-31 23:30", "2025-01-01 08:00", "2025-01-15 12:00"]).tz_localize(
        "Europe/Rome"
    )
    frame["views"] = [100.0, 50.0, np.nan]
    frame["reach"] = [10.5, 0.0, 1.0]
    result = ImportResult("posts.csv", "facebook", "activity", frame, (Message("importers.warn.no_revenue", {}),))
    assert result.summary() == {
        "file": "posts.csv",
        "platform": "facebook",
        "kind": "activity",
        "rows": 3,
        "first": "2025-01-01",
        "last": "2025-01-31",
        "totals": {"views": 150, "reach": 11.5},
        "warnings": ["No column with the customers' spend: revenue is not available."],
    }


def test_the_activity_summary_totals_the_action_metrics_and_skips_columns_a_stored_table_lacks():
    old_columns = [c for c in ACTIVITY_COLUMNS if c not in ("follows", "profile_visits", "calls", "directions")]
    frame = pd.DataFrame({c: np.nan for c in old_columns}, index=range(2))
    frame["when"] = pd.to_datetime(["2025-08-01", "2025-08-02"]).tz_localize("Europe/Rome")
    frame["views"] = [10.0, 20.0]
    assert ImportResult("old.csv", "google_business", "activity", frame).summary()["totals"] == {"views": 30}
    frame["calls"] = [3.0, 4.0]
    frame["directions"] = [0.0, np.nan]
    totals = ImportResult("new.csv", "google_business", "activity", frame).summary()["totals"]
    assert totals == {"views": 30, "calls": 7, "directions": 0}


def test_an_empty_activity_summary_has_no_dates():
    frame = pd.DataFrame({c: pd.Series(dtype=float) for c in ACTIVITY_COLUMNS})
    frame["when"] = pd.Series(dtype="datetime64[ns, Europe/Rome]")
    summary = ImportResult("x", "x", "activity", frame).summary()
    assert (summary["rows"], summary["first"], summary["last"], summary["totals"]) == (0, None, None, {})


def test_a_customer_summary_counts_placed_rows_and_adds_up_orders_and_revenue():
    frame = pd.DataFrame({c: ["", ""] for c in CUSTOMER_COLUMNS})
    frame["orders"] = [2, 3]
    frame["revenue"] = [10.25, np.nan]
    frame["place_status"] = ["placed", "ambiguous"]
    unplaced = pd.DataFrame({"row": [3]})
    summary = ImportResult("c.csv", "generic", "customers", frame, unplaced=unplaced).summary()
    assert (summary["placed"], summary["unplaced"], summary["totals"]) == (1, 1, {"orders": 5, "revenue": 10.25})


def test_an_import_problem_reads_in_english_and_keeps_its_message():
    problem = ImportProblem(Message("importers.err.empty", {"file": "a.csv"}))
    assert str(problem) == "The file a.csv is empty: it has no rows to import."
    assert problem.message.render("it") == "Il file a.csv è vuoto: non contiene righe da importare."
