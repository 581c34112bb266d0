"""Who reaches which home page: every view, every persona."""

import pytest
from django.urls import reverse

from governance.models import Action
from tests.beheer import makers
from tests.personas import ALL_PERSONAS

READERS = {
    "dashboard": {"beheerder", "manager", "owner", "key_user", "mt"},
    "home:overview": {"beheerder", "manager"},
    "home:mt": {"beheerder", "manager", "mt"},
    "home:work-count": {"beheerder", "manager", "owner", "key_user", "mt"},
}
TEMPLATES = {
    "dashboard": "home/my_work.html",
    "home:overview": "home/overview.html",
    "home:mt": "home/mt_overview.html",
    "home:work-count": "home/_work_count.html",
}


@pytest.mark.parametrize("persona", ALL_PERSONAS)
@pytest.mark.parametrize("name", list(READERS))
def test_each_persona_gets_the_home_pages_meant_for_it(client_as, persona, name):
    url = reverse(name)

    response = client_as(persona).get(url)

    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == reverse("login") + "?next=" + url
    elif persona in READERS[name]:
        assert response.status_code == 200
        assert TEMPLATES[name] in [t.name for t in response.templates]
    elif persona == "outsider":
        assert response.status_code == 403
        assert "beheer/no_access.html" in [t.name for t in response.templates]
    else:
        assert response.status_code == 403


def test_the_first_screen_keeps_its_address():
    assert reverse("dashboard") == "/"


def test_the_badge_counts_what_mijn_werk_lists(client_as, personas):
    person = makers.person("Kees Key", user=personas.key_user)
    for title in ("Handleiding bijwerken", "Testplan schrijven"):
        Action.objects.create(title=title, owner=person, due_date=makers.days(3))
    client = client_as("key_user")
    listed = client.get(reverse("dashboard")).context["items"]

    badge = client.get(reverse("home:work-count")).content.decode()

    assert {item.title for item in listed} >= {"Handleiding bijwerken", "Testplan schrijven"}
    assert f'data-work-count="{len(listed)}"' in badge


def test_pages_fetch_the_badge_after_they_are_drawn(client_as):
    page = client_as("owner").get(reverse("matrix:grid")).content.decode()

    assert f'hx-get="{reverse("home:work-count")}" hx-trigger="load"' in page
