"""Uploading measurements and contact volumes from CSV or Excel.

As with every import here, nothing is half-done: `*_plan` reads and checks the
whole file without writing; `*_apply` writes a plan without errors in one
transaction. Column headings may be Dutch or English, in any order.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from beheer import data_versions, uploads
from beheer.imports import ImportIssue
from beheer.models import ServiceProcess
from beheer.validators import text_problem
from kpi import services
from kpi.models import Channel, ContactVolume, Kpi, Measurement

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
    "maa": 3,
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


def _cell_value(cell):
    """A cell's value as the user sees it: 85% is 85, not Excel's stored 0.85."""
    value = getattr(cell, "value", None)
    # A % in quotes or escaped (0"%", 0\%) is only shown, not a percent format.
    number_format = re.sub(r'"[^"]*"|\\.', "", getattr(cell, "number_format", "") or "")
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        return Decimal(str(value)) * 100
    return value


def read_table(upload) -> Table:
    """The first sheet of an .xlsx, or a CSV (comma or semicolon, UTF-8), within the upload caps."""
    caps = uploads.Caps.from_settings()
    try:
        uploads.check_size(upload, caps)
        head = upload.read(4)
        upload.seek(0)
        if head.startswith(b"PK"):
            with uploads.open_xlsx(upload, caps=caps) as book:
                sheet = book.sheet(0, cell=_cell_value)
            lines, sheet_name = sheet.rows, sheet.title
        else:
            try:
                content = uploads.read_text(upload, caps)
            except UnicodeDecodeError as error:
                raise UnreadableFile(
                    _("This is neither an Excel workbook (.xlsx) nor a CSV file in UTF-8.")
                ) from error
            end = content.find("\n")
            first_line = content if end < 0 else content[:end]
            delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
            lines = uploads.csv_rows(content, delimiter=delimiter, caps=caps)
            sheet_name = CSV_NAME
    except uploads.UploadRefused as refusal:
        raise UnreadableFile(refusal.message) from refusal
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


class AmbiguousNumber(ValueError):
    pass


def parse_number(value) -> Decimal | None:
    """Numbers as Excel stores them, or written 1234,5 / 1.234,5 / 1,234.5 / 1234.5.

    With both separators the last one is the decimal point. A single separator
    followed by exactly three digits (1.234 or 1,234) means a thousand in one
    language and a fraction in the other: that raises AmbiguousNumber."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = _text(value).replace(" ", "").replace("\u00a0", "").replace("%", "")
    separators = [c for c in text if c in ".,"]
    if len(separators) > 1 and len(set(separators)) == 2:
        decimal_point = separators[-1]
        thousands = "," if decimal_point == "." else "."
        text = text.replace(thousands, "").replace(decimal_point, ".")
    elif len(separators) > 1:  # 1.234.567: thousands only; 1.234.5 is no number
        if not re.fullmatch(r"[+-]?\d{1,3}([.,]\d{3})+", text):
            return None
        text = text.replace(separators[0], "")
    elif separators:
        whole, fraction = text.split(separators[0])
        if len(fraction) == 3 and whole.lstrip("+-") not in ("", "0"):
            raise AmbiguousNumber(text)
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def parse_contacts(value) -> Decimal | None:
    """A count: 1.234, 1,234 and 1 234 are all a thousand two hundred and thirty-four."""
    text = _text(value).replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return Decimal(re.sub(r"[.,]", "", text))
    try:
        return parse_number(value)
    except AmbiguousNumber:
        return None


# --- Measurements ------------------------------------------------------------------


@dataclass(frozen=True)
class MeasurementRow:
    kpi: Kpi
    date: date
    period_end: date | None
    value: Decimal
    source: str
    note: str
    previous: Measurement | None  # the measurement of that date now, if any

    @property
    def is_new(self) -> bool:
        return self.previous is None

    @property
    def is_change(self) -> bool:
        previous = self.previous
        return previous is not None and (
            (previous.value, previous.period_end, previous.source, previous.note)
            != (self.value, self.period_end, self.source, self.note)
        )


@dataclass
class MeasurementPlan:
    errors: list[ImportIssue] = field(default_factory=list)
    rows: list[MeasurementRow] = field(default_factory=list)

    @property
    def new(self):
        return [r for r in self.rows if r.is_new]

    @property
    def changed(self):
        return [r for r in self.rows if r.is_change]

    @property
    def to_write(self):
        return [r for r in self.rows if r.is_new or r.is_change]

    @property
    def has_changes(self) -> bool:
        return bool(self.to_write)

    def fingerprint(self) -> str:
        """Changes when what the file would do changes (e.g. data edited meanwhile)."""
        return _digest(
            (
                r.kpi.pk,
                r.date,
                r.period_end,
                r.value,
                r.source,
                r.note,
                r.previous and (r.previous.value, r.previous.period_end, r.previous.note),
            )
            for r in self.rows
        )


def _number_issue(value_text) -> tuple[Decimal | None, str | None]:
    try:
        number = parse_number(value_text)
    except AmbiguousNumber:
        return None, _(
            "This number is ambiguous (a thousands separator or a decimal point?): "
            "write it without a thousands separator."
        )
    if number is None:
        return None, _("This is not a number.")
    if abs(number) >= Decimal("1e12"):
        return None, _("This number is too large.")
    return number, None


