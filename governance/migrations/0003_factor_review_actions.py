from django.db import migrations

from governance.factor_actions import copy_factor_review_actions


def forwards(apps, schema_editor):
    copy_factor_review_actions(
        apps.get_model("kpi", "FactorReview"), apps.get_model("governance", "Action")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_default_forums"),
        ("kpi", "0005_delete_pendingupload"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
