"""Where the service may send a request of its own: partners' webhooks, https to public addresses.

A webhook URL is chosen by whoever holds an admin account or the CLI, and the service posts to it
from inside the deployment, so an unchecked URL reaches what only the server can reach: the cloud
metadata service (169.254.169.254), the database, an admin port on loopback (SSRF). So:

- the scheme is `https` (a takedown notice names an item and a report id);
- every address the host resolves to is public: not loopback, private, link-local, shared (CGN),
  multicast, reserved or unspecified, also when one is wrapped in IPv6 (mapped, 6to4, Teredo, NAT64);
- it is checked when the key is created (a name that does not resolve yet passes: its delivery
  will be checked) and again at each delivery, because DNS may change in between. A delivery
  connects to the address it checked (`pin`), so a name cannot resolve to a public address for the
  check and to a private one for the connection.

`BALIZA_WEBHOOK_ALLOW_PRIVATE=true` lifts both rules, for development and tests on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64 = ipaddress.ip_network("64:ff9b::/96")
ALLOW_SETTING = "BALIZA_WEBHOOK_ALLOW_PRIVATE=true"
DEFAULT_PORTS = {"https": 443, "http": 80}


class Refused(Exception):
    """The URL may not be a webhook; the message says why, in words an admin can act on."""


@dataclass(frozen=True)
class Target:
    """Where one delivery connects: `address`, checked, for `host`, which still names the server in
    the `Host` header and for TLS (SNI and the certificate check). No address: as the URL says."""

    host: str
    address: str | None


def is_public(ip: IPAddress) -> bool:
    """True for an address anyone on the internet can reach, and only then."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public(embedded)
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _parts(url: str, allow_private: bool) -> tuple[str, int]:
    """(host, port) of a URL the rules allow in form; raises `Refused`."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        raise Refused("must be an http(s) URL") from None
    if parts.scheme not in DEFAULT_PORTS or not host or any(c.isspace() for c in url):
        raise Refused("must be an http(s) URL")
    try:
        host.encode("idna")  # what resolving needs: labels of 1 to 63 characters
    except UnicodeError:
        raise Refused("must be an http(s) URL with a valid host name") from None
    if parts.scheme != "https" and not allow_private:
        raise Refused(f"must be an https URL (plain http needs {ALLOW_SETTING})")
    return host, port or DEFAULT_PORTS[parts.scheme]


def _checked(host: str, addresses: list[str]) -> list[str]:
    for address in addresses:
        if not is_public(ipaddress.ip_address(address.split("%", 1)[0])):
            raise Refused(
                f"must point at a public address; {host} is {address} (allowed with {ALLOW_SETTING})"
            )
    return addresses


def check_url(url: str, allow_private: bool) -> None:
    """At key creation: refuse a URL whose form or current addresses break the rules."""
    host, port = _parts(url, allow_private)
    if allow_private:
        return
    try:
        addresses = resolve(host, port)
    except OSError:
        return  # not resolvable now; every delivery resolves and checks again
    _checked(host, addresses)


def pin(url: str, allow_private: bool) -> Target:
    """At delivery: resolve now, check every address, and connect to the first one.

    Raises `Refused` when the rules say no and `OSError` when the host does not resolve.
    """
    host, port = _parts(url, allow_private)
    if allow_private:
        return Target(host=host, address=None)
    return Target(host=host, address=_checked(host, resolve(host, port))[0])
