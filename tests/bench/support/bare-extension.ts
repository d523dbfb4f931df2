import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The references for the worker's cold start: an extension whose service worker only answers
 * messages, and a blank page to send them from. What Precall's worker takes beyond it is what
 * Precall's own evaluation and first answer cost.
 */
export async function writeBareExtension(): Promise<string> {
  return writeWorkerExtension(
    'Bare worker',
    'chrome.runtime.onMessage.addListener((message, sender, sendResponse) => { sendResponse({ ok: true, data: message }); });\n',
  );
}

/**
 * The same bare worker, but answering with the rows of an IndexedDB store read with the raw
 * API, no library: Precall's first answer reads its sign-in database, and opening a database is
 * a cost a worker that only answers never pays. What Precall takes beyond this one is Precall's.
 */
export async function writeBareIndexedDbExtension(): Promise<string> {
  return writeWorkerExtension(
    'Bare IndexedDB worker',
    `const open = () => new Promise((resolve, reject) => {
  const request = indexedDB.open('bare', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' }).put({ id: 1, name: 'row' });
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const rows = (db) => new Promise((resolve, reject) => {
  const request = db.transaction('rows').objectStore('rows').getAll();
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  open().then(rows).then((data) => sendResponse({ ok: true, data }), (error) => sendResponse({ ok: false, error: String(error) }));
  return true;
});
`,
  );
}

/**
 * A worker of Precall's libraries only (library-worker/background.ts: Dexie and zod, bundled and
 * minified as a build would): what any worker that checks its messages with zod and answers
 * from Dexie pays at every start, before a line of Precall runs.
 */
export async function writeLibraryWorkerExtension(): Promise<string> {
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: [new URL('./library-worker/background.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return writeWorkerExtension('Library worker', bundled.outputFiles[0]?.text ?? '');
}

async function writeWorkerExtension(name: string, worker: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'precall-bare-'));
  const manifest = { manifest_version: 3, name, version: '1.0.0', background: { service_worker: 'background.js' } };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'background.js'), worker);
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>bare</title>\n');
  return dir;
}

/**
 * The reference for a page's cost: an extension whose content script, on the same pages and at
 * the same moment as Precall's (document_idle), only puts a button in a shadow root on the page,
 * as Precall's launcher does. What a page pays for any extension that shows something on it:
 * Chromium sets up the content script's isolated world and extension bindings, and evaluates it.
 */
export async function writeBareContentScriptExtension(matches: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'precall-bare-'));
  const manifest = {
    manifest_version: 3,
    name: 'Bare content script',
    version: '1.0.0',
    content_scripts: [{ matches, js: ['content.js'], run_at: 'document_idle' }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    join(dir, 'content.js'),
    `(() => {
  const host = document.createElement('div');
  host.setAttribute('data-precall-launcher', '');
  const button = document.createElement('button');
  button.setAttribute('data-precall-tab', '');
  button.textContent = 'Call plan';
  button.style.cssText = 'position: fixed; right: 0; top: 120px';
  host.attachShadow({ mode: 'open' }).append(button);
  document.body.append(host);
})();
`,
  );
  return dir;
}
