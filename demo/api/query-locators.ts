import { to18 } from '../../lib/model/record-id';
import type { OutputRecord } from './soql/query-context';

/**
 * Open query cursors. A query result larger than its batch keeps the remaining records under a
 * locator (`01g…-2000`); queryMore hands out the next slice. Cursors belong to the user who
 * opened them and the oldest are dropped past a cap, as Salesforce limits open cursors.
 */
interface Cursor {
  records: OutputRecord[];
  totalSize: number;
  batchSize: number;
  userId: string;
}

const maxCursors = 200;
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class QueryLocators {
  private readonly cursors = new Map<string, Cursor>();
  private counter = 0;

  open(records: OutputRecord[], totalSize: number, batchSize: number, userId: string): string {
    this.counter += 1;
    let n = this.counter;
    let tail = '';
    while (n > 0) {
      tail = base62.charAt(n % 62) + tail;
      n = Math.floor(n / 62);
    }
    const id = to18(`01g5gQ${tail.padStart(9, '0')}`);
    this.cursors.set(id, { records, totalSize, batchSize, userId });
    if (this.cursors.size > maxCursors) {
      const oldest = this.cursors.keys().next().value;
      if (oldest !== undefined) this.cursors.delete(oldest);
    }
    return id;
  }

  get(cursorId: string, userId: string): Cursor | undefined {
    const cursor = this.cursors.get(cursorId);
    return cursor && cursor.userId === userId ? cursor : undefined;
  }

  clear(): void {
    this.cursors.clear();
  }
}

/** Salesforce's batch: 2000 by default, `Sforce-Query-Options: batchSize=N` clamped to 200–2000. */
export function batchSizeOf(header: string | string[] | undefined, fallback: number): number {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /batchSize\s*=\s*(\d+)/i.exec(value);
  if (!match) return fallback;
  return Math.min(2000, Math.max(200, Number(match[1])));
}

/** One page of a result: the records from `offset`, the next locator when more remain. */
export function pageOf(
  records: OutputRecord[],
  totalSize: number,
  offset: number,
  batchSize: number,
  nextUrl: (nextOffset: number) => string,
): { totalSize: number; done: boolean; nextRecordsUrl?: string; records: OutputRecord[] } {
  const slice = records.slice(offset, offset + batchSize);
  const next = offset + slice.length;
  if (next >= records.length) return { totalSize, done: true, records: slice };
  return { totalSize, done: false, nextRecordsUrl: nextUrl(next), records: slice };
}
