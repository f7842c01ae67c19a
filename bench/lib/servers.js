// What the benchmark scripts share (bench/lib/run.js, bench/lib/soak.js): starting and stopping a
// server, probing it, wrk runs, the generated datasets and their copies, tokens, databases.
'use strict';
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

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

// One wrk run on loopback: req/s, p50 and p99 in ms, requests, non-2xx answers, and the 5xx
// answers when the script counts them (mixed.lua with BENCH_COUNT_5XX prints "5xx responses: N").
function wrk(port, p, token, { threads, connections, duration, script, env = {} }) {
  const argv = ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--latency'];
  if (token && !script) argv.push('-H', `Authorization: Bearer ${token}`);
  if (script) argv.push('-s', script);
  argv.push(`http://127.0.0.1:${port}${p}`);
  const out = spawnSync('wrk', argv, { encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p50 = /^\s+50%\s+(\S+)/m.exec(out);
  const p99 = /^\s+99%\s+(\S+)/m.exec(out);
  const bad = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  const fives = /^5xx responses: (\d+)/m.exec(out);
  const requests = total ? Number(total[1]) : 0;
  const timed = requests > 0;  // wrk prints zero latencies when no request finished
  return {
    rps: rps ? Number(rps[1]) : null, p50_ms: timed && p50 ? toMs(p50[1]) : null,
    p99_ms: timed && p99 ? toMs(p99[1]) : null, requests, non_2xx: bad ? Number(bad[1]) : 0,
    ...(fives ? { fivexx: Number(fives[1]) } : {}),
  };
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

// The generated dataset of n projects in `work` (kept between runs), written by `sanpi gen` if missing.
function dataset(sanpi, work, n, seed) {
  const file = path.join(work, `gen-${n}-seed${seed}.db`);
  if (fs.existsSync(file)) {
    // A dataset kept from an earlier run is brought up to this build's schema first.
    execFileSync(sanpi, ['migrate', '--db', file], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { file, genSeconds: null };
  }
  const t0 = Date.now();
  execFileSync(sanpi, ['gen', '--db', file, '--projects', String(n), '--seed', String(seed)],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  return { file, genSeconds: (Date.now() - t0) / 1000 };
}

// A copy of a dataset to serve (servers write to it), as `name` in `work`.
function freshCopy(work, file, name = 'run.db') {
  const copy = path.join(work, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  }
  return copy;
}

function sanpiToken(sanpi, db, user) {
  const out = execFileSync(sanpi, ['user', 'token', '--db', db, '--user', user, '--label', 'bench'],
    { encoding: 'utf8' });
  return out.trim().split('\n').pop();
}

// A fresh, empty database of that name on the throwaway cluster; its URL.
function pgDatabase(pgServer, name) {
  for (const sql of [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]) {
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', pgServer, '-c', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return pgServer.replace(/\/[^/]*$/, `/${name}`);
}

module.exports = {
  sleep, get, getJson, start, stop, peakRssMiB, wrk, dataset, freshCopy, sanpiToken, pgDatabase,
};
