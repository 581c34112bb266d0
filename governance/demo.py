"""Demo data for the governance cycle, dated back from today: a beheeroverleg
every four weeks for the last six months (and the next one planned, its agenda
proposed from the data), a quarterly steering group with the MT, a customer
forum twice a year and a supplier meeting per supplier; with their minutes,
some twenty decisions and forty actions (some overdue, some done late).

`--scale N` adds N-1 copies of the forums with the copies of the register
(people and KPIs named "… (N)"), so lists and pages can be measured at size.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from beheer.models import Component, Person, Role, Supplier
from governance import selectors, services
from governance.defaults import ensure_default_forums
from governance.demo_minutes import (
    ACTIONS,
    BEHEEROVERLEG,
    CANCELLED,
    CLOSING,
    KLANTENFORUM,
    LATE,
    ON_TIME,
    OPENING,
    PREVIOUS,
    PROGRESS,
    STUURGROEP,
    SUPPLIER_MEETINGS,
)
from governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Cadence,
    Decision,
    Forum,
    Meeting,
    MeetingAmendment,
)
from kpi.models import Kpi, SuccessFactor
from matrix.models import MatrixVersion
from maturity.models import Assessment

# The demo person of each supplier, and how many days back its two meetings were.
SUPPLIER_PEOPLE = {
    "KlantLink B.V.": "Niels Hoekstra",
    "PortaalWerk B.V.": "Maaike Koster",
    "Flex IT Detachering": "Joost van der Berg",
}
SUPPLIER_DAYS = {
    "KlantLink B.V.": (131, 40),
    "PortaalWerk B.V.": (146, 55),
    "Flex IT Detachering": (121, 30),
}


def _previous_weekday(day, weekday: int):
    """The latest `weekday` (0 = Monday) strictly before `day`."""
    return day - timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)


class _Lookup:
    """Records of the register by name, preferring this copy's ("… (2)")."""

    def __init__(self, suffix: str):
        self.suffix = suffix
        self.people = {p.name: p for p in Person.objects.all()}
        self.roles = {r.name: r for r in Role.objects.all()}
        self.components = {c.name: c for c in Component.objects.all()}
        self.kpis = {k.name: k for k in Kpi.objects.all()}
        self.factors = {f.key: f for f in SuccessFactor.objects.all()}
        self.assessments = {
            (a.department.name, a.name): a for a in Assessment.objects.select_related("department")
        }
        self.version = MatrixVersion.objects.defer("snapshot").order_by("-adopted_on").first()

    def _named(self, table, name):
        return table.get(f"{name}{self.suffix}") or table.get(name)

    def person(self, name):
        return self._named(self.people, name)

    def concern(self, kind, name):
        if kind == "component":
            return self.components.get(name)
        if kind == "role":
            return self._named(self.roles, name)
        if kind == "person":
            return self.person(name)
        if kind == "kpi":
            return self._named(self.kpis, name)
        if kind == "factor":
            return self.factors.get(name)
        if kind == "assessment":
            return self.assessments.get(name)
        if kind == "matrix_version":
            return self.version
        raise ValueError(kind)


def load(*, scale: int = 1) -> dict[str, int]:
    created = ensure_default_forums(Forum, Role)
    today = timezone.localdate()
    counts = {"meetings": 0, "decisions": 0, "actions": 0}
    _adopted_version(today)
    for copy in range(1, scale + 1):
        suffix = "" if copy == 1 else f" ({copy})"
        lookup = _Lookup(suffix)
        chance = random.Random(f"governance-demo-{copy}")  # the same demo every time
        for forum, meetings, planned in _forums(suffix, lookup, today):
            if forum.meetings.exists():
                continue  # loaded before
            _add(counts, _meetings(forum, meetings, lookup, today, chance))
            if planned is not None:
                _plan(forum, today + timedelta(days=planned), today)
                counts["meetings"] += 1
    # The factor reviews' actions came with the reviews (kpi.demo).
    return {"standard forums created": int(created), **counts}


def _add(counts, more):
    for key, value in more.items():
        counts[key] += value


def _adopted_version(today) -> None:
    """The steering group adopted the matrix at its first meeting of the demo."""
    if MatrixVersion.objects.exists():
        return
    from matrix.services import version_adopt

    version_adopt(
        adopted_on=_previous_weekday(today - timedelta(days=111), 3),
        note="Vastgesteld in de stuurgroep.",
        user=None,
    )


def _forum(name, suffix, *, kind, cadence, defaults):
    """The standard forum of this name (copy 1), or this copy's own."""
    forum = Forum.objects.filter(name_nl=f"{name}{suffix}").first()
    if forum is None:
        forum = Forum.objects.create(name_nl=f"{name}{suffix}", kind=kind, cadence=cadence)
    for field, value in defaults.items():
        setattr(forum, field, value)
    forum.save()
    return forum


