import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FirstReport, whenToRender } from '../../entrypoints/coaching/first-report';
import type { CoachingReportView } from '../../lib/model/coaching/coaching-report-view';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** An early report whose answer the test gives, refuses or never gives. */
function early() {
  let answer!: (report: CoachingReportView) => void;
  let refuse!: (error: Error) => void;
  const first: FirstReport = {
    query: { origin: 'https://acme.my.salesforce.com', from: '2026-02-09', to: '2026-03-04', timeZone: 'UTC' },
    filters: { repId: null, preset: 'last-4-weeks', from: '2026-02-09', to: '2026-03-04' },
    answer: new Promise<CoachingReportView>((resolve, reject) => {
      answer = resolve;
      refuse = reject;
    }),
  };
  return { first, answer, refuse };
}

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('when React renders the coaching view', () => {
  it('at once when no early report was asked for (a tab opened without an org)', async () => {
    expect(await settled(whenToRender(undefined, () => new Promise(() => {}), 400))).toBe(true);
  });

  it('after the frame that paints the early answer, not before', async () => {
    const { first, answer } = early();
    let paint!: () => void;
    const render = whenToRender(first, () => new Promise((resolve) => (paint = resolve)), 400);
    await vi.advanceTimersByTimeAsync(100);
    answer({} as CoachingReportView);
    expect(await settled(render)).toBe(false);
    paint();
    expect(await settled(render)).toBe(true);
  });

  it('after the given wait when the background has not answered: the page says it is counting, not blank', async () => {
    const { first } = early();
    const render = whenToRender(first, async () => {}, 400);
    await vi.advanceTimersByTimeAsync(399);
    expect(await settled(render)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(render)).toBe(true);
  });

  it('at once when the early question is refused: React asks again and says why', async () => {
    const { first, refuse } = early();
    const render = whenToRender(first, () => new Promise(() => {}), 400);
    refuse(new Error('Precall could not reach its background'));
    expect(await settled(render)).toBe(true);
  });
});
