// The spreadsheet benchmark's driver (bench/import calls it): a 100,000-row project workbook in the
// official layout written by Sanpi's own export, its CSV, then reading, validating, importing and
// exporting it, each figure printed with the command that produced it and written as JSON.
'use strict';
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const args = {
  rows: 100000, seed: 1, runs: 3, out: 'bench/results/import-latest.json', sanpi: '', reader: '', perf: 'auto',
};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in args)) throw new Error(`unknown option --${key}`);
  args[key] = process.argv[i + 1];
}
const N = Number(args.rows);
const RUNS = Number(args.runs);
const work = path.join(root, 'bench', 'work');
fs.mkdirSync(work, { recursive: true });
const PORT = 18092;
const rel = (p) => path.relative(root, p);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const say = (line) => process.stderr.write(`${line}\n`);

// One command as a shell would show it, for the report.
const shown = (argv) => argv.map((a) => (/^[\w./:=,+-]+$/.test(a) ? a : `'${a}'`)).join(' ');

function run(argv, { stdout = 'ignore' } = {}) {
  const t0 = process.hrtime.bigint();
  const out = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (out.status !== 0) throw new Error(`${shown(argv)} exited ${out.status}: ${out.stderr}`);
  return { seconds, stdout: out.stdout, stderr: out.stderr };
}

