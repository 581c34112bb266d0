"""Review rounds: start, answer per person and right, follow progress, close."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.models import OrganisationSettings, Person
from beheer.navigation import action_proposal_url
from beheer.xlsx import xlsx_response
from matrix import access
from matrix.models import ReviewAnswer, ReviewRound, ReviewSchedule, Right
from matrix.review_report import review_workbook
from matrix.reviews import (
    ReviewConflict,
    answerable_progress,
    holds_right,
    open_items,
    remaining_items,
    review_answer,
    review_close,
    review_items,
    review_keep_remaining,
    review_started,
)


class ReviewRoundForm(forms.ModelForm):
    class Meta:
        model = ReviewRound
        fields = ["name", "deadline", "components"]
        widgets = {"deadline": DateInput(), "components": forms.CheckboxSelectMultiple}

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class AnswerForm(NoControlCharactersMixin, forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.all(), widget=forms.HiddenInput)
    right = forms.ModelChoiceField(queryset=Right.objects.all(), widget=forms.HiddenInput)
    # "Not reviewed" is what closing records for the unanswered, never an answer.
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[c for c in ReviewAnswer.Decision.choices if c[0] in ReviewAnswer.ANSWERS],
    )
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False, max_length=500)
    seen = forms.ChoiceField(choices=[("", ""), *ReviewAnswer.Decision.choices], required=False)


def review_list(request):
    can_start = access.can_edit_all(request.user)
    form = ReviewRoundForm(request.POST or None)
    if request.method == "POST":
        access.require(can_start, _("Only managers may start a review round."))
        if form.is_valid():
            review = form.save(commit=False)
            review.started_by = request.user
            review.save()
            form.save_m2m()
            review_started(review, by=request.user)
            messages.success(request, _("The review round has been started."))
            return redirect(review)
    rounds = ReviewRound.objects.prefetch_related("components").annotate(
        not_reviewed=Count(
            "answers", filter=Q(answers__decision=ReviewAnswer.Decision.NOT_REVIEWED)
        )
    )
    return render(
        request,
        "matrix/reviews.html",
        {
            "rounds": rounds,
            "form": form,
            "can_start": can_start,
            "schedules": ReviewSchedule.objects.prefetch_related("components"),
        },
    )


def review_detail(request, pk):
    review = get_object_or_404(ReviewRound, pk=pk)
    edit_all = access.can_edit_all(request.user)
    progress = answerable_progress(review, request.user)
    if edit_all:
        for component_progress in progress:
            for item in component_progress.items:
                item.follow_up_url = _follow_up_url(item)
    answerable = [p for p in progress if p.may_answer]
    remaining = remaining_items(progress)
    return render(
        request,
        "matrix/review_detail.html",
        {
            "review": review,
            "progress": progress,
            "overdue": review.is_open and review.deadline < timezone.localdate(),
            "can_close": edit_all and review.is_open,
            "decisions": AnswerForm.base_fields["decision"].choices,
            # What this user answers: their progress, and the people and rights
            # for which they can keep everything that remains in one go.
            "my_answered": sum(p.answered for p in answerable),
            "my_total": sum(p.total for p in answerable),
            "keep_people": sorted(
                {item.person.pk: item.person for item in remaining}.values(),
                key=lambda person: person.name,
            ),
            "keep_rights": sorted(
                {item.right.pk: item.right for item in remaining}.values(),
                key=lambda right: (str(right.component), right.name),
            ),
            "not_reviewed": sum(p.total - p.answered for p in progress)
            if not review.is_open
            else 0,
        },
    )


def _follow_up_url(item) -> str:
    """A revoke or change decided in the review, proposed as an action of the
    action register (its source "access review"), for the managers to plan."""
    answer = item.answer
    if (
        answer is None
        or item.right is None
        or answer.decision
        not in (
            ReviewAnswer.Decision.REVOKE,
            ReviewAnswer.Decision.CHANGE,
        )
    ):
        return ""
    return action_proposal_url(
        "access_review",
        component=item.right.component_id,
        title=f"{answer.get_decision_display()}: {item.right.name} – {item.person.name}",
    )


@require_POST
def review_answer_view(request, pk):
    review = get_object_or_404(ReviewRound, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid() or not review.is_open:
        messages.error(request, _("The answer could not be saved."))
        return redirect(review)
    right, person = form.cleaned_data["right"], form.cleaned_data["person"]
    in_round = review.components.filter(pk=right.component_id).exists()
    access.require(
        in_round
        and (
            access.can_edit_all(request.user)
            or right.component_id in access.editable_component_ids(request.user)
        ),
        _("You may only review the rights of your own components."),
    )
    # Only people who hold the right are reviewed; anything else is a forged item.
    access.require(holds_right(person, right), _("This person does not hold this right."))
    try:
        review_answer(
            review=review,
            person=person,
            right=right,
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
            seen=form.cleaned_data["seen"],
            user=request.user,
        )
    except ReviewConflict:
        messages.error(
            request,
            _(
                "Someone else answered this item, or the round was closed, after you opened "
                "the page. Your answer has not been saved; check the item again."
            ),
        )
    return redirect(f"{review.get_absolute_url()}#component-{right.component_id}")


def review_close_view(request, pk):
    """Closing asks first, showing per component how many items nobody answered:
    those are recorded as "not reviewed" and go onto the mutations list."""
    review = get_object_or_404(ReviewRound, pk=pk)
    access.require(access.can_edit_all(request.user), _("Only managers may close a review round."))
    if not review.is_open:
        messages.info(request, _("This round was already closed."))
        return redirect(review)
    if request.method == "POST":
        not_reviewed = review_close(review=review, by=request.user)
        if not_reviewed:
            messages.warning(
                request,
                ngettext(
                    "The round is closed. %(count)d item nobody reviewed is on the mutations "
                    "list, to follow up with the owners.",
                    "The round is closed. %(count)d items nobody reviewed are on the mutations "
                    "list, to follow up with the owners.",
                    not_reviewed,
                )
                % {"count": not_reviewed},
            )
        else:
            messages.success(
                request,
                _("The round is closed; what must be revoked or changed is on the mutations list."),
            )
        return redirect(review)
    progress = review_items(review)
    return render(
        request,
        "matrix/review_close.html",
        {
            "review": review,
            "open_per_component": open_items(progress),
            "open_total": sum(p.open for p in progress),
            "answered_total": sum(p.answered for p in progress),
        },
    )


class KeepForm(forms.Form):
    """Which remaining items to keep at once: those of one person, or of one
    right; once confirmed, only the items the confirmation listed (`item`)."""

    person = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    right = forms.ModelChoiceField(queryset=Right.objects.all(), required=False)
    item = forms.MultipleChoiceField(required=False)  # "person id:right id"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any pair may be posted; only those still listed are kept (matches).
        self.fields["item"].valid_value = lambda value: True

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("right")):
            raise forms.ValidationError(_("Choose one person or one right."))
        return data

    def matches(self, item) -> bool:
        person, right = self.cleaned_data["person"], self.cleaned_data["right"]
        return item.person == person if person else item.right == right

    def confirmed(self, item) -> bool:
        return f"{item.person.pk}:{item.right.pk}" in self.cleaned_data["item"]


def review_keep_view(request, pk):
    """Keep all remaining items of one person (or one right) the user may
    answer: a confirmation listing them, then one answer for each item listed
    (one that became remaining after the confirmation was shown is left open)."""
    review = get_object_or_404(ReviewRound, pk=pk)
    form = KeepForm(request.POST if request.method == "POST" else request.GET)
    in_round = set(review.components.values_list("pk", flat=True))
    access.require(
        access.can_edit_all(request.user)
        or bool(in_round & access.editable_component_ids(request.user)),
        _("You may only review the rights of your own components."),
    )
    if not review.is_open:
        messages.error(request, _("This round is closed; it takes no more answers."))
        return redirect(review)
    if not form.is_valid():
        messages.error(request, _("Choose one person or one right."))
        return redirect(review)
    progress = answerable_progress(review, request.user)
    items = [item for item in remaining_items(progress) if form.matches(item)]
    if request.method == "POST":
        items = [item for item in items if form.confirmed(item)]
        try:
            kept = review_keep_remaining(review=review, items=items, user=request.user)
        except ReviewConflict:
            messages.error(request, _("This round is closed; it takes no more answers."))
            return redirect(review)
        if kept:
            messages.success(
                request,
                ngettext("%(count)d right is kept.", "%(count)d rights are kept.", kept)
                % {"count": kept},
            )
        else:
            messages.info(request, _("Nothing was left to keep: every item has an answer."))
        return redirect(review)
    return render(
        request,
        "matrix/review_keep.html",
        {"review": review, "form": form, "items": items, **form.cleaned_data},
    )


def review_report(request, pk):
    """The round's report for the auditor; it shows what the round's page shows."""
    review = get_object_or_404(ReviewRound, pk=pk)
    workbook = review_workbook(
        review,
        organisation=OrganisationSettings.for_request(request).name,
        # When an outcome was carried out is the mutations list's, need to know.
        with_ticks=access.can_read_mutations(request.user),
    )
    return xlsx_response(workbook, f"review-{review.pk}-{timezone.localdate().isoformat()}.xlsx")
