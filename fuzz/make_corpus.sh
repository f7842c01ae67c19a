#!/usr/bin/env bash
# make_corpus.sh DIR: a small seed corpus for the fuzz targets in DIR/{csv,xlsx_zip,xlsx_sheet}.
set -euo pipefail
dir=${1:?corpus directory}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/csv" "$dir/xlsx_zip" "$dir/xlsx_sheet"

printf '序号,项目名称,总投资（亿元）\n1,"晋中, 一期",12.5\n2,"说""好""的",3\n' >"$dir/csv/utf8.csv"
printf '\xEF\xBB\xBFa\tb\r\n"x\r\ny"\tz\r\n\r\n' >"$dir/csv/bom_tab.csv"
printf '名称,金额\n吕梁,1\n' | iconv -f UTF-8 -t GB18030 >"$dir/csv/gb18030.csv"
printf 'a,b\r"open\n' >"$dir/csv/cr_unclosed.csv"

/usr/bin/python3 "$here/../tests/fixtures/openpyxl_workbook.py" "$dir/xlsx_zip/openpyxl.xlsx"
/usr/bin/python3 "$here/../tests/fixtures/openpyxl_workbook.py" "$dir/xlsx_zip/openpyxl1904.xlsx" 1904

# First byte 0: the worksheet; 1: shared strings; 2: styles; 3: workbook (4-7: the same, stored).
printf '\x00<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><r><t>a</t></r><rPh><t>x</t></rPh></is></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row><row><c r="D3" s="1"><v>1.5E3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C2"/></mergeCells></worksheet>' >"$dir/xlsx_sheet/sheet"
printf '\x01<sst><si><t xml:space="preserve"> a_x000D_b </t></si><si><r><t>c</t></r><r><t>d</t></r></si></sst>' >"$dir/xlsx_sheet/strings"
printf '\x02<styleSheet><numFmts><numFmt numFmtId="165" formatCode="[$-804]yyyy&quot;年&quot;"/></numFmts><cellXfs><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>' >"$dir/xlsx_sheet/styles"
printf '\x03<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' >"$dir/xlsx_sheet/workbook"
echo "make_corpus: seeds in $dir"
