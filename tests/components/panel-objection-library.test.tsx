import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OpportunityRow } from '../../lib/db/salesforce-cache';
import { to18 } from '../../lib/model/record-id';
import {
  createBackground,
  fill,
  inputValue,
  now,
  openNewPlan,
  opportunityA,
  opportunityB,
  renderPanel,
  seedPlan,
  waitForSaved,
} from './panel-harness';

const day = 24 * 60 * 60 * 1000;
const at = (offsetDays: number) => new Date(now.getTime() + offsetDays * day).toISOString();
const opportunityC = to18('0065g00000PcCcC');

function deal(id: string, accountId: string, stageName: string): OpportunityRow {
  return {
    id,
    name: id,
    stageName,
    closeDate: null,
    amount: null,
    ownerId: '',
    accountId,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt: now.toISOString(),
  };
}

describe('panel: the objection library while planning', () => {
  it('suggests objections met on the same account first, with the response that handled them, and adds one in a click', async () => {
    const background = createBackground();
    // Earlier calls: on the same account (B), and on another account at another stage (C), twice.
    await seedPlan(
      background.send,
      {
        goal: 'Earlier call on the same account',
        callAt: at(-10),
        createdAt: at(-11),
        objections: [
          {
            objection: 'Security review takes a quarter',
            response: 'Send the SOC 2 pack upfront',
            raised: true,
            handled: 'Yes',
          },
        ],
      },
      opportunityB,
    );
    for (const offset of [-20, -15]) {
      await seedPlan(
        background.send,
        {
          goal: `Call elsewhere ${offset}`,
          callAt: at(offset),
          createdAt: at(offset - 1),
          objections: [
            { objection: 'Price is too high', response: 'Phase the rollout', raised: true, handled: 'Partly' },
          ],
        },
        opportunityC,
      );
    }
    // Expected but never raised: not met, so not in the library.
    await seedPlan(
      background.send,
      {
        goal: 'Quiet call',
        callAt: at(-5),
        createdAt: at(-6),
        objections: [{ objection: 'No budget', raised: false }],
      },
      opportunityC,
    );
    await background
      .db()
      ?.opportunities.bulkPut([
        deal(opportunityA, '001ACME', 'Proposal'),
        deal(opportunityB, '001ACME', 'Qualification'),
        deal(opportunityC, '001OTHER', 'Negotiation'),
      ]);

    const { user } = renderPanel(background.send);
    await openNewPlan(user);
    const library = await screen.findByRole('region', { name: 'Met on similar deals' });
    const items = () => within(library).getAllByRole('listitem');
    await waitFor(() => expect(items()).toHaveLength(2));
    // Once on the same account outranks twice elsewhere.
    expect(items()[0]?.textContent).toContain('Security review takes a quarter');
    expect(items()[0]?.textContent).toContain('once on this account');
    expect(items()[0]?.textContent).toContain('Handled with: Send the SOC 2 pack upfront');
    expect(items()[1]?.textContent).toContain('Price is too high');
    expect(items()[1]?.textContent).toContain('Partly handled with: Phase the rollout');
    expect(library.textContent).not.toContain('No budget');

    await user.click(
      screen.getByRole('button', {
        name: 'Expect “Security review takes a quarter”, with the response that handled it',
      }),
    );
    expect(inputValue(screen.getByLabelText('Objection 1'))).toBe('Security review takes a quarter');
    expect(inputValue(screen.getByLabelText('Planned response'))).toBe('Send the SOC 2 pack upfront');
    // Once expected, it is no longer suggested.
    await waitFor(() => expect(items()).toHaveLength(1));

    await fill(user, screen.getByLabelText('Goal'), 'Agree the security review plan');
    await fill(user, screen.getByLabelText('Best next step'), 'Security review booked');
    await waitForSaved(background.send, (plans) => {
      const plan = plans.find((p) => p.goal === 'Agree the security review plan');
      expect(plan?.objections.map((o) => [o.objection, o.response, o.expected])).toEqual([
        ['Security review takes a quarter', 'Send the SOC 2 pack upfront', true],
      ]);
    });
  });
});
