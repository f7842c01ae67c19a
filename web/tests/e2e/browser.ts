// What every end-to-end test file shares: its own server with the demo data, Debian's Chromium
// (headless), a page per test at 1366×768 that records every console error, uncaught exception,
// failed request and 5xx answer, and a screenshot of the final page under the output directory.
// A test fails on any of those it did not declare with `page.expectStatus`.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {type Browser, type BrowserContext, type Locator, type Page, chromium} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import { type RunningServer, startServer } from './server';

export const demoPassword = 'sanpi-demo-2022';
export const outputDir = resolve(process.env.SANPI_E2E_OUT ?? fileURLToPath(new URL('../../test-results/e2e', import.meta.url)));

// A 401 to GET /api/v1/session is how the application learns there is no session yet.
function asksForSession(url: string): boolean {
  return new URL(url).pathname === '/api/v1/session';
}

export interface TestPage extends Page {
  // Answers with this status are expected (a 422 shown as field errors, a 409 conflict).
  expectStatus(status: number): void;
}

interface Opened {
  context: BrowserContext;
  page: TestPage;
  problems: string[];
  name: string;
}

export interface Suite {
  url: () => string;
  // A fresh browser context (own cookies), in Chinese unless told otherwise.
  open(name: string, options?: { language?: 'zh-CN' | 'en'; width?: number; height?: number }): Promise<TestPage>;
  // Open, log in as `user` and land on the home page.
  logInAs(user: string, name: string, options?: { language?: 'zh-CN' | 'en'; width?: number; height?: number }): Promise<TestPage>;
}

// Opens an Element Plus select, picks the option with this text, and waits until the select
// shows it. On a loaded machine a click can land while the dropdown is still opening and be lost:
// a CI run on 3 December saved a form with the unit left at 万元 and failed. Three tries.
export async function chooseOption(page: Page, select: Locator, text: string|RegExp): Promise<void> {
    for (let attempt = 1;; ++attempt) {
        await select.click();
        await page.locator('.el-select-dropdown__item:visible', {hasText: text}).first().click();
        try {
            await expect.poll(() => select.innerText(), {timeout: 3000}).toMatch(text);
            return;
        } catch (e) {
            if (attempt === 3) throw e;
            await page.keyboard.press('Escape');
        }
    }
}

export function useSuite(): Suite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let opened: Opened[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(),
      chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    mkdirSync(outputDir, { recursive: true });
    const all: string[] = [];
    for (const o of opened) {
      await o.page.screenshot({ path: join(outputDir, `${o.name}.png`) }).catch(() => undefined);
      all.push(...o.problems.map((p) => `${o.name}: ${p}`));
      await o.context.close();
    }
    opened = [];
    expect(all, 'console errors, failed requests or 5xx answers').toEqual([]);
  });

  async function open(name: string, options: { language?: 'zh-CN' | 'en'; width?: number; height?: number } = {}): Promise<TestPage> {
    if (!browser || !server) throw new Error('suite not started');
    const language = options.language ?? 'zh-CN';
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
      locale: language,
    });
    // The first page of the context starts in `language`; a switch in the page then sticks.
    await context.addInitScript((lang) => {
      if (!localStorage.getItem('sanpi.language')) localStorage.setItem('sanpi.language', lang);
    }, language);
    const page = (await context.newPage()) as TestPage;
    const problems: string[] = [];
    const expected = new Set<number>();
    page.expectStatus = (status) => expected.add(status);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // Chromium logs every 4xx answer; an expected one is part of the test.
      const status = Number(/status of (\d{3})/.exec(m.text())?.[1]);
      if (expected.has(status) || (status === 401 && asksForSession(m.location().url))) return;
      problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
    page.on('requestfailed', (r) => {
      // A navigation away cancels what the old page was loading; that is not a failure.
      if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
    });
    page.on('response', (r) => {
      if (r.status() === 401 && asksForSession(r.url())) return;
      if (r.status() >= 500 || (r.status() >= 400 && !expected.has(r.status())))
        problems.push(`answer ${r.status()}: ${r.request().method()} ${r.url()}`);
    });
    page.setDefaultTimeout(15_000);
    opened.push({ context, page, problems, name });
    return page;
  }

  async function logInAs(user: string, name: string, options = {}): Promise<TestPage> {
    const page = await open(name, options);
    await page.goto('/login');
    await page.locator('#login-username').fill(user);
    await page.locator('#login-password').fill(demoPassword);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/');
    return page;
  }

  return { url: () => server?.url ?? '', open, logInAs };
}
