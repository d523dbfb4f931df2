import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

/**
 * The unit and component projects of vitest.config.ts, limited to those a mutation group lists
 * (MUTATION_PROJECTS), without the JSON reports of `npm test`.
 */
const wanted = (process.env.MUTATION_PROJECTS ?? 'unit,component').split(',');
const projects = (base.test?.projects ?? []).filter(
  (project) => typeof project === 'object' && 'test' in project && wanted.includes(String(project.test?.name)),
);

export default defineConfig({ ...base, test: { ...base.test, reporters: ['dot'], projects } });
