"""Where webhooks may go (`service.security.outbound`): https to public addresses, unless allowed.

No network: names are resolved by a stand-in for `outbound.resolve`, IP literals resolve to
themselves as they do in `getaddrinfo`.
"""

from __future__ import annotations

import ipaddress

import pytest

from service.security import outbound

NOT_PUBLIC = [
    "127.0.0.1",  # loopback
    "10.1.2.3",  # private
    "172.16.0.1",
    "192.168.1.10",
    "169.254.169.254",  # link-local: the cloud metadata service
    "100.64.0.1",  # shared (carrier-grade NAT)
    "0.0.0.0",  # unspecified
    "224.0.0.1",  # multicast (which Python counts as global)
    "240.0.0.1",  # reserved
    "192.0.2.1",  # documentation
    "::1",
    "fe80::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "2002:7f00:1::",  # 6to4 around 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 around 169.254.169.254
]
PUBLIC = ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_non_public_addresses_are_refused(address):
    assert not outbound.is_public(ipaddress.ip_address(address))
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(outbound.Refused, match="public address"):
        outbound.check_url(f"https://{host}/hook", allow_private=False)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address):
    assert outbound.is_public(ipaddress.ip_address(address))
    host = f"[{address}]" if ":" in address else address
    outbound.check_url(f"https://{host}/hook", allow_private=False)


@pytest.mark.parametrize(
    "url", ["ftp://x", "https://", "https:///path", "not a url", "https://a b/", "https://a..b/"]
)
def test_only_http_urls(url):
    with pytest.raises(outbound.Refused, match=r"http\(s\) URL"):
        outbound.check_url(url, allow_private=True)


def test_https_unless_allowed():
    with pytest.raises(outbound.Refused, match="https"):
        outbound.check_url("http://93.184.215.14/hook", allow_private=False)
    outbound.check_url("http://127.0.0.1:9/hook", allow_private=True)


def test_a_name_is_judged_by_every_address_it_resolves_to(monkeypatch):
    answers = {"mixed.example": ["93.184.215.14", "10.0.0.5"], "fine.example": ["93.184.215.14"]}

    def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError("no such name")
        return answers[host]

    monkeypatch.setattr(outbound, "resolve", resolve)
    with pytest.raises(outbound.Refused, match=r"10\.0\.0\.5"):
        outbound.check_url("https://mixed.example/hook", allow_private=False)
    outbound.check_url("https://fine.example/hook", allow_private=False)
    outbound.check_url("https://later.example/hook", allow_private=False)  # not resolvable yet: passes
    with pytest.raises(OSError):
        outbound.pin("https://later.example/hook", allow_private=False)  # ... but no delivery goes there
    assert outbound.pin("https://fine.example:8443/hook", False) == outbound.Target(
        "fine.example", "93.184.215.14"
    )
    assert outbound.pin("http://localhost/hook", True) == outbound.Target("localhost", None)
