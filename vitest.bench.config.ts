import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Counts and volumes too heavy for every `npm test` (API economy, the full property run).
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: { mainFields: ['browser', 'module', 'main'] },
  ssr: { resolve: { conditions: ['browser'] } },
  test: {
    name: 'bench',
    include: ['tests/bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/indexeddb.ts'],
    server: { deps: { inline: ['jsforce'] } },
    fileParallelism: false,
    testTimeout: 600_000,
  },
});
