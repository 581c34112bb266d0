"""The beheermatrix: activities (rows), RACI codes per role (cells), adopted versions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from beheer.models import Component, Role


class Activity(models.Model):
    title = models.CharField(_("task"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    theme = models.CharField(_("theme"), max_length=100)
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("matrix:grid") + f"#activity-{self.pk}"


class Responsibility(models.Model):
    class Code(models.TextChoices):
        R = "R", _("Responsible")
        A = "A", _("Accountable")
        C = "C", _("Consulted")
        I = "I", _("Informed")  # noqa: E741

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="responsibilities"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="raci_codes")
    code = models.CharField(_("RACI code"), max_length=1, choices=Code)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("RACI code")
        verbose_name_plural = _("RACI codes")
        constraints = [
            models.UniqueConstraint(fields=["activity", "role"], name="one_code_per_cell"),
        ]

    def __str__(self):
        return f"{self.activity} / {self.role}: {self.code}"


class MatrixVersion(models.Model):
    """An adopted, immutable snapshot of the matrix (see matrix.selectors.matrix_snapshot)."""

    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField(editable=False)

    class Meta:
        ordering = ["-adopted_on", "-id"]
        verbose_name = _("adopted version")
        verbose_name_plural = _("adopted versions")

    def __str__(self):
        return _("Version %(number)s of %(date)s") % {
            "number": self.pk,
            "date": self.adopted_on.strftime("%d-%m-%Y"),
        }

    def get_absolute_url(self):
        return reverse("matrix:version", args=[self.pk])


class Right(models.Model):
    """A permission inside a governed application, e.g. "Klantdossier inzien"."""

    class Sensitivity(models.TextChoices):
        NORMAL = "normal", _("Normal")
        PERSONAL_DATA = "personal_data", _("Personal data (GDPR)")
        ADMIN = "admin", _("Application administration")

    component = models.ForeignKey(
        Component, verbose_name=_("component"), on_delete=models.CASCADE, related_name="rights"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=20, choices=Sensitivity, default=Sensitivity.NORMAL
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["component__name", "name"]
        verbose_name = _("right")
        verbose_name_plural = _("rights")
        constraints = [
            models.UniqueConstraint(fields=["component", "name"], name="right_unique_per_component")
        ]

    def __str__(self):
        return f"{self.component}: {self.name}"

    def get_absolute_url(self):
        return reverse("matrix:right", args=[self.pk])


class Grant(models.Model):
    """A role has a right: one cell of the autorisatiematrix."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="grants")
    right = models.ForeignKey(Right, on_delete=models.CASCADE, related_name="grants")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        constraints = [models.UniqueConstraint(fields=["role", "right"], name="one_grant_per_cell")]

    def __str__(self):
        return f"{self.role} → {self.right}"


class MutationTick(models.Model):
    """A functional administrator has carried out one change in the software:
    revoked or granted a right for a person (the mutations checklist)."""

    class Action(models.TextChoices):
        REVOKE = "revoke", _("Revoke")
        GRANT = "grant", _("Grant")
        # An item of a review round nobody answered: ask its owners, then settle it.
        FOLLOW_UP = "follow_up", _("Follow up")

    person = models.ForeignKey(
        "beheer.Person", on_delete=models.CASCADE, related_name="mutation_ticks"
    )
    right = models.ForeignKey(Right, on_delete=models.CASCADE, related_name="mutation_ticks")
    action = models.CharField(max_length=10, choices=Action)
    # Which change this tick is for (a leaving date, a move, a review round), so an
    # old tick never marks a later change as done.
    occasion = models.CharField(max_length=100, default="")
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ticked_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("carried-out change")
        verbose_name_plural = _("carried-out changes")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "right", "action", "occasion"], name="one_tick_per_mutation"
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.right} ({self.person})"


class ReviewRound(models.Model):
    """A periodic review of the grants of some components by their owners."""

    name = models.CharField(_("name"), max_length=200)
    deadline = models.DateField(_("deadline"))
    components = models.ManyToManyField(Component, verbose_name=_("components"), related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The round's components as they were when it closed, with their owners:
    # [{"id": 3, "name": "Klantvolgsysteem", "owners": [["Ingrid Bakker", false]]}]
    # (true marks a deputy), so the report reads the same a year later, whatever
    # is renamed, reassigned or deleted in the register by then.
    components_at_close = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("matrix:review", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ReviewAnswer(models.Model):
    """An owner's answer for one person holding one right, in one round; or, for
    an item nobody answered before the round closed, the outcome "not reviewed".

    The names are copied when the round closes (and the roles through which the
    person held the right then), so a closed round's report does not change
    when people, rights or roles are renamed or reassigned later."""

    class Decision(models.TextChoices):
        KEEP = "keep", _("Keep")
        REVOKE = "revoke", _("Revoke")
        CHANGE = "change", _("Change")
        # Only ever set by closing the round, never chosen by an owner.
        NOT_REVIEWED = "not_reviewed", _("Not reviewed")

    ANSWERS = (Decision.KEEP, Decision.REVOKE, Decision.CHANGE)

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="answers")
    # A closed round outlives the people and rights it reviewed: their names are
    # copied below, and deleting one from the register leaves the answer standing.
    person = models.ForeignKey(
        "beheer.Person", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    right = models.ForeignKey(Right, on_delete=models.SET_NULL, null=True, related_name="+")
    decision = models.CharField(_("decision"), max_length=20, choices=Decision)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    person_name = models.CharField(_("person"), max_length=200, blank=True)
    right_name = models.CharField(_("right"), max_length=200, blank=True)
    component_name = models.CharField(_("component"), max_length=200, blank=True)
    roles_at_close = models.CharField(_("through roles"), max_length=500, blank=True)
    # The component's id when the round closed: it groups the answer on the
    # round's report even once the right (or the component) is gone.
    component_at_close = models.PositiveIntegerField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review answer")
        verbose_name_plural = _("review answers")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "person", "right"], name="one_answer_per_review_item"
            )
        ]

    def __str__(self):
        return f"{self.round}: {self.person} / {self.right}: {self.get_decision_display()}"


class ReviewSchedule(models.Model):
    """A recurring access review: on `next_date` the daily run (send_reminders)
    starts a round over these components and moves the date `every_months` on."""

    name = models.CharField(_("name"), max_length=150)
    components = models.ManyToManyField(Component, verbose_name=_("components"), related_name="+")
    every_months = models.PositiveSmallIntegerField(
        _("every (months)"), validators=[MinValueValidator(1), MaxValueValidator(60)], default=6
    )
    answer_days = models.PositiveSmallIntegerField(
        _("answer within (days)"),
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        default=28,
        help_text=_("The deadline of each round, in days after its start."),
    )
    next_date = models.DateField(_("next start"))
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["next_date", "name", "pk"]
        verbose_name = _("recurring review round")
        verbose_name_plural = _("recurring review rounds")

    def __str__(self):
        return self.name
