// `npm run test:mutation [-- group…]`: checks the runner patch, runs Stryker on each group (all by
// default, in order) one slice of files at a time, merges the slices' reports into the group's,
// then prints each score against its threshold and exits non-zero when one falls short.
// MUTATION_INCREMENTAL=1 reuses the previous results of mutants whose code and tests did not
// change, from whichever slice measured them, which also takes up a stopped run where it ended.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groups } from './groups.mjs';
import { incrementalInput, mergeReports, scoreOf, slicesOf } from './slices.mjs';
import { settleStaticSurvivors } from './static-mutants.mjs';

const asked = process.argv.slice(2);
const names = asked.length > 0 ? asked : Object.keys(groups);
for (const name of names) if (!groups[name]) fail(`unknown group ${name}: one of ${Object.keys(groups).join(', ')}`);

const patch = spawnSync(process.execPath, ['build/patch-stryker-vitest-runner.mjs', '--check'], { stdio: 'inherit' });
if (patch.status !== 0) fail('the Stryker vitest runner is not patched: run npm install');

const rows = [];
for (const name of names) {
  const group = groups[name];
  // MUTATION_MUTATE narrows a run to some files of the group (comma-separated paths or globs).
  const narrowed = process.env.MUTATION_MUTATE?.split(',');
  // Node 20 has no fs.glob: the folder before the first wildcard holds the group's sources.
  const files = group.mutate.flatMap((pattern) => typeScriptFilesUnder(pattern.slice(0, pattern.indexOf('*'))));
  if (files.length === 0) {
    rows.push({ name, note: 'no files yet' });
    continue;
  }
  const slices = narrowed ? [{ name: 'narrowed', files: narrowed }] : slicesOf(files);
  const started = Date.now();
  const reports = [];
  let broken = null;
  mkdirSync(`reports/mutation/${name}`, { recursive: true });
  for (const [index, slice] of slices.entries()) {
    console.log(
      `\nmutation: ${name}, slice ${index + 1} of ${slices.length} (${slice.name}: ${slice.files.length} files)`,
    );
    const report = `reports/mutation/${name}/${slice.name}`;
    if (process.env.MUTATION_INCREMENTAL === '1') {
      gatherIncremental(`reports/mutation/${name}`, `${report}.incremental.json`, slice.files);
    }
    const run = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], {
      stdio: 'inherit',
      env: {
        ...process.env,
        MUTATION_GROUP: name,
        MUTATION_PROJECTS: group.projects.join(','),
        MUTATION_MUTATE: slice.files.join(','),
        MUTATION_REPORT: report,
      },
    });
    if (run.status !== 0 || !existsSync(`${report}.json`)) {
      broken = `Stryker failed on slice ${slice.name} (exit ${run.status})`;
      break;
    }
    const measured = JSON.parse(readFileSync(`${report}.json`, 'utf8'));
    settleStatic(measured, group);
    writeFileSync(`${report}.json`, JSON.stringify(measured));
    reports.push(measured);
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (broken) {
    rows.push({ name, note: broken, failed: true });
    continue;
  }
  const merged = mergeReports(reports);
  // A narrowed run leaves the group's last whole report as it was.
  if (!narrowed) writeFileSync(`reports/mutation/${name}.json`, JSON.stringify(merged));
  const { score, valid, Survived } = scoreOf(merged);
  rows.push({ name, score, threshold: group.threshold, mutants: valid, survived: Survived, minutes, narrowed });
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
      `${row.mutants} mutants, ${row.survived} survived, ${row.minutes} min${row.narrowed ? ' (narrowed: not the group score)' : ''}`,
  );
}
process.exit(failed ? 1 : 0);

function typeScriptFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Every slice's earlier results as this slice's incremental input (see `incrementalInput`). */
function gatherIncremental(dir, target, sliceFiles) {
  const found = readdirSync(dir)
    .filter((file) => file.endsWith('.incremental.json'))
    .map((file) => join(dir, file))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  const input = incrementalInput(
    found.map((file) => JSON.parse(readFileSync(file, 'utf8'))),
    sliceFiles,
  );
  if (input) writeFileSync(target, JSON.stringify(input));
}

/**
 * Tests the slice's static survivors with their module loaded again (static-mutants.mjs). A
 * mutated source is restored before the next mutant, and on Ctrl-C or a kill signal.
 */
function settleStatic(report, group) {
  const originals = new Map();
  const restore = () => {
    for (const [file, source] of originals) writeFileSync(file, source);
  };
  const onSignal = (signal) => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    const { tried, killed } = settleStaticSurvivors(report, {
      readSource: (file) => readFileSync(file, 'utf8'),
      writeSource: (file, source) => {
        if (!originals.has(file)) originals.set(file, readFileSync(file, 'utf8'));
        writeFileSync(file, source);
        if (source === originals.get(file)) originals.delete(file);
      },
      runTests: (testFiles, file) =>
        spawnSync(
          'npx',
          [
            'vitest',
            ...(testFiles.length > 0 ? ['run', ...testFiles] : ['related', '--run', file]),
            '--bail',
            '1',
            '--config',
            'mutation/vitest.config.ts',
          ],
          {
            stdio: 'ignore',
            env: { ...process.env, MUTATION_PROJECTS: group.projects.join(',') },
          },
        ).status === 0,
      log: (line) => console.log(`  static mutant ${line}`),
    });
    if (tried > 0)
      console.log(`mutation: ${killed} of ${tried} static survivors killed with their module loaded again`);
  } finally {
    restore();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

function fail(message) {
  console.error(`test:mutation: ${message}`);
  process.exit(1);
}
