from django.db import migrations

from matrix.defaults import ensure_default_rights


def create_rights(apps, schema_editor):
    ensure_default_rights(
        apps.get_model("matrix", "Right"),
        apps.get_model("matrix", "Grant"),
        apps.get_model("beheer", "Role"),
        apps.get_model("beheer", "Component"),
    )


class Migration(migrations.Migration):
    dependencies = [("matrix", "0004_rights")]

    operations = [migrations.RunPython(create_rights, migrations.RunPython.noop)]
