import { describe, expect, it } from 'vitest';
import { type CallPlan, newCallPlan } from '../../../lib/model/call-plan';
import { createTestBackground, testOrigin } from '../../support/background';

const opportunityId = '0065g00000Nwd01AAB';
const message = (type: string, payload: unknown) => ({ precall: 1, type, payload });

describe('two users on one browser', () => {
  it("never see each other's plans: written as Riley, read as Sam, through the real handler and databases", async () => {
    const background = createTestBackground({ user: 'riley' });
    const plan: CallPlan = { ...newCallPlan(opportunityId, new Date()), goal: "Riley's goal", bestNextStep: 'Next' };
    expect(await background.send(message('plan:save', { origin: testOrigin, plan }))).toMatchObject({ ok: true });

    background.signInAs('sam');
    const asSam = (await background.send(message('plans:list', { origin: testOrigin, opportunityId }))) as {
      ok: boolean;
      data: CallPlan[];
    };
    expect(asSam).toMatchObject({ ok: true, data: [] });
    const samSummary = (await background.send(
      message('summaries:get', { origin: testOrigin, opportunityIds: [opportunityId] }),
    )) as { data: Record<string, { status: { kind: string } }> };
    expect(samSummary.data[opportunityId]?.status.kind).toBe('no-plan');

    background.signInAs('riley');
    const asRiley = (await background.send(message('plans:list', { origin: testOrigin, opportunityId }))) as {
      data: CallPlan[];
    };
    expect(asRiley.data.map((p) => p.goal)).toEqual(["Riley's goal"]);
  });
});
