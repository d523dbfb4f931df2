import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldLimits } from '../../../lib/model/field-limits';
import { to18 } from '../../../lib/model/record-id';

// The schemas are built at their first parse (z.lazy) and then kept. Each test loads the module
// afresh, so each one builds them: a broken message or limit fails the test that checks it,
// whichever test happened to parse first.
let model: typeof import('../../../lib/model/call-plan');
beforeEach(async () => {
  vi.resetModules();
  model = await import('../../../lib/model/call-plan');
});
const validateCallPlan = (plan: unknown) => model.validateCallPlan(plan);
const newCallPlan = (...args: Parameters<typeof model.newCallPlan>) => model.newCallPlan(...args);
const newObjection = (...args: Parameters<typeof model.newObjection>) => model.newObjection(...args);

const opportunityId = to18('0065g00000Nwd01');
const now = new Date('2026-03-10T09:41:27.123Z');
const key = '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b';
const filled = () => ({
  ...newCallPlan(opportunityId, now, () => key),
  goal: 'Agree the pilot scope',
  bestNextStep: 'Signed pilot order',
});

describe('validateCallPlan', () => {
  it('accepts a filled plan', () => {
    expect(validateCallPlan(filled())).toMatchObject({ ok: true, plan: { goal: 'Agree the pilot scope' } });
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['only a tab and a line break', '\t\n'],
  ])('a goal that is %s is not filled', (_case, goal) => {
    expect(validateCallPlan({ ...filled(), goal })).toEqual({ ok: false, errors: { goal: 'Goal is required' } });
  });

  it('a best next step of only spaces is not filled either', () => {
    expect(validateCallPlan({ ...filled(), bestNextStep: '  ' })).toEqual({
      ok: false,
      errors: { bestNextStep: 'Best next step is required' },
    });
  });

  it('a goal with words and spaces around them is filled', () => {
    expect(validateCallPlan({ ...filled(), goal: '  Agree scope  ' }).ok).toBe(true);
  });

  it('an optional text of only spaces is fine', () => {
    expect(validateCallPlan({ ...filled(), buyerReason: '   ' }).ok).toBe(true);
  });

  it('names the limit and the length of a text that is too long', () => {
    const result = validateCallPlan({ ...filled(), goal: 'x'.repeat(256) });
    expect(result).toEqual({
      ok: false,
      errors: { goal: "Goal can be at most 255 characters (Salesforce's limit); it has 256" },
    });
  });

  it.each<[string, keyof typeof fieldLimits, string]>([
    ['goal', 'goal', 'Goal'],
    ['buyerReason', 'buyerReason', "Buyer's reason"],
    ['bestNextStep', 'bestNextStep', 'Best next step'],
    ['minimumNextStep', 'minimumNextStep', 'Minimum next step'],
    ['questions', 'questions', 'Questions'],
    ['walkAway', 'walkAway', 'Walk-away'],
    ['actualNextStep', 'actualNextStep', 'Actual next step'],
    ['outcomeNotes', 'outcomeNotes', 'Outcome notes'],
    ['coachNote', 'coachNote', 'Coaching note'],
  ])('names %s by its label when it is over its limit', (field, limit, label) => {
    const max = fieldLimits[limit];
    expect(validateCallPlan({ ...filled(), [field]: 'x'.repeat(max + 1) })).toEqual({
      ok: false,
      errors: { [field]: `${label} can be at most ${max} characters (Salesforce's limit); it has ${max + 1}` },
    });
  });

  it('names the fields of an objection by their labels', () => {
    const objection = {
      ...newObjection(0, true, () => key),
      objection: 'o'.repeat(fieldLimits.objection + 1),
      response: 'r'.repeat(fieldLimits.response + 1),
    };
    expect(validateCallPlan({ ...filled(), objections: [objection] })).toEqual({
      ok: false,
      errors: {
        'objections.0.objection': `Objection can be at most ${fieldLimits.objection} characters (Salesforce's limit); it has ${fieldLimits.objection + 1}`,
        'objections.0.response': `Planned response can be at most ${fieldLimits.response} characters (Salesforce's limit); it has ${fieldLimits.response + 1}`,
      },
    });
  });

  it('takes as many objections as there are sort orders, and no more', () => {
    const objections = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...newObjection(Math.min(i, fieldLimits.sortOrder), true, () => key),
        objection: 'Price',
      }));
    expect(validateCallPlan({ ...filled(), objections: objections(fieldLimits.sortOrder + 1) }).ok).toBe(true);
    expect(validateCallPlan({ ...filled(), objections: objections(fieldLimits.sortOrder + 2) })).toMatchObject({
      ok: false,
      errors: { objections: expect.any(String) },
    });
  });

  it('refuses a value of the wrong type with a message that says what it must be', () => {
    const result = validateCallPlan({ ...filled(), goal: 42, walkAway: null });
    expect(result).toEqual({ ok: false, errors: { goal: 'Goal must be text', walkAway: 'Walk-away must be text' } });
  });

  it('refuses a bad date, a bad key and an id that is not Salesforce’s', () => {
    const result = validateCallPlan({ ...filled(), callAt: 'tomorrow', planKey: 'k1', opportunityId: 'nope' });
    expect(result).toEqual({
      ok: false,
      errors: {
        callAt: 'Enter a valid date and time',
        planKey: 'Not a valid key',
        opportunityId: 'Not a Salesforce opportunity id',
      },
    });
    expect(validateCallPlan({ ...filled(), nextStepDue: '2026-02-30' })).toMatchObject({
      errors: { nextStepDue: 'Enter a valid date' },
    });
  });
});

