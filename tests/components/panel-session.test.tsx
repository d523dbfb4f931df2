import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Send } from '../../lib/messaging/client';
import { createBackground, renderPanel, testOrigin } from './panel-harness';

describe('panel: session', () => {
  it('asks the rep to open Salesforce in a tab when no Salesforce session exists, instead of failing', async () => {
    const background = createBackground({ user: null });
    renderPanel(background.send);

    expect(await screen.findByText('Open Salesforce in a tab to sign in')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Salesforce' }).getAttribute('href')).toBe(`${testOrigin}/`);
    expect(screen.queryByRole('button', { name: 'New call plan' })).toBeNull();
  });

  it.each([
    ['api-access-control', 'sign in to Precall with OAuth', /External Client App/],
    ['api-disabled-for-user', 'API Enabled', /API_CURRENTLY_DISABLED/],
    ['api-disabled-for-org', 'edition does not include API access', /Enterprise, Unlimited/],
    ['identity-unconfirmed', "can't confirm who you are offline", /will not guess/],
  ])('shows the %s outcome in words a rep can act on or forward', async (code, title, step) => {
    const refusing: Send = async () => ({ ok: false, error: { code, message: 'from the background' } });
    renderPanel(refusing);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('strong')?.textContent).toContain(title);
    expect(screen.getByText(step)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New call plan' })).toBeNull();
  });

  it('shows any other failure with a Retry that loads the plans once the background answers', async () => {
    const background = createBackground();
    let failures = 1;
    const flaky: Send = async (message) => {
      if (failures > 0 && (message as { type?: string }).type === 'session:get') {
        failures -= 1;
        return { ok: false, error: { code: 'offline', message: 'Salesforce could not be reached' } };
      }
      return background.send(message);
    };
    const { user } = renderPanel(flaky);

    expect(await screen.findByText('Salesforce could not be reached')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No call plans yet for this opportunity.')).toBeTruthy();
    expect(screen.getByText('riley')).toBeTruthy();
  });
});
