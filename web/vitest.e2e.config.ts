// The end-to-end tests (tests/e2e): each file starts its own `sanpi serve` with the demo data and
// drives Debian's Chromium; scripts/web-e2e.sh runs them with the binary to test.
import { defineConfig } from 'vitest/config';

import base from './vite.config';

export default defineConfig({
  resolve: base.resolve,
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The test command's server is the sanitizer build, sharing two cores with the rest of ctest:
    // waiting for a page to show something may take seconds there.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
