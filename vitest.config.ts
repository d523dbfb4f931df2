import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  // Tests load jsforce's browser build, the same transport the service worker runs.
  resolve: { mainFields: ['browser', 'module', 'main'] },
  ssr: { resolve: { conditions: ['browser'] } },
  test: {
    server: { deps: { inline: ['jsforce'] } },
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/bench/**'],
          environment: 'node',
          setupFiles: ['tests/setup/indexeddb.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/indexeddb.ts', 'tests/setup/dom.ts'],
          // Above the 10 s a waitFor may take (tests/setup/dom.ts), so its own message is what fails.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
