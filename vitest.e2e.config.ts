import { defineConfig } from 'vitest/config';

// End to end: the built extension in Debian's Chromium against the demo org. One browser at a
// time (the machines have two cores); generous timeouts because Chromium cold starts are slow.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A waited-for condition gets 10 s (not vitest's 1 s): pages render later on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', ['json', { outputFile: 'reports/e2e.json' }]],
  },
});
