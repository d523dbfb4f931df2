import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseRemote } from '../../../lib/sync/parse-remote';
import { SyncFailure } from '../../../lib/sync/sync-failure';

const read = (raw: unknown) => z.object({ Id: z.string(), Name: z.object({ First: z.string() }) }).parse(raw);

function failureOf(records: unknown[]): SyncFailure {
  try {
    parseRemote(records, read, 'call plan');
  } catch (error) {
    if (error instanceof SyncFailure) return error;
    throw error;
  }
  throw new Error('no failure');
}

describe('reading queried records', () => {
  it('reads every record with its mapper, in order', () => {
    const records = [
      { Id: 'a', Name: { First: 'Riley' } },
      { Id: 'b', Name: { First: 'Sam' } },
    ];
    expect(parseRemote(records, read, 'call plan')).toEqual(records);
  });

  it('stops at a record it cannot read, naming the record, the field and the problem', () => {
    const failure = failureOf([
      { Id: 'a', Name: { First: 'Riley' } },
      { Id: 'a0P000000000009AAA', Name: { First: 7 } },
    ]);
    expect(failure).toMatchObject({ kind: 'error', code: 'MALFORMED_RECORD' });
    expect(failure.message).toBe(
      'Salesforce sent a call plan (a0P000000000009AAA) Precall cannot read (Name.First: Invalid input: expected string, received number)',
    );
  });

  it.each([
    ['no Id', { Name: { First: 'Riley' } }],
    ['an Id that is no text', { Id: 9, Name: { First: 'Riley' } }],
  ])('names no record for a record with %s', (_, record) => {
    expect(failureOf([record]).message).toMatch(/^Salesforce sent a call plan Precall cannot read \(/);
  });

  it('names no record for a record that is null', () => {
    expect(failureOf([null]).message).toBe(
      'Salesforce sent a call plan Precall cannot read (: Invalid input: expected object, received null)',
    );
  });

  it.each([
    ['call plan', 'a call plan'],
    ['objection', 'an objection'],
    ['opportunity', 'an opportunity'],
    ['event', 'an event'],
    ['user', 'a user'],
  ])('names a %s as %s', (what, named) => {
    expect(() => parseRemote([{}], read, what)).toThrow(`Salesforce sent ${named} Precall cannot read`);
  });

  it('lets an error that is not about the record through as it is', () => {
    const broken = new TypeError('mapper bug');
    expect(() =>
      parseRemote(
        [{}],
        () => {
          throw broken;
        },
        'call plan',
      ),
    ).toThrow(broken);
  });

  it('says what was wrong when zod names no issue', () => {
    const bare = () => {
      throw new z.core.$ZodError([]);
    };
    const failure = (() => {
      try {
        parseRemote([{ Id: 'x' }], bare, 'objection');
      } catch (error) {
        return error as SyncFailure;
      }
    })();
    expect(failure?.message).toMatch(/^Salesforce sent an objection \(x\) Precall cannot read \(/);
    expect(failure?.code).toBe('MALFORMED_RECORD');
  });
});
