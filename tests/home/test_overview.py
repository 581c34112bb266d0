"""The managers' overview: the dashboard's counts as figures with labels and a
trend, the attention items first. Its counts come from count queries
(matrix.summary, kpi.summary, beheer.risks); the pages they link to compute
the full lists, and the tests here hold the two to the same numbers."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.beheer import makers

OVERVIEW = "home:overview"


def _value(content: str, key: str) -> int:
    return int(re.search(rf'data-value="{re.escape(key)}">(\d+)<', content)[1])


def test_it_counts_accounts_per_group_under_their_display_names(client_as):
    response = client_as("manager").get(reverse(OVERVIEW))

    rows = {name: members for name, _shown, _description, members in response.context["group_rows"]}
    assert rows == {"Beheerders": 1, "Managers": 1, "Eigenaren": 1, "Key users": 1, "MT": 1}
    assert b'data-group="Key users">1<' in response.content


def test_the_group_names_follow_the_language(client_as):
    client = client_as("manager")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    content = client.get(reverse(OVERVIEW)).content.decode()

    assert '<th scope="row">Administrators</th>' in content
    assert '<th scope="row">Owners</th>' in content
    # The stored names stay in data attributes only, never in the text.
    visible = re.sub(r'data-group="[^"]*"', "", content)
    assert "Beheerders" not in visible and "Eigenaren" not in visible


@pytest.mark.parametrize("scale", [1, 4])
def test_its_query_count_does_not_grow_with_the_data(
    client_as, django_assert_max_num_queries, scale
):
    call_command("loaddemo", allow_public_demo_passwords=True, scale=scale, stdout=None)
    client = client_as("manager")

    # Cold cache: it counts in every area and gathers every app's attention items;
    # a fixed number of queries nonetheless (the same at both scales).
    with django_assert_max_num_queries(45):
        response = client.get(reverse(OVERVIEW))
    assert response.status_code == 200


def test_a_second_visit_reads_the_figures_from_the_cache(client_as, django_assert_max_num_queries):
    client = client_as("manager")
    client.get(reverse(OVERVIEW))

    # Session, user, groups and the data versions; no counting.
    with django_assert_max_num_queries(4):
        assert client.get(reverse(OVERVIEW)).status_code == 200


def test_a_change_in_one_area_recounts_that_area_only(client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kpi.models import Kpi

    client = client_as("manager")
    before = _value(client.get(reverse(OVERVIEW)).content.decode(), "kpi-no_data")

    Kpi.objects.create(name="Nieuwe KPI")
    with CaptureQueriesContext(connection) as queries:
        after = _value(client.get(reverse(OVERVIEW)).content.decode(), "kpi-no_data")

    assert after == before + 1
    tables = " ".join(query["sql"] for query in queries)
    assert "kpi_kpi" in tables
    # The register's card is not recounted (the attention list, gathered from
    # every app, is: it depends on all of them).
    assert 'COUNT("beheer_component' not in tables


def test_it_shows_the_knowledge_risk_counts(client_as, empty_register):
    makers.role("Vacante rol")
    makers.assign(makers.person(), makers.role("Rol zonder vervanger"))

    content = client_as("manager").get(reverse(OVERVIEW)).content.decode()

    assert _value(content, "vacant") == 1
    assert _value(content, "no_deputy") == 1
    assert _value(content, "overloaded") == 0


def test_the_cached_counts_follow_changes(client_as):
    client = client_as("manager")
    count = _value(client.get(reverse(OVERVIEW)).content.decode(), "people")

    makers.person("Nieuwe collega")

    assert _value(client.get(reverse(OVERVIEW)).content.decode(), "people") == count + 1


def test_what_needs_attention_comes_first_and_links_to_it(client_as, empty_register):
    from matrix.models import Activity, Responsibility

    role = makers.role("Rol")
    Activity.objects.create(title="Zonder codes", theme="T")
    valid = Activity.objects.create(title="Geldig", theme="T")
    Responsibility.objects.create(activity=valid, role=role, code="A")
    Responsibility.objects.create(activity=valid, role=makers.role("Rol 2"), code="R")

    content = client_as("manager").get(reverse(OVERVIEW)).content.decode()

    tasks = Activity.objects.count()
    assert _value(content, "tasks") == tasks
    invalid = tasks - 1  # only "Geldig" keeps the rules; the defaults were removed with roles
    assert _value(content, "invalid") == invalid
    attention = content.index('id="attention-heading"')
    assert attention < content.index('data-card="register"')
    item = re.search(
        r'<li data-kind="matrix-invalid"[^>]*><a href="([^"]+)"><strong[^>]*>(\d+)<', content
    )
    assert item[1] == reverse("matrix:grid") + "?invalid=1" and int(item[2]) == invalid


def test_a_trend_compares_the_matrix_with_the_adopted_version(client_as, empty_register):
    from matrix import services
    from matrix.models import Activity

    Activity.objects.create(title="Eerste", theme="T")
    services.version_adopt(adopted_on=makers.today(), note="", user=None)
    Activity.objects.create(title="Tweede", theme="T")

    content = client_as("manager").get(reverse(OVERVIEW)).content.decode()

    figure = content[content.index('data-figure="tasks"') :]
    assert re.search(r'class="trend trend-good">\+1<', figure[:600])


def _tick_and_review_some_changes():
    """Ticks and review outcomes, which the demo data has none of."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from matrix.models import Grant, MutationTick, ReviewAnswer, ReviewRound
    from matrix.mutations import mutation_tick, mutations_list

    user = User.objects.first()
    entries = mutations_list(since=makers.days(-30))
    for entry in entries[::2]:
        for mutation in entry.mutations[::2]:
            mutation_tick(
                person=entry.person,
                right=mutation.right,
                action=mutation.action,
                occasion=mutation.occasion,
                user=user,
                done=True,
            )
    review = ReviewRound.objects.create(name="Ronde", deadline=makers.today())
    grants = Grant.objects.select_related("right").order_by("pk")[:6]
    for number, grant in enumerate(grants):
        person = makers.person(f"Beoordeeld {number}")
        decision = ["revoke", "change", "keep"][number % 3]
        ReviewAnswer.objects.create(
            round=review, person=person, right=grant.right, decision=decision
        )
    review.closed_at = timezone.now()
    review.save()
    answer = ReviewAnswer.objects.filter(decision="revoke").first()
    MutationTick.objects.create(
        person=answer.person, right=answer.right, action="revoke", occasion=f"review:{review.pk}"
    )


