"""Invalidate cached renderings of the register whenever any of it changes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from beheer import services
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


# Changes to these can change who owns a component.
OWNERSHIP_MODELS = (Assignment, Person, Role)


def _register_changed(sender, **kwargs):
    OrganisationSettings.register_changed()
    if sender in OWNERSHIP_MODELS:
        once_on_commit(services.component_owner_grants_sync)


def once_on_commit(func) -> None:
    """Run `func` after the transaction, once however many records it changed."""
    connection = transaction.get_connection()
    if not any(entry[1] is func for entry in connection.run_on_commit):
        # robust: a failing sync must not turn the user's saved change into an error.
        transaction.on_commit(func, robust=True)


def connect(models=REGISTER_MODELS) -> None:
    """Raise the data version whenever a record of `models` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _register_changed, sender=model, dispatch_uid=f"register-{model.__name__}"
            )
