import { describe, expect, it } from 'vitest';
import { type CallPlan, newCallPlan } from '../../../lib/model/call-plan';
import { createTestBackground, extensionId, testOrigin } from '../../support/background';

const opportunityId = '0065g00000Nwd01AAB';
const message = (type: string, payload: unknown) => ({ precall: 1, type, payload });
const validPlan = (): CallPlan => ({
  ...newCallPlan(opportunityId, new Date()),
  goal: 'Agree pilot scope',
  bestNextStep: 'Pilot order',
});

describe('message handler', () => {
  it('saves and lists a plan for the signed-in rep', async () => {
    const background = createTestBackground();
    const plan = validPlan();
    expect(await background.send(message('plan:save', { origin: testOrigin, plan }))).toMatchObject({ ok: true });
    const listed = (await background.send(message('plans:list', { origin: testOrigin, opportunityId }))) as {
      data: CallPlan[];
    };
    expect(listed.data.map((p) => p.goal)).toEqual(['Agree pilot scope']);
    expect(background.writes).toHaveLength(1);
  });

  it.each([
    ['not an object', 'hello'],
    ['no envelope marker', { type: 'plans:list', payload: {} }],
    ['unknown type', message('plans:drop', { origin: testOrigin })],
    ['missing payload', message('plans:list', undefined)],
    ['bad opportunity id', message('plans:list', { origin: testOrigin, opportunityId: '<script>' })],
    ['origin not a url', message('plans:list', { origin: 'javascript:alert(1)', opportunityId })],
  ])('rejects a malformed message (%s) with an error', async (_name, bad) => {
    const reply = await createTestBackground().send(bad);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/invalid-message|forbidden-sender/) },
    });
  });

  it('refuses a 256-character goal with the field and the limit', async () => {
    const background = createTestBackground();
    const reply = await background.send(
      message('plan:save', { origin: testOrigin, plan: { ...validPlan(), goal: 'x'.repeat(256) } }),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-message', fields: { 'plan.goal': expect.stringContaining('at most 255 characters') } },
    });
    const listed = (await background.send(message('plans:list', { origin: testOrigin, opportunityId }))) as {
      data: CallPlan[];
    };
    expect(listed.data).toEqual([]);
  });

  it('refuses senders that are not ours or speak for another origin', async () => {
    const { handle } = createTestBackground();
    const request = message('plans:list', { origin: testOrigin, opportunityId });
    expect(await handle(request, { id: 'another-extension', url: `${testOrigin}/lightning/page/home` })).toMatchObject({
      error: { code: 'forbidden-sender' },
    });
    expect(await handle(request, { id: extensionId, url: 'https://evil.example/lightning/r/x' })).toMatchObject({
      error: { code: 'forbidden-sender' },
    });
    expect(
      await handle(request, { id: extensionId, url: `${testOrigin}/lightning/r/Opportunity/${opportunityId}/view` }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('answers not-signed-in when the browser has no Salesforce session', async () => {
    const reply = await createTestBackground({ user: null }).send(message('session:get', { origin: testOrigin }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('keeps reps apart: each user has a database of their own', async () => {
    const riley = await createTestBackground({ user: 'riley' }).send(message('session:get', { origin: testOrigin }));
    const sam = await createTestBackground({ user: 'sam' }).send(message('session:get', { origin: testOrigin }));
    const dbName = (reply: unknown) => (reply as { data: { dbName: string } }).data.dbName;
    expect(dbName(riley)).toMatch(/^precall-00D\w{15}-005\w{15}$/);
    expect(dbName(riley)).not.toBe(dbName(sam));
  });
});
