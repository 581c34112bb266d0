"""What every import reports: a problem located by sheet, row and column."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ImportIssue:
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self):
        where = [self.sheet]
        if self.row:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"
