"""Demo data for the maturity self-assessment: the default model (restored when
an emptied database is filled again) and, for two departments, two rounds each
with several respondents, so the charts and comparisons show something."""

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from guardian.shortcuts import assign_perm

from beheer.models import Department
from maturity.model_texts import ensure_default_model
from maturity.models import Answer, Assessment, Dimension, Level, Response, Statement

# department, round name, period, how far along (0-1: chance of a "fully" per level)
ROUNDS = [
    (
        "Klantcontactcentrum",
        "Voorjaar 2026",
        date(2026, 3, 1),
        date(2026, 4, 30),
        {2: 0.8, 3: 0.4, 4: 0.1, 5: 0.0},
    ),
    (
        "Klantcontactcentrum",
        "Najaar 2026",
        date(2026, 9, 1),
        date(2026, 10, 31),
        {2: 0.95, 3: 0.7, 4: 0.3, 5: 0.05},
    ),
    (
        "Wonen",
        "Voorjaar 2026",
        date(2026, 3, 1),
        date(2026, 4, 30),
        {2: 0.6, 3: 0.2, 4: 0.0, 5: 0.0},
    ),
    (
        "Wonen",
        "Najaar 2026",
        date(2026, 9, 1),
        date(2026, 10, 31),
        {2: 0.85, 3: 0.5, 4: 0.1, 5: 0.0},
    ),
]
PERSONA_RESPONDENTS = ("keyuser",)


def load(*, scale: int = 1) -> dict[str, int]:
    created = ensure_default_model(Level, Dimension, Statement)
    # The key-user persona and every demo colleague; `--scale` multiplies the latter.
    users = list(
        get_user_model().objects.filter(
            Q(username__in=PERSONA_RESPONDENTS) | Q(username__startswith="collega-")
        )
    )
    statements = list(Statement.objects.all())
    rounds = 0
    for department_name, name, start, end, progress in ROUNDS:
        department = Department.objects.filter(name=department_name).first()
        if department is None:
            continue
        assessment, new = Assessment.objects.get_or_create(
            department=department,
            name=name,
            defaults={
                "period_start": start,
                "period_end": end,
                "is_open": False,
                "is_published": True,
            },
        )
        if not new:
            continue
        rounds += 1
        chance = random.Random(f"{department_name}{name}")  # the same demo every time
        for user in users:
            assign_perm("maturity.respond_assessment", user, assessment)
            response = Response.objects.create(
                assessment=assessment, respondent=user, submitted_at=timezone.now()
            )
            answers = []
            for statement in statements:
                roll = chance.random()
                value = (
                    "fully"
                    if roll < progress[statement.level]
                    else "largely"
                    if roll < progress[statement.level] + 0.15
                    else "dont_know"
                    if roll > 0.97
                    else "partly"
                )
                answer = Answer(response=response, statement=statement, value=value)
                answer.score = Answer.SCORES[value]
                answers.append(answer)
            Answer.objects.bulk_create(answers, batch_size=1000)
    return {"model created": int(created), "assessment rounds created": rounds}
