"""The SSO login from start to logout, against a provider faked at the HTTP calls.

The ID tokens are really signed (RSA) and checked against the fake's JWKS, so
these tests cover the checks of the token; the end-to-end test with a real
provider and a browser is tests/beheer/test_sso_browser.py.
"""

import base64
import hashlib
import json
import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from axes.models import AccessAttempt
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from jwt.algorithms import RSAAlgorithm

from beheer import groups
from beheer.models import OrganisationSettings
from beheer.sso import provider
from tests.beheer.makers import days, person
from tests.personas import PASSWORD

ISSUER_ORIGIN = "https://idp.example.org"
ISSUER = ISSUER_ORIGIN + "/realms/beheer"
CLIENT_ID = "beheerorganisatie"
SECRET = "s3cret"
CALLBACK = "http://testserver/oidc/callback/"


def _response(url: str, body, status: int = 200) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.url = url
    response._content = json.dumps(body).encode()
    response.headers["Content-Type"] = "application/json"
    return response


class FakeProvider:
    """The provider's side of the HTTP calls the app makes, and its sign-in step."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.calls: list[str] = []
        self.token_requests: list[dict] = []
        self.codes: dict[str, dict] = {}
        self.document = {
            "issuer": ISSUER,
            "authorization_endpoint": ISSUER + "/auth",
            "token_endpoint": ISSUER + "/token",
            "jwks_uri": ISSUER + "/certs",
            "userinfo_endpoint": ISSUER + "/userinfo",
            "end_session_endpoint": ISSUER + "/logout",
        }
        self.userinfo: dict = {}
        self.down = False

    def jwks(self):
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": "key-1", "alg": "RS256", "use": "sig"}]}

    def sign_in(self, authorization_url: str, **claims) -> dict:
        """The user signs in at the provider: the answer the browser brings back."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(authorization_url).query).items()}
        code = f"code-{len(self.codes)}"
        self.codes[code] = {"request": query, "claims": claims}
        return {"code": code, "state": query["state"]}

    def id_token(self, request: dict, claims: dict, key=None, **changes) -> str:
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": "sub-" + claims.get("email", "x"),
            "iat": now,
            "exp": now + 300,
            "nonce": request["nonce"],
            **claims,
            **changes,
        }
        payload = {name: value for name, value in payload.items() if value is not None}
        return jwt.encode(payload, key or self.key, algorithm="RS256", headers={"kid": "key-1"})

    # What `requests` would have sent over the network.
    def get(self, url, **kwargs):
        self.calls.append(url)
        if self.down:
            raise requests.ConnectionError("provider down")
        if url == ISSUER + "/.well-known/openid-configuration":
            return _response(url, self.document)
        if url == self.document["jwks_uri"]:
            return _response(url, self.jwks())
        if url == self.document.get("userinfo_endpoint"):
            return _response(url, self.userinfo)
        raise AssertionError(f"unexpected GET {url}")

    def post(self, url, data=None, **kwargs):
        self.calls.append(url)
        assert url == self.document["token_endpoint"]
        self.token_requests.append(dict(data))
        issued = self.codes.pop(data["code"])
        request = issued["request"]
        verifier_hash = hashlib.sha256(data["code_verifier"].encode()).digest()
        challenge = base64.urlsafe_b64encode(verifier_hash).rstrip(b"=").decode()
        if challenge != request["code_challenge"] or data["client_secret"] != SECRET:
            return _response(url, {"error": "invalid_grant"}, status=400)
        claims = dict(issued["claims"])
        changes = claims.pop("token_changes", {})
        token = self.id_token(request, claims, **changes)
        return _response(url, {"id_token": token, "access_token": "at", "token_type": "Bearer"})


@pytest.fixture
def fake(settings, monkeypatch, db):
    settings.OIDC_ENABLED = True
    settings.OIDC_DISCOVERY_URL = ISSUER + "/.well-known/openid-configuration"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_GROUP_MAP = {"beheer-managers": (groups.MANAGERS,), "beheer-mt": (groups.MT,)}
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "beheer.sso.backend.SsoBackend",
    ]
    settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": ["'self'", ISSUER_ORIGIN]}
    fake = FakeProvider()
    monkeypatch.setattr(requests, "get", fake.get)
    monkeypatch.setattr(requests, "post", fake.post)
    provider.forget()
    yield fake
    provider.forget()


def _english_client() -> Client:
    # English: the strings of this feature are in the Dutch catalogue only once merged.
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def client():
    return _english_client()


def _start(client: Client, next_url: str = "") -> str:
    response = client.get("/oidc/authenticate/", {"next": next_url} if next_url else {})
    assert response.status_code == 302
    return response["Location"]


def _sso_login(client: Client, fake: FakeProvider, next_url: str = "", **claims):
    answer = fake.sign_in(_start(client, next_url), **claims)
    return client.get("/oidc/callback/", answer)


def _messages(client: Client) -> str:
    return client.get("/login/").content.decode()


