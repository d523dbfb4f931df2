import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PendingChanges } from '../../components/pending-changes';
import { formatCallAt } from '../../components/plan-list';
import type { PendingChange } from '../../lib/messaging/protocol';
import { createBackground, plansOf, recording, renderPanel, seedPlan } from './panel-harness';

/** A choice's accessible name: the side, then its value (read as two words or one, both fine). */
const side = (who: 'Mine' | 'Salesforce', value: string) => new RegExp(`^${who}\\s*${value.replace(/[()]/g, '\\$&')}$`);

const planKey = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const objectionKey = '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const callAt = '2026-03-04T09:00:00.000Z';

function change(overrides: Partial<PendingChange>): PendingChange {
  return {
    planKey,
    opportunityId: null,
    opportunityName: null,
    goal: 'Agree on the pilot scope',
    callAt: null,
    state: 'waiting',
    deletedHere: false,
    problems: [],
    ...overrides,
  };
}

function renderList(changes: PendingChange[]) {
  const onResolveConflict = vi.fn();
  const onResolveRejection = vi.fn();
  const view = render(
    <PendingChanges changes={changes} onResolveConflict={onResolveConflict} onResolveRejection={onResolveRejection} />,
  );
  return { ...view, onResolveConflict, onResolveRejection, user: userEvent.setup() };
}

