import { launchWithExtension } from '../../../demo/launch-chromium';
import { demoOrgId, showcaseOpportunityId, userIds } from '../../../demo/org/seed-data';
import { databaseName } from '../../../lib/db/precall-db';
import { demoControl, recordPath, signIn, startOrg } from '../support/demo-org';
import { type Figure, round } from '../support/figure';
import { attach, browserSession, waitForTarget } from '../support/target-session';

const plans = 10_000;
const heapBudgetMb = 60;

/**
 * The real worker pulling 10,000 plans into Chromium's IndexedDB: from the sign-in that starts it
 * until the plans are stored, and the worker's JavaScript heap after it (after a garbage
 * collection), against the same worker's heap before.
 */
export async function workerPull(): Promise<Figure[]> {
  const org = await startOrg();
  await demoControl(org, 'POST', 'seed', { opportunities: 500, plans, owners: ['riley@precall.demo'] });
  const browser = await launchWithExtension();
  try {
    const cdp = await browserSession(browser.context);
    const target = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
    const worker = await attach(cdp, target.targetId);
    const heapMb = async () => {
      await worker.send('HeapProfiler.collectGarbage');
      const { usedSize } = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    };
    const before = await heapMb();
    const dbName = databaseName(demoOrgId, userIds.riley);
    const stored = () =>
      worker.evaluate<number>(`new Promise((resolve) => {
        const open = indexedDB.open(${JSON.stringify(dbName)});
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('plans')) { db.close(); resolve(0); return; }
          const count = db.transaction('plans').objectStore('plans').count();
          count.onsuccess = () => { db.close(); resolve(count.result); };
          count.onerror = () => { db.close(); resolve(0); };
        };
      })`);
    const page = await browser.context.newPage();
    await signIn(page, org, 'riley@precall.demo', recordPath(showcaseOpportunityId));
    // From Precall's own page, a sync run answered when it has ended (pull included).
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const started = performance.now();
    const answer = await options.evaluate(
      (origin) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          precall: 1,
          type: 'sync:run',
          payload: { origin },
        }),
      org.url,
    );
    const count = await stored();
    if (count < plans) throw new Error(`only ${count} plans stored: ${JSON.stringify(answer).slice(0, 300)}`);
    const seconds = (performance.now() - started) / 1000;
    const after = await heapMb();
    await worker.detach();
    return [
      {
        name: `Sync: pull of ${count.toLocaleString('en-US')} plans in the worker, sign-in to stored`,
        value: Math.round(count / seconds),
        unit: 'records/s',
        budget: null,
        reference: null,
        pass: null,
        note: `${round(seconds)} s in Chromium's IndexedDB`,
      },
      {
        name: `Worker heap after a ${plans.toLocaleString('en-US')}-plan pull`,
        value: round(after),
        unit: 'MB',
        budget: `≤ ${heapBudgetMb} MB`,
        reference: { name: 'the worker before the pull', value: round(before), unit: 'MB' },
        pass: after <= heapBudgetMb,
      },
    ];
  } finally {
    await browser.close();
    await org.close();
  }
}
