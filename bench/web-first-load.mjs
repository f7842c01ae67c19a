#!/usr/bin/env node
// web-first-load.mjs: how long the home dashboard takes to appear the first time, on the demo
// data from a local `sanpi serve`, in Debian's headless Chromium.
//
//   node bench/web-first-load.mjs [--bin build-rel/src/sanpi] [--web web/dist] [--runs 10]
//                                 [--user province] [--url http://127.0.0.1:8080] [--timeline]
//
// Without --url it writes the demo data into a temporary directory and serves it (and web/dist)
// on a free loopback port. Each run is a cold browser context (no cache, no cookies): it logs in
// through the API (the session cookie), then opens `/` and stops the clock when the headline
// figures are on the page and each of the three charts has painted (a canvas with any pixel
// drawn; the map only once its shapes have loaded). Times are from the start of the navigation.
// Prints the median, maximum and minimum (with the main thread's time running scripts and tasks
// in all, from Chromium's performance metrics), and the bytes transferred by one load, by kind; --timeline adds
// when each resource of the last run was asked for and received.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(root, 'web', 'package.json'))('playwright-core');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const runs = Number(option('runs', '10'));
const user = option('user', 'province');
const password = option('password', 'sanpi-demo-2022');
const bin = resolve(option('bin', process.env.SANPI_BIN ?? join(root, 'build-rel', 'src', 'sanpi')));
const web = resolve(option('web', join(root, 'web', 'dist')));

async function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'sanpi-first-load-'));
  const db = `sqlite:${join(dir, 'demo.db')}`;
  execFileSync(bin, ['demo', '--db', db], { stdio: 'ignore' });
  const port = await freePort();
  const child = spawn(bin, ['serve', '--db', db, '--port', String(port), '--address', '127.0.0.1', '--web', web], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`sanpi serve exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('sanpi serve did not become healthy');
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// In the page: true once the figures are shown and every chart's canvas has something on it.
function drawn() {
  const figure = document.querySelector('[data-figure="projects"] .number');
  if (!figure || !/\d/.test(figure.textContent ?? '')) return false;
  const canvases = [...document.querySelectorAll('.charts canvas')];
  if (canvases.length < 3) return false;
  const painted = canvases.every((c) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return false;
    for (let i = 3; i < data.length; i += 16) if (data[i] !== 0) return true;
    return false;
  });
  return painted ? performance.now() : false;
}

function kindOf(url, type) {
  const path = new URL(url).pathname;
  if (path.startsWith('/api/')) return 'api';
  if (/\.js$/.test(path)) return /\/(shanxi|china)-/.test(path) ? 'map data' : 'js';
  if (/\.css$/.test(path)) return 'css';
  return type === 'document' ? 'html' : 'other';
}

async function oneLoad(browser, url) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 } });
  const login = await context.request.post('/api/v1/session', { data: { username: user, password } });
  if (!login.ok()) throw new Error(`log-in as ${user}: ${login.status()}`);
  // Notes the first frame that shows the headline figures, before the charts.
  await context.addInitScript(() => {
    const look = () => {
      const figure = document.querySelector('[data-figure="projects"] .number');
      if (figure && /\d/.test(figure.textContent ?? '')) window.__figuresAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await context.newPage();
  // Main-thread time spent running scripts and tasks in all, up to the drawn dashboard: what
  // a faster network would not change.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const responses = [];
  page.on('requestfinished', (request) => responses.push(request));
  await page.goto('/', { waitUntil: 'commit' });
  const handle = await page.waitForFunction(drawn, undefined, { polling: 'raf', timeout: 30_000 });
  const ms = await handle.jsonValue();
  const figures = await page.evaluate(() => window.__figuresAt ?? null);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  const headline = await page.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null);
  const timeline = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })),
  );
  const bytes = {};
  for (const request of responses) {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) continue;
    const kind = kindOf(request.url(), request.resourceType());
    bytes[kind] = (bytes[kind] ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const encodings = new Set();
  for (const request of responses) {
    const response = await request.response();
    const encoding = response ? (await response.allHeaders())['content-encoding'] : undefined;
    if (encoding) encodings.add(encoding);
  }
  await context.close();
  return { ms, figures, fcp: headline, script: metric('ScriptDuration'), style: metric('RecalcStyleDuration'), layout: metric('LayoutDuration'), task: metric('TaskDuration'), bytes, requests: responses.length, encodings: [...encodings], timeline };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const given = option('url', '');
const server = given ? { url: given, stop: async () => {} } : await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  await oneLoad(browser, server.url); // warms the server and the disk cache, not counted
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await oneLoad(browser, server.url));
  const times = results.map((r) => r.ms);
  const fcps = results.map((r) => r.fcp).filter((x) => x !== null);
  const first = results[0];
  const total = Object.values(first.bytes).reduce((a, b) => a + b, 0);
  console.log(`dashboard first load as ${user}, ${runs} cold runs against ${server.url}`);
  const line = (label, xs) =>
    console.log(`  ${label.padEnd(26)} median ${median(xs).toFixed(0).padStart(5)} ms, max ${Math.max(...xs).toFixed(0).padStart(5)} ms, min ${Math.min(...xs).toFixed(0).padStart(5)} ms`);
  line('headline figures shown:', results.map((r) => r.figures ?? NaN));
  line('figures and charts drawn:', times);
  if (fcps.length) line('first contentful paint:', fcps);
  line('main thread, scripts:', results.map((r) => r.script));
  line('main thread, styles:', results.map((r) => r.style));
  line('main thread, layout:', results.map((r) => r.layout));
  line('main thread, all tasks:', results.map((r) => r.task));
  console.log(`  transferred: ${(total / 1024).toFixed(0)} KiB in ${first.requests} requests` +
    ` (content-encoding: ${first.encodings.length ? first.encodings.join(', ') : 'none'})`);
  for (const [kind, n] of Object.entries(first.bytes).sort((a, b) => b[1] - a[1])) console.log(`    ${kind.padEnd(9)} ${(n / 1024).toFixed(0).padStart(6)} KiB`);
  if (process.argv.includes('--timeline')) {
    console.log('  resources of the last run (ms from navigation start: requested → received):');
    for (const e of results[results.length - 1].timeline) console.log(`    ${e.start.toFixed(0).padStart(5)} → ${e.end.toFixed(0).padStart(5)}  ${e.name}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
