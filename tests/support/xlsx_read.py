#!/usr/bin/env python3
"""Reads an XLSX workbook with openpyxl, a reader independent of the writer under test, and prints
its first sheet as JSON on stdout:

  {"sheets": [names], "merged": ["A1:N1", ...], "freeze": "A5", "print_title_rows": "3:4",
   "widths": {"A": 8.7, ...}, "rows": [[cell, ...], ...], "formats": [[number format, ...], ...],
   "bold": [[true|false, ...], ...],
   "validations": [{"sqref": "E5:E1004", "type": "list", "formula1": "'选项'!$A$2:$A$12",
                    "error_style": "warning"}, ...],
   "column_formats": {"B": "@", ...},
   "other_sheets": {name: [[cell, ...], ...], ...}}

"column_formats" holds the number format a column gives cells typed into it later (a template's);
"other_sheets" the rows of every sheet after the first.

A cell is null, a string, a number, or {"date": "YYYY-MM-DD"} for a cell Excel shows as a date.
Usage: xlsx_read.py FILE
"""
import datetime
import json
import sys

import openpyxl


def cell_value(cell):
    value = cell.value
    if isinstance(value, datetime.datetime):
        return {"date": value.date().isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    return value


def column_formats(sheet):
    """The number format each column gives the cells typed into it later, where it has one."""
    return {
        letter: dim.number_format
        for letter, dim in sheet.column_dimensions.items()
        if dim.number_format != "General"
    }


def main(path):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows())
    out = {
        "sheets": workbook.sheetnames,
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "freeze": sheet.freeze_panes,
        "print_title_rows": sheet.print_title_rows,
        "widths": {letter: dim.width for letter, dim in sheet.column_dimensions.items()},
        "rows": [[cell_value(c) for c in row] for row in rows],
        "formats": [[c.number_format for c in row] for row in rows],
        "bold": [[bool(c.font and c.font.b) for c in row] for row in rows],
        "validations": [
            {"sqref": str(v.sqref), "type": v.type, "formula1": v.formula1, "error_style": v.errorStyle}
            for v in sheet.data_validations.dataValidation
        ],
        "column_formats": column_formats(sheet),
        "other_sheets": {
            other.title: [[cell_value(c) for c in row] for row in other.iter_rows()]
            for other in workbook.worksheets[1:]
        },
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
