"""Demo data for daily management, dated back from today: forty wishes across the
four components in every status (their steps dated), three releases (one live,
one in test with a failed test, one coming with open test items for the key
users), a contract per supplier (KlantLink's notice date 40 days away) and the
beheerteam's own service catalogue, service levels linked to the availability
and lead-time KPIs, the quick references of the role card, and training that
leaves three people without the training their role needs.

The KPI "Doorlooptijd wijzigingsverzoeken CRM" takes its values from the wishes
from the first month they give one; its values typed in before stay.

`--scale N` adds N-1 copies of the wishes, releases, contracts and training
with the copies of the register (people named "… (N)").
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from beheer.models import Component, Department, Person, Role, ServiceProcess, Supplier
from kpi.models import Kpi
from kpi.services import median_lead_times, recompute_lead_time_kpis
from operations.defaults import ensure_default_courses
from operations.demo_texts import (
    CONTRACTS,
    EXTRA_COURSES,
    GUIDES,
    IMPACTS,
    INTERNAL,
    RELEASES,
    SESSIONS,
    TEST_ITEMS,
    WISHES,
)
from operations.models import (
    ChangeRequest,
    Comment,
    ComponentGuide,
    Contract,
    Course,
    Release,
    ReleaseImpact,
    ServiceLevel,
    StatusChange,
    TestItem,
    TrainingAttendance,
    TrainingSession,
)
from operations.selectors import lead_time_pairs
from operations.services import add_months

S = ChangeRequest.Status
LEAD_TIME_KPI = "Doorlooptijd wijzigingsverzoeken CRM"
# Who judges the wishes of a component in the demo: its owner, else the manager.
TRIAGERS = {"Klantvolgsysteem": "eigenaar"}


def load(*, scale: int = 1) -> dict[str, int]:
    ensure_default_courses(Course, Component, Role)
    today = timezone.localdate()
    counts = dict.fromkeys(
        ("wishes", "releases", "contracts", "service levels", "training sessions"), 0
    )
    components = {c.name: c for c in Component.objects.all()}
    counts["quick references"] = _guides(components)
    counts["courses"] = _courses(components)
    users = {u.username: u for u in get_user_model().objects.all()}
    for copy in range(1, scale + 1):
        demo = _Copy(copy, components, users, today)
        releases = demo.releases(counts)
        demo.wishes(releases, counts)
        demo.test_plans(releases)
        demo.contracts(counts)
        demo.training(counts)
    counts["lead-time KPIs"] = _lead_time_kpis(components.get("Klantvolgsysteem"), scale)
    return counts


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _between(start: datetime, end: datetime, share: float) -> datetime:
    return start + (end - start) * share


def _guides(components) -> int:
    made = 0
    for name, (goal, tips) in GUIDES.items():
        component = components.get(name)
        if component is not None:
            made += ComponentGuide.objects.get_or_create(
                component=component, defaults={"goal": goal, "tips": tips}
            )[1]
    return made


def _courses(components) -> int:
    made = 0
    for name, (kind, component, description) in EXTRA_COURSES.items():
        made += Course.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "component": components.get(component),
                "description": description,
            },
        )[1]
    return made


class _Copy:
    """One copy of the demo, with the register's copy of the people and processes."""

    def __init__(self, copy: int, components, users, today: date):
        self.copy = copy
        self.suffix = "" if copy == 1 else f" ({copy})"
        self.components = components
        self.users = users
        self.today = today
        self.now = timezone.now()
        self.people = {
            p.name.removesuffix(self.suffix): p
            for p in Person.objects.all()
            if p.name.endswith(self.suffix) and (copy > 1 or not p.name.endswith(")"))
        }
        self.processes = {
            p.name.removesuffix(self.suffix): p
            for p in ServiceProcess.objects.all()
            if p.name.endswith(self.suffix) and (copy > 1 or not p.name.endswith(")"))
        }

    # --- Releases ---------------------------------------------------------------------

    def releases(self, counts) -> dict[str, tuple[Release, bool]]:
        made = {}
        for key, spec in RELEASES.items():
            component, version, planned, live, status, decision, notes, communication = spec
            if component not in self.components:
                continue
            release, created = Release.objects.get_or_create(
                component=self.components[component],
                version=version if self.copy == 1 else f"{version}-{self.copy}",
                defaults={
                    "planned_date": self.today + timedelta(days=planned),
                    "actual_date": self.today + timedelta(days=live) if live is not None else None,
                    "status": status,
                    "notes": notes,
                    "communication": communication,
                    "decision": decision,
                    "decided_by": self.users.get("manager") if decision else None,
                    "decided_at": _at(self.today + timedelta(days=live - 2)) if decision else None,
                },
            )
            counts["releases"] += created
            made[key] = (release, created)
        return made

    def test_plans(self, releases) -> None:
        for key, (release, created) in releases.items():
            if not created:
                continue
            live = release.actual_date or self.today
            wishes = list(release.change_requests.order_by("id")[:2])
            for index, (title, how, tester, process, result, note) in enumerate(TEST_ITEMS[key]):
                tested = (
                    _at(min(live, self.today) - timedelta(days=3 - index % 2)) if result else None
                )
                TestItem.objects.create(
                    release=release,
                    title=title,
                    description=how,
                    tester=self.people.get(tester),
                    service_process=self.processes.get(process),
                    change_request=wishes[index] if index < len(wishes) else None,
                    result=result,
                    result_note=note,
                    tested_at=tested,
                    tested_by=self.users.get("keyuser") if result else None,
                )
            for process, level, description in IMPACTS[key]:
                if process in self.processes:
                    ReleaseImpact.objects.create(
                        release=release,
                        service_process=self.processes[process],
                        level=level,
                        description=description,
                    )

    # --- Wishes -------------------------------------------------------------------------

    def wishes(self, releases, counts) -> None:
        existing = set(ChangeRequest.objects.values_list("title", flat=True))
        for component_name, specs in WISHES.items():
            component = self.components.get(component_name)
            if component is None:
                continue
            judge = self.users.get(TRIAGERS.get(component_name, "manager"))
            for spec in specs:
                if spec[0] + self.suffix in existing:
                    continue
                self._wish(component, spec, judge, releases)
                counts["wishes"] += 1

    def _wish(self, component, spec, judge, releases) -> None:
        title, description, reason, process, urgency, submitter, days_ago, outcome = spec
        submitted = _at(self.today - timedelta(days=days_ago), 9)
        user = self.users.get(submitter)
        kind, *details = outcome
        fields, steps, question = {}, [(S.SUBMITTED, submitted, user, "")], None
        end = self.now  # the latest a step may have
        if kind == "submitted":
            pass
        elif kind == "question":
            fields["needs_information"] = True
            question = details[0]
        elif kind == "review":
            fields["priority"] = details[0]
            steps.append((S.IN_REVIEW, _between(submitted, end, 0.4), judge, ""))
        elif kind == "rejected":
            fields["rejection_reason"] = details[0]
            steps.append((S.REJECTED, _between(submitted, end, 0.3), judge, details[0]))
        else:
            key_or_priority = details[0]
            release = None
            if kind == "release":
                release = releases.get(key_or_priority, (None,))[0]
                fields.update(priority=details[1], plan=ChangeRequest.Plan.RELEASE, release=release)
                if release is None:
                    return
                if release.status == Release.Status.LIVE:
                    end = _at(release.actual_date, 12)
                elif release.status == Release.Status.IN_TEST:
                    end = _at(self.today - timedelta(days=5), 11)
            else:
                fields.update(priority=key_or_priority, plan=ChangeRequest.Plan.CONFIGURATION)
                if kind == "config":
                    fields["planned_for"] = self.today + timedelta(days=details[1])
                elif kind == "config_live":
                    end = _at(self.today - timedelta(days=details[1]), 12)
                elif kind == "config_test":
                    end = _at(self.today - timedelta(days=2), 11)
            steps.append((S.IN_REVIEW, _between(submitted, end, 0.2), judge, ""))
            steps.append((S.PLANNED, _between(submitted, end, 0.4), judge, str(release or "")))
            live = kind == "config_live" or (release and release.status == Release.Status.LIVE)
            testing = kind == "config_test" or (
                release and release.status == Release.Status.IN_TEST
            )
            if live or testing:
                steps.append(
                    (S.IN_TEST, end if testing else _between(submitted, end, 0.8), judge, "")
                )
            if live:
                steps.append((S.IN_PRODUCTION, end, judge, str(release or "")))
                fields["in_production_at"] = end
        status, changed_at = steps[-1][0], steps[-1][1]
        wish = ChangeRequest.objects.create(
            component=component,
            title=title + self.suffix,
            description=description,
            reason=reason,
            service_process=self.processes.get(process) if process else None,
            urgency=urgency,
            status=status,
            submitted_by=user,
            submitted_at=submitted,
            status_changed_at=changed_at,
            **fields,
        )
        StatusChange.objects.bulk_create(
            StatusChange(
                change_request=wish,
                old_status=steps[index - 1][0] if index else "",
                new_status=new,
                changed_at=at,
                changed_by=by,
                note=note,
            )
            for index, (new, at, by, note) in enumerate(steps)
        )
        if question:
            Comment.objects.create(
                change_request=wish,
                text=question,
                author=judge,
                created_at=_between(submitted, self.now, 0.5),
            )

    # --- Contracts ----------------------------------------------------------------------

    def contracts(self, counts) -> None:
        suppliers = {s.name: s for s in Supplier.objects.all()}
        for spec in CONTRACTS:
            name = spec["name"] + self.suffix
            if spec["supplier"] not in suppliers or Contract.objects.filter(name=name).exists():
                continue
            if "notice_in_days" in spec:
                last_day = self.today + timedelta(days=spec["notice_in_days"])
                end = add_months(last_day + timedelta(days=1), spec["notice_months"]) - timedelta(
                    days=1
                )
            elif spec["ends_in_months"]:
                end = add_months(self.today, spec["ends_in_months"])
            else:
                end = None
            contract = Contract.objects.create(
                name=name,
                kind=Contract.Kind.SUPPLIER,
                supplier=suppliers[spec["supplier"]],
                start_date=add_months(self.today, -12 * spec["started_years_ago"]),
                end_date=end,
                notice_months=spec["notice_months"],
                renewal_months=spec["renewal_months"],
                support_hours=spec["support_hours"],
                notes=spec["notes"],
            )
            contract.components.set([self.components[c] for c in spec["components"]])
            counts["contracts"] += 1
            counts["service levels"] += self._levels(contract, spec["levels"])
        name = INTERNAL["name"] + self.suffix
        if not Contract.objects.filter(name=name).exists():
            contract = Contract.objects.create(
                name=name,
                kind=Contract.Kind.INTERNAL,
                start_date=add_months(self.today, -18),
                support_hours=INTERNAL["support_hours"],
                notes=INTERNAL["notes"],
            )
            contract.components.set([self.components[c] for c in INTERNAL["components"]])
            contract.departments.set(Department.objects.all())
            counts["contracts"] += 1
            counts["service levels"] += self._levels(contract, INTERNAL["levels"])

    def _levels(self, contract, specs) -> int:
        for order, (name, kind, priority, component, value, unit, note, *kpi) in enumerate(
            specs, start=1
        ):
            ServiceLevel.objects.create(
                contract=contract,
                name=name,
                kind=kind,
                priority=priority,
                component=self.components.get(component) if component else None,
                agreed_value=Decimal(value),
                unit=unit,
                description=note,
                kpi=Kpi.objects.filter(name=kpi[0] + self.suffix).first() if kpi else None,
                order=order,
            )
        return len(specs)

    # --- Training ---------------------------------------------------------------------

    def training(self, counts) -> None:
        first = self.people.get("Ingrid Bakker")
        if first is None or TrainingAttendance.objects.filter(person=first).exists():
            return  # loaded before
        courses = {c.name: c for c in Course.objects.all()}
        for course, months_ago, trainer, external, place, names in SESSIONS:
            if course not in courses:
                continue
            day = add_months(self.today, -months_ago)
            day += timedelta(days=(1 - day.weekday()) % 7)  # on a Tuesday
            session = TrainingSession.objects.create(
                course=courses[course],
                date=day,
                trainer=self.people.get(trainer) if trainer else None,
                trainer_name=external,
                place=place,
            )
            held = day <= self.today
            TrainingAttendance.objects.bulk_create(
                TrainingAttendance(
                    session=session, person=self.people[name], attended=True if held else None
                )
                for name in names
                if name in self.people
            )
            counts["training sessions"] += 1


def _lead_time_kpis(crm: Component | None, scale: int) -> int:
    """The lead-time KPI of each copy takes its values from the wishes, from the
    first month they give one; the values typed in before that stay."""
    if crm is None:
        return 0
    months = median_lead_times(lead_time_pairs(component=crm), frequency=Kpi.Frequency.MONTHLY)
    switched = 0
    for copy in range(1, scale + 1):
        name = LEAD_TIME_KPI if copy == 1 else f"{LEAD_TIME_KPI} ({copy})"
        kpi = Kpi.objects.filter(name=name, source=Kpi.Source.MANUAL).first()
        if kpi is None:
            continue
        if months:
            kpi.measurements.filter(from_channels=False, date__gte=min(months)).delete()
        kpi.source, kpi.component = Kpi.Source.CHANGE_LEAD_TIME, crm
        kpi.save()
        switched += 1
    recompute_lead_time_kpis()
    return switched
