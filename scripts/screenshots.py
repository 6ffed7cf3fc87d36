"""Take screenshots of every page in both languages on a sample plan: `python scripts/screenshots.py [OUT_DIR]`.

Starts its own server (like the browser tests), loads the forno sample, and writes PNGs (default:
docs/screenshots/). Used for the README and for looking at the app as a new user would.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from core import i18n  # noqa: E402
from core.plan import path  # noqa: E402
from tests.browser.conftest import CHROMIUM, Server, wait_ready  # noqa: E402
from ui.resources import existing_scripts  # noqa: E402


def main(out: Path, slug: str = "forno", width: int = 1400, only: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = Server(Path(tempfile.mkdtemp(prefix="rotta-shots-")))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            ctx = browser.new_context(viewport={"width": width, "height": 1000})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server.url) else r.abort())
            page = ctx.new_page()
            page.goto(f"{server.url}/?lang=it")
            wait_ready(page)
            from core import samples

            page.get_by_role("button", name=i18n.t("it", "frame.load_sample")).nth(samples.SLUGS.index(slug)).click()
            page.wait_for_url(re.compile(r"plan="))
            wait_ready(page)
            token = re.search(r"plan=([\w-]+)", page.url).group(1)
            for step in path.available(existing_scripts()):
                if only and step.id != only:
                    continue
                route = "" if step.script == "app.py" else Path(step.script).stem
                for lang in ("it", "en"):
                    page.goto(f"{server.url}/{route}?plan={token}&lang={lang}")
                    wait_ready(page)
                    page.wait_for_timeout(2500)  # let maps and charts paint for the picture (not a test)
                    page.screenshot(path=str(out / f"{step.id}-{lang}.png"), full_page=True)
                    print(out / f"{step.id}-{lang}.png")
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots",
        only=sys.argv[2] if len(sys.argv) > 2 else "",
    )
