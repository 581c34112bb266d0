from django.db import migrations

from matrix.defaults import ensure_default_matrix


def create_matrix(apps, schema_editor):
    ensure_default_matrix(
        apps.get_model("matrix", "Activity"),
        apps.get_model("matrix", "Responsibility"),
        apps.get_model("beheer", "Role"),
        apps.get_model("beheer", "Component"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("matrix", "0001_matrix"),
        ("beheer", "0003_default_structure"),
    ]

    operations = [migrations.RunPython(create_matrix, migrations.RunPython.noop)]
