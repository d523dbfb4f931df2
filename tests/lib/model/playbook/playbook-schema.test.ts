import { beforeEach, describe, expect, it, vi } from 'vitest';

// The schemas are built at their first parse (z.lazy) and then kept. Each test loads the module
// afresh, so each one builds them: a broken message or limit fails the test that checks it.
let model: typeof import('../../../../lib/model/playbook/playbook');
beforeEach(async () => {
  vi.resetModules();
  model = await import('../../../../lib/model/playbook/playbook');
});

const playbookKey = '11111111-1111-4111-8111-111111111111';
const otherPlaybook = '33333333-3333-4333-8333-333333333333';
const key = (n: number) => `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;
const playbook = { playbookKey, name: 'Team West', isDefault: false, updatedAt: '2026-01-05T09:00:00.000Z' };
const stage = (n: number, changes: object = {}) => ({
  ...model.newPlaybookStage(playbookKey, `Stage ${n}`, () => key(n)),
  ...changes,
});
const objection = (n: number, changes: object = {}) => ({
  ...model.newCuratedObjection(playbookKey, n, () => key(1000 + n)),
  objection: `Objection ${n}`,
  ...changes,
});

/** Path → message of every issue, for a bundle with these changes. */
function errorsOf(changes: object): Record<string, string> | null {
  const result = model.playbookBundleSchema.safeParse({ playbook, stages: [], objections: [], ...changes });
  return result.success
    ? null
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const over = (label: string, max: number) =>
  `${label} can be at most ${max} characters (Salesforce's limit); it has ${max + 1}`;

describe('the playbook bundle says what is wrong, field by field', () => {
  it('accepts a playbook with its stages and objections', () => {
    expect(errorsOf({ stages: [stage(1), stage(2)], objections: [objection(0), objection(1)] })).toBeNull();
  });

  it('the playbook: its name, key and time', () => {
    expect(errorsOf({ playbook: { ...playbook, name: ' ', playbookKey: 'k', updatedAt: 'today' } })).toEqual({
      'playbook.name': 'Playbook name is required',
      'playbook.playbookKey': 'Not a valid key',
      'playbook.updatedAt': 'Enter a valid date and time',
    });
    expect(errorsOf({ playbook: { ...playbook, name: 'x'.repeat(81) } })).toEqual({
      'playbook.name': over('Playbook name', 80),
    });
    expect(errorsOf({ playbook: { ...playbook, name: 7 } })).toEqual({ 'playbook.name': 'Playbook name must be text' });
  });

  it('a stage: its name, guidance and the count of expected objections', () => {
    expect(
      errorsOf({
        stages: [
          stage(1, { stageName: '', guidance: 'g'.repeat(32769) }),
          stage(2, { stageName: 's'.repeat(256), minExpectedObjections: 1.5 }),
          stage(3, { minExpectedObjections: -1 }),
          stage(4, { minExpectedObjections: 100 }),
          stage(5, { minExpectedObjections: 'two' }),
        ],
      }),
    ).toEqual({
      'stages.0.stageName': 'Stage is required',
      'stages.0.guidance': over('Guidance', 32768),
      'stages.1.stageName': over('Stage', 255),
      'stages.1.minExpectedObjections': 'Expected objections must be a whole number',
      'stages.2.minExpectedObjections': 'Expected objections cannot be negative',
      'stages.3.minExpectedObjections': 'At most 99 expected objections',
      'stages.4.minExpectedObjections': 'Expected objections must be a number',
    });
    expect(errorsOf({ stages: [stage(1, { minExpectedObjections: 99 })] })).toBeNull();
  });

  it('a curated objection: its wording, response, stage and place', () => {
    expect(
      errorsOf({
        objections: [
          objection(0, { objection: '  ', response: 'r'.repeat(32769) }),
          objection(1, { stageName: 's'.repeat(256), sortOrder: 10000 }),
          objection(2, { objection: 'o'.repeat(256), sortOrder: -1 }),
        ],
      }),
    ).toMatchObject({
      'objections.0.objection': 'Objection is required',
      'objections.0.response': over('Recommended response', 32768),
      'objections.1.stageName': over('Stage', 255),
      'objections.1.sortOrder': expect.any(String),
      'objections.2.objection': over('Objection', 255),
      'objections.2.sortOrder': expect.any(String),
    });
    expect(errorsOf({ objections: [objection(9999, { stageName: '' })] })).toBeNull();
  });

  it('stages and objections belong to the playbook, and a stage comes once', () => {
    expect(
      errorsOf({
        stages: [stage(1, { playbookKey: otherPlaybook }), stage(2, { stageName: ' stage   1 ' })],
        objections: [objection(0, { playbookKey: otherPlaybook })],
      }),
    ).toEqual({
      'stages.0.playbookKey': 'Belongs to another playbook',
      'stages.1.stageName': '" stage   1 " is already in this playbook',
      'objections.0.playbookKey': 'Belongs to another playbook',
    });
  });

  it('holds at most 100 stages and 200 objections', () => {
    const stages = (n: number) => Array.from({ length: n }, (_, i) => stage(i));
    const objections = (n: number) => Array.from({ length: n }, (_, i) => objection(i));
    expect(errorsOf({ stages: stages(100), objections: objections(200) })).toBeNull();
    expect(Object.keys(errorsOf({ stages: stages(101), objections: objections(201) }) ?? {})).toEqual([
      'stages',
      'objections',
    ]);
  });
});
