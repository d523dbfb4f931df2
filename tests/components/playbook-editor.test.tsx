import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { userIds } from '../../demo/org/seed-data';
import { PlaybookApp } from '../../entrypoints/playbook/playbook-app';
import { createTestBackground, testOrigin } from '../support/background';
import { databaseOf, proposalPlaybook, seedTeam, storePulledPlaybook } from './playbook-fixtures';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 45_000 });

const now = new Date('2026-03-02T10:00:00.000Z');

async function open(user: 'morgan' | 'riley', seed?: (db: Awaited<ReturnType<typeof databaseOf>>) => Promise<void>) {
  const background = createTestBackground({ user, now: () => now });
  const db = await databaseOf(background.send, background.db);
  await seedTeam(db, now.toISOString());
  await seed?.(db);
  const events = userEvent.setup();
  render(<PlaybookApp origin={testOrigin} send={background.send} timeZone="Europe/Berlin" now={() => now} />);
  return { user: events, db };
}

describe('the team playbook page', () => {
  it('Morgan defines the playbook for Proposal/Price Quote; it autosaves into the outbox for Salesforce', async () => {
    const { user, db } = await open('morgan');
    await user.click(await screen.findByRole('button', { name: "Start your team's playbook" }));
    const name = screen.getByLabelText(/^Playbook name/);
    await user.clear(name);
    await user.type(name, 'Team West');
    const proposal = screen.getByRole('region', { name: 'Proposal/Price Quote' });
    await user.click(within(proposal).getByRole('button', { name: 'Add requirements for Proposal/Price Quote' }));
    await user.click(within(proposal).getByRole('checkbox', { name: 'Minimum next step' }));
    await user.click(within(proposal).getByRole('checkbox', { name: 'Budget confirmed' }));
    const count = within(proposal).getByLabelText('Expected objections, at least');
    await user.clear(count);
    await user.type(count, '2');
    await user.type(within(proposal).getByLabelText(/^Guidance for the rep/), 'Ask who signs.');
    await user.click(within(proposal).getByRole('button', { name: 'Add an objection' }));
    await user.type(within(proposal).getByLabelText(/^Objection 1/), 'Too expensive');

    await waitFor(
      async () => {
        const [stage] = await db.playbookStages.toArray();
        expect(stage).toMatchObject({
          stageName: 'Proposal/Price Quote',
          requiresGoal: true,
          requiresBestNextStep: true,
          requiresMinimumNextStep: true,
          confirmBudget: true,
          minExpectedObjections: 2,
          guidance: 'Ask who signs.',
        });
        expect((await db.playbookObjections.toArray()).map((o) => [o.objection, o.stageName])).toEqual([
          ['Too expensive', 'Proposal/Price Quote'],
        ]);
      },
      { timeout: 10_000 },
    );
    expect((await db.playbooks.toArray()).map((p) => [p.name, p.ownerId])).toEqual([['Team West', userIds.morgan]]);
    expect(await db.playbookOutbox.count()).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('waiting for Salesforce'));
  });

  it("a value over Salesforce's limit is a clear error and is not saved; the rest stays", async () => {
    const { user, db } = await open('morgan', (db) => storePulledPlaybook(db, proposalPlaybook(now), userIds.morgan));
    const name = await screen.findByLabelText(/^Playbook name/);
    await user.clear(name);
    await user.click(name);
    await user.paste('x'.repeat(81));
    await user.tab();
    expect(
      await screen.findByText("Playbook name can be at most 80 characters (Salesforce's limit); it has 81"),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved: 1 field to fix'));
    expect((await db.playbooks.toArray())[0]?.name).toBe('Team West');
    expect(await db.playbookOutbox.count()).toBe(0);
  });

  it('a stage renamed in Salesforce is named, and its requirements can be moved to a stage that exists', async () => {
    const renamed = proposalPlaybook(now);
    const [stage] = renamed.stages;
    if (!stage) throw new Error('no stage');
    renamed.stages = [{ ...stage, stageName: 'Proposal Sent' }];
    const { user, db } = await open('morgan', (db) => storePulledPlaybook(db, renamed, userIds.morgan));
    const orphan = await screen.findByRole('region', { name: 'Proposal Sent' });
    expect(within(orphan).getByRole('note').textContent).toContain('no longer a stage in Salesforce');
    await user.selectOptions(within(orphan).getByRole('combobox'), 'Proposal/Price Quote');
    await waitFor(async () =>
      expect((await db.playbookStages.toArray()).map((s) => s.stageName)).toEqual(['Proposal/Price Quote']),
    );
  });

  it('Riley reads the playbook and cannot change it', async () => {
    await open('riley', (db) => storePulledPlaybook(db, proposalPlaybook(now), userIds.morgan));
    expect(await screen.findByText("You read your team's playbook, defined by Morgan Lee.")).toBeTruthy();
    const proposal = screen.getByRole('region', { name: 'Proposal/Price Quote' });
    expect(within(proposal).getByRole('checkbox', { name: 'Minimum next step' })).toHaveProperty('disabled', true);
    expect(within(proposal).getByText('Price only once the decision process is known.')).toBeTruthy();
    expect(screen.queryByLabelText(/^Playbook name/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Add/ })).toBeNull();
  });
});
