import { groups } from './groups.mjs';

// One group per run (MUTATION_GROUP), or one slice of its files (MUTATION_MUTATE, reported to
// MUTATION_REPORT); mutation/run.mjs runs them in turn and sums them up.
const name = process.env.MUTATION_GROUP ?? 'model';
const report = process.env.MUTATION_REPORT ?? `reports/mutation/${name}`;
const group = groups[name];
if (!group) throw new Error(`Unknown mutation group ${name}: one of ${Object.keys(groups).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'mutation/vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [...(process.env.MUTATION_MUTATE?.split(',') ?? group.mutate), '!**/*.d.ts'],
  // Module-level constants run once at import; mutating them needs a reload per mutant for
  // little insight.
  ignoreStatic: true,
  // MUTATION_CONCURRENCY=1 lets a second group run beside another on a 2-core machine.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The first run executes every related test once; on a loaded 2-core machine that can pass 5 min.
  dryRunTimeoutMinutes: 20,
  // Anchored: salesforce/…/reports holds the package's reports, which tests read.
  ignorePatterns: ['/.output', '/.demo-data', '/test-results', '/reports', '/.git'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${report}.html` },
  jsonReporter: { fileName: `${report}.json` },
  incremental: process.env.MUTATION_INCREMENTAL === '1',
  incrementalFile: `${report}.incremental.json`,
  thresholds: { high: group.threshold, low: group.threshold - 10, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
