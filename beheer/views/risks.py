from functools import partial

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from openpyxl import Workbook

from beheer.access import can_edit_register
from beheer.cache import cached
from beheer.models import OrganisationSettings, Role
from beheer.navigation import action_proposal_url
from beheer.risks import knowledge_risks
from beheer.xlsx import GroupRow, write_table, write_title, xlsx_response


def risk_report(request):
    # The report is the same for every reader: rendered once per register
    # version, language, day and editing right (the navigation shows the
    # settings to editors); the layout around it on every request.
    config = OrganisationSettings.for_request(request)
    can_edit = can_edit_register(request.user)
    report_html = cached(
        "risk-report",
        partial(_report_html, request, config, can_edit),
        scopes=("register",),
        vary=(can_edit,),
    )
    return render(request, "beheer/risks.html", {"report_html": report_html})


def _report_html(request, config, can_edit: bool) -> str:
    report = knowledge_risks(config=config)
    plan_action = _action_planner(can_edit)
    # The rows of findings are joined here, not looped over in the template.
    sections = [
        (
            rule,
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td>{}</td><td><a href="{}">{}</a>{}</td></tr>',
                (
                    (f.subject, f.detail, f.fix_url, f.fix_label, plan_action(f))
                    for f in rule.findings
                ),
            ),
        )
        for rule in report.rules
    ]
    # Without running the context processors: the navigation needs only these.
    context = {
        "report": report,
        "sections": sections,
        "request": request,
        "can_edit_register": can_edit,
    }
    return render_to_string("beheer/risks.html#report", context)


def _action_planner(can_edit: bool):
    """For those who run the register: a link beside each role's finding that
    puts it in the action register, so "find a deputy" gets an owner and a date."""

    def link(finding) -> str:
        if not (can_edit and isinstance(finding.subject, Role)):
            return ""
        url = action_proposal_url(
            "knowledge_risk",
            role=finding.subject.pk,
            title=f"{finding.fix_label}: {finding.subject}",
        )
        if not url:
            return ""
        return format_html(
            ' · <a href="{}" class="plan-action">{}</a>', url, _("Make it an action")
        )

    return link


def risk_report_xlsx(request):
    organisation = OrganisationSettings.for_request(request)
    report = knowledge_risks(config=organisation)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Knowledge risks")[:31]
    row = write_title(
        sheet,
        _("Knowledge risks (borging)"),
        [
            organisation.name,
            _("Date: %(date)s") % {"date": report.today.strftime("%d-%m-%Y")},
            _("%(count)s findings") % {"count": report.total},
        ],
    )
    # One group per rule, its findings below it: the rule's title once.
    rows = []
    for rule in report.rules:
        if not rule.findings:
            continue
        rows.append(GroupRow(f"{rule.title} ({rule.count})"))
        rows.extend(
            (
                str(finding.subject),
                str(finding.detail),
                str(finding.fix_label),
                request.build_absolute_uri(finding.fix_url),
            )
            for finding in rule.findings
        )
    write_table(
        sheet,
        row,
        [_("Concerns"), _("Details"), _("To do"), _("Link")],
        rows,
        widths=[30, 42, 24, 40],
    )
    stamp = timezone.localdate().isoformat()
    return xlsx_response(workbook, f"borging-{stamp}.xlsx")
