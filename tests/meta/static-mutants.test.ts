import { describe, expect, it } from 'vitest';
import { applyMutant, settleStaticSurvivors, staticSurvivors } from '../../mutation/static-mutants.mjs';

const at = (line: number, column: number) => ({ line, column });

describe('static mutants', () => {
  it.each([
    ['within one line', 'const a = [1, 2];\n', { start: at(1, 11), end: at(1, 17) }, '[]', 'const a = [];\n'],
    [
      'across lines',
      'const t = [\n  1,\n  2,\n];\nf();',
      { start: at(1, 11), end: at(4, 2) },
      '[]',
      'const t = [];\nf();',
    ],
    [
      'on a later line',
      'a;\nconst r = /^x$/;\n',
      { start: at(2, 11), end: at(2, 16) },
      '/x$/',
      'a;\nconst r = /x$/;\n',
    ],
    ['at the start of a line', 'x;\n"s";\n', { start: at(2, 1), end: at(2, 4) }, '""', 'x;\n"";\n'],
  ])('applies a mutant %s', (_name, source, location, replacement, expected) => {
    expect(applyMutant(source, location, replacement)).toBe(expected);
  });

  const report = () => ({
    files: {
      'lib/a.ts': {
        mutants: [
          {
            id: '1',
            status: 'Survived',
            static: true,
            coveredBy: ['t1', 't2'],
            replacement: '[]',
            location: { start: at(1, 11), end: at(1, 17) },
            mutatorName: 'ArrayDeclaration',
          },
          {
            id: '2',
            status: 'Survived',
            static: false,
            coveredBy: ['t1'],
            replacement: '0',
            location: { start: at(1, 12), end: at(1, 13) },
            mutatorName: 'NumberLiteral',
          },
          {
            id: '3',
            status: 'Killed',
            static: true,
            coveredBy: ['t1'],
            replacement: '""',
            location: { start: at(1, 1), end: at(1, 2) },
            mutatorName: 'StringLiteral',
          },
          {
            id: '4',
            status: 'Survived',
            static: true,
            coveredBy: ['t3'],
            replacement: '3',
            location: { start: at(1, 15), end: at(1, 16) },
            mutatorName: 'NumberLiteral',
          },
        ],
      },
    },
    testFiles: {
      'tests/b.test.ts': { tests: [{ id: 't2' }] },
      'tests/a.test.ts': { tests: [{ id: 't1' }, { id: 't3' }] },
    },
  });

  it('finds the static mutants reported Survived, with the test files that run their file’s code', () => {
    expect(staticSurvivors(report()).map(({ mutant, testFiles }) => [mutant.id, testFiles])).toEqual([
      ['1', ['tests/a.test.ts']],
      ['4', ['tests/a.test.ts']],
    ]);
  });

  it('marks Killed the survivors whose tests fail with the mutant written in, and restores the source', () => {
    const sources: Record<string, string> = { 'lib/a.ts': 'const a = [1, 2];' };
    const seen: string[] = [];
    const settled = report();
    const result = settleStaticSurvivors(settled, {
      readSource: (file) => sources[file] ?? '',
      writeSource: (file, source) => {
        sources[file] = source;
      },
      runTests: (files, file) => {
        expect(files).toEqual(['tests/a.test.ts']);
        seen.push(sources[file] ?? '');
        // The tests notice an empty table, not the changed number.
        return sources['lib/a.ts'] !== 'const a = [];';
      },
    });
    expect(seen).toEqual(['const a = [];', 'const a = [1, 3];']);
    expect(result).toEqual({ tried: 2, killed: 1 });
    expect(settled.files['lib/a.ts'].mutants.map((m) => m.status)).toEqual([
      'Killed',
      'Survived',
      'Killed',
      'Survived',
    ]);
    expect(sources['lib/a.ts']).toBe('const a = [1, 2];');
  });

  it('restores the source when the test run throws', () => {
    const sources: Record<string, string> = { 'lib/a.ts': 'const a = [1, 2];' };
    expect(() =>
      settleStaticSurvivors(report(), {
        readSource: (file) => sources[file] ?? '',
        writeSource: (file, source) => {
          sources[file] = source;
        },
        runTests: () => {
          throw new Error('vitest did not start');
        },
      }),
    ).toThrow('vitest did not start');
    expect(sources['lib/a.ts']).toBe('const a = [1, 2];');
  });

  it('leaves a file alone when it changed since the report', () => {
    const stale = report();
    Object.assign(stale.files['lib/a.ts'], { source: 'const a = [1, 2, 3];' });
    const runTests = () => false;
    expect(
      settleStaticSurvivors(stale, { readSource: () => 'const a = [1, 2];', writeSource: () => {}, runTests }),
    ).toEqual({ tried: 2, killed: 0 });
    expect(stale.files['lib/a.ts'].mutants.map((m) => m.status)).toEqual([
      'Survived',
      'Survived',
      'Killed',
      'Survived',
    ]);
  });
});
