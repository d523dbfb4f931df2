import { describe, expect, it } from 'vitest';
import {
  type LibraryDeal,
  type LibraryObjection,
  type LibraryPlan,
  rankObjectionLibrary,
} from '../../../lib/model/objection-library';

const deals: LibraryDeal[] = [
  { id: 'planned', accountId: 'acme', stageName: 'Proposal' },
  { id: 'same-account', accountId: 'acme', stageName: 'Qualification' },
  { id: 'same-stage', accountId: 'globex', stageName: 'Proposal' },
  { id: 'elsewhere', accountId: 'initech', stageName: 'Negotiation' },
];
const plans: LibraryPlan[] = [
  { planKey: 'p-account', opportunityId: 'same-account', callAt: '2026-03-01T10:00:00Z' },
  { planKey: 'p-stage', opportunityId: 'same-stage', callAt: '2026-03-02T10:00:00Z' },
  { planKey: 'p-else-1', opportunityId: 'elsewhere', callAt: '2026-03-03T10:00:00Z' },
  { planKey: 'p-else-2', opportunityId: 'elsewhere', callAt: '2026-03-04T10:00:00Z' },
  { planKey: 'p-else-3', opportunityId: 'elsewhere', callAt: '2026-03-05T10:00:00Z' },
];
const met = (planKey: string, objection: string, extra: Partial<LibraryObjection> = {}): LibraryObjection => ({
  planKey,
  objection,
  response: '',
  raised: true,
  handled: null,
  ...extra,
});
const rank = (objections: LibraryObjection[], more: { alreadyListed?: string[]; limit?: number } = {}) =>
  rankObjectionLibrary({ deal: deals[0] as LibraryDeal, deals, plans, objections, ...more });

describe('the objection library ranks what was met on similar deals', () => {
  it.each([
    {
      name: 'scores 3 a time on the account, 2 at the stage, 1 anywhere: account (4) > stage (3) > twice elsewhere (2)',
      objections: [
        met('p-else-1', 'Elsewhere twice'),
        met('p-else-2', 'Elsewhere twice'),
        met('p-stage', 'At this stage'),
        met('p-account', 'On this account'),
      ],
      order: ['On this account', 'At this stage', 'Elsewhere twice'],
    },
    {
      name: 'a tie in score (3: once at the stage, three times elsewhere) puts the more frequent first',
      objections: [
        met('p-stage', 'Stage'),
        met('p-else-1', 'Often'),
        met('p-else-2', 'Often'),
        met('p-else-3', 'Often'),
      ],
      order: ['Often', 'Stage'],
    },
    {
      name: 'an equal score and count is ordered by wording',
      objections: [met('p-else-1', 'Beta'), met('p-else-2', 'Alpha')],
      order: ['Alpha', 'Beta'],
    },
    {
      name: 'objections expected but never raised are not met, and blank ones are ignored',
      objections: [
        met('p-account', 'Never came up', { raised: false }),
        met('p-stage', '   '),
        met('p-else-1', 'Came up'),
      ],
      order: ['Came up'],
    },
    {
      name: 'an objection of a plan not in this browser is left out',
      objections: [met('unknown-plan', 'Orphan'), met('p-else-1', 'Known')],
      order: ['Known'],
    },
  ])('$name', ({ objections, order }) => {
    expect(rank(objections).map((s) => s.objection)).toEqual(order);
  });

  it('groups wordings up to case and spacing, shows the one used most, and says where it was met', () => {
    const [suggestion, ...rest] = rank([
      met('p-account', 'Price  is too high'),
      met('p-stage', 'price is too high'),
      met('p-else-1', 'Price is too high'),
      met('p-else-2', 'Price is too high'),
    ]);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      objection: 'Price is too high',
      reasons: ['same-account', 'same-stage', 'team'],
      raisedOnAccount: 1,
      raisedAtStage: 1,
      raised: 4,
    });
    expect(rank([met('p-else-1', 'Far away')])[0]?.reasons).toEqual(['team']);
  });

  it('keeps responses that handled it, Yes before Partly, latest first, without repeats, three at most', () => {
    const [suggestion] = rank([
      met('p-account', 'Price', { response: 'Partly old', handled: 'Partly' }),
      met('p-stage', 'Price', { response: 'Yes older', handled: 'Yes' }),
      met('p-else-1', 'Price', { response: 'Not handled', handled: 'No' }),
      met('p-else-2', 'Price', { response: 'Yes newer', handled: 'Yes' }),
      met('p-else-3', 'Price', { response: 'yes NEWER', handled: 'Yes' }),
      met('p-else-3', 'Price', { response: '  ', handled: 'Yes' }),
    ]);
    expect(suggestion?.responses).toEqual([
      { response: 'yes NEWER', handled: 'Yes' },
      { response: 'Yes older', handled: 'Yes' },
      { response: 'Partly old', handled: 'Partly' },
    ]);
  });

  it('never suggests what the plan already expects, and stops at the limit', () => {
    const objections = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((text) => met('p-else-1', text));
    expect(rank(objections).map((s) => s.objection)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(rank(objections, { alreadyListed: [' a ', 'C'], limit: 2 }).map((s) => s.objection)).toEqual(['B', 'D']);
  });

  it('for a deal not pulled yet (no account, no stage) ranks by the team alone', () => {
    const suggestions = rankObjectionLibrary({
      deal: { id: 'new', accountId: null, stageName: null },
      deals: [...deals, { id: 'no-account', accountId: null, stageName: null }],
      plans: [...plans, { planKey: 'p-none', opportunityId: 'no-account', callAt: '2026-03-01T10:00:00Z' }],
      objections: [met('p-none', 'Nobody knows'), met('p-account', 'Account one')],
    });
    expect(suggestions.map((s) => [s.objection, s.reasons])).toEqual([
      ['Account one', ['team']],
      ['Nobody knows', ['team']],
    ]);
  });

  it.each<[string, string[], string]>([
    ['spaces around a wording do not make it another', ['  Price', 'Price', 'price'], 'Price'],
    [
      'runs of spaces inside are one space',
      ['Price  is high', 'Price   is high', 'Price is  high', 'price is high'],
      'Price is high',
    ],
    ['as often: the first in the alphabet, written first', ['Price', 'price'], 'Price'],
    ['as often: the first in the alphabet, written last', ['price', 'Price'], 'Price'],
  ])('shows one wording: %s', (_, wordings, shown) => {
    const keys = ['p-else-1', 'p-else-2', 'p-else-3', 'p-stage'];
    expect(rank(wordings.map((wording, i) => met(keys[i] ?? 'p-account', wording)))[0]?.objection).toBe(shown);
  });

  it('counts an objection met on a deal not in this browser for the team', () => {
    const unknownDeal = rankObjectionLibrary({
      deal: deals[0] as LibraryDeal,
      deals,
      plans: [{ planKey: 'p-lost-deal', opportunityId: 'not-pulled', callAt: '2026-03-01T10:00:00Z' }],
      objections: [met('p-lost-deal', 'Price')],
    });
    expect(unknownDeal.map((s) => [s.objection, s.reasons, s.raised])).toEqual([['Price', ['team'], 1]]);
  });

  it('offers no response that did not handle the objection', () => {
    const [suggestion] = rank([
      met('p-else-1', 'Price', { response: 'We could not answer', handled: 'No' }),
      met('p-else-2', 'Price', { response: 'Not asked yet', handled: null }),
    ]);
    expect(suggestion?.responses).toEqual([]);
  });
});
