from django.db import migrations

from maturity.model_texts import DIMENSIONS, LEVELS, STATEMENTS


def create_model(apps, schema_editor):
    """The default model, on an empty install only; afterwards it is the beheerders' data."""
    Level = apps.get_model("maturity", "Level")
    Dimension = apps.get_model("maturity", "Dimension")
    Statement = apps.get_model("maturity", "Statement")
    if Dimension.objects.exists():
        return
    for number, (name_nl, name_en), (description_nl, description_en) in LEVELS:
        Level.objects.create(
            number=number,
            name_nl=name_nl,
            name_en=name_en,
            description_nl=description_nl,
            description_en=description_en,
        )
    for order, (key, names, questions, lows, highs) in enumerate(DIMENSIONS, start=1):
        dimension = Dimension.objects.create(
            key=key,
            order=order,
            name_nl=names[0],
            name_en=names[1],
            question_nl=questions[0],
            question_en=questions[1],
            low_nl=lows[0],
            low_en=lows[1],
            high_nl=highs[0],
            high_en=highs[1],
        )
        for level, texts in STATEMENTS[key].items():
            for position, (text_nl, text_en) in enumerate(texts, start=1):
                Statement.objects.create(
                    dimension=dimension, level=level, order=position, text_nl=text_nl, text_en=text_en
                )


class Migration(migrations.Migration):
    dependencies = [("maturity", "0001_maturity")]

    operations = [migrations.RunPython(create_model, migrations.RunPython.noop)]
