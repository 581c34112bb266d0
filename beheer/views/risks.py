from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from beheer.cache import cached
from beheer.models import OrganisationSettings
from beheer.risks import knowledge_risks
from beheer.xlsx import write_table, write_title, xlsx_response


def risk_report(request):
    report = cached("risk-report", knowledge_risks, scopes=("register",))
    return render(request, "beheer/risks.html", {"report": report, "today": timezone.localdate()})


def risk_report_xlsx(request):
    report = knowledge_risks()
    organisation = OrganisationSettings.load()
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
    rows = [
        (
            str(rule.title),
            str(finding.subject),
            str(finding.detail),
            str(finding.fix_label),
            request.build_absolute_uri(finding.fix_url),
        )
        for rule in report.rules
        for finding in rule.findings
    ]
    write_table(
        sheet,
        row,
        [_("Risk"), _("Concerns"), _("Details"), _("To do"), _("Link")],
        rows,
        widths=[40, 32, 50, 30, 50],
    )
    stamp = timezone.localdate().isoformat()
    return xlsx_response(workbook, f"borging-{stamp}.xlsx")
