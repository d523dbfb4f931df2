import { describe, expect, it } from 'vitest';
import { playbookBundleSchema, stageKeyOf } from '../../../../lib/model/playbook/playbook';
import {
  matchStage,
  orphanedStages,
  type RequirementId,
  stageRequirements,
} from '../../../../lib/model/playbook/stage-requirements';
import { orgStages, playbookKey, stage } from './fixtures';

const proposal = stage('Proposal/Price Quote', {
  requiresGoal: true,
  requiresBestNextStep: true,
  requiresMinimumNextStep: true,
  minExpectedObjections: 2,
  confirmBudget: true,
  guidance: 'Price only after the decision process is known.',
});
const qualification = stage('Qualification', { confirmNeed: true });
const needsAnalysis = stage('Needs Analysis', { requiresWalkAway: true, requiresGoal: true });
const playbook = [qualification, needsAnalysis, proposal];

describe('stage matching', () => {
  it.each([
    ['the exact name', 'Proposal/Price Quote', 'exact'],
    ['a rename in spacing around the slash', 'Proposal / Price Quote', 'renamed'],
    ['a rename in case', 'proposal/price quote', 'renamed'],
    ['a stage missing from the playbook', 'Prospecting', 'missing'],
    ['a stage renamed beyond spacing', 'Proposal', 'missing'],
  ])('%s: %s → %s', (_case, stageName, kind) => {
    expect(matchStage(stageName, playbook).kind).toBe(kind);
  });

  it('prefers the exact name over a renamed one', () => {
    const spaced = stage('Proposal / Price Quote');
    const match = matchStage('Proposal / Price Quote', [proposal, spaced]);
    expect(match).toEqual({ kind: 'exact', stage: spaced });
  });

  it.each([
    ['  Negotiation  /  Review ', 'negotiation/review'],
    ['Closed - Won', 'closed-won'],
    ['Id. Decision   Makers', 'id. decision makers'],
  ])('the stage key of %j is %j', (name, key) => {
    expect(stageKeyOf(name)).toBe(key);
  });

  it('names the playbook stages no longer among the org stages', () => {
    const renamed = stage('Proposal Sent');
    expect(orphanedStages([...playbook, renamed], orgStages)).toEqual([renamed]);
    expect(orphanedStages([renamed], [])).toEqual([]);
  });
});

const ids = (stageName: string, stages = playbook, org = orgStages) =>
  stageRequirements(stageName, stages, org).requirements.map((r) => `${r.id}@${r.fromStage}`);

describe('stage requirements', () => {
  it.each<[string, string, string[]]>([
    ['before any stage asks', 'Prospecting', []],
    ['a stage asking only qualification', 'Qualification', ['need@Qualification']],
    [
      'a later stage inherits what earlier stages ask from then on',
      'Needs Analysis',
      ['goal@Needs Analysis', 'need@Qualification', 'walkAway@Needs Analysis'],
    ],
    [
      "the stage's own requirements with every inherited one",
      'Proposal/Price Quote',
      [
        'goal@Proposal/Price Quote',
        'bestNextStep@Proposal/Price Quote',
        'minimumNextStep@Proposal/Price Quote',
        'expectedObjections@Proposal/Price Quote',
        'need@Qualification',
        'budget@Proposal/Price Quote',
        'walkAway@Needs Analysis',
      ],
    ],
    [
      'a stage missing from the playbook still inherits, without its own requirements',
      'Negotiation/Review',
      ['need@Qualification', 'budget@Proposal/Price Quote', 'walkAway@Needs Analysis'],
    ],
    [
      'a renamed stage gets its playbook stage',
      'Proposal / Price Quote',
      [
        'goal@Proposal/Price Quote',
        'bestNextStep@Proposal/Price Quote',
        'minimumNextStep@Proposal/Price Quote',
        'expectedObjections@Proposal/Price Quote',
        'need@Qualification',
        'budget@Proposal/Price Quote',
        'walkAway@Needs Analysis',
      ],
    ],
  ])('%s (%s)', (_case, stageName, expected) => {
    expect(ids(stageName)).toEqual(expected);
  });

  it('a stage the org does not list has only its own requirements (no order to inherit by)', () => {
    const custom = stage('Pilot', { requiresGoal: true, confirmTiming: true });
    expect(ids('Pilot', [...playbook, custom])).toEqual(['goal@Pilot', 'timing@Pilot']);
  });

  it('renamed org stages are still ordered: the rename in the org keeps inheritance', () => {
    const renamedOrg = orgStages.map((s) =>
      s.value === 'Qualification' ? { value: 'Qualification ', label: 'Qualification' } : s,
    );
    expect(ids('Needs Analysis', playbook, renamedOrg)).toContain('need@Qualification');
  });

  it('carries the guidance, the match and the playbook stage name', () => {
    expect(stageRequirements('Proposal / Price Quote', playbook, orgStages)).toMatchObject({
      match: 'renamed',
      playbookStageName: 'Proposal/Price Quote',
      guidance: 'Price only after the decision process is known.',
    });
    expect(stageRequirements('Negotiation/Review', playbook, orgStages)).toMatchObject({
      match: 'missing',
      playbookStageName: null,
      guidance: '',
    });
  });

  it.each<[number, string]>([
    [1, 'At least 1 expected objection'],
    [3, 'At least 3 expected objections'],
  ])('asks for %i expected objections as %j', (n, label) => {
    const requirement = stageRequirements('Qualification', [stage('Qualification', { minExpectedObjections: n })], [])
      .requirements[0];
    expect(requirement).toEqual({
      id: 'expectedObjections' as RequirementId,
      label,
      fromStage: 'Qualification',
      minimum: n,
    });
  });
});

describe('the playbook bundle', () => {
  const bundle = {
    playbook: { playbookKey, name: 'Team West', isDefault: false, updatedAt: '2026-01-05T09:00:00.000Z' },
    stages: [proposal, qualification],
    objections: [],
  };

  it('accepts a playbook with distinct stages', () => {
    expect(playbookBundleSchema.safeParse(bundle).success).toBe(true);
  });

  it.each([
    [
      'the same stage twice up to spacing',
      { stages: [proposal, stage('Proposal / Price Quote')] },
      'stages.1.stageName',
    ],
    ['a name over 80 characters', { playbook: { ...bundle.playbook, name: 'x'.repeat(81) } }, 'playbook.name'],
    ['a blank name', { playbook: { ...bundle.playbook, name: '  ' } }, 'playbook.name'],
    ['guidance over 32768 characters', { stages: [{ ...proposal, guidance: 'x'.repeat(32769) }] }, 'stages.0.guidance'],
    [
      '100 expected objections',
      { stages: [{ ...proposal, minExpectedObjections: 100 }] },
      'stages.0.minExpectedObjections',
    ],
    ['a negative count', { stages: [{ ...proposal, minExpectedObjections: -1 }] }, 'stages.0.minExpectedObjections'],
    [
      'a stage of another playbook',
      { stages: [{ ...proposal, playbookKey: '33333333-3333-4333-8333-333333333333' }] },
      'stages.0.playbookKey',
    ],
  ])('refuses %s', (_case, changes, path) => {
    const result = playbookBundleSchema.safeParse({ ...bundle, ...changes });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
