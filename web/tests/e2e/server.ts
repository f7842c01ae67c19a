// A real `sanpi serve` with the demo data on a loopback port, in a temporary directory of its own,
// for one test file: no test sees another file's writes.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

const webRoot = fileURLToPath(new URL('../../dist', import.meta.url));

function sanpiBinary(): string {
  const bin = process.env.SANPI_BIN;
  if (!bin) throw new Error('SANPI_BIN must name the sanpi binary (scripts/web-e2e.sh sets it)');
  return bin;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sanpi serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sanpi serve did not answer ${url}/healthz within 30 s`);
}

export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sanpi-e2e-'));
  const file = join(dir, 'demo.db');
  const template = process.env.SANPI_E2E_DEMO_DB;
  // scripts/web-e2e.sh loads the demo once; a test run without it loads its own.
  if (template) copyFileSync(template, file);
  else execFileSync(sanpiBinary(), ['demo', '--db', `sqlite:${file}`], { stdio: 'ignore' });
  const db = `sqlite:${file}`;
  const port = await freePort();
  const child = spawn(sanpiBinary(), ['serve', '--db', db, '--port', String(port), '--web', webRoot], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
