from django.db import migrations

from maturity.model_texts import ensure_default_model


def create_model(apps, schema_editor):
    ensure_default_model(
        apps.get_model("maturity", "Level"),
        apps.get_model("maturity", "Dimension"),
        apps.get_model("maturity", "Statement"),
    )


class Migration(migrations.Migration):
    dependencies = [("maturity", "0001_maturity")]

    operations = [migrations.RunPython(create_model, migrations.RunPython.noop)]
