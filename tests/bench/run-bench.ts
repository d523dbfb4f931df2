import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { productionExtensionDir } from '../../demo/launch-chromium';
import { badges } from './figures/badges';
import { coachingView } from './figures/coaching-view';
import { pageCost } from './figures/page-cost';
import { panel } from './figures/panel';
import { weight } from './figures/weight';
import { workerColdStart } from './figures/worker-cold-start';
import { workerPull } from './figures/worker-pull';
import { type Figure, notMeasured } from './support/figure';
import { markdownTable, writeResults } from './support/results';

/**
 * `npm run bench`: builds the extension (production and demo), measures every figure of the
 * issue beside its reference in the same run, writes bench-results.json and splices the table
 * into the README between its markers. `BENCH_SKIP_BUILD=1` reuses the builds in .output;
 * `BENCH_ONLY=weight,panel` runs only those groups. Exits non-zero when a figure is over budget.
 */
const root = new URL('../..', import.meta.url).pathname;
const run = (command: string) => execSync(command, { cwd: root, stdio: 'inherit' });

if (!process.env.BENCH_SKIP_BUILD) {
  run('npx wxt build');
  run('npx wxt build --mode demo');
}

const syncFigures = async (): Promise<Figure[]> => {
  run('npx vitest run --config vitest.bench.config.ts tests/bench/sync-figures.test.ts');
  return JSON.parse(readFileSync(`${root}reports/bench-sync.json`, 'utf8')) as Figure[];
};

const groups: [string, () => Promise<Figure[]>][] = [
  ['weight', async () => weight(productionExtensionDir)],
  ['worker', () => workerColdStart(productionExtensionDir)],
  ['page', pageCost],
  ['panel', panel],
  ['badges', badges],
  ['sync', syncFigures],
  ['pull', workerPull],
  ['coaching', coachingView],
];
const only = process.env.BENCH_ONLY?.split(',');
const figures: Figure[] = [];
for (const [group, measure] of groups) {
  if (only && !only.includes(group)) continue;
  console.log(`bench: ${group}…`);
  try {
    figures.push(...(await measure()));
  } catch (error) {
    // One group that breaks leaves the others' figures standing, and says why.
    figures.push(notMeasured(`${group} figures`, '', null, `failed: ${(error as Error).message.split('\n')[0]}`));
  }
}

// A partial run (BENCH_ONLY) updates its figures in the last results and keeps the others.
const resultsPath = `${root}bench-results.json`;
if (only && existsSync(resultsPath)) {
  const previous = (JSON.parse(readFileSync(resultsPath, 'utf8')) as { figures: Figure[] }).figures;
  const fresh = new Map(figures.map((figure) => [figure.name, figure]));
  const merged = previous.map((figure) => fresh.get(figure.name) ?? figure);
  const added = figures.filter((figure) => !previous.some((old) => old.name === figure.name));
  figures.splice(0, figures.length, ...merged, ...added);
}

const chromium = execSync('/usr/bin/chromium --version', { encoding: 'utf8' }).trim();
const benchRun = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${chromium}, Node ${process.version}`,
  figures,
};
const spliced = writeResults(benchRun, resultsPath, `${root}README.md`);
console.log(markdownTable(benchRun));
if (!spliced && existsSync(`${root}README.md`)) console.log('README.md has no bench markers: table not spliced');
process.exit(figures.some((figure) => figure.pass === false) ? 1 : 0);
