"""The login form is protected against login CSRF, and it never tells which accounts exist.

A cross-site page can post a form to /login, but it cannot make the browser send the login page's
`SameSite=Strict` cookie, nor compute the form's field (an HMAC of that cookie under the secret
key). Without both, no session is made, whatever the password. A refused login shows one message,
whether the name is unknown, the password wrong or the account locked.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from service.db.models import AuditEvent
from service.review import accounts
from service.security.csrf import LOGIN_COOKIE, csrf_token, login_token
from tests.service.api.conftest import PASSWORD
from tests.service.api.helpers import form_login


def field(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def logins(service, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    with service.state.sessions() as session:
        return list(
            session.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.actor == f"user:{name}", AuditEvent.action == "login"
                )
            )
        )


def test_the_login_page_sets_a_strict_cookie_and_its_field(service):
    page = service.client.get("/login")
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"{LOGIN_COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/login" in cookie
    nonce = service.client.cookies[LOGIN_COOKIE]
    assert field(page.text) == login_token(service.state.secret_key, nonce)
    again = service.client.get("/login")  # a second tab: same nonce, so both forms work
    assert service.client.cookies[LOGIN_COOKIE] == nonce and field(again.text) == field(page.text)


def test_a_cross_site_form_logs_nobody_in(service):
    service.user("analyst", name="mallory")
    form = {"username": "mallory", "password": PASSWORD}
    service.client.cookies.clear()
    forged = service.client.post("/login", data=form, follow_redirects=False)  # no cookie, no field
    assert forged.status_code == 403 and "This login form has expired" in forged.text
    assert "baliza_session" not in service.client.cookies

    service.client.get("/login")  # the victim's own cookie, but the attacker's guess of the field
    for guess in ("", "0" * 40, csrf_token(service.state.secret_key, service.client.cookies[LOGIN_COOKIE])):
        refused = service.client.post("/login", data={**form, "csrf": guess}, follow_redirects=False)
        assert refused.status_code == 403 and "baliza_session" not in service.client.cookies

    other = login_token(service.state.secret_key, "a-nonce-from-another-browser")
    service.client.cookies.clear()
    service.client.get("/login")
    refused = service.client.post("/login", data={**form, "csrf": other}, follow_redirects=False)
    assert refused.status_code == 403
    assert logins(service, "mallory") == ["login"]  # the fixture's own API login, no other


def test_the_real_form_logs_in(service):
    service.user("analyst", name="ana")
    response = form_login(service.client, "ana", PASSWORD, follow_redirects=False)
    assert response.status_code == 303 and service.client.cookies["baliza_session"]


def test_unknown_wrong_and_locked_look_the_same(service):
    service.user("analyst", name="ana")
    client = service.client
    client.cookies.clear()
    unknown = form_login(client, "nobody", "not the password")
    wrong = form_login(client, "ana", "not the password")
    for _ in range(accounts.MAX_FAILURES - 1):
        form_login(client, "ana", "not the password")
    locked = form_login(client, "ana", PASSWORD)  # the right password, on a locked account
    message = re.compile(r'<p class="error" role="alert">(.*?)</p>', re.S)
    answers = {(r.status_code, message.search(r.text).group(1)) for r in (unknown, wrong, locked)}  # type: ignore[union-attr]
    assert len(answers) == 1 and answers.pop()[0] == 401
