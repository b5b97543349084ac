"""Serve the synthetic site over HTTP with the standard library, logging every path requested.

The request log is how tests prove a crawler never touched a page robots.txt disallows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from crawler.site import pages
from crawler.site.catalogue import Catalogue, build_catalogue


class SiteServer(ThreadingHTTPServer):
    """An HTTP server that holds the catalogue and a thread-safe log of requested paths."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], catalogue: Catalogue | None = None) -> None:
        super().__init__(address, SiteHandler)
        self.catalogue = catalogue or build_catalogue()
        self.requests: list[str] = []
        self._lock = threading.Lock()

    def log_path(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def requested(self) -> list[str]:
        with self._lock:
            return list(self.requests)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class SiteHandler(BaseHTTPRequestHandler):
    server: SiteServer
    server_version = "BalizaSyntheticSite/1.0"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log is kept in memory, not printed."""

    def do_GET(self) -> None:
        self.server.log_path(self.path)
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        try:
            page = int(query.get("page", ["1"])[0])
        except ValueError:
            page = 0
        origin = f"http://{self.headers.get('Host') or self.server.url.removeprefix('http://')}"
        catalogue = self.server.catalogue
        segments = [s for s in parts.path.split("/") if s]
        body: str | None = None
        content_type = "text/html; charset=utf-8"
        if parts.path == "/robots.txt":
            body, content_type = pages.ROBOTS, "text/plain; charset=utf-8"
        elif not segments:
            body = pages.home(catalogue)
        elif segments == ["ads"]:
            body = pages.listing(catalogue, page, origin)
        elif len(segments) == 2 and segments[0] == "c" and segments[1] in catalogue.categories:
            body = pages.listing(catalogue, page, origin, category=segments[1])
        elif len(segments) == 2 and segments[0] == "ad" and segments[1] in catalogue.by_id:
            body = pages.detail(catalogue.by_id[segments[1]])
        elif len(segments) == 3 and segments[:2] == ["private", "ad"]:
            private = {ad.ad_id: ad for ad in catalogue.private}
            if segments[2] in private:
                body = pages.detail(private[segments[2]])
        self._send(body, content_type)

    def _send(self, body: str | None, content_type: str) -> None:
        status = HTTPStatus.OK if body is not None else HTTPStatus.NOT_FOUND
        data = (body if body is not None else "<h1>404</h1>").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def start_in_thread(host: str = "127.0.0.1", port: int = 0) -> tuple[SiteServer, threading.Thread]:
    """Start the site in a background thread (port 0 picks a free port); stop with `stop(server)`."""
    server = SiteServer((host, port))
    thread = threading.Thread(target=server.serve_forever, name="baliza-site", daemon=True)
    thread.start()
    return server, thread


def stop(server: SiteServer) -> None:
    server.shutdown()
    server.server_close()


def serve(host: str, port: int, ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted (blocking); `ready` hears the URL once the port is bound.

    No default port: the caller passes it (`baliza site`: the port of BALIZA_SITE_URL).
    """
    server = SiteServer((host, port))
    if ready is not None:
        ready(server.url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
