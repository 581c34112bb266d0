"""The next actions of success-factor reviews, brought into the one action
register (data migration 0003, and the demo, whose reviews come after it).

Every review with a next action gives one action, linked to its review and
factor; none is lost. The latest review of a factor holds its current action:
it stays open (and so shows as overdue when its due date has passed, as the
checklist showed it). An earlier review's action was replaced when the next
review was recorded; it comes over as cancelled with a note that says so,
rather than as done: the review never said it was done.

Takes the model classes, so the migration can pass its historical models.
"""

from itertools import groupby

CURRENT = "Overgenomen uit de beoordeling van {review}."
SUPERSEDED = "Overgenomen uit de beoordeling van {review}; vervallen met die van {next}."


def copy_factor_review_actions(FactorReview, Action) -> int:
    """Copy the next actions of the reviews that have no action in the register yet."""
    copied = set(
        Action.objects.filter(factor_review__isnull=False).values_list("factor_review", flat=True)
    )
    reviews = FactorReview.objects.order_by("factor_id", "date", "id")
    actions = []
    for _factor, of_factor in groupby(reviews, key=lambda r: r.factor_id):
        of_factor = list(of_factor)
        for review, later in zip(of_factor, [*of_factor[1:], None], strict=True):
            if not review.next_action.strip() or review.pk in copied:
                continue
            day = f"{review.date:%d-%m-%Y}"
            actions.append(
                Action(
                    source="factor_review",
                    title=review.next_action,
                    owner_id=review.owner_id,
                    due_date=review.due_date,
                    status="open" if later is None else "cancelled",
                    status_note=(
                        CURRENT.format(review=day)
                        if later is None
                        else SUPERSEDED.format(review=day, next=f"{later.date:%d-%m-%Y}")
                    ),
                    factor_review_id=review.pk,
                    success_factor_id=review.factor_id,
                    created_by_id=review.recorded_by_id,
                    created_at=review.recorded_at,
                )
            )
    Action.objects.bulk_create(actions, batch_size=500)
    return len(actions)
