"""Start-up warming: ``streamlit run serve.py`` runs every page before the first request, then freezes the heap.

How fast the first visit is afterwards is measured by ``python -m bench.first_visit``, never asserted here.
"""

from __future__ import annotations

import asyncio
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa

from bench import servers
from bench.load_client import Tab
from core.plan import path
from core.plan import store as store_mod
from tests.conftest import ROOT


def test_the_served_app_runs_every_page_in_both_languages_before_it_answers_and_keeps_no_plan(tmp_path: Path):
    env = {"ROTTA_DATA_DIR": str(tmp_path), "ROTTA_CACHE_DIR": str(servers.cache_dir_default())}
    server = servers.Server(ROOT / "serve.py", tmp_path / "server.log", env)
    try:
        log = (tmp_path / "server.log").read_text(encoding="utf-8")  # healthy: the warming has finished
        # the map component imported by the warming (outside any page run) is served: maps are not blank
        with urllib.request.urlopen(f"{server.url}/component/streamlit_folium.st_folium/index.html") as answer:
            component_status = answer.status

        async def business_page() -> list[str]:
            tab = Tab(server.url, "/business", "lang=it")
            try:
                run = await tab.open(timeout=60)
                return [w.key for w in run.widgets] + run.exceptions
            finally:
                await tab.close()

        with ThreadPoolExecutor(1) as own_loop:  # a thread of its own: a browser test's loop may be running here
            seen = own_loop.submit(asyncio.run, business_page()).result()
    finally:
        server.stop()
    summary = re.search(r"rotta warm: (\d+) modules, (\d+) page runs, (\d+) objects frozen, [\d.]+ s; (.*)", log)
    assert summary, log[-2000:]
    pages = len(path.available(["app.py"] + [f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")]))
    assert int(summary.group(2)) == 2 * pages  # every step of the path, Italian and English
    assert int(summary.group(1)) > 50 and int(summary.group(3)) > 100_000
    assert summary.group(4) == "no errors"
    engine = store_mod.make_engine(store_mod.default_url(tmp_path))
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from plans")).scalar() == 0  # the warming's plan is deleted
    engine.dispose()
    assert "lang_switch" in seen  # and the app itself answers as before
    assert component_status == 200
