"""The beheerteam's daily functional management (seeds 000, 002 and 004):

- wishes and change requests of users, triaged by the component's owner and
  planned into a supplier's release or the application management team's own configuration work;
- the supplier's releases, with their test plan for the key users and the
  go/no-go decision;
- contracts and service levels, with suppliers and towards the organisation's
  own departments (the application management team's service catalogue);
- courses, training sessions and who attended them, and what the role card
  tells a new colleague about each component.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from beheer.models import Component, Department, Person, Role, ServiceProcess, Supplier

# --- Wishes and change requests ---------------------------------------------------------


class ChangeRequest(models.Model):
    """A wish of a user: what should change in a component, and why."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("Being handled")
        PLANNED = "planned", _("Planned")
        IN_TEST = "in_test", _("In test")
        IN_PRODUCTION = "in_production", _("In production")
        REJECTED = "rejected", _("Rejected")

    # The way through, in order; rejected is the way out.
    FLOW = (
        Status.SUBMITTED,
        Status.IN_REVIEW,
        Status.PLANNED,
        Status.IN_TEST,
        Status.IN_PRODUCTION,
    )
    OPEN = (Status.SUBMITTED, Status.IN_REVIEW, Status.PLANNED, Status.IN_TEST)

    class Priority(models.IntegerChoices):
        """MoSCoW (see the README): the numbers sort the backlog, Must first."""

        MUST = 1, _("Must have")
        SHOULD = 2, _("Should have")
        COULD = 3, _("Could have")
        WONT = 4, _("Won't have this time")

    class Urgency(models.TextChoices):
        LOW = "low", _("Can wait")
        NORMAL = "normal", _("Normal")
        HIGH = "high", _("Urgent")

    class Plan(models.TextChoices):
        RELEASE = "release", _("In a release of the supplier")
        CONFIGURATION = (
            "configuration",
            _("In the application management team's own configuration work"),
        )

    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.PROTECT,
        related_name="change_requests",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what should change"))
    reason = models.TextField(
        _("why"), blank=True, help_text=_("The problem it solves, and for whom.")
    )
    service_process = models.ForeignKey(
        ServiceProcess,
        verbose_name=_("service process"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="change_requests",
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency, default=Urgency.NORMAL)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SUBMITTED)
    needs_information = models.BooleanField(
        _("more information asked"),
        default=False,
        help_text=_("The owner asked the submitter for more information."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority, null=True, blank=True
    )
    rejection_reason = models.TextField(_("reason for rejecting"), blank=True)
    plan = models.CharField(_("planned"), max_length=20, choices=Plan, blank=True)
    release = models.ForeignKey(
        "Release",
        verbose_name=_("release"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="change_requests",
    )
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status_changed_at = models.DateTimeField(
        _("status changed at"), default=timezone.now, editable=False
    )
    # Set when the wish reaches production: the lead time runs from submitted_at to here.
    in_production_at = models.DateTimeField(
        _("in production since"), null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        indexes = [models.Index(fields=["component", "status"])]

    def __str__(self):
        return f"#{self.pk} {self.title}"

    def get_absolute_url(self):
        return reverse("operations:request", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def lead_time_days(self) -> int | None:
        """Calendar days from submitted to in production."""
        if self.in_production_at is None:
            return None
        return (
            timezone.localtime(self.in_production_at).date()
            - timezone.localtime(self.submitted_at).date()
        ).days


class StatusChange(models.Model):
    """One step of a wish from status to status: who moved it, when and why."""

    change_request = models.ForeignKey(
        ChangeRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    old_status = models.CharField(
        _("from"), max_length=20, choices=ChangeRequest.Status, blank=True
    )
    new_status = models.CharField(_("to"), max_length=20, choices=ChangeRequest.Status)
    note = models.TextField(_("note"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.change_request_id}: {self.old_status} → {self.new_status}"


class Comment(models.Model):
    """What key users, owners and the submitter add to a wish."""

    change_request = models.ForeignKey(
        ChangeRequest, on_delete=models.CASCADE, related_name="comments"
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.text[:60]


# --- Releases ------------------------------------------------------------------------------


class Release(models.Model):
    """A release of a component's supplier: what it delivers, how it is tested,
    whether it goes live, and what end users are told."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_TEST = "in_test", _("In test")
        LIVE = "live", _("Live")
        CANCELLED = "cancelled", _("Cancelled")

    class Decision(models.TextChoices):
        GO = "go", _("Go")
        NO_GO = "no_go", _("No go")

    component = models.ForeignKey(
        Component, verbose_name=_("component"), on_delete=models.PROTECT, related_name="releases"
    )
    version = models.CharField(_("version"), max_length=50)
    planned_date = models.DateField(_("planned date"))
    actual_date = models.DateField(_("live on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    notes = models.TextField(_("release notes"), blank=True)
    communication = models.TextField(
        _("communication to end users"),
        blank=True,
        help_text=_("What end users are told about this release, and when."),
    )
    decision = models.CharField(_("go/no-go"), max_length=10, choices=Decision, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-planned_date", "-id"]
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        constraints = [
            models.UniqueConstraint(
                fields=["component", "version"],
                name="one_release_per_component_version",
                violation_error_message=_("This component already has a release of that version."),
            )
        ]

    def __str__(self):
        return f"{self.component} {self.version}"

    def get_absolute_url(self):
        return reverse("operations:release", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status in (self.Status.LIVE, self.Status.CANCELLED)

    @property
    def date(self):
        """The day it went live, or the day it is planned for."""
        return self.actual_date or self.planned_date


class ReleaseDocument(models.Model):
    """The supplier's release notes as a file. In the database rather than on an
    app server's disk: every server behind the load balancer serves it."""

    release = models.OneToOneField(Release, on_delete=models.CASCADE, related_name="document")
    filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("release notes file")
        verbose_name_plural = _("release notes files")

    def __str__(self):
        return self.filename


class ReleaseImpact(models.Model):
    """What a release changes for one service process."""

    class Level(models.TextChoices):
        LOW = "low", _("Small")
        MEDIUM = "medium", _("Noticeable")
        HIGH = "high", _("Large")

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="impacts")
    service_process = models.ForeignKey(
        ServiceProcess,
        verbose_name=_("service process"),
        on_delete=models.CASCADE,
        related_name="release_impacts",
    )
    level = models.CharField(_("impact"), max_length=10, choices=Level, default=Level.LOW)
    description = models.TextField(_("what changes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_process__name"]
        verbose_name = _("impact")
        verbose_name_plural = _("impacts")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "service_process"],
                name="one_impact_per_release_process",
                violation_error_message=_("This release already has an impact for that process."),
            )
        ]

    def __str__(self):
        return f"{self.release}: {self.service_process}"


class TestItem(models.Model):
    """One line of a release's test plan: what to test, who tests it, and the
    latest result. The change history keeps every earlier result."""

    __test__ = False  # not a test case, whatever pytest thinks of the name

    class Result(models.TextChoices):
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Failed")

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="test_items")
    title = models.CharField(_("what to test"), max_length=200)
    description = models.TextField(_("how"), blank=True)
    service_process = models.ForeignKey(
        ServiceProcess,
        verbose_name=_("service process"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="test_items",
    )
    change_request = models.ForeignKey(
        ChangeRequest,
        verbose_name=_("wish"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="test_items",
    )
    tester = models.ForeignKey(
        Person,
        verbose_name=_("tester"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="test_items",
    )
    result = models.CharField(_("result"), max_length=10, choices=Result, blank=True)
    result_note = models.TextField(_("note on the result"), blank=True)
    tested_at = models.DateTimeField(_("tested at"), null=True, blank=True, editable=False)
    tested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["release", "id"]
        verbose_name = _("test item")
        verbose_name_plural = _("test items")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("operations:release", args=[self.release_id]) + f"#test-{self.pk}"


# --- Contracts and service levels ---------------------------------------------------------


class Contract(models.Model):
    """An agreement on a service: with a supplier, or the application management team's own
    agreement with the departments it serves (seed 004's service catalogue)."""

    class Kind(models.TextChoices):
        SUPPLIER = "supplier", _("Contract with a supplier")
        INTERNAL = "internal", _("Internal agreement with departments")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SUPPLIER)
    supplier = models.ForeignKey(
        Supplier,
        verbose_name=_("supplier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contracts",
    )
    departments = models.ManyToManyField(
        Department,
        verbose_name=_("for the departments"),
        blank=True,
        related_name="agreements",
        help_text=_("For an internal agreement: the departments it serves."),
    )
    components = models.ManyToManyField(
        Component, verbose_name=_("components"), blank=True, related_name="contracts"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("The last day of the (first) term; empty when it runs until notice."),
    )
    notice_months = models.PositiveSmallIntegerField(
        _("notice period (months)"),
        default=0,
        help_text=_("Notice must be given this many months before the end of the term."),
    )
    renewal_months = models.PositiveSmallIntegerField(
        _("renews for (months)"),
        default=0,
        help_text=_("Renewed automatically for this many months unless notice is given; 0: ends."),
    )
    support_hours = models.CharField(
        _("support hours"), max_length=200, blank=True, help_text=_("e.g. Mon–Fri 8:00–17:30")
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("operations:contract", args=[self.pk])


class ServiceLevel(models.Model):
    """One agreed level of a contract, e.g. availability 99.5 % or a response
    within 4 hours on a P1; linked to a KPI, its measured value shows beside it."""

    class Kind(models.TextChoices):
        AVAILABILITY = "availability", _("Availability")
        RESPONSE = "response", _("Response time")
        RESOLUTION = "resolution", _("Resolution time")
        OTHER = "other", _("Other")

    class Priority(models.TextChoices):
        P1 = "P1", _("P1 (critical)")
        P2 = "P2", _("P2 (high)")
        P3 = "P3", _("P3 (normal)")
        P4 = "P4", _("P4 (low)")

    contract = models.ForeignKey(
        Contract,
        verbose_name=_("contract"),
        on_delete=models.CASCADE,
        related_name="service_levels",
    )
    name = models.CharField(
        _("service"), max_length=200, help_text=_("What is agreed, e.g. “Questions about the CRM”.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    priority = models.CharField(_("priority"), max_length=2, choices=Priority, blank=True)
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_levels",
    )
    agreed_value = models.DecimalField(_("agreed value"), max_digits=10, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=30, help_text=_("e.g. %, hours, working days"))
    description = models.TextField(_("explanation"), blank=True)
    kpi = models.ForeignKey(
        "kpi.Kpi",
        verbose_name=_("measured by KPI"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_levels",
        help_text=_("The KPI whose latest value shows against the agreement."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "order", "id"]
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("operations:contract", args=[self.contract_id]) + f"#level-{self.pk}"


# --- Training -------------------------------------------------------------------------------


class Course(models.Model):
    """A training for a component (or for everyone), and which roles need it."""

    class Kind(models.TextChoices):
        BASIC = "basic", _("Basic training")
        ADVANCED = "advanced", _("Advanced training")
        REFRESHER = "refresher", _("Refresher")
        KEY_USER = "key_user", _("Key-user training")

    # The training after the first months (seed 002's second session).
    SECOND = (Kind.ADVANCED, Kind.REFRESHER)

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.BASIC)
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
    )
    description = models.TextField(_("description"), blank=True)
    required_for_kind = models.CharField(
        _("needed by every role of the kind"),
        max_length=30,
        choices=Role.Kind,
        blank=True,
        help_text=_(
            "E.g. every key user. For a course of a component: the roles of that kind "
            "for that component, and those for no component in particular."
        ),
    )
    required_for_roles = models.ManyToManyField(
        Role,
        verbose_name=_("needed by the roles"),
        blank=True,
        related_name="required_courses",
    )
    is_active = models.BooleanField(_("offered"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["component__name", "name"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("operations:course", args=[self.pk])


class TrainingSession(models.Model):
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="sessions"
    )
    date = models.DateField(_("date"))
    trainer = models.ForeignKey(
        Person,
        verbose_name=_("trainer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions_given",
    )
    trainer_name = models.CharField(
        _("or an external trainer"), max_length=200, blank=True, help_text=_("Name and firm.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return f"{self.course} {self.date:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("operations:session", args=[self.pk])

    @property
    def trainer_label(self) -> str:
        return str(self.trainer or self.trainer_name or "")


class TrainingAttendance(models.Model):
    """A person registered for a session, and whether they came."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="training_attendances",
    )
    # None until the trainer recorded who came.
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["person__name"]
        verbose_name = _("training attendance")
        verbose_name_plural = _("training attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="one_training_attendance_per_person"
            )
        ]

    def __str__(self):
        return f"{self.session}: {self.person}"


class ComponentGuide(models.Model):
    """What the role card (the QRC of seed 002) says about a component: why the
    organisation uses it, and the tips for creating, saving and finding."""

    component = models.OneToOneField(
        Component, verbose_name=_("component"), on_delete=models.CASCADE, related_name="guide"
    )
    goal = models.TextField(
        _("goal"), help_text=_("Why the organisation uses it and what it should achieve.")
    )
    tips = models.TextField(
        _("tips"),
        blank=True,
        help_text=_("One tip a line: creating, saving and finding things in it."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["component__name"]
        verbose_name = _("quick reference")
        verbose_name_plural = _("quick references")

    def __str__(self):
        return str(self.component)

    def tip_lines(self) -> list[str]:
        return [line.strip() for line in self.tips.splitlines() if line.strip()]
