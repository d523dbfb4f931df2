import { browser } from 'wxt/browser';
import { askFirstReport } from './coaching/first-report';
import { showFirstReport } from './coaching/first-report-view';

/**
 * Loaded by coaching.html before its modules (a plain script runs as soon as it is parsed): the
 * opening report is asked for while React loads, and its indicators are drawn in plain DOM the
 * moment it comes. Holds no React and no schema.
 */
export default defineUnlistedScript(() => {
  const first = askFirstReport(location.search, (message) => browser.runtime.sendMessage(message), new Date());
  first?.answer.then(
    (report) => showFirstReport(report, first.filters),
    () => undefined,
  );
});
