"""A review round's report as an Excel workbook, for the auditor: the scope,
the owners per component, who answered what and when, the outcomes (with the
items nobody reviewed), and when each revoke or follow-up was ticked off on
the mutations list. A closed round reads from what was copied at closing
(reviews.review_close), so the report is the same whenever it is downloaded."""

from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from beheer.xlsx import write_table, write_title
from matrix.models import MutationTick, ReviewAnswer, ReviewRound
from matrix.mutations import review_outcome_action
from matrix.reviews import review_items


def _user_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _outcome(item) -> str:
    if item.answer is None:
        return _("not answered yet")
    return str(item.answer.get_decision_display())


def review_workbook(review: ReviewRound, *, organisation: str, with_ticks: bool) -> Workbook:
    """`with_ticks`: add when each outcome was ticked off on the mutations list,
    for those who may read that list."""
    progress = review_items(review)
    ticks = (
        {
            (tick.person_id, tick.right_id, tick.action): tick
            for tick in MutationTick.objects.filter(occasion=f"review:{review.pk}").select_related(
                "ticked_by"
            )
        }
        if with_ticks
        else {}
    )
    items = [(p, item) for p in progress for item in p.items]
    outcomes = Counter(item.answer.decision if item.answer else "" for _p, item in items)

    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Round")[:31]
    status = (
        _("open")
        if review.is_open
        else _("closed on %(date)s") % {"date": f"{timezone.localtime(review.closed_at):%d-%m-%Y}"}
    )
    row = write_title(
        summary,
        _("Access review: %(name)s") % {"name": review.name},
        [organisation, status],
    )
    facts = [
        (_("Round"), review.name),
        (_("Started on"), review.started_at),
        (_("Started by"), _user_name(review.started_by)),
        (_("Deadline"), review.deadline),
        (_("Closed on"), review.closed_at),
        (_("Closed by"), _user_name(review.closed_by)),
        (_("Items in scope"), len(items)),
        *((str(label), outcomes.get(value, 0)) for value, label in ReviewAnswer.Decision.choices),
    ]
    if review.is_open:
        facts.append((_("Not answered yet"), outcomes.get("", 0)))
    row = write_table(summary, row, [_("Subject"), _("Value")], facts, widths=[24, 40])
    write_table(
        summary,
        row + 1,
        [
            _("Component"),
            _("Owners"),
            _("Items"),
            _("Answered"),
            _("Not answered yet") if review.is_open else _("Not reviewed"),
        ],
        [
            (
                str(p.component),
                ", ".join(p.owner_names),
                p.total,
                p.answered,
                p.total - p.answered,
            )
            for p in progress
        ],
        widths=[24, 40, 9, 11, 13],
    )

    detail = workbook.create_sheet(_("Items")[:31])
    row = write_title(
        detail,
        _("Access review: %(name)s") % {"name": review.name},
        [organisation, _("Every person holding a right of the round's components")],
    )
    rows = []
    for p, item in items:
        answer = item.answer
        tick = None
        if answer and answer.decision != ReviewAnswer.Decision.KEEP:
            action = review_outcome_action(answer.decision)
            tick = ticks.get((answer.person_id, answer.right_id, action))
        answered = answer and answer.decision in ReviewAnswer.ANSWERS
        rows.append(
            (
                (answer and answer.component_name) or str(p.component),
                item.right_name,
                item.person_name,
                item.roles_text,
                _outcome(item),
                answer.comment if answer else "",
                _user_name(answer.answered_by) if answered else "",
                answer.answered_at if answered else None,
                tick.ticked_at if tick else None,
                _user_name(tick.ticked_by) if tick else "",
            )
        )
    write_table(
        detail,
        row,
        [
            _("Component"),
            _("Right"),
            _("Person"),
            _("Through"),
            _("Outcome"),
            _("Comment"),
            _("Answered by"),
            _("Answered on"),
            *((_("Ticked off on the mutations list"), _("Ticked off by")) if with_ticks else ()),
        ],
        [row if with_ticks else row[:-2] for row in rows],
        widths=[16, 22, 18, 18, 12, 22, 14, 14, 14, 14][: 10 if with_ticks else 8],
    )
    return workbook
