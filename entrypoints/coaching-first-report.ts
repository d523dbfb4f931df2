import { browser } from 'wxt/browser';
import { askFirstReport } from './coaching/first-report';

/**
 * Loaded by coaching.html before its modules (a plain script runs as soon as it is parsed): the
 * opening report is asked for while React loads. Holds no React and no schema, only the ask.
 */
export default defineUnlistedScript(() => {
  askFirstReport(location.search, (message) => browser.runtime.sendMessage(message), new Date());
});
