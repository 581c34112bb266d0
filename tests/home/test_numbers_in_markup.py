"""Numbers a machine reads are never localized.

In the Dutch interface a decimal is written 2,5 for people; inside SVG coordinates,
data attributes, styles and JSON a browser or script reads it, and "2,5" breaks it
(the KPI sparklines lost their target line to `y1="2,0"`). This walks every page
without parameters and every detail page of the demo data, in Dutch, and checks
the numbers in markup, scripts and JSON."""

import json
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Attributes whose value is a list of numbers by nature (commas separate pairs).
POINT_PAIR = re.compile(r"-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?")
ATTRIBUTE = re.compile(r'\s([a-zA-Z_:][-\w:.]*)="([^"]*)"')
LOCALIZED = re.compile(r"^-?\d+,\d+$")
NUMBERS_ONLY = {"viewBox", "transform", "d", "style", "stroke-dasharray"}
JSON_SCRIPT = re.compile(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', re.S)
SKIPPED = ("admin", "logout", "set_language", "login", "oidc", "export", "xlsx", "pdf")


def localized_numbers(html: str) -> list[str]:
    """Every place in `html` where a number a machine reads has a decimal comma."""
    found = []
    for name, value in ATTRIBUTE.findall(html):
        if name == "points":
            found += [f"points: {p}" for p in value.split() if not POINT_PAIR.fullmatch(p)]
        elif _decimal_comma(name, value):
            found.append(f"{name}={value!r}")
    for script in JSON_SCRIPT.findall(html):
        found += [f"json: {text}" for text in _strings(json.loads(script)) if LOCALIZED.match(text)]
    return found


def _decimal_comma(name: str, value: str) -> bool:
    if name in NUMBERS_ONLY:  # numbers among other text: "rotate(-90 12,5 30)"
        return bool(re.search(r"\d,\d", value.replace(", ", " ")))
    return bool(LOCALIZED.match(value))  # a value that is one number


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


@pytest.mark.parametrize(
    "html",
    [
        '<line x1="0" x2="100" y1="2,0" y2="2,0"/>',
        '<polyline points="0,5 12,5,3,0"/>',
        '<rect style="width: 12,5%"/>',
        '<script id="d" type="application/json">{"values": ["41,5"]}</script>',
        '<progress value="3,5" max="10"></progress>',
    ],
)
def test_the_check_finds_a_localized_number(html):
    assert localized_numbers(html)


def test_the_check_leaves_numbers_for_people_alone():
    html = (
        '<polyline points="0.0,5.0 12.5,3.0"/><td data-kpi="4">64,25 %</td>'
        '<span aria-label="Gemiddelde 2,5 van 5">2,5</span>'
        '<script id="d" type="application/json">{"value": 41.5, "label": "41,5 %"}</script>'
    )
    assert localized_numbers(html) == []


def _paths_without_parameters(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if "<" in route or "(" in route or "^" in route:
            continue
        if isinstance(entry, URLResolver):
            yield from _paths_without_parameters(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + route


APPS = {"beheer", "matrix", "kpi", "maturity", "governance", "operations"}


def _detail_paths():
    for model in apps.get_models():
        if not hasattr(model, "get_absolute_url") or model._meta.app_label not in APPS:
            continue
        # A few of each kind: the templates are the same for all.
        for obj in model.objects.all()[:3]:
            try:
                yield obj.get_absolute_url()
            except Exception:  # a model whose URL needs more than the object
                continue


def test_no_page_writes_a_localized_number_where_a_machine_reads_it(client_as):
    from maturity.models import Assessment

    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    client = client_as("beheerder")  # sees every page
    paths = {p for p in _paths_without_parameters() if not any(s in p for s in SKIPPED)}
    paths |= set(_detail_paths())
    for assessment in Assessment.objects.all():
        paths |= {
            reverse("maturity:assessment", args=[assessment.pk]),
            reverse("maturity:results", args=[assessment.pk]),
            reverse("maturity:results-json", args=[assessment.pk]),
        }

    found, seen = {}, []
    for path in sorted(paths):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="nl")
        kind = response.get("Content-Type", "")
        if response.status_code != 200:
            continue
        text = response.content.decode()
        if "json" in kind:
            problems = [t for t in _strings(json.loads(text)) if LOCALIZED.match(t)]
        elif "html" in kind:
            problems = localized_numbers(text)
        else:
            continue
        seen.append(text)
        if problems:
            found[path] = problems[:5]

    # The walk reached the pages with numbers for machines: sparklines, the
    # model picture, charts' JSON.
    everything = "".join(seen)
    assert len(seen) > 40
    for marker in ('class="sparkline"', 'class="model-picture"', 'type="application/json"'):
        assert marker in everything, marker
    assert found == {}
