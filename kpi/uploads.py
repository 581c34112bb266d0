"""Uploading measurements and contact volumes from CSV or Excel.

As with every import here, nothing is half-done: `*_plan` reads and checks the
whole file without writing; `*_apply` writes a plan without errors in one
transaction. Column headings may be Dutch or English, in any order.
"""

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from beheer.imports import ImportIssue
from beheer.models import OrganisationSettings, ServiceProcess
from kpi import services
from kpi.models import Channel, ContactVolume, Kpi, Measurement

MAX_UPLOAD_BYTES = getattr(settings, "KPI_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
CSV_NAME = "CSV"

MEASUREMENT_COLUMNS = {
    "kpi": ("kpi", "indicator"),
    "date": ("datum", "date", "periode", "period", "maand", "month"),
    "period_end": ("tot en met", "einde periode", "period end", "until"),
    "value": ("waarde", "value"),
    "source": ("bron", "source"),
    "note": ("toelichting", "opmerking", "note"),
}
VOLUME_COLUMNS = {
    "month": ("maand", "month", "periode", "period", "datum", "date"),
    "channel": ("kanaal", "channel"),
    "process": ("proces", "dienstverleningsproces", "process", "service process"),
    "contacts": ("aantal", "contacten", "contacts", "volume"),
}
MONTHS_NL = {
    "jan": 1,
    "feb": 2,
    "mrt": 3,
    "mar": 3,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


class UnreadableFile(Exception):
    pass


@dataclass
class Table:
    sheet: str
    headings: list[str]
    # (row number as the user sees it, values by heading)
    rows: list[tuple[int, dict[str, object]]]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def read_table(upload) -> Table:
    """The first sheet of an .xlsx, or a CSV (comma or semicolon, UTF-8)."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise UnreadableFile(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_UPLOAD_BYTES // 2**20}
        )
    head = upload.read(4)
    upload.seek(0)
    if head.startswith(b"PK"):
        try:
            # openpyxl parses the XML through defusedxml when it is installed (it is).
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise UnreadableFile(_("This Excel file cannot be read.")) from error
        sheet = workbook.worksheets[0]
        lines = [list(values) for values in sheet.iter_rows(values_only=True)]
        workbook.close()
        sheet_name = sheet.title
    else:
        try:
            content = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile(
                _("This is neither an Excel workbook (.xlsx) nor a CSV file in UTF-8.")
            ) from error
        first_line = content.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        lines = list(csv.reader(io.StringIO(content), delimiter=delimiter))
        sheet_name = CSV_NAME
    # The heading row is the first one with anything in it.
    start = next((i for i, line in enumerate(lines) if any(_text(v) for v in line)), None)
    if start is None:
        raise UnreadableFile(_("The file is empty."))
    headings = [_text(v).lower() for v in lines[start]]
    rows = []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if not any(_text(v) for v in line):
            continue
        rows.append((number, {h: v for h, v in zip(headings, line, strict=False) if h}))
    return Table(sheet_name, headings, rows)


def _columns(table: Table, wanted: dict, required: tuple, errors: list) -> dict[str, str]:
    """Map each wanted field to the heading the file uses for it."""
    found = {}
    for key, aliases in wanted.items():
        heading = next((h for h in table.headings if h in aliases), None)
        if heading:
            found[key] = heading
    for key in required:
        if key not in found:
            errors.append(
                ImportIssue(
                    table.sheet,
                    1,
                    None,
                    _("A column “%(column)s” is missing.") % {"column": wanted[key][0]},
                )
            )
    return found


def parse_date(value, *, month_only=False) -> date | None:
    """Dates as Excel stores them, or written as 2026-10-31, 31-10-2026, 2026-10,
    10-2026 or okt 2026 (a month gives its first day)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.replace(day=1) if month_only else value
    text = _text(value).lower()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            result = date(int(m[1]), int(m[2]), int(m[3]))
        elif m := re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", text):
            result = date(int(m[3]), int(m[2]), int(m[1]))
        elif m := re.fullmatch(r"(\d{4})[-/](\d{1,2})", text):
            result = date(int(m[1]), int(m[2]), 1)
        elif m := re.fullmatch(r"(\d{1,2})[-/](\d{4})", text):
            result = date(int(m[2]), int(m[1]), 1)
        elif (m := re.fullmatch(r"([a-z]{3})[a-z]*\.? (\d{4})", text)) and m[1] in MONTHS_NL:
            result = date(int(m[2]), MONTHS_NL[m[1]], 1)
        else:
            return None
    except ValueError:
        return None
    return result.replace(day=1) if month_only else result


def parse_number(value) -> Decimal | None:
    """Numbers as Excel stores them, or written 1234,5 / 1.234,5 / 1234.5."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = _text(value).replace(" ", "").replace("\u00a0", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


# --- Measurements ------------------------------------------------------------------


@dataclass
class MeasurementPlan:
    errors: list[ImportIssue] = field(default_factory=list)
    # (kpi, date, period end, value, source, note, previous value or None)
    rows: list[tuple] = field(default_factory=list)

    @property
    def new(self):
        return [r for r in self.rows if r[6] is None]

    @property
    def changed(self):
        return [r for r in self.rows if r[6] is not None and r[6] != r[3]]

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed)

    @property
    def kpis(self) -> list[Kpi]:
        return sorted({r[0] for r in self.rows}, key=lambda k: k.name)

    def fingerprint(self) -> str:
        """Changes when what the file would do changes (e.g. data edited meanwhile)."""
        return _digest((r[0].pk, r[1], r[2], r[3], r[4], r[5], r[6]) for r in self.rows)


def measurement_plan(upload, *, kpi: Kpi | None, allowed_kpis: set[int] | None) -> MeasurementPlan:
    """Check an upload of measurements.

    Without a "kpi" column every row belongs to `kpi`. `allowed_kpis` limits
    the KPIs the uploader may write (None: all of them)."""
    plan = MeasurementPlan()
    try:
        table = read_table(upload)
    except UnreadableFile as error:
        plan.errors.append(ImportIssue(_("file"), None, None, str(error)))
        return plan
    required = ("date", "value") if kpi else ("kpi", "date", "value")
    columns = _columns(table, MEASUREMENT_COLUMNS, required, plan.errors)
    if plan.errors:
        return plan
    kpis_by_name = {k.name.strip().lower(): k for k in Kpi.objects.all()}
    existing = {
        (m.kpi_id, m.date): m.value
        for m in Measurement.objects.filter(
            kpi__in=[kpi] if kpi and "kpi" not in columns else list(kpis_by_name.values())
        )
    }
    seen = set()

    def issue(row, key, message):
        plan.errors.append(ImportIssue(table.sheet, row, columns.get(key, key), message))

    for number, values in table.rows:
        target = kpi
        if "kpi" in columns:
            name = _text(values.get(columns["kpi"])).lower()
            target = kpis_by_name.get(name) or (kpi if not name else None)
            if target is None:
                issue(number, "kpi", _("There is no KPI with this name."))
                continue
        if allowed_kpis is not None and target.pk not in allowed_kpis:
            issue(number, "kpi", _("You may only add measurements to your own KPIs."))
            continue
        if target.from_channels:
            issue(number, "kpi", _("This KPI takes its values from the channel statistics."))
            continue
        day = parse_date(values.get(columns["date"]))
        if day is None:
            issue(number, "date", _("This is not a date (use e.g. 2026-10-31 or 2026-10)."))
        period_end = None
        if "period_end" in columns and _text(values.get(columns["period_end"])):
            period_end = parse_date(values.get(columns["period_end"]))
            if period_end is None:
                issue(number, "period_end", _("This is not a date."))
            elif day and period_end < day:
                issue(number, "period_end", _("The period ends before it starts."))
        value = parse_number(values.get(columns["value"]))
        if value is None:
            issue(number, "value", _("This is not a number."))
        elif abs(value) >= Decimal("1e12"):
            issue(number, "value", _("This number is too large."))
        source = _text(values.get(columns.get("source")))[:200]
        note = _text(values.get(columns.get("note")))[:500]
        if day is None or value is None:
            continue
        if (target.pk, day) in seen:
            issue(number, "date", _("This KPI already has a value for this date in the file."))
            continue
        seen.add((target.pk, day))
        value = value.quantize(Decimal("0.01"))
        previous = existing.get((target.pk, day))
        plan.rows.append((target, day, period_end, value, source, note, previous))
    return plan


@transaction.atomic
def measurement_apply(plan: MeasurementPlan, *, user) -> int:
    assert not plan.errors
    for kpi, day, period_end, value, source, note, _previous in plan.rows:
        services.measurement_record(
            kpi=kpi,
            date=day,
            value=value,
            period_end=period_end,
            source=source,
            note=note,
            user=user,
        )
    return len(plan.rows)


# --- Contact volumes ------------------------------------------------------------------


@dataclass
class VolumePlan:
    errors: list[ImportIssue] = field(default_factory=list)
    new: list[ContactVolume] = field(default_factory=list)
    # (volume with its new count, previous count)
    changed: list[tuple[ContactVolume, int]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed)

    @property
    def months(self) -> list[date]:
        return sorted({v.month for v in self.new} | {v.month for v, _ in self.changed})

    def fingerprint(self) -> str:
        return _digest(
            [(v.channel_id, v.month, v.service_process_id, v.contacts) for v in self.new]
            + [(v.pk, v.contacts, previous) for v, previous in self.changed]
        )


def _digest(items) -> str:
    return hashlib.sha256(repr(list(items)).encode()).hexdigest()


def volume_plan(upload) -> VolumePlan:
    plan = VolumePlan()
    try:
        table = read_table(upload)
    except UnreadableFile as error:
        plan.errors.append(ImportIssue(_("file"), None, None, str(error)))
        return plan
    columns = _columns(table, VOLUME_COLUMNS, ("month", "channel", "contacts"), plan.errors)
    if plan.errors:
        return plan
    channels = {c.name.strip().lower(): c for c in Channel.objects.all()}
    processes = {p.name.strip().lower(): p for p in ServiceProcess.objects.all()}
    existing = {
        (v.channel_id, v.month, v.service_process_id): v for v in ContactVolume.objects.all()
    }
    seen = set()

    def issue(row, key, message):
        plan.errors.append(ImportIssue(table.sheet, row, columns.get(key, key), message))

    for number, values in table.rows:
        month = parse_date(values.get(columns["month"]), month_only=True)
        if month is None:
            issue(number, "month", _("This is not a month (use e.g. 2026-10)."))
        channel = channels.get(_text(values.get(columns["channel"])).lower())
        if channel is None:
            issue(number, "channel", _("There is no channel with this name."))
        process = None
        process_name = _text(values.get(columns.get("process"))).lower()
        if process_name:
            process = processes.get(process_name)
            if process is None:
                issue(number, "process", _("There is no service process with this name."))
                continue
        contacts = parse_number(values.get(columns["contacts"]))
        if contacts is None or contacts < 0 or contacts != contacts.to_integral_value():
            issue(number, "contacts", _("This is not a whole number of 0 or more."))
            continue
        if contacts > 2_000_000_000:
            issue(number, "contacts", _("This number is too large."))
            continue
        if month is None or channel is None:
            continue
        key = (channel.pk, month, process.pk if process else None)
        if key in seen:
            issue(number, "month", _("This channel and month appear twice in the file."))
            continue
        seen.add(key)
        current = existing.get(key)
        if current is None:
            plan.new.append(
                ContactVolume(
                    channel=channel, month=month, service_process=process, contacts=int(contacts)
                )
            )
        elif current.contacts != int(contacts):
            previous = current.contacts
            current.contacts = int(contacts)
            plan.changed.append((current, previous))
        else:
            plan.unchanged += 1
    return plan


@transaction.atomic
def volume_apply(plan: VolumePlan) -> int:
    assert not plan.errors
    ContactVolume.objects.bulk_create(plan.new, batch_size=1000)
    ContactVolume.objects.bulk_update([v for v, _ in plan.changed], ["contacts"], batch_size=1000)
    services.recompute_channel_kpis()
    # Bulk writes send no signals: cached pages must still see the new figures.
    OrganisationSettings.register_changed()
    return len(plan.new) + len(plan.changed)
