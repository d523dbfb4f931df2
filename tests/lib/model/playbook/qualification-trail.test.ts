import { describe, expect, it } from 'vitest';
import { qualificationFlags, qualificationTrail } from '../../../../lib/model/playbook/qualification-trail';
import { stageRequirements } from '../../../../lib/model/playbook/stage-requirements';
import { orgStages, stage } from './fixtures';

const plan = (planKey: string, callAt: string, levels: Partial<Record<string, string>> = {}) =>
  ({
    planKey,
    callAt,
    need: 'Unknown',
    budget: 'Unknown',
    decisionProcess: 'Unknown',
    timing: 'Unknown',
    ...levels,
  }) as Parameters<typeof qualificationTrail>[0][number];

describe('qualification over time', () => {
  it('orders the plans by call and says how each item moved', () => {
    const trail = qualificationTrail([
      plan('c', '2026-03-10T10:00:00Z', { need: 'Confirmed', budget: 'At risk', timing: 'Confirmed' }),
      plan('a', '2026-03-01T10:00:00Z', { need: 'Unknown', budget: 'Confirmed' }),
      plan('b', '2026-03-05T10:00:00Z', { need: 'Confirmed', budget: 'Confirmed' }),
    ]);
    expect(trail.map((step) => step.planKey)).toEqual(['a', 'b', 'c']);
    expect(trail.map((step) => step.moved)).toEqual([{}, { need: 'better' }, { budget: 'worse', timing: 'better' }]);
    expect(trail[2]?.levels).toEqual({
      need: 'Confirmed',
      budget: 'At risk',
      decisionProcess: 'Unknown',
      timing: 'Confirmed',
    });
  });

  it.each([
    ['Unknown → At risk is worse', 'Unknown', 'At risk', 'worse'],
    ['At risk → Unknown is better', 'At risk', 'Unknown', 'better'],
    ['Confirmed → Unknown is worse', 'Confirmed', 'Unknown', 'worse'],
    ['At risk → Confirmed is better', 'At risk', 'Confirmed', 'better'],
  ])('%s', (_case, before, after, moved) => {
    const trail = qualificationTrail([
      plan('a', '2026-03-01T10:00:00Z', { need: before }),
      plan('b', '2026-03-02T10:00:00Z', { need: after }),
    ]);
    expect(trail[1]?.moved.need).toBe(moved);
  });

  it('no plans, no trail', () => {
    expect(qualificationTrail([])).toEqual([]);
  });
});

describe('a stage reached with an item still unknown or at risk', () => {
  const playbook = [
    stage('Qualification', { confirmNeed: true }),
    stage('Proposal/Price Quote', { confirmBudget: true }),
  ];
  const at = (stageName: string) => stageRequirements(stageName, playbook, orgStages);
  const levels = (changes: Record<string, string> = {}) =>
    ({ need: 'Unknown', budget: 'Unknown', decisionProcess: 'Unknown', timing: 'Unknown', ...changes }) as never;

  it.each([
    ['before any stage asks: nothing', 'Prospecting', levels(), []],
    ['need still unknown at Qualification', 'Qualification', levels(), ['need:Unknown@Qualification']],
    ['need confirmed at Qualification: nothing', 'Qualification', levels({ need: 'Confirmed' }), []],
    [
      'need and budget both asked by Proposal',
      'Proposal/Price Quote',
      levels({ budget: 'At risk' }),
      ['need:Unknown@Qualification', 'budget:At risk@Proposal/Price Quote'],
    ],
    [
      'an item at risk is flagged even when no stage asks for it',
      'Prospecting',
      levels({ timing: 'At risk' }),
      ['timing:At risk@-'],
    ],
  ])('%s', (_case, stageName, latest, expected) => {
    const flags = qualificationFlags(latest, at(stageName));
    expect(flags.map((f) => `${f.dimension}:${f.level}@${f.fromStage ?? '-'}`)).toEqual(expected);
  });

  it('an opportunity with no plan yet has every asked item unknown', () => {
    expect(qualificationFlags(null, at('Proposal/Price Quote')).map((f) => f.dimension)).toEqual(['need', 'budget']);
  });
});
