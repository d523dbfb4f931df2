import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userIds } from '../../demo/org/seed-data';
import { createBackground, fill, now, openNewPlan, opportunityA, renderPanel, waitForSaved } from './panel-harness';
import { databaseOf, proposalPlaybook, seedTeam, storePulledPlaybook } from './playbook-fixtures';

async function panelAtProposal(stageName = 'Proposal/Price Quote') {
  const background = createBackground();
  const db = await databaseOf(background.send, background.db);
  const at = now.toISOString();
  await seedTeam(db, at);
  await storePulledPlaybook(db, proposalPlaybook(now), userIds.morgan);
  await db.opportunities.put({
    id: opportunityA,
    name: 'Northwind – Fleet Telematics Rollout',
    stageName,
    closeDate: '2026-04-01',
    amount: 1000,
    ownerId: userIds.riley,
    accountId: null,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt: at,
  });
  const panel = renderPanel(background.send);
  await openNewPlan(panel.user);
  const checklist = await screen.findByRole('region', { name: 'Playbook' });
  return { ...panel, background, checklist };
}

describe('the playbook checklist in the panel', () => {
  it('checks the plan as the rep writes; the plan turns ready, and is saved before it is', async () => {
    const { user, background, checklist } = await panelAtProposal();
    expect(within(checklist).getByText('Price only once the decision process is known.')).toBeTruthy();
    expect(within(checklist).getByRole('status').textContent).toBe('Not ready: 5 of 5 still to do');

    await fill(user, screen.getByLabelText(/^Goal/), 'Agree the pilot scope');
    await waitFor(() =>
      expect(within(checklist).getByRole('status').textContent).toBe('Not ready: 4 of 5 still to do'),
    );
    // Not ready is still saved: the playbook guides, it never blocks.
    await fill(user, screen.getByLabelText(/^Best next step/), 'Signed pilot order');
    await waitForSaved(background.send, (plans) => expect(plans[0]?.goal).toBe('Agree the pilot scope'));

    await fill(user, screen.getByLabelText(/^Minimum next step/), 'Meeting with the CFO');
    await user.click(within(checklist).getByRole('button', { name: 'Add "Too expensive"' }));
    await waitFor(() => expect(screen.getByDisplayValue('Walk through the ROI study')).toBeTruthy());
    // Taken, it leaves the suggestions.
    expect(within(checklist).queryByRole('button', { name: 'Add "Too expensive"' })).toBeNull();
    expect(within(checklist).getByRole('status').textContent).toBe('Not ready: 1 of 5 still to do');

    await user.selectOptions(screen.getByLabelText('Budget'), 'Confirmed');
    await waitFor(() => expect(within(checklist).getByRole('status').textContent).toBe('Ready for the call'));
    const items = within(checklist).getByRole('list', { name: 'What the playbook asks before the call' });
    expect(
      within(items)
        .getAllByRole('listitem')
        .map((li) => li.className),
    ).toEqual(['done', 'done', 'done', 'done', 'done']);
    await waitForSaved(background.send, (plans) => {
      expect(plans[0]?.budget).toBe('Confirmed');
      expect(plans[0]?.objections.map((o) => [o.objection, o.expected])).toEqual([['Too expensive', true]]);
    });
  });

  it('a stage the playbook asks nothing of says so, with no checklist', async () => {
    const { checklist } = await panelAtProposal('Prospecting');
    expect(within(checklist).getByText('Team West asks nothing at Prospecting.')).toBeTruthy();
    expect(within(checklist).queryByRole('status')).toBeNull();
  });

  it('a renamed stage still finds its playbook stage and says what the playbook calls it', async () => {
    const { checklist } = await panelAtProposal('Proposal / Price Quote');
    expect(within(checklist).getByText('The playbook calls this stage "Proposal/Price Quote".')).toBeTruthy();
    expect(within(checklist).getByRole('status').textContent).toBe('Not ready: 5 of 5 still to do');
  });
});
