"""``python -m core.importers``: JSON lines, exit codes, and bounded memory on hostile files."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import gazetteer
from core.importers.__main__ import main, period
from tests.core.importers import hostile
from tests.core.importers.conftest import PASSWORD_XLSX, SHOPIFY, SHOPIFY_RESAVED, WOOCOMMERCE

ROOT = Path(__file__).resolve().parents[3]


# The command as ``python -m core.importers`` runs it, with the gazetteer's cache pointed at the test run's
# shared one (the command itself uses the repository's ``data/cache``, which tests must not write).
CLI = (
    "import runpy, sys\n"
    "from pathlib import Path\n"
    "from core import gazetteer\n"
    "gazetteer.DEFAULT_CACHE_DIR = Path(sys.argv.pop(1))\n"
    "runpy.run_module('core.importers', run_name='__main__', alter_sys=True)\n"
)


def _cli(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", CLI, str(gazetteer.DEFAULT_CACHE_DIR), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.subprocess
def test_the_cli_prints_one_json_object_per_file_and_exits_0():
    done = _cli("--salt", "plan-1", str(SHOPIFY), str(SHOPIFY_RESAVED), str(WOOCOMMERCE))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(SHOPIFY), str(SHOPIFY_RESAVED), str(WOOCOMMERCE)]
    first = lines[0]
    assert first == {
        "file": str(SHOPIFY),
        "platform": "shopify",
        "kind": "customers",
        "rows": 40,
        "placed": 40,
        "totals": {"orders": 253, "revenue": 34060.93},
        "unplaced": 0,
        "warnings": [],
    }
    assert lines[1]["totals"] == first["totals"]
    assert "Row 44 ('TOTALE'): a totals row, not a customer; not imported." in lines[1]["warnings"]
    assert (lines[2]["platform"], lines[2]["totals"]) == ("woocommerce", {"orders": 21, "revenue": 1783.5})


@pytest.mark.subprocess
def test_a_file_it_cannot_read_gives_an_error_line_and_exit_2_after_all_files(tmp_path):
    empty = tmp_path / "vuoto.csv"
    empty.write_bytes(b"")
    done = _cli("--no-geocode", str(empty), str(PASSWORD_XLSX), str(tmp_path / "missing.csv"), str(SHOPIFY))
    assert done.returncode == 2
    assert done.stderr == ""
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0] == {"file": str(empty), "error": f"The file {empty} is empty: it has no rows to import."}
    assert "password-protected" in lines[1]["error"]
    assert "cannot be opened" in lines[2]["error"]
    assert lines[3]["platform"] == "shopify" and lines[3]["placed"] == 0


@pytest.mark.subprocess
def test_hostile_files_are_answered_within_300_mb(tmp_path):
    files = {
        "laughs.xlsx": hostile.billion_laughs_xlsx(),
        "rows.xlsx": hostile.many_rows_xlsx(dimension=False),
        "far.xlsx": hostile.far_cells_xlsx(),
        "cell.csv": hostile.long_cell_csv(),
        "wide.csv": hostile.wide_csv(),
        "tall.csv": hostile.tall_csv(),
        "image.csv": hostile.PNG,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    # The peak is read inside the child: a forked child's ru_maxrss also counts the pytest process it
    # was forked from, while /proc/self/status's VmHWM starts afresh at exec.
    script = (
        "import re, sys\n"
        "from core.importers.__main__ import main\n"
        "status = main(sys.argv[1:])\n"
        "peak = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())[1]\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    command = [sys.executable, "-c", script, "--no-geocode", *(str(tmp_path / n) for n in files)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 2
    assert all("error" in line for line in lines) and len(lines) == len(files)
    peak_mb = int(done.stderr.split()[-1]) / 1024
    assert peak_mb < 300, f"peak {peak_mb:.0f} MB"


GBP_ITALIAN = ROOT / "tests" / "fixtures" / "exports" / "google_business_profile" / "rapporto_prestazioni_it.csv"


def test_a_report_that_does_not_state_its_period_is_imported_with_period(capsys):
    assert main(["--no-geocode", "--period", "2026-01-01..2026-01-31", str(GBP_ITALIAN)]) == 0
    (line,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (line["platform"], line["rows"]) == ("google_business", 2)
    assert (line["first"], line["last"]) == ("2026-01-01", "2026-01-01")
    assert line["totals"] == {"views": 465, "clicks": 24, "calls": 10, "directions": 15}


def test_without_period_the_error_line_says_how_to_give_it(capsys):
    assert main(["--no-geocode", str(GBP_ITALIAN)]) == 2
    (line,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "Give the period" in line["error"] and "_YYYY-MM-DD_YYYY-MM-DD.csv" in line["error"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-01..2026-01-31", (dt.date(2026, 1, 1), dt.date(2026, 1, 31))),
        ("2026-02-01..2026-02-01", (dt.date(2026, 2, 1), dt.date(2026, 2, 1))),
        ("2026-01-31..2026-01-01", None),  # ends before it starts
        ("2026-01-01", None),
        ("01/01/2026..31/01/2026", None),
        ("2026-01-01...2026-01-31", None),
    ],
)
def test_the_period_option_reads_first_dot_dot_last(text, expected):
    if expected is None:
        with pytest.raises(argparse.ArgumentTypeError, match="not a period like 2026-01-01..2026-01-31"):
            period(text)
    else:
        assert period(text) == expected


def test_a_bad_period_stops_the_command_before_any_file(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--period", "January", str(GBP_ITALIAN)])
    assert stopped.value.code == 2
    assert "not a period like" in capsys.readouterr().err


@pytest.mark.subprocess
def test_files_given_together_are_one_upload_and_a_year_can_be_given_for_dates_without_one(tmp_path):
    exports = ROOT / "tests" / "fixtures" / "exports" / "tiktok"
    alone = _cli("--no-geocode", str(exports / "Overview.csv"))
    assert alone.returncode == 2 and "say which year the last day, 'January 2', is in" in alone.stdout
    given = json.loads(_cli("--no-geocode", "--year", "2024", str(exports / "Overview.csv")).stdout)
    assert (given["first"], given["last"]) == ("2023-12-30", "2024-01-02")
    together = [json.loads(line) for line in _cli("--no-geocode", *map(str, exports.glob("*.csv"))).stdout.splitlines()]
    assert all("error" not in line for line in together)