def measurement_plan(upload, *, kpi: Kpi | None, allowed_kpis: set[int] | None) -> MeasurementPlan:
    """Check an upload of measurements.

    Without a "kpi" column every row belongs to `kpi`. `allowed_kpis` limits
    the KPIs the uploader may write (None: all of them). Columns the file does
    not have (source, note, end of period) keep what is saved."""
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
    kpis_by_name: dict[str, list[Kpi]] = {}
    for candidate in Kpi.objects.all():
        kpis_by_name.setdefault(candidate.name.strip().lower(), []).append(candidate)
    existing = {
        (m.kpi_id, m.date): m
        for m in Measurement.objects.filter(
            kpi__in=[kpi] if kpi and "kpi" not in columns else Kpi.objects.all()
        )
    }
    seen = set()
    today = timezone.localdate()

    def issue(row, key, message):
        plan.errors.append(ImportIssue(table.sheet, row, columns.get(key, key), message))

    for number, values in table.rows:
        target = kpi
        if "kpi" in columns:
            name = _text(values.get(columns["kpi"])).lower()
            matches = kpis_by_name.get(name, []) if name else ([kpi] if kpi else [])
            if len(matches) > 1:
                issue(
                    number,
                    "kpi",
                    _(
                        "Several KPIs have this name: upload this KPI's values from its own "
                        "page, without a kpi column."
                    ),
                )
                continue
            target = matches[0] if matches else None
            if target is None:
                issue(number, "kpi", _("There is no KPI with this name."))
                continue
        if allowed_kpis is not None and target.pk not in allowed_kpis:
            issue(number, "kpi", _("You may only add measurements to your own KPIs."))
            continue
        if target.from_channels:
            issue(number, "kpi", _("This KPI takes its values from the channel statistics."))
            continue
        if not _text(values.get(columns["value"])):
            continue  # not filled in (e.g. a KPI of the file to fill in without news)
        day = parse_date(values.get(columns["date"]))
        if day is None:
            issue(number, "date", _("This is not a date (use e.g. 2026-10-31 or 2026-10)."))
        elif problem := services.date_problem(day, today=today):
            issue(number, "date", problem)
            day = None
        value, problem = _number_issue(values.get(columns["value"]))
        if problem:
            issue(number, "value", problem)
        previous = existing.get((target.pk, day))
        period_end = previous.period_end if previous else None
        if "period_end" in columns:
            period_end = None
            if _text(values.get(columns["period_end"])):
                period_end = parse_date(values.get(columns["period_end"]))
                if period_end is None:
                    issue(number, "period_end", _("This is not a date."))
                elif problem := services.date_problem(period_end, today=today):
                    issue(number, "period_end", problem)
                elif day and period_end < day:
                    issue(number, "period_end", _("The period ends before it starts."))
        if day is None or value is None:
            continue
        if (target.pk, day) in seen:
            issue(number, "date", _("This KPI already has a value for this date in the file."))
            continue
        seen.add((target.pk, day))
        source = (
            _text(values.get(columns["source"]))[:200]
            if "source" in columns
            else (previous.source if previous else "")
        )
        note = (
            _text(values.get(columns["note"]))[:500]
            if "note" in columns
            else (previous.note if previous else "")
        )
        text_issue = [
            (key, problem)
            for key, value in (("source", source), ("note", note))
            if (problem := text_problem(value))
        ]
        if text_issue:
            issue(number, *text_issue[0])
            continue
        plan.rows.append(
            MeasurementRow(
                target, day, period_end, value.quantize(Decimal("0.01")), source, note, previous
            )
        )
    return plan


MEASUREMENT_FIELDS = ("value", "period_end", "source", "note", "recorded_by", "from_channels")
BATCH = 500


@transaction.atomic
def measurement_apply(plan: MeasurementPlan, *, user) -> int:
    """Write the plan's new and changed measurements, with their history, in batches.

    Bulk writes send no signals, so the data version is raised here, once and only
    after the commit: raised inside the transaction, it would lock the one row every
    save in every app raises, and keep them all waiting until this one ends."""
    assert not plan.errors
    rows = plan.to_write

    def measurement(row: MeasurementRow) -> Measurement:
        return Measurement(
            pk=row.previous.pk if row.previous else None,
            kpi=row.kpi,
            date=row.date,
            value=row.value,
            period_end=row.period_end,
            source=row.source,
            note=row.note,
            recorded_by=user,
            from_channels=False,
        )

    new = [measurement(row) for row in rows if row.is_new]
    changed = [measurement(row) for row in rows if not row.is_new]
    bulk_create_with_history(new, Measurement, batch_size=BATCH, default_user=user)
    bulk_update_with_history(
        changed, Measurement, list(MEASUREMENT_FIELDS), batch_size=BATCH, default_user=user
    )
    if rows:
        data_versions.changed("kpi")  # bulk writes send no signals
    return len(rows)


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
    today = timezone.localdate()

    def issue(row, key, message):
        plan.errors.append(ImportIssue(table.sheet, row, columns.get(key, key), message))

    for number, values in table.rows:
        month = parse_date(values.get(columns["month"]), month_only=True)
        if month is None:
            issue(number, "month", _("This is not a month (use e.g. 2026-10)."))
        elif problem := services.date_problem(month, today=today, month=True):
            issue(number, "month", problem)
            month = None
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
        contacts = parse_contacts(values.get(columns["contacts"]))
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
    data_versions.changed("kpi")  # bulk writes send no signals
    return len(plan.new) + len(plan.changed)
