"""The results of an assessment as an Excel workbook for the MT, with a native radar chart."""

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import RadarChart, Reference

from beheer.xlsx import write_table, write_title


def results_workbook(results) -> Workbook:
    assessment = results.assessment
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Samenvatting"
    row = write_title(
        summary,
        _("Maturity: %(name)s") % {"name": assessment.name},
        [
            str(assessment.department),
            _("Overall level: %(level)s (the weakest dimension counts)")
            % {"level": results.overall_level},
            _("%(count)s respondents") % {"count": results.respondents},
        ],
    )
    first = row
    last = write_table(
        summary,
        row,
        [_("Dimension"), _("Level")],
        [(d.dimension.text("name"), d.level) for d in results.dimensions],
        widths=[32, 10],
    )
    chart = RadarChart()
    chart.type = "marker"
    chart.title = _("Levels per dimension")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    data = Reference(summary, min_col=2, min_row=first, max_row=last - 1)
    labels = Reference(summary, min_col=1, min_row=first + 1, max_row=last - 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    summary.add_chart(chart, "D2")

    details = workbook.create_sheet("Stellingen")
    write_table(
        details,
        1,
        [
            _("Dimension"),
            _("Level"),
            _("Statement"),
            _("Average"),
            _("Spread"),
            _("Answers"),
            _("Met"),
        ],
        [
            (
                d.dimension.text("name"),
                s.statement.level,
                s.statement.text("text"),
                float(s.average) if s.average is not None else None,
                float(s.spread) if s.spread is not None else None,
                s.answers,
                _("yes") if s.met else _("no"),
            )
            for d in results.dimensions
            for s in d.statements
        ],
        widths=[24, 8, 70, 10, 10, 10, 8],
    )
    return workbook
