// `npm run test:mutation [-- group…]`: checks the runner patch, runs Stryker once per group
// (all groups by default, in order), then prints each score against its threshold and exits
// non-zero when one falls short. MUTATION_INCREMENTAL=1 reuses the previous results.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groups } from './groups.mjs';

const asked = process.argv.slice(2);
const names = asked.length > 0 ? asked : Object.keys(groups);
for (const name of names) if (!groups[name]) fail(`unknown group ${name}: one of ${Object.keys(groups).join(', ')}`);

const patch = spawnSync(process.execPath, ['build/patch-stryker-vitest-runner.mjs', '--check'], { stdio: 'inherit' });
if (patch.status !== 0) fail('the Stryker vitest runner is not patched: run npm install');

const rows = [];
for (const name of names) {
  const group = groups[name];
  // Node 20 has no fs.glob: the folder before the first wildcard holds the group's sources.
  const files = group.mutate.flatMap((pattern) => typeScriptFilesUnder(pattern.slice(0, pattern.indexOf('*'))));
  if (files.length === 0) {
    rows.push({ name, note: 'no files yet' });
    continue;
  }
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_GROUP: name, MUTATION_PROJECTS: group.projects.join(',') },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const report = `reports/mutation/${name}.json`;
  if (run.status !== 0 || !existsSync(report)) {
    rows.push({ name, note: `Stryker failed (exit ${run.status})`, failed: true });
    continue;
  }
  const counts = countStatuses(JSON.parse(readFileSync(report, 'utf8')));
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  rows.push({ name, score, threshold: group.threshold, mutants: valid, survived: counts.Survived, minutes });
}

console.log('\nmutation score by group');
let failed = false;
for (const row of rows) {
  if (row.score === undefined) {
    console.log(`  ${row.name.padEnd(11)} ${row.note}`);
    failed ||= row.failed === true;
    continue;
  }
  const ok = row.score >= row.threshold;
  failed ||= !ok;
  console.log(
    `  ${row.name.padEnd(11)} ${row.score.toFixed(1).padStart(5)} % (≥ ${row.threshold} % ${ok ? 'met' : 'NOT met'}) ` +
      `${row.mutants} mutants, ${row.survived} survived, ${row.minutes} min`,
  );
}
process.exit(failed ? 1 : 0);

function typeScriptFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

function countStatuses(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) if (mutant.status in counts) counts[mutant.status] += 1;
  }
  return counts;
}

function fail(message) {
  console.error(`test:mutation: ${message}`);
  process.exit(1);
}
