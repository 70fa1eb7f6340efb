"""Take the README's screenshots of the chat in real Chromium.

    .venv/bin/python scripts/screenshots.py [LANG ...]     (default: en)

Serves the app on a throwaway SQLite database on 127.0.0.1, answers the first
steps of the healthcare survey and saves docs/chat-<lang>.png.
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_COMMENTS = {
    "en": "The nurse listened to me and sorted my tablets the same day.",
    "pl": "Pielęgniarka mnie wysłuchała i tego samego dnia załatwiła mi leki.",
    "ar": "الممرضة سمعتني ورتبت أدويتي في نفس اليوم.",
}
sys.path.insert(0, str(ROOT))


def main(languages: list[str]) -> None:
    from flask_migrate import upgrade

    from bot import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/shots.db", "SECRET_KEY": "shots"})
        with app.app_context():
            upgrade()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for language in languages:
                page = browser.new_page(viewport={"width": 1100, "height": 1000}, base_url=base)
                page.goto("/")
                if language != "en":
                    page.locator(f"button[name=lang][value={language}]").click()
                page.locator("button[name=survey][value=healthcare_experience]").click()
                page.locator("#reply button[name=value]").first.click()
                page.locator("#reply .scale button[name=value]").nth(1).click()
                page.locator("#reply textarea").wait_for()
                page.locator("#reply textarea").fill(
                    SAMPLE_COMMENTS.get(language, ""))
                out = ROOT / "docs" / f"chat-{language}.png"
                page.screenshot(path=str(out))
                print(f"saved {out.relative_to(ROOT)}")
                page.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:] or ["en"])
