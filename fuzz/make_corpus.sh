#!/usr/bin/env bash
# make_corpus.sh DIR: a small seed corpus for every fuzz target in DIR/<target> (the target's name
# without sanpi_fuzz_): the files committed under fuzz/corpus/<target>/ and the seeds below,
# written the same way every time.
set -euo pipefail
dir=${1:?corpus directory}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/csv" "$dir/xlsx_zip" "$dir/xlsx_sheet" "$dir/domain" "$dir/dump" "$dir/codecs" "$dir/http"
for committed in "$here"/corpus/*/*; do
  [[ -f $committed ]] && cp "$committed" "$dir/$(basename "$(dirname "$committed")")/"
done
# The committed dump seeds carry the schema version they were written at: make them this program's
# (the last migration's number) so the reader gets past its header.
schema=$(find "$here/../src/store/migrations" -name 'm0*.hpp' | sed 's/.*m0*\([0-9]*\)_.*/\1/' | sort -n | tail -1)
sed -i "s/^schema [0-9]*$/schema $schema/" "$dir"/dump/*
# seed TARGET NAME FIRST-BYTE TEXT: the first byte picks what the target does with the text.
seed() { { printf "\\x$(printf %02x "$3")"; printf '%s' "$4"; } >"$dir/$1/$2"; }

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
# Domain parsers (fuzz_domain.cpp): 0-2 Money (default unit 元, 万元, 亿元), 3 Date, 4 CreditCode,
# 5 RegionCode, 6 national project code, 7 Month, 8 ranking period.
seed domain money_yuan 0 '1,200,000元'
seed domain money_wan 1 ' 3000.5 '
seed domain money_yi 2 '１２.５亿元'
seed domain money_fen 0 '0.01'
seed domain date_zh 3 '2022年6月22日'
seed domain date_month 3 '2022.06'
seed domain date_serial 3 '44734.75'
seed domain date_time 3 '2022/6/22 0:00'
seed domain date_digits 3 '20220622'
seed domain credit 4 '91140100MA0K12345Y'
seed domain credit_fullwidth 4 ' ９１１１００００１０００００００００r'
seed domain region 5 '140105'
seed domain region_fullwidth 5 '１４０１００'
seed domain code_ym 6 '2411-130202-89-01-637015'
seed domain code_year 6 '2020–330327–48–01–167360'
seed domain code_legacy 6 'SX-2019-000123'
seed domain month 7 '2022-07'
seed domain period_quarter 8 '2022Q2'
seed domain period_year 8 '2023'
seed domain period_last_year 8 '2999'  # a finding: its last day was a day of 3000

# JSON bodies (fuzz_codecs.cpp): the first byte picks the decoder.
seed codecs project 0 '{"name":"晋中新材料项目","zone":1,"industry":"new_materials","total_investment":"12.5亿元","planned":{"start":"2022-06-22","production":"2023年6月"},"land_area_mu":"120.5","tags":["provincial_key"],"investors":[1,2]}'
seed codecs transition 1 '{"to":"started","date":"2022-06-22","evidence":"开工令","reason":"更正"}'
seed codecs coordination 2 '{"category":"land","title":"用地指标","description":"缺少","department":"自然资源局","deadline":"2022-07-01","level":"city"}'
seed codecs enterprise 3 '{"name":"山西某新材料有限公司","credit_code":"91140100MA0K12345Y"}'
seed codecs campaign 4 '{"name":"2022年第二次三个一批","date":"2022-06-22","year":2022,"sequence":2,"venues":[{"name":"主会场","region_code":"140100","main":true}],"status":"planned"}'
seed codecs entry 5 '{"project_id":12,"batch":"start"}'
seed codecs report 6 '{"month":"2022-06","investment":"3000万元","progress":"主体完工","photos":[1]}'
seed codecs reason 7 '{"reason":"数据有误"}'
seed codecs chain 8 '{"name":"新能源汽车","description":"链","industry":"equipment"}'
seed codecs node 9 '{"name":"电池","position":"midstream","parent_id":3}'
seed codecs notice 10 '{"project_id":5,"title":"督办","body":"尽快开工","due_date":"2022-07-01"}'
seed codecs notice_respond 11 '{"text":"已落实"}'
seed codecs notice_close 12 '{"text":"办结"}'
seed codecs notice_escalate 13 '{"text":"升级","level":"province"}'
seed codecs ladder 14 '{"yellow_streak_days":30,"red_notice":true,"steps":[{"after_days":7,"level":"city"}]}'
seed codecs weights 15 '{"weights":{"start_rate":30,"production_rate":20,"signed_investment":50}}'
seed codecs warnings 16 '{"start_overdue_days":30,"report_missing_months":2,"investment_behind_percent":20}'
seed codecs object 17 '{"a":[1,2,{"b":null}],"c":"\u4e2d"}'
seed codecs multipart 18 $'multipart/form-data; boundary=XyZ\n--XyZ\r\nContent-Disposition: form-data; name="kind"\r\n\r\nprojects\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n--XyZ--\r\n'
seed codecs money 19 '"12.5亿元"'
seed codecs mu 19 '120.05'
seed codecs date 19 '"2022年6月"'

# HTTP requests (fuzz_http.cpp): @B is a bearer token, @S a session cookie value, @C its CSRF token.
http() { printf '%s' "$2" >"$dir/http/$1"; }
http health $'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
http projects $'GET /api/v1/projects?stage=started&page=2&page_size=20&sort=-total_investment&q=%E6%99%8B HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer @B\r\nAccept-Language: en-US,en;q=0.8\r\n\r\n'
http project $'GET /api/v1/projects/1 HTTP/1.1\r\nAuthorization: Bearer @B\r\n\r\n'
http patch $'PATCH /api/v1/projects/1 HTTP/1.1\r\nHost: x\r\nCookie: a=b; sanpi_session=@S\r\nX-CSRF-Token: @C\r\nIf-Match: "3"\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n{"total_investment":"12亿"}'
http create $'POST /api/v1/projects HTTP/1.1\r\nAuthorization: Bearer @B\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"name":"a","zo\r\n9\r\nne":1}   \r\n0\r\n\r\n'
http login $'POST /api/v1/session HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 47\r\n\r\n{"username":"province","password":"wrong-pass"}'
http dashboard $'GET /api/v1/dashboard?city=140100&as_of=2022-06-30 HTTP/1.1\r\nAuthorization: Bearer @B\r\n\r\n'
http audit $'GET /api/v1/audit?before=100&entity=project HTTP/1.1\r\nAuthorization: Bearer @B\r\n\r\n'
http campaign_entry $'POST /api/v1/campaigns/1/entries HTTP/1.1\r\nAuthorization: Bearer @B\r\nContent-Type: application/json\r\nContent-Length: 34\r\n\r\n{"project_id":1,"batch":"start"}  '
http rankings $'GET /api/v1/rankings?period=2022Q2&indicator=start_rate&lang=en HTTP/1.1\r\nCookie: sanpi_session=@S\r\n\r\n'
http static $'GET /assets/../index.html%00?x HTTP/1.0\r\n\r\n'
http options $'OPTIONS /api/v1/projects/1/transitions HTTP/1.1\r\nAuthorization: Bearer @B\r\n\r\n'
echo "make_corpus: seeds in $dir"
