import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { userIds } from '../../demo/org/seed-data';
import { CoachingApp, readyMark } from '../../entrypoints/coaching/coaching-app';
import { openingFilters, reportQuery } from '../../entrypoints/coaching/first-report';
import { firstReportView, showFirstReport } from '../../entrypoints/coaching/first-report-view';
import type { PrecallDb } from '../../lib/db/precall-db';
import type { OpportunityRow } from '../../lib/db/salesforce-cache';
import { request } from '../../lib/messaging/client';
import { type CallPlan, newCallPlan } from '../../lib/model/call-plan';
import { fieldLimits } from '../../lib/model/field-limits';
import { to18 } from '../../lib/model/record-id';
import { createBackground, testOrigin } from './panel-harness';

// Chartist asks for media queries; jsdom has none.
beforeAll(() => {
  window.matchMedia ??= ((query: string) =>
    ({
      matches: false,
      media: query,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
    }) as unknown as MediaQueryList) as typeof window.matchMedia;
});

/** Wednesday 4 March 2026, noon UTC; the view counts in UTC. */
const now = new Date('2026-03-04T12:00:00Z');
const clock = () => now;
const hour = 3_600_000;
const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * hour).toISOString();
const rileyDeal = to18('0065g00000CvRly');
const samDeal = to18('0065g00000CvSam');

function deal(id: string, name: string, ownerId: string): OpportunityRow {
  return {
    id,
    name,
    stageName: 'Proposal',
    closeDate: '2026-09-30',
    amount: null,
    ownerId,
    accountId: '001ACME',
    accountName: 'Acme',
    isClosed: false,
    isWon: false,
    fetchedAt: now.toISOString(),
  };
}

function storedPlan(opportunityId: string, ownerId: string, fields: Partial<CallPlan>) {
  const { objections: _none, ...plan } = {
    ...newCallPlan(opportunityId, now),
    goal: 'A goal',
    bestNextStep: 'A step',
    ...fields,
  };
  return { ...plan, ownerId };
}

/** Morgan's browser with Riley's and Sam's plans pulled: two calls for Riley, one (late) for Sam. */
async function morganWithTeam() {
  const background = createBackground({ user: 'morgan', now: clock });
  await request(background.send, 'session:get', { origin: testOrigin });
  const db = background.db() as PrecallDb;
  const fetchedAt = now.toISOString();
  await db.users.bulkPut([
    { id: userIds.morgan, name: 'Morgan Lee', managerId: null, fetchedAt },
    { id: userIds.riley, name: 'Riley Chen', managerId: userIds.morgan, fetchedAt },
    { id: userIds.sam, name: 'Sam <b>Okafor</b>', managerId: userIds.morgan, fetchedAt },
  ]);
  await db.opportunities.bulkPut([
    deal(rileyDeal, '=Riley’s deal', userIds.riley),
    deal(samDeal, 'Sam’s deal', userIds.sam),
  ]);
  const advanced = storedPlan(rileyDeal, userIds.riley, {
    goal: 'Agree the pilot scope',
    callAt: at('2026-03-02T10:00:00Z'),
    createdAt: at('2026-03-01T10:00:00Z'),
    outcome: 'Advance',
    commitment: 'Best',
    outcomeAt: at('2026-03-02T10:00:00Z', 2),
  });
  const afterTheFact = storedPlan(rileyDeal, userIds.riley, {
    goal: 'Close the redlines',
    callAt: at('2026-02-24T10:00:00Z'),
    createdAt: at('2026-02-25T10:00:00Z'),
    outcome: 'Continuation',
    commitment: 'Below',
    outcomeAt: at('2026-02-25T10:00:00Z'),
  });
  const late = storedPlan(samDeal, userIds.sam, {
    goal: 'Agree the quote',
    callAt: at('2026-03-03T09:00:00Z'),
    createdAt: at('2026-03-01T09:00:00Z'),
    outcome: 'Advance',
    commitment: 'Minimum',
    outcomeAt: at('2026-03-04T11:00:00Z'),
  });
  await db.plans.bulkPut([advanced, afterTheFact, late]);
  return { background, advanced };
}

function renderView(
  send: (message: unknown) => Promise<unknown>,
  downloads: [string, string][] = [],
  marks: string[] = [],
) {
  const user = userEvent.setup();
  const view = render(
    <CoachingApp
      markReady={() => marks.push(readyMark)}
      send={send}
      origin={testOrigin}
      now={clock}
      timeZone="UTC"
      download={(name, text) => downloads.push([name, text])}
    />,
  );
  return { user, ...view };
}

const figure = (container: HTMLElement, id: string, rep: string) => {
  const button = container.querySelector<HTMLButtonElement>(`button[data-figure="${id}"][data-rep="${rep}"]`);
  if (!button) throw new Error(`no figure ${id} for ${rep}`);
  return button;
};

