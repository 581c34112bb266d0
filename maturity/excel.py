"""The results of an assessment as an Excel workbook for the MT: the levels with
their names, a native radar chart beside the previous round's, the model's
texts, and every statement's score."""

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import RadarChart, Reference

from beheer.xlsx import write_table, write_title
from maturity.models import Axis, Dimension


def _level_name(levels: dict, number: int) -> str:
    level = levels.get(number)
    return level.text("name") if level else ""


def results_workbook(results, *, previous=None, levels=None) -> Workbook:
    """`results` and `previous` are services.AssessmentResults; `levels` maps a
    level number to its Level."""
    levels = levels or {}
    assessment = results.assessment
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Samenvatting"
    overall = results.overall_level
    row = write_title(
        summary,
        _("Maturity: %(name)s") % {"name": assessment.name},
        [
            str(assessment.department),
            _("Overall level: %(level)s %(name)s (the weakest dimension counts)")
            % {"level": overall, "name": _level_name(levels, overall)},
            _("%(count)s respondents") % {"count": results.respondents},
            _("A statement is met from a score of %(threshold)s.")
            % {"threshold": f"{assessment.threshold:.2f}"},
        ],
    )
    first = row
    previous_levels = (
        {d.dimension.pk: d.level for d in previous.dimensions} if previous is not None else {}
    )
    headers = [_("Dimension"), assessment.name]
    if previous is not None:
        headers.append(previous.assessment.name)
    headers.append(_("Level name"))
    rows = []
    for d in results.dimensions:
        row_values = [d.dimension.text("name"), d.level]
        if previous is not None:
            row_values.append(previous_levels.get(d.dimension.pk))
        row_values.append(_level_name(levels, d.level))
        rows.append(row_values)
    last = write_table(
        summary, row, headers, rows, widths=[32, 16, 16, 28] if previous else [32, 16, 28]
    )
    chart = RadarChart()
    chart.type = "marker"
    chart.title = _("Levels per dimension")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    series_columns = 2 if previous is not None else 1
    data = Reference(
        summary, min_col=2, max_col=1 + series_columns, min_row=first, max_row=last - 1
    )
    labels = Reference(summary, min_col=1, min_row=first + 1, max_row=last - 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.width, chart.height = 16, 10
    summary.add_chart(chart, "F2")

    details = workbook.create_sheet("Stellingen")
    axes = dict(Axis.choices)
    write_table(
        details,
        1,
        [
            _("Dimension"),
            _("Level"),
            _("Statement"),
            _("Score"),
            _("Disagreement"),
            _("Answers"),
            _("Met"),
            _("Axis"),
        ],
        [
            (
                d.dimension.text("name"),
                s.statement.level,
                s.statement.text("text"),
                float(s.score) if s.score is not None else None,
                float(s.disagreement) if s.disagreement is not None else None,
                s.answers,
                _("yes") if s.met else _("no"),
                str(axes.get(s.statement.axis, "")),
            )
            for d in results.dimensions
            for s in d.statements
        ],
        widths=[24, 8, 70, 10, 14, 10, 8, 28],
    )
    _model_sheet(workbook, levels)
    return workbook


def _model_sheet(workbook: Workbook, levels: dict) -> None:
    """The model itself: what each level and each dimension means."""
    write_table(
        workbook.create_sheet("Niveaus"),
        1,
        [_("Level"), _("Name"), _("Description")],
        [
            (number, level.text("name"), level.text("description"))
            for number, level in sorted(levels.items())
        ],
        widths=[10, 30, 90],
    )
    write_table(
        workbook.create_sheet("Dimensies"),
        1,
        [_("Dimension"), _("Question"), _("At the low end"), _("At the high end")],
        [
            (d.text("name"), d.text("question"), d.text("low"), d.text("high"))
            for d in Dimension.objects.all()
        ],
        widths=[30, 50, 50, 50],
    )
