// The soak (bench/soak calls it): one Sanpi server per backend under the benchmark's mixed workload
// for --minutes, measured every --interval seconds: req/s, p50 and p99, non-2xx and 5xx answers, the
// server's resident memory, open files and threads. Prints the figures over time and a verdict,
// writes them as CSV and JSON, and plots req/s, p99 and memory with gnuplot (PNG).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const sample = require('./sample');
const { sleep, start, stop, wrk, dataset, freshCopy, sanpiToken, pgDatabase } = require('./servers');

const root = path.resolve(__dirname, '..', '..');
const args = {
  minutes: 30, interval: 60, warmup: 0, projects: 100000, sanpi: '', seed: 1, backends: 'sqlite,postgresql',
  out: 'bench/results/soak',
};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in args)) throw new Error(`unknown option --${key}`);
  args[key] = process.argv[i + 1];
}
const minutes = Number(args.minutes);
const interval = Number(args.interval);
// The warm-up is the first third of the rounds (or --warmup rounds): the bounded caches fill then,
// above all SQLite's page caches (the writer's up to 64 MiB, store/sqlite/sqlite_handle.cpp), which
// a 30-minute run at 100,000 projects filled in about 7 minutes. Growth is measured after it.
const warmupRounds = Math.max(1, Number(args.warmup) || Math.ceil((minutes * 60) / interval / 3));
const rounds = Math.max(warmupRounds + 2, Math.round((minutes * 60) / interval));
const backends = String(args.backends).split(',');
const pgServer = process.env.SANPI_TEST_PG;
if (backends.includes('postgresql') && !pgServer) {
  throw new Error('--backends postgresql needs SANPI_TEST_PG: run bench/soak, or under scripts/with-postgres.sh');
}
const work = path.join(root, 'bench', 'work');
const out = path.resolve(root, args.out);
fs.mkdirSync(work, { recursive: true });
fs.mkdirSync(out, { recursive: true });
const PORT = 18095;
const WRITE_IDS = 200;  // the projects the workload edits; their versions are read before each round

// The process's resident memory (MiB), open files and threads, from /proc.
function processFigures(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)[1]);
  return { rss_mib: field('VmRSS') / 1024, fds: fs.readdirSync(`/proc/${pid}/fd`).length, threads: field('Threads') };
}

