import { readFileSync, writeFileSync } from 'node:fs';
import type { Figure } from './figure';

export const tableStart = '<!-- bench:start -->';
export const tableEnd = '<!-- bench:end -->';

export interface BenchRun {
  date: string;
  machine: string;
  figures: Figure[];
}

const format = (value: number | null, unit: string) =>
  value === null ? 'not measured' : `${value.toLocaleString('en-US')} ${unit}`;

function verdict(figure: Figure): string {
  if (figure.value === null) return '—';
  if (figure.pass === null) return '';
  return figure.pass ? 'within' : '**over**';
}

/** The README's table: one row per figure, its reference beside it, and what was run where. */
export function markdownTable(run: BenchRun): string {
  const rows = run.figures.map((figure) => {
    const reference = figure.reference
      ? `${figure.reference.name}: ${format(figure.reference.value, figure.reference.unit)}`
      : '';
    const cells = [
      figure.name,
      format(figure.value, figure.unit),
      figure.budget ?? '',
      reference,
      verdict(figure),
      (figure.note ?? '').replaceAll('|', '/'),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `Measured ${run.date} on ${run.machine} (\`npm run bench\`).`,
    '',
    '| figure | value | budget | measured beside | | notes |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces what stands between the markers; a README without them is left as it is. */
export function spliceBetweenMarkers(document: string, table: string): string | null {
  const start = document.indexOf(tableStart);
  const end = document.indexOf(tableEnd);
  if (start < 0 || end < start) return null;
  return `${document.slice(0, start + tableStart.length)}\n${table}\n${document.slice(end)}`;
}

export function writeResults(run: BenchRun, jsonPath: string, readmePath: string): boolean {
  writeFileSync(jsonPath, `${JSON.stringify(run, null, 2)}\n`);
  const readme = readFileSync(readmePath, 'utf8');
  const spliced = spliceBetweenMarkers(readme, markdownTable(run));
  if (spliced === null) return false;
  writeFileSync(readmePath, spliced);
  return true;
}
