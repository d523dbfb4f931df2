/**
 * Saves the rendered demo pages as HTML fixtures for the extension's selector tests: each page is
 * opened in Chromium against the pages server and the fake org, its async rows awaited, and the
 * DOM serialised with open shadow roots as `<template shadowrootmode="open">`.
 *
 *   npx tsx demo/pages/snapshot.ts [--screenshots <dir>]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { createFakeOrg } from '../../tests/demo/pages/fake-org';
import { chromiumPath, headlessArgs } from '../launch-chromium';
import { startPagesServer } from './pages-server';
import { snapshotPlans } from './snapshot-plans';

/** A fixed day, so dates in the fixtures do not change from one run to the next. */
const fixedNow = new Date(2026, 2, 10, 9, 0, 0);
const fixtureDir = new URL('../../tests/fixtures/pages/', import.meta.url);

async function main() {
  const { values } = parseArgs({ options: { screenshots: { type: 'string' } } });
  const server = await startPagesServer(createFakeOrg(fixedNow), { now: () => fixedNow });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: false, args: headlessArgs });
  await mkdir(fixtureDir, { recursive: true });
  if (values.screenshots) await mkdir(values.screenshots, { recursive: true });
  const index = [];
  try {
    for (const plan of snapshotPlans) {
      const context = await browser.newContext({
        locale: 'en-US',
        timezoneId: 'UTC',
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      const signIn = `/secur/frontdoor.jsp?un=${encodeURIComponent(plan.username)}&retURL=${encodeURIComponent(plan.path)}`;
      await page.goto(server.origin + signIn);
      await plan.ready(page);
      const html = await serialize(page);
      await writeFile(new URL(plan.file, fixtureDir), html);
      if (values.screenshots)
        await page.screenshot({ path: `${values.screenshots}/${plan.file.replace(/\.html$/, '.png')}` });
      index.push({
        file: plan.file,
        path: new URL(page.url()).pathname + new URL(page.url()).search,
        user: plan.username,
        shows: plan.shows,
      });
      console.log(`saved ${plan.file}`);
      await context.close();
    }
    await writeFile(new URL('index.json', fixtureDir), `${JSON.stringify(index, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The saved markup copies Lightning's (role="grid" tables, anchors as buttons…), not our accessibility rules. */
const lintNote = '<!-- biome-ignore-all lint: a saved Lightning-like page, kept as the browser rendered it -->\n';

/** The document as the browser holds it; scripts are dropped so a fixture never re-renders itself. */
async function serialize(page: Page): Promise<string> {
  return page.evaluate((note) => {
    for (const script of document.querySelectorAll('script')) script.remove();
    const root = document.documentElement;
    const attributes = [...root.attributes]
      .map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .join('');
    return `${note}<!DOCTYPE html>\n<html${attributes}>${root.getHTML({ serializableShadowRoots: true })}</html>\n`;
  }, lintNote);
}

await main();
