"""Reading uploaded spreadsheets (.xlsx and CSV) within caps.

Every upload is read here — the matrix import, the KPI uploads and the admin
import — so that no file, however it is built, holds a worker for long or
fills its memory. An .xlsx is a zip of XML files, and a tiny one can describe
a huge sheet: 34 KB of zip can hold a row of a million cells, which costs
openpyxl 480 MB and 12 seconds. So before openpyxl parses any XML:

1. the file's size is checked (UPLOAD_MAX_BYTES);
2. the zip's table of contents: the number of parts, the size of each part
   and of all of them unpacked (UPLOAD_MAX_UNZIPPED_BYTES), and how strongly
   each is compressed — this refuses a zip bomb without unpacking it;
3. the shape of its XML, in one streaming pass that keeps nothing: at most
   UPLOAD_MAX_ROWS rows and UPLOAD_MAX_COLUMNS columns, at most
   UPLOAD_MAX_CELLS cells (counted as the rows' widths, which is what reading
   them costs) and no more elements than sheets of that size need.

Only then does openpyxl read the sheets, in read-only (streaming) mode.
A CSV is held to the same caps while it is read.
"""

import csv
import io
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property
from io import BytesIO
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from beheer.models import PendingUpload

# Fixed sanity limits of the zip check; the caps people may want to tune are settings.
MAX_PARTS = 1000  # an .xlsx has a dozen parts; a few hundred with many sheets or images
MAX_DIRECTORY_BYTES = 1024 * 1024  # the zip's table of contents, parsed whole by zipfile
# Deflate packs XML about 5-10 to 1; the densest part of a large matrix export
# is 40 to 1. Only a file built to unpack big gets past a few hundred.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024  # small parts may pack tighter, and are harmless
# Elements openpyxl keeps as a whole tree (styles, workbook, the parts of a sheet
# outside its rows). Real workbooks have a few thousand.
MAX_TREE_ELEMENTS = 100_000
# Elements per cell (c, v, f, is, t, and a shared string's si and t) and per row.
ELEMENTS_PER_CELL = 4
ROW_ELEMENTS_PER_COLUMN = 10
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Caps:
    max_bytes: int
    max_unzipped_bytes: int
    max_rows: int
    max_columns: int
    max_cells: int

    @classmethod
    def from_settings(cls, **overrides) -> "Caps":
        """The caps from the settings, read now (so tests may change them)."""
        return cls(
            **{
                "max_bytes": settings.UPLOAD_MAX_BYTES,
                "max_unzipped_bytes": settings.UPLOAD_MAX_UNZIPPED_BYTES,
                "max_rows": settings.UPLOAD_MAX_ROWS,
                "max_columns": settings.UPLOAD_MAX_COLUMNS,
                "max_cells": settings.UPLOAD_MAX_CELLS,
                **overrides,
            }
        )


