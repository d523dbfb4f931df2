import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from '../../components/date-time-field';
import { addObjection, moveObjection, removeObjection } from '../../entrypoints/panel/objection-edits';
import { orderPlans } from '../../entrypoints/panel/order-plans';

const keys = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-00000000000${n++}`;
};

describe('objection edits', () => {
  it('moves an objection past its neighbour of the same kind and renumbers', () => {
    const key = keys();
    let list = addObjection([], true, key);
    list = addObjection(list, false, key);
    list = addObjection(list, true, key);
    const [first, surprise, second] = list;
    expect(surprise).toMatchObject({ expected: false, raised: true });

    const moved = moveObjection(list, second?.objectionKey ?? '', -1);
    expect(moved.map((o) => o.objectionKey)).toEqual([
      second?.objectionKey,
      surprise?.objectionKey,
      first?.objectionKey,
    ]);
    expect(moved.map((o) => o.sortOrder)).toEqual([0, 1, 2]);
    expect(moveObjection(moved, second?.objectionKey ?? '', -1)).toEqual(moved);

    const removed = removeObjection(moved, surprise?.objectionKey ?? '');
    expect(removed.map((o) => [o.objectionKey, o.sortOrder])).toEqual([
      [second?.objectionKey, 0],
      [first?.objectionKey, 1],
    ]);
  });
});

describe('orderPlans', () => {
  it('puts upcoming calls first (soonest first), then past calls (latest first)', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const plans = ['2026-03-01T10:00:00Z', '2026-03-05T10:00:00Z', '2026-02-01T10:00:00Z', '2026-03-03T10:00:00Z'].map(
      (callAt) => ({ callAt }),
    );
    expect(orderPlans(plans, now).map((p) => p.callAt)).toEqual([
      '2026-03-03T10:00:00Z',
      '2026-03-05T10:00:00Z',
      '2026-03-01T10:00:00Z',
      '2026-02-01T10:00:00Z',
    ]);
  });
});

describe('datetime-local conversion', () => {
  it('round-trips a UTC instant through the local input value', () => {
    const iso = '2026-03-03T14:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('keeps an empty or broken value empty so validation can name it', () => {
    expect(fromLocalInput('')).toBe('');
    expect(toLocalInput('')).toBe('');
  });
});
