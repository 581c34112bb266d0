"""Review rounds: start, answer per person and right, follow progress, close."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from beheer.forms import DateInput, NoControlCharactersMixin
from beheer.models import Person
from beheer.navigation import action_proposal_url
from matrix import access
from matrix.models import ReviewAnswer, ReviewRound, ReviewSchedule, Right
from matrix.reviews import (
    ReviewConflict,
    holds_right,
    review_answer,
    review_close,
    review_items,
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
    decision = forms.ChoiceField(label=gettext_lazy("Decision"), choices=ReviewAnswer.Decision)
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
    rounds = ReviewRound.objects.prefetch_related("components")
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
    user = request.user
    edit_all = access.can_edit_all(user)
    mine = set() if edit_all else access.editable_component_ids(user)
    progress = review_items(review)
    for component_progress in progress:
        component_progress.may_answer = review.is_open and (
            edit_all or component_progress.component.pk in mine
        )
        if edit_all:
            for item in component_progress.items:
                item.follow_up_url = _follow_up_url(item)
    return render(
        request,
        "matrix/review_detail.html",
        {
            "review": review,
            "progress": progress,
            "overdue": review.is_open and review.deadline < timezone.localdate(),
            "can_close": edit_all and review.is_open,
            "decisions": ReviewAnswer.Decision.choices,
        },
    )


def _follow_up_url(item) -> str:
    """A revoke or change decided in the review, proposed as an action of the
    action register (its source "access review"), for the managers to plan."""
    answer = item.answer
    if answer is None or answer.decision == ReviewAnswer.Decision.KEEP:
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


@require_POST
def review_close_view(request, pk):
    review = get_object_or_404(ReviewRound, pk=pk)
    access.require(access.can_edit_all(request.user), _("Only managers may close a review round."))
    if review.is_open:
        review_close(review=review)
        messages.success(
            request,
            _("The round is closed; what must be revoked or changed is on the mutations list."),
        )
    return redirect(review)
