import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../entrypoints/panel/app';
import { request, type Send } from '../../lib/messaging/client';
import { type CallPlan, newCallPlan, newObjection, type Objection } from '../../lib/model/call-plan';
import { to18 } from '../../lib/model/record-id';
import { createTestBackground, testOrigin } from '../support/background';

export { testOrigin };

// The first request opens a Dexie database on fake-indexeddb, which is slow when every test file
// runs at once; waits still end as soon as the panel shows what they look for.
configure({ asyncUtilTimeout: 5000 });
// A test types like a rep and waits for real autosaves, so it needs more than the default 5 s
// (on a machine shared with other test runs, typing alone can take tens of seconds).
vi.setConfig({ testTimeout: 45_000 });

/** A fixed clock: plans, statuses and "after the fact" all read it. */
export const now = new Date('2026-03-02T10:00:00.000Z');
export const clock = () => now;

export const opportunityA = to18('0065g00000PcAaA');
export const opportunityB = to18('0065g00000PcBbB');

export function createBackground(options: Parameters<typeof createTestBackground>[0] = {}) {
  return createTestBackground({ now: clock, ...options });
}

/** Records every message type the panel sent, so a test can say what never left it. */
export function recording(send: Send): { send: Send; types: string[] } {
  const types: string[] = [];
  return {
    types,
    send: (message) => {
      types.push((message as { type: string }).type);
      return send(message);
    },
  };
}

export function renderPanel(send: Send, opportunityId = opportunityA) {
  const user = userEvent.setup();
  const view = render(<App send={send} origin={testOrigin} opportunityId={opportunityId} now={clock} />);
  return { user, ...view };
}

export function plansOf(send: Send, opportunityId = opportunityA): Promise<CallPlan[]> {
  return request(send, 'plans:list', { origin: testOrigin, opportunityId });
}

/** Waits for the background to hold what the test expects (autosave settles on its own). */
export async function waitForSaved(send: Send, check: (plans: CallPlan[]) => void, opportunityId = opportunityA) {
  await waitFor(async () => check(await plansOf(send, opportunityId)), { timeout: 8000 });
}

export async function openNewPlan(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New call plan' }));
}

/** Pasting, not typing: faster, and user-event would read `<` and `{` in typed text as key names. */
export async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

/** The text a screen reader reads after a control's name (its `aria-describedby` targets). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

export function inputValue(element: HTMLElement): string {
  return (element as HTMLInputElement).value;
}

/** Saves a plan through the background as an earlier visit would have; returns it. */
export async function seedPlan(
  send: Send,
  fields: Partial<Omit<CallPlan, 'objections'>> & { objections?: Partial<Objection>[] },
  opportunityId = opportunityA,
): Promise<CallPlan> {
  const { objections = [], ...rest } = fields;
  const plan: CallPlan = {
    ...newCallPlan(opportunityId, now),
    goal: 'Agree on the pilot scope',
    bestNextStep: 'Pilot order signed',
    ...rest,
    objections: objections.map((objection, index) => ({ ...newObjection(index, true), ...objection })),
  };
  await request(send, 'plan:save', { origin: testOrigin, plan });
  return plan;
}
