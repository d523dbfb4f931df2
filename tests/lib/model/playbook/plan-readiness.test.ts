import { describe, expect, it } from 'vitest';
import { type PlanContent, planReadiness } from '../../../../lib/model/playbook/plan-readiness';
import { stageRequirements } from '../../../../lib/model/playbook/stage-requirements';
import { complete, content, orgStages, stage } from './fixtures';

const everything = stage('Proposal/Price Quote', {
  requiresGoal: true,
  requiresBuyerReason: true,
  requiresBestNextStep: true,
  requiresMinimumNextStep: true,
  minExpectedObjections: 2,
  confirmNeed: true,
  confirmBudget: true,
  confirmDecisionProcess: true,
  confirmTiming: true,
  requiresWalkAway: true,
});
const atProposal = stageRequirements('Proposal/Price Quote', [everything], orgStages);

describe('is a plan ready for its stage', () => {
  it('a plan holding everything is ready', () => {
    const readiness = planReadiness(complete, atProposal);
    expect(readiness).toMatchObject({ kind: 'ready', missing: 0 });
    expect(readiness.items.every((item) => item.done)).toBe(true);
  });

  it.each<[string, Partial<PlanContent>, string]>([
    ['no goal', { goal: '' }, 'goal'],
    ['a goal of spaces', { goal: '   ' }, 'goal'],
    ["no buyer's reason", { buyerReason: '' }, 'buyerReason'],
    ['no best next step', { bestNextStep: '' }, 'bestNextStep'],
    ['no minimum next step', { minimumNextStep: '' }, 'minimumNextStep'],
    ['no walk-away', { walkAway: '' }, 'walkAway'],
    ['need unknown', { need: 'Unknown' }, 'need'],
    ['budget at risk', { budget: 'At risk' }, 'budget'],
    ['decision process unknown', { decisionProcess: 'Unknown' }, 'decisionProcess'],
    ['timing at risk', { timing: 'At risk' }, 'timing'],
    [
      'one expected objection of two',
      { objections: [{ objection: 'Too expensive', expected: true }] },
      'expectedObjections',
    ],
    [
      'surprises do not count as expected',
      {
        objections: [
          { objection: 'A', expected: true },
          { objection: 'B', expected: false },
        ],
      },
      'expectedObjections',
    ],
    [
      'blank objections do not count',
      {
        objections: [
          { objection: 'A', expected: true },
          { objection: ' ', expected: true },
        ],
      },
      'expectedObjections',
    ],
  ])('%s: not ready, %s missing', (_case, changes, missingId) => {
    const readiness = planReadiness({ ...complete, ...changes }, atProposal);
    expect(readiness.kind).toBe('not-ready');
    expect(readiness.missing).toBe(1);
    expect(readiness.items.filter((item) => !item.done).map((item) => item.id)).toEqual([missingId]);
  });

  it('counts the expected objections it holds', () => {
    const readiness = planReadiness(content({ objections: [{ objection: 'A', expected: true }] }), atProposal);
    expect(readiness.items.find((item) => item.id === 'expectedObjections')).toMatchObject({ count: 1, done: false });
  });

  it('an empty plan misses every requirement', () => {
    expect(planReadiness(content(), atProposal)).toMatchObject({ kind: 'not-ready', missing: 10 });
  });

  it.each([
    ['no playbook at all', null],
    ['a stage the playbook asks nothing of', stageRequirements('Prospecting', [everything], orgStages)],
    ['a playbook stage asking nothing', stageRequirements('Prospecting', [stage('Prospecting')], orgStages)],
  ])('%s: no playbook, nothing to check', (_case, requirements) => {
    expect(planReadiness(content(), requirements)).toEqual({ kind: 'no-playbook', items: [], missing: 0 });
  });

  it('a stage missing from the playbook is judged on what earlier stages ask from then on', () => {
    const requirements = stageRequirements('Negotiation/Review', [everything], orgStages);
    expect(requirements.match).toBe('missing');
    const readiness = planReadiness(content({ need: 'Confirmed' }), requirements);
    expect(readiness.items.map((item) => item.id)).toEqual(['need', 'budget', 'decisionProcess', 'timing', 'walkAway']);
    expect(readiness.missing).toBe(4);
  });

  it('a renamed stage is judged by its playbook stage', () => {
    const requirements = stageRequirements('Proposal / Price Quote', [everything], orgStages);
    expect(planReadiness(complete, requirements).kind).toBe('ready');
    expect(planReadiness(content(), requirements).kind).toBe('not-ready');
  });
});
