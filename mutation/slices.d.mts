export interface Slice {
  name: string;
  files: string[];
  lines: number;
}
export interface MutationReport {
  files: Record<string, { mutants: { id: string; status: string }[] }>;
  testFiles?: Record<string, unknown>;
  [field: string]: unknown;
}
export function slicesOf(files: readonly string[], lines?: number, countLines?: (file: string) => number): Slice[];
export function mergeReports(reports: readonly MutationReport[]): MutationReport;
export function scoreOf(report: MutationReport): {
  Killed: number;
  Timeout: number;
  Survived: number;
  NoCoverage: number;
  valid: number;
  score: number;
};
export function incrementalInput(
  reportsOldestFirst: readonly MutationReport[],
  sliceFiles: readonly string[],
): MutationReport | null;
