import { describe, expect, it, vi } from 'vitest';
import { createSessionResolver, type Identity, type SessionSources } from '../../../lib/salesforce/resolve-session';

const identity: Identity = {
  orgId: '00D5g00000PrcALEAZ',
  userId: '0055g00000Rly01AAB',
  userName: 'riley@precall.demo',
  displayName: 'Riley Chen',
};
const origin = 'https://acme.lightning.force.com';

function sources(overrides: Partial<SessionSources> = {}): SessionSources {
  return {
    sidCookie: vi.fn(async () => '00D5g00000PrcAL!AQ4AQFz1'),
    identity: vi.fn(async () => identity),
    cachedIdentity: vi.fn(async () => null),
    rememberIdentity: vi.fn(async () => {}),
    now: () => new Date('2026-03-10T12:00:00Z'),
    ...overrides,
  };
}

describe('resolveSession', () => {
  it('reads the sid cookie of the API host and names the database after org and user', async () => {
    const s = sources();
    const session = await createSessionResolver(s)(origin);
    expect(s.sidCookie).toHaveBeenCalledWith('https://acme.my.salesforce.com');
    expect(session).toMatchObject({ dbName: 'precall-00D5g00000PrcALEAZ-0055g00000Rly01AAB', source: 'identity' });
  });

  it('asks Salesforce once per session within ten minutes', async () => {
    const s = sources();
    const resolve = createSessionResolver(s);
    await resolve(origin);
    await resolve(origin);
    expect(s.identity).toHaveBeenCalledTimes(1);
  });

  it.each([[null], ['not-a-session'], ['001000000000000!x']])(
    'without a valid sid (%s) answers not-signed-in',
    async (sid) => {
      await expect(createSessionResolver(sources({ sidCookie: async () => sid }))(origin)).rejects.toMatchObject({
        code: 'not-signed-in',
      });
    },
  );

  it('treats an expired session as signed out', async () => {
    const expired = Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' });
    await expect(
      createSessionResolver(sources({ identity: async () => Promise.reject(expired) }))(origin),
    ).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('offline, falls back to the identity last confirmed for the org', async () => {
    const offline = sources({
      identity: async () => Promise.reject(new TypeError('Failed to fetch')),
      cachedIdentity: async () => identity,
    });
    expect(await createSessionResolver(offline)(origin)).toMatchObject({ userId: identity.userId, source: 'cached' });
    const neverSeen = sources({ identity: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(createSessionResolver(neverSeen)(origin)).rejects.toMatchObject({ code: 'offline' });
  });

  it('after ten minutes answers at once and re-confirms in the background, once', async () => {
    let now = new Date('2026-03-10T12:00:00Z');
    const s = sources({ now: () => now });
    const resolve = createSessionResolver(s);
    await resolve(origin);
    now = new Date('2026-03-10T12:11:00Z');
    const answers = await Promise.all([resolve(origin), resolve(origin), resolve(origin)]);
    expect(answers.every((a) => a.userId === identity.userId)).toBe(true);
    expect(s.identity).toHaveBeenCalledTimes(2);
  });

  it('a session Salesforce rejects when re-confirming is signed out from the next message on', async () => {
    let now = new Date('2026-03-10T12:00:00Z');
    let valid = true;
    const expired = Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' });
    const s = sources({ now: () => now, identity: vi.fn(async () => (valid ? identity : Promise.reject(expired))) });
    const resolve = createSessionResolver(s);
    await resolve(origin);
    valid = false;
    now = new Date('2026-03-10T12:11:00Z');
    await resolve(origin);
    await vi.waitFor(() => expect(s.identity).toHaveBeenCalledTimes(2));
    await new Promise((settle) => setTimeout(settle, 0));
    await expect(resolve(origin)).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('does not keep the rep waiting on a slow identity service when the org was seen before', async () => {
    const slow = sources({ identity: () => new Promise<Identity>(() => {}), cachedIdentity: async () => identity });
    const started = Date.now();
    expect(await createSessionResolver(slow, 20)(origin)).toMatchObject({ userId: identity.userId, source: 'cached' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
