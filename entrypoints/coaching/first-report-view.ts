import { shortDay } from '../../components/coaching/format';
import { indicatorCell, indicatorColumns, indicatorGroups, rowLabel } from '../../components/coaching/indicator-rows';
import type { CoachingReportView } from '../../lib/model/coaching/coaching-report-view';
import type { ReportFilters } from './first-report';
import { periodLabels, periodPresets } from './period';
import { markReadyOnce } from './ready-mark';

type Attributes = Record<string, string | undefined>;
type Child = Node | string | null;

function element(tag: string, attributes: Attributes, ...children: Child[]): HTMLElement {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) made.setAttribute(name, value);
  for (const child of children) {
    if (child === null) continue;
    // Every name and label goes in as text: a rep called `<img onerror=…>` stays a name.
    made.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return made;
}

function select(id: string, options: { value: string; label: string }[], chosen: string): HTMLSelectElement {
  const list = element('select', { id }) as HTMLSelectElement;
  for (const option of options) list.append(element('option', { value: option.value }, option.label));
  list.value = chosen;
  return list;
}

function field(label: string, id: string, control: HTMLElement): HTMLElement {
  return element('div', { class: 'field' }, element('label', { for: id }, label), control);
}

function dateInput(id: string, value: string): HTMLElement {
  const input = element('input', { id, type: 'date', 'aria-invalid': 'false' }) as HTMLInputElement;
  input.defaultValue = value;
  return input;
}

/**
 * The coaching view's first report in plain DOM, drawn by the early script the moment the
 * background answers, while React still loads: the header, the filters and the indicators, in
 * the markup, classes and accessible structure of `CoachingPage` (a component test compares the
 * two), so when React renders into the same root and replaces it in one commit nothing moves.
 * Its buttons and fields answer once React has taken over; trends, objections and deals at risk
 * come with React.
 */
export function firstReportView(report: CoachingReportView, filters: ReportFilters): HTMLElement {
  const id = 'first-report';
  const team = report.viewer.role === 'manager' ? report.team : [];
  const periodName = `${shortDay(report.from)} – ${shortDay(report.to)}`;
  const who = report.viewer.role === 'manager' ? report.reps.map((rep) => rep.name).join(', ') : 'Your calls';

  const header = element(
    'header',
    { class: 'coaching-header' },
    element(
      'div',
      {},
      element('h1', {}, 'Coaching'),
      element('p', { class: 'coaching-subtitle' }, `${who} · ${periodName}`),
    ),
    element(
      'div',
      { class: 'coaching-header-actions' },
      element('p', { role: 'status', class: 'coaching-refresh' }, 'Updating from Salesforce…'),
    ),
  );

  const form = element(
    'form',
    { class: 'coaching-filters', 'aria-label': 'Filters' },
    team.length > 1
      ? field(
          'Rep',
          `${id}-rep`,
          select(
            `${id}-rep`,
            [{ value: '', label: 'Whole team' }, ...team.map((rep) => ({ value: rep.id, label: rep.name }))],
            filters.repId ?? '',
          ),
        )
      : null,
    field(
      'Period',
      `${id}-period`,
      select(
        `${id}-period`,
        periodPresets.map((preset) => ({ value: preset, label: periodLabels[preset] })),
        filters.preset,
      ),
    ),
    field('From', `${id}-from`, dateInput(`${id}-from`, filters.from)),
    field('To', `${id}-to`, dateInput(`${id}-to`, filters.to)),
  );

  const columns = indicatorColumns(report.reps, report.byRep, report.total);
  const table = element(
    'table',
    { class: 'coaching-table' },
    element('caption', { class: 'visually-hidden' }, `Leading indicators, ${periodName}`),
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        element('th', { scope: 'col' }, 'Indicator'),
        ...columns.map((column) => element('th', { scope: 'col' }, column.name)),
      ),
    ),
    ...indicatorGroups.map((group) =>
      element(
        'tbody',
        {},
        element(
          'tr',
          { class: 'coaching-group' },
          element('th', { scope: 'rowgroup', colspan: String(columns.length + 1) }, group.title),
        ),
        ...group.rows.map((row) =>
          element(
            'tr',
            {},
            element('th', { scope: 'row' }, rowLabel(row)),
            ...columns.map((column) => {
              const cell = indicatorCell(row, column);
              return element(
                'td',
                { class: row.kind === 'rate' ? 'coaching-rate' : undefined },
                element(
                  'button',
                  {
                    type: 'button',
                    class: 'figure-button',
                    'data-figure': cell.dataFigure,
                    'data-rep': cell.dataRep,
                    'aria-label': cell.ariaLabel,
                  },
                  cell.value,
                ),
              );
            }),
          ),
        ),
      ),
    ),
  );

  const indicators = element(
    'section',
    { class: 'coaching-section', 'aria-labelledby': `${id}-indicators` },
    element(
      'div',
      { class: 'section-heading-row' },
      element('h2', { id: `${id}-indicators` }, 'Leading indicators'),
      element(
        'div',
        { class: 'button-row' },
        element('label', { for: `${id}-week` }, 'Show'),
        select(
          `${id}-week`,
          [
            { value: '', label: 'Whole period' },
            ...report.weeks.map((week) => ({ value: week.weekStart, label: `Week of ${shortDay(week.weekStart)}` })),
          ],
          '',
        ),
        element('button', { type: 'button', class: 'button' }, 'Export CSV'),
      ),
    ),
    table,
  );

  return element('main', { class: 'coaching', 'aria-busy': 'false' }, header, form, indicators);
}

/**
 * Puts the first report in the page's root, unless React got there first. It is marked ready (the
 * `data-ready` of React's view and the benchmark's mark) in the frame that draws it: the mark says
 * when the user can read the figures, not when they entered the document. React, rendering the
 * same report, replaces them in a commit of its own.
 */
export function showFirstReport(report: CoachingReportView, filters: ReportFilters): void {
  const show = () => {
    const root = document.getElementById('root');
    if (!root || root.hasChildNodes()) return;
    const view = firstReportView(report, filters);
    root.append(view);
    requestAnimationFrame(() => {
      view.setAttribute('data-ready', 'true');
      markReadyOnce();
    });
  };
  if (document.getElementById('root')) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}
