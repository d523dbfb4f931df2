import { describe, expect, it } from 'vitest';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { draftMatchesPlan } from '../../../lib/model/draft-plan';

const base: CallPlan = {
  ...newCallPlan('0065g00000Nwd01AAB', new Date('2026-03-02T10:00:00.000Z')),
  goal: 'Agree pilot scope',
  objections: [{ ...newObjection(0, true), objection: 'Too expensive' }],
};

describe('draftMatchesPlan', () => {
  it.each<[string, Partial<CallPlan> & Record<string, unknown>, boolean]>([
    ['the same plan', {}, true],
    ['only the modified time differs', { updatedAt: '2026-03-05T10:00:00.000Z' }, true],
    ['only the first-written time differs', { createdAt: '2026-03-01T10:00:00.000Z' }, true],
    ['the saved copy carries its owner', { ownerId: '0055g00000Rly01AAB' }, true],
    ['the goal differs', { goal: 'Agree pilot scope and dates' }, false],
    ['a field was emptied', { goal: '' }, false],
    ['an outcome was picked', { outcome: 'Advance' }, false],
    [
      'an objection was reworded',
      { objections: [{ ...base.objections[0], objection: 'Too dear' } as CallPlan['objections'][0]] },
      false,
    ],
    ['an objection was added', { objections: [...base.objections, newObjection(1, true)] }, false],
  ])('%s → %s', (_name, patch, same) => {
    expect(draftMatchesPlan({ ...base, ...patch } as CallPlan, base)).toBe(same);
  });

  it('does not care in which order the fields were written', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as CallPlan;
    expect(draftMatchesPlan(reordered, base)).toBe(true);
  });
});
