import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Send } from '../../lib/messaging/client';
import { createBackground, renderPanel } from './panel-harness';

describe('panel: session', () => {
  it('asks the rep to sign in when no Salesforce session exists, instead of failing', async () => {
    const background = createBackground({ user: null });
    renderPanel(background.send);

    expect(await screen.findByText('Sign in to Salesforce in this browser to use Precall')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New call plan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
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
