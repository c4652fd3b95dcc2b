"""The bundled offline demo news site: a deterministic WordPress look-alike.

It is the crawl target of the tests and benchmarks, so it reproduces what real
WordPress news sites serve (two theme markups, threaded and paged comments,
feeds, sitemaps, robots.txt, redirects, a windows-1252 section).

    site = build_site(articles=60, seed=1)
    truth = site.ground_truth()
    with DemoServer(site) as srv:
        ...  # fetch srv.url
"""

from demosite.model import Site, build_site
from demosite.server import DemoServer, run, serve

__all__ = ["DemoServer", "Site", "build_site", "run", "serve"]