// `/usr/bin/time -v CMD`: wall seconds and peak resident memory of the command's process.
function timed(argv, stdoutFile) {
  const fd = fs.openSync(stdoutFile || '/dev/null', 'w');
  const out = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
  fs.closeSync(fd);
  if (out.status !== 0) throw new Error(`${shown(argv)} exited ${out.status}: ${out.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(out.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr);
  const seconds = Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, peak_rss_mib: Number(rss[1]) / 1024 };
}

function dataset(n) {
  const file = path.join(work, `gen-${n}-seed${args.seed}.db`);
  const argv = [args.sanpi, 'gen', '--db', file, '--projects', String(n), '--seed', String(args.seed)];
  if (fs.existsSync(file)) {
    execFileSync(args.sanpi, ['migrate', '--db', file], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { file, command: shown(argv), seconds: null };
  }
  say(`$ ${shown(argv)}`);
  const { seconds } = run(argv);
  return { file, command: shown(argv), seconds };
}

function freshCopy(file, name) {
  const copy = path.join(work, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  }
  return copy;
}

function status(port, p) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
  });
}

async function serve(db) {
  const child = spawn(args.sanpi, ['serve', '--db', db, '--port', String(PORT)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const t0 = Date.now();
  while ((await status(PORT, '/healthz')) !== 200) {
    if (child.exitCode !== null || Date.now() - t0 > 120000) throw new Error(`sanpi serve did not start: ${stderr}`);
    await sleep(20);
  }
  return child;
}

async function stop(child) {
  const done = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function memory(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(s)[1]) / 1024;
  return { rss_mib: kb('VmRSS'), hwm_mib: kb('VmHWM') };
}

// GET …/export.xlsx with curl, RUNS times on one server: time, bytes and the server's memory.
async function exportRuns(db, query, saveAs, profileOver) {
  const token = execFileSync(args.sanpi, ['user', 'token', '--db', db, '--user', 'nation', '--label', 'bench'],
    { encoding: 'utf8' }).trim().split('\n').pop();
  const server = await serve(db);
  const target = path.join(work, 'export-out.xlsx');
  const argv = ['curl', '-sS', '-o', target, '-w', '%{http_code} %{time_total} %{size_download}',
    '-H', 'Authorization: Bearer $TOKEN', `http://127.0.0.1:${PORT}/api/v1/projects/export.xlsx${query}`];
  try {
    const before = memory(server.pid);
    const runs = [];
    for (let i = 0; i < RUNS; ++i) {
      const out = run(argv.map((a) => a.replace('$TOKEN', token)), { stdout: 'pipe' });
      const [code, seconds, bytes] = out.stdout.trim().split(' ');
      if (code !== '200') throw new Error(`export answered ${code}`);
      runs.push({ seconds: Number(seconds), bytes: Number(bytes), rss_after_mib: memory(server.pid).rss_mib });
      if (i === 0 && saveAs) fs.copyFileSync(target, saveAs);
    }
    const after = memory(server.pid);
    const rows = execFileSync(args.reader, [target], { encoding: 'utf8' });
    const result = {
      command: shown(argv), runs, seconds: median(runs.map((r) => r.seconds)), bytes: runs[0].bytes,
      sheet_rows: JSON.parse(rows).rows, rss_before_mib: before.rss_mib, peak_rss_mib: after.hwm_mib,
      rss_growth_mib: after.hwm_mib - before.rss_mib,
    };
    // Over its target: one more export with `perf record` attached to the server.
    if (profileOver !== undefined && perfWanted(result.seconds > profileOver)) {
      const data = path.join(work, 'perf-export.data');
      const perfArgv = [...PERF, '-o', rel(data), '-p', String(server.pid)];
      const perf = spawn(perfArgv[0], perfArgv.slice(1), { stdio: 'ignore' });
      await sleep(1500);
      run(argv.map((a) => a.replace('$TOKEN', token)), { stdout: 'pipe' });
      const done = new Promise((r) => perf.on('exit', r));
      perf.kill('SIGINT');
      await done;
      result.profile = { command: `${shown(perfArgv)} (during one more export)`, ...perfTop(data) };
    }
    return result;
  } finally {
    await stop(server);
  }
}

function readers(file) {
  const sanpiArgv = [args.reader, file];
  const exceljsArgv = ['node', rel(path.join(root, 'bench', 'lib', 'exceljs-read.js')), file];
  const once = (argv) => {
    const t = timed(argv, path.join(work, 'reader-out.json'));
    return { ...JSON.parse(fs.readFileSync(path.join(work, 'reader-out.json'), 'utf8')), wall_seconds: t.seconds,
             peak_rss_mib: t.peak_rss_mib };
  };
  const best = (argv) => {
    const runs = Array.from({ length: RUNS }, () => once(argv));
    return { command: `/usr/bin/time -v ${shown(argv)}`, ...runs.reduce((a, b) => (b.seconds < a.seconds ? b : a)),
             all_seconds: runs.map((r) => r.seconds) };
  };
  return { sanpi: best(sanpiArgv), exceljs: best(exceljsArgv) };
}

// `sanpi import` on a fresh copy of the target database each time; the median of RUNS runs.
function importRuns(file, target, extra) {
  const runs = [];
  let summary = '';
  let command = '';
  for (let i = 0; i < RUNS; ++i) {
    const db = rel(freshCopy(target, 'import-target.db'));
    const argv = [args.sanpi, 'import', file, '--db', db, ...extra];
    command = `/usr/bin/time -v ${shown(argv)}${extra.includes('--json') ? ' >/dev/null' : ''}`;
    const out = path.join(work, 'import-out.txt');
    runs.push(timed(argv, extra.includes('--json') ? null : out));
    if (!extra.includes('--json')) summary = fs.readFileSync(out, 'utf8');
  }
  const seconds = median(runs.map((r) => r.seconds));
  const counts = {};
  for (const m of summary.matchAll(/(created|updated|unchanged|rejected|repeated|near-duplicates) (\d+)/g)) {
    counts[m[1]] = Number(m[2]);
  }
  return { command, runs, seconds, rows_per_second: N / seconds,
           peak_rss_mib: Math.max(...runs.map((r) => r.peak_rss_mib)), counts: summary ? counts : undefined,
           summary: summary ? summary.split('\n').slice(0, 3).join('\n') : undefined };
}

// The functions that took the time in a `perf record` file: by self time, and by time spent
// inside them and what they call (Sanpi's own functions only, from DWARF call graphs).
function perfTop(data) {
  const top = (children) => {
    const rep = spawnSync('perf', ['report', '-i', data, '--stdio', children ? '--children' : '--no-children',
      '--sort', 'symbol', '--percent-limit', children ? '3' : '1', '-g', 'none'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return rep.stdout.split('\n').filter((l) => /^\s+[\d.]+%/.test(l))
      .map((l) => l.replace(/\s+-\s+-\s*$/, '').replace(/\s+/g, ' ').trim())
      .filter((l) => !children || /sanpi::/.test(l)).slice(0, children ? 30 : 20);
  };
  return { self: top(false), inclusive: top(true) };
}

// Profiles where a target is missed (`--perf yes` always, `--perf no` never).
const hasPerf = spawnSync('perf', ['--version']).status === 0;
const perfWanted = (missed) => hasPerf && (args.perf === 'yes' || (args.perf === 'auto' && missed));

const PERF = ['perf', 'record', '-F', '199', '--call-graph', 'dwarf,16384'];

// `perf record` of one more run (a fresh copy of the database): what the report quotes where a
// target is missed.
function profile(name, file, target, extra) {
  const data = path.join(work, `perf-${name}.data`);
  const db = rel(freshCopy(target, 'import-target.db'));
  const argv = [...PERF, '-o', rel(data), '--', args.sanpi, 'import', file, '--db', db, ...extra];
  const rec = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (rec.status !== 0) return { command: shown(argv), na: rec.stderr.slice(-500) };
  return { command: shown(argv), ...perfTop(data) };
}

const fmt = (v, d = 2) => (v === null || v === undefined ? 'n/a' : Number(v).toFixed(d));

function table(r) {
  const t = r.targets;
  const ok = (met) => (met ? 'met' : '**not met**');
  const lines = [
    `measured ${r.date} on ${r.machine.cpus} CPUs (${r.machine.model}); ${r.rows} rows, seed ${r.seed}, ` +
      `median of ${r.runs} runs (readers: the fastest)`,
    '',
    '| figure | value | target | | command |',
    '|---|---:|---:|---|---|',
  ];
  const row = (name, value, target, met, command) =>
    lines.push(`| ${name} | ${value} | ${target} | ${met === null ? '' : ok(met)} | \`${command}\` |`);
  const d = r.dry_run_xlsx;
  row('read + validate XLSX (dry run), rows/s', fmt(d.rows_per_second, 0), `≥ ${t.rows_per_second}`,
    d.rows_per_second >= t.rows_per_second, d.command);
  row('read + validate XLSX (dry run), s', fmt(d.seconds), '', null, d.command);
  row('read + validate XLSX (dry run), peak RSS MiB', fmt(d.peak_rss_mib, 0), '', null, d.command);
  const c = r.dry_run_csv;
  row('read + validate CSV (dry run), rows/s', fmt(c.rows_per_second, 0), `≥ ${t.rows_per_second}`,
    c.rows_per_second >= t.rows_per_second, c.command);
  row('read + validate CSV (dry run), peak RSS MiB', fmt(c.peak_rss_mib, 0), '', null, c.command);
  const e = r.import_xlsx;
  row('import XLSX into SQLite (read, plan and commit in one transaction), s', fmt(e.seconds), `≤ ${t.import_seconds}`,
    e.seconds <= t.import_seconds, e.command);
  row('import XLSX into SQLite, peak RSS MiB', fmt(e.peak_rss_mib, 0), `≤ ${t.import_rss_mib}`,
    e.peak_rss_mib <= t.import_rss_mib, e.command);
  const s = r.readers.sanpi;
  const x = r.readers.exceljs;
  row('Sanpi reader alone (XLSX), s in process', fmt(s.seconds, 3), '', null, s.command);
  row('Sanpi reader alone (XLSX), rows/s', fmt(s.rows / s.seconds, 0), '', null, s.command);
  row('Sanpi reader alone (XLSX), peak RSS MiB', fmt(s.peak_rss_mib, 0), '', null, s.command);
  row(`ExcelJS ${x.version} streaming reader, s in process`, fmt(x.seconds, 3), '', null, x.command);
  row('ExcelJS streaming reader, peak RSS MiB', fmt(x.peak_rss_mib, 0), '', null, x.command);
  row('Sanpi reader : ExcelJS (in process)', `${fmt(r.reader_ratio, 1)}×`, `≥ ${t.reader_ratio}×`,
    r.reader_ratio >= t.reader_ratio, 'ExcelJS s ÷ Sanpi s');
  row('Sanpi reader : ExcelJS (wall, with start-up)', `${fmt(r.reader_ratio_wall, 1)}×`, '', null,
    'ExcelJS wall s ÷ Sanpi wall s');
  for (const [name, ex] of Object.entries(r.exports)) {
    row(`export ${name}: ${ex.sheet_rows} sheet rows, s`, fmt(ex.seconds, 3),
      name === 'all' ? `≤ ${t.export_seconds}` : '', name === 'all' ? ex.seconds <= t.export_seconds : null,
      ex.command);
    row(`export ${name}: server RSS growth MiB`, fmt(ex.rss_growth_mib, 1), '', null,
      `VmHWM after ${r.runs} exports − VmRSS before (${fmt(ex.rss_before_mib, 0)} MiB)`);
  }
  const profiles = { ...(r.profiles || {}) };
  if (r.exports.all.profile) profiles.export_all = r.exports.all.profile;
  for (const [name, p] of Object.entries(profiles)) {
    lines.push('', `profile of ${name}: \`${p.command}\``, '', 'self time:', '```', ...(p.self || [p.na]), '```',
      'inclusive time, Sanpi\'s functions:', '```', ...(p.inclusive || []), '```');
  }
  return lines.join('\n');
}

async function main() {
  if (!args.sanpi || !args.reader) throw new Error('run bench/import (it passes --sanpi and --reader)');
  const report = {
    date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
    rows: N, seed: Number(args.seed), runs: RUNS,
    targets: { rows_per_second: 100000, import_seconds: 5, import_rss_mib: 300, reader_ratio: 5, export_seconds: 2 },
  };
  // The workbook's rows: `sanpi gen`'s 100,000 projects, each moved onto one of Shanxi's demo zones
  // (gen keeps their names and codes) by one UPDATE on a copy, so that every row names a zone of
  // the demo database it is imported into; then exported by Sanpi in the official layout.
  const gen = dataset(N);
  const source = path.join(work, `import-source-${N}-seed${args.seed}.db`);
  const move = 'CREATE TEMP TABLE demo_zones AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM zones ' +
    'WHERE name NOT LIKE \'%（模拟）\'; UPDATE projects SET zone_id = (SELECT id FROM demo_zones ' +
    'WHERE k = projects.id % (SELECT count(*) FROM demo_zones));';
  if (!fs.existsSync(source)) {
    const tmp = freshCopy(gen.file, 'import-source.tmp.db');
    run(['python3', '-c', 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()',
         tmp, move]);
    fs.renameSync(tmp, source);
  }
  const demo = path.join(work, 'demo.db');
  if (!fs.existsSync(demo)) run([args.sanpi, 'demo', '--db', demo]);
  else execFileSync(args.sanpi, ['migrate', '--db', demo], { stdio: ['ignore', 'ignore', 'inherit'] });
  report.datasets = { gen: gen.command, gen_seconds: gen.seconds, moved_onto_demo_zones: move,
                      import_into: shown([args.sanpi, 'demo', '--db', rel(demo)]) };

  // Export: all rows (also the workbook, the first time), and a tenth of them, each on a fresh server.
  const workbook = path.join(work, `import-${N}-seed${args.seed}.xlsx`);
  const csv = workbook.replace(/\.xlsx$/, '.csv');
  const fresh = !fs.existsSync(workbook);
  report.exports = {};
  report.exports.all = await exportRuns(freshCopy(source, 'export.db'), '?unit=wan', fresh ? workbook : null,
    report.targets.export_seconds);
  say(`export all: ${JSON.stringify(report.exports.all)}`);
  report.exports['stage=at_capacity'] = await exportRuns(freshCopy(source, 'export.db'), '?unit=wan&stage=at_capacity');
  say(`export stage=at_capacity: ${JSON.stringify(report.exports['stage=at_capacity'])}`);
  if (fresh || !fs.existsSync(csv)) run([args.reader, workbook, '--csv', csv]);
  report.files = { workbook: rel(workbook), workbook_bytes: fs.statSync(workbook).size, csv: rel(csv),
                   csv_bytes: fs.statSync(csv).size };

  report.readers = readers(rel(workbook));
  report.reader_ratio = report.readers.exceljs.seconds / report.readers.sanpi.seconds;
  report.reader_ratio_wall = report.readers.exceljs.wall_seconds / report.readers.sanpi.wall_seconds;
  say(`readers: ${JSON.stringify(report.readers)}`);

  report.dry_run_xlsx = importRuns(rel(workbook), rel(demo), ['--dry-run', '--json']);
  say(`dry run xlsx: ${JSON.stringify(report.dry_run_xlsx)}`);
  report.dry_run_csv = importRuns(rel(csv), rel(demo), ['--dry-run', '--json']);
  say(`dry run csv: ${JSON.stringify(report.dry_run_csv)}`);
  report.import_xlsx = importRuns(rel(workbook), rel(demo), []);
  say(`import xlsx: ${JSON.stringify(report.import_xlsx)}`);

  const want = perfWanted;
  report.profiles = {};
  if (want(report.dry_run_xlsx.rows_per_second < report.targets.rows_per_second)) {
    report.profiles.dry_run_xlsx = profile('dry-run', rel(workbook), rel(demo), ['--dry-run', '--json']);
  }
  if (want(report.import_xlsx.seconds > report.targets.import_seconds ||
           report.import_xlsx.peak_rss_mib > report.targets.import_rss_mib)) {
    report.profiles.import_xlsx = profile('import', rel(workbook), rel(demo), []);
  }

  const out = path.resolve(root, args.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`${table(report)}\n\nwritten to ${rel(out)}\n`);
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
module.exports = { table };
