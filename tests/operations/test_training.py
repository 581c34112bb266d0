"""Who lacks the training their role needs, and who waits for the second training."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from beheer.models import Component, Role
from operations import services
from operations.defaults import ensure_default_courses
from operations.models import Course, TrainingAttendance
from operations.selectors import second_training_due, training_gaps
from operations.services import add_months
from tests.beheer import makers


@pytest.fixture(autouse=True)
def _no_default_courses(db):
    """The default courses (a data migration) ask training of the standard roles;
    these tests make their own."""
    Course.objects.all().delete()


def _course(name, kind=Course.Kind.BASIC, component=None, **fields):
    return Course.objects.create(name=name, kind=kind, component=component, **fields)


def _had(person, course, days_ago=30, attended=True):
    today = timezone.localdate()
    session = services.session_plan(course=course, date=today - timedelta(days=days_ago))
    TrainingAttendance.objects.create(session=session, person=person, attended=attended)
    return session


def _gaps():
    today = timezone.localdate()
    return {
        (g.person.name, g.role.name): [c.name for c in g.missing]
        for g in training_gaps(today=today)
    }


def test_a_role_named_on_a_course_needs_it_from_its_holders_and_deputies(db):
    role = makers.role("Applicatiebeheer CRM")
    holder, deputy, trained = makers.person("Anna"), makers.person("Bas"), makers.person("Cor")
    for person, kind in ((holder, "holder"), (deputy, "deputy"), (trained, "holder")):
        makers.assign(person, role, kind)
    course = _course("Basistraining CRM")
    course.required_for_roles.set([role])
    _had(trained, course)

    assert _gaps() == {
        ("Anna", "Applicatiebeheer CRM"): ["Basistraining CRM"],
        ("Bas", "Applicatiebeheer CRM"): ["Basistraining CRM"],
    }


def test_every_role_of_the_kind_needs_it_for_the_courses_component_or_none(db):
    crm = Component.objects.get(name="Klantvolgsysteem")
    portal = Component.objects.get(name="Website en Portal")
    _course("Key-usertraining CRM", Course.Kind.KEY_USER, crm, required_for_kind="key_user")
    for name, component in (("Key user CRM", crm), ("Key user portaal", portal)):
        role = makers.role(name, kind="key_user", component=component)
        makers.assign(makers.person(f"Houder {name}"), role)
    makers.assign(makers.person("Houder Key user"), Role.objects.get(name="Key user"))
    makers.assign(
        makers.person("Eigenaar"), makers.role("Eigenaar CRM", kind="owner", component=crm)
    )

    assert set(_gaps()) == {
        ("Houder Key user CRM", "Key user CRM"),
        ("Houder Key user", "Key user"),  # a key user for no component in particular
    }


def test_only_attending_counts_not_registering_or_staying_away(db):
    role = makers.role("Inrichter")
    registered, absent = makers.person("Dirk"), makers.person("Els")
    for person in (registered, absent):
        makers.assign(person, role)
    course = _course("Basistraining")
    course.required_for_roles.set([role])
    _had(registered, course, days_ago=-14, attended=None)  # a session still to come
    _had(absent, course, attended=False)

    assert set(_gaps()) == {("Dirk", "Inrichter"), ("Els", "Inrichter")}


def test_people_who_left_and_courses_no_longer_offered_drop_out(db):
    role = makers.role("Inrichter")
    gone = makers.person("Frits", leaving_date=timezone.localdate() - timedelta(days=1))
    inactive = makers.person("Gea", is_active=False)
    staying = makers.person("Hans")
    for person in (gone, inactive, staying):
        makers.assign(person, role)
    course = _course("Basistraining")
    course.required_for_roles.set([role])
    retired = _course("Oude training", is_active=False)
    retired.required_for_roles.set([role])

    assert _gaps() == {("Hans", "Inrichter"): ["Basistraining"]}


def test_the_second_training_is_due_n_months_after_the_first(db):
    crm = Component.objects.get(name="Klantvolgsysteem")
    kennisbank = Component.objects.get(name="Kennisbank")
    basic = _course("Basis CRM", Course.Kind.BASIC, crm)
    advanced = _course("Verdieping CRM", Course.Kind.ADVANCED, crm)
    refresher_elsewhere = _course("Opfris kennisbank", Course.Kind.REFRESHER, kennisbank)
    today = timezone.localdate()
    seven_months = (today - add_months(today, -7)).days
    waiting, done, recent, elsewhere = (makers.person(n) for n in ("Ilse", "Jan", "Kees", "Lies"))
    for person in (waiting, done, elsewhere):
        _had(person, basic, days_ago=seven_months)
    _had(done, advanced, days_ago=30)
    _had(recent, basic, days_ago=60)
    _had(elsewhere, refresher_elsewhere, days_ago=30)  # another component's: no second

    due = {d.person.name: d.months_ago for d in second_training_due(today=today, months=6)}
    assert due == {"Ilse": 7, "Lies": 7}
    assert {d.person.name for d in second_training_due(today=today, months=1)} == {
        "Ilse",
        "Kees",
        "Lies",
    }
    assert second_training_due(today=today, months=8) == []


def test_a_second_training_before_the_first_does_not_count(db):
    crm = Component.objects.get(name="Klantvolgsysteem")
    person = makers.person("Mila")
    _had(person, _course("Verdieping", Course.Kind.ADVANCED, crm), days_ago=400)
    _had(person, _course("Basis", Course.Kind.BASIC, crm), days_ago=300)

    assert [d.person for d in second_training_due(today=timezone.localdate())] == [person]


def test_the_default_key_user_training_is_needed_by_every_key_user(db):
    ensure_default_courses(Course, Component, Role)
    makers.assign(makers.person("Nina"), Role.objects.get(name="Key user"))
    makers.assign(makers.person("Otto"), Role.objects.get(name="Eigenaar Kennisbank"))

    assert _gaps() == {
        ("Nina", "Key user"): ["Key-usertraining"],
        ("Otto", "Eigenaar Kennisbank"): ["Basistraining Kennisbank"],
    }


def test_the_report_is_for_the_beheerteam_and_the_mt(client_as, db):
    role = makers.role("Inrichter")
    makers.assign(makers.person("Piet"), role)
    _course("Basistraining").required_for_roles.set([role])
    url = reverse("operations:gaps")

    page = client_as("mt").get(url)
    assert page.status_code == 200
    assert "data-gap-person" in page.content.decode()
    assert client_as("manager").get(url + "?maanden=3").context["months"] == 3
    assert client_as("manager").get(url + "?maanden=abc").context["months"] == 6
    for persona in ("owner", "key_user", "outsider"):
        assert client_as(persona).get(url).status_code == 403
