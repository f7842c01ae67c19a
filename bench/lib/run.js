// The benchmark driver (bench/run calls it): datasets, servers one at a time, wrk, the table.
'use strict';
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const sample = require('./sample');
const servers = require('./servers');
const { get, getJson, start, stop, peakRssMiB } = servers;
const { table } = require('./report');

const root = path.resolve(__dirname, '..', '..');
const args = {
  projects: '10000,100000', duration: 10, out: 'bench/results/latest.json', sanpi: '', seed: 1,
  backends: 'sqlite,postgresql',
};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in args)) throw new Error(`unknown option --${key}`);
  args[key] = process.argv[i + 1];
}
const sizes = String(args.projects).split(',').map(Number);
const backends = String(args.backends).split(',');
for (const b of backends) {
  if (b !== 'sqlite' && b !== 'postgresql') throw new Error(`--backends: sqlite or postgresql, not ${b}`);
}
// bench/run starts a throwaway PostgreSQL cluster (scripts/with-postgres.sh) and passes its URL.
const pgServer = process.env.SANPI_TEST_PG;
if (backends.includes('postgresql') && !pgServer) {
  throw new Error('--backends postgresql needs SANPI_TEST_PG: run bench/run, or under scripts/with-postgres.sh');
}
const work = path.join(root, 'bench', 'work');
fs.mkdirSync(work, { recursive: true });
const SANPI_PORT = 18090;
const PEER_PORT = 18091;
const WRK = { threads: 1, connections: 32, mixedConnections: 64, duration: Number(args.duration) };

const wrk = (port, p, token, options = {}) =>
  servers.wrk(port, p, token, { threads: WRK.threads, connections: WRK.connections, duration: WRK.duration, ...options });
const dataset = (n) => servers.dataset(args.sanpi, work, n, args.seed);
const freshCopy = (file) => servers.freshCopy(work, file);
const sanpiToken = (db, user) => servers.sanpiToken(args.sanpi, db, user);
const pgDatabase = (name) => servers.pgDatabase(pgServer, name);

function endpoints(s) {
  const q = encodeURIComponent('光伏');
  return [
    { name: 'baseline', path: '/api/v1/bench/baseline', user: null, peer: false },
    { name: 'healthz', path: '/healthz', user: null },
    { name: 'project detail', path: `/api/v1/projects/${s.detailId}`, user: 'province' },
    { name: 'list p1', path: '/api/v1/projects?page=1&page_size=20', user: 'nation' },
    // Sanpi's clients reach deep pages by cursor (docs/api.md); the peer pages by OFFSET.
    { name: 'list p500', path: '/api/v1/projects?page=500&page_size=20', user: 'nation', cursorPage: 500 },
    { name: 'list p500 offset', path: '/api/v1/projects?page=500&page_size=20', user: 'nation' },
    { name: 'list p1 q', path: `/api/v1/projects?q=${q}&page=1&page_size=20`, user: 'nation' },
    { name: 'list p500 q', path: `/api/v1/projects?q=${q}&page=500&page_size=20`, user: 'nation', cursorPage: 500 },
    { name: 'list city p1', path: '/api/v1/projects?city=140100&page=1&page_size=20', user: 'province' },
    // A province user's own list: every project of the province, over a range of city codes.
    { name: 'list province p1', path: '/api/v1/projects?page=1&page_size=20', user: 'province' },
    { name: 'dashboard national', path: '/api/v1/dashboard', user: 'nation' },
    { name: 'dashboard province', path: '/api/v1/dashboard', user: 'province' },
    { name: 'dashboard city', path: '/api/v1/dashboard', user: 'taiyuan' },
    { name: 'campaign summary', path: `/api/v1/campaigns/${s.campaignId}/summary`, user: 'nation' },
  ];
}

const WALK_LIMIT_MS = 60_000;

// The path of page `page` reached by following next_cursor from the first page (20 rows a page).
async function cursorPath(port, p, token, page) {
  const url = new URL(p, 'http://127.0.0.1');
  url.searchParams.delete('page');
  const base = `${url.pathname}?${url.searchParams}`;
  let current = base;
  const started = Date.now();
  for (let i = 1; i < page; ++i) {
    // A route this slow is measured as timing out anyway; walking on would take the whole run.
    if (Date.now() - started > WALK_LIMIT_MS) return null;
    const body = await getJson(port, current, token);
    if (!body || !body.next_cursor) return null;
    current = `${base}&cursor=${encodeURIComponent(body.next_cursor)}`;
  }
  return current;
}

