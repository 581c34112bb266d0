"""Each object's page shows the decisions and actions about it, as far as the
viewer may read them (governance/templatetags/governance_about.py)."""

import html
import re

import pytest
from django.urls import reverse

from beheer.models import Component, Role
from governance import services
from governance.models import Action, Forum
from kpi.models import Kpi, SuccessFactor
from tests.beheer import makers


@pytest.fixture
def crm(db):
    return Component.objects.create(name="Testonderdeel")


def _pages(crm):
    role = Role.objects.create(name="Functioneel beheer CRM", component=crm)
    kpi = Kpi.objects.create(name="Doorlooptijd wijzigingen", component=crm)
    factor = SuccessFactor.objects.get(key="informatiekwaliteit")
    return {
        crm: crm.get_absolute_url(),
        role: role.get_absolute_url(),
        kpi: reverse("kpi:kpi", args=[kpi.pk]),
        factor: factor.get_absolute_url(),
    }


def test_every_linked_page_shows_the_decisions_and_actions_about_it(client_as, crm, people):
    forum = Forum.objects.get(kind=Forum.Kind.BEHEEROVERLEG)
    for obj, url in _pages(crm).items():
        services.decision_record(forum=forum, text=f"Besluit over {obj}", concerns=[obj], user=None)
        services.action_create(
            source=Action.Source.OTHER,
            title=f"Actie over {obj}",
            owner=people.manager,
            due_date=makers.days(14),
            concerns=[obj],
        )

        content = client_as("manager").get(url).content.decode()

        assert f"Besluit over {obj}" in content, url
        assert f"Actie over {obj}" in content, url
        # Only what concerns this page's object.
        assert "Besluit over" not in content.replace(f"Besluit over {obj}", ""), url


def test_decisions_of_a_forum_one_is_no_member_of_stay_hidden(client_as, crm, people):
    stuurgroep = Forum.objects.get(kind=Forum.Kind.STUURGROEP)
    services.decision_record(forum=stuurgroep, text="Budget voor de CRM-upgrade", concerns=[crm])

    as_key_user = client_as("key_user").get(crm.get_absolute_url()).content.decode()
    as_mt = client_as("mt").get(crm.get_absolute_url()).content.decode()

    assert "Budget voor de CRM-upgrade" not in as_key_user
    assert "Budget voor de CRM-upgrade" in as_mt


def test_the_sections_cost_the_same_queries_for_one_or_many(client_as, crm):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    forum = Forum.objects.get(kind=Forum.Kind.BEHEEROVERLEG)
    client = client_as("manager")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(crm.get_absolute_url())
        return len(captured)

    services.decision_record(forum=forum, text="Eerste", concerns=[crm])
    queries()  # the first page of a session also reads what is then cached
    one = queries()
    for n in range(10):
        services.decision_record(forum=forum, text=f"Besluit {n}", concerns=[crm])
        services.action_create(source=Action.Source.OTHER, title=f"Actie {n}", concerns=[crm])

    assert queries() == one


def test_a_knowledge_risk_becomes_an_action_from_the_risk_report(client_as, people):
    role = Role.objects.create(name="Kennisbankredacteur")
    makers.assign(people.owner, role)  # held alone: no deputy
    manager = client_as("manager")

    report = manager.get(reverse("beheer:risks")).content.decode()
    link = re.search(
        rf'<a href="([^"]*source=knowledge_risk&amp;role={role.pk}&amp;[^"]*)" class="plan-action"',
        report,
    )
    url = html.unescape(link[1])
    form = manager.get(url).context["form"]
    response = manager.post(
        url,
        {
            "title": form["title"].value(),
            "role": form["role"].value(),
            "owner": people.manager.pk,
            "due_date": makers.days(30).isoformat(),
        },
    )

    action = Action.objects.get(role=role)
    assert response.status_code == 302
    assert action.source == Action.Source.KNOWLEDGE_RISK
    assert "Kennisbankredacteur" in action.title
    # Shown on the role's page; the link is only for those who run the register.
    assert action.title in manager.get(role.get_absolute_url()).content.decode()
    assert (
        'class="plan-action"' not in client_as("mt").get(reverse("beheer:risks")).content.decode()
    )


def test_an_address_cannot_pass_off_an_action_as_a_meeting_decision(client_as, people):
    url = reverse("governance:action-create") + "?source=meeting&title=Iets"

    client_as("manager").post(
        url, {"title": "Iets", "owner": people.manager.pk, "due_date": makers.days(3).isoformat()}
    )

    assert Action.objects.get(title="Iets").source == Action.Source.OTHER


def test_the_results_of_an_assessment_show_the_decisions_about_it(client_as, people):
    from beheer.models import Department
    from maturity.models import Assessment

    assessment = Assessment.objects.create(
        department=Department.objects.create(name="Klantcontact"),
        name="Najaar",
        period_start=makers.days(-30),
        period_end=makers.days(-1),
        is_published=True,
    )
    forum = Forum.objects.get(kind=Forum.Kind.STUURGROEP)
    services.decision_record(
        forum=forum, text="Verbeterplan klantcontact goedgekeurd", concerns=[assessment]
    )

    page = client_as("mt").get(reverse("maturity:results", args=[assessment.pk]))

    assert "Verbeterplan klantcontact goedgekeurd" in page.content.decode()