def _logged_in_user(client: Client):
    from django.contrib.auth import get_user

    class _Request:
        session = client.session

    user = get_user(_Request())
    return user if user.is_authenticated else None


def test_without_sso_the_login_page_is_as_before_and_the_sso_routes_do_not_exist(client, db):
    page = client.get("/login/").content.decode()

    assert 'id="sso-login"' not in page
    assert 'name="password"' in page
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/", {"code": "x", "state": "y"}).status_code == 404


def test_the_login_page_offers_to_log_in_with_the_organisation_next_to_the_local_form(client, fake):
    settings_record = OrganisationSettings.load()
    settings_record.name = "Woonstad Lindeweg"
    settings_record.save()

    page = client.get("/login/?next=/kpi/").content.decode()

    assert "Log in with Woonstad Lindeweg" in page
    assert 'href="/oidc/authenticate/?next=%2Fkpi%2F"' in page
    assert 'name="password"' in page


def test_with_the_local_form_hidden_only_a_small_link_leads_to_it(client, fake, settings):
    settings.OIDC_HIDE_LOCAL_LOGIN = True

    page = client.get("/login/").content.decode()
    break_glass = client.get("/login/?lokaal=1").content.decode()

    assert 'id="sso-login"' in page
    assert 'name="password"' not in page
    assert 'href="/login/?lokaal=1"' in page
    assert 'name="password"' in break_glass


def test_with_the_local_form_hidden_a_beheerder_still_logs_in_locally_and_others_not(
    client, fake, settings, personas
):
    settings.OIDC_HIDE_LOCAL_LOGIN = True

    refused = client.post("/login/", {"username": "manager", "password": PASSWORD})
    admitted = client.post("/login/", {"username": "beheerder", "password": PASSWORD})

    assert refused.status_code == 200
    assert "for application administrators only" in refused.content.decode()
    assert admitted.status_code == 302
    assert _logged_in_user(client) == personas.beheerder


def test_the_start_sends_the_browser_to_the_provider_with_state_nonce_and_pkce(client, fake):
    location = _start(client, "/kpi/")

    url = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUER + "/auth"
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == CALLBACK
    assert query["scope"] == "openid email profile"
    assert query["code_challenge_method"] == "S256"
    kept = client.session["oidc_states"][query["state"]]
    assert kept["nonce"] == query["nonce"]
    verifier_hash = hashlib.sha256(kept["code_verifier"].encode()).digest()
    assert (
        base64.urlsafe_b64encode(verifier_hash).rstrip(b"=").decode() == (query["code_challenge"])
    )


def test_a_user_signs_in_at_the_provider_and_comes_back_logged_in_with_the_mapped_group(
    client, fake
):
    response = _sso_login(
        client, fake, "/kpi/", email="marit@example.org", groups=["beheer-managers"]
    )

    assert response.status_code == 302
    assert response["Location"] == "/kpi/"
    user = _logged_in_user(client)
    assert user.email == "marit@example.org"
    assert set(user.groups.values_list("name", flat=True)) == {groups.MANAGERS}
    sent = fake.token_requests[0]
    assert (sent["client_id"], sent["client_secret"]) == (CLIENT_ID, SECRET)
    assert sent["redirect_uri"] == CALLBACK
    assert "oidc_states" in client.session and not client.session["oidc_states"]


def test_a_next_address_on_another_site_is_not_followed(client, fake):
    response = _sso_login(client, fake, "https://evil.example.org/", email="marit@example.org")

    assert response["Location"] == "/"
    assert _logged_in_user(client) is not None


def test_an_sso_session_ends_after_the_configured_hours(client, fake, settings):
    settings.OIDC_SESSION_HOURS = 8

    _sso_login(client, fake, email="marit@example.org")

    expires = client.session.get_expiry_date()
    assert timedelta(hours=7, minutes=59) < expires - timezone.now() <= timedelta(hours=8)


def test_the_discovery_document_is_fetched_once_for_many_logins(client, fake):
    _sso_login(client, fake, email="marit@example.org")
    _sso_login(_english_client(), fake, email="mees@example.org")

    assert fake.calls.count(ISSUER + "/.well-known/openid-configuration") == 1


def test_claims_only_at_the_userinfo_endpoint_complete_the_id_token(client, fake):
    fake.userinfo = {"sub": "sub-marit@example.org", "groups": ["beheer-mt"], "email": "x@y.org"}

    _sso_login(client, fake, email="marit@example.org")

    user = _logged_in_user(client)
    assert user.email == "marit@example.org"  # the ID token's own claim wins
    assert set(user.groups.values_list("name", flat=True)) == {groups.MT}


def test_userinfo_about_someone_else_is_ignored(client, fake):
    fake.userinfo = {"sub": "another-sub", "groups": ["beheer-managers"]}

    _sso_login(client, fake, email="marit@example.org")

    assert not _logged_in_user(client).groups.exists()


