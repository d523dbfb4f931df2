import { describe, expect, it } from 'vitest';
import { incrementalInput, mergeReports, scoreOf, slicesOf } from '../../mutation/slices.mjs';

const sizes: Record<string, number> = {
  'lib/sync/a.ts': 400,
  'lib/sync/b.ts': 400,
  'lib/sync/c.ts': 100,
  'lib/sync/d.ts': 900,
  'lib/sync/e.ts': 50,
};
const lines = (file: string) => sizes[file] ?? 0;

describe('mutation slices', () => {
  it.each([
    ['a slice closes once it holds the lines asked', 700, [['a', 'b'], ['c', 'd'], ['e']]],
    ['a slice holding exactly the lines asked is full', 800, [['a', 'b'], ['c', 'd'], ['e']]],
    ['a file bigger than a slice is a slice of its own', 100, [['a'], ['b'], ['c'], ['d'], ['e']]],
    ['everything fits in one', 10_000, [['a', 'b', 'c', 'd', 'e']]],
  ])('%s', (_name, size, expected) => {
    const slices = slicesOf(Object.keys(sizes).reverse(), size, lines);
    expect(slices.map((slice) => slice.files.map((file) => file.slice('lib/sync/'.length, -3)))).toEqual(expected);
    // Named after their first file, so a slice keeps its results' name while later files change.
    expect(slices.map((slice) => slice.name)).toEqual(expected.map((files) => files[0]));
  });

  const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status, id) => ({ id: String(id), status })) });

  it('merges the slices into one report and scores it as Stryker does', () => {
    const merged = mergeReports([
      { schemaVersion: '2', files: { 'a.ts': mutants('Killed', 'Survived') }, testFiles: { 't1.ts': {} } },
      { schemaVersion: '2', files: { 'b.ts': mutants('Timeout', 'NoCoverage', 'CompileError', 'Ignored') } },
    ]);
    expect(Object.keys(merged.files)).toEqual(['a.ts', 'b.ts']);
    expect(merged.testFiles).toEqual({ 't1.ts': {} });
    // Compile errors and ignored mutants do not count; timeouts are detected.
    expect(scoreOf(merged)).toMatchObject({ Killed: 1, Timeout: 1, Survived: 1, NoCoverage: 1, valid: 4, score: 50 });
  });

  it('refuses a file reported by two slices (the same mutants counted twice)', () => {
    const twice = { files: { 'a.ts': mutants('Killed') } };
    expect(() => mergeReports([twice, twice])).toThrow(/a\.ts is in two slices/);
  });

  it('scores an empty group as Stryker does', () => {
    expect(scoreOf({ files: {} }).score).toBe(100);
  });

  it('gives a slice the newest results of its own files, and the oldest source of each test, from every slice', () => {
    const older = {
      schemaVersion: '2',
      files: { 'a.ts': mutants('Killed'), 'b.ts': mutants('Survived') },
      testFiles: { 't1.ts': { source: 'old t1' } },
    };
    const newer = {
      schemaVersion: '3',
      files: { 'b.ts': mutants('Killed'), 'c.ts': mutants('Killed') },
      testFiles: { 't1.ts': { source: 'new t1' }, 't2.ts': { source: 't2' } },
    };
    const input = incrementalInput([older, newer], ['a.ts', 'b.ts']);
    expect(input?.schemaVersion).toBe('3');
    // Only the slice's own files: another slice's would be reported twice.
    expect(input?.files).toEqual({ 'a.ts': mutants('Killed'), 'b.ts': mutants('Killed') });
    expect(input?.testFiles).toEqual({ 't1.ts': { source: 'old t1' }, 't2.ts': { source: 't2' } });
    expect(incrementalInput([], ['a.ts'])).toBeNull();
  });
});
