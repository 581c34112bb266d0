"""The organisation register: components, suppliers, departments, service
processes, roles, people and who holds which role (assignments)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords


class WebAddressField(models.URLField):
    """A URL whose form treats an address typed without scheme as https (Django 6's default)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class OrganisationSettings(models.Model):
    """The one settings record of the organisation (always pk 1)."""

    name = models.CharField(_("organisation name"), max_length=200, blank=True)
    beheerteam_email = models.EmailField(_("application management team e-mail"), blank=True)
    intranet_url = WebAddressField(_("intranet page"), blank=True)
    max_roles_per_person = models.PositiveSmallIntegerField(
        _("maximum roles per person"),
        default=5,
        help_text=_("More roles than this (as holder or deputy) is reported as a risk."),
    )
    ending_soon_days = models.PositiveSmallIntegerField(
        _("warn about assignments ending within (days)"), default=60
    )
    max_admin_holders = models.PositiveSmallIntegerField(
        _("maximum people per admin right"),
        default=3,
        help_text=_("More people than this with an administration right is reported."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation settings")
        verbose_name_plural = _("organisation settings")

    def __str__(self):
        return self.name or str(_("Organisation settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "OrganisationSettings":
        return cls.objects.get_or_create(pk=1)[0]

    @classmethod
    def for_request(cls, request) -> "OrganisationSettings":
        """The settings as every page shows them (header, footer): from the cache
        while the register has not changed."""
        from beheer.cache import cached

        if not hasattr(request, "_organisation_settings"):
            request._organisation_settings = cached(
                "organisation-settings", cls.load, scopes=("register",)
            )
        return request._organisation_settings


class PendingUpload(models.Model):
    """An uploaded file between its preview and the user's confirmation: every
    upload → preview → confirm flow of the application (beheer.uploads.pending_*).

    Kept in the database, not on an app server's disk: the confirmation may
    reach another server behind the load balancer.
    """

    kind = models.CharField(max_length=30)  # which flow: "matrix", "kpi-measurements", ...
    # What the upload is for within its flow, e.g. the KPI whose page it came from.
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()

    def __str__(self):
        return self.filename


class DataVersion(models.Model):
    """How often the data of a scope has changed (beheer.data_versions): the
    part of a cached result's key that makes a change visible at once."""

    scope = models.CharField(max_length=30, primary_key=True)
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.scope}: {self.version}"


class Supplier(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    website = WebAddressField(_("website"), blank=True)
    sla_notes = models.TextField(_("SLA notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("beheer:supplier", args=[self.pk])


class Department(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("beheer:department", args=[self.pk])


class Component(models.Model):
    class Kind(models.TextChoices):
        CRM = "crm", _("Customer tracking system (CRM)")
        SELF_SERVICE = "self_service", _("Self-service processes")
        KNOWLEDGE_BASE = "knowledge_base", _("Knowledge base")
        WEBSITE = "website", _("Website and portal")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)
    supplier = models.ForeignKey(
        Supplier,
        verbose_name=_("supplier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="components",
    )
    work_agreements = models.TextField(
        _("work agreements"),
        blank=True,
        help_text=_("The agreed way of working with this component, shown on role cards."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("component")
        verbose_name_plural = _("components")
        permissions = [("edit_matrix_rows", _("Can edit the matrix rows of this component"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("beheer:component", args=[self.pk])


class ServiceProcess(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_processes",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_processes",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("service process")
        verbose_name_plural = _("service processes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("beheer:process", args=[self.pk])


class Role(models.Model):
    class Kind(models.TextChoices):
        OWNER = "owner", _("Owner")
        # Seed 004: a service process has an owner too (often a department head).
        PROCESS_OWNER = "process_owner", _("Process owner")
        KEY_USER = "key_user", _("Key user")
        TECHNICAL = "technical", _("Technical management")
        FUNCTIONAL = "functional", _("Functional management")
        PRIVACY_SECURITY = "privacy_security", _("Privacy & security")
        SUPPLIER_MANAGEMENT = "supplier_management", _("Supplier management")
        BEHEERTEAM = "beheerteam", _("Application management team")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.OTHER)
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roles",
    )
    service_process = models.ForeignKey(
        ServiceProcess,
        verbose_name=_("service process"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roles",
    )
    description = models.TextField(_("description"), blank=True)
    responsibilities = models.TextField(
        _("responsibilities"),
        blank=True,
        help_text=_("What someone in this role does and answers for, in a few lines."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("beheer:role", args=[self.pk])


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    is_external = models.BooleanField(_("external"), default=False)
    supplier = models.ForeignKey(
        Supplier,
        verbose_name=_("supplier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("For external people hired through a supplier."),
    )
    firm = models.CharField(
        _("firm"),
        max_length=200,
        blank=True,
        help_text=_("For external people from a firm that is not a supplier."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    is_active = models.BooleanField(_("active"), default=True)
    leaving_date = models.DateField(_("leaving date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="person_email_unique",
                violation_error_message=_("Another person already has this e-mail address."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("beheer:person", args=[self.pk])

    def clean(self):
        if not self.is_external and (self.supplier_id or self.firm):
            raise ValidationError(
                _("Only external people have a supplier or firm; tick 'external' or clear them.")
            )

    @property
    def organisation(self) -> str:
        """Where an external person comes from."""
        if self.supplier_id:
            return self.supplier.name
        return self.firm

    def has_left(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.leaving_date is not None and self.leaving_date < today


class AssignmentQuerySet(models.QuerySet):
    def current(self, today: date | None = None):
        """Assignments in force today: started, and not ended before today."""
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )


class Assignment(models.Model):
    class Kind(models.TextChoices):
        HOLDER = "holder", _("Holder")
        DEPUTY = "deputy", _("Deputy")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="assignments"
    )
    role = models.ForeignKey(
        Role, verbose_name=_("role"), on_delete=models.CASCADE, related_name="assignments"
    )
    kind = models.CharField(_("as"), max_length=10, choices=Kind, default=Kind.HOLDER)
    start_date = models.DateField(_("from"), default=timezone.localdate)
    end_date = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["role__name", "kind", "person__name"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="assignment_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.role} ({self.get_kind_display()})"

    def is_current(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    def clean(self):
        if not (self.person_id and self.role_id and self.start_date):
            return
        # One person holds a role once at a time; overlapping periods would count twice.
        overlapping = Assignment.objects.filter(person_id=self.person_id, role_id=self.role_id)
        if self.end_date:
            overlapping = overlapping.filter(start_date__lte=self.end_date)
        overlapping = overlapping.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(
                _("%(person)s already has this role in that period.") % {"person": self.person.name}
            )


class ComponentUserObjectPermission(UserObjectPermissionBase):
    """Per-component grants to users (component owners), with a real foreign key."""

    content_object = models.ForeignKey(Component, on_delete=models.CASCADE)


class ComponentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Component, on_delete=models.CASCADE)