def _forums(suffix, lookup, today):
    """(forum, meetings with their days back, days ahead of the next one)."""
    roles = [lookup.roles.get(n) for n in ("CRM-beheerder", "CRM-manager", "Functioneel beheer")]
    key_user = lookup.roles.get("Key user")

    beheer = _forum(
        "Beheeroverleg",
        suffix,
        kind=Forum.Kind.BEHEEROVERLEG,
        cadence=Cadence.FOUR_WEEKS,
        defaults={
            "chair": lookup.person("Marco Jansen"),
            "usual_time": time(9, 30),
            "usual_duration": 90,
            "usual_place": "Vergaderzaal De Eik",
        },
    )
    beheer.roles.add(*[r for r in [*roles, key_user] if r])
    beheer.people.add(*[lookup.person(n) for n in ("Yusuf Demir", "Anouk Dekker", "Noor Hendriks")])
    latest = _previous_weekday(today, 1)  # Tuesdays
    beheer_days = [(today - latest).days + 28 * k for k in range(len(BEHEEROVERLEG))][::-1]
    yield (
        beheer,
        list(zip(beheer_days, BEHEEROVERLEG, strict=True)),
        ((latest + timedelta(days=28)) - today).days,
    )

    stuurgroep = _forum(
        "Stuurgroep",
        suffix,
        kind=Forum.Kind.STUURGROEP,
        cadence=Cadence.QUARTERLY,
        defaults={
            "chair": lookup.person("Henk Visser"),
            "usual_time": time(14, 0),
            "usual_duration": 60,
            "usual_place": "Directiekamer",
        },
    )
    stuurgroep.people.add(
        *[lookup.person(n) for n in ("Henk Visser", "Kim Smeets", "Pieter van Dijk")]
    )
    if lookup.roles.get("CRM-manager"):
        stuurgroep.roles.add(lookup.roles["CRM-manager"])
    days = [(today - _previous_weekday(today - timedelta(days=d), 3)).days for d in (110, 19)]
    yield stuurgroep, list(zip(days, STUURGROEP, strict=True)), 91 - days[-1]

    klantenforum = _forum(
        "Klantenforum",
        suffix,
        kind=Forum.Kind.KLANTENFORUM,
        cadence=Cadence.HALF_YEARLY,
        defaults={
            "chair": lookup.person("Pieter van Dijk"),
            "usual_time": time(15, 0),
            "usual_duration": 90,
            "usual_place": "Restaurant, begane grond",
        },
    )
    if key_user:
        klantenforum.roles.add(key_user)
    klantenforum.people.add(
        *[
            lookup.person(n)
            for n in (
                "Ingrid Bakker",
                "Daan de Boer",
                "Fatima El Amrani",
                "Laura Schouten",
                "Noor Hendriks",
            )
        ]
    )
    days = [(today - _previous_weekday(today - timedelta(days=d), 2)).days for d in (175, 13)]
    yield klantenforum, list(zip(days, KLANTENFORUM, strict=True)), None

    key_users = _forum(
        "Key-useroverleg",
        suffix,
        kind=Forum.Kind.KEY_USERS,
        cadence=Cadence.MONTHLY,
        defaults={"chair": lookup.person("Eva Mulder")},
    )
    if key_user:
        key_users.roles.add(key_user)

    supplier_roles = [
        lookup.roles.get(n)
        for n in ("Leveranciersmanagement", "Technisch beheer", "Functioneel beheer")
    ]
    suppliers = {s.name: s for s in Supplier.objects.all()}
    for name, meetings in SUPPLIER_MEETINGS.items():
        supplier = suppliers.get(name)
        if supplier is None:
            continue
        forum = Forum.objects.filter(
            kind=Forum.Kind.SUPPLIER, supplier__isnull=True, name_nl=f"Leveranciersoverleg{suffix}"
        ).first()
        if forum is not None and not forum.meetings.exists():
            forum.name_nl = f"Leveranciersoverleg {name}{suffix}"  # the standard forum, taken on
            forum.name_en = f"Supplier meeting {name}{suffix}"
            forum.save()
        forum = _forum(
            f"Leveranciersoverleg {name}",
            suffix,
            kind=Forum.Kind.SUPPLIER,
            cadence=Cadence.QUARTERLY,
            defaults={
                "supplier": supplier,
                "chair": lookup.person("Sophie Meijer"),
                "usual_time": time(10, 0),
                "usual_duration": 60,
                "usual_place": "Online",
            },
        )
        forum.roles.add(*[r for r in supplier_roles if r])
        if person := lookup.person(SUPPLIER_PEOPLE[name]):
            forum.people.add(person)
        days = [
            (today - _previous_weekday(today - timedelta(days=d - 1), 0)).days
            for d in SUPPLIER_DAYS[name]
        ]
        yield forum, list(zip(days, meetings, strict=True)), None