describe('fieldErrorsOf', () => {
  it('keeps the first message of each field, by path', () => {
    const result = model.objectionSchema.safeParse({
      ...newObjection(0, true, () => key),
      objection: ' '.repeat(fieldLimits.objection + 1),
      sortOrder: -1,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    // The blank, too long objection breaks two rules; the limit is checked first.
    expect(result.error.issues.filter((issue) => issue.path[0] === 'objection')).toHaveLength(2);
    expect(model.fieldErrorsOf(result.error)).toEqual({
      objection: `Objection can be at most ${fieldLimits.objection} characters (Salesforce's limit); it has ${fieldLimits.objection + 1}`,
      sortOrder: expect.any(String),
    });
  });
});

describe('newCallPlan', () => {
  it('is a blank plan for the next day, at the top of the hour, stamped now', () => {
    const plan = newCallPlan(opportunityId, now, () => key);
    expect(plan).toEqual({
      planKey: key,
      opportunityId,
      callAt: '2026-03-11T09:00:00.000Z',
      callType: 'Call',
      goal: '',
      buyerReason: '',
      bestNextStep: '',
      minimumNextStep: '',
      questions: '',
      need: 'Unknown',
      budget: 'Unknown',
      decisionProcess: 'Unknown',
      timing: 'Unknown',
      walkAway: '',
      outcome: null,
      commitment: null,
      actualNextStep: '',
      nextStepDue: null,
      decision: null,
      outcomeNotes: '',
      outcomeAt: null,
      coachNote: '',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      objections: [],
    });
  });

  it('gets a fresh uuid by default', () => {
    const a = newCallPlan(opportunityId, now);
    const b = newCallPlan(opportunityId, now);
    expect(a.planKey).not.toBe(b.planKey);
    expect(validateCallPlan({ ...a, goal: 'g', bestNextStep: 'b' }).ok).toBe(true);
  });
});

describe('newObjection', () => {
  it('is empty, not raised, at its place in the list', () => {
    expect(newObjection(3, false, () => key)).toEqual({
      objectionKey: key,
      objection: '',
      response: '',
      expected: false,
      raised: false,
      handled: null,
      sortOrder: 3,
    });
    expect(newObjection(0, true).objectionKey).toMatch(/^[0-9a-f-]{36}$/);
  });
});
