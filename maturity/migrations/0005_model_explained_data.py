"""Fill what migration 0004 added, for a model shipped before it:
- each shipped statement gets its axis and its explanation (never over an edit);
- three statements move to the level the model puts them at (only where they
  still read as shipped and sit where they were shipped);
- level 2 gets back the seed's nuance (only where its text is as shipped);
- published rounds get the date they were first published, from their history.

Moving a statement changes the results of rounds answered before (the answers
themselves are untouched): published rounds are then marked as changed since
publication, so their readers are told rather than surprised.
"""

from django.db import migrations
from django.db.models import Max
from django.utils import timezone

from maturity.model_texts import LEVEL_2_BEFORE, LEVELS, shipped_statements

# (dimension key, Dutch text, shipped level, level after the review)
MOVES = [
    ("people", "Het management bespreekt de resultaten van de dienstverlening structureel.", 4, 3),
    ("process", "Er is een vaste werkwijze voor het doorvoeren van wijzigingen.", 3, 2),
    ("supplier", "Systemen van leveranciers zijn gekoppeld aan die van ons.", 4, 5),
]


def fill(apps, schema_editor):
    Level = apps.get_model("maturity", "Level")
    Statement = apps.get_model("maturity", "Statement")
    Assessment = apps.get_model("maturity", "Assessment")
    HistoricalAssessment = apps.get_model("maturity", "HistoricalAssessment")

    moved = 0
    for key, text_nl, shipped, reviewed in MOVES:
        for statement in Statement.objects.filter(
            dimension__key=key, text_nl=text_nl, level=shipped
        ):
            last = Statement.objects.filter(
                dimension=statement.dimension_id, level=reviewed
            ).aggregate(last=Max("order"))["last"]
            statement.level, statement.order = reviewed, (last or 0) + 1
            statement.save(update_fields=["level", "order"])
            moved += 1

    for (
        key,
        _level,
        _order,
        text_nl,
        _en,
        axis,
        explanation_nl,
        explanation_en,
    ) in shipped_statements():
        Statement.objects.filter(dimension__key=key, text_nl=text_nl, explanation_nl="").update(
            axis=axis, explanation_nl=explanation_nl, explanation_en=explanation_en
        )

    _number, _names, (description_nl, description_en) = LEVELS[1]
    Level.objects.filter(number=2, description_nl=LEVEL_2_BEFORE[0]).update(
        description_nl=description_nl
    )
    Level.objects.filter(number=2, description_en=LEVEL_2_BEFORE[1]).update(
        description_en=description_en
    )

    for assessment in Assessment.objects.filter(
        is_published=True, results_published_at__isnull=True
    ):
        first = (
            HistoricalAssessment.objects.filter(id=assessment.pk, is_published=True)
            .order_by("history_date")
            .values_list("history_date", flat=True)
            .first()
        )
        if first is not None:
            Assessment.objects.filter(pk=assessment.pk).update(results_published_at=first)
    if moved:
        Assessment.objects.filter(is_published=True, responses__submitted_at__isnull=False).update(
            changed_since_publication=timezone.now()
        )


class Migration(migrations.Migration):
    dependencies = [("maturity", "0004_model_explained")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
