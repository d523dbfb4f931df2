import { describe, expect, it } from 'vitest';
import { callPlanSync } from '../../../lib/salesforce/map-call-plan';
import { syncedFields } from '../../../lib/salesforce/map-synced-record';
import { changedFields, mergeRecord } from '../../../lib/sync/merge-record';

const fields = syncedFields(callPlanSync).filter((f) => ['goal', 'callAt', 'walkAway', 'coachNote'].includes(f.local));
const repWrites = new Set(['goal', 'walkAway', 'callAt']);
const base = { goal: 'G0', walkAway: 'W0', callAt: '2026-03-10T09:00:00.000Z', coachNote: '' };

type Row = Partial<typeof base>;
const merge = (local: Row, remote: Row, options: { base?: Row | null; sent?: Row[]; writable?: Set<string> } = {}) =>
  mergeRecord({
    fields,
    writable: options.writable ?? repWrites,
    base: options.base === undefined ? base : options.base,
    local: { ...base, ...local },
    remote: { ...base, ...remote },
    sent: options.sent ?? [],
  });

describe('mergeRecord, field by field against the last synced copy', () => {
  it.each([
    // name, local, remote, expected goal, conflict?, still to push?
    ['nobody changed it', {}, {}, 'G0', false, false],
    ['changed here only: kept and still to push', { goal: 'L' }, {}, 'L', false, true],
    ['changed in Salesforce only: taken', {}, { goal: 'R' }, 'R', false, false],
    ['changed on both sides alike: agreed', { goal: 'X' }, { goal: 'X' }, 'X', false, false],
    [
      'changed on both sides differently: a conflict, the local value shown',
      { goal: 'L' },
      { goal: 'R' },
      'L',
      true,
      false,
    ],
  ])('%s', (_name, local, remote, goal, conflict, toPush) => {
    const result = merge(local, remote);
    expect(result.values.goal).toBe(goal);
    expect(result.conflicts.map((c) => c.field)).toEqual(conflict ? ['goal'] : []);
    expect(result.localChanges).toEqual(toPush ? ['goal'] : []);
  });

  it('keeps the three values of a conflict, and the old base so the next pull finds it again', () => {
    const result = merge({ goal: 'L' }, { goal: 'R' });
    expect(result.conflicts).toEqual([{ field: 'goal', base: 'G0', local: 'L', remote: 'R' }]);
    expect(result.base.goal).toBe('G0');
    const again = merge({ goal: 'L' }, { goal: 'R' }, { base: result.base });
    expect(again.conflicts).toHaveLength(1);
  });

  it('merges fields independently: one side each, no conflict', () => {
    const result = merge({ goal: 'L' }, { walkAway: 'R' });
    expect(result.values).toMatchObject({ goal: 'L', walkAway: 'R' });
    expect(result.conflicts).toEqual([]);
    expect(result.base).toMatchObject({ goal: 'G0', walkAway: 'R' });
  });

  it('takes Salesforce on fields this user may not write (a rep and the coaching note)', () => {
    const result = merge({ coachNote: 'typed here' }, { coachNote: 'from the manager' });
    expect(result.values.coachNote).toBe('from the manager');
    expect(result.conflicts).toEqual([]);
  });

  it("knows its own write coming back when the push's answer was lost", () => {
    // Sent 'L1', the answer never came; the rep typed 'L2' since. Salesforce holds 'L1'.
    const result = merge({ goal: 'L2' }, { goal: 'L1' }, { sent: [{ goal: 'L1' }] });
    expect(result.conflicts).toEqual([]);
    expect(result.values.goal).toBe('L2');
    expect(result.localChanges).toEqual(['goal']);
  });

  it('without a base and with a sent value: what was sent is the ancestor', () => {
    const changedThere = merge({ goal: 'L1' }, { goal: 'R' }, { base: null, sent: [{ goal: 'L1' }] });
    expect(changedThere.values.goal).toBe('R');
    const changedBoth = merge({ goal: 'L2' }, { goal: 'R' }, { base: null, sent: [{ goal: 'L1' }] });
    expect(changedBoth.conflicts.map((c) => c.field)).toEqual(['goal']);
  });

  it('without any ancestor, differing values are a conflict, never a silent pick', () => {
    const result = merge({ goal: 'L' }, { goal: 'R' }, { base: null });
    expect(result.conflicts).toEqual([{ field: 'goal', base: null, local: 'L', remote: 'R' }]);
  });

  it('compares call times as instants to the second (Salesforce keeps no milliseconds)', () => {
    const result = merge({ callAt: '2026-03-10T10:00:00.123+01:00' }, { callAt: '2026-03-10T09:00:00.000Z' });
    expect(result.conflicts).toEqual([]);
    expect(result.localChanges).toEqual([]);
  });
});

describe('changedFields', () => {
  it('lists the fields that differ from the base, and every field when there is none', () => {
    expect(changedFields(fields, { ...base, walkAway: 'W1' }, base).map((f) => f.local)).toEqual(['walkAway']);
    expect(changedFields(fields, base, null)).toHaveLength(fields.length);
    expect(changedFields(fields, base, { goal: 'G0' }).map((f) => f.local)).toEqual([
      'callAt',
      'walkAway',
      'coachNote',
    ]);
  });
});
