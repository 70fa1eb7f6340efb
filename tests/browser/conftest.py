"""A live server and real headless Chromium (Debian's), driven by Playwright.

Playwright cannot download its own browsers here, so it is pointed at the
system Chromium.  Every request a page makes is checked: anything not bound
for the test server fails the test, because kiosks have no internet.
"""
from __future__ import annotations

import logging
import os
import shutil
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KIOSK_QUERY = "?site=hmp-test&unit=womens-a&kiosk=k9"


@pytest.fixture(scope="session")
def live_server(app):
    """The app served over HTTP on a free local port, in a background thread."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: run `make test` (it installs it) or `apt-get install chromium`.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open_page(browser, live_server, javascript: bool):
    context = browser.new_context(java_script_enabled=javascript, base_url=live_server,
                                  viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page, outside


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def any_page(request, browser, live_server):
    """A fresh browser page, once with JavaScript on and once with it off."""
    context, page, outside = _open_page(browser, live_server, request.param)
    page.javascript = request.param
    yield page
    context.close()
    assert not outside, f"requests left the machine: {outside}"


@pytest.fixture
def js_page(browser, live_server):
    """A fresh browser page with JavaScript on."""
    context, page, outside = _open_page(browser, live_server, True)
    page.javascript = True
    yield page
    context.close()
    assert not outside, f"requests left the machine: {outside}"