class UploadRefused(Exception):
    """The file is not read; the message tells the user why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


class NotReadable(UploadRefused):
    """Not a file of the expected kind, or a damaged one. Callers may say so in their words."""


def _count(number: int) -> str:
    return number_format(number, force_grouping=True)


def _megabytes(size: int) -> str:
    return _count(size // 2**20)


def too_many_rows(caps: Caps) -> UploadRefused:
    return UploadRefused(
        _("The file has more than %(limit)s rows.") % {"limit": _count(caps.max_rows)}
    )


def too_many_columns(caps: Caps) -> UploadRefused:
    return UploadRefused(
        _("The file has more than %(limit)s columns.") % {"limit": _count(caps.max_columns)}
    )


def too_many_cells(caps: Caps) -> UploadRefused:
    return UploadRefused(
        _("The file has more than %(limit)s cells.") % {"limit": _count(caps.max_cells)}
    )


def _too_complex() -> UploadRefused:
    return UploadRefused(
        _(
            "The workbook holds too much besides its data. "
            "Copy the data into a new workbook and upload that."
        )
    )


def _not_readable() -> NotReadable:
    return NotReadable(_("This Excel file cannot be read."))


def upload_size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        position = upload.tell()
        size = upload.seek(0, io.SEEK_END)
        upload.seek(position)
    return size


def check_size(upload, caps: Caps) -> None:
    if upload_size(upload) > caps.max_bytes:
        raise UploadRefused(
            _("The file is larger than %(limit)s MB.") % {"limit": _megabytes(caps.max_bytes)}
        )


# --- .xlsx ---------------------------------------------------------------------------


def check_xlsx(upload, caps: Caps) -> None:
    """Refuse an .xlsx beyond the caps, before anything parses its XML; keeps nothing."""
    check_size(upload, caps)
    try:
        _check_directory(upload)
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
            _check_parts(parts, caps)
            shape = _Shape(caps)
            for part in parts:
                if not part.is_dir():
                    with archive.open(part) as stream:
                        shape.scan(stream)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError) as error:
        # RuntimeError: an encrypted part, or (NotImplementedError) an unknown compression.
        raise _not_readable() from error
    finally:
        upload.seek(0)


END_OF_DIRECTORY = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"


def _check_directory(upload) -> None:
    """Refuse a zip whose table of contents is too big, before zipfile reads it whole.

    Finds the end record the way zipfile does: at the very end, else the last one
    in the 64 KB a comment may take. Spreadsheets never need zip64."""
    size = upload_size(upload)
    upload.seek(max(0, size - 22 - 65536))
    tail = upload.read()
    if tail[-22:-18] == END_OF_DIRECTORY and tail[-2:] == b"\x00\x00":
        at = len(tail) - 22
    else:
        at = tail.rfind(END_OF_DIRECTORY)
    if at < 0 or len(tail) - at < 22:
        raise _not_readable()
    if tail[max(0, at - 20) : at - 16] == ZIP64_LOCATOR:
        raise _too_complex()
    parts = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    if parts > MAX_PARTS or directory > MAX_DIRECTORY_BYTES:
        raise _too_complex()
    upload.seek(0)


def _check_parts(parts, caps: Caps) -> None:
    if len(parts) > MAX_PARTS:
        raise _too_complex()
    # The sizes a zip declares are what unpacking can give: Python's zipfile stops
    # at the declared size and fails on a checksum that does not match.
    too_big = UploadRefused(
        _("Unpacked, the workbook is larger than %(limit)s MB.")
        % {"limit": _megabytes(caps.max_unzipped_bytes)}
    )
    if sum(part.file_size for part in parts) > caps.max_unzipped_bytes:
        raise too_big
    for part in parts:
        if part.file_size > caps.max_unzipped_bytes:
            raise too_big
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UploadRefused(
                _("The workbook is compressed more strongly than a spreadsheet can be.")
            )


def _column_number(reference: str) -> int:
    """The column of a cell reference such as "AB12": 28."""
    number = 0
    for char in reference:
        if "A" <= char <= "Z":
            number = number * 26 + ord(char) - 64
        elif char.isdigit():
            break
        else:
            raise ValueError(reference)
    if not number:
        raise ValueError(reference)
    return number


class _Shape:
    """What openpyxl would build from an .xlsx's XML, counted with expat as it streams by.

    openpyxl keeps the cells of one row at a time, all shared strings, and every
    other element as a tree; each of those is bounded here.
    """

    def __init__(self, caps: Caps):
        self.caps = caps
        self.cells = 0  # the rows' widths, added up
        self.content = 0  # elements inside rows and shared strings
        self.tree = 0  # all other elements
        self.strings = 0
        self.max_content = ELEMENTS_PER_CELL * caps.max_cells
        self.max_row_elements = ROW_ELEMENTS_PER_COLUMN * caps.max_columns
        self.names: dict[str, str] = {}  # "namespace local-name" -> local name

    def scan(self, stream) -> None:
        head = stream.read(CHUNK)
        stripped = head.lstrip()
        if stripped and stripped[:1] != b"<" and not head.startswith(BOMS):
            return  # not XML (an image, say): openpyxl does not parse it either
        self.depth = 0
        self.open_at = None  # depth of the row or shared string being read, if any
        self.rows = 0  # rows of this part
        self.row_number = 0
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.StartDoctypeDeclHandler = _refuse_doctype  # no DTD, so no entities
        parser.EntityDeclHandler = _refuse_doctype
        try:
            chunk = head
            while chunk:
                parser.Parse(chunk, False)
                chunk = stream.read(CHUNK)
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise _not_readable() from error

    def _start(self, name: str, attributes: dict) -> None:
        local = self.names.get(name) or self.names.setdefault(name, name.rpartition(" ")[2])
        depth = self.depth
        self.depth = depth + 1
        if self.open_at is not None:
            self.content += 1
            self.in_row += 1
            if self.content > self.max_content or self.in_row > self.max_row_elements:
                raise _too_complex()
            if local == "c" and depth == self.open_at + 1 and self.is_row:
                self._cell(attributes)
            return
        if local == "row":
            self._row(attributes)
        elif local == "si":
            self.strings += 1
            if self.strings > self.caps.max_cells:
                raise too_many_cells(self.caps)
            self._open(depth, is_row=False)
        else:
            self.tree += 1
            if self.tree > MAX_TREE_ELEMENTS:
                raise _too_complex()
            if local == "dimension" and "ref" in attributes:
                self._dimension(attributes["ref"])

    def _open(self, depth: int, *, is_row: bool) -> None:
        self.open_at = depth
        self.is_row = is_row
        self.in_row = 0
        self.content += 1
        if self.content > self.max_content:
            raise _too_complex()

    def _row(self, attributes: dict) -> None:
        self.rows += 1
        reference = attributes.get("r")
        number = int(reference) if reference is not None else self.row_number + 1
        if self.rows > self.caps.max_rows or number > self.caps.max_rows:
            raise too_many_rows(self.caps)
        self.row_number = number
        self.width = self.cells_in_row = self.column = 0
        self._open(self.depth - 1, is_row=True)

    def _cell(self, attributes: dict) -> None:
        reference = attributes.get("r")
        self.column = _column_number(reference) if reference else self.column + 1
        self.cells_in_row += 1
        if self.column > self.caps.max_columns or self.cells_in_row > self.caps.max_columns:
            raise too_many_columns(self.caps)
        self.width = max(self.width, self.column)

    def _dimension(self, reference: str) -> None:
        """The size a sheet states; a reader that trusts it pads every row to its width."""
        last = reference.rpartition(":")[2].replace("$", "")
        columns = _column_number(last)
        rows = int(last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0)
        if rows > self.caps.max_rows:
            raise too_many_rows(self.caps)
        if columns > self.caps.max_columns:
            raise too_many_columns(self.caps)

    def _end(self, name: str) -> None:
        self.depth -= 1
        if self.depth == self.open_at:
            self.open_at = None
            if self.is_row:
                self.cells += self.width
                if self.cells > self.caps.max_cells:
                    raise too_many_cells(self.caps)


BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _refuse_doctype(*args) -> None:
    raise ValueError("a DTD in an .xlsx")


@dataclass
class Sheet:
    """A sheet's rows as lists of values (row 1 first), read within the caps."""

    title: str
    rows: list[list]

    def value(self, row: int, column: int):
        """The value at a row and column counted from 1, as in Excel; None outside the data."""
        if row < 1 or column < 1 or row > len(self.rows):
            return None
        values = self.rows[row - 1]
        return values[column - 1] if column <= len(values) else None

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @cached_property
    def max_column(self) -> int:
        return max(map(len, self.rows), default=0)


