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
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
