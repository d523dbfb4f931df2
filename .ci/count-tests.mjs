// Sums the vitest JSON reports into the one line CI reads. A step that failed before writing a
// report (type check, lint, build) counts as one failed test so the line never reads green.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;
const expected = ['reports/unit.json', 'reports/e2e.json'];
for (const file of expected) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (its step did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load fails its suite without failing a test.
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  if (report.numTotalTests === 0) failed += 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