async function drive(port, tokens, s, isPeer, files) {
  const results = {};
  for (const e of endpoints(s)) {
    if (isPeer && e.peer === false) { results[e.name] = { na: 'not in the peer' }; continue; }
    if (isPeer && e.name === 'list p500 offset') { results[e.name] = { na: 'the peer pages by OFFSET: see list p500' }; continue; }
    const token = e.user ? tokens[e.user] : null;
    let target = e.path;
    if (!isPeer && e.cursorPage) {
      target = await cursorPath(port, e.path, token, e.cursorPage);
      if (!target) {
        results[e.name] = { na: `fewer than ${e.cursorPage} pages, or over ${WALK_LIMIT_MS / 1000} s to walk there` };
        continue;
      }
    }
    const status = await get(port, target, token);
    if (status === 404) { results[e.name] = { na: 'answers 404' }; continue; }
    if (status !== 200) { results[e.name] = { na: `answers ${status}` }; continue; }
    results[e.name] = wrk(port, target, token);
    process.stderr.write(`  ${e.name}: ${JSON.stringify(results[e.name])}\n`);
  }
  results['mixed 64c'] = wrk(port, '/', null, {
    connections: WRK.mixedConnections, script: path.join(__dirname, 'mixed.lua'),
    env: { BENCH_TOKEN: tokens.province, BENCH_READS: files.reads, BENCH_IDS: files.ids },
  });
  process.stderr.write(`  mixed 64c: ${JSON.stringify(results['mixed 64c'])}\n`);
  return results;
}

function duckdb(file) {
  const out = spawnSync('node', [path.join(root, 'bench', 'peer', 'duckdb_dashboard.js'), file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  try { return JSON.parse(out.stdout); } catch { return { na: 'DuckDB run failed' }; }
}

// Sanpi on one database (a SQLite file or a PostgreSQL URL): cold start, every endpoint, memory.
async function serveSanpi(db, s, files) {
  // Today's sweep of warning lights first, as a deployment's nightly sweep would have done it: the
  // server then finds the day swept, and the measurements are of a day's requests, not of requests
  // queued behind the sweep's batches. The sweep is timed on its own.
  const sweepStarted = Date.now();
  execFileSync(args.sanpi, ['sweep', '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
  const sweepSeconds = (Date.now() - sweepStarted) / 1000;
  process.stderr.write(`  sanpi sweep: ${sweepSeconds.toFixed(1)} s\n`);
  const tokens = {};
  for (const u of ['nation', 'province', 'taiyuan']) tokens[u] = sanpiToken(db, u);
  let server = await start(args.sanpi, ['serve', '--db', db, '--port', String(SANPI_PORT), '--bench-baseline'], SANPI_PORT);
  if (!server.child) {  // a build without the baseline flag
    server = await start(args.sanpi, ['serve', '--db', db, '--port', String(SANPI_PORT)], SANPI_PORT);
  }
  if (!server.child) throw new Error(`sanpi serve did not start: ${server.stderr}`);
  const result = { cold_start_ms: server.coldStartMs, sweep_seconds: sweepSeconds,
    endpoints: await drive(SANPI_PORT, tokens, s, false, files) };
  result.peak_rss_mib = peakRssMiB(server.child.pid);
  await stop(server.child);
  return result;
}

async function main() {
  const report = {
    date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model },
    wrk: WRK, seed: Number(args.seed), backends, sizes: {},
  };
  for (const n of sizes) {
    process.stderr.write(`== ${n} projects\n`);
    const { file, genSeconds } = dataset(n);
    const s = sample(file);
    const files = { reads: path.join(work, 'reads.txt'), ids: path.join(work, 'ids.txt') };
    const reads = [`/api/v1/campaigns/${s.campaignId}/summary`, '/api/v1/dashboard',
                   '/api/v1/projects?city=140100&page=1&page_size=20'];
    for (let i = 0; i < 200; ++i) reads.push(`/api/v1/projects/${s.shanxiIds[(i * 7919) % s.shanxiIds.length]}`);
    fs.writeFileSync(files.reads, reads.join('\n') + '\n');
    fs.writeFileSync(files.ids, s.shanxiIds.join('\n') + '\n');
    const size = { gen_seconds: genSeconds, db_mib: fs.statSync(file).size / 2 ** 20 };

    size.sanpi = await serveSanpi(freshCopy(file), s, files);
    if (backends.includes('postgresql')) {
      const url = pgDatabase(`bench_${n}`);
      const t0 = Date.now();
      execFileSync(args.sanpi, ['copy', '--from', `sqlite:${file}`, '--to', url], { stdio: ['ignore', 'ignore', 'inherit'] });
      size.copy_seconds = (Date.now() - t0) / 1000;
      size.postgresql = await serveSanpi(url, s, files);
    }

    const db = freshCopy(file);
    const peer = await start('node', [path.join(root, 'bench', 'peer', 'server.js'), db], PEER_PORT,
      { PEER_PORT: String(PEER_PORT) });
    if (!peer.child) throw new Error(`peer did not start: ${peer.stderr}`);
    const names = { nation: 'nation', province: 'province', taiyuan: 'taiyuan' };
    size.peer = { cold_start_ms: peer.coldStartMs, endpoints: await drive(PEER_PORT, names, s, true, files) };
    size.peer.peak_rss_mib = peakRssMiB(peer.child.pid);
    await stop(peer.child);

    size.duckdb = duckdb(file);
    report.sizes[n] = size;
  }
  const out = path.resolve(root, args.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(table(report) + `\nwritten to ${path.relative(root, out)}\n`);
}

main().catch((e) => { console.error(e); process.exit(1); });
