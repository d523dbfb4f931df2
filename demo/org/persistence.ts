import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DemoOrgRuntime } from './demo-org';
import { IdGenerator } from './id-generator';
import type { StoreSnapshot } from './record-store';
import type { SessionsSnapshot } from './sessions';

/**
 * Keeps the org in a JSON file so `npm run org` restarts where it stopped: loaded at start,
 * written after writes (debounced, to a temporary file renamed over the old one, so a crash
 * mid-write never leaves half a file). Sessions are kept too, so a signed-in browser stays in.
 */
interface DataFile {
  format: 1;
  store: StoreSnapshot;
  ids: Record<string, number>;
  sessions: SessionsSnapshot;
  limits: { used: number; max: number };
}

export interface Persistence {
  /** Writes now if anything changed. */
  flush(): void;
  close(): void;
}

const debounceMs = 150;

/** Loads the file into the org; false when there was no usable file. */
export function loadDataFile(org: DemoOrgRuntime, file: string): boolean {
  let data: DataFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as DataFile;
  } catch {
    return false;
  }
  if (data.format !== 1) return false;
  org.store.restore(data.store);
  org.ids = new IdGenerator(data.ids);
  org.sessions.restore(data.sessions);
  org.limits.used = data.limits.used;
  org.limits.max = data.limits.max;
  return true;
}

export function persistTo(org: DemoOrgRuntime, file: string): Persistence {
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let closed = false;
  const write = () => {
    timer = null;
    if (!dirty) return;
    dirty = false;
    const data: DataFile = {
      format: 1,
      store: org.store.snapshot(),
      ids: org.ids.snapshot(),
      sessions: org.sessions.snapshot(),
      limits: { ...org.limits },
    };
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
  };
  const schedule = () => {
    dirty = true;
    if (!closed && !timer) timer = setTimeout(write, debounceMs);
  };
  org.store.onChange(schedule);
  org.sessions.onChange(schedule);
  return {
    flush() {
      if (timer) clearTimeout(timer);
      write();
    },
    close() {
      if (timer) clearTimeout(timer);
      write();
      closed = true;
    },
  };
}
