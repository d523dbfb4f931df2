import { describe, expect, it } from 'vitest';
import { curatedObjectionFigures, type PlanObjection } from '../../../../lib/model/playbook/curated-objection-figures';
import { playbookSuggestions } from '../../../../lib/model/playbook/objection-suggestions';
import { newCuratedObjection } from '../../../../lib/model/playbook/playbook';
import { playbookKey } from './fixtures';

const curated = (objection: string, stageName = '', sortOrder = 0, key = objection) => ({
  ...newCuratedObjection(playbookKey, sortOrder, () => key),
  objection,
  stageName,
  response: 'Show the ROI study',
});

const met = (changes: Partial<PlanObjection>): PlanObjection => ({
  planKey: 'p1',
  objection: 'Too expensive',
  response: 'Show the ROI study',
  expected: true,
  raised: true,
  handled: 'Yes',
  ...changes,
});

describe('curated objections: raised, anticipated, handled, with which responses', () => {
  it('counts each curated objection over the plans that met it', () => {
    const [figure] = curatedObjectionFigures(
      [curated('Too expensive')],
      [
        met({ planKey: 'p1' }),
        met({ planKey: 'p2', objection: '  too   EXPENSIVE ', expected: false, handled: 'Partly' }),
        met({ planKey: 'p3', response: 'Offer a smaller pilot', handled: 'No' }),
        met({ planKey: 'p4', raised: false }),
        met({ planKey: 'p5', objection: 'No time' }),
      ],
    );
    expect(figure).toMatchObject({
      raised: 3,
      anticipated: 2,
      handled: 1,
      partlyHandled: 1,
      anticipatedShare: 2 / 3,
      handledShare: 1 / 3,
      planKeys: ['p1', 'p2', 'p3'],
    });
    expect(figure?.responses).toEqual([
      { response: 'Show the ROI study', raised: 2, handled: 1 },
      { response: 'Offer a smaller pilot', raised: 1, handled: 0 },
    ]);
  });

  it('orders responses by calls handled, then times used, then wording, and names each as first written, trimmed', () => {
    const used = (planKey: string, response: string, handled: PlanObjection['handled']) =>
      met({ planKey, response, handled });
    const [figure] = curatedObjectionFigures(
      [curated('Too expensive')],
      [
        used('p1', 'Case study', 'No'),
        used('p2', 'Smaller pilot', 'No'),
        used('p3', '  Payment terms ', 'Partly'),
        used('p4', 'Smaller pilot', 'Partly'),
        used('p5', 'Smaller pilot', 'No'),
        used('p6', 'payment   TERMS', 'No'),
        used('p7', 'Bundle', 'No'),
        used('p8', 'ROI study', 'Yes'),
      ],
    );
    expect(figure?.responses).toEqual([
      { response: 'ROI study', raised: 1, handled: 1 },
      { response: 'Smaller pilot', raised: 3, handled: 0 },
      { response: 'Payment terms', raised: 2, handled: 0 },
      { response: 'Bundle', raised: 1, handled: 0 },
      { response: 'Case study', raised: 1, handled: 0 },
    ]);
  });

  it('a curated objection nobody met has no shares, not 0 %', () => {
    expect(curatedObjectionFigures([curated('Legal review')], [met({})])[0]).toMatchObject({
      raised: 0,
      anticipatedShare: null,
      handledShare: null,
      responses: [],
    });
  });
});

describe("the playbook's objections as suggestions", () => {
  const list = [
    curated('No time', '', 1),
    curated('Too expensive', 'Proposal/Price Quote', 2),
    curated('Need a discount', 'Proposal / Price Quote', 1),
    curated('Who are you?', 'Prospecting', 0),
    curated('Legal review', '', 0),
  ];

  it.each([
    [
      'this stage first, then every stage, each in order',
      'Proposal/Price Quote',
      [],
      ['Need a discount', 'Too expensive', 'Legal review', 'No time'],
    ],
    ['another stage', 'Prospecting', [], ['Who are you?', 'Legal review', 'No time']],
    ['no stage known', null, [], ['Legal review', 'No time']],
    [
      'less those already in the plan',
      'Proposal/Price Quote',
      [{ objection: 'too expensive' }],
      ['Need a discount', 'Legal review', 'No time'],
    ],
  ])('%s', (_case, stageName, inPlan, expected) => {
    expect(playbookSuggestions(list, stageName, inPlan).map((o) => o.objection)).toEqual(expected);
  });
});
