from django.db import migrations

from operations.defaults import ensure_default_courses


def create_default_courses(apps, schema_editor):
    ensure_default_courses(
        apps.get_model("operations", "Course"),
        apps.get_model("beheer", "Component"),
        apps.get_model("beheer", "Role"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_initial"),
        # The default components and roles the courses are for.
        ("beheer", "0003_default_structure"),
    ]

    operations = [migrations.RunPython(create_default_courses, migrations.RunPython.noop)]
