import type { MutationReport } from './slices.mjs';

export interface Location {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
export function applyMutant(source: string, location: Location, replacement: string): string;
export function staticSurvivors(
  report: MutationReport,
): { file: string; mutant: { id: string; status: string }; testFiles: string[] }[];
export function settleStaticSurvivors(
  report: MutationReport,
  io: {
    readSource(file: string): string;
    writeSource(file: string, source: string): void;
    runTests(testFiles: string[], file: string): boolean;
    log?(line: string): void;
  },
): { tried: number; killed: number };