describe('the coaching view', () => {
  it("shows the manager each rep's and the team's numbers, marks itself ready, and draws trends with a table", async () => {
    const { background } = await morganWithTeam();
    const marks: string[] = [];
    const { container } = renderView(background.send, [], marks);

    await waitFor(() => expect(container.querySelector('main')?.getAttribute('data-ready')).toBe('true'));
    await waitFor(() => expect(marks).toEqual([readyMark]));
    expect(screen.getByRole('columnheader', { name: 'Riley Chen' })).toBeTruthy();
    // A hostile name renders as text.
    expect(screen.getByRole('columnheader', { name: 'Sam <b>Okafor</b>' })).toBeTruthy();
    expect(figure(container, 'coverage.held', userIds.riley).textContent).toBe('2');
    expect(figure(container, 'coverage.afterTheFact', userIds.riley).textContent).toBe('1');
    expect(figure(container, 'rate:coverage', userIds.riley).textContent).toBe('50%');
    expect(figure(container, 'outcomesOnTime.late', userIds.sam).textContent).toBe('1');
    expect(figure(container, 'rate:advance', 'team').textContent).toBe('67%');
    expect(figure(container, 'rate:anticipated', 'team').textContent).toBe('–');
    expect(figure(container, 'rate:coverage', userIds.riley).getAttribute('aria-label')).toBe(
      'Plan coverage, Riley Chen: 50 per cent. Show the calls',
    );
    // Each chart has its numbers as a table for screen readers; the charts follow the indicators.
    const table = await screen.findByRole('table', {
      name: 'Plan coverage, outcomes on time and advance rate, by week',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Week ofPlan coverageOutcomes on timeAdvance rate',
      expect.stringMatching(/^(9 Feb|Feb 9)–––$/),
      expect.stringMatching(/^(16 Feb|Feb 16)–––$/),
      expect.stringMatching(/^(23 Feb|Feb 23)0%100%0%$/),
      expect.stringMatching(/^(2 Mar|Mar 2)100%50%100%$/),
    ]);
  });

  it('drills a number down to its calls, each opening its deal in Salesforce, and writes a coaching note', async () => {
    const { background, advanced } = await morganWithTeam();
    const { container, user } = renderView(background.send);
    await waitFor(() => expect(container.querySelector('main[data-ready="true"]')).toBeTruthy());

    await user.click(figure(container, 'outcomes.advances', 'team'));
    const drill = await screen.findByRole('region', { name: /Advances · Team/ });
    await waitFor(() => expect(within(drill).getAllByRole('listitem')).toHaveLength(2));

    const link = within(drill).getByRole('link', { name: '=Riley’s deal' });
    expect(link.getAttribute('href')).toBe(`${testOrigin}/lightning/r/Opportunity/${rileyDeal}/view`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(document.activeElement).toBe(within(drill).getByRole('heading', { level: 2 }));

    await user.click(within(drill).getByRole('button', { name: /Write a coaching note on =Riley’s deal/ }));
    await user.type(await within(drill).findByLabelText('Coaching note'), 'Ask for the date.');
    await within(drill).findByText('Coaching note saved', {}, { timeout: 5000 });
    const [saved] = (
      await request(background.send, 'plans:list', { origin: testOrigin, opportunityId: rileyDeal })
    ).filter((plan) => plan.planKey === advanced.planKey);
    expect(saved?.coachNote).toBe('Ask for the date.');
  });

  it('keeps a coaching note over its Salesforce limit, says why it is not saved, and saves it once shortened', async () => {
    const { background, advanced } = await morganWithTeam();
    const { container, user } = renderView(background.send);
    await waitFor(() => expect(container.querySelector('main[data-ready="true"]')).toBeTruthy());
    const openNote = async () => {
      await user.click(figure(container, 'outcomes.advances', 'team'));
      const drill = await screen.findByRole('region', { name: /Advances · Team/ });
      await user.click(await within(drill).findByRole('button', { name: /coaching note on =Riley’s deal/ }));
      return { drill, field: await within(drill).findByLabelText('Coaching note') };
    };

    const tooLong = `Ask for the date. ${'x'.repeat(fieldLimits.coachNote)}`;
    const first = await openNote();
    await user.click(first.field);
    await user.paste(tooLong);
    expect((first.field as HTMLTextAreaElement).value).toBe(tooLong);
    expect(first.field.getAttribute('aria-invalid')).toBe('true');
    expect(within(first.drill).getByText(/Coaching note can be at most 32768 characters/)).toBeTruthy();
    expect(within(first.drill).getByText('Not saved: the coaching note is over its limit')).toBeTruthy();

    // Closing the note does not throw the text away: it says why, and offers to discard it.
    const editor = screen.getByRole('region', { name: "Riley Chen's call plan" });
    await user.click(within(editor).getByRole('button', { name: 'Close' }));
    expect((within(editor).getByLabelText('Coaching note') as HTMLTextAreaElement).value).toBe(tooLong);
    expect(within(editor).getByRole('alert').textContent).toMatch(/not saved: shorten it to 32768 characters/);

    // Closing the whole drill-down and coming back brings the text back.
    const [closeDrill] = within(first.drill).getAllByRole('button', { name: 'Close' });
    await user.click(closeDrill as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('region', { name: /Advances · Team/ })).toBeNull());
    const again = await openNote();
    expect((again.field as HTMLTextAreaElement).value).toBe(tooLong);

    await user.clear(again.field);
    await user.paste('Ask for the date.');
    await within(again.drill).findByText('Coaching note saved', {}, { timeout: 5000 });
    const [saved] = (
      await request(background.send, 'plans:list', { origin: testOrigin, opportunityId: rileyDeal })
    ).filter((plan) => plan.planKey === advanced.planKey);
    expect(saved?.coachNote).toBe('Ask for the date.');
  });

  it('filters by rep and week, refuses a period that ends before it starts, and exports the table as CSV', async () => {
    const { background } = await morganWithTeam();
    const downloads: [string, string][] = [];
    const { container, user } = renderView(background.send, downloads);
    await waitFor(() => expect(container.querySelector('main[data-ready="true"]')).toBeTruthy());

    await user.selectOptions(screen.getByLabelText('Rep'), 'Riley Chen');
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Sam <b>Okafor</b>' })).toBeNull());
    expect(screen.queryByRole('columnheader', { name: 'Team' })).toBeNull();
    expect(figure(container, 'coverage.held', userIds.riley).textContent).toBe('2');

    await user.selectOptions(
      screen.getByLabelText('Show'),
      screen.getByRole('option', { name: /Week of (2 Mar|Mar 2)/ }),
    );
    expect(figure(container, 'coverage.held', userIds.riley).textContent).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [[name, csv] = ['', '']] = downloads;
    expect(name).toMatch(/^precall-coaching-\d{4}-\d{2}-\d{2}-2026-03-04\.csv$/);
    expect(csv.split('\r\n')[1]).toMatch(/^"Riley Chen",/);

    const to = screen.getByLabelText('To', { exact: true });
    await user.clear(to);
    await user.type(to, '2020-01-01');
    expect((await screen.findByRole('alert')).textContent).toBe('The period ends before it starts');
    expect(to.getAttribute('aria-invalid')).toBe('true');
  });

  it('opens on the report asked for before the page loaded, and asks afresh when that was another question', async () => {
    const { background } = await morganWithTeam();
    const query = reportQuery(testOrigin, openingFilters(now, 'UTC'), 'UTC');
    for (const [early, asksLocal] of [
      [query, 0],
      [{ ...query, from: '2026-01-05' }, 1],
    ] as const) {
      const asked: unknown[] = [];
      const send = (message: unknown) => {
        const { type, payload } = message as { type: string; payload: { refresh?: boolean } };
        if (type === 'coaching:report' && !payload.refresh) asked.push(payload);
        return background.send(message);
      };
      const answer = request(background.send, 'coaching:report', early);
      const view = render(
        <CoachingApp
          send={send}
          origin={testOrigin}
          now={clock}
          timeZone="UTC"
          markReady={() => undefined}
          firstReport={{ query: early, filters: openingFilters(now, 'UTC'), answer }}
        />,
      );
      await waitFor(() => expect(view.container.querySelector('main[data-ready="true"]')).toBeTruthy());
      expect(figure(view.container, 'coverage.held', userIds.riley).textContent).toBe('2');
      expect(asked).toHaveLength(asksLocal);
      view.unmount();
    }
  });

  it('shows a rep their own numbers, without a rep filter', async () => {
    const background = createBackground({ user: 'riley', now: clock });
    const { container } = renderView(background.send);
    await waitFor(() => expect(container.querySelector('main[data-ready="true"]')).toBeTruthy());
    expect(screen.queryByLabelText('Rep')).toBeNull();
    expect(screen.getByText(/Your calls/)).toBeTruthy();
    expect(figure(container, 'coverage.held', userIds.riley).textContent).toBe('0');
  });
});

