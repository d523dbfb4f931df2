import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const setupFile = `${root}node_modules/@stryker-mutator/vitest-runner/dist/src/stryker-setup.js`;

/**
 * Without the patch, mutation runs still "succeed" but lose per-test coverage: every mutant runs
 * every related test (build/patch-stryker-vitest-runner.mjs says why).
 */
describe('the Stryker vitest runner patch', () => {
  it('is applied to the installed runner: both afterAll hooks read the suite from the second parameter', () => {
    const source = readFileSync(setupFile, 'utf8');
    expect(source.match(/afterAll\(\(\{\}, \{ meta \}\) =>/g)).toHaveLength(2);
    expect(source).not.toContain('afterAll(({ meta }) =>');
  });

  it('is applied to the installed runner: a filtered mutant run activates its mutant before the imports', () => {
    const source = readFileSync(setupFile, 'utf8');
    expect(source).toContain("if (mutantActivation === 'static' || mutantActivation === 'runtime') {");
    expect(source).not.toContain("if (mutantActivation === 'static') {");
  });

  it('the check passes on the installed runner', () => {
    const check = spawnSync(process.execPath, ['build/patch-stryker-vitest-runner.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect([check.status, check.stderr]).toEqual([0, '']);
  });
});
