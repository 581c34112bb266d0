"""The maturity self-assessment: the model (dimensions, levels, statements) as
editable data in Dutch and English, and assessment rounds with responses."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from beheer.bilingual import Bilingual
from beheer.models import Department


class Level(Bilingual):
    number = models.PositiveSmallIntegerField(_("level"), unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("maturity level")
        verbose_name_plural = _("maturity levels")

    def __str__(self):
        return f"{self.number}. {self.text('name')}"

    # For templates, which cannot pass the field to text().
    @property
    def text_name(self) -> str:
        return self.text("name")

    @property
    def text_description(self) -> str:
        return self.text("description")


class Dimension(Bilingual):
    key = models.SlugField(_("key"), unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    question_nl = models.TextField(_("question (Dutch)"), blank=True)
    question_en = models.TextField(_("question (English)"), blank=True)
    low_nl = models.TextField(_("at the low end (Dutch)"), blank=True)
    low_en = models.TextField(_("at the low end (English)"), blank=True)
    high_nl = models.TextField(_("at the high end (Dutch)"), blank=True)
    high_en = models.TextField(_("at the high end (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self):
        return self.text("name")

    @property
    def text_question(self) -> str:
        return self.text("question")

    @property
    def text_low(self) -> str:
        return self.text("low")

    @property
    def text_high(self) -> str:
        return self.text("high")


class Axis(models.TextChoices):
    """The model's two axes; the five levels lie along the diagonal between them."""

    FOCUS = "focus", _("Internal or external focus")
    DRIVE = "drive", _("Cost-driven or value-driven")


class Statement(Bilingual):
    """What must hold in a dimension to reach a level (2 to 5; level 1 is the floor)."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="statements"
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=[(n, str(n)) for n in range(2, 6)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_nl = models.TextField(_("statement (Dutch)"))
    text_en = models.TextField(_("statement (English)"), blank=True)
    explanation_nl = models.TextField(
        _("explanation (Dutch)"),
        blank=True,
        help_text=_("What the statement means, shown to respondents when they expand it."),
    )
    explanation_en = models.TextField(_("explanation (English)"), blank=True)
    axis = models.CharField(
        _("axis"),
        max_length=10,
        choices=Axis,
        default=Axis.FOCUS,
        help_text=_(
            "The axis of the model this statement informs: whether the department looks "
            "inward or outward, or whether it steers on cost or on value."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension__order", "level", "order", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.text("text")

    @property
    def text_explanation(self) -> str:
        return self.text("explanation")


class Assessment(models.Model):
    """One assessment round of a department."""

    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    name = models.CharField(_("name"), max_length=200)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    answer_by = models.DateField(
        _("answer by"),
        null=True,
        blank=True,
        help_text=_("The date by which respondents are asked to submit their answers."),
    )
    is_open = models.BooleanField(_("open for answers"), default=True)
    is_published = models.BooleanField(_("results published"), default=False)
    results_published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Set when a response is reopened while the results stay published, so readers
    # are told the results moved since; cleared when they are published again.
    changed_since_publication = models.DateTimeField(
        _("changed since publication"), null=True, blank=True
    )
    threshold = models.DecimalField(
        _("threshold"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.75"),
        help_text=_("A statement is met when the respondents' average reaches this score."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        permissions = [("respond_assessment", _("Can fill in this assessment"))]

    def __str__(self):
        return f"{self.name} ({self.department})"


class AssessmentUserObjectPermission(UserObjectPermissionBase):
    """Invitations: the respondents of an assessment, with a real foreign key."""

    content_object = models.ForeignKey(Assessment, on_delete=models.CASCADE)


class AssessmentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Assessment, on_delete=models.CASCADE)


class Response(models.Model):
    """One respondent's submission to an assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="maturity_responses"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "respondent"], name="one_response_per_respondent"
            )
        ]

    def __str__(self):
        return f"{self.assessment}: {self.respondent}"


class Answer(models.Model):
    class Value(models.TextChoices):
        NOT = "not", _("Not")
        PARTLY = "partly", _("Partly")
        LARGELY = "largely", _("Largely")
        FULLY = "fully", _("Fully")
        DONT_KNOW = "dont_know", _("Don't know")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    # Empty while only a comment has been given: the comment is kept, the
    # statement still counts as unanswered.
    value = models.CharField(_("answer"), max_length=10, choices=Value, blank=True)
    # The value on a 0-1 scale, stored so the database can aggregate it; empty for
    # "don't know", which is left out of every average.
    score = models.DecimalField(max_digits=4, decimal_places=3, null=True, blank=True)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    history = HistoricalRecords()

    SCORES = {
        Value.NOT: Decimal("0"),
        Value.PARTLY: Decimal("0.333"),
        Value.LARGELY: Decimal("0.667"),
        Value.FULLY: Decimal("1"),
        Value.DONT_KNOW: None,
        "": None,
    }

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="one_answer_per_statement"
            )
        ]

    def __str__(self):
        return f"{self.statement}: {self.get_value_display()}"

    def save(self, *args, **kwargs):
        self.score = self.SCORES[self.value]
        super().save(*args, **kwargs)


class AssessmentSchedule(models.Model):
    """A recurring assessment of one department: on `next_date` the daily run
    (send_reminders) opens the next round and invites the previous round's
    respondents who may still answer, then moves the date `every_months` on."""

    department = models.OneToOneField(
        Department,
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="assessment_schedule",
    )
    name = models.CharField(_("name"), max_length=150)
    every_months = models.PositiveSmallIntegerField(
        _("every (months)"), validators=[MinValueValidator(1), MaxValueValidator(60)], default=12
    )
    answer_days = models.PositiveSmallIntegerField(
        _("answer within (days)"),
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        default=28,
        help_text=_("Respondents are asked to answer within this many days of the start."),
    )
    next_date = models.DateField(_("next start"))
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["next_date", "department__name", "pk"]
        verbose_name = _("recurring assessment")
        verbose_name_plural = _("recurring assessments")

    def __str__(self):
        return f"{self.name} ({self.department})"