class Book:
    """An .xlsx opened by `open_xlsx`: its sheet names, and sheets read as lists."""

    def __init__(self, workbook, caps: Caps):
        self._workbook = workbook
        self.caps = caps
        self.sheetnames = workbook.sheetnames

    def sheet(self, which: str | int = 0, *, cell=None) -> Sheet:
        """The sheet named `which` (or at that index) as values, or as cell(c) of each
        cell when `cell` is given (to read a cell's number format, say)."""
        worksheet = (
            self._workbook.worksheets[which] if isinstance(which, int) else self._workbook[which]
        )
        # The size a file states may be false (A1:XFD1048576); without it every row
        # is as long as its own last cell.
        worksheet.reset_dimensions()
        rows = []
        try:
            for row in worksheet.iter_rows(values_only=cell is None):
                if len(rows) >= self.caps.max_rows:
                    raise too_many_rows(self.caps)
                rows.append(list(row) if cell is None else [cell(c) for c in row])
        except (ParseError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile) as e:
            # defusedxml's refusals are ValueErrors; IndexError: a shared string that is not there.
            raise _not_readable() from e
        return Sheet(worksheet.title, rows)


@contextmanager
def open_xlsx(upload, *, caps: Caps | None = None):
    """Check an uploaded .xlsx against the caps, then open it read-only:
    `with open_xlsx(upload) as book: rows = book.sheet(0).rows`."""
    caps = caps or Caps.from_settings()
    check_xlsx(upload, caps)
    try:
        # openpyxl parses the XML through defusedxml when it is installed (it is).
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        ParseError,
        KeyError,
        OSError,
        ValueError,
        TypeError,
    ) as error:
        raise _not_readable() from error
    try:
        yield Book(workbook, caps)
    finally:
        workbook.close()


# --- CSV ---------------------------------------------------------------------------


def csv_rows(text: str, *, delimiter: str, caps: Caps | None = None) -> list[list[str]]:
    """The records of a CSV text, refused beyond the caps as soon as they are passed."""
    caps = caps or Caps.from_settings()
    rows = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) >= caps.max_rows:
                raise too_many_rows(caps)
            if len(row) > caps.max_columns:
                raise too_many_columns(caps)
            cells += len(row)
            if cells > caps.max_cells:
                raise too_many_cells(caps)
            rows.append(row)
    except csv.Error as error:
        raise NotReadable(_("This CSV file cannot be read.")) from error
    return rows


def read_text(upload, caps: Caps, *, encoding: str = "utf-8-sig") -> str:
    """The whole upload as text, after the size check. UnicodeDecodeError is the caller's."""
    check_size(upload, caps)
    upload.seek(0)
    return upload.read().decode(encoding)


# --- Between preview and confirmation ---------------------------------------------

PENDING_KEPT = timedelta(days=1)


def pending_keep(upload, *, kind: str, user, subject_id: int | None = None) -> PendingUpload:
    """Keep a checked upload until the user confirms it. Uploads nobody confirmed
    are not kept longer than a day."""
    PendingUpload.objects.filter(uploaded_at__lt=timezone.now() - PENDING_KEPT).delete()
    upload.seek(0)
    return PendingUpload.objects.create(
        kind=kind,
        subject_id=subject_id,
        uploaded_by=user,
        filename=getattr(upload, "name", "") or "",
        content=upload.read(),
    )


def pending_get(pk: int, *, kind: str, user) -> PendingUpload:
    """The user's own kept upload of this flow; 404 for anything else."""
    return get_object_or_404(PendingUpload, pk=pk, kind=kind, uploaded_by=user)


def pending_file(pending: PendingUpload) -> BytesIO:
    return BytesIO(bytes(pending.content))
