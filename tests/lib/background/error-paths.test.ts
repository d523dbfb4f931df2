import { describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../../lib/background/handle-message';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import { type CallPlan, newCallPlan } from '../../../lib/model/call-plan';
import { extensionId, extensionOrigin, testOrigin } from '../../support/background';

const opportunityId = '0065g00000Nwd01AAB';
const message = (type: string, payload: unknown) => ({ precall: 1, type, payload });
const sender = { id: extensionId, url: `${extensionOrigin}/panel.html` };
const session: Session = {
  orgId: '00D5g00000PrcALEAZ',
  userId: '0055g00000Rly01AAB',
  userName: 'riley@precall.demo',
  displayName: 'Riley',
  apiOrigin: testOrigin,
  dbName: `precall-errors-${crypto.randomUUID()}`,
  source: 'identity',
};

function handlerWith(db: PrecallDb) {
  return createMessageHandler({
    extensionId,
    extensionOrigin,
    allowDemo: true,
    now: () => new Date(),
    resolveSession: async () => session,
    openDb: () => db,
  });
}

describe('errors the background answers', () => {
  it.each([
    ['a full disk', Object.assign(new Error('quota'), { name: 'QuotaExceededError' })],
    ['a closed database', Object.assign(new Error('closed'), { name: 'DatabaseClosedError' })],
  ])('a storage failure (%s) is "storage", and says the save did not happen', async (_name, failure) => {
    const db = new PrecallDb(session.dbName);
    db.plans.hook('creating', () => {
      throw failure;
    });
    const plan: CallPlan = { ...newCallPlan(opportunityId, new Date()), goal: 'Goal', bestNextStep: 'Next' };
    const reply = await handlerWith(db)(message('plan:save', { origin: testOrigin, plan }), sender);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/Could not save/) },
    });
  });

  it('anything else is "internal" with its message', async () => {
    const db = new PrecallDb(session.dbName);
    db.plans.hook('creating', () => {
      throw new TypeError('boom');
    });
    const plan: CallPlan = { ...newCallPlan(opportunityId, new Date()), goal: 'Goal', bestNextStep: 'Next' };
    expect(await handlerWith(db)(message('plan:save', { origin: testOrigin, plan }), sender)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
