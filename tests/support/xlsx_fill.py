#!/usr/bin/env python3
"""Fills a workbook's first sheet with openpyxl, a writer independent of the one under test: reads
rows as JSON on stdin and writes them from row FIRST_ROW (1-based) on, column A first; saves OUT.

A cell is null (left empty), a string, a number, or {"date": "YYYY-MM-DD"} (an Excel date).
Usage: xlsx_fill.py IN OUT FIRST_ROW < rows.json
"""
import datetime
import json
import sys

import openpyxl


def cell_value(value):
    if isinstance(value, dict) and "date" in value:
        return datetime.datetime.strptime(value["date"], "%Y-%m-%d")
    return value


def main(source, target, first_row):
    workbook = openpyxl.load_workbook(source)
    sheet = workbook.worksheets[0]
    for r, row in enumerate(json.load(sys.stdin)):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = sheet.cell(row=first_row + r, column=1 + c, value=cell_value(value))
            if isinstance(value, dict):
                cell.number_format = "yyyy-mm-dd"
    workbook.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