/**
 * An element as a screen reader and the eye meet it: tags, attributes in name order, text, and
 * the values form fields hold. Ids become their order of first use (React makes its own).
 */
function canonical(element: Element): string {
  const ids = new Map<string, string>();
  const idOf = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
    return ids.get(id) as string;
  };
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    const attributes = [...node.attributes]
      .map(({ name, value }) => [
        name,
        ['id', 'for', 'aria-labelledby', 'aria-describedby'].includes(name) ? idOf(value) : value,
      ])
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([name, value]) => ` ${name}="${value}"`)
      .join('');
    const held =
      node instanceof HTMLSelectElement || node instanceof HTMLInputElement ? ` (holds "${node.value}")` : '';
    return `<${node.tagName.toLowerCase()}${attributes}${held}>${[...node.childNodes].map(walk).join('')}</${node.tagName.toLowerCase()}>`;
  };
  return walk(element);
}

describe('the first report, drawn before React loads', () => {
  it.each([
    ['a manager', 'morgan'],
    ['a rep', 'riley'],
  ] as const)('has the markup React renders for %s, hostile names as text', async (_who, user) => {
    const background = user === 'morgan' ? (await morganWithTeam()).background : createBackground({ user, now: clock });
    const filters = openingFilters(now, 'UTC');
    const query = reportQuery(testOrigin, filters, 'UTC');
    const report = await request(background.send, 'coaching:report', query);
    const early = firstReportView(report, filters);

    const view = render(
      <CoachingApp
        send={background.send}
        origin={testOrigin}
        now={clock}
        timeZone="UTC"
        markReady={() => undefined}
        firstReport={{ query, filters, answer: Promise.resolve(report), report }}
      />,
    );
    const main = view.container.querySelector('main') as HTMLElement;
    // Ready in the frame that draws it (showFirstReport), as React's is once rendered.
    early.setAttribute('data-ready', 'true');
    expect(canonical(early).slice(0, canonical(early).indexOf('>') + 1)).toBe(
      canonical(main).slice(0, canonical(main).indexOf('>') + 1),
    );
    for (const part of ['header', 'form', 'section']) {
      expect(canonical(early.querySelector(part) as Element)).toBe(canonical(main.querySelector(part) as Element));
    }
    if (user === 'morgan') {
      expect(early.querySelector('b')).toBeNull();
      expect(early.querySelector('thead')?.textContent).toContain('Sam <b>Okafor</b>');
      expect(figure(early, 'coverage.held', userIds.riley).textContent).toBe('2');
      expect(figure(early, 'rate:coverage', 'team').getAttribute('aria-label')).toBe(
        'Plan coverage, Team: 67 per cent. Show the calls',
      );
    } else {
      expect(early.querySelector('.coaching-subtitle')?.textContent).toMatch(/^Your calls · /);
      expect(early.querySelector('select[id$="-rep"]')).toBeNull();
    }
    view.unmount();
  });

  it('is replaced by React in one commit, never by "Counting the calls…", and marks the page ready once', async () => {
    const { background } = await morganWithTeam();
    const filters = openingFilters(now, 'UTC');
    const query = reportQuery(testOrigin, filters, 'UTC');
    const report = await request(background.send, 'coaching:report', query);
    const root = document.body.appendChild(document.createElement('div'));
    root.id = 'root';
    performance.clearMarks(readyMark);
    showFirstReport(report, filters);
    expect(figure(root, 'coverage.held', userIds.riley).textContent).toBe('2');
    // Ready in the frame that draws the figures, not before.
    expect(root.querySelector('main')?.hasAttribute('data-ready')).toBe(false);
    expect(performance.getEntriesByName(readyMark, 'mark')).toHaveLength(0);
    await new Promise((frame) => requestAnimationFrame(frame));
    expect(root.querySelector('main')?.getAttribute('data-ready')).toBe('true');
    expect(performance.getEntriesByName(readyMark, 'mark')).toHaveLength(1);

    const shown: string[] = [];
    const watch = new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) shown.push(node.textContent ?? '');
    });
    watch.observe(root, { childList: true, subtree: true, characterData: true });
    const view = render(
      <CoachingApp
        send={background.send}
        origin={testOrigin}
        now={clock}
        timeZone="UTC"
        firstReport={{ query, filters, answer: Promise.resolve(report), report }}
      />,
      { container: root },
    );
    await act(async () => {});
    await waitFor(() => expect(root.querySelector('.trend-grid')).toBeTruthy());
    watch.disconnect();
    expect(root.querySelectorAll('main')).toHaveLength(1);
    expect(figure(root, 'coverage.held', userIds.riley).textContent).toBe('2');
    expect(shown.some((text) => text.includes('Counting the calls'))).toBe(false);
    expect(performance.getEntriesByName(readyMark, 'mark')).toHaveLength(1);

    // Once React holds the root, a late early answer draws nothing over it.
    showFirstReport(report, filters);
    expect(root.querySelectorAll('main')).toHaveLength(1);
    view.unmount();
    root.remove();
  });
});
