import { describe, expect, it } from 'vitest';
import { createShownPlans } from '../../../entrypoints/panel/shown-plans';
import type { PlanRecord } from '../../../lib/model/call-plan';

const list = (goal: string) => [{ goal } as PlanRecord];

describe('createShownPlans', () => {
  it('recalls the list last shown for an opportunity, and nothing for one never shown', () => {
    const shown = createShownPlans();
    const first = list('Agree on pilot scope');
    const newer = list('Book the security review');
    shown.remember('006A', first);
    shown.remember('006A', newer);
    expect(shown.recall('006A')).toBe(newer);
    expect(shown.recall('006B')).toBeUndefined();
  });

  it('forgets the least recently shown opportunity beyond its limit', () => {
    const shown = createShownPlans(2);
    shown.remember('006A', list('a'));
    shown.remember('006B', list('b'));
    // Shown again: A is now the most recent, B the oldest.
    shown.remember('006A', list('a again'));
    shown.remember('006C', list('c'));
    expect(shown.recall('006B')).toBeUndefined();
    expect(shown.recall('006A')?.[0]?.goal).toBe('a again');
    expect(shown.recall('006C')?.[0]?.goal).toBe('c');
  });
});
