// Stryker 9.5's vitest runner reads the suite from the first parameter of `afterAll`; vitest 4.1
// passes the fixture context first and the suite second, so per-test coverage is silently lost
// (stryker-js#5928) and every mutant runs every related test. Rewrites the setup file after every
// install; `--check` only verifies, and fails, when the installed file is not the fixed one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const setupFile = fileURLToPath(
  new URL('../node_modules/@stryker-mutator/vitest-runner/dist/src/stryker-setup.js', import.meta.url),
);
const broken = 'afterAll(({ meta }) =>';
const fixed = 'afterAll(({}, { meta }) =>';
const checkOnly = process.argv.includes('--check');

if (!existsSync(setupFile)) {
  // An install without dev dependencies has no Stryker to patch.
  if (checkOnly) fail('the Stryker vitest runner is not installed');
  process.exit(0);
}

let source = readFileSync(setupFile, 'utf8');
if (!checkOnly && source.includes(broken)) {
  source = source.replaceAll(broken, fixed);
  writeFileSync(setupFile, source);
}
const fixedHooks = source.split(fixed).length - 1;
if (source.includes(broken) || fixedHooks !== 2) {
  fail(`expected 2 patched afterAll hooks in ${setupFile}, found ${fixedHooks}: has the runner changed?`);
}

function fail(message) {
  console.error(`Stryker vitest runner patch: ${message}`);
  process.exit(1);
}
