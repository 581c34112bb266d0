"""A cached part of a page holds what it depends on in its key (beheer.cache):
whoever filled the cache, each reader gets the page as it is for them, and a
change to anything shown shows at once."""

import difflib
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from beheer.models import Department
from governance.models import Action
from kpi.models import SuccessFactor
from maturity.models import Assessment
from tests.demo_world import load_demo_for_personas

READERS = ("manager", "owner", "key_user", "mt")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture
def world(db, personas):
    return load_demo_for_personas(personas)


def _cached_pages(world) -> list[str]:
    """The pages with a cached part whose content may depend on the reader."""
    rounds = Assessment.objects.order_by("-period_end")
    published = rounds.filter(is_published=True)[0]
    unpublished = rounds.filter(is_published=False)[0]
    grid = reverse("matrix:grid")
    return [
        reverse("beheer:people"),
        reverse("beheer:risks"),
        grid,
        f"{grid}?component={world.own_component.pk}",
        reverse("matrix:rights"),
        reverse("kpi:dashboard"),
        f"{reverse('kpi:dashboard')}?mijn=1",
        reverse("kpi:factors"),
        reverse("kpi:channels"),
        reverse("maturity:results", args=[published.pk]),
        reverse("maturity:results-json", args=[published.pk]),
        reverse("maturity:results", args=[unpublished.pk]),  # for managers only
        reverse("maturity:compare"),
        reverse("home:overview"),
        reverse("home:mt"),
    ]


def _page(client, url) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, CSRF.sub("", response.content.decode())


def test_each_reader_gets_their_own_page_whoever_filled_the_cache(client_as, world):
    # Readers in one order over one cache: a reader whose key another reader
    # filled before reads that entry, so a key that misses something the page
    # depends on shows as a page that differs from the one computed for the reader.
    clients = {persona: client_as(persona) for persona in READERS}
    wrong = []
    for url in _cached_pages(world):
        own = {}
        for persona, client in clients.items():
            cache.clear()
            own[persona] = _page(client, url)
        cache.clear()
        for persona, client in clients.items():
            shared = _page(client, url)
            if shared != own[persona]:
                diff = difflib.unified_diff(
                    own[persona][1].splitlines(), shared[1].splitlines(), lineterm="", n=0
                )
                wrong.append(f"{url} as {persona}:\n" + "\n".join(list(diff)[2:8]))

    assert not wrong, "\n\n".join(wrong)


def test_the_readers_see_different_pages_where_their_rights_differ(client_as, world):
    # The test above means something only where the pages differ per reader.
    grid = {p: _page(client_as(p), reverse("matrix:grid"))[1] for p in READERS}
    rights = {p: _page(client_as(p), reverse("matrix:rights"))[1] for p in READERS}
    kpis = {p: _page(client_as(p), reverse("kpi:dashboard"))[1] for p in READERS}

    assert len({grid["manager"], grid["owner"], grid["mt"]}) == 3
    assert 'class="mine"' in grid["owner"] and 'class="mine"' not in grid["manager"]
    assert reverse("matrix:mutations") in rights["mt"]
    assert reverse("matrix:mutations") not in rights["key_user"]
    assert reverse("kpi:kpi-create") in kpis["manager"]
    assert reverse("kpi:kpi-create") not in kpis["owner"]
    assert 'name="mijn"' in kpis["owner"] and 'name="mijn"' not in kpis["mt"]


# Scopes: a cached part holds data of every scope it shows.


@pytest.fixture
def factor_action(db, personas):
    """An overdue action about a success factor, in the one action register."""
    return Action.objects.create(
        title="Kanaalstrategie herijken",
        source=Action.Source.FACTOR_REVIEW,
        success_factor=SuccessFactor.objects.get(key="kanaalsturing"),
        due_date=timezone.localdate() - timedelta(days=3),
    )


def test_an_action_done_in_the_register_leaves_the_factor_pages_at_once(client_as, factor_action):
    reader = client_as("mt")
    assert "Kanaalstrategie herijken" in reader.get(reverse("kpi:factors")).content.decode()
    assert "1 actie is over tijd" in reader.get(reverse("kpi:dashboard")).content.decode()

    factor_action.status = Action.Status.DONE  # in the register: no KPI data changes
    factor_action.save()

    assert "Kanaalstrategie herijken" not in reader.get(reverse("kpi:factors")).content.decode()
    assert "over tijd" not in reader.get(reverse("kpi:dashboard")).content.decode()


def test_a_renamed_department_shows_on_its_results_at_once(client_as):
    department = Department.objects.create(name="Klantcontact")
    assessment = Assessment.objects.create(
        department=department,
        name="Najaar 2026",
        period_start=timezone.localdate() - timedelta(days=60),
        period_end=timezone.localdate() - timedelta(days=1),
    )
    manager = client_as("manager")
    url = reverse("maturity:results", args=[assessment.pk])
    assert "Klantcontact, " in manager.get(url).content.decode()

    department.name = "Klantenservice"  # the register: no maturity data changes
    department.save()

    page = manager.get(url).content.decode()
    assert "Klantenservice, " in page and "Klantcontact" not in page
