"""Files built to exhaust a worker, made by the tests themselves (never committed).

Each builder returns bytes. `refused_cheaply()` checks that refusing one stays
cheap: time.monotonic() as a generous guard only (tests never benchmark), and the
peak of Python's memory allocations by tracemalloc.
"""

import io
import time
import tracemalloc
import zipfile
from functools import cache

from openpyxl import Workbook, load_workbook

FAR_ROW = 1_048_576  # Excel's last row
SHEET = "xl/worksheets/sheet1.xml"
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_far_cell(xlsx: bytes, sheet: str | None = None) -> bytes:
    """The workbook with one more cell, at Excel's last row: a sparse sheet of 18 KB."""
    book = load_workbook(io.BytesIO(xlsx))
    (book[sheet] if sheet else book.worksheets[0]).cell(row=FAR_ROW, column=1, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(xlsx: bytes, member: str, write) -> bytes:
    """The workbook with `member` rewritten by write(original XML, file to write to)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename == member:
                with target.open(member, "w") as stream:
                    write(source.read(member), stream)
            else:
                target.writestr(info, source.read(info.filename))
    return out.getvalue()


def with_rows_added(
    xlsx: bytes, count: int, *, first: int = 2, columns: int = 1, member: str = SHEET
) -> bytes:
    """The workbook with `count` more rows of text cells at the end of its first sheet."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:columns]

    def row(number: int) -> bytes:
        cells = "".join(
            f'<c r="{letter}{number}" t="inlineStr"><is><t>x</t></is></c>' for letter in letters
        )
        return f'<row r="{number}">{cells}</row>'.encode()

    def write(original, stream):
        head, _sep, tail = original.partition(b"</sheetData>")
        stream.write(head)
        for number in range(first, first + count):
            stream.write(row(number))
        stream.write(b"</sheetData>" + tail)

    return _rewrite(xlsx, member, write)


def with_sheet_xml(xlsx: bytes, chunks, member: str = SHEET) -> bytes:
    """The workbook with the XML of a sheet replaced by `chunks`, streamed in."""

    def write(_original, stream):
        for chunk in chunks:
            stream.write(chunk)

    return _rewrite(xlsx, member, write)


def sheet_xml(rows_xml) -> list[bytes]:
    return [b'<worksheet xmlns="%s"><sheetData>' % MAIN, *rows_xml, b"</sheetData></worksheet>"]


@cache
def zip_bomb() -> bytes:
    """A real workbook whose sheet XML unpacks to 1.1 GB (whitespace): about 1 MB."""
    megabyte = b" " * 2**20
    chunks = sheet_xml(megabyte for _ in range(1100))
    return with_sheet_xml(workbook([["datum", "waarde"], ["2026-10-01", 1]]), chunks)


def oversize(megabytes: int = 11) -> bytes:
    """A CSV larger than the upload cap (10 MB): header and many short lines."""
    line = b"2026-10-01;1\n"
    return b"datum;waarde\n" + line * (megabytes * 2**20 // len(line))


def csv_rows(count: int) -> bytes:
    return b"datum;waarde\n" + b"2026-10-01;1\n" * count


def refused_cheaply(post, *, seconds: float = 5, megabytes: int = 100):
    """post() twice: timed, then with its memory traced (tracing slows Python down
    several times over). Generous guards, not benchmarks. Returns the response."""
    started = time.monotonic()
    response = post()
    elapsed = time.monotonic() - started
    tracemalloc.start()
    try:
        post()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert peak < megabytes * 2**20, f"peak {peak / 2**20:.0f} MB"
    return response
