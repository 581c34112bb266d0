"""The maturity part of Mijn werk (beheer.work): the questionnaires a person is
invited to and has not submitted, with their answer-by date and how far they
are; for the managers, the rounds still open after their answer-by date."""

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from beheer.work import WorkItem
from maturity.access import invited_ids
from maturity.models import Answer, Assessment, Dimension, Response, Statement


def work_items(*, user, person, today: date) -> list[WorkItem]:
    """Six queries, however many rounds and answers: the invitations, the open
    rounds, the user's responses, the dimensions, the statements per dimension
    and the user's answers per dimension."""
    invited = invited_ids(user)
    if not invited:
        return []
    assessments = list(
        Assessment.objects.filter(pk__in=invited, is_open=True).select_related("department")
    )
    if not assessments:
        return []
    responses = {
        response.assessment_id: response
        for response in Response.objects.filter(assessment__in=assessments, respondent=user)
    }
    to_fill = [a for a in assessments if getattr(responses.get(a.pk), "submitted_at", None) is None]
    if not to_fill:
        return []
    dimensions = list(Dimension.objects.values_list("pk", "key"))
    per_dimension = dict(
        Statement.objects.order_by()
        .values("dimension_id")
        .annotate(total=Count("pk"))
        .values_list("dimension_id", "total")
    )
    total = sum(per_dimension.values())
    answered: dict[tuple[int, int], int] = {}
    started = [responses[a.pk].pk for a in to_fill if a.pk in responses]
    for response_id, dimension_id, count in (
        Answer.objects.filter(response__in=started)
        .exclude(value="")  # a comment alone answers nothing
        .order_by()
        .values_list("response_id", "statement__dimension_id")
        .annotate(count=Count("pk"))
    ):
        answered[response_id, dimension_id] = count
    items = []
    for assessment in to_fill:
        response = responses.get(assessment.pk)
        done = {
            pk: answered.get((response.pk, pk), 0) if response else 0 for pk, _key in dimensions
        }
        # Straight to the first page with a statement still to answer.
        first_open = next(
            (key for pk, key in dimensions if done[pk] < per_dimension.get(pk, 0)),
            dimensions[0][1] if dimensions else None,
        )
        url = (
            reverse("maturity:questionnaire", args=[assessment.pk, first_open])
            if first_open
            else reverse("maturity:assessment", args=[assessment.pk])
        )
        answer_by = assessment.answer_by or assessment.period_end
        answers = sum(done.values())
        items.append(
            WorkItem(
                kind="questionnaire",
                title=_("Fill in the questionnaire “%(name)s”") % {"name": assessment.name},
                url=url,
                due=answer_by,
                overdue=answer_by < today,
                detail=(
                    _("%(department)s · answer by %(date)s")
                    if answers < total
                    else _("%(department)s · every statement answered: submit by %(date)s")
                )
                % {
                    "department": assessment.department.name,
                    "date": answer_by.strftime("%d-%m-%Y"),
                },
                progress=(answers, total),
                priority=2,
            )
        )
    return items


def attention_items(*, today: date) -> list[WorkItem]:
    """Rounds still open for answers after their answer-by date; one query."""
    late = Assessment.objects.filter(
        Q(answer_by__lt=today) | Q(answer_by__isnull=True, period_end__lt=today), is_open=True
    ).count()
    if not late:
        return []
    return [
        WorkItem(
            kind="maturity-late",
            title=_("assessments still open after their answer-by date"),
            url=reverse("maturity:index"),
            count=late,
            priority=3,
        )
    ]
