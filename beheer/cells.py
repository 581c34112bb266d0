"""What a spreadsheet cell may hold: the one rule for every export of the app.

Every file a spreadsheet opens goes through here: the app's own workbooks (through
`beheer.xlsx.set_cell`) and the admin's register exports (`beheer.resources`).

- Never a live formula. Excel, LibreOffice and Google Sheets evaluate a cell that starts
  with = + - @ (or a tab or carriage return), so a department named
  =HYPERLINK("http://x.example/d","y") would run on the reader's machine (OWASP: CSV
  injection). In xlsx the text gets Excel's quote prefix, a style: it shows and reads
  back exactly as typed. In CSV a single quote goes in front, which the import takes
  off again, so an exported file imports back unchanged.
- Never a control character. XML, and so xlsx, cannot hold one; openpyxl refuses the
  whole workbook. The input refuses them (`beheer.validators`), but data written around
  the forms (a data migration, raw SQL) must not break a download for everyone.
"""

import re

from beheer.validators import CONTROL_CHARACTERS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
# Quotes are added (and taken off) in front of text that starts with a formula prefix
# after any number of quotes, so that text which already starts with a quote survives
# the round trip too: "'=x" goes out as "''=x" and comes back as "'=x".
_QUOTED_OR_FORMULA = re.compile(f"{QUOTE}*[{re.escape(''.join(FORMULA_PREFIXES))}]")


def without_control_characters(text: str) -> str:
    # isprintable() is a fast test that holds for nearly every cell; it is False for
    # more than control characters (a line break, a no-break space), hence the regex.
    return text if text.isprintable() else _CONTROL.sub("", text)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def xlsx_value(value):
    """The value to put in an xlsx cell; the caller sets the quote prefix when
    `is_formula_like` (openpyxl stores the prefix in the cell's style)."""
    return without_control_characters(value) if isinstance(value, str) else value


def csv_value(value):
    """The value to write into a CSV or TSV field."""
    if not isinstance(value, str):
        return value
    text = without_control_characters(value)
    return QUOTE + text if _QUOTED_OR_FORMULA.match(text) else text


def csv_value_read(value):
    """The inverse of `csv_value` for a field read back from a file."""
    if isinstance(value, str) and value.startswith(QUOTE) and _QUOTED_OR_FORMULA.match(value):
        return value[1:]
    return value
