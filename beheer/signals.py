"""Invalidate cached renderings of the register whenever any of it changes."""

from django.db.models.signals import post_delete, post_save

from beheer.models import (
    Assignment,
    Component,
    Department,
    OrganisationSettings,
    Person,
    Role,
    ServiceProcess,
    Supplier,
)

REGISTER_MODELS = (Assignment, Component, Department, Person, Role, ServiceProcess, Supplier)


def _register_changed(sender, **kwargs):
    OrganisationSettings.register_changed()


def connect() -> None:
    for model in REGISTER_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                _register_changed, sender=model, dispatch_uid=f"register-{model.__name__}"
            )
