"""The local synthetic classifieds site: the demo source and the crawler's test bed."""

from crawler.site.catalogue import Catalogue, SiteAd, build_catalogue
from crawler.site.server import SiteServer, serve, start_in_thread, stop

__all__ = ["Catalogue", "SiteAd", "SiteServer", "build_catalogue", "serve", "start_in_thread", "stop"]
