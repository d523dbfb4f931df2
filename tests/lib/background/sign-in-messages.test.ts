import { describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '../../../lib/background/handle-message';
import { extensionId, extensionOrigin, testOrigin } from '../../support/background';

const message = (type: string, payload: unknown) => ({ precall: 1, type, payload });

function handlerWith() {
  const accounts = vi.fn(async () => ({ accounts: [], callbackUrl: `${extensionOrigin}/oauth.html` }));
  const start = vi.fn(async () => ({ authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize' }));
  const refuse = async () => {
    throw new Error('not in this test');
  };
  const handle = createMessageHandler({
    extensionId,
    extensionOrigin,
    allowDemo: true,
    now: () => new Date(),
    resolveSession: refuse,
    openDb: () => {
      throw new Error('no database');
    },
    signIn: {
      'signin:accounts': accounts,
      'oauth:start': start,
      'oauth:complete': refuse,
      'org:check': refuse,
      'account:sign-out': refuse,
      'account:forget': refuse,
    },
  });
  return { handle, accounts, start };
}

describe('sign-in messages: from Precall’s own top-level pages only', () => {
  it('the options page lists accounts and starts OAuth', async () => {
    const { handle, start } = handlerWith();
    const options = { id: extensionId, url: `${extensionOrigin}/options.html` };
    expect(await handle(message('signin:accounts', {}), options)).toMatchObject({ ok: true });
    expect(
      await handle(message('oauth:start', { loginUrl: 'https://test.salesforce.com', clientId: 'key' }), options),
    ).toMatchObject({ ok: true });
    expect(start).toHaveBeenCalledWith({ loginUrl: 'https://test.salesforce.com', clientId: 'key' });
  });

  it.each([
    ['a content script', { id: extensionId, url: `${testOrigin}/lightning/page/home` }],
    [
      'the framed panel',
      { id: extensionId, url: `${extensionOrigin}/panel.html`, tab: { url: `${testOrigin}/x` }, frameId: 2 },
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/options.html' }],
  ])('%s is refused', async (_name, sender) => {
    const { handle, accounts } = handlerWith();
    expect(await handle(message('signin:accounts', {}), sender)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(accounts).not.toHaveBeenCalled();
  });

  it('an OAuth start without a consumer key is refused with the reason', async () => {
    const { handle } = handlerWith();
    const reply = await handle(message('oauth:start', { loginUrl: 'https://login.salesforce.com', clientId: ' ' }), {
      id: extensionId,
      url: `${extensionOrigin}/options.html`,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-message', fields: { clientId: 'Enter the consumer key' } },
    });
  });
});
