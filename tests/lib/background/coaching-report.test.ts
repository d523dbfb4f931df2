import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIds } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { createCoachingService } from '../../../lib/background/coaching-service';
import type { FigureId, IndicatorFigures } from '../../../lib/model/coaching/coaching-figures';
import { storyFigures, storyPeriod } from '../../support/coaching-story';
import { browserOf } from '../sync/support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());

const now = () => new Date();
const counts = (figures: IndicatorFigures | undefined) => figures?.counts as Record<FigureId, number>;

function expectStory(figures: IndicatorFigures | undefined, rep: keyof typeof storyFigures) {
  const expected = storyFigures[rep];
  expect(counts(figures)).toMatchObject({
    'coverage.held': expected.held,
    'coverage.planned': expected.planned,
    'coverage.afterTheFact': expected.afterTheFact,
    'coverage.unplanned': expected.unplanned,
    'outcomesOnTime.onTime': expected.onTime,
    'outcomesOnTime.late': expected.late,
    'outcomesOnTime.notLogged': expected.notLogged,
    'outcomes.logged': expected.logged,
    'outcomes.orders': expected.orders,
    'outcomes.advances': expected.advances,
    'outcomes.continuations': expected.continuations,
    'outcomes.noSales': expected.noSales,
    'commitment.best': expected.best,
    'commitment.between': expected.between,
    'commitment.minimum': expected.minimum,
    'commitment.below': expected.below,
    'objections.raised': expected.raised,
    'objections.anticipated': expected.anticipated,
    'objections.handled': expected.handled,
    'objections.partlyHandled': expected.partlyHandled,
  });
}

describe('the coaching report from the local copies of the demo story', () => {
  it("gives Morgan Riley's and Sam's numbers as counted by hand, and their sum for the team", async () => {
    const morgan = browserOf(org, 'morgan');
    await morgan.sync({ caches: true });
    const coaching = createCoachingService({ now });
    const view = await coaching.report(
      { origin: org.url, timeZone: 'UTC', ...storyPeriod(now()) },
      morgan.db,
      morgan.session,
    );

    expect(view.viewer.role).toBe('manager');
    expect(view.team.map((rep) => rep.name)).toEqual(['Riley Chen', 'Sam Okafor']);
    expectStory(view.byRep[userIds.riley], 'riley');
    expectStory(view.byRep[userIds.sam], 'sam');
    expect(counts(view.total)['coverage.held']).toBe(21);
    expect(counts(view.total)['coverage.planned']).toBe(17);
    expect(view.total.rates.advance).toBeCloseTo(12 / 17);
    expect(view.byRep[userIds.riley]?.rates.coverage).toBeCloseTo(9 / 11);
    expect(view.byRep[userIds.sam]?.rates.onTime).toBeCloseTo(6 / 10);
    // Weeks add up to the period.
    const weekly = view.weeks.reduce((sum, week) => sum + counts(week.total)['coverage.held'], 0);
    expect(weekly).toBe(21);
    // Outcomes due (Plant Maintenance, developer seats) and meetings coming with no plan.
    const reasons = Object.fromEntries(view.atRisk.map((risk) => [risk.name, risk.reasons]));
    expect(reasons['Globex – Plant Maintenance Suite']).toContain('outcome-due');
    expect(reasons['Northwind – Warehouse Pilot']).toContain('meeting-no-plan');
  });

  it('drills a number down to the calls it counts, named, and only those', async () => {
    const morgan = browserOf(org, 'morgan');
    await morgan.sync({ caches: true });
    const coaching = createCoachingService({ now });
    const period = { origin: org.url, timeZone: 'UTC', ...storyPeriod(now()) };
    const after = await coaching.evidence(
      { ...period, figure: 'coverage.afterTheFact', repId: userIds.riley, weekStart: null },
      morgan.db,
      morgan.session,
    );
    expect(after.total).toBe(1);
    expect(after.rows[0]).toMatchObject({
      name: 'Globex – Spare Parts Portal',
      goal: 'Close the open redlines',
      repName: 'Riley Chen',
    });

    const orders = await coaching.evidence(
      { ...period, figure: 'outcomes.orders', repId: null, weekStart: null },
      morgan.db,
      morgan.session,
    );
    expect(orders.rows.map((row) => row.name)).toEqual(['Acme – Loyalty Renewal']);

    const framework = await coaching.evidence(
      {
        ...period,
        figure: { objection: 'Procurement must go through a framework' },
        repId: userIds.sam,
        weekStart: null,
      },
      morgan.db,
      morgan.session,
    );
    expect(framework.rows.map((row) => row.goal)).toEqual(['Workshop ends with the clinics chosen for a pilot']);
  });

  it('shows a rep only their own numbers, and refuses a rep outside the team', async () => {
    const riley = browserOf(org, 'riley');
    await riley.sync({ caches: true });
    const coaching = createCoachingService({ now });
    const period = { origin: org.url, timeZone: 'UTC', ...storyPeriod(now()) };
    const view = await coaching.report(period, riley.db, riley.session);
    expect(view.viewer.role).toBe('rep');
    expect(view.reps.map((rep) => rep.id)).toEqual([userIds.riley]);
    expectStory(view.total, 'riley');
    await expect(coaching.report({ ...period, repIds: [userIds.sam] }, riley.db, riley.session)).rejects.toThrow(
      /Not in your team/,
    );
  });

  it('answers again from the rows it kept, and a logged outcome, a new goal or the clock moving shows at once', async () => {
    const morgan = browserOf(org, 'morgan');
    await morgan.sync({ caches: true });
    let clock = now();
    const coaching = createCoachingService({ now: () => clock });
    const period = { origin: org.url, timeZone: 'UTC', ...storyPeriod(now()) };
    const first = await coaching.report(period, morgan.db, morgan.session);
    expect(await coaching.report(period, morgan.db, morgan.session)).toEqual(first);

    const due = first.atRisk.find((risk) => risk.name === 'Globex – Plant Maintenance Suite');
    expect(due?.reasons).toContain('outcome-due');
    for (const planKey of due?.planKeys ?? []) {
      await morgan.db.plans.update(planKey, { outcome: 'Advance', outcomeAt: clock.toISOString(), commitment: 'Best' });
    }
    const logged = await coaching.report(period, morgan.db, morgan.session);
    const after = logged.atRisk.find((risk) => risk.name === 'Globex – Plant Maintenance Suite');
    expect(after?.reasons ?? []).not.toContain('outcome-due');

    const evidence = { ...period, figure: 'coverage.planned' as const, repId: null, weekStart: null };
    const [row] = (await coaching.evidence(evidence, morgan.db, morgan.session)).rows;
    await morgan.db.plans.update(row?.planKey as string, { goal: 'A goal written since' });
    const again = await coaching.evidence(evidence, morgan.db, morgan.session);
    expect(again.rows.find((r) => r.planKey === row?.planKey)?.goal).toBe('A goal written since');

    // A week on, the deals closing and the meetings coming are another week's.
    clock = new Date(clock.getTime() + 7 * 86_400_000);
    const later = await coaching.report(period, morgan.db, morgan.session);
    expect(later.atRisk).not.toEqual(logged.atRisk);
  });
});
