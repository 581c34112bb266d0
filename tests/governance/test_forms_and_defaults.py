"""The standard forums of a fresh install, and the rule every text input follows."""

import inspect

from beheer import validators
from beheer.forms import NoControlCharactersMixin
from beheer.models import Role
from governance import forms as governance_forms
from governance import services
from governance.defaults import FORUMS, ensure_default_forums
from governance.models import Forum


def test_a_fresh_install_proposes_the_standard_forums_with_their_member_roles(db):
    forums = {f.kind: f for f in Forum.objects.prefetch_related("roles")}

    assert set(forums) == {"beheeroverleg", "stuurgroep", "klantenforum", "key_users", "supplier"}
    beheer = forums["beheeroverleg"]
    assert (beheer.name_nl, beheer.cadence) == ("Beheeroverleg", "4_weeks")
    assert {r.name for r in beheer.roles.all()} == {
        "CRM-beheerder",
        "CRM-manager",
        "Functioneel beheer",
        "Key user",
    }
    assert all(f.purpose_nl and f.purpose_en and f.name_en for f in forums.values())


def test_the_standard_forums_are_not_made_again_once_there_are_forums(db):
    Forum.objects.exclude(kind="stuurgroep").delete()

    assert ensure_default_forums(Forum, Role) is False
    assert Forum.objects.count() == 1
    Forum.objects.all().delete()
    assert ensure_default_forums(Forum, Role) is True
    assert Forum.objects.count() == len(FORUMS)


def test_every_governance_form_refuses_control_characters(db):
    unprotected = []
    for name, form_class in inspect.getmembers(governance_forms, inspect.isclass):
        if not issubclass(form_class, governance_forms.forms.BaseForm):
            continue
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        for field_name, field in form_class.base_fields.items():
            if not isinstance(field, governance_forms.forms.CharField):
                continue
            covered = issubclass(form_class, NoControlCharactersMixin) or (
                model is not None
                and validators.validator_for(model._meta.get_field(field_name))
                in model._meta.get_field(field_name).validators
            )
            if not covered:
                unprotected.append(f"{name}.{field_name}")

    assert unprotected == []


def test_the_forms_built_per_meeting_refuse_control_characters_too(meeting):
    item = services.agenda_item_add(meeting=meeting, title="Punt")
    versions = services.item_versions([item])
    minutes = governance_forms.MinutesForm(
        {f"minutes_{item.pk}": "Regel 1\r\n\tRegel\x0b 2", f"version_{item.pk}": versions[item.pk]},
        items=[item],
        versions=versions,
    )
    attendances = list(meeting.attendances.all())
    attendance = governance_forms.AttendanceForm(
        {"other_guests": "R.\x07 Verbeek"}, attendances=attendances
    )

    assert f"minutes_{item.pk}" in minutes.errors
    assert "other_guests" in attendance.errors
