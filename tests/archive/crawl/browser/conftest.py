"""Fixtures of the browser-stage tests: Chromium, Playwright, a real Isso server.

Each skips with the reason when its part is missing, except under CI=true,
where a missing part fails the test (CI installs them: .ci/run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.crawl.browser.pool import CHROMIUM as _CHROMIUM
from tests.archive.crawl.browser.isso import IssoServer, IssoSite, isso_executable, post_threads
from tests.parts import need

CHROMIUM = Path(_CHROMIUM)


@pytest.fixture(scope="session")
def chromium() -> Path:
    need(CHROMIUM.exists(), "needs /usr/bin/chromium (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        need(False, "needs the playwright package (pip install playwright)")
    return CHROMIUM


@pytest.fixture(scope="session")
def isso_site(tmp_path_factory) -> Iterator[tuple[IssoSite, IssoServer, dict]]:
    """The Isso test site on 127.0.0.1 and Isso on 127.0.0.2 with threads posted;
    the third item is Isso's own listing of each page's thread (the truth)."""
    exe = isso_executable()
    need(exe is not None, "needs Isso: `make isso` (a venv of its own in .cache/isso)")
    site = IssoSite().start()
    isso = None
    try:
        isso = IssoServer(exe, tmp_path_factory.mktemp("isso"), site.url)
        site.isso_url = isso.url
        truth = post_threads(isso)
        yield site, isso, truth
    finally:
        if isso is not None:
            isso.stop()
        site.stop()


SCRIPTED_ARTICLES, SCRIPTED_SEED = 24, 7


@pytest.fixture(scope="session")
def scripted_demo():
    """The demo site with its script-loaded threads (127.0.0.1) and the
    providers' origin (127.0.0.3); yields (site, main server, provider server)."""
    from demosite import build_site
    from demosite.provider import serve_scripted

    site = build_site(articles=SCRIPTED_ARTICLES, seed=SCRIPTED_SEED, scripted=True)
    with serve_scripted(site) as (main, provider):
        yield site, main, provider
