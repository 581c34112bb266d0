"""No text input takes a control character: one rule for every model and every form."""

import importlib
import inspect
import io
import pkgutil
from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from guardian.shortcuts import assign_perm

from beheer import validators
from beheer.forms import DepartmentForm, NoControlCharactersMixin
from beheer.models import Component, Department
from beheer.resources import CSV, FORMATS
from matrix.models import Activity
from matrix.mutations_views import TickForm
from matrix.versions import AdoptForm
from maturity.forms import dimension_form_class
from maturity.models import Statement

PROJECT_APPS = {"beheer", "matrix", "maturity", "kpi"}


def _text_fields():
    return [
        (model, field)
        for model in validators.input_models()
        for field in model._meta.local_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def test_the_rule_reaches_every_app_of_the_project_and_no_library():
    labels = {config.label for config in validators.project_app_configs()}

    assert labels >= PROJECT_APPS
    assert not labels & {"admin", "auth", "guardian", "simple_history", "import_export"}


def test_every_text_field_of_every_project_model_refuses_control_characters():
    checked = _text_fields()

    assert len(checked) > 60  # the walk found the models
    for model, field in checked:
        with pytest.raises(ValidationError):
            field.run_validators("a\x0bb")
        with pytest.raises(ValidationError):
            field.run_validators("a\x00b")
        if isinstance(field, models.TextField):
            field.run_validators("First line\r\n\tsecond line")  # several lines are fine
        else:
            assert validators.NoControlCharacters(multi_line=False) in field.validators, (
                f"{model.__name__}.{field.name} should take a single line"
            )


def _project_modules():
    for app in sorted(PROJECT_APPS):
        package = importlib.import_module(app)
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or info.name.startswith("beheer.settings"):
                continue
            yield importlib.import_module(info.name)


def _project_form_classes():
    found = {}
    for module in _project_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__.split(".")[0] in PROJECT_APPS:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def _covered_by_the_model(form_class, name) -> bool:
    """A ModelForm's field that stands for a model text field: the model validates it."""
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model is None:
        return False
    try:
        field = model._meta.get_field(name)
    except Exception:
        return False
    return validators.validator_for(field) in getattr(field, "validators", [])


def test_every_project_form_refuses_control_characters_in_its_text_fields():
    form_classes = _project_form_classes()
    # The walk finds forms in forms.py and in view modules alike.
    assert {"matrix.versions.AdoptForm", "matrix.forms.ActivityForm"} <= set(form_classes)

    unprotected = [
        f"{path}.{name}"
        for path, form_class in form_classes.items()
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.CharField)
        and not issubclass(form_class, NoControlCharactersMixin)
        and not _covered_by_the_model(form_class, name)
    ]

    assert unprotected == []


def test_forms_built_at_run_time_follow_the_rule_too(db):
    statement = Statement.objects.first()
    form_class, _initial = dimension_form_class([statement], {})

    form = form_class({f"s{statement.pk}": "fully", f"c{statement.pk}": "goed\x07"})

    assert issubclass(form_class, NoControlCharactersMixin)
    assert not form.is_valid() and f"c{statement.pk}" in form.errors


def test_a_plain_form_keeps_line_breaks_in_a_textarea_and_refuses_them_on_one_line():
    note = {"adopted_on": "2026-01-05"}

    assert AdoptForm({**note, "note": "Vastgesteld\r\n\tdoor het MT"}, broken=[]).is_valid()
    assert "note" in AdoptForm({**note, "note": "Vast\x0bgesteld"}, broken=[]).errors
    tick = TickForm({"occasion": "leaving:2026-01-01\nx"})
    assert not tick.is_valid() and "occasion" in tick.errors


def test_the_message_says_which_character_to_remove(db):
    with translation.override("en"):
        invisible = DepartmentForm({"name": "Wo\x0bnen"})
        two_lines = DepartmentForm({"name": "Wonen\nZorg"})

        assert invisible.errors["name"] == [
            "Remove the invisible control character U+000B from this text "
            "(it often comes along when copying from another program)."
        ]
        assert two_lines.errors["name"] == [
            "This field takes a single line: remove the line break or tab."
        ]
    assert DepartmentForm({"name": "Wonen", "description": "Regel 1\r\nRegel 2"}).is_valid()


def test_an_owner_cannot_rename_a_task_with_a_vertical_tab(client_as, personas):
    component = Component.objects.create(name="Kennisbank VT")
    assign_perm("beheer.edit_matrix_rows", personas.owner, component)
    task = Activity.objects.create(title="Artikel", theme="Kennis", component=component)

    response = client_as("owner").post(
        reverse("matrix:activity-update", args=[task.pk]),
        {"title": "Artikel\x0bpubliceren", "theme": "Kennis", "component": component.pk},
    )

    assert response.status_code == 200
    assert "U+000B" in response.content.decode()
    task.refresh_from_db()
    assert task.title == "Artikel"
    assert client_as("owner").get(reverse("matrix:export")).status_code == 200


def test_the_admin_form_refuses_a_control_character(client_as):
    response = client_as("beheerder").post(
        reverse("admin:beheer_department_add"), {"name": "Wo\x07nen", "description": ""}
    )

    assert response.status_code == 200
    assert "U+0007" in response.content.decode()
    assert not Department.objects.filter(name__startswith="Wo").exists()


def test_the_admin_import_refuses_a_control_character_and_imports_nothing(client_as):
    content = b'"name","description"\r\n"Wonen",""\r\n"Zo\x1brg",""\r\n'

    response = client_as("beheerder").post(
        reverse("admin:beheer_department_import"),
        {"resource": "0", "format": str(FORMATS.index(CSV)), "import_file": io.BytesIO(content)},
    )

    result = response.context["result"]
    assert result.has_validation_errors()
    [invalid] = result.invalid_rows
    assert "U+001B" in str(invalid.error_dict["name"])
    assert not Department.objects.filter(name__in=["Wonen", "Zorg", "Zo\x1brg"]).exists()


def test_a_kpi_name_with_a_bell_is_refused_by_the_kpi_form(client_as, db):
    from kpi.forms import KpiForm

    form = KpiForm({"name": "Online\x07", "deadline": date(2027, 1, 1)})

    assert "name" in form.errors