// The current version of a project, from its ETag.
function version(port, token, id) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/projects/${id}`, agent: false,
                           headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      const etag = /(\d+)/.exec(res.headers.etag || '');
      if (res.statusCode !== 200 || !etag) {
        reject(new Error(`GET project ${id}: ${res.statusCode}`));
        return;
      }
      res.on('end', () => resolve(Number(etag[1])));
    });
    req.on('error', reject);
  });
}

async function soak(backend, db, s) {
  const token = sanpiToken(args.sanpi, db, 'province');
  const server = await start(args.sanpi, ['serve', '--db', db, '--port', String(PORT), '--sweep-check-seconds', '0'],
    PORT);
  if (!server.child) throw new Error(`sanpi serve did not start: ${server.stderr}`);
  const files = { reads: path.join(work, 'soak-reads.txt'), ids: path.join(work, 'soak-ids.txt') };
  const reads = [`/api/v1/campaigns/${s.campaignId}/summary`, '/api/v1/dashboard',
                 '/api/v1/projects?city=140100&page=1&page_size=20', '/api/v1/projects?page=1&page_size=20'];
  for (let i = 0; i < 200; ++i) reads.push(`/api/v1/projects/${s.shanxiIds[(i * 7919) % s.shanxiIds.length]}`);
  fs.writeFileSync(files.reads, reads.join('\n') + '\n');
  const writeIds = s.shanxiIds.slice(0, WRITE_IDS);
  const samples = [];
  process.stderr.write(`== ${backend}: ${rounds} rounds of ${interval} s, the first ${warmupRounds} warm-up\n`);
  for (let round = 1; round <= rounds; ++round) {
    const versions = [];
    for (const id of writeIds) versions.push(`${id} ${await version(PORT, token, id)}`);
    fs.writeFileSync(files.ids, versions.join('\n') + '\n');
    const r = wrk(PORT, '/', null, {
      threads: 1, connections: 64, duration: interval, script: path.join(__dirname, 'mixed.lua'),
      env: { BENCH_TOKEN: token, BENCH_READS: files.reads, BENCH_IDS: files.ids, BENCH_COUNT_5XX: '1' },
    });
    // A second for the server to close wrk's 64 connections: files still open then are kept ones.
    await sleep(1000);
    const row = { minute: (round * interval) / 60, ...r, ...processFigures(server.child.pid) };
    samples.push(row);
    process.stderr.write(`  ${JSON.stringify(row)}\n`);
  }
  await stop(server.child);
  return samples;
}

function verdict(samples) {
  const after = samples.slice(warmupRounds);
  const first = after[0];
  const last = after[after.length - 1];
  const max = (key) => Math.max(...after.map((x) => x[key]));
  const sum = (key) => samples.reduce((n, x) => n + (x[key] || 0), 0);
  const growth = (max('rss_mib') - first.rss_mib) / first.rss_mib;
  const p99s = after.map((x) => x.p99_ms).sort((a, b) => a - b);
  const checks = [
    ['5xx answers', sum('fivexx') === 0, `${sum('fivexx')} of ${sum('requests')} requests`],
    ['non-2xx answers', sum('non_2xx') === 0, `${sum('non_2xx')}`],
    ['resident memory after warm-up', growth <= 0.10,
     `${first.rss_mib.toFixed(1)} MiB, at most ${max('rss_mib').toFixed(1)} MiB (${(growth * 100).toFixed(1)}%; ≤ 10%)`],
    ['open files', max('fds') <= first.fds, `${first.fds}, at most ${max('fds')}, last ${last.fds}`],
    ['threads', max('threads') <= first.threads, `${first.threads}, at most ${max('threads')}`],
    ['p99 stable', p99s[p99s.length - 1] <= 2 * p99s[Math.floor(p99s.length / 2)],
     `median of rounds ${p99s[Math.floor(p99s.length / 2)]} ms, worst ${p99s[p99s.length - 1]} ms (≤ 2× median)`],
  ];
  return checks.map(([name, ok, detail]) => ({ name, ok, detail }));
}

function table(samples) {
  const lines = ['minute   req/s   p50 ms   p99 ms   non-2xx   5xx   RSS MiB   fds   threads'];
  for (const x of samples) {
    lines.push([x.minute.toFixed(1).padStart(6), String(Math.round(x.rps)).padStart(7), String(x.p50_ms).padStart(8),
                String(x.p99_ms).padStart(8), String(x.non_2xx).padStart(9), String(x.fivexx ?? '?').padStart(5),
                x.rss_mib.toFixed(1).padStart(9), String(x.fds).padStart(5), String(x.threads).padStart(9)].join(' '));
  }
  return lines.join('\n');
}

function plot(backend, csv) {
  const png = path.join(out, `soak-${backend}.png`);
  const script = [
    'set terminal pngcairo size 1000,900 font ",10"', `set output '${png}'`, 'set datafile separator ","',
    'set key off', 'set grid', 'set multiplot layout 3,1 title "sanpi soak: ' + backend + '"',
    'set ylabel "req/s"', `plot '${csv}' using 1:2 skip 1 with linespoints`,
    'set ylabel "p99 (ms)"', `plot '${csv}' using 1:4 skip 1 with linespoints`,
    'set ylabel "resident memory (MiB)"', 'set xlabel "minute"', `plot '${csv}' using 1:7 skip 1 with linespoints`,
    'unset multiplot',
  ].join('\n');
  execFileSync('gnuplot', [], { input: script });
  return png;
}

async function main() {
  const { file } = dataset(args.sanpi, work, Number(args.projects), args.seed);
  const s = sample(file);
  const report = { date: new Date().toISOString(), minutes, interval, warmup_rounds: warmupRounds,
                   projects: Number(args.projects), backends: {} };
  let failed = false;
  for (const backend of backends) {
    let db = freshCopy(work, file, 'soak.db');
    if (backend === 'postgresql') {
      db = pgDatabase(pgServer, 'soak');
      execFileSync(args.sanpi, ['copy', '--from', `sqlite:${file}`, '--to', db], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const samples = await soak(backend, db, s);
    const csv = path.join(out, `soak-${backend}.csv`);
    const columns = ['minute', 'rps', 'p50_ms', 'p99_ms', 'non_2xx', 'fivexx', 'rss_mib', 'fds', 'threads'];
    fs.writeFileSync(csv, [columns.join(','), ...samples.map((x) => columns.map((c) => x[c] ?? '').join(','))]
      .join('\n') + '\n');
    const checks = verdict(samples);
    const png = plot(backend, csv);
    report.backends[backend] = { samples, checks, csv: path.relative(root, csv), png: path.relative(root, png) };
    process.stdout.write(`\n${backend}, ${Number(args.projects)} projects:\n${table(samples)}\n`);
    for (const c of checks) process.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
    process.stdout.write(`  plot: ${path.relative(root, png)}\n`);
    failed ||= checks.some((c) => !c.ok);
  }
  fs.writeFileSync(path.join(out, 'soak.json'), JSON.stringify(report, null, 2) + '\n');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
