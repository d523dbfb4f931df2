import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DockedPanel } from '../../entrypoints/panel/docked-panel';
import { request, type Send } from '../../lib/messaging/client';
import { newCallPlan } from '../../lib/model/call-plan';
import { clock, createBackground, now, opportunityA, opportunityB, testOrigin } from './panel-harness';

/** The panel as the dock frames it in a Salesforce page. */
function renderDocked(send: Send, opportunityId = opportunityA) {
  const user = userEvent.setup();
  render(<DockedPanel send={send} origin={testOrigin} opportunityId={opportunityId} now={clock} />);
  return { user };
}

async function seedPlan(send: Send, opportunityId: string, goal: string) {
  const plan = { ...newCallPlan(opportunityId, now), goal, bestNextStep: 'Pilot order signed' };
  await request(send, 'plan:save', { origin: testOrigin, plan });
}

function postFromFrame(data: unknown, origin: string, source: Window | null) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

afterEach(() => vi.restoreAllMocks());

describe('panel: talking with the framing page', () => {
  it('switches opportunity on a message from the framing Salesforce page, and ignores other senders', async () => {
    const background = createBackground();
    await seedPlan(background.send, opportunityA, 'Goal on opportunity A');
    await seedPlan(background.send, opportunityB, 'Goal on opportunity B');
    renderDocked(background.send, opportunityA);
    expect(await screen.findByText('Goal on opportunity A')).toBeTruthy();

    const switchToB = { type: 'precall:opportunity', opportunityId: opportunityB };
    // In the test the panel is the top window, so its parent is itself.
    postFromFrame(switchToB, 'https://evil.example', window.parent);
    postFromFrame(switchToB, testOrigin, null);
    expect(screen.queryByText('Loading call plans…')).toBeNull();
    expect(screen.getByText('Goal on opportunity A')).toBeTruthy();

    postFromFrame(switchToB, testOrigin, window.parent);
    expect(await screen.findByText('Goal on opportunity B')).toBeTruthy();
    expect(screen.queryByText('Goal on opportunity A')).toBeNull();
  });

  it("asks for the new opportunity's plans in the task of the page's message, before any render", async () => {
    const background = createBackground();
    const send = vi.fn(background.send);
    renderDocked(send, opportunityA);
    expect(await screen.findByText('No call plans yet for this opportunity.')).toBeTruthy();
    send.mockClear();

    window.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'precall:opportunity', opportunityId: opportunityB },
        origin: testOrigin,
        source: window.parent,
      }),
    );
    const asked = send.mock.calls.map(([message]) => message as { type: string; payload: { opportunityId?: string } });
    expect(asked).toContainEqual(
      expect.objectContaining({
        type: 'plans:list',
        payload: expect.objectContaining({ opportunityId: opportunityB }),
      }),
    );
    await act(async () => {});
  });

  it('going back to an opportunity shows its plans at once, then what changed meanwhile', async () => {
    const background = createBackground();
    await seedPlan(background.send, opportunityA, 'Goal on opportunity A');
    await seedPlan(background.send, opportunityB, 'Goal on opportunity B');
    renderDocked(background.send, opportunityA);
    expect(await screen.findByText('Goal on opportunity A')).toBeTruthy();
    postFromFrame({ type: 'precall:opportunity', opportunityId: opportunityB }, testOrigin, window.parent);
    expect(await screen.findByText('Goal on opportunity B')).toBeTruthy();
    // Written elsewhere (a sync pull, the side panel) while the rep looked at B.
    await seedPlan(background.send, opportunityA, 'Second goal on opportunity A');

    postFromFrame({ type: 'precall:opportunity', opportunityId: opportunityA }, testOrigin, window.parent);
    // No answer from the background awaited: the list shown last time is back in the same task.
    expect(screen.getByText('Goal on opportunity A')).toBeTruthy();
    expect(screen.queryByText('Loading call plans…')).toBeNull();
    expect(screen.queryByText('Goal on opportunity B')).toBeNull();
    expect(await screen.findByText('Second goal on opportunity A')).toBeTruthy();
  });

  it('asks the framing page to collapse the panel, on its own origin only', async () => {
    const background = createBackground();
    const post = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => {});
    const { user } = renderDocked(background.send);

    await user.click(screen.getByRole('button', { name: 'Collapse Precall' }));
    expect(post).toHaveBeenCalledWith({ type: 'precall:collapse' }, testOrigin);
  });
});