@pytest.mark.parametrize("scale", [1, 3])
def test_its_counts_are_those_of_the_pages_they_link_to(db, scale):
    """The dashboard counts with count queries; the pages compute the full lists."""
    from beheer.risks import knowledge_risk_counts, knowledge_risks
    from kpi import services as kpi_services
    from kpi import summary as kpi_summary
    from matrix import summary as matrix_summary
    from matrix.mutations import mutations_list
    from matrix.rights import rights_grid
    from matrix.selectors import matrix_grid

    call_command("loaddemo", allow_public_demo_passwords=True, scale=scale, stdout=None)
    _tick_and_review_some_changes()
    today = makers.today()
    since = makers.days(-30)

    grid = matrix_grid(editable_component_ids=set(), edit_all=False)
    assert matrix_summary.task_counts() == (len(grid.rows), len(grid.invalid_rows))
    rights = rights_grid(editable_component_ids=set(), edit_all=False)
    assert matrix_summary.flagged_right_count(today=today) == len(rights.flagged_rows)
    changes = mutations_list(since=since)
    open_changes = sum(entry.open_count for entry in changes)
    assert 0 < open_changes < sum(len(entry.mutations) for entry in changes)
    assert matrix_summary.open_right_change_count(since=since, today=today) == open_changes
    checklist = kpi_services.factor_checklist(today=today)
    assert kpi_summary.factor_counts() == (checklist.total, checklist.in_place)
    statuses = kpi_services.status_counts(kpi_services.kpi_rows(today=today))
    assert kpi_summary.kpi_status_counts(today=today) == statuses
    assert [(r.key, r.count) for r in knowledge_risk_counts()] == [
        (r.key, r.count) for r in knowledge_risks().rules
    ]


def test_the_rights_count_follows_every_flag(db, empty_register):
    from matrix import summary as matrix_summary
    from matrix.models import Grant, Right
    from matrix.rights import rights_grid

    component = makers.component()
    internal, external = makers.person("Intern"), makers.person("Extern", is_external=True)
    staff, contractors = makers.role("Medewerkers"), makers.role("Inhuur")
    makers.assign(internal, staff)
    makers.assign(external, contractors)
    admins = makers.role("Beheerders")
    for number in range(4):  # one more than the organisation allows
        makers.assign(makers.person(f"Beheerder {number}"), admins)
    ended = makers.role("Vroeger")
    makers.assign(internal, ended, start=makers.days(-60), end=makers.days(-1))

    def right(name, sensitivity, *roles):
        right = Right.objects.create(component=component, name=name, sensitivity=sensitivity)
        for role in roles:
            Grant.objects.create(right=right, role=role)

    right("Niemand", "normal")
    right("Alleen vroeger", "normal", ended)
    right("Persoonsgegevens intern", "personal_data", staff)
    right("Persoonsgegevens extern", "personal_data", staff, contractors)
    right("Beheer", "admin", admins)
    right("Beheer weinig", "admin", staff)

    flagged = rights_grid(editable_component_ids=set(), edit_all=False).flagged_rows
    assert {row.right.name for row in flagged} == {
        "Niemand",
        "Alleen vroeger",
        "Persoonsgegevens extern",
        "Beheer",
    }
    assert matrix_summary.flagged_right_count(today=makers.today()) == len(flagged)


def test_several_counts_take_one_query(db, django_assert_num_queries):
    from beheer.counting import counts
    from beheer.models import Person, Supplier

    makers.person("Actief")
    makers.person("Weg", is_active=False)

    with django_assert_num_queries(1):
        number = counts(
            active=Person.objects.filter(is_active=True),
            everyone=Person.objects.all(),
            suppliers=Supplier.objects.all(),  # none: a count of 0, not a missing row
        )

    assert number == {"active": 1, "everyone": 2, "suppliers": 0}


def _cold_queries(client, user, url: str) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_mijn_werk_and_the_mt_overview_take_as_many_queries_at_four_times_the_data(db, client):
    """Cold cache, for the demo accounts with the most work: the same number of
    queries at demo scale 1 and at scale 4."""
    from django.contrib.auth import get_user_model

    from beheer.models import Person

    pages = [
        ("keyuser", reverse("dashboard")),
        ("eigenaar", reverse("dashboard")),
        ("keyuser", reverse("home:work-count")),
        ("mt", reverse("home:mt")),
    ]
    User = get_user_model()
    measured = {}
    for scale in (1, 4):
        call_command("loaddemo", allow_public_demo_passwords=True, scale=scale, stdout=None)
        people = Person.objects.count()
        measured[scale] = [
            _cold_queries(client, User.objects.get(username=name), url) for name, url in pages
        ]
        if scale == 1:
            people_at_one = people

    assert people > people_at_one  # the second load did add data
    assert measured[1] == measured[4]
    # And few: the keyuser's list gathers every app's work in a fixed number.
    assert max(measured[4]) <= 30
