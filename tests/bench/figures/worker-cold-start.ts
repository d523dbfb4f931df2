import {
  writeBareExtension,
  writeBareIndexedDbExtension,
  writeLibraryWorkerExtension,
} from '../support/bare-extension';
import { type Figure, median, round } from '../support/figure';
import { launchPipeChromium, type PipeChromium } from '../support/pipe-chromium';

export const coldStartRounds = 21;

/**
 * Worker cold start: from a message sent to a stopped service worker until its answer, Precall's
 * worker against a bare one that only answers, both loaded in the same browser and stopped
 * through the DevTools protocol before every message. Precall is asked `signin:accounts` from
 * its own page, which reads the sign-in store: the work every wake-up starts with. A second
 * reference in the same run, a bare worker that answers from IndexedDB with the raw API, tells how
 * much of the gap is opening a database at all; a third, a worker of Precall's libraries only
 * (Dexie and zod) answering a zod-checked message from a Dexie table, how much is those libraries.
 */
export async function workerColdStart(extensionDir: string): Promise<Figure[]> {
  const bareDir = await writeBareExtension();
  const bareDbDir = await writeBareIndexedDbExtension();
  const libraryDir = await writeLibraryWorkerExtension();
  const browser = await launchPipeChromium([extensionDir, bareDir, bareDbDir, libraryDir]);
  try {
    const idOf = await extensionIds(browser);
    const precallId = idOf((name) => name.startsWith('Precall'));
    const bareId = idOf((name) => name === 'Bare worker');
    const bareDbId = idOf((name) => name === 'Bare IndexedDB worker');
    const libraryId = idOf((name) => name === 'Library worker');
    // oauth.html sends one message on load and nothing after; the bare page sends nothing.
    const precallPage = await browser.open(`chrome-extension://${precallId}/oauth.html`);
    await waitFor(browser, precallPage, `!!document.querySelector('[data-oauth-result]')`);
    const barePage = await browser.open(`chrome-extension://${bareId}/page.html`);
    const bareDbPage = await browser.open(`chrome-extension://${bareDbId}/page.html`);
    const libraryPage = await browser.open(`chrome-extension://${libraryId}/page.html`);
    const stopWorkers = await workerStopper(browser, barePage);

    const firstAnswer = (session: string, message: unknown) => async () => {
      await stopWorkers();
      return browser.evaluate<number>(
        session,
        `(async () => {
          const started = performance.now();
          const answer = await chrome.runtime.sendMessage(${JSON.stringify(message)});
          if (!answer || !answer.ok) throw new Error('no answer: ' + JSON.stringify(answer));
          return performance.now() - started;
        })()`,
      );
    };
    const precall = firstAnswer(precallPage, { precall: 1, type: 'signin:accounts', payload: {} });
    const bare = firstAnswer(barePage, { ping: true });
    const bareDb = firstAnswer(bareDbPage, { rows: true });
    const library = firstAnswer(libraryPage, { precall: 1, type: 'signin:accounts', payload: {} });
    // One of each first: the first start after install is not the one a user waits for (and the
    // bare database is created then).
    const series = { precall: [] as number[], bare: [] as number[], bareDb: [] as number[], library: [] as number[] };
    await precall();
    await bare();
    await bareDb();
    await library();
    // In turn, the order rotated every round so that none always goes first on a warming machine.
    const turns = [
      async () => series.precall.push(await precall()),
      async () => series.bare.push(await bare()),
      async () => series.bareDb.push(await bareDb()),
      async () => series.library.push(await library()),
    ];
    for (let round = 0; round < coldStartRounds; round++) {
      for (let turn = 0; turn < turns.length; turn++) await turns[(round + turn) % turns.length]?.();
    }
    const measured = median(series.precall);
    const reference = median(series.bare);
    const databaseReference = median(series.bareDb);
    const libraryReference = median(series.library);
    return [
      {
        name: 'Worker cold start to first answered message',
        value: round(measured),
        unit: 'ms',
        budget: '≤ 2× bare worker',
        reference: { name: 'bare worker', value: round(reference), unit: 'ms' },
        pass: measured <= 2 * reference,
        note: `median of ${coldStartRounds}, ${round(measured / reference, 2)}× the bare worker`,
      },
      {
        name: 'Worker cold start, against a bare worker answering from IndexedDB',
        value: round(measured),
        unit: 'ms',
        budget: null,
        reference: { name: 'bare worker reading IndexedDB (raw API)', value: round(databaseReference), unit: 'ms' },
        pass: null,
        note: `median of ${coldStartRounds}, ${round(measured / databaseReference, 2)}× it; the bare worker that only answers: ${round(reference)} ms`,
      },
      {
        name: "Worker cold start, against a worker of Precall's libraries only",
        value: round(measured),
        unit: 'ms',
        budget: null,
        reference: { name: 'Dexie and zod answering a checked message', value: round(libraryReference), unit: 'ms' },
        pass: null,
        note:
          `median of ${coldStartRounds}, ${round(measured / libraryReference, 2)}× it; ` +
          `that worker alone is ${round(libraryReference / reference, 2)}× the bare worker`,
      },
    ];
  } finally {
    await browser.close();
  }
}

async function extensionIds(browser: PipeChromium): Promise<(match: (name: string) => boolean) => string> {
  const page = await browser.open('chrome://extensions-internals');
  const internals = JSON.parse(await browser.evaluate<string>(page, 'document.body.textContent')) as {
    id: string;
    name: string;
  }[];
  return (match) => {
    const found = internals.find((extension) => match(extension.name));
    if (!found) throw new Error(`extension not loaded: ${JSON.stringify(internals.map((e) => e.name))}`);
    return found.id;
  };
}

async function waitFor(browser: PipeChromium, session: string, condition: string): Promise<void> {
  await browser.evaluate(
    session,
    `new Promise((resolve) => { const check = () => (${condition}) ? resolve(true) : setTimeout(check, 20); check(); })`,
  );
}

/** Stops every service worker and resolves once the browser reports each one stopped. */
async function workerStopper(browser: PipeChromium, session: string): Promise<() => Promise<void>> {
  const status = new Map<string, string>();
  browser.on('ServiceWorker.workerVersionUpdated', (params, from) => {
    if (from !== session) return;
    for (const version of params.versions as { versionId: string; runningStatus: string }[]) {
      status.set(version.versionId, version.runningStatus);
    }
  });
  await browser.send('ServiceWorker.enable', {}, session);
  return async () => {
    await browser.send('ServiceWorker.stopAllWorkers', {}, session);
    const deadline = Date.now() + 10_000;
    while ([...status.values()].some((running) => running !== 'stopped')) {
      if (Date.now() > deadline) throw new Error(`workers did not stop: ${JSON.stringify([...status])}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
}
