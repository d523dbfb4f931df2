// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * How the page app keeps pages: a standard app's centre stage, and a console's workspace tabs
 * (each kept mounted with its own `.active` page container, only one tab shown).
 */
type PageHost = typeof import('../../../demo/pages/public/page-host');
let host: PageHost;

beforeEach(async () => {
  vi.resetModules();
  document.body.innerHTML = '<div id="oneCenterStage" class="center oneCenterStage"></div>';
  host = await import('../../../demo/pages/public/page-host');
});

const build = (text: string) => (container: HTMLElement) => container.append(text);
const navigation = { workspace: null, label: 'Opportunities' };

describe('the standard app', () => {
  it('shows one page container at a time and reuses a visited one', () => {
    host.layOutStage('standard');
    const list = host.showPage('/list', build('list'), navigation);
    const record = host.showPage('/record', build('record'), { workspace: '006', label: 'Loading…' });
    expect(document.querySelectorAll('#oneCenterStage > div.windowViewMode-normal')).toHaveLength(2);
    expect(list.classList.contains('active')).toBe(false);
    expect(record.classList.contains('active')).toBe(true);
    const again = host.showPage('/list', build('list again'), navigation);
    expect(again).toBe(list);
    expect(list.textContent).toBe('list');
  });

  it('keeps five pages, dropping the oldest', () => {
    host.layOutStage('standard');
    for (const n of [1, 2, 3, 4, 5, 6]) host.showPage(`/page/${n}`, build(`page ${n}`), navigation);
    const kept = [...document.querySelectorAll('#oneCenterStage > div')].map((d) => d.textContent);
    expect(kept).toEqual(['page 2', 'page 3', 'page 4', 'page 5', 'page 6']);
  });
});

describe('the console', () => {
  const shownTab = () => document.querySelector('section.oneConsoleTab.active');
  const tabLabels = () => [...document.querySelectorAll('.oneConsoleTabItem a')].map((a) => a.textContent);

  it('opens each record in its own workspace tab, keeping the others mounted with their .active page', () => {
    host.layOutStage('console');
    host.showPage('/lightning/o/Opportunity/list', build('list'), navigation);
    host.showPage('/lightning/r/0065g00000Nwd01AAB/view', build('deal'), {
      workspace: '0065g00000Nwd01',
      label: 'Loading…',
    });
    host.showPage('/lightning/r/0015g00000Nwd01AAB/view', build('account'), {
      workspace: '0015g00000Nwd01',
      label: 'Loading…',
    });
    const tabs = document.querySelectorAll('#oneCenterStage > div.tabsetBody > section.oneConsoleTab');
    expect(tabs).toHaveLength(3);
    expect(document.querySelectorAll('section.oneConsoleTab > div.windowViewMode-maximized.active')).toHaveLength(3);
    expect(shownTab()?.textContent).toBe('account');
    expect(document.querySelectorAll('div.windowViewMode-normal')).toHaveLength(0);
    expect(tabLabels()).toEqual(['Opportunities', 'Loading…', 'Loading…']);
  });

  it('a record opened again, by its 15- or 18-character id, shows its existing tab', () => {
    host.layOutStage('console');
    host.showPage('/lightning/r/0065g00000Nwd01AAB/view', build('deal'), { workspace: '0065g00000Nwd01', label: 'x' });
    host.showPage('/lightning/o/Opportunity/list', build('list'), navigation);
    host.showPage('/lightning/r/0065g00000Nwd01/view', build('deal, short'), {
      workspace: '0065g00000Nwd01',
      label: 'x',
    });
    expect(document.querySelectorAll('section.oneConsoleTab')).toHaveLength(2);
    expect(shownTab()?.querySelector('.windowViewMode-maximized.active')?.textContent).toBe('deal, short');
    expect(document.querySelector('.oneConsoleTabItem.slds-is-active a')?.getAttribute('href')).toBe(
      '/lightning/r/0065g00000Nwd01/view',
    );
  });

  it('names a tab after its page, and closing the shown tab goes back to the navigation tab’s page', () => {
    host.layOutStage('console');
    history.replaceState(null, '', '/lightning/o/Opportunity/list');
    host.showPage('/lightning/o/Opportunity/list', build('list'), navigation);
    const deal = host.showPage('/lightning/r/0065g00000Nwd01AAB/view', build('deal'), {
      workspace: '0065g00000Nwd01',
      label: 'Loading…',
    });
    host.announceTitle(deal, 'Northwind <b>deal</b>');
    expect(tabLabels()).toEqual(['Opportunities', 'Northwind <b>deal</b>']);
    expect(document.querySelector('.oneConsoleTabItem b')).toBeNull();
    const navigated = vi.fn();
    window.addEventListener('popstate', navigated);
    (document.querySelector('button[title="Close Northwind <b>deal</b>"]') as HTMLButtonElement).click();
    expect(document.querySelectorAll('section.oneConsoleTab')).toHaveLength(1);
    expect(location.pathname).toBe('/lightning/o/Opportunity/list');
    expect(navigated).toHaveBeenCalledOnce();
    window.removeEventListener('popstate', navigated);
  });

  it('switching apps lays the stage out anew', () => {
    host.layOutStage('console');
    host.showPage('/lightning/o/Opportunity/list', build('list'), navigation);
    host.layOutStage('standard');
    expect(document.querySelector('.tabsetBody')).toBeNull();
    host.showPage('/lightning/page/home', build('home'), navigation);
    expect(document.querySelectorAll('#oneCenterStage > div.windowViewMode-normal.active')).toHaveLength(1);
  });
});
