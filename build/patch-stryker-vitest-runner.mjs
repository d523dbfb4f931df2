// Two fixes to Stryker 9.5's vitest runner setup file, rewritten after every install; `--check`
// only verifies, and fails when the installed file is not the fixed one.
//
// 1. It reads the suite from the first parameter of `afterAll`; vitest 4.1 passes the fixture
//    context first and the suite second, so per-test coverage is silently lost (stryker-js#5928)
//    and every mutant runs every related test.
// 2. A mutant run with a test filter activates its mutant in `beforeAll`, after the test file has
//    imported the code under test. Code that runs at import (a schema built when its module loads)
//    then never carries the mutant, yet Stryker runs such a "hybrid" mutant (run at import, and
//    also inside the one test that imports the module afresh) with only that test, so it can never
//    be killed. Vitest loads every module afresh for each test file, so activating the mutant
//    before the imports, as a run without a filter does, is exact and costs nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const setupFile = fileURLToPath(
  new URL('../node_modules/@stryker-mutator/vitest-runner/dist/src/stryker-setup.js', import.meta.url),
);
const fixes = [
  { broken: 'afterAll(({ meta }) =>', fixed: 'afterAll(({}, { meta }) =>', times: 2 },
  {
    broken: "if (mutantActivation === 'static') {",
    fixed: "if (mutantActivation === 'static' || mutantActivation === 'runtime') {",
    times: 1,
  },
];
const checkOnly = process.argv.includes('--check');

if (!existsSync(setupFile)) {
  // An install without dev dependencies has no Stryker to patch.
  if (checkOnly) fail('the Stryker vitest runner is not installed');
  process.exit(0);
}

let source = readFileSync(setupFile, 'utf8');
for (const { broken, fixed, times } of fixes) {
  if (!checkOnly && source.includes(broken)) {
    source = source.replaceAll(broken, fixed);
    writeFileSync(setupFile, source);
  }
  const found = source.split(fixed).length - 1;
  if (source.includes(broken) || found !== times) {
    fail(`expected ${times} × "${fixed}" in ${setupFile}, found ${found}: has the runner changed?`);
  }
}

function fail(message) {
  console.error(`Stryker vitest runner patch: ${message}`);
  process.exit(1);
}
