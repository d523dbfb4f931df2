import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The reference for the worker's cold start: an extension whose service worker only answers
 * messages, and a blank page to send them from. What Precall's worker takes beyond it is what
 * Precall's own evaluation and first answer cost.
 */
export async function writeBareExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'precall-bare-'));
  const manifest = {
    manifest_version: 3,
    name: 'Bare worker',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    join(dir, 'background.js'),
    'chrome.runtime.onMessage.addListener((message, sender, sendResponse) => { sendResponse({ ok: true, data: message }); });\n',
  );
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>bare</title>\n');
  return dir;
}
