import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import type { RunResult } from '../../../lib/sync/run-sync';
import { browserOf } from './support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());

describe('the sync service tells when a run ended', () => {
  it('once per run, with its result, whether it succeeded or failed', async () => {
    const morgan = browserOf(org, 'morgan');
    const ended: { dbName: string; result: RunResult }[] = [];
    const service = morgan.service({ ranSync: (_session, db, result) => ended.push({ dbName: db.name, result }) });

    const first = await service.run(morgan.session, morgan.db, { caches: true });
    expect(first.ok).toBe(true);
    expect(ended).toEqual([{ dbName: morgan.session.dbName, result: first }]);

    morgan.signOut();
    const second = await service.run(morgan.session, morgan.db, { caches: false });
    expect(second.ok).toBe(false);
    expect(ended.map(({ result }) => result)).toEqual([first, second]);
  });
});
