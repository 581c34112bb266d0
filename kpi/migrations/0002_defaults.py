from django.db import migrations

from kpi.defaults import ensure_defaults


def create_defaults(apps, schema_editor):
    ensure_defaults(apps.get_model("kpi", "SuccessFactor"), apps.get_model("kpi", "Channel"))


class Migration(migrations.Migration):
    dependencies = [("kpi", "0001_kpi")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
