from django.db import migrations

from governance.defaults import ensure_default_forums


def create_default_forums(apps, schema_editor):
    ensure_default_forums(apps.get_model("governance", "Forum"), apps.get_model("beheer", "Role"))


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_initial"),
        # The standing roles the forums' members come from.
        ("beheer", "0003_default_structure"),
    ]

    operations = [migrations.RunPython(create_default_forums, migrations.RunPython.noop)]
