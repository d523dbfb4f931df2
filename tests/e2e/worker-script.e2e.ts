import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionExtensionDir } from '../../demo/launch-chromium';
import { demoOrgId, userIds } from '../../demo/org/seed-data';
import { type DemoRun, signIn, startDemoRun } from './support/demo-session';

/**
 * What the worker parses at every start (background.js) against what it loads on its first
 * Salesforce call (background-jsforce.js) and the first time it syncs, runs a sign-in flow or
 * computes a coaching report (background-deferred.js). Markers are strings each part keeps
 * through minification; a worker stopped and started again proves the later parts load.
 */
const script = (name: string) => readFileSync(join(productionExtensionDir, name), 'utf8');

const streamPolyfill = ['ERR_STREAM_PUSH_AFTER_EOF', 'StringDecoder'];
const wxtStorage = ['wxt/storage'];
/** Sync's composite requests, OAuth's PKCE, the org check's permission sets, coaching's at-risk deals. */
const deferredWork = ['composite/sobjects', 'code_challenge', 'PermissionSetAssignment', 'closing-without-plan'];
/** Dexie's own code: the deferred script uses the start-up script's Dexie. */
const dexieLibrary = ['MissingAPIError'];

describe("the worker's start-up script", () => {
  it('carries no stream, buffer or string_decoder polyfill: the transport takes its stream from jsforce', () => {
    const startup = script('background.js');
    expect(streamPolyfill.filter((marker) => startup.includes(marker))).toEqual([]);
    const jsforce = script('background-jsforce.js');
    expect(streamPolyfill.filter((marker) => jsforce.includes(marker))).toEqual(streamPolyfill);
  });

  it('carries no WXT storage module (Precall reads chrome.storage itself)', () => {
    expect(wxtStorage.filter((marker) => script('background.js').includes(marker))).toEqual([]);
  });

  it('leaves sync, the sign-in flows and coaching to the deferred script, which shares its Dexie', () => {
    const startup = script('background.js');
    const deferred = script('background-deferred.js');
    expect(deferredWork.filter((marker) => startup.includes(marker))).toEqual([]);
    expect(deferredWork.filter((marker) => deferred.includes(marker))).toEqual(deferredWork);
    expect(dexieLibrary.filter((marker) => startup.includes(marker))).toEqual(dexieLibrary);
    expect(dexieLibrary.filter((marker) => deferred.includes(marker))).toEqual([]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
    expect(deferred.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
  });
});

describe('a worker started cold', () => {
  let run: DemoRun;
  let options: Page;
  let devtools: CDPSession;
  const morgan = { orgId: demoOrgId, userId: userIds.morgan };

  beforeAll(async () => {
    run = await startDemoRun();
    const page = await run.browser.context.newPage();
    await signIn(page, run, 'morgan@precall.demo', '/lightning/page/home');
    options = await run.browser.context.newPage();
    await options.goto(`chrome-extension://${run.browser.extensionId}/options.html`);
    devtools = await run.browser.context.newCDPSession(options);
    await devtools.send('ServiceWorker.enable');
  });
  afterAll(async () => run?.close());

  const send = (message: unknown) =>
    options.evaluate(
      (m) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(m),
      message,
    ) as Promise<{
      ok: boolean;
      data?: unknown;
      error?: unknown;
    }>;
  async function stopWorker(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.includes(run.browser.extensionId) && v.runningStatus === 'stopped'))
          resolve();
      });
    });
    await devtools.send('ServiceWorker.stopAllWorkers');
    await stopped;
  }

  it('answers a sync run, a coaching report and an org check, each its first message', async () => {
    const origin = run.org.url;
    await expect
      .poll(async () => JSON.stringify((await send({ precall: 1, type: 'signin:accounts', payload: {} })).data), {
        timeout: 20_000,
      })
      .toContain(morgan.userId);

    await stopWorker();
    const synced = await send({ precall: 1, type: 'sync:run', payload: { origin } });
    expect(synced).toMatchObject({ ok: true, data: { state: { kind: 'in-sync' } } });

    await stopWorker();
    const report = await send({
      precall: 1,
      type: 'coaching:report',
      payload: { origin, from: '2026-01-05', to: '2026-03-29', timeZone: 'UTC' },
    });
    expect(report.ok, JSON.stringify(report.error)).toBe(true);
    expect(JSON.stringify(report.data)).toContain(userIds.riley);

    await stopWorker();
    const check = await send({ precall: 1, type: 'org:check', payload: morgan });
    expect(check.ok, JSON.stringify(check.error)).toBe(true);
    expect(JSON.stringify(check.data)).toContain('Precall_Manager');
  });

  it("keeps the alarms' schedule when it starts again: an hourly alarm is not put off by each start", async () => {
    const alarms = () =>
      // Read from an extension page: the worker read them would be the one under test.
      options.evaluate(async () => {
        const chromeAlarms = (
          globalThis as unknown as {
            chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } };
          }
        ).chrome.alarms;
        return Object.fromEntries((await chromeAlarms.getAll()).map((alarm) => [alarm.name, alarm.scheduledTime]));
      });
    await expect.poll(async () => Object.keys(await alarms()).sort()).toEqual(['precall-reminders', 'precall-sync']);
    const before = await alarms();
    await stopWorker();
    // Any message starts it again; its start-up sets the alarms after answering, maybe.
    await send({ precall: 1, type: 'signin:accounts', payload: {} });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await alarms())['precall-reminders']).toBe(before['precall-reminders']);
  });
});
