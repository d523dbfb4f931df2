import { describe, expect, it, vi } from 'vitest';
import { isSidePanelRequest, openSidePanelFor } from '../../../lib/background/open-side-panel';
import { openSidePanelRequest } from '../../../lib/messaging/side-panel-messages';

const extensionId = 'precalltestextensionid';
const refusal = { ok: false, error: 'Only a Salesforce page with Precall can open its side panel' };

describe('the side panel request', () => {
  it.each<[string, unknown, boolean]>([
    ['the request the content script sends', openSidePanelRequest, true],
    ['another version of the envelope', { precall: 2, type: 'side-panel:open' }, false],
    ['another type', { precall: 1, type: 'plans:list' }, false],
    ['an extra key', { precall: 1, type: 'side-panel:open', tabId: 7 }, false],
    ['nothing', undefined, false],
    ['a string', 'side-panel:open', false],
  ])('%s', (_name, message, accepted) => {
    expect(isSidePanelRequest(message)).toBe(accepted);
  });
});

describe('opening the side panel beside the tab that asked', () => {
  it('opens it on the sender tab', async () => {
    const open = vi.fn(async () => {});
    const answer = await openSidePanelFor({ id: extensionId, tab: { id: 42 } }, extensionId, { open });
    expect(answer).toEqual({ ok: true });
    expect(open).toHaveBeenCalledExactlyOnceWith({ tabId: 42 });
  });

  it('opens it on tab 0 too (a real tab id)', async () => {
    const open = vi.fn(async () => {});
    expect(await openSidePanelFor({ id: extensionId, tab: { id: 0 } }, extensionId, { open })).toEqual({ ok: true });
    expect(open).toHaveBeenCalledExactlyOnceWith({ tabId: 0 });
  });

  it.each<[string, { id?: string; tab?: { id?: number } }]>([
    ['another extension', { id: 'someoneelse', tab: { id: 42 } }],
    ['an extension page with no tab', { id: extensionId }],
    ['a tab without an id', { id: extensionId, tab: {} }],
  ])('refuses %s without opening anything', async (_name, sender) => {
    const open = vi.fn(async () => {});
    expect(await openSidePanelFor(sender, extensionId, { open })).toEqual(refusal);
    expect(open).not.toHaveBeenCalled();
  });

  it("passes Chrome's refusal on in words", async () => {
    const open = vi.fn(async () => {
      throw new Error('`sidePanel.open()` may only be called in response to a user gesture.');
    });
    expect(await openSidePanelFor({ id: extensionId, tab: { id: 3 } }, extensionId, { open })).toEqual({
      ok: false,
      error: '`sidePanel.open()` may only be called in response to a user gesture.',
    });
  });
});
