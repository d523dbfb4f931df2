import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * A group's files in slices of about `lines` lines each, in path order, each named after its first
 * file. Stryker runs one slice at a time: a slice's results are on disk once it ends, so a run
 * that is stopped keeps the slices it finished and `MUTATION_INCREMENTAL=1` takes them up again.
 */
export function slicesOf(files, lines = 700, countLines = linesIn) {
  const slices = [];
  let current = null;
  for (const file of [...files].sort()) {
    if (!current || current.lines >= lines) {
      current = { name: basename(file, '.ts'), files: [], lines: 0 };
      slices.push(current);
    }
    current.files.push(file);
    current.lines += countLines(file);
  }
  return slices;
}

/** One Stryker JSON report (mutation-testing-report-schema) out of the slices' reports. */
export function mergeReports(reports) {
  const [first, ...rest] = reports;
  if (!first) throw new Error('no report to merge');
  const merged = { ...first, files: { ...first.files }, testFiles: { ...(first.testFiles ?? {}) } };
  for (const report of rest) {
    for (const [path, file] of Object.entries(report.files)) {
      if (merged.files[path]) throw new Error(`${path} is in two slices`);
      merged.files[path] = file;
    }
    Object.assign(merged.testFiles, report.testFiles ?? {});
  }
  return merged;
}

/** Mutants by status, and the score Stryker prints: detected (killed, timed out) of those that count. */
export function scoreOf(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) if (mutant.status in counts) counts[mutant.status] += 1;
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}

/**
 * The incremental input of one slice (its files, as paths from the project's root) out of every
 * slice's last incremental report, oldest first. A file's mutants come from the newest report that
 * holds it, so results survive a file moving to another slice (slices are cut by lines: a file that
 * grows, or a new one, moves the cuts). A test file's source comes from the oldest report that
 * holds it: a test changed since any of the runs then counts as changed, and Stryker runs its
 * mutants again rather than trusting older results.
 */
export function incrementalInput(reportsOldestFirst, sliceFiles) {
  const newest = reportsOldestFirst.at(-1);
  if (!newest) return null;
  // Only the slice's own files: Stryker reports every file of its incremental input, and a file
  // in two slices' reports could not be merged into the group's.
  const wanted = new Set(sliceFiles);
  const files = {};
  const testFiles = {};
  for (const report of reportsOldestFirst) {
    for (const [path, file] of Object.entries(report.files)) if (wanted.has(path)) files[path] = file;
    for (const [path, testFile] of Object.entries(report.testFiles ?? {})) testFiles[path] ??= testFile;
  }
  return { ...newest, files, testFiles };
}

function linesIn(file) {
  return readFileSync(file, 'utf8').split('\n').length;
}