def _meetings(forum, meetings, lookup, today, chance) -> dict[str, int]:
    counts = {"meetings": 0, "decisions": 0, "actions": 0}
    previous = None
    invited = selectors.invitees(forum=forum, today=today)
    for days_back, spec in meetings:
        day = today - timedelta(days=days_back)
        start = timezone.make_aware(datetime.combine(day, forum.usual_time or time(10, 0)))
        meeting = Meeting.objects.create(
            forum=forum,
            date=day,
            start_time=forum.usual_time,
            duration=forum.usual_duration,
            place=forum.usual_place,
            status=Meeting.Status.CLOSED,
            closed_at=start + timedelta(days=chance.randint(1, 4)),
            closed_by=forum.chair.user if forum.chair else None,
        )
        counts["meetings"] += 1
        absent = {lookup.person(n) for n in spec["absent"]}
        guests = [lookup.person(n) for n in spec["guests"]]
        Attendance.objects.bulk_create(
            [
                Attendance(meeting=meeting, person=p, present=p not in absent)
                for p in invited
                if p not in guests
            ]
            + [Attendance(meeting=meeting, person=p, present=True, is_guest=True) for p in guests]
        )
        items = _items(meeting, spec, previous)
        for index, text, rationale, concerns in spec["decisions"]:
            Decision.objects.create(
                forum=forum,
                meeting=meeting,
                agenda_item=items[index],
                date=day,
                text=text,
                rationale=rationale,
                **_concerns(Decision, concerns, lookup),
            )
            counts["decisions"] += 1
        for title, owner, due_after, outcome, concerns in spec["actions_taken"]:
            _action(meeting, title, lookup.person(owner), day, due_after, outcome, concerns, lookup)
            counts["actions"] += 1
        if "amendment" in spec:
            index, text = spec["amendment"]
            MeetingAmendment.objects.create(
                meeting=meeting,
                agenda_item=items[index],
                text=text,
                made_by=forum.chair.user if forum.chair else None,
            )
        previous = meeting
    return counts


def _items(meeting, spec, previous) -> list[AgendaItem]:
    """The agenda with minutes; returns the meeting's own items (for decisions)."""
    standing = [(OPENING, spec["opening"], "opening")]
    if previous is not None:
        standing.append(
            (PREVIOUS.format(date=f"{previous.date:%d-%m-%Y}"), spec["previous"], "previous")
        )
    if spec["actions"]:
        standing.append((ACTIONS, spec["actions"], "actions"))
    own = [
        AgendaItem(meeting=meeting, kind=AgendaItem.Kind.FREE, title=title, minutes=minutes)
        for title, minutes in spec["items"]
    ]
    rows = [
        AgendaItem(
            meeting=meeting,
            kind=AgendaItem.Kind.ACTIONS if key == "actions" else AgendaItem.Kind.STANDARD,
            key=key,
            title=title,
            minutes=minutes,
        )
        for title, minutes, key in standing
    ]
    rows += own
    rows.append(
        AgendaItem(
            meeting=meeting,
            kind=AgendaItem.Kind.STANDARD,
            key="closing",
            title=CLOSING,
            minutes=spec["closing"],
        )
    )
    for order, row in enumerate(rows, start=1):
        row.order = order
    AgendaItem.objects.bulk_create(rows)
    return own


def _concerns(model, concerns, lookup) -> dict:
    values = {}
    for kind, name in concerns:
        obj = lookup.concern(kind, name)
        if obj is not None:
            values[selectors.concern_field(model, type(obj))] = obj
    return values


def _action(meeting, title, owner, day, due_after, outcome, concerns, lookup) -> None:
    today = timezone.localdate()
    due = day + timedelta(days=due_after)
    note, done_on = "", None
    if isinstance(outcome, tuple):
        outcome, note = outcome
    if outcome == ON_TIME:
        status, done_on = Action.Status.DONE, min(due - timedelta(days=2), today)
    elif outcome == LATE:
        status, done_on = Action.Status.DONE, min(due + timedelta(days=12), today)
    elif outcome == PROGRESS:
        status = Action.Status.IN_PROGRESS
    elif outcome == CANCELLED:
        status = Action.Status.CANCELLED
    else:
        status = Action.Status.OPEN
    Action.objects.create(
        source=Action.Source.MEETING,
        title=title,
        owner=owner,
        due_date=due,
        status=status,
        status_note=note,
        done_on=done_on,
        forum=meeting.forum,
        meeting=meeting,
        created_at=timezone.make_aware(datetime.combine(day, time(12, 0))),
        **_concerns(Action, concerns, lookup),
    )


def _plan(forum, day, today) -> None:
    """The next meeting, planned, with the agenda the data proposes."""
    meeting = services.meeting_plan(
        forum=forum,
        date=day,
        start_time=forum.usual_time,
        duration=forum.usual_duration,
        place=forum.usual_place,
        today=today,
    )
    proposal = services.agenda_proposal(meeting=meeting, today=today)
    services.agenda_accept(meeting=meeting, proposal=proposal, keys={item.key for item in proposal})
