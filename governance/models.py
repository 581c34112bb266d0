"""The governance cycle: forums that meet on a cadence, their meetings with an
agenda and minutes per item, the decisions they take, and one register of
actions, whatever they come from (a meeting, a success-factor review, a
maturity next step, an access review, a knowledge risk)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from beheer.bilingual import Bilingual
from beheer.models import Component, Person, Role, Supplier, WebAddressField


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    TWO_WEEKS = "2_weeks", _("Every two weeks")
    FOUR_WEEKS = "4_weeks", _("Every four weeks")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    HALF_YEARLY = "half_yearly", _("Twice a year")
    YEARLY = "yearly", _("Once a year")
    AS_NEEDED = "as_needed", _("As needed")


class Forum(Bilingual):
    """A standing meeting of the beheerorganisatie: who meets, why and how often."""

    class Kind(models.TextChoices):
        BEHEEROVERLEG = "beheeroverleg", _("Application management team meeting")
        STUURGROEP = "stuurgroep", _("Steering group")
        KLANTENFORUM = "klantenforum", _("Customer forum")
        KEY_USERS = "key_users", _("Key-user meeting")
        SUPPLIER = "supplier", _("Supplier meeting")
        OTHER = "other", _("Other")

    name_nl = models.CharField(_("name (Dutch)"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    purpose_nl = models.TextField(_("purpose (Dutch)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_forums",
        help_text=_("The chair plans the meetings, sets the agenda and writes the minutes."),
    )
    people = models.ManyToManyField(
        Person,
        verbose_name=_("members"),
        blank=True,
        related_name="forums",
        help_text=_("People who are members in person, whatever their role."),
    )
    roles = models.ManyToManyField(
        Role,
        verbose_name=_("member roles"),
        blank=True,
        related_name="forums",
        help_text=_("Whoever holds one of these roles today is a member."),
    )
    cadence = models.CharField(
        _("meets"), max_length=20, choices=Cadence, default=Cadence.FOUR_WEEKS
    )
    components = models.ManyToManyField(
        Component, verbose_name=_("components covered"), blank=True, related_name="forums"
    )
    supplier = models.ForeignKey(
        Supplier,
        verbose_name=_("supplier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forums",
        help_text=_("For a supplier meeting: the supplier met with."),
    )
    usual_time = models.TimeField(_("usual start time"), null=True, blank=True)
    usual_duration = models.PositiveSmallIntegerField(_("usual length (minutes)"), default=90)
    usual_place = models.CharField(_("usual place"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self):
        return self.text("name")

    def get_absolute_url(self):
        return reverse("governance:forum", args=[self.pk])


class Meeting(models.Model):
    """One meeting of a forum: planned with an agenda, then minuted and closed.

    Once closed its minutes and decisions are read-only; corrections are
    logged as amendments (MeetingAmendment)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CLOSED = "closed", _("Closed")

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    duration = models.PositiveSmallIntegerField(_("length (minutes)"), default=90)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = WebAddressField(_("online meeting link"), blank=True)
    other_guests = models.CharField(
        _("other guests"),
        max_length=500,
        blank=True,
        help_text=_("Guests who are not in the register, e.g. “R. Verbeek (KlantLink)”."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    # Raised on every change of date, time or place: calendars replace the event.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.forum} {self.date:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("governance:meeting", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Attendance(models.Model):
    """An invitee of a meeting (a member, or a guest) and whether they came."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="attendances"
    )
    # None until the meeting has recorded who came.
    present = models.BooleanField(_("present"), null=True, blank=True)
    is_guest = models.BooleanField(_("guest"), default=False)

    class Meta:
        ordering = ["is_guest", "person__name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self):
        return f"{self.meeting}: {self.person}"


class AgendaItem(models.Model):
    """An item of a meeting's agenda, with its minutes.

    Items proposed from the data keep the text the data gave when the agenda
    was set (`description`) and a link to the page behind it; `key` tells
    which rule proposed it, so a second proposal does not repeat it."""

    class Kind(models.TextChoices):
        STANDARD = "standard", _("Standing item")
        FREE = "free", _("Free item")
        ACTIONS = "actions", _("Actions")
        RISKS = "risks", _("Knowledge risks")
        MATRIX = "matrix", _("Management matrix")
        KPIS = "kpis", _("KPIs")
        REVIEWS = "reviews", _("Access reviews")
        MUTATIONS = "mutations", _("Changes to rights")
        MATURITY = "maturity", _("Maturity results")
        FACTORS = "factors", _("Success factors")
        MATRIX_VERSION = "matrix_version", _("Adopted matrix version")
        SUPPLIER = "supplier", _("Supplier")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.FREE)
    key = models.CharField(max_length=100, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    link = models.CharField(max_length=300, blank=True, editable=False)
    minutes = models.TextField(_("minutes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class Decision(models.Model):
    """A decision of a forum, usually taken in one of its meetings, with
    optional links to what it concerns (the besluitenlijst)."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="decisions"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("decision"))
    rationale = models.TextField(_("rationale"), blank=True)
    # What the decision is about: explicit links, see Action.
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    role = models.ForeignKey(
        Role,
        verbose_name=_("role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    matrix_version = models.ForeignKey(
        "matrix.MatrixVersion",
        verbose_name=_("matrix version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    kpi = models.ForeignKey(
        "kpi.Kpi",
        verbose_name=_("KPI"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    success_factor = models.ForeignKey(
        "kpi.SuccessFactor",
        verbose_name=_("success factor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    assessment = models.ForeignKey(
        "maturity.Assessment",
        verbose_name=_("assessment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    # The links a decision may have, in the order pages show them.
    CONCERN_FIELDS = (
        "component",
        "role",
        "matrix_version",
        "kpi",
        "success_factor",
        "assessment",
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def get_absolute_url(self):
        if self.meeting_id:
            return reverse("governance:meeting", args=[self.meeting_id]) + f"#decision-{self.pk}"
        return reverse("governance:forum", args=[self.forum_id]) + f"#decision-{self.pk}"

    def concerns(self) -> list:
        return [obj for name in self.CONCERN_FIELDS if (obj := getattr(self, name)) is not None]


class ActionQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(status__in=Action.UNFINISHED)

    def overdue(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.unfinished().filter(due_date__lt=today)


class Action(models.Model):
    """One entry of the action register, whatever it comes from.

    What an action concerns are explicit nullable foreign keys, not a generic
    relation: each keeps referential integrity (a deleted KPI clears the link
    rather than leaving a dangling id), joins in the same query with
    select_related, filters like any field (the action list's component
    filter, "actions about this KPI" as `kpi.actions.all()`), and shows as a
    proper choice in forms and the admin. The price is a column and a
    migration per new kind of thing, which is rare and visible."""

    class Source(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        FACTOR_REVIEW = "factor_review", _("Success-factor review")
        MATURITY = "maturity", _("Maturity next step")
        ACCESS_REVIEW = "access_review", _("Access review")
        KNOWLEDGE_RISK = "knowledge_risk", _("Knowledge risk")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    UNFINISHED = (Status.OPEN, Status.IN_PROGRESS)

    source = models.CharField(_("source"), max_length=20, choices=Source, default=Source.OTHER)
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    status_note = models.TextField(_("note on the status"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    # Where it was agreed.
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    # What it concerns.
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    role = models.ForeignKey(
        Role,
        verbose_name=_("role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person concerned"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_about",
    )
    kpi = models.ForeignKey(
        "kpi.Kpi",
        verbose_name=_("KPI"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    success_factor = models.ForeignKey(
        "kpi.SuccessFactor",
        verbose_name=_("success factor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    factor_review = models.ForeignKey(
        "kpi.FactorReview",
        verbose_name=_("factor review"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    assessment = models.ForeignKey(
        "maturity.Assessment",
        verbose_name=_("assessment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    statement = models.ForeignKey(
        "maturity.Statement",
        verbose_name=_("maturity statement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    review_round = models.ForeignKey(
        "matrix.ReviewRound",
        verbose_name=_("review round"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    # The links to what an action concerns, in the order pages show them.
    CONCERN_FIELDS = (
        "component",
        "role",
        "person",
        "kpi",
        "success_factor",
        "factor_review",
        "assessment",
        "statement",
        "review_round",
    )

    class Meta:
        ordering = [F("due_date").asc(nulls_last=True), "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | Q(status="done"),
                name="action_done_on_only_when_done",
                violation_error_message=_("Only a finished action has a date it was done."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:action", args=[self.pk])

    @property
    def is_unfinished(self) -> bool:
        return self.status in self.UNFINISHED

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_unfinished and self.due_date is not None and self.due_date < today

    @property
    def done_late(self) -> bool:
        return bool(
            self.status == self.Status.DONE
            and self.done_on
            and self.due_date
            and self.done_on > self.due_date
        )

    def concerns(self) -> list:
        return [obj for name in self.CONCERN_FIELDS if (obj := getattr(self, name)) is not None]


class MeetingAmendment(models.Model):
    """A correction to the minutes or a decision of a closed meeting. The
    original text stays as it was; the amendment is shown beside it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="amendments")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
    )
    text = models.TextField(_("correction"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["made_at", "id"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")

    def __str__(self):
        return f"{self.meeting}: {self.text[:60]}"
