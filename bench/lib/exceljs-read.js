// node bench/lib/exceljs-read.js FILE: ExcelJS's streaming reader (npm `exceljs`, bench/peer) reads
// every row of every sheet (the benchmark's workbook has one) and counts the cells with a value; prints one JSON line like
// bench/sheet_read.cpp's, with the seconds the read took in the process. Shared strings and
// styles are cached (so dates are dates), hyperlinks ignored: what an importer would need.
'use strict';
const { createRequire } = require('module');
const path = require('path');

const peerRequire = createRequire(path.join(__dirname, '..', 'peer', 'package.json'));
const ExcelJS = peerRequire('exceljs');

async function main(file) {
  const t0 = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  let rows = 0, cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      ++rows;
      row.eachCell(() => { ++cells; });
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ reader: 'exceljs', version: peerRequire('exceljs/package.json').version,
    rows, cells, seconds }) + '\n');
}

main(process.argv[2]).catch((e) => { console.error(e); process.exit(1); });
