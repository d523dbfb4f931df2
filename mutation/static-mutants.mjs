/**
 * Static mutants change code that runs once, when its module is loaded (a module-level table, a
 * regular expression constant). With `ignoreStatic` Stryker still runs the ones some test also
 * covers ("hybrid"), but with the module already loaded, so the mutant never takes effect and is
 * reported Survived whatever the tests check. Its coverage is no guide either: the module is
 * loaded once per test worker, so only the first test file to import it is credited. These
 * functions test them properly: the mutant is written into the source, and the test files that
 * run the file's code (those covering its other mutants) run in a fresh vitest, which loads the
 * mutated module.
 */

/** The source with one mutant applied; the location is Stryker's (lines from 1, columns from 1). */
export function applyMutant(source, { start, end }, replacement) {
  const lines = source.split('\n');
  const offset = (at) => lines.slice(0, at.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + at.column - 1;
  return source.slice(0, offset(start)) + replacement + source.slice(offset(end));
}

/**
 * The static mutants a report counts as Survived, each with the test files that run its file's
 * code: those covering the file's mutants that are not static (a table is read by the file's
 * functions, so a test that can notice it changed calls one of them).
 */
export function staticSurvivors(report) {
  const fileOfTest = new Map();
  for (const [path, testFile] of Object.entries(report.testFiles ?? {})) {
    for (const test of testFile.tests ?? []) fileOfTest.set(test.id, path);
  }
  const found = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const testFiles = new Set();
    for (const mutant of mutants) {
      if (mutant.static) continue;
      for (const id of mutant.coveredBy ?? []) if (fileOfTest.has(id)) testFiles.add(fileOfTest.get(id));
    }
    for (const mutant of mutants) {
      if (mutant.static && mutant.status === 'Survived') found.push({ file, mutant, testFiles: [...testFiles].sort() });
    }
  }
  return found;
}

/**
 * Runs each static survivor's test files (`runTests(files)` → passed; none found: the files
 * importing its file) with the mutant written into it (`readSource`/`writeSource`), restoring the file after each, and
 * marks the ones a test failure detects as Killed. Returns how many were tried and killed.
 */
export function settleStaticSurvivors(report, { readSource, writeSource, runTests, log = () => {} }) {
  const survivors = staticSurvivors(report);
  let killed = 0;
  for (const { file, mutant, testFiles } of survivors) {
    const original = readSource(file);
    // A report of older code would place the mutant wrongly.
    const measured = report.files[file].source;
    if (measured !== undefined && measured !== original) {
      log(`${file}: changed since the report, its static mutants are left as they are`);
      continue;
    }
    let passed;
    try {
      writeSource(file, applyMutant(original, mutant.location, mutant.replacement));
      passed = runTests(testFiles, file);
    } finally {
      writeSource(file, original);
    }
    if (!passed) {
      mutant.status = 'Killed';
      mutant.statusReason = 'Static: a covering test failed with the mutated module loaded again';
      killed += 1;
    }
    log(`${file}:${mutant.location.start.line} ${mutant.mutatorName} ${passed ? 'survived' : 'killed'}`);
  }
  return { tried: survivors.length, killed };
}
