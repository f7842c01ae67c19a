// The benchmark driver (bench/run calls it): datasets, servers one at a time, wrk, the table.
'use strict';
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const sample = require('./sample');
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The status of one GET; a non-JSON 200 (the web UI's fallback page for unknown paths) counts as 404.
function get(port, p, token) {
  return new Promise((resolve) => {
    // A fresh connection each time: a kept-alive one from the previous probe has been closed by
    // the server while wrk ran (Node's default keep-alive timeout is 5 s), and reusing it failed.
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    const req = http.get({ host: '127.0.0.1', port, path: p, headers, agent: false },
      (res) => {
        res.resume();
        const json = /json/.test(res.headers['content-type'] || '');
        res.on('end', () => resolve(res.statusCode === 200 && !json ? 404 : res.statusCode));
      });
    req.on('error', () => resolve(0));
  });
}

async function start(cmd, argv, port, env = {}) {
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });
  for (;;) {
    if (exited) return { child: null, stderr };
    if (Number(process.hrtime.bigint() - t0) / 1e9 > 120) {
      child.kill('SIGKILL');
      return { child: null, stderr: `${stderr}\nno answer on port ${port} within 120 s` };
    }
    if ((await get(port, '/healthz')) === 200) break;
    await sleep(20);
  }
  return { child, coldStartMs: Number(process.hrtime.bigint() - t0) / 1e6, stderr };
}

async function stop(child) {
  const done = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function peakRssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  return hwm ? Number(hwm[1]) / 1024 : null;
}

function toMs(text) {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 'ms' ? v : v * 1000;
}

function wrk(port, p, token, { connections = WRK.connections, script, env = {} } = {}) {
  const argv = ['-t', String(WRK.threads), '-c', String(connections), '-d', `${WRK.duration}s`, '--latency'];
  if (token && !script) argv.push('-H', `Authorization: Bearer ${token}`);
  if (script) argv.push('-s', script);
  argv.push(`http://127.0.0.1:${port}${p}`);
  const out = spawnSync('wrk', argv, { encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p50 = /^\s+50%\s+(\S+)/m.exec(out);
  const p99 = /^\s+99%\s+(\S+)/m.exec(out);
  const bad = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  const requests = total ? Number(total[1]) : 0;
  const timed = requests > 0;  // wrk prints zero latencies when no request finished
  return {
    rps: rps ? Number(rps[1]) : null, p50_ms: timed && p50 ? toMs(p50[1]) : null,
    p99_ms: timed && p99 ? toMs(p99[1]) : null, requests, non_2xx: bad ? Number(bad[1]) : 0,
  };
}

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

function getJson(port, p, token) {
  return new Promise((resolve) => {
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    const req = http.get({ host: '127.0.0.1', port, path: p, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        try { resolve(res.statusCode === 200 ? JSON.parse(text) : null); } catch { resolve(null); }
      });
    });
    req.on('error', () => resolve(null));
  });
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

function dataset(n) {
  const file = path.join(work, `gen-${n}-seed${args.seed}.db`);
  if (fs.existsSync(file)) {
    // A dataset kept from an earlier run is brought up to this build's schema first.
    execFileSync(args.sanpi, ['migrate', '--db', file], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { file, genSeconds: null };
  }
  const t0 = Date.now();
  execFileSync(args.sanpi, ['gen', '--db', file, '--projects', String(n), '--seed', String(args.seed)],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  return { file, genSeconds: (Date.now() - t0) / 1000 };
}

function freshCopy(file) {
  const copy = path.join(work, 'run.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  }
  return copy;
}

function sanpiToken(db, user) {
  const out = execFileSync(args.sanpi, ['user', 'token', '--db', db, '--user', user, '--label', 'bench'],
    { encoding: 'utf8' });
  return out.trim().split('\n').pop();
}

function duckdb(file) {
  const out = spawnSync('node', [path.join(root, 'bench', 'peer', 'duckdb_dashboard.js'), file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  try { return JSON.parse(out.stdout); } catch { return { na: 'DuckDB run failed' }; }
}

// A fresh, empty database of that name on the throwaway cluster; its URL.
function pgDatabase(name) {
  for (const sql of [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]) {
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', pgServer, '-c', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return pgServer.replace(/\/[^/]*$/, `/${name}`);
}

// Sanpi on one database (a SQLite file or a PostgreSQL URL): cold start, every endpoint, memory.
async function serveSanpi(db, s, files) {
  const tokens = {};
  for (const u of ['nation', 'province', 'taiyuan']) tokens[u] = sanpiToken(db, u);
  let server = await start(args.sanpi, ['serve', '--db', db, '--port', String(SANPI_PORT), '--bench-baseline'], SANPI_PORT);
  if (!server.child) {  // a build without the baseline flag
    server = await start(args.sanpi, ['serve', '--db', db, '--port', String(SANPI_PORT)], SANPI_PORT);
  }
  if (!server.child) throw new Error(`sanpi serve did not start: ${server.stderr}`);
  const result = { cold_start_ms: server.coldStartMs, endpoints: await drive(SANPI_PORT, tokens, s, false, files) };
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
