/**
 * One measured figure of `npm run bench`: its value against its budget, and the reference it was
 * measured beside in the same run (a bare worker, the page with the extension off, the physical
 * minimum), so a ratio holds on a noisy machine.
 */
export interface Figure {
  /** What is measured, in the README's words. */
  name: string;
  /** `null` when the figure could not be measured in this run (`note` says why). */
  value: number | null;
  unit: string;
  /** The budget in words ("≤ 8192 B", "≤ 2× reference"), or null for a figure without one. */
  budget: string | null;
  reference: { name: string; value: number | null; unit: string } | null;
  /** null when not measured or without a budget. */
  pass: boolean | null;
  note?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Runs `measure` and `reference` alternately (`rounds` times each, the order swapped every round
 * so neither always goes first on a warming machine) and returns both series.
 */
export async function interleaved(
  rounds: number,
  measure: () => Promise<number>,
  reference: () => Promise<number>,
): Promise<{ measured: number[]; reference: number[] }> {
  const measured: number[] = [];
  const references: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      measured.push(await measure());
      references.push(await reference());
    } else {
      references.push(await reference());
      measured.push(await measure());
    }
  }
  return { measured, reference: references };
}

export function notMeasured(name: string, unit: string, budget: string | null, note: string): Figure {
  return { name, value: null, unit, budget, reference: null, pass: null, note };
}
