import { describe, expect, it } from 'vitest';
import { figureIds, figuresOf, rateParts, tallyOfFigure } from '../../../../lib/model/coaching/coaching-figures';
import { coachingReport } from '../../../../lib/model/coaching/coaching-report';
import {
  evidenceRows,
  type Names,
  reportView,
  tallyOfQuery,
} from '../../../../lib/model/coaching/coaching-report-view';
import { data, hoursAfter, meeting, now, objection, plan, riley, sam, week } from './fixtures';

const advance = plan({
  callAt: '2026-03-03T10:00:00Z',
  outcome: 'Advance',
  commitment: 'Best',
  outcomeAt: hoursAfter('2026-03-03T10:00:00Z', 2),
});
const order = plan({
  callAt: '2026-03-05T10:00:00Z',
  opportunityId: 'opp-riley-2',
  outcome: 'Order',
  commitment: 'Minimum',
  outcomeAt: hoursAfter('2026-03-05T10:00:00Z', 30),
});
const samCall = plan({ callAt: '2026-03-04T09:00:00Z', opportunityId: 'opp-sam-1', ownerId: sam });
const walkThrough = meeting({ startAt: '2026-03-02T15:00:00Z', opportunityId: 'opp-sam-1', ownerId: sam });
const report = coachingReport(
  data({
    plans: [advance, order, samCall],
    meetings: [walkThrough],
    objections: [objection(advance.planKey, { objection: 'Too expensive' })],
  }),
  { ...week, repIds: [riley, sam] },
);

const names: Names = {
  rep: (id) => ({ [riley]: 'Riley Chen', [sam]: 'Sam Okafor' })[id] ?? id,
  deal: (id) => ({
    name: `Deal ${id}`,
    accountName: id.includes('sam') ? null : 'Acme',
    ownerId: id.includes('sam') ? sam : riley,
  }),
  plan: (key) => {
    const found = [advance, order, samCall].find((p) => p.planKey === key);
    return found && { ...found, goal: `Goal of ${found.opportunityId}`, coachNote: '' };
  },
  meeting: (id) =>
    id === walkThrough.id ? { subject: 'Walk-through', startAt: walkThrough.startAt, ownerId: sam } : undefined,
};

describe('the report as the page receives it', () => {
  it('turns every tally into its count, keeps the rates, and names reps and deals', () => {
    const view = reportView(
      report,
      {
        viewerId: 'm',
        role: 'manager',
        reps: [
          { id: riley, name: 'Riley Chen' },
          { id: sam, name: 'Sam Okafor' },
        ],
      },
      [sam],
      names,
    );
    expect(view.viewer).toEqual({ id: 'm', role: 'manager' });
    expect(view.team.map((rep) => rep.name)).toEqual(['Riley Chen', 'Sam Okafor']);
    expect(view.reps).toEqual([{ id: sam, name: 'Sam Okafor' }]);
    expect(Object.keys(view.byRep)).toEqual([sam]);
    expect(view.total.counts['coverage.held']).toBe(4);
    expect(view.byRep[sam]?.counts['coverage.held']).toBe(2);
    expect(view.byRep[sam]?.counts['coverage.unplanned']).toBe(1);
    expect(view.total.rates.advance).toBe(1);
    expect(view.total.mostFrequent).toEqual([{ objection: 'Too expensive', raised: 1, anticipated: 1, handled: 1 }]);
    expect(view.weeks.map((w) => w.weekStart)).toEqual(['2026-03-02']);
    expect(view.weeks[0]?.byRep[sam]?.counts['coverage.held']).toBe(2);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('every figure id names a tally of the indicators, and each rate names its part and whole', () => {
    for (const id of figureIds) expect(tallyOfFigure(report.team, id).count).toBe(figuresOf(report.team).counts[id]);
    const counts = figuresOf(report.team).counts;
    const rates = figuresOf(report.team).rates;
    for (const [rate, { parts, whole }] of Object.entries(rateParts)) {
      const part = parts.reduce((sum, id) => sum + counts[id], 0);
      expect([rate, rates[rate as keyof typeof rates]]).toEqual([
        rate,
        counts[whole] === 0 ? null : part / counts[whole],
      ]);
    }
  });

  it('a drill-down finds the tally of a rep or the team, a week or the period, a figure or an objection', () => {
    expect(tallyOfQuery(report, { figure: 'coverage.held', repId: null, weekStart: null })?.count).toBe(4);
    expect(tallyOfQuery(report, { figure: 'coverage.held', repId: riley, weekStart: '2026-03-02' })?.count).toBe(2);
    expect(tallyOfQuery(report, { figure: { objection: 'Too expensive' }, repId: riley, weekStart: null })?.count).toBe(
      1,
    );
    expect(tallyOfQuery(report, { figure: { objection: 'Never said' }, repId: null, weekStart: null })).toBeNull();
    expect(tallyOfQuery(report, { figure: 'coverage.held', repId: 'nobody', weekStart: null })).toBeNull();
    expect(tallyOfQuery(report, { figure: 'coverage.held', repId: null, weekStart: '2026-02-23' })).toBeNull();
  });

  it('lists the calls behind a number, latest first, with their plan, meeting and rep', () => {
    const held = tallyOfQuery(report, { figure: 'coverage.held', repId: null, weekStart: null });
    const rows = held ? evidenceRows(held, names) : [];
    expect(rows.map((row) => [row.opportunityId, row.repName])).toEqual([
      ['opp-riley-2', 'Riley Chen'],
      ['opp-sam-1', 'Sam Okafor'],
      ['opp-riley-1', 'Riley Chen'],
      ['opp-sam-1', 'Sam Okafor'],
    ]);
    expect(rows[0]).toMatchObject({
      goal: 'Goal of opp-riley-2',
      outcome: 'Order',
      commitment: 'Minimum',
      accountName: 'Acme',
    });
    expect(rows[3]).toMatchObject({
      planKey: null,
      goal: null,
      callAt: null,
      meetingSubject: 'Walk-through',
      meetingStartAt: walkThrough.startAt,
      name: 'Deal opp-sam-1',
    });
    expect(now.toISOString() > (rows[0]?.callAt ?? '')).toBe(true);
  });
});

describe('evidence rows of deals not in this browser', () => {
  const unknownDeals: Names = {
    rep: (id) => `rep ${id}`,
    deal: (id) => ({ name: id, accountName: null, ownerId: null }),
    plan: (key) =>
      key === 'plan-1'
        ? {
            callAt: '2026-03-03T10:00:00Z',
            goal: 'g',
            outcome: null,
            commitment: null,
            coachNote: 'Ask sooner',
            ownerId: 'writer',
          }
        : undefined,
    meeting: (id) =>
      id === 'event-1' ? { subject: 'Demo', startAt: '2026-03-04T10:00:00Z', ownerId: 'host' } : undefined,
  };
  const rowsOf = (sources: { planKey: string | null; meetingId: string | null }[]) =>
    evidenceRows(
      { count: sources.length, sources: () => sources.map((source) => ({ ...source, opportunityId: 'opp-x' })) },
      unknownDeals,
    );

  it('name the plan’s writer, else the Event’s owner, else nobody', () => {
    expect(
      rowsOf([
        { planKey: 'plan-1', meetingId: 'event-1' },
        { planKey: null, meetingId: 'event-1' },
        { planKey: 'plan-gone', meetingId: null },
      ]).map((row) => row.repId),
    ).toEqual(['host', 'writer', '']);
  });

  it('carry the coaching note of the plan', () => {
    expect(rowsOf([{ planKey: 'plan-1', meetingId: null }])[0]?.coachNote).toBe('Ask sooner');
  });
});
