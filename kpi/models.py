"""Critical success factors with dated reviews, SMART KPIs with measurements,
and monthly contact volumes per channel."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from beheer.bilingual import Bilingual
from beheer.models import Component, Department, Person, ServiceProcess


class Theme(models.TextChoices):
    CHANNELS = "channels", _("Channels")
    ORGANISATION = "organisation", _("Organisation")
    IT = "it", _("Information technology")


class SuccessFactor(Bilingual):
    """One of the twelve critical success factors of multichannel management."""

    key = models.SlugField(_("key"), unique=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    explanation_nl = models.TextField(_("explanation (Dutch)"), blank=True)
    explanation_en = models.TextField(_("explanation (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("critical success factor")
        verbose_name_plural = _("critical success factors")

    def __str__(self):
        return self.text("name")

    def get_absolute_url(self):
        return reverse("kpi:factor", args=[self.pk])


class FactorReview(models.Model):
    """How far a factor is, on a date: the checklist keeps every review as history."""

    class Status(models.TextChoices):
        NOT_PRESENT = "not_present", _("Not present")
        DEVELOPING = "developing", _("Being developed")
        PRESENT = "present", _("Present")
        ANCHORED = "anchored", _("Anchored")

    # Progress counts each step on the way to "anchored" (0 to 3).
    STEPS = {Status.NOT_PRESENT: 0, Status.DEVELOPING: 1, Status.PRESENT: 2, Status.ANCHORED: 3}

    factor = models.ForeignKey(
        SuccessFactor, verbose_name=_("factor"), on_delete=models.CASCADE, related_name="reviews"
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=Status)
    evidence = models.TextField(_("evidence"), blank=True)
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="factor_reviews",
    )
    # What must happen next is an action in the one action register
    # (governance.Action, linked to this review and its factor).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("factor review")
        verbose_name_plural = _("factor reviews")

    def __str__(self):
        return f"{self.factor} · {self.date:%Y-%m-%d}: {self.get_status_display()}"

    @property
    def step(self) -> int:
        return self.STEPS[self.status]


class Channel(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    is_digital = models.BooleanField(
        _("digital channel"),
        default=False,
        help_text=_("Counts towards the share of digital contacts."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    colour = models.CharField(
        _("colour in charts"), max_length=7, default="#0f4c81", help_text=_("e.g. #0f4c81")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.name


class ContactVolume(models.Model):
    """The number of contacts on a channel in a month, optionally for one process."""

    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.CASCADE, related_name="volumes"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    service_process = models.ForeignKey(
        ServiceProcess,
        verbose_name=_("service process"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_volumes",
    )
    contacts = models.PositiveIntegerField(_("contacts"))

    class Meta:
        ordering = ["month", "channel__order"]
        verbose_name = _("contact volume")
        verbose_name_plural = _("contact volumes")
        constraints = [
            # A month's total for a channel once, and once per process.
            models.UniqueConstraint(
                fields=["channel", "month"],
                condition=Q(service_process__isnull=True),
                name="one_total_per_channel_month",
            ),
            models.UniqueConstraint(
                fields=["channel", "month", "service_process"],
                condition=Q(service_process__isnull=False),
                name="one_volume_per_channel_month_process",
            ),
        ]

    def __str__(self):
        return f"{self.channel} {self.month:%Y-%m}: {self.contacts}"


class Kpi(models.Model):
    class Level(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        PERSONAL = "personal", _("Personal")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        YEARLY = "yearly", _("Yearly")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered or uploaded")
        DIGITAL_SHARE = "digital_share", _("Channel statistics: share of digital contacts (%)")
        CHANNEL_CONTACTS = "channel_contacts", _("Channel statistics: contacts on one channel")
        CHANNEL_SHARE = "channel_share", _("Channel statistics: share of one channel (%)")
        TOTAL_CONTACTS = "total_contacts", _("Channel statistics: contacts on all channels")
        CHANGE_LEAD_TIME = (
            "change_lead_time",
            _("Wishes: median days from submitted to in production (of the KPI's component)"),
        )

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    factors = models.ManyToManyField(
        SuccessFactor, verbose_name=_("success factors"), blank=True, related_name="kpis"
    )
    component = models.ForeignKey(
        Component,
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kpis",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kpis",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level, default=Level.DEPARTMENT)
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kpis",
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("e.g. %, days"))
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction, default=Direction.HIGHER
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=14,
        decimal_places=2,
        default=0,
        help_text=_(
            "How far from the target, in the unit, a value is still “at risk” rather than "
            "“off track”."
        ),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    frequency = models.CharField(
        _("measurement frequency"), max_length=10, choices=Frequency, default=Frequency.MONTHLY
    )
    source = models.CharField(
        _("measurements come from"),
        max_length=20,
        choices=Source,
        default=Source.MANUAL,
        help_text=_(
            "Switching to computed values (channel statistics, wishes) keeps the values "
            "entered by hand; switching back removes the computed values."
        ),
    )
    channel = models.ForeignKey(
        Channel,
        verbose_name=_("channel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kpis",
        help_text=_("For the measures of one channel."),
    )
    service_process = models.ForeignKey(
        ServiceProcess,
        verbose_name=_("service process"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kpis",
        help_text=_(
            "Count only the contacts (channel statistics) or the wishes (lead time) of this "
            "process."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kpi:kpi", args=[self.pk])

    @property
    def from_channels(self) -> bool:
        """Whether the values are computed rather than entered: from the channel
        statistics or, despite the name, from the wishes' lead times."""
        return self.source != self.Source.MANUAL

    @property
    def from_channel_statistics(self) -> bool:
        return self.from_channels and self.source != self.Source.CHANGE_LEAD_TIME

    @property
    def from_wishes(self) -> bool:
        return self.source == self.Source.CHANGE_LEAD_TIME


class Measurement(models.Model):
    kpi = models.ForeignKey(
        Kpi, verbose_name=_("KPI"), on_delete=models.CASCADE, related_name="measurements"
    )
    date = models.DateField(
        _("date"), help_text=_("The day measured, or the first day of the period.")
    )
    period_end = models.DateField(
        _("end of the period"),
        null=True,
        blank=True,
        help_text=_("Only when the value covers a period."),
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # A computed value: from the channel statistics or the wishes' lead times
    # (Kpi.from_channels). It follows its data and is never entered or removed by hand.
    from_channels = models.BooleanField(default=False, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kpi", "date"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(fields=["kpi", "date"], name="one_measurement_per_kpi_date")
        ]

    def __str__(self):
        return f"{self.kpi} {self.date:%Y-%m-%d}: {self.value}"

    @property
    def as_of(self):
        """The day the value speaks for: the end of its period, or its date."""
        return self.period_end or self.date
