from django.db import migrations

from beheer.defaults import ensure_default_structure


def create_structure(apps, schema_editor):
    ensure_default_structure(
        apps.get_model("beheer", "Component"),
        apps.get_model("beheer", "Role"),
        apps.get_model("beheer", "OrganisationSettings"),
    )


class Migration(migrations.Migration):
    dependencies = [("beheer", "0002_register")]

    operations = [migrations.RunPython(create_structure, migrations.RunPython.noop)]
