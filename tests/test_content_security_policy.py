"""Every page is sent with a strict Content-Security-Policy, and nothing of ours needs less.

The browser side (no page reports a violation) is in tests/test_browser_csp.py and
in every browser test, through the `page` fixture of tests/conftest.py.
"""

import html
import re
from collections import Counter, deque
from contextlib import suppress
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404

from beheer.middleware import ContentSecurityPolicyMiddleware

ROOT = Path(settings.BASE_DIR)
HREF = re.compile(r'href="([^"]+)"')
# What a strict policy refuses in markup: inline styles and scripts, event
# handler attributes, javascript: links.
INLINE = re.compile(
    r"""<style\b|\sstyle\s*=|\son[a-z]+\s*=\s*["']|javascript:"""
    # A script element runs inline code unless it loads a file or holds JSON data.
    r"""|<script\b(?![^>]*\b(?:src=|type="application/json"))""",
    re.IGNORECASE,
)


def _policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def test_the_policy_is_strict():
    policy = ContentSecurityPolicyMiddleware(lambda request: None).policy
    directives = {name: sources for name, *sources in (p.split() for p in policy.split(";"))}

    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert set(directives["img-src"]) <= {"'self'", "data:"}
    assert "unsafe" not in policy and "*" not in policy and "http" not in policy


def test_the_login_page_sends_the_policy(client, db):
    response = client.get(reverse("login"))

    assert _policy(response)["script-src"] == ["'self'"]


def test_redirects_and_refusals_send_it_too(client_as):
    assert "Content-Security-Policy" in client_as("anonymous").get(reverse("dashboard")).headers
    assert "Content-Security-Policy" in client_as("outsider").get(reverse("dashboard")).headers


def test_django_debug_error_pages_go_without_it(client_as, settings):
    # Django's technical 404 and 500 pages style themselves inline; DEBUG only.
    settings.DEBUG = True

    response = client_as("manager").get("/no-such-page/")

    assert response.status_code == 404
    assert "Content-Security-Policy" not in response.headers


def test_outside_debug_a_missing_page_has_it(client_as):
    response = client_as("manager").get("/no-such-page/")

    assert response.status_code == 404
    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize(
    "folder", ["templates", "beheer", "matrix", "maturity", "kpi"], ids=lambda f: f
)
def test_no_template_of_ours_has_inline_script_or_style(folder):
    offenders = []
    for path in sorted((ROOT / folder).rglob("*.html")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if INLINE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")

    assert not offenders, "\n".join(offenders)


def test_the_inline_check_would_catch_what_the_policy_refuses():
    refused = [
        '<div style="max-height: 24rem">',
        '<button onclick="window.print()">',
        "<style>p {}</style>",
        "<script>alert(1)</script>",
        '<a href="javascript:void(0)">',
    ]
    allowed = [
        '<script src="/static/js/kpi.js" defer></script>',
        '<script id="trend-data" type="application/json">{"values": []}</script>',
        '<link rel="stylesheet" href="/static/css/beheer.css">',
        '<button type="button" data-print>',
    ]

    assert all(INLINE.search(snippet) for snippet in refused)
    assert not any(INLINE.search(snippet) for snippet in allowed)


def test_htmx_may_not_inject_its_indicator_style_nor_eval(client_as):
    content = client_as("manager").get(reverse("dashboard")).content.decode()

    assert '<meta name="htmx-config"' in content
    assert '"includeIndicatorStyles": false' in content
    assert '"allowEval": false' in content
    assert content.index('name="htmx-config"') < content.index("htmx-2.min.js")
    css = (ROOT / "static/css/beheer.css").read_text()
    assert ".htmx-request .htmx-indicator" in css


# Walking every page ------------------------------------------------------------


def _names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def _urls_without_arguments() -> list[str]:
    urls = []
    for name in dict.fromkeys(_names(get_resolver().url_patterns)):
        # One that takes arguments is reached through the links of other pages.
        with suppress(NoReverseMatch):
            urls.append(reverse(name))
    return urls


def _links(response) -> list[str]:
    if "text/html" not in response.get("Content-Type", ""):
        return []
    links = []
    for href in HREF.findall(response.content.decode()):
        parts = urlsplit(html.unescape(href))
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue  # another host, mailto:, an anchor
        if parts.path.startswith("/" + settings.STATIC_URL.strip("/")):
            continue
        links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def _walk(client: Client) -> dict[str, object]:
    """Every page without arguments, and from there every page linked to: a few per view.

    The admin renders the same few templates for every model: one page per view there.
    """
    responses = {}
    visits: Counter = Counter()
    queue = deque(_urls_without_arguments())
    while queue:
        url = queue.popleft()
        if url in responses:
            continue
        try:
            view = resolve(urlsplit(url).path).view_name
        except Resolver404:
            continue
        if visits[view] >= (1 if view.startswith("admin:") else 2):
            continue
        visits[view] += 1
        response = client.get(url)
        responses[url] = response
        if response.status_code == 200:
            queue.extend(_links(response))
    return responses


@pytest.fixture
def demo(db):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())


@pytest.mark.parametrize("persona", ["manager", "beheerder"])
def test_every_page_sends_the_policy_and_needs_nothing_it_refuses(client_as, demo, persona):
    responses = _walk(client_as(persona))

    missing = [url for url, r in responses.items() if "Content-Security-Policy" not in r.headers]
    assert not missing, missing
    pages = {url: r for url, r in responses.items() if r.status_code == 200}
    views = {resolve(urlsplit(url).path).view_name for url in pages}
    assert {
        "dashboard",
        "beheer:components",
        "beheer:person",
        "matrix:grid",
        "matrix:rights",
        "matrix:versions",
        "maturity:results",
        "kpi:dashboard",
        "kpi:kpi",
        "kpi:channels",
    } <= views
    if persona == "beheerder":
        assert {
            "admin:index",
            "admin:beheer_component_changelist",
            "admin:beheer_component_import",
            "admin:beheer_component_export",
            "admin:axes_accessattempt_changelist",
        } <= views
    inline = {
        url: found
        for url, response in pages.items()
        if "text/html" in response.get("Content-Type", "")
        and (found := INLINE.findall(response.content.decode()))
        and not _known_in_the_admin(url, found)
    }
    assert not inline, inline


def _known_in_the_admin(url: str, found: list[str]) -> bool:
    # django-simple-history's admin history page gives its pager an inline
    # "border-top: 0", which the policy ignores: the pager keeps a top border.
    return (
        url.startswith("/admin/") and url.rstrip("/").endswith("/history") and found == [" style="]
    )