def test_a_tampered_state_is_refused_and_nobody_is_logged_in(client, fake):
    answer = fake.sign_in(_start(client), email="marit@example.org", groups=["beheer-managers"])

    response = client.get("/oidc/callback/", {**answer, "state": answer["state"] + "x"})

    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert _logged_in_user(client) is None
    assert fake.token_requests == []  # the code was never even exchanged
    assert "not started in this browser" in _messages(client)


def test_an_answer_is_used_only_once(client, fake):
    answer = fake.sign_in(_start(client), email="marit@example.org")
    client.get("/oidc/callback/", answer)
    client.post("/logout/")

    replay = client.get("/oidc/callback/", answer)

    assert replay["Location"] == "/login/"
    assert _logged_in_user(client) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"aud": "another-app"},
        {"iss": "https://evil.example.org"},
        {"exp": int(time.time()) - 3600},
        {"nonce": "not-the-nonce"},
        {"exp": None},
        {"aud": [CLIENT_ID, "another-app"]},  # several audiences and no azp
    ],
    ids=["audience", "issuer", "expired", "nonce", "no expiry", "no authorized party"],
)
def test_an_id_token_that_is_not_for_this_login_is_refused(client, fake, changes):
    _sso_login(client, fake, email="marit@example.org", token_changes=changes)

    assert _logged_in_user(client) is None
    assert "did not succeed" in _messages(client)


def test_an_id_token_signed_with_another_key_is_refused(client, fake, monkeypatch):
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    genuine = fake.id_token
    monkeypatch.setattr(fake, "id_token", lambda *a, **kw: genuine(*a, key=forger, **kw))

    _sso_login(client, fake, email="marit@example.org")

    assert _logged_in_user(client) is None


def test_an_answer_naming_another_issuer_is_refused(client, fake):
    answer = fake.sign_in(_start(client), email="marit@example.org")

    client.get("/oidc/callback/", {**answer, "iss": "https://evil.example.org"})

    assert _logged_in_user(client) is None
    assert fake.token_requests == []


def test_a_leaver_is_told_why_and_failed_sso_logins_do_not_count_as_password_guesses(client, fake):
    person("Lotte Visser", email="lotte@example.org", leaving_date=days(-1))

    for _attempt in range(6):
        _sso_login(client, fake, email="lotte@example.org", groups=["beheer-managers"])

    assert _logged_in_user(client) is None
    assert "left the organisation" in _messages(client)
    assert not AccessAttempt.objects.exists()
    # Colleagues behind the same address still log in.
    _sso_login(client, fake, email="marit@example.org")
    assert _logged_in_user(client).email == "marit@example.org"


def test_a_user_who_cancels_at_the_provider_comes_back_to_the_login_page(client, fake):
    answer = fake.sign_in(_start(client))

    response = client.get("/oidc/callback/", {"state": answer["state"], "error": "access_denied"})

    assert response["Location"] == "/login/"
    assert "did not log you in" in _messages(client)


def test_an_unreachable_provider_gives_a_message_not_an_error(client, fake):
    fake.down = True

    response = client.get("/oidc/authenticate/")

    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert "cannot be reached" in _messages(client)


def test_a_provider_document_for_another_issuer_is_not_used(client, fake):
    fake.document["issuer"] = "https://evil.example.org"

    response = client.get("/oidc/authenticate/")

    assert response["Location"] == "/login/"


def test_logout_after_sso_also_ends_the_session_at_the_provider(client, fake):
    _sso_login(client, fake, email="marit@example.org")
    id_token = client.session["oidc_id_token"]

    response = client.post("/logout/")

    url = urlsplit(response["Location"])
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUER + "/logout"
    assert query == {
        "id_token_hint": id_token,
        "client_id": CLIENT_ID,
        "post_logout_redirect_uri": "http://testserver/login/",
    }
    assert _logged_in_user(client) is None


def test_logout_after_a_local_login_stays_in_the_app(client, fake, personas):
    client.post("/login/", {"username": "manager", "password": PASSWORD})

    response = client.post("/logout/")

    assert response["Location"] == "/login/"
    assert _logged_in_user(client) is None


def test_a_provider_without_end_session_endpoint_is_left_alone_at_logout(client, fake):
    del fake.document["end_session_endpoint"]
    _sso_login(client, fake, email="marit@example.org")

    response = client.post("/logout/")

    assert response["Location"] == "/login/"


def test_an_end_session_endpoint_on_another_host_is_not_followed(client, fake):
    # The browser would block it: the policy lets forms go to the provider's host only.
    fake.document["end_session_endpoint"] = "https://logout.elsewhere.example.org/end"
    _sso_login(client, fake, email="marit@example.org")

    response = client.post("/logout/")

    assert response["Location"] == "/login/"
    assert _logged_in_user(client) is None


def test_a_user_without_a_mapped_group_gets_the_no_access_page(client, fake):
    _sso_login(client, fake, email="olaf@example.org", groups=["marketing"])

    response = client.get("/")

    assert response.status_code == 403
    assert "No access yet" in response.content.decode()
    assert get_user_model().objects.get(email="olaf@example.org").groups.count() == 0
