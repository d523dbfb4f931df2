import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

/**
 * The unit and component projects of vitest.config.ts, limited to those a mutation group lists
 * (MUTATION_PROJECTS), without the JSON reports of `npm test`. The dry run executes every related
 * test at once beside two runners on a 2-core machine, where a test that parses a saved Lightning
 * page in jsdom can pass vitest's 5 s default: Stryker's own timeout (timeoutMS) decides for mutants.
 */
const wanted = (process.env.MUTATION_PROJECTS ?? 'unit,component').split(',');
const projects = (base.test?.projects ?? []).filter(
  (project) => typeof project === 'object' && 'test' in project && wanted.includes(String(project.test?.name)),
);

// Read by tests/setup/dom.ts: a killed mutant's failing waitFor should not take 10 s.
process.env.PRECALL_TEST_WAIT_MS ??= '3000';

export default defineConfig({
  ...base,
  test: { ...base.test, reporters: ['dot'], testTimeout: 60_000, hookTimeout: 60_000, projects },
});
