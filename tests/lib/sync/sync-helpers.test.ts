import { describe, expect, it } from 'vitest';
import { demoOrgId, userIds } from '../../../demo/org/seed-data';
import { databaseName } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import { to18 } from '../../../lib/model/record-id';
import { callPlanSync } from '../../../lib/salesforce/map-call-plan';
import { objectionSync } from '../../../lib/salesforce/map-objection';
import { knownSessionsKey, readKnownSessions, rememberSession } from '../../../lib/sync/known-sessions';
import { chunks, soqlDate, soqlDateTime, soqlIdList, where } from '../../../lib/sync/soql';
import { writableSet, writerOf } from '../../../lib/sync/writer-of';

describe('SOQL pieces', () => {
  it('datetimes are UTC without milliseconds, dates the UTC day', () => {
    expect(soqlDateTime(new Date('2026-03-02T10:05:07.123Z'))).toBe('2026-03-02T10:05:07Z');
    expect(soqlDate(new Date('2026-03-02T23:59:59.999Z'))).toBe('2026-03-02');
  });

  it('quotes record ids and refuses anything else', () => {
    const a = to18('0065g00000PcAaA');
    expect(soqlIdList([a, '0065g00000PcBbB'])).toBe(`('${a}', '0065g00000PcBbB')`);
    expect(() => soqlIdList([a, "x' OR Name != '"])).toThrow(/Not a Salesforce record id: x' OR/);
  });

  it.each<[string, (string | null | false | undefined)[], string]>([
    ['none', [], ''],
    ['only empty ones', [null, false, undefined, ''], ''],
    ['one', ['A = 1'], ' WHERE (A = 1)'],
    ['several, each in parentheses', ['A = 1 OR B = 2', null, 'C = 3'], ' WHERE (A = 1 OR B = 2) AND (C = 3)'],
  ])('WHERE of %s', (_name, conditions, clause) => {
    expect(where(conditions)).toBe(clause);
  });

  it('chunks keep order and the last chunk holds the rest', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([1, 2], 2)).toEqual([[1, 2]]);
    expect(chunks([], 200)).toEqual([]);
  });
});

describe('who writes which fields', () => {
  const rep = '0055g00000Rly01AAA';
  const manager = '0055g00000Mgn01AAA';
  it.each<[string, string | undefined, 'rep' | 'manager']>([
    ['own plan', rep, 'rep'],
    ['a plan with no owner yet (written here)', undefined, 'rep'],
    ['a plan with an empty owner', '', 'rep'],
    ["someone else's plan", manager, 'manager'],
  ])('%s', (_name, ownerId, writer) => {
    expect(writerOf(rep, ownerId)).toBe(writer);
  });

  it("a manager writes only the coaching note of a rep's plan, and nothing of its objections", () => {
    expect([...writableSet(callPlanSync, manager, rep)]).toEqual(['coachNote']);
    expect([...writableSet(objectionSync, manager, rep)]).toEqual([]);
  });

  it('a rep writes the fields of their own plan, not the coaching note', () => {
    const fields = writableSet(callPlanSync, rep, rep);
    expect(fields.has('goal')).toBe(true);
    expect(fields.has('outcome')).toBe(true);
    expect(fields.has('coachNote')).toBe(false);
    expect(writableSet(objectionSync, rep, rep).has('response')).toBe(true);
  });
});

describe('the users this browser syncs for', () => {
  function memoryStorage(initial: Record<string, unknown> = {}) {
    const data: Record<string, unknown> = { ...initial };
    return {
      data,
      async get(key: string) {
        return key in data ? { [key]: data[key] } : {};
      },
      async set(items: Record<string, unknown>) {
        Object.assign(data, items);
      },
    };
  }
  const sessionOf = (user: 'riley' | 'sam'): Session => ({
    orgId: demoOrgId,
    userId: userIds[user],
    userName: `${user}@precall.demo`,
    displayName: user,
    apiOrigin: 'https://precall-demo.my.salesforce.com',
    dbName: databaseName(demoOrgId, userIds[user]),
    source: 'identity',
  });

  it('remembers each user once, with when they last worked, and says who is new', async () => {
    const storage = memoryStorage();
    expect(await readKnownSessions(storage)).toEqual([]);
    expect(await rememberSession(storage, sessionOf('riley'), new Date('2026-03-02T10:00:00.000Z'))).toBe(true);
    expect(await rememberSession(storage, sessionOf('sam'), new Date('2026-03-02T10:01:00.000Z'))).toBe(true);
    expect(await rememberSession(storage, sessionOf('riley'), new Date('2026-03-02T10:02:00.000Z'))).toBe(false);
    expect(await readKnownSessions(storage)).toEqual([
      { session: sessionOf('sam'), lastActiveAt: '2026-03-02T10:01:00.000Z' },
      { session: sessionOf('riley'), lastActiveAt: '2026-03-02T10:02:00.000Z' },
    ]);
  });

  it('refuses stored entries that are not sessions, one by one, and storage that is not a list', async () => {
    const good = { session: sessionOf('riley'), lastActiveAt: '2026-03-02T10:00:00.000Z' };
    const storage = memoryStorage({
      [knownSessionsKey]: [
        good,
        { session: { ...sessionOf('sam'), dbName: 'precall-someone-else' }, lastActiveAt: '2026-03-02T10:00:00.000Z' },
        { session: { ...sessionOf('sam'), apiOrigin: 'not a url' }, lastActiveAt: '2026-03-02T10:00:00.000Z' },
        { session: sessionOf('sam'), lastActiveAt: 'yesterday' },
        'riley',
      ],
    });
    expect(await readKnownSessions(storage)).toEqual([good]);
    expect(await readKnownSessions(memoryStorage({ [knownSessionsKey]: { riley: good } }))).toEqual([]);
  });
});
