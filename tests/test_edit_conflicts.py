"""No lost update anywhere: every page that edits a saved record guards against
saving over someone else's change (beheer.history.edit_conflict).

The walk finds the edit pages itself: it opens every page of the project, with
a record of the model its address refers to, as a beheerder, and takes
each form on it that edits a saved record (a ModelForm bound to an instance).
Such a page must carry the version it was based on, refuse a post based on an
older version, and save the same post based on the current one.
"""

import datetime
from dataclasses import dataclass

import pytest
from django import forms
from django.core.management import call_command
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import formats, translation

from beheer.history import current_version

pytestmark = pytest.mark.django_db

# A primary key no record has: the model a page looks up with it is its model.
SENTINEL = 987_654_321
# Pages that change something on GET or are no pages of the application.
SKIPPED = {"logout", "set_language", "healthz"}
SKIPPED_NAMESPACES = {"admin", "oidc"}


@dataclass(frozen=True)
class Page:
    name: str
    takes_pk: bool


def _pages(resolver=None, namespace="") -> list[Page]:
    """Every named page that takes no argument or just a pk."""
    resolver = resolver or get_resolver()
    pages = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if (entry.namespace or "") not in SKIPPED_NAMESPACES:
                pages += _pages(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in SKIPPED:
            converters = getattr(entry.pattern, "converters", {})
            if not converters or set(converters) == {"pk"}:
                pages.append(Page(namespace + entry.name, bool(converters)))
    return pages


def _model_of(client: Client, page: Page, monkeypatch) -> type[Model] | None:
    """The model whose record a page looks up by its pk: seen when the page asks
    the database for the SENTINEL."""
    seen = []
    original = QuerySet.filter  # get(pk=…) and a view's get_object() filter

    def filter(self, *args, **kwargs):
        if SENTINEL in kwargs.values():
            seen.append(self.model)
        return original(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(QuerySet, "filter", filter)
        client.get(reverse(page.name, args=[SENTINEL]))
    return seen[0] if seen else None


def _edit_form(response) -> forms.ModelForm | None:
    """The form on a page that edits a saved record, if any."""
    if response.status_code != 200 or response.context is None:
        return None
    # A ContextList when several templates rendered, one Context otherwise.
    contexts = response.context if isinstance(response.context, list) else [response.context]
    for context in contexts:
        for value in context.flatten().values():
            if isinstance(value, forms.ModelForm) and value.instance.pk is not None:
                return value
    return None


def _post_data(form: forms.ModelForm) -> dict:
    """What the browser would post for the form as it is shown."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(field.field.widget, forms.CheckboxInput):
            if value:
                data[field.html_name] = "on"
            continue
        if value in (None, ""):
            continue
        if isinstance(value, (list, tuple, QuerySet)):
            data[field.html_name] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, (datetime.date, datetime.datetime)):
            data[field.html_name] = value.isoformat()
        else:
            data[field.html_name] = str(getattr(value, "pk", value))
    return data


def _edit_pages(monkeypatch):
    """(page name, url, the record) of every page with an edit form."""
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    client = Client()
    client.login(request=HttpRequest(), username="beheerder", password="beheer-demo")
    found = []
    for page in _pages():
        if page.takes_pk:
            model = _model_of(client, page, monkeypatch)
            if model is None:
                continue
            # A page may edit only some records (those of an open meeting): while
            # it refuses one, the next is tried.
            records = model._default_manager.order_by("pk").values_list("pk", flat=True)
            urls = [reverse(page.name, args=[pk]) for pk in records[:30]]
        else:
            urls = [reverse(page.name)]
        for url in urls:
            response = client.get(url)
            form = _edit_form(response)
            if form is not None:
                found.append((page.name, url, form.instance))
            if response.status_code == 200:
                break
    return client, found


def test_every_edit_form_refuses_to_save_over_a_newer_version(monkeypatch):
    client, pages = _edit_pages(monkeypatch)
    names = {name for name, _url, _record in pages}
    # The walk found the project's edit pages (so it cannot pass by finding none).
    assert {
        "beheer:component-update",
        "beheer:settings",
        "beheer:assignment-update",
        "matrix:activity-update",
        "kpi:kpi-edit",
        "governance:forum-edit",
    } <= names, names

    unguarded = []
    for name, url, record in pages:
        problem = _unguarded(client, url, record)
        if problem:
            unguarded.append(f"{name} ({url}): {problem}")
    assert not unguarded, "Edit forms that let the last writer win:\n" + "\n".join(unguarded)


def _unguarded(client: Client, url: str, record: Model) -> str | None:
    """Why the edit page at `url` may lose an update, or None when it is guarded."""
    page = client.get(url)
    if 'name="seen_version"' not in page.content.decode():
        return "the form does not carry the version it was based on"
    data = _post_data(_edit_form(page))
    before = current_version(record)
    stale = client.post(url, {**data, "seen_version": "-1"})
    if current_version(record) != before or stale.status_code != 200:
        return "a post based on an older version was saved"
    saved = client.post(url, {**data, "seen_version": page.context["seen_version"]})
    if saved.status_code != 302:
        return "the same post based on the current version was not saved either"
    return None


# --- The forms this change guarded, one by one ----------------------------------------------


def _refused_with_theirs(response, theirs: str) -> None:
    content = response.content.decode()
    assert response.status_code == 200
    assert "conflicts" in response.context and response.context["conflicts"]
    assert theirs in content  # what the other person saved, to compare with


def test_a_second_rename_of_a_task_is_refused_and_shows_the_first(client_as):
    from matrix.models import Activity

    task = Activity.objects.create(title="Releases plannen", theme="Releases")
    url = reverse("matrix:activity-update", args=[task.pk])
    first, second = client_as("manager"), client_as("beheerder")
    seen_first = first.get(url).context["seen_version"]
    seen_second = second.get(url).context["seen_version"]

    first.post(
        url, {"title": "Releases inplannen", "theme": "Releases", "seen_version": seen_first}
    )
    refused = second.post(
        url, {"title": "Releasekalender", "theme": "Releases", "seen_version": seen_second}
    )

    _refused_with_theirs(refused, "Releases inplannen")
    task.refresh_from_db()
    assert task.title == "Releases inplannen"
    # Having seen it, the second saves knowingly.
    again = second.post(
        url,
        {
            "title": "Releasekalender",
            "theme": "Releases",
            "seen_version": refused.context["seen_version"],
        },
    )
    assert again.status_code == 302
    task.refresh_from_db()
    assert task.title == "Releasekalender"


def test_saving_the_settings_over_someone_elses_is_refused(client_as):
    from beheer.models import OrganisationSettings

    url = reverse("beheer:settings")
    data = {"max_roles_per_person": 5, "ending_soon_days": 60, "max_admin_holders": 3}
    first, second = client_as("manager"), client_as("beheerder")
    seen_first = first.get(url).context["seen_version"]
    seen_second = second.get(url).context["seen_version"]

    first.post(url, {**data, "name": "Woonstichting De Linde", "seen_version": seen_first})
    refused = second.post(url, {**data, "name": "De Linde", "seen_version": seen_second})

    _refused_with_theirs(refused, "Woonstichting De Linde")
    assert OrganisationSettings.load().name == "Woonstichting De Linde"


def test_saving_an_assignment_over_someone_elses_change_is_refused(client_as):
    from beheer.models import Assignment
    from tests.beheer import makers

    assignment = makers.assign(makers.person("Petra"), makers.role("Kennisbankredactie"))
    url = reverse("beheer:assignment-update", args=[assignment.pk])
    data = {
        "person": assignment.person.pk,
        "role": assignment.role.pk,
        "kind": "holder",
        "start_date": assignment.start_date.isoformat(),
    }
    first, second = client_as("manager"), client_as("beheerder")
    seen_first = first.get(url).context["seen_version"]
    seen_second = second.get(url).context["seen_version"]

    first.post(url, {**data, "end_date": makers.days(10).isoformat(), "seen_version": seen_first})
    refused = second.post(url, {**data, "note": "Blijft", "seen_version": seen_second})

    with translation.override("nl"):
        theirs = formats.date_format(makers.days(10))  # "10 december 2026"
    _refused_with_theirs(refused, theirs)
    assert Assignment.objects.get().end_date == makers.days(10)