describe('pending changes: each plan not in Salesforce as it is here', () => {
  it('says when every change is in Salesforce', () => {
    renderList([]);
    expect(screen.getByRole('region', { name: 'Pending changes' })).toBeTruthy();
    expect(screen.getByText('Every change is in Salesforce.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('a waiting plan: its goal, call time and opportunity, and nothing to do', () => {
    renderList([change({ callAt, opportunityName: 'Globex renewal' })]);
    const item = screen.getByRole('listitem');
    expect(item.querySelector('.pending-title')?.textContent).toBe(
      `Agree on the pilot scope · ${formatCallAt(callAt)} · Globex renewal`,
    );
    expect(within(item).getByText('Waiting to sync')).toBeTruthy();
    expect(within(item).getByText('Nothing to do: it goes with the next sync.')).toBeTruthy();
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it('a plan without a goal is still named, and one deleted here says so', () => {
    renderList([change({ goal: '   ', deletedHere: true })]);
    expect(screen.getByText('Call plan without a goal')).toBeTruthy();
    expect(screen.getByText('Waiting to sync (deleted here)')).toBeTruthy();
  });

  it("a refused change: Salesforce's message with the fields, send again or discard", async () => {
    const { user, onResolveRejection, onResolveConflict } = renderList([
      change({
        state: 'rejected',
        problems: [
          {
            kind: 'rejected',
            table: 'objections',
            key: objectionKey,
            record: 'Objection “Too expensive”',
            code: 'STRING_TOO_LONG',
            message: 'data value too large',
            fields: ['Planned response'],
          },
        ],
      }),
    ]);
    expect(screen.getByText('Refused by Salesforce')).toBeTruthy();
    expect(screen.getByText('Objection “Too expensive”: data value too large (Planned response)')).toBeTruthy();
    expect(screen.queryByText('Nothing to do: it goes with the next sync.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send again' }));
    expect(onResolveRejection).toHaveBeenLastCalledWith('objections', objectionKey, 'retry');
    await user.click(screen.getByRole('button', { name: 'Discard my change' }));
    expect(onResolveRejection).toHaveBeenLastCalledWith('objections', objectionKey, 'discard');
    expect(onResolveConflict).not.toHaveBeenCalled();
  });

  it('a refusal that names no field names none', () => {
    renderList([
      change({
        state: 'rejected',
        problems: [
          {
            kind: 'rejected',
            table: 'plans',
            key: planKey,
            record: 'Call plan',
            code: 'X',
            message: 'No.',
            fields: [],
          },
        ],
      }),
    ]);
    expect(screen.getByText('Call plan: No.')).toBeTruthy();
  });

  it('a conflict: the card for the record, its choice sent for that record', async () => {
    const { user, onResolveConflict, onResolveRejection } = renderList([
      change({
        state: 'conflict',
        problems: [
          {
            kind: 'conflict',
            table: 'plans',
            key: planKey,
            record: 'Call plan',
            remoteDeleted: false,
            localDeleted: false,
            fields: [{ field: 'goal', label: 'Goal', base: 'a', local: 'mine', remote: 'theirs' }],
          },
        ],
      }),
    ]);
    expect(screen.getByText('Changed in Salesforce too')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: side('Salesforce', 'theirs') }));
    await user.click(screen.getByRole('button', { name: 'Keep these values' }));
    expect(onResolveConflict).toHaveBeenCalledExactlyOnceWith('plans', planKey, {
      kind: 'fields',
      choices: { goal: 'remote' },
    });
    expect(onResolveRejection).not.toHaveBeenCalled();
  });

  it('hostile goals, names and messages stay text', () => {
    const hostile = '<img src=x onerror="window.hacked=1">';
    const { container } = renderList([
      change({
        goal: hostile,
        opportunityName: `<a href="javascript:alert(1)">Globex</a>`,
        state: 'rejected',
        problems: [
          {
            kind: 'rejected',
            table: 'plans',
            key: planKey,
            record: 'Call plan',
            code: 'X',
            message: hostile,
            fields: [],
          },
        ],
      }),
    ]);
    expect(container.querySelector('img, a')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText(`Call plan: ${hostile}`)).toBeTruthy();
  });
});

describe('pending changes in the panel: the background does what the rep chose', () => {
  async function withConflict() {
    const background = createBackground();
    const plan = await seedPlan(background.send, { goal: 'Agree on the pilot scope' });
    const db = background.db();
    if (!db) throw new Error('the background opened no database');
    await db.conflicts.put({
      table: 'plans',
      key: plan.planKey,
      planKey: plan.planKey,
      fields: [{ field: 'goal', base: 'Agree on scope', local: 'Agree on the pilot scope', remote: 'Agree on price' }],
      remoteDeleted: false,
      remoteModstamp: '2026-03-02T09:00:00.000Z',
      detectedAt: '2026-03-02T09:30:00.000Z',
    });
    return { background, plan, db };
  }

  it('lists the conflict from the background and resolves it with conflict:resolve', async () => {
    const { background, plan, db } = await withConflict();
    const sent = recording(background.send);
    const payloads: unknown[] = [];
    const { user } = renderPanel(async (message) => {
      if ((message as { type: string }).type === 'conflict:resolve')
        payloads.push((message as { payload: unknown }).payload);
      return sent.send(message);
    });

    await user.click(await screen.findByRole('button', { name: '1 to resolve' }));
    const region = await screen.findByRole('region', { name: 'Pending changes' });
    expect(await within(region).findByText('Changed in Salesforce too')).toBeTruthy();
    await user.click(within(region).getByRole('radio', { name: side('Salesforce', 'Agree on price') }));
    await user.click(within(region).getByRole('button', { name: 'Keep these values' }));

    await waitFor(async () => expect(await db.conflicts.count()).toBe(0));
    expect(payloads).toEqual([
      {
        origin: expect.any(String),
        table: 'plans',
        key: plan.planKey,
        resolution: { kind: 'fields', choices: { goal: 'remote' } },
      },
    ]);
    expect((await plansOf(background.send)).map((p) => p.goal)).toEqual(['Agree on price']);
    // The list and the line follow: nothing left to resolve, the kept value waits to go.
    expect(await within(region).findByText('Waiting to sync')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '1 waiting' })).toBeTruthy();
    expect(sent.types).toContain('sync:changes');
  });

  it('discards a refused change with rejection:resolve and says so when the background refuses', async () => {
    const background = createBackground();
    const plan = await seedPlan(background.send, { goal: 'Agree on the pilot scope' });
    const db = background.db();
    if (!db) throw new Error('the background opened no database');
    await db.rejections.put({
      table: 'plans',
      key: plan.planKey,
      planKey: plan.planKey,
      seq: 1,
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Goal must name a date',
      fields: ['Goal__c'],
      at: '2026-03-02T09:30:00.000Z',
    });
    const payloads: unknown[] = [];
    const { user } = renderPanel(async (message) => {
      if ((message as { type: string }).type === 'rejection:resolve') {
        payloads.push((message as { payload: unknown }).payload);
      }
      return background.send(message);
    });
    await user.click(await screen.findByRole('button', { name: '1 refused' }));
    expect(await screen.findByText('Call plan: Goal must name a date (Goal)')).toBeTruthy();

    // Resolved elsewhere meanwhile (the rep's other panel): the background says so, the panel shows it.
    await db.rejections.clear();
    await user.click(screen.getByRole('button', { name: 'Discard my change' }));
    expect(await screen.findByText('This change is no longer refused')).toBeTruthy();
    expect(payloads).toEqual([{ origin: expect.any(String), table: 'plans', key: plan.planKey, action: 'discard' }]);
  });
});
